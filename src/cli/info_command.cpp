// `nacre info`: version, backends, and where secrets live (the secret memory pool's statistics).
#include <cstdint>
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "nacre/secret.hpp"
#include "nacre/version.hpp"

namespace nacre::cli {
namespace {

std::string kib(std::size_t bytes) { return std::to_string(bytes / 1024) + " KiB"; }

}  // namespace

std::string describe_secret_memory() {
  const SecretPoolStats s = secret_pool_stats();
  const std::string limit = s.lock_limit == SIZE_MAX ? "unlimited" : kib(s.lock_limit);
  return "secret memory: " + std::to_string(s.arenas) + " arena(s), " + kib(s.capacity) +
         " of slabs; " + kib(s.locked_bytes) + " locked, " + kib(s.unlocked_bytes) +
         " unlocked (RLIMIT_MEMLOCK " + limit + "); " + std::to_string(s.in_use) +
         " live secrets in " + std::to_string(s.in_use_bytes) + " bytes, " +
         std::to_string(s.large) + " above 64 KiB";
}

void add_info_command(CLI::App &app) {
  auto *cmd = app.add_subcommand("info", "Show the version, the backends, and secret memory use");
  cmd->callback([] {
    std::printf("nacre %s (C ABI %d)\n", version_string(), abi_version());
    std::printf("backends: libsodium %s, BoringSSL (assembly %s)\n", sodium_version_string(),
                boringssl_has_asm() ? "on" : "off");
    std::printf("%s\n", describe_secret_memory().c_str());
  });
}

}  // namespace nacre::cli
