// Signatures: Ed25519 (both backends), ECDSA P-256/P-384, RSA-PSS, PKCS#1 v1.5 verify.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"
#include "nacre/hash.hpp"
#include "nacre/keys.hpp"

namespace nacre {

// Numbers are nacre_sig_alg's in nacre.h (checked in capi/src/enum_values.cpp), which documents
// each algorithm and the Ed25519 verification policy.
enum class SigAlg : int {
  ed25519 = 1,
  ecdsa_p256_sha256 = 2,
  ecdsa_p256_sha256_p1363 = 3,
  ecdsa_p384_sha384 = 4,
  ecdsa_p384_sha384_p1363 = 5,
  rsa_pss_sha256 = 6,
  rsa_pkcs1_sha256 = 7,
};

inline constexpr std::size_t rsa_pss_default_salt = 32;

enum class SigScheme : int { eddsa, ecdsa_der, ecdsa_p1363, rsa_pss, rsa_pkcs1 };

// One signature algorithm's facts; the library's table holds one per SigAlg.
struct SigInfo {
  SigAlg alg;
  KeyType key_type;
  const char *name;  // "ed25519", "ecdsa-p256-sha256", "ecdsa-p256-sha256-p1363", ...: static
  SigScheme scheme;
  HashAlg hash;  // the message hash (ECDSA, RSA); unused for Ed25519
};

// Every signature algorithm, in enum order (entry i is number i + 1).
std::span<const SigInfo> sig_algorithms() noexcept;
// The entry for |alg|; Error(unsupported) for a number outside SigAlg.
const SigInfo &sig_info(SigAlg alg);
std::optional<SigAlg> sig_from_name(std::string_view name) noexcept;

// The key type an algorithm needs (KeyType::rsa for both RSA algorithms); Error(unsupported) for
// numbers outside SigAlg.
inline KeyType sig_key_type(SigAlg alg) { return sig_info(alg).key_type; }
// The backend that runs |alg| for |backend| (automatic: nacre's default, libsodium for Ed25519);
// Error(unsupported) for an unknown backend or one without |alg|.
Backend signature_resolve_backend(SigAlg alg, Backend backend);
// The largest signature |key| gives under |alg|.
std::size_t signature_max_size(const Key &key, SigAlg alg);

// sign throws Error(invalid_argument) for a public key, Error(invalid_key) when |key| does not
// fit |alg|, Error(unsupported) for PKCS#1 v1.5 or a backend without |alg|. |out| must hold
// signature_max_size bytes; the actual length is returned.
std::size_t sign_into(MutableByteView out, const Key &key, SigAlg alg, ByteView msg,
                      Backend backend = Backend::automatic);
Bytes sign(const Key &key, SigAlg alg, ByteView msg, Backend backend = Backend::automatic);
// verify throws Error(verification_failed) for any bad or malformed signature.
void verify(const Key &key, SigAlg alg, ByteView sig, ByteView msg,
            Backend backend = Backend::automatic);

// Over a digest the caller computed (ECDSA and RSA only): |digest| has the hash's length.
std::size_t sign_digest_into(MutableByteView out, const Key &key, SigAlg alg, ByteView digest);
void verify_digest(const Key &key, SigAlg alg, ByteView sig, ByteView digest);

// RSA-PSS with SHA-256 and MGF1-SHA-256 and an explicit salt length, for peers that chose
// another salt than rsa_pss_default_salt.
void rsa_pss_verify(const Key &key, ByteView sig, ByteView msg, std::size_t salt_len);

}  // namespace nacre
