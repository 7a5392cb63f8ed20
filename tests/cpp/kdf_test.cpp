#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <random>

#include "algorithms.hpp"
#include "errors.hpp"
#include "nacre/kdf.hpp"
#include "nacre/random.hpp"
#include "vectors.hpp"

using namespace nacre;
using nacre::test::alg_named;
using nacre::test::both_backends;
using nacre::test::status_of;

namespace {

Bytes reveal(const SecretBytes &s) { return {s.view().begin(), s.view().end()}; }

// Wycheproof's subset here lacks some files (hkdf_sha384): those are skipped even when the
// folder is required, with a message; a missing folder follows read_wycheproof's rule.
nlohmann::json wycheproof_or_skip(const char *file) {
  if (std::filesystem::is_directory(test::wycheproof_dir()) &&
      !std::filesystem::exists(test::wycheproof_dir() / file)) {
    WARN(file << " is not in this Wycheproof subset: skipped");
    return nullptr;
  }
  auto doc = test::read_wycheproof(file);
  if (doc.is_null()) WARN("Wycheproof folder absent (" << test::wycheproof_dir() << "): skipping " << file);
  return doc;
}

}  // namespace

TEST_CASE("kdf: HKDF known answers (RFC 5869 and others)", "[kdf][hkdf][kat]") {
  int checked = 0;
  int expected = 0;
  for (const auto &v : test::read_vectors("hkdf.txt")) {
    const HashAlg alg = alg_named(v.str("ALG"));
    const Bytes ikm = v.bytes("IKM");
    const Bytes salt = v.bytes("SALT");
    const Bytes info = v.bytes("INFO");
    const Bytes okm = v.bytes("OKM");
    // HKDF-SHA256/512 run on both backends, HKDF-SHA1 and HKDF-SHA384 on BoringSSL alone.
    expected += alg == HashAlg::sha384 || alg == HashAlg::sha1 ? 1 : 2;
    for (Backend b : both_backends()) {
      if (!hkdf_is_available(alg, b)) continue;
      INFO("hkdf.txt line " << v.line << " on " << backend_name(b));
      CHECK(reveal(hkdf(alg, ikm, salt, info, okm.size(), b)) == okm);
      const SecretBytes prk = hkdf_extract(alg, ikm, salt, b);
      if (v.fields.count("PRK") != 0) CHECK(reveal(prk) == v.bytes("PRK"));
      CHECK(reveal(hkdf_expand(alg, prk.view(), info, okm.size(), b)) == okm);
      Bytes out(okm.size());
      hkdf_into(alg, ikm, salt, info, out, b);
      CHECK(out == okm);
      ++checked;
    }
    CHECK(reveal(hkdf(alg, ikm, salt, info, okm.size())) == okm);  // the default backend
  }
  CHECK(checked == expected);
  CHECK(checked > 10);
}

TEST_CASE("kdf: HKDF Wycheproof vectors", "[kdf][hkdf][wycheproof]") {
  const std::pair<const char *, HashAlg> files[] = {{"hkdf_sha256_test.json", HashAlg::sha256},
                                                     {"hkdf_sha384_test.json", HashAlg::sha384},
                                                     {"hkdf_sha512_test.json", HashAlg::sha512}};
  for (const auto &entry : files) {
    const char *file = entry.first;
    const HashAlg alg = entry.second;  // a variable, not a binding: lambdas capture it below
    const auto doc = wycheproof_or_skip(file);
    if (doc.is_null()) continue;
    for (Backend b : both_backends()) {
      if (!hkdf_is_available(alg, b)) continue;
      int valid = 0;
      int invalid = 0;
      for (const auto &group : doc.at("testGroups")) {
        for (const auto &t : group.at("tests")) {
          INFO(file << " tcId " << t.at("tcId").get<int>() << " on " << backend_name(b));
          const Bytes ikm = test::unhex(t.at("ikm").get<std::string>());
          const Bytes salt = test::unhex(t.at("salt").get<std::string>());
          const Bytes info = test::unhex(t.at("info").get<std::string>());
          const std::size_t size = t.at("size").get<std::size_t>();
          if (t.at("result").get<std::string>() == "valid") {
            CHECK(reveal(hkdf(alg, ikm, salt, info, size, b)) ==
                  test::unhex(t.at("okm").get<std::string>()));
            ++valid;
          } else {
            // The only invalid cases ask for more than 255 * HashLen bytes.
            CHECK(size > hkdf_max_output(alg));
            CHECK(status_of([&] { hkdf(alg, ikm, salt, info, size, b); }) ==
                  Status::invalid_argument);
            Bytes out(size);
            CHECK(status_of([&] { hkdf_into(alg, ikm, salt, info, out, b); }) ==
                  Status::invalid_argument);
            ++invalid;
          }
        }
      }
      std::printf("wycheproof %s on %s: %d valid accepted, %d invalid rejected\n", file,
                  std::string(backend_name(b)).c_str(), valid, invalid);
      CHECK(valid > 0);
      CHECK(invalid > 0);
    }
  }
}

