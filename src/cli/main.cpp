// nacre: command-line front end to the library (selftest, hash, random, encrypt/decrypt,
// keygen/sign/verify, speed, info). Exit status: 0 success, 1 failure, 2 usage.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>

#include "commands.hpp"
#include "nacre/version.hpp"

int main(int argc, char **argv) {
  CLI::App app{"nacre: vetted cryptography from BoringSSL and libsodium", "nacre"};
  app.set_version_flag("--version", nacre::version_string());
  app.require_subcommand(1);
  nacre::cli::add_selftest_command(app);
  nacre::cli::add_hash_command(app);
  nacre::cli::add_random_command(app);
  nacre::cli::add_age_commands(app);
  nacre::cli::add_key_commands(app);
  nacre::cli::add_minisign_commands(app);
  nacre::cli::add_speed_command(app);
  nacre::cli::add_info_command(app);
  app.footer("Exit status: 0 on success, 1 on failure (a bad tag or signature, I/O), 2 on usage errors.");
  int rc = 0;
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError &e) {  // a command's own failure, its message already printed
    rc = e.get_exit_code();
  } catch (const CLI::ParseError &e) {
    // --help and --version exit 0; every usage error exits 2 (CLI11's own numbers vary).
    rc = app.exit(e) == 0 ? 0 : 2;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "nacre: %s\n", e.what());
    rc = 1;
  }
  // Output that did not reach its destination (a full disk, a closed pipe) is a failure too.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "nacre: error writing output: %s\n", std::strerror(errno));
    return 1;
  }
  return rc;
}
