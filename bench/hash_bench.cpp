// Both backends side by side, to pick each algorithm's default by measurement.
#include <benchmark/benchmark.h>

#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"
#include "nacre/random.hpp"

namespace {

using nacre::Backend;
using nacre::HashAlg;

void BM_Hash(benchmark::State &state, HashAlg alg, Backend backend) {
  const nacre::Bytes msg = nacre::random_bytes(static_cast<std::size_t>(state.range(0)));
  nacre::Bytes out(nacre::digest_size(alg));
  for (auto _ : state) {
    nacre::hash_into(alg, msg, out, backend);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

void BM_Hmac(benchmark::State &state, HashAlg alg, Backend backend) {
  const nacre::Bytes key = nacre::random_bytes(32);
  const nacre::Bytes msg = nacre::random_bytes(static_cast<std::size_t>(state.range(0)));
  nacre::Bytes out(nacre::hmac_size(alg));
  for (auto _ : state) {
    nacre::hmac_into(alg, key, msg, out, backend);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

#define SIZES ->Arg(64)->Arg(1024)->Arg(16384)->Arg(1 << 20)
BENCHMARK_CAPTURE(BM_Hash, Sha256_boringssl, HashAlg::sha256, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_Hash, Sha256_sodium, HashAlg::sha256, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_Hash, Sha512_boringssl, HashAlg::sha512, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_Hash, Sha512_sodium, HashAlg::sha512, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_Hmac, HmacSha256_boringssl, HashAlg::sha256, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_Hmac, HmacSha256_sodium, HashAlg::sha256, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_Hmac, HmacSha512_boringssl, HashAlg::sha512, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_Hmac, HmacSha512_sodium, HashAlg::sha512, Backend::sodium) SIZES;

}  // namespace
