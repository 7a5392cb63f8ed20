// BoringSSL adapter for P-256/P-384/P-521 and RSA keys: generation, raw and SEC1 forms, checks.
#include <openssl/bn.h>
#include <openssl/bytestring.h>
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/nid.h>
#include <openssl/rsa.h>

#include <string>

#include "check.hpp"
#include "evp_key.hpp"

namespace nacre::detail::bssl {
namespace {

// Private scalars pass through a BIGNUM: clear it, not just free it.
struct BnClear {
  void operator()(BIGNUM *bn) const noexcept { BN_clear_free(bn); }
};
using SecretBn = std::unique_ptr<BIGNUM, BnClear>;

bool is_ec(KeyType type) noexcept { return key_type_is_ec(type); }

Bytes point_bytes(const EC_GROUP *group, const EC_POINT *point, point_conversion_form_t form) {
  const std::size_t len = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  if (len == 0) fail(Status::invalid_key, "EC point encoding");
  Bytes out(len);
  if (EC_POINT_point2oct(group, point, form, out.data(), out.size(), nullptr) != len) {
    fail(Status::internal, "EC point encoding");
  }
  return out;
}

::bssl::UniquePtr<EC_KEY> new_ec(KeyType curve) {
  ::bssl::UniquePtr<EC_KEY> ec(EC_KEY_new_by_curve_name(curve_nid(curve)));
  if (!ec) fail(Status::out_of_memory, "EC_KEY");
  return ec;
}

::bssl::UniquePtr<EVP_PKEY> evp_of_ec(EC_KEY *ec) {
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_PKEY_new());
  if (!pkey || !EVP_PKEY_set1_EC_KEY(pkey.get(), ec)) fail(Status::out_of_memory, "EVP_PKEY");
  return pkey;
}

// For keys this file built itself: their public point is known to be valid.
KeyParts ec_parts(::bssl::UniquePtr<EVP_PKEY> pkey, KeyType curve, bool has_private) {
  const EC_KEY *ec = EVP_PKEY_get0_EC_KEY(pkey.get());
  KeyParts parts;
  parts.type = curve;
  parts.has_private = has_private;
  parts.bits = key_type_info(curve).bits;  // 521 for P-521, not 8 * 66
  parts.pub = point_bytes(EC_KEY_get0_group(ec), EC_KEY_get0_public_key(ec),
                          POINT_CONVERSION_UNCOMPRESSED);
  parts.evp = wrap(std::move(pkey));
  return parts;
}

KeyParts rsa_parts(::bssl::UniquePtr<EVP_PKEY> pkey, bool has_private) {
  const RSA *rsa = EVP_PKEY_get0_RSA(pkey.get());
  const unsigned bits = RSA_bits(rsa);
  // 1024 to 2047 bits pass here for Key::import_legacy_rsa_public; Key's checks refuse them
  // everywhere else.
  if (bits < 1024 || bits > 4096 || bits % 8 != 0) {
    ERR_clear_error();
    throw Error(Status::invalid_key, "an RSA key of " + std::to_string(bits) +
                                         " bits: nacre takes 2048 to 4096 bits, a multiple of 8 (below 2048, "
                                         "factoring is within reach)");
  }
  // BoringSSL's parsers ran RSA_check_key (e odd, 2 to 33 bits; a key pair's parts agree); an
  // even modulus would only fail later, inside Montgomery setup.
  if (!BN_is_odd(RSA_get0_n(rsa))) fail(Status::invalid_key, "RSA modulus is even");
  if (has_private && RSA_get0_d(rsa) == nullptr) fail(Status::invalid_key, "RSA private key");
  KeyParts parts;
  parts.type = KeyType::rsa;
  parts.has_private = has_private;
  parts.bits = bits;
  ::bssl::ScopedCBB cbb;
  if (!CBB_init(cbb.get(), 0) || !EVP_marshal_public_key(cbb.get(), pkey.get())) {
    fail(Status::internal, "SPKI encoding");
  }
  parts.pub = cbb_to_bytes(cbb.get());
  parts.evp = wrap(std::move(pkey));
  return parts;
}

}  // namespace

