// The secret pool (src/secret_pool.cpp): wiping, guard pages, core-dump exclusion and locking,
// on the first arena and on those beyond it; reuse of emptied slabs by other size classes;
// growth and shrinking; threads; fork; exhaustion.
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

#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "nacre/secret.hpp"
#include "proc_maps.hpp"
#include "nacre/status.hpp"
#include "secret_pool.hpp"

using nacre::SecretBytes;
using nacre::detail::kPoolMaxSecret;
using nacre::detail::pool_span_of;

namespace {

auto stats() { return nacre::secret_pool_stats(); }

bool all_zero(const std::uint8_t *p, std::size_t n) {
  return std::all_of(p, p + n, [](std::uint8_t b) { return b == 0; });
}

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

// Runs |f| in a child process and returns its exit status (128 + signal when killed).
template <class F>
int in_child(F f) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) _exit(f());
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

[[maybe_unused]] bool segfaults(const volatile std::uint8_t *p) {
  return in_child([p] {
           std::signal(SIGSEGV, SIG_DFL);  // die of it, without the test framework's report
           (void)*p;
           return 0;
         }) == 128 + SIGSEGV;
}

// Guard pages fence the arena holding |p| on both sides; its first and last bytes are usable.
void check_fenced(const void *p) {
#ifdef NACRE_TEST_ASAN
  (void)p;
  SUCCEED("guard-page probing skipped under ASan, which reports the fault itself");
#else
  const auto [start, bytes] = pool_span_of(p);
  REQUIRE(bytes > 0);
  CHECK(static_cast<const std::uint8_t *>(p) >= start);
  CHECK(static_cast<const std::uint8_t *>(p) < start + bytes);
  CHECK(segfaults(start - 1));
  CHECK(segfaults(start + bytes));
  CHECK_FALSE(segfaults(start));
  CHECK_FALSE(segfaults(start + bytes - 1));
#endif
}

// Fills a secret with a pattern of its index, and checks it later.
void fill(SecretBytes &s, std::size_t i) {
  std::fill(s.data(), s.data() + s.size(), static_cast<std::uint8_t>(i * 31 + 7));
}
bool intact(const SecretBytes &s, std::size_t i) {
  return std::all_of(s.data(), s.data() + s.size(),
                     [i](std::uint8_t b) { return b == static_cast<std::uint8_t>(i * 31 + 7); });
}

}  // namespace

TEST_CASE("freed pool slots are wiped before reuse", "[pool]") {
  // A slab's free list is last-in first-out, so the next secret of the class gets the same slot.
  const std::uint8_t *slot = nullptr;
  {
    SecretBytes s(48);
    std::fill(s.data(), s.data() + s.size(), 0xA5);
    slot = s.data();
  }
  SecretBytes again(48);
  REQUIRE(again.data() == slot);
  CHECK(all_zero(again.data(), again.size()));
}

TEST_CASE("a pool secret is wiped when it is freed, not only when reused", "[pool]") {
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
  const bool wiped = all_zero(slot + sizeof(void *), n - sizeof(void *));
  CHECK_FALSE(std::all_of(slot, slot + sizeof(void *), [](std::uint8_t b) { return b == 0x5C; }));
#ifdef NACRE_TEST_ASAN
  __asan_poison_memory_region(slot, n);
#endif
  CHECK(wiped);
}

TEST_CASE("secrets up to 64 KiB come from the pool, larger ones from sodium_malloc", "[pool]") {
  const auto before = stats();
  {
    SecretBytes small(64);
    CHECK(stats().in_use == before.in_use + 1);
    CHECK(stats().in_use_bytes == before.in_use_bytes + 64);
    SecretBytes odd(65);  // rounds up to the 96-byte class
    CHECK(stats().in_use_bytes == before.in_use_bytes + 64 + 96);
    SecretBytes top(kPoolMaxSecret);
    CHECK(stats().large == before.large);
    SecretBytes large(kPoolMaxSecret + 1);
    CHECK(stats().large == before.large + 1);
    CHECK(stats().in_use == before.in_use + 4);
    CHECK(all_zero(large.data(), large.size()));
    CHECK(all_zero(top.data(), top.size()));
  }
  const auto after = stats();
  CHECK(after.in_use == before.in_use);
  CHECK(after.in_use_bytes == before.in_use_bytes);
  CHECK(after.large == before.large);
}

TEST_CASE("the pool is kept out of core dumps, locked within the limit, fenced by guard pages",
          "[pool]") {
  SecretBytes s(32);
  const std::string flags = vm_flags_of(s.data());
  INFO(flags);
  REQUIRE_FALSE(flags.empty());
  CHECK(flags.find(" dd") != std::string::npos);
#ifndef NACRE_TEST_ASAN  // ASan intercepts mlock as a no-op: the release run checks locking
  const auto st = stats();
  CHECK(st.locked_bytes <= st.lock_limit);
  if (st.unlocked_bytes == 0) {
    CHECK(flags.find(" lo") != std::string::npos);
  } else {
    WARN("mlock was refused here; the pool runs partly unlocked");
  }
#endif
  check_fenced(s.data());
}

