// The self-test's table, reachable from tests so that a corrupted entry can prove FAIL is seen.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "nacre/backend.hpp"
#include "nacre/hash.hpp"
#include "nacre/selftest.hpp"

namespace nacre::detail {

struct Kat {
  HashAlg alg;
  bool hmac;
  std::string_view expected;  // hex
};

std::span<const Kat> builtin_kats() noexcept;
std::vector<SelftestResult> run_kats(std::span<const Kat> kats);

// Public-key known answers: |check| runs on one backend against |expected| (hex).
struct PkKat {
  std::string_view name;
  std::string_view expected;
  bool (*check)(Backend backend, std::string_view expected);
};

std::span<const PkKat> builtin_pk_kats() noexcept;
std::vector<SelftestResult> run_pk_kats(std::span<const PkKat> kats);
// Pairwise-consistency checks of the randomized primitives (no fixed answer exists).
std::vector<SelftestResult> run_pk_pairwise();

}  // namespace nacre::detail
