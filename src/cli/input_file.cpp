#include "input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace nacre::cli {

InputFile::InputFile(const std::string &path) : name_(path == "-" ? "stdin" : path) {
  fd_ = path == "-" ? STDIN_FILENO : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  struct stat st{};
  if (fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<std::uint64_t>(st.st_size);
}

InputFile::~InputFile() {
  if (fd_ > STDERR_FILENO) close(fd_);
}

ByteView InputFile::read(Bytes &buf) {
  for (;;) {
    const ssize_t n = ::read(fd_, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(name_ + ": read error: " + std::strerror(errno));
    return ByteView(buf).first(static_cast<std::size_t>(n));
  }
}

}  // namespace nacre::cli
