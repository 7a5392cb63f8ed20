// libsodium boxes: anonymous sealed boxes and crypto_box over X25519 keys, and crypto_secretbox
// under a shared secret key, all XSalsa20-Poly1305.
#pragma once

#include <cstddef>

#include "nacre/bytes.hpp"
#include "nacre/keys.hpp"
#include "nacre/secret.hpp"

namespace nacre {

inline constexpr std::size_t box_seal_overhead = 48;
inline constexpr std::size_t box_overhead = 16;
inline constexpr std::size_t box_nonce_size = 24;

// Outputs hold exactly in.size() +/- the overhead and must not overlap inputs. A failed open
// throws Error(verification_failed) and zeroes |out|. Non-X25519 keys: Error(invalid_key).
void box_seal_into(MutableByteView out, const Key &recipient, ByteView msg);
void box_seal_open_into(MutableByteView out, const Key &recipient, ByteView ct);
void box_into(MutableByteView out, const Key &sender, const Key &recipient, ByteView nonce,
              ByteView msg);
void box_open_into(MutableByteView out, const Key &recipient, const Key &sender, ByteView nonce,
                   ByteView ct);

Bytes box_seal(const Key &recipient, ByteView msg);
Bytes box_seal_open(const Key &recipient, ByteView ct);

// crypto_box_beforenm: the 32-byte key a box between |a| (a key pair) and |b| (a public key) is a
// secretbox under, the same from either side. Error(invalid_key) for non-X25519 keys and for a
// small-order |b| (the shared point would be all zeros).
SecretBytes box_shared_key(const Key &a, const Key &b);

inline constexpr std::size_t secretbox_key_size = 32;
inline constexpr std::size_t secretbox_nonce_size = 24;
inline constexpr std::size_t secretbox_overhead = 16;

// SecretBoxKey is libsodium's crypto_secretbox (XSalsa20-Poly1305) under one 32-byte key, held
// in secret memory. A box is tag || ciphertext (libsodium's combined form, what NaCl and PyNaCl
// write), secretbox_overhead bytes longer than its message. Each message needs a 24-byte nonce
// that never repeats under the key; a random one is safe. Immutable: one key may be used from
// many threads at once. Outputs hold exactly in.size() +/- the overhead and must not overlap the
// inputs (Error(invalid_argument)). A failed open throws Error(verification_failed) and zeroes
// |out|.
class SecretBoxKey {
 public:
  // Error(invalid_key) unless |key| is 32 bytes.
  explicit SecretBoxKey(ByteView key);

  void seal_into(MutableByteView out, ByteView nonce, ByteView msg) const;
  void open_into(MutableByteView out, ByteView nonce, ByteView box) const;
  Bytes seal(ByteView nonce, ByteView msg) const;
  Bytes open(ByteView nonce, ByteView box) const;

 private:
  SecretBytes key_;
};

}  // namespace nacre
