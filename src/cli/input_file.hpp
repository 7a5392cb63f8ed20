// An input read in pieces: a file, or stdin for "-"; its size when it is a regular file.
#pragma once

#include <cstdint>
#include <string>

#include "nacre/bytes.hpp"

namespace nacre::cli {

class InputFile {
 public:
  explicit InputFile(const std::string &path);  // throws std::runtime_error naming |path|
  ~InputFile();
  InputFile(const InputFile &) = delete;
  InputFile &operator=(const InputFile &) = delete;

  // The next piece, at most |buf|'s size, in |buf| (empty at the end of the input).
  ByteView read(Bytes &buf);
  const std::string &name() const noexcept { return name_; }
  std::uint64_t size() const noexcept { return size_; }  // 0 when unknown (a pipe)

 private:
  std::string name_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace nacre::cli
