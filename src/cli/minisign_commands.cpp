// nacre sign / nacre verify / nacre keygen --minisign: minisign's files with minisign's options,
// so that a script written for minisign works with nacre in its place. Files are read in
// pieces: constant memory for any size.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input_file.hpp"
#include "nacre/minisign.hpp"
#include "output_file.hpp"
#include "progress.hpp"
#include "secrets_input.hpp"

namespace nacre::cli {
namespace {

constexpr std::size_t kMaxKeyFile = std::size_t{64} * 1024;
constexpr std::size_t kPiece = std::size_t{1} << 16;

std::string text_of(const SecretBytes &b) { return {reinterpret_cast<const char *>(b.data()), b.size()}; }

// minisign's default secret key: $MINISIGN_CONFIG_DIR/minisign.key, else ~/.minisign/minisign.key.
std::string default_secret_key() {
  if (const char *dir = std::getenv("MINISIGN_CONFIG_DIR"); dir != nullptr && *dir != '\0') {
    return std::string(dir) + "/minisign.key";
  }
  const char *home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') throw std::runtime_error("no -s SECKEY given and HOME is not set");
  return std::string(home) + "/.minisign/minisign.key";
}

std::string basename_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

template <class Stream>
void feed(Stream &stream, const std::string &path, Progress::Mode mode, const char *label) {
  InputFile in(path);
  Progress progress(mode, label, in.size());
  Bytes buf(kPiece);
  for (;;) {
    const ByteView piece = in.read(buf);
    if (piece.empty()) return;
    stream.update(piece);
    progress.add(piece.size());
  }
}

struct ProgressFlags {
  bool on = false, off = false;
  Progress::Mode mode() const {
    if (on && off) throw CLI::ValidationError("--progress and --no-progress exclude each other");
    return on ? Progress::Mode::on : (off ? Progress::Mode::off : Progress::Mode::automatic);
  }
};

void add_progress(CLI::App *cmd, ProgressFlags &p) {
  cmd->add_flag("--progress", p.on, "show progress on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", p.off, "never show progress");
}

struct SignOptions {
  std::string seckey;
  std::vector<std::string> files;
  std::string sig;
  std::string trusted;
  std::string untrusted = "signature from minisign secret key";
  SecretSource secret;
  ProgressFlags progress;
};

minisign::SecretKey load_secret_key(const std::string &path, const SecretSource &secret) {
  const SecretBytes file = read_secret_file(path, kMaxKeyFile);
  try {
    if (!minisign::SecretKey::is_encrypted(text_of(file))) return minisign::SecretKey::parse(text_of(file), std::nullopt);
    const SecretBytes password = read_passphrase(secret, /*confirm=*/false);
    return minisign::SecretKey::parse(text_of(file), password.view());
  } catch (const Error &e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void sign_files(const SignOptions &o) {
  if (!o.sig.empty() && o.files.size() > 1) throw CLI::ValidationError("-x names one signature file: sign one file at a time");
  const minisign::SecretKey key = load_secret_key(o.seckey.empty() ? default_secret_key() : o.seckey, o.secret);
  for (const std::string &file : o.files) {
    minisign::Signer signer(key);
    feed(signer, file, o.progress.mode(), "hashing");
    const std::string trusted =
        o.trusted.empty() ? "timestamp:" + std::to_string(std::time(nullptr)) + "\tfile:" + basename_of(file) + "\thashed"
                          : o.trusted;
    std::string signature;
    try {
      signature = signer.finish(trusted, o.untrusted);
    } catch (const Error &e) {
      throw CLI::ValidationError(e.what());
    }
    const std::string sig = o.sig.empty() ? file + ".minisig" : o.sig;
    OutputFile out(sig, /*force=*/true, 0644);  // minisign replaces an old signature too
    out.write(as_bytes_view(signature));
    out.commit();
  }
}

struct VerifyOptions {
  std::string pubkey_file;
  std::string pubkey;
  std::string file;
  std::string sig;
  ProgressFlags progress;
  bool quiet = false;
  bool output = false;
};

void verify_file(const VerifyOptions &o) {
  if (!o.pubkey.empty() && !o.pubkey_file.empty()) {
    throw CLI::ValidationError("a public key cannot be given both inline (-P) and as a file (-p)");
  }
  const std::string pk_path = o.pubkey_file.empty() ? "minisign.pub" : o.pubkey_file;
  const std::string sig_path = o.sig.empty() ? o.file + ".minisig" : o.sig;
  std::string pk_text = o.pubkey;
  if (pk_text.empty()) pk_text = text_of(read_secret_file(pk_path, kMaxKeyFile));
  std::optional<minisign::PublicKey> pk;
  try {
    pk = minisign::PublicKey::parse(pk_text);
  } catch (const Error &e) {
    throw std::runtime_error((o.pubkey.empty() ? pk_path : std::string("-P")) + ": " + e.what());
  }
  const std::string sig_text = text_of(read_secret_file(sig_path, std::size_t{16} * 1024));
  std::string trusted;
  try {
    minisign::Verifier verifier(*pk, sig_text);
    if (o.output && o.file == "-") throw std::runtime_error("-o needs -m FILE: stdin cannot be read twice");
    feed(verifier, o.file, o.progress.mode(), "hashing");
    trusted = verifier.finish();
  } catch (const Error &e) {
    if (!o.quiet) std::fprintf(stderr, "nacre: %s: %s\n", sig_path.c_str(), e.what());
    throw CLI::RuntimeError(1);
  }
  std::FILE *info = o.output ? stderr : stdout;
  if (!o.quiet) std::fprintf(info, "Signature and comment signature verified\nTrusted comment: %s\n", trusted.c_str());
  if (o.output) {  // minisign -o: the file's content, once verified
    InputFile in(o.file);
    Bytes buf(kPiece);
    for (ByteView piece = in.read(buf); !piece.empty(); piece = in.read(buf)) {
      if (std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size()) throw std::runtime_error("stdout: write error");
    }
  }
}

}  // namespace

void minisign_keygen(const std::string &pub, const std::string &sec, bool unencrypted, bool force,
                     const SecretSource &secret) {
  const std::string pk_path = pub.empty() ? "minisign.pub" : pub;
  const std::string sk_path = sec.empty() ? default_secret_key() : sec;
  for (const std::string &p : {pk_path, sk_path}) {
    if (!force && exists(p)) throw std::runtime_error(p + " already exists (use --force to replace it)");
  }
  const minisign::SecretKey key = minisign::SecretKey::generate();
  SecretBytes file;
  if (unencrypted) {
    file = key.to_file(std::nullopt);
  } else {
    const SecretBytes password = read_passphrase(secret, /*confirm=*/true);
    file = key.to_file(password.view());
  }
  OutputFile sk(sk_path, force, 0600);
  sk.write(file.view());
  const std::string pk_file = key.public_key().to_file();
  OutputFile pk(pk_path, force, 0644);
  pk.write(as_bytes_view(pk_file));
  sk.commit();
  pk.commit();
  std::printf("The secret key was saved as %s - Keep it secret!\nThe public key was saved as %s - That one can be public.\n\n"
              "Files signed using this key pair can be verified with the following command:\n\n"
              "nacre verify -m <file> -P %s\n",
              sk_path.c_str(), pk_path.c_str(), key.public_key().to_base64().c_str());
}

void add_minisign_commands(CLI::App &app) {
  static SignOptions sg;
  auto *s = app.add_subcommand("sign", "Sign files as minisign does (Ed25519 over BLAKE2b-512, trusted comments)");
  s->add_option("-s,--secret-key", sg.seckey, "secret key file (default: ~/.minisign/minisign.key)");
  s->add_option("-m,--file", sg.files, "the file(s) to sign")->required()->expected(1, -1);
  s->add_option("-x,--signature", sg.sig, "signature file (default: FILE.minisig)");
  s->add_option("-t,--trusted-comment", sg.trusted, "a one-line comment, signed too (default: timestamp and file name)");
  s->add_option("-c,--untrusted-comment", sg.untrusted, "a one-line comment, not signed");
  s->add_option("--passphrase-file", sg.secret.passphrase_file, "read the key's password from a file");
  s->add_option("--passphrase-env", sg.secret.passphrase_env, "read the key's password from an environment variable")
      ->excludes("--passphrase-file");
  add_progress(s, sg.progress);
  s->footer(R"(
Examples:
  nacre keygen --minisign -p minisign.pub -s minisign.key
  nacre sign -s minisign.key -m release.tar.gz -t "release 1.2"
The signature (release.tar.gz.minisig) is minisign's: minisign -V checks it.)");
  s->callback([] { sign_files(sg); });

  static VerifyOptions vf;
  auto *v = app.add_subcommand("verify", "Check a minisign signature: exit 0 only when it and its trusted comment verify");
  v->add_option("-p,--public-key-file", vf.pubkey_file, "public key file (default: ./minisign.pub)");
  v->add_option("-P,--public-key", vf.pubkey, "public key, as base64 (RWQ...)");
  v->add_option("-m,--file", vf.file, "the signed file ('-': stdin)")->required();
  v->add_option("-x,--signature", vf.sig, "signature file (default: FILE.minisig)");
  v->add_flag("-q,--quiet", vf.quiet, "print nothing; the exit status says");
  v->add_flag("-o,--output", vf.output, "then write the file's content to stdout");
  add_progress(v, vf.progress);
  v->footer(R"(
Examples:
  nacre verify -p minisign.pub -m release.tar.gz
  nacre verify -P RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3 -m release.tar.gz)");
  v->callback([] { verify_file(vf); });
}

}  // namespace nacre::cli
