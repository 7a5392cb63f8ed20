// AEAD seal on both backends side by side, to pick each algorithm's default by measurement.
#include <benchmark/benchmark.h>

#include "nacre/aead.hpp"
#include "nacre/random.hpp"

namespace {

using nacre::AeadAlg;
using nacre::Backend;

void BM_AeadSeal(benchmark::State &state, AeadAlg alg, Backend backend) {
  if (!nacre::aead_is_available(alg, backend)) {
    state.SkipWithError("not available on this CPU");
    return;
  }
  const auto key = nacre::random_bytes(nacre::aead_key_size(alg));
  const auto aead = nacre::AeadKey::create(alg, key, backend);
  const auto nonce = nacre::random_bytes(aead.nonce_size());
  const auto msg = nacre::random_bytes(static_cast<std::size_t>(state.range(0)));
  nacre::Bytes out(msg.size() + aead.tag_size());
  for (auto _ : state) {
    aead.seal_into(out, nonce, msg, {});
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}

#define SIZES ->Arg(64)->Arg(1024)->Arg(16384)->Arg(1 << 20)
BENCHMARK_CAPTURE(BM_AeadSeal, Aes256Gcm_boringssl, AeadAlg::aes256_gcm, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, Aes256Gcm_sodium, AeadAlg::aes256_gcm, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, ChaCha20Poly1305_boringssl, AeadAlg::chacha20_poly1305, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, ChaCha20Poly1305_sodium, AeadAlg::chacha20_poly1305, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, XChaCha20Poly1305_boringssl, AeadAlg::xchacha20_poly1305, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, XChaCha20Poly1305_sodium, AeadAlg::xchacha20_poly1305, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, Aes128Gcm_boringssl, AeadAlg::aes128_gcm, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, Aes256GcmSiv_boringssl, AeadAlg::aes256_gcm_siv, Backend::boringssl) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, Aegis128l_sodium, AeadAlg::aegis128l, Backend::sodium) SIZES;
BENCHMARK_CAPTURE(BM_AeadSeal, Aegis256_sodium, AeadAlg::aegis256, Backend::sodium) SIZES;

}  // namespace
