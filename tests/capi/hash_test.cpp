// The hashing C ABI: known answers through the ABI and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"
#include "vectors.hpp"

using nacre::test::Guarded;

namespace {

// Every hash the library lists.
std::vector<int> all_algs() {
  std::vector<int> out;
  for (size_t i = 0; i < nacre_hash_count(); ++i) out.push_back(nacre_hash_at(i));
  return out;
}
const std::vector<int> kAlgs = all_algs();
const int kBackends[] = {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM};
const uint8_t kMsg[] = {'a', 'b', 'c'};

int alg_number(const std::string &name) {
  const int alg = nacre_hash_from_name(name.c_str());
  if (alg == 0) FAIL("unknown algorithm " << name);
  return alg;
}

}  // namespace

TEST_CASE("hash known answers through the C ABI", "[capi][hash][kat]") {
  int checked = 0;
  for (const char *file : {"sha2.txt", "sha3.txt", "sha1_md5.txt"}) {
    for (const auto &v : nacre::test::read_vectors(file)) {
      const int alg = alg_number(v.str("ALG"));
      const auto msg = v.bytes("MSG");
      const auto md = v.bytes("MD");
      for (int b : kBackends) {
        if (nacre_hash_is_available(alg, b) != NACRE_OK) continue;
        INFO(file << " line " << v.line << " backend " << b);
        Guarded out(md.size());
        if (nacre_hash_digest_len(alg) == 0) {
          REQUIRE(nacre_xof(alg, out.data(), md.size(), msg.data(), msg.size()) == NACRE_OK);
        } else {
          size_t len = 0;
          REQUIRE(nacre_hash(alg, b, out.data(), out.cap(), &len, msg.data(), msg.size()) == NACRE_OK);
          CHECK(len == md.size());
        }
        CHECK(out.bytes(md.size()) == md);
        CHECK(out.fences_intact());
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("BLAKE2b known answers through the C ABI", "[capi][hash][kat]") {
  for (const auto &v : nacre::test::read_vectors("blake2b.txt")) {
    const auto key = v.bytes("KEY");
    const auto msg = v.bytes("MSG");
    const auto md = v.bytes("MD");
    Guarded out(md.size());
    REQUIRE(nacre_blake2b(out.data(), md.size(), key.data(), key.size(), msg.data(), msg.size()) == NACRE_OK);
    CHECK(out.bytes(md.size()) == md);
    nacre_hash_ctx *ctx = nullptr;
    REQUIRE(nacre_hash_ctx_new_blake2b(&ctx, md.size(), key.data(), key.size()) == NACRE_OK);
    REQUIRE(nacre_hash_ctx_update(ctx, msg.data(), msg.size()) == NACRE_OK);
    Guarded out2(md.size());
    size_t len = 0;
    REQUIRE(nacre_hash_ctx_digest(ctx, out2.data(), out2.cap(), &len) == NACRE_OK);
    CHECK(out2.bytes(len) == md);
    nacre_hash_ctx_free(ctx);
  }
}

TEST_CASE("one-shot hash: size query, too small, bad arguments", "[capi][hash][errors]") {
  for (int alg : kAlgs) {
    const size_t need = nacre_hash_digest_len(alg);
    if (need == 0) continue;
    INFO("alg " << alg);
    size_t len = 123;
    CHECK(nacre_hash(alg, 0, nullptr, 0, &len, kMsg, 3) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == need);
    Guarded small(need - 1);
    len = 0;
    CHECK(nacre_hash(alg, 0, small.data(), small.cap(), &len, kMsg, 3) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == need);
    CHECK(small.zeroed());
    CHECK(small.fences_intact());
    Guarded big(need + 10);
    CHECK(nacre_hash(alg, 0, big.data(), big.cap(), &len, nullptr, 0) == NACRE_OK);
    CHECK(len == need);
    CHECK(big.fences_intact());
    CHECK(big.bytes(need + 10)[need] == Guarded::kFill);  // nothing past the digest
    Guarded out(need);
    CHECK(nacre_hash(alg, 0, out.data(), out.cap(), &len, nullptr, 5) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(out.zeroed());
    CHECK(len == 0);
    CHECK(nacre_hash(alg, 0, out.data(), out.cap(), &len, kMsg, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_hash(alg, 0, out.data(), out.cap(), nullptr, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_hash(alg, 0, nullptr, 64, &len, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_hash(alg, 3, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_hash(alg, -1, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
  }
  size_t len = 0;
  Guarded out(64);
  for (int bad : {0, static_cast<int>(nacre_hash_count()) + 1, -1, 1000}) {
    CHECK(nacre_hash(bad, 0, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_hash_digest_len(bad) == 0);
    CHECK(nacre_hash_block_len(bad) == 0);
    CHECK(nacre_hash_is_available(bad, 0) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_xof(bad, out.data(), 10, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
    nacre_hash_ctx *ctx = reinterpret_cast<nacre_hash_ctx *>(&len);
    CHECK(nacre_hash_ctx_new(&ctx, bad, 0) == NACRE_ERR_UNSUPPORTED);
    CHECK(ctx == nullptr);
  }
  // Algorithm a backend lacks, XOF through nacre_hash, fixed hash through nacre_xof.
  CHECK(nacre_hash(NACRE_HASH_SHA384, NACRE_BACKEND_SODIUM, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_hash(NACRE_HASH_SHA3_256, NACRE_BACKEND_BORINGSSL, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_hash(NACRE_HASH_SHAKE128, 0, out.data(), out.cap(), &len, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(out.zeroed());
  CHECK(nacre_xof(NACRE_HASH_SHA256, out.data(), 32, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(out.zeroed());
  CHECK(nacre_xof(NACRE_HASH_SHAKE128, nullptr, 1, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_xof(NACRE_HASH_SHAKE128, out.data(), 0, kMsg, 3) == NACRE_OK);
  CHECK(nacre_xof(NACRE_HASH_SHAKE128, out.data(), 10, nullptr, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(out.fences_intact());
}

TEST_CASE("BLAKE2b bad lengths", "[capi][hash][errors]") {
  Guarded out(65);
  uint8_t key[65] = {0};
  CHECK(nacre_blake2b(out.data(), 15, key, 0, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_blake2b(out.data(), 65, key, 0, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(out.zeroed());
  CHECK(nacre_blake2b(out.data(), 32, key, 65, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_blake2b(out.data(), 32, nullptr, 16, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_blake2b(nullptr, 32, key, 16, kMsg, 3) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_blake2b(out.data(), 16, key, 64, kMsg, 3) == NACRE_OK);
  CHECK(out.fences_intact());
  nacre_hash_ctx *ctx = nullptr;
  CHECK(nacre_hash_ctx_new_blake2b(&ctx, 0, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_new_blake2b(&ctx, 64, key, 65) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_new_blake2b(&ctx, 64, nullptr, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_new_blake2b(nullptr, 64, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(ctx == nullptr);
}

TEST_CASE("hash handles: copy, digest does not finalise, XOF reads", "[capi][hash]") {
  nacre_hash_ctx *ctx = nullptr;
  REQUIRE(nacre_hash_ctx_new(&ctx, NACRE_HASH_SHA256, NACRE_BACKEND_SODIUM) == NACRE_OK);
  REQUIRE(nacre_hash_ctx_update(ctx, kMsg, 2) == NACRE_OK);
  nacre_hash_ctx *fork = nullptr;
  REQUIRE(nacre_hash_ctx_copy(ctx, &fork) == NACRE_OK);
  REQUIRE(nacre_hash_ctx_update(ctx, kMsg + 2, 1) == NACRE_OK);
  uint8_t a[32], b[32], want[32];
  size_t len = 0;
  REQUIRE(nacre_hash_ctx_digest(ctx, a, sizeof a, &len) == NACRE_OK);
  REQUIRE(nacre_hash_ctx_digest(ctx, b, sizeof b, &len) == NACRE_OK);
  REQUIRE(nacre_hash(NACRE_HASH_SHA256, NACRE_BACKEND_BORINGSSL, want, sizeof want, &len, kMsg, 3) == NACRE_OK);
  CHECK(std::equal(a, a + 32, want));
  CHECK(std::equal(b, b + 32, want));
  REQUIRE(nacre_hash_ctx_digest(fork, a, sizeof a, &len) == NACRE_OK);
  REQUIRE(nacre_hash(NACRE_HASH_SHA256, 0, want, sizeof want, &len, kMsg, 2) == NACRE_OK);
  CHECK(std::equal(a, a + 32, want));
  size_t dl = 0;
  CHECK(nacre_hash_ctx_digest_len(ctx, &dl) == NACRE_OK);
  CHECK(dl == 32);
  CHECK(nacre_hash_ctx_digest_len(ctx, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
  nacre_hash_ctx_free(fork);
  nacre_hash_ctx_free(ctx);

  nacre_hash_ctx *x = nullptr;
  REQUIRE(nacre_hash_ctx_new(&x, NACRE_HASH_SHAKE256, 0) == NACRE_OK);
  REQUIRE(nacre_hash_ctx_update(x, kMsg, 3) == NACRE_OK);
  Guarded long_out(500);
  REQUIRE(nacre_hash_ctx_xof(x, long_out.data(), 500) == NACRE_OK);
  Guarded one_shot(500);
  REQUIRE(nacre_xof(NACRE_HASH_SHAKE256, one_shot.data(), 500, kMsg, 3) == NACRE_OK);
  CHECK(long_out.bytes(500) == one_shot.bytes(500));
  CHECK(nacre_hash_ctx_digest_len(x, &dl) == NACRE_OK);
  CHECK(dl == 0);
  Guarded d(64);
  CHECK(nacre_hash_ctx_digest(x, d.data(), d.cap(), &len) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(d.zeroed());
  nacre_hash_ctx_free(x);
}

TEST_CASE("hash handles: NULL, freed and foreign handles", "[capi][hash][errors]") {
  nacre_hash_ctx *ctx = nullptr;
  REQUIRE(nacre_hash_ctx_new(&ctx, NACRE_HASH_SHA512, 0) == NACRE_OK);
  CHECK(nacre_hash_ctx_new(nullptr, NACRE_HASH_SHA512, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_update(ctx, nullptr, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_update(ctx, kMsg, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hash_ctx_xof(ctx, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  Guarded small(63);
  size_t len = 0;
  CHECK(nacre_hash_ctx_digest(ctx, small.data(), small.cap(), &len) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == 64);
  CHECK(small.zeroed());
  CHECK(small.fences_intact());
  CHECK(nacre_hash_ctx_digest(ctx, small.data(), small.cap(), nullptr) == NACRE_ERR_INVALID_ARGUMENT);

  // A handle of the wrong type.
  nacre_hmac_ctx *mac = nullptr;
  REQUIRE(nacre_hmac_ctx_new(&mac, NACRE_HASH_SHA256, 0, kMsg, 3) == NACRE_OK);
  auto *wrong = reinterpret_cast<nacre_hash_ctx *>(mac);
  CHECK(nacre_hash_ctx_update(wrong, kMsg, 3) == NACRE_ERR_INVALID_HANDLE);
  nacre_hash_ctx_free(wrong);  // ignored: not a hash state
  CHECK(nacre_hmac_ctx_update(mac, kMsg, 3) == NACRE_OK);
  nacre_hmac_ctx_free(mac);

  // NULL, a pointer that is not a handle at all, and a freed handle.
  uint64_t junk[4] = {0, 0, 0, 0};
  for (nacre_hash_ctx *bad : {static_cast<nacre_hash_ctx *>(nullptr), reinterpret_cast<nacre_hash_ctx *>(junk)}) {
    Guarded out(64);
    CHECK(nacre_hash_ctx_update(bad, kMsg, 3) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_hash_ctx_digest(bad, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_HANDLE);
    CHECK(out.zeroed());
    CHECK(nacre_hash_ctx_xof(bad, out.data(), 10) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_hash_ctx_digest_len(bad, &len) == NACRE_ERR_INVALID_HANDLE);
    nacre_hash_ctx *copy = nullptr;
    CHECK(nacre_hash_ctx_copy(bad, &copy) == NACRE_ERR_INVALID_HANDLE);
    CHECK(copy == nullptr);
    nacre_hash_ctx_free(bad);
  }
  nacre_hash_ctx_free(ctx);
  CHECK(nacre_hash_ctx_update(ctx, kMsg, 3) == NACRE_ERR_INVALID_HANDLE);
  CHECK(nacre_hash_ctx_digest(ctx, small.data(), 64, &len) == NACRE_ERR_INVALID_HANDLE);
  nacre_hash_ctx_free(ctx);  // a double free is detected and ignored
  CHECK(nacre_hash_ctx_copy(ctx, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
}
