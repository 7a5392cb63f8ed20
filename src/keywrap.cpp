// AES key wrap: the size rules of RFC 3394 and RFC 5649 (as pyca/cryptography states them), and
// the zeroing of outputs that fail to unwrap.
#include "nacre/keywrap.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "backend/adapters.hpp"

namespace nacre {
namespace {

constexpr std::size_t kBlock = 8;
constexpr std::uint64_t kPaddedMax = 0xffffffffULL;  // RFC 5649's 32-bit message length

KeyWrapMode checked_mode(KeyWrapMode mode) {
  if (mode != KeyWrapMode::rfc3394 && mode != KeyWrapMode::rfc5649) {
    throw Error(Status::unsupported, "unknown key wrap mode");
  }
  return mode;
}

[[noreturn]] void no_unwrap(const char *why) { throw Error(Status::verification_failed, why); }

}  // namespace

void key_wrap_require_kek(ByteView kek) {
  if (kek.size() != 16 && kek.size() != 24 && kek.size() != 32) {
    throw Error(Status::invalid_key,
                "the wrapping key must be 16, 24 or 32 bytes (AES-128/192/256), got " + std::to_string(kek.size()));
  }
}


std::size_t key_wrap_size(KeyWrapMode mode, std::size_t key_len) {
  if (checked_mode(mode) == KeyWrapMode::rfc3394) {
    if (key_len < 2 * kBlock) throw Error(Status::invalid_argument, "RFC 3394 wraps keys of at least 16 bytes");
    if (key_len % kBlock != 0) throw Error(Status::invalid_argument, "RFC 3394 wraps keys of a multiple of 8 bytes");
    return key_len + kBlock;
  }
  if (key_len == 0 || key_len > kPaddedMax) {
    throw Error(Status::invalid_argument, "RFC 5649 wraps keys of 1 to 2^32 - 1 bytes");
  }
  return (key_len + kBlock - 1) / kBlock * kBlock + kBlock;
}

void key_wrap_into(KeyWrapMode mode, ByteView kek, ByteView key, MutableByteView out) {
  key_wrap_require_kek(kek);
  const std::size_t n = key_wrap_size(mode, key.size());
  if (out.size() != n) throw_size_error(Status::buffer_too_small, "wrapped key buffer", n, out.size());
  require_disjoint(out, key);
  detail::bssl::aes_key_wrap(mode == KeyWrapMode::rfc5649, kek, key, out);
}

Bytes key_wrap(KeyWrapMode mode, ByteView kek, ByteView key) {
  key_wrap_require_kek(kek);
  Bytes out(key_wrap_size(mode, key.size()));
  key_wrap_into(mode, kek, key, out);
  return out;
}

std::size_t key_unwrap_max_size(KeyWrapMode mode, std::size_t wrapped_len) {
  const bool padded = checked_mode(mode) == KeyWrapMode::rfc5649;
  if (wrapped_len % kBlock != 0) no_unwrap("a wrapped key is a multiple of 8 bytes");
  if (wrapped_len < (padded ? 2 : 3) * kBlock) {
    no_unwrap(padded ? "an RFC 5649 wrapped key is at least 16 bytes" : "an RFC 3394 wrapped key is at least 24 bytes");
  }
  return wrapped_len - kBlock;
}

std::size_t key_unwrap_into(KeyWrapMode mode, ByteView kek, ByteView wrapped, MutableByteView out) {
  key_wrap_require_kek(kek);
  const std::size_t cap = key_unwrap_max_size(mode, wrapped.size());
  if (out.size() < cap) throw_size_error(Status::buffer_too_small, "unwrapped key buffer", cap, out.size());
  require_disjoint(out, wrapped);
  std::size_t len = 0;
  if (!detail::bssl::aes_key_unwrap(mode == KeyWrapMode::rfc5649, kek, wrapped, out.first(cap), len)) {
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    no_unwrap("the wrapped key fails its integrity check (wrong wrapping key, or altered)");
  }
  std::fill(out.begin() + static_cast<std::ptrdiff_t>(len), out.end(), std::uint8_t{0});
  return len;
}

SecretBytes key_unwrap(KeyWrapMode mode, ByteView kek, ByteView wrapped) {
  key_wrap_require_kek(kek);
  SecretBytes out(key_unwrap_max_size(mode, wrapped.size()));
  const std::size_t len = key_unwrap_into(mode, kek, wrapped, out.mutable_view());
  return len == out.size() ? std::move(out) : SecretBytes::copy_of(out.view().first(len));
}

}  // namespace nacre
