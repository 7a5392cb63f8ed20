// BoringSSL adapter for ECDSA (P-256, P-384, P-521) and RSA signatures over caller-computed digests,
// and the DER <-> IEEE P1363 forms of ECDSA signatures.
#include <openssl/bn.h>
#include <openssl/digest.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/mem.h>
#include <openssl/nid.h>
#include <openssl/rsa.h>

#include <algorithm>

#include "check.hpp"
#include "evp_key.hpp"
#include "evp_md.hpp"

namespace nacre::detail::bssl {
namespace {

const EVP_MD *rsa_md(HashAlg hash) { return evp_md_or_throw(hash, "RSA signature hash"); }

const EVP_MD *checked_md(HashAlg hash, ByteView digest) {
  const EVP_MD *md = rsa_md(hash);
  if (digest.size() != EVP_MD_size(md)) throw Error(Status::invalid_argument, "digest size");
  return md;
}

// A verdict, not an error: the queue must not keep the reasons of a rejected signature.
bool verdict(bool ok) noexcept {
  if (!ok) ERR_clear_error();
  return ok;
}

Bytes der_of(const ECDSA_SIG *sig) {
  std::uint8_t *buf = nullptr;
  std::size_t len = 0;
  check(ECDSA_SIG_to_bytes(&buf, &len, sig), "ECDSA signature encoding");
  const ::bssl::UniquePtr<std::uint8_t> owned(buf);
  const ByteView der(buf, len);
  return Bytes(der.begin(), der.end());
}

}  // namespace

Bytes ecdsa_sign_digest(const KeyParts &key, ByteView digest) {
  const EC_KEY *ec = ec_private_of(key);
  const ::bssl::UniquePtr<ECDSA_SIG> sig(ECDSA_do_sign(digest.data(), digest.size(), ec));
  if (!sig) fail(Status::internal, "ECDSA sign");
  return der_of(sig.get());
}

bool ecdsa_verify_digest(const KeyParts &key, ByteView digest, ByteView der) {
  const EC_KEY *ec = ec_of(key);
  // ECDSA_SIG_from_bytes is strict DER (minimal integers and lengths, nothing after).
  const ::bssl::UniquePtr<ECDSA_SIG> sig(ECDSA_SIG_from_bytes(der.data(), der.size()));
  return verdict(sig && ECDSA_do_verify(digest.data(), digest.size(), sig.get(), ec) == 1);
}

std::size_t ecdsa_der_max_size(KeyType curve) { return ECDSA_SIG_max_len(curve_size(curve)); }

bool ecdsa_der_to_p1363(ByteView der, MutableByteView out) {
  const std::size_t half = out.size() / 2;
  const ::bssl::UniquePtr<ECDSA_SIG> sig(ECDSA_SIG_from_bytes(der.data(), der.size()));
  const BIGNUM *r = nullptr;
  const BIGNUM *s = nullptr;
  if (sig) ECDSA_SIG_get0(sig.get(), &r, &s);
  // BN_bn2bin_padded fails when a value needs more than |half| bytes.
  const bool ok = half != 0 && out.size() % 2 == 0 && sig &&
                  BN_bn2bin_padded(out.data(), half, r) == 1 &&
                  BN_bn2bin_padded(out.subspan(half).data(), half, s) == 1;
  if (!ok) std::fill(out.begin(), out.end(), std::uint8_t{0});
  return verdict(ok);
}

bool ecdsa_p1363_to_der(ByteView rs, Bytes &der) {
  if (rs.empty() || rs.size() % 2 != 0) return false;
  const std::size_t half = rs.size() / 2;
  const ::bssl::UniquePtr<ECDSA_SIG> sig(ECDSA_SIG_new());
  ::bssl::UniquePtr<BIGNUM> r(BN_bin2bn(rs.data(), half, nullptr));
  ::bssl::UniquePtr<BIGNUM> s(BN_bin2bn(rs.subspan(half).data(), half, nullptr));
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
    fail(Status::out_of_memory, "ECDSA signature");
  }
  (void)r.release();  // owned by |sig| now
  (void)s.release();
  der = der_of(sig.get());
  return true;
}

// The longest salt |rsa| takes with |md| (RFC 8017 9.1.1: emLen - hLen - 2, where emLen drops a
// byte when the modulus is one bit past a byte boundary), as BoringSSL computes it for -2.
long pss_max_salt(const RSA *rsa, const EVP_MD *md) {
  const unsigned bits = BN_num_bits(RSA_get0_n(rsa));
  const long em_len = static_cast<long>(RSA_size(rsa)) - ((bits - 1) % 8 == 0 ? 1 : 0);
  return em_len - static_cast<long>(EVP_MD_size(md)) - 2;
}

Bytes rsa_pss_sign_digest(const KeyParts &key, HashAlg hash, ByteView digest, int salt) {
  RSA *rsa = rsa_of(key);
  if (RSA_get0_d(rsa) == nullptr) throw Error(Status::invalid_argument, "RSA private key required");
  const EVP_MD *md = checked_md(hash, digest);
  const long max = pss_max_salt(rsa, md);
  const long effective = salt == -1 ? static_cast<long>(EVP_MD_size(md)) : salt == -2 ? max : salt;
  if (max < 0 || effective > max) throw Error(Status::invalid_argument, "PSS salt too long for the key and hash");
  // nacre's pss_salt_digest (-1) and pss_salt_max (-2) are BoringSSL's own -1 and -2 here.
  Bytes out(RSA_size(rsa));
  std::size_t len = 0;
  check(RSA_sign_pss_mgf1(rsa, &len, out.data(), out.size(), digest.data(), digest.size(), md, md, salt),
        "RSA-PSS sign");
  out.resize(len);
  return out;
}

bool rsa_pss_verify_digest(const KeyParts &key, HashAlg hash, ByteView digest, ByteView sig, int salt) {
  RSA *rsa = rsa_of(key);
  const EVP_MD *md = checked_md(hash, digest);
  // BoringSSL: a length is enforced exactly, -1 means the hash's length, -2 any length.
  int want = salt;
  if (salt == -2) {  // nacre's pss_salt_max: exactly the longest
    const long max = pss_max_salt(rsa, md);
    if (max < 0) return false;
    want = static_cast<int>(max);
  } else if (salt == -3) {  // nacre's pss_salt_auto
    want = -2;
  }
  return verdict(RSA_verify_pss_mgf1(rsa, digest.data(), digest.size(), md, md, want, sig.data(), sig.size()) == 1);
}

Bytes rsa_pkcs1_sign_digest(const KeyParts &key, HashAlg hash, ByteView digest) {
  RSA *rsa = rsa_of(key);
  if (RSA_get0_d(rsa) == nullptr) throw Error(Status::invalid_argument, "RSA private key required");
  const int nid = EVP_MD_type(checked_md(hash, digest));
  Bytes out(RSA_size(rsa));
  unsigned len = 0;
  check(RSA_sign(nid, digest.data(), digest.size(), out.data(), &len, rsa), "RSA PKCS#1 v1.5 sign");
  out.resize(len);
  return out;
}

bool rsa_pkcs1_verify_digest(const KeyParts &key, HashAlg hash, ByteView digest, ByteView sig) {
  RSA *rsa = rsa_of(key);
  const int nid = EVP_MD_type(rsa_md(hash));
  checked_md(hash, digest);
  return verdict(RSA_verify(nid, digest.data(), digest.size(), sig.data(), sig.size(), rsa) == 1);
}

}  // namespace nacre::detail::bssl
