// The C ABI of signatures, over messages and over digests.
#include "convert.hpp"
#include "descriptor.hpp"
#include "key_handle.hpp"
#include "nacre/signature.hpp"
#include "nacre/status.hpp"

using namespace nacre;

namespace {

// The parameters of the nacre_*_with functions (hash 0: the key's default).
SigParams params_from(int scheme, int hash_alg, int pss_salt) {
  if (scheme < NACRE_SIG_SCHEME_ED25519 || scheme > NACRE_SIG_SCHEME_RSA_PKCS1) {
    throw_unknown("unknown signature scheme", scheme);
  }
  SigParams p{static_cast<SigScheme>(scheme), std::nullopt, pss_salt};
  if (hash_alg != 0) p.hash = capi::hash_from(hash_alg);
  return p;
}

// Signatures vary in length (DER): the caller provides room for the largest. |A| is a SigAlg or
// SigParams.
template <class A, class Sign>
int sign_with(const nacre_key *key, const A &alg, uint8_t *out, size_t out_cap, size_t *out_len, Sign &&sign) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const auto a = alg();
    MutableByteView dst = o.take(signature_max_size(k, a));
    o.used(sign(dst, k, a));
  });
}

}  // namespace

extern "C" {

NACRE_CAPI_FAMILY(sig, sig_algorithms)

int nacre_sign(const nacre_key *key, int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
               const uint8_t *msg, size_t msg_len) noexcept {
  const auto a = [&] { return capi::sig_from(alg); };
  return sign_with(key, a, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, SigAlg named) {
    const ByteView m = capi::input(msg, msg_len);
    require_disjoint(dst, m);
    return sign_into(dst, k, named, m, capi::backend_from(backend));
  });
}

int nacre_sign_digest(const nacre_key *key, int alg, uint8_t *out, size_t out_cap, size_t *out_len,
                      const uint8_t *digest, size_t digest_len) noexcept {
  const auto a = [&] { return capi::sig_from(alg); };
  return sign_with(key, a, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, SigAlg named) {
    const ByteView d = capi::input(digest, digest_len);
    require_disjoint(dst, d);
    return sign_digest_into(dst, k, named, d);
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

int nacre_sign_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt, int backend, uint8_t *out,
                    size_t out_cap, size_t *out_len, const uint8_t *msg, size_t msg_len) noexcept {
  const auto p = [&] { return params_from(scheme, hash_alg, pss_salt); };
  return sign_with(key, p, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, const SigParams &params) {
    const ByteView m = capi::input(msg, msg_len);
    require_disjoint(dst, m);
    return sign_into(dst, k, params, m, capi::backend_from(backend));
  });
}

int nacre_verify_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt, int backend, const uint8_t *sig,
                      size_t sig_len, const uint8_t *msg, size_t msg_len) noexcept {
  return capi::guard([&] {
    const Key &k = capi::key_of(key);
    verify(k, params_from(scheme, hash_alg, pss_salt), capi::input(sig, sig_len), capi::input(msg, msg_len),
           capi::backend_from(backend));
  });
}

int nacre_sign_digest_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt, uint8_t *out,
                           size_t out_cap, size_t *out_len, const uint8_t *digest, size_t digest_len) noexcept {
  const auto p = [&] { return params_from(scheme, hash_alg, pss_salt); };
  return sign_with(key, p, out, out_cap, out_len, [&](MutableByteView dst, const Key &k, const SigParams &params) {
    const ByteView d = capi::input(digest, digest_len);
    require_disjoint(dst, d);
    return sign_digest_into(dst, k, params, d);
  });
}

int nacre_verify_digest_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt, const uint8_t *sig,
                             size_t sig_len, const uint8_t *digest, size_t digest_len) noexcept {
  return capi::guard([&] {
    const Key &k = capi::key_of(key);
    verify_digest(k, params_from(scheme, hash_alg, pss_salt), capi::input(sig, sig_len),
                  capi::input(digest, digest_len));
  });
}

}  // extern "C"
