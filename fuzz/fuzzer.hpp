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
