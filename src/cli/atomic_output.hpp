// An output that appears only when complete: written to a temporary file beside the target and
// renamed over it on commit(); removed if never committed. "-" writes straight to stdout.
#pragma once

#include <cstdio>
#include <string>

#include "nacre/bytes.hpp"

namespace nacre::cli {

class AtomicOutput {
 public:
  explicit AtomicOutput(const std::string &path);  // throws std::runtime_error
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput &) = delete;
  AtomicOutput &operator=(const AtomicOutput &) = delete;

  void write(ByteView bytes);  // throws std::runtime_error
  void commit();               // throws std::runtime_error

 private:
  std::string path_;
  std::string tmp_;
  std::FILE *file_ = nullptr;
  bool committed_ = false;
};

}  // namespace nacre::cli
