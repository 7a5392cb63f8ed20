#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "algorithms.hpp"
#include "nacre/hmac.hpp"
#include "nacre/random.hpp"
#include "nacre/secret.hpp"
#include "vectors.hpp"

using namespace nacre;
using nacre::test::alg_named;
using nacre::test::both_backends;

namespace {

// A (possibly truncated) expected tag matches the prefix of the full tag.
bool tag_matches(const Bytes &full, const Bytes &expected) {
  return expected.size() <= full.size() &&
         std::equal(expected.begin(), expected.end(), full.begin());
}

}  // namespace

TEST_CASE("HMAC known answers from RFC 4231", "[hmac][kat]") {
  int count = 0, expected = 0;
  std::set<HashAlg> seen;
  for (const auto &v : test::read_vectors("hmac.txt")) {
    const HashAlg alg = alg_named(v.str("ALG"));
    seen.insert(alg);
    const Bytes key = v.bytes("KEY");
    const Bytes msg = v.bytes("MSG");
    const Bytes mac = v.bytes("MAC");
    for (Backend b : both_backends()) {
      if (!hmac_is_available(alg, b)) continue;
      ++expected;
      INFO("hmac.txt line " << v.line << " on " << backend_name(b));
      const Bytes full = hmac(alg, key, msg, b);
      CHECK(tag_matches(full, mac));
      CHECK(hmac_verify(alg, key, msg, full, b));
      auto h = Hmac::create(alg, key, b);
      for (std::uint8_t byte : msg) h.update(ByteView(&byte, 1));
      CHECK(h.digest() == full);
      CHECK(h.verify(full));
      // A truncated tag is not accepted by verify: nacre only verifies full-length tags.
      if (mac.size() < full.size()) CHECK_FALSE(h.verify(mac));
      ++count;
    }
  }
  CHECK(count == expected);
  // Every hash HMAC is offered with has known answers.
  std::set<HashAlg> offered;
  for (const HashInfo &h : hash_algorithms()) {
    if (h.hmac) offered.insert(h.alg);
  }
  CHECK(seen == offered);
}

TEST_CASE("HMAC Wycheproof vectors", "[hmac][wycheproof]") {
  const std::pair<const char *, HashAlg> files[] = {{"hmac_sha1_test.json", HashAlg::sha1},
                                                     {"hmac_sha224_test.json", HashAlg::sha224},
                                                     {"hmac_sha256_test.json", HashAlg::sha256},
                                                     {"hmac_sha384_test.json", HashAlg::sha384},
                                                     {"hmac_sha512_test.json", HashAlg::sha512}};
  for (const auto &[file, alg] : files) {
    const auto doc = test::read_wycheproof(file);
    if (doc.is_null()) {
      WARN("Wycheproof folder absent (" << test::wycheproof_dir() << "): skipping " << file);
      continue;
    }
    for (Backend b : both_backends()) {
      if (!hmac_is_available(alg, b)) continue;
      int valid = 0;
      int invalid = 0;
      for (const auto &group : doc.at("testGroups")) {
        const std::size_t tag_bytes = group.at("tagSize").get<std::size_t>() / 8;
        for (const auto &t : group.at("tests")) {
          INFO(file << " tcId " << t.at("tcId").get<int>() << " on " << backend_name(b));
          const Bytes key = test::unhex(t.at("key").get<std::string>());
          const Bytes msg = test::unhex(t.at("msg").get<std::string>());
          const Bytes tag = test::unhex(t.at("tag").get<std::string>());
          const Bytes full = hmac(alg, key, msg, b);
          const bool match = tag.size() == tag_bytes && tag_matches(full, tag);
          const std::string result = t.at("result").get<std::string>();
          if (result == "valid") {
            CHECK(match);
            ++valid;
          } else {
            CHECK_FALSE(match);
            ++invalid;
          }
          if (tag.size() == full.size()) CHECK(hmac_verify(alg, key, msg, tag, b) == match);
        }
      }
      std::printf("wycheproof %s on %s: %d valid accepted, %d invalid rejected\n", file,
                  std::string(backend_name(b)).c_str(), valid, invalid);
      CHECK(valid > 0);
      CHECK(invalid > 0);
    }
  }
}

TEST_CASE("HMAC-SHA256/512 agree across backends on random keys and messages", "[hmac][cross]") {
  std::mt19937 rng(3);
  for (HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
    for (int i = 0; i < 200; ++i) {
      const Bytes key = random_bytes(rng() % 200);  // shorter and longer than the block
      const Bytes msg = random_bytes(rng() % 500);
      CHECK(hmac(alg, key, msg, Backend::boringssl) == hmac(alg, key, msg, Backend::sodium));
    }
  }
}

TEST_CASE("HMAC verify rejects altered tags and copies fork", "[hmac]") {
  const Bytes key = random_bytes(32);
  auto h = Hmac::create(HashAlg::sha384, key);
  h.update(Bytes{1, 2, 3});
  auto fork = h.copy();
  fork.update(Bytes{4});
  Bytes tag = h.digest();
  CHECK(h.verify(tag));
  CHECK(fork.digest() == hmac(HashAlg::sha384, key, Bytes{1, 2, 3, 4}));
  for (std::size_t i = 0; i < tag.size() * 8; i += 7) {
    Bytes bad = tag;
    bad[i / 8] ^= static_cast<std::uint8_t>(1u << (i % 8));
    CHECK_FALSE(h.verify(bad));
  }
  CHECK_FALSE(h.verify(ByteView(tag).first(16)));
  CHECK_FALSE(h.verify({}));
  CHECK_THROWS_AS(Hmac::create(HashAlg::sha3_256, key), Error);
  CHECK_THROWS_AS(Hmac::create(HashAlg::sha384, key, Backend::sodium), Error);
}

TEST_CASE("BoringSSL's HMAC key state lives in the secret pool too", "[hmac][secret]") {
  // The HMAC_CTX shell is a SecretBytes; the inner and outer digest states BoringSSL allocates
  // for the key pads come through its allocator hooks, which nacre points at the pool.
  const Bytes key = random_bytes(32);
  const auto before = secret_pool_stats().in_use;
  {
    auto h = Hmac::create(HashAlg::sha256, key, Backend::boringssl);
    CHECK(secret_pool_stats().in_use >= before + 4);  // shell + three digest states
    h.update(key);
    CHECK(h.digest() == hmac(HashAlg::sha256, key, key, Backend::sodium));
  }
  CHECK(secret_pool_stats().in_use == before);
}
