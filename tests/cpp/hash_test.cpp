#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <sstream>
#include <vector>

#include "algorithms.hpp"
#include "nacre/hash.hpp"
#include "nacre/secret.hpp"
#include "nacre/random.hpp"
#include "vectors.hpp"

using namespace nacre;
using nacre::test::alg_named;
using nacre::test::both_backends;

namespace {

// Hashes |msg| through every path nacre offers for |alg| on |b| and checks each against |md|.
void check_all_paths(HashAlg alg, Backend b, const Bytes &msg, const Bytes &md, std::mt19937 &rng) {
  if (is_xof(alg)) {
    Bytes out(md.size());
    xof_into(alg, msg, out);
    CHECK(out == md);
  } else {
    CHECK(hash(alg, msg, b) == md);
  }
  // Incremental, fed in random chunks, read twice (reading does not change the state).
  auto h = Hasher::create(alg, b);
  std::size_t off = 0;
  while (off < msg.size()) {
    const std::size_t n = std::min<std::size_t>(msg.size() - off, rng() % 70);
    h.update(ByteView(msg).subspan(off, n));
    off += n;
  }
  for (int i = 0; i < 2; ++i) {
    if (is_xof(alg)) {
      Bytes out(md.size());
      h.xof_into(out);
      CHECK(out == md);
    } else {
      CHECK(h.digest() == md);
    }
  }
}

}  // namespace

TEST_CASE("hash known answers from FIPS 180-4, FIPS 202 and NIST CAVP", "[hash][kat]") {
  std::mt19937 rng(1);
  for (const char *file : {"sha2.txt", "sha3.txt", "sha1_md5.txt"}) {
    int count = 0;
    for (const auto &v : test::read_vectors(file)) {
      const HashAlg alg = alg_named(v.str("ALG"));
      for (Backend b : both_backends()) {
        if (!is_available(alg, b)) continue;
        INFO(file << " line " << v.line << " " << v.str("ALG") << " on " << backend_name(b));
        check_all_paths(alg, b, v.bytes("MSG"), v.bytes("MD"), rng);
        ++count;
      }
    }
    INFO(file);
    CHECK(count >= (std::string(file) == "sha1_md5.txt" ? 10 : 40));
  }
}

TEST_CASE("BLAKE2b known answers from RFC 7693 and the BLAKE2 reference", "[hash][kat]") {
  for (const auto &v : test::read_vectors("blake2b.txt")) {
    INFO("blake2b.txt line " << v.line);
    const Bytes key = v.bytes("KEY");
    const Bytes msg = v.bytes("MSG");
    const Bytes md = v.bytes("MD");
    Bytes out(md.size());
    blake2b_into(msg, out, key);
    CHECK(out == md);
    auto h = Hasher::blake2b(md.size(), key);
    h.update(msg);
    CHECK(h.digest() == md);
    if (key.empty() && md.size() == 64) CHECK(hash(HashAlg::blake2b, msg) == md);
  }
}

TEST_CASE("BLAKE2b salt and personalization", "[hash]") {
  const Bytes msg{'a', 'b', 'c'};
  const Bytes key(32, 0x4b);
  auto digest = [&](ByteView salt, ByteView person) {
    auto h = Hasher::blake2b(32, key, salt, person);
    h.update(msg);
    return h.digest();
  };
  // Empty salt and personalization are the plain (zero) parameter block, as are explicit zeros.
  auto plain = Hasher::blake2b(32, key);
  plain.update(msg);
  CHECK(digest({}, {}) == plain.digest());
  CHECK(digest(Bytes(16, 0), Bytes(16, 0)) == plain.digest());
  // A short field is zero-padded: "s" equals "s" followed by fifteen zero bytes.
  Bytes padded(16, 0);
  padded[0] = 's';
  CHECK(digest(Bytes{'s'}, {}) == digest(padded, {}));
  CHECK(digest(Bytes{'s'}, {}) != plain.digest());
  CHECK(digest({}, Bytes{'s'}) != digest(Bytes{'s'}, {}));  // the fields are distinct
  CHECK_THROWS_AS(Hasher::blake2b(32, key, Bytes(17, 0), {}), Error);
  CHECK_THROWS_AS(Hasher::blake2b(32, key, {}, Bytes(17, 0)), Error);
}

TEST_CASE("hashes on both backends agree on random input", "[hash][cross]") {
  std::mt19937 rng(7);
  int pairs = 0;
  for (const HashInfo &info : hash_algorithms()) {
    const HashAlg alg = info.alg;
    if (!is_available(alg, Backend::boringssl) || !is_available(alg, Backend::sodium)) continue;
    ++pairs;
    for (int i = 0; i < 200; ++i) {
      const Bytes msg = random_bytes(rng() % 600);
      CHECK(hash(alg, msg, Backend::boringssl) == hash(alg, msg, Backend::sodium));
    }
  }
  CHECK(pairs >= 2);  // SHA-256 and SHA-512 at least
}

TEST_CASE("copy forks an incremental state", "[hash]") {
  for (HashAlg alg : {HashAlg::sha256, HashAlg::sha384, HashAlg::sha3_256, HashAlg::blake2b}) {
    auto h = Hasher::create(alg);
    h.update(Bytes{'a', 'b'});
    auto fork = h.copy();
    h.update(Bytes{'c'});
    fork.update(Bytes{'x'});
    CHECK(h.digest() == hash(alg, Bytes{'a', 'b', 'c'}));
    CHECK(fork.digest() == hash(alg, Bytes{'a', 'b', 'x'}));
  }
}

