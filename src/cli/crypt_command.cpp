// nacre encrypt / nacre decrypt: files or stdin/stdout, a passphrase (Argon2id) or a raw key,
// streamed through secretstream in constant memory. See file_format.hpp for the format.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "atomic_output.hpp"
#include "commands.hpp"
#include "file_format.hpp"
#include "nacre/random.hpp"
#include "secrets_input.hpp"

namespace nacre::cli {
namespace {

struct Options {
  std::string input = "-";
  std::string output;
  SecretSource secret;
  std::string preset = "moderate";
  std::uint32_t chunk = kDefaultChunk;
};

struct FileCloser {
  void operator()(std::FILE *f) const noexcept {
    if (f != stdin) std::fclose(f);
  }
};
using Input = std::unique_ptr<std::FILE, FileCloser>;

Input open_input(const std::string &path) {
  Input f(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (!f) throw std::runtime_error(path + ": " + std::strerror(errno));
  return f;
}

// read_full reads up to buf.size() bytes, fewer only at the end of the input.
std::size_t read_full(std::FILE *f, MutableByteView buf, const std::string &name) {
  std::size_t got = 0;
  while (got < buf.size()) {
    const std::size_t n = std::fread(buf.data() + got, 1, buf.size() - got, f);
    if (n == 0) break;
    got += n;
  }
  if (std::ferror(f)) throw std::runtime_error(name + ": read error");
  return got;
}

SecretBytes file_key(const Options &o, const FileParams &p, bool confirm) {
  if (p.kdf == Kdf::raw_key) {
    if (o.secret.key_file.empty()) throw std::runtime_error("this file was encrypted with a key file: use --key-file");
    return read_raw_key(o.secret.key_file);
  }
  if (!o.secret.key_file.empty()) throw std::runtime_error("this file was encrypted with a passphrase, not a key file");
  const SecretBytes pass = read_passphrase(o.secret, confirm);
  return pwhash_derive(PwhashAlg::argon2id, pass.view(), p.salt, {p.opslimit, p.memlimit},
                       kSecretStreamKeySize);
}

void encrypt(const Options &o) {
  FileParams p;
  p.chunk = o.chunk;
  if (o.secret.key_file.empty()) {
    static const std::map<std::string, PwhashPreset> presets = {
        {"interactive", PwhashPreset::interactive},
        {"moderate", PwhashPreset::moderate},
        {"sensitive", PwhashPreset::sensitive}};
    const auto limits = pwhash_preset_limits(PwhashAlg::argon2id, presets.at(o.preset));
    p.kdf = Kdf::argon2id;
    p.opslimit = static_cast<std::uint32_t>(limits.opslimit);
    p.memlimit = limits.memlimit;
    random_fill(p.salt);
  }
  const SecretBytes key = file_key(o, p, /*confirm=*/true);
  Input in = open_input(o.input);
  AtomicOutput out(o.output);
  const Bytes params = encode_params(p);
  Bytes ss_header(kSecretStreamHeaderSize);
  SecretStreamPush push(key.view(), ss_header);
  out.write(params);
  out.write(ss_header);
  // One chunk of look-ahead tells which chunk is the last, to give it the final tag.
  SecretBytes cur(p.chunk), next(p.chunk);
  Bytes ct(p.chunk + kSecretStreamOverhead);
  std::size_t cur_len = read_full(in.get(), cur.mutable_view(), o.input);
  bool first = true;
  for (;;) {
    const std::size_t next_len = cur_len == p.chunk ? read_full(in.get(), next.mutable_view(), o.input) : 0;
    const bool last = cur_len < p.chunk || next_len == 0;
    MutableByteView c(ct.data(), cur_len + kSecretStreamOverhead);
    push.push(c, cur.view().first(cur_len), first ? ByteView(params) : ByteView{},
              last ? StreamTag::final : StreamTag::message);
    out.write(c);
    if (last) break;
    std::swap(cur, next);
    cur_len = next_len;
    first = false;
  }
  out.commit();
}

void decrypt(const Options &o) {
  Input in = open_input(o.input);
  Bytes header(kFileHeaderSize);
  if (read_full(in.get(), header, o.input) != kFileHeaderSize) {
    throw std::runtime_error(o.input + ": not a nacre encrypted file (too short)");
  }
  std::string error;
  const FileParams p = decode_params(ByteView(header).first(kParamsSize), error);
  if (!error.empty()) throw std::runtime_error(o.input + ": " + error);
  const SecretBytes key = file_key(o, p, /*confirm=*/false);
  SecretStreamPull pull(key.view(), ByteView(header).subspan(kParamsSize));
  AtomicOutput out(o.output);
  Bytes ct(p.chunk + kSecretStreamOverhead);
  SecretBytes pt(p.chunk);
  bool first = true;
  for (;;) {
    const std::size_t n = read_full(in.get(), ct, o.input);
    if (n == 0) {
      if (!pull.finished()) throw std::runtime_error(o.input + ": truncated (the end of the stream is missing)");
      break;
    }
    if (pull.finished()) throw std::runtime_error(o.input + ": unexpected data after the end of the stream");
    if (n < kSecretStreamOverhead) throw std::runtime_error(o.input + ": truncated");
    MutableByteView plain = pt.mutable_view().first(n - kSecretStreamOverhead);
    try {
      pull.pull(plain, ByteView(ct).first(n), first ? ByteView(header).first(kParamsSize) : ByteView{});
    } catch (const Error &) {
      throw std::runtime_error(first ? o.input + ": wrong passphrase or key, or the file is damaged"
                                     : o.input + ": the file was tampered with or damaged");
    }
    out.write(plain);
    first = false;
  }
  out.commit();
}

void add_options(CLI::App *cmd, Options &o) {
  cmd->add_option("INPUT", o.input, "input file ('-' or none: stdin)");
  cmd->add_option("-o,--output", o.output, "output file ('-': stdout); written only when complete")->required();
  auto *kf = cmd->add_option("--key-file", o.secret.key_file, "a file of 32 raw key bytes");
  auto *pf = cmd->add_option("--passphrase-file", o.secret.passphrase_file, "read the passphrase from a file");
  auto *pe = cmd->add_option("--passphrase-env", o.secret.passphrase_env, "read the passphrase from an environment variable");
  kf->excludes(pf)->excludes(pe);
  pf->excludes(pe);
}

}  // namespace

void add_crypt_commands(CLI::App &app) {
  static Options enc, dec;
  auto *e = app.add_subcommand("encrypt", "Encrypt a file with a passphrase (Argon2id) or a key file");
  add_options(e, enc);
  e->add_option("--preset", enc.preset, "Argon2id cost for a passphrase")
      ->check(CLI::IsMember({"interactive", "moderate", "sensitive"}));
  e->add_option("--chunk-size", enc.chunk, "plaintext bytes per chunk")
      ->check(CLI::Range(kMinChunk, kMaxChunk));
  e->callback([] { encrypt(enc); });
  auto *d = app.add_subcommand("decrypt", "Decrypt what nacre encrypt wrote; nothing is output unless it all authenticates");
  add_options(d, dec);
  d->callback([] { decrypt(dec); });
}

}  // namespace nacre::cli
