// Signatures: RFC 8032 vectors, round trips for every algorithm, both Ed25519 backends against
// each other, digests, the Ed25519 policy, and misuse.
#include <algorithm>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/hash.hpp"
#include "nacre/signature.hpp"
#include "vectors.hpp"

using namespace nacre;
using test::status_of;

namespace {

struct AlgCase {
  SigAlg alg;
  KeyType type;
  std::size_t rsa_bits;
};

const AlgCase kSigning[] = {
    {SigAlg::ed25519, KeyType::ed25519, 0},
    {SigAlg::ecdsa_p256_sha256, KeyType::p256, 0},
    {SigAlg::ecdsa_p256_sha256_p1363, KeyType::p256, 0},
    {SigAlg::ecdsa_p384_sha384, KeyType::p384, 0},
    {SigAlg::ecdsa_p384_sha384_p1363, KeyType::p384, 0},
    {SigAlg::rsa_pss_sha256, KeyType::rsa, 2048},
};

const Backend kBackends[] = {Backend::boringssl, Backend::sodium};

}  // namespace

TEST_CASE("RFC 8032 Ed25519 vectors on both backends", "[signature][ed25519][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("ed25519.txt")) {
    const Key k = Key::import(KeyFormat::raw_private, v.bytes("SECRET"), KeyType::ed25519);
    CHECK(k.export_public(KeyFormat::raw_public) == v.bytes("PUBLIC"));
    const Key pub = Key::import(KeyFormat::raw_public, v.bytes("PUBLIC"), KeyType::ed25519);
    for (Backend b : kBackends) {
      CHECK(sign(k, SigAlg::ed25519, v.bytes("MESSAGE"), b) == v.bytes("SIGNATURE"));
      CHECK(status_of([&] { verify(pub, SigAlg::ed25519, v.bytes("SIGNATURE"), v.bytes("MESSAGE"), b); }) ==
            Status::ok);
    }
    ++checked;
  }
  CHECK(checked >= 5);
}

TEST_CASE("every signature algorithm signs and verifies; alterations fail", "[signature]") {
  const Bytes msg = {'n', 'a', 'c', 'r', 'e'};
  for (const auto &c : kSigning) {
    INFO("alg " << static_cast<int>(c.alg));
    const Key k = Key::generate(c.type, c.rsa_bits);
    const Key pub = k.public_key();
    const Bytes sig = sign(k, c.alg, msg);
    CHECK(sig.size() <= signature_max_size(k, c.alg));
    CHECK(status_of([&] { verify(pub, c.alg, sig, msg); }) == Status::ok);
    CHECK(status_of([&] { verify(k, c.alg, sig, msg); }) == Status::ok);  // a key pair verifies too
    Bytes bad = sig;
    bad[bad.size() / 2] ^= 0x10;
    CHECK(status_of([&] { verify(pub, c.alg, bad, msg); }) == Status::verification_failed);
    Bytes other = msg;
    other[0] ^= 1;
    CHECK(status_of([&] { verify(pub, c.alg, sig, other); }) == Status::verification_failed);
    CHECK(status_of([&] { verify(pub, c.alg, ByteView(sig).first(sig.size() - 1), msg); }) ==
          Status::verification_failed);
    CHECK(status_of([&] { verify(pub, c.alg, {}, msg); }) == Status::verification_failed);
    const Key stranger = Key::generate(c.type, c.rsa_bits);
    CHECK(status_of([&] { verify(stranger, c.alg, sig, msg); }) == Status::verification_failed);
    // Signing needs the private key; keys must fit the algorithm.
    CHECK(status_of([&] { sign(pub, c.alg, msg); }) == Status::invalid_argument);
    const Key wrong = Key::generate(c.type == KeyType::ed25519 ? KeyType::p256 : KeyType::ed25519);
    CHECK(status_of([&] { sign(wrong, c.alg, msg); }) == Status::invalid_key);
    CHECK(status_of([&] { verify(wrong, c.alg, sig, msg); }) == Status::invalid_key);
  }
}

TEST_CASE("Ed25519: each backend verifies the other's signatures", "[signature][ed25519][cross]") {
  for (int i = 0; i < 20; ++i) {
    const Key k = Key::generate(KeyType::ed25519);
    const Bytes msg(static_cast<std::size_t>(i * 37), static_cast<std::uint8_t>(i));
    const Bytes a = sign(k, SigAlg::ed25519, msg, Backend::boringssl);
    const Bytes b = sign(k, SigAlg::ed25519, msg, Backend::sodium);
    CHECK(a == b);  // Ed25519 is deterministic: the backends must agree byte for byte
    CHECK(status_of([&] { verify(k.public_key(), SigAlg::ed25519, a, msg, Backend::sodium); }) == Status::ok);
    CHECK(status_of([&] { verify(k.public_key(), SigAlg::ed25519, b, msg, Backend::boringssl); }) == Status::ok);
  }
}

