// Backend choice: every primitive that both backends implement is reachable on both.
#pragma once

#include <string_view>

namespace nacre {

// Numbers match nacre_backend in nacre.h.
enum class Backend : int {
  automatic = 0,  // the faster backend measured for the algorithm
  boringssl = 1,
  sodium = 2,
};

// "default", "boringssl" or "sodium".
std::string_view backend_name(Backend backend) noexcept;

}  // namespace nacre
