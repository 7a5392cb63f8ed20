#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>

#include "algorithms.hpp"
#include "errors.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"
#include "vectors.hpp"

using namespace nacre;
using nacre::test::both_backends;
using nacre::test::status_of;

namespace {

const PwhashAlg kAlgs[] = {PwhashAlg::argon2id, PwhashAlg::argon2i, PwhashAlg::scrypt};
const Bytes kPassword = {'c', 'o', 'r', 'r', 'e', 'c', 't', ' ', 'h', 'o', 'r', 's', 'e'};

Bytes reveal(const SecretBytes &s) { return {s.view().begin(), s.view().end()}; }

PwhashAlg pwhash_named(const std::string &name) {
  if (name == "argon2id") return PwhashAlg::argon2id;
  if (name == "argon2i") return PwhashAlg::argon2i;
  throw std::runtime_error("unknown algorithm in vector file: " + name);
}

// What verifying |str| ends in: accepted, rejected (wrong password) or refused (an error).
enum class Outcome { match, mismatch, invalid, other };
Outcome verify_outcome(std::string_view str, ByteView password) {
  try {
    return pwhash_str_verify(str, password) ? Outcome::match : Outcome::mismatch;
  } catch (const Error &e) {
    return e.status() == Status::invalid_argument ? Outcome::invalid : Outcome::other;
  }
}

// A limit one step above the minimum for |alg|: libsodium's parameters then differ.
PwhashLimits other_limits(PwhashAlg alg) {
  PwhashLimits l = pwhash_min_limits(alg);
  l.opslimit *= 2;
  return l;
}

}  // namespace

TEST_CASE("pwhash: Argon2 known answers (libsodium's test suite)", "[pwhash][argon2][kat]") {
  int derived = 0;
  int encoded = 0;
  for (const auto &v : test::read_vectors("argon2.txt")) {
    INFO("argon2.txt line " << v.line);
    REQUIRE(v.str("PARALLELISM") == "1");  // libsodium's API has one lane
    const PwhashAlg alg = pwhash_named(v.str("ALG"));
    const Bytes password = v.bytes("PASSWORD");
    const Bytes dk = v.bytes("DK");
    const PwhashLimits limits{std::stoull(v.str("OPSLIMIT")),
                              static_cast<std::size_t>(std::stoull(v.str("MEMLIMIT")))};
    CHECK(reveal(pwhash_derive(alg, password, v.bytes("SALT"), limits, dk.size())) == dk);
    ++derived;
    if (v.fields.count("ENCODED") != 0) {
      const std::string str = v.str("ENCODED");
      CHECK(pwhash_str_alg(str) == alg);
      CHECK(pwhash_str_verify(str, password));
      Bytes wrong = password;
      wrong.push_back('!');
      CHECK_FALSE(pwhash_str_verify(str, wrong));
      CHECK_FALSE(pwhash_str_needs_rehash(str, limits));
      CHECK(pwhash_str_needs_rehash(str, {limits.opslimit + 1, limits.memlimit}));
      ++encoded;
    }
  }
  CHECK(derived > 10);
  CHECK(encoded > 2);
}

TEST_CASE("pwhash: scrypt known answers (RFC 7914)", "[pwhash][scrypt][kat]") {
  int checked = 0;
  int slow = 0;
  for (const auto &v : test::read_vectors("scrypt.txt")) {
    if (v.fields.count("SLOW") != 0 && v.str("SLOW") == "1") {
      ++slow;  // about 1 GiB: left to a manual run
      continue;
    }
    const Bytes dk = v.bytes("DK");
    const ScryptParams params{std::stoull(v.str("N")),
                              static_cast<std::uint32_t>(std::stoul(v.str("R"))),
                              static_cast<std::uint32_t>(std::stoul(v.str("P")))};
    for (Backend b : both_backends()) {
      INFO("scrypt.txt line " << v.line << " on " << backend_name(b));
      CHECK(reveal(scrypt(v.bytes("PASSWORD"), v.bytes("SALT"), params, dk.size(), b)) == dk);
      ++checked;
    }
  }
  std::printf("scrypt.txt: %d checks on two backends, %d slow vectors skipped\n", checked, slow);
  CHECK(checked >= 6);
}

