// Checked conversions from C enum numbers to C++ enums.
#pragma once

#include "nacre/aead.hpp"
#include "nacre/backend.hpp"
#include "nacre/hash.hpp"
#include "nacre/status.hpp"

namespace nacre::capi {

inline Backend backend_from(int b) {
  if (b < 0 || b > 2) throw Error(Status::unsupported, "unknown backend");
  return static_cast<Backend>(b);
}

inline HashAlg hash_from(int alg) {
  if (alg < 1 || alg > 9) throw Error(Status::unsupported, "unknown hash algorithm");
  return static_cast<HashAlg>(alg);
}

inline AeadAlg aead_from(int alg) {
  if (alg < 1 || alg > 8) throw Error(Status::unsupported, "unknown AEAD algorithm");
  return static_cast<AeadAlg>(alg);
}

}  // namespace nacre::capi
