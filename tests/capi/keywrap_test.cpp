// The key-wrap C ABI: the RFCs' examples and Wycheproof's aes_wrap_test.json through libnacre.so,
// the size convention, and zeroed outputs after a failed unwrap.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "nacre.h"
#include "vectors.hpp"

using nacre::test::Bytes;

namespace {

int mode_named(const std::string &name) { return name == "rfc3394" ? NACRE_KEYWRAP_RFC3394 : NACRE_KEYWRAP_RFC5649; }

// Wraps (or unwraps) through the C ABI after a size query; returns the status.
int run(bool wrap, int mode, const Bytes &kek, const Bytes &in, Bytes &out) {
  auto fn = wrap ? nacre_aes_key_wrap : nacre_aes_key_unwrap;
  size_t need = 0;
  const int q = fn(mode, kek.data(), kek.size(), nullptr, 0, &need, in.data(), in.size());
  if (q != NACRE_ERR_BUFFER_TOO_SMALL) return q;
  out.assign(need, 0xee);
  size_t len = 0;
  const int rc = fn(mode, kek.data(), kek.size(), out.data(), out.size(), &len, in.data(), in.size());
  if (rc != NACRE_OK) {
    CHECK(std::all_of(out.begin(), out.end(), [](uint8_t b) { return b == 0; }));
    return rc;
  }
  out.resize(len);
  return rc;
}

}  // namespace

TEST_CASE("capi keywrap: the RFC 3394 and RFC 5649 examples", "[capi][keywrap]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("keywrap.txt")) {
    INFO("keywrap.txt line " << v.line);
    const int mode = mode_named(v.str("MODE"));
    Bytes wrapped, key;
    REQUIRE(run(true, mode, v.bytes("KEK"), v.bytes("KEY"), wrapped) == NACRE_OK);
    CHECK(wrapped == v.bytes("WRAPPED"));
    REQUIRE(run(false, mode, v.bytes("KEK"), v.bytes("WRAPPED"), key) == NACRE_OK);
    CHECK(key == v.bytes("KEY"));
    ++checked;
  }
  CHECK(checked == 8);
}

TEST_CASE("capi keywrap: Wycheproof aes_wrap_test.json", "[capi][keywrap][wycheproof]") {
  const auto doc = nacre::test::read_wycheproof("aes_wrap_test.json");
  if (doc.is_null()) {
    WARN("Wycheproof folder absent: skipping aes_wrap_test.json");
    return;
  }
  int valid = 0, invalid = 0, acceptable = 0;
  for (const auto &g : doc.at("testGroups")) {
    for (const auto &t : g.at("tests")) {
      const Bytes kek = nacre::test::unhex(t.at("key"));
      Bytes out;
      const int rc = run(false, NACRE_KEYWRAP_RFC3394, kek, nacre::test::unhex(t.at("ct")), out);
      const std::string result = t.at("result");
      INFO("tcId " << t.at("tcId").get<int>() << " " << result);
      if (rc == NACRE_OK) CHECK(out == nacre::test::unhex(t.at("msg")));
      if (rc != NACRE_OK) CHECK(rc == NACRE_ERR_VERIFICATION_FAILED);
      if (result == "valid") {
        CHECK(rc == NACRE_OK);
        ++valid;
      } else if (result == "invalid") {
        CHECK(rc != NACRE_OK);
        ++invalid;
      } else {
        ++acceptable;
      }
    }
  }
  CHECK(valid + invalid + acceptable == doc.at("numberOfTests").get<int>());
  std::printf("wycheproof aes_wrap_test.json (C ABI): %d valid passed, %d invalid rejected, %d acceptable\n", valid,
              invalid, acceptable);
}

TEST_CASE("capi keywrap: RFC 5649 reports the key's own length", "[capi][keywrap]") {
  const Bytes kek(32, 9);
  for (size_t n : {1, 7, 8, 9, 33}) {
    const Bytes key(n, 0x61);
    Bytes wrapped, back;
    REQUIRE(run(true, NACRE_KEYWRAP_RFC5649, kek, key, wrapped) == NACRE_OK);
    CHECK(wrapped.size() == (n + 7) / 8 * 8 + NACRE_KEYWRAP_OVERHEAD);
    REQUIRE(run(false, NACRE_KEYWRAP_RFC5649, kek, wrapped, back) == NACRE_OK);
    CHECK(back == key);
    wrapped.back() ^= 0x80;
    CHECK(run(false, NACRE_KEYWRAP_RFC5649, kek, wrapped, back) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(std::string(nacre_last_error_message()).find("integrity") != std::string::npos);
  }
}
