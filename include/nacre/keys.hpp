// Public-key pairs and public keys: generation, import, export, comparison.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre {

namespace detail {
struct KeyParts;
}

// Numbers are nacre_key_type's in nacre.h (capi/src/enum_values.cpp checks each).
enum class KeyType : int {
  x25519 = 1,
  ed25519 = 2,
  p256 = 3,
  p384 = 4,
  rsa = 5,
  mlkem768 = 6,
  xwing = 7,
  p521 = 8,
};

// Numbers are nacre_key_format's in nacre.h, which documents each encoding (capi/src/enum_values.cpp
// checks each number).
enum class KeyFormat : int {
  raw_private = 1,
  raw_public = 2,
  pkcs8_der = 3,
  pkcs8_pem = 4,
  spki_der = 5,
  spki_pem = 6,
  sec1_uncompressed = 7,
  sec1_compressed = 8,
  mlkem_expanded_private = 9,
  pkcs1_private_der = 10,  // RSA: PKCS#1 RSAPrivateKey ("traditional" OpenSSL form)
  pkcs1_private_pem = 11,  // "RSA PRIVATE KEY"
  sec1_private_der = 12,   // EC: RFC 5915 ECPrivateKey with its named curve and public key
  sec1_private_pem = 13,   // "EC PRIVATE KEY"
  pkcs1_public_der = 14,   // RSA: PKCS#1 RSAPublicKey
  pkcs1_public_pem = 15,   // "RSA PUBLIC KEY"
  encrypted_pkcs8_der = 16,  // EncryptedPrivateKeyInfo (PBES2): import_encrypted/export_encrypted
  encrypted_pkcs8_pem = 17,  // "ENCRYPTED PRIVATE KEY"
};
inline constexpr KeyFormat kLastKeyFormat = KeyFormat::encrypted_pkcs8_pem;
// PBKDF2 iterations export_encrypted uses when given 0 (OWASP's 2023 figure for HMAC-SHA256).
inline constexpr std::uint32_t kDefaultPbkdf2Iterations = 600000;

// One key type's facts; the library's table holds one per KeyType.
struct KeyTypeInfo {
  KeyType type;
  const char *name;               // "x25519", "ed25519", "p256", "ml-kem-768", ...: static
  std::size_t bits;               // security parameter; 0: per key (RSA)
  std::size_t raw_private_size;   // KeyFormat::raw_private; 0: no such encoding
  std::size_t raw_public_size;    // KeyFormat::raw_public (for EC: the uncompressed point)
};

// Every key type, in enum order (entry i is number i + 1).
std::span<const KeyTypeInfo> key_types() noexcept;
// The entry for |type|; Error(unsupported) for a number outside KeyType.
const KeyTypeInfo &key_type_info(KeyType type);
inline std::string_view key_type_name(KeyType type) { return key_type_info(type).name; }
std::optional<KeyType> key_type_from_name(std::string_view name) noexcept;
bool is_private_format(KeyFormat format) noexcept;
// Whether |type| is a NIST curve (P-256, P-384, P-521): ECDSA, ECDH, SEC1 points.
bool key_type_is_ec(KeyType type) noexcept;

// Key is one key pair or one public key. Immutable and cheap to copy (copies share the same
// immutable state), so one Key may be used from many threads at once. Private parts live in
// secret memory (SecretBytes, or BoringSSL objects whose allocations go to the same pool).
class Key {
 public:
  // rsa_bits: 2048, 3072 or 4096 for KeyType::rsa, 0 otherwise (Error(invalid_argument)).
  static Key generate(KeyType type, std::size_t rsa_bits = 0);
  // |type| is required for raw and SEC1 formats; PKCS#8/SPKI name their own type, and a
  // different non-empty |type| is Error(invalid_key). Malformed input: Error(invalid_key).
  static Key import(KeyFormat format, ByteView in, std::optional<KeyType> type = std::nullopt);
  // An RSA public key of 1024 to 2047 bits (SPKI or PKCS#1, DER or PEM), for verifying
  // signatures made before 2048 bits became the floor. Such a key verifies only: RSA-OAEP
  // encryption with it is Error(invalid_key). 2048 to 4096 bits are taken too.
  static Key import_legacy_rsa_public(KeyFormat format, ByteView in);
  // Encrypted PKCS#8 (DER or PEM) under |password|: PBES2 with PBKDF2 (HMAC-SHA1 or -SHA256) and
  // AES-CBC. Error(invalid_key) for a wrong password or corrupt data, Error(unsupported) for other
  // schemes (scrypt, DES, RC2), Error(invalid_argument) for another format. import() refuses the
  // encrypted formats (Error(invalid_argument): a password is needed).
  static Key import_encrypted(KeyFormat format, ByteView in, ByteView password,
                              std::optional<KeyType> type = std::nullopt);

  // Public formats return public bytes; private formats need has_private().
  Bytes export_public(KeyFormat format) const;
  SecretBytes export_private(KeyFormat format) const;
  // Encrypted PKCS#8 (DER or PEM): PBES2, PBKDF2-HMAC-SHA256 with |iterations| (0:
  // kDefaultPbkdf2Iterations), AES-256-CBC, random salt and IV. Types with PKCS#8 only.
  SecretBytes export_encrypted(KeyFormat format, ByteView password, std::uint32_t iterations = 0) const;
  // The length export_encrypted gives, without the cost of PBKDF2.
  std::size_t export_encrypted_size(KeyFormat format, std::uint32_t iterations = 0) const;
  Key public_key() const;
  // The X25519 key of an Ed25519 key's point (libsodium's crypto_sign_ed25519_pk_to_curve25519
  // and _sk_to_curve25519), a key pair for a key pair, for protocols that box to signing keys.
  // Error(invalid_key) for other types and for a point with no X25519 form.
  Key to_x25519() const;

  KeyType type() const noexcept;
  bool has_private() const noexcept;
  std::size_t bits() const noexcept;

  // Constant time in secret contents: same type, same public key, and for two key pairs the same
  // private key. A key pair never equals a public key.
  friend bool operator==(const Key &a, const Key &b) noexcept;

  // The implementation's view of the key (src/ only).
  const detail::KeyParts &parts() const noexcept { return *parts_; }
  explicit Key(std::shared_ptr<const detail::KeyParts> parts) noexcept : parts_(std::move(parts)) {}

 private:
  std::shared_ptr<const detail::KeyParts> parts_;
};

}  // namespace nacre