TEST_CASE("pwhash: scrypt agrees across backends on random inputs", "[pwhash][scrypt][cross]") {
  std::mt19937 rng(11);
  for (int i = 0; i < 40; ++i) {
    const ScryptParams params{std::uint64_t{2} << (rng() % 10),
                              static_cast<std::uint32_t>(1 + rng() % 8),
                              static_cast<std::uint32_t>(1 + rng() % 3)};
    const Bytes password = random_bytes(rng() % 40);
    const Bytes salt = random_bytes(rng() % 40);
    const std::size_t len = 1 + rng() % 200;
    INFO("N " << params.n << " r " << params.r << " p " << params.p << " out " << len);
    const SecretBytes a = scrypt(password, salt, params, len, Backend::boringssl);
    CHECK(a == scrypt(password, salt, params, len, Backend::sodium));
    CHECK(a == scrypt(password, salt, params, len));
  }
}

TEST_CASE("pwhash: scrypt refuses bad parameters before allocating", "[pwhash][scrypt][errors]") {
  const Bytes salt = random_bytes(16);
  auto status = [&](ScryptParams p, std::size_t len, Backend b) {
    return status_of([&] { scrypt(kPassword, salt, p, len, b); });
  };
  for (Backend b : both_backends()) {
    INFO(backend_name(b));
    CHECK(status({16, 1, 1}, 1, b) == Status::ok);
    CHECK(status({16, 1, 1}, kScryptMaxOutput, b) == Status::ok);
    CHECK(status({16, 1, 1}, 0, b) == Status::invalid_argument);
    CHECK(status({16, 1, 1}, kScryptMaxOutput + 1, b) == Status::invalid_argument);
    for (std::uint64_t n : {0ull, 1ull, 3ull, 1000ull, (1ull << 32) + 2, 1ull << 33}) {
      CHECK(status({n, 1, 1}, 32, b) == Status::invalid_argument);
    }
    CHECK(status({16, 0, 1}, 32, b) == Status::invalid_argument);
    CHECK(status({16, 1, 0}, 32, b) == Status::invalid_argument);
    CHECK(status({16, 1u << 15, 1u << 15}, 32, b) == Status::invalid_argument);  // r * p = 2^30
    CHECK(status({1ull << 16, 1, 1}, 32, b) == Status::invalid_argument);        // N >= 2^(16 r)
    // 128 * r * (N + p) just above 4 GiB: refused, where the backends would allocate it.
    CHECK(status({1ull << 22, 8, 1}, 32, b) == Status::invalid_argument);
    CHECK(status({1ull << 21, 16, 1}, 32, b) == Status::invalid_argument);
  }
  CHECK(status({16, 1, 1}, 32, static_cast<Backend>(3)) == Status::unsupported);
  CHECK(scrypt_resolve_backend(Backend::automatic) != Backend::automatic);
}

