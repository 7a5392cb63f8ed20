// The C ABI of AES key wrap (RFC 3394, RFC 5649).
#include "guard.hpp"
#include "nacre/keywrap.hpp"

using namespace nacre;

namespace {

KeyWrapMode mode_from(int mode) {
  if (mode != NACRE_KEYWRAP_RFC3394 && mode != NACRE_KEYWRAP_RFC5649) throw_unknown("unknown key wrap mode", mode);
  return static_cast<KeyWrapMode>(mode);
}

}  // namespace

extern "C" {

int nacre_aes_key_wrap(int mode, const uint8_t *kek, size_t kek_len, uint8_t *out, size_t out_cap,
                       size_t *out_len, const uint8_t *key, size_t key_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const KeyWrapMode m = mode_from(mode);
    const ByteView k = capi::input(key, key_len);
    const ByteView w = capi::input(kek, kek_len);
    key_wrap_require_kek(w);
    key_wrap_into(m, w, k, o.take(key_wrap_size(m, k.size())));
  });
}

int nacre_aes_key_unwrap(int mode, const uint8_t *kek, size_t kek_len, uint8_t *out, size_t out_cap,
                         size_t *out_len, const uint8_t *wrapped, size_t wrapped_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const KeyWrapMode m = mode_from(mode);
    const ByteView in = capi::input(wrapped, wrapped_len);
    const ByteView w = capi::input(kek, kek_len);
    key_wrap_require_kek(w);
    MutableByteView dst = o.take(key_unwrap_max_size(m, in.size()));
    o.used(key_unwrap_into(m, w, in, dst));
  });
}

}  // extern "C"
