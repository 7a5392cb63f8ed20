// The throwing lookup every family's info function shares (see nacre/descriptor.hpp).
#pragma once

#include <span>

#include "nacre/descriptor.hpp"
#include "nacre/status.hpp"

namespace nacre::detail {

// The entry for |id|; Error(unsupported) with |what| and the number ("unknown AEAD algorithm 9").
template <class Info>
const Info &entry(std::span<const Info> table, DescriptorId<Info> id, const char *what) {
  const auto n = static_cast<long long>(id);
  if (const Info *e = descriptor_find(table, n)) [[likely]] return *e;
  throw_unknown(what, n);
}

}  // namespace nacre::detail
