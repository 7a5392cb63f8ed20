// The nacre command-line tool's subcommands. Each returns the process exit status.
#pragma once

#include <CLI/CLI.hpp>

namespace nacre::cli {

void add_hash_command(CLI::App &app);
void add_random_command(CLI::App &app);
void add_selftest_command(CLI::App &app);
void add_crypt_commands(CLI::App &app);

}  // namespace nacre::cli
