// Status codes and the one exception type of nacre's C++ API.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace nacre {

// Numbers are nacre_status's in nacre.h (capi/src/enum_values.cpp checks each) and never change.
enum class Status : int {
  ok = 0,
  invalid_argument = -1,
  buffer_too_small = -2,
  verification_failed = -3,
  invalid_key = -4,
  unsupported = -5,
  invalid_handle = -6,
  out_of_memory = -7,
  internal = -8,
};

// status_name returns "NACRE_OK", "NACRE_ERR_INVALID_ARGUMENT", ..., or "NACRE_ERR_UNKNOWN".
const char *status_name(int status) noexcept;

// Error is thrown by every C++ API function that fails. Its message never holds key material.
class Error : public std::runtime_error {
 public:
  Error(Status status, const std::string &what) : std::runtime_error(what), status_(status) {}
  Status status() const noexcept { return status_; }

 private:
  Status status_;
};

// throw_error throws Error(status, what). Out of line, so that inline checks stay small on
// their hot path.
[[noreturn]] void throw_error(Status status, const char *what);
// throw_size_error throws Error(status, "<what>: expected <expected> bytes, got <got>").
[[noreturn]] void throw_size_error(Status status, const char *what, std::size_t expected, std::size_t got);
// throw_unknown throws Error(unsupported, "<what> <number>"), as in "unknown AEAD algorithm 9".
[[noreturn]] void throw_unknown(const char *what, long long number);

}  // namespace nacre
