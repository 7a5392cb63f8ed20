#include "secrets_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>


namespace nacre::cli {
namespace {

struct FileCloser {
  void operator()(std::FILE *f) const noexcept { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

SecretBytes strip_newline(ByteView v) {
  std::size_t n = v.size();
  if (n > 0 && v[n - 1] == '\n') --n;
  if (n > 0 && v[n - 1] == '\r') --n;
  if (n == 0) throw std::runtime_error("the passphrase is empty");
  return SecretBytes::copy_of(v.first(n));
}

SecretBytes prompt(const char *question) {
  File tty(std::fopen("/dev/tty", "r+"));
  if (!tty) {
    throw std::runtime_error(
        "no passphrase given and no terminal to ask on: use --passphrase-file or --passphrase-env");
  }
  const int fd = fileno(tty.get());
  termios old{};
  const bool is_term = tcgetattr(fd, &old) == 0;
  if (is_term) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::fputs(question, tty.get());
  std::fflush(tty.get());
  SecretBytes line(1024);
  const bool got = std::fgets(reinterpret_cast<char *>(line.data()), 1024, tty.get()) != nullptr;
  if (is_term) tcsetattr(fd, TCSAFLUSH, &old);
  std::fputs("\n", tty.get());
  if (!got) throw std::runtime_error("no passphrase read");
  return strip_newline(line.view().first(std::strlen(reinterpret_cast<const char *>(line.data()))));
}

}  // namespace

SecretBytes read_secret_file(const std::string &path, std::size_t max) {
  File owned(path == "-" ? nullptr : std::fopen(path.c_str(), "rb"));
  std::FILE *f = path == "-" ? stdin : owned.get();
  if (f == nullptr) throw std::runtime_error(path + ": " + std::strerror(errno));
  std::setvbuf(f, nullptr, _IONBF, 0);  // no stdio buffer keeps a copy
  SecretBytes buf(max + 1);
  std::size_t n = 0;
  while (n < buf.size()) {
    const std::size_t got = std::fread(buf.data() + n, 1, buf.size() - n, f);
    if (got == 0) break;
    n += got;
  }
  if (std::ferror(f)) throw std::runtime_error(path + ": read error");
  if (n > max) throw std::runtime_error(path + ": too long (over " + std::to_string(max) + " bytes)");
  return SecretBytes::copy_of(buf.view().first(n));
}

SecretBytes read_passphrase(const SecretSource &src, bool confirm) {
  if (!src.passphrase_file.empty()) return strip_newline(read_secret_file(src.passphrase_file, 4096).view());
  if (!src.passphrase_env.empty()) {
    const char *v = std::getenv(src.passphrase_env.c_str());
    if (v == nullptr) throw std::runtime_error("environment variable " + src.passphrase_env + " is not set");
    return strip_newline({reinterpret_cast<const std::uint8_t *>(v), std::strlen(v)});
  }
  SecretBytes first = prompt("Passphrase: ");
  if (confirm && !(prompt("Passphrase (again): ") == first)) {
    throw std::runtime_error("the passphrases differ");
  }
  return first;
}

}  // namespace nacre::cli
