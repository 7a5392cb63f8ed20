// libsodium reports success as 0: this is the one place its failures become nacre errors.
#pragma once

#include <sodium.h>

#include "../adapters.hpp"
#include "nacre/status.hpp"

namespace nacre::detail::sodium {

inline void check(int rc, const char *what) {
  if (rc != 0) throw Error(Status::internal, what);
}

// libsodium's length type.
inline unsigned long long ull(std::size_t n) noexcept { return static_cast<unsigned long long>(n); }

// Some libsodium functions declare pointers nonnull even when their length is zero.
inline unsigned char *nonnull(MutableByteView s) noexcept {
  static unsigned char none[1];
  return s.empty() ? none : s.data();
}
inline const unsigned char *nonnull(ByteView s) noexcept {
  static const unsigned char none[1] = {0};
  return s.empty() ? none : s.data();
}

}  // namespace nacre::detail::sodium
