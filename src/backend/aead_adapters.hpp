// What the AEAD and secretstream adapters offer the C++ API.
#pragma once

#include <memory>

#include "nacre/aead.hpp"
#include "nacre/secretstream.hpp"

namespace nacre::detail {

// The detached shape every AEAD adapter implements. Sizes are checked by the caller; |ct| may
// equal |pt| exactly (in place). open returns false on a bad tag and leaves |pt| unspecified.
class AeadImpl {
 public:
  virtual ~AeadImpl() = default;
  virtual void seal(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
                    ByteView aad) const = 0;
  virtual bool open(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
                    ByteView aad) const = 0;
};

namespace bssl {
bool aead_supported(AeadAlg alg) noexcept;
std::unique_ptr<AeadImpl> aead(AeadAlg alg, ByteView key);
}  // namespace bssl

namespace sodium {
bool aead_supported(AeadAlg alg) noexcept;  // includes the CPU check for AES-256-GCM
std::unique_ptr<AeadImpl> aead(AeadAlg alg, ByteView key);

// secretstream: |state| is secret memory of secretstream_state_size() bytes.
std::size_t secretstream_state_size() noexcept;
void secretstream_init_push(MutableByteView state, MutableByteView header, ByteView key);
void secretstream_push(MutableByteView state, MutableByteView out, ByteView msg, ByteView aad,
                       std::uint8_t tag);
void secretstream_init_pull(MutableByteView state, ByteView header, ByteView key);
// Returns false when |ct| does not authenticate.
bool secretstream_pull(MutableByteView state, MutableByteView out, std::uint8_t &tag, ByteView ct,
                       ByteView aad);
}  // namespace sodium

}  // namespace nacre::detail
