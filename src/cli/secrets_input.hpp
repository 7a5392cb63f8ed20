// Where `nacre encrypt`/`decrypt` get their secret: a key file, a passphrase file, an environment
// variable, or the terminal.
#pragma once

#include <string>

#include "nacre/secret.hpp"

namespace nacre::cli {

struct SecretSource {
  std::string key_file;
  std::string passphrase_file;
  std::string passphrase_env;
};

// read_raw_key returns the 32 bytes of a key file; throws std::runtime_error with a message.
SecretBytes read_raw_key(const std::string &path);
// read_passphrase reads from the file or variable named in |src|, else asks on the terminal
// (twice when |confirm|). Throws std::runtime_error when there is none or it is empty.
SecretBytes read_passphrase(const SecretSource &src, bool confirm);

}  // namespace nacre::cli
