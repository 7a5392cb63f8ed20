// The locked pool that backs SecretBytes (internal).
#pragma once

#include <cstddef>

#include "nacre/secret.hpp"

namespace nacre::detail {

// pool_allocate returns |n| zero-filled bytes of secret memory: a pool slot, or when |n| is too
// large for one or the pool is full, sodium_malloc's guarded memory; nullptr when out of memory.
void *pool_allocate(std::size_t n) noexcept;
// pool_free wipes and releases what pool_allocate returned.
void pool_free(void *p) noexcept;

// The pool alone, for allocators that bring their own fallback (BoringSSL's hooks).
void *pool_try_allocate(std::size_t n) noexcept;  // nullptr when it does not fit
bool pool_owns(const void *p) noexcept;
void pool_release(void *p) noexcept;  // wipes; |p| must be owned by the pool
SecretPoolStats pool_stats() noexcept;

}  // namespace nacre::detail
