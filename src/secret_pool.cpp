// A growing pool of secret memory: arenas of 4 MiB (one mapping each, guard pages at both ends,
// excluded from core dumps), cut into 64 KiB slabs, each slab serving one size class until it
// empties. A secret costs a mutex and a free-list pop, never a mapping: Botan's locking_allocator
// grown into a slab allocator. Slabs are mlock'ed as they come into use, while RLIMIT_MEMLOCK
// allows. Emptied slabs return to their arena for any class; emptied arenas go back to the
// kernel, but one spare is kept so a create/free loop does not map and unmap.
#include "secret_pool.hpp"

#include <pthread.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>

#include "backend/adapters.hpp"
#include "secret_mapping.hpp"

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

constexpr std::size_t kArenaBytes = std::size_t{4} << 20;  // a power of two: arenas align to it
constexpr std::size_t kSlabBytes = std::size_t{64} << 10;
constexpr std::size_t kMaxSlabs = kArenaBytes / kSlabBytes;
constexpr std::uint64_t kMagic = 0x6e61637265617265;  // "nacreare"
constexpr std::uint8_t kNoClass = 0xff;

// Steps of about 1.5x keep the waste per secret under a third; all are multiples of 16, so
// every slot is aligned as malloc's memory is.
constexpr std::array<std::uint32_t, 20> kClasses = {
    16,   32,   48,   64,   96,    128,   192,   256,   384,   512,
    768, 1024, 1536, 2048, 3072, 4096, 8192, 16384, 32768, 65536};
static_assert(kClasses.back() == kPoolMaxSecret);
static_assert(kClasses.back() <= kSlabBytes);

struct FreeSlot {
  FreeSlot *next;
};

struct Arena;

// What the pool knows of one slab; kept in its arena's header page, never in the slab.
struct Slab {
  Arena *arena = nullptr;
  FreeSlot *free = nullptr;  // wiped slots; each one's first word is the link
  Slab *prev = nullptr, *next = nullptr;  // in its class's list of slabs with room
  std::uint32_t used = 0;                 // slots handed out
  std::uint32_t carved = 0;               // slots ever handed out of the untouched tail
  std::uint8_t cls = kNoClass;
  bool locked = false;
  bool listed = false;
};

struct Arena {
  std::uint64_t magic;
  ArenaMapping map;
  Arena *prev, *next;  // every arena
  std::size_t nslabs;
  std::size_t free_slabs;
  std::array<Slab, kMaxSlabs> slabs;
};

int class_for(std::size_t n) noexcept {
  for (std::size_t i = 0; i < kClasses.size(); ++i) {
    if (n <= kClasses[i]) return static_cast<int>(i);
  }
  return -1;
}

class Pool {
 public:
  Pool() : lock_limit_(lock_limit()) {
    // A fork() while another thread holds the mutex would leave the child's copy held forever.
    pthread_atfork([] { instance().mu_.lock(); }, [] { instance().mu_.unlock(); },
                   [] { instance().after_fork_in_child(); });
  }

  static Pool &instance();

  void *allocate(std::size_t n) noexcept {
    const int cls = class_for(n == 0 ? 1 : n);
    if (cls < 0) return nullptr;
    const auto c = static_cast<std::size_t>(cls);
    std::lock_guard<std::mutex> lock(mu_);
    Slab *s = room_[c];
    if (s == nullptr && (s = take_slab(c)) == nullptr) return nullptr;
    if (s == spare_slab_[c]) spare_slab_[c] = nullptr;
    FreeSlot *slot = s->free;
    if (slot != nullptr) {
      UNPOISON(slot, sizeof(FreeSlot));
      s->free = slot->next;
      slot->next = nullptr;  // the slot is all zero again
    } else {
      slot = reinterpret_cast<FreeSlot *>(slab_start(s) + std::size_t{s->carved} * kClasses[c]);
      ++s->carved;  // untouched memory: zero from the kernel, or wiped when the slab emptied
    }
    if (++s->used == capacity_of(c)) unlist(s);
    POISON(slot, kClasses[c]);
    UNPOISON(slot, n);  // ASan sees an overrun past the |n| bytes asked for, not just the slot's
    ++live_;
    in_use_bytes_ += kClasses[c];
    if (!s->locked) unlocked_in_use_ += kClasses[c];
    return slot;
  }

  void release(void *p) noexcept {
    auto *b = static_cast<std::uint8_t *>(p);
    auto *a = reinterpret_cast<Arena *>(reinterpret_cast<std::uintptr_t>(b) & ~(kArenaBytes - 1));
    if (a->magic != kMagic) std::abort();  // not from the pool: memory is already corrupt
    Slab *s = &a->slabs[static_cast<std::size_t>(b - a->map.slabs) / kSlabBytes];
    const std::size_t c = s->cls;
    const std::size_t size = kClasses[c];
    UNPOISON(p, size);
    sodium::wipe(p, size);
    std::lock_guard<std::mutex> lock(mu_);
    auto *slot = static_cast<FreeSlot *>(p);
    slot->next = s->free;
    s->free = slot;
    POISON(p, size);
    --live_;
    in_use_bytes_ -= size;
    if (!s->locked) unlocked_in_use_ -= size;
    if (!s->listed) list(s);
    if (--s->used == 0) slab_emptied(s);
  }

