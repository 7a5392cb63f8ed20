// The cost of a secret: the pool against a sodium_malloc per secret.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <vector>

#include "nacre/aead.hpp"
#include "nacre/secret.hpp"

namespace {

void BM_SecretBytesCreateFree(benchmark::State &state) {
  for (auto _ : state) {
    nacre::SecretBytes s(32);
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_SecretBytesCreateFree);

void BM_SodiumMallocFree(benchmark::State &state) {
  if (sodium_init() < 0) state.SkipWithError("sodium_init failed");
  for (auto _ : state) {
    void *p = sodium_malloc(32);
    benchmark::DoNotOptimize(p);
    sodium_free(p);
  }
}
BENCHMARK(BM_SodiumMallocFree);

}  // namespace

// Create + first use + free of one more AES-256-GCM key (C++ API) while N are alive: the cost
// must not grow with N (a pool slot, never a mapping per key).
namespace {

void BM_AeadKeyWithLiveKeys(benchmark::State &state) {
  const auto live = static_cast<std::size_t>(state.range(0));
  const nacre::Bytes key(32, 7), nonce(12, 0), msg(64, 1);
  std::vector<nacre::AeadKey> keep;
  keep.reserve(live);
  for (std::size_t i = 1; i < live; ++i) {
    keep.push_back(nacre::AeadKey::create(nacre::AeadAlg::aes256_gcm, key));
  }
  for (auto _ : state) {
    auto k = nacre::AeadKey::create(nacre::AeadAlg::aes256_gcm, key);
    benchmark::DoNotOptimize(k.seal(nonce, msg));
  }
  state.counters["live"] = static_cast<double>(live);
}
BENCHMARK(BM_AeadKeyWithLiveKeys)->Arg(1)->Arg(1000)->Arg(1000000);

}  // namespace
