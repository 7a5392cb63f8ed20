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

// run_selftest runs one known answer per primitive and backend (the standards' own examples).
std::vector<SelftestResult> run_selftest();

}  // namespace nacre
