// Many live keys in one process, through libnacre.so: a million AES-256-GCM handles at once, each
// used and checked against the other backend; eight threads creating and freeing keys and hash
// states (the data-race test of the growing pool under TSan); and exhaustion that ends in
// NACRE_ERR_OUT_OF_MEMORY with the process still working.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "nacre.h"
#include "proc_maps.hpp"

#ifndef NACRE_LIVE_KEYS
#define NACRE_LIVE_KEYS 1000000  // sanitizer builds set fewer (tests/capi/CMakeLists.txt)
#endif

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NACRE_TEST_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NACRE_TEST_SANITIZER 1
#endif
#endif

using Bytes = std::vector<uint8_t>;

namespace {

nacre_memory_stats memory() {
  nacre_memory_stats s{};
  REQUIRE(nacre_secret_memory_stats(&s, sizeof s) == NACRE_OK);
  return s;
}

// Key |i|: its index in the first eight bytes, then a per-run random tail.
void key_for(std::size_t i, const Bytes &tail, uint8_t out[32]) {
  std::memcpy(out, &i, sizeof i);
  std::memcpy(out + sizeof i, tail.data(), 32 - sizeof i);
}

}  // namespace

TEST_CASE("a million AES-256-GCM keys live at once, each used and checked", "[live]") {
  const std::size_t n = NACRE_LIVE_KEYS;
  const nacre_memory_stats before = memory();
  const std::size_t maps_before = nacre::test::mapping_count();
  Bytes tail(24), nonce(12);
  REQUIRE(nacre_random_bytes(tail.data(), tail.size()) == NACRE_OK);
  REQUIRE(nacre_random_bytes(nonce.data(), nonce.size()) == NACRE_OK);
  // The other backend checks every ciphertext, when this CPU lets it run AES-GCM.
  const bool cross = nacre_aead_is_available(NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_SODIUM) == NACRE_OK;

  std::vector<nacre_aead_key *> keys(n, nullptr);
  std::size_t made = 0;
  for (std::size_t i = 0; i < n; ++i) {
    uint8_t k[32];
    key_for(i, tail, k);
    if (nacre_aead_key_new(&keys[i], NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_BORINGSSL, k, 32) == NACRE_OK) ++made;
  }
  REQUIRE(made == n);
  const nacre_memory_stats full = memory();
  CHECK(full.live_secrets >= before.live_secrets + n);
  CHECK(full.locked_bytes <= full.lock_limit_bytes);
  // A few mappings per 4 MiB arena, never one per key. A sanitizer's allocator maps this test's
  // own heap (the vector of handles) in many more pieces than glibc's: room for those.
  const std::size_t foreign = NACRE_SANITIZED ? n / 100 : 0;
  CHECK(nacre::test::mapping_count() < maps_before + 8 * full.arenas + 16 + foreign);
  INFO("arenas " << full.arenas << ", live bytes " << full.live_bytes << ", locked " << full.locked_bytes);

  std::size_t sealed = 0, opened = 0, crossed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    uint8_t msg[16], ct[32], pt[16], other[16];
    std::memcpy(msg, &i, sizeof i);
    std::memset(msg + sizeof i, 0x5A, sizeof msg - sizeof i);
    size_t len = 0;
    if (nacre_aead_seal(keys[i], ct, sizeof ct, &len, nonce.data(), 12, msg, 16, nullptr, 0) == NACRE_OK &&
        len == 32) {
      ++sealed;
    }
    if (nacre_aead_open(keys[i], pt, sizeof pt, &len, nonce.data(), 12, ct, 32, nullptr, 0) == NACRE_OK &&
        len == 16 && std::memcmp(pt, msg, 16) == 0) {
      ++opened;
    }
    if (cross) {
      uint8_t k[32];
      key_for(i, tail, k);
      if (nacre_aead_open_oneshot(NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_SODIUM, k, 32, other, sizeof other,
                                  &len, nonce.data(), 12, ct, 32, nullptr, 0) == NACRE_OK &&
          std::memcmp(other, msg, 16) == 0) {
        ++crossed;
      }
    }
  }
  CHECK(sealed == n);
  CHECK(opened == n);
  if (cross) CHECK(crossed == n);

  for (auto *k : keys) nacre_aead_key_free(k);
  const nacre_memory_stats after = memory();
  CHECK(after.live_secrets == before.live_secrets);
  // Emptied arenas went back; a spare arena and the arenas of spare slabs (one per size class
  // in use) may stay.
  CHECK(after.arenas <= before.arenas + 4);
}