TEST_CASE("pwhash: password hash strings verify, reject and report rehashing", "[pwhash][str]") {
  for (PwhashAlg alg : kAlgs) {
    const PwhashLimits limits = pwhash_min_limits(alg);
    INFO("algorithm " << static_cast<int>(alg));
    const std::string str = pwhash_str(alg, kPassword, limits);
    CHECK(str.size() < kPwhashStrBytes);
    CHECK(pwhash_str_alg(str) == alg);
    CHECK(pwhash_str_verify(str, kPassword));
    CHECK_FALSE(pwhash_str_verify(str, ByteView(kPassword).first(kPassword.size() - 1)));
    CHECK_FALSE(pwhash_str_verify(str, {}));
    // A fresh random salt every time.
    const std::string again = pwhash_str(alg, kPassword, limits);
    CHECK(again != str);
    CHECK(pwhash_str_verify(again, kPassword));
    CHECK_FALSE(pwhash_str_needs_rehash(str, limits));
    CHECK(pwhash_str_needs_rehash(str, other_limits(alg)));
    // scrypt's parameters follow opslimit alone while memory is plentiful.
    if (alg != PwhashAlg::scrypt) {
      CHECK(pwhash_str_needs_rehash(str, {limits.opslimit, limits.memlimit * 4}));
    }
    // The empty password hashes and verifies like any other.
    const std::string empty = pwhash_str(alg, {}, limits);
    CHECK(pwhash_str_verify(empty, {}));
    CHECK_FALSE(pwhash_str_verify(empty, kPassword));
    // Limits out of range for the algorithm.
    CHECK(status_of([&] { pwhash_str(alg, kPassword, {limits.opslimit - 1, limits.memlimit}); }) ==
          Status::invalid_argument);
    CHECK(status_of([&] { pwhash_str(alg, kPassword, {limits.opslimit, limits.memlimit - 1}); }) ==
          Status::invalid_argument);
    CHECK(status_of([&] { pwhash_str_needs_rehash(str, {0, limits.memlimit}); }) ==
          Status::invalid_argument);
  }
}

TEST_CASE("pwhash: altered hash strings never verify", "[pwhash][str]") {
  for (PwhashAlg alg : kAlgs) {
    const std::string str = pwhash_str(alg, kPassword, pwhash_min_limits(alg));
    int mismatch = 0;
    int invalid = 0;
    for (std::size_t i = 0; i < str.size(); ++i) {
      // scrypt's r and p fields (characters 4 to 13) are bounded by nacre's limits, not made
      // cheap: an altered one may legitimately cost seconds, so only the rest is altered.
      if (alg == PwhashAlg::scrypt && i >= 4 && i < 14) continue;
      std::string bad = str;
      bad[i] = static_cast<char>(bad[i] ^ 1);
      INFO("algorithm " << static_cast<int>(alg) << ": " << bad);
      const Outcome o = verify_outcome(bad, kPassword);
      CHECK((o == Outcome::mismatch || o == Outcome::invalid));
      mismatch += o == Outcome::mismatch;
      invalid += o == Outcome::invalid;
    }
    for (std::size_t len = 0; len < str.size(); len += 7) {
      const Outcome o = verify_outcome(std::string_view(str).substr(0, len), kPassword);
      CHECK((o == Outcome::mismatch || o == Outcome::invalid));
    }
    CHECK(verify_outcome(str + "A", kPassword) != Outcome::match);
    std::printf("altered %s strings: %d rejected as wrong, %d refused as malformed\n",
                alg == PwhashAlg::scrypt ? "scrypt" : "argon2", mismatch, invalid);
    CHECK(mismatch > 0);
  }
}

