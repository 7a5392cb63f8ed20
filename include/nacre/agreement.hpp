// Key agreement: X25519 (both backends) and ECDH on P-256/P-384 (BoringSSL).
#pragma once

#include "nacre/backend.hpp"
#include "nacre/keys.hpp"
#include "nacre/secret.hpp"

namespace nacre {

// The raw shared secret (32 bytes for X25519, the x-coordinate for ECDH); feed it to a KDF.
// Error(invalid_argument) when |key| has no private part; Error(invalid_key) when types differ,
// the type does not agree keys, or X25519 gives all zeros (RFC 7748 section 6.1).
std::size_t agreement_size(KeyType type);
// The backend that agrees keys of |type| for |backend| (automatic: nacre's default, libsodium for
// X25519); Error(unsupported) for an unknown backend or one without |type|.
Backend agreement_resolve_backend(KeyType type, Backend backend);
SecretBytes agree(const Key &key, const Key &peer, Backend backend = Backend::automatic);

}  // namespace nacre
