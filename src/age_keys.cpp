// age's recipients and identities: X25519 (age1... / AGE-SECRET-KEY-1...), the hybrid
// mlkem768x25519 (age1pq1... / AGE-SECRET-KEY-PQ-1...), and passphrases.
#include <string>

#include "age_header.hpp"
#include "age_stanzas.hpp"
#include "bech32.hpp"
#include "nacre/keys.hpp"

namespace nacre::age {

using detail::fail;

namespace {

constexpr int kMaxAcceptedWorkFactor = 30;

// The text forms: Bech32 HRPs by key type (c2sp.org/age).
struct KeyKind {
  KeyType type;
  std::string_view public_hrp;
  std::string_view secret_hrp;
};
constexpr KeyKind kKinds[] = {
    {KeyType::x25519, "age", "age-secret-key-"},
    {KeyType::xwing, "age1pq", "age-secret-key-pq-"},
};

const KeyKind &kind_of(KeyType type) {
  for (const KeyKind &k : kKinds) {
    if (k.type == type) return k;
  }
  throw nacre::Error(Status::internal, "age: a key of a type age does not use");
}

// The key in |text| (an HRP of |kKinds|, public or secret as |secret| says).
Key decode_key(std::string_view text, bool secret, const char *what) {
  nacre::detail::Bech32 decoded;
  try {
    decoded = nacre::detail::bech32_decode(text);
  } catch (const nacre::Error &e) {
    throw nacre::Error(Status::invalid_key, std::string(what) + ": " + e.what());
  }
  for (const KeyKind &k : kKinds) {
    if (decoded.hrp != (secret ? k.secret_hrp : k.public_hrp)) continue;
    try {
      return Key::import(secret ? KeyFormat::raw_private : KeyFormat::raw_public, decoded.data.view(), k.type);
    } catch (const nacre::Error &e) {
      throw nacre::Error(Status::invalid_key, std::string(what) + ": " + e.what());
    }
  }
  throw nacre::Error(Status::invalid_key, std::string(what) + ": not an age key (unknown prefix)");
}

SecretBytes encode_key(const Key &key, bool secret) {
  const KeyKind &k = kind_of(key.type());
  if (!secret) return nacre::detail::bech32_encode(k.public_hrp, key.export_public(KeyFormat::raw_public));
  SecretBytes text = nacre::detail::bech32_encode(k.secret_hrp, key.export_private(KeyFormat::raw_private).view());
  for (std::size_t i = 0; i < text.size(); ++i) {  // age writes secret keys in upper case
    std::uint8_t &c = text.data()[i];
    if (c >= 'a' && c <= 'z') c = static_cast<std::uint8_t>(c - 'a' + 'A');
  }
  return text;
}

}  // namespace

// What both a recipient and an identity hold: a key (public, or a key pair), or a passphrase
// with a work factor (the one to write, or the largest to accept).
struct Party {
  std::optional<Key> key;
  SecretBytes passphrase;
  int work_factor = 0;
};
class RecipientImpl : public Party {};
class IdentityImpl : public Party {};

namespace {

template <class Impl>
std::shared_ptr<const Impl> key_party(const Key &key) {
  auto impl = std::make_shared<Impl>();
  impl->key = key;  // cheap: keys share their immutable state
  return impl;
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

void require_key(const Party &p, const char *what) {
  if (!p.key) throw nacre::Error(Status::invalid_argument, std::string("age: a passphrase has no ") + what);
}

}  // namespace

Recipient::Recipient(std::shared_ptr<const RecipientImpl> impl) noexcept : impl_(std::move(impl)) {}
Identity::Identity(std::shared_ptr<const IdentityImpl> impl) noexcept : impl_(std::move(impl)) {}

Recipient Recipient::parse(std::string_view text) {
  return Recipient(key_party<RecipientImpl>(decode_key(text, false, "age recipient")));
}

Recipient Recipient::passphrase(std::string_view passphrase, int work_factor) {
  if (passphrase.empty()) throw nacre::Error(Status::invalid_argument, "age: the passphrase is empty");
  return Recipient(passphrase_party<RecipientImpl>(passphrase, work_factor));
}

bool Recipient::is_passphrase() const noexcept { return !impl_->key; }
bool Recipient::is_post_quantum() const noexcept { return impl_->key && impl_->key->type() == KeyType::xwing; }

std::string Recipient::to_string() const {
  require_key(*impl_, "text form");
  const SecretBytes text = encode_key(*impl_->key, false);
  return std::string(text.view().begin(), text.view().end());
}

Stanza Recipient::wrap(ByteView file_key) const {
  if (!impl_->key) return detail::scrypt_wrap(impl_->passphrase.view(), impl_->work_factor, file_key);
  if (impl_->key->type() == KeyType::xwing) return detail::hybrid_wrap(*impl_->key, file_key);
  return detail::x25519_wrap(*impl_->key, file_key);
}

Identity Identity::generate(bool post_quantum) {
  return Identity(key_party<IdentityImpl>(Key::generate(post_quantum ? KeyType::xwing : KeyType::x25519)));
}

Identity Identity::parse(std::string_view text) {
  return Identity(key_party<IdentityImpl>(decode_key(text, true, "age identity")));
}

Identity Identity::passphrase(std::string_view passphrase, int max_work_factor) {
  return Identity(passphrase_party<IdentityImpl>(passphrase, max_work_factor));
}

bool Identity::is_passphrase() const noexcept { return !impl_->key; }

SecretBytes Identity::to_string() const {
  require_key(*impl_, "text form");
  return encode_key(*impl_->key, true);
}

Recipient Identity::recipient() const {
  require_key(*impl_, "recipient");
  return Recipient(key_party<RecipientImpl>(impl_->key->public_key()));
}

std::optional<SecretBytes> Identity::unwrap(std::span<const Stanza> stanzas) const {
  for (const Stanza &s : stanzas) {
    if (s.type == "scrypt" && stanzas.size() != 1) {
      fail(Failure::header, "an scrypt stanza must be alone in the header");
    }
  }
  const Party &me = *impl_;
  const KeyType type = me.key ? me.key->type() : KeyType::x25519;
  for (const Stanza &s : stanzas) {
    std::optional<SecretBytes> file_key;
    if (!me.key && s.type == "scrypt") file_key = detail::scrypt_unwrap(me.passphrase.view(), me.work_factor, s);
    if (me.key && type == KeyType::x25519 && s.type == "X25519") file_key = detail::x25519_unwrap(*me.key, s);
    if (me.key && type == KeyType::xwing && s.type == "mlkem768x25519") {
      file_key = detail::hybrid_unwrap(*me.key, s);
    }
    if (file_key) return file_key;
  }
  return std::nullopt;
}

namespace {

// Calls |each| with every line of |text| that is neither blank nor a comment, and its number.
template <class Each>
void for_each_entry(std::string_view text, const char *what, Each each) {
  std::size_t number = 0;
  bool any = false;
  while (!text.empty()) {
    const std::size_t lf = text.find('\n');
    std::string_view line = text.substr(0, lf);
    text = lf == std::string_view::npos ? std::string_view{} : text.substr(lf + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    try {
      each(line);
    } catch (const nacre::Error &e) {
      std::string why = e.what();
      if (line.rfind("age-encryption.org/", 0) == 0 || line.rfind("-----BEGIN", 0) == 0) {
        why = "an encrypted identity file, which nacre does not read (decrypt it first)";
      } else if (line.rfind("ssh-", 0) == 0 || line.rfind("AGE-PLUGIN-", 0) == 0) {
        why = "an SSH or plugin key, which nacre does not support";
      }
      throw nacre::Error(e.status(), std::string(what) + " line " + std::to_string(number) + ": " + why);
    }
    any = true;
  }
  if (!any) throw nacre::Error(Status::invalid_argument, std::string("age: no ") + what + " entries");
}

}  // namespace

std::vector<Recipient> parse_recipients(std::string_view text) {
  std::vector<Recipient> out;
  for_each_entry(text, "age: recipients", [&](std::string_view line) { out.push_back(Recipient::parse(line)); });
  return out;
}

std::vector<Identity> parse_identities(std::string_view text) {
  std::vector<Identity> out;
  for_each_entry(text, "age: identities", [&](std::string_view line) { out.push_back(Identity::parse(line)); });
  return out;
}

}  // namespace nacre::age
