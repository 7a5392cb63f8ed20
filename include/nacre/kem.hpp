// Key encapsulation: ML-KEM-768 (FIPS 203) and X-Wing, through libsodium.
#pragma once

#include <cstddef>

#include "nacre/bytes.hpp"
#include "nacre/keys.hpp"
#include "nacre/secret.hpp"

namespace nacre {

// Sizes for KeyType::mlkem768 and KeyType::xwing; Error(invalid_key) for other types.
std::size_t kem_ciphertext_size(KeyType type);
std::size_t kem_shared_secret_size(KeyType type);

struct Encapsulation {
  Bytes ciphertext;
  SecretBytes shared_secret;
};

Encapsulation encapsulate(const Key &key);
// Deterministic, for known-answer tests only: |randomness| replaces the fresh random input
// (32 bytes m for ML-KEM-768; 64 bytes for X-Wing: m || the ephemeral X25519 key).
Encapsulation encapsulate_for_testing(const Key &key, ByteView randomness);
// Implicit rejection: a wrong ciphertext of the right size yields an unrelated secret. A wrong
// size is Error(invalid_argument); a public key, Error(invalid_argument). X-Wing: a ciphertext
// whose X25519 part has small order is Error(verification_failed) (libsodium's check).
SecretBytes decapsulate(const Key &key, ByteView ciphertext);

}  // namespace nacre
