// Public-key operations per second, three layers side by side where the backend has a direct
// call (Ed25519 and X25519 on both backends, ECDSA/ECDH P-256, ML-KEM-768, X-Wing, Argon2id):
// the raw backend call, nacre's C++ API and nacre's C ABI. The rest (P-384, RSA-PSS, HPKE) run in
// nacre's two layers only. Keys are made once, outside the timed loop, except for key generation.
#include <openssl/curve25519.h>
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/ecdh.h>
#include <openssl/ecdsa.h>
#include <openssl/nid.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/agreement.hpp"
#include "nacre/hpke.hpp"
#include "nacre/kem.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/signature.hpp"

namespace {

using nacre::Backend;
using nacre::Key;
using nacre::KeyType;
using nacre::SigAlg;
using nacre_bench::Layer;

const std::vector<std::uint8_t> kMsg = nacre_bench::message(64);

// A nacre_key handle for the C ABI layer, released at scope exit.
struct CKey {
  nacre_key *k = nullptr;
  CKey() = default;
  CKey(const CKey &) = delete;
  CKey &operator=(const CKey &) = delete;
  ~CKey() { nacre_key_free(k); }
};

std::size_t rsa_bits(KeyType type) { return type == KeyType::rsa ? 3072 : 0; }

bool generate(benchmark::State &state, CKey &key, KeyType type) {
  if (nacre_key_generate(&key.k, static_cast<int>(type), rsa_bits(type)) == NACRE_OK) return true;
  state.SkipWithError("nacre_key_generate failed");
  return false;
}

// nacre's measured defaults (src/signature.cpp, src/agreement.cpp): libsodium for Ed25519 and
// X25519; the other public-key algorithms have one backend.
bool is_default(KeyType type, Backend backend) {
  if (type == KeyType::ed25519 || type == KeyType::x25519) return backend == Backend::sodium;
  return true;
}

struct SigCase {
  const char *name;
  KeyType type;
  SigAlg alg;
  Backend backend;
  bool has_raw;
};

const SigCase kSigs[] = {
    {"ed25519", KeyType::ed25519, SigAlg::ed25519, Backend::boringssl, true},
    {"ed25519", KeyType::ed25519, SigAlg::ed25519, Backend::sodium, true},
    {"ecdsa-p256", KeyType::p256, SigAlg::ecdsa_p256_sha256, Backend::boringssl, true},
    {"ecdsa-p384", KeyType::p384, SigAlg::ecdsa_p384_sha384, Backend::boringssl, false},
    {"rsa-pss-3072", KeyType::rsa, SigAlg::rsa_pss_sha256, Backend::boringssl, false},
};

bssl::UniquePtr<EC_KEY> p256_key() {
  bssl::UniquePtr<EC_KEY> k(EC_KEY_new_by_curve_name(NID_X9_62_prime256v1));
  if (!k || !EC_KEY_generate_key(k.get())) return nullptr;
  return k;
}

// Raw signing and verifying: |verify| false signs, true verifies a signature made up front.
void raw_sig(benchmark::State &state, const SigCase &c, bool verify) {
  std::array<std::uint8_t, 72> sig{};
  if (c.type == KeyType::ed25519 && c.backend == Backend::boringssl) {
    std::uint8_t pub[32];
    std::uint8_t priv[64];
    ED25519_keypair(pub, priv);
    ED25519_sign(sig.data(), kMsg.data(), kMsg.size(), priv);
    for (auto _ : state) {
      benchmark::DoNotOptimize(verify ? ED25519_verify(kMsg.data(), kMsg.size(), sig.data(), pub)
                                      : ED25519_sign(sig.data(), kMsg.data(), kMsg.size(), priv));
    }
  } else if (c.type == KeyType::ed25519) {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    crypto_sign_detached(sig.data(), nullptr, kMsg.data(), kMsg.size(), sk);
    for (auto _ : state) {
      benchmark::DoNotOptimize(
          verify ? crypto_sign_verify_detached(sig.data(), kMsg.data(), kMsg.size(), pk)
                 : crypto_sign_detached(sig.data(), nullptr, kMsg.data(), kMsg.size(), sk));
    }
  } else {  // ECDSA P-256 over SHA-256, as nacre does: hash, then sign the digest
    const auto key = p256_key();
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    unsigned int sig_len = 0;
    SHA256(kMsg.data(), kMsg.size(), digest);
    if (!key || !ECDSA_sign(0, digest, sizeof digest, sig.data(), &sig_len, key.get())) {
      state.SkipWithError("ECDSA setup failed");
      return;
    }
    for (auto _ : state) {
      SHA256(kMsg.data(), kMsg.size(), digest);
      unsigned int len = 0;
      benchmark::DoNotOptimize(verify ? ECDSA_verify(0, digest, sizeof digest, sig.data(), sig_len, key.get())
                                      : ECDSA_sign(0, digest, sizeof digest, sig.data(), &len, key.get()));
    }
  }
}

void BM_SignOrVerify(benchmark::State &state, SigCase c, Layer layer, bool verify) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  switch (layer) {
    case Layer::raw:
      raw_sig(state, c, verify);
      break;
    case Layer::cxx: {
      const Key k = Key::generate(c.type, rsa_bits(c.type));
      const Key pub = k.public_key();
      nacre::Bytes buf(nacre::signature_max_size(k, c.alg));
      const nacre::Bytes sig = nacre::sign(k, c.alg, kMsg, c.backend);
      for (auto _ : state) {
        if (verify) {
          nacre::verify(pub, c.alg, sig, kMsg, c.backend);
        } else {
          benchmark::DoNotOptimize(nacre::sign_into(buf, k, c.alg, kMsg, c.backend));
        }
      }
      break;
    }
    case Layer::capi: {
      CKey k;
      CKey pub;
      if (!generate(state, k, c.type) || nacre_key_public(k.k, &pub.k) != NACRE_OK) break;
      std::array<std::uint8_t, 512> sig{};
      std::size_t sig_len = 0;
      const int alg = static_cast<int>(c.alg);
      const int backend = static_cast<int>(c.backend);
      if (nacre_sign(k.k, alg, backend, sig.data(), sig.size(), &sig_len, kMsg.data(), kMsg.size()) != NACRE_OK) {
        state.SkipWithError("nacre_sign failed");
        break;
      }
      for (auto _ : state) {
        std::size_t len = 0;
        const int rc = verify ? nacre_verify(pub.k, alg, backend, sig.data(), sig_len, kMsg.data(), kMsg.size())
                              : nacre_sign(k.k, alg, backend, sig.data(), sig.size(), &len, kMsg.data(), kMsg.size());
        if (rc != NACRE_OK) {
          state.SkipWithError(verify ? "nacre_verify failed" : "nacre_sign failed");
          break;
        }
      }
      break;
    }
  }
  nacre_bench::finish_ops(state, is_default(c.type, c.backend));
}

