// Shared by every fuzz target (Botan's model): a target defines nacre_fuzz(data); this header
// supplies LLVMFuzzerTestOneInput with an input-size cap, and FUZZ_CHECK, which aborts (a finding
// for libFuzzer, a failure for the replay test) when an invariant breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "nacre.h"

#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

// Every status a nacre function may return is one of the documented ones.
// NACRE_ERR_INTERNAL is never expected: it would mean a backend failed where it should not.
// A number from a library table (nacre_X_count / nacre_X_at), or with |unknown| one of two that
// are not in it (0 and -1).
inline int pick_number(FuzzedDataProvider &in, std::size_t count, int (*at)(std::size_t), bool unknown = false) {
  const std::size_t pick = in.ConsumeIntegralInRange<std::size_t>(0, unknown ? count + 1 : count - 1);
  return pick < count ? at(pick) : (pick == count ? 0 : -1);
}

// The nacre_hash_info of |alg| (zeroed for an unknown number).
inline nacre_hash_info hash_facts(int alg) {
  nacre_hash_info h{};
  if (nacre_hash_describe(alg, &h, sizeof h) != NACRE_OK) h = nacre_hash_info{};
  return h;
}

inline bool documented_status(int rc) { return rc <= 0 && rc > NACRE_ERR_INTERNAL; }

inline bool all_zero(const std::vector<std::uint8_t> &v, std::size_t n) {
  for (std::size_t i = 0; i < n && i < v.size(); ++i) {
    if (v[i] != 0) return false;
  }
  return true;
}

void nacre_fuzz(FuzzedDataProvider &in);

#ifndef NACRE_FUZZ_MAX_INPUT
#define NACRE_FUZZ_MAX_INPUT 8192
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size > NACRE_FUZZ_MAX_INPUT) return 0;
  FuzzedDataProvider in(data, size);
  nacre_fuzz(in);
  return 0;
}
