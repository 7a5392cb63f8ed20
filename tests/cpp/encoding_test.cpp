#include <catch2/catch.hpp>

#include "nacre/encoding.hpp"

using nacre::Bytes;

TEST_CASE("hex round trip and rejection of bad hex", "[encoding]") {
  const Bytes b = {0x00, 0x01, 0xab, 0xff};
  CHECK(nacre::to_hex(b) == "0001abff");
  CHECK(nacre::from_hex("0001ABff") == b);
  CHECK(nacre::from_hex("").empty());
  CHECK_THROWS_AS(nacre::from_hex("abc"), nacre::Error);
  CHECK_THROWS_AS(nacre::from_hex("zz"), nacre::Error);
  CHECK_THROWS_AS(nacre::from_hex("00 1"), nacre::Error);
}

TEST_CASE("base64 per RFC 4648 section 10", "[encoding]") {
  // RFC 4648's own test vectors.
  const std::pair<const char *, const char *> cases[] = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto &[plain, b64] : cases) {
    const std::string p(plain);
    const Bytes bytes(p.begin(), p.end());
    CHECK(nacre::to_base64(bytes) == b64);
    CHECK(nacre::from_base64(b64) == bytes);
  }
  CHECK_THROWS_AS(nacre::from_base64("Zg="), nacre::Error);
  CHECK_THROWS_AS(nacre::from_base64("Z!=="), nacre::Error);
}
