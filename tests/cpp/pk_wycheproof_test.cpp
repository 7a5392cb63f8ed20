// Wycheproof for the public-key families, through the C++ API, on every backend that implements
// each primitive. Each file's tally is printed. Policy for "acceptable" cases: whatever nacre
// does must be correct (an accepted shared secret equals the expected one) and is listed here:
// - x25519: all-zero shared secrets are rejected (RFC 7748 6.1); other acceptable public keys
//   (twist points, non-canonical u) are accepted.
// - ecdh: compressed points are accepted; every malformed ASN.1 encoding ("InvalidAsn") is
//   rejected.
// - rsa_signature: a DigestInfo without its NULL parameters ("MissingNull") is rejected
//   (BoringSSL is strict).
// - a key of another algorithm or curve, where a type is named, is an invalid key.
#include <algorithm>
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/agreement.hpp"
#include "nacre/kem.hpp"
#include "nacre/keys.hpp"
#include "nacre/rsa_oaep.hpp"
#include "nacre/signature.hpp"
#include "vectors.hpp"
#include "wycheproof_tally.hpp"

using namespace nacre;
using test::status_of;
using test::unhex;

namespace {

using Json = nlohmann::json;

bool has_flag(const Json &t, const char *flag) {
  const auto &flags = t.at("flags");
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

// Runs |each| over the tests of |file|, or warns and returns false when the folder is absent.
bool for_each_test(const char *file, const std::function<void(const Json &group, const Json &t)> &each) {
  const auto doc = test::read_wycheproof(file);
  if (doc.is_null()) {
    WARN("Wycheproof folder absent (" << test::wycheproof_dir() << "): skipping " << file);
    return false;
  }
  for (const auto &group : doc.at("testGroups")) {
    for (const auto &t : group.at("tests")) each(group, t);
  }
  return true;
}

// Runs |f|; returns whether it succeeded and the status it failed with.
std::pair<bool, Status> outcome(const std::function<void()> &f) {
  const Status s = status_of(f);
  return {s == Status::ok, s};
}

// Wycheproof writes EC private keys as big integers: strip or add leading zeros to |n| bytes.
Bytes fixed_width(Bytes v, std::size_t n) {
  while (v.size() > n && v.front() == 0) v.erase(v.begin());
  if (v.size() < n) v.insert(v.begin(), n - v.size(), 0);
  return v;
}

const Backend kBothBackends[] = {Backend::boringssl, Backend::sodium};

}  // namespace

TEST_CASE("Wycheproof X25519 (raw), both backends", "[pk][wycheproof][x25519]") {
  for (Backend b : kBothBackends) {
    test::Tally tally{std::string("x25519_test.json on ") + std::string(backend_name(b))};
    const bool ran = for_each_test("x25519_test.json", [&](const Json &, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key priv = Key::import(KeyFormat::raw_private, unhex(t.at("private")), KeyType::x25519);
        const Key pub = Key::import(KeyFormat::raw_public, unhex(t.at("public")), KeyType::x25519);
        const SecretBytes shared = agree(priv, pub, b);
        const Bytes expected = unhex(t.at("shared"));
        CHECK(std::equal(shared.view().begin(), shared.view().end(), expected.begin(), expected.end()));
      });
      if (t.at("result") == "acceptable") CHECK(ok == !has_flag(t, "ZeroSharedSecret"));
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof X25519 (PKCS#8 and SPKI)", "[pk][wycheproof][x25519]") {
  test::Tally tally{"x25519_asn_test.json"};
  const bool ran = for_each_test("x25519_asn_test.json", [&](const Json &, const Json &t) {
    const auto [ok, st] = outcome([&] {
      const Key priv = Key::import(KeyFormat::pkcs8_der, unhex(t.at("private")), KeyType::x25519);
      const Key pub = Key::import(KeyFormat::spki_der, unhex(t.at("public")), KeyType::x25519);
      const SecretBytes shared = agree(priv, pub);
      const Bytes expected = unhex(t.at("shared"));
      CHECK(std::equal(shared.view().begin(), shared.view().end(), expected.begin(), expected.end()));
    });
    if (t.at("result") == "acceptable" && has_flag(t, "ZeroSharedSecret")) CHECK_FALSE(ok);
    tally.record(t, ok, st);
  });
  if (ran) tally.print();
}

TEST_CASE("Wycheproof Ed25519, both backends under one policy", "[pk][wycheproof][ed25519]") {
  for (Backend b : kBothBackends) {
    test::Tally tally{std::string("ed25519_test.json on ") + std::string(backend_name(b))};
    const bool ran = for_each_test("ed25519_test.json", [&](const Json &g, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key pub = Key::import(KeyFormat::raw_public, unhex(g.at("publicKey").at("pk")), KeyType::ed25519);
        verify(pub, SigAlg::ed25519, unhex(t.at("sig")), unhex(t.at("msg")), b);
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof ECDSA, DER and P1363", "[pk][wycheproof][ecdsa]") {
  const std::pair<const char *, SigAlg> files[] = {
      {"ecdsa_secp256r1_sha256_test.json", SigAlg::ecdsa_p256_sha256},
      {"ecdsa_secp256r1_sha256_p1363_test.json", SigAlg::ecdsa_p256_sha256_p1363},
      {"ecdsa_secp384r1_sha384_test.json", SigAlg::ecdsa_p384_sha384},
      {"ecdsa_secp384r1_sha384_p1363_test.json", SigAlg::ecdsa_p384_sha384_p1363},
      {"ecdsa_secp521r1_sha512_test.json", SigAlg::ecdsa_p521_sha512},
  };
  for (const auto &[file, alg] : files) {
    test::Tally tally{file};
    const bool ran = for_each_test(file, [&, alg = alg](const Json &g, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key pub = Key::import(KeyFormat::spki_der, unhex(g.at("publicKeyDer")), sig_key_type(alg));
        verify(pub, alg, unhex(t.at("sig")), unhex(t.at("msg")));
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof ECDSA over another hash than the curve's", "[pk][wycheproof][ecdsa]") {
  const std::pair<const char *, KeyType> files[] = {
      {"ecdsa_secp256r1_sha512_test.json", KeyType::p256},
      {"ecdsa_secp384r1_sha512_test.json", KeyType::p384},
  };
  for (const auto &[file, type] : files) {
    test::Tally tally{file};
    const KeyType t = type;
    const bool ran = for_each_test(file, [&](const Json &g, const Json &tc) {
      CHECK(g.at("sha") == "SHA-512");
      const auto [ok, st] = outcome([&] {
        const Key pub = Key::import(KeyFormat::spki_der, unhex(g.at("publicKeyDer")), t);
        verify(pub, SigParams{SigScheme::ecdsa_der, HashAlg::sha512, 0}, unhex(tc.at("sig")), unhex(tc.at("msg")));
      });
      tally.record(tc, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof RSA PKCS#1 v1.5 signature generation", "[pk][wycheproof][rsa]") {
  // Signing is deterministic: nacre's signature must be the file's, byte for byte. SHA-1 groups
  // (WeakHash, acceptable) are refused: nacre signs over SHA-2 only.
  test::Tally tally{"rsa_pkcs1_2048_sig_gen_test.json"};
  const bool ran = for_each_test("rsa_pkcs1_2048_sig_gen_test.json", [&](const Json &g, const Json &t) {
    const std::string sha = g.at("sha");
    const auto [ok, st] = outcome([&] {
      const std::optional<HashAlg> h = hash_from_name(sha == "SHA-224"   ? "sha224"
                                                      : sha == "SHA-256" ? "sha256"
                                                      : sha == "SHA-384" ? "sha384"
                                                      : sha == "SHA-512" ? "sha512"
                                                                         : "sha1");
      REQUIRE(h);
      const Key priv = Key::import(KeyFormat::pkcs8_der, unhex(g.at("privateKeyPkcs8")), KeyType::rsa);
      const SigParams p{SigScheme::rsa_pkcs1, *h, 0};
      const Bytes sig = sign(priv, p, unhex(t.at("msg")));
      CHECK(sig == unhex(t.at("sig")));
      verify(Key::import(KeyFormat::spki_der, unhex(g.at("keyDer")), KeyType::rsa), p, sig, unhex(t.at("msg")));
    });
    if (sha == "SHA-1") CHECK(st == Status::unsupported);
    // A refused hash is this file's documented rejection; the tally counts it as one.
    tally.record(t, ok, st == Status::unsupported ? Status::invalid_key : st);
  });
  if (ran) tally.print();
}

TEST_CASE("Wycheproof ECDH, SPKI and SEC1 point encodings", "[pk][wycheproof][ecdh]") {
  const std::tuple<const char *, KeyType, bool> files[] = {
      {"ecdh_secp256r1_test.json", KeyType::p256, false},
      {"ecdh_secp256r1_ecpoint_test.json", KeyType::p256, true},
      {"ecdh_secp384r1_test.json", KeyType::p384, false},
      {"ecdh_secp521r1_test.json", KeyType::p521, false},
  };
  for (const auto &[file, type, ecpoint] : files) {
    test::Tally tally{file};
    const std::size_t n = key_type_info(type).raw_private_size;
    const bool ran = for_each_test(file, [&, type = type, ecpoint = ecpoint](const Json &, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key priv = Key::import(KeyFormat::raw_private, fixed_width(unhex(t.at("private")), n), type);
        const Bytes pub_bytes = unhex(t.at("public"));
        const bool compressed = !pub_bytes.empty() && (pub_bytes[0] == 2 || pub_bytes[0] == 3);
        const KeyFormat f = !ecpoint ? KeyFormat::spki_der
                            : compressed ? KeyFormat::sec1_compressed
                                         : KeyFormat::sec1_uncompressed;
        const Key pub = Key::import(f, pub_bytes, type);
        const SecretBytes shared = agree(priv, pub);
        const Bytes expected = unhex(t.at("shared"));
        CHECK(std::equal(shared.view().begin(), shared.view().end(), expected.begin(), expected.end()));
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof RSA-PSS, PKCS#1 v1.5 verify, RSA-OAEP", "[pk][wycheproof][rsa]") {
  for (const char *file : {"rsa_pss_2048_sha256_mgf1_0_test.json", "rsa_pss_2048_sha256_mgf1_32_test.json",
                           "rsa_pss_3072_sha256_mgf1_32_test.json"}) {
    test::Tally tally{file};
    const bool ran = for_each_test(file, [&](const Json &g, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key pub = Key::import(KeyFormat::spki_der, unhex(g.at("publicKeyDer")), KeyType::rsa);
        rsa_pss_verify(pub, unhex(t.at("sig")), unhex(t.at("msg")), g.at("sLen").get<std::size_t>());
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
  for (const char *file : {"rsa_signature_2048_sha256_test.json", "rsa_signature_3072_sha256_test.json"}) {
    test::Tally tally{file};
    const bool ran = for_each_test(file, [&](const Json &g, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key pub = Key::import(KeyFormat::spki_der, unhex(g.at("publicKeyDer")), KeyType::rsa);
        verify(pub, SigAlg::rsa_pkcs1_sha256, unhex(t.at("sig")), unhex(t.at("msg")));
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
  for (const char *file : {"rsa_oaep_2048_sha256_mgf1sha256_test.json", "rsa_oaep_3072_sha256_mgf1sha256_test.json"}) {
    test::Tally tally{file};
    const bool ran = for_each_test(file, [&](const Json &g, const Json &t) {
      const auto [ok, st] = outcome([&] {
        const Key priv = Key::import(KeyFormat::pkcs8_der, unhex(g.at("privateKeyPkcs8")), KeyType::rsa);
        const Bytes msg = rsa_oaep_decrypt(priv, unhex(t.at("ct")), unhex(t.at("label")));
        CHECK(msg == unhex(t.at("msg")));
      });
      tally.record(t, ok, st);
    });
    if (ran) tally.print();
  }
}

TEST_CASE("Wycheproof ML-KEM-768: key generation from seeds, decapsulation", "[pk][wycheproof][kem]") {
  test::Tally keygen{"mlkem_768_keygen_seed_test.json"};
  if (for_each_test("mlkem_768_keygen_seed_test.json", [&](const Json &, const Json &t) {
        const auto [ok, st] = outcome([&] {
          const Key k = Key::import(KeyFormat::raw_private, unhex(t.at("seed")), KeyType::mlkem768);
          CHECK(k.export_public(KeyFormat::raw_public) == unhex(t.at("ek")));
          const Bytes dk = unhex(t.at("dk"));
          const SecretBytes expanded = k.export_private(KeyFormat::mlkem_expanded_private);
          CHECK(std::equal(expanded.view().begin(), expanded.view().end(), dk.begin(), dk.end()));
        });
        keygen.record(t, ok, st);
      })) {
    keygen.print();
  }

  test::Tally decaps{"mlkem_768_test.json"};
  if (for_each_test("mlkem_768_test.json", [&](const Json &, const Json &t) {
        const auto [ok, st] = outcome([&] {
          const Key k = Key::import(KeyFormat::raw_private, unhex(t.at("seed")), KeyType::mlkem768);
          CHECK(k.export_public(KeyFormat::raw_public) == unhex(t.at("ek")));
          const SecretBytes ss = decapsulate(k, unhex(t.at("c")));
          const Bytes expected = unhex(t.at("K"));
          CHECK(std::equal(ss.view().begin(), ss.view().end(), expected.begin(), expected.end()));
        });
        // A ciphertext of the wrong size is an argument error, the documented rejection here.
        decaps.record(t, ok, st == Status::invalid_argument ? Status::invalid_key : st);
      })) {
    decaps.print();
  }

  test::Tally encaps{"mlkem_768_encaps_test.json"};
  if (for_each_test("mlkem_768_encaps_test.json", [&](const Json &, const Json &t) {
        const auto [ok, st] = outcome([&] {
          const Key k = Key::import(KeyFormat::raw_public, unhex(t.at("ek")), KeyType::mlkem768);
          const Encapsulation e = encapsulate_for_testing(k, unhex(t.at("m")));
          CHECK(e.ciphertext == unhex(t.at("c")));
          const Bytes expected = unhex(t.at("K"));
          CHECK(std::equal(e.shared_secret.view().begin(), e.shared_secret.view().end(), expected.begin(),
                           expected.end()));
        });
        encaps.record(t, ok, st);
      })) {
    encaps.print();
  }

  test::Tally expanded{"mlkem_768_semi_expanded_decaps_test.json"};
  if (for_each_test("mlkem_768_semi_expanded_decaps_test.json", [&](const Json &, const Json &t) {
        const auto [ok, st] = outcome([&] {
          const Key k = Key::import(KeyFormat::mlkem_expanded_private, unhex(t.at("dk")), KeyType::mlkem768);
          const SecretBytes ss = decapsulate(k, unhex(t.at("c")));
          const Bytes expected = unhex(t.at("K"));
          CHECK(std::equal(ss.view().begin(), ss.view().end(), expected.begin(), expected.end()));
        });
        expanded.record(t, ok, st == Status::invalid_argument ? Status::invalid_key : st);
      })) {
    expanded.print();
  }
}
