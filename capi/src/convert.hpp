// Checked conversions from C enum numbers to C++ enums.
#pragma once

#include "nacre/aead.hpp"
#include "nacre/backend.hpp"
#include "nacre/hash.hpp"
#include "nacre/hpke.hpp"
#include "nacre/keys.hpp"
#include "nacre/signature.hpp"
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

inline KeyType key_type_from(int type) {
  if (type < 1 || type > 7) throw Error(Status::unsupported, "unknown key type");
  return static_cast<KeyType>(type);
}

inline KeyFormat key_format_from(int format) {
  if (format < 1 || format > 9) throw Error(Status::unsupported, "unknown key format");
  return static_cast<KeyFormat>(format);
}

inline SigAlg sig_from(int alg) {
  if (alg < 1 || alg > 7) throw Error(Status::unsupported, "unknown signature algorithm");
  return static_cast<SigAlg>(alg);
}

inline HpkeSuite hpke_suite_from(int suite) {
  if (suite < 1 || suite > 3) throw Error(Status::unsupported, "unknown HPKE suite");
  return static_cast<HpkeSuite>(suite);
}

}  // namespace nacre::capi
