// The password-hashing C ABI: known answers, hash strings, and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "capi_checks.hpp"
#include "guarded.hpp"
#include "nacre.h"
#include "vectors.hpp"

using nacre::test::expect_failure;
using nacre::test::Guarded;

namespace {

const int kAlgs[] = {NACRE_PWHASH_ARGON2ID, NACRE_PWHASH_ARGON2I, NACRE_PWHASH_SCRYPT};
const uint8_t kPw[] = {'h', 'u', 'n', 't', 'e', 'r', '2'};

// The smallest limits each algorithm accepts (libsodium's MIN constants), for quick tests.
struct Limits {
  uint64_t ops;
  size_t mem;
};
Limits min_limits(int alg) {
  switch (alg) {
    case NACRE_PWHASH_ARGON2ID: return {1, 8192};
    case NACRE_PWHASH_ARGON2I: return {3, 8192};
    default: return {32768, 16777216};
  }
}

int alg_number(const std::string &name) {
  if (name == "argon2id") return NACRE_PWHASH_ARGON2ID;
  if (name == "argon2i") return NACRE_PWHASH_ARGON2I;
  FAIL("unknown algorithm " << name);
  return 0;
}

// A hash string in a buffer with no NUL after it, as the ABI allows.
std::vector<char> unterminated(const std::string &s) { return {s.begin(), s.end()}; }

std::string make_str(int alg, Limits l) {
  Guarded out(nacre_pwhash_str_len());
  size_t len = 0;
  REQUIRE(nacre_pwhash_str(alg, reinterpret_cast<char *>(out.data()), out.cap(), &len, kPw,
                           sizeof kPw, l.ops, l.mem) == NACRE_OK);
  CHECK(out.fences_intact());
  REQUIRE(len < out.cap());
  CHECK(out.data()[len] == 0);
  CHECK(std::strlen(reinterpret_cast<const char *>(out.data())) == len);
  return {reinterpret_cast<const char *>(out.data()), len};
}

}  // namespace

TEST_CASE("pwhash: Argon2 known answers and hash strings through the C ABI", "[capi][pwhash][kat]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("argon2.txt")) {
    INFO("argon2.txt line " << v.line);
    const int alg = alg_number(v.str("ALG"));
    const auto pw = v.bytes("PASSWORD");
    const auto salt = v.bytes("SALT");
    const auto dk = v.bytes("DK");
    const uint64_t ops = std::stoull(v.str("OPSLIMIT"));
    const size_t mem = std::stoull(v.str("MEMLIMIT"));
    Guarded out(dk.size());
    REQUIRE(nacre_pwhash_derive(alg, out.data(), dk.size(), pw.data(), pw.size(), salt.data(),
                                salt.size(), ops, mem) == NACRE_OK);
    CHECK(out.bytes(dk.size()) == dk);
    CHECK(out.fences_intact());
    if (v.fields.count("ENCODED") != 0) {
      const auto str = unterminated(v.str("ENCODED"));
      CHECK(nacre_pwhash_str_verify(str.data(), str.size(), pw.data(), pw.size()) == NACRE_OK);
      CHECK(nacre_pwhash_str_verify(str.data(), str.size(), kPw, sizeof kPw) == NACRE_ERR_VERIFICATION_FAILED);
      int rehash = -1;
      CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), ops, mem, &rehash) == NACRE_OK);
      CHECK(rehash == 0);
      CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), ops + 1, mem, &rehash) == NACRE_OK);
      CHECK(rehash == 1);
    }
    ++checked;
  }
  CHECK(checked > 10);
}

TEST_CASE("pwhash: scrypt known answers through the C ABI", "[capi][pwhash][scrypt][kat]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("scrypt.txt")) {
    if (v.fields.count("SLOW") != 0 && v.str("SLOW") == "1") continue;  // about 1 GiB
    const auto pw = v.bytes("PASSWORD");
    const auto salt = v.bytes("SALT");
    const auto dk = v.bytes("DK");
    for (int b : {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      INFO("scrypt.txt line " << v.line << " backend " << b);
      Guarded out(dk.size());
      REQUIRE(nacre_scrypt(b, out.data(), dk.size(), pw.data(), pw.size(), salt.data(),
                           salt.size(), std::stoull(v.str("N")),
                           static_cast<uint32_t>(std::stoul(v.str("R"))),
                           static_cast<uint32_t>(std::stoul(v.str("P")))) == NACRE_OK);
      CHECK(out.bytes(dk.size()) == dk);
      CHECK(out.fences_intact());
      ++checked;
    }
  }
  CHECK(checked >= 9);
}

