// Signatures: parameter checks (key, hash, salt), hashing, the Ed25519 verification policy, and
// backend choice. Named algorithms (SigAlg) are fixed parameter sets over the same code.
#include "nacre/signature.hpp"

#include <algorithm>
#include <string>

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
    {SigAlg::ecdsa_p521_sha512, KeyType::p521, "ecdsa-p521-sha512", SigScheme::ecdsa_der, HashAlg::sha512},
    {SigAlg::ecdsa_p521_sha512_p1363, KeyType::p521, "ecdsa-p521-sha512-p1363", SigScheme::ecdsa_p1363,
     HashAlg::sha512},
};
static_assert(in_enum_order(kAlgs), "kAlgs must list SigAlg in order from 1");

bool is_ecdsa(SigScheme s) { return s == SigScheme::ecdsa_der || s == SigScheme::ecdsa_p1363; }
bool is_rsa(SigScheme s) { return s == SigScheme::rsa_pss || s == SigScheme::rsa_pkcs1; }

std::size_t scalar_size(KeyType curve) { return key_type_info(curve).raw_private_size; }

// A SigParams checked against a key, with the hash filled in.
struct Resolved {
  SigScheme scheme;
  HashAlg hash;
  int salt;
};

HashAlg default_hash(KeyType type) {
  switch (type) {
    case KeyType::p384: return HashAlg::sha384;
    case KeyType::p521: return HashAlg::sha512;
    default: return HashAlg::sha256;  // P-256, RSA
  }
}

bool ecdsa_takes(HashAlg h) {
  return h == HashAlg::sha224 || h == HashAlg::sha256 || h == HashAlg::sha384 || h == HashAlg::sha512 ||
         h == HashAlg::sha512_256 || h == HashAlg::sha3_256 || h == HashAlg::sha3_512;
}
bool rsa_takes(HashAlg h) {
  return h == HashAlg::sha224 || h == HashAlg::sha256 || h == HashAlg::sha384 || h == HashAlg::sha512;
}

void check_key(const Key &key, SigScheme s) {
  const KeyType t = key.type();
  const bool fits = s == SigScheme::eddsa ? t == KeyType::ed25519 : is_ecdsa(s) ? key_type_is_ec(t) : t == KeyType::rsa;
  if (!fits) {
    throw Error(Status::invalid_key, std::string("a ") + std::string(key_type_name(t)) +
                                         " key does not fit the signature scheme");
  }
}

Resolved resolve(const Key &key, const SigParams &p, bool signing) {
  const int s = static_cast<int>(p.scheme);
  if (s < static_cast<int>(SigScheme::eddsa) || s > static_cast<int>(SigScheme::rsa_pkcs1)) {
    throw_unknown("unknown signature scheme", s);
  }
  check_key(key, p.scheme);
  if (p.scheme != SigScheme::rsa_pss && p.pss_salt != 0) {
    throw Error(Status::invalid_argument, "a salt length is for RSA-PSS only");
  }
  if (p.scheme == SigScheme::eddsa) {
    if (p.hash) throw Error(Status::invalid_argument, "Ed25519 takes no hash (it hashes with SHA-512 itself)");
    return {p.scheme, HashAlg::sha512, 0};
  }
  const HashAlg h = hash_info(p.hash.value_or(default_hash(key.type()))).alg;
  if (is_ecdsa(p.scheme) && !ecdsa_takes(h)) {
    throw Error(Status::unsupported, "ECDSA takes SHA-224/256/384/512, SHA-512/256 or SHA3-256/512, not " +
                                         std::string(hash_name(h)));
  }
  if (is_rsa(p.scheme) && !rsa_takes(h)) {
    throw Error(Status::unsupported, "RSA signatures take SHA-224/256/384/512, not " + std::string(hash_name(h)));
  }
  if (p.scheme == SigScheme::rsa_pss) {
    if (p.pss_salt < pss_salt_auto) throw Error(Status::invalid_argument, "unknown PSS salt length");
    if (signing && p.pss_salt == pss_salt_auto) {
      throw Error(Status::invalid_argument, "an automatic PSS salt length is for verifying; sign with a length");
    }
  }
  return {p.scheme, h, p.pss_salt};
}

