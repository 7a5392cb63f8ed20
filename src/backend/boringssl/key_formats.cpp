// BoringSSL adapter for the other key encodings pyca/cryptography and OpenSSL write: PKCS#1
// RSAPrivateKey and RSAPublicKey, RFC 5915 ECPrivateKey ("traditional" forms), and encrypted
// PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo with PBES2, RFC 8018).
#include <openssl/aes.h>
#include <openssl/bytestring.h>
#include <openssl/cipher.h>
#include <openssl/ec_key.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/pkcs8.h>
#include <openssl/rsa.h>

#include <climits>

#include "check.hpp"
#include "evp_key.hpp"

namespace nacre::detail::bssl {
namespace {

// DER contents of the object identifiers of RFC 8018 and NIST's AES-256-CBC.
constexpr std::uint8_t kPbes2[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d};
constexpr std::uint8_t kPbkdf2[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0c};
constexpr std::uint8_t kHmacSha256[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x09};
constexpr std::uint8_t kAes256Cbc[] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01, 0x2a};
constexpr std::size_t kSaltSize = 16;  // pbes2_salt_size in pkey_adapters.hpp

void require_consumed(const CBS &cbs, const char *what) {
  if (CBS_len(&cbs) != 0) fail(Status::invalid_key, what);
}

::bssl::UniquePtr<EVP_PKEY> evp_of_rsa(RSA *rsa) {
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_PKEY_new());
  if (!pkey || !EVP_PKEY_set1_RSA(pkey.get(), rsa)) fail(Status::out_of_memory, "EVP_PKEY");
  return pkey;
}

const char *chars(ByteView password) noexcept { return reinterpret_cast<const char *>(password.data()); }

bool add_oid(CBB *parent, ByteView oid) {
  CBB child;
  return CBB_add_asn1(parent, &child, CBS_ASN1_OBJECT) && CBB_add_bytes(&child, oid.data(), oid.size()) &&
         CBB_flush(parent);
}

bool add_octets(CBB *parent, ByteView bytes) {
  CBB child;
  return CBB_add_asn1(parent, &child, CBS_ASN1_OCTETSTRING) && CBB_add_bytes(&child, bytes.data(), bytes.size()) &&
         CBB_flush(parent);
}

// AES-256-CBC with PKCS#7 padding, RFC 8018's encryption scheme for PBES2.
Bytes aes256_cbc_encrypt(ByteView key, ByteView iv, ByteView in) {
  ::bssl::ScopedEVP_CIPHER_CTX ctx;
  Bytes out(in.size() + AES_BLOCK_SIZE);
  int n = 0, tail = 0;
  if (in.size() > static_cast<std::size_t>(INT_MAX) - AES_BLOCK_SIZE ||
      !EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv.data()) ||
      !EVP_EncryptUpdate(ctx.get(), out.data(), &n, in.data(), static_cast<int>(in.size())) ||
      !EVP_EncryptFinal_ex(ctx.get(), out.data() + n, &tail)) {
    fail(Status::internal, "AES-256-CBC");
  }
  out.resize(static_cast<std::size_t>(n) + static_cast<std::size_t>(tail));
  return out;
}

}  // namespace

namespace {
// A PKCS#1 structure read by |parse| (RSA_parse_private_key runs RSA_check_key).
KeyParts parse_pkcs1(ByteView der, RSA *(*parse)(CBS *), bool has_private, const char *malformed) {
  CBS cbs;
  CBS_init(&cbs, der.data(), der.size());
  const ::bssl::UniquePtr<RSA> rsa(parse(&cbs));
  if (!rsa) fail(Status::invalid_key, malformed);
  require_consumed(cbs, "trailing bytes after the PKCS#1 structure");
  return evp_parts(evp_of_rsa(rsa.get()), has_private);
}
}  // namespace

KeyParts parse_pkcs1_private(ByteView der) {
  return parse_pkcs1(der, RSA_parse_private_key, true, "not a PKCS#1 RSAPrivateKey (RFC 8017 A.1.2)");
}

