// AES key wrap (RFC 3394, RFC 5649): the RFCs' examples, Wycheproof's aes_wrap_test.json, the
// size rules and the zeroing of failed unwraps.
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/keywrap.hpp"
#include "vectors.hpp"
#include "wycheproof_tally.hpp"

using namespace nacre;
using test::status_of;

namespace {

Bytes reveal(const SecretBytes &s) { return {s.view().begin(), s.view().end()}; }

KeyWrapMode mode_named(const std::string &name) {
  if (name == "rfc3394") return KeyWrapMode::rfc3394;
  REQUIRE(name == "rfc5649");
  return KeyWrapMode::rfc5649;
}

const Bytes kKek(16, 0x42);

}  // namespace

TEST_CASE("keywrap: the RFC 3394 and RFC 5649 examples", "[keywrap][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("keywrap.txt")) {
    INFO("keywrap.txt line " << v.line);
    const KeyWrapMode mode = mode_named(v.str("MODE"));
    const Bytes kek = v.bytes("KEK");
    const Bytes key = v.bytes("KEY");
    const Bytes wrapped = v.bytes("WRAPPED");
    CHECK(key_wrap_size(mode, key.size()) == wrapped.size());
    CHECK(key_wrap(mode, kek, key) == wrapped);
    CHECK(reveal(key_unwrap(mode, kek, wrapped)) == key);
    ++checked;
  }
  CHECK(checked == 8);
}

TEST_CASE("keywrap: Wycheproof aes_wrap_test.json (RFC 3394)", "[keywrap][wycheproof]") {
  const auto doc = test::read_wycheproof("aes_wrap_test.json");
  if (doc.is_null()) {
    WARN("Wycheproof folder absent (" << test::wycheproof_dir() << "): skipping aes_wrap_test.json");
    return;
  }
  test::Tally tally{"aes_wrap_test.json"};
  for (const auto &g : doc.at("testGroups")) {
    for (const auto &t : g.at("tests")) {
      const Bytes kek = test::unhex(t.at("key"));
      const Bytes msg = test::unhex(t.at("msg"));
      const Bytes ct = test::unhex(t.at("ct"));
      bool accepted = false;
      const Status st = status_of([&] {
        const SecretBytes out = key_unwrap(KeyWrapMode::rfc3394, kek, ct);
        CHECK(reveal(out) == msg);
        accepted = true;
      });
      if (t.at("result") == "valid") {
        INFO("tcId " << t.at("tcId").get<int>());
        CHECK(key_wrap(KeyWrapMode::rfc3394, kek, msg) == ct);  // wrapping is deterministic
      }
      tally.record(t, accepted, st);
    }
  }
  tally.print();
}

TEST_CASE("keywrap: sizes each mode accepts", "[keywrap]") {
  CHECK(status_of([] { (void)key_wrap_size(KeyWrapMode::rfc3394, 8); }) == Status::invalid_argument);
  CHECK(status_of([] { (void)key_wrap_size(KeyWrapMode::rfc3394, 17); }) == Status::invalid_argument);
  CHECK(key_wrap_size(KeyWrapMode::rfc3394, 16) == 24);
  CHECK(status_of([] { (void)key_wrap_size(KeyWrapMode::rfc5649, 0); }) == Status::invalid_argument);
  CHECK(key_wrap_size(KeyWrapMode::rfc5649, 1) == 16);
  CHECK(key_wrap_size(KeyWrapMode::rfc5649, 9) == 24);
  CHECK(status_of([] { (void)key_wrap_size(static_cast<KeyWrapMode>(3), 16); }) == Status::unsupported);
  for (std::size_t bad : {0, 8, 15, 17, 31, 33, 64}) {
    INFO("KEK of " << bad << " bytes");
    const Bytes kek(bad, 1);
    CHECK(status_of([&] { (void)key_wrap(KeyWrapMode::rfc3394, kek, Bytes(16, 2)); }) == Status::invalid_key);
    CHECK(status_of([&] { (void)key_unwrap(KeyWrapMode::rfc5649, kek, Bytes(3, 2)); }) == Status::invalid_key);
  }
  // A length no wrap produces cannot be authentic.
  for (std::size_t n : {0, 8, 16, 25}) {
    CHECK(status_of([&] { (void)key_unwrap(KeyWrapMode::rfc3394, kKek, Bytes(n, 0)); }) ==
          Status::verification_failed);
  }
  for (std::size_t n : {0, 8, 17}) {
    CHECK(status_of([&] { (void)key_unwrap(KeyWrapMode::rfc5649, kKek, Bytes(n, 0)); }) ==
          Status::verification_failed);
  }
}

TEST_CASE("keywrap: round trips, tampering, and zeroed outputs", "[keywrap]") {
  for (const KeyWrapMode mode : {KeyWrapMode::rfc3394, KeyWrapMode::rfc5649}) {
    for (std::size_t n : {16, 24, 32, 40, 64}) {
      const Bytes key(n, static_cast<std::uint8_t>(n));
      const Bytes wrapped = key_wrap(mode, kKek, key);
      CHECK(reveal(key_unwrap(mode, kKek, wrapped)) == key);
      for (std::size_t i = 0; i < wrapped.size(); i += 7) {
        Bytes bad = wrapped;
        bad[i] ^= 1;
        Bytes out(key_unwrap_max_size(mode, bad.size()), 0xee);
        CHECK(status_of([&] { (void)key_unwrap_into(mode, kKek, bad, out); }) == Status::verification_failed);
        CHECK(std::all_of(out.begin(), out.end(), [](std::uint8_t b) { return b == 0; }));
      }
      const Bytes other(32, 7);
      CHECK(status_of([&] { (void)key_unwrap(mode, other, wrapped); }) == Status::verification_failed);  // another KEK
    }
  }
  // RFC 5649 pads: a 1-byte key round-trips, and the bytes past the key in |out| are zeroed.
  const Bytes one = {0x5a};
  const Bytes wrapped = key_wrap(KeyWrapMode::rfc5649, kKek, one);
  CHECK(wrapped.size() == 16);
  Bytes out(key_unwrap_max_size(KeyWrapMode::rfc5649, wrapped.size()), 0xee);
  CHECK(key_unwrap_into(KeyWrapMode::rfc5649, kKek, wrapped, out) == 1);
  CHECK(out[0] == 0x5a);
  CHECK(std::all_of(out.begin() + 1, out.end(), [](std::uint8_t b) { return b == 0; }));
}
