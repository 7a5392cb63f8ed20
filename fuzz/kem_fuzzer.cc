// Key encapsulation, ML-KEM-768 and X-Wing. A key pair from a seed taken from the input
// (64 bytes d || z, 32 bytes): encapsulate then decapsulate gives the same secret; an altered or
// arbitrary ciphertext of the right size gives another secret (implicit rejection), or for X-Wing
// VERIFICATION_FAILED exactly when its X25519 part has small order; a ciphertext of another size
// is INVALID_ARGUMENT. Arbitrary public-key bytes import exactly when FIPS 203's modulus check
// passes (and, for X-Wing, the X25519 part is not of small order). An expanded ML-KEM key imports
// exactly when its embedded encapsulation key is well formed and matches its hash.
#include "pk.hpp"

namespace {

using pk::Bytes;

constexpr std::size_t kMlkemPub = 1184;
constexpr std::size_t kMlkemExpanded = 2400;
constexpr std::size_t kMlkemEkOffset = 1152;   // dk = dk_pke || ek || H(ek) || z
constexpr std::size_t kMlkemHashOffset = 2336;
constexpr std::size_t kMlkemZOffset = 2368;

std::size_t pub_len(int type) { return type == NACRE_KEY_MLKEM768 ? kMlkemPub : kMlkemPub + 32; }
std::size_t seed_len(int type) { return type == NACRE_KEY_MLKEM768 ? 64 : 32; }

// FIPS 203 7.2: every 12-bit coefficient of the three polynomials of ek is below q = 3329.
bool mlkem_modulus_ok(const std::uint8_t *ek) {
  for (std::size_t i = 0; i < kMlkemEkOffset; i += 3) {
    const unsigned a = ek[i] | ((ek[i + 1] & 0x0fu) << 8);
    const unsigned b = (ek[i + 1] >> 4) | (static_cast<unsigned>(ek[i + 2]) << 4);
    if (a >= 3329 || b >= 3329) return false;
  }
  return true;
}

// nacre.h's rule for a public key of |type|.
bool valid_public_key(int type, const Bytes &pub) {
  if (pub.size() != pub_len(type) || !mlkem_modulus_ok(pub.data())) return false;
  return type == NACRE_KEY_MLKEM768 || !pk::x25519_small_order(pub.data() + kMlkemPub);
}

struct Encapsulation {
  Bytes ct, ss;
};

Encapsulation encapsulate(const nacre_key *k, int type) {
  const std::size_t ct_len = nacre_kem_ciphertext_len(type);
  std::size_t cl = 0, sl = 0;
  // One size query reports both sizes.
  FUZZ_CHECK(nacre_kem_encapsulate(k, nullptr, 0, &cl, nullptr, 0, &sl) == NACRE_ERR_BUFFER_TOO_SMALL);
  FUZZ_CHECK(cl == ct_len && sl == 32);
  Encapsulation e{Bytes(ct_len + 3, 0x5A), Bytes(35, 0x5A)};
  FUZZ_CHECK(nacre_kem_encapsulate(k, e.ct.data(), e.ct.size(), &cl, e.ss.data(), e.ss.size(), &sl) == NACRE_OK);
  FUZZ_CHECK(cl == ct_len && sl == 32);
  for (std::size_t i = ct_len; i < e.ct.size(); ++i) FUZZ_CHECK(e.ct[i] == 0x5A);
  for (std::size_t i = 32; i < e.ss.size(); ++i) FUZZ_CHECK(e.ss[i] == 0x5A);
  e.ct.resize(ct_len);
  e.ss.resize(32);
  return e;
}

int decapsulate(const nacre_key *k, const Bytes &ct, Bytes &ss) {
  ss.assign(40, 0x5A);
  std::size_t len = 77;
  const int rc = nacre_kem_decapsulate(k, ss.data(), ss.size(), &len, ct.data(), ct.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(len == 0 && all_zero(ss, ss.size()));
    return rc;
  }
  FUZZ_CHECK(len == 32);
  ss.resize(32);
  return rc;
}

// Decapsulating a ciphertext of the right size that is not |e.ct|: another secret, or for X-Wing
// a refusal exactly when the X25519 part has small order.
void check_other_ciphertext(const nacre_key *k, int type, const Encapsulation &e, const Bytes &ct) {
  Bytes ss;
  const int rc = decapsulate(k, ct, ss);
  const bool small = type == NACRE_KEY_XWING && pk::x25519_small_order(ct.data() + 1088);
  FUZZ_CHECK(rc == (small ? NACRE_ERR_VERIFICATION_FAILED : NACRE_OK));
  if (rc == NACRE_OK && ct != e.ct) FUZZ_CHECK(ss != e.ss);
}

void seeded(FuzzedDataProvider &in, int type) {
  const pk::Key k = pk::must_import(type, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, seed_len(type)));
  const pk::Key pub = pk::public_of(k.get());
  FUZZ_CHECK(valid_public_key(type, pk::must_export(pub.get(), NACRE_KEY_FORMAT_RAW_PUBLIC)));
  const std::size_t ct_len = nacre_kem_ciphertext_len(type);
  FUZZ_CHECK(ct_len == (type == NACRE_KEY_MLKEM768 ? 1088u : 1120u));
  FUZZ_CHECK(nacre_kem_shared_secret_len(type) == 32);
  const Encapsulation e = encapsulate(in.ConsumeBool() ? pub.get() : k.get(), type);
  Bytes ss;
  FUZZ_CHECK(decapsulate(k.get(), e.ct, ss) == NACRE_OK && ss == e.ss);
  // One altered bit.
  Bytes c2 = e.ct;
  pk::flip_bit(in, c2);
  check_other_ciphertext(k.get(), type, e, c2);
  // Input bytes written over part of the ciphertext, and a ciphertext made of input bytes.
  Bytes c3 = e.ct;
  const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, ct_len - 1);
  const Bytes patch = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, ct_len - at));
  std::copy(patch.begin(), patch.end(), c3.begin() + static_cast<std::ptrdiff_t>(at));
  check_other_ciphertext(k.get(), type, e, c3);
  // The wrong size (a little off, or anything), and a public key: INVALID_ARGUMENT.
  const std::size_t n = in.ConsumeBool() ? ct_len + in.ConsumeIntegralInRange<std::size_t>(0, 2) - 1
                                         : in.ConsumeIntegralInRange<std::size_t>(0, 1200);
  const Bytes junk = pk::take(in, n);
  if (n != ct_len) {
    FUZZ_CHECK(decapsulate(k.get(), junk, ss) == NACRE_ERR_INVALID_ARGUMENT);
  } else {
    check_other_ciphertext(k.get(), type, e, junk);
  }
  FUZZ_CHECK(decapsulate(pub.get(), e.ct, ss) == NACRE_ERR_INVALID_ARGUMENT);
  // The public key travels as bytes and encapsulates to the same key pair.
  const pk::Key pub2 = pk::must_import(type, NACRE_KEY_FORMAT_RAW_PUBLIC, pk::must_export(k.get(), NACRE_KEY_FORMAT_RAW_PUBLIC));
  FUZZ_CHECK(pk::equal(pub2.get(), pub.get()));
  const Encapsulation e2 = encapsulate(pub2.get(), type);
  FUZZ_CHECK(decapsulate(k.get(), e2.ct, ss) == NACRE_OK && ss == e2.ss);
}

