// The calling thread's last error message (nacre_last_error_message).
#include <cstring>

#include "guard.hpp"

namespace {

// Fixed storage per thread: recording a failure never allocates, so it works when memory is out.
constexpr std::size_t kCapacity = 256;
thread_local char t_message[kCapacity] = "";

}  // namespace

namespace nacre::capi {

void set_last_error(const char *message) noexcept {
  if (message == nullptr) message = "";
  const std::size_t n = strnlen(message, kCapacity - 1);
  std::memcpy(t_message, message, n);
  t_message[n] = '\0';
}

}  // namespace nacre::capi

extern "C" const char *nacre_last_error_message(void) noexcept { return t_message; }
