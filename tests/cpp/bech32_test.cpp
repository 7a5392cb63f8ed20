// src/bech32.cpp against BIP 173's test vectors (checksums) and age's key examples.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "bech32.hpp"
#include "nacre/encoding.hpp"

using nacre::detail::bech32_decode;
using nacre::detail::bech32_decode_groups;
using nacre::detail::bech32_encode;

namespace {
std::string text(const nacre::SecretBytes &s) { return std::string(s.view().begin(), s.view().end()); }
}  // namespace

TEST_CASE("bech32: BIP 173's valid checksums decode", "[bech32]") {
  const std::string longest = "11" + std::string(82, 'q') + "c8247j";  // 90 characters
  for (const std::string &valid : std::vector<std::string>{
           "A12UEL5L",
           "a12uel5l",
           "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
           "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
           longest,
           "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
           "?1ezyfcl",
       }) {
    INFO(valid);
    CHECK_NOTHROW(bech32_decode_groups(valid));
  }
  // "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7l...": its data part is the alphabet in order.
  const auto g = bech32_decode_groups("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw");
  CHECK(g.hrp == "abcdef");
  REQUIRE(g.groups.size() == 32);
  for (std::size_t i = 0; i < 32; ++i) CHECK(g.groups.data()[i] == i);
}

TEST_CASE("bech32: BIP 173's invalid strings are refused", "[bech32]") {
  for (const std::string &invalid : {
           std::string("\x20") + "1nwldj5",   // HRP character out of range
           std::string("\x7f") + "1axkwrx",
           std::string("\x80") + "1eym55h",
           std::string("pzry9x0s0muk"),       // no separator
           std::string("1pzry9x0s0muk"),      // empty HRP
           std::string("x1b4n0q5v"),          // invalid data character
           std::string("li1dgmt3"),           // checksum too short
           std::string("de1lg7wt") + "\xff",  // invalid checksum character
           std::string("A1G7SGD8"),           // checksum of the upper-case HRP
           std::string("10a06t8"),            // empty HRP
           std::string("1qzzfhee"),
           std::string("a12UEL5L"),           // mixed case
       }) {
    INFO(invalid);
    CHECK_THROWS_AS(bech32_decode_groups(invalid), nacre::Error);
  }
}

TEST_CASE("bech32: age's example identity round-trips, in either case", "[bech32]") {
  // c2sp.org/age: the X25519 identity example (32 bytes of 0x42).
  const std::string id = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
  const auto decoded = bech32_decode(id);
  CHECK(decoded.hrp == "age-secret-key-");
  std::string hex;
  for (int i = 0; i < 32; ++i) hex += "42";
  CHECK(nacre::to_hex(decoded.data.view()) == hex);
  std::string lower = id;
  for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(text(bech32_encode("age-secret-key-", decoded.data.view())) == lower);
  CHECK(bech32_decode(lower).data == decoded.data);
}

TEST_CASE("bech32: every changed character is refused", "[bech32]") {
  std::string good = text(bech32_encode("age", nacre::Bytes(32, 7)));
  for (std::size_t i = 4; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = bad[i] == 'q' ? 'p' : 'q';
    INFO(bad);
    CHECK_THROWS_AS(bech32_decode(bad), nacre::Error);
  }
}
