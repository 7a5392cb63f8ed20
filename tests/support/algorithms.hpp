// Names used by the vector files, mapped to the C++ API, and the backends to try.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"

namespace nacre::test {

inline HashAlg alg_named(const std::string &name) {
  auto a = hash_from_name(name);
  if (!a) throw std::runtime_error("unknown algorithm in vector file: " + name);
  return *a;
}

inline const std::vector<Backend> &both_backends() {
  static const std::vector<Backend> b = {Backend::boringssl, Backend::sodium};
  return b;
}

}  // namespace nacre::test
