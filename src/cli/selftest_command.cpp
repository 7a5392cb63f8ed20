#include <cstdio>

#include "commands.hpp"
#include "nacre/selftest.hpp"
#include "nacre/version.hpp"

namespace nacre::cli {

void add_selftest_command(CLI::App &app) {
  auto *cmd = app.add_subcommand("selftest",
                                 "Run known-answer tests of every primitive on every backend (pairwise "
                                 "checks for randomized public-key primitives)");
  cmd->callback([] {
    std::printf("nacre %s (libsodium %s, BoringSSL asm %s)\n", version_string(),
                sodium_version_string(), boringssl_has_asm() ? "on" : "off");
    int failed = 0;
    int total = 0;
    for (const auto &r : run_selftest()) {
      ++total;
      failed += r.passed ? 0 : 1;
      std::printf("%-4s %-30s %s\n", r.passed ? "PASS" : "FAIL", r.primitive.c_str(),
                  r.backend.c_str());
    }
    std::printf("%d passed, %d failed\n", total - failed, failed);
    std::printf("%s\n", describe_secret_memory().c_str());
    if (failed != 0) throw CLI::RuntimeError(1);
  });
}

}  // namespace nacre::cli