KeyParts parse_pkcs1_public(ByteView der) {
  return parse_pkcs1(der, RSA_parse_public_key, false, "not a PKCS#1 RSAPublicKey (RFC 8017 A.1.1)");
}

KeyParts parse_sec1_private(ByteView der) {
  CBS cbs;
  CBS_init(&cbs, der.data(), der.size());
  // Without a group, the ECPrivateKey must name its curve; the point is checked against d.
  const ::bssl::UniquePtr<EC_KEY> ec(EC_KEY_parse_private_key(&cbs, nullptr));
  if (!ec) {
    const std::uint32_t e = ERR_peek_last_error();
    if (ERR_GET_LIB(e) == ERR_LIB_EC && ERR_GET_REASON(e) == EC_R_UNKNOWN_GROUP) {
      fail(Status::unsupported, "ECPrivateKey on a curve nacre does not offer");
    }
    fail(Status::invalid_key, "not an RFC 5915 ECPrivateKey with a named curve");
  }
  require_consumed(cbs, "trailing bytes after the ECPrivateKey");
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_PKEY_new());
  if (!pkey || !EVP_PKEY_set1_EC_KEY(pkey.get(), ec.get())) fail(Status::out_of_memory, "EVP_PKEY");
  return evp_parts(std::move(pkey), true);
}

SecretBytes pkcs1_private(const KeyParts &key) {
  ::bssl::ScopedCBB cbb;
  if (!CBB_init(cbb.get(), 0) || !RSA_marshal_private_key(cbb.get(), rsa_of(key))) {
    fail(Status::internal, "PKCS#1 encoding");
  }
  return cbb_to_secret(cbb.get());
}

Bytes pkcs1_public(const KeyParts &key) {
  ::bssl::ScopedCBB cbb;
  if (!CBB_init(cbb.get(), 0) || !RSA_marshal_public_key(cbb.get(), rsa_of(key))) {
    fail(Status::internal, "PKCS#1 encoding");
  }
  return cbb_to_bytes(cbb.get());
}

SecretBytes sec1_private(const KeyParts &key) {
  ::bssl::ScopedCBB cbb;
  // Parameters and public key included, as OpenSSL and pyca write them.
  if (!CBB_init(cbb.get(), 0) || !EC_KEY_marshal_private_key(cbb.get(), ec_private_of(key), 0)) {
    fail(Status::internal, "ECPrivateKey encoding");
  }
  return cbb_to_secret(cbb.get());
}

// Whether |der| is shaped as an EncryptedPrivateKeyInfo (RFC 5958: an AlgorithmIdentifier and an
// OCTET STRING, nothing after). When it is, any failure but an unsupported scheme is the password
// or the data: a wrong password passes the CBC padding check one time in about 256, and then
// fails later, on the decrypted bytes.
bool shaped_as_encrypted_pkcs8(ByteView der) {
  CBS in, info, alg, data;
  CBS_init(&in, der.data(), der.size());
  return CBS_get_asn1(&in, &info, CBS_ASN1_SEQUENCE) && CBS_len(&in) == 0 &&
         CBS_get_asn1(&info, &alg, CBS_ASN1_SEQUENCE) && CBS_get_asn1(&info, &data, CBS_ASN1_OCTETSTRING) &&
         CBS_len(&info) == 0;
}

