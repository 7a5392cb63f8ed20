#include "nacre/random.hpp"

#include "backend/adapters.hpp"

namespace nacre {

void random_fill(MutableByteView out) noexcept {
  if (!out.empty()) detail::sodium::random_fill(out);
}

Bytes random_bytes(std::size_t n) {
  Bytes out(n);
  random_fill(out);
  return out;
}

}  // namespace nacre