TEST_CASE("the pool grows arena by arena, each fenced and out of core dumps, and shrinks back",
          "[pool]") {
  const auto before = stats();
  const std::size_t maps_before = nacre::test::mapping_count();
  // 16 MiB of 1000-byte secrets (1024-byte slots): at least four arenas' worth.
  constexpr std::size_t count = 16 * 1024;
  std::vector<SecretBytes> keep;
  keep.reserve(count);
  std::set<const std::uint8_t *> spans;
  for (std::size_t i = 0; i < count; ++i) {
    keep.emplace_back(1000);
    fill(keep.back(), i);
    spans.insert(pool_span_of(keep.back().data()).first);
  }
  const auto grown = stats();
  CHECK(grown.arenas >= before.arenas + 3);
  CHECK(spans.size() >= 4);
  CHECK(grown.in_use == before.in_use + count);
  // A handful of mappings per arena, never one per secret.
  CHECK(nacre::test::mapping_count() < maps_before + 8 * (grown.arenas - before.arenas) + 8);
  std::size_t good = 0;
  for (std::size_t i = 0; i < count; ++i) good += intact(keep[i], i) ? 1 : 0;
  CHECK(good == count);
  // Every arena, not only the first, is fenced and out of core dumps.
  check_fenced(keep.back().data());
  check_fenced(keep[count / 2].data());
  CHECK(vm_flags_of(keep.back().data()).find(" dd") != std::string::npos);
  keep.clear();
  const auto after = stats();
  CHECK(after.in_use == before.in_use);
  // Kept: one empty arena as a spare, and the arena of the class's one spare slab.
  CHECK(after.arenas <= before.arenas + 2);
  CHECK(after.arenas < grown.arenas - 1);
}

TEST_CASE("an unmapped arena leaves no poisoned shadow behind for whatever is mapped there next",
          "[pool]") {
  // Under ASan the pool poisons free slots; memory mapped later at an unmapped arena's address
  // (another allocator's) must not inherit that poison. Outside ASan this checks the addresses
  // are mapped and written normally.
  constexpr std::size_t count = 16 * 1024;
  std::set<const std::uint8_t *> spans;
  {
    std::vector<SecretBytes> keep;
    keep.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      keep.emplace_back(1000);
      spans.insert(pool_span_of(keep.back().data()).first);
    }
  }
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  std::size_t remapped = 0;
  for (const std::uint8_t *span : spans) {
    void *at = reinterpret_cast<void *>(reinterpret_cast<std::uintptr_t>(span) & ~(page - 1));
    void *m = mmap(at, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
                   -1, 0);
    if (m == MAP_FAILED) continue;  // still the pool's (the spare arena), or taken
    if (m == at) {
      std::memset(m, 0xA5, 4 * page);  // ASan checks the shadow of every byte it writes
      ++remapped;
    }
    munmap(m, 4 * page);
  }
  CHECK(remapped >= 1);
}

TEST_CASE("past the lock limit the pool carries on unlocked, still wiped and out of dumps",
          "[pool]") {
  const auto before = stats();
  if (before.lock_limit > (std::size_t{256} << 20)) {
    SUCCEED("RLIMIT_MEMLOCK is above 256 MiB here; the unlocked path is not reached");
    return;
  }
  // Twice the limit in 4000-byte secrets.
  const std::size_t count = 2 * before.lock_limit / 4096 + 64;
  std::vector<SecretBytes> keep;
  keep.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    keep.emplace_back(4000);
    fill(keep.back(), i);
  }
  const auto st = stats();
  CHECK(st.locked_bytes <= st.lock_limit);
  CHECK(st.unlocked_bytes > 0);
  const std::string flags = vm_flags_of(keep.back().data());
  INFO(flags);
  CHECK(flags.find(" dd") != std::string::npos);
  CHECK(flags.find(" lo") == std::string::npos);
  check_fenced(keep.back().data());
  // Free a secret whose slab stays in use (its neighbour lives on), then look at its slot: it was
  // wiped, though no lock protected it.
  const std::size_t victim = keep.size() - 2;
  REQUIRE((reinterpret_cast<std::uintptr_t>(keep[victim].data()) >> 16) ==
          (reinterpret_cast<std::uintptr_t>(keep[victim + 1].data()) >> 16));
  std::uint8_t *last = keep[victim].data();
  const std::size_t n = keep[victim].size();
  keep[victim] = SecretBytes();
#ifdef NACRE_TEST_ASAN
  __asan_unpoison_memory_region(last, n);
#endif
  CHECK(all_zero(last + sizeof(void *), n - sizeof(void *)));
