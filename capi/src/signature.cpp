// The C ABI of signatures, over messages and over digests.
#include "convert.hpp"
#include "descriptor.hpp"
#include "key_handle.hpp"
#include "nacre/signature.hpp"

using namespace nacre;

namespace {

// Signatures vary in length (DER): the caller provides room for the largest.
template <class Sign>
int sign_with(const nacre_key *key, int alg, uint8_t *out, size_t out_cap, size_t *out_len, Sign &&sign) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const SigAlg a = capi::sig_from(alg);
    MutableByteView dst = o.take(signature_max_size(k, a));
    o.used(sign(dst, k, a));
  });
}

}  // namespace

extern "C" {

NACRE_CAPI_FAMILY(sig, sig_algorithms)

int nacre_sign(const nacre_key *key, int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
               const uint8_t *msg, size_t msg_len) noexcept {
  return sign_with(key, alg, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, SigAlg a) {
    const ByteView m = capi::input(msg, msg_len);
    require_disjoint(dst, m);
    return sign_into(dst, k, a, m, capi::backend_from(backend));
  });
}

int nacre_sign_digest(const nacre_key *key, int alg, uint8_t *out, size_t out_cap, size_t *out_len,
                      const uint8_t *digest, size_t digest_len) noexcept {
  return sign_with(key, alg, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, SigAlg a) {
    const ByteView d = capi::input(digest, digest_len);
    require_disjoint(dst, d);
    return sign_digest_into(dst, k, a, d);
  });
}

int nacre_verify(const nacre_key *key, int alg, int backend, const uint8_t *sig, size_t sig_len,
                 const uint8_t *msg, size_t msg_len) noexcept {
  return capi::guard([&] {
    verify(capi::key_of(key), capi::sig_from(alg), capi::input(sig, sig_len), capi::input(msg, msg_len),
           capi::backend_from(backend));
  });
}

int nacre_verify_digest(const nacre_key *key, int alg, const uint8_t *sig, size_t sig_len,
                        const uint8_t *digest, size_t digest_len) noexcept {
  return capi::guard([&] {
    verify_digest(capi::key_of(key), capi::sig_from(alg), capi::input(sig, sig_len),
                  capi::input(digest, digest_len));
  });
}

}  // extern "C"
