// The AEAD C ABI: round trips, size queries, aliasing and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

namespace {

const std::initializer_list<int> kAlgs = {
    NACRE_AEAD_AES_128_GCM,        NACRE_AEAD_AES_256_GCM,        NACRE_AEAD_AES_128_GCM_SIV,
    NACRE_AEAD_AES_256_GCM_SIV,    NACRE_AEAD_CHACHA20_POLY1305,  NACRE_AEAD_XCHACHA20_POLY1305,
    NACRE_AEAD_AEGIS_128L,         NACRE_AEAD_AEGIS_256};

Bytes random(size_t n) {
  Bytes b(n);
  REQUIRE(nacre_random_bytes(b.data(), n) == NACRE_OK);
  return b;
}

nacre_aead_key *make_key(int alg, int backend = NACRE_BACKEND_AUTOMATIC) {
  const Bytes k = random(nacre_aead_key_len(alg));
  nacre_aead_key *key = nullptr;
  REQUIRE(nacre_aead_key_new(&key, alg, backend, k.data(), k.size()) == NACRE_OK);
  return key;
}

}  // namespace

TEST_CASE("AEAD through the C ABI: combined, detached, in place", "[capi][aead]") {
  for (int alg : kAlgs) {
    for (int b : {NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      if (nacre_aead_is_available(alg, b) != NACRE_OK) continue;
      INFO("alg " << alg << " backend " << b);
      nacre_aead_key *key = make_key(alg, b);
      const size_t ns = nacre_aead_nonce_len(alg), ts = nacre_aead_tag_len(alg);
      const Bytes nonce = random(ns), msg = random(77), ad = random(9);
      size_t len = 0;
      CHECK(nacre_aead_seal(key, nullptr, 0, &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
      CHECK(len == msg.size() + ts);
      Guarded ct(len);
      REQUIRE(nacre_aead_seal(key, ct.data(), ct.cap(), &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(ct.fences_intact());
      Guarded pt(msg.size());
      REQUIRE(nacre_aead_open(key, pt.data(), pt.cap(), &len, nonce.data(), ns, ct.data(), ct.cap(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(len == msg.size());
      CHECK(pt.bytes(len) == msg);
      CHECK(pt.fences_intact());

      // Detached gives the same bytes; both sizes come from one size query.
      size_t ct_len = 0, tag_len = 0;
      CHECK(nacre_aead_seal_detached(key, nullptr, 0, &ct_len, nullptr, 0, &tag_len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
      CHECK(ct_len == msg.size());
      CHECK(tag_len == ts);
      Guarded dct(msg.size()), dtag(ts);
      REQUIRE(nacre_aead_seal_detached(key, dct.data(), dct.cap(), &ct_len, dtag.data(), dtag.cap(), &tag_len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      Bytes joined = dct.bytes(ct_len);
      const Bytes t = dtag.bytes(tag_len);
      joined.insert(joined.end(), t.begin(), t.end());
      CHECK(joined == ct.bytes(ct.cap()));
      Guarded dpt(msg.size());
      REQUIRE(nacre_aead_open_detached(key, dpt.data(), dpt.cap(), &len, nonce.data(), ns, dct.data(), ct_len, dtag.data(), tag_len, ad.data(), ad.size()) == NACRE_OK);
      CHECK(dpt.bytes(len) == msg);

      // In place, in one buffer.
      Bytes buf = msg;
      buf.resize(msg.size() + ts);
      REQUIRE(nacre_aead_seal(key, buf.data(), buf.size(), &len, nonce.data(), ns, buf.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(buf == ct.bytes(ct.cap()));
      REQUIRE(nacre_aead_open(key, buf.data(), buf.size(), &len, nonce.data(), ns, buf.data(), buf.size(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(Bytes(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(len)) == msg);
      nacre_aead_key_free(key);
    }
  }
}

TEST_CASE("AEAD open failures zero the output and report verification failure", "[capi][aead][errors]") {
  for (int alg : kAlgs) {
    if (nacre_aead_is_available(alg, NACRE_BACKEND_AUTOMATIC) != NACRE_OK) continue;
    INFO("alg " << alg);
    nacre_aead_key *key = make_key(alg);
    const size_t ns = nacre_aead_nonce_len(alg), ts = nacre_aead_tag_len(alg);
    const Bytes nonce = random(ns), msg = random(40);
    Bytes ct(msg.size() + ts);
    size_t len = 0;
    REQUIRE(nacre_aead_seal(key, ct.data(), ct.size(), &len, nonce.data(), ns, msg.data(), msg.size(), nullptr, 0) == NACRE_OK);
    ct[5] ^= 0x20;
    Guarded pt(msg.size() + 8);
    CHECK(nacre_aead_open(key, pt.data(), pt.cap(), &len, nonce.data(), ns, ct.data(), ct.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(pt.zeroed());
    CHECK(pt.fences_intact());
    CHECK(len == 0);
    ct[5] ^= 0x20;
    const uint8_t ad[1] = {1};
    CHECK(nacre_aead_open(key, pt.data(), pt.cap(), &len, nonce.data(), ns, ct.data(), ct.size(), ad, 1) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(pt.zeroed());
    CHECK(nacre_aead_open(key, pt.data(), pt.cap(), &len, nonce.data(), ns, ct.data(), ts - 1, nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(nacre_aead_open_detached(key, pt.data(), pt.cap(), &len, nonce.data(), ns, ct.data(), msg.size(), ct.data() + msg.size(), ts - 1, nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(pt.zeroed());
    // In-place failure wipes the caller's buffer, which held only ciphertext.
    Bytes inplace = ct;
    inplace.back() ^= 1;
    CHECK(nacre_aead_open(key, inplace.data(), inplace.size(), &len, nonce.data(), ns, inplace.data(), inplace.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(std::all_of(inplace.begin(), inplace.end(), [](uint8_t x) { return x == 0; }));
    nacre_aead_key_free(key);
  }
}

TEST_CASE("AEAD bad arguments", "[capi][aead][errors]") {
  nacre_aead_key *key = make_key(NACRE_AEAD_XCHACHA20_POLY1305);
  const Bytes nonce = random(24), msg = random(30);
  Guarded out(64);
  size_t len = 0;
  // Nonce length, NULL with length, overflow, missing out_len.
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(out.zeroed());
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), &len, nullptr, 24, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), &len, nonce.data(), 24, nullptr, 5, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), &len, nonce.data(), 24, msg.data(), msg.size(), nullptr, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), &len, nonce.data(), 24, msg.data(), SIZE_MAX, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, out.data(), out.cap(), nullptr, nonce.data(), 24, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, nullptr, 64, &len, nonce.data(), 24, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  Guarded small(msg.size() + 15);
  CHECK(nacre_aead_seal(key, small.data(), small.cap(), &len, nonce.data(), 24, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == msg.size() + 16);
  CHECK(small.zeroed());
  CHECK(small.fences_intact());
  // Partial overlap of output and input.
  Bytes buf(100);
  CHECK(nacre_aead_seal(key, buf.data() + 1, 60, &len, nonce.data(), 24, buf.data(), 30, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal(key, buf.data(), 60, &len, nonce.data(), 24, buf.data() + 50, 30, buf.data() + 40, 5) == NACRE_ERR_INVALID_ARGUMENT);
  // Random-nonce helpers.
  Guarded box(24 + 30 + 16);
  REQUIRE(nacre_aead_seal_with_random_nonce(key, box.data(), box.cap(), &len, msg.data(), msg.size(), nullptr, 0) == NACRE_OK);
  Guarded back(30);
  REQUIRE(nacre_aead_open_with_nonce_prefix(key, back.data(), back.cap(), &len, box.data(), box.cap(), nullptr, 0) == NACRE_OK);
  CHECK(back.bytes(len) == msg);
  CHECK(nacre_aead_open_with_nonce_prefix(key, back.data(), back.cap(), &len, box.data(), 39, nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(back.zeroed());
  nacre_aead_key *gcm = make_key(NACRE_AEAD_AES_256_GCM);
  CHECK(nacre_aead_seal_with_random_nonce(gcm, box.data(), box.cap(), &len, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_open_with_nonce_prefix(gcm, back.data(), back.cap(), &len, box.data(), box.cap(), nullptr, 0) == NACRE_ERR_UNSUPPORTED);

  // Key creation.
  const Bytes k = random(32);
  nacre_aead_key *bad = reinterpret_cast<nacre_aead_key *>(&len);
  CHECK(nacre_aead_key_new(&bad, NACRE_AEAD_AES_256_GCM, 0, k.data(), 31) == NACRE_ERR_INVALID_KEY);
  CHECK(bad == nullptr);
  CHECK(nacre_aead_key_new(&bad, NACRE_AEAD_AES_256_GCM, 0, nullptr, 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_key_new(&bad, 0, 0, k.data(), 32) == NACRE_ERR_UNSUPPORTED);
  const int past = static_cast<int>(nacre_aead_count()) + 1;  // the first number past the table
  CHECK(nacre_aead_key_new(&bad, past, 0, k.data(), 32) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_key_new(&bad, NACRE_AEAD_AES_256_GCM, 3, k.data(), 32) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_key_new(&bad, NACRE_AEAD_AEGIS_256, NACRE_BACKEND_BORINGSSL, k.data(), 32) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_key_new(nullptr, NACRE_AEAD_AES_256_GCM, 0, k.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  for (int a : {0, past, -1}) {
    CHECK(nacre_aead_key_len(a) == 0);
    CHECK(nacre_aead_nonce_len(a) == 0);
    CHECK(nacre_aead_tag_len(a) == 0);
    CHECK(nacre_aead_is_available(a, 0) == NACRE_ERR_UNSUPPORTED);
  }
  CHECK(nacre_aead_is_available(NACRE_AEAD_AES_128_GCM, NACRE_BACKEND_SODIUM) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_is_available(NACRE_AEAD_AEGIS_128L, NACRE_BACKEND_AUTOMATIC) == NACRE_OK);

  // Freed, wrong-type and NULL handles.
  nacre_aead_key_free(gcm);
  nacre_hash_ctx *h = nullptr;
  REQUIRE(nacre_hash_ctx_new(&h, NACRE_HASH_SHA256, 0) == NACRE_OK);
  for (const nacre_aead_key *k2 : {static_cast<const nacre_aead_key *>(gcm), reinterpret_cast<const nacre_aead_key *>(h),
                                   static_cast<const nacre_aead_key *>(nullptr)}) {
    Guarded o(64);
    CHECK(nacre_aead_seal(k2, o.data(), o.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    CHECK(o.zeroed());
    CHECK(nacre_aead_open(k2, o.data(), o.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    size_t tl = 0;
    Guarded tag(16);
    CHECK(nacre_aead_seal_detached(k2, o.data(), o.cap(), &len, tag.data(), tag.cap(), &tl, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    CHECK(tag.zeroed());
    CHECK(nacre_aead_open_detached(k2, o.data(), o.cap(), &len, nonce.data(), 12, msg.data(), 10, msg.data() + 10, 16, nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_aead_seal_with_random_nonce(k2, o.data(), o.cap(), &len, msg.data(), 5, nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_aead_open_with_nonce_prefix(k2, o.data(), o.cap(), &len, msg.data(), 30, nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    nacre_aead_key_free(const_cast<nacre_aead_key *>(k2));  // ignored
  }
  nacre_hash_ctx_free(h);
  nacre_aead_key_free(key);
}

TEST_CASE("AEAD one-shot functions match the key-handle functions", "[capi][aead]") {
  for (int alg : kAlgs) {
    for (int b : {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      if (nacre_aead_is_available(alg, b) != NACRE_OK) continue;
      INFO("alg " << alg << " backend " << b);
      const size_t ns = nacre_aead_nonce_len(alg), ts = nacre_aead_tag_len(alg);
      const Bytes k = random(nacre_aead_key_len(alg)), nonce = random(ns), msg = random(77),
                  ad = random(9);
      nacre_aead_key *key = nullptr;
      REQUIRE(nacre_aead_key_new(&key, alg, b, k.data(), k.size()) == NACRE_OK);
      Bytes expected(msg.size() + ts);
      size_t len = 0;
      REQUIRE(nacre_aead_seal(key, expected.data(), expected.size(), &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      nacre_aead_key_free(key);

      CHECK(nacre_aead_seal_oneshot(alg, b, k.data(), k.size(), nullptr, 0, &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
      CHECK(len == msg.size() + ts);
      Guarded ct(len);
      REQUIRE(nacre_aead_seal_oneshot(alg, b, k.data(), k.size(), ct.data(), ct.cap(), &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(ct.bytes(len) == expected);
      CHECK(ct.fences_intact());
      Guarded pt(msg.size());
      REQUIRE(nacre_aead_open_oneshot(alg, b, k.data(), k.size(), pt.data(), pt.cap(), &len, nonce.data(), ns, expected.data(), expected.size(), ad.data(), ad.size()) == NACRE_OK);
      CHECK(pt.bytes(len) == msg);
      CHECK(pt.fences_intact());

      // Failed authentication: zeroed output, no length.
      Bytes bad = expected;
      bad[3] ^= 1;
      CHECK(nacre_aead_open_oneshot(alg, b, k.data(), k.size(), pt.data(), pt.cap(), &len, nonce.data(), ns, bad.data(), bad.size(), ad.data(), ad.size()) == NACRE_ERR_VERIFICATION_FAILED);
      CHECK(pt.zeroed());
      CHECK(len == 0);
      CHECK(nacre_aead_open_oneshot(alg, b, k.data(), k.size(), pt.data(), pt.cap(), &len, nonce.data(), ns, expected.data(), ts - 1, ad.data(), ad.size()) == NACRE_ERR_VERIFICATION_FAILED);
    }
  }
}

TEST_CASE("AEAD one-shot bad arguments", "[capi][aead][errors]") {
  const int alg = NACRE_AEAD_CHACHA20_POLY1305;
  const Bytes k = random(32), nonce = random(12), msg = random(30);
  Guarded out(msg.size() + 16);
  size_t len = 0;
  // The key is checked first: its errors are those of nacre_aead_key_new.
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 31, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_KEY);
  CHECK(out.zeroed());
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, nullptr, 32, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal_oneshot(0, NACRE_BACKEND_AUTOMATIC, k.data(), 32, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_seal_oneshot(alg, 9, k.data(), 32, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_open_oneshot(NACRE_AEAD_AEGIS_128L, NACRE_BACKEND_BORINGSSL, k.data(), 16, out.data(), out.cap(), &len, nonce.data(), 16, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(out.zeroed());
  // Then the arguments of nacre_aead_seal.
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 32, out.data(), out.cap(), &len, nonce.data(), 11, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 32, out.data(), out.cap(), nullptr, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 32, out.data(), out.cap(), &len, nonce.data(), 12, msg.data(), SIZE_MAX, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 32, out.data(), out.cap() - 1, &len, nonce.data(), 12, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == out.cap());
  CHECK(out.zeroed());
  CHECK(out.fences_intact());
  Bytes buf(100);
  CHECK(nacre_aead_seal_oneshot(alg, NACRE_BACKEND_AUTOMATIC, k.data(), 32, buf.data() + 1, 46, &len, nonce.data(), 12, buf.data(), 30, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
}
