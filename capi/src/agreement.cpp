// The C ABI of key agreement.
#include "convert.hpp"
#include "key_handle.hpp"
#include "nacre/agreement.hpp"

using namespace nacre;

extern "C" {

int nacre_key_agree(const nacre_key *key, const nacre_key *peer, int backend, uint8_t *out, size_t out_cap,
                    size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const Key &p = capi::key_of(peer);
    const Backend b = capi::backend_from(backend);
    if (k.type() == p.type()) o.take(agreement_size(k.type()));  // size query before any work
    capi::put(o, agree(k, p, b).view());
  });
}

}  // extern "C"
