// The HMAC C ABI: known answers and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>

#include "guarded.hpp"
#include "nacre.h"
#include "vectors.hpp"

using nacre::test::Guarded;

namespace {
const uint8_t kKey[] = "key";
const uint8_t kMsg[] = "The quick brown fox jumps over the lazy dog";
const size_t kMsgLen = sizeof kMsg - 1;

int alg_number(const std::string &name) {
  const int alg = nacre_hash_from_name(name.c_str());
  if (alg == 0) FAIL("unknown algorithm " << name);
  return alg;
}
}  // namespace

TEST_CASE("HMAC known answers through the C ABI (RFC 4231)", "[capi][hmac][kat]") {
  int checked = 0, expected = 0;
  for (const auto &v : nacre::test::read_vectors("hmac.txt")) {
    const int alg = alg_number(v.str("ALG"));
    CHECK(nacre_hmac_len(alg) != 0);  // a hash HMAC is offered with
    const auto key = v.bytes("KEY");
    const auto msg = v.bytes("MSG");
    const auto mac = v.bytes("MAC");
    for (int b : {(int)NACRE_BACKEND_AUTOMATIC, (int)NACRE_BACKEND_BORINGSSL, (int)NACRE_BACKEND_SODIUM}) {
      if (nacre_hmac_is_available(alg, b) != NACRE_OK) continue;
      ++expected;
      INFO("hmac.txt line " << v.line << " backend " << b);
      Guarded out(64);
      size_t len = 0;
      REQUIRE(nacre_hmac(alg, b, out.data(), out.cap(), &len, key.data(), key.size(), msg.data(), msg.size()) == NACRE_OK);
      CHECK(len == nacre_hmac_len(alg));
      CHECK(out.bytes(mac.size()) == mac);
      CHECK(out.fences_intact());
      const auto full = out.bytes(len);
      CHECK(nacre_hmac_verify(alg, b, full.data(), full.size(), key.data(), key.size(), msg.data(), msg.size()) == NACRE_OK);
      nacre_hmac_ctx *ctx = nullptr;
      REQUIRE(nacre_hmac_ctx_new(&ctx, alg, b, key.data(), key.size()) == NACRE_OK);
      REQUIRE(nacre_hmac_ctx_update(ctx, msg.data(), msg.size()) == NACRE_OK);
      CHECK(nacre_hmac_ctx_verify(ctx, full.data(), full.size()) == NACRE_OK);
      nacre_hmac_ctx_free(ctx);
      ++checked;
    }
  }
  CHECK(checked == expected);
  CHECK(checked >= 3 * 7);  // at least RFC 4231's seven cases on the automatic backend
}

TEST_CASE("HMAC verify rejects wrong tags of every kind", "[capi][hmac][errors]") {
  uint8_t tag[32];
  size_t len = 0;
  REQUIRE(nacre_hmac(NACRE_HASH_SHA256, 0, tag, sizeof tag, &len, kKey, 3, kMsg, kMsgLen) == NACRE_OK);
  for (size_t bit = 0; bit < 256; bit += 5) {
    uint8_t bad[32];
    std::copy(tag, tag + 32, bad);
    bad[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, bad, 32, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_VERIFICATION_FAILED);
  }
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 16, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 0, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 32, kKey, 2, kMsg, kMsgLen) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, nullptr, 32, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 32, nullptr, 3, kMsg, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 32, kKey, 3, nullptr, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, 0, tag, 32, kKey, SIZE_MAX, kMsg, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA3_256, 0, tag, 32, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA384, NACRE_BACKEND_SODIUM, tag, 32, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_hmac_verify(99, 0, tag, 32, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_UNSUPPORTED);
}

