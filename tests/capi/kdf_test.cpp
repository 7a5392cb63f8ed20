// The key-derivation C ABI: known answers and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "capi_checks.hpp"
#include "guarded.hpp"
#include "nacre.h"
#include "vectors.hpp"

using nacre::test::expect_failure;
using nacre::test::Guarded;

namespace {

const int kBackends[] = {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM};
// The hashes the library's table offers HKDF and PBKDF2 over, and the others (with two numbers
// outside the table).
std::vector<int> hashes(bool with_kdf) {
  std::vector<int> out;
  if (!with_kdf) out = {0, static_cast<int>(nacre_hash_count()) + 1};
  for (size_t i = 0; i < nacre_hash_count(); ++i) {
    nacre_hash_info h{};  // zeroed if describe failed: then listed under neither, and tests see it
    if (nacre_hash_describe(nacre_hash_at(i), &h, sizeof h) != NACRE_OK) continue;
    if (((h.flags & NACRE_HASH_FLAG_KDF) != 0) == with_kdf) out.push_back(h.alg);
  }
  return out;
}
const std::vector<int> kHkdfAlgs = hashes(true);
const uint8_t kIkm[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
const uint8_t kSalt[] = {'s', 'a', 'l', 't'};
const uint8_t kInfo[] = {'i', 'n', 'f', 'o'};

int alg_number(const std::string &name) {
  const int alg = nacre_hash_from_name(name.c_str());
  if (alg == 0) FAIL("unknown algorithm " << name);
  return alg;
}

// libsodium's HKDF runs over its HMACs.
bool hkdf_on(int alg, int backend) { return nacre_hmac_is_available(alg, backend) == NACRE_OK; }

}  // namespace

TEST_CASE("kdf: HKDF known answers through the C ABI", "[capi][kdf][hkdf][kat]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("hkdf.txt")) {
    const int alg = alg_number(v.str("ALG"));
    const auto ikm = v.bytes("IKM");
    const auto salt = v.bytes("SALT");
    const auto info = v.bytes("INFO");
    const auto okm = v.bytes("OKM");
    for (int b : kBackends) {
      INFO("hkdf.txt line " << v.line << " backend " << b);
      Guarded out(okm.size());
      const int rc = nacre_hkdf(alg, b, out.data(), okm.size(), ikm.data(), ikm.size(),
                                salt.data(), salt.size(), info.data(), info.size());
      if (!hkdf_on(alg, b)) {
        CHECK(rc == NACRE_ERR_UNSUPPORTED);
        CHECK(out.zeroed());
        continue;
      }
      REQUIRE(rc == NACRE_OK);
      CHECK(out.bytes(okm.size()) == okm);
      CHECK(out.fences_intact());
      Guarded prk(64);
      size_t prk_len = 0;
      REQUIRE(nacre_hkdf_extract(alg, b, prk.data(), prk.cap(), &prk_len, ikm.data(), ikm.size(),
                                 salt.data(), salt.size()) == NACRE_OK);
      CHECK(prk_len == nacre_hash_digest_len(alg));
      CHECK(prk.fences_intact());
      if (v.fields.count("PRK") != 0) CHECK(prk.bytes(prk_len) == v.bytes("PRK"));
      Guarded out2(okm.size());
      REQUIRE(nacre_hkdf_expand(alg, b, out2.data(), okm.size(), prk.data(), prk_len, info.data(),
                                info.size()) == NACRE_OK);
      CHECK(out2.bytes(okm.size()) == okm);
      CHECK(out2.fences_intact());
      ++checked;
    }
  }
  CHECK(checked > 20);
}

