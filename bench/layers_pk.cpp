// Public-key operations per second, three layers side by side: the raw backend call, nacre's C++
// API and nacre's C ABI. Every algorithm has all three (Ed25519 and X25519 on both backends,
// ECDSA/ECDH P-256 and P-384, RSA-PSS and RSA-OAEP 3072, HPKE seal and open, ML-KEM-768,
// X-Wing) except key generation, where nacre takes no backend. Keys are made once, outside the
// timed loop (except for key generation), and shared by the layers: before timing, each check
// that one layer's output is accepted by (or, when deterministic, equal to) another's.
#include <openssl/bytestring.h>
#include <openssl/curve25519.h>
#include <openssl/digest.h>
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/ecdh.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hpke.h>
#include <openssl/nid.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <span>
#include <vector>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/agreement.hpp"
#include "nacre/hpke.hpp"
#include "nacre/kem.hpp"
#include "nacre/rsa_oaep.hpp"
#include "nacre/signature.hpp"

namespace {

using nacre::Backend;
using nacre::ByteView;
using nacre::Key;
using nacre::KeyType;
using nacre::SigAlg;
using nacre_bench::CKey;
using nacre_bench::KeyPair;
using nacre_bench::key_pair;
using nacre_bench::Layer;

constexpr std::size_t kMsgLen = 64;
const std::vector<std::uint8_t> kMsg = nacre_bench::message(kMsgLen);

std::size_t rsa_bits(KeyType type) { return type == KeyType::rsa ? 3072 : 0; }

bool generate(benchmark::State &state, CKey &key, KeyType type) {
  if (nacre_key_generate(&key.k, static_cast<int>(type), rsa_bits(type)) == NACRE_OK) return true;
  state.SkipWithError("nacre_key_generate failed");
  return false;
}

// BoringSSL's own object for a key pair nacre made (from its PKCS#8 encoding), for the raw layer.
bssl::UniquePtr<EVP_PKEY> raw_pkey(const KeyPair &kp) {
  CBS cbs;
  CBS_init(&cbs, kp.priv.data(), kp.priv.size());
  return bssl::UniquePtr<EVP_PKEY>(EVP_parse_private_key(&cbs));
}

// ok runs a check that may throw (nacre's C++ API reports failures by exception).
template <class Fn>
bool ok(Fn &&fn) {
  try {
    return fn();
  } catch (const std::exception &) {
    return false;
  }
}

bool equal(ByteView a, ByteView b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

// layer_bench skips unless the layers agreed, then times call(layer) (0 on success).
template <class Call>
void layer_bench(benchmark::State &state, Layer layer, bool is_default, bool agreed, Call &&call) {
  if (!agreed) {
    state.SkipWithError("raw and nacre results disagree");
    return;
  }
  nacre_bench::run(state, "operation failed", [&] { return call(layer); });
  nacre_bench::finish_ops(state, is_default);
}

// Whether |backend| is nacre's default, as the library resolves it.
bool is_default(SigAlg alg, Backend backend) {
  return nacre::signature_resolve_backend(alg, Backend::automatic) == backend;
}
bool is_default(KeyType type, Backend backend) {
  return nacre::agreement_resolve_backend(type, Backend::automatic) == backend;
}

struct SigCase {
  const char *name;
  KeyType type;
  SigAlg alg;
  Backend backend;
};

const SigCase kSigs[] = {
    {"ed25519", KeyType::ed25519, SigAlg::ed25519, Backend::boringssl},
    {"ed25519", KeyType::ed25519, SigAlg::ed25519, Backend::sodium},
    {"ecdsa-p256", KeyType::p256, SigAlg::ecdsa_p256_sha256, Backend::boringssl},
    {"ecdsa-p384", KeyType::p384, SigAlg::ecdsa_p384_sha384, Backend::boringssl},
    {"rsa-pss-3072", KeyType::rsa, SigAlg::rsa_pss_sha256, Backend::boringssl},
};

using SigBuf = std::array<std::uint8_t, 512>;  // fits RSA-4096

// The raw layer's key: Ed25519 as seed || public (the same 64 bytes in both backends), or
// BoringSSL's EC_KEY / RSA.
struct RawSigKey {
  std::uint8_t ed_pub[32] = {};
  std::uint8_t ed_priv[64] = {};
  bssl::UniquePtr<EVP_PKEY> pkey;
  const EC_KEY *ec = nullptr;
  RSA *rsa = nullptr;
  bool valid = false;

  explicit RawSigKey(const KeyPair &kp) {
    if (kp.key.type() == KeyType::ed25519) {
      ED25519_keypair_from_seed(ed_pub, ed_priv, kp.priv.data());
      valid = true;
      return;
    }
    pkey = raw_pkey(kp);
    if (!pkey) return;
    ec = EVP_PKEY_get0_EC_KEY(pkey.get());
    rsa = EVP_PKEY_get0_RSA(pkey.get());
    valid = ec != nullptr || rsa != nullptr;
  }
};

// As nacre does for ECDSA and RSA-PSS: hash the message (SHA-384 for P-384, SHA-256 otherwise),
// then sign the digest, inside the timed loop.
std::size_t raw_digest(KeyType type, std::uint8_t *digest) {
  if (type == KeyType::p384) {
    SHA384(kMsg.data(), kMsg.size(), digest);
    return SHA384_DIGEST_LENGTH;
  }
  SHA256(kMsg.data(), kMsg.size(), digest);
  return SHA256_DIGEST_LENGTH;
}

// raw_sign and raw_verify return 1 on success, as BoringSSL does.
int raw_sign(const SigCase &c, const RawSigKey &k, SigBuf &sig, std::size_t &len) {
  if (c.type == KeyType::ed25519) {
    len = 64;
    return c.backend == Backend::boringssl
               ? ED25519_sign(sig.data(), kMsg.data(), kMsg.size(), k.ed_priv)
               : crypto_sign_detached(sig.data(), nullptr, kMsg.data(), kMsg.size(), k.ed_priv) == 0;
  }
  std::uint8_t digest[SHA384_DIGEST_LENGTH];
  const std::size_t digest_len = raw_digest(c.type, digest);
  if (c.type == KeyType::rsa) {
    return RSA_sign_pss_mgf1(k.rsa, &len, sig.data(), sig.size(), digest, digest_len, EVP_sha256(),
                             EVP_sha256(), static_cast<int>(nacre::rsa_pss_default_salt));
  }
  unsigned int ec_len = 0;
  const int rc = ECDSA_sign(0, digest, digest_len, sig.data(), &ec_len, k.ec);
  len = ec_len;
  return rc;
}

int raw_verify(const SigCase &c, const RawSigKey &k, ByteView sig) {
  if (c.type == KeyType::ed25519) {
    return c.backend == Backend::boringssl
               ? ED25519_verify(kMsg.data(), kMsg.size(), sig.data(), k.ed_pub)
               : crypto_sign_verify_detached(sig.data(), kMsg.data(), kMsg.size(), k.ed_pub) == 0;
  }
  std::uint8_t digest[SHA384_DIGEST_LENGTH];
  const std::size_t digest_len = raw_digest(c.type, digest);
  if (c.type == KeyType::rsa) {
    return RSA_verify_pss_mgf1(k.rsa, digest, digest_len, EVP_sha256(), EVP_sha256(),
                               static_cast<int>(nacre::rsa_pss_default_salt), sig.data(), sig.size());
  }
  return ECDSA_verify(0, digest, digest_len, sig.data(), sig.size(), k.ec);
}

// The raw signature passes nacre's two verifiers, nacre's two signatures pass the raw verifier,
// and Ed25519 (deterministic) gives the same bytes in all three.
bool sig_layers_agree(const SigCase &c, const KeyPair &kp, const RawSigKey &k) {
  const int alg = static_cast<int>(c.alg);
  const int backend = static_cast<int>(c.backend);
  SigBuf raw{};
  SigBuf capi{};
  std::size_t raw_len = 0;
  std::size_t capi_len = 0;
  if (!k.valid || raw_sign(c, k, raw, raw_len) != 1 ||
      nacre_sign(kp.ckey.k, alg, backend, capi.data(), capi.size(), &capi_len, kMsg.data(), kMsg.size()) !=
          NACRE_OK) {
    return false;
  }
  const ByteView raw_sig(raw.data(), raw_len);
  const ByteView capi_sig(capi.data(), capi_len);
  nacre::Bytes cxx_sig;
  const bool cross = ok([&] {
    cxx_sig = nacre::sign(kp.key, c.alg, kMsg, c.backend);
    nacre::verify(kp.pub, c.alg, raw_sig, kMsg, c.backend);
    return true;
  });
  return cross &&
         nacre_verify(kp.cpub.k, alg, backend, raw_sig.data(), raw_sig.size(), kMsg.data(), kMsg.size()) ==
             NACRE_OK &&
         raw_verify(c, k, cxx_sig) == 1 && raw_verify(c, k, capi_sig) == 1 &&
         (c.type != KeyType::ed25519 || (equal(raw_sig, cxx_sig) && equal(raw_sig, capi_sig)));
}

// |verify| false signs; true verifies a signature made up front by the same layer.
void BM_SignOrVerify(benchmark::State &state, SigCase c, Layer layer, bool verify) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const KeyPair &kp = key_pair(c.type);
  const RawSigKey raw(kp);
  const int alg = static_cast<int>(c.alg);
  const int backend = static_cast<int>(c.backend);
  SigBuf sig{};
  std::size_t sig_len = 0;
  // The signature to verify: the raw call's for the raw layer, nacre's for nacre's layers.
  const bool agreed =
      sig_layers_agree(c, kp, raw) &&
      (layer == Layer::raw ? raw_sign(c, raw, sig, sig_len) == 1
                           : nacre_sign(kp.ckey.k, alg, backend, sig.data(), sig.size(), &sig_len, kMsg.data(),
                                        kMsg.size()) == NACRE_OK);
  const ByteView signature(sig.data(), sig_len);
  SigBuf buf{};
  nacre::Bytes cxx_buf(nacre::signature_max_size(kp.key, c.alg));
  layer_bench(state, layer, is_default(c.alg, c.backend), agreed, [&](Layer l) {
    std::size_t len = 0;
    switch (l) {
      case Layer::raw:
        return (verify ? raw_verify(c, raw, signature) : raw_sign(c, raw, buf, len)) == 1 ? 0 : -1;
      case Layer::cxx:
        if (verify) {
          nacre::verify(kp.pub, c.alg, signature, kMsg, c.backend);
        } else {
          benchmark::DoNotOptimize(nacre::sign_into(cxx_buf, kp.key, c.alg, kMsg, c.backend));
        }
        return 0;
      case Layer::capi:
        return verify ? nacre_verify(kp.cpub.k, alg, backend, sig.data(), sig_len, kMsg.data(), kMsg.size())
                      : nacre_sign(kp.ckey.k, alg, backend, buf.data(), buf.size(), &len, kMsg.data(), kMsg.size());
    }
    return -1;
  });
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
    {"ecdh-p384", KeyType::p384, Backend::boringssl},
};

// The raw layer's inputs: X25519 scalar and peer point, or BoringSSL's EC_KEY and peer EC_POINT.
struct RawAgreeKey {
  const std::uint8_t *priv;
  const std::uint8_t *peer;
  bssl::UniquePtr<EVP_PKEY> key;
  bssl::UniquePtr<EVP_PKEY> peer_key;
  const EC_KEY *ec = nullptr;
  const EC_POINT *peer_point = nullptr;

