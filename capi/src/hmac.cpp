// The C ABI of HMAC: one-shot functions and nacre_hmac_ctx handles.
#include "convert.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "nacre/hmac.hpp"

using namespace nacre;
using HmacHandle = capi::Handle<Hmac, capi::Tag::hmac>;

namespace {

// HMAC's algorithm numbers are hash numbers; anything else is unsupported.
HashAlg hmac_alg(int alg) {
  const HashAlg a = capi::hash_from(alg);
  hmac_size(a);
  return a;
}

}  // namespace

extern "C" {

size_t nacre_hmac_len(int alg) noexcept {
  const auto a = static_cast<HashAlg>(alg);
  return hmac_offered(a) ? hmac_size(a) : 0;
}

int nacre_hmac_is_available(int alg, int backend) noexcept {
  return capi::guard([&] { hmac_resolve_backend(hmac_alg(alg), capi::backend_from(backend)); });
}

int nacre_hmac(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
               const uint8_t *key, size_t key_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const HashAlg a = hmac_alg(alg);
    const Backend b = hmac_resolve_backend(a, capi::backend_from(backend));
    const ByteView k = capi::input(key, key_len);
    const ByteView m = capi::input(in, in_len);
    hmac_into(a, k, m, o.take(hmac_size(a)), b);
  });
}

int nacre_hmac_verify(int alg, int backend, const uint8_t *tag, size_t tag_len,
                      const uint8_t *key, size_t key_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::verdict("the HMAC tag does not match", [&] {
    const HashAlg a = hmac_alg(alg);
    const ByteView t = capi::input(tag, tag_len);
    return hmac_verify(a, capi::input(key, key_len), capi::input(in, in_len), t,
                       capi::backend_from(backend));
  });
}

int nacre_hmac_ctx_new(nacre_hmac_ctx **out, int alg, int backend, const uint8_t *key,
                       size_t key_len) noexcept {
  return capi::with_new_handle(out, [&] {
    auto h = Hmac::create(hmac_alg(alg), capi::input(key, key_len), capi::backend_from(backend));
    HmacHandle::create(out, std::make_unique<Hmac>(std::move(h)));
  });
}

int nacre_hmac_ctx_update(nacre_hmac_ctx *ctx, const uint8_t *in, size_t in_len) noexcept {
  return capi::guard([&] { HmacHandle::get(ctx).update(capi::input(in, in_len)); });
}

int nacre_hmac_ctx_digest(const nacre_hmac_ctx *ctx, uint8_t *out, size_t out_cap,
                         size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Hmac &h = HmacHandle::get(ctx);
    h.digest_into(o.take(h.size()));
  });
}

int nacre_hmac_ctx_verify(const nacre_hmac_ctx *ctx, const uint8_t *tag, size_t tag_len) noexcept {
  return capi::verdict("the HMAC tag does not match",
                       [&] { return HmacHandle::get(ctx).verify(capi::input(tag, tag_len)); });
}

int nacre_hmac_ctx_copy(const nacre_hmac_ctx *ctx, nacre_hmac_ctx **out) noexcept {
  return capi::with_new_handle(out, [&] {
    HmacHandle::create(out, std::make_unique<Hmac>(HmacHandle::get(ctx).copy()));
  });
}

void nacre_hmac_ctx_free(nacre_hmac_ctx *ctx) noexcept { HmacHandle::destroy(ctx); }

}  // extern "C"
