// Output buffers fenced by canary bytes, to prove nothing is written past out_cap.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace nacre::test {

class Guarded {
 public:
  static constexpr std::size_t kFence = 32;
  static constexpr std::uint8_t kCanary = 0xC5;
  static constexpr std::uint8_t kFill = 0x77;

  explicit Guarded(std::size_t cap) : mem_(cap + 2 * kFence, kCanary), cap_(cap) {
    std::fill(data(), data() + cap_, kFill);
  }
  std::uint8_t *data() { return mem_.data() + kFence; }
  std::size_t cap() const { return cap_; }
  bool fences_intact() const {
    return std::all_of(mem_.begin(), mem_.begin() + kFence, [](auto b) { return b == kCanary; }) &&
           std::all_of(mem_.end() - kFence, mem_.end(), [](auto b) { return b == kCanary; });
  }
  bool zeroed() const {
    return std::all_of(mem_.begin() + kFence, mem_.end() - kFence, [](auto b) { return b == 0; });
  }
  std::vector<std::uint8_t> bytes(std::size_t n) const {
    return {mem_.begin() + kFence, mem_.begin() + kFence + static_cast<std::ptrdiff_t>(n)};
  }

 private:
  std::vector<std::uint8_t> mem_;
  std::size_t cap_;
};

}  // namespace nacre::test
