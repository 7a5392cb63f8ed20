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

}  // namespace nacre::detail::sodium