  RawAgreeKey(const KeyPair &a, const KeyPair &b) : priv(a.priv.data()), peer(b.pub_raw.data()) {
    if (a.key.type() == KeyType::x25519) return;
    key = raw_pkey(a);
    peer_key = raw_pkey(b);
    if (!key || !peer_key) return;
    ec = EVP_PKEY_get0_EC_KEY(key.get());
    const EC_KEY *peer_ec = EVP_PKEY_get0_EC_KEY(peer_key.get());
    if (peer_ec) peer_point = EC_KEY_get0_public_key(peer_ec);
  }
};

// One raw agreement into |out| (the full shared secret: 32 bytes, 48 for P-384); 0 on success.
int raw_agree(const AgreeCase &c, const RawAgreeKey &k, std::span<std::uint8_t> out) {
  if (c.type == KeyType::x25519) {
    return c.backend == Backend::boringssl ? (X25519(out.data(), k.priv, k.peer) == 1 ? 0 : -1)
                                           : crypto_scalarmult(out.data(), k.priv, k.peer);
  }
  const int len = ECDH_compute_key(out.data(), out.size(), k.peer_point, k.ec, nullptr);
  return len == static_cast<int>(out.size()) ? 0 : -1;
}

void BM_Agree(benchmark::State &state, AgreeCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const KeyPair &a = key_pair(c.type, 0);
  const KeyPair &b = key_pair(c.type, 1);
  const RawAgreeKey raw(a, b);
  const std::size_t n = nacre::agreement_size(c.type);
  std::array<std::uint8_t, 64> out{};
  std::array<std::uint8_t, 64> capi{};
  std::size_t capi_len = 0;
  // Agreement is deterministic: the three layers must give the same secret.
  const bool agreed =
      (c.type == KeyType::x25519 || raw.peer_point != nullptr) && raw_agree(c, raw, {out.data(), n}) == 0 &&
      nacre_key_agree(a.ckey.k, b.cpub.k, static_cast<int>(c.backend), capi.data(), capi.size(), &capi_len) ==
          NACRE_OK &&
      equal({out.data(), n}, {capi.data(), capi_len}) &&
      ok([&] { return equal({out.data(), n}, nacre::agree(a.key, b.pub, c.backend).view()); });
  layer_bench(state, layer, is_default(c.type, c.backend), agreed, [&](Layer l) {
    std::size_t len = 0;
    switch (l) {
      case Layer::raw: return raw_agree(c, raw, {out.data(), n});
      case Layer::cxx: benchmark::DoNotOptimize(nacre::agree(a.key, b.pub, c.backend)); return 0;
      case Layer::capi:
        return nacre_key_agree(a.ckey.k, b.cpub.k, static_cast<int>(c.backend), out.data(), out.size(), &len);
    }
    return -1;
  });
}

// Key generation: nacre takes no backend here, so its layers are named "default".
bssl::UniquePtr<EC_KEY> p256_key() {
  bssl::UniquePtr<EC_KEY> k(EC_KEY_new_by_curve_name(NID_X9_62_prime256v1));
  if (!k || !EC_KEY_generate_key(k.get())) return nullptr;
  return k;
}

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

// HPKE single-shot seal and open of 64 bytes in the suite nacre's benchmark has always used:
// DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, empty info and aad. Output is
// enc || ciphertext. The raw open keeps one EVP_HPKE_KEY, as a C program would; nacre sets one up
// from the private key on each call.
constexpr auto kHpkeSuite = nacre::HpkeSuite::x25519_sha256_chacha20poly1305;
constexpr std::size_t kHpkeLen = nacre::hpke_enc_size + kMsgLen + nacre::hpke_tag_size;
using PlainBuf = std::array<std::uint8_t, kMsgLen>;
using HpkeBuf = std::array<std::uint8_t, kHpkeLen>;

int raw_hpke_seal(const std::uint8_t *recipient_pub, HpkeBuf &out) {
  bssl::ScopedEVP_HPKE_CTX ctx;
  std::size_t enc_len = 0;
  std::size_t ct_len = 0;
  return EVP_HPKE_CTX_setup_sender(ctx.get(), out.data(), &enc_len, nacre::hpke_enc_size,
                                   EVP_hpke_x25519_hkdf_sha256(), EVP_hpke_hkdf_sha256(),
                                   EVP_hpke_chacha20_poly1305(), recipient_pub, 32, nullptr, 0) == 1 &&
                 EVP_HPKE_CTX_seal(ctx.get(), out.data() + enc_len, &ct_len, out.size() - enc_len,
                                   kMsg.data(), kMsg.size(), nullptr, 0) == 1
             ? 0 : -1;
}

int raw_hpke_open(const EVP_HPKE_KEY *key, const HpkeBuf &in, PlainBuf &out) {
  bssl::ScopedEVP_HPKE_CTX ctx;
  std::size_t len = 0;
  constexpr std::size_t enc = nacre::hpke_enc_size;
  return EVP_HPKE_CTX_setup_recipient(ctx.get(), key, EVP_hpke_hkdf_sha256(), EVP_hpke_chacha20_poly1305(),
                                      in.data(), enc, nullptr, 0) == 1 &&
                 EVP_HPKE_CTX_open(ctx.get(), out.data(), &len, out.size(), in.data() + enc, in.size() - enc,
                                   nullptr, 0) == 1 && len == out.size()
             ? 0 : -1;
}

int capi_hpke_seal(const KeyPair &r, HpkeBuf &out) {
  std::size_t len = 0;
  return nacre_hpke_seal(static_cast<int>(kHpkeSuite), r.cpub.k, out.data(), out.size(), &len, nullptr, 0,
                         kMsg.data(), kMsg.size(), nullptr, 0);
}

int capi_hpke_open(const KeyPair &r, const HpkeBuf &in, PlainBuf &out) {
  std::size_t len = 0;
  return nacre_hpke_open(static_cast<int>(kHpkeSuite), r.ckey.k, out.data(), out.size(), &len, nullptr, 0,
                         in.data(), in.size(), nullptr, 0);
}

// |open| false seals; true opens a ciphertext sealed up front by nacre. Before timing, each
// layer's ciphertext must open to the message in every other layer.
void BM_Hpke(benchmark::State &state, Layer layer, bool open) {
  const KeyPair &r = key_pair(KeyType::x25519);
  bssl::ScopedEVP_HPKE_KEY key;
  std::array<HpkeBuf, 3> sealed{};  // by raw, cxx, capi
  PlainBuf pt{};
  bool agreed = EVP_HPKE_KEY_init(key.get(), EVP_hpke_x25519_hkdf_sha256(), r.priv.data(), r.priv.size()) == 1 &&
                raw_hpke_seal(r.pub_raw.data(), sealed[0]) == 0 && capi_hpke_seal(r, sealed[2]) == 0 &&
                ok([&] {
                  nacre::hpke_seal_into(sealed[1], kHpkeSuite, r.pub, {}, kMsg, {});
                  return true;
                });
  for (const HpkeBuf &ct : sealed) {
    agreed = agreed && raw_hpke_open(key.get(), ct, pt) == 0 && equal(pt, kMsg) &&
             capi_hpke_open(r, ct, pt) == NACRE_OK && equal(pt, kMsg) &&
             ok([&] {
               nacre::hpke_open_into(pt, kHpkeSuite, r.key, {}, ct, {});
               return equal(pt, kMsg);
             });
  }
  const HpkeBuf &ct = sealed[1];
  HpkeBuf out{};
  layer_bench(state, layer, true, agreed, [&](Layer l) {
    switch (l) {
      case Layer::raw: return open ? raw_hpke_open(key.get(), ct, pt) : raw_hpke_seal(r.pub_raw.data(), out);
      case Layer::cxx:
        if (open) {
          nacre::hpke_open_into(pt, kHpkeSuite, r.key, {}, ct, {});
        } else {
          nacre::hpke_seal_into(out, kHpkeSuite, r.pub, {}, kMsg, {});
        }
        return 0;
      case Layer::capi: return open ? capi_hpke_open(r, ct, pt) : capi_hpke_seal(r, out);
    }
    return -1;
  });
}

// RSA-OAEP-3072 with SHA-256 and MGF1-SHA-256, empty label, of a 32-byte message (a wrapped key).
// The raw layer sets up one EVP_PKEY_CTX per direction and reuses it; nacre makes one per call.
const std::vector<std::uint8_t> kOaepMsg = nacre_bench::message(32);
using RsaBuf = std::array<std::uint8_t, 512>;

bssl::UniquePtr<EVP_PKEY_CTX> oaep_ctx(EVP_PKEY *pkey, bool decrypt) {
  bssl::UniquePtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(pkey, nullptr));
  if (!ctx || (decrypt ? EVP_PKEY_decrypt_init(ctx.get()) : EVP_PKEY_encrypt_init(ctx.get())) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) != 1 ||
      EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), EVP_sha256()) != 1 ||
      EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()) != 1) {
    return nullptr;
  }
  return ctx;
}

