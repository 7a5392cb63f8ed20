// Where `nacre encrypt`/`decrypt` get a passphrase: a file, an environment variable, or the
// terminal.
#pragma once

#include <string>

#include "nacre/secret.hpp"

namespace nacre::cli {

struct SecretSource {
  std::string passphrase_file;
  std::string passphrase_env;
};

// read_secret_file reads at most |max| bytes of |path| ("-": stdin) into secret memory; throws
// std::runtime_error naming |path| when it cannot be read or is longer.
SecretBytes read_secret_file(const std::string &path, std::size_t max);
// read_passphrase reads from the file or variable named in |src|, else asks on the terminal
// (twice when |confirm|). Throws std::runtime_error when there is none or it is empty.
SecretBytes read_passphrase(const SecretSource &src, bool confirm);

}  // namespace nacre::cli
