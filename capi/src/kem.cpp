// The C ABI of key encapsulation.
#include "key_handle.hpp"
#include "nacre/kem.hpp"

using namespace nacre;

namespace {

template <class Size>
size_t size_or_zero(int type, Size size) noexcept {
  if (type != static_cast<int>(KeyType::mlkem768) && type != static_cast<int>(KeyType::xwing)) return 0;
  return size(static_cast<KeyType>(type));
}

}  // namespace

extern "C" {

size_t nacre_kem_ciphertext_len(int type) noexcept { return size_or_zero(type, kem_ciphertext_size); }
size_t nacre_kem_shared_secret_len(int type) noexcept { return size_or_zero(type, kem_shared_secret_size); }

int nacre_kem_encapsulate(const nacre_key *key, uint8_t *ct, size_t ct_cap, size_t *ct_len, uint8_t *ss,
                          size_t ss_cap, size_t *ss_len) noexcept {
  capi::Output ct_out(ct, ct_cap, ct_len);
  capi::Output ss_out(ss, ss_cap, ss_len);
  return capi::with_outputs({&ct_out, &ss_out}, [&] {
    const Key &k = capi::key_of(key);
    const std::size_t ct_size = kem_ciphertext_size(k.type());
    // Both sizes are reported by one size query.
    const bool ct_fits = ct_out.fits(ct_size);
    const bool ss_fits = ss_out.fits(kem_shared_secret_size(k.type()));
    if (!ct_fits || !ss_fits) throw Error(Status::buffer_too_small, "output buffer too small");
    if (detail::overlaps(ct, ct_cap, ss, ss_cap)) throw Error(Status::invalid_argument, "outputs overlap");
    const Encapsulation e = encapsulate(k);
    capi::put(ct_out, e.ciphertext);
    capi::put(ss_out, e.shared_secret.view());
  });
}

int nacre_kem_decapsulate(const nacre_key *key, uint8_t *ss, size_t ss_cap, size_t *ss_len, const uint8_t *ct,
                          size_t ct_len) noexcept {
  return capi::with_output(ss, ss_cap, ss_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const ByteView c = capi::input(ct, ct_len);
    require_disjoint(o.take(kem_shared_secret_size(k.type())), c);
    capi::put(o, decapsulate(k, c).view());
  });
}

}  // extern "C"
