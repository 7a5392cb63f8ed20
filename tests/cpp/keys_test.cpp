// Keys: generation, every encoding both ways, public parts, equality, and malformed encodings.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/keys.hpp"

using namespace nacre;
using test::status_of;

namespace {

struct TypeCase {
  KeyType type;
  std::size_t rsa_bits;
  std::vector<KeyFormat> priv_formats;
  std::vector<KeyFormat> pub_formats;
};

const std::vector<KeyFormat> kDer = {KeyFormat::pkcs8_der, KeyFormat::pkcs8_pem};
const std::vector<KeyFormat> kSpki = {KeyFormat::spki_der, KeyFormat::spki_pem};

std::vector<TypeCase> cases() {
  using F = KeyFormat;
  return {
      {KeyType::x25519, 0, {F::raw_private, F::pkcs8_der, F::pkcs8_pem}, {F::raw_public, F::spki_der, F::spki_pem}},
      {KeyType::ed25519, 0, {F::raw_private, F::pkcs8_der, F::pkcs8_pem}, {F::raw_public, F::spki_der, F::spki_pem}},
      {KeyType::p256, 0, {F::raw_private, F::pkcs8_der, F::pkcs8_pem},
       {F::raw_public, F::spki_der, F::spki_pem, F::sec1_uncompressed, F::sec1_compressed}},
      {KeyType::p384, 0, {F::raw_private, F::pkcs8_der, F::pkcs8_pem},
       {F::raw_public, F::spki_der, F::spki_pem, F::sec1_uncompressed, F::sec1_compressed}},
      {KeyType::p521, 0, {F::raw_private, F::pkcs8_der, F::pkcs8_pem},
       {F::raw_public, F::spki_der, F::spki_pem, F::sec1_uncompressed, F::sec1_compressed}},
      {KeyType::rsa, 2048, {F::pkcs8_der, F::pkcs8_pem}, {F::spki_der, F::spki_pem}},
      {KeyType::mlkem768, 0, {F::raw_private, F::mlkem_expanded_private}, {F::raw_public}},
      {KeyType::xwing, 0, {F::raw_private}, {F::raw_public}},
  };
}

bool is_pem(KeyFormat f) { return f == KeyFormat::pkcs8_pem || f == KeyFormat::spki_pem; }

// One byte short, or for PEM (whose final newline is optional) the END line cut.
ByteView truncated(ByteView enc, KeyFormat f) { return enc.first(enc.size() - (is_pem(f) ? 8 : 1)); }

}  // namespace

