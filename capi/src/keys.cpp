// The C ABI of keys: generate, import, export, public part, facts, equality.
#include "convert.hpp"
#include "descriptor.hpp"
#include "key_handle.hpp"

using namespace nacre;

extern "C" {

NACRE_CAPI_FAMILY(key_type, key_types)

int nacre_key_generate(nacre_key **out, int type, size_t rsa_bits) noexcept {
  return capi::with_new_handle(out, [&] { capi::new_key(out, Key::generate(capi::key_type_from(type), rsa_bits)); });
}

int nacre_key_import(nacre_key **out, int type, int format, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const ByteView bytes = capi::input(in, in_len);
    const KeyFormat f = capi::key_format_from(format);
    std::optional<KeyType> t;
    if (type != 0) t = capi::key_type_from(type);
    capi::new_key(out, Key::import(f, bytes, t));
  });
}

int nacre_key_import_legacy_rsa(nacre_key **out, int format, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const ByteView bytes = capi::input(in, in_len);
    capi::new_key(out, Key::import_legacy_rsa_public(capi::key_format_from(format), bytes));
  });
}

int nacre_key_import_encrypted(nacre_key **out, int type, int format, const uint8_t *in, size_t in_len,
                               const uint8_t *password, size_t password_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const ByteView bytes = capi::input(in, in_len);
    const ByteView pw = capi::input(password, password_len);
    const KeyFormat f = capi::key_format_from(format);
    std::optional<KeyType> t;
    if (type != 0) t = capi::key_type_from(type);
    capi::new_key(out, Key::import_encrypted(f, bytes, pw, t));
  });
}

int nacre_key_export_encrypted(const nacre_key *key, int format, const uint8_t *password, size_t password_len,
                               uint32_t iterations, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const KeyFormat f = capi::key_format_from(format);
    const ByteView pw = capi::input(password, password_len);
    if (!o.fits(k.export_encrypted_size(f, iterations))) throw Error(Status::buffer_too_small, "output buffer too small");
    capi::put(o, k.export_encrypted(f, pw, iterations).view());
  });
}

int nacre_key_export(const nacre_key *key, int format, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const Key &k = capi::key_of(key);
    const KeyFormat f = capi::key_format_from(format);
    if (is_private_format(f)) {
      capi::put(o, k.export_private(f).view());
    } else {
      capi::put(o, k.export_public(f));
    }
  });
}

int nacre_key_public(const nacre_key *key, nacre_key **out) noexcept {
  return capi::with_new_handle(out, [&] { capi::new_key(out, capi::key_of(key).public_key()); });
}

int nacre_key_to_x25519(const nacre_key *key, nacre_key **out) noexcept {
  return capi::with_new_handle(out, [&] { capi::new_key(out, capi::key_of(key).to_x25519()); });
}

int nacre_key_info(const nacre_key *key, int *type, int *has_private, size_t *bits) noexcept {
  return capi::guard([&] {
    const Key &k = capi::key_of(key);
    if (type != nullptr) *type = static_cast<int>(k.type());
    if (has_private != nullptr) *has_private = k.has_private() ? 1 : 0;
    if (bits != nullptr) *bits = k.bits();
  });
}

int nacre_key_equal(const nacre_key *a, const nacre_key *b) noexcept {
  return capi::guard([&] {
    if (!(capi::key_of(a) == capi::key_of(b))) throw Error(Status::verification_failed, "keys differ");
  });
}

void nacre_key_free(nacre_key *key) noexcept { capi::KeyHandle::destroy(key); }

}  // extern "C"
