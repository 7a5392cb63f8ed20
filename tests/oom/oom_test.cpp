// Allocation failure, injected: this binary replaces the global operator new, which every C++
// allocation in nacre goes through (handles, keys' parts, vectors, strings), and makes the n-th
// allocation after arming fail, for n = 0, 1, 2, ... until the call needs no more. Each C ABI
// call must then return NACRE_ERR_OUT_OF_MEMORY (or succeed when the failure hit nothing), leave
// NULL handles and zeroed outputs, and lose nothing: under the asan-ubsan preset LeakSanitizer
// checks the whole run; everywhere the count of live allocations must come back to where it was.
// (BoringSSL's and libsodium's own allocations go through malloc and mmap, not operator new;
// they are not injected here.)
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <new>
#include <string>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

namespace {

// Single-threaded test: plain globals are enough, atomics keep the replacement honest anyway.
std::atomic<long> g_countdown{-1};  // -1: disarmed; otherwise allocations left before a failure
std::atomic<bool> g_fired{false};
std::atomic<long> g_live{0};

void *allocate(std::size_t n) {
  long left = g_countdown.load();
  if (left == 0) {
    g_fired = true;
    g_countdown = -1;  // one failure per run: what follows must cope with it
    return nullptr;
  }
  if (left > 0) g_countdown = left - 1;
  void *p = std::malloc(n == 0 ? 1 : n);
  if (p != nullptr) ++g_live;
  return p;
}

void release(void *p) noexcept {
  if (p == nullptr) return;
  --g_live;
  std::free(p);
}

}  // namespace

