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
    {SigAlg::rsa_pkcs1_sha256, KeyType::rsa, 2048},
    {SigAlg::ecdsa_p521_sha512, KeyType::p521, 0},
    {SigAlg::ecdsa_p521_sha512_p1363, KeyType::p521, 0},
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

TEST_CASE("RSA: PKCS#1 v1.5 signs deterministically, PSS salt lengths", "[signature][rsa]") {
  const Key k = Key::generate(KeyType::rsa, 2048);
  const Bytes msg = {'r', 's', 'a'};
  const Bytes pkcs1 = sign(k, SigAlg::rsa_pkcs1_sha256, msg);
  CHECK(pkcs1.size() == 256);
  CHECK(sign(k, SigAlg::rsa_pkcs1_sha256, msg) == pkcs1);  // RFC 8017 8.2: no randomness
  CHECK(status_of([&] { verify(k.public_key(), SigAlg::rsa_pkcs1_sha256, pkcs1, msg); }) == Status::ok);
  const Bytes sig = sign(k, SigAlg::rsa_pss_sha256, msg);
  CHECK(sig.size() == 256);
  CHECK(status_of([&] { rsa_pss_verify(k, sig, msg, 32); }) == Status::ok);
  CHECK(status_of([&] { rsa_pss_verify(k, sig, msg, 20); }) == Status::verification_failed);
  CHECK(status_of([&] { verify(k, SigAlg::rsa_pkcs1_sha256, sig, msg); }) == Status::verification_failed);

  // 2048 bits, SHA-256: the longest salt is 256 - 32 - 2 = 222 bytes.
  const std::pair<int, std::size_t> salts[] = {{0, 0}, {20, 20}, {pss_salt_digest, 32}, {pss_salt_max, 222}, {222, 222}};
  for (const auto &salt : salts) {
    const int asked = salt.first;  // clang 14 cannot capture structured bindings in lambdas
    const std::size_t len = salt.second;
    INFO("salt " << asked);
    const Bytes s = sign(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, asked}, msg);
    CHECK(status_of([&] { rsa_pss_verify(k, s, msg, len); }) == Status::ok);
    CHECK(status_of([&] { verify(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, pss_salt_auto}, s, msg); }) == Status::ok);
    CHECK(status_of([&] { verify(k, SigAlg::rsa_pss_sha256, s, msg); }) == Status::ok);  // any salt
    const bool longest = len == 222;
    CHECK((status_of([&] { verify(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, pss_salt_max}, s, msg); }) ==
           Status::ok) == longest);
    CHECK((status_of([&] { verify(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, pss_salt_digest}, s, msg); }) ==
           Status::ok) == (len == 32));
  }
  CHECK(status_of([&] { sign(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, 223}, msg); }) == Status::invalid_argument);
  CHECK(status_of([&] { sign(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, pss_salt_auto}, msg); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { sign(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, -4}, msg); }) == Status::invalid_argument);
  CHECK(status_of([&] { sign(k, SigParams{SigScheme::rsa_pkcs1, HashAlg::sha256, 32}, msg); }) == Status::invalid_argument);
}