  SecretPoolStats stats() noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    return {arenas_,       arenas_ * slab_area(), locked_bytes_, unlocked_in_use_, lock_limit_,
            live_ + large_, in_use_bytes_ + large_bytes_, large_};
  }

  void note_large(std::size_t n, bool allocated) noexcept {
    std::lock_guard<std::mutex> lock(mu_);
    if (allocated) {
      ++large_;
      large_bytes_ += n;
    } else {
      --large_;
      large_bytes_ -= n;
    }
  }

  // For tests: the slab area of the arena holding |p|.
  static std::pair<const std::uint8_t *, std::size_t> span_of(const void *p) noexcept {
    const auto *a = reinterpret_cast<const Arena *>(reinterpret_cast<std::uintptr_t>(p) &
                                                    ~(kArenaBytes - 1));
    return {a->map.slabs, a->map.slab_bytes};
  }

 private:
  static std::size_t slab_area() noexcept {
    const std::size_t page = page_size();
    return (kArenaBytes - 3 * page) / kSlabBytes * kSlabBytes;
  }
  static std::size_t capacity_of(std::size_t c) noexcept { return kSlabBytes / kClasses[c]; }
  static std::uint8_t *slab_start(const Slab *s) noexcept {
    return s->arena->map.slabs + static_cast<std::size_t>(s - s->arena->slabs.data()) * kSlabBytes;
  }

  void list(Slab *s) noexcept {
    const std::size_t c = s->cls;
    s->prev = nullptr;
    s->next = room_[c];
    if (room_[c] != nullptr) room_[c]->prev = s;
    room_[c] = s;
    s->listed = true;
  }

  void unlist(Slab *s) noexcept {
    const std::size_t c = s->cls;
    if (s->prev != nullptr) s->prev->next = s->next;
    else room_[c] = s->next;
    if (s->next != nullptr) s->next->prev = s->prev;
    s->prev = s->next = nullptr;
    s->listed = false;
  }

  // A slab for class |c|: the lowest free one of the first arena with room, so slabs in use
  // stay packed (and locked slabs stay contiguous, one mapping); a new arena when none has room.
  Slab *take_slab(std::size_t c) noexcept {
    Arena *a = arenas_head_;
    while (a != nullptr && a->free_slabs == 0) a = a->next;
    if (a == nullptr && (a = new_arena()) == nullptr) return nullptr;
    if (a == spare_arena_) spare_arena_ = nullptr;
    Slab *s = nullptr;
    for (std::size_t i = 0; i < a->nslabs; ++i) {
      if (a->slabs[i].cls == kNoClass) {
        s = &a->slabs[i];
        break;
      }
    }
    if (s == nullptr) return nullptr;  // cannot happen: free_slabs counted one
    --a->free_slabs;
    s->cls = static_cast<std::uint8_t>(c);
    if (!s->locked) lock_slab(s);
    list(s);
    return s;
  }

  void lock_slab(Slab *s) noexcept {
    if (lock_refused_ || locked_bytes_ + kSlabBytes > lock_limit_) {
      warn_unlocked();
      return;
    }
    if (!lock_pages(slab_start(s), kSlabBytes)) {
      lock_refused_ = true;  // the kernel counts other users of locked memory too
      warn_unlocked();
      return;
    }
    s->locked = true;
    locked_bytes_ += kSlabBytes;
  }

  void warn_unlocked() noexcept {
    if (warned_) return;
    warned_ = true;
    std::fprintf(stderr,
                 "nacre: warning: no more secret memory can be locked (%zu KiB locked; "
                 "RLIMIT_MEMLOCK); further secrets are wiped, guarded and kept out of core dumps, "
                 "but may reach swap\n",
                 locked_bytes_ >> 10);
  }

  Arena *new_arena() noexcept {
    const ArenaMapping m = map_arena(kArenaBytes, slab_area());
    if (m.base == nullptr) return nullptr;
    POISON(m.slabs, m.slab_bytes);
    static_assert(sizeof(Arena) <= 4096, "the arena header must fit its page");
    Arena *a = std::construct_at(reinterpret_cast<Arena *>(m.base));
    a->magic = kMagic;
    a->map = m;
    a->prev = nullptr;
    a->next = arenas_head_;
    if (arenas_head_ != nullptr) arenas_head_->prev = a;
    arenas_head_ = a;
    a->nslabs = m.slab_bytes / kSlabBytes;
    a->free_slabs = a->nslabs;
    for (auto &s : a->slabs) s = Slab{a};
    ++arenas_;
    return a;
  }

  // An empty slab stays with its class while it is the class's only spare, so a create/free
  // loop does not cycle it; otherwise it is wiped clean and goes back to its arena.
  void slab_emptied(Slab *s) noexcept {
    const std::size_t c = s->cls;
    if (spare_slab_[c] == nullptr) {
      spare_slab_[c] = s;
      return;
    }
    unlist(s);
    std::uint8_t *start = slab_start(s);
    // Free slots are zero but for their links; the untouched tail is zero already.
    if (s->locked) {
      UNPOISON(start, kSlabBytes);
      std::memset(start, 0, std::size_t{s->carved} * kClasses[c]);
      POISON(start, kSlabBytes);
    } else {
      discard_pages(start, kSlabBytes);  // and the memory goes back to the kernel
    }
    s->cls = kNoClass;
    s->free = nullptr;
    s->carved = 0;
    Arena *a = s->arena;
    if (++a->free_slabs == a->nslabs) arena_emptied(a);
  }

  void arena_emptied(Arena *a) noexcept {
    if (spare_arena_ == nullptr) {
      spare_arena_ = a;
      return;
    }
    Arena *gone = a;
    // Keep the spare with more locked memory; a locked slab is worth keeping.
    if (locked_slabs(a) > locked_slabs(spare_arena_)) {
      gone = spare_arena_;
      spare_arena_ = a;
    }
    if (gone->prev != nullptr) gone->prev->next = gone->next;
    else arenas_head_ = gone->next;
    if (gone->next != nullptr) gone->next->prev = gone->prev;
    locked_bytes_ -= locked_slabs(gone) * kSlabBytes;
    if (locked_bytes_ + kSlabBytes <= lock_limit_) lock_refused_ = false;
    --arenas_;
    // ASan's shadow outlives the mapping: left poisoned, whatever is mapped here next (another
    // allocator's memory) would be reported as a use-after-poison.
    UNPOISON(gone->map.slabs, gone->map.slab_bytes);
    unmap_arena(gone->map);
  }

  static std::size_t locked_slabs(const Arena *a) noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < a->nslabs; ++i) n += a->slabs[i].locked ? 1 : 0;
    return n;
  }

  // Locks are not inherited across fork: take them again where the parent had them.
  void after_fork_in_child() noexcept {
    for (Arena *a = arenas_head_; a != nullptr; a = a->next) {
      for (std::size_t i = 0; i < a->nslabs; ++i) {
        Slab &s = a->slabs[i];
        if (s.locked && !lock_pages(slab_start(&s), kSlabBytes)) {
          s.locked = false;
          locked_bytes_ -= kSlabBytes;
          if (s.cls != kNoClass) unlocked_in_use_ += std::size_t{s.used} * kClasses[s.cls];
        }
      }
    }
    mu_.unlock();
  }

  std::mutex mu_;
  Arena *arenas_head_ = nullptr;
  Arena *spare_arena_ = nullptr;
  std::array<Slab *, kClasses.size()> room_{};
  std::array<Slab *, kClasses.size()> spare_slab_{};
  std::size_t arenas_ = 0;
  std::size_t locked_bytes_ = 0;
  std::size_t unlocked_in_use_ = 0;
  std::size_t lock_limit_;
  bool lock_refused_ = false;
  bool warned_ = false;
  std::size_t live_ = 0, in_use_bytes_ = 0;
  std::size_t large_ = 0, large_bytes_ = 0;
};

