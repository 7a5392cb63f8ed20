// Shared by the layer benchmarks: the message sizes, the benchmark names bench/report.py groups
// on, the counters, and the key pairs the three layers share.
//
// Every benchmark is named BM_<Family>/<primitive>_<backend>_<layer>[/<size>]:
//   primitive  nacre's name for it, hyphens only ("sha256", "aes-256-gcm", "ed25519")
//   backend    boringssl | sodium | default (nacre chooses; used where nacre takes no backend)
//   layer      raw (the backend called directly) | cxx (nacre's C++ API) | capi (nacre_* C ABI)
// The benchmarks of the backend nacre picks by default carry the label "default".
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nacre.h"
#include "nacre/keys.hpp"

namespace nacre_bench {

// Message sizes for everything whose cost depends on the length: 16 B, 64 B, 1 KiB, 16 KiB, 1 MiB.
inline constexpr std::int64_t kSizes[] = {16, 64, 1024, 16384, std::int64_t{1} << 20};

enum class Layer { raw, cxx, capi };
inline constexpr Layer kLayers[] = {Layer::raw, Layer::cxx, Layer::capi};

inline std::string_view layer_name(Layer layer) {
  switch (layer) {
    case Layer::raw: return "raw";
    case Layer::cxx: return "cxx";
    case Layer::capi: return "capi";
  }
  return "?";
}

inline std::string bench_name(std::string_view family, std::string_view primitive,
                              std::string_view backend, Layer layer) {
  std::string name = "BM_";
  name.append(family).append("/").append(primitive).append("_").append(backend);
  name.append("_").append(layer_name(layer));
  return name;
}

// add registers fn(state, args...) under the fixed name shape, without sizes.
template <class Fn, class... Args>
benchmark::internal::Benchmark *add(std::string_view family, std::string_view primitive,
                                    std::string_view backend, Layer layer, Fn &&fn, Args &&...args) {
  return benchmark::RegisterBenchmark(bench_name(family, primitive, backend, layer).c_str(),
                                      std::forward<Fn>(fn), std::forward<Args>(args)...);
}

// add_sized registers it once per size in kSizes (state.range(0) is the size).
template <class Fn, class... Args>
benchmark::internal::Benchmark *add_sized(std::string_view family, std::string_view primitive,
                                          std::string_view backend, Layer layer, Fn &&fn,
                                          Args &&...args) {
  auto *b = add(family, primitive, backend, layer, std::forward<Fn>(fn), std::forward<Args>(args)...);
  for (const std::int64_t size : kSizes) b->Arg(size);
  return b;
}

// A message of |n| bytes; the contents do not matter for speed.
inline std::vector<std::uint8_t> message(std::size_t n) {
  std::vector<std::uint8_t> m(n);
  for (std::size_t i = 0; i < n; ++i) m[i] = static_cast<std::uint8_t>(i * 131 + 7);
  return m;
}

inline std::size_t size_arg(const benchmark::State &state) {
  return static_cast<std::size_t>(state.range(0));
}

// finish sets the counters of a sized benchmark (bytes/s) and the default label.
inline void finish_sized(benchmark::State &state, bool is_default) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
  if (is_default) state.SetLabel("default");
}

// finish_ops sets the counters of a per-operation benchmark (ops/s) and the default label.
inline void finish_ops(benchmark::State &state, bool is_default) {
  state.counters["ops"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
  if (is_default) state.SetLabel("default");
}

// run times call() once per iteration; a non-zero result skips the benchmark with |what|.
template <class Call>
void run(benchmark::State &state, const char *what, Call &&call) {
  for (auto _ : state) {
    if (call() != 0) {
      state.SkipWithError(what);
      break;
    }
  }
}

// A nacre_key handle for the C ABI layer, released at scope exit.
struct CKey {
  nacre_key *k = nullptr;
  CKey() = default;
  CKey(const CKey &) = delete;
  CKey &operator=(const CKey &) = delete;
  ~CKey() { nacre_key_free(k); }
};

// One key pair in all three layers: nacre's C++ Key, the same key as a C ABI handle, and its
// encodings for the raw layer. Sharing it lets each layer check another's output.
struct KeyPair {
  nacre::Key key;
  nacre::Key pub;
  CKey ckey;
  CKey cpub;
  nacre::SecretBytes priv;  // raw private key (X25519, Ed25519); PKCS#8 DER for the curves and RSA
  nacre::Bytes pub_raw;     // raw public key (X25519, Ed25519 only)
};

// key_pair returns the n-th key pair of |type| (RSA: 3072 bits), made once per run: RSA keys
// take a while, and each benchmark function is called several times.
inline const KeyPair &key_pair(nacre::KeyType type, int n = 0) {
  static std::map<std::pair<nacre::KeyType, int>, std::unique_ptr<KeyPair>> made;
  std::unique_ptr<KeyPair> &slot = made[{type, n}];
  if (slot) return *slot;
  const bool raw = type == nacre::KeyType::x25519 || type == nacre::KeyType::ed25519;
  const auto format = raw ? nacre::KeyFormat::raw_private : nacre::KeyFormat::pkcs8_der;
  const nacre::Key key = nacre::Key::generate(type, type == nacre::KeyType::rsa ? 3072 : 0);
  slot.reset(new KeyPair{key, key.public_key(), {}, {}, key.export_private(format),
                         raw ? key.export_public(nacre::KeyFormat::raw_public) : nacre::Bytes{}});
  if (nacre_key_import(&slot->ckey.k, static_cast<int>(type), static_cast<int>(format),
                       slot->priv.data(), slot->priv.size()) != NACRE_OK ||
      nacre_key_public(slot->ckey.k, &slot->cpub.k) != NACRE_OK) {
    slot.reset();
    throw std::runtime_error("nacre_key_import of a nacre key failed");
  }
  return *slot;
}

}  // namespace nacre_bench