TEST_CASE("kdf: HKDF-SHA256/512 agree across backends on random inputs", "[kdf][hkdf][cross]") {
  std::mt19937 rng(5);
  for (HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
    for (int i = 0; i < 200; ++i) {
      const Bytes ikm = random_bytes(rng() % 150);
      const Bytes salt = random_bytes(rng() % 3 == 0 ? 0 : rng() % 200);  // often none
      const Bytes info = random_bytes(rng() % 100);
      // Short outputs mostly, and now and then up to the maximum.
      const std::size_t len = i % 20 == 0 ? 1 + rng() % hkdf_max_output(alg) : 1 + rng() % 130;
      INFO(hash_name(alg) << " ikm " << ikm.size() << " salt " << salt.size() << " info "
                          << info.size() << " out " << len);
      const SecretBytes a = hkdf(alg, ikm, salt, info, len, Backend::boringssl);
      const SecretBytes b = hkdf(alg, ikm, salt, info, len, Backend::sodium);
      CHECK(a == b);
      const SecretBytes prk_a = hkdf_extract(alg, ikm, salt, Backend::boringssl);
      CHECK(prk_a == hkdf_extract(alg, ikm, salt, Backend::sodium));
      CHECK(hkdf_expand(alg, prk_a.view(), info, len, Backend::sodium) == a);
    }
    // The longest output, on both.
    const std::size_t max = hkdf_max_output(alg);
    CHECK(hkdf(alg, {}, {}, {}, max, Backend::boringssl) == hkdf(alg, {}, {}, {}, max, Backend::sodium));
  }
}

TEST_CASE("kdf: HKDF refuses bad lengths, hashes and backends", "[kdf][hkdf][errors]") {
  const Bytes ikm = random_bytes(32);
  for (Backend b : both_backends()) {
    for (HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
      INFO(hash_name(alg) << " on " << backend_name(b));
      const std::size_t max = hkdf_max_output(alg);
      CHECK(max == 255 * digest_size(alg));
      CHECK(hkdf(alg, ikm, {}, {}, max, b).size() == max);
      CHECK(status_of([&] { hkdf(alg, ikm, {}, {}, max + 1, b); }) == Status::invalid_argument);
      CHECK(status_of([&] { hkdf(alg, ikm, {}, {}, 0, b); }) == Status::invalid_argument);
      const SecretBytes prk = hkdf_extract(alg, ikm, {}, b);
      CHECK(prk.size() == digest_size(alg));
      CHECK(status_of([&] { hkdf_expand(alg, prk.view().first(prk.size() - 1), {}, 32, b); }) ==
            Status::invalid_argument);
      CHECK(status_of([&] { hkdf_expand(alg, ikm, {}, 32, b); }) ==
            (alg == HashAlg::sha256 ? Status::ok : Status::invalid_argument));
      Bytes small(digest_size(alg) - 1);
      CHECK(status_of([&] { hkdf_extract_into(alg, ikm, {}, small, b); }) ==
            Status::invalid_argument);
      // Output overlapping info would be read after being written.
      Bytes buf(64, 7);
      CHECK(status_of([&] {
              hkdf_into(alg, ikm, {}, ByteView(buf).first(40), MutableByteView(buf).subspan(8), b);
            }) == Status::invalid_argument);
    }
  }
  for (HashAlg alg : {HashAlg::sha512_256, HashAlg::sha3_256, HashAlg::blake2b, HashAlg::shake128}) {
    CHECK(status_of([&] { hkdf(alg, ikm, {}, {}, 32); }) == Status::unsupported);
    CHECK(status_of([&] { hkdf_max_output(alg); }) == Status::unsupported);
    CHECK_FALSE(hkdf_is_available(alg, Backend::automatic));
  }
  CHECK(status_of([&] { hkdf(HashAlg::sha384, ikm, {}, {}, 32, Backend::sodium); }) ==
        Status::unsupported);
  CHECK(status_of([&] { hkdf(HashAlg::sha256, ikm, {}, {}, 32, static_cast<Backend>(3)); }) ==
        Status::unsupported);
  CHECK(hkdf_is_available(HashAlg::sha384, Backend::boringssl));
  CHECK_FALSE(hkdf_is_available(HashAlg::sha384, Backend::sodium));
  CHECK(hkdf_resolve_backend(HashAlg::sha384, Backend::automatic) == Backend::boringssl);
}

TEST_CASE("kdf: PBKDF2 known answers (RFC 7914, RFC 6070 inputs)", "[kdf][pbkdf2][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("pbkdf2.txt")) {
    INFO("pbkdf2.txt line " << v.line);
    const HashAlg alg = alg_named(v.str("ALG"));
    const Bytes dk = v.bytes("DK");
    const std::uint64_t iterations = std::stoull(v.str("ITERATIONS"));
    CHECK(reveal(pbkdf2(alg, v.bytes("PASSWORD"), v.bytes("SALT"), iterations, dk.size())) == dk);
    ++checked;
  }
  CHECK(checked > 10);
}

