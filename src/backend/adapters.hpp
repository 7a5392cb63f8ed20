// What each backend adapter offers the C++ API. Only src/backend/<name>/ includes backend headers.
#pragma once

#include <cstddef>
#include <memory>

#include "digest_state.hpp"
#include "nacre/hash.hpp"

namespace nacre::detail {

namespace bssl {
bool hash_supported(HashAlg alg) noexcept;
void hash(HashAlg alg, ByteView in, MutableByteView out);
std::unique_ptr<DigestState> hash_state(HashAlg alg);
bool hmac_supported(HashAlg alg) noexcept;
std::unique_ptr<DigestState> hmac_state(HashAlg alg, ByteView key);
// One-shot HMAC: no state object; the key schedule lives on the stack and is wiped.
void hmac(HashAlg alg, ByteView key, ByteView in, MutableByteView out);
bool has_asm() noexcept;
// AES key wrap, RFC 3394 or (|padded|) RFC 5649; sizes are checked by src/keywrap.cpp. |out| of
// unwrap holds wrapped.size() - 8 bytes; false when the integrity check fails.
void aes_key_wrap(bool padded, ByteView kek, ByteView key, MutableByteView out);
bool aes_key_unwrap(bool padded, ByteView kek, ByteView wrapped, MutableByteView out, std::size_t &len);
}  // namespace bssl

namespace sodium {
void ensure_init();
bool hash_supported(HashAlg alg) noexcept;
void hash(HashAlg alg, ByteView in, MutableByteView out);  // also the XOFs, any |out| length
std::unique_ptr<DigestState> hash_state(HashAlg alg);
void blake2b(ByteView in, ByteView key, MutableByteView out);
std::unique_ptr<DigestState> blake2b_state(std::size_t digest_len, ByteView key,
                                           ByteView salt = {}, ByteView person = {});
bool hmac_supported(HashAlg alg) noexcept;
std::unique_ptr<DigestState> hmac_state(HashAlg alg, ByteView key);
void hmac(HashAlg alg, ByteView key, ByteView in, MutableByteView out);  // as bssl::hmac

void random_fill(MutableByteView out) noexcept;
void wipe(void *p, std::size_t n) noexcept;
bool equal(const void *a, const void *b, std::size_t n) noexcept;  // constant time
void *secure_alloc(std::size_t n) noexcept;  // sodium_malloc; nullptr when out of memory
void secure_free(void *p) noexcept;
const char *version() noexcept;
}  // namespace sodium

}  // namespace nacre::detail
