// Key derivation: HKDF (RFC 5869), PBKDF2-HMAC (RFC 8018) and libsodium's BLAKE2b KDF.
#pragma once

#include <cstddef>
#include <cstdint>

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"
#include "nacre/hash.hpp"
#include "nacre/secret.hpp"

namespace nacre {

// HKDF over SHA-256, SHA-384 or SHA-512. HKDF-SHA256 and HKDF-SHA512 are implemented by both
// backends, HKDF-SHA384 by BoringSSL. Outputs hold 1 to 255 * digest_size(alg) bytes.

// hkdf_max_output returns 255 * digest_size(alg); throws Error(unsupported) for another hash.
std::size_t hkdf_max_output(HashAlg alg);
bool hkdf_is_available(HashAlg alg, Backend backend) noexcept;
// hkdf_resolve_backend turns automatic into the measured default; throws Error(unsupported) when
// |backend| lacks HKDF with |alg|.
Backend hkdf_resolve_backend(HashAlg alg, Backend backend);

// hkdf_into fills all of |out| with HKDF(ikm, salt, info). An empty salt means HashLen zeros.
void hkdf_into(HashAlg alg, ByteView ikm, ByteView salt, ByteView info, MutableByteView out,
               Backend backend = Backend::automatic);
SecretBytes hkdf(HashAlg alg, ByteView ikm, ByteView salt, ByteView info, std::size_t out_len,
                 Backend backend = Backend::automatic);
// hkdf_extract_into writes the pseudorandom key; |prk| holds exactly digest_size(alg) bytes.
void hkdf_extract_into(HashAlg alg, ByteView ikm, ByteView salt, MutableByteView prk,
                       Backend backend = Backend::automatic);
SecretBytes hkdf_extract(HashAlg alg, ByteView ikm, ByteView salt,
                         Backend backend = Backend::automatic);
// hkdf_expand_into fills all of |out|; |prk| must hold exactly digest_size(alg) bytes.
void hkdf_expand_into(HashAlg alg, ByteView prk, ByteView info, MutableByteView out,
                      Backend backend = Backend::automatic);
SecretBytes hkdf_expand(HashAlg alg, ByteView prk, ByteView info, std::size_t out_len,
                        Backend backend = Backend::automatic);

// PBKDF2 with HMAC-SHA256 or HMAC-SHA512 (BoringSSL). |iterations| is 1 to 2^32 - 1; outputs
// hold 1 to kPbkdf2MaxOutput bytes (a cap of nacre's: PBKDF2 costs |iterations| HMACs per
// HashLen bytes of output, so longer outputs only multiply the defender's work).
inline constexpr std::size_t kPbkdf2MaxOutput = std::size_t{1} << 20;
inline constexpr std::uint64_t kPbkdf2MaxIterations = 0xffffffffu;

bool pbkdf2_is_available(HashAlg alg) noexcept;
void pbkdf2_into(HashAlg alg, ByteView password, ByteView salt, std::uint64_t iterations,
                 MutableByteView out);
SecretBytes pbkdf2(HashAlg alg, ByteView password, ByteView salt, std::uint64_t iterations,
                   std::size_t out_len);

// libsodium's crypto_kdf (BLAKE2b): subkey number |subkey_id| of a 32-byte master key, in a
// context of exactly 8 bytes; subkeys hold 16 to 64 bytes.
inline constexpr std::size_t kKdfKeySize = 32;
inline constexpr std::size_t kKdfContextSize = 8;
inline constexpr std::size_t kKdfMinOutput = 16;
inline constexpr std::size_t kKdfMaxOutput = 64;

void kdf_derive_into(ByteView key, std::uint64_t subkey_id, ByteView context, MutableByteView out);
SecretBytes kdf_derive(ByteView key, std::uint64_t subkey_id, ByteView context,
                       std::size_t out_len);

}  // namespace nacre