TEST_CASE("kdf: HKDF through the C ABI: sizes and bad arguments", "[capi][kdf][hkdf][errors]") {
  for (int alg : kHkdfAlgs) {
    const size_t max = nacre_hkdf_max_len(alg);
    CHECK(max == 255 * nacre_hash_digest_len(alg));
    for (int b : kBackends) {
      if (!hkdf_on(alg, b)) continue;
      INFO("alg " << alg << " backend " << b);
      Guarded full(max);
      CHECK(nacre_hkdf(alg, b, full.data(), max, kIkm, sizeof kIkm, nullptr, 0, nullptr, 0) == NACRE_OK);
      CHECK(full.fences_intact());
      auto hkdf = [&](const uint8_t *ikm, size_t ikm_len, const uint8_t *salt, size_t salt_len,
                      const uint8_t *info, size_t info_len) {
        return [=](uint8_t *out, size_t n) {
          return nacre_hkdf(alg, b, out, n, ikm, ikm_len, salt, salt_len, info, info_len);
        };
      };
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, max + 1, hkdf(kIkm, 16, kSalt, 4, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 0, hkdf(kIkm, 16, kSalt, 4, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(nullptr, 16, kSalt, 4, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(kIkm, 16, nullptr, 4, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(kIkm, 16, kSalt, 4, nullptr, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(kIkm, SIZE_MAX, kSalt, 4, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(kIkm, 16, kSalt, SIZE_MAX, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, hkdf(kIkm, 16, kSalt, 4, kInfo, SIZE_MAX));
      CHECK(nacre_hkdf(alg, b, nullptr, 32, kIkm, 16, kSalt, 4, kInfo, 4) == NACRE_ERR_INVALID_ARGUMENT);
      CHECK(nacre_hkdf(alg, b, full.data(), SIZE_MAX, kIkm, 16, kSalt, 4, kInfo, 4) == NACRE_ERR_INVALID_ARGUMENT);

      // Extract: the out/cap/len triple.
      const size_t need = nacre_hash_digest_len(alg);
      size_t len = 0;
      CHECK(nacre_hkdf_extract(alg, b, nullptr, 0, &len, kIkm, 16, kSalt, 4) == NACRE_ERR_BUFFER_TOO_SMALL);
      CHECK(len == need);
      Guarded small(need - 1);
      CHECK(nacre_hkdf_extract(alg, b, small.data(), small.cap(), &len, kIkm, 16, kSalt, 4) == NACRE_ERR_BUFFER_TOO_SMALL);
      CHECK(len == need);
      CHECK(small.zeroed());
      CHECK(small.fences_intact());
      Guarded prk(need + 10);
      CHECK(nacre_hkdf_extract(alg, b, prk.data(), prk.cap(), nullptr, kIkm, 16, kSalt, 4) == NACRE_ERR_INVALID_ARGUMENT);
      CHECK(prk.zeroed());
      CHECK(nacre_hkdf_extract(alg, b, prk.data(), prk.cap(), &len, nullptr, 16, kSalt, 4) == NACRE_ERR_INVALID_ARGUMENT);
      CHECK(len == 0);
      CHECK(nacre_hkdf_extract(alg, b, prk.data(), prk.cap(), &len, kIkm, 16, kSalt, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
      CHECK(nacre_hkdf_extract(alg, b, nullptr, 64, &len, kIkm, 16, kSalt, 4) == NACRE_ERR_INVALID_ARGUMENT);
      REQUIRE(nacre_hkdf_extract(alg, b, prk.data(), prk.cap(), &len, nullptr, 0, nullptr, 0) == NACRE_OK);
      CHECK(len == need);
      CHECK(prk.fences_intact());

      // Expand: the PRK must have the hash's length.
      auto expand = [&](const uint8_t *p, size_t p_len, const uint8_t *info, size_t info_len) {
        return [=](uint8_t *out, size_t n) {
          return nacre_hkdf_expand(alg, b, out, n, p, p_len, info, info_len);
        };
      };
      Guarded okm(42);
      CHECK(nacre_hkdf_expand(alg, b, okm.data(), 42, prk.data(), need, kInfo, 4) == NACRE_OK);
      CHECK(okm.fences_intact());
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 42, expand(prk.data(), need - 1, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 42, expand(prk.data(), need + 1, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 42, expand(prk.data(), 0, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 42, expand(nullptr, need, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 42, expand(prk.data(), need, nullptr, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 0, expand(prk.data(), need, kInfo, 4));
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, max + 1, expand(prk.data(), need, kInfo, 4));
    }
  }
  // Unknown and unsupported algorithms and backends.
  for (int alg : hashes(false)) {
    INFO("alg " << alg);
    CHECK(nacre_hkdf_max_len(alg) == 0);
    expect_failure(NACRE_ERR_UNSUPPORTED, 32, [&](uint8_t *out, size_t n) {
      return nacre_hkdf(alg, 0, out, n, kIkm, 16, kSalt, 4, kInfo, 4);
    });
    expect_failure(NACRE_ERR_UNSUPPORTED, 32, [&](uint8_t *out, size_t n) {
      return nacre_hkdf_expand(alg, 0, out, n, kIkm, 16, kInfo, 4);
    });
    size_t len = 0;
    Guarded prk(64);
    CHECK(nacre_hkdf_extract(alg, 0, prk.data(), prk.cap(), &len, kIkm, 16, kSalt, 4) == NACRE_ERR_UNSUPPORTED);
    CHECK(prk.zeroed());
  }
  for (int b : {-1, 3, 99}) {
    expect_failure(NACRE_ERR_UNSUPPORTED, 32, [&](uint8_t *out, size_t n) {
      return nacre_hkdf(NACRE_HASH_SHA256, b, out, n, kIkm, 16, kSalt, 4, kInfo, 4);
    });
    size_t len = 0;
    CHECK(nacre_hkdf_extract(NACRE_HASH_SHA256, b, nullptr, 0, &len, kIkm, 16, kSalt, 4) == NACRE_ERR_UNSUPPORTED);
  }
  size_t len = 0;
  CHECK(nacre_hkdf_extract(NACRE_HASH_SHA384, NACRE_BACKEND_SODIUM, nullptr, 0, &len, kIkm, 16, kSalt, 4) == NACRE_ERR_UNSUPPORTED);
  // An output overlapping |info| is refused (and, like any failed output, zeroed).
  std::vector<uint8_t> buf(64, 9);
  CHECK(nacre_hkdf(NACRE_HASH_SHA256, 0, buf.data() + 8, 32, kIkm, 16, nullptr, 0, buf.data(), 16) == NACRE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("kdf: PBKDF2 through the C ABI", "[capi][kdf][pbkdf2]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("pbkdf2.txt")) {
    INFO("pbkdf2.txt line " << v.line);
    const auto pw = v.bytes("PASSWORD");
    const auto salt = v.bytes("SALT");
    const auto dk = v.bytes("DK");
    Guarded out(dk.size());
    REQUIRE(nacre_pbkdf2(alg_number(v.str("ALG")), out.data(), dk.size(), pw.data(), pw.size(),
                         salt.data(), salt.size(), std::stoull(v.str("ITERATIONS"))) == NACRE_OK);
    CHECK(out.bytes(dk.size()) == dk);
    CHECK(out.fences_intact());
    ++checked;
  }
  CHECK(checked > 10);

  const uint8_t pw[] = {'p', 'w'};
  auto pbkdf2 = [&](int alg, const uint8_t *p, size_t p_len, const uint8_t *s, size_t s_len,
                    uint64_t iterations) {
    return [=](uint8_t *out, size_t n) { return nacre_pbkdf2(alg, out, n, p, p_len, s, s_len, iterations); };
  };
  Guarded ok(NACRE_PBKDF2_MAX_LEN);
  CHECK(nacre_pbkdf2(NACRE_HASH_SHA512, ok.data(), ok.cap(), nullptr, 0, nullptr, 0, 1) == NACRE_OK);
  CHECK(ok.fences_intact());
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, NACRE_PBKDF2_MAX_LEN + 1, pbkdf2(NACRE_HASH_SHA256, pw, 2, kSalt, 4, 1));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 0, pbkdf2(NACRE_HASH_SHA256, pw, 2, kSalt, 4, 1));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, pw, 2, kSalt, 4, 0));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, pw, 2, kSalt, 4, UINT64_C(1) << 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, pw, 2, kSalt, 4, UINT64_MAX));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, nullptr, 2, kSalt, 4, 1));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, pw, 2, nullptr, 4, 1));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA256, pw, SIZE_MAX, kSalt, 4, 1));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, pbkdf2(NACRE_HASH_SHA512, pw, 2, kSalt, SIZE_MAX, 1));
  for (int alg : hashes(false)) {
    INFO("alg " << alg);
    expect_failure(NACRE_ERR_UNSUPPORTED, 32, pbkdf2(alg, pw, 2, kSalt, 4, 1));
  }
  CHECK(nacre_pbkdf2(NACRE_HASH_SHA256, nullptr, 32, pw, 2, kSalt, 4, 1) == NACRE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("kdf: crypto_kdf through the C ABI", "[capi][kdf][blake2b]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("kdf_blake2b.txt")) {
    INFO("kdf_blake2b.txt line " << v.line);
    const auto key = v.bytes("KEY");
    const auto ctx = v.bytes("CONTEXT");
    const auto subkey = v.bytes("SUBKEY");
    Guarded out(subkey.size());
    REQUIRE(nacre_kdf_derive(out.data(), subkey.size(), std::stoull(v.str("SUBKEY_ID")),
                             ctx.data(), ctx.size(), key.data(), key.size()) == NACRE_OK);
    CHECK(out.bytes(subkey.size()) == subkey);
    CHECK(out.fences_intact());
    ++checked;
  }
  CHECK(checked > 50);

  const std::vector<uint8_t> key(NACRE_KDF_KEY_LEN + 1, 0x42);
  const uint8_t ctx[NACRE_KDF_CONTEXT_LEN + 1] = {'c', 'o', 'n', 't', 'e', 'x', 't', 's', '!'};
  auto derive = [&](const uint8_t *c, size_t c_len, const uint8_t *k, size_t k_len) {
    return [=](uint8_t *out, size_t n) { return nacre_kdf_derive(out, n, 7, c, c_len, k, k_len); };
  };
  for (size_t n : {size_t{0}, size_t{NACRE_KDF_MIN_LEN - 1}, size_t{NACRE_KDF_MAX_LEN + 1}}) {
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, n, derive(ctx, 8, key.data(), 32));
  }
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 8, key.data(), 31));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 8, key.data(), 33));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 7, key.data(), 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 9, key.data(), 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(nullptr, 8, key.data(), 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 8, nullptr, 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 0, key.data(), 32));
  expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(ctx, 8, key.data(), SIZE_MAX));
  CHECK(nacre_kdf_derive(nullptr, 32, 7, ctx, 8, key.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  Guarded a(NACRE_KDF_MAX_LEN);
  Guarded b(NACRE_KDF_MAX_LEN);
  REQUIRE(nacre_kdf_derive(a.data(), a.cap(), 0, ctx, 8, key.data(), 32) == NACRE_OK);
  REQUIRE(nacre_kdf_derive(b.data(), b.cap(), UINT64_MAX, ctx, 8, key.data(), 32) == NACRE_OK);
  CHECK(a.bytes(a.cap()) != b.bytes(b.cap()));
  CHECK(a.fences_intact());
  CHECK(b.fences_intact());
}
