// What the key-derivation and password-hashing adapters offer the C++ API. Sizes and limits are
// checked by the caller (src/kdf.cpp, src/pwhash.cpp); the adapters check only what they hand on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "nacre/hash.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/secret.hpp"

namespace nacre::detail {

// require_length throws Error(invalid_argument, "<what>, got <n>") unless min <= n <= max.
inline void require_length(std::uint64_t n, std::uint64_t min, std::uint64_t max,
                           const char *what) {
  if (n < min || n > max) [[unlikely]] {
    throw Error(Status::invalid_argument, std::string(what) + ", got " + std::to_string(n));
  }
}

// derive_secret returns a secret of |n| bytes filled by |fill|; callers check |n| first, so no
// absurd length reaches the allocator.
template <class Fill>
SecretBytes derive_secret(std::size_t n, Fill &&fill) {
  SecretBytes out(n);
  fill(out.mutable_view());
  return out;
}

// libsodium's bounds for one password-hashing algorithm.
struct PwhashBounds {
  PwhashLimits min;
  PwhashLimits max;  // libsodium's, before nacre's memory cap
  std::size_t bytes_min;
  std::size_t bytes_max;
  std::uint64_t password_max;
  std::size_t salt;
};

namespace bssl {
bool hkdf_supported(HashAlg alg) noexcept;
void hkdf_extract(HashAlg alg, ByteView ikm, ByteView salt, MutableByteView prk);
void hkdf_expand(HashAlg alg, ByteView prk, ByteView info, MutableByteView out);
void pbkdf2(HashAlg alg, ByteView password, ByteView salt, std::uint32_t iterations,
            MutableByteView out);
void scrypt(ByteView password, ByteView salt, ScryptParams params, MutableByteView out);
}  // namespace bssl

namespace sodium {
bool hkdf_supported(HashAlg alg) noexcept;
void hkdf_extract(HashAlg alg, ByteView ikm, ByteView salt, MutableByteView prk);
void hkdf_expand(HashAlg alg, ByteView prk, ByteView info, MutableByteView out);
void kdf_derive(ByteView key, std::uint64_t subkey_id, ByteView context, MutableByteView out);

PwhashBounds pwhash_bounds(PwhashAlg alg);
PwhashLimits pwhash_preset(PwhashAlg alg, PwhashPreset preset);
void pwhash(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
            MutableByteView out);
// pwhash_str writes a NUL-terminated string to |out| (kPwhashStrBytes bytes).
void pwhash_str(PwhashAlg alg, ByteView password, PwhashLimits limits, std::span<char> out);
// The string functions take a NUL-terminated string that names |alg| and whose costs the caller
// has bounded. pwhash_str_well_formed decodes it without computing anything.
bool pwhash_str_well_formed(PwhashAlg alg, const char *str);
bool pwhash_str_verify(PwhashAlg alg, const char *str, ByteView password);
bool pwhash_str_needs_rehash(PwhashAlg alg, const char *str, PwhashLimits limits);
void scrypt(ByteView password, ByteView salt, ScryptParams params, MutableByteView out);
}  // namespace sodium

}  // namespace nacre::detail
