// libsodium adapter for Ed25519 (crypto_sign) and X25519 (crypto_scalarmult), plus the two
// Ed25519 policy helpers that both backends are held to.
#include <algorithm>

#include "../pkey_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {

void ed25519_public_from_seed(ByteView seed, MutableByteView pub) {
  ensure_init();
  require_size(seed, crypto_sign_SEEDBYTES, "Ed25519 seed");
  require_size(pub, crypto_sign_PUBLICKEYBYTES, "Ed25519 public key buffer");
  // libsodium writes seed || public key; only the public half leaves this function.
  SecretBytes sk(crypto_sign_SECRETKEYBYTES);
  check(crypto_sign_seed_keypair(pub.data(), sk.data(), seed.data()), "Ed25519 key from seed");
}

void ed25519_sign(ByteView seed_and_pub, ByteView msg, MutableByteView sig) {
  ensure_init();
  require_size(seed_and_pub, crypto_sign_SECRETKEYBYTES, "Ed25519 private key");
  require_size(sig, crypto_sign_BYTES, "Ed25519 signature buffer");
  // libsodium hashes the stored public half as is (sign.c): it must be the one derived from the
  // seed, or two signatures of one message under different halves reveal the key.
  check(crypto_sign_detached(sig.data(), nullptr, nonnull(msg), ull(msg.size()),
                             seed_and_pub.data()),
        "Ed25519 sign");
}

bool ed25519_verify(ByteView pub, ByteView msg, ByteView sig) {
  ensure_init();
  if (pub.size() != crypto_sign_PUBLICKEYBYTES || sig.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(sig.data(), nonnull(msg), ull(msg.size()), pub.data()) == 0;
}

bool ed25519_valid_public_key(ByteView pub) {
  ensure_init();
  if (pub.size() != crypto_core_ed25519_BYTES) return false;
  return crypto_core_ed25519_is_valid_point(pub.data()) == 1;
}

bool ed25519_canonical_scalar(ByteView s) {
  ensure_init();
  if (s.size() != crypto_core_ed25519_SCALARBYTES) return false;
  // s < L exactly when reducing s (zero-extended to 64 bytes) mod L leaves it unchanged.
  unsigned char wide[crypto_core_ed25519_NONREDUCEDSCALARBYTES] = {};
  unsigned char reduced[crypto_core_ed25519_SCALARBYTES];
  std::copy(s.begin(), s.end(), wide);
  crypto_core_ed25519_scalar_reduce(reduced, wide);
  return sodium_memcmp(reduced, s.data(), sizeof reduced) == 0;
}

void x25519_public(ByteView scalar, MutableByteView pub) {
  ensure_init();
  require_size(scalar, crypto_scalarmult_curve25519_SCALARBYTES, "X25519 private key");
  require_size(pub, crypto_scalarmult_curve25519_BYTES, "X25519 public key buffer");
  check(crypto_scalarmult_curve25519_base(pub.data(), scalar.data()), "X25519 public key");
}

bool ed25519_public_to_x25519(ByteView ed_pub, MutableByteView x_pub) {
  ensure_init();
  require_size(ed_pub, crypto_sign_ed25519_PUBLICKEYBYTES, "Ed25519 public key");
  require_size(x_pub, crypto_scalarmult_curve25519_BYTES, "X25519 public key buffer");
  return crypto_sign_ed25519_pk_to_curve25519(x_pub.data(), ed_pub.data()) == 0;
}

void ed25519_private_to_x25519(ByteView ed_priv, MutableByteView x_scalar) {
  ensure_init();
  require_size(ed_priv, crypto_sign_ed25519_SECRETKEYBYTES, "Ed25519 private key");
  require_size(x_scalar, crypto_scalarmult_curve25519_SCALARBYTES, "X25519 private key buffer");
  check(crypto_sign_ed25519_sk_to_curve25519(x_scalar.data(), ed_priv.data()),
        "Ed25519 to X25519 private key");
}

bool x25519(ByteView scalar, ByteView peer, MutableByteView out) {
  ensure_init();
  require_size(scalar, crypto_scalarmult_curve25519_SCALARBYTES, "X25519 private key");
  require_size(peer, crypto_scalarmult_curve25519_BYTES, "X25519 peer key");
  require_size(out, crypto_scalarmult_curve25519_BYTES, "X25519 shared secret buffer");
  // libsodium's only failure is an all-zero result (a small-order peer); |out| is zero then.
  if (crypto_scalarmult_curve25519(out.data(), scalar.data(), peer.data()) != 0) {
    sodium_memzero(out.data(), out.size());
    return false;
  }
  return true;
}

}  // namespace nacre::detail::sodium
