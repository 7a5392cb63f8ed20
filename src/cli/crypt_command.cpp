// nacre encrypt / nacre decrypt: files or stdin/stdout, a passphrase (Argon2id), a raw key or an
// X25519 key pair (HPKE), streamed through secretstream in constant memory. See file_format.hpp
// for the format.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "atomic_output.hpp"
#include "commands.hpp"
#include "file_format.hpp"
#include "nacre/hpke.hpp"
#include "nacre/random.hpp"
#include "secrets_input.hpp"

namespace nacre::cli {
namespace {

struct Options {
  std::string input = "-";
  std::string output;
  SecretSource secret;
  std::string recipient;  // encrypt: an X25519 public key file
  std::string key;        // decrypt: a private key file
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

constexpr HpkeSuite kFileSuite = HpkeSuite::x25519_sha256_chacha20poly1305;
static_assert(kHpkeEncSize == hpke_enc_size);

ByteView as_bytes(std::string_view s) { return {reinterpret_cast<const std::uint8_t *>(s.data()), s.size()}; }

SecretBytes export_file_key(const HpkeContext &ctx) {
  SecretBytes key(kSecretStreamKeySize);
  ctx.export_secret(key.mutable_view(), as_bytes(kHpkeFileKeyContext));
  return key;
}

// The key of a file encrypted with a key file or a passphrase (not to a public key).
SecretBytes file_key(const Options &o, const FileParams &p, bool confirm) {
  if (!o.key.empty()) {
    throw std::runtime_error(p.kdf == Kdf::raw_key
                                 ? "this file was encrypted with a key file, not to a public key: use --key-file"
                                 : "this file was encrypted with a passphrase, not to a public key");
  }
  if (p.kdf == Kdf::raw_key) {
    if (o.secret.key_file.empty()) throw std::runtime_error("this file was encrypted with a key file: use --key-file");
    return read_raw_key(o.secret.key_file);
  }
  if (!o.secret.key_file.empty()) throw std::runtime_error("this file was encrypted with a passphrase, not a key file");
  const SecretBytes pass = read_passphrase(o.secret, confirm);
  return pwhash_derive(PwhashAlg::argon2id, pass.view(), p.salt, {p.opslimit, p.memlimit},
                       kSecretStreamKeySize);
}

// The X25519 public key --recipient names.
Key recipient_key(const std::string &path) {
  Key key = read_public_key(path);
  if (key.type() != KeyType::x25519) {
    throw std::runtime_error(path + ": --recipient needs an X25519 public key (nacre keygen --alg x25519)");
  }
  return key;
}

// The X25519 private key --key names.
Key recipient_private_key(const std::string &path) {
  Key key = read_private_key(path);
  if (key.type() != KeyType::x25519) {
    throw std::runtime_error(path + ": --key needs an X25519 private key (nacre keygen --alg x25519), not " +
                             std::string(key_type_name(key.type())));
  }
  return key;
}

void encrypt(const Options &o) {
  FileParams p;
  p.chunk = o.chunk;
  if (!o.recipient.empty()) {
    p.kdf = Kdf::hpke_x25519;
  } else if (o.secret.key_file.empty()) {
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
  const Bytes params = encode_params(p);
  // The first chunk authenticates everything before the stream header: params, then |enc|.
  Bytes ad = params;
  SecretBytes key;
  if (p.kdf == Kdf::hpke_x25519) {
    Bytes enc(kHpkeEncSize);
    key = export_file_key(HpkeContext::sender(kFileSuite, recipient_key(o.recipient), params, enc));
    ad.insert(ad.end(), enc.begin(), enc.end());
  } else {
    key = file_key(o, p, /*confirm=*/true);
  }
  Input in = open_input(o.input);
  AtomicOutput out(o.output);
  Bytes ss_header(kSecretStreamHeaderSize);
  SecretStreamPush push(key.view(), ss_header);
  out.write(ad);
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
    push.push(c, cur.view().first(cur_len), first ? ByteView(ad) : ByteView{},
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
  const auto too_short = [&] { return std::runtime_error(o.input + ": not a nacre encrypted file (too short)"); };
  Bytes header(kParamsSize);
  if (read_full(in.get(), header, o.input) != kParamsSize) throw too_short();
  std::string error;
  const FileParams p = decode_params(header, error);
  if (!error.empty()) throw std::runtime_error(o.input + ": " + error);
  // |header| grows to params | key material (HPKE enc) | stream header; all but the last part is
  // the first chunk's associated data.
  const std::size_t ad_size = kParamsSize + key_material_size(p.kdf);
  header.resize(ad_size + kSecretStreamHeaderSize);
  const MutableByteView rest = MutableByteView(header).subspan(kParamsSize);
  if (read_full(in.get(), rest, o.input) != rest.size()) throw too_short();
  const ByteView ad = ByteView(header).first(ad_size);
  SecretBytes key;
  if (p.kdf == Kdf::hpke_x25519) {
    if (o.key.empty()) throw std::runtime_error("this file was encrypted to a public key: use --key");
    const Key priv = recipient_private_key(o.key);
    try {
      key = export_file_key(HpkeContext::receiver(kFileSuite, priv, ad.subspan(kParamsSize),
                                                  ad.first(kParamsSize)));
    } catch (const Error &) {
      // An |enc| that is no X25519 public key, or one giving an all-zero shared secret.
      throw std::runtime_error(o.input + ": wrong key, or the file is damaged");
    }
  } else {
    key = file_key(o, p, /*confirm=*/false);
  }
  SecretStreamPull pull(key.view(), ByteView(header).subspan(ad_size));
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
      pull.pull(plain, ByteView(ct).first(n), first ? ad : ByteView{});
    } catch (const Error &) {
      throw std::runtime_error(first ? o.input + ": wrong passphrase or key, or the file is damaged"
                                     : o.input + ": the file was tampered with or damaged");
    }
    out.write(plain);
    first = false;
  }
  out.commit();
}

// |pk_name|/|pk_value|: --recipient (encrypt) or --key (decrypt), exclusive with the rest.
void add_options(CLI::App *cmd, Options &o, const std::string &pk_name, std::string &pk_value,
                 const std::string &pk_help) {
  cmd->add_option("INPUT", o.input, "input file ('-' or none: stdin)");
  cmd->add_option("-o,--output", o.output, "output file ('-': stdout); written only when complete")->required();
  auto *kf = cmd->add_option("--key-file", o.secret.key_file, "a file of 32 raw key bytes");
  auto *pf = cmd->add_option("--passphrase-file", o.secret.passphrase_file, "read the passphrase from a file");
  auto *pe = cmd->add_option("--passphrase-env", o.secret.passphrase_env, "read the passphrase from an environment variable");
  auto *pk = cmd->add_option(pk_name, pk_value, pk_help);
  kf->excludes(pf)->excludes(pe)->excludes(pk);
  pf->excludes(pe)->excludes(pk);
  pe->excludes(pk);
}

}  // namespace

void add_crypt_commands(CLI::App &app) {
  static Options enc, dec;
  auto *e = app.add_subcommand("encrypt", "Encrypt a file with a passphrase (Argon2id), a key file, or to an X25519 public key");
  add_options(e, enc, "--recipient,-r", enc.recipient, "encrypt to this X25519 public key (SPKI PEM, nacre keygen --alg x25519)");
  e->add_option("--preset", enc.preset, "Argon2id cost for a passphrase")
      ->check(CLI::IsMember({"interactive", "moderate", "sensitive"}));
  e->add_option("--chunk-size", enc.chunk, "plaintext bytes per chunk")
      ->check(CLI::Range(kMinChunk, kMaxChunk));
  e->callback([] { encrypt(enc); });
  auto *d = app.add_subcommand("decrypt", "Decrypt what nacre encrypt wrote; nothing is output unless it all authenticates");
  add_options(d, dec, "--key,-k", dec.key, "the X25519 private key (PKCS#8 PEM) of a file encrypted with --recipient");
  d->callback([] { decrypt(dec); });
}

}  // namespace nacre::cli
