// The cost of a secret: the pool against a sodium_malloc per secret.
#include <benchmark/benchmark.h>
#include <sodium.h>

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
