// Where a command's output goes. A named file appears only when complete: it is written to an
// anonymous file in the target's directory (O_TMPFILE) and linked into place by commit(), so
// nothing of it survives an interruption, SIGKILL included. Where the file system lacks
// O_TMPFILE, a named temporary file beside the target is used instead, removed by the
// destructor and by handlers for SIGINT, SIGTERM and SIGHUP (not by SIGKILL). An existing file
// is kept (an error before any work is done) unless |force|. "-" streams to stdout as it goes.
#pragma once

#include <sys/types.h>

#include <string>

#include "nacre/bytes.hpp"

namespace nacre::cli {

class OutputFile {
 public:
  // |mode| for a new file (0600 for plaintext and secrets; public files pass 0644), less the
  // umask. Throws std::runtime_error naming |path|.
  OutputFile(const std::string &path, bool force, mode_t mode);
  ~OutputFile();
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  bool is_stdout() const noexcept { return path_ == "-"; }
  const std::string &path() const noexcept { return path_; }
  std::uint64_t written() const noexcept { return written_; }

  void write(ByteView bytes);  // throws std::runtime_error
  void commit();               // the output is complete: link it into place (or flush stdout)

 private:
  void link_into_place();

  std::string path_;
  bool force_;
  int fd_ = -1;
  std::string tmp_;  // the named temporary file (fallback only)
  bool committed_ = false;
  std::uint64_t written_ = 0;
};

// Whether |path| names an existing file (for refusing before any work is done).
bool exists(const std::string &path);

}  // namespace nacre::cli
