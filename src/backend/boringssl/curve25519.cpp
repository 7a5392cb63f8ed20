// BoringSSL adapter for X25519 and Ed25519 on raw keys (the other backend is libsodium's).
#include <openssl/curve25519.h>
#include <openssl/mem.h>

#include <algorithm>
#include <array>

#include "../pkey_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::bssl {

void ed25519_public_from_seed(ByteView seed, MutableByteView pub) {
  require_size(seed, 32, "Ed25519 seed");
  require_size(pub, ED25519_PUBLIC_KEY_LEN, "Ed25519 public key buffer");
  // BoringSSL only derives the whole key pair; the seed || pub copy is not kept.
  std::array<std::uint8_t, ED25519_PRIVATE_KEY_LEN> priv{};
  ED25519_keypair_from_seed(pub.data(), priv.data(), seed.data());
  OPENSSL_cleanse(priv.data(), priv.size());
}

void ed25519_sign(ByteView seed_and_pub, ByteView msg, MutableByteView sig) {
  require_size(seed_and_pub, ED25519_PRIVATE_KEY_LEN, "Ed25519 private key");
  require_size(sig, ED25519_SIGNATURE_LEN, "Ed25519 signature buffer");
  check(ED25519_sign(sig.data(), msg.data(), msg.size(), seed_and_pub.data()), "Ed25519 sign");
}

bool ed25519_verify(ByteView pub, ByteView msg, ByteView sig) {
  require_size(pub, ED25519_PUBLIC_KEY_LEN, "Ed25519 public key");
  if (sig.size() != ED25519_SIGNATURE_LEN) return false;
  return ED25519_verify(msg.data(), msg.size(), sig.data(), pub.data()) == 1;
}

void x25519_public(ByteView scalar, MutableByteView pub) {
  require_size(scalar, X25519_PRIVATE_KEY_LEN, "X25519 private key");
  require_size(pub, X25519_PUBLIC_VALUE_LEN, "X25519 public key buffer");
  X25519_public_from_private(pub.data(), scalar.data());
}

bool x25519(ByteView scalar, ByteView peer, MutableByteView out) {
  require_size(scalar, X25519_PRIVATE_KEY_LEN, "X25519 private key");
  require_size(peer, X25519_PUBLIC_VALUE_LEN, "X25519 public key");
  require_size(out, X25519_SHARED_KEY_LEN, "X25519 output buffer");
  // X25519 returns 0 exactly when the result is all zeros (a small-order peer, RFC 7748 6.1).
  if (X25519(out.data(), scalar.data(), peer.data()) == 1) return true;
  std::fill(out.begin(), out.end(), std::uint8_t{0});
  return false;
}

}  // namespace nacre::detail::bssl