TEST_CASE("Ed25519 policy: non-canonical S and identity R fail on both backends", "[signature][ed25519]") {
  const Key k = Key::generate(KeyType::ed25519);
  const Bytes msg = {1, 2, 3};
  const Bytes sig = sign(k, SigAlg::ed25519, msg);
  // S + L is the same scalar modulo L: libsodium refuses it; nacre refuses it on both backends.
  static const std::uint8_t L[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                     0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                                     0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
  Bytes malleable = sig;
  unsigned carry = 0;
  for (std::size_t i = 0; i < 32; ++i) {
    const unsigned s = malleable[32 + i] + L[i] + carry;
    malleable[32 + i] = static_cast<std::uint8_t>(s);
    carry = s >> 8;
  }
  REQUIRE(carry == 0);  // S < L < 2^253, so S + L fits in 32 bytes
  Bytes identity_r = sig;
  std::fill(identity_r.begin(), identity_r.begin() + 32, 0);
  identity_r[0] = 1;
  for (Backend b : kBackends) {
    CHECK(status_of([&] { verify(k, SigAlg::ed25519, malleable, msg, b); }) == Status::verification_failed);
    CHECK(status_of([&] { verify(k, SigAlg::ed25519, identity_r, msg, b); }) == Status::verification_failed);
  }
}

TEST_CASE("ECDSA over a precomputed digest matches the message form", "[signature][ecdsa]") {
  const Bytes msg = {'d', 'i', 'g', 'e', 's', 't'};
  struct DigestCase {
    SigAlg alg;
    KeyType type;
    HashAlg h;
  };
  for (const auto &[alg, type, h] : {DigestCase{SigAlg::ecdsa_p256_sha256, KeyType::p256, HashAlg::sha256},
                                     DigestCase{SigAlg::ecdsa_p384_sha384_p1363, KeyType::p384, HashAlg::sha384}}) {
    const SigAlg a = alg;  // clang 14 cannot capture structured bindings in lambdas
    const Key k = Key::generate(type);
    const Bytes digest = hash(h, msg);
    Bytes sig(signature_max_size(k, a));
    sig.resize(sign_digest_into(sig, k, a, digest));
    CHECK(status_of([&] { verify(k, a, sig, msg); }) == Status::ok);
    CHECK(status_of([&] { verify_digest(k, a, sig, digest); }) == Status::ok);
    CHECK(status_of([&] { verify_digest(k, a, sig, ByteView(digest).first(20)); }) == Status::invalid_argument);
  }
  const Key ed = Key::generate(KeyType::ed25519);
  Bytes out(64);
  CHECK(status_of([&] { sign_digest_into(out, ed, SigAlg::ed25519, Bytes(32)); }) == Status::unsupported);
}

TEST_CASE("RSA: PKCS#1 v1.5 is verify-only, PSS salt length is exact", "[signature][rsa]") {
  const Key k = Key::generate(KeyType::rsa, 2048);
  const Bytes msg = {'r', 's', 'a'};
  CHECK(status_of([&] { sign(k, SigAlg::rsa_pkcs1_sha256, msg); }) == Status::unsupported);
  const Bytes sig = sign(k, SigAlg::rsa_pss_sha256, msg);
  CHECK(sig.size() == 256);
  CHECK(status_of([&] { rsa_pss_verify(k, sig, msg, 32); }) == Status::ok);
  CHECK(status_of([&] { rsa_pss_verify(k, sig, msg, 20); }) == Status::verification_failed);
  CHECK(status_of([&] { verify(k, SigAlg::rsa_pkcs1_sha256, sig, msg); }) == Status::verification_failed);
}

TEST_CASE("backends: only Ed25519 runs on libsodium", "[signature]") {
  const Key k = Key::generate(KeyType::p256);
  CHECK(status_of([&] { sign(k, SigAlg::ecdsa_p256_sha256, Bytes{1}, Backend::sodium); }) == Status::unsupported);
  CHECK(status_of([&] { sign(k, SigAlg::ecdsa_p256_sha256, Bytes{1}, static_cast<Backend>(7)); }) ==
        Status::unsupported);
}

TEST_CASE("NIST CAVP ECDSA SigVer vectors", "[signature][ecdsa][kat]") {
  int passed = 0, failed = 0;
  for (const auto &v : test::read_vectors("ecdsa.txt")) {
    INFO("vector at line " << v.line);
    const bool p256 = v.str("CURVE") == "p256";
    const KeyType t = p256 ? KeyType::p256 : KeyType::p384;
    Bytes point = {4};
    for (const char *f : {"QX", "QY"}) {
      const Bytes c = v.bytes(f);
      point.insert(point.end(), c.begin(), c.end());
    }
    const Key pub = Key::import(KeyFormat::sec1_uncompressed, point, t);
    Bytes sig = v.bytes("R");
    const Bytes s = v.bytes("S");
    sig.insert(sig.end(), s.begin(), s.end());
    const SigAlg alg = p256 ? SigAlg::ecdsa_p256_sha256_p1363 : SigAlg::ecdsa_p384_sha384_p1363;
    const Status st = status_of([&] { verify(pub, alg, sig, v.bytes("MSG")); });
    if (v.str("RESULT") == "P") {
      CHECK(st == Status::ok);
      ++passed;
    } else {
      CHECK(st == Status::verification_failed);
      ++failed;
    }
  }
  CHECK(passed >= 4);
  CHECK(failed >= 4);
}
