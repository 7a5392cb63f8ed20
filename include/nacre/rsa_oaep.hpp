// RSAES-OAEP with SHA-256 and MGF1-SHA-256 (BoringSSL).
#pragma once

#include <cstddef>

#include "nacre/bytes.hpp"
#include "nacre/keys.hpp"

namespace nacre {

std::size_t rsa_oaep_max_message(const Key &key);  // modulus bytes - 66
// |out| holds the modulus size. A message longer than rsa_oaep_max_message: invalid_argument.
void rsa_oaep_encrypt_into(MutableByteView out, const Key &key, ByteView msg, ByteView label);
// |out| holds at least rsa_oaep_max_message bytes; returns the plaintext length. Any failure is
// Error(verification_failed) with |out| zeroed.
std::size_t rsa_oaep_decrypt_into(MutableByteView out, const Key &key, ByteView ct, ByteView label);

Bytes rsa_oaep_encrypt(const Key &key, ByteView msg, ByteView label = {});
Bytes rsa_oaep_decrypt(const Key &key, ByteView ct, ByteView label = {});

}  // namespace nacre
