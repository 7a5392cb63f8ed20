// What the BoringSSL public-key adapters share: the EVP_PKEY behind KeyParts::evp and the
// helpers that turn it into the pieces (EC_KEY, RSA, hashes) each primitive needs.
#pragma once

#include <openssl/bytestring.h>
#include <openssl/ec_key.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cstddef>

#include "../pkey_adapters.hpp"

namespace nacre::detail {

// Written once when a key is built, then only read (BoringSSL's EVP_PKEY, EC_KEY and RSA are
// safe for concurrent use through const operations).
struct EvpKey {
  ::bssl::UniquePtr<EVP_PKEY> pkey;
};

namespace bssl {

// Clears the thread's error queue before throwing, so no BoringSSL error outlives the call.
[[noreturn]] void fail(Status status, const char *what);

EvpKeyRef wrap(::bssl::UniquePtr<EVP_PKEY> pkey);

// The key's EC_KEY / RSA; Error(invalid_key) when |key| holds none of that kind.
EC_KEY *ec_of(const KeyParts &key);
RSA *rsa_of(const KeyParts &key);
// The EC_KEY of a key pair; Error(invalid_argument) for a public key.
EC_KEY *ec_private_of(const KeyParts &key);

// NID_X9_62_prime256v1 / NID_secp384r1 / NID_secp521r1; Error(unsupported) for any other type.
int curve_nid(KeyType curve);
// 32 / 48 / 66: the size of a scalar, of a coordinate and of each half of a P1363 signature.
std::size_t curve_size(KeyType curve);

// KeyParts for an EC or RSA EVP_PKEY from BoringSSL's parsers, which already ran
// EC_KEY_check_key / RSA_check_key on it (|pub| filled in). Error(unsupported) for other curves,
// Error(invalid_key) for RSA sizes outside 2048..4096 or not a multiple of 8.
KeyParts evp_parts(::bssl::UniquePtr<EVP_PKEY> pkey, bool has_private);

// CBB_init's buffer, released into an owned copy; the backend's buffer is wiped.
Bytes cbb_to_bytes(CBB *cbb);
SecretBytes cbb_to_secret(CBB *cbb);

}  // namespace bssl
}  // namespace nacre::detail