TEST_CASE("hash argument errors", "[hash][errors]") {
  Bytes out(31);
  auto status_of = [](auto &&f) {
    try {
      f();
    } catch (const Error &e) {
      return e.status();
    }
    return Status::ok;
  };
  CHECK(status_of([&] { hash_into(HashAlg::sha256, {}, out); }) == Status::invalid_argument);
  CHECK(status_of([&] { hash(HashAlg::shake128, {}); }) == Status::invalid_argument);
  CHECK(status_of([&] { hash(HashAlg::sha384, {}, Backend::sodium); }) == Status::unsupported);
  CHECK(status_of([&] { hash(HashAlg::sha3_256, {}, Backend::boringssl); }) == Status::unsupported);
  CHECK(status_of([&] { hash(static_cast<HashAlg>(42), {}); }) == Status::unsupported);
  CHECK(status_of([&] { xof_into(HashAlg::sha256, {}, out); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::blake2b(15); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::blake2b(65); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::blake2b(32, Bytes(65)); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::create(HashAlg::shake256).digest(); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::create(HashAlg::sha256).xof_into(out); }) == Status::invalid_argument);
  CHECK(status_of([&] { Hasher::create(HashAlg::sha256).digest_into(out); }) == Status::invalid_argument);
}

TEST_CASE("algorithm facts and names", "[hash]") {
  CHECK(digest_size(HashAlg::sha512_256) == 32);
  CHECK(block_size(HashAlg::sha3_256) == 136);
  CHECK(is_xof(HashAlg::shake256));
  CHECK(hash_from_name("sha3-512") == HashAlg::sha3_512);
  CHECK_FALSE(hash_from_name("sm3").has_value());
  CHECK(hash_info(HashAlg::md5).legacy);
  CHECK(hash_info(HashAlg::sha1).legacy);
  CHECK_FALSE(hash_info(HashAlg::sha256).legacy);
  CHECK(resolve_backend(HashAlg::sha256, Backend::automatic) != Backend::automatic);
}

namespace {

// RFC 7693 Appendix E's deterministic input generator (a Fibonacci-style LCG), test code only.
Bytes selftest_seq(std::size_t len, std::uint32_t seed) {
  std::uint32_t a = 0xDEAD4BADu * seed;
  std::uint32_t b = 1;
  Bytes out(len);
  for (auto &byte : out) {
    const std::uint32_t t = a + b;
    a = b;
    b = t;
    byte = static_cast<std::uint8_t>(t >> 24);
  }
  return out;
}

std::vector<std::size_t> numbers(const std::string &s) {
  std::vector<std::size_t> out;
  std::istringstream in(s);
  for (std::size_t n = 0; in >> n;) out.push_back(n);
  return out;
}

}  // namespace

TEST_CASE("BLAKE2b at every digest length, keyed and unkeyed (RFC 7693 Appendix E)", "[hash][kat]") {
  const auto v = test::read_vectors("blake2b_selftest.txt").at(0);
  auto grand = Hasher::blake2b(32);
  for (std::size_t outlen : numbers(v.str("OUTLENS"))) {
    for (std::size_t inlen : numbers(v.str("INLENS"))) {
      const Bytes in = selftest_seq(inlen, static_cast<std::uint32_t>(inlen));
      Bytes md(outlen);
      blake2b_into(in, md);
      auto h = Hasher::blake2b(outlen);
      h.update(in);
      CHECK(h.digest() == md);  // the incremental path agrees at every length
      grand.update(md);
      const Bytes key = selftest_seq(outlen, static_cast<std::uint32_t>(outlen));
      blake2b_into(in, md, key);
      grand.update(md);
    }
  }
  CHECK(grand.digest() == v.bytes("RESULT"));
}

TEST_CASE("unkeyed hash states stay off the secret pool; a keyed BLAKE2b state is in it", "[hash][secret]") {
  // docs/memory.md, "What is secret": a hash state holds no key, so a million hash objects must
  // not spend the pool or the lock budget; a keyed BLAKE2b state holds its key.
  using nacre::Backend;
  const auto live = [] { return nacre::secret_pool_stats().in_use; };
  const std::size_t before = live();
  {
    std::vector<nacre::Hasher> plain;
    for (const nacre::HashInfo &info : nacre::hash_algorithms()) {
      const HashAlg alg = info.alg;
      for (Backend b : {Backend::boringssl, Backend::sodium}) {
        if (!nacre::is_available(alg, b)) continue;
        plain.push_back(nacre::Hasher::create(alg, b));
        plain.back().update(std::vector<std::uint8_t>(100, 1));
      }
    }
    REQUIRE(plain.size() >= 11);
    plain.push_back(nacre::Hasher::blake2b(32));
    CHECK(live() == before);
    auto keyed = nacre::Hasher::blake2b(32, std::vector<std::uint8_t>(32, 7));
    CHECK(live() == before + 1);
    const auto copy = keyed.copy();
    CHECK(live() == before + 2);
    CHECK(copy.digest() == keyed.digest());
  }
  CHECK(live() == before);
}
