// libsodium boxes over X25519 keys: anonymous sealed boxes and crypto_box (XSalsa20-Poly1305).
#pragma once

#include <cstddef>

#include "nacre/bytes.hpp"
#include "nacre/keys.hpp"

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

}  // namespace nacre
