// SecretBytes: ownership, zero-filling, comparison (the pool under it: secret_pool_test.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "nacre/secret.hpp"

using nacre::SecretBytes;

static_assert(!std::is_copy_constructible_v<SecretBytes>);
static_assert(!std::is_copy_assignable_v<SecretBytes>);
static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);

TEST_CASE("a new secret is zero-filled and has its size", "[secret]") {
  for (std::size_t n : {1u, 31u, 32u, 33u, 2048u, 2049u, 100000u}) {
    SecretBytes s(n);
    REQUIRE(s.size() == n);
    CHECK(std::all_of(s.data(), s.data() + n, [](std::uint8_t b) { return b == 0; }));
  }
  SecretBytes empty;
  CHECK(empty.empty());
  CHECK(empty.data() == nullptr);
}

TEST_CASE("moving a secret leaves the source empty", "[secret]") {
  auto a = SecretBytes::copy_of(std::vector<std::uint8_t>{1, 2, 3});
  const auto *p = a.data();
  SecretBytes b(std::move(a));
  CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is the contract
  CHECK(b.data() == p);
  SecretBytes c(5);
  c = std::move(b);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
  REQUIRE(c.size() == 3);
  CHECK(c.data()[2] == 3);
}

TEST_CASE("secrets compare by content in constant time", "[secret]") {
  const std::vector<std::uint8_t> v1 = {9, 8, 7, 6};
  auto a = SecretBytes::copy_of(v1);
  auto b = a.clone();
  CHECK(a == b);
  CHECK(a.data() != b.data());
  b.data()[3] ^= 1;
  CHECK_FALSE(a == b);
  CHECK_FALSE(a == SecretBytes::copy_of(std::vector<std::uint8_t>{9, 8, 7}));
  CHECK(SecretBytes() == SecretBytes());
}

TEST_CASE("random secrets differ", "[secret]") {
  auto a = SecretBytes::random(32);
  auto b = SecretBytes::random(32);
  CHECK_FALSE(a == b);
}

TEST_CASE("constant_time_equal on views", "[secret]") {
  const std::vector<std::uint8_t> x = {1, 2, 3};
  const std::vector<std::uint8_t> y = {1, 2, 4};
  CHECK(nacre::constant_time_equal(x, x));
  CHECK_FALSE(nacre::constant_time_equal(x, y));
  CHECK_FALSE(nacre::constant_time_equal(x, nacre::ByteView(x).first(2)));
  CHECK(nacre::constant_time_equal({}, {}));
}