TEST_CASE("eight threads create, use and free keys and hash states at once", "[live][threads]") {
  // Each thread keeps a window of live objects, so slabs fill, empty and change classes while
  // the others allocate. Results are checked against values computed before the threads start.
  constexpr int kThreads = 8;
  constexpr int kRounds = 1500;
  Bytes key(32), nonce(12), msg(100);
  REQUIRE(nacre_random_bytes(key.data(), 32) == NACRE_OK);
  REQUIRE(nacre_random_bytes(nonce.data(), 12) == NACRE_OK);
  REQUIRE(nacre_random_bytes(msg.data(), msg.size()) == NACRE_OK);
  Bytes want_ct(116), want_digest(32);
  size_t len = 0;
  REQUIRE(nacre_aead_seal_oneshot(NACRE_AEAD_CHACHA20_POLY1305, NACRE_BACKEND_SODIUM, key.data(), 32,
                                  want_ct.data(), want_ct.size(), &len, nonce.data(), 12, msg.data(),
                                  msg.size(), nullptr, 0) == NACRE_OK);
  REQUIRE(nacre_hash(NACRE_HASH_SHA256, NACRE_BACKEND_SODIUM, want_digest.data(), 32, &len, msg.data(),
                     msg.size()) == NACRE_OK);
  const int algs[] = {NACRE_AEAD_CHACHA20_POLY1305, NACRE_AEAD_AES_256_GCM};

  std::vector<int> good(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<nacre_aead_key *> window;
      int ok = 0;
      for (int r = 0; r < kRounds; ++r) {
        nacre_aead_key *k = nullptr;
        const int alg = algs[(r + t) % 2];
        if (nacre_aead_key_new(&k, alg, NACRE_BACKEND_AUTOMATIC, key.data(), 32) != NACRE_OK) continue;
        Bytes ct(116);
        size_t n = 0;
        const bool sealed = nacre_aead_seal(k, ct.data(), ct.size(), &n, nonce.data(), 12, msg.data(),
                                            msg.size(), nullptr, 0) == NACRE_OK;
        const bool same = alg != NACRE_AEAD_CHACHA20_POLY1305 || ct == want_ct;
        nacre_hash_ctx *h = nullptr;
        Bytes digest(32);
        const bool hashed = nacre_hash_ctx_new(&h, NACRE_HASH_SHA256, NACRE_BACKEND_AUTOMATIC) == NACRE_OK &&
                            nacre_hash_ctx_update(h, msg.data(), msg.size()) == NACRE_OK &&
                            nacre_hash_ctx_digest(h, digest.data(), 32, &n) == NACRE_OK && digest == want_digest;
        nacre_hash_ctx_free(h);
        ok += sealed && same && hashed ? 1 : 0;
        window.push_back(k);
        if (window.size() > 200) {
          nacre_aead_key_free(window.front());
          window.erase(window.begin());
        }
      }
      for (auto *k : window) nacre_aead_key_free(k);
      good[static_cast<std::size_t>(t)] = ok;
    });
  }
  for (auto &th : threads) th.join();
  for (int g : good) CHECK(g == kRounds);
}

TEST_CASE("when memory is exhausted, key creation says so and the process carries on", "[live]") {
#ifdef NACRE_TEST_SANITIZER
  SUCCEED("sanitizers reserve address space that RLIMIT_AS would count; the release run checks this");
#else
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<nacre_aead_key *> keys;
    keys.reserve(std::size_t{1} << 21);  // before the limit: the failure must come from nacre
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0;
    statm >> pages;
    const rlimit lim{pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE)) + (std::size_t{512} << 20),
                     RLIM_INFINITY};
    if (setrlimit(RLIMIT_AS, &lim) != 0) _exit(10);
    uint8_t k[32] = {1};
    int rc = NACRE_OK;
    while (keys.size() < keys.capacity()) {
      nacre_aead_key *key = nullptr;
      rc = nacre_aead_key_new(&key, NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_AUTOMATIC, k, 32);
      if (rc != NACRE_OK) {
        if (key != nullptr) _exit(11);  // a failed call leaves no handle
        break;
      }
      keys.push_back(key);
    }
    if (rc != NACRE_ERR_OUT_OF_MEMORY) _exit(1);
    if (keys.size() < 100000) _exit(2);
    for (auto *key : keys) nacre_aead_key_free(key);
    // Everything freed is usable again: by nacre, and by the rest of the process.
    nacre_aead_key *again = nullptr;
    if (nacre_aead_key_new(&again, NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_AUTOMATIC, k, 32) != NACRE_OK) _exit(3);
    nacre_aead_key_free(again);
    std::vector<uint8_t> plain(std::size_t{256} << 20, 1);
    _exit(plain.back() == 1 ? 0 : 4);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
#endif
}
