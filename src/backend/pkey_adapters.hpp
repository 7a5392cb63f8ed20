// What the public-key adapters offer the C++ API. Sizes are checked by the caller unless a
// comment says otherwise; malformed encodings are Error(invalid_key).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "key_parts.hpp"
#include "nacre/hash.hpp"
#include "nacre/hpke.hpp"

namespace nacre::detail {

// The HPKE context shape (the adapter keeps BoringSSL's EVP_HPKE_CTX in it).
class HpkeImpl {
 public:
  virtual ~HpkeImpl() = default;
  virtual void seal(MutableByteView out, ByteView pt, ByteView aad) = 0;   // out: pt + 16
  virtual bool open(MutableByteView out, ByteView ct, ByteView aad) = 0;   // out: ct - 16
  virtual void export_secret(MutableByteView out, ByteView context) const = 0;
};

namespace bssl {

// --- Encodings (PKCS#8, SPKI, PEM) for X25519, Ed25519, P-256, P-384, P-521 and RSA.
// Parsing rejects trailing bytes; a well-formed key of another algorithm or curve is
// Error(unsupported); an RSA modulus outside 2048..4096 bits is Error(invalid_key). For X25519 and
// Ed25519 the result has raw |pub|/|priv| as KeyParts describes, no |evp|.
KeyParts parse_pkcs8(ByteView der);
KeyParts parse_spki(ByteView der);
SecretBytes pkcs8(const KeyParts &key);
Bytes spki(const KeyParts &key);
// One PEM block with |label| ("PRIVATE KEY", "PUBLIC KEY"); only whitespace around it.
SecretBytes pem_decode(ByteView pem, std::string_view label);
SecretBytes pem_encode(ByteView der, std::string_view label);

// --- PKCS#1 RSAPrivateKey/RSAPublicKey, RFC 5915 ECPrivateKey (named curve), encrypted PKCS#8.
// Refusals say what was found. parse_encrypted_pkcs8: Error(invalid_key) for a wrong password
// or corrupt data, Error(unsupported) for a scheme BoringSSL does not read (scrypt, DES, RC2).
KeyParts parse_pkcs1_private(ByteView der);
KeyParts parse_pkcs1_public(ByteView der);
KeyParts parse_sec1_private(ByteView der);
SecretBytes pkcs1_private(const KeyParts &key);
Bytes pkcs1_public(const KeyParts &key);
SecretBytes sec1_private(const KeyParts &key);
KeyParts parse_encrypted_pkcs8(ByteView der, ByteView password);
// PBES2 with PBKDF2-HMAC-SHA256 (|iterations|) and AES-256-CBC around |pkcs8_der|; |salt| and
// |iv| are pbes2_salt_size and 16 random bytes from the caller. |size_only|: skip PBKDF2 (an
// output of the right length under a zero key, for size queries).
inline constexpr std::size_t pbes2_salt_size = 16;
SecretBytes encrypted_pkcs8(ByteView pkcs8_der, ByteView password, std::uint32_t iterations, ByteView salt,
                            ByteView iv, bool size_only = false);

// --- EC (P-256, P-384, P-521) and RSA keys.
KeyParts ec_generate(KeyType curve);
KeyParts ec_from_scalar(KeyType curve, ByteView scalar);  // big endian, fixed size; 0 < d < n
KeyParts ec_from_point(KeyType curve, ByteView sec1);     // compressed or uncompressed
Bytes ec_point(const KeyParts &key, bool compressed);
SecretBytes ec_scalar(const KeyParts &key);               // fixed size, big endian
KeyParts rsa_generate(std::size_t bits);
std::size_t rsa_modulus_size(const KeyParts &key);        // bytes
EvpKeyRef public_only(const KeyParts &key);               // EC/RSA: a public copy of |evp|

// --- Signatures over digests (ECDSA, RSA). Verify returns false for any bad signature.
Bytes ecdsa_sign_digest(const KeyParts &key, ByteView digest);  // strict DER
bool ecdsa_verify_digest(const KeyParts &key, ByteView digest, ByteView der);
std::size_t ecdsa_der_max_size(KeyType curve);
// Conversions between DER and r||s of |scalar_size| bytes each side; false when malformed.
bool ecdsa_der_to_p1363(ByteView der, MutableByteView out);
bool ecdsa_p1363_to_der(ByteView rs, Bytes &der);
// RSA-PSS with MGF1 over |hash|; |salt| is a byte count or nacre's pss_salt_digest/max/auto
// (signature.hpp). A salt too long for the key is Error(invalid_argument) when signing and a
// verification failure when verifying.
Bytes rsa_pss_sign_digest(const KeyParts &key, HashAlg hash, ByteView digest, int salt);
bool rsa_pss_verify_digest(const KeyParts &key, HashAlg hash, ByteView digest, ByteView sig, int salt);
Bytes rsa_pkcs1_sign_digest(const KeyParts &key, HashAlg hash, ByteView digest);
bool rsa_pkcs1_verify_digest(const KeyParts &key, HashAlg hash, ByteView digest, ByteView sig);

// --- RSA-OAEP (SHA-256, MGF1-SHA-256).
void rsa_oaep_encrypt(const KeyParts &key, MutableByteView out, ByteView msg, ByteView label);
// Writes the plaintext to the front of |out| (at least the modulus size) and returns its
// length, or returns false on any failure.
bool rsa_oaep_decrypt(const KeyParts &key, MutableByteView out, std::size_t &len, ByteView ct,
                      ByteView label);

// --- ECDH: |out| holds the coordinate size.
void ecdh(const KeyParts &key, const KeyParts &peer, MutableByteView out);

// --- Curve25519 (raw forms of KeyParts).
void ed25519_public_from_seed(ByteView seed, MutableByteView pub);
void ed25519_sign(ByteView seed_and_pub, ByteView msg, MutableByteView sig);
bool ed25519_verify(ByteView pub, ByteView msg, ByteView sig);
void x25519_public(ByteView scalar, MutableByteView pub);
bool x25519(ByteView scalar, ByteView peer, MutableByteView out);  // false: all-zero output
// Ed25519 to X25519: the public point (false when it has no X25519 form) and the private scalar
// of a 64-byte seed || public key.
bool ed25519_public_to_x25519(ByteView ed_pub, MutableByteView x_pub);
void ed25519_private_to_x25519(ByteView ed_priv, MutableByteView x_scalar);

// --- HPKE. |recipient_pub| / |recipient_priv| are raw X25519 keys. An empty |seed| means a
// random ephemeral key.
std::unique_ptr<HpkeImpl> hpke_sender(HpkeSuite suite, ByteView recipient_pub, ByteView info,
                                      MutableByteView enc, ByteView seed);
// Error(invalid_key) when |enc| is not a usable X25519 public key.
std::unique_ptr<HpkeImpl> hpke_receiver(HpkeSuite suite, ByteView recipient_priv, ByteView enc,
                                        ByteView info);

}  // namespace bssl

namespace sodium {

// --- Curve25519.
void ed25519_public_from_seed(ByteView seed, MutableByteView pub);
void ed25519_sign(ByteView seed_and_pub, ByteView msg, MutableByteView sig);
bool ed25519_verify(ByteView pub, ByteView msg, ByteView sig);
// Policy helpers used for both backends: a canonical encoding of a point of prime order (not of
// small order), and a canonical scalar (s < L).
bool ed25519_valid_public_key(ByteView pub);
bool ed25519_canonical_scalar(ByteView s);
void x25519_public(ByteView scalar, MutableByteView pub);
bool x25519(ByteView scalar, ByteView peer, MutableByteView out);  // false: all-zero output
// Ed25519 to X25519: the public point (false when it has no X25519 form) and the private scalar
// of a 64-byte seed || public key.
bool ed25519_public_to_x25519(ByteView ed_pub, MutableByteView x_pub);
void ed25519_private_to_x25519(ByteView ed_priv, MutableByteView x_scalar);

// --- Boxes (X25519, XSalsa20-Poly1305). Open returns false on a bad box.
void box_seal(MutableByteView out, ByteView recipient_pub, ByteView msg);
bool box_seal_open(MutableByteView out, ByteView recipient_pub, ByteView recipient_priv,
                   ByteView ct);
void box(MutableByteView out, ByteView nonce, ByteView recipient_pub, ByteView sender_priv,
         ByteView msg);
bool box_open(MutableByteView out, ByteView nonce, ByteView sender_pub, ByteView recipient_priv,
              ByteView ct);
// crypto_box_beforenm; false for a small-order |pub| (|out| zeroed).
bool box_beforenm(MutableByteView out, ByteView pub, ByteView priv);
// crypto_secretbox_easy / _open_easy.
void secretbox(MutableByteView out, ByteView nonce, ByteView key, ByteView msg);
bool secretbox_open(MutableByteView out, ByteView nonce, ByteView key, ByteView ct);

// --- KEMs: |type| is mlkem768 or xwing; sizes as in nacre/kem.hpp and KeyParts. |seed| is the
// 64-byte d || z (ML-KEM-768) or the 32-byte X-Wing seed; random keys come from a random seed.
void kem_keypair(KeyType type, MutableByteView pub, MutableByteView priv, ByteView seed);
// True when libsodium will encapsulate to |pub|: ML-KEM-768, every coefficient below q (FIPS 203
// 7.2); X-Wing, that and an X25519 share not of small order. Costs one encapsulation.
bool kem_valid_public_key(KeyType type, ByteView pub);
// Error(invalid_key) for a public key kem_valid_public_key refuses.
// An empty |seed| encapsulates with fresh randomness; a seed (ML-KEM 32 bytes m, X-Wing 64 bytes)
// makes it deterministic, for known-answer tests.
void kem_encapsulate(KeyType type, MutableByteView ct, MutableByteView ss, ByteView pub, ByteView seed = {});
// ML-KEM-768 rejects implicitly. X-Wing: Error(verification_failed) when the ciphertext's X25519
// share has small order. The 2400-byte ML-KEM key is not checked (no H(ek) check, FIPS 203 7.3).
void kem_decapsulate(KeyType type, MutableByteView ss, ByteView ct, ByteView priv);

}  // namespace sodium

}  // namespace nacre::detail
