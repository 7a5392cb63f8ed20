// Signatures: Ed25519 (both backends); ECDSA on P-256, P-384 and P-521 over a chosen hash; RSA-PSS
// with a chosen salt length and RSASSA-PKCS1-v1_5 over SHA-2 (BoringSSL).
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
  ecdsa_p521_sha512 = 8,
  ecdsa_p521_sha512_p1363 = 9,
};

// Numbers are nacre_sig_scheme's in nacre.h.
enum class SigScheme : int { eddsa = 1, ecdsa_der = 2, ecdsa_p1363 = 3, rsa_pss = 4, rsa_pkcs1 = 5 };

// RSA-PSS salt lengths: a byte count (0 or more), or one of these (nacre.h's NACRE_PSS_SALT_*).
inline constexpr int pss_salt_digest = -1;  // the hash's length
inline constexpr int pss_salt_max = -2;     // the largest the key allows (signing and verifying)
inline constexpr int pss_salt_auto = -3;    // verifying only: whatever length the signature used
inline constexpr std::size_t rsa_pss_default_salt = 32;  // SigAlg::rsa_pss_sha256's signing salt

// A scheme with its parameters. |hash| nullopt: the key's default (the curve's own hash for ECDSA:
// SHA-256, SHA-384, SHA-512; SHA-256 for RSA); Ed25519 takes none. ECDSA takes SHA-224/256/384/
// 512, SHA-512/256 and SHA3-256/512; RSA takes SHA-224/256/384/512 (the hashes BoringSSL has
// DigestInfo prefixes and MGF1 for). |pss_salt| is read for RSA-PSS only and must be 0 otherwise.
struct SigParams {
  SigScheme scheme = SigScheme::eddsa;
  std::optional<HashAlg> hash;
  int pss_salt = 0;
};

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
// What a named algorithm means. RSA-PSS-SHA256 signs with a 32-byte salt (|for_verify| false) and
// verifies any salt length (true), so signatures with pyca's PSS.MAX_LENGTH verify.
SigParams sig_params(SigAlg alg, bool for_verify);

// The key type an algorithm needs (KeyType::rsa for both RSA algorithms); Error(unsupported) for
// numbers outside SigAlg.
inline KeyType sig_key_type(SigAlg alg) { return sig_info(alg).key_type; }
// The backend that runs |alg| for |backend| (automatic: nacre's default, libsodium for Ed25519);
// Error(unsupported) for an unknown backend or one without |alg|.
Backend signature_resolve_backend(SigAlg alg, Backend backend);

// Errors of every function below: Error(invalid_key) when |key| does not fit the scheme (an
// Ed25519 key for ECDSA, an RSA key for Ed25519, ...); Error(unsupported) for an unknown scheme, a
// hash the scheme does not take, or a backend without it; Error(invalid_argument) for a hash
// given to Ed25519, a salt given to another scheme than PSS, a salt below pss_salt_auto, a salt
// too long for the key or pss_salt_auto when signing. sign throws Error(invalid_argument) for a
// public key; verify throws Error(verification_failed) for any bad or malformed signature.

// The largest signature |key| gives under |params|.
std::size_t signature_max_size(const Key &key, const SigParams &params);
std::size_t signature_max_size(const Key &key, SigAlg alg);

// |out| must hold signature_max_size bytes; the actual length is returned.
std::size_t sign_into(MutableByteView out, const Key &key, const SigParams &params, ByteView msg,
                      Backend backend = Backend::automatic);
Bytes sign(const Key &key, const SigParams &params, ByteView msg, Backend backend = Backend::automatic);
void verify(const Key &key, const SigParams &params, ByteView sig, ByteView msg,
            Backend backend = Backend::automatic);
std::size_t sign_into(MutableByteView out, const Key &key, SigAlg alg, ByteView msg,
                      Backend backend = Backend::automatic);
Bytes sign(const Key &key, SigAlg alg, ByteView msg, Backend backend = Backend::automatic);
void verify(const Key &key, SigAlg alg, ByteView sig, ByteView msg, Backend backend = Backend::automatic);

// Over a digest the caller computed (ECDSA and RSA only): |digest| has the hash's length
// (Error(invalid_argument) otherwise; Error(unsupported) for Ed25519).
std::size_t sign_digest_into(MutableByteView out, const Key &key, const SigParams &params, ByteView digest);
void verify_digest(const Key &key, const SigParams &params, ByteView sig, ByteView digest);
std::size_t sign_digest_into(MutableByteView out, const Key &key, SigAlg alg, ByteView digest);
void verify_digest(const Key &key, SigAlg alg, ByteView sig, ByteView digest);

// RSA-PSS with SHA-256 and MGF1-SHA-256 requiring exactly |salt_len| bytes of salt.
void rsa_pss_verify(const Key &key, ByteView sig, ByteView msg, std::size_t salt_len);

}  // namespace nacre
