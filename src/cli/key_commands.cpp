// nacre keygen / sign / verify: key pairs as PKCS#8 and SubjectPublicKeyInfo PEM files, and
// detached signatures over whole files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "nacre/signature.hpp"

namespace nacre::cli {
namespace {

// Key files are a few kilobytes (RSA-4096 PKCS#8 PEM: about 3.3 KB); signatures at most 512 bytes.
constexpr std::size_t kMaxKeyFile = std::size_t{64} * 1024;
constexpr std::size_t kMaxSignatureFile = std::size_t{64} * 1024;
// sign/verify read the whole message: Ed25519 signs messages, not digests.
constexpr std::size_t kMaxMessage = std::size_t{1} << 30;

std::string errno_message(const std::string &path) { return path + ": " + std::strerror(errno); }

class Fd {
 public:
  explicit Fd(int fd) noexcept : fd_(fd) {}
  ~Fd() {
    if (fd_ > 2) close(fd_);
  }
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

Fd open_for_reading(const std::string &path) {
  if (path == "-") return Fd(STDIN_FILENO);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(errno_message(path));
  return Fd(fd);
}

// read_some fills |buf| from |fd| until it is full or the input ends; returns the count.
std::size_t read_some(int fd, MutableByteView buf, const std::string &path) {
  std::size_t got = 0;
  while (got < buf.size()) {
    const ssize_t n = read(fd, buf.data() + got, buf.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(path + ": read error: " + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

// A small file read straight into secret memory (no stdio buffer holds a copy).
SecretBytes read_small_file(const std::string &path, std::size_t max, const char *what) {
  const Fd fd = open_for_reading(path);
  SecretBytes buf(max + 1);
  const std::size_t n = read_some(fd.get(), buf.mutable_view(), path);
  if (n > max) throw std::runtime_error(path + ": too large to be " + what);
  return SecretBytes::copy_of(buf.view().first(n));
}

// The whole of a message to sign or verify, at most kMaxMessage bytes.
Bytes read_message(const std::string &path) {
  const Fd fd = open_for_reading(path);
  Bytes msg;
  struct stat st{};
  if (fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::uint64_t>(st.st_size) <= kMaxMessage) {
    msg.reserve(static_cast<std::size_t>(st.st_size));
  }
  Bytes buf(1 << 20);
  for (;;) {
    const std::size_t n = read_some(fd.get(), buf, path);
    if (msg.size() + n > kMaxMessage) {
      throw std::runtime_error(path + ": larger than 1 GiB; nacre sign and verify read the whole file into memory");
    }
    msg.insert(msg.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
    if (n < buf.size()) return msg;
  }
}

bool contains(ByteView data, std::string_view needle) {
  const std::string_view text(reinterpret_cast<const char *>(data.data()), data.size());
  return text.find(needle) != std::string_view::npos;
}

// PendingFile is a file written to a temporary name beside |path| (created mode 0600, so a
// private key is never readable by others, not even for a moment) and moved into place by
// commit(); removed if never committed.
class PendingFile {
 public:
  explicit PendingFile(std::string path) : path_(std::move(path)) {
    std::vector<char> name(path_.begin(), path_.end());
    const std::string suffix = ".nacre-tmp-XXXXXX";
    name.insert(name.end(), suffix.begin(), suffix.end());
    name.push_back('\0');
    fd_ = mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error(errno_message(path_));
    tmp_ = name.data();
  }
  ~PendingFile() {
    if (fd_ >= 0) close(fd_);
    if (!tmp_.empty()) unlink(tmp_.c_str());
  }
  PendingFile(const PendingFile &) = delete;
  PendingFile &operator=(const PendingFile &) = delete;

  void write_all(ByteView bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
      done += static_cast<std::size_t>(n);
    }
  }

  // A mode other than 0600, subject to the umask (for public files).
  void set_public_mode() {
    const mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd_, 0644 & ~mask) != 0) throw std::runtime_error(errno_message(path_));
  }

  // Moves the file into place. Without |overwrite| an existing |path| is an error, checked
  // atomically (link fails on an existing name) where the file system has hard links.
  void commit(bool overwrite) {
    if (fsync(fd_) != 0 || close(fd_) != 0) {
      fd_ = -1;
      throw std::runtime_error(path_ + ": write error: " + std::strerror(errno));
    }
    fd_ = -1;
    if (!overwrite) {
      if (link(tmp_.c_str(), path_.c_str()) == 0) {
        unlink(tmp_.c_str());
        tmp_.clear();
        return;
      }
      if (errno == EEXIST) throw std::runtime_error(path_ + " already exists (use --force to replace it)");
      // No hard links here (EPERM, ENOTSUP...): check, then rename.
      struct stat st{};
      if (lstat(path_.c_str(), &st) == 0) {
        throw std::runtime_error(path_ + " already exists (use --force to replace it)");
      }
    }
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) throw std::runtime_error(errno_message(path_));
    tmp_.clear();
  }

 private:
  std::string path_;
  std::string tmp_;
  int fd_ = -1;
};

void write_public_file(const std::string &path, ByteView bytes) {
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
    }
    return;
  }
  PendingFile f(path);
  f.write_all(bytes);
  f.set_public_mode();
  f.commit(/*overwrite=*/true);
}

// The signature algorithm each key type signs with.
SigAlg signature_alg(KeyType type) {
  switch (type) {
    case KeyType::ed25519: return SigAlg::ed25519;
    case KeyType::p256: return SigAlg::ecdsa_p256_sha256;
    case KeyType::p384: return SigAlg::ecdsa_p384_sha384;
    case KeyType::rsa: return SigAlg::rsa_pss_sha256;
    default: break;
  }
  throw std::runtime_error(std::string(key_type_name(type)) + " keys cannot sign");
}

// keygen's --alg names.
const std::map<std::string, std::pair<KeyType, std::size_t>> &keygen_algs() {
  static const std::map<std::string, std::pair<KeyType, std::size_t>> algs = {
      {"ed25519", {KeyType::ed25519, 0}}, {"x25519", {KeyType::x25519, 0}},
      {"p256", {KeyType::p256, 0}},       {"p384", {KeyType::p384, 0}},
      {"rsa2048", {KeyType::rsa, 2048}},  {"rsa3072", {KeyType::rsa, 3072}},
      {"rsa4096", {KeyType::rsa, 4096}},
  };
  return algs;
}

// KEY.pem -> KEY.pub.pem; any other name gets ".pub.pem" appended.
std::string public_path_for(const std::string &out) {
  constexpr std::string_view ext = ".pem";
  if (out.size() > ext.size() && out.compare(out.size() - ext.size(), ext.size(), ext) == 0) {
    return out.substr(0, out.size() - ext.size()) + ".pub.pem";
  }
  return out + ".pub.pem";
}

struct KeygenOptions {
  std::string alg;
  std::string out;
  bool force = false;
};

void keygen(const KeygenOptions &o) {
  if (o.out == "-") throw std::runtime_error("--out must name a file: the key pair is two files");
  const std::string pub_path = public_path_for(o.out);
  if (!o.force) {
    for (const std::string &p : {o.out, pub_path}) {
      struct stat st{};
      if (lstat(p.c_str(), &st) == 0) throw std::runtime_error(p + " already exists (use --force to replace it)");
    }
  }
  const auto &[type, bits] = keygen_algs().at(o.alg);
  const Key key = Key::generate(type, bits);
  PendingFile priv(o.out);
  priv.write_all(key.export_private(KeyFormat::pkcs8_pem).view());
  PendingFile pub(pub_path);
  pub.write_all(key.export_public(KeyFormat::spki_pem));
  pub.set_public_mode();
  priv.commit(o.force);
  try {
    pub.commit(o.force);
  } catch (...) {
    unlink(o.out.c_str());  // a key pair is written whole or not at all
    throw;
  }
}

struct SignOptions {
  std::string key;
  std::string out;
  std::string file;
};

void sign_file(const SignOptions &o) {
  std::string out = o.out;
  if (out.empty()) {
    if (o.file == "-") throw std::runtime_error("signing stdin: name the signature file with --out");
    out = o.file + ".sig";
  }
  const Key key = read_private_key(o.key);
  const SigAlg alg = signature_alg(key.type());
  const Bytes msg = read_message(o.file);
  write_public_file(out, sign(key, alg, msg));
}

struct VerifyOptions {
  std::string pub;
  std::string sig;
  std::string file;
};

void verify_file(const VerifyOptions &o) {
  if (o.sig == "-" && o.file == "-") throw std::runtime_error("the signature and the file cannot both be stdin");
  const Key key = read_public_key(o.pub);
  const SigAlg alg = signature_alg(key.type());
  const SecretBytes sig = read_small_file(o.sig, kMaxSignatureFile, "a signature");
  const Bytes msg = read_message(o.file);
  try {
    verify(key, alg, sig.view(), msg);
  } catch (const Error &e) {
    if (e.status() != Status::verification_failed) throw;
    std::fputs("FAILED: bad signature\n", stderr);
    throw CLI::RuntimeError(1);
  }
  std::puts("OK");
}

}  // namespace

Key read_private_key(const std::string &path) {
  const SecretBytes pem = read_small_file(path, kMaxKeyFile, "a key file");
  try {
    return Key::import(KeyFormat::pkcs8_pem, pem.view());
  } catch (const Error &e) {
    if (contains(pem.view(), "-----BEGIN PUBLIC KEY-----")) {
      throw std::runtime_error(path + ": this is a public key; the private key is needed here");
    }
    throw std::runtime_error(path + ": not a PKCS#8 PEM private key (" + e.what() + ")");
  }
}

Key read_public_key(const std::string &path) {
  const SecretBytes pem = read_small_file(path, kMaxKeyFile, "a key file");
  try {
    return Key::import(KeyFormat::spki_pem, pem.view());
  } catch (const Error &e) {
    if (contains(pem.view(), "PRIVATE KEY-----")) {
      throw std::runtime_error(path + ": this is a private key; give the public key (the .pub.pem file)");
    }
    throw std::runtime_error(path + ": not a PEM public key (" + e.what() + ")");
  }
}

void add_key_commands(CLI::App &app) {
  static KeygenOptions kg;
  auto *k = app.add_subcommand("keygen", "Generate a key pair: KEY.pem (PKCS#8, mode 0600) and KEY.pub.pem (SPKI)");
  std::vector<std::string> names;
  for (const auto &[name, _] : keygen_algs()) names.push_back(name);
  k->add_option("--alg,-a", kg.alg, "key type")->required()->check(CLI::IsMember(names));
  k->add_option("-o,--out", kg.out, "private key file; the public key goes to its name with .pub.pem for .pem")
      ->required();
  k->add_flag("--force,-f", kg.force, "replace existing key files");
  k->callback([] { keygen(kg); });

  static SignOptions sg;
  auto *s = app.add_subcommand("sign", "Sign a file (Ed25519, ECDSA P-256/P-384 DER, RSA-PSS SHA-256 by key type)");
  s->add_option("--key,-k", sg.key, "private key (PKCS#8 PEM)")->required();
  s->add_option("-o,--out", sg.out, "signature file ('-': stdout; default FILE.sig)");
  s->add_option("FILE", sg.file, "file to sign ('-': stdin)")->required();
  s->callback([] { sign_file(sg); });

  static VerifyOptions vf;
  auto *v = app.add_subcommand("verify", "Check a signature: prints OK and exits 0 only when it is valid");
  v->add_option("--pub,-p", vf.pub, "public key (SPKI PEM)")->required();
  v->add_option("--sig,-s", vf.sig, "signature file")->required();
  v->add_option("FILE", vf.file, "signed file ('-': stdin)")->required();
  v->callback([] { verify_file(vf); });
}

}  // namespace nacre::cli
