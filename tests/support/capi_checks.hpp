// Checks shared by the C ABI suites for functions that fill an exact-length output.
#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>

#include "guarded.hpp"

namespace nacre::test {

// expect_failure runs |call(out, n)| on a fenced buffer of |n| bytes and checks that it returns
// |want|, zeroes all |n| bytes and writes nothing outside them.
template <class Call>
void expect_failure(int want, std::size_t n, Call &&call) {
  Guarded out(n);
  CHECK(call(out.data(), n) == want);
  CHECK(out.zeroed());
  CHECK(out.fences_intact());
}

}  // namespace nacre::test
