// Signatures: key checks, hashing, the Ed25519 verification policy, and backend choice.
#include "nacre/signature.hpp"

#include <algorithm>

#include "backend/pkey_adapters.hpp"
#include "nacre/hash.hpp"
#include "table.hpp"

namespace nacre {

using detail::KeyParts;

namespace {

constexpr SigInfo kAlgs[] = {
    {SigAlg::ed25519, KeyType::ed25519, "ed25519", SigScheme::eddsa, HashAlg::sha512},
    {SigAlg::ecdsa_p256_sha256, KeyType::p256, "ecdsa-p256-sha256", SigScheme::ecdsa_der, HashAlg::sha256},
    {SigAlg::ecdsa_p256_sha256_p1363, KeyType::p256, "ecdsa-p256-sha256-p1363", SigScheme::ecdsa_p1363,
     HashAlg::sha256},
    {SigAlg::ecdsa_p384_sha384, KeyType::p384, "ecdsa-p384-sha384", SigScheme::ecdsa_der, HashAlg::sha384},
    {SigAlg::ecdsa_p384_sha384_p1363, KeyType::p384, "ecdsa-p384-sha384-p1363", SigScheme::ecdsa_p1363,
     HashAlg::sha384},
    {SigAlg::rsa_pss_sha256, KeyType::rsa, "rsa-pss-sha256", SigScheme::rsa_pss, HashAlg::sha256},
    {SigAlg::rsa_pkcs1_sha256, KeyType::rsa, "rsa-pkcs1-sha256", SigScheme::rsa_pkcs1, HashAlg::sha256},
};
static_assert(in_enum_order(kAlgs), "kAlgs must list SigAlg in order from 1");

bool is_p1363(SigAlg alg) { return sig_info(alg).scheme == SigScheme::ecdsa_p1363; }
bool is_ecdsa(SigAlg alg) { return is_p1363(alg) || sig_info(alg).scheme == SigScheme::ecdsa_der; }
HashAlg sig_hash(SigAlg alg) { return sig_info(alg).hash; }

std::size_t scalar_size(KeyType curve) { return curve == KeyType::p256 ? 32 : 48; }

const KeyParts &checked_key(const Key &key, SigAlg alg) {
  if (key.type() != sig_key_type(alg)) {
    throw Error(Status::invalid_key, "key type does not fit the signature algorithm");
  }
  return key.parts();
}

Backend resolve(SigAlg alg, Backend backend) { return signature_resolve_backend(alg, backend); }

void require_digest(SigAlg alg, ByteView digest) {
  if (alg == SigAlg::ed25519) throw Error(Status::unsupported, "Ed25519 signs messages, not digests");
  if (digest.size() != digest_size(sig_hash(alg))) {
    throw Error(Status::invalid_argument, "digest length does not match the algorithm's hash");
  }
}

[[noreturn]] void bad_signature() { throw Error(Status::verification_failed, "signature does not verify"); }

// The policy of nacre.h: canonical S, R not the identity; A was checked on import.
bool ed25519_policy_holds(ByteView sig) {
  if (sig.size() != 64) return false;
  static constexpr std::uint8_t identity[32] = {1};
  const ByteView r = sig.first(32);
  if (std::equal(r.begin(), r.end(), std::begin(identity))) return false;
  return detail::sodium::ed25519_canonical_scalar(sig.subspan(32));
}

}  // namespace

// Ed25519 runs on both backends (libsodium by default: a tie in bench/layers_pk.cpp, and its
// checks are nacre's policy); the rest on BoringSSL.
Backend signature_resolve_backend(SigAlg alg, Backend backend) {
  if (backend != Backend::automatic && backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  if (alg == SigAlg::ed25519) return backend == Backend::automatic ? Backend::sodium : backend;
  if (backend == Backend::sodium) throw Error(Status::unsupported, "libsodium has no such signature");
  return Backend::boringssl;
}

std::span<const SigInfo> sig_algorithms() noexcept { return kAlgs; }

const SigInfo &sig_info(SigAlg alg) { return detail::entry(sig_algorithms(), alg, "unknown signature algorithm"); }

std::optional<SigAlg> sig_from_name(std::string_view name) noexcept {
  return descriptor_from_name(sig_algorithms(), name);
}

std::size_t signature_max_size(const Key &key, SigAlg alg) {
  const KeyParts &k = checked_key(key, alg);
  if (alg == SigAlg::ed25519) return 64;
  if (is_p1363(alg)) return 2 * scalar_size(k.type);
  if (is_ecdsa(alg)) return detail::bssl::ecdsa_der_max_size(k.type);
  return detail::bssl::rsa_modulus_size(k);
}

std::size_t sign_digest_into(MutableByteView out, const Key &key, SigAlg alg, ByteView digest) {
  const KeyParts &k = checked_key(key, alg);
  require_digest(alg, digest);
  if (!k.has_private) throw Error(Status::invalid_argument, "signing needs a private key");
  if (alg == SigAlg::rsa_pkcs1_sha256) throw Error(Status::unsupported, "PKCS#1 v1.5 is verify-only");
  if (out.size() < signature_max_size(key, alg)) throw Error(Status::buffer_too_small, "signature buffer too small");
  if (is_p1363(alg)) {
    const std::size_t n = 2 * scalar_size(k.type);
    if (!detail::bssl::ecdsa_der_to_p1363(detail::bssl::ecdsa_sign_digest(k, digest), out.first(n))) {
      throw Error(Status::internal, "ECDSA signature conversion failed");
    }
    return n;
  }
  const Bytes sig = is_ecdsa(alg) ? detail::bssl::ecdsa_sign_digest(k, digest)
                                  : detail::bssl::rsa_pss_sign_digest(k, HashAlg::sha256, digest, rsa_pss_default_salt);
  std::copy(sig.begin(), sig.end(), out.begin());
  return sig.size();
}

std::size_t sign_into(MutableByteView out, const Key &key, SigAlg alg, ByteView msg, Backend backend) {
  const KeyParts &k = checked_key(key, alg);
  const Backend b = resolve(alg, backend);
  if (alg != SigAlg::ed25519) return sign_digest_into(out, key, alg, hash(sig_hash(alg), msg));
  if (!k.has_private) throw Error(Status::invalid_argument, "signing needs a private key");
  if (out.size() < 64) throw Error(Status::buffer_too_small, "signature buffer too small");
  if (b == Backend::sodium) {
    detail::sodium::ed25519_sign(k.priv.view(), msg, out.first(64));
  } else {
    detail::bssl::ed25519_sign(k.priv.view(), msg, out.first(64));
  }
  return 64;
}

Bytes sign(const Key &key, SigAlg alg, ByteView msg, Backend backend) {
  Bytes out(signature_max_size(key, alg));
  out.resize(sign_into(out, key, alg, msg, backend));
  return out;
}

void verify_digest(const Key &key, SigAlg alg, ByteView sig, ByteView digest) {
  const KeyParts &k = checked_key(key, alg);
  require_digest(alg, digest);
  bool ok = false;
  if (is_p1363(alg)) {
    Bytes der;
    ok = sig.size() == 2 * scalar_size(k.type) && detail::bssl::ecdsa_p1363_to_der(sig, der) &&
         detail::bssl::ecdsa_verify_digest(k, digest, der);
  } else if (is_ecdsa(alg)) {
    ok = detail::bssl::ecdsa_verify_digest(k, digest, sig);
  } else if (alg == SigAlg::rsa_pss_sha256) {
    ok = detail::bssl::rsa_pss_verify_digest(k, HashAlg::sha256, digest, sig, rsa_pss_default_salt);
  } else {
    ok = detail::bssl::rsa_pkcs1_verify_digest(k, HashAlg::sha256, digest, sig);
  }
  if (!ok) bad_signature();
}

void verify(const Key &key, SigAlg alg, ByteView sig, ByteView msg, Backend backend) {
  const KeyParts &k = checked_key(key, alg);
  const Backend b = resolve(alg, backend);
  if (alg != SigAlg::ed25519) return verify_digest(key, alg, sig, hash(sig_hash(alg), msg));
  if (!ed25519_policy_holds(sig)) bad_signature();
  const bool ok = b == Backend::sodium ? detail::sodium::ed25519_verify(k.pub, msg, sig)
                                       : detail::bssl::ed25519_verify(k.pub, msg, sig);
  if (!ok) bad_signature();
}

void rsa_pss_verify(const Key &key, ByteView sig, ByteView msg, std::size_t salt_len) {
  const KeyParts &k = checked_key(key, SigAlg::rsa_pss_sha256);
  if (!detail::bssl::rsa_pss_verify_digest(k, HashAlg::sha256, hash(HashAlg::sha256, msg), sig, salt_len)) {
    bad_signature();
  }
}

}  // namespace nacre
