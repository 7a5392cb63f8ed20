// The operating system's side of secret memory (internal): arena mappings with guard pages,
// locking within RLIMIT_MEMLOCK, returning pages. Only the pool calls these.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nacre::detail {

// One arena's mapping. The reservation is aligned to its size, so a pointer inside finds its
// arena's header by masking. Layout: [header page][guard page][slabs ...][guard page].
struct ArenaMapping {
  std::uint8_t *base = nullptr;   // aligned start: the header page (read-write, not secret)
  std::uint8_t *slabs = nullptr;  // first slab, right after the leading guard page
  std::size_t slab_bytes = 0;     // bytes of slab area, followed by the trailing guard page
};

std::size_t page_size() noexcept;

// Maps an arena of |arena_bytes| (a power of two) holding |slab_area| bytes of slabs; the slab
// area is excluded from core dumps. Returns an empty mapping when the kernel refuses.
ArenaMapping map_arena(std::size_t arena_bytes, std::size_t slab_area) noexcept;
void unmap_arena(const ArenaMapping &m) noexcept;

// mlock; false when the kernel refuses (RLIMIT_MEMLOCK, or no memory to lock).
bool lock_pages(void *p, std::size_t n) noexcept;
// Gives the pages of an unlocked range back to the kernel; they read as zero afterwards.
void discard_pages(void *p, std::size_t n) noexcept;

// RLIMIT_MEMLOCK's soft limit in bytes; SIZE_MAX when unlimited.
std::size_t lock_limit() noexcept;

}  // namespace nacre::detail
