// The X25519 and scrypt stanzas, and what every stanza type shares.
#include "age_stanzas.hpp"

#include <charconv>

#include "age_header.hpp"
#include "nacre/aead.hpp"
#include "nacre/agreement.hpp"
#include "nacre/encoding.hpp"
#include "nacre/kdf.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"

namespace nacre::age::detail {
namespace {

constexpr std::string_view kX25519Info = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
const Bytes kZeroNonce(12, 0);

SecretBytes x25519_wrap_key(ByteView shared, ByteView share, ByteView recipient) {
  Bytes salt(share.begin(), share.end());
  salt.insert(salt.end(), recipient.begin(), recipient.end());
  return hkdf(HashAlg::sha256, shared, salt, as_bytes_view(kX25519Info), 32);
}

SecretBytes scrypt_wrap_key(ByteView passphrase, ByteView salt, int work_factor) {
  Bytes full(kScryptLabel.begin(), kScryptLabel.end());
  full.insert(full.end(), salt.begin(), salt.end());
  return scrypt(passphrase, full, ScryptParams{std::uint64_t{1} << work_factor, 8, 1}, 32);
}

int work_factor(const std::string &text, int max) {
  // Decimal, no sign, no leading zero (^[1-9][0-9]*$).
  int value = 0;
  const char *end = text.data() + text.size();
  const bool canonical = !text.empty() && text[0] >= '1' && text[0] <= '9';
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (!canonical || ec != std::errc() || ptr != end) fail(Failure::header, "a malformed scrypt work factor");
  if (value > max) {
    fail(Failure::header, "an scrypt work factor above the limit (" + std::to_string(max) + ")");
  }
  return value;
}

}  // namespace

Bytes seal_file_key(ByteView key, ByteView nonce, ByteView file_key) {
  return AeadKey::create(AeadAlg::chacha20_poly1305, key).seal(nonce, file_key);
}

std::optional<SecretBytes> open_file_key(ByteView key, ByteView nonce, ByteView body) {
  SecretBytes file_key(kFileKeySize);
  try {
    AeadKey::create(AeadAlg::chacha20_poly1305, key).open_into(file_key.mutable_view(), nonce, body, {});
  } catch (const nacre::Error &e) {
    if (e.status() != Status::verification_failed) throw;
    return std::nullopt;  // addressed to another key or passphrase
  }
  return file_key;
}

Bytes stanza_field(const std::string &text, std::size_t size, const char *what) {
  Bytes value;
  try {
    value = from_base64_unpadded(text);
  } catch (const nacre::Error &) {
    fail(Failure::header, std::string("a non-canonical ") + what);
  }
  if (value.size() != size) fail(Failure::header, std::string("a ") + what + " of the wrong size");
  return value;
}

void require_args(const Stanza &s, std::size_t n) {
  if (s.args.size() != n) {
    fail(Failure::header, "a " + s.type + " stanza without exactly " + std::to_string(n) + " argument(s)");
  }
}

void require_wrapped_body(const Stanza &s) {
  // Before any decryption: a body of another size must not reach the AEAD (partitioning).
  if (s.body.size() != kFileKeySize + 16) fail(Failure::header, s.type + " stanza body of the wrong size");
}

Stanza x25519_wrap(const Key &recipient, ByteView file_key) {
  const Key ephemeral = Key::generate(KeyType::x25519);
  const Bytes share = ephemeral.export_public(KeyFormat::raw_public);
  const SecretBytes shared = agree(ephemeral, recipient);
  const SecretBytes key = x25519_wrap_key(shared.view(), share, recipient.export_public(KeyFormat::raw_public));
  return Stanza{"X25519", {to_base64_unpadded(share)}, seal_file_key(key.view(), kZeroNonce, file_key)};
}

std::optional<SecretBytes> x25519_unwrap(const Key &identity, const Stanza &s) {
  require_args(s, 1);
  const Bytes share = stanza_field(s.args[0], 32, "X25519 share");
  require_wrapped_body(s);
  const Key peer = Key::import(KeyFormat::raw_public, share, KeyType::x25519);
  SecretBytes shared;
  try {
    shared = agree(identity, peer);
  } catch (const nacre::Error &e) {
    if (e.status() != Status::invalid_key) throw;
    fail(Failure::header, "an X25519 share of low order (an all-zero shared secret)");
  }
  const SecretBytes key = x25519_wrap_key(shared.view(), share, identity.export_public(KeyFormat::raw_public));
  return open_file_key(key.view(), kZeroNonce, s.body);
}

Stanza scrypt_wrap(ByteView passphrase, int work_factor, ByteView file_key) {
  const Bytes salt = random_bytes(16);
  const SecretBytes key = scrypt_wrap_key(passphrase, salt, work_factor);
  return Stanza{"scrypt", {to_base64_unpadded(salt), std::to_string(work_factor)},
                seal_file_key(key.view(), kZeroNonce, file_key)};
}

std::optional<SecretBytes> scrypt_unwrap(ByteView passphrase, int max_work_factor, const Stanza &s) {
  require_args(s, 2);
  const Bytes salt = stanza_field(s.args[0], 16, "scrypt salt");
  const int wf = work_factor(s.args[1], max_work_factor);
  require_wrapped_body(s);
  const SecretBytes key = scrypt_wrap_key(passphrase, salt, wf);
  return open_file_key(key.view(), kZeroNonce, s.body);
}

}  // namespace nacre::age::detail