TEST_CASE("every key type round-trips through every encoding", "[keys]") {
  for (const auto &c : cases()) {
    INFO(key_type_name(c.type));
    const Key k = Key::generate(c.type, c.rsa_bits);
    CHECK(k.type() == c.type);
    CHECK(k.has_private());
    CHECK(k.bits() > 0);
    const Key pub = k.public_key();
    CHECK_FALSE(pub.has_private());
    CHECK(pub.bits() == k.bits());
    CHECK_FALSE(pub == k);  // a key pair never equals a public key
    for (KeyFormat f : c.priv_formats) {
      INFO("private format " << static_cast<int>(f));
      const SecretBytes enc = k.export_private(f);
      const Key back = Key::import(f, enc.view(), c.type);
      CHECK(back == k);
      CHECK(back.export_private(f) == enc);  // canonical: re-encoding gives the same bytes
      if (is_pem(f)) {
        const std::string text(enc.view().begin(), enc.view().end());
        CHECK(text.rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
        // PKCS#8 names its own type.
        CHECK(Key::import(f, enc.view()) == k);
      }
      CHECK(status_of([&] { pub.export_private(f); }) == Status::invalid_argument);
    }
    for (KeyFormat f : c.pub_formats) {
      INFO("public format " << static_cast<int>(f));
      const Bytes enc = k.export_public(f);
      CHECK(pub.export_public(f) == enc);
      const Key back = Key::import(f, enc, c.type);
      CHECK(back == pub);
      CHECK(back.export_public(f) == enc);
    }
    const Key other = Key::generate(c.type, c.rsa_bits);
    CHECK_FALSE(other == k);
    CHECK_FALSE(other.public_key() == pub);
  }
}

TEST_CASE("formats a key type does not have are unsupported", "[keys]") {
  const Key rsa = Key::generate(KeyType::rsa, 2048);
  CHECK(status_of([&] { rsa.export_private(KeyFormat::raw_private); }) == Status::unsupported);
  CHECK(status_of([&] { rsa.export_public(KeyFormat::raw_public); }) == Status::unsupported);
  const Key kem = Key::generate(KeyType::mlkem768);
  CHECK(status_of([&] { kem.export_private(KeyFormat::pkcs8_der); }) == Status::unsupported);
  CHECK(status_of([&] { kem.export_public(KeyFormat::spki_pem); }) == Status::unsupported);
  const Key x = Key::generate(KeyType::x25519);
  CHECK(status_of([&] { x.export_public(KeyFormat::sec1_compressed); }) == Status::unsupported);
  CHECK(status_of([&] { x.export_private(KeyFormat::mlkem_expanded_private); }) == Status::unsupported);
  // An ML-KEM key imported in expanded form has no seed to give back.
  const Key expanded = Key::import(KeyFormat::mlkem_expanded_private,
                                   kem.export_private(KeyFormat::mlkem_expanded_private).view(), KeyType::mlkem768);
  CHECK(expanded == kem);
  CHECK(status_of([&] { expanded.export_private(KeyFormat::raw_private); }) == Status::unsupported);
}

TEST_CASE("key generation arguments are checked", "[keys]") {
  CHECK(status_of([] { Key::generate(KeyType::rsa, 0); }) == Status::invalid_argument);
  CHECK(status_of([] { Key::generate(KeyType::rsa, 1024); }) == Status::invalid_argument);
  CHECK(status_of([] { Key::generate(KeyType::rsa, 8192); }) == Status::invalid_argument);
  CHECK(status_of([] { Key::generate(KeyType::p256, 2048); }) == Status::invalid_argument);
  CHECK(status_of([] { Key::generate(static_cast<KeyType>(99)); }) == Status::unsupported);
  CHECK(status_of([] { Key::import(KeyFormat::raw_public, Bytes(32)); }) == Status::invalid_argument);
}

TEST_CASE("malformed encodings are invalid keys", "[keys]") {
  for (const auto &c : cases()) {
    INFO(key_type_name(c.type));
    const Key k = Key::generate(c.type, c.rsa_bits);
    for (KeyFormat f : c.priv_formats) {
      const SecretBytes good = k.export_private(f);
      Bytes enc(good.view().begin(), good.view().end());
      INFO("private format " << static_cast<int>(f));
      // Truncated, extended, and empty inputs.
      CHECK(test::is_rejection_status(status_of([&] { Key::import(f, truncated(enc, f), c.type); })));
      Bytes longer = enc;
      longer.push_back(is_pem(f) ? 'x' : 0);
      CHECK(test::is_rejection_status(status_of([&] { Key::import(f, longer, c.type); })));
      CHECK(test::is_rejection_status(status_of([&] { Key::import(f, {}, c.type); })));
    }
    for (KeyFormat f : c.pub_formats) {
      Bytes enc = k.export_public(f);
      INFO("public format " << static_cast<int>(f));
      CHECK(test::is_rejection_status(status_of([&] { Key::import(f, truncated(enc, f), c.type); })));
      Bytes longer = enc;
      longer.push_back(is_pem(f) ? 'x' : 0);
      CHECK(test::is_rejection_status(status_of([&] { Key::import(f, longer, c.type); })));
    }
  }
}

TEST_CASE("an encoding of another type is refused when a type is named", "[keys]") {
  const Key ed = Key::generate(KeyType::ed25519);
  const SecretBytes der = ed.export_private(KeyFormat::pkcs8_der);
  CHECK(status_of([&] { Key::import(KeyFormat::pkcs8_der, der.view(), KeyType::x25519); }) == Status::invalid_key);
  CHECK(status_of([&] { Key::import(KeyFormat::pkcs8_der, der.view(), KeyType::mlkem768); }) == Status::unsupported);
  // A private key in a public slot and the reverse.
  CHECK(test::is_rejection_status(status_of([&] { Key::import(KeyFormat::spki_der, der.view()); })));
  const Bytes spki = ed.export_public(KeyFormat::spki_der);
  CHECK(test::is_rejection_status(status_of([&] { Key::import(KeyFormat::pkcs8_der, spki); })));
  // PEM with the wrong label.
  const Bytes pem = ed.export_public(KeyFormat::spki_pem);
  CHECK(status_of([&] { Key::import(KeyFormat::pkcs8_pem, pem); }) == Status::invalid_key);
}

TEST_CASE("EC points off the curve and at infinity are refused", "[keys][ec]") {
  for (KeyType t : {KeyType::p256, KeyType::p384, KeyType::p521}) {
    const Key k = Key::generate(t);
    Bytes point = k.export_public(KeyFormat::sec1_uncompressed);
    point.back() ^= 1;  // y changed: off the curve
    CHECK(status_of([&] { Key::import(KeyFormat::sec1_uncompressed, point, t); }) == Status::invalid_key);
    Bytes infinity(point.size(), 0);
    CHECK(status_of([&] { Key::import(KeyFormat::sec1_uncompressed, infinity, t); }) == Status::invalid_key);
    Bytes hybrid = k.export_public(KeyFormat::sec1_uncompressed);
    hybrid[0] = 6;
    CHECK(status_of([&] { Key::import(KeyFormat::sec1_uncompressed, hybrid, t); }) == Status::invalid_key);
    // The scalar 0 and the group order are not private keys.
    const std::size_t n = key_type_info(t).raw_private_size;
    CHECK(status_of([&] { Key::import(KeyFormat::raw_private, Bytes(n, 0), t); }) == Status::invalid_key);
    CHECK(status_of([&] { Key::import(KeyFormat::raw_private, Bytes(n, 0xff), t); }) == Status::invalid_key);
  }
}

TEST_CASE("Ed25519 public keys of small order or not canonical are refused", "[keys][ed25519]") {
  Bytes identity(32, 0);
  identity[0] = 1;
  CHECK(status_of([&] { Key::import(KeyFormat::raw_public, identity, KeyType::ed25519); }) == Status::invalid_key);
  Bytes noncanonical(32, 0xff);  // y >= p
  noncanonical[31] = 0x7f;
  CHECK(status_of([&] { Key::import(KeyFormat::raw_public, noncanonical, KeyType::ed25519); }) == Status::invalid_key);
}

TEST_CASE("ML-KEM public keys failing the FIPS 203 modulus check are refused", "[keys][kem]") {
  const Key k = Key::generate(KeyType::mlkem768);
  Bytes ek = k.export_public(KeyFormat::raw_public);
  ek[0] = 0xff;
  ek[1] |= 0x0f;  // first 12-bit coefficient = 4095 >= q
  CHECK(status_of([&] { Key::import(KeyFormat::raw_public, ek, KeyType::mlkem768); }) == Status::invalid_key);
  SecretBytes dk = k.export_private(KeyFormat::mlkem_expanded_private);
  dk.data()[2336] ^= 1;  // H(ek) corrupted
  CHECK(status_of([&] { Key::import(KeyFormat::mlkem_expanded_private, dk.view(), KeyType::mlkem768); }) ==
        Status::invalid_key);
}

TEST_CASE("keys are shared immutable values", "[keys]") {
  const Key a = Key::generate(KeyType::ed25519);
  const Key b = a;  // NOLINT(performance-unnecessary-copy-initialization): copies share state
  CHECK(a == b);
  CHECK(&a.parts() == &b.parts());
}