TEST_CASE("pwhash: malformed and hostile hash strings are refused before anything is allocated",
          "[pwhash][str][errors]") {
  const std::string good = pwhash_str(PwhashAlg::argon2id, kPassword, {1, 8192});
  const std::string tail = good.substr(good.find("$", 20));  // "$salt$hash"
  std::mt19937 rng(13);
  std::string noise(60, '\0');
  for (char &c : noise) c = static_cast<char>(rng());
  const std::string cases[] = {
      "",
      "$argon2id$",
      "$argon2i$",
      "$7$",
      "$2b$10$abcdefghijklmnopqrstuuJ4qL1Yw8rN4rGZ.ySzS/o3oQ9m8aH9C",  // bcrypt: not offered
      noise,
      "$argon2id$" + noise,
      std::string(200, 'a'),
      good + std::string(1, '\0'),
      good.substr(0, 20) + std::string(1, '\0') + good.substr(21),
      // Parameters libsodium would act on: 4 TiB, or 8 KiB times 2^24 - 1 lanes (128 GiB). Were
      // they not refused first, the result would be NACRE_ERR_OUT_OF_MEMORY or a long wait.
      "$argon2id$v=19$m=4294967295,t=1,p=1" + tail,
      "$argon2id$v=19$m=8,t=1,p=16777215" + tail,
      "$argon2i$v=19$m=4194305,t=3,p=1" + tail,  // 4 GiB + 1 KiB
      "$argon2id$v=19$m=8,t=4294967296,p=1" + tail,  // more than 32 bits
      "$argon2id$v=19$m=-8,t=1,p=1" + tail,
      "$argon2id$v=19$m=8,t=1" + tail,
      "$argon2id$v=19$m=8,t=1,p=1$!!!!$AAAA",  // bad base64
      "$argon2id$v=16$m=8,t=1,p=1" + tail,     // version 1.0: not libsodium's
      "$7$z" + std::string(100, '.'),          // N = 2^63
      "$7$C...../....",                        // r = 0
      "$7$C6....zzzzzSodiumChloride$",         // p = 2^30 - 1: terabytes
  };
  for (const std::string &s : cases) {
    INFO("string: " << s);
    CHECK(verify_outcome(s, kPassword) == Outcome::invalid);
    CHECK(status_of([&] { pwhash_str_needs_rehash(s, {1, 8192}); }) == Status::invalid_argument);
  }
  // Well-formed scrypt strings (libsodium checks their length) with hostile settings. Unchecked,
  // the first would have libsodium try to map 2 TiB (NACRE_ERR_OUT_OF_MEMORY), the second run
  // 2^17 passes (minutes), the third be refused by escrypt as if the password were wrong.
  const std::string scrypt_str = pwhash_str(PwhashAlg::scrypt, kPassword, {32768, 16777216});
  REQUIRE(scrypt_str.size() == 101);
  const std::string hostile_scrypt[] = {
      scrypt_str.substr(0, 3) + "T" + scrypt_str.substr(4),               // N = 2^31, r = 8
      scrypt_str.substr(0, 9) + "..U.." + scrypt_str.substr(14),          // p = 2^17: 2^32 ops
      scrypt_str.substr(0, 9) + "zzzzz" + scrypt_str.substr(14),          // p = 2^30 - 1
      // N = 8, r = 8, p = 786432: few smix passes, but 800 MB of PBKDF2 (found by the fuzzer).
      scrypt_str.substr(0, 3) + "16.......1." + scrypt_str.substr(14),
  };
  for (const std::string &s : hostile_scrypt) {
    INFO("string: " << s);
    CHECK(verify_outcome(s, kPassword) == Outcome::invalid);
  }
  // Exactly at nacre's cap is allowed: needs_rehash decodes without allocating the 4 GiB.
  CHECK(pwhash_str_needs_rehash("$argon2id$v=19$m=4194304,t=1,p=1" + tail, {1, 8192}));
  CHECK(pwhash_str_verify(good, kPassword));  // the tail itself is fine
}

