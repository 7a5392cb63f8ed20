// SecretBytes: the one owner of secret material in nacre.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>

#include "nacre/bytes.hpp"

namespace nacre {

// SecretBytes owns a fixed-size buffer of secret bytes. Its memory comes from a pool: one
// mlock'ed region, fenced by inaccessible guard pages and excluded from core dumps, carved into
// slots; secrets too large for a slot, or allocated when the pool is full, come from
// sodium_malloc (guard pages of their own). Memory is wiped when freed. Allocation and release
// from the pool cost tens of nanoseconds; both are thread-safe.
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

// Pool statistics, for tests and diagnostics.
struct SecretPoolStats {
  std::size_t capacity;     // bytes in the pool region
  std::size_t in_use;       // slots currently handed out
  std::size_t fallbacks;    // allocations served by sodium_malloc since start
  bool locked;              // the region is mlock'ed
};
SecretPoolStats secret_pool_stats() noexcept;

}  // namespace nacre
