#include <catch2/catch.hpp>

#if defined(__SANITIZE_ADDRESS__)
#define NACRE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NACRE_TEST_ASAN 1
#endif
#endif
#ifdef NACRE_TEST_ASAN
#include <sanitizer/asan_interface.h>
#endif

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <set>
#include <thread>
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

TEST_CASE("freed pool slots are wiped before reuse", "[secret]") {
  // The free list is last-in first-out, so the next secret of the same class gets the same slot.
  const std::uint8_t *slot = nullptr;
  {
    SecretBytes s(48);
    std::fill(s.data(), s.data() + s.size(), 0xA5);
    slot = s.data();
  }
  SecretBytes again(48);
  REQUIRE(again.data() == slot);
  CHECK(std::all_of(again.data(), again.data() + again.size(), [](std::uint8_t b) { return b == 0; }));
}

TEST_CASE("a pool secret is wiped when it is freed, not only when reused", "[secret]") {
  // The slot stays mapped inside the pool, so it can be read right after the free, before any
  // other allocation could hide a missing wipe. ASan builds poison freed slots: unpoison to look.
  constexpr std::size_t n = 40;
  std::uint8_t *slot = nullptr;
  {
    SecretBytes s(n);
    std::fill(s.data(), s.data() + n, 0x5C);
    slot = s.data();
  }
#ifdef NACRE_TEST_ASAN
  __asan_unpoison_memory_region(slot, n);
#endif
  // The first word of a free slot holds the free list's link (no secret); the rest must be 0.
  const bool wiped = std::all_of(slot + sizeof(void *), slot + n, [](std::uint8_t b) { return b == 0; });
  CHECK_FALSE(std::all_of(slot, slot + sizeof(void *), [](std::uint8_t b) { return b == 0x5C; }));
#ifdef NACRE_TEST_ASAN
  __asan_poison_memory_region(slot, n);
#endif
  CHECK(wiped);
}

TEST_CASE("small secrets come from the pool, large ones from sodium_malloc", "[secret]") {
  const auto before = nacre::secret_pool_stats();
  REQUIRE(before.capacity > 0);
  {
    SecretBytes small(64);
    CHECK(nacre::secret_pool_stats().in_use == before.in_use + 1);
    SecretBytes large(64 * 1024);
    CHECK(nacre::secret_pool_stats().fallbacks == before.fallbacks + 1);
  }
  CHECK(nacre::secret_pool_stats().in_use == before.in_use);
}

TEST_CASE("the pool is shared safely between threads", "[secret]") {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &ok] {
      int good = 0;
      for (int i = 0; i < 2000; ++i) {
        SecretBytes s(static_cast<std::size_t>(16 + (i % 200)));
        std::fill(s.data(), s.data() + s.size(), static_cast<std::uint8_t>(t + 1));
        good += std::all_of(s.data(), s.data() + s.size(),
                            [t](std::uint8_t b) { return b == t + 1; });
      }
      ok[static_cast<std::size_t>(t)] = good;
    });
  }
  for (auto &th : threads) th.join();
  for (int good : ok) CHECK(good == 2000);
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

namespace {

// The /proc/self/smaps flags of the mapping that holds |p| ("lo" locked, "dd" no core dump).
std::string vm_flags_of(const void *p) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  const auto addr = reinterpret_cast<std::uintptr_t>(p);
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%lx-%lx ", &lo, &hi) == 2) inside = addr >= lo && addr < hi;
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

// Runs |f| in a child process and tells whether it died of SIGSEGV.
template <class F>
bool segfaults(F f) {
  const pid_t pid = fork();
  if (pid == 0) {
    f();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

}  // namespace

TEST_CASE("the pool is locked, kept out of core dumps, and fenced by guard pages", "[secret][pool]") {
  SecretBytes s(32);
  const std::string flags = vm_flags_of(s.data());
  INFO(flags);
  REQUIRE_FALSE(flags.empty());
  CHECK(flags.find(" dd") != std::string::npos);
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NACRE_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(NACRE_TEST_ASAN)
  // ASan intercepts mlock as a no-op and reports faults itself: the release run checks both.
  SUCCEED("guard-page probing skipped under ASan, which reports the fault itself");
#else
  if (nacre::secret_pool_stats().locked) {
    CHECK(flags.find(" lo") != std::string::npos);
  } else {
    WARN("mlock was refused here (RLIMIT_MEMLOCK); the pool runs unlocked");
  }
  // The pages right before and after the region are PROT_NONE: touching them kills the process.
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t cap = nacre::secret_pool_stats().capacity;
  const auto first = reinterpret_cast<std::uintptr_t>(s.data()) & ~(page - 1);
  // Walk down to the region's first page: the lowest address whose mapping flags match.
  std::uintptr_t start = first;
  while (vm_flags_of(reinterpret_cast<void *>(start - page)) == flags) start -= page;
  auto *before = reinterpret_cast<volatile std::uint8_t *>(start - 1);
  auto *after = reinterpret_cast<volatile std::uint8_t *>(start + cap);
  CHECK(segfaults([&] { (void)*before; }));
  CHECK(segfaults([&] { (void)*after; }));
  CHECK_FALSE(segfaults([&] { (void)*reinterpret_cast<volatile std::uint8_t *>(start); }));
#endif
}