TEST_CASE("pwhash: derive: limits, salts and output lengths", "[pwhash][derive]") {
  for (PwhashAlg alg : kAlgs) {
    INFO("algorithm " << static_cast<int>(alg));
    const PwhashLimits lo = pwhash_min_limits(alg);
    const PwhashLimits hi = pwhash_max_limits(alg);
    CHECK(hi.memlimit <= kPwhashMaxMemory);
    const Bytes salt = random_bytes(pwhash_salt_size(alg));
    const std::size_t len = pwhash_min_output(alg);
    const SecretBytes a = pwhash_derive(alg, kPassword, salt, lo, 32);
    CHECK(a == pwhash_derive(alg, kPassword, salt, lo, 32));
    CHECK(a != pwhash_derive(alg, kPassword, random_bytes(salt.size()), lo, 32));
    CHECK(a != pwhash_derive(alg, kPassword, salt, other_limits(alg), 32));
    CHECK(pwhash_derive(alg, kPassword, salt, lo, len).size() == len);
    auto status = [&](ByteView s, PwhashLimits l, std::size_t n) {
      return status_of([&] { pwhash_derive(alg, kPassword, s, l, n); });
    };
    CHECK(status(salt, lo, len - 1) == Status::invalid_argument);
    CHECK(status(salt, lo, 0) == Status::invalid_argument);
    CHECK(status(ByteView(salt).first(salt.size() - 1), lo, 32) == Status::invalid_argument);
    CHECK(status(random_bytes(salt.size() + 1), lo, 32) == Status::invalid_argument);
    CHECK(status({}, lo, 32) == Status::invalid_argument);
    CHECK(status(salt, {lo.opslimit - 1, lo.memlimit}, 32) == Status::invalid_argument);
    CHECK(status(salt, {lo.opslimit, lo.memlimit - 1}, 32) == Status::invalid_argument);
    CHECK(status(salt, {hi.opslimit + 1, lo.memlimit}, 32) == Status::invalid_argument);
    // Above nacre's cap: refused at once rather than allocated.
    CHECK(status(salt, {lo.opslimit, hi.memlimit + 1}, 32) == Status::invalid_argument);
    Bytes buf(64, 3);
    CHECK(status_of([&] {
            pwhash_derive_into(alg, ByteView(buf).first(20), salt, lo,
                               MutableByteView(buf).subspan(10, 32));
          }) == Status::invalid_argument);
  }
  const Bytes salt = random_bytes(16);
  CHECK(pwhash_derive(PwhashAlg::argon2id, kPassword, salt, {3, 8192}, 32) !=
        pwhash_derive(PwhashAlg::argon2i, kPassword, salt, {3, 8192}, 32));
  CHECK(status_of([&] { pwhash_salt_size(static_cast<PwhashAlg>(4)); }) == Status::unsupported);
  CHECK(status_of([&] { pwhash_derive(static_cast<PwhashAlg>(0), kPassword, salt, {3, 8192}, 32); }) ==
        Status::unsupported);
  CHECK(pwhash_salt_size(PwhashAlg::argon2id) == 16);
  CHECK(pwhash_salt_size(PwhashAlg::scrypt) == 32);
}

TEST_CASE("pwhash: presets lie within the limits, and the interactive one works", "[pwhash][presets]") {
  for (PwhashAlg alg : kAlgs) {
    const PwhashLimits lo = pwhash_min_limits(alg);
    const PwhashLimits hi = pwhash_max_limits(alg);
    for (PwhashPreset p : {PwhashPreset::interactive, PwhashPreset::moderate,
                           PwhashPreset::sensitive}) {
      INFO("algorithm " << static_cast<int>(alg) << " preset " << static_cast<int>(p));
      if (alg == PwhashAlg::scrypt && p == PwhashPreset::moderate) {
        CHECK(status_of([&] { pwhash_preset_limits(alg, p); }) == Status::unsupported);
        continue;
      }
      const PwhashLimits l = pwhash_preset_limits(alg, p);
      CHECK(l.opslimit >= lo.opslimit);
      CHECK(l.opslimit <= hi.opslimit);
      CHECK(l.memlimit >= lo.memlimit);
      CHECK(l.memlimit <= hi.memlimit);
    }
    const PwhashLimits i = pwhash_preset_limits(alg, PwhashPreset::interactive);
    const PwhashLimits s = pwhash_preset_limits(alg, PwhashPreset::sensitive);
    CHECK(i.opslimit * i.memlimit < s.opslimit * s.memlimit);
  }
  CHECK(status_of([&] { pwhash_preset_limits(PwhashAlg::argon2id, static_cast<PwhashPreset>(4)); }) ==
        Status::unsupported);
  const PwhashLimits interactive = pwhash_preset_limits(PwhashAlg::argon2id, PwhashPreset::interactive);
  const std::string str = pwhash_str(PwhashAlg::argon2id, kPassword, interactive);
  CHECK(pwhash_str_verify(str, kPassword));
  CHECK_FALSE(pwhash_str_needs_rehash(str, interactive));
  CHECK(pwhash_str_needs_rehash(str, pwhash_preset_limits(PwhashAlg::argon2id, PwhashPreset::moderate)));
}
