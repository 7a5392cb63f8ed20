// The C ABI of secretstream: push and pull handles.
#include "guard.hpp"
#include "handles.hpp"
#include "nacre/secretstream.hpp"

using namespace nacre;
using PushHandle = capi::Handle<SecretStreamPush, capi::Tag::secretstream_push>;
using PullHandle = capi::Handle<SecretStreamPull, capi::Tag::secretstream_pull>;

extern "C" {

int nacre_secretstream_encryptor_new(nacre_secretstream_encryptor **out, uint8_t *header, size_t header_cap,
                                size_t *header_len, const uint8_t *key, size_t key_len) noexcept {
  if (const int rc = capi::clear_handle_out(out); rc != NACRE_OK) return rc;
  return capi::with_output(header, header_cap, header_len, [&](capi::Output &o) {
    const ByteView k = capi::input(key, key_len);
    // Checked before the header is taken, so a bad key leaves the header untouched.
    if (k.size() != kSecretStreamKeySize) {
      throw_size_error(Status::invalid_key, "secretstream key", kSecretStreamKeySize, k.size());
    }
    auto st = std::make_unique<SecretStreamPush>(k, o.take(kSecretStreamHeaderSize));
    PushHandle::create(out, std::move(st));
  });
}

int nacre_secretstream_push(nacre_secretstream_encryptor *st, uint8_t *out, size_t out_cap,
                            size_t *out_len, const uint8_t *in, size_t in_len, const uint8_t *ad,
                            size_t ad_len, int tag) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    SecretStreamPush &s = PushHandle::get(st);
    if (tag < NACRE_SECRETSTREAM_TAG_MESSAGE || tag > NACRE_SECRETSTREAM_TAG_FINAL) {
      throw Error(Status::invalid_argument, "unknown secretstream tag");
    }
    const ByteView msg = capi::input(in, in_len);
    s.push(o.take(checked_add(in_len, kSecretStreamOverhead)), msg, capi::input(ad, ad_len),
           static_cast<StreamTag>(tag));
  });
}

void nacre_secretstream_encryptor_free(nacre_secretstream_encryptor *st) noexcept { PushHandle::destroy(st); }

int nacre_secretstream_decryptor_new(nacre_secretstream_decryptor **out, const uint8_t *header,
                                size_t header_len, const uint8_t *key, size_t key_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const ByteView h = capi::input(header, header_len);
    const ByteView k = capi::input(key, key_len);
    PullHandle::create(out, std::make_unique<SecretStreamPull>(k, h));
  });
}

int nacre_secretstream_pull(nacre_secretstream_decryptor *st, uint8_t *out, size_t out_cap,
                            size_t *out_len, int *tag, const uint8_t *in, size_t in_len,
                            const uint8_t *ad, size_t ad_len) noexcept {
  if (tag != nullptr) *tag = -1;
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    SecretStreamPull &s = PullHandle::get(st);
    const ByteView ct = capi::input(in, in_len);
    if (in_len < kSecretStreamOverhead) {
      // Through the stream, so that it is poisoned like any other bad message.
      s.pull(MutableByteView{}, ct, capi::input(ad, ad_len));
    }
    const StreamTag t = s.pull(o.take(in_len - kSecretStreamOverhead), ct, capi::input(ad, ad_len));
    if (tag != nullptr) *tag = static_cast<int>(t);
  });
}

int nacre_secretstream_decryptor_is_finished(const nacre_secretstream_decryptor *st) noexcept {
  return capi::verdict("the stream has not reached its final message",
                       [&] { return PullHandle::get(st).finished(); });
}

void nacre_secretstream_decryptor_free(nacre_secretstream_decryptor *st) noexcept { PullHandle::destroy(st); }

}  // extern "C"
