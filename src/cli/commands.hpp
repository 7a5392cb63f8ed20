// The nacre command-line tool's subcommands. Each returns the process exit status.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "nacre/keys.hpp"

namespace nacre::cli {

void add_hash_command(CLI::App &app);
void add_random_command(CLI::App &app);
void add_selftest_command(CLI::App &app);
void add_age_commands(CLI::App &app);  // encrypt, decrypt, age
void add_key_commands(CLI::App &app);  // keygen, sign, verify
void add_speed_command(CLI::App &app);
void add_info_command(CLI::App &app);

// One line on the secret memory pool: arenas, locked and unlocked bytes, live secrets.
std::string describe_secret_memory();

// Key files as `nacre keygen` writes them (key_commands.cpp). Both throw std::runtime_error with
// a message naming |path| for an unreadable file or one that does not hold such a key.
Key read_private_key(const std::string &path);  // PKCS#8 PEM
Key read_public_key(const std::string &path);   // SubjectPublicKeyInfo PEM

}  // namespace nacre::cli
