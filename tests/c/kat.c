/* Known-answer tests through the C ABI, compiled as C99: every vector in the hash and HMAC data
 * files, on every backend that implements it. Usage: nacre_c_kat VECTORS_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nacre.h"

#define MAX_FIELD 4096

typedef struct {
  char alg[32];
  uint8_t key[MAX_FIELD], msg[MAX_FIELD], expect[MAX_FIELD];
  size_t key_len, msg_len, expect_len;
  int has_key;
} vector;

static int failures = 0;
static int checks = 0;

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Test-side hex reader: the library's own codecs are not part of the C ABI. */
static int unhex(const char *s, uint8_t *out, size_t *len) {
  size_t n = strlen(s);
  size_t i;
  if (n % 2 != 0 || n / 2 > MAX_FIELD) return 0;
  for (i = 0; i < n / 2; i++) {
    int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
    if (hi < 0 || lo < 0) return 0;
    out[i] = (uint8_t)(hi * 16 + lo);
  }
  *len = n / 2;
  return 1;
}

/* The vector files use the library's names. */
static int alg_number(const char *name) { return nacre_hash_from_name(name); }

static void expect(int ok, const char *file, const vector *v, int backend, const char *what) {
  checks++;
  if (!ok) {
    failures++;
    fprintf(stderr, "FAIL %s %s backend %d: %s\n", file, v->alg, backend, what);
  }
}

static void run_vector(const char *file, const vector *v, int hmac) {
  uint8_t out[MAX_FIELD];
  size_t out_len = 0;
  int alg = alg_number(v->alg);
  int b;
  if (alg == 0) {
    expect(0, file, v, 0, "unknown algorithm");
    return;
  }
  if (alg == NACRE_HASH_BLAKE2B) {
    int rc = nacre_blake2b(out, v->expect_len, v->key, v->key_len, v->msg, v->msg_len);
    expect(rc == NACRE_OK && memcmp(out, v->expect, v->expect_len) == 0, file, v, 0, "blake2b");
    return;
  }
  if (!hmac && nacre_hash_digest_len(alg) == 0) {
    int rc = nacre_xof(alg, out, v->expect_len, v->msg, v->msg_len);
    expect(rc == NACRE_OK && memcmp(out, v->expect, v->expect_len) == 0, file, v, 0, "xof");
    return;
  }
  for (b = NACRE_BACKEND_BORINGSSL; b <= NACRE_BACKEND_SODIUM; b++) {
    int rc;
    if (hmac) {
      if (nacre_hmac_is_available(alg, b) != NACRE_OK) continue;
      rc = nacre_hmac(alg, b, out, sizeof out, &out_len, v->key, v->key_len, v->msg, v->msg_len);
      /* A shorter expected MAC is a truncated tag: compare the prefix. */
      expect(rc == NACRE_OK && out_len >= v->expect_len &&
                 memcmp(out, v->expect, v->expect_len) == 0,
             file, v, b, "hmac");
    } else {
      if (nacre_hash_is_available(alg, b) != NACRE_OK) continue;
      rc = nacre_hash(alg, b, out, sizeof out, &out_len, v->msg, v->msg_len);
      expect(rc == NACRE_OK && out_len == v->expect_len &&
                 memcmp(out, v->expect, v->expect_len) == 0,
             file, v, b, "hash");
    }
  }
}

static void run_file(const char *dir, const char *name, int hmac) {
  static char line[2 * MAX_FIELD + 64];
  static vector v;
  char path[1024];
  FILE *f;
  int have = 0;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  f = fopen(path, "r");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    failures++;
    return;
  }
  memset(&v, 0, sizeof v);
  for (;;) {
    char *got = fgets(line, sizeof line, f);
    char *colon, *value;
    size_t n;
    if (got != NULL) {
      n = strlen(line);
      while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    }
    if (got == NULL || line[0] == '\0') {
      if (have) run_vector(name, &v, hmac);
      memset(&v, 0, sizeof v);
      have = 0;
      if (got == NULL) break;
      continue;
    }
    if (line[0] == '#') continue;
    colon = strchr(line, ':');
    if (colon == NULL) continue;
    *colon = '\0';
    value = colon + 1;
    if (*value == ' ') value++;
    have = 1;
    if (strcmp(line, "ALG") == 0) {
      strncpy(v.alg, value, sizeof v.alg - 1);
    } else if (strcmp(line, "KEY") == 0) {
      v.has_key = unhex(value, v.key, &v.key_len);
    } else if (strcmp(line, "MSG") == 0) {
      if (!unhex(value, v.msg, &v.msg_len)) failures++;
    } else if (strcmp(line, "MD") == 0 || strcmp(line, "MAC") == 0) {
      if (!unhex(value, v.expect, &v.expect_len)) failures++;
    }
  }
  fclose(f);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "tests/vectors";
  run_file(dir, "sha2.txt", 0);
  run_file(dir, "sha3.txt", 0);
  run_file(dir, "sha1_md5.txt", 0);
  run_file(dir, "blake2b.txt", 0);
  run_file(dir, "hmac.txt", 1);
  printf("nacre C99 KATs: %d passed, %d failed\n", checks - failures, failures);
  return failures == 0 && checks > 150 ? EXIT_SUCCESS : EXIT_FAILURE;
}
