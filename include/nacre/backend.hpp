// Backend choice: every primitive that both backends implement is reachable on both.
#pragma once

#include <string_view>

namespace nacre {

// Numbers are nacre_backend's in nacre.h (capi/src/enum_values.cpp checks each).
enum class Backend : int {
  automatic = 0,  // the faster backend measured for the algorithm
  boringssl = 1,
  sodium = 2,
};
inline constexpr Backend kLastBackend = Backend::sodium;

// "automatic", "boringssl" or "sodium".
std::string_view backend_name(Backend backend) noexcept;

}  // namespace nacre
