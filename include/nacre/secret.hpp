// SecretBytes: the one owner of secret material in nacre.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>

#include "nacre/bytes.hpp"

namespace nacre {

// SecretBytes owns a fixed-size buffer of secret bytes. Its memory comes from a pool of arenas
// (several MiB each, one mapping fenced by inaccessible guard pages, excluded from core dumps)
// carved into size classes; the pool grows as secrets are created and gives emptied arenas
// back. Slabs are mlock'ed while RLIMIT_MEMLOCK allows; past it they are still wiped, guarded and
// kept out of core dumps (one warning on stderr). Secrets above 64 KiB come from sodium_malloc.
// Memory is wiped when freed. Allocation and release cost tens of nanoseconds at any number of
// live secrets; both are thread-safe. After fork() the child keeps its secrets (a pre-forking
// server's workers need their keys) and re-locks them.
//
// SecretBytes is move-only, compares in constant time (the length is not secret), and cannot be
// printed. A moved-from SecretBytes is empty.
class SecretBytes {
 public:
  SecretBytes() noexcept = default;
  // A zero-filled secret of |size| bytes. Throws Error(out_of_memory) when no memory is left.
  explicit SecretBytes(std::size_t size);
  // A secret holding a copy of |bytes|.
  static SecretBytes copy_of(ByteView bytes);
  // A secret of |size| bytes from the OS CSPRNG.
  static SecretBytes random(std::size_t size);

  SecretBytes(SecretBytes &&other) noexcept;
  SecretBytes &operator=(SecretBytes &&other) noexcept;
  SecretBytes(const SecretBytes &) = delete;
  SecretBytes &operator=(const SecretBytes &) = delete;
  ~SecretBytes();

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::uint8_t *data() noexcept { return data_; }
  const std::uint8_t *data() const noexcept { return data_; }
  ByteView view() const noexcept { return {data_, size_}; }
  MutableByteView mutable_view() noexcept { return {data_, size_}; }

  // A deep copy, in fresh secret memory; spelled out so copies are never accidental.
  SecretBytes clone() const;

  // Constant time in the contents; different sizes compare unequal.
  friend bool operator==(const SecretBytes &a, const SecretBytes &b) noexcept;

  // Secrets are never printed.
  friend std::ostream &operator<<(std::ostream &, const SecretBytes &) = delete;

 private:
  void release() noexcept;

  std::uint8_t *data_ = nullptr;
  std::size_t size_ = 0;
};

// constant_time_equal compares two views in time that depends only on their sizes.
bool constant_time_equal(ByteView a, ByteView b) noexcept;

// Secret memory statistics, for diagnostics and tests (a consistent snapshot).
struct SecretPoolStats {
  std::size_t arenas;          // arenas mapped (each one mapping with its guard pages)
  std::size_t capacity;        // bytes of slab space in those arenas
  std::size_t locked_bytes;    // bytes of slab space mlock'ed
  std::size_t unlocked_bytes;  // bytes of slabs holding secrets that could not be locked
  std::size_t lock_limit;      // RLIMIT_MEMLOCK when the pool started; SIZE_MAX: unlimited
  std::size_t in_use;          // secrets live now (pool slots and large secrets)
  std::size_t in_use_bytes;    // bytes those secrets occupy (slot sizes; large: their sizes)
  std::size_t large;           // live secrets too large for a slot, from sodium_malloc
};
SecretPoolStats secret_pool_stats() noexcept;

}  // namespace nacre
