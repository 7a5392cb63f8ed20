// The C ABI's view of the C++ descriptor tables (nacre/descriptor.hpp): one template for every
// family's count/at/name/from_name functions and for size-versioned info structs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "guard.hpp"
#include "nacre.h"
#include "nacre/backend.hpp"
#include "nacre/descriptor.hpp"

namespace nacre::capi {

// Table() returns a family's std::span<const Info>.
template <auto Table>
struct Family {
  static std::size_t count() noexcept { return Table().size(); }

  // The number of entry |index|, 0 past the end.
  static int at(std::size_t index) noexcept {
    const auto t = Table();
    return index < t.size() ? static_cast<int>(descriptor_id(t[index])) : 0;
  }

  // The entry numbered |n|, or nullptr.
  static const auto *find(int n) noexcept { return descriptor_find(Table(), n); }

  // The size |e->*Member| of the entry numbered |n|, 0 for an unknown number.
  template <auto Member>
  static std::size_t field(int n) noexcept {
    const auto *e = find(n);
    return e != nullptr ? e->*Member : 0;
  }

  static const char *name(int n) noexcept {
    const auto *e = find(n);
    return e != nullptr ? e->name : nullptr;
  }

  // 0 for NULL or an unknown name.
  static int from_name(const char *name) noexcept {
    if (name == nullptr) return 0;
    const auto id = descriptor_from_name(Table(), name);
    return id ? static_cast<int>(*id) : 0;
  }
};

}  // namespace nacre::capi

// Defines nacre_<x>_count, _at, _name and _from_name over the table |table| (inside extern "C").
#define NACRE_CAPI_FAMILY(x, table)                                                              \
  size_t nacre_##x##_count(void) noexcept { return ::nacre::capi::Family<table>::count(); }      \
  int nacre_##x##_at(size_t index) noexcept { return ::nacre::capi::Family<table>::at(index); }  \
  const char *nacre_##x##_name(int n) noexcept { return ::nacre::capi::Family<table>::name(n); } \
  int nacre_##x##_from_name(const char *name) noexcept { return ::nacre::capi::Family<table>::from_name(name); }

namespace nacre::capi {

// Bit (1u << b) set for each backend b for which |has(b)| is true.
template <class Has>
std::uint32_t backend_bits(Has has) noexcept {
  std::uint32_t bits = 0;
  for (const Backend b : {Backend::boringssl, Backend::sodium}) {
    if (has(b)) bits |= 1u << static_cast<int>(b);
  }
  return bits;
}

// Writes |known| to |out| for a caller whose struct is |out_size| bytes: at least |first| (the
// first version's size); a larger struct (built against a later header) gets the rest zeroed.
// |too_small| is the message for a smaller |out_size|, naming the struct.
template <class Struct>
int write_versioned(Struct *out, std::size_t out_size, std::size_t first, const Struct &known,
                    const char *too_small) noexcept {
  if (out == nullptr) return fail(NACRE_ERR_INVALID_ARGUMENT, "out is NULL");
  if (out_size < first) return fail(NACRE_ERR_INVALID_ARGUMENT, too_small);
  if (impossible_range(out, out_size)) return fail(NACRE_ERR_INVALID_ARGUMENT, "length overflows the address space");
  std::memset(out, 0, out_size);
  std::memcpy(out, &known, out_size < sizeof(known) ? out_size : sizeof(known));
  return NACRE_OK;
}

}  // namespace nacre::capi
