// AES key wrap (RFC 3394) and AES key wrap with padding (RFC 5649), over BoringSSL's
// AES_wrap_key family. For formats that require them (JWE A*KW, CMS, KMIP, cloud KMS exports);
// new designs should seal keys with an AEAD. Every function is thread-safe.
#pragma once

#include <cstddef>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre {

// Numbers are nacre_keywrap_mode's in nacre.h (checked in capi/src/enum_values.cpp).
enum class KeyWrapMode : int {
  rfc3394 = 1,  // keys of 16 bytes or more, a multiple of 8; output is 8 bytes longer
  rfc5649 = 2,  // keys of 1 to 2^32 - 1 bytes; output is the key padded to 8 bytes, plus 8
};

inline constexpr std::size_t kKeyWrapOverhead = 8;  // the integrity check value

// The KEK (16, 24 or 32 bytes) is checked first: Error(invalid_key) otherwise. An unknown
// mode is Error(unsupported).

// key_wrap_require_kek throws Error(invalid_key) unless |kek| is 16, 24 or 32 bytes.
void key_wrap_require_kek(ByteView kek);

// key_wrap_size: the wrapped length of a |key_len|-byte key; Error(invalid_argument) for a
// length |mode| cannot wrap.
std::size_t key_wrap_size(KeyWrapMode mode, std::size_t key_len);
// key_wrap_into writes exactly key_wrap_size bytes to |out| (Error(buffer_too_small) otherwise).
void key_wrap_into(KeyWrapMode mode, ByteView kek, ByteView key, MutableByteView out);
Bytes key_wrap(KeyWrapMode mode, ByteView kek, ByteView key);

// key_unwrap_max_size: room the unwrapped key needs (wrapped_len - 8). A wrapped length |mode|
// never produces (not a multiple of 8, below 24 for RFC 3394 or 16 for RFC 5649) cannot be
// authentic: Error(verification_failed), as for any other input that does not unwrap.
std::size_t key_unwrap_max_size(KeyWrapMode mode, std::size_t wrapped_len);
// key_unwrap_into writes the key to the front of |out| (at least key_unwrap_max_size bytes) and
// returns its length. When the integrity check fails it zeroes |out| and throws
// Error(verification_failed): no unauthenticated byte is released.
std::size_t key_unwrap_into(KeyWrapMode mode, ByteView kek, ByteView wrapped, MutableByteView out);
SecretBytes key_unwrap(KeyWrapMode mode, ByteView kek, ByteView wrapped);

}  // namespace nacre