TEST_CASE("one-shot HMAC: size query and bad arguments", "[capi][hmac][errors]") {
  for (int alg : {(int)NACRE_HASH_SHA256, (int)NACRE_HASH_SHA384, (int)NACRE_HASH_SHA512}) {
    const size_t need = nacre_hmac_len(alg);
    size_t len = 0;
    CHECK(nacre_hmac(alg, 0, nullptr, 0, &len, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == need);
    Guarded small(need - 1);
    CHECK(nacre_hmac(alg, 0, small.data(), small.cap(), &len, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(small.zeroed());
    CHECK(small.fences_intact());
    Guarded out(need);
    CHECK(nacre_hmac(alg, 0, out.data(), out.cap(), &len, nullptr, 0, nullptr, 0) == NACRE_OK);  // empty key and message
    CHECK(nacre_hmac(alg, 0, out.data(), out.cap(), &len, nullptr, 1, kMsg, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(out.zeroed());
    CHECK(nacre_hmac(alg, 0, out.data(), out.cap(), &len, kKey, 3, kMsg, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_hmac(alg, 0, out.data(), out.cap(), nullptr, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_hmac(alg, 7, out.data(), out.cap(), &len, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_UNSUPPORTED);
  }
  size_t len = 0;
  uint8_t out[64];
  for (int alg : std::initializer_list<int>{0, NACRE_HASH_SHA512_256, NACRE_HASH_SHA3_256, NACRE_HASH_BLAKE2B, NACRE_HASH_SHAKE128, 77}) {
    CHECK(nacre_hmac_len(alg) == 0);
    CHECK(nacre_hmac(alg, 0, out, sizeof out, &len, kKey, 3, kMsg, kMsgLen) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_hmac_is_available(alg, 0) == NACRE_ERR_UNSUPPORTED);
    nacre_hmac_ctx *ctx = nullptr;
    CHECK(nacre_hmac_ctx_new(&ctx, alg, 0, kKey, 3) == NACRE_ERR_UNSUPPORTED);
    CHECK(ctx == nullptr);
  }
  CHECK(nacre_hmac_is_available(NACRE_HASH_SHA384, NACRE_BACKEND_SODIUM) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_hmac_is_available(NACRE_HASH_SHA384, NACRE_BACKEND_BORINGSSL) == NACRE_OK);
}

TEST_CASE("HMAC handles: final is repeatable, copy forks, bad handles", "[capi][hmac]") {
  nacre_hmac_ctx *ctx = nullptr;
  CHECK(nacre_hmac_ctx_new(nullptr, NACRE_HASH_SHA512, 0, kKey, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hmac_ctx_new(&ctx, NACRE_HASH_SHA512, 0, nullptr, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(ctx == nullptr);
  REQUIRE(nacre_hmac_ctx_new(&ctx, NACRE_HASH_SHA512, NACRE_BACKEND_SODIUM, kKey, 3) == NACRE_OK);
  REQUIRE(nacre_hmac_ctx_update(ctx, kMsg, 10) == NACRE_OK);
  nacre_hmac_ctx *fork = nullptr;
  REQUIRE(nacre_hmac_ctx_copy(ctx, &fork) == NACRE_OK);
  REQUIRE(nacre_hmac_ctx_update(ctx, kMsg + 10, kMsgLen - 10) == NACRE_OK);
  uint8_t a[64], b[64], want[64];
  size_t len = 0;
  REQUIRE(nacre_hmac_ctx_digest(ctx, a, sizeof a, &len) == NACRE_OK);
  REQUIRE(nacre_hmac_ctx_digest(ctx, b, sizeof b, &len) == NACRE_OK);
  REQUIRE(nacre_hmac(NACRE_HASH_SHA512, NACRE_BACKEND_BORINGSSL, want, sizeof want, &len, kKey, 3, kMsg, kMsgLen) == NACRE_OK);
  CHECK(std::equal(a, a + 64, want));
  CHECK(std::equal(b, b + 64, want));
  REQUIRE(nacre_hmac_ctx_digest(fork, a, sizeof a, &len) == NACRE_OK);
  REQUIRE(nacre_hmac(NACRE_HASH_SHA512, 0, want, sizeof want, &len, kKey, 3, kMsg, 10) == NACRE_OK);
  CHECK(std::equal(a, a + 64, want));
  CHECK(nacre_hmac_ctx_verify(fork, want, 64) == NACRE_OK);
  want[0] ^= 1;
  CHECK(nacre_hmac_ctx_verify(fork, want, 64) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_hmac_ctx_verify(fork, nullptr, 64) == NACRE_ERR_INVALID_ARGUMENT);
  Guarded small(63);
  CHECK(nacre_hmac_ctx_digest(ctx, small.data(), small.cap(), &len) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == 64);
  CHECK(small.zeroed());
  CHECK(small.fences_intact());
  CHECK(nacre_hmac_ctx_update(ctx, nullptr, 2) == NACRE_ERR_INVALID_ARGUMENT);

  // Wrong type, freed, and not-a-handle.
  nacre_hash_ctx *h = nullptr;
  REQUIRE(nacre_hash_ctx_new(&h, NACRE_HASH_SHA256, 0) == NACRE_OK);
  auto *wrong = reinterpret_cast<nacre_hmac_ctx *>(h);
  CHECK(nacre_hmac_ctx_update(wrong, kMsg, 1) == NACRE_ERR_INVALID_HANDLE);
  CHECK(nacre_hmac_ctx_digest(wrong, a, sizeof a, &len) == NACRE_ERR_INVALID_HANDLE);
  CHECK(nacre_hmac_ctx_verify(wrong, a, 32) == NACRE_ERR_INVALID_HANDLE);
  nacre_hmac_ctx_free(wrong);
  nacre_hash_ctx_free(h);
  nacre_hmac_ctx_free(fork);
  CHECK(nacre_hmac_ctx_update(fork, kMsg, 1) == NACRE_ERR_INVALID_HANDLE);
  Guarded out(64);
  CHECK(nacre_hmac_ctx_digest(fork, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_HANDLE);
  CHECK(out.zeroed());
  nacre_hmac_ctx *c2 = nullptr;
  CHECK(nacre_hmac_ctx_copy(fork, &c2) == NACRE_ERR_INVALID_HANDLE);
  CHECK(c2 == nullptr);
  CHECK(nacre_hmac_ctx_copy(ctx, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
  nacre_hmac_ctx_free(fork);
  nacre_hmac_ctx_free(nullptr);
  nacre_hmac_ctx_free(ctx);
}
