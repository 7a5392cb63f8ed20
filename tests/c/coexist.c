/* nacre and OpenSSL's libcrypto.so.3 in one process. nacre's BoringSSL is linked statically with
 * hidden symbols, so neither library's calls can bind to the other's same-named functions. */
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/opensslv.h>

#include "nacre.h"

int main(void) {
  static const unsigned char msg[] = "abc";
  /* FIPS 180-4's example digest of "abc". */
  static const unsigned char want[32] = {
      0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
      0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  unsigned char ossl[32], ours[32], ossl_mac[64], our_mac[64];
  unsigned int ossl_len = 0, mac_len = 0;
  size_t our_len = 0;
  int failures = 0;
  int b;

  /* Equal digests cannot tell which library answered; the version can: BoringSSL's copy of this
   * function says "BoringSSL", so a call that bound across would show here. */
  if (strncmp(OpenSSL_version(OPENSSL_VERSION), "OpenSSL 3", 9) != 0 ||
      OpenSSL_version_num() != OPENSSL_VERSION_NUMBER) {
    fprintf(stderr, "FAIL: OpenSSL's calls bound to another library (%s)\n",
            OpenSSL_version(OPENSSL_VERSION));
    failures++;
  }
  if (EVP_Digest(msg, 3, ossl, &ossl_len, EVP_sha256(), NULL) != 1 || ossl_len != 32 ||
      memcmp(ossl, want, 32) != 0) {
    fprintf(stderr, "FAIL: OpenSSL's SHA-256\n");
    failures++;
  }
  for (b = NACRE_BACKEND_BORINGSSL; b <= NACRE_BACKEND_SODIUM; b++) {
    if (nacre_hash(NACRE_HASH_SHA256, b, ours, sizeof ours, &our_len, msg, 3) != NACRE_OK ||
        memcmp(ours, want, 32) != 0) {
      fprintf(stderr, "FAIL: nacre's SHA-256 on backend %d\n", b);
      failures++;
    }
  }
  /* Interleave again, HMAC this time: each library must still answer for itself. */
  if (HMAC(EVP_sha512(), "key", 3, msg, 3, ossl_mac, &mac_len) == NULL ||
      nacre_hmac(NACRE_HASH_SHA512, NACRE_BACKEND_BORINGSSL, our_mac, sizeof our_mac, &our_len,
                 (const uint8_t *)"key", 3, msg, 3) != NACRE_OK ||
      mac_len != 64 || our_len != 64 || memcmp(ossl_mac, our_mac, 64) != 0) {
    fprintf(stderr, "FAIL: HMAC-SHA512 differs between OpenSSL and nacre\n");
    failures++;
  }
  printf("%s and nacre %s in one process: %s\n", OPENSSL_VERSION_TEXT, nacre_version_string(),
         failures == 0 ? "both correct" : "MISMATCH");
  return failures == 0 ? 0 : 1;
}
