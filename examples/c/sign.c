/* Ed25519 signatures and X25519 key agreement through nacre's C ABI. Every call is checked:
 * a C caller learns why something failed from nacre_status_name. */
#include <stdio.h>
#include <string.h>

#include <nacre.h>

#define CHECK(call)                                                           \
  do {                                                                        \
    int rc_ = (call);                                                         \
    if (rc_ != NACRE_OK) {                                                    \
      fprintf(stderr, "%s: %s\n", #call, nacre_status_name(rc_));             \
      goto done;                                                              \
    }                                                                         \
  } while (0)

int main(void) {
  static const char msg[] = "signed by nacre";
  nacre_key *signer = NULL, *verifier = NULL, *alice = NULL, *bob = NULL, *bob_pub = NULL;
  uint8_t sig[64], pem[256], secret[32];
  size_t sig_len = 0, pem_len = 0, secret_len = 0;
  int status = 1, rc;

  CHECK(nacre_key_generate(&signer, NACRE_KEY_ED25519, 0));
  CHECK(nacre_sign(signer, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, sig, sizeof sig, &sig_len,
                   (const uint8_t *)msg, strlen(msg)));
  /* The public key travels as SubjectPublicKeyInfo PEM and is read back. */
  CHECK(nacre_key_export(signer, NACRE_KEY_FORMAT_SPKI_PEM, pem, sizeof pem, &pem_len));
  printf("%.*s", (int)pem_len, (const char *)pem);
  CHECK(nacre_key_import(&verifier, 0, NACRE_KEY_FORMAT_SPKI_PEM, pem, pem_len));
  CHECK(nacre_verify(verifier, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, sig, sig_len,
                     (const uint8_t *)msg, strlen(msg)));
  printf("ed25519 signature: verify ok\n");
  sig[0] ^= 1;
  rc = nacre_verify(verifier, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, sig, sig_len,
                    (const uint8_t *)msg, strlen(msg));
  printf("altered signature: %s\n", nacre_status_name(rc));
  if (rc != NACRE_ERR_VERIFICATION_FAILED) goto done;

  CHECK(nacre_key_generate(&alice, NACRE_KEY_X25519, 0));
  CHECK(nacre_key_generate(&bob, NACRE_KEY_X25519, 0));
  CHECK(nacre_key_public(bob, &bob_pub));
  CHECK(nacre_key_agree(alice, bob_pub, NACRE_BACKEND_AUTOMATIC, secret, sizeof secret, &secret_len));
  printf("x25519 shared secret: %zu bytes (hash it with a KDF before use)\n", secret_len);
  status = 0;
done:
  nacre_key_free(signer);
  nacre_key_free(verifier);
  nacre_key_free(alice);
  nacre_key_free(bob);
  nacre_key_free(bob_pub);
  return status;
}
