// The nacre command-line tool's subcommands. Each returns the process exit status.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "secrets_input.hpp"

namespace nacre::cli {

void add_hash_command(CLI::App &app);
void add_random_command(CLI::App &app);
void add_selftest_command(CLI::App &app);
void add_age_commands(CLI::App &app);  // encrypt, decrypt, age
void add_key_commands(CLI::App &app);       // keygen
void add_minisign_commands(CLI::App &app);  // sign, verify
void add_speed_command(CLI::App &app);
void add_info_command(CLI::App &app);

// One line on the secret memory pool: arenas, locked and unlocked bytes, live secrets.
std::string describe_secret_memory();

// A minisign key pair (minisign -G), written as minisign writes it (minisign_commands.cpp).
void minisign_keygen(const std::string &pub, const std::string &sec, bool unencrypted, bool force,
                     const SecretSource &secret);

}  // namespace nacre::cli