// Arbitrary public-key bytes (of the right size, or any size).
void public_key(FuzzedDataProvider &in, int type) {
  const Bytes pub = in.ConsumeBool() ? pk::take(in, pub_len(type))
                                     : in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 1300));
  pk::Key k;
  const int rc = pk::import(k, type, NACRE_KEY_FORMAT_RAW_PUBLIC, pub);
  FUZZ_CHECK(rc == (valid_public_key(type, pub) ? NACRE_OK : NACRE_ERR_INVALID_KEY));
  if (rc != NACRE_OK) return;
  FUZZ_CHECK(pk::must_export(k.get(), NACRE_KEY_FORMAT_RAW_PUBLIC) == pub);
  const Encapsulation e = encapsulate(k.get(), type);
  FUZZ_CHECK(!all_zero(e.ss, e.ss.size()));
  Bytes ss;
  FUZZ_CHECK(decapsulate(k.get(), e.ct, ss) == NACRE_ERR_INVALID_ARGUMENT);  // no private part
}

// An ML-KEM-768 key in expanded form (FIPS 203 decapsulation key), one bit altered or not.
void expanded(FuzzedDataProvider &in) {
  const int type = NACRE_KEY_MLKEM768;
  const pk::Key k = pk::must_import(type, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, 64));
  const Bytes dk = pk::must_export(k.get(), NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE);
  FUZZ_CHECK(dk.size() == kMlkemExpanded);
  const pk::Key x = pk::must_import(type, NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, dk);
  FUZZ_CHECK(pk::equal(x.get(), k.get()));
  Bytes none;
  FUZZ_CHECK(pk::export_key(x.get(), NACRE_KEY_FORMAT_RAW_PRIVATE, none) == NACRE_ERR_UNSUPPORTED);  // no seed
  const Encapsulation e = encapsulate(k.get(), type);
  Bytes ss;
  FUZZ_CHECK(decapsulate(x.get(), e.ct, ss) == NACRE_OK && ss == e.ss);
  // One altered bit: the embedded ek and its hash are checked, dk_pke and z are not.
  Bytes d2 = dk;
  const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, d2.size() * 8 - 1);
  d2[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
  const std::size_t at = bit / 8;
  Bytes h(32);
  std::size_t hl = 0;
  FUZZ_CHECK(nacre_hash(NACRE_HASH_SHA3_256, 0, h.data(), h.size(), &hl, d2.data() + kMlkemEkOffset, kMlkemPub) ==
             NACRE_OK);
  const bool valid = std::equal(h.begin(), h.end(), d2.begin() + kMlkemHashOffset) &&
                     mlkem_modulus_ok(d2.data() + kMlkemEkOffset);
  pk::Key y;
  const int rc = pk::import(y, type, NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, d2);
  FUZZ_CHECK(rc == (valid ? NACRE_OK : NACRE_ERR_INVALID_KEY));
  FUZZ_CHECK(valid == (at < kMlkemEkOffset || at >= kMlkemZOffset));
  if (rc != NACRE_OK) return;
  FUZZ_CHECK(!pk::equal(y.get(), k.get()));
  FUZZ_CHECK(pk::must_export(y.get(), NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE) == d2);
  FUZZ_CHECK(decapsulate(y.get(), e.ct, ss) == NACRE_OK);
  if (at >= kMlkemZOffset) FUZZ_CHECK(ss == e.ss);  // z is used only to reject
  // Arbitrary bytes of the expanded size: accepted only with a matching hash.
  const Bytes junk = in.ConsumeBytes<std::uint8_t>(kMlkemExpanded);
  pk::Key z;
  const int j = pk::import(z, type, NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, junk);
  if (junk.size() != kMlkemExpanded) {
    FUZZ_CHECK(j == NACRE_ERR_INVALID_KEY);
  } else {
    FUZZ_CHECK(nacre_hash(NACRE_HASH_SHA3_256, 0, h.data(), h.size(), &hl, junk.data() + kMlkemEkOffset, kMlkemPub) ==
               NACRE_OK);
    const bool ok = std::equal(h.begin(), h.end(), junk.begin() + kMlkemHashOffset) &&
                    mlkem_modulus_ok(junk.data() + kMlkemEkOffset);
    FUZZ_CHECK(j == (ok ? NACRE_OK : NACRE_ERR_INVALID_KEY));
  }
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  const int mode = in.ConsumeIntegralInRange<int>(0, 4);
  switch (mode) {
    case 0: seeded(in, NACRE_KEY_MLKEM768); break;
    case 1: seeded(in, NACRE_KEY_XWING); break;
    case 2: public_key(in, NACRE_KEY_MLKEM768); break;
    case 3: public_key(in, NACRE_KEY_XWING); break;
    default: expanded(in); break;
  }
}