int curve_nid(KeyType curve) {
  if (curve == KeyType::p256) return NID_X9_62_prime256v1;
  if (curve == KeyType::p384) return NID_secp384r1;
  if (curve == KeyType::p521) return NID_secp521r1;
  throw Error(Status::unsupported, "not a NIST curve nacre offers");
}

std::size_t curve_size(KeyType curve) {
  if (curve == KeyType::p256) return 32;
  if (curve == KeyType::p384) return 48;
  if (curve == KeyType::p521) return 66;
  throw Error(Status::unsupported, "not a NIST curve nacre offers");
}

EC_KEY *ec_of(const KeyParts &key) {
  if (!is_ec(key.type) || !key.evp || !key.evp->pkey) {
    throw Error(Status::invalid_key, "not an EC key");
  }
  EC_KEY *ec = EVP_PKEY_get0_EC_KEY(key.evp->pkey.get());
  if (ec == nullptr) fail(Status::invalid_key, "not an EC key");
  return ec;
}

EC_KEY *ec_private_of(const KeyParts &key) {
  EC_KEY *ec = ec_of(key);
  if (EC_KEY_get0_private_key(ec) == nullptr) {
    throw Error(Status::invalid_argument, "EC private key required");
  }
  return ec;
}

RSA *rsa_of(const KeyParts &key) {
  if (key.type != KeyType::rsa || !key.evp || !key.evp->pkey) {
    throw Error(Status::invalid_key, "not an RSA key");
  }
  RSA *rsa = EVP_PKEY_get0_RSA(key.evp->pkey.get());
  if (rsa == nullptr) fail(Status::invalid_key, "not an RSA key");
  return rsa;
}

KeyParts evp_parts(::bssl::UniquePtr<EVP_PKEY> pkey, bool has_private) {
  if (EVP_PKEY_id(pkey.get()) == EVP_PKEY_RSA) return rsa_parts(std::move(pkey), has_private);
  if (EVP_PKEY_id(pkey.get()) != EVP_PKEY_EC) fail(Status::unsupported, "key algorithm");
  EC_KEY *ec = EVP_PKEY_get0_EC_KEY(pkey.get());
  const EC_GROUP *group = EC_KEY_get0_group(ec);
  // BoringSSL remembers how a parsed key was written (public key absent, point compressed) and
  // writes it back that way; one key has one encoding in nacre, so reset both to the default.
  EC_KEY_set_enc_flags(ec, 0);
  EC_KEY_set_conv_form(ec, POINT_CONVERSION_UNCOMPRESSED);
  KeyType curve{};
  switch (group == nullptr ? NID_undef : EC_GROUP_get_curve_name(group)) {
    case NID_X9_62_prime256v1: curve = KeyType::p256; break;
    case NID_secp384r1: curve = KeyType::p384; break;
    case NID_secp521r1: curve = KeyType::p521; break;
    default: fail(Status::unsupported, "EC curve");
  }
  const EC_POINT *pub = EC_KEY_get0_public_key(ec);
  if (pub == nullptr || EC_POINT_is_at_infinity(group, pub)) {
    fail(Status::invalid_key, "EC public key");
  }
  // EC_KEY_check_key (d*G equals the stored point) already ran inside EC_KEY_parse_private_key,
  // the only way a private EC key arrives here; again would double a P-384 import (0.57 ms each).
  if (has_private && EC_KEY_get0_private_key(ec) == nullptr) {
    fail(Status::invalid_key, "EC private key missing");
  }
  return ec_parts(std::move(pkey), curve, has_private);
}

KeyParts ec_generate(KeyType curve) {
  const auto ec = new_ec(curve);
  check(EC_KEY_generate_key(ec.get()), "EC key generation");
  return ec_parts(evp_of_ec(ec.get()), curve, true);
}

