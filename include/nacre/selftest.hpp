// Known-answer self-test of every compiled primitive on every backend.
#pragma once

#include <string>
#include <vector>

namespace nacre {

struct SelftestResult {
  std::string primitive;  // "sha256", "hmac-sha512", ...
  std::string backend;    // "boringssl" or "sodium"
  bool passed;
};

// run_selftest runs one known answer per primitive and backend (the standards' own examples)
// and, for randomized public-key primitives without a fixed answer, a pairwise-consistency
// check (sign then verify, seal then open, encapsulate then decapsulate).
std::vector<SelftestResult> run_selftest();

}  // namespace nacre