KeyParts parse_encrypted_pkcs8(ByteView der, ByteView password) {
  CBS cbs;
  CBS_init(&cbs, der.data(), der.size());
  ::bssl::UniquePtr<EVP_PKEY> pkey(PKCS8_parse_encrypted_private_key(&cbs, chars(password), password.size()));
  if (!pkey) {
    bool unsupported = false;
    while (const std::uint32_t e = ERR_get_error()) {
      if (ERR_GET_LIB(e) == ERR_LIB_PKCS8) {
        const int r = ERR_GET_REASON(e);
        unsupported = unsupported || r == PKCS8_R_UNKNOWN_ALGORITHM || r == PKCS8_R_UNKNOWN_CIPHER ||
                      r == PKCS8_R_UNSUPPORTED_CIPHER || r == PKCS8_R_UNSUPPORTED_KEY_DERIVATION_FUNCTION ||
                      r == PKCS8_R_UNSUPPORTED_PRF || r == PKCS8_R_UNSUPPORTED_KEYLENGTH ||
                      r == PKCS8_R_UNSUPPORTED_SALT_TYPE || r == PKCS8_R_UNKNOWN_HASH;
      }
    }
    if (unsupported) {
      fail(Status::unsupported,
           "encrypted PKCS#8 with a scheme nacre does not read (scrypt, or a cipher other than AES-CBC); "
           "nacre reads PBES2 with PBKDF2 (HMAC-SHA1 or HMAC-SHA256) and AES-128/192/256-CBC");
    }
    fail(Status::invalid_key, shaped_as_encrypted_pkcs8(der) ? "encrypted PKCS#8: the password is wrong, or the data is corrupt"
                                                             : "not an encrypted PKCS#8 EncryptedPrivateKeyInfo");
  }
  require_consumed(cbs, "trailing bytes after the encrypted PKCS#8");
  switch (EVP_PKEY_id(pkey.get())) {
    case EVP_PKEY_EC:
    case EVP_PKEY_RSA: return evp_parts(std::move(pkey), true);
    default: {
      // X25519/Ed25519: nacre keeps them as raw bytes; go through their plain PKCS#8.
      ::bssl::ScopedCBB cbb;
      if (!CBB_init(cbb.get(), 0) || !EVP_marshal_private_key(cbb.get(), pkey.get())) {
        fail(Status::unsupported, "key algorithm");
      }
      return parse_pkcs8(cbb_to_secret(cbb.get()).view());
    }
  }
}

SecretBytes encrypted_pkcs8(ByteView pkcs8_der, ByteView password, std::uint32_t iterations, ByteView salt,
                            ByteView iv, bool size_only) {
  // PBES2 (RFC 8018 6.2) with PBKDF2-HMAC-SHA256 and AES-256-CBC, as pyca/cryptography writes:
  // BoringSSL's own writer fixes the PRF at HMAC-SHA1.
  if (salt.size() != kSaltSize || iv.size() != AES_BLOCK_SIZE) throw Error(Status::internal, "PBES2 salt or IV size");
  SecretBytes key(32);  // zeros when only the size is wanted: the output is then thrown away
  if (!size_only) {
    check(PKCS5_PBKDF2_HMAC(chars(password), password.size(), salt.data(), salt.size(), iterations, EVP_sha256(),
                          key.size(), key.data()),
        "PBKDF2");
  }
  const Bytes sealed = aes256_cbc_encrypt(key.view(), iv, pkcs8_der);
  ::bssl::ScopedCBB cbb;
  CBB info, alg, params, kdf, kdf_params, prf, null, scheme;
  if (!CBB_init(cbb.get(), 0) || !CBB_add_asn1(cbb.get(), &info, CBS_ASN1_SEQUENCE) ||
      !CBB_add_asn1(&info, &alg, CBS_ASN1_SEQUENCE) || !add_oid(&alg, kPbes2) ||
      !CBB_add_asn1(&alg, &params, CBS_ASN1_SEQUENCE) || !CBB_add_asn1(&params, &kdf, CBS_ASN1_SEQUENCE) ||
      !add_oid(&kdf, kPbkdf2) || !CBB_add_asn1(&kdf, &kdf_params, CBS_ASN1_SEQUENCE) ||
      !add_octets(&kdf_params, salt) || !CBB_add_asn1_uint64(&kdf_params, iterations) ||
      !CBB_add_asn1(&kdf_params, &prf, CBS_ASN1_SEQUENCE) || !add_oid(&prf, kHmacSha256) ||
      !CBB_add_asn1(&prf, &null, CBS_ASN1_NULL) || !CBB_add_asn1(&params, &scheme, CBS_ASN1_SEQUENCE) ||
      !add_oid(&scheme, kAes256Cbc) || !add_octets(&scheme, iv) || !add_octets(&info, sealed)) {
    fail(Status::internal, "encrypted PKCS#8 encoding");
  }
  return cbb_to_secret(cbb.get());
}

}  // namespace nacre::detail::bssl
