// Views and checked size arithmetic shared by the whole C++ API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "nacre/status.hpp"

namespace nacre {

// Inputs are read-only views; spans have value semantics and are passed by value.
using ByteView = std::span<const std::uint8_t>;
using MutableByteView = std::span<std::uint8_t>;
// Public outputs (digests, tags) are owned vectors; secrets use SecretBytes instead.
using Bytes = std::vector<std::uint8_t>;

// The bytes of a string (text formats: age headers, armor).
inline ByteView as_bytes_view(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

// checked_add returns a + b or throws Error(invalid_argument) when the sum overflows.
inline std::size_t checked_add(std::size_t a, std::size_t b) {
  if (a > std::numeric_limits<std::size_t>::max() - b) {
    throw Error(Status::invalid_argument, "length overflow");
  }
  return a + b;
}

// require_size throws Error(invalid_argument) unless |view| holds exactly |n| bytes.
template <class View>
inline void require_size(View view, std::size_t n, const char *what) {
  if (view.size() != n) [[unlikely]] throw_size_error(Status::invalid_argument, what, n, view.size());
}

namespace detail {
inline bool overlaps(const void *a, std::size_t an, const void *b, std::size_t bn) noexcept {
  if (an == 0 || bn == 0) return false;
  const auto x = reinterpret_cast<std::uintptr_t>(a);
  const auto y = reinterpret_cast<std::uintptr_t>(b);
  return x < y + bn && y < x + an;
}
}  // namespace detail

// require_disjoint throws Error(invalid_argument) when |out| and |in| share any byte.
inline void require_disjoint(MutableByteView out, ByteView in) {
  if (detail::overlaps(out.data(), out.size(), in.data(), in.size())) [[unlikely]] {
    throw_error(Status::invalid_argument, "output overlaps an input");
  }
}

// require_in_place_or_disjoint allows |out| to be exactly |in| (in-place operation) and
// otherwise throws Error(invalid_argument) on any overlap.
inline void require_in_place_or_disjoint(MutableByteView out, ByteView in) {
  if (out.data() != in.data()) require_disjoint(out, in);
}

}  // namespace nacre
