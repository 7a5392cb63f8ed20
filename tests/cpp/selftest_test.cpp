#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "selftest_kats.hpp"

using namespace nacre;

TEST_CASE("the self-test passes every primitive on every backend", "[selftest]") {
  const auto results = run_selftest();
  // 16 hash/HMAC entries, 2 public-key KATs on 2 backends, 12 pairwise checks.
  CHECK(results.size() == 16 + 4 + 12);
  for (const auto &r : results) {
    INFO(r.primitive << " on " << r.backend);
    CHECK(r.passed);
  }
}

TEST_CASE("the self-test reports a wrong answer as FAIL", "[selftest]") {
  // Flip one hex digit of each expected value in turn: exactly that entry's results must fail.
  const auto builtin = detail::builtin_kats();
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    std::vector<detail::Kat> kats(builtin.begin(), builtin.end());
    std::string corrupted(kats[i].expected);
    corrupted[5] = corrupted[5] == '0' ? '1' : '0';
    kats[i].expected = corrupted;
    const auto one = detail::run_kats(std::span<const detail::Kat>(&kats[i], 1));
    REQUIRE_FALSE(one.empty());
    for (const auto &r : one) CHECK_FALSE(r.passed);
    const auto all = detail::run_kats(kats);
    std::size_t failed = 0;
    for (const auto &r : all) failed += r.passed ? 0 : 1;
    CHECK(failed == one.size());
  }
}

TEST_CASE("the public-key self-test reports a wrong answer as FAIL", "[selftest]") {
  const auto builtin = detail::builtin_pk_kats();
  for (std::size_t i = 0; i < builtin.size(); ++i) {
    std::vector<detail::PkKat> kats(builtin.begin(), builtin.end());
    std::string corrupted(kats[i].expected);
    corrupted[7] = corrupted[7] == '0' ? '1' : '0';
    kats[i].expected = corrupted;
    const auto all = detail::run_pk_kats(kats);
    for (const auto &r : all) {
      INFO(r.primitive << " on " << r.backend);
      CHECK(r.passed == (r.primitive != builtin[i].name));
    }
  }
}
