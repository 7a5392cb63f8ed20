// The C ABI of HPKE: single-shot seal/open and sender/receiver contexts.
#include "convert.hpp"
#include "descriptor.hpp"
#include "key_handle.hpp"
#include "nacre/hpke.hpp"

using namespace nacre;
using HpkeHandle = capi::Handle<HpkeContext, capi::Tag::hpke>;

extern "C" {

NACRE_CAPI_FAMILY(hpke_suite, hpke_suites)

int nacre_hpke_seal(int suite, const nacre_key *recipient, uint8_t *out, size_t out_cap, size_t *out_len,
                    const uint8_t *info, size_t info_len, const uint8_t *in, size_t in_len, const uint8_t *aad,
                    size_t aad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const HpkeSuite s = capi::hpke_suite_from(suite);
    const Key &r = capi::key_of(recipient);
    const ByteView i = capi::input(info, info_len);
    const ByteView m = capi::input(in, in_len);
    const ByteView a = capi::input(aad, aad_len);
    hpke_seal_into(o.take(checked_add(in_len, hpke_enc_size + hpke_tag_size)), s, r, i, m, a);
  });
}

int nacre_hpke_open(int suite, const nacre_key *recipient, uint8_t *out, size_t out_cap, size_t *out_len,
                    const uint8_t *info, size_t info_len, const uint8_t *in, size_t in_len, const uint8_t *aad,
                    size_t aad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const HpkeSuite s = capi::hpke_suite_from(suite);
    const Key &r = capi::key_of(recipient);
    const ByteView i = capi::input(info, info_len);
    const ByteView c = capi::input(in, in_len);
    const ByteView a = capi::input(aad, aad_len);
    hpke_open_into(o.take(capi::opened_len(in_len, hpke_enc_size + hpke_tag_size)), s, r, i, c, a);
  });
}

int nacre_hpke_sender_new(nacre_hpke_ctx **out, int suite, const nacre_key *recipient, uint8_t *enc,
                          size_t enc_cap, size_t *enc_len, const uint8_t *info, size_t info_len) noexcept {
  if (const int rc = capi::clear_handle_out(out); rc != NACRE_OK) return rc;
  return capi::with_output(enc, enc_cap, enc_len, [&](capi::Output &o) {
    const HpkeSuite s = capi::hpke_suite_from(suite);
    const Key &r = capi::key_of(recipient);
    const ByteView i = capi::input(info, info_len);
    auto ctx = HpkeContext::sender(s, r, i, o.take(hpke_enc_size));
    HpkeHandle::create(out, std::make_unique<HpkeContext>(std::move(ctx)));
  });
}

int nacre_hpke_receiver_new(nacre_hpke_ctx **out, int suite, const nacre_key *recipient, const uint8_t *enc,
                            size_t enc_len, const uint8_t *info, size_t info_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const HpkeSuite s = capi::hpke_suite_from(suite);
    const Key &r = capi::key_of(recipient);
    const ByteView e = capi::input(enc, enc_len);
    const ByteView i = capi::input(info, info_len);
    if (e.size() != hpke_enc_size) throw Error(Status::invalid_key, "enc must be 32 bytes");
    HpkeHandle::create(out, std::make_unique<HpkeContext>(HpkeContext::receiver(s, r, e, i)));
  });
}

int nacre_hpke_ctx_seal(nacre_hpke_ctx *ctx, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in,
                        size_t in_len, const uint8_t *aad, size_t aad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    HpkeContext &c = HpkeHandle::get(ctx);
    const ByteView m = capi::input(in, in_len);
    const ByteView a = capi::input(aad, aad_len);
    c.seal_into(o.take(checked_add(in_len, hpke_tag_size)), m, a);
  });
}

int nacre_hpke_ctx_open(nacre_hpke_ctx *ctx, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in,
                        size_t in_len, const uint8_t *aad, size_t aad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    HpkeContext &c = HpkeHandle::get(ctx);
    const ByteView ct = capi::input(in, in_len);
    const ByteView a = capi::input(aad, aad_len);
    c.open_into(o.take(capi::opened_len(in_len, hpke_tag_size)), ct, a);
  });
}

int nacre_hpke_ctx_export(const nacre_hpke_ctx *ctx, uint8_t *out, size_t out_len, const uint8_t *context,
                          size_t context_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView dst) {
    const HpkeContext &c = HpkeHandle::get(ctx);
    c.export_secret(dst, capi::input(context, context_len));
  });
}

void nacre_hpke_ctx_free(nacre_hpke_ctx *ctx) noexcept { HpkeHandle::destroy(ctx); }

}  // extern "C"
