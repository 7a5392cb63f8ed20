// The C ABI of AEAD: key handles and seal/open in combined, detached and random-nonce forms.
#include "convert.hpp"
#include "descriptor.hpp"
#include "guard.hpp"
#include "handles.hpp"

using namespace nacre;
using KeyHandle = capi::Handle<AeadKey, capi::Tag::aead_key>;
using Aeads = capi::Family<aead_algorithms>;

namespace {


// The combined forms, shared by the handle and one-shot entry points.
void seal(const AeadKey &k, capi::Output &o, const uint8_t *nonce, size_t nonce_len,
          const uint8_t *in, size_t in_len, const uint8_t *ad, size_t ad_len) {
  const ByteView pt = capi::input(in, in_len);
  k.seal_into(o.take(checked_add(in_len, k.tag_size())), capi::input(nonce, nonce_len), pt,
              capi::input(ad, ad_len));
}

void open(const AeadKey &k, capi::Output &o, const uint8_t *nonce, size_t nonce_len,
          const uint8_t *in, size_t in_len, const uint8_t *ad, size_t ad_len) {
  const ByteView ct = capi::input(in, in_len);
  k.open_into(o.take(capi::opened_len(in_len, k.tag_size())), capi::input(nonce, nonce_len), ct,
              capi::input(ad, ad_len));
}

using Combined = void (*)(const AeadKey &, capi::Output &, const uint8_t *, size_t,
                         const uint8_t *, size_t, const uint8_t *, size_t);

// A key set up for one call (its schedule in secret memory, wiped when it goes).
int oneshot(Combined op, int alg, int backend, const uint8_t *key, size_t key_len, uint8_t *out,
            size_t out_cap, size_t *out_len, const uint8_t *nonce, size_t nonce_len,
            const uint8_t *in, size_t in_len, const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const AeadKey k = AeadKey::create(capi::aead_from(alg), capi::input(key, key_len),
                                      capi::backend_from(backend));
    op(k, o, nonce, nonce_len, in, in_len, ad, ad_len);
  });
}

}  // namespace

extern "C" {

NACRE_CAPI_FAMILY(aead, aead_algorithms)

int nacre_aead_describe(int alg, nacre_aead_info *out, size_t out_size) noexcept {
  const AeadInfo *a = Aeads::find(alg);
  if (a == nullptr) return capi::fail(NACRE_ERR_UNSUPPORTED, "unknown AEAD algorithm");
  const Backend automatic =
      aead_is_available(a->alg, Backend::automatic) ? aead_resolve_backend(a->alg, Backend::automatic)
                                                   : Backend::automatic;
  const nacre_aead_info known{alg,
                              static_cast<int>(automatic),
                              a->name,
                              a->key_size,
                              a->nonce_size,
                              a->tag_size,
                              capi::backend_bits([&](Backend b) { return aead_is_available(a->alg, b); }),
                              a->random_nonce_safe ? NACRE_AEAD_FLAG_RANDOM_NONCE_SAFE : 0u};
  // The first version ends with |flags|; later ones append.
  return capi::write_versioned(out, out_size, offsetof(nacre_aead_info, flags) + sizeof(uint32_t), known,
                               "out_size is smaller than the first nacre_aead_info");
}

size_t nacre_aead_key_len(int alg) noexcept { return Aeads::field<&AeadInfo::key_size>(alg); }
size_t nacre_aead_nonce_len(int alg) noexcept { return Aeads::field<&AeadInfo::nonce_size>(alg); }
size_t nacre_aead_tag_len(int alg) noexcept { return Aeads::field<&AeadInfo::tag_size>(alg); }

int nacre_aead_is_available(int alg, int backend) noexcept {
  return capi::guard([&] { aead_resolve_backend(capi::aead_from(alg), capi::backend_from(backend)); });
}

int nacre_aead_key_new(nacre_aead_key **out, int alg, int backend, const uint8_t *key,
                       size_t key_len) noexcept {
  return capi::with_new_handle(out, [&] {
    auto k = AeadKey::create(capi::aead_from(alg), capi::input(key, key_len),
                             capi::backend_from(backend));
    KeyHandle::create(out, std::make_unique<AeadKey>(std::move(k)));
  });
}

void nacre_aead_key_free(nacre_aead_key *key) noexcept { KeyHandle::destroy(key); }

int nacre_aead_seal(const nacre_aead_key *key, uint8_t *out, size_t out_cap, size_t *out_len,
                    const uint8_t *nonce, size_t nonce_len, const uint8_t *in, size_t in_len,
                    const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    seal(KeyHandle::get(key), o, nonce, nonce_len, in, in_len, ad, ad_len);
  });
}