TEST_CASE("pwhash: hash strings through the C ABI", "[capi][pwhash][str]") {
  for (int alg : kAlgs) {
    INFO("alg " << alg);
    const Limits l = min_limits(alg);
    const auto str = unterminated(make_str(alg, l));
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), kPw, sizeof kPw) == NACRE_OK);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), kPw, sizeof kPw - 1) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size() - 1, kPw, sizeof kPw) != NACRE_OK);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), nullptr, 1) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), kPw, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_str_verify(nullptr, str.size(), kPw, sizeof kPw) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_str_verify(str.data(), SIZE_MAX, kPw, sizeof kPw) == NACRE_ERR_INVALID_ARGUMENT);
    // Altering any character past the parameters turns a match into a refusal.
    for (size_t i = 20; i < str.size(); ++i) {
      auto bad = str;
      bad[i] = static_cast<char>(bad[i] ^ 1);
      const int rc = nacre_pwhash_str_verify(bad.data(), bad.size(), kPw, sizeof kPw);
      CHECK((rc == NACRE_ERR_VERIFICATION_FAILED || rc == NACRE_ERR_INVALID_ARGUMENT));
    }

    int rehash = -1;
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), l.ops, l.mem, &rehash) == NACRE_OK);
    CHECK(rehash == 0);
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), l.ops * 2, l.mem, &rehash) == NACRE_OK);
    CHECK(rehash == 1);
    rehash = -1;
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), l.ops - 1, l.mem, &rehash) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(rehash == 0);
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), l.ops, NACRE_PWHASH_MAX_MEMLIMIT + 1, &rehash) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), l.ops, l.mem, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_str_needs_rehash(nullptr, 10, l.ops, l.mem, &rehash) == NACRE_ERR_INVALID_ARGUMENT);

    // The out/cap/len triple: the size needed is nacre_pwhash_str_len(), whatever the algorithm.
    size_t len = 0;
    CHECK(nacre_pwhash_str(alg, nullptr, 0, &len, kPw, sizeof kPw, l.ops, l.mem) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == nacre_pwhash_str_len());
    Guarded small(nacre_pwhash_str_len() - 1);
    CHECK(nacre_pwhash_str(alg, reinterpret_cast<char *>(small.data()), small.cap(), &len, kPw, sizeof kPw, l.ops, l.mem) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == nacre_pwhash_str_len());
    CHECK(small.zeroed());
    CHECK(small.fences_intact());
    auto str_call = [&](const uint8_t *pw, size_t pw_len, uint64_t ops, size_t mem, size_t *out_len) {
      return [=](uint8_t *out, size_t n) {
        return nacre_pwhash_str(alg, reinterpret_cast<char *>(out), n, out_len, pw, pw_len, ops, mem);
      };
    };
    const size_t cap = nacre_pwhash_str_len();
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, sizeof kPw, l.ops, l.mem, nullptr));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(nullptr, 3, l.ops, l.mem, &len));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, SIZE_MAX, l.ops, l.mem, &len));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, sizeof kPw, l.ops - 1, l.mem, &len));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, sizeof kPw, l.ops, l.mem - 1, &len));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, sizeof kPw, UINT64_C(1) << 32, l.mem, &len));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, cap, str_call(kPw, sizeof kPw, l.ops, NACRE_PWHASH_MAX_MEMLIMIT + 1, &len));
    CHECK(len == 0);
  }
  size_t len = 0;
  for (int alg : {0, 4, -1}) {
    INFO("alg " << alg);
    expect_failure(NACRE_ERR_UNSUPPORTED, nacre_pwhash_str_len(), [&](uint8_t *out, size_t n) {
      return nacre_pwhash_str(alg, reinterpret_cast<char *>(out), n, &len, kPw, sizeof kPw, 1, 8192);
    });
  }
}

