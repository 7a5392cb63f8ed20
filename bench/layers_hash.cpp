// Hashes and HMAC, three layers side by side: the backend's one-shot call, nacre's C++ API and
// nacre's C ABI, on every backend that implements the algorithm.
#include <openssl/digest.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <sodium.h>

#include <array>
#include <cstdint>

#include "bench_util.hpp"
#include "nacre.h"
#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"

namespace {

using nacre::Backend;
using nacre::HashAlg;
using nacre_bench::Layer;

// A backend's one-shot function, the way a C programmer calls it.
using RawHash = void (*)(const std::uint8_t *in, std::size_t n, std::uint8_t *out);
using RawHmac = void (*)(const std::uint8_t *key, const std::uint8_t *in, std::size_t n,
                         std::uint8_t *out);

struct HashCase {
  HashAlg alg;
  Backend backend;
  RawHash raw;
};

const HashCase kHashes[] = {
    {HashAlg::sha256, Backend::boringssl, [](auto in, auto n, auto out) { SHA256(in, n, out); }},
    {HashAlg::sha256, Backend::sodium, [](auto in, auto n, auto out) { crypto_hash_sha256(out, in, n); }},
    {HashAlg::sha384, Backend::boringssl, [](auto in, auto n, auto out) { SHA384(in, n, out); }},
    {HashAlg::sha512, Backend::boringssl, [](auto in, auto n, auto out) { SHA512(in, n, out); }},
    {HashAlg::sha512, Backend::sodium, [](auto in, auto n, auto out) { crypto_hash_sha512(out, in, n); }},
    {HashAlg::sha512_256, Backend::boringssl, [](auto in, auto n, auto out) { SHA512_256(in, n, out); }},
    {HashAlg::sha3_256, Backend::sodium, [](auto in, auto n, auto out) { crypto_hash_sha3256(out, in, n); }},
    {HashAlg::sha3_512, Backend::sodium, [](auto in, auto n, auto out) { crypto_hash_sha3512(out, in, n); }},
    {HashAlg::blake2b, Backend::sodium,
     [](auto in, auto n, auto out) { crypto_generichash(out, 64, in, n, nullptr, 0); }},
};

constexpr std::size_t kHmacKeyLen = 32;  // libsodium's crypto_auth_hmacsha*() key length

struct HmacCase {
  HashAlg alg;
  Backend backend;
  RawHmac raw;
};

template <const EVP_MD *(*Md)()>
void bssl_hmac(const std::uint8_t *key, const std::uint8_t *in, std::size_t n, std::uint8_t *out) {
  unsigned int len = 0;
  HMAC(Md(), key, kHmacKeyLen, in, n, out, &len);
}

const HmacCase kHmacs[] = {
    {HashAlg::sha256, Backend::boringssl, bssl_hmac<EVP_sha256>},
    {HashAlg::sha256, Backend::sodium, [](auto key, auto in, auto n, auto out) { crypto_auth_hmacsha256(out, in, n, key); }},
    {HashAlg::sha384, Backend::boringssl, bssl_hmac<EVP_sha384>},
    {HashAlg::sha512, Backend::boringssl, bssl_hmac<EVP_sha512>},
    {HashAlg::sha512, Backend::sodium, [](auto key, auto in, auto n, auto out) { crypto_auth_hmacsha512(out, in, n, key); }},
};

void BM_Hash(benchmark::State &state, HashCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto msg = nacre_bench::message(nacre_bench::size_arg(state));
  std::array<std::uint8_t, 64> out{};
  const std::size_t out_len = nacre::digest_size(c.alg);
  switch (layer) {
    case Layer::raw:
      for (auto _ : state) {
        c.raw(msg.data(), msg.size(), out.data());
        benchmark::DoNotOptimize(out.data());
      }
      break;
    case Layer::cxx:
      for (auto _ : state) {
        nacre::hash_into(c.alg, msg, {out.data(), out_len}, c.backend);
        benchmark::DoNotOptimize(out.data());
      }
      break;
    case Layer::capi:
      for (auto _ : state) {
        std::size_t len = 0;
        if (nacre_hash(static_cast<int>(c.alg), static_cast<int>(c.backend), out.data(), out.size(),
                       &len, msg.data(), msg.size()) != NACRE_OK) {
          state.SkipWithError("nacre_hash failed");
          break;
        }
        benchmark::DoNotOptimize(out.data());
      }
      break;
  }
  nacre_bench::finish_sized(state, nacre::resolve_backend(c.alg, Backend::automatic) == c.backend);
}

void BM_Hmac(benchmark::State &state, HmacCase c, Layer layer) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  const auto msg = nacre_bench::message(nacre_bench::size_arg(state));
  const auto key = nacre_bench::message(kHmacKeyLen);
  std::array<std::uint8_t, 64> out{};
  const std::size_t out_len = nacre::hmac_size(c.alg);
  switch (layer) {
    case Layer::raw:
      for (auto _ : state) {
        c.raw(key.data(), msg.data(), msg.size(), out.data());
        benchmark::DoNotOptimize(out.data());
      }
      break;
    case Layer::cxx:
      for (auto _ : state) {
        nacre::hmac_into(c.alg, key, msg, {out.data(), out_len}, c.backend);
        benchmark::DoNotOptimize(out.data());
      }
      break;
    case Layer::capi:
      for (auto _ : state) {
        std::size_t len = 0;
        if (nacre_hmac(static_cast<int>(c.alg), static_cast<int>(c.backend), out.data(), out.size(),
                       &len, key.data(), key.size(), msg.data(), msg.size()) != NACRE_OK) {
          state.SkipWithError("nacre_hmac failed");
          break;
        }
        benchmark::DoNotOptimize(out.data());
      }
      break;
  }
  nacre_bench::finish_sized(state, nacre::hmac_resolve_backend(c.alg, Backend::automatic) == c.backend);
}

bool register_all() {
  for (const HashCase &c : kHashes) {
    for (const Layer layer : nacre_bench::kLayers) {
      nacre_bench::add_sized("Hash", nacre::hash_name(c.alg), nacre::backend_name(c.backend), layer,
                             BM_Hash, c, layer);
    }
  }
  for (const HmacCase &c : kHmacs) {
    const std::string name = "hmac-" + std::string(nacre::hash_name(c.alg));
    for (const Layer layer : nacre_bench::kLayers) {
      nacre_bench::add_sized("Hmac", name, nacre::backend_name(c.backend), layer, BM_Hmac, c, layer);
    }
  }
  return true;
}

[[maybe_unused]] const bool kRegistered = register_all();

}  // namespace
