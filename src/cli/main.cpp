// nacre: command-line front end to the library (selftest, hash, random).
#include <cstdio>
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
  nacre::cli::add_crypt_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    return app.exit(e);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "nacre: %s\n", e.what());
    return 1;
  }
  return 0;
}
