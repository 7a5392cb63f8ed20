#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "nacre/random.hpp"

namespace nacre::cli {
namespace {

std::string errno_message(const std::string &path) { return path + ": " + std::strerror(errno); }

std::string directory_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// The fallback's temporary file, for the signal handlers: a fixed buffer, so that the handler
// only calls async-signal-safe functions.
char g_pending[4096];

extern "C" void remove_pending_and_die(int sig) {
  if (g_pending[0] != '\0') unlink(g_pending);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void watch(const std::string &tmp) {
  if (tmp.size() >= sizeof g_pending) throw std::runtime_error(tmp + ": path too long");
  std::memcpy(g_pending, tmp.c_str(), tmp.size() + 1);
  struct sigaction sa{};
  sa.sa_handler = remove_pending_and_die;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
}

void unwatch() noexcept { g_pending[0] = '\0'; }

// A name beside |path| that no file has yet (for links and the fallback).
std::string temporary_name(const std::string &path) {
  const Bytes r = random_bytes(6);
  static const char *hex = "0123456789abcdef";
  std::string name = path + ".nacre-tmp-";
  for (std::uint8_t b : r) {
    name.push_back(hex[b >> 4]);
    name.push_back(hex[b & 15]);
  }
  return name;
}

void write_all(int fd, ByteView bytes, const std::string &path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(path + ": write error: " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

bool exists(const std::string &path) {
  struct stat st{};
  return lstat(path.c_str(), &st) == 0;
}

OutputFile::OutputFile(const std::string &path, bool force, mode_t mode) : path_(path), force_(force) {
  if (is_stdout()) {
    fd_ = STDOUT_FILENO;
    return;
  }
  if (!force && exists(path)) throw std::runtime_error(path + " already exists (use --force to replace it)");
  fd_ = open(directory_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd_ >= 0) return;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) throw std::runtime_error(errno_message(path));
  // No O_TMPFILE here: a named file, removed on the signals that can be caught.
  for (int attempt = 0; fd_ < 0; ++attempt) {
    tmp_ = temporary_name(path);
    fd_ = open(tmp_.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode);
    if (fd_ < 0 && (errno != EEXIST || attempt == 8)) throw std::runtime_error(errno_message(path));
  }
  watch(tmp_);
}

OutputFile::~OutputFile() {
  if (fd_ > STDERR_FILENO) close(fd_);
  if (!committed_ && !tmp_.empty()) {
    unlink(tmp_.c_str());
    unwatch();
  }
}

void OutputFile::write(ByteView bytes) {
  write_all(fd_, bytes, is_stdout() ? std::string("stdout") : path_);
  written_ += bytes.size();
}

void OutputFile::link_into_place() {
  if (!tmp_.empty()) {  // the fallback: a named file, renamed (or linked, to keep an existing one)
    if (!force_) {
      if (link(tmp_.c_str(), path_.c_str()) != 0) {
        throw std::runtime_error(errno == EEXIST ? path_ + " already exists (use --force to replace it)"
                                                 : errno_message(path_));
      }
      unlink(tmp_.c_str());
    } else if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
      throw std::runtime_error(errno_message(path_));
    }
    unwatch();
    return;
  }
  // An anonymous file gets its name through /proc (AT_EMPTY_PATH would need a capability).
  const std::string self = "/proc/self/fd/" + std::to_string(fd_);
  const std::string target = force_ ? temporary_name(path_) : path_;
  if (linkat(AT_FDCWD, self.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) != 0) {
    throw std::runtime_error(errno == EEXIST ? path_ + " already exists (use --force to replace it)"
                                             : errno_message(path_));
  }
  if (force_ && std::rename(target.c_str(), path_.c_str()) != 0) {
    const int saved = errno;
    unlink(target.c_str());
    errno = saved;
    throw std::runtime_error(errno_message(path_));
  }
}

void OutputFile::commit() {
  if (is_stdout()) {
    committed_ = true;
    return;
  }
  if (fsync(fd_) != 0) throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
  link_into_place();
  committed_ = true;
  close(fd_);
  fd_ = -1;
}

}  // namespace nacre::cli