TEST_CASE("kdf: PBKDF2 Wycheproof vectors", "[kdf][pbkdf2][wycheproof]") {
  // A Wycheproof case with more iterations than this would be skipped (and counted) to keep the
  // suite quick; the current files stop at 80000.
  constexpr std::uint64_t kMaxIterations = 100000;
  const std::pair<const char *, HashAlg> files[] = {
      {"pbkdf2_hmacsha256_test.json", HashAlg::sha256},
      {"pbkdf2_hmacsha512_test.json", HashAlg::sha512}};
  for (const auto &[file, alg] : files) {
    const auto doc = wycheproof_or_skip(file);
    if (doc.is_null()) continue;
    int valid = 0;
    int skipped = 0;
    for (const auto &group : doc.at("testGroups")) {
      for (const auto &t : group.at("tests")) {
        INFO(file << " tcId " << t.at("tcId").get<int>());
        REQUIRE(t.at("result").get<std::string>() == "valid");  // the files hold no other kind
        const auto iterations = t.at("iterationCount").get<std::uint64_t>();
        if (iterations > kMaxIterations) {
          ++skipped;
          continue;
        }
        const Bytes dk = test::unhex(t.at("dk").get<std::string>());
        REQUIRE(dk.size() == t.at("dkLen").get<std::size_t>());
        CHECK(reveal(pbkdf2(alg, test::unhex(t.at("password").get<std::string>()),
                            test::unhex(t.at("salt").get<std::string>()), iterations,
                            dk.size())) == dk);
        ++valid;
      }
    }
    std::printf("wycheproof %s on boringssl: %d valid accepted, %d skipped (more than %llu "
                "iterations)\n",
                file, valid, skipped, static_cast<unsigned long long>(kMaxIterations));
    CHECK(valid > 0);
  }
}

TEST_CASE("kdf: PBKDF2 refuses bad lengths, iteration counts and hashes", "[kdf][pbkdf2][errors]") {
  const Bytes pw = {'p', 'w'};
  const Bytes salt = random_bytes(16);
  CHECK(pbkdf2(HashAlg::sha256, pw, salt, 1, kPbkdf2MaxOutput).size() == kPbkdf2MaxOutput);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha256, pw, salt, 1, kPbkdf2MaxOutput + 1); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha256, pw, salt, 1, 0); }) == Status::invalid_argument);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha512, pw, salt, 0, 32); }) == Status::invalid_argument);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha512, pw, salt, kPbkdf2MaxIterations + 1, 32); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha512_256, pw, salt, 1, 32); }) == Status::unsupported);
  CHECK(status_of([&] { pbkdf2(HashAlg::sha3_256, pw, salt, 1, 32); }) == Status::unsupported);
  Bytes buf(64, 1);
  CHECK(status_of([&] {
          pbkdf2_into(HashAlg::sha256, ByteView(buf).first(8), {}, 1, MutableByteView(buf).subspan(4));
        }) == Status::invalid_argument);
  // An empty password and salt are allowed, and PBKDF2 with them depends on the count.
  CHECK(pbkdf2(HashAlg::sha256, {}, {}, 1, 32) != pbkdf2(HashAlg::sha256, {}, {}, 2, 32));
}

TEST_CASE("kdf: crypto_kdf known answers (libsodium's test suite)", "[kdf][blake2b][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("kdf_blake2b.txt")) {
    INFO("kdf_blake2b.txt line " << v.line);
    const Bytes subkey = v.bytes("SUBKEY");
    const std::uint64_t id = std::stoull(v.str("SUBKEY_ID"));
    CHECK(reveal(kdf_derive(v.bytes("KEY"), id, v.bytes("CONTEXT"), subkey.size())) == subkey);
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("kdf: crypto_kdf refuses bad key, context and output lengths", "[kdf][blake2b][errors]") {
  const SecretBytes key = SecretBytes::random(kKdfKeySize);
  const Bytes ctx = {'C', 'o', 'n', 't', 'e', 'x', 't', '!'};
  CHECK(kdf_derive(key.view(), 0, ctx, kKdfMinOutput).size() == kKdfMinOutput);
  CHECK(kdf_derive(key.view(), ~std::uint64_t{0}, ctx, kKdfMaxOutput).size() == kKdfMaxOutput);
  CHECK(kdf_derive(key.view(), 1, ctx, 32) != kdf_derive(key.view(), 2, ctx, 32));
  for (std::size_t len : {std::size_t{0}, kKdfMinOutput - 1, kKdfMaxOutput + 1}) {
    CHECK(status_of([&] { kdf_derive(key.view(), 1, ctx, len); }) == Status::invalid_argument);
  }
  CHECK(status_of([&] { kdf_derive(key.view().first(31), 1, ctx, 32); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { kdf_derive(key.view(), 1, ByteView(ctx).first(7), 32); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { kdf_derive(key.view(), 1, {}, 32); }) == Status::invalid_argument);
}
