// BoringSSL's allocator hooks (crypto/mem.c), defined inside libnacre only (see
// cmake/boringssl_private_hooks.h). Whatever BoringSSL allocates for us (HMAC pads, GCM-SIV key
// schedules, error queues) comes from the locked secret pool when it fits a slot, else from
// malloc; either way it is wiped on free, as BoringSSL requires of these hooks.
#include <cstdlib>
#include <cstring>

#include "../adapters.hpp"
#include "../../secret_pool.hpp"

namespace {

// A size header keeps realloc (OPENSSL_memory_get_size) and wiping working; 16 bytes keep the
// payload aligned as malloc's is.
constexpr std::size_t kHeader = 16;

std::size_t &size_of(void *payload) noexcept {
  return *reinterpret_cast<std::size_t *>(static_cast<unsigned char *>(payload) - kHeader);
}

}  // namespace

extern "C" {

__attribute__((visibility("hidden"))) void *OPENSSL_memory_alloc(size_t size) {
  if (size > SIZE_MAX - kHeader) return nullptr;
  void *block = nacre::detail::pool_try_allocate(size + kHeader);
  if (block == nullptr) block = std::malloc(size + kHeader);  // NOLINT: the fallback allocator
  if (block == nullptr) return nullptr;
  void *payload = static_cast<unsigned char *>(block) + kHeader;
  size_of(payload) = size;
  return payload;
}

__attribute__((visibility("hidden"))) void OPENSSL_memory_free(void *ptr) {
  const std::size_t size = size_of(ptr);
  void *block = static_cast<unsigned char *>(ptr) - kHeader;
  if (nacre::detail::pool_owns(block)) {
    nacre::detail::pool_release(block);  // wipes
  } else {
    nacre::detail::sodium::wipe(block, size + kHeader);
    std::free(block);  // NOLINT: pairs with the malloc above
  }
}

__attribute__((visibility("hidden"))) size_t OPENSSL_memory_get_size(void *ptr) { return size_of(ptr); }

}  // extern "C"
