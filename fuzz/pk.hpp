// Helpers shared by the public-key fuzz targets (key_parse, sign, kx, hpke_box, kem): an owning
// key handle, import/export wrappers that check the C ABI's output conventions, the X25519
// small-order table, and single-bit flips.
#pragma once

#include <algorithm>
#include <array>
#include <cstring>

#include "fuzzer.hpp"

namespace pk {

using Bytes = std::vector<std::uint8_t>;

// Owns one nacre_key handle.
struct Key {
  nacre_key *k = nullptr;
  Key() = default;
  explicit Key(nacre_key *key) : k(key) {}
  Key(const Key &) = delete;
  Key &operator=(const Key &) = delete;
  Key(Key &&o) noexcept : k(o.k) { o.k = nullptr; }
  Key &operator=(Key &&o) noexcept {
    std::swap(k, o.k);
    return *this;
  }
  ~Key() { nacre_key_free(k); }
  nacre_key *get() const { return k; }
  explicit operator bool() const { return k != nullptr; }
};

inline bool is_private_format(int format) {
  return format == NACRE_KEY_FORMAT_RAW_PRIVATE || format == NACRE_KEY_FORMAT_PKCS8_DER ||
         format == NACRE_KEY_FORMAT_PKCS8_PEM || format == NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE;
}

// The formats nacre.h gives each key type.
inline bool type_has_format(int type, int format) {
  const bool der = format >= NACRE_KEY_FORMAT_PKCS8_DER && format <= NACRE_KEY_FORMAT_SPKI_PEM;
  const bool raw = format == NACRE_KEY_FORMAT_RAW_PRIVATE || format == NACRE_KEY_FORMAT_RAW_PUBLIC;
  const bool sec1 = format == NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED || format == NACRE_KEY_FORMAT_SEC1_COMPRESSED;
  switch (type) {
    case NACRE_KEY_X25519:
    case NACRE_KEY_ED25519: return raw || der;
    case NACRE_KEY_P256:
    case NACRE_KEY_P384:
    case NACRE_KEY_P521: return raw || der || sec1;
    case NACRE_KEY_RSA: return der;
    case NACRE_KEY_MLKEM768: return raw || format == NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE;
    case NACRE_KEY_XWING: return raw;
    default: return false;
  }
}

// Imports; the handle is set exactly on success, and the status is documented.
inline int import(Key &out, int type, int format, const Bytes &in) {
  nacre_key *k = reinterpret_cast<nacre_key *>(0x1);  // must be overwritten
  const int rc = nacre_key_import(&k, type, format, in.data(), in.size());
  FUZZ_CHECK(documented_status(rc));
  FUZZ_CHECK((rc == NACRE_OK) == (k != nullptr));
  out = Key(rc == NACRE_OK ? k : nullptr);
  return rc;
}

// Imports bytes that must be accepted.
inline Key must_import(int type, int format, const Bytes &in) {
  Key k;
  FUZZ_CHECK(import(k, type, format, in) == NACRE_OK);
  return k;
}

// Exports through a size query (NULL, 0), a buffer one byte short (zeroed, size reported) and an
// exact buffer. Returns the status of the size query when it is not BUFFER_TOO_SMALL.
inline int export_key(const nacre_key *k, int format, Bytes &out) {
  std::size_t len = 12345;
  out.clear();
  const int q = nacre_key_export(k, format, nullptr, 0, &len);
  FUZZ_CHECK(documented_status(q));
  if (q != NACRE_ERR_BUFFER_TOO_SMALL) {
    FUZZ_CHECK(q != NACRE_OK && len == 0);
    return q;
  }
  FUZZ_CHECK(len > 0 && len < 65536);
  const std::size_t need = len;
  Bytes small(need - 1, 0xA5);
  FUZZ_CHECK(nacre_key_export(k, format, small.data(), small.size(), &len) == NACRE_ERR_BUFFER_TOO_SMALL);
  FUZZ_CHECK(len == need && all_zero(small, small.size()));
  out.assign(need + 8, 0xA5);
  FUZZ_CHECK(nacre_key_export(k, format, out.data(), out.size(), &len) == NACRE_OK);
  FUZZ_CHECK(len == need);
  for (std::size_t i = need; i < out.size(); ++i) FUZZ_CHECK(out[i] == 0xA5);  // nothing past len
  out.resize(need);
  return NACRE_OK;
}

inline Bytes must_export(const nacre_key *k, int format) {
  Bytes out;
  FUZZ_CHECK(export_key(k, format, out) == NACRE_OK);
  return out;
}

inline Key public_of(const nacre_key *k) {
  nacre_key *p = nullptr;
  FUZZ_CHECK(nacre_key_public(k, &p) == NACRE_OK && p != nullptr);
  return Key(p);
}

inline bool equal(const nacre_key *a, const nacre_key *b) {
  const int rc = nacre_key_equal(a, b);
  FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_VERIFICATION_FAILED);
  return rc == NACRE_OK;
}

