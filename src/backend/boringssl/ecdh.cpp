// BoringSSL adapter for ECDH on P-256 and P-384 (the raw x-coordinate; callers apply a KDF).
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/ecdh.h>
#include <openssl/mem.h>

#include "check.hpp"
#include "evp_key.hpp"

namespace nacre::detail::bssl {

void ecdh(const KeyParts &key, const KeyParts &peer, MutableByteView out) {
  const EC_KEY *ec = ec_private_of(key);
  const EC_KEY *peer_ec = ec_of(peer);
  if (key.type != peer.type ||
      EC_GROUP_cmp(EC_KEY_get0_group(ec), EC_KEY_get0_group(peer_ec), nullptr) != 0) {
    throw Error(Status::invalid_key, "ECDH keys are on different curves");
  }
  require_size(out, curve_size(key.type), "ECDH output buffer");
  // The peer's point was validated when its key was built, so this fails only on exhaustion.
  const int n = ECDH_compute_key(out.data(), out.size(), EC_KEY_get0_public_key(peer_ec), ec,
                                 nullptr);
  if (n < 0 || static_cast<std::size_t>(n) != out.size()) {
    OPENSSL_cleanse(out.data(), out.size());
    fail(Status::internal, "ECDH");
  }
}

}  // namespace nacre::detail::bssl
