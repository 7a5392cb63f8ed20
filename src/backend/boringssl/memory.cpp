// BoringSSL's allocator hooks (crypto/mem.c), defined inside libnacre only (see
// cmake/boringssl_private_hooks.h). Whatever BoringSSL allocates for us (EC and RSA private
// scalars in BIGNUMs, Ed25519 and X25519 keys inside EVP_PKEYs, HMAC pads, error queues) comes
// from the secret pool when it fits a slot, else from malloc; either way it is wiped on free.
// The hooks cannot tell a private scalar from a public point, so all of it counts as secret.
#include <cstdlib>
#include <cstring>

#include "../adapters.hpp"
#include "../../secret_pool.hpp"

namespace {

// A header keeps realloc (OPENSSL_memory_get_size), wiping and the way back working; 16 bytes
// keep the payload aligned as malloc's is.
struct Header {
  std::size_t size;
  std::size_t from_pool;  // 1: a pool slot; 0: malloc
};
static_assert(sizeof(Header) == 16);

Header &header_of(void *payload) noexcept {
  return *reinterpret_cast<Header *>(static_cast<unsigned char *>(payload) - sizeof(Header));
}

}  // namespace

extern "C" {

__attribute__((visibility("hidden"))) void *OPENSSL_memory_alloc(size_t size) {
  if (size > SIZE_MAX - sizeof(Header)) return nullptr;
  const std::size_t total = size + sizeof(Header);
  void *block = nacre::detail::pool_try_allocate(total);
  const bool from_pool = block != nullptr;
  if (!from_pool) block = std::malloc(total);  // NOLINT: large or pool exhausted
  if (block == nullptr) return nullptr;
  void *payload = static_cast<unsigned char *>(block) + sizeof(Header);
  header_of(payload) = {size, from_pool ? 1U : 0U};
  return payload;
}

__attribute__((visibility("hidden"))) void OPENSSL_memory_free(void *ptr) {
  const Header h = header_of(ptr);
  void *block = static_cast<unsigned char *>(ptr) - sizeof(Header);
  if (h.from_pool != 0) {
    nacre::detail::pool_release(block);  // wipes
  } else {
    nacre::detail::sodium::wipe(block, h.size + sizeof(Header));
    std::free(block);  // NOLINT: pairs with the malloc above
  }
}

__attribute__((visibility("hidden"))) size_t OPENSSL_memory_get_size(void *ptr) {
  return header_of(ptr).size;
}

}  // extern "C"
