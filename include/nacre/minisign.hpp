// minisign's formats (jedisct1.github.io/minisign), composed of nacre's primitives: Ed25519
// signatures over a BLAKE2b-512 prehash of the file ("ED"), a global signature binding the
// trusted comment, and secret key files encrypted as minisign encrypts them (scrypt,
// libsodium's scryptsalsa208sha256, XOR; BLAKE2b-256 checksum) or left unencrypted (minisign -W).
//
// Signer and Verifier take the file in pieces of any size, in constant memory. Legacy signatures
// ("Ed", over the whole file) are refused, as minisign refuses them by default.
//
// Errors: nacre::Error with Status::invalid_key for a malformed key file, invalid_argument for a
// malformed signature file or comment, verification_failed for a wrong password, a signature made
// by another key, or one that does not verify. PublicKey and SecretKey are immutable and may be
// shared between threads; a Signer or Verifier belongs to one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "nacre/bytes.hpp"
#include "nacre/hash.hpp"
#include "nacre/keys.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/secret.hpp"

namespace nacre::minisign {

inline constexpr std::size_t kKeyIdSize = 8;
inline constexpr std::size_t kMaxTrustedComment = 8192 - 18;  // minisign's limit, the prefix taken
// The scrypt cost minisign gives new encrypted keys (libsodium's "sensitive": 1 GiB), which is
// also the most a key file may ask for here.
inline constexpr std::uint64_t kKdfOpslimit = 33554432;
inline constexpr std::size_t kKdfMemlimit = std::size_t{1} << 30;

using KeyId = std::array<std::uint8_t, kKeyIdSize>;

class PublicKey {
 public:
  // A public key file ("untrusted comment: ...", then the key in base64), or the base64 line
  // alone (minisign -P).
  static PublicKey parse(std::string_view text);

  const KeyId &key_id() const noexcept { return id_; }
  std::string key_id_hex() const;  // as minisign prints it: 16 upper-case hex digits
  std::string to_base64() const;
  std::string to_file() const;  // "untrusted comment: minisign public key <id>\n<base64>\n"
  const Key &key() const noexcept { return *key_; }

 private:
  PublicKey(KeyId id, std::shared_ptr<const Key> key) : id_(id), key_(std::move(key)) {}
  KeyId id_;
  std::shared_ptr<const Key> key_;
  friend class SecretKey;
};

class SecretKey {
 public:
  static SecretKey generate();
  // Whether a secret key file is encrypted (then parse() needs its password).
  static bool is_encrypted(std::string_view text);
  // A secret key file; |password| is required for an encrypted one and ignored otherwise.
  static SecretKey parse(std::string_view text, std::optional<ByteView> password);

  // The file: encrypted under |password| with scrypt at |cost| (minisign's own by default, at
  // most that), or unencrypted without one.
  SecretBytes to_file(std::optional<ByteView> password,
                      std::string_view comment = "minisign encrypted secret key",
                      PwhashLimits cost = {kKdfOpslimit, kKdfMemlimit}) const;
  PublicKey public_key() const;
  const KeyId &key_id() const noexcept { return id_; }
  const Key &key() const noexcept { return *key_; }

 private:
  SecretKey(KeyId id, std::shared_ptr<const Key> key) : id_(id), key_(std::move(key)) {}
  KeyId id_;
  std::shared_ptr<const Key> key_;
};

// Signs one file: update() with its bytes, then finish() gives the signature file. The trusted
// comment is one printable line (signed too); the untrusted one is one line (not signed). Signer
// and Verifier keep their own copy of the key (a shared pointer), so a temporary may be passed.
class Signer {
 public:
  explicit Signer(const SecretKey &key);
  void update(ByteView data) { hash_.update(data); }
  std::string finish(std::string_view trusted_comment,
                     std::string_view untrusted_comment = "signature from minisign secret key") const;

 private:
  SecretKey key_;  // a copy: cheap (shared), and no dangling reference to a temporary
  Hasher hash_;
};

// Checks one file against a signature file's text: update() with its bytes, then finish()
// returns the trusted comment, or throws.
class Verifier {
 public:
  Verifier(const PublicKey &key, std::string_view signature_file);
  void update(ByteView data) { hash_.update(data); }
  std::string finish() const;
  const KeyId &signature_key_id() const noexcept { return sig_id_; }

 private:
  PublicKey key_;  // a copy, as in Signer
  KeyId sig_id_{};
  Bytes signature_;         // 64 bytes, over the prehash
  Bytes global_signature_;  // 64 bytes, over signature || trusted comment
  std::string trusted_comment_;
  Hasher hash_;
};

}  // namespace nacre::minisign