struct AgreeCase {
  const char *name;
  KeyType type;
  Backend backend;
};

const AgreeCase kAgrees[] = {
    {"x25519", KeyType::x25519, Backend::boringssl},
    {"x25519", KeyType::x25519, Backend::sodium},
    {"ecdh-p256", KeyType::p256, Backend::boringssl},
};

void raw_agree(benchmark::State &state, const AgreeCase &c) {
  std::uint8_t out[32];
  if (c.type == KeyType::x25519) {
    std::uint8_t priv[32];
    std::uint8_t peer_priv[32];
    std::uint8_t peer[32];
    X25519_keypair(peer, peer_priv);
    randombytes_buf(priv, sizeof priv);
    for (auto _ : state) {
      benchmark::DoNotOptimize(c.backend == Backend::boringssl ? X25519(out, priv, peer)
                                                               : crypto_scalarmult(out, priv, peer));
    }
    return;
  }
  const auto key = p256_key();
  const auto peer = p256_key();
  if (!key || !peer) {
    state.SkipWithError("EC_KEY_generate_key failed");
    return;
  }
  const EC_POINT *peer_point = EC_KEY_get0_public_key(peer.get());
  for (auto _ : state) {
    benchmark::DoNotOptimize(ECDH_compute_key(out, sizeof out, peer_point, key.get(), nullptr));
  }
}

void BM_Agree(benchmark::State &state, AgreeCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  switch (layer) {
    case Layer::raw:
      raw_agree(state, c);
      break;
    case Layer::cxx: {
      const Key a = Key::generate(c.type);
      const Key b = Key::generate(c.type).public_key();
      for (auto _ : state) benchmark::DoNotOptimize(nacre::agree(a, b, c.backend));
      break;
    }
    case Layer::capi: {
      CKey a;
      CKey b;
      if (!generate(state, a, c.type) || !generate(state, b, c.type)) break;
      std::array<std::uint8_t, 64> out{};
      for (auto _ : state) {
        std::size_t len = 0;
        if (nacre_key_agree(a.k, b.k, static_cast<int>(c.backend), out.data(), out.size(), &len) != NACRE_OK) {
          state.SkipWithError("nacre_key_agree failed");
          break;
        }
        benchmark::DoNotOptimize(out.data());
      }
      break;
    }
  }
  nacre_bench::finish_ops(state, is_default(c.type, c.backend));
}

// Key generation: nacre takes no backend here, so its layers are named "default".
struct KeygenCase {
  const char *name;
  KeyType type;
  Backend backend;  // automatic: nacre's two layers; otherwise the raw call on that backend
};

