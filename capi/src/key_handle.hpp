// The nacre_key handle, shared by every public-key family of the C ABI.
#pragma once

#include <algorithm>

#include "guard.hpp"
#include "handles.hpp"
#include "nacre/keys.hpp"

namespace nacre::capi {

using KeyHandle = Handle<Key, Tag::key>;

inline const Key &key_of(const void *handle) { return KeyHandle::get(handle); }

// put copies a computed result into the caller's output (reporting its size when too small).
inline void put(Output &o, ByteView bytes) {
  MutableByteView dst = o.take(bytes.size());
  std::copy(bytes.begin(), bytes.end(), dst.begin());
}

template <class H>
void new_key(H **out, Key key) {
  KeyHandle::create(out, std::make_unique<Key>(std::move(key)));
}

}  // namespace nacre::capi
