// minisign's key and signature files (see include/nacre/minisign.hpp and minisign's own
// description of its formats).
#include "nacre/minisign.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "nacre/encoding.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"
#include "nacre/signature.hpp"

namespace nacre::minisign {
namespace {

constexpr std::string_view kComment = "untrusted comment: ";
constexpr std::string_view kTrusted = "trusted comment: ";
constexpr std::string_view kSigAlg = "Ed";       // keys, and legacy signatures
constexpr std::string_view kHashedAlg = "ED";    // signatures over BLAKE2b-512(file)
constexpr std::string_view kKdfAlg = "Sc";
constexpr std::string_view kKdfNone{"\0\0", 2};
constexpr std::string_view kChkAlg = "B2";
constexpr std::size_t kSaltSize = 32;
constexpr std::size_t kSeedSize = 32, kSkSize = 64, kChkSize = 32, kSigSize = 64;
// sig_alg, kdf_alg, chk_alg, salt, opslimit, memlimit, then key id, sk and checksum (encrypted).
constexpr std::size_t kSecretHead = 2 + 2 + 2 + kSaltSize + 8 + 8;
constexpr std::size_t kKeynumSk = kKeyIdSize + kSkSize + kChkSize;
constexpr std::size_t kSecretFile = kSecretHead + kKeynumSk;
constexpr std::size_t kPublicStruct = 2 + kKeyIdSize + 32;
constexpr std::size_t kSigStruct = 2 + kKeyIdSize + kSigSize;

[[noreturn]] void fail(Status status, const std::string &why) { throw Error(status, "minisign: " + why); }


// The lines of |text| (LF or CRLF ends), at most |max|.
std::vector<std::string_view> lines_of(std::string_view text, std::size_t max) {
  std::vector<std::string_view> lines;
  while (!text.empty() && lines.size() < max) {
    const std::size_t lf = text.find('\n');
    std::string_view line = text.substr(0, lf);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    text = lf == std::string_view::npos ? std::string_view{} : text.substr(lf + 1);
  }
  return lines;
}

Bytes decode(std::string_view b64, std::size_t size, Status status, const char *what) {
  Bytes out;
  try {
    out = from_base64(b64);
  } catch (const Error &) {
    fail(status, std::string(what) + " is not base64");
  }
  if (out.size() != size) fail(status, std::string(what) + " has the wrong length");
  return out;
}

bool starts_with(ByteView b, std::string_view prefix) {
  return b.size() >= prefix.size() && std::memcmp(b.data(), prefix.data(), prefix.size()) == 0;
}

std::uint64_t le64(ByteView b) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[static_cast<std::size_t>(i)];
  return v;
}

void put_le64(std::uint8_t *p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

void append(Bytes &out, std::string_view s) {
  for (char c : s) out.push_back(static_cast<std::uint8_t>(c));
}

// BLAKE2b-256(sig_alg || key id || sk), the secret key's checksum.
Bytes checksum(ByteView key_id, ByteView sk) {
  Hasher h = Hasher::blake2b(kChkSize);
  h.update(as_bytes_view(kSigAlg));
  h.update(key_id);
  h.update(sk);
  return h.digest();
}

// The 104-byte stream minisign XORs its key id, secret key and checksum with.
SecretBytes kdf_stream(ByteView password, ByteView salt, std::uint64_t opslimit, std::uint64_t memlimit) {
  if (opslimit > kKdfOpslimit || memlimit > kKdfMemlimit) {
    fail(Status::invalid_key, "the key file asks for more scrypt cost than minisign's own (1 GiB)");
  }
  return pwhash_derive(PwhashAlg::scrypt, password, salt, {opslimit, static_cast<std::size_t>(memlimit)}, kKeynumSk);
}

void check_comment(std::string_view c, const char *what, std::size_t max) {
  if (c.find_first_of("\r\n") != std::string_view::npos) fail(Status::invalid_argument, std::string(what) + " must be one line");
  if (c.size() > max) fail(Status::invalid_argument, std::string(what) + " is too long");
}

Bytes with_comment(const Bytes &sig, std::string_view comment) {
  Bytes m = sig;
  append(m, comment);
  return m;
}

}  // namespace

namespace {

std::string hex_id(const KeyId &id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(le64(id)));
  return buf;
}

}  // namespace

std::string PublicKey::key_id_hex() const { return hex_id(id_); }

PublicKey PublicKey::parse(std::string_view text) {
  std::vector<std::string_view> lines = lines_of(text, 3);
  if (lines.empty()) fail(Status::invalid_key, "an empty public key");
  std::string_view b64 = lines[0];
  if (b64.substr(0, kComment.size()) == kComment) {
    if (lines.size() < 2) fail(Status::invalid_key, "a public key file without its key line");
    b64 = lines[1];
  }
  const Bytes raw = decode(b64, kPublicStruct, Status::invalid_key, "the public key");
  if (!starts_with(raw, kSigAlg)) fail(Status::invalid_key, "not an Ed25519 minisign public key");
  KeyId id;
  std::copy_n(raw.begin() + 2, kKeyIdSize, id.begin());
  auto key = std::make_shared<const Key>(
      Key::import(KeyFormat::raw_public, ByteView(raw).subspan(2 + kKeyIdSize), KeyType::ed25519));
  return PublicKey(id, std::move(key));
}

