#include "atomic_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace nacre::cli {

AtomicOutput::AtomicOutput(const std::string &path) : path_(path) {
  if (path == "-") {
    file_ = stdout;
    return;
  }
  std::vector<char> name(path.begin(), path.end());
  const std::string suffix = ".nacre-tmp-XXXXXX";
  name.insert(name.end(), suffix.begin(), suffix.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());  // mode 0600: decrypted data is never world-readable
  if (fd < 0) throw std::runtime_error(path + ": " + std::strerror(errno));
  tmp_ = name.data();
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    close(fd);
    unlink(tmp_.c_str());
    throw std::runtime_error(path + ": " + std::strerror(errno));
  }
}

AtomicOutput::~AtomicOutput() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!committed_ && !tmp_.empty()) unlink(tmp_.c_str());
}

void AtomicOutput::write(ByteView bytes) {
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
  }
}

void AtomicOutput::commit() {
  if (std::fflush(file_) != 0) throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
  if (file_ == stdout) {
    committed_ = true;
    return;
  }
  if (fsync(fileno(file_)) != 0 || std::fclose(file_) != 0) {
    file_ = nullptr;
    throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
  }
  file_ = nullptr;
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": " + std::strerror(errno));
  }
  committed_ = true;
}

}  // namespace nacre::cli
