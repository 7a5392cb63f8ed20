// Shared by the layer benchmarks: the message sizes, the benchmark names bench/report.py groups
// on, and the counters.
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
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

}  // namespace nacre_bench
