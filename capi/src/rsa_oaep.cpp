// The C ABI of RSA-OAEP.
#include "key_handle.hpp"
#include "nacre/rsa_oaep.hpp"

using namespace nacre;

extern "C" {

int nacre_rsa_oaep_encrypt(const nacre_key *key, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in,
                           size_t in_len, const uint8_t *label, size_t label_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const ByteView m = capi::input(in, in_len);
    const ByteView l = capi::input(label, label_len);
    const std::size_t max = rsa_oaep_max_message(k);  // also checks the key type
    rsa_oaep_encrypt_into(o.take(max + 66), k, m, l);
  });
}

int nacre_rsa_oaep_decrypt(const nacre_key *key, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in,
                           size_t in_len, const uint8_t *label, size_t label_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const ByteView c = capi::input(in, in_len);
    const ByteView l = capi::input(label, label_len);
    MutableByteView dst = o.take(rsa_oaep_max_message(k));
    o.used(rsa_oaep_decrypt_into(dst, k, c, l));
  });
}

}  // extern "C"