Backend scheme_backend(SigScheme scheme, Backend backend) {
  if (backend != Backend::automatic && backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  // Ed25519 runs on both (libsodium by default: a tie in bench/layers_pk.cpp, and its checks are
  // nacre's policy); the rest on BoringSSL.
  if (scheme == SigScheme::eddsa) return backend == Backend::automatic ? Backend::sodium : backend;
  if (backend == Backend::sodium) throw Error(Status::unsupported, "libsodium has no such signature");
  return Backend::boringssl;
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

std::size_t max_size(const Key &key, SigScheme scheme) {
  const KeyParts &k = key.parts();
  switch (scheme) {
    case SigScheme::eddsa: return 64;
    case SigScheme::ecdsa_p1363: return 2 * scalar_size(k.type);
    case SigScheme::ecdsa_der: return detail::bssl::ecdsa_der_max_size(k.type);
    default: return detail::bssl::rsa_modulus_size(k);
  }
}

// Signs |digest| (of r.hash's length, checked) under an ECDSA or RSA scheme.
std::size_t sign_checked_digest(MutableByteView out, const Key &key, const Resolved &r, ByteView digest) {
  const KeyParts &k = key.parts();
  if (!k.has_private) throw Error(Status::invalid_argument, "signing needs a private key");
  const std::size_t cap = max_size(key, r.scheme);
  if (out.size() < cap) throw_size_error(Status::buffer_too_small, "signature buffer", cap, out.size());
  Bytes sig;
  switch (r.scheme) {
    case SigScheme::ecdsa_p1363: {
      const std::size_t n = 2 * scalar_size(k.type);
      if (!detail::bssl::ecdsa_der_to_p1363(detail::bssl::ecdsa_sign_digest(k, digest), out.first(n))) {
        throw Error(Status::internal, "ECDSA signature conversion failed");
      }
      return n;
    }
    case SigScheme::ecdsa_der: sig = detail::bssl::ecdsa_sign_digest(k, digest); break;
    case SigScheme::rsa_pss: sig = detail::bssl::rsa_pss_sign_digest(k, r.hash, digest, r.salt); break;
    default: sig = detail::bssl::rsa_pkcs1_sign_digest(k, r.hash, digest); break;
  }
  std::copy(sig.begin(), sig.end(), out.begin());
  return sig.size();
}

bool verify_checked_digest(const Key &key, const Resolved &r, ByteView sig, ByteView digest) {
  const KeyParts &k = key.parts();
  switch (r.scheme) {
    case SigScheme::ecdsa_p1363: {
      Bytes der;
      return sig.size() == 2 * scalar_size(k.type) && detail::bssl::ecdsa_p1363_to_der(sig, der) &&
             detail::bssl::ecdsa_verify_digest(k, digest, der);
    }
    case SigScheme::ecdsa_der: return detail::bssl::ecdsa_verify_digest(k, digest, sig);
    case SigScheme::rsa_pss: return detail::bssl::rsa_pss_verify_digest(k, r.hash, digest, sig, r.salt);
    default: return detail::bssl::rsa_pkcs1_verify_digest(k, r.hash, digest, sig);
  }
}

Resolved resolve_digest(const Key &key, const SigParams &params, bool signing, ByteView digest) {
  const Resolved r = resolve(key, params, signing);
  if (r.scheme == SigScheme::eddsa) throw Error(Status::unsupported, "Ed25519 signs messages, not digests");
  if (digest.size() != digest_size(r.hash)) {
    throw_size_error(Status::invalid_argument, "digest (the hash's length)", digest_size(r.hash), digest.size());
  }
  return r;
}

}  // namespace

Backend signature_resolve_backend(SigAlg alg, Backend backend) { return scheme_backend(sig_info(alg).scheme, backend); }

std::span<const SigInfo> sig_algorithms() noexcept { return kAlgs; }

const SigInfo &sig_info(SigAlg alg) { return detail::entry(sig_algorithms(), alg, "unknown signature algorithm"); }

std::optional<SigAlg> sig_from_name(std::string_view name) noexcept {
  return descriptor_from_name(sig_algorithms(), name);
}

SigParams sig_params(SigAlg alg, bool for_verify) {
  const SigInfo &i = sig_info(alg);
  SigParams p{i.scheme, std::nullopt, 0};
  if (i.scheme != SigScheme::eddsa) p.hash = i.hash;
  if (i.scheme == SigScheme::rsa_pss) p.pss_salt = for_verify ? pss_salt_auto : static_cast<int>(rsa_pss_default_salt);
  return p;
}

// A named algorithm also fixes the key type (rsa-pss-sha256 takes any RSA key; ecdsa-p256-sha256
// only a P-256 key).
namespace {
SigParams named(const Key &key, SigAlg alg, bool for_verify) {
  if (key.type() != sig_key_type(alg)) {
    throw Error(Status::invalid_key, "key type does not fit the signature algorithm");
  }
  return sig_params(alg, for_verify);
}
}  // namespace

std::size_t signature_max_size(const Key &key, const SigParams &params) {
  return max_size(key, resolve(key, params, false).scheme);
}
std::size_t signature_max_size(const Key &key, SigAlg alg) { return signature_max_size(key, named(key, alg, false)); }

std::size_t sign_digest_into(MutableByteView out, const Key &key, const SigParams &params, ByteView digest) {
  return sign_checked_digest(out, key, resolve_digest(key, params, true, digest), digest);
}

std::size_t sign_into(MutableByteView out, const Key &key, const SigParams &params, ByteView msg, Backend backend) {
  const Resolved r = resolve(key, params, true);
  const Backend b = scheme_backend(r.scheme, backend);
  if (r.scheme != SigScheme::eddsa) return sign_checked_digest(out, key, r, hash(r.hash, msg));
  const KeyParts &k = key.parts();
  if (!k.has_private) throw Error(Status::invalid_argument, "signing needs a private key");
  if (out.size() < 64) throw Error(Status::buffer_too_small, "signature buffer too small");
  if (b == Backend::sodium) {
    detail::sodium::ed25519_sign(k.priv.view(), msg, out.first(64));
  } else {
    detail::bssl::ed25519_sign(k.priv.view(), msg, out.first(64));
  }
  return 64;
}

Bytes sign(const Key &key, const SigParams &params, ByteView msg, Backend backend) {
  Bytes out(signature_max_size(key, params));
  out.resize(sign_into(out, key, params, msg, backend));
  return out;
}

void verify_digest(const Key &key, const SigParams &params, ByteView sig, ByteView digest) {
  if (!verify_checked_digest(key, resolve_digest(key, params, false, digest), sig, digest)) bad_signature();
}

void verify(const Key &key, const SigParams &params, ByteView sig, ByteView msg, Backend backend) {
  const Resolved r = resolve(key, params, false);
  const Backend b = scheme_backend(r.scheme, backend);
  if (r.scheme != SigScheme::eddsa) {
    if (!verify_checked_digest(key, r, sig, hash(r.hash, msg))) bad_signature();
    return;
  }
  if (!ed25519_policy_holds(sig)) bad_signature();
  const KeyParts &k = key.parts();
  const bool ok = b == Backend::sodium ? detail::sodium::ed25519_verify(k.pub, msg, sig)
                                       : detail::bssl::ed25519_verify(k.pub, msg, sig);
  if (!ok) bad_signature();
}

std::size_t sign_into(MutableByteView out, const Key &key, SigAlg alg, ByteView msg, Backend backend) {
  return sign_into(out, key, named(key, alg, false), msg, backend);
}
Bytes sign(const Key &key, SigAlg alg, ByteView msg, Backend backend) {
  return sign(key, named(key, alg, false), msg, backend);
}
void verify(const Key &key, SigAlg alg, ByteView sig, ByteView msg, Backend backend) {
  verify(key, named(key, alg, true), sig, msg, backend);
}
std::size_t sign_digest_into(MutableByteView out, const Key &key, SigAlg alg, ByteView digest) {
  return sign_digest_into(out, key, named(key, alg, false), digest);
}
void verify_digest(const Key &key, SigAlg alg, ByteView sig, ByteView digest) {
  verify_digest(key, named(key, alg, true), sig, digest);
}

void rsa_pss_verify(const Key &key, ByteView sig, ByteView msg, std::size_t salt_len) {
  if (salt_len > 65536) bad_signature();  // longer than any key nacre takes
  verify(key, SigParams{SigScheme::rsa_pss, HashAlg::sha256, static_cast<int>(salt_len)}, sig, msg);
}

}  // namespace nacre