// Each returns 0 on success and the output length in |len|.
int raw_oaep(EVP_PKEY_CTX *ctx, bool decrypt, ByteView in, RsaBuf &out, std::size_t &len) {
  len = out.size();
  return (decrypt ? EVP_PKEY_decrypt(ctx, out.data(), &len, in.data(), in.size())
                  : EVP_PKEY_encrypt(ctx, out.data(), &len, in.data(), in.size())) == 1 ? 0 : -1;
}

int capi_oaep(const KeyPair &kp, bool decrypt, ByteView in, RsaBuf &out, std::size_t &len) {
  return decrypt ? nacre_rsa_oaep_decrypt(kp.ckey.k, out.data(), out.size(), &len, in.data(), in.size(), nullptr, 0)
                 : nacre_rsa_oaep_encrypt(kp.cpub.k, out.data(), out.size(), &len, in.data(), in.size(), nullptr, 0);
}

std::size_t cxx_oaep(const KeyPair &kp, bool decrypt, ByteView in, RsaBuf &out) {
  const std::size_t k = kp.key.bits() / 8;
  if (decrypt) return nacre::rsa_oaep_decrypt_into(out, kp.key, in, {});
  nacre::rsa_oaep_encrypt_into({out.data(), k}, kp.pub, in, {});
  return k;
}