std::string PublicKey::to_base64() const {
  Bytes raw;
  append(raw, kSigAlg);
  raw.insert(raw.end(), id_.begin(), id_.end());
  const Bytes pk = key_->export_public(KeyFormat::raw_public);
  raw.insert(raw.end(), pk.begin(), pk.end());
  return nacre::to_base64(raw);
}

std::string PublicKey::to_file() const {
  return std::string(kComment) + "minisign public key " + key_id_hex() + "\n" + to_base64() + "\n";
}

SecretKey SecretKey::generate() {
  KeyId id;
  random_fill(id);
  return SecretKey(id, std::make_shared<const Key>(Key::generate(KeyType::ed25519)));
}

namespace {

// The decoded secret key file, checked for its algorithms.
SecretBytes secret_struct(std::string_view text) {
  const std::vector<std::string_view> lines = lines_of(text, 2);
  if (lines.size() < 2 || lines[0].substr(0, kComment.size()) != kComment) {
    fail(Status::invalid_key, "not a secret key file (an untrusted comment line, then the key)");
  }
  Bytes raw;
  try {
    raw = from_base64(lines[1]);
  } catch (const Error &) {
    fail(Status::invalid_key, "the secret key is not base64");
  }
  SecretBytes s = SecretBytes::copy_of(raw);
  std::fill(raw.begin(), raw.end(), 0);
  if (s.size() != kSecretFile) fail(Status::invalid_key, "the secret key has the wrong length");
  const ByteView v = s.view();
  if (!starts_with(v, kSigAlg)) fail(Status::invalid_key, "not an Ed25519 minisign secret key");
  if (!starts_with(v.subspan(4), kChkAlg)) fail(Status::invalid_key, "an unknown checksum algorithm");
  if (!starts_with(v.subspan(2), kKdfAlg) && !starts_with(v.subspan(2), kKdfNone)) {
    fail(Status::invalid_key, "an unknown key derivation algorithm");
  }
  return s;
}

}  // namespace

bool SecretKey::is_encrypted(std::string_view text) { return starts_with(secret_struct(text).view().subspan(2), kKdfAlg); }

SecretKey SecretKey::parse(std::string_view text, std::optional<ByteView> password) {
  SecretBytes s = secret_struct(text);
  const bool encrypted = starts_with(s.view().subspan(2), kKdfAlg);
  MutableByteView keynum = s.mutable_view().subspan(kSecretHead);
  if (encrypted) {
    if (!password) fail(Status::invalid_argument, "the secret key is encrypted: a password is needed");
    const ByteView v = s.view();
    const SecretBytes stream = kdf_stream(*password, v.subspan(6, kSaltSize), le64(v.subspan(6 + kSaltSize, 8)),
                                          le64(v.subspan(14 + kSaltSize, 8)));
    for (std::size_t i = 0; i < kKeynumSk; ++i) keynum[i] ^= stream.data()[i];
  }
  const ByteView id = keynum.first(kKeyIdSize), sk = keynum.subspan(kKeyIdSize, kSkSize);
  const Bytes chk = checksum(id, sk);
  // minisign -W writes no checksum (zeros): for those, the key's own consistency is the check.
  const bool unset = !encrypted && std::all_of(keynum.begin() + kKeyIdSize + kSkSize, keynum.end(),
                                               [](std::uint8_t b) { return b == 0; });
  if (!unset && std::memcmp(chk.data(), keynum.data() + kKeyIdSize + kSkSize, kChkSize) != 0) {
    fail(encrypted ? Status::verification_failed : Status::invalid_key,
         encrypted ? "wrong password for that key" : "the secret key's checksum does not match");
  }
  Key key = Key::import(KeyFormat::raw_private, sk.first(kSeedSize), KeyType::ed25519);
  const Bytes pk = key.export_public(KeyFormat::raw_public);
  if (std::memcmp(pk.data(), sk.data() + kSeedSize, pk.size()) != 0) {
    fail(Status::invalid_key, "the secret key does not match its own public half");
  }
  KeyId kid;
  std::copy_n(id.begin(), kKeyIdSize, kid.begin());
  return SecretKey(kid, std::make_shared<const Key>(std::move(key)));
}

