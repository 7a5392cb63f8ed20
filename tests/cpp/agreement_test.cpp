// Key agreement: RFC 7748 vectors on both backends, backends against each other, ECDH, misuse.
#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/agreement.hpp"
#include "vectors.hpp"

using namespace nacre;
using test::status_of;

namespace {

const Backend kBackends[] = {Backend::boringssl, Backend::sodium};

Bytes bytes_of(const SecretBytes &s) { return Bytes(s.view().begin(), s.view().end()); }

Key x25519_private(const Bytes &scalar) { return Key::import(KeyFormat::raw_private, scalar, KeyType::x25519); }
Key x25519_public(const Bytes &u) { return Key::import(KeyFormat::raw_public, u, KeyType::x25519); }

}  // namespace

TEST_CASE("RFC 7748 X25519 vectors on both backends", "[agreement][x25519][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("x25519.txt")) {
    for (Backend b : kBackends) {
      INFO("vector at line " << v.line << " on " << backend_name(b));
      if (v.fields.count("SCALAR") != 0) {
        CHECK(bytes_of(agree(x25519_private(v.bytes("SCALAR")), x25519_public(v.bytes("U")), b)) ==
              v.bytes("OUTPUT"));
      } else if (v.fields.count("ALICE_PRIVATE") != 0) {
        const Key alice = x25519_private(v.bytes("ALICE_PRIVATE"));
        const Key bob = x25519_private(v.bytes("BOB_PRIVATE"));
        CHECK(alice.export_public(KeyFormat::raw_public) == v.bytes("ALICE_PUBLIC"));
        CHECK(bob.export_public(KeyFormat::raw_public) == v.bytes("BOB_PUBLIC"));
        CHECK(bytes_of(agree(alice, bob.public_key(), b)) == v.bytes("SHARED"));
        CHECK(bytes_of(agree(bob, alice.public_key(), b)) == v.bytes("SHARED"));
      } else {
        // Iterated: k, u <- X25519(k, u), k starting at and u at 9 (section 5.2).
        Bytes k(32, 0), u(32, 0);
        k[0] = 9;
        u[0] = 9;
        const int n = std::stoi(v.str("ITERATIONS"));
        for (int i = 0; i < n; ++i) {
          Bytes next = bytes_of(agree(x25519_private(k), x25519_public(u), b));
          u = k;
          k = next;
        }
        CHECK(k == v.bytes("OUTPUT"));
      }
    }
    ++checked;
  }
  CHECK(checked >= 4);
}

TEST_CASE("X25519 backends agree on random keys", "[agreement][x25519][cross]") {
  for (int i = 0; i < 32; ++i) {
    const Key a = Key::generate(KeyType::x25519);
    const Key b = Key::generate(KeyType::x25519);
    const SecretBytes s1 = agree(a, b.public_key(), Backend::boringssl);
    const SecretBytes s2 = agree(a, b.public_key(), Backend::sodium);
    const SecretBytes s3 = agree(b, a.public_key(), Backend::sodium);
    CHECK(s1 == s2);
    CHECK(s2 == s3);
  }
}

TEST_CASE("X25519 small-order peers give the all-zero secret and are refused", "[agreement][x25519]") {
  const Key a = Key::generate(KeyType::x25519);
  for (int first : {0, 1}) {  // u = 0 and u = 1 have small order
    Bytes u(32, 0);
    u[0] = static_cast<std::uint8_t>(first);
    const Key peer = x25519_public(u);
    for (Backend b : kBackends) {
      CHECK(status_of([&] { agree(a, peer, b); }) == Status::invalid_key);
    }
  }
}

TEST_CASE("ECDH on P-256 and P-384 agrees both ways", "[agreement][ecdh]") {
  for (KeyType t : {KeyType::p256, KeyType::p384}) {
    const Key a = Key::generate(t);
    const Key b = Key::generate(t);
    const SecretBytes ab = agree(a, b.public_key());
    CHECK(ab.size() == agreement_size(t));
    CHECK(ab == agree(b, a.public_key()));
    // The peer may come as a compressed point.
    const Key b_compressed = Key::import(KeyFormat::sec1_compressed, b.export_public(KeyFormat::sec1_compressed), t);
    CHECK(ab == agree(a, b_compressed));
    CHECK(status_of([&] { agree(a, b.public_key(), Backend::sodium); }) == Status::unsupported);
  }
}

TEST_CASE("key agreement misuse", "[agreement]") {
  const Key x = Key::generate(KeyType::x25519);
  const Key p = Key::generate(KeyType::p256);
  const Key q = Key::generate(KeyType::p384);
  CHECK(status_of([&] { agree(x, p.public_key()); }) == Status::invalid_key);
  CHECK(status_of([&] { agree(p, q.public_key()); }) == Status::invalid_key);
  CHECK(status_of([&] { agree(x.public_key(), x); }) == Status::invalid_argument);
  const Key ed = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { agree(ed, ed); }) == Status::invalid_key);
}
