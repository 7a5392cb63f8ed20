// Key derivation in operations per second, three layers side by side, each deriving one 32-byte
// key: HKDF (RFC 5869) on both backends and libsodium's crypto_kdf (BLAKE2b) from a 32-byte
// secret; PBKDF2-HMAC (BoringSSL), scrypt (RFC 7914, both backends) and the libsodium password
// hashes (Argon2id, scrypt) from a password. Before timing, the layer under test must give the
// same bytes as another layer.
#include <openssl/digest.h>
#include <openssl/evp.h>
#include <openssl/hkdf.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/kdf.hpp"
#include "nacre/pwhash.hpp"

namespace {

using nacre::Backend;
using nacre::HashAlg;
using nacre::PwhashAlg;
using nacre_bench::Layer;
using Out = std::array<std::uint8_t, 32>;

const auto kSecret = nacre_bench::message(32);
const auto kSalt = nacre_bench::message(16);
const auto kInfo = nacre_bench::message(8);  // also crypto_kdf's 8-byte context
const std::string kPassword = "correct horse battery staple";
const nacre::ByteView kPw(reinterpret_cast<const std::uint8_t *>(kPassword.data()), kPassword.size());

// PBKDF2 and scrypt costs: fixed so that runs compare; scrypt's are libsodium's interactive
// preset (N = 2^14, r = 8, p = 1), 16 MiB.
constexpr std::uint32_t kPbkdf2Iterations = 10000;
constexpr nacre::ScryptParams kScrypt{std::uint64_t{1} << 14, 8, 1};

// derive_bench times |derive|(layer, out), which returns 0 on success. Every derivation here is
// deterministic, so first the layer under test is checked against another layer's bytes.
template <class Derive>
void derive_bench(benchmark::State &state, Layer layer, bool is_default, Derive derive) {
  if (sodium_init() < 0) {
    state.SkipWithError("sodium_init failed");
    return;
  }
  Out out{};
  Out other{};
  const Layer reference = layer == Layer::raw ? Layer::cxx : Layer::raw;
  if (derive(layer, out) != 0 || derive(reference, other) != 0 || out != other) {
    state.SkipWithError("the layers derive different keys");
    return;
  }
  nacre_bench::run(state, "derivation failed", [&] {
    const int rc = derive(layer, out);
    benchmark::DoNotOptimize(out.data());
    return rc;
  });
  nacre_bench::finish_ops(state, is_default);
}

// The raw HKDF of each backend: BoringSSL's one call, libsodium's extract then expand.
int raw_hkdf(HashAlg alg, Backend backend, Out &out) {
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
  const bool is_default = nacre::hkdf_resolve_backend(alg, Backend::automatic) == backend;
  derive_bench(state, layer, is_default, [&](Layer l, Out &out) {
    switch (l) {
      case Layer::raw: return raw_hkdf(alg, backend, out);
      case Layer::cxx: nacre::hkdf_into(alg, kSecret, kSalt, kInfo, out, backend); return 0;
      case Layer::capi:
        return nacre_hkdf(static_cast<int>(alg), static_cast<int>(backend), out.data(), out.size(),
                          kSecret.data(), kSecret.size(), kSalt.data(), kSalt.size(), kInfo.data(),
                          kInfo.size());
    }
    return -1;
  });
}

// One subkey id throughout: the cost does not depend on it, and the check needs equal inputs.
void BM_Kdf(benchmark::State &state, Layer layer) {
  constexpr std::uint64_t kId = 1;
  derive_bench(state, layer, true, [&](Layer l, Out &out) {
    switch (l) {
      case Layer::raw:
        return crypto_kdf_derive_from_key(out.data(), out.size(), kId,
                                          reinterpret_cast<const char *>(kInfo.data()), kSecret.data());
      case Layer::cxx: nacre::kdf_derive_into(kSecret, kId, kInfo, out); return 0;
      case Layer::capi:
        return nacre_kdf_derive(out.data(), out.size(), kId, kInfo.data(), kInfo.size(), kSecret.data(),
                                kSecret.size());
    }
    return -1;
  });
}

// PBKDF2 has one backend, BoringSSL (libsodium has none).
void BM_Pbkdf2(benchmark::State &state, HashAlg alg, Layer layer) {
  derive_bench(state, layer, true, [&](Layer l, Out &out) {
    switch (l) {
      case Layer::raw:
        return PKCS5_PBKDF2_HMAC(kPassword.data(), kPassword.size(), kSalt.data(), kSalt.size(),
                                 kPbkdf2Iterations, alg == HashAlg::sha256 ? EVP_sha256() : EVP_sha512(),
                                 out.size(), out.data()) == 1 ? 0 : -1;
      case Layer::cxx: nacre::pbkdf2_into(alg, kPw, kSalt, kPbkdf2Iterations, out); return 0;
      case Layer::capi:
        return nacre_pbkdf2(static_cast<int>(alg), out.data(), out.size(), kPw.data(), kPw.size(),
                            kSalt.data(), kSalt.size(), kPbkdf2Iterations);
    }
    return -1;
  });
}

// Raw scrypt with explicit parameters. BoringSSL's max_mem 0 is its 32 MiB default, enough here.
void BM_Scrypt(benchmark::State &state, Backend backend, Layer layer) {
  const bool is_default = nacre::scrypt_resolve_backend(Backend::automatic) == backend;
  derive_bench(state, layer, is_default, [&](Layer l, Out &out) {
    switch (l) {
      case Layer::raw:
        if (backend == Backend::boringssl) {
          return EVP_PBE_scrypt(kPassword.data(), kPassword.size(), kSalt.data(), kSalt.size(), kScrypt.n,
                                kScrypt.r, kScrypt.p, 0, out.data(), out.size()) == 1 ? 0 : -1;
        }
        return crypto_pwhash_scryptsalsa208sha256_ll(kPw.data(), kPw.size(), kSalt.data(), kSalt.size(),
                                                     kScrypt.n, kScrypt.r, kScrypt.p, out.data(), out.size());
      case Layer::cxx: nacre::scrypt_into(kPw, kSalt, kScrypt, out, backend); return 0;
      case Layer::capi:
        return nacre_scrypt(static_cast<int>(backend), out.data(), out.size(), kPw.data(), kPw.size(),
                            kSalt.data(), kSalt.size(), kScrypt.n, kScrypt.r, kScrypt.p);
    }
    return -1;
  });
}

// libsodium's password hashes with its interactive presets (libsodium is their only backend).
void BM_Pwhash(benchmark::State &state, PwhashAlg alg, Layer layer) {
  const auto limits = nacre::pwhash_preset_limits(alg, nacre::PwhashPreset::interactive);
  const auto salt = nacre_bench::message(nacre::pwhash_salt_size(alg));
  derive_bench(state, layer, true, [&](Layer l, Out &out) {
    switch (l) {
      case Layer::raw:
        if (alg == PwhashAlg::scrypt) {
          return crypto_pwhash_scryptsalsa208sha256(out.data(), out.size(), kPassword.data(), kPassword.size(),
                                                    salt.data(), limits.opslimit, limits.memlimit);
        }
        return crypto_pwhash(out.data(), out.size(), kPassword.data(), kPassword.size(), salt.data(),
                             limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13);
      case Layer::cxx: nacre::pwhash_derive_into(alg, kPw, salt, limits, out); return 0;
      case Layer::capi:
        return nacre_pwhash_derive(static_cast<int>(alg), out.data(), out.size(), kPw.data(), kPw.size(),
                                   salt.data(), salt.size(), limits.opslimit, limits.memlimit);
    }
    return -1;
  });
}

bool register_all() {
  using nacre_bench::add;
  for (const HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
    for (const Backend backend : {Backend::boringssl, Backend::sodium}) {
      if (!nacre::hkdf_is_available(alg, backend)) continue;
      const std::string name = "hkdf-" + std::string(nacre::hash_name(alg));
      for (const Layer layer : nacre_bench::kLayers) {
        add("Kdf", name, nacre::backend_name(backend), layer, BM_Hkdf, alg, backend, layer);
      }
    }
  }
  for (const Layer layer : nacre_bench::kLayers) {
    add("Kdf", "blake2b-kdf", "sodium", layer, BM_Kdf, layer);
  }
  for (const HashAlg alg : {HashAlg::sha256, HashAlg::sha512}) {
    if (!nacre::pbkdf2_is_available(alg)) continue;
    const std::string name =
        "pbkdf2-" + std::string(nacre::hash_name(alg)) + "-" + std::to_string(kPbkdf2Iterations);
    for (const Layer layer : nacre_bench::kLayers) {
      add("Pbkdf2", name, "boringssl", layer, BM_Pbkdf2, alg, layer);
    }
  }
  const std::string scrypt = "scrypt-n" + std::to_string(kScrypt.n) + "-r" + std::to_string(kScrypt.r) +
                             "-p" + std::to_string(kScrypt.p);
  for (const Backend backend : {Backend::boringssl, Backend::sodium}) {
    for (const Layer layer : nacre_bench::kLayers) {
      add("Scrypt", scrypt, nacre::backend_name(backend), layer, BM_Scrypt, backend, layer);
    }
  }
  for (const auto &[alg, name] : {std::pair{PwhashAlg::argon2id, "argon2id-interactive"},
                                  std::pair{PwhashAlg::scrypt, "scrypt-interactive"}}) {
    for (const Layer layer : nacre_bench::kLayers) {
      add("Pwhash", name, "sodium", layer, BM_Pwhash, alg, layer);
    }
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