SecretBytes SecretKey::to_file(std::optional<ByteView> password, std::string_view comment, PwhashLimits cost) const {
  check_comment(comment, "the comment", 1024);
  if (cost.opslimit > kKdfOpslimit || cost.memlimit > kKdfMemlimit) {
    fail(Status::invalid_argument, "a scrypt cost above minisign's own (1 GiB)");
  }
  SecretBytes s(kSecretFile);
  std::uint8_t *p = s.data();
  std::memcpy(p, kSigAlg.data(), 2);
  std::memcpy(p + 2, (password ? kKdfAlg : kKdfNone).data(), 2);
  std::memcpy(p + 4, kChkAlg.data(), 2);
  std::uint8_t *keynum = p + kSecretHead;
  std::memcpy(keynum, id_.data(), kKeyIdSize);
  const SecretBytes seed = key_->export_private(KeyFormat::raw_private);
  const Bytes pk = key_->export_public(KeyFormat::raw_public);
  std::memcpy(keynum + kKeyIdSize, seed.data(), kSeedSize);
  std::memcpy(keynum + kKeyIdSize + kSeedSize, pk.data(), pk.size());
  const Bytes chk = checksum(ByteView(keynum, kKeyIdSize), ByteView(keynum + kKeyIdSize, kSkSize));
  std::memcpy(keynum + kKeyIdSize + kSkSize, chk.data(), kChkSize);
  if (password) {
    random_fill(MutableByteView(p + 6, kSaltSize));
    put_le64(p + 6 + kSaltSize, cost.opslimit);
    put_le64(p + 14 + kSaltSize, cost.memlimit);
    const SecretBytes stream = kdf_stream(*password, ByteView(p + 6, kSaltSize), cost.opslimit, cost.memlimit);
    for (std::size_t i = 0; i < kKeynumSk; ++i) keynum[i] ^= stream.data()[i];
  }
  const std::string b64 = to_base64(s.view());
  const std::string head = std::string(kComment) + std::string(comment) + "\n";
  SecretBytes file(head.size() + b64.size() + 1);
  std::memcpy(file.data(), head.data(), head.size());
  std::memcpy(file.data() + head.size(), b64.data(), b64.size());
  file.data()[file.size() - 1] = '\n';
  return file;
}

PublicKey SecretKey::public_key() const {
  return PublicKey(id_, std::make_shared<const Key>(key_->public_key()));
}

Signer::Signer(const SecretKey &key) : key_(key), hash_(Hasher::blake2b(64)) {}

std::string Signer::finish(std::string_view trusted_comment, std::string_view untrusted_comment) const {
  check_comment(trusted_comment, "the trusted comment", kMaxTrustedComment);
  check_comment(untrusted_comment, "the untrusted comment", 1024);
  const Bytes sig = sign(key_.key(), SigAlg::ed25519, hash_.digest());
  Bytes head;
  append(head, kHashedAlg);
  head.insert(head.end(), key_.key_id().begin(), key_.key_id().end());
  head.insert(head.end(), sig.begin(), sig.end());
  const Bytes global = sign(key_.key(), SigAlg::ed25519, with_comment(sig, trusted_comment));
  return std::string(kComment) + std::string(untrusted_comment) + "\n" + to_base64(head) + "\n" +
         std::string(kTrusted) + std::string(trusted_comment) + "\n" + to_base64(global) + "\n";
}

Verifier::Verifier(const PublicKey &key, std::string_view signature_file)
    : key_(key), hash_(Hasher::blake2b(64)) {
  const std::vector<std::string_view> lines = lines_of(signature_file, 4);
  if (lines.size() < 4 || lines[0].substr(0, kComment.size()) != kComment ||
      lines[2].substr(0, kTrusted.size()) != kTrusted) {
    fail(Status::invalid_argument,
         "not a signature file (untrusted comment, signature, trusted comment, global signature)");
  }
  const Bytes head = decode(lines[1], kSigStruct, Status::invalid_argument, "the signature");
  if (starts_with(head, kSigAlg)) {
    fail(Status::unsupported, "a legacy signature (not prehashed); minisign -V refuses these too");
  }
  if (!starts_with(head, kHashedAlg)) fail(Status::invalid_argument, "an unknown signature algorithm");
  std::copy_n(head.begin() + 2, kKeyIdSize, sig_id_.begin());
  signature_.assign(head.begin() + 2 + kKeyIdSize, head.end());
  trusted_comment_ = std::string(lines[2].substr(kTrusted.size()));
  if (std::any_of(trusted_comment_.begin(), trusted_comment_.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; })) {
    fail(Status::invalid_argument, "the trusted comment holds unprintable characters");
  }
  global_signature_ = decode(lines[3], kSigSize, Status::invalid_argument, "the global signature");
}

std::string Verifier::finish() const {
  if (sig_id_ != key_.key_id()) {
    fail(Status::verification_failed, "the signature was made by key " + hex_id(sig_id_) +
                                          ", not by this public key (" + key_.key_id_hex() + ")");
  }
  try {
    verify(key_.key(), SigAlg::ed25519, signature_, hash_.digest());
  } catch (const Error &e) {
    if (e.status() != Status::verification_failed) throw;
    fail(Status::verification_failed, "signature verification failed");
  }
  try {
    verify(key_.key(), SigAlg::ed25519, global_signature_, with_comment(signature_, trusted_comment_));
  } catch (const Error &e) {
    if (e.status() != Status::verification_failed) throw;
    fail(Status::verification_failed, "the trusted comment's signature does not verify");
  }
  return trusted_comment_;
}

}  // namespace nacre::minisign
