// Public-key self-tests: RFC 8032 (Ed25519) and RFC 7748 (X25519) known answers on both backends;
// pairwise-consistency checks (FIPS 140 style) for the randomized primitives.
#include <functional>
#include <string_view>

#include "nacre/agreement.hpp"
#include "nacre/box.hpp"
#include "nacre/encoding.hpp"
#include "nacre/hpke.hpp"
#include "nacre/kem.hpp"
#include "nacre/random.hpp"
#include "nacre/rsa_oaep.hpp"
#include "nacre/signature.hpp"
#include "selftest_kats.hpp"

namespace nacre::detail {
namespace {

// RFC 8032 section 7.1, TEST 1 (empty message).
constexpr std::string_view kEdSeed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr std::string_view kEdPublic = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
// RFC 7748 section 6.1.
constexpr std::string_view kAlicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr std::string_view kBobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";

bool ed25519_kat(Backend b, std::string_view expected_sig) {
  const Key k = Key::import(KeyFormat::raw_private, from_hex(kEdSeed), KeyType::ed25519);
  const Bytes sig = sign(k, SigAlg::ed25519, {}, b);
  verify(k.public_key(), SigAlg::ed25519, sig, {}, b);
  return k.export_public(KeyFormat::raw_public) == from_hex(kEdPublic) && sig == from_hex(expected_sig);
}

bool x25519_kat(Backend b, std::string_view expected_shared) {
  const Key alice = Key::import(KeyFormat::raw_private, from_hex(kAlicePrivate), KeyType::x25519);
  const Key bob = Key::import(KeyFormat::raw_public, from_hex(kBobPublic), KeyType::x25519);
  return agree(alice, bob, b) == SecretBytes::copy_of(from_hex(expected_shared));
}

// A signature made now verifies, and one with a flipped bit does not.
bool sign_pairwise(KeyType type, SigAlg alg, std::size_t rsa_bits) {
  const Key k = Key::generate(type, rsa_bits);
  const Bytes msg = random_bytes(32);
  Bytes sig = sign(k, alg, msg);
  verify(k.public_key(), alg, sig, msg);
  sig[sig.size() / 2] ^= 1;
  try {
    verify(k.public_key(), alg, sig, msg);
  } catch (const Error &e) {
    return e.status() == Status::verification_failed;
  }
  return false;
}

bool ecdh_pairwise(KeyType type) {
  const Key a = Key::generate(type);
  const Key b = Key::generate(type);
  return agree(a, b.public_key()) == agree(b, a.public_key());
}

bool rsa_oaep_pairwise() {
  const Key k = Key::generate(KeyType::rsa, 2048);
  const Bytes msg = random_bytes(32);
  return rsa_oaep_decrypt(k, rsa_oaep_encrypt(k.public_key(), msg)) == msg;
}

bool hpke_pairwise(HpkeSuite suite) {
  const Key r = Key::generate(KeyType::x25519);
  const Bytes msg = random_bytes(32);
  return hpke_open(suite, r, {}, hpke_seal(suite, r.public_key(), {}, msg)) == msg;
}

bool boxes_pairwise() {
  const Key a = Key::generate(KeyType::x25519);
  const Key b = Key::generate(KeyType::x25519);
  const Bytes msg = random_bytes(32), nonce = random_bytes(box_nonce_size);
  Bytes ct(msg.size() + box_overhead), pt(msg.size());
  box_into(ct, a, b.public_key(), nonce, msg);
  box_open_into(pt, b, a.public_key(), nonce, ct);
  // A box is a secret box under the pair's shared key (crypto_box_beforenm), from either side.
  const SecretBoxKey shared(box_shared_key(b, a.public_key()).view());
  return pt == msg && shared.seal(nonce, msg) == ct && shared.open(nonce, ct) == msg &&
         box_seal_open(b, box_seal(b.public_key(), msg)) == msg;
}

bool kem_pairwise(KeyType type) {
  const Key k = Key::generate(type);
  const Encapsulation e = encapsulate(k.public_key());
  Bytes wrong = e.ciphertext;
  wrong[0] ^= 1;
  return decapsulate(k, e.ciphertext) == e.shared_secret && !(decapsulate(k, wrong) == e.shared_secret);
}

bool run_guarded(const std::function<bool()> &f) {
  try {
    return f();
  } catch (const Error &) {
    return false;
  }
}

}  // namespace

std::span<const PkKat> builtin_pk_kats() noexcept {
  static const PkKat kats[] = {
      {"ed25519",
       "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe2465"
       "5141438e7a100b",
       ed25519_kat},
      {"x25519", "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", x25519_kat},
  };
  return kats;
}

std::vector<SelftestResult> run_pk_kats(std::span<const PkKat> kats) {
  std::vector<SelftestResult> results;
  for (const auto &k : kats) {
    for (Backend b : {Backend::boringssl, Backend::sodium}) {
      results.push_back({std::string(k.name), std::string(backend_name(b)),
                         run_guarded([&] { return k.check(b, k.expected); })});
    }
  }
  return results;
}

std::vector<SelftestResult> run_pk_pairwise() {
  struct Check {
    const char *name;
    const char *backend;
    std::function<bool()> run;
  };
  const Check checks[] = {
      {"ecdsa-p256-sha256", "boringssl", [] { return sign_pairwise(KeyType::p256, SigAlg::ecdsa_p256_sha256, 0); }},
      {"ecdsa-p384-sha384", "boringssl", [] { return sign_pairwise(KeyType::p384, SigAlg::ecdsa_p384_sha384, 0); }},
      {"rsa-pss-sha256", "boringssl", [] { return sign_pairwise(KeyType::rsa, SigAlg::rsa_pss_sha256, 2048); }},
      {"rsa-oaep-sha256", "boringssl", rsa_oaep_pairwise},
      {"ecdh-p256", "boringssl", [] { return ecdh_pairwise(KeyType::p256); }},
      {"ecdh-p384", "boringssl", [] { return ecdh_pairwise(KeyType::p384); }},
      {"hpke-x25519-aes128gcm", "boringssl", [] { return hpke_pairwise(HpkeSuite::x25519_sha256_aes128gcm); }},
      {"hpke-x25519-aes256gcm", "boringssl", [] { return hpke_pairwise(HpkeSuite::x25519_sha256_aes256gcm); }},
      {"hpke-x25519-chacha20poly1305", "boringssl",
       [] { return hpke_pairwise(HpkeSuite::x25519_sha256_chacha20poly1305); }},
      {"box-and-sealed-box", "sodium", boxes_pairwise},
      {"ml-kem-768", "sodium", [] { return kem_pairwise(KeyType::mlkem768); }},
      {"x-wing", "sodium", [] { return kem_pairwise(KeyType::xwing); }},
  };
  std::vector<SelftestResult> results;
  for (const auto &c : checks) results.push_back({c.name, c.backend, run_guarded(c.run)});
  return results;
}

}  // namespace nacre::detail
