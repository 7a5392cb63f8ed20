// The C ABI of password hashing: Argon2id, Argon2i and scrypt, raw keys and hash strings.
#include <algorithm>
#include <string_view>

#include "convert.hpp"
#include "guard.hpp"
#include "nacre/pwhash.hpp"

using namespace nacre;

namespace {

PwhashAlg pwhash_alg(int alg) {
  if (alg < NACRE_PWHASH_ARGON2ID || alg > NACRE_PWHASH_SCRYPT) {
    throw Error(Status::unsupported, "unknown password-hashing algorithm");
  }
  return static_cast<PwhashAlg>(alg);
}

PwhashPreset pwhash_preset(int preset) {
  if (preset < NACRE_PWHASH_INTERACTIVE || preset > NACRE_PWHASH_SENSITIVE) {
    throw Error(Status::unsupported, "unknown password-hashing preset");
  }
  return static_cast<PwhashPreset>(preset);
}

// A hash string given as |str, len|: it need not end in NUL.
std::string_view str_input(const char *str, std::size_t len) {
  capi::check_range(str, len);
  return len == 0 ? std::string_view{} : std::string_view{str, len};
}

}  // namespace

extern "C" {

int nacre_pwhash_preset_limits(int alg, int preset, uint64_t *opslimit, size_t *memlimit) noexcept {
  if (opslimit != nullptr) *opslimit = 0;
  if (memlimit != nullptr) *memlimit = 0;
  return capi::guard([&] {
    if (opslimit == nullptr || memlimit == nullptr) capi::invalid("NULL output");
    const PwhashLimits l = pwhash_preset_limits(pwhash_alg(alg), pwhash_preset(preset));
    *opslimit = l.opslimit;
    *memlimit = l.memlimit;
  });
}

size_t nacre_pwhash_salt_len(int alg) noexcept {
  if (alg < NACRE_PWHASH_ARGON2ID || alg > NACRE_PWHASH_SCRYPT) return 0;
  return pwhash_salt_size(static_cast<PwhashAlg>(alg));
}

size_t nacre_pwhash_str_len(void) noexcept { return kPwhashStrBytes; }

int nacre_pwhash_derive(int alg, uint8_t *out, size_t out_len, const uint8_t *password,
                        size_t password_len, const uint8_t *salt, size_t salt_len,
                        uint64_t opslimit, size_t memlimit) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    pwhash_derive_into(pwhash_alg(alg), capi::input(password, password_len),
                       capi::input(salt, salt_len), {opslimit, memlimit}, o);
  });
}

int nacre_pwhash_str(int alg, char *out, size_t out_cap, size_t *out_len, const uint8_t *password,
                     size_t password_len, uint64_t opslimit, size_t memlimit) noexcept {
  return capi::with_output(reinterpret_cast<uint8_t *>(out), out_cap, out_len,
                           [&](capi::Output &o) {
    const PwhashAlg a = pwhash_alg(alg);
    const ByteView pw = capi::input(password, password_len);
    const MutableByteView buf = o.take(kPwhashStrBytes);
    const std::string s = pwhash_str(a, pw, {opslimit, memlimit});
    std::copy(s.begin(), s.end(), buf.begin());
    buf[s.size()] = 0;
    o.take(s.size());  // the string is shorter than the buffer it needs: report its length
  });
}

int nacre_pwhash_str_verify(const char *str, size_t str_len, const uint8_t *password,
                            size_t password_len) noexcept {
  return capi::verdict("the password does not match", [&] {
    return pwhash_str_verify(str_input(str, str_len), capi::input(password, password_len));
  });
}

int nacre_pwhash_str_needs_rehash(const char *str, size_t str_len, uint64_t opslimit,
                                  size_t memlimit, int *needs_rehash) noexcept {
  if (needs_rehash == nullptr) return capi::fail(NACRE_ERR_INVALID_ARGUMENT, "needs_rehash is NULL");
  *needs_rehash = 0;
  return capi::guard([&] {
    *needs_rehash = pwhash_str_needs_rehash(str_input(str, str_len), {opslimit, memlimit}) ? 1 : 0;
  });
}

int nacre_scrypt(int backend, uint8_t *out, size_t out_len, const uint8_t *password,
                 size_t password_len, const uint8_t *salt, size_t salt_len, uint64_t n, uint32_t r,
                 uint32_t p) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) {
    scrypt_into(capi::input(password, password_len), capi::input(salt, salt_len), {n, r, p}, o,
                capi::backend_from(backend));
  });
}

}  // extern "C"
