// nacre keygen / sign / verify: key pairs as PKCS#8 and SubjectPublicKeyInfo PEM files, and
// detached signatures over whole files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "nacre/age.hpp"
#include "nacre/signature.hpp"
#include "output_file.hpp"
#include "secrets_input.hpp"

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

void write_public_file(const std::string &path, ByteView bytes) {
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      throw std::runtime_error(std::string("stdout: write error: ") + std::strerror(errno));
    }
    return;
  }
  OutputFile f(path, /*force=*/true, 0644);
  f.write(bytes);
  f.commit();
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
  bool post_quantum = false;
  bool to_recipients = false;  // -y
  std::string input = "-";
};

// age-keygen's identity file: two comment lines and the identity.
void age_keygen(const KeygenOptions &o) {
  const age::Identity id = age::Identity::generate(o.post_quantum);
  const std::string recipient = id.recipient().to_string();
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  const SecretBytes secret = id.to_string();
  const std::string head = std::string("# created: ") + when + "\n# public key: " + recipient + "\n";
  SecretBytes file(head.size() + secret.size() + 1);
  std::memcpy(file.data(), head.data(), head.size());
  std::memcpy(file.data() + head.size(), secret.data(), secret.size());
  file.data()[file.size() - 1] = '\n';
  const std::string out = o.out.empty() ? "-" : o.out;
  OutputFile f(out, o.force, 0600);
  f.write(file.view());
  f.commit();
  if (!f.is_stdout() || isatty(STDOUT_FILENO) != 1) std::fprintf(stderr, "Public key: %s\n", recipient.c_str());
}

// age-keygen -y: the recipient of each identity in a file.
void age_recipients(const KeygenOptions &o) {
  const SecretBytes text = read_secret_file(o.input, std::size_t{16} << 20);
  std::string out;
  try {
    for (const age::Identity &id :
         age::parse_identities({reinterpret_cast<const char *>(text.data()), text.size()})) {
      out += id.recipient().to_string() + "\n";
    }
  } catch (const Error &e) {
    throw std::runtime_error((o.input == "-" ? std::string("stdin") : o.input) + ": " + e.what());
  }
  OutputFile f(o.out.empty() ? "-" : o.out, o.force, 0644);
  f.write(as_bytes_view(out));
  f.commit();
}

void keygen(const KeygenOptions &o) {
  if (o.to_recipients) return age_recipients(o);
  if (o.alg.empty()) return age_keygen(o);
  if (o.post_quantum) throw CLI::ValidationError("--pq is for age identities (without --alg)");
  if (o.out.empty() || o.out == "-") throw CLI::ValidationError("--alg needs -o FILE: the key pair is two files");
  const std::string pub_path = public_path_for(o.out);
  if (!o.force) {
    for (const std::string &p : {o.out, pub_path}) {
      struct stat st{};
      if (lstat(p.c_str(), &st) == 0) throw std::runtime_error(p + " already exists (use --force to replace it)");
    }
  }
  const auto &[type, bits] = keygen_algs().at(o.alg);
  const Key key = Key::generate(type, bits);
  OutputFile priv(o.out, o.force, 0600);
  priv.write(key.export_private(KeyFormat::pkcs8_pem).view());
  OutputFile pub(pub_path, o.force, 0644);
  pub.write(key.export_public(KeyFormat::spki_pem));
  priv.commit();
  try {
    pub.commit();
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
    if (o.file == "-") throw std::runtime_error("signing stdin: name the signature file with --output");
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
  auto *k = app.add_subcommand(
      "keygen", "Generate an age identity (age-keygen's file), or with --alg a PEM key pair: KEY.pem (PKCS#8, "
                "mode 0600) and KEY.pub.pem (SPKI)");
  std::vector<std::string> names;
  for (const auto &[name, _] : keygen_algs()) names.push_back(name);
  k->add_option("--alg", kg.alg, "a PEM key pair of this type")->check(CLI::IsMember(names));
  k->add_option("-o,--output", kg.out,
                "output file (mode 0600; age identity: default stdout; --alg: required, the public key goes to "
                "its name with .pub.pem for .pem)");
  k->add_flag("--pq", kg.post_quantum, "an ML-KEM-768+X25519 hybrid age identity (AGE-SECRET-KEY-PQ-1...)");
  k->add_flag("-y", kg.to_recipients, "print the recipients of the identities in INPUT (age-keygen -y)");
  k->add_option("INPUT", kg.input, "with -y: an identity file ('-' or none: stdin)");
  k->add_flag("-f,--force", kg.force, "replace existing files");
  k->footer(R"(
Examples:
  nacre keygen -o key.txt            # age identity; prints "Public key: age1..."
  nacre keygen -y key.txt            # its recipient
  nacre keygen --alg ed25519 -o signing.pem)");
  k->callback([] { keygen(kg); });

  static SignOptions sg;
  auto *s = app.add_subcommand("sign", "Sign a file (Ed25519, ECDSA P-256/P-384 DER, RSA-PSS SHA-256 by key type)");
  s->add_option("--key,-k", sg.key, "private key (PKCS#8 PEM)")->required();
  s->add_option("-o,--output", sg.out, "signature file ('-': stdout; default FILE.sig)");
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