struct Info {
  int type = -1;
  int has_private = -1;
  std::size_t bits = 0;
};

inline Info info(const nacre_key *k) {
  Info i;
  FUZZ_CHECK(nacre_key_info(k, &i.type, &i.has_private, &i.bits) == NACRE_OK);
  return i;
}

// The X25519 inputs whose result is all-zero for every (clamped) scalar: the points of order 1,
// 2, 4 and 8 on the curve and its twist, and the non-canonical encodings p and p + 1. Bit 255 is
// ignored by X25519 (RFC 7748 section 5), so it is masked before the comparison.
inline bool x25519_small_order(const std::uint8_t *u) {
  static const std::uint8_t kTable[7][32] = {
      {0},
      {1},
      {0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
       0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00},
      {0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
       0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57},
      {0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
      {0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
      {0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
  };
  std::uint8_t v[32];
  std::memcpy(v, u, 32);
  v[31] &= 0x7f;
  for (const auto &row : kTable) {
    if (std::memcmp(v, row, 32) == 0) return true;
  }
  return false;
}

// P-256/P-384/P-521 group orders, big endian (SEC 2): a raw scalar imports exactly when 0 < d < n.
constexpr std::uint8_t kP256Order[32] = {
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51};
constexpr std::uint8_t kP384Order[48] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xc7, 0x63, 0x4d, 0x81, 0xf4, 0x37, 0x2d, 0xdf,
    0x58, 0x1a, 0x0d, 0xb2, 0x48, 0xb0, 0xa7, 0x7a, 0xec, 0xec, 0x19, 0x6a, 0xcc, 0xc5, 0x29, 0x73};

constexpr std::uint8_t kP521Order[66] = {
    0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0xfa, 0x51, 0x86, 0x87, 0x83, 0xbf, 0x2f, 0x96, 0x6b, 0x7f, 0xcc, 0x01, 0x48, 0xf7, 0x09, 0xa5,
    0xd0, 0x3b, 0xb5, 0xc9, 0xb8, 0x89, 0x9c, 0x47, 0xae, 0xbb, 0x6f, 0xb7, 0x1e, 0x91, 0x38, 0x64, 0x09};

// |d| is 32 (P-256), 48 (P-384) or 66 (P-521) bytes.
inline bool ec_scalar_in_range(const Bytes &d) {
  const std::uint8_t *order = d.size() == 66 ? kP521Order : d.size() == 48 ? kP384Order : kP256Order;
  if (all_zero(d, d.size())) return false;
  return std::lexicographical_compare(d.begin(), d.end(), order, order + d.size());
}

// Flips one bit of |v| (not empty), chosen by the input.
inline void flip_bit(FuzzedDataProvider &in, Bytes &v) {
  const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, v.size() * 8 - 1);
  v[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
}

// Exactly |n| bytes from the input, zero-padded when it runs out (so a key of the right size can
// always be formed).
inline Bytes take(FuzzedDataProvider &in, std::size_t n) {
  Bytes b = in.ConsumeBytes<std::uint8_t>(n);
  b.resize(n, 0);
  return b;
}

}  // namespace pk
