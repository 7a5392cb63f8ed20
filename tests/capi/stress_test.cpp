// Eight threads share key handles and run seal/open, sign/verify, key agreement and hashing at
// once, checking every result against one computed before the threads start. Under TSan (the
// tsan preset) this is the data-race test of the handle registry, the secret pool and the
// backends' lazy initialisation; elsewhere it still checks results under contention.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "nacre.h"

using Bytes = std::vector<uint8_t>;

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 60;

Bytes random(size_t n) {
  Bytes b(n);
  REQUIRE(nacre_random_bytes(b.data(), n) == NACRE_OK);
  return b;
}

// Shared, immutable inputs: each thread reads them and the handles, and writes only its own
// buffers. A wrong result anywhere is counted, not thrown, so every thread runs to the end.
struct Shared {
  nacre_aead_key *gcm = nullptr, *chacha = nullptr, *aegis = nullptr;
  nacre_key *ed = nullptr, *ed_pub = nullptr, *p256 = nullptr, *x = nullptr, *x_peer = nullptr;
  Bytes msg = random(1000), nonce12 = random(12), nonce16 = random(16), ad = random(13);
  Bytes gcm_ct, chacha_ct, aegis_ct, ed_sig, digest, secret;

  Shared() {
    const Bytes k32 = random(32), k16 = random(16);
    REQUIRE(nacre_aead_key_new(&gcm, NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_AUTOMATIC, k32.data(), 32) == NACRE_OK);
    REQUIRE(nacre_aead_key_new(&chacha, NACRE_AEAD_CHACHA20_POLY1305, NACRE_BACKEND_SODIUM, k32.data(), 32) == NACRE_OK);
    REQUIRE(nacre_aead_key_new(&aegis, NACRE_AEAD_AEGIS_128L, NACRE_BACKEND_AUTOMATIC, k16.data(), 16) == NACRE_OK);
    REQUIRE(nacre_key_generate(&ed, NACRE_KEY_ED25519, 0) == NACRE_OK);
    REQUIRE(nacre_key_public(ed, &ed_pub) == NACRE_OK);
    REQUIRE(nacre_key_generate(&p256, NACRE_KEY_P256, 0) == NACRE_OK);
    REQUIRE(nacre_key_generate(&x, NACRE_KEY_X25519, 0) == NACRE_OK);
    nacre_key *peer = nullptr;
    REQUIRE(nacre_key_generate(&peer, NACRE_KEY_X25519, 0) == NACRE_OK);
    REQUIRE(nacre_key_public(peer, &x_peer) == NACRE_OK);
    nacre_key_free(peer);
    gcm_ct = seal(gcm, nonce12);
    chacha_ct = seal(chacha, nonce12);
    aegis_ct = seal(aegis, nonce16);
    ed_sig = sign_ed25519();
    digest = sha256();
    secret = agree();
  }
  ~Shared() {
    for (nacre_aead_key *k : {gcm, chacha, aegis}) nacre_aead_key_free(k);
    for (nacre_key *k : {ed, ed_pub, p256, x, x_peer}) nacre_key_free(k);
  }
  Shared(const Shared &) = delete;
  Shared &operator=(const Shared &) = delete;

  Bytes seal(const nacre_aead_key *k, const Bytes &nonce) const {
    Bytes out(msg.size() + 32);
    size_t len = 0;
    if (nacre_aead_seal(k, out.data(), out.size(), &len, nonce.data(), nonce.size(), msg.data(),
                        msg.size(), ad.data(), ad.size()) != NACRE_OK) {
      return {};
    }
    out.resize(len);
    return out;
  }
  bool opens(const nacre_aead_key *k, const Bytes &nonce, const Bytes &ct) const {
    Bytes out(ct.size());
    size_t len = 0;
    return nacre_aead_open(k, out.data(), out.size(), &len, nonce.data(), nonce.size(), ct.data(),
                           ct.size(), ad.data(), ad.size()) == NACRE_OK &&
           Bytes(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(len)) == msg;
  }
  Bytes sign_ed25519() const {
    Bytes sig(64);
    size_t len = 0;
    if (nacre_sign(ed, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, sig.data(), sig.size(), &len,
                   msg.data(), msg.size()) != NACRE_OK) {
      return {};
    }
    return sig;
  }
  Bytes sha256() const {
    Bytes out(32);
    size_t len = 0;
    nacre_hash_ctx *ctx = nullptr;
    if (nacre_hash_ctx_new(&ctx, NACRE_HASH_SHA256, NACRE_BACKEND_AUTOMATIC) != NACRE_OK) return {};
    const bool ok = nacre_hash_ctx_update(ctx, msg.data(), 500) == NACRE_OK &&
                    nacre_hash_ctx_update(ctx, msg.data() + 500, 500) == NACRE_OK &&
                    nacre_hash_ctx_digest(ctx, out.data(), out.size(), &len) == NACRE_OK;
    nacre_hash_ctx_free(ctx);
    return ok ? out : Bytes{};
  }
  Bytes agree() const {
    Bytes out(32);
    size_t len = 0;
    if (nacre_key_agree(x, x_peer, NACRE_BACKEND_AUTOMATIC, out.data(), out.size(), &len) != NACRE_OK) {
      return {};
    }
    return out;
  }
  // ECDSA signatures are randomised: a fresh one must verify under the shared key.
  bool ecdsa_round_trip() const {
    Bytes sig(80);
    size_t len = 0;
    return nacre_sign(p256, NACRE_SIG_ECDSA_P256_SHA256, NACRE_BACKEND_AUTOMATIC, sig.data(),
                      sig.size(), &len, msg.data(), msg.size()) == NACRE_OK &&
           nacre_verify(p256, NACRE_SIG_ECDSA_P256_SHA256, NACRE_BACKEND_AUTOMATIC, sig.data(), len,
                        msg.data(), msg.size()) == NACRE_OK;
  }
};

}  // namespace

TEST_CASE("eight threads share key handles and check every result", "[capi][stress]") {
  Shared s;
  REQUIRE_FALSE(s.gcm_ct.empty());
  REQUIRE_FALSE(s.ed_sig.empty());
  REQUIRE_FALSE(s.digest.empty());
  REQUIRE_FALSE(s.secret.empty());
  std::atomic<int> wrong{0}, done{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&s, &wrong, &done, t] {
      for (int r = 0; r < kRounds; ++r) {
        // Each thread starts at a different operation, so all of them overlap.
        switch ((t + r) % 6) {
          case 0: wrong += s.seal(s.gcm, s.nonce12) != s.gcm_ct || !s.opens(s.gcm, s.nonce12, s.gcm_ct); break;
          case 1: wrong += s.seal(s.chacha, s.nonce12) != s.chacha_ct || !s.opens(s.chacha, s.nonce12, s.chacha_ct); break;
          case 2: wrong += s.seal(s.aegis, s.nonce16) != s.aegis_ct || !s.opens(s.aegis, s.nonce16, s.aegis_ct); break;
          case 3:
            wrong += s.sign_ed25519() != s.ed_sig ||
                     nacre_verify(s.ed_pub, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, s.ed_sig.data(),
                                  s.ed_sig.size(), s.msg.data(), s.msg.size()) != NACRE_OK;
            break;
          case 4: wrong += s.sha256() != s.digest || s.agree() != s.secret; break;
          default: wrong += !s.ecdsa_round_trip(); break;
        }
        ++done;
      }
    });
  }
  for (auto &th : threads) th.join();
  CHECK(done == kThreads * kRounds);
  CHECK(wrong == 0);
}
