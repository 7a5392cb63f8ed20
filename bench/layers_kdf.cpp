// Key derivation in operations per second, three layers side by side: HKDF (RFC 5869) on both
// backends and libsodium's crypto_kdf (BLAKE2b), each deriving one 32-byte key from a 32-byte
// secret. Argon2id is in layers_pk.cpp, with the other per-operation costs.
#include <openssl/digest.h>
#include <openssl/hkdf.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/kdf.hpp"

namespace {

using nacre::Backend;
using nacre::HashAlg;
using nacre_bench::Layer;

const auto kSecret = nacre_bench::message(32);
const auto kSalt = nacre_bench::message(16);
const auto kInfo = nacre_bench::message(8);  // also crypto_kdf's 8-byte context

// The raw HKDF of each backend: BoringSSL's one call, libsodium's extract then expand.
int raw_hkdf(HashAlg alg, Backend backend, std::array<std::uint8_t, 32> &out) {
  const auto *info = reinterpret_cast<const char *>(kInfo.data());
  if (backend == Backend::boringssl) {
    const EVP_MD *md = alg == HashAlg::sha256 ? EVP_sha256() : EVP_sha512();
    return HKDF(out.data(), out.size(), md, kSecret.data(), kSecret.size(), kSalt.data(),
                kSalt.size(), kInfo.data(), kInfo.size()) == 1 ? 0 : -1;
  }
  if (alg == HashAlg::sha256) {
    std::uint8_t prk[crypto_kdf_hkdf_sha256_KEYBYTES];
    return crypto_kdf_hkdf_sha256_extract(prk, kSalt.data(), kSalt.size(), kSecret.data(), kSecret.size()) |
           crypto_kdf_hkdf_sha256_expand(out.data(), out.size(), info, kInfo.size(), prk);
  }
  std::uint8_t prk[crypto_kdf_hkdf_sha512_KEYBYTES];
  return crypto_kdf_hkdf_sha512_extract(prk, kSalt.data(), kSalt.size(), kSecret.data(), kSecret.size()) |
         crypto_kdf_hkdf_sha512_expand(out.data(), out.size(), info, kInfo.size(), prk);
}

void BM_Hkdf(benchmark::State &state, HashAlg alg, Backend backend, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  std::array<std::uint8_t, 32> out{};
  for (auto _ : state) {
    int rc = 0;
    switch (layer) {
      case Layer::raw:
        rc = raw_hkdf(alg, backend, out);
        break;
      case Layer::cxx:
        nacre::hkdf_into(alg, kSecret, kSalt, kInfo, out, backend);
        break;
      case Layer::capi:
        rc = nacre_hkdf(static_cast<int>(alg), static_cast<int>(backend), out.data(), out.size(),
                        kSecret.data(), kSecret.size(), kSalt.data(), kSalt.size(), kInfo.data(),
                        kInfo.size());
        break;
    }
    if (rc != 0) {
      state.SkipWithError("HKDF failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  nacre_bench::finish_ops(state, nacre::hkdf_resolve_backend(alg, Backend::automatic) == backend);
}

void BM_Kdf(benchmark::State &state, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  std::array<std::uint8_t, 32> out{};
  std::uint64_t id = 0;
  for (auto _ : state) {
    int rc = 0;
    ++id;
    switch (layer) {
      case Layer::raw:
        rc = crypto_kdf_derive_from_key(out.data(), out.size(), id,
                                        reinterpret_cast<const char *>(kInfo.data()), kSecret.data());
        break;
      case Layer::cxx:
        nacre::kdf_derive_into(kSecret, id, kInfo, out);
        break;
      case Layer::capi:
        rc = nacre_kdf_derive(out.data(), out.size(), id, kInfo.data(), kInfo.size(), kSecret.data(),
                              kSecret.size());
        break;
    }
    if (rc != 0) {
      state.SkipWithError("crypto_kdf failed");
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  nacre_bench::finish_ops(state, true);
}

bool register_all() {
  for (const HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
    for (const Backend backend : {Backend::boringssl, Backend::sodium}) {
      if (!nacre::hkdf_is_available(alg, backend)) continue;
      const std::string name = "hkdf-" + std::string(nacre::hash_name(alg));
      for (const Layer layer : nacre_bench::kLayers) {
        nacre_bench::add("Kdf", name, nacre::backend_name(backend), layer, BM_Hkdf, alg, backend, layer);
      }
    }
  }
  for (const Layer layer : nacre_bench::kLayers) {
    nacre_bench::add("Kdf", "blake2b-kdf", "sodium", layer, BM_Kdf, layer);
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
