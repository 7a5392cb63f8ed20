// Public-key operations per second: both backends side by side where both exist (Ed25519,
// X25519), to pick the defaults by measurement; the others to report.
#include <benchmark/benchmark.h>

#include "nacre/agreement.hpp"
#include "nacre/hpke.hpp"
#include "nacre/kem.hpp"
#include "nacre/random.hpp"
#include "nacre/signature.hpp"

namespace {

using nacre::Backend;
using nacre::Key;
using nacre::KeyType;
using nacre::SigAlg;

const nacre::Bytes kMsg(64, 0x42);

void BM_Sign(benchmark::State &state, KeyType type, SigAlg alg, Backend backend) {
  const Key k = Key::generate(type, type == KeyType::rsa ? 3072 : 0);
  nacre::Bytes sig(nacre::signature_max_size(k, alg));
  for (auto _ : state) benchmark::DoNotOptimize(nacre::sign_into(sig, k, alg, kMsg, backend));
}

void BM_Verify(benchmark::State &state, KeyType type, SigAlg alg, Backend backend) {
  const Key k = Key::generate(type, type == KeyType::rsa ? 3072 : 0);
  const Key pub = k.public_key();
  const nacre::Bytes sig = nacre::sign(k, alg, kMsg);
  for (auto _ : state) nacre::verify(pub, alg, sig, kMsg, backend);
}

void BM_Agree(benchmark::State &state, KeyType type, Backend backend) {
  const Key a = Key::generate(type);
  const Key b = Key::generate(type).public_key();
  for (auto _ : state) benchmark::DoNotOptimize(nacre::agree(a, b, backend));
}

void BM_Generate(benchmark::State &state, KeyType type, std::size_t bits) {
  for (auto _ : state) benchmark::DoNotOptimize(Key::generate(type, bits));
}

void BM_KemRoundTrip(benchmark::State &state, KeyType type) {
  const Key k = Key::generate(type);
  const Key pub = k.public_key();
  for (auto _ : state) {
    const nacre::Encapsulation e = nacre::encapsulate(pub);
    benchmark::DoNotOptimize(nacre::decapsulate(k, e.ciphertext));
  }
}

void BM_HpkeSeal(benchmark::State &state) {
  const Key r = Key::generate(KeyType::x25519).public_key();
  for (auto _ : state) {
    benchmark::DoNotOptimize(nacre::hpke_seal(nacre::HpkeSuite::x25519_sha256_chacha20poly1305, r, {}, kMsg));
  }
}

BENCHMARK_CAPTURE(BM_Sign, Ed25519_boringssl, KeyType::ed25519, SigAlg::ed25519, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Sign, Ed25519_sodium, KeyType::ed25519, SigAlg::ed25519, Backend::sodium);
BENCHMARK_CAPTURE(BM_Verify, Ed25519_boringssl, KeyType::ed25519, SigAlg::ed25519, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Verify, Ed25519_sodium, KeyType::ed25519, SigAlg::ed25519, Backend::sodium);
BENCHMARK_CAPTURE(BM_Agree, X25519_boringssl, KeyType::x25519, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Agree, X25519_sodium, KeyType::x25519, Backend::sodium);
BENCHMARK_CAPTURE(BM_Sign, EcdsaP256_boringssl, KeyType::p256, SigAlg::ecdsa_p256_sha256, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Verify, EcdsaP256_boringssl, KeyType::p256, SigAlg::ecdsa_p256_sha256, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Sign, EcdsaP384_boringssl, KeyType::p384, SigAlg::ecdsa_p384_sha384, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Verify, EcdsaP384_boringssl, KeyType::p384, SigAlg::ecdsa_p384_sha384, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Agree, EcdhP256_boringssl, KeyType::p256, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Sign, RsaPss3072_boringssl, KeyType::rsa, SigAlg::rsa_pss_sha256, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Verify, RsaPss3072_boringssl, KeyType::rsa, SigAlg::rsa_pss_sha256, Backend::boringssl);
BENCHMARK_CAPTURE(BM_Generate, Ed25519, KeyType::ed25519, 0);
BENCHMARK_CAPTURE(BM_Generate, P256, KeyType::p256, 0);
BENCHMARK_CAPTURE(BM_Generate, MlKem768, KeyType::mlkem768, 0);
BENCHMARK_CAPTURE(BM_Generate, Rsa3072, KeyType::rsa, 3072)->Iterations(5);
BENCHMARK_CAPTURE(BM_KemRoundTrip, MlKem768, KeyType::mlkem768);
BENCHMARK_CAPTURE(BM_KemRoundTrip, XWing, KeyType::xwing);
BENCHMARK(BM_HpkeSeal);

}  // namespace