int nacre_aead_open(const nacre_aead_key *key, uint8_t *out, size_t out_cap, size_t *out_len,
                    const uint8_t *nonce, size_t nonce_len, const uint8_t *in, size_t in_len,
                    const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    open(KeyHandle::get(key), o, nonce, nonce_len, in, in_len, ad, ad_len);
  });
}

int nacre_aead_seal_oneshot(int alg, int backend, const uint8_t *key, size_t key_len,
                            uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *nonce,
                            size_t nonce_len, const uint8_t *in, size_t in_len, const uint8_t *ad,
                            size_t ad_len) noexcept {
  return oneshot(seal, alg, backend, key, key_len, out, out_cap, out_len, nonce, nonce_len, in,
                 in_len, ad, ad_len);
}

int nacre_aead_open_oneshot(int alg, int backend, const uint8_t *key, size_t key_len,
                            uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *nonce,
                            size_t nonce_len, const uint8_t *in, size_t in_len, const uint8_t *ad,
                            size_t ad_len) noexcept {
  return oneshot(open, alg, backend, key, key_len, out, out_cap, out_len, nonce, nonce_len, in,
                 in_len, ad, ad_len);
}

int nacre_aead_seal_detached(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                             size_t *out_len, uint8_t *tag, size_t tag_cap, size_t *tag_len,
                             const uint8_t *nonce, size_t nonce_len, const uint8_t *in,
                             size_t in_len, const uint8_t *ad, size_t ad_len) noexcept {
  capi::Output ct_out(out, out_cap, out_len);
  capi::Output tag_out(tag, tag_cap, tag_len);
  return capi::with_outputs({&ct_out, &tag_out}, [&] {
    const AeadKey &k = KeyHandle::get(key);
    const ByteView pt = capi::input(in, in_len);
    // Both sizes are reported by one size query.
    const bool ct_fits = ct_out.fits(in_len);
    const bool tag_fits = tag_out.fits(k.tag_size());
    if (!ct_fits || !tag_fits) {
      throw Error(Status::buffer_too_small, "output buffer too small");
    }
    k.seal_detached(ct_out.take(in_len), tag_out.take(k.tag_size()), capi::input(nonce, nonce_len),
                    pt, capi::input(ad, ad_len));
  });
}

int nacre_aead_open_detached(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                             size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                             const uint8_t *in, size_t in_len, const uint8_t *tag, size_t tag_len,
                             const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const AeadKey &k = KeyHandle::get(key);
    const ByteView ct = capi::input(in, in_len);
    k.open_detached(o.take(in_len), capi::input(nonce, nonce_len), ct, capi::input(tag, tag_len),
                    capi::input(ad, ad_len));
  });
}

int nacre_aead_seal_with_random_nonce(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                                      size_t *out_len, const uint8_t *in, size_t in_len,
                                      const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const AeadKey &k = KeyHandle::get(key);
    const ByteView pt = capi::input(in, in_len);
    if (!aead_random_nonce_safe(k.alg())) {
      throw Error(Status::unsupported, "random nonces are unsafe for this algorithm");
    }
    const std::size_t n = checked_add(checked_add(k.nonce_size(), in_len), k.tag_size());
    k.seal_with_random_nonce_into(o.take(n), pt, capi::input(ad, ad_len));
  });
}

int nacre_aead_open_with_nonce_prefix(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                                      size_t *out_len, const uint8_t *in, size_t in_len,
                                      const uint8_t *ad, size_t ad_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const AeadKey &k = KeyHandle::get(key);
    const ByteView box = capi::input(in, in_len);
    if (!aead_random_nonce_safe(k.alg())) {
      throw Error(Status::unsupported, "random nonces are unsafe for this algorithm");
    }
    const std::size_t n = capi::opened_len(in_len, k.nonce_size() + k.tag_size());
    k.open_with_nonce_prefix_into(o.take(n), box, capi::input(ad, ad_len));
  });
}

}  // extern "C"