const KeygenCase kKeygens[] = {
    {"ed25519", KeyType::ed25519, Backend::boringssl}, {"ed25519", KeyType::ed25519, Backend::sodium},
    {"ed25519", KeyType::ed25519, Backend::automatic}, {"x25519", KeyType::x25519, Backend::boringssl},
    {"x25519", KeyType::x25519, Backend::sodium},      {"x25519", KeyType::x25519, Backend::automatic},
    {"p256", KeyType::p256, Backend::boringssl},       {"p256", KeyType::p256, Backend::automatic},
    {"mlkem768", KeyType::mlkem768, Backend::sodium},  {"mlkem768", KeyType::mlkem768, Backend::automatic},
    {"rsa-3072", KeyType::rsa, Backend::automatic},
};

void raw_keygen(benchmark::State &state, const KeygenCase &c) {
  std::uint8_t pub[crypto_kem_mlkem768_PUBLICKEYBYTES];
  std::uint8_t priv[crypto_kem_mlkem768_SECRETKEYBYTES];
  for (auto _ : state) {
    if (c.type == KeyType::ed25519) {
      if (c.backend == Backend::boringssl) {
        ED25519_keypair(pub, priv);
      } else {
        crypto_sign_keypair(pub, priv);
      }
    } else if (c.type == KeyType::x25519) {
      if (c.backend == Backend::boringssl) {
        X25519_keypair(pub, priv);
      } else {
        crypto_box_keypair(pub, priv);
      }
    } else if (c.type == KeyType::p256) {
      benchmark::DoNotOptimize(p256_key());
    } else {
      crypto_kem_mlkem768_keypair(pub, priv);
    }
    benchmark::DoNotOptimize(pub);
  }
}

void BM_Keygen(benchmark::State &state, KeygenCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  switch (layer) {
    case Layer::raw:
      raw_keygen(state, c);
      break;
    case Layer::cxx:
      for (auto _ : state) benchmark::DoNotOptimize(Key::generate(c.type, rsa_bits(c.type)));
      break;
    case Layer::capi:
      for (auto _ : state) {
        CKey k;
        if (!generate(state, k, c.type)) break;
      }
      break;
  }
  nacre_bench::finish_ops(state, c.backend == Backend::automatic);
}

// KEM round trip: encapsulate to the public key, decapsulate with the key pair.
struct KemCase {
  const char *name;
  KeyType type;
};

const KemCase kKems[] = {{"mlkem768", KeyType::mlkem768}, {"xwing", KeyType::xwing}};

void raw_kem(benchmark::State &state, const KemCase &c) {
  const bool xwing = c.type == KeyType::xwing;
  std::vector<std::uint8_t> pk(xwing ? crypto_kem_xwing_PUBLICKEYBYTES : crypto_kem_mlkem768_PUBLICKEYBYTES);
  std::vector<std::uint8_t> sk(xwing ? crypto_kem_xwing_SECRETKEYBYTES : crypto_kem_mlkem768_SECRETKEYBYTES);
  std::vector<std::uint8_t> ct(xwing ? crypto_kem_xwing_CIPHERTEXTBYTES : crypto_kem_mlkem768_CIPHERTEXTBYTES);
  std::uint8_t ss[32];
  std::uint8_t ss2[32];
  if (xwing) {
    crypto_kem_xwing_keypair(pk.data(), sk.data());
  } else {
    crypto_kem_mlkem768_keypair(pk.data(), sk.data());
  }
  for (auto _ : state) {
    if (xwing) {
      benchmark::DoNotOptimize(crypto_kem_xwing_enc(ct.data(), ss, pk.data()));
      benchmark::DoNotOptimize(crypto_kem_xwing_dec(ss2, ct.data(), sk.data()));
    } else {
      benchmark::DoNotOptimize(crypto_kem_mlkem768_enc(ct.data(), ss, pk.data()));
      benchmark::DoNotOptimize(crypto_kem_mlkem768_dec(ss2, ct.data(), sk.data()));
    }
  }
}

void BM_Kem(benchmark::State &state, KemCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  switch (layer) {
    case Layer::raw:
      raw_kem(state, c);
      break;
    case Layer::cxx: {
      const Key k = Key::generate(c.type);
      const Key pub = k.public_key();
      for (auto _ : state) {
        const nacre::Encapsulation e = nacre::encapsulate(pub);
        benchmark::DoNotOptimize(nacre::decapsulate(k, e.ciphertext));
      }
      break;
    }
    case Layer::capi: {
      CKey k;
      CKey pub;
      if (!generate(state, k, c.type) || nacre_key_public(k.k, &pub.k) != NACRE_OK) break;
      std::vector<std::uint8_t> ct(nacre_kem_ciphertext_len(static_cast<int>(c.type)));
      std::array<std::uint8_t, 32> ss{};
      for (auto _ : state) {
        std::size_t ct_len = 0;
        std::size_t ss_len = 0;
        if (nacre_kem_encapsulate(pub.k, ct.data(), ct.size(), &ct_len, ss.data(), ss.size(), &ss_len) != NACRE_OK ||
            nacre_kem_decapsulate(k.k, ss.data(), ss.size(), &ss_len, ct.data(), ct_len) != NACRE_OK) {
          state.SkipWithError("nacre_kem round trip failed");
          break;
        }
      }
      break;
    }
  }
  nacre_bench::finish_ops(state, true);
}

