// Checked conversions from C enum numbers to C++ enums: each family's number is checked against
// its descriptor table, so a new entry needs no change here.
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
  if (b < 0 || b > static_cast<int>(kLastBackend)) throw_unknown("unknown backend", b);
  return static_cast<Backend>(b);
}

inline HashAlg hash_from(int alg) { return hash_info(static_cast<HashAlg>(alg)).alg; }
inline AeadAlg aead_from(int alg) { return aead_info(static_cast<AeadAlg>(alg)).alg; }
inline KeyType key_type_from(int type) { return key_type_info(static_cast<KeyType>(type)).type; }
inline SigAlg sig_from(int alg) { return sig_info(static_cast<SigAlg>(alg)).alg; }
inline HpkeSuite hpke_suite_from(int suite) { return hpke_suite_info(static_cast<HpkeSuite>(suite)).suite; }

inline KeyFormat key_format_from(int format) {
  if (format < 1 || format > static_cast<int>(kLastKeyFormat)) throw_unknown("unknown key format", format);
  return static_cast<KeyFormat>(format);
}

}  // namespace nacre::capi
