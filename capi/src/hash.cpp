// The C ABI of hashing: one-shot functions and nacre_hash_ctx handles.
#include "convert.hpp"
#include "descriptor.hpp"
#include "guard.hpp"
#include "handles.hpp"

using namespace nacre;
using HashHandle = capi::Handle<Hasher, capi::Tag::hash>;
using Hashes = capi::Family<hash_algorithms>;

extern "C" {

NACRE_CAPI_FAMILY(hash, hash_algorithms)

int nacre_hash_describe(int alg, nacre_hash_info *out, size_t out_size) noexcept {
  const HashInfo *h = Hashes::find(alg);
  if (h == nullptr) return capi::fail(NACRE_ERR_UNSUPPORTED, "unknown hash algorithm");
  uint32_t flags = h->digest_size == 0 ? NACRE_HASH_FLAG_XOF : 0u;
  if (h->hmac) flags |= NACRE_HASH_FLAG_HMAC;
  if (h->kdf) flags |= NACRE_HASH_FLAG_KDF;
  if (h->legacy) flags |= NACRE_HASH_FLAG_LEGACY;
  const nacre_hash_info known{alg,
                              static_cast<int>(h->preferred),
                              h->name,
                              h->digest_size,
                              h->block_size,
                              capi::backend_bits([&](Backend b) { return is_available(h->alg, b); }),
                              flags};
  // The first version ends with |flags|; later ones append.
  return capi::write_versioned(out, out_size, offsetof(nacre_hash_info, flags) + sizeof(uint32_t), known,
                               "out_size is smaller than the first nacre_hash_info");
}

size_t nacre_hash_digest_len(int alg) noexcept { return Hashes::field<&HashInfo::digest_size>(alg); }
size_t nacre_hash_block_len(int alg) noexcept { return Hashes::field<&HashInfo::block_size>(alg); }

int nacre_hash_is_available(int alg, int backend) noexcept {
  return capi::guard([&] { resolve_backend(capi::hash_from(alg), capi::backend_from(backend)); });
}

int nacre_hash(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
               const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const HashAlg a = capi::hash_from(alg);
    const Backend b = resolve_backend(a, capi::backend_from(backend));
    if (is_xof(a)) capi::invalid("an XOF needs nacre_xof");
    hash_into(a, capi::input(in, in_len), o.take(digest_size(a)), b);
  });
}

int nacre_xof(int alg, uint8_t *out, size_t out_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    xof_into(capi::hash_from(alg), capi::input(in, in_len), o);
  });
}

int nacre_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                  const uint8_t *in, size_t in_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    blake2b_into(capi::input(in, in_len), o, capi::input(key, key_len));
  });
}

int nacre_hash_ctx_new(nacre_hash_ctx **out, int alg, int backend) noexcept {
  return capi::with_new_handle(out, [&] {
    auto h = Hasher::create(capi::hash_from(alg), capi::backend_from(backend));
    HashHandle::create(out, std::make_unique<Hasher>(std::move(h)));
  });
}

int nacre_hash_ctx_new_blake2b(nacre_hash_ctx **out, size_t digest_len, const uint8_t *key,
                               size_t key_len) noexcept {
  return capi::with_new_handle(out, [&] {
    auto h = Hasher::blake2b(digest_len, capi::input(key, key_len));
    HashHandle::create(out, std::make_unique<Hasher>(std::move(h)));
  });
}

int nacre_hash_ctx_new_blake2b_salted(nacre_hash_ctx **out, size_t digest_len, const uint8_t *key,
                                      size_t key_len, const uint8_t *salt, size_t salt_len,
                                      const uint8_t *person, size_t person_len) noexcept {
  return capi::with_new_handle(out, [&] {
    auto h = Hasher::blake2b(digest_len, capi::input(key, key_len), capi::input(salt, salt_len),
                             capi::input(person, person_len));
    HashHandle::create(out, std::make_unique<Hasher>(std::move(h)));
  });
}

int nacre_hash_ctx_update(nacre_hash_ctx *ctx, const uint8_t *in, size_t in_len) noexcept {
  return capi::guard([&] { HashHandle::get(ctx).update(capi::input(in, in_len)); });
}

int nacre_hash_ctx_digest(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_cap,
                          size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Hasher &h = HashHandle::get(ctx);
    if (is_xof(h.alg())) capi::invalid("an XOF needs nacre_hash_ctx_xof");
    h.digest_into(o.take(h.digest_size()));
  });
}

int nacre_hash_ctx_xof(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_len) noexcept {
  return capi::with_exact_output(out, out_len,
                                 [&](MutableByteView o) { HashHandle::get(ctx).xof_into(o); });
}

int nacre_hash_ctx_digest_len(const nacre_hash_ctx *ctx, size_t *out_len) noexcept {
  return capi::guard([&] {
    const Hasher &h = HashHandle::get(ctx);
    if (out_len == nullptr) capi::invalid("out_len is NULL");
    *out_len = h.digest_size() == 0 || is_xof(h.alg()) ? 0 : h.digest_size();
  });
}

int nacre_hash_ctx_copy(const nacre_hash_ctx *ctx, nacre_hash_ctx **out) noexcept {
  return capi::with_new_handle(out, [&] {
    HashHandle::create(out, std::make_unique<Hasher>(HashHandle::get(ctx).copy()));
  });
}

void nacre_hash_ctx_free(nacre_hash_ctx *ctx) noexcept { HashHandle::destroy(ctx); }

}  // extern "C"