// HPKE single-shot seal of 64 bytes (nacre's two layers only).
void BM_Hpke(benchmark::State &state, Layer layer) {
  constexpr auto kSuite = nacre::HpkeSuite::x25519_sha256_chacha20poly1305;
  if (layer == Layer::cxx) {
    const Key r = Key::generate(KeyType::x25519).public_key();
    for (auto _ : state) benchmark::DoNotOptimize(nacre::hpke_seal(kSuite, r, {}, kMsg));
  } else {
    CKey r;
    if (!generate(state, r, KeyType::x25519)) return;
    std::vector<std::uint8_t> out(NACRE_HPKE_ENC_LEN + kMsg.size() + NACRE_HPKE_TAG_LEN);
    for (auto _ : state) {
      std::size_t len = 0;
      if (nacre_hpke_seal(static_cast<int>(kSuite), r.k, out.data(), out.size(), &len, nullptr, 0,
                          kMsg.data(), kMsg.size(), nullptr, 0) != NACRE_OK) {
        state.SkipWithError("nacre_hpke_seal failed");
        break;
      }
    }
  }
  nacre_bench::finish_ops(state, true);
}

// Argon2id with libsodium's interactive preset, 32-byte output.
void BM_Pwhash(benchmark::State &state, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto limits = nacre::pwhash_preset_limits(nacre::PwhashAlg::argon2id, nacre::PwhashPreset::interactive);
  const std::string password = "correct horse battery staple";
  const auto salt = nacre_bench::message(crypto_pwhash_SALTBYTES);
  std::array<std::uint8_t, 32> out{};
  const auto *pw = reinterpret_cast<const std::uint8_t *>(password.data());
  for (auto _ : state) {
    int rc = 0;
    switch (layer) {
      case Layer::raw:
        rc = crypto_pwhash(out.data(), out.size(), password.data(), password.size(), salt.data(),
                           limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13);
        break;
      case Layer::cxx:
        nacre::pwhash_derive_into(nacre::PwhashAlg::argon2id, {pw, password.size()}, salt, limits, out);
        break;
      case Layer::capi:
        rc = nacre_pwhash_derive(NACRE_PWHASH_ARGON2ID, out.data(), out.size(), pw, password.size(),
                                 salt.data(), salt.size(), limits.opslimit, limits.memlimit);
        break;
    }
    if (rc != 0) {
      state.SkipWithError("password hashing failed");
      break;
    }
  }
  nacre_bench::finish_ops(state, true);
}

bool register_all() {
  using nacre_bench::add;
  for (const SigCase &c : kSigs) {
    for (const bool verify : {false, true}) {
      for (const Layer layer : nacre_bench::kLayers) {
        if (layer == Layer::raw && !c.has_raw) continue;
        add(verify ? "Verify" : "Sign", c.name, nacre::backend_name(c.backend), layer,
            BM_SignOrVerify, c, layer, verify);
      }
    }
  }
  for (const AgreeCase &c : kAgrees) {
    for (const Layer layer : nacre_bench::kLayers) {
      add("Agree", c.name, nacre::backend_name(c.backend), layer, BM_Agree, c, layer);
    }
  }
  for (const KeygenCase &c : kKeygens) {
    for (const Layer layer : nacre_bench::kLayers) {
      if ((layer == Layer::raw) == (c.backend == Backend::automatic)) continue;
      auto *b = add("Keygen", c.name, nacre::backend_name(c.backend), layer, BM_Keygen, c, layer);
      if (c.type == KeyType::rsa) b->Iterations(3);
    }
  }
  for (const KemCase &c : kKems) {
    for (const Layer layer : nacre_bench::kLayers) {
      add("Kem", c.name, "sodium", layer, BM_Kem, c, layer);
    }
  }
  for (const Layer layer : {Layer::cxx, Layer::capi}) {
    add("Hpke", "x25519-sha256-chacha20poly1305", "boringssl", layer, BM_Hpke, layer);
  }
  for (const Layer layer : nacre_bench::kLayers) {
    add("Pwhash", "argon2id-interactive", "sodium", layer, BM_Pwhash, layer);
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
