// One mlock'ed region with guard pages on both sides, carved into size-class slots. Each page
// serves one size class, assigned on first need; freed slots are wiped and kept on a free list.
// Modelled on Botan's locking_allocator: a secret costs a mutex and a pointer swap, not an mmap.
#include "secret_pool.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "backend/adapters.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NACRE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define NACRE_ASAN 1
#endif
#ifdef NACRE_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace nacre::detail {
namespace {

// 1 MiB (our secrets and BoringSSL's small allocations) stays far inside the usual 8 MiB RLIMIT_MEMLOCK, leaving room for other users.
constexpr std::size_t kPoolBytes = std::size_t{1024} * 1024;
constexpr std::array<std::size_t, 7> kClasses = {32, 64, 128, 256, 512, 1024, 2048};
constexpr std::size_t kMaxPages = 1024;

struct FreeSlot {
  FreeSlot *next;
};

class Pool {
 public:
  Pool() {
    page_ = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    pages_ = kPoolBytes / page_;
    if (pages_ > kMaxPages) pages_ = kMaxPages;
    const std::size_t total = (pages_ + 2) * page_;
    void *region = mmap(nullptr, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                        -1, 0);
    if (region == MAP_FAILED) return;  // every secret then comes from sodium_malloc
    auto *usable = static_cast<std::uint8_t *>(region) + page_;
    if (mprotect(usable, pages_ * page_, PROT_READ | PROT_WRITE) != 0) {
      munmap(region, total);
      return;
    }
    madvise(usable, pages_ * page_, MADV_DONTDUMP);
    locked_ = mlock(usable, pages_ * page_) == 0;
    if (!locked_) {
      std::fputs("nacre: warning: could not mlock the secret pool (RLIMIT_MEMLOCK?); "
                 "secrets are still wiped on free but may reach swap\n",
                 stderr);
    }
    POISON(usable, pages_ * page_);
    base_ = usable;
  }

  void *allocate(std::size_t n) noexcept {
    const int cls = class_for(n);
    if (base_ == nullptr || cls < 0) return nullptr;
    const std::size_t size = kClasses[static_cast<std::size_t>(cls)];
    std::lock_guard<std::mutex> lock(mu_);
    FreeSlot *slot = free_[static_cast<std::size_t>(cls)];
    if (slot == nullptr) {
      if (next_page_ == pages_) return nullptr;
      const std::size_t page = next_page_++;
      page_class_[page] = static_cast<std::int8_t>(cls);
      auto *start = base_ + page * page_;
      // Push every slot of the new page; fresh anonymous memory is already zero.
      for (std::size_t off = page_; off >= size; off -= size) {
        auto *s = reinterpret_cast<FreeSlot *>(start + off - size);
        UNPOISON(s, sizeof(FreeSlot));
        s->next = free_[static_cast<std::size_t>(cls)];
        free_[static_cast<std::size_t>(cls)] = s;
        POISON(s, sizeof(FreeSlot));
      }
      slot = free_[static_cast<std::size_t>(cls)];
    }
    UNPOISON(slot, sizeof(FreeSlot));
    free_[static_cast<std::size_t>(cls)] = slot->next;
    slot->next = nullptr;  // the slot is all zero again
    POISON(slot, size);
    UNPOISON(slot, n);  // ASan sees an overrun past the |n| bytes asked for, not just the slot's
    in_use_.fetch_add(1, std::memory_order_relaxed);
    return slot;
  }

  bool owns(const void *p) const noexcept {
    const auto *b = static_cast<const std::uint8_t *>(p);
    return base_ != nullptr && b >= base_ && b < base_ + pages_ * page_;
  }

  void free(void *p) noexcept {
    auto *b = static_cast<std::uint8_t *>(p);
    const std::size_t page = static_cast<std::size_t>(b - base_) / page_;
    std::lock_guard<std::mutex> lock(mu_);
    const auto cls = static_cast<std::size_t>(static_cast<std::uint8_t>(page_class_[page]));
    const std::size_t size = kClasses[cls];
    UNPOISON(p, size);
    sodium::wipe(p, size);
    auto *s = static_cast<FreeSlot *>(p);
    s->next = free_[cls];
    free_[cls] = s;
    POISON(p, size);
    in_use_.fetch_sub(1, std::memory_order_relaxed);
  }

  SecretPoolStats stats() const noexcept {
    return {base_ ? pages_ * page_ : 0, in_use_.load(), fallbacks.load(), locked_};
  }

  std::atomic<std::size_t> fallbacks{0};

 private:
  static int class_for(std::size_t n) noexcept {
    for (std::size_t i = 0; i < kClasses.size(); ++i) {
      if (n <= kClasses[i]) return static_cast<int>(i);
    }
    return -1;
  }

  std::mutex mu_;
  std::uint8_t *base_ = nullptr;
  std::size_t page_ = 4096;
  std::size_t pages_ = 0;
  std::size_t next_page_ = 0;
  bool locked_ = false;
  std::array<FreeSlot *, kClasses.size()> free_{};
  std::array<std::int8_t, kMaxPages> page_class_{};
  std::atomic<std::size_t> in_use_{0};
};

// Never destroyed: secrets in static objects may be freed after other statics are gone.
Pool &pool() {
  static Pool *p = [] {
    alignas(Pool) static std::uint8_t storage[sizeof(Pool)];
    return ::new (storage) Pool();
  }();
  return *p;
}

}  // namespace

void *pool_allocate(std::size_t n) noexcept {
  void *p = pool().allocate(n);
  if (p == nullptr) {
    p = sodium::secure_alloc(n);
    if (p != nullptr) {
      pool().fallbacks.fetch_add(1, std::memory_order_relaxed);
      std::memset(p, 0, n);
    }
  }
  return p;
}

void pool_free(void *p) noexcept {
  if (pool().owns(p)) {
    pool().free(p);
  } else {
    sodium::secure_free(p);  // sodium_free wipes before unmapping
  }
}

void *pool_try_allocate(std::size_t n) noexcept { return pool().allocate(n); }
bool pool_owns(const void *p) noexcept { return pool().owns(p); }
void pool_release(void *p) noexcept { pool().free(p); }

SecretPoolStats pool_stats() noexcept { return pool().stats(); }

}  // namespace nacre::detail