TEST_CASE("signatures over a chosen hash: every curve, every hash each scheme takes", "[signature][params]") {
  const HashAlg ecdsa_hashes[] = {HashAlg::sha224, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512,
                                  HashAlg::sha512_256, HashAlg::sha3_256, HashAlg::sha3_512};
  const Bytes msg = {'h', 'a', 's', 'h'};
  for (const KeyType curve : {KeyType::p256, KeyType::p384, KeyType::p521}) {
    const Key k = Key::generate(curve);
    for (const HashAlg h : ecdsa_hashes) {
      for (const SigScheme scheme : {SigScheme::ecdsa_der, SigScheme::ecdsa_p1363}) {
        INFO(key_type_name(curve) << " " << hash_name(h) << " scheme " << static_cast<int>(scheme));
        const SigParams p{scheme, h, 0};
        const Bytes sig = sign(k, p, msg);
        CHECK(status_of([&] { verify(k.public_key(), p, sig, msg); }) == Status::ok);
        CHECK(status_of([&] { verify_digest(k, p, sig, hash(h, msg)); }) == Status::ok);
        const HashAlg other = h == HashAlg::sha256 ? HashAlg::sha384 : HashAlg::sha256;
        CHECK(status_of([&] { verify(k, SigParams{scheme, other, 0}, sig, msg); }) == Status::verification_failed);
        Bytes dsig(signature_max_size(k, p));
        dsig.resize(sign_digest_into(dsig, k, p, hash(h, msg)));
        CHECK(status_of([&] { verify(k, p, dsig, msg); }) == Status::ok);
        CHECK(status_of([&] { verify_digest(k, p, sig, Bytes(digest_size(h) + 1)); }) == Status::invalid_argument);
      }
    }
    // The default hash is the curve's own, as the named algorithms have it.
    const Bytes sig = sign(k, SigParams{SigScheme::ecdsa_der, std::nullopt, 0}, msg);
    const SigAlg named = curve == KeyType::p256 ? SigAlg::ecdsa_p256_sha256
                         : curve == KeyType::p384 ? SigAlg::ecdsa_p384_sha384
                                                  : SigAlg::ecdsa_p521_sha512;
    CHECK(status_of([&] { verify(k, named, sig, msg); }) == Status::ok);
    for (const HashAlg bad : {HashAlg::sha1, HashAlg::md5, HashAlg::blake2b, HashAlg::shake128}) {
      CHECK(status_of([&] { sign(k, SigParams{SigScheme::ecdsa_der, bad, 0}, msg); }) == Status::unsupported);
    }
    CHECK(status_of([&] { sign(k, SigParams{SigScheme::ecdsa_der, static_cast<HashAlg>(99), 0}, msg); }) ==
          Status::unsupported);
    CHECK(status_of([&] { sign(k, SigParams{SigScheme::ecdsa_der, HashAlg::sha256, 32}, msg); }) ==
          Status::invalid_argument);
    CHECK(status_of([&] { sign(k, SigParams{SigScheme::rsa_pss, HashAlg::sha256, 32}, msg); }) == Status::invalid_key);
    CHECK(status_of([&] { sign(k, SigParams{SigScheme::eddsa, std::nullopt, 0}, msg); }) == Status::invalid_key);
  }
  const Key rsa = Key::generate(KeyType::rsa, 2048);
  for (const HashAlg h : {HashAlg::sha224, HashAlg::sha256, HashAlg::sha384, HashAlg::sha512}) {
    for (const SigScheme scheme : {SigScheme::rsa_pss, SigScheme::rsa_pkcs1}) {
      INFO("rsa " << hash_name(h) << " scheme " << static_cast<int>(scheme));
      const SigParams p{scheme, h, scheme == SigScheme::rsa_pss ? pss_salt_digest : 0};
      const Bytes sig = sign(rsa, p, msg);
      CHECK(status_of([&] { verify(rsa.public_key(), p, sig, msg); }) == Status::ok);
      CHECK(status_of([&] { verify_digest(rsa, p, sig, hash(h, msg)); }) == Status::ok);
    }
  }
  for (const HashAlg bad : {HashAlg::sha3_256, HashAlg::sha512_256, HashAlg::sha1, HashAlg::blake2b}) {
    CHECK(status_of([&] { sign(rsa, SigParams{SigScheme::rsa_pkcs1, bad, 0}, msg); }) == Status::unsupported);
  }
  const Key ed = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { sign(ed, SigParams{SigScheme::eddsa, HashAlg::sha512, 0}, msg); }) == Status::invalid_argument);
  const Bytes edsig = sign(ed, SigParams{SigScheme::eddsa, std::nullopt, 0}, msg);
  CHECK(status_of([&] { verify(ed, SigAlg::ed25519, edsig, msg); }) == Status::ok);
  CHECK(status_of([&] { sign(ed, SigParams{static_cast<SigScheme>(6), std::nullopt, 0}, msg); }) == Status::unsupported);
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
