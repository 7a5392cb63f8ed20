// libsodium initialisation, secure memory, wiping, comparison, randomness and version.
#include <mutex>

#include "check.hpp"

namespace nacre::detail::sodium {

void ensure_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Draw every random byte straight from the kernel (getrandom), not a user-space generator.
    randombytes_set_implementation(&randombytes_sysrandom_implementation);
    if (sodium_init() < 0) throw Error(Status::internal, "libsodium initialisation failed");
  });
}

void random_fill(MutableByteView out) noexcept {
  // sodium_init cannot fail on a supported kernel; randombytes aborts rather than return junk.
  try {
    ensure_init();
  } catch (...) {
    std::terminate();
  }
  randombytes_buf(out.data(), out.size());
}

void wipe(void *p, std::size_t n) noexcept { sodium_memzero(p, n); }

bool equal(const void *a, const void *b, std::size_t n) noexcept {
  return n == 0 || sodium_memcmp(a, b, n) == 0;
}

void *secure_alloc(std::size_t n) noexcept {
  try {
    ensure_init();
  } catch (...) {
    return nullptr;
  }
  return sodium_malloc(n);
}

void secure_free(void *p) noexcept { sodium_free(p); }

const char *version() noexcept { return sodium_version_string(); }

}  // namespace nacre::detail::sodium
