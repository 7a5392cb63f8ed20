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

TEST_CASE("PKCS#1 and SEC1 private and public encodings round-trip", "[keys][formats]") {
  using F = KeyFormat;
  const Key rsa = Key::generate(KeyType::rsa, 2048);
  for (const F f : {F::pkcs1_private_der, F::pkcs1_private_pem}) {
    const SecretBytes enc = rsa.export_private(f);
    CHECK(Key::import(f, enc.view()) == rsa);
    CHECK(Key::import(f, enc.view(), KeyType::rsa) == rsa);
    CHECK(status_of([&] { Key::import(f, enc.view(), KeyType::p256); }) == Status::unsupported);  // no such encoding
  }
  for (const F f : {F::pkcs1_public_der, F::pkcs1_public_pem}) {
    const Bytes enc = rsa.export_public(f);
    CHECK(Key::import(f, enc) == rsa.public_key());
  }
  CHECK(rsa.export_private(F::pkcs1_private_pem).view().size() > 0);
  for (const KeyType t : {KeyType::p256, KeyType::p384, KeyType::p521}) {
    INFO(key_type_name(t));
    const Key ec = Key::generate(t);
    for (const F f : {F::sec1_private_der, F::sec1_private_pem}) {
      const SecretBytes enc = ec.export_private(f);
      CHECK(Key::import(f, enc.view()) == ec);
      CHECK(status_of([&] { Key::import(f, enc.view(), KeyType::rsa); }) == Status::unsupported);
    }
    CHECK(status_of([&] { ec.export_private(F::pkcs1_private_der); }) == Status::unsupported);
  }
  const Key ed = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { ed.export_private(F::sec1_private_der); }) == Status::unsupported);
  CHECK(status_of([&] { ed.export_public(F::pkcs1_public_der); }) == Status::unsupported);
  // A PKCS#1 structure is not an ECPrivateKey, nor the other way round.
  const SecretBytes pkcs1 = rsa.export_private(F::pkcs1_private_der);
  CHECK(status_of([&] { Key::import(F::sec1_private_der, pkcs1.view()); }) == Status::invalid_key);
  Bytes trailing(pkcs1.view().begin(), pkcs1.view().end());
  trailing.push_back(0);
  CHECK(status_of([&] { Key::import(F::pkcs1_private_der, trailing); }) == Status::invalid_key);
}

TEST_CASE("encrypted PKCS#8: round trips, wrong passwords, formats", "[keys][formats]") {
  using F = KeyFormat;
  const Bytes pw = {'p', 'a', 's', 's'};
  for (const KeyType t : {KeyType::ed25519, KeyType::x25519, KeyType::p521, KeyType::rsa}) {
    INFO(key_type_name(t));
    const Key k = Key::generate(t, t == KeyType::rsa ? 2048 : 0);
    for (const F f : {F::encrypted_pkcs8_der, F::encrypted_pkcs8_pem}) {
      const SecretBytes enc = k.export_encrypted(f, pw, 1000);
      CHECK(enc.size() == k.export_encrypted_size(f, 1000));
      CHECK(Key::import_encrypted(f, enc.view(), pw) == k);
      CHECK(Key::import_encrypted(f, enc.view(), pw, t) == k);
      CHECK(status_of([&] { Key::import_encrypted(f, enc.view(), Bytes{'p'}); }) == Status::invalid_key);
      CHECK(status_of([&] { Key::import(f, enc.view()); }) == Status::invalid_argument);  // needs the password
      // Salt and IV are random: two exports differ, both decrypt.
      CHECK(!(k.export_encrypted(f, pw, 1000) == enc));
    }
  }
  const Key k = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { k.export_encrypted(F::pkcs8_der, pw); }) == Status::invalid_argument);
  CHECK(status_of([&] { k.export_private(F::encrypted_pkcs8_der); }) == Status::invalid_argument);
  CHECK(status_of([&] { k.public_key().export_encrypted(F::encrypted_pkcs8_der, pw, 1); }) == Status::invalid_argument);
  CHECK(status_of([&] { Key::generate(KeyType::mlkem768).export_encrypted(F::encrypted_pkcs8_der, pw, 1); }) ==
        Status::unsupported);
  // A wrong password passes AES-CBC's padding check about one time in 256 and fails later; the
  // message is the same either way.
  const SecretBytes one = k.export_encrypted(F::encrypted_pkcs8_der, pw, 1);
  for (std::uint32_t i = 0; i < 2000; ++i) {
    const Bytes wrong = {static_cast<std::uint8_t>(i), static_cast<std::uint8_t>(i >> 8), 'x'};
    try {
      Key::import_encrypted(F::encrypted_pkcs8_der, one.view(), wrong);
      FAIL("a wrong password imported a key");
    } catch (const Error &e) {
      REQUIRE(e.status() == Status::invalid_key);
      REQUIRE(std::string(e.what()).find("password is wrong") != std::string::npos);
    }
  }
  const SecretBytes empty_pw = k.export_encrypted(F::encrypted_pkcs8_der, {}, 1);
  CHECK(Key::import_encrypted(F::encrypted_pkcs8_der, empty_pw.view(), {}) == k);
}

TEST_CASE("refusals name what was found", "[keys][formats]") {
  using F = KeyFormat;
  const Key rsa = Key::generate(KeyType::rsa, 2048);
  const SecretBytes pkcs1 = rsa.export_private(F::pkcs1_private_pem);
  try {
    Key::import(F::pkcs8_pem, pkcs1.view());
    FAIL("a PKCS#1 PEM block read as PKCS#8");
  } catch (const Error &e) {
    CHECK(e.status() == Status::invalid_key);
    CHECK(std::string(e.what()).find("'RSA PRIVATE KEY'") != std::string::npos);
    CHECK(std::string(e.what()).find("PKCS#1") != std::string::npos);
  }
  const std::string legacy =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n"
      "AAAA\n-----END RSA PRIVATE KEY-----\n";
  try {
    Key::import(F::pkcs1_private_pem, as_bytes_view(legacy));
    FAIL("legacy encrypted PEM accepted");
  } catch (const Error &e) {
    CHECK(e.status() == Status::unsupported);
    CHECK(std::string(e.what()).find("Proc-Type") != std::string::npos);
  }
}

TEST_CASE("legacy RSA public keys: only through their own import, and they verify only", "[keys][formats]") {
  using F = KeyFormat;
  const Key rsa = Key::generate(KeyType::rsa, 2048);
  const Bytes spki = rsa.export_public(F::spki_der);
  CHECK(Key::import_legacy_rsa_public(F::spki_der, spki) == rsa.public_key());
  CHECK(Key::import_legacy_rsa_public(F::pkcs1_public_pem, rsa.export_public(F::pkcs1_public_pem)) == rsa.public_key());
  const SecretBytes pkcs8 = rsa.export_private(F::pkcs8_der);
  CHECK(status_of([&] { Key::import_legacy_rsa_public(F::pkcs8_der, pkcs8.view()); }) == Status::invalid_argument);
  const Key ed = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { Key::import_legacy_rsa_public(F::spki_der, ed.export_public(F::spki_der)); }) ==
        Status::invalid_key);
  CHECK(status_of([&] { Key::import_legacy_rsa_public(F::raw_public, spki); }) == Status::invalid_argument);
}