#ifdef NACRE_TEST_ASAN
  __asan_poison_memory_region(last, n);
#endif
  std::size_t good = 0;
  for (std::size_t i = 0; i < keep.size(); ++i) good += i == victim || intact(keep[i], i) ? 1 : 0;
  CHECK(good == keep.size());
}

TEST_CASE("slabs emptied by one size class are reused, wiped, by another", "[pool]") {
  // Fill several slabs with 3000-byte secrets (3072-byte slots), free them all, then take
  // 90-byte secrets (96-byte slots): they land in the same slabs, and read as zero.
  std::set<std::uintptr_t> big_slabs;
  {
    std::vector<SecretBytes> big;
    for (int i = 0; i < 2000; ++i) {
      big.emplace_back(3000);
      std::fill(big.back().data(), big.back().data() + 3000, 0xEE);
      big_slabs.insert(reinterpret_cast<std::uintptr_t>(big.back().data()) >> 16);
    }
  }
  std::vector<SecretBytes> small;
  std::size_t reused = 0, zero = 0;
  for (int i = 0; i < 20000; ++i) {
    small.emplace_back(90);
    reused += big_slabs.count(reinterpret_cast<std::uintptr_t>(small.back().data()) >> 16);
    zero += all_zero(small.back().data(), 90) ? 1 : 0;
  }
  CHECK(reused > 1000);
  CHECK(zero == small.size());
}

TEST_CASE("the pool is shared safely between eight threads", "[pool]") {
  std::vector<std::thread> threads;
  std::vector<std::size_t> ok(8, 0);
  for (std::size_t t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      std::vector<SecretBytes> held;
      std::size_t good = 0;
      for (std::size_t i = 0; i < 4000; ++i) {
        // Sizes across every class, kept a while so slabs fill, empty and change hands.
        held.emplace_back(1 + (i * 7919 + t * 104729) % 6000);
        std::fill(held.back().data(), held.back().data() + held.back().size(),
                  static_cast<std::uint8_t>(t + 1));
        if (held.size() > 300) {
          const auto &s = held.front();
          good += std::all_of(s.data(), s.data() + s.size(),
                              [t](std::uint8_t b) { return b == t + 1; });
          held.erase(held.begin());
        }
      }
      for (const auto &s : held) {
        good += std::all_of(s.data(), s.data() + s.size(),
                            [t](std::uint8_t b) { return b == t + 1; });
      }
      ok[t] = good;
    });
  }
  for (auto &th : threads) th.join();
  for (std::size_t good : ok) CHECK(good == 4000);
}

TEST_CASE("a forked child keeps its secrets, locked again, and its own pool works", "[pool]") {
  auto key = SecretBytes::copy_of(std::vector<std::uint8_t>(32, 0x42));
  [[maybe_unused]] const bool was_locked = vm_flags_of(key.data()).find(" lo") != std::string::npos;
  const int rc = in_child([&] {
    if (!std::all_of(key.data(), key.data() + 32, [](std::uint8_t b) { return b == 0x42; })) {
      return 1;
    }
#ifndef NACRE_TEST_ASAN
    if (was_locked && vm_flags_of(key.data()).find(" lo") == std::string::npos) return 2;
#endif
    std::vector<SecretBytes> more;
    for (int i = 0; i < 5000; ++i) more.emplace_back(200);
    more.clear();
    SecretBytes again(48);
    return all_zero(again.data(), again.size()) ? 0 : 3;
  });
  CHECK(rc == 0);
}

TEST_CASE("when memory runs out, allocation fails cleanly and the process carries on", "[pool]") {
#ifdef NACRE_TEST_ASAN
  SUCCEED("ASan reserves address space that RLIMIT_AS would count; the release run checks this");
#else
  // In a child limited to 256 MiB of address space above what it uses now.
  const int rc = in_child([] {
    std::vector<SecretBytes> keep;
    keep.reserve(1 << 20);  // before the limit: the failure must come from the pool
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    statm >> pages;
    const rlimit lim{pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) + (256 << 20),
                     RLIM_INFINITY};
    if (setrlimit(RLIMIT_AS, &lim) != 0) return 10;
    bool failed = false;
    try {
      for (;;) keep.emplace_back(1000);
    } catch (const nacre::Error &e) {
      failed = e.status() == nacre::Status::out_of_memory;
    }
    if (!failed) return 1;
    if (keep.size() < 100000) return 2;  // most of the 256 MiB went to secrets
    keep.clear();
    // Freed memory is usable again, by the pool and by everyone else.
    std::vector<SecretBytes> again;
    for (int i = 0; i < 100000; ++i) again.emplace_back(1000);
    std::vector<std::uint8_t> plain(64 << 20, 1);
    return plain.back() == 1 ? 0 : 3;
  });
  CHECK(rc == 0);
#endif
}
