// The C ABI of key derivation: HKDF, PBKDF2 and libsodium's crypto_kdf.
#include "convert.hpp"
#include "guard.hpp"
#include "nacre/kdf.hpp"

using namespace nacre;

extern "C" {

size_t nacre_hkdf_max_len(int hash_alg) noexcept {
  size_t n = 0;
  if (capi::guard([&] { n = hkdf_max_output(capi::hash_from(hash_alg)); }) != NACRE_OK) return 0;
  return n;
}

int nacre_hkdf(int hash_alg, int backend, uint8_t *out, size_t out_len, const uint8_t *ikm,
               size_t ikm_len, const uint8_t *salt, size_t salt_len, const uint8_t *info,
               size_t info_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    const HashAlg a = capi::hash_from(hash_alg);
    hkdf_into(a, capi::input(ikm, ikm_len), capi::input(salt, salt_len),
              capi::input(info, info_len), o, capi::backend_from(backend));
  });
}

int nacre_hkdf_extract(int hash_alg, int backend, uint8_t *prk, size_t prk_cap, size_t *prk_len,
                       const uint8_t *ikm, size_t ikm_len, const uint8_t *salt, size_t salt_len) noexcept {
  return capi::with_output(prk, prk_cap, prk_len, [&](capi::Output &o) {
    const HashAlg a = capi::hash_from(hash_alg);
    const Backend b = hkdf_resolve_backend(a, capi::backend_from(backend));
    const ByteView k = capi::input(ikm, ikm_len);
    const ByteView s = capi::input(salt, salt_len);
    hkdf_extract_into(a, k, s, o.take(digest_size(a)), b);
  });
}

int nacre_hkdf_expand(int hash_alg, int backend, uint8_t *out, size_t out_len, const uint8_t *prk,
                      size_t prk_len, const uint8_t *info, size_t info_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    const HashAlg a = capi::hash_from(hash_alg);
    hkdf_expand_into(a, capi::input(prk, prk_len), capi::input(info, info_len), o,
                     capi::backend_from(backend));
  });
}

int nacre_pbkdf2(int hash_alg, uint8_t *out, size_t out_len, const uint8_t *password,
                 size_t password_len, const uint8_t *salt, size_t salt_len, uint64_t iterations) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    pbkdf2_into(capi::hash_from(hash_alg), capi::input(password, password_len),
                capi::input(salt, salt_len), iterations, o);
  });
}

int nacre_kdf_derive(uint8_t *out, size_t out_len, uint64_t subkey_id, const uint8_t *context,
                     size_t context_len, const uint8_t *key, size_t key_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    kdf_derive_into(capi::input(key, key_len), subkey_id, capi::input(context, context_len), o);
  });
}

}  // extern "C"
