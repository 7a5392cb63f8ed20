// The self-test's table, reachable from tests so that a corrupted entry can prove FAIL is seen.
#pragma once

#include <span>
#include <string_view>
#include <vector>

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

}  // namespace nacre::detail
