// The Status a C++ API call ends with, so tests can check which error, not only that one came.
#pragma once

#include <functional>

#include "nacre/status.hpp"

namespace nacre::test {

inline Status status_of(const std::function<void()> &f) {
  try {
    f();
  } catch (const Error &e) {
    return e.status();
  }
  return Status::ok;
}

// The statuses a malformed input is documented to give.
inline bool is_rejection_status(Status s) {
  return s == Status::invalid_key || s == Status::verification_failed;
}

}  // namespace nacre::test
