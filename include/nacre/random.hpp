// Random bytes from the operating system's CSPRNG.
#pragma once

#include "nacre/bytes.hpp"

namespace nacre {

// random_fill fills |out| from the OS CSPRNG (getrandom). Thread-safe; never fails.
void random_fill(MutableByteView out) noexcept;

// random_bytes returns |n| random bytes (public values: nonces, salts). Use SecretBytes::random
// for keys.
Bytes random_bytes(std::size_t n);

}  // namespace nacre
