// The C ABI's enum numbers are the C++ API's: checked here at compile time, so that a value
// changed on one side only does not build. Nothing in this file is compiled into code.
#include "nacre.h"
#include "nacre/nacre.hpp"

namespace {

// NACRE_SAME(Enum, cxx, C): the C++ enumerator and the C one are the same number.
#define NACRE_SAME(E, cxx, c) \
  static_assert(static_cast<int>(nacre::E::cxx) == (c), #c " differs from nacre::" #E "::" #cxx)


NACRE_SAME(Status, ok, NACRE_OK);
NACRE_SAME(Status, invalid_argument, NACRE_ERR_INVALID_ARGUMENT);
NACRE_SAME(Status, buffer_too_small, NACRE_ERR_BUFFER_TOO_SMALL);
NACRE_SAME(Status, verification_failed, NACRE_ERR_VERIFICATION_FAILED);
NACRE_SAME(Status, invalid_key, NACRE_ERR_INVALID_KEY);
NACRE_SAME(Status, unsupported, NACRE_ERR_UNSUPPORTED);
NACRE_SAME(Status, invalid_handle, NACRE_ERR_INVALID_HANDLE);
NACRE_SAME(Status, out_of_memory, NACRE_ERR_OUT_OF_MEMORY);
NACRE_SAME(Status, internal, NACRE_ERR_INTERNAL);

NACRE_SAME(KeyWrapMode, rfc3394, NACRE_KEYWRAP_RFC3394);
NACRE_SAME(KeyWrapMode, rfc5649, NACRE_KEYWRAP_RFC5649);
static_assert(nacre::kKeyWrapOverhead == NACRE_KEYWRAP_OVERHEAD);

NACRE_SAME(Backend, automatic, NACRE_BACKEND_AUTOMATIC);
NACRE_SAME(Backend, boringssl, NACRE_BACKEND_BORINGSSL);
NACRE_SAME(Backend, sodium, NACRE_BACKEND_SODIUM);

NACRE_SAME(HashAlg, sha256, NACRE_HASH_SHA256);
NACRE_SAME(HashAlg, sha384, NACRE_HASH_SHA384);
NACRE_SAME(HashAlg, sha512, NACRE_HASH_SHA512);
NACRE_SAME(HashAlg, sha512_256, NACRE_HASH_SHA512_256);
NACRE_SAME(HashAlg, sha3_256, NACRE_HASH_SHA3_256);
NACRE_SAME(HashAlg, sha3_512, NACRE_HASH_SHA3_512);
NACRE_SAME(HashAlg, blake2b, NACRE_HASH_BLAKE2B);
NACRE_SAME(HashAlg, shake128, NACRE_HASH_SHAKE128);
NACRE_SAME(HashAlg, shake256, NACRE_HASH_SHAKE256);
NACRE_SAME(HashAlg, sha224, NACRE_HASH_SHA224);
NACRE_SAME(HashAlg, sha1, NACRE_HASH_SHA1);
NACRE_SAME(HashAlg, md5, NACRE_HASH_MD5);

NACRE_SAME(AeadAlg, aes128_gcm, NACRE_AEAD_AES_128_GCM);
NACRE_SAME(AeadAlg, aes256_gcm, NACRE_AEAD_AES_256_GCM);
NACRE_SAME(AeadAlg, aes128_gcm_siv, NACRE_AEAD_AES_128_GCM_SIV);
NACRE_SAME(AeadAlg, aes256_gcm_siv, NACRE_AEAD_AES_256_GCM_SIV);
NACRE_SAME(AeadAlg, chacha20_poly1305, NACRE_AEAD_CHACHA20_POLY1305);
NACRE_SAME(AeadAlg, xchacha20_poly1305, NACRE_AEAD_XCHACHA20_POLY1305);
NACRE_SAME(AeadAlg, aegis128l, NACRE_AEAD_AEGIS_128L);
NACRE_SAME(AeadAlg, aegis256, NACRE_AEAD_AEGIS_256);
NACRE_SAME(AeadAlg, aes192_gcm, NACRE_AEAD_AES_192_GCM);

NACRE_SAME(StreamTag, message, NACRE_SECRETSTREAM_TAG_MESSAGE);
NACRE_SAME(StreamTag, push, NACRE_SECRETSTREAM_TAG_PUSH);
NACRE_SAME(StreamTag, rekey, NACRE_SECRETSTREAM_TAG_REKEY);
NACRE_SAME(StreamTag, final, NACRE_SECRETSTREAM_TAG_FINAL);

NACRE_SAME(PwhashAlg, argon2id, NACRE_PWHASH_ARGON2ID);
NACRE_SAME(PwhashAlg, argon2i, NACRE_PWHASH_ARGON2I);
NACRE_SAME(PwhashAlg, scrypt, NACRE_PWHASH_SCRYPT);

NACRE_SAME(PwhashPreset, interactive, NACRE_PWHASH_INTERACTIVE);
NACRE_SAME(PwhashPreset, moderate, NACRE_PWHASH_MODERATE);
NACRE_SAME(PwhashPreset, sensitive, NACRE_PWHASH_SENSITIVE);

NACRE_SAME(KeyType, x25519, NACRE_KEY_X25519);
NACRE_SAME(KeyType, ed25519, NACRE_KEY_ED25519);
NACRE_SAME(KeyType, p256, NACRE_KEY_P256);
NACRE_SAME(KeyType, p384, NACRE_KEY_P384);
NACRE_SAME(KeyType, p521, NACRE_KEY_P521);
NACRE_SAME(KeyType, rsa, NACRE_KEY_RSA);
NACRE_SAME(KeyType, mlkem768, NACRE_KEY_MLKEM768);
NACRE_SAME(KeyType, xwing, NACRE_KEY_XWING);

NACRE_SAME(KeyFormat, pkcs1_private_der, NACRE_KEY_FORMAT_PKCS1_PRIVATE_DER);
NACRE_SAME(KeyFormat, pkcs1_private_pem, NACRE_KEY_FORMAT_PKCS1_PRIVATE_PEM);
NACRE_SAME(KeyFormat, sec1_private_der, NACRE_KEY_FORMAT_SEC1_PRIVATE_DER);
NACRE_SAME(KeyFormat, sec1_private_pem, NACRE_KEY_FORMAT_SEC1_PRIVATE_PEM);
NACRE_SAME(KeyFormat, pkcs1_public_der, NACRE_KEY_FORMAT_PKCS1_PUBLIC_DER);
NACRE_SAME(KeyFormat, pkcs1_public_pem, NACRE_KEY_FORMAT_PKCS1_PUBLIC_PEM);
NACRE_SAME(KeyFormat, encrypted_pkcs8_der, NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_DER);
NACRE_SAME(KeyFormat, encrypted_pkcs8_pem, NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_PEM);
static_assert(nacre::kDefaultPbkdf2Iterations == NACRE_KEY_DEFAULT_PBKDF2_ITERATIONS);
NACRE_SAME(KeyFormat, raw_private, NACRE_KEY_FORMAT_RAW_PRIVATE);
NACRE_SAME(KeyFormat, raw_public, NACRE_KEY_FORMAT_RAW_PUBLIC);
NACRE_SAME(KeyFormat, pkcs8_der, NACRE_KEY_FORMAT_PKCS8_DER);
NACRE_SAME(KeyFormat, pkcs8_pem, NACRE_KEY_FORMAT_PKCS8_PEM);
NACRE_SAME(KeyFormat, spki_der, NACRE_KEY_FORMAT_SPKI_DER);
NACRE_SAME(KeyFormat, spki_pem, NACRE_KEY_FORMAT_SPKI_PEM);
NACRE_SAME(KeyFormat, sec1_uncompressed, NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED);
NACRE_SAME(KeyFormat, sec1_compressed, NACRE_KEY_FORMAT_SEC1_COMPRESSED);
NACRE_SAME(KeyFormat, mlkem_expanded_private, NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE);

NACRE_SAME(SigScheme, eddsa, NACRE_SIG_SCHEME_ED25519);
NACRE_SAME(SigScheme, ecdsa_der, NACRE_SIG_SCHEME_ECDSA_DER);
NACRE_SAME(SigScheme, ecdsa_p1363, NACRE_SIG_SCHEME_ECDSA_P1363);
NACRE_SAME(SigScheme, rsa_pss, NACRE_SIG_SCHEME_RSA_PSS);
NACRE_SAME(SigScheme, rsa_pkcs1, NACRE_SIG_SCHEME_RSA_PKCS1);
static_assert(nacre::pss_salt_digest == NACRE_PSS_SALT_DIGEST && nacre::pss_salt_max == NACRE_PSS_SALT_MAX &&
              nacre::pss_salt_auto == NACRE_PSS_SALT_AUTO);
NACRE_SAME(SigAlg, ed25519, NACRE_SIG_ED25519);
NACRE_SAME(SigAlg, ecdsa_p256_sha256, NACRE_SIG_ECDSA_P256_SHA256);
NACRE_SAME(SigAlg, ecdsa_p256_sha256_p1363, NACRE_SIG_ECDSA_P256_SHA256_P1363);
NACRE_SAME(SigAlg, ecdsa_p384_sha384, NACRE_SIG_ECDSA_P384_SHA384);
NACRE_SAME(SigAlg, ecdsa_p384_sha384_p1363, NACRE_SIG_ECDSA_P384_SHA384_P1363);
NACRE_SAME(SigAlg, rsa_pss_sha256, NACRE_SIG_RSA_PSS_SHA256);
NACRE_SAME(SigAlg, rsa_pkcs1_sha256, NACRE_SIG_RSA_PKCS1_SHA256);
NACRE_SAME(SigAlg, ecdsa_p521_sha512, NACRE_SIG_ECDSA_P521_SHA512);
NACRE_SAME(SigAlg, ecdsa_p521_sha512_p1363, NACRE_SIG_ECDSA_P521_SHA512_P1363);

NACRE_SAME(HpkeSuite, x25519_sha256_aes128gcm, NACRE_HPKE_X25519_SHA256_AES128GCM);
NACRE_SAME(HpkeSuite, x25519_sha256_aes256gcm, NACRE_HPKE_X25519_SHA256_AES256GCM);
NACRE_SAME(HpkeSuite, x25519_sha256_chacha20poly1305, NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305);

#undef NACRE_SAME

namespace age_values = nacre::age;
static_assert(static_cast<int>(age_values::Failure::header) == NACRE_AGE_FAILURE_HEADER);
static_assert(static_cast<int>(age_values::Failure::header_mac) == NACRE_AGE_FAILURE_HEADER_MAC);
static_assert(static_cast<int>(age_values::Failure::no_identity) == NACRE_AGE_FAILURE_NO_IDENTITY);
static_assert(static_cast<int>(age_values::Failure::payload) == NACRE_AGE_FAILURE_PAYLOAD);
static_assert(static_cast<int>(age_values::Failure::armor) == NACRE_AGE_FAILURE_ARMOR);
static_assert(static_cast<int>(age_values::Format::detect) == NACRE_AGE_FORMAT_DETECT);
static_assert(static_cast<int>(age_values::Format::binary) == NACRE_AGE_FORMAT_BINARY);
static_assert(static_cast<int>(age_values::Format::armored) == NACRE_AGE_FORMAT_ARMORED);
static_assert(age_values::kFileKeySize == NACRE_AGE_FILE_KEY_LEN);
static_assert(age_values::kChunkSize == NACRE_AGE_CHUNK_LEN);
static_assert(age_values::kDefaultWorkFactor == NACRE_AGE_DEFAULT_WORK_FACTOR);
static_assert(age_values::kMaxWorkFactor == NACRE_AGE_MAX_WORK_FACTOR);
static_assert(nacre::minisign::kKeyIdSize == NACRE_MINISIGN_KEY_ID_LEN);

}  // namespace

static_assert(nacre::kBlake2bMinDigest == NACRE_BLAKE2B_MIN_DIGEST_LEN);
static_assert(nacre::kBlake2bMaxDigest == NACRE_BLAKE2B_MAX_DIGEST_LEN);
static_assert(nacre::kBlake2bMaxKey == NACRE_BLAKE2B_MAX_KEY_LEN);
static_assert(nacre::kBlake2bSaltMax == NACRE_BLAKE2B_MAX_SALT_LEN);
static_assert(nacre::kBlake2bPersonMax == NACRE_BLAKE2B_MAX_PERSON_LEN);
