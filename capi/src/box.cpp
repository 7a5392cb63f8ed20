// The C ABI of libsodium boxes and secret boxes.
#include "handles.hpp"
#include "key_handle.hpp"
#include "nacre/box.hpp"

using namespace nacre;
using SecretBoxHandle = capi::Handle<SecretBoxKey, capi::Tag::secretbox_key>;

extern "C" {

int nacre_box_seal(const nacre_key *recipient, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in,
                   size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &r = capi::key_of(recipient);
    const ByteView m = capi::input(in, in_len);
    box_seal_into(o.take(checked_add(in_len, box_seal_overhead)), r, m);
  });
}

int nacre_box_seal_open(const nacre_key *recipient, uint8_t *out, size_t out_cap, size_t *out_len,
                        const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &r = capi::key_of(recipient);
    const ByteView c = capi::input(in, in_len);
    box_seal_open_into(o.take(capi::opened_len(in_len, box_seal_overhead)), r, c);
  });
}

int nacre_box(const nacre_key *sender, const nacre_key *recipient, uint8_t *out, size_t out_cap, size_t *out_len,
              const uint8_t *nonce, size_t nonce_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &s = capi::key_of(sender);
    const Key &r = capi::key_of(recipient);
    const ByteView n = capi::input(nonce, nonce_len);
    const ByteView m = capi::input(in, in_len);
    box_into(o.take(checked_add(in_len, box_overhead)), s, r, n, m);
  });
}

int nacre_box_open(const nacre_key *recipient, const nacre_key *sender, uint8_t *out, size_t out_cap,
                   size_t *out_len, const uint8_t *nonce, size_t nonce_len, const uint8_t *in,
                   size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &r = capi::key_of(recipient);
    const Key &s = capi::key_of(sender);
    const ByteView n = capi::input(nonce, nonce_len);
    const ByteView c = capi::input(in, in_len);
    box_open_into(o.take(capi::opened_len(in_len, box_overhead)), r, s, n, c);
  });
}

int nacre_box_shared_key(const nacre_key *key, const nacre_key *peer, uint8_t *out, size_t out_cap,
                         size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    capi::put(o, box_shared_key(capi::key_of(key), capi::key_of(peer)).view());
  });
}

int nacre_secretbox_key_new(nacre_secretbox_key **out, const uint8_t *key, size_t key_len) noexcept {
  return capi::with_new_handle(out, [&] {
    SecretBoxHandle::create(out, std::make_unique<SecretBoxKey>(capi::input(key, key_len)));
  });
}

void nacre_secretbox_key_free(nacre_secretbox_key *key) noexcept { SecretBoxHandle::destroy(key); }

int nacre_secretbox(const nacre_secretbox_key *key, uint8_t *out, size_t out_cap, size_t *out_len,
                    const uint8_t *nonce, size_t nonce_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const SecretBoxKey &k = SecretBoxHandle::get(key);
    const ByteView n = capi::input(nonce, nonce_len);
    const ByteView m = capi::input(in, in_len);
    k.seal_into(o.take(checked_add(in_len, secretbox_overhead)), n, m);
  });
}

int nacre_secretbox_open(const nacre_secretbox_key *key, uint8_t *out, size_t out_cap,
                         size_t *out_len, const uint8_t *nonce, size_t nonce_len, const uint8_t *in,
                         size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const SecretBoxKey &k = SecretBoxHandle::get(key);
    const ByteView n = capi::input(nonce, nonce_len);
    const ByteView c = capi::input(in, in_len);
    k.open_into(o.take(capi::opened_len(in_len, secretbox_overhead)), n, c);
  });
}

}  // extern "C"
