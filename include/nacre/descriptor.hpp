// Descriptor tables. Each family lists its algorithms in one table, in enum order from 1:
// aead_algorithms(), hash_algorithms(), sig_algorithms(), key_types(), hpke_suites(). These
// helpers read any of them; the tables are immutable, so every function here is thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace nacre {

// An entry's number: |alg| in the algorithm tables, |type| for key types, |suite| for HPKE.
template <class Info>
  requires requires(const Info &e) { e.alg; }
constexpr auto descriptor_id(const Info &e) noexcept {
  return e.alg;
}
template <class Info>
  requires requires(const Info &e) { e.type; }
constexpr auto descriptor_id(const Info &e) noexcept {
  return e.type;
}
template <class Info>
  requires requires(const Info &e) { e.suite; }
constexpr auto descriptor_id(const Info &e) noexcept {
  return e.suite;
}
template <class Info>
using DescriptorId = decltype(descriptor_id(std::declval<const Info &>()));

// Whether |table| lists numbers 1, 2, ... in order (the tables static_assert it).
template <class Info, std::size_t N>
constexpr bool in_enum_order(const Info (&table)[N]) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(descriptor_id(table[i])) != i + 1) return false;
  }
  return true;
}

// The entry numbered |n|, or nullptr outside the table.
template <class Info>
const Info *descriptor_find(std::span<const Info> table, long long n) noexcept {
  return n >= 1 && static_cast<unsigned long long>(n) <= table.size() ? &table[static_cast<std::size_t>(n - 1)]
                                                                     : nullptr;
}

// The number of the entry called |name| (exactly, as listed), or nullopt.
template <class Info>
std::optional<DescriptorId<Info>> descriptor_from_name(std::span<const Info> table, std::string_view name) noexcept {
  for (const Info &e : table) {
    if (std::string_view(e.name) == name) return descriptor_id(e);
  }
  return std::nullopt;
}

}  // namespace nacre