KeyParts ec_from_scalar(KeyType curve, ByteView scalar) {
  if (scalar.size() != curve_size(curve)) throw Error(Status::invalid_key, "EC scalar size");
  const auto ec = new_ec(curve);
  const EC_GROUP *group = EC_KEY_get0_group(ec.get());
  const SecretBn d(BN_bin2bn(scalar.data(), scalar.size(), nullptr));
  if (!d) fail(Status::out_of_memory, "BIGNUM");
  // EC_KEY_set_private_key checks d < n without branching on d; zero is ours to refuse.
  if (BN_is_zero(d.get()) || EC_KEY_set_private_key(ec.get(), d.get()) != 1) {
    fail(Status::invalid_key, "EC scalar out of range");
  }
  const ::bssl::UniquePtr<EC_POINT> pub(EC_POINT_new(group));
  if (!pub || EC_POINT_mul(group, pub.get(), d.get(), nullptr, nullptr, nullptr) != 1 ||
      EC_KEY_set_public_key(ec.get(), pub.get()) != 1) {
    fail(Status::internal, "EC public key");
  }
  return ec_parts(evp_of_ec(ec.get()), curve, true);
}

KeyParts ec_from_point(KeyType curve, ByteView sec1) {
  // EC_POINT_oct2point refuses these too; named here so the reason is plain.
  if (sec1.empty() || sec1[0] == 0x00) fail(Status::invalid_key, "EC point at infinity");
  if (sec1[0] == 0x06 || sec1[0] == 0x07) fail(Status::invalid_key, "hybrid EC point encoding");
  const auto ec = new_ec(curve);
  const EC_GROUP *group = EC_KEY_get0_group(ec.get());
  const ::bssl::UniquePtr<EC_POINT> point(EC_POINT_new(group));
  if (!point) fail(Status::out_of_memory, "EC_POINT");
  if (EC_POINT_oct2point(group, point.get(), sec1.data(), sec1.size(), nullptr) != 1 ||
      EC_POINT_is_at_infinity(group, point.get()) ||
      EC_KEY_set_public_key(ec.get(), point.get()) != 1) {
    fail(Status::invalid_key, "EC point not on the curve or malformed");
  }
  return ec_parts(evp_of_ec(ec.get()), curve, false);
}

Bytes ec_point(const KeyParts &key, bool compressed) {
  const EC_KEY *ec = ec_of(key);
  return point_bytes(EC_KEY_get0_group(ec), EC_KEY_get0_public_key(ec),
                     compressed ? POINT_CONVERSION_COMPRESSED : POINT_CONVERSION_UNCOMPRESSED);
}

SecretBytes ec_scalar(const KeyParts &key) {
  const EC_KEY *ec = ec_private_of(key);
  SecretBytes out(curve_size(key.type));
  check(BN_bn2bin_padded(out.data(), out.size(), EC_KEY_get0_private_key(ec)), "EC scalar");
  return out;
}

KeyParts rsa_generate(std::size_t bits) {
  if (bits != 2048 && bits != 3072 && bits != 4096) {
    throw Error(Status::invalid_argument, "RSA size must be 2048, 3072 or 4096 bits");
  }
  const ::bssl::UniquePtr<RSA> rsa(RSA_new());
  const ::bssl::UniquePtr<BIGNUM> e(BN_new());
  if (!rsa || !e || !BN_set_word(e.get(), RSA_F4)) fail(Status::out_of_memory, "RSA");
  check(RSA_generate_key_ex(rsa.get(), static_cast<int>(bits), e.get(), nullptr),
        "RSA key generation");
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_PKEY_new());
  if (!pkey || !EVP_PKEY_set1_RSA(pkey.get(), rsa.get())) fail(Status::out_of_memory, "EVP_PKEY");
  return rsa_parts(std::move(pkey), true);
}

std::size_t rsa_modulus_size(const KeyParts &key) { return RSA_size(rsa_of(key)); }

}  // namespace nacre::detail::bssl
