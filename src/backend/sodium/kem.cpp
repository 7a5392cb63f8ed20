// libsodium adapter for ML-KEM-768 (FIPS 203) and X-Wing (ML-KEM-768 + X25519).
#include <array>

#include "../pkey_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

struct Kem {
  std::size_t pub, priv, seed, ct, ss, enc_seed;
  int (*seed_keypair)(unsigned char *, unsigned char *, const unsigned char *);
  int (*enc)(unsigned char *, unsigned char *, const unsigned char *);
  int (*enc_deterministic)(unsigned char *, unsigned char *, const unsigned char *,
                           const unsigned char *);
  int (*dec)(unsigned char *, const unsigned char *, const unsigned char *);
  const char *bad_pub;
};

const Kem &kem_for(KeyType type) {
  // Encapsulation fails only on a public key libsodium rejects: for ML-KEM-768 the modulus check
  // of FIPS 203 7.2; X-Wing runs that check and also refuses an X25519 share of small order.
  static const Kem mlkem{crypto_kem_mlkem768_PUBLICKEYBYTES,
                         crypto_kem_mlkem768_SECRETKEYBYTES,
                         crypto_kem_mlkem768_SEEDBYTES,
                         crypto_kem_mlkem768_CIPHERTEXTBYTES,
                         crypto_kem_mlkem768_SHAREDSECRETBYTES,
                         32,
                         crypto_kem_mlkem768_seed_keypair,
                         crypto_kem_mlkem768_enc,
                         crypto_kem_mlkem768_enc_deterministic,
                         crypto_kem_mlkem768_dec,
                         "ML-KEM-768 public key has a coefficient not below q"};
  static const Kem xwing{crypto_kem_xwing_PUBLICKEYBYTES,
                         crypto_kem_xwing_SECRETKEYBYTES,
                         crypto_kem_xwing_SEEDBYTES,
                         crypto_kem_xwing_CIPHERTEXTBYTES,
                         crypto_kem_xwing_SHAREDSECRETBYTES,
                         64,
                         crypto_kem_xwing_seed_keypair,
                         crypto_kem_xwing_enc,
                         crypto_kem_xwing_enc_deterministic,
                         crypto_kem_xwing_dec,
                         "X-Wing public key rejected (ML-KEM coefficient not below q, or an "
                         "X25519 share of small order)"};
  if (type == KeyType::mlkem768) return mlkem;
  if (type == KeyType::xwing) return xwing;
  throw Error(Status::invalid_key, "not a KEM key type");
}

// Both functions' seeds are at most 64 bytes (ML-KEM: m; X-Wing: m || ephemeral X25519 key).
constexpr std::size_t max_enc_seed = 64;

}  // namespace

void kem_keypair(KeyType type, MutableByteView pub, MutableByteView priv, ByteView seed) {
  ensure_init();
  const Kem &k = kem_for(type);
  require_size(pub, k.pub, "KEM public key buffer");
  require_size(priv, k.priv, "KEM private key buffer");
  require_size(seed, k.seed, "KEM seed");
  check(k.seed_keypair(pub.data(), priv.data(), seed.data()), "KEM key generation");
}

bool kem_valid_public_key(KeyType type, ByteView pub) {
  ensure_init();
  const Kem &k = kem_for(type);
  if (pub.size() != k.pub) return false;
  // libsodium has no stand-alone check; its deterministic encapsulation runs the check first and
  // fails on nothing else, and the result does not depend on the seed. The outputs are dropped.
  const std::array<unsigned char, max_enc_seed> seed{};
  std::array<unsigned char, crypto_kem_xwing_CIPHERTEXTBYTES> ct;
  std::array<unsigned char, crypto_kem_xwing_SHAREDSECRETBYTES> ss;
  static_assert(crypto_kem_mlkem768_CIPHERTEXTBYTES <= crypto_kem_xwing_CIPHERTEXTBYTES &&
                crypto_kem_mlkem768_SHAREDSECRETBYTES <= crypto_kem_xwing_SHAREDSECRETBYTES);
  return k.enc_deterministic(ct.data(), ss.data(), pub.data(), seed.data()) == 0;
}

void kem_encapsulate(KeyType type, MutableByteView ct, MutableByteView ss, ByteView pub, ByteView seed) {
  ensure_init();
  const Kem &k = kem_for(type);
  require_size(ct, k.ct, "KEM ciphertext buffer");
  require_size(ss, k.ss, "KEM shared secret buffer");
  require_size(pub, k.pub, "KEM public key");
  if (!seed.empty()) require_size(seed, k.enc_seed, "KEM encapsulation seed");
  const int rc = seed.empty() ? k.enc(ct.data(), ss.data(), pub.data())
                              : k.enc_deterministic(ct.data(), ss.data(), pub.data(), seed.data());
  if (rc != 0) {
    sodium_memzero(ct.data(), ct.size());
    sodium_memzero(ss.data(), ss.size());
    throw Error(Status::invalid_key, k.bad_pub);
  }
}

void kem_decapsulate(KeyType type, MutableByteView ss, ByteView ct, ByteView priv) {
  ensure_init();
  const Kem &k = kem_for(type);
  require_size(ss, k.ss, "KEM shared secret buffer");
  require_size(ct, k.ct, "KEM ciphertext");
  require_size(priv, k.priv, "KEM private key");
  // ML-KEM-768 rejects implicitly and never fails. X-Wing fails, explicitly, when the X25519 half
  // of the ciphertext has small order (the all-zero check of crypto_scalarmult_curve25519); that
  // depends on the ciphertext alone, so reporting it reveals nothing about the key.
  if (k.dec(ss.data(), ct.data(), priv.data()) != 0) {
    sodium_memzero(ss.data(), ss.size());
    throw Error(Status::verification_failed, "KEM ciphertext rejected");
  }
}

}  // namespace nacre::detail::sodium
