// Opaque handles: a tagged slot in an arena that is never returned to the system, so checking the
// tag of a freed handle reads valid memory (no use-after-free) and reports NACRE_ERR_INVALID_HANDLE.
// Freed slots are reused first-in first-out, which keeps a stale pointer invalid for as long as
// possible; "best effort", as the header says.
#pragma once

#include <cstdint>
#include <memory>

#include "nacre/status.hpp"

namespace nacre::capi {

enum class Tag : std::uint32_t {
  free = 0,
  hash = 0x6e616801,
  hmac = 0x6e616802,
  aead_key = 0x6e616803,
  secretstream_push = 0x6e616804,
  secretstream_pull = 0x6e616805,
  key = 0x6e616806,
  hpke = 0x6e616807,
  secretbox_key = 0x6e616808,
  age_encryptor = 0x6e616809,
  age_decryptor = 0x6e61680a,
  minisign_key = 0x6e61680b,
  minisign_signer = 0x6e61680c,
  minisign_verifier = 0x6e61680d,
};

struct Slot {
  Tag tag;
  void *object;
  Slot *next_free;
};

// acquire returns a slot holding |object| under |tag|; throws std::bad_alloc when exhausted.
Slot *acquire(Tag tag, void *object);
// find returns the slot when |handle| points at a live slot with |tag|, else nullptr. Pointers
// outside the arena are never dereferenced.
Slot *find(const void *handle, Tag tag) noexcept;
// take checks |handle| and frees its slot in one locked step, so two racing frees of the same
// handle cannot both succeed; it returns the object the slot held, or nullptr.
void *take(const void *handle, Tag tag) noexcept;

// Handle<T, tag> maps between an opaque C handle type H and its owned C++ object T.
template <class T, Tag K>
struct Handle {
  template <class H>
  static void create(H **out, std::unique_ptr<T> object) {
    Slot *s = acquire(K, object.get());
    static_cast<void>(object.release());  // now owned by the slot, deleted in destroy()
    *out = reinterpret_cast<H *>(s);
  }

  static T &get(const void *handle) {
    Slot *s = find(handle, K);
    if (s == nullptr) throw Error(Status::invalid_handle, "invalid or freed handle");
    return *static_cast<T *>(s->object);
  }

  static void destroy(void *handle) noexcept {
    std::unique_ptr<T> owned(static_cast<T *>(take(handle, K)));
  }
};

}  // namespace nacre::capi