TEST_CASE("pwhash: malformed and hostile hash strings through the C ABI", "[capi][pwhash][str][errors]") {
  const std::string good = make_str(NACRE_PWHASH_ARGON2ID, min_limits(NACRE_PWHASH_ARGON2ID));
  const std::string tail = good.substr(good.find('$', 20));
  const std::string cases[] = {
      "",
      "$argon2id$",
      "$argon2id$v=19$m=4294967295,t=1,p=1" + tail,  // 4 TiB
      "$argon2id$v=19$m=8,t=1,p=16777215" + tail,    // 128 GiB in lanes
      "$argon2id$v=19$m=8,t=1,p=1$$" + tail,
      std::string("\x9f\x00\xff$7$", 7),
      "$7$z/.........SodiumChloride",
      "$scrypt$ln=10,r=8,p=1$c2FsdA$aGFzaA",
      std::string(nacre_pwhash_str_len(), 'x'),
  };
  for (const std::string &s : cases) {
    INFO("string: " << s);
    const auto str = unterminated(s);
    CHECK(nacre_pwhash_str_verify(str.data(), str.size(), kPw, sizeof kPw) == NACRE_ERR_INVALID_ARGUMENT);
    int rehash = -1;
    CHECK(nacre_pwhash_str_needs_rehash(str.data(), str.size(), 1, 8192, &rehash) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(rehash == 0);
  }
  // A NUL inside the given length makes the string malformed, even after a valid hash.
  const std::string with_nul = good + std::string(1, '\0');
  CHECK(nacre_pwhash_str_verify(with_nul.data(), with_nul.size(), kPw, sizeof kPw) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_pwhash_str_verify(good.data(), good.size(), kPw, sizeof kPw) == NACRE_OK);
}

TEST_CASE("pwhash: derive, presets and sizes through the C ABI", "[capi][pwhash][derive]") {
  CHECK(nacre_pwhash_salt_len(NACRE_PWHASH_ARGON2ID) == 16);
  CHECK(nacre_pwhash_salt_len(NACRE_PWHASH_ARGON2I) == 16);
  CHECK(nacre_pwhash_salt_len(NACRE_PWHASH_SCRYPT) == 32);
  CHECK(nacre_pwhash_salt_len(0) == 0);
  CHECK(nacre_pwhash_salt_len(4) == 0);
  CHECK(nacre_pwhash_str_len() == 128);
  CHECK(NACRE_PWHASH_SCRYPT == 3);
  CHECK(NACRE_PWHASH_SENSITIVE == 3);

  for (int alg : kAlgs) {
    INFO("alg " << alg);
    for (int preset : {NACRE_PWHASH_INTERACTIVE, NACRE_PWHASH_MODERATE, NACRE_PWHASH_SENSITIVE}) {
      uint64_t ops = 1;
      size_t mem = 1;
      const int rc = nacre_pwhash_preset_limits(alg, preset, &ops, &mem);
      if (alg == NACRE_PWHASH_SCRYPT && preset == NACRE_PWHASH_MODERATE) {
        CHECK(rc == NACRE_ERR_UNSUPPORTED);
        CHECK(ops == 0);
        CHECK(mem == 0);
      } else {
        CHECK(rc == NACRE_OK);
        CHECK(ops >= min_limits(alg).ops);
        CHECK(mem >= min_limits(alg).mem);
        CHECK(mem <= NACRE_PWHASH_MAX_MEMLIMIT);
      }
    }
    uint64_t ops = 1;
    size_t mem = 1;
    CHECK(nacre_pwhash_preset_limits(alg, 0, &ops, &mem) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_pwhash_preset_limits(alg, 4, &ops, &mem) == NACRE_ERR_UNSUPPORTED);
    CHECK(ops == 0);
    CHECK(nacre_pwhash_preset_limits(alg, NACRE_PWHASH_INTERACTIVE, nullptr, &mem) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_pwhash_preset_limits(alg, NACRE_PWHASH_INTERACTIVE, &ops, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(ops == 0);

    const Limits l = min_limits(alg);
    const size_t salt_len = nacre_pwhash_salt_len(alg);
    const std::vector<uint8_t> salt(salt_len + 1, 0x5a);
    Guarded a(32);
    Guarded b(32);
    REQUIRE(nacre_pwhash_derive(alg, a.data(), 32, kPw, sizeof kPw, salt.data(), salt_len, l.ops, l.mem) == NACRE_OK);
    REQUIRE(nacre_pwhash_derive(alg, b.data(), 32, kPw, sizeof kPw - 1, salt.data(), salt_len, l.ops, l.mem) == NACRE_OK);
    CHECK(a.bytes(32) != b.bytes(32));
    CHECK(a.fences_intact());
    auto derive = [&](const uint8_t *pw, size_t pw_len, const uint8_t *s, size_t s_len, uint64_t o, size_t m) {
      return [=](uint8_t *out, size_t n) {
        return nacre_pwhash_derive(alg, out, n, pw, pw_len, s, s_len, o, m);
      };
    };
    const uint8_t *s = salt.data();
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len - 1, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len + 1, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, nullptr, salt_len, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, SIZE_MAX, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(nullptr, 7, s, salt_len, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len, l.ops - 1, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len, UINT64_MAX, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len, l.ops, l.mem - 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len, l.ops, NACRE_PWHASH_MAX_MEMLIMIT + 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, derive(kPw, 7, s, salt_len, l.ops, SIZE_MAX));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 15, derive(kPw, 7, s, salt_len, l.ops, l.mem));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 0, derive(kPw, 7, s, salt_len, l.ops, l.mem));
    CHECK(nacre_pwhash_derive(alg, nullptr, 32, kPw, 7, s, salt_len, l.ops, l.mem) == NACRE_ERR_INVALID_ARGUMENT);
  }
  const uint8_t salt[16] = {};
  for (int alg : {0, 4}) {
    expect_failure(NACRE_ERR_UNSUPPORTED, 32, [&](uint8_t *out, size_t n) {
      return nacre_pwhash_derive(alg, out, n, kPw, sizeof kPw, salt, 16, 3, 8192);
    });
    uint64_t ops = 0;
    size_t mem = 0;
    CHECK(nacre_pwhash_preset_limits(alg, NACRE_PWHASH_INTERACTIVE, &ops, &mem) == NACRE_ERR_UNSUPPORTED);
  }
}

TEST_CASE("pwhash: raw scrypt through the C ABI: bad parameters", "[capi][pwhash][scrypt][errors]") {
  const uint8_t salt[] = {'N', 'a', 'C', 'l'};
  auto scrypt = [&](int b, const uint8_t *pw, size_t pw_len, uint64_t n, uint32_t r, uint32_t p) {
    return [=](uint8_t *out, size_t len) {
      return nacre_scrypt(b, out, len, pw, pw_len, salt, sizeof salt, n, r, p);
    };
  };
  for (int b : {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
    INFO("backend " << b);
    Guarded a(64);
    Guarded c(64);
    REQUIRE(nacre_scrypt(b, a.data(), 64, kPw, sizeof kPw, salt, sizeof salt, 32, 2, 2) == NACRE_OK);
    REQUIRE(nacre_scrypt(NACRE_BACKEND_SODIUM, c.data(), 64, kPw, sizeof kPw, salt, sizeof salt, 32, 2, 2) == NACRE_OK);
    CHECK(a.bytes(64) == c.bytes(64));
    CHECK(a.fences_intact());
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 0, scrypt(b, kPw, 7, 16, 1, 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, NACRE_SCRYPT_MAX_LEN + 1, scrypt(b, kPw, 7, 16, 1, 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, nullptr, 7, 16, 1, 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, SIZE_MAX, 16, 1, 1));
    for (uint64_t n : {UINT64_C(0), UINT64_C(1), UINT64_C(24), UINT64_C(1) << 33, UINT64_MAX}) {
      expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, n, 1, 1));
    }
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, 16, 0, 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, 16, 1, 0));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, 16, 1u << 20, 1u << 10));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, 16, UINT32_MAX, UINT32_MAX));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, UINT64_C(1) << 16, 1, 1));
    expect_failure(NACRE_ERR_INVALID_ARGUMENT, 32, scrypt(b, kPw, 7, UINT64_C(1) << 22, 8, 1));  // 4 GiB + 1 KiB
    CHECK(nacre_scrypt(b, nullptr, 32, kPw, 7, salt, 4, 16, 1, 1) == NACRE_ERR_INVALID_ARGUMENT);
  }
  for (int b : {-1, 3}) expect_failure(NACRE_ERR_UNSUPPORTED, 32, scrypt(b, kPw, 7, 16, 1, 1));
}

