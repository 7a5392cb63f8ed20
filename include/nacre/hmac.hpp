// HMAC (RFC 2104) over the SHA-2 hashes the hash table marks (HashInfo::hmac).
#pragma once

#include <cstddef>
#include <memory>

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"
#include "nacre/hash.hpp"

namespace nacre {

// hmac_size returns the tag length; throws Error(unsupported) for a hash without HMAC support.
std::size_t hmac_size(HashAlg alg);
// hmac_offered: whether HMAC is offered over |alg| (HashInfo::hmac).
bool hmac_offered(HashAlg alg) noexcept;
bool hmac_is_available(HashAlg alg, Backend backend) noexcept;
Backend hmac_resolve_backend(HashAlg alg, Backend backend);

// One-shot HMAC; |out| must hold exactly hmac_size(alg) bytes. Keys may have any length.
void hmac_into(HashAlg alg, ByteView key, ByteView in, MutableByteView out,
               Backend backend = Backend::automatic);
Bytes hmac(HashAlg alg, ByteView key, ByteView in, Backend backend = Backend::automatic);
// hmac_verify compares in constant time; a tag of the wrong length is simply wrong.
bool hmac_verify(HashAlg alg, ByteView key, ByteView in, ByteView tag,
                 Backend backend = Backend::automatic);

// Hmac is an incremental HMAC state; the key is absorbed at creation (its derived state lives in
// secret memory). digest() and verify() do not change the state (as Hasher::digest). Move-only; one thread at a time.
class Hmac {
 public:
  static Hmac create(HashAlg alg, ByteView key, Backend backend = Backend::automatic);

  Hmac(Hmac &&) noexcept;
  Hmac &operator=(Hmac &&) noexcept;
  ~Hmac();

  void update(ByteView in);
  Bytes digest() const;
  void digest_into(MutableByteView out) const;  // exactly size() bytes
  bool verify(ByteView tag) const;
  Hmac copy() const;

  HashAlg alg() const noexcept { return alg_; }
  Backend backend() const noexcept { return backend_; }
  std::size_t size() const noexcept { return size_; }

 private:
  Hmac(HashAlg alg, Backend backend, std::size_t size,
       std::unique_ptr<detail::DigestState> state) noexcept;

  HashAlg alg_;
  Backend backend_;
  std::size_t size_;
  // The state, or Error(invalid_argument) for a moved-from object.
  detail::DigestState &live() const;

  std::unique_ptr<detail::DigestState> state_;
};

}  // namespace nacre
