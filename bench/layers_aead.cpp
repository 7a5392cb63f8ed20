// AEAD seal and open, three layers side by side: the backend called directly with its key set up
// once (EVP_AEAD_CTX, crypto_aead_aes256gcm_beforenm; the other libsodium AEADs take the key per
// call), nacre's AeadKey and nacre's nacre_aead_key, on every backend that has the algorithm.
#include <openssl/aead.h>
#include <sodium.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/aead.hpp"

namespace {

using nacre::AeadAlg;
using nacre::Backend;
using nacre_bench::Layer;

// libsodium's combined encrypt and decrypt share this shape (input, output, nonce, key).
using SodiumEncrypt = int (*)(unsigned char *c, unsigned long long *clen, const unsigned char *m,
                              unsigned long long mlen, const unsigned char *ad,
                              unsigned long long adlen, const unsigned char *nsec,
                              const unsigned char *npub, const unsigned char *k);
using SodiumDecrypt = int (*)(unsigned char *m, unsigned long long *mlen, unsigned char *nsec,
                              const unsigned char *c, unsigned long long clen,
                              const unsigned char *ad, unsigned long long adlen,
                              const unsigned char *npub, const unsigned char *k);

const EVP_AEAD *bssl_aead(AeadAlg alg) {
  switch (alg) {
    case AeadAlg::aes128_gcm: return EVP_aead_aes_128_gcm();
    case AeadAlg::aes256_gcm: return EVP_aead_aes_256_gcm();
    case AeadAlg::aes128_gcm_siv: return EVP_aead_aes_128_gcm_siv();
    case AeadAlg::aes256_gcm_siv: return EVP_aead_aes_256_gcm_siv();
    case AeadAlg::chacha20_poly1305: return EVP_aead_chacha20_poly1305();
    case AeadAlg::xchacha20_poly1305: return EVP_aead_xchacha20_poly1305();
    default: return nullptr;
  }
}

// AES-256-GCM is absent: it goes through its precomputed state instead.
std::pair<SodiumEncrypt, SodiumDecrypt> sodium_aead(AeadAlg alg) {
  switch (alg) {
    case AeadAlg::chacha20_poly1305:
      return {crypto_aead_chacha20poly1305_ietf_encrypt, crypto_aead_chacha20poly1305_ietf_decrypt};
    case AeadAlg::xchacha20_poly1305:
      return {crypto_aead_xchacha20poly1305_ietf_encrypt, crypto_aead_xchacha20poly1305_ietf_decrypt};
    case AeadAlg::aegis128l: return {crypto_aead_aegis128l_encrypt, crypto_aead_aegis128l_decrypt};
    case AeadAlg::aegis256: return {crypto_aead_aegis256_encrypt, crypto_aead_aegis256_decrypt};
    default: return {nullptr, nullptr};
  }
}

// One benchmark's buffers: seal reads |pt| into |ct|, open reads |ct| (sealed up front, so it
// authenticates) into |pt|.
struct Buffers {
  std::vector<std::uint8_t> key, nonce, pt, ct;
};

void raw_boringssl(benchmark::State &state, AeadAlg alg, Buffers &b, bool open) {
  EVP_AEAD_CTX ctx;
  if (!EVP_AEAD_CTX_init(&ctx, bssl_aead(alg), b.key.data(), b.key.size(),
                         EVP_AEAD_DEFAULT_TAG_LENGTH, nullptr)) {
    state.SkipWithError("EVP_AEAD_CTX_init failed");
    return;
  }
  for (auto _ : state) {
    std::size_t len = 0;
    const int ok = open ? EVP_AEAD_CTX_open(&ctx, b.pt.data(), &len, b.pt.size(), b.nonce.data(),
                                            b.nonce.size(), b.ct.data(), b.ct.size(), nullptr, 0)
                        : EVP_AEAD_CTX_seal(&ctx, b.ct.data(), &len, b.ct.size(), b.nonce.data(),
                                            b.nonce.size(), b.pt.data(), b.pt.size(), nullptr, 0);
    if (!ok) {
      state.SkipWithError("EVP_AEAD_CTX_seal/open failed");
      break;
    }
    benchmark::DoNotOptimize(b.ct.data());
    benchmark::DoNotOptimize(b.pt.data());
  }
  EVP_AEAD_CTX_cleanup(&ctx);
}

void raw_sodium(benchmark::State &state, AeadAlg alg, Buffers &b, bool open) {
  unsigned long long len = 0;
  int rc = 0;
  if (alg == AeadAlg::aes256_gcm) {
    crypto_aead_aes256gcm_state st;  // aligned by its type; holds the expanded key
    if (crypto_aead_aes256gcm_beforenm(&st, b.key.data()) != 0) {
      state.SkipWithError("crypto_aead_aes256gcm_beforenm failed");
      return;
    }
    for (auto _ : state) {
      rc |= open ? crypto_aead_aes256gcm_decrypt_afternm(b.pt.data(), &len, nullptr, b.ct.data(),
                                                         b.ct.size(), nullptr, 0, b.nonce.data(), &st)
                 : crypto_aead_aes256gcm_encrypt_afternm(b.ct.data(), &len, b.pt.data(), b.pt.size(),
                                                         nullptr, 0, nullptr, b.nonce.data(), &st);
      benchmark::DoNotOptimize(b.ct.data());
      benchmark::DoNotOptimize(b.pt.data());
    }
    sodium_memzero(&st, sizeof st);
  } else {
    const auto [encrypt, decrypt] = sodium_aead(alg);
    for (auto _ : state) {
      rc |= open ? decrypt(b.pt.data(), &len, nullptr, b.ct.data(), b.ct.size(), nullptr, 0,
                           b.nonce.data(), b.key.data())
                 : encrypt(b.ct.data(), &len, b.pt.data(), b.pt.size(), nullptr, 0, nullptr,
                           b.nonce.data(), b.key.data());
      benchmark::DoNotOptimize(b.ct.data());
      benchmark::DoNotOptimize(b.pt.data());
    }
  }
  if (rc != 0) state.SkipWithError("libsodium AEAD call failed");
}

void BM_Aead(benchmark::State &state, AeadAlg alg, Backend backend, Layer layer, bool open) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  if (!nacre::aead_is_available(alg, backend)) {
    state.SkipWithError("not available on this CPU");
    return;
  }
  Buffers b{nacre_bench::message(nacre::aead_key_size(alg)),
            nacre_bench::message(nacre::aead_nonce_size(alg)),
            nacre_bench::message(nacre_bench::size_arg(state)), {}};
  const auto aead = nacre::AeadKey::create(alg, b.key, backend);
  b.ct = aead.seal(b.nonce, b.pt);
  switch (layer) {
    case Layer::raw:
      if (backend == Backend::boringssl) {
        raw_boringssl(state, alg, b, open);
      } else {
        raw_sodium(state, alg, b, open);
      }
      break;
    case Layer::cxx:
      for (auto _ : state) {
        if (open) {
          aead.open_into(b.pt, b.nonce, b.ct, {});
        } else {
          aead.seal_into(b.ct, b.nonce, b.pt, {});
        }
        benchmark::DoNotOptimize(b.ct.data());
        benchmark::DoNotOptimize(b.pt.data());
      }
      break;
    case Layer::capi: {
      nacre_aead_key *k = nullptr;
      if (nacre_aead_key_new(&k, static_cast<int>(alg), static_cast<int>(backend), b.key.data(),
                             b.key.size()) != NACRE_OK) {
        state.SkipWithError("nacre_aead_key_new failed");
        break;
      }
      for (auto _ : state) {
        std::size_t len = 0;
        const int rc = open ? nacre_aead_open(k, b.pt.data(), b.pt.size(), &len, b.nonce.data(),
                                              b.nonce.size(), b.ct.data(), b.ct.size(), nullptr, 0)
                            : nacre_aead_seal(k, b.ct.data(), b.ct.size(), &len, b.nonce.data(),
                                              b.nonce.size(), b.pt.data(), b.pt.size(), nullptr, 0);
        if (rc != NACRE_OK) {
          state.SkipWithError("nacre_aead_seal/open failed");
          break;
        }
        benchmark::DoNotOptimize(b.ct.data());
        benchmark::DoNotOptimize(b.pt.data());
      }
      nacre_aead_key_free(k);
      break;
    }
  }
  nacre_bench::finish_sized(state, nacre::aead_is_available(alg, Backend::automatic) &&
                                       nacre::aead_resolve_backend(alg, Backend::automatic) == backend);
}

// Whether this file has a raw backend call for |alg| on |backend| to compare the layers with.
bool has_raw(AeadAlg alg, Backend backend) {
  if (backend == Backend::boringssl) return bssl_aead(alg) != nullptr;
  return alg == AeadAlg::aes256_gcm || sodium_aead(alg).first != nullptr;
}

// Every AEAD of the library on every backend that runs it here.
bool register_all() {
  for (const nacre::AeadInfo &a : nacre::aead_algorithms()) {
    for (const Backend backend : {Backend::boringssl, Backend::sodium}) {
      if (!nacre::aead_is_available(a.alg, backend)) continue;
      for (const bool open : {false, true}) {
        for (const Layer layer : nacre_bench::kLayers) {
          if (layer == Layer::raw && !has_raw(a.alg, backend)) continue;
          nacre_bench::add_sized(open ? "AeadOpen" : "AeadSeal", a.name, nacre::backend_name(backend), layer,
                                 BM_Aead, a.alg, backend, layer, open);
        }
      }
    }
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