// |decrypt| false encrypts the message; true decrypts a ciphertext nacre made up front. Before
// timing, each layer's ciphertext must decrypt to the message in every other layer.
void BM_RsaOaep(benchmark::State &state, Layer layer, bool decrypt) {
  const KeyPair &kp = key_pair(KeyType::rsa);
  const auto pkey = raw_pkey(kp);
  const auto enc_ctx = pkey ? oaep_ctx(pkey.get(), false) : nullptr;
  const auto dec_ctx = pkey ? oaep_ctx(pkey.get(), true) : nullptr;
  std::array<RsaBuf, 3> cts{};  // by raw, cxx, capi
  std::array<std::size_t, 3> ct_lens{};
  RsaBuf pt{};
  std::size_t len = 0;
  bool agreed = enc_ctx && dec_ctx && raw_oaep(enc_ctx.get(), false, kOaepMsg, cts[0], ct_lens[0]) == 0 &&
                capi_oaep(kp, false, kOaepMsg, cts[2], ct_lens[2]) == NACRE_OK &&
                ok([&] { return (ct_lens[1] = cxx_oaep(kp, false, kOaepMsg, cts[1])) != 0; });
  for (std::size_t i = 0; i < cts.size(); ++i) {
    const ByteView ct(cts[i].data(), ct_lens[i]);
    agreed = agreed && raw_oaep(dec_ctx.get(), true, ct, pt, len) == 0 && equal({pt.data(), len}, kOaepMsg) &&
             capi_oaep(kp, true, ct, pt, len) == NACRE_OK && equal({pt.data(), len}, kOaepMsg) &&
             ok([&] { return equal({pt.data(), cxx_oaep(kp, true, ct, pt)}, kOaepMsg); });
  }
  const ByteView in = decrypt ? ByteView(cts[1].data(), ct_lens[1]) : ByteView(kOaepMsg);
  RsaBuf out{};
  layer_bench(state, layer, true, agreed, [&](Layer l) {
    switch (l) {
      case Layer::raw: return raw_oaep(decrypt ? dec_ctx.get() : enc_ctx.get(), decrypt, in, out, len);
      case Layer::cxx: benchmark::DoNotOptimize(cxx_oaep(kp, decrypt, in, out)); return 0;
      case Layer::capi: return capi_oaep(kp, decrypt, in, out, len);
    }
    return -1;
  });
}

bool register_all() {
  using nacre_bench::add;
  for (const SigCase &c : kSigs) {
    for (const bool verify : {false, true}) {
      for (const Layer layer : nacre_bench::kLayers) {
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
  // "Hpke" is the seal, under the name it has always had.
  for (const bool open : {false, true}) {
    for (const Layer layer : nacre_bench::kLayers) {
      add(open ? "HpkeOpen" : "Hpke", "x25519-sha256-chacha20poly1305", "boringssl", layer, BM_Hpke, layer, open);
    }
  }
  for (const bool decrypt : {false, true}) {
    for (const Layer layer : nacre_bench::kLayers) {
      add(decrypt ? "RsaOaepDecrypt" : "RsaOaepEncrypt", "rsa-oaep-3072", "boringssl", layer, BM_RsaOaep, layer,
          decrypt);
    }
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
