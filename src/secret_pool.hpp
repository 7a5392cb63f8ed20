// The pool that backs SecretBytes (internal).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "nacre/secret.hpp"

namespace nacre::detail {

// The largest secret a pool slot holds; larger ones come from sodium_malloc.
inline constexpr std::size_t kPoolMaxSecret = 65536;

// pool_allocate returns |n| zero-filled bytes of secret memory (a pool slot, or sodium_malloc's
// guarded memory above kPoolMaxSecret); nullptr when out of memory.
void *pool_allocate(std::size_t n) noexcept;
// pool_free wipes and releases what pool_allocate(n) returned; NULL is ignored.
void pool_free(void *p, std::size_t n) noexcept;

// The pool alone, for allocators that bring their own fallback (BoringSSL's hooks).
void *pool_try_allocate(std::size_t n) noexcept;  // nullptr when too large or out of memory
void pool_release(void *p) noexcept;              // wipes; |p| came from pool_try_allocate
SecretPoolStats pool_stats() noexcept;

// For tests: the slab area (start, bytes) of the arena that holds the pool slot |p|; the pages
// right before and after it are guard pages.
std::pair<const std::uint8_t *, std::size_t> pool_span_of(const void *p) noexcept;

}  // namespace nacre::detail
