// Key agreement: X25519 on either backend, ECDH on BoringSSL.
#include "nacre/agreement.hpp"

#include "backend/pkey_adapters.hpp"

namespace nacre {

std::size_t agreement_size(KeyType type) {
  switch (type) {
    case KeyType::x25519:
    case KeyType::p256: return 32;
    case KeyType::p384: return 48;
    case KeyType::p521: return 66;
    default: throw Error(Status::invalid_key, "this key type does not agree keys");
  }
}

// libsodium is the default for X25519: measured faster here (bench/layers_pk.cpp).
Backend agreement_resolve_backend(KeyType type, Backend backend) {
  if (backend != Backend::automatic && backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  if (type == KeyType::x25519) return backend == Backend::automatic ? Backend::sodium : backend;
  if (backend == Backend::sodium) throw Error(Status::unsupported, "libsodium has no ECDH on NIST curves");
  return Backend::boringssl;
}

SecretBytes agree(const Key &key, const Key &peer, Backend backend) {
  if (key.type() != peer.type()) throw Error(Status::invalid_key, "key types differ");
  SecretBytes out(agreement_size(key.type()));
  if (!key.has_private()) throw Error(Status::invalid_argument, "key agreement needs a private key");
  const Backend b = agreement_resolve_backend(key.type(), backend);
  if (key.type() != KeyType::x25519) {
    detail::bssl::ecdh(key.parts(), peer.parts(), out.mutable_view());
    return out;
  }
  const bool nonzero = b == Backend::boringssl
                           ? detail::bssl::x25519(key.parts().priv.view(), peer.parts().pub, out.mutable_view())
                           : detail::sodium::x25519(key.parts().priv.view(), peer.parts().pub, out.mutable_view());
  if (!nonzero) throw Error(Status::invalid_key, "X25519 gave the all-zero secret: peer key of small order");
  return out;
}

}  // namespace nacre