void *operator new(std::size_t n) {
  void *p = allocate(n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void *operator new[](std::size_t n) { return operator new(n); }
void *operator new(std::size_t n, const std::nothrow_t &) noexcept { return allocate(n); }
void *operator new[](std::size_t n, const std::nothrow_t &) noexcept { return allocate(n); }
void operator delete(void *p) noexcept { release(p); }
void operator delete[](void *p) noexcept { release(p); }
void operator delete(void *p, std::size_t) noexcept { release(p); }
void operator delete[](void *p, std::size_t) noexcept { release(p); }

namespace {

using Bytes = std::vector<std::uint8_t>;

// One call under test: returns its status; |cleanup| frees whatever a successful call made.
struct Call {
  const char *name;
  std::function<int()> run;
  std::function<void()> cleanup = [] {};
};

struct Tally {
  int calls = 0, injected = 0;
};

// Runs |c| with the n-th allocation failing, n = 0, 1, ..., until a run sees no failure.
void exhaust(const Call &c, Tally &tally) {
  INFO(c.name);
  c.run();  // warm up: lazy initialisation (pools, backend tables) happens once, not per run
  c.cleanup();
  ++tally.calls;
  for (long n = 0; n < 10000; ++n) {
    const long before = g_live.load();
    g_fired = false;
    g_countdown = n;
    const int rc = c.run();
    g_countdown = -1;
    if (!g_fired) {
      CHECK(rc == NACRE_OK);
      c.cleanup();
      CHECK(g_live.load() == before);
      return;
    }
    if (rc == NACRE_OK) c.cleanup();
    const long after = g_live.load();  // read before INFO, which allocates itself
    INFO("failing allocation #" << n << " gave status " << rc);
    ++tally.injected;
    CHECK(rc == NACRE_ERR_OUT_OF_MEMORY);
    CHECK(after == before);  // nothing lost on the failure path
  }
  FAIL("more than 10000 allocations in one call");
}

Bytes random(std::size_t n) {
  Bytes b(n);
  REQUIRE(nacre_random_bytes(b.data(), n) == NACRE_OK);
  return b;
}

}  // namespace

TEST_CASE("every failed allocation gives NACRE_ERR_OUT_OF_MEMORY and loses nothing", "[oom]") {
  Tally tally;
  const Bytes k32 = random(32), nonce = random(12), msg = random(100), ad = random(7);
  nacre::test::Guarded out(256);
  std::size_t len = 0;

  SECTION("hashing, MAC and KDF") {
    nacre_hash_ctx *h = nullptr;
    exhaust({"nacre_hash_ctx_new", [&] { return nacre_hash_ctx_new(&h, NACRE_HASH_SHA256, 0); },
             [&] { nacre_hash_ctx_free(h); h = nullptr; }}, tally);
    CHECK(h == nullptr);
    nacre_hmac_ctx *m = nullptr;
    exhaust({"nacre_hmac_ctx_new", [&] { return nacre_hmac_ctx_new(&m, NACRE_HASH_SHA256, 0, k32.data(), 32); },
             [&] { nacre_hmac_ctx_free(m); m = nullptr; }}, tally);
    exhaust({"nacre_hmac", [&] { return nacre_hmac(NACRE_HASH_SHA256, 0, out.data(), 32, &len, k32.data(), 32, msg.data(), msg.size()); }}, tally);
    exhaust({"nacre_hkdf", [&] { return nacre_hkdf(NACRE_HASH_SHA256, 0, out.data(), 64, k32.data(), 32, nullptr, 0, ad.data(), ad.size()); }}, tally);
  }

  SECTION("AEAD and streams") {
    nacre_aead_key *k = nullptr;
    const Bytes long_nonce = random(32);  // long enough for every algorithm's nonce
    for (int alg : {NACRE_AEAD_AES_256_GCM, NACRE_AEAD_AES_256_GCM_SIV, NACRE_AEAD_CHACHA20_POLY1305,
                    NACRE_AEAD_AEGIS_256}) {
      exhaust({"nacre_aead_key_new", [&] { return nacre_aead_key_new(&k, alg, 0, k32.data(), 32); },
               [&] { nacre_aead_key_free(k); k = nullptr; }}, tally);
      CHECK(k == nullptr);
      exhaust({"nacre_aead_seal_oneshot", [&] {
                 return nacre_aead_seal_oneshot(alg, 0, k32.data(), 32, out.data(), msg.size() + 16 + (alg == NACRE_AEAD_AEGIS_256 ? 16 : 0), &len,
                                                long_nonce.data(), nacre_aead_nonce_len(alg), msg.data(), msg.size(), ad.data(), ad.size());
               }}, tally);
    }
    Bytes header(NACRE_SECRETSTREAM_HEADER_LEN);
    nacre_secretstream_encryptor *st = nullptr;
    exhaust({"nacre_secretstream_encryptor_new", [&] { return nacre_secretstream_encryptor_new(&st, header.data(), header.size(), &len, k32.data(), 32); },
             [&] { nacre_secretstream_encryptor_free(st); st = nullptr; }}, tally);
  }

  SECTION("keys, signatures, agreement, KEM, HPKE") {
    for (int type : {NACRE_KEY_X25519, NACRE_KEY_ED25519, NACRE_KEY_P256, NACRE_KEY_MLKEM768, NACRE_KEY_XWING}) {
      nacre_key *key = nullptr;
      exhaust({"nacre_key_generate", [&] { return nacre_key_generate(&key, type, 0); },
               [&] { nacre_key_free(key); key = nullptr; }}, tally);
      CHECK(key == nullptr);
    }
    nacre_key *ed = nullptr, *p256 = nullptr, *x = nullptr, *xpub = nullptr, *kem = nullptr, *kem_pub = nullptr;
    REQUIRE(nacre_key_generate(&ed, NACRE_KEY_ED25519, 0) == NACRE_OK);
    REQUIRE(nacre_key_generate(&p256, NACRE_KEY_P256, 0) == NACRE_OK);
    REQUIRE(nacre_key_generate(&x, NACRE_KEY_X25519, 0) == NACRE_OK);
    REQUIRE(nacre_key_public(x, &xpub) == NACRE_OK);
    REQUIRE(nacre_key_generate(&kem, NACRE_KEY_MLKEM768, 0) == NACRE_OK);
    REQUIRE(nacre_key_public(kem, &kem_pub) == NACRE_OK);
    Bytes der(512);
    std::size_t der_len = 0;
    REQUIRE(nacre_key_export(p256, NACRE_KEY_FORMAT_PKCS8_DER, der.data(), der.size(), &der_len) == NACRE_OK);
    nacre_key *imported = nullptr;
    exhaust({"nacre_key_import", [&] { return nacre_key_import(&imported, NACRE_KEY_P256, NACRE_KEY_FORMAT_PKCS8_DER, der.data(), der_len); },
             [&] { nacre_key_free(imported); imported = nullptr; }}, tally);
    exhaust({"nacre_key_export", [&] { return nacre_key_export(p256, NACRE_KEY_FORMAT_PKCS8_PEM, out.data(), out.cap(), &len); }}, tally);
    nacre_key *pub = nullptr;
    exhaust({"nacre_key_public", [&] { return nacre_key_public(ed, &pub); },
             [&] { nacre_key_free(pub); pub = nullptr; }}, tally);
    exhaust({"nacre_sign ed25519", [&] { return nacre_sign(ed, NACRE_SIG_ED25519, 0, out.data(), 64, &len, msg.data(), msg.size()); }}, tally);
    exhaust({"nacre_sign ecdsa", [&] { return nacre_sign(p256, NACRE_SIG_ECDSA_P256_SHA256, 0, out.data(), 72, &len, msg.data(), msg.size()); }}, tally);
    exhaust({"nacre_key_agree", [&] { return nacre_key_agree(x, xpub, 0, out.data(), 32, &len); }}, tally);
    Bytes ct(nacre_kem_ciphertext_len(NACRE_KEY_MLKEM768));
    exhaust({"nacre_kem_encapsulate", [&] { return nacre_kem_encapsulate(kem_pub, ct.data(), ct.size(), &len, out.data(), 32, &len); }}, tally);
    Bytes sealed(msg.size() + 32 + 16);
    exhaust({"nacre_hpke_seal", [&] { return nacre_hpke_seal(NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305, xpub, sealed.data(), sealed.size(), &len, ad.data(), ad.size(), msg.data(), msg.size(), nullptr, 0); }}, tally);
    REQUIRE(nacre_hpke_seal(NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305, xpub, sealed.data(), sealed.size(), &len, ad.data(), ad.size(), msg.data(), msg.size(), nullptr, 0) == NACRE_OK);
    exhaust({"nacre_hpke_open", [&] { return nacre_hpke_open(NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305, x, out.data(), msg.size(), &len, ad.data(), ad.size(), sealed.data(), sealed.size(), nullptr, 0); }}, tally);
    nacre_hpke_ctx *ctx = nullptr;
    Bytes enc(32);
    exhaust({"nacre_hpke_sender_new", [&] { return nacre_hpke_sender_new(&ctx, NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305, xpub, enc.data(), enc.size(), &len, ad.data(), ad.size()); },
             [&] { nacre_hpke_ctx_free(ctx); ctx = nullptr; }}, tally);
    for (nacre_key *k : {ed, p256, x, xpub, kem, kem_pub}) nacre_key_free(k);
  }

  WARN("allocation failures injected: " << tally.injected << " over " << tally.calls << " calls");
  CHECK(tally.injected > 0);
  CHECK(out.fences_intact());
}
