// The locked pool that backs SecretBytes (internal).
#pragma once

#include <cstddef>

#include "nacre/secret.hpp"

namespace nacre::detail {

// pool_allocate returns a zero-filled slot of at least |n| bytes, or nullptr when |n| is too
// large for a slot or the pool is full; the caller then falls back to sodium_malloc.
void *pool_allocate(std::size_t n) noexcept;
// pool_free wipes and returns |p| when the pool owns it, else returns false.
bool pool_free(void *p, std::size_t n) noexcept;
SecretPoolStats pool_stats() noexcept;

}  // namespace nacre::detail
