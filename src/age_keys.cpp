// age's native recipient types: X25519 and scrypt (c2sp.org/age, "Native recipient types").
#include <charconv>
#include <string>

#include "age_header.hpp"
#include "bech32.hpp"
#include "nacre/aead.hpp"
#include "nacre/agreement.hpp"
#include "nacre/encoding.hpp"
#include "nacre/kdf.hpp"
#include "nacre/keys.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"

namespace nacre::age {

using detail::fail;

namespace {

constexpr std::string_view kPublicHrp = "age";
constexpr std::string_view kSecretHrp = "age-secret-key-";
constexpr std::string_view kX25519Info = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t kWrappedSize = kFileKeySize + 16;  // file key and Poly1305 tag
constexpr int kMaxAcceptedWorkFactor = 30;

// The file key sealed, or opened, under |wrap_key| with the all-zero nonce (both stanza types).
Bytes seal_file_key(const SecretBytes &wrap_key, ByteView file_key) {
  const Bytes nonce(12, 0);
  return AeadKey::create(AeadAlg::chacha20_poly1305, wrap_key.view()).seal(nonce, file_key);
}

std::optional<SecretBytes> open_file_key(const SecretBytes &wrap_key, ByteView body) {
  const Bytes nonce(12, 0);
  SecretBytes file_key(kFileKeySize);
  try {
    AeadKey::create(AeadAlg::chacha20_poly1305, wrap_key.view())
        .open_into(file_key.mutable_view(), nonce, body, {});
  } catch (const nacre::Error &e) {
    if (e.status() != Status::verification_failed) throw;
    return std::nullopt;  // addressed to another key or passphrase
  }
  return file_key;
}

SecretBytes x25519_wrap_key(ByteView shared, ByteView share, ByteView recipient) {
  Bytes salt(share.begin(), share.end());
  salt.insert(salt.end(), recipient.begin(), recipient.end());
  return hkdf(HashAlg::sha256, shared, salt, as_bytes_view(kX25519Info), 32);
}

SecretBytes scrypt_wrap_key(std::string_view passphrase, ByteView salt, int work_factor) {
  Bytes full(kScryptLabel.begin(), kScryptLabel.end());
  full.insert(full.end(), salt.begin(), salt.end());
  return scrypt(as_bytes_view(passphrase), full,
                ScryptParams{std::uint64_t{1} << work_factor, 8, 1}, 32);
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

void check_body(const Stanza &s) {
  // Before any decryption: a body of another size must not reach the AEAD (partitioning).
  if (s.body.size() != kWrappedSize) fail(Failure::header, s.type + " stanza body of the wrong size");
}

}  // namespace

// --- implementations --------------------------------------------------------------------------

// What both a recipient and an identity hold: an X25519 key (public, or a key pair), or a
// passphrase with a work factor (the one to write, or the largest to accept).
struct Party {
  std::optional<Key> x25519;
  SecretBytes passphrase;
  int work_factor = 0;
};
class RecipientImpl : public Party {};
class IdentityImpl : public Party {};

namespace {

// The 32 key bytes of an age key in text form, with |hrp|.
SecretBytes decode_key(std::string_view text, std::string_view hrp, const char *what) {
  nacre::detail::Bech32 decoded;
  try {
    decoded = nacre::detail::bech32_decode(text);
  } catch (const nacre::Error &e) {
    throw nacre::Error(Status::invalid_key, std::string(what) + ": " + e.what());
  }
  if (decoded.hrp != hrp || decoded.data.size() != 32) {
    throw nacre::Error(Status::invalid_key, std::string(what) + ": not an X25519 key of this kind");
  }
  return std::move(decoded.data);
}

template <class Impl>
std::shared_ptr<const Impl> passphrase_party(std::string_view passphrase, int work_factor) {
  if (work_factor < 1 || work_factor > kMaxAcceptedWorkFactor) {
    throw nacre::Error(Status::invalid_argument, "age: scrypt work factor must be 1 to 30");
  }
  auto impl = std::make_shared<Impl>();
  impl->passphrase = SecretBytes::copy_of(as_bytes_view(passphrase));
  impl->work_factor = work_factor;
  return impl;
}

}  // namespace

Recipient::Recipient(std::shared_ptr<const RecipientImpl> impl) noexcept : impl_(std::move(impl)) {}
Identity::Identity(std::shared_ptr<const IdentityImpl> impl) noexcept : impl_(std::move(impl)) {}

Recipient Recipient::parse(std::string_view text) {
  const SecretBytes raw = decode_key(text, kPublicHrp, "age recipient (age1...)");
  auto impl = std::make_shared<RecipientImpl>();
  impl->x25519 = Key::import(KeyFormat::raw_public, raw.view(), KeyType::x25519);
  return Recipient(std::move(impl));
}

Recipient Recipient::passphrase(std::string_view passphrase, int work_factor) {
  return Recipient(passphrase_party<RecipientImpl>(passphrase, work_factor));
}

bool Recipient::is_passphrase() const noexcept { return !impl_->x25519; }

std::string Recipient::to_string() const {
  if (!impl_->x25519) throw nacre::Error(Status::invalid_argument, "age: a passphrase has no text form");
  const SecretBytes text =
      nacre::detail::bech32_encode(kPublicHrp, impl_->x25519->export_public(KeyFormat::raw_public));
  return std::string(text.view().begin(), text.view().end());
}

Stanza Recipient::wrap(ByteView file_key) const {
  Stanza s;
  if (impl_->x25519) {
    const Key ephemeral = Key::generate(KeyType::x25519);
    const Bytes share = ephemeral.export_public(KeyFormat::raw_public);
    const SecretBytes shared = agree(ephemeral, *impl_->x25519);
    const SecretBytes wrap_key =
        x25519_wrap_key(shared.view(), share, impl_->x25519->export_public(KeyFormat::raw_public));
    s.type = "X25519";
    s.args = {to_base64_unpadded(share)};
    s.body = seal_file_key(wrap_key, file_key);
    return s;
  }
  const Bytes salt = random_bytes(16);
  const std::string_view pass(reinterpret_cast<const char *>(impl_->passphrase.data()),
                              impl_->passphrase.size());
  s.type = "scrypt";
  s.args = {to_base64_unpadded(salt), std::to_string(impl_->work_factor)};
  s.body = seal_file_key(scrypt_wrap_key(pass, salt, impl_->work_factor), file_key);
  return s;
}

Identity Identity::generate() {
  auto impl = std::make_shared<IdentityImpl>();
  impl->x25519 = Key::generate(KeyType::x25519);
  return Identity(std::move(impl));
}

Identity Identity::parse(std::string_view text) {
  const SecretBytes raw = decode_key(text, kSecretHrp, "age identity (AGE-SECRET-KEY-1...)");
  auto impl = std::make_shared<IdentityImpl>();
  impl->x25519 = Key::import(KeyFormat::raw_private, raw.view(), KeyType::x25519);
  return Identity(std::move(impl));
}

Identity Identity::passphrase(std::string_view passphrase, int max_work_factor) {
  return Identity(passphrase_party<IdentityImpl>(passphrase, max_work_factor));
}

bool Identity::is_passphrase() const noexcept { return !impl_->x25519; }

SecretBytes Identity::to_string() const {
  if (!impl_->x25519) throw nacre::Error(Status::invalid_argument, "age: a passphrase has no text form");
  SecretBytes text = nacre::detail::bech32_encode(
      kSecretHrp, impl_->x25519->export_private(KeyFormat::raw_private).view());
  for (std::size_t i = 0; i < text.size(); ++i) {  // age writes secret keys in upper case
    std::uint8_t &c = text.data()[i];
    if (c >= 'a' && c <= 'z') c = static_cast<std::uint8_t>(c - 'a' + 'A');
  }
  return text;
}

Recipient Identity::recipient() const {
  if (!impl_->x25519) throw nacre::Error(Status::invalid_argument, "age: a passphrase has no recipient");
  auto impl = std::make_shared<RecipientImpl>();
  impl->x25519 = impl_->x25519->public_key();
  return Recipient(std::move(impl));
}

namespace {

std::optional<SecretBytes> unwrap_x25519(const Key &identity, const Stanza &s) {
  if (s.args.size() != 1) fail(Failure::header, "an X25519 stanza without exactly one argument");
  const Bytes share = stanza_field(s.args[0], 32, "X25519 share");
  check_body(s);
  const Key peer = Key::import(KeyFormat::raw_public, share, KeyType::x25519);
  SecretBytes shared;
  try {
    shared = agree(identity, peer);
  } catch (const nacre::Error &e) {
    if (e.status() != Status::invalid_key) throw;
    fail(Failure::header, "an X25519 share of low order (an all-zero shared secret)");
  }
  const SecretBytes wrap_key =
      x25519_wrap_key(shared.view(), share, identity.export_public(KeyFormat::raw_public));
  return open_file_key(wrap_key, s.body);
}

int work_factor(const std::string &text, int max) {
  // Decimal, no sign, no leading zero (^[1-9][0-9]*$).
  int value = 0;
  const char *end = text.data() + text.size();
  const bool canonical = !text.empty() && text[0] >= '1' && text[0] <= '9';
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (!canonical || ec != std::errc() || ptr != end) fail(Failure::header, "a malformed scrypt work factor");
  if (value > max) fail(Failure::header, "an scrypt work factor above the limit (" + std::to_string(max) + ")");
  return value;
}

std::optional<SecretBytes> unwrap_scrypt(const IdentityImpl &id, const Stanza &s) {
  if (s.args.size() != 2) fail(Failure::header, "an scrypt stanza without exactly two arguments");
  const Bytes salt = stanza_field(s.args[0], 16, "scrypt salt");
  const int wf = work_factor(s.args[1], id.work_factor);
  check_body(s);
  const std::string_view pass(reinterpret_cast<const char *>(id.passphrase.data()), id.passphrase.size());
  return open_file_key(scrypt_wrap_key(pass, salt, wf), s.body);
}

}  // namespace

std::optional<SecretBytes> Identity::unwrap(std::span<const Stanza> stanzas) const {
  for (const Stanza &s : stanzas) {
    if (s.type == "scrypt" && stanzas.size() != 1) {
      fail(Failure::header, "an scrypt stanza must be alone in the header");
    }
  }
  for (const Stanza &s : stanzas) {
    std::optional<SecretBytes> key;
    if (impl_->x25519 && s.type == "X25519") key = unwrap_x25519(*impl_->x25519, s);
    if (!impl_->x25519 && s.type == "scrypt") key = unwrap_scrypt(*impl_, s);
    if (key) return key;
  }
  return std::nullopt;
}

}  // namespace nacre::age