TEST_CASE("pwhash: a stored string asking for an absurd time cost is refused at once", "[capi][pwhash]") {
  // Well-formed, within the memory cap, but t = 2^32-1 passes: days of work if run.
  const char *hostile = "$argon2id$v=19$m=8,t=4294967295,p=1$c29tZXNhbHRzb21lc2FsdA$"
                        "iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8";
  const uint8_t pw[] = {'p'};
  CHECK(nacre_pwhash_str_verify(hostile, std::strlen(hostile), pw, 1) == NACRE_ERR_INVALID_ARGUMENT);
  const std::string just_over = "$argon2id$v=19$m=8,t=" + std::to_string(NACRE_PWHASH_ARGON2_MAX_OPSLIMIT + 1) +
                                ",p=1$c29tZXNhbHRzb21lc2FsdA$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8";
  CHECK(nacre_pwhash_str_verify(just_over.c_str(), just_over.size(), pw, 1) == NACRE_ERR_INVALID_ARGUMENT);
  uint8_t out[32];
  uint8_t salt[16] = {0};
  CHECK(nacre_pwhash_derive(NACRE_PWHASH_ARGON2ID, out, sizeof out, pw, 1, salt, 16,
                            NACRE_PWHASH_ARGON2_MAX_OPSLIMIT + 1, 8192) == NACRE_ERR_INVALID_ARGUMENT);
}
