// KeyParts: what a nacre::Key holds. Shared by the C++ API (src/) and the backend adapters.
#pragma once

#include <cstddef>
#include <memory>

#include "nacre/keys.hpp"
#include "nacre/secret.hpp"

namespace nacre::detail {

// A BoringSSL EVP_PKEY, defined by the BoringSSL adapter; immutable once built.
struct EvpKey;
struct EvpKeyDeleter {
  void operator()(const EvpKey *key) const noexcept;
};
using EvpKeyRef = std::shared_ptr<const EvpKey>;

struct KeyParts {
  KeyType type{};
  bool has_private = false;
  std::size_t bits = 0;
  // Public key: X25519/Ed25519 raw 32 bytes; P-256/P-384 uncompressed SEC1 point; RSA the
  // SubjectPublicKeyInfo DER; ML-KEM-768 the 1184-byte encapsulation key; X-Wing 1216 bytes.
  Bytes pub;
  // Private key: X25519 scalar (32); Ed25519 seed || public key (64, both backends' signing
  // form); ML-KEM-768 expanded decapsulation key (2400); X-Wing seed (32). Empty for EC and RSA,
  // whose private part lives in |evp|.
  SecretBytes priv;
  // ML-KEM-768 only: the 64-byte seed d || z, when the key was generated or imported from it.
  SecretBytes seed;
  // EC and RSA keys (public or private).
  EvpKeyRef evp;
};

}  // namespace nacre::detail
