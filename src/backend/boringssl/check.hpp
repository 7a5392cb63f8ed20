// BoringSSL reports success as 1: this is the one place its failures become nacre errors.
#pragma once

#include <openssl/err.h>

#include "nacre/status.hpp"

namespace nacre::detail::bssl {

inline void check(int rc, const char *what) {
  if (rc != 1) {
    ERR_clear_error();  // the thread's error queue must not leak into later calls
    throw Error(Status::internal, what);
  }
}

}  // namespace nacre::detail::bssl