// Never destroyed: secrets in static objects may be freed after other statics are gone.
Pool &Pool::instance() {
  static Pool *p = [] {
    alignas(Pool) static std::uint8_t storage[sizeof(Pool)];
    return ::new (storage) Pool();
  }();
  return *p;
}

}  // namespace

void *pool_allocate(std::size_t n) noexcept {
  if (n <= kPoolMaxSecret) return Pool::instance().allocate(n);
  void *p = sodium::secure_alloc(n);
  if (p != nullptr) {
    std::memset(p, 0, n);
    Pool::instance().note_large(n, true);
  }
  return p;
}

void pool_free(void *p, std::size_t n) noexcept {
  if (p == nullptr) return;
  if (n <= kPoolMaxSecret) {
    Pool::instance().release(p);
  } else {
    sodium::secure_free(p);  // sodium_free wipes before unmapping
    Pool::instance().note_large(n, false);
  }
}

void *pool_try_allocate(std::size_t n) noexcept {
  return n <= kPoolMaxSecret ? Pool::instance().allocate(n) : nullptr;
}
void pool_release(void *p) noexcept { Pool::instance().release(p); }

SecretPoolStats pool_stats() noexcept { return Pool::instance().stats(); }

std::pair<const std::uint8_t *, std::size_t> pool_span_of(const void *p) noexcept {
  return Pool::instance().span_of(p);
}

}  // namespace nacre::detail
