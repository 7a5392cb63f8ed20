#include "secret_mapping.hpp"

#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>

namespace nacre::detail {

std::size_t page_size() noexcept {
  static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

ArenaMapping map_arena(std::size_t arena_bytes, std::size_t slab_area) noexcept {
  const std::size_t page = page_size();
  const std::size_t used = page + page + slab_area + page;
  if (used > arena_bytes) return {};
  // Reserve twice the size, keep the aligned part, give back the rest. PROT_NONE reservations
  // cost no commit charge; only what is made accessible below does.
  void *raw = mmap(nullptr, 2 * arena_bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return {};
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + arena_bytes - 1) & ~(std::uintptr_t{arena_bytes} - 1);
  const std::uintptr_t end = start + 2 * arena_bytes;
  if (aligned > start) munmap(raw, aligned - start);
  if (end > aligned + used) munmap(reinterpret_cast<void *>(aligned + used), end - (aligned + used));
  auto *base = reinterpret_cast<std::uint8_t *>(aligned);

  ArenaMapping m{base, base + 2 * page, slab_area};
  if (mprotect(m.base, page, PROT_READ | PROT_WRITE) != 0 ||
      mprotect(m.slabs, slab_area, PROT_READ | PROT_WRITE) != 0) {
    munmap(base, used);
    return {};
  }
  // Not a failure if refused: the pages are still wiped and fenced.
  (void)madvise(m.slabs, slab_area, MADV_DONTDUMP);
  return m;
}

void unmap_arena(const ArenaMapping &m) noexcept {
  const std::size_t page = page_size();
  munmap(m.base, page + page + m.slab_bytes + page);  // also unlocks
}

bool lock_pages(void *p, std::size_t n) noexcept { return mlock(p, n) == 0; }

void discard_pages(void *p, std::size_t n) noexcept { (void)madvise(p, n, MADV_DONTNEED); }

std::size_t lock_limit() noexcept {
  rlimit r{};
  if (getrlimit(RLIMIT_MEMLOCK, &r) != 0) return 0;
  if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur > SIZE_MAX) return SIZE_MAX;
  return static_cast<std::size_t>(r.rlim_cur);
}

}  // namespace nacre::detail
