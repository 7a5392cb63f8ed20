/* SHA-256 of a string through nacre's C ABI, with proper error handling. */
#include <stdio.h>
#include <string.h>

#include <nacre.h>

int main(int argc, char **argv) {
  const char *text = argc > 1 ? argv[1] : "abc";
  uint8_t digest[32];
  size_t len = 0;
  size_t i;
  int rc = nacre_hash(NACRE_HASH_SHA256, NACRE_BACKEND_AUTOMATIC, digest, sizeof digest, &len,
                      (const uint8_t *)text, strlen(text));
  if (rc != NACRE_OK) {
    fprintf(stderr, "nacre_hash: %s\n", nacre_status_name(rc));
    return 1;
  }
  for (i = 0; i < len; i++) printf("%02x", digest[i]);
  printf("  sha256(\"%s\") via nacre %s\n", text, nacre_version_string());
  return 0;
}
