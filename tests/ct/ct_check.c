/* ct_check: constant-time checks of nacre's C ABI under valgrind memcheck (the ctgrind technique).
 *
 * Technique
 * ---------
 * Memcheck tracks, for every bit of memory and of every register, whether it is "defined". It
 * reports a conditional jump or move whose condition depends on an undefined value ("Conditional
 * jump or move depends on uninitialised value(s)") and a memory access whose address does ("Use
 * of uninitialised value of size 8"). Those are exactly the two ways a secret usually leaks
 * through timing: a secret-dependent branch and a secret-dependent table index. So:
 *
 *   - right before each call, the secret inputs are marked undefined
 *     (VALGRIND_MAKE_MEM_UNDEFINED); undefinedness then follows every value computed from them,
 *     through nacre, BoringSSL and libsodium;
 *   - right after each call, its outputs (status, lengths, handles, output buffers) are marked
 *     defined (VALGRIND_MAKE_MEM_DEFINED): the caller is entitled to them, and this program only
 *     looks at them afterwards. The program itself never branches on a secret;
 *   - any report that remains is a place where the library branched on, or indexed memory with,
 *     a secret-derived value.
 *
 * Outside valgrind the client requests cost nothing and the program is an ordinary functional
 * test (it checks every result). Under valgrind, tests/ct/CMakeLists.txt runs it with
 * --error-exitcode=1 and tests/ct/backend_not_ct.supp, which lists the backend paths that are
 * variable time by design (each with its reason) and, in a separate section, the decisions in
 * nacre's own code that are public by design. Limits of the technique: memcheck sees branches and
 * addresses only, not variable-latency instructions (division, some multiplications), and it
 * sees the machine code of this build, on the CPU features valgrind emulates (AES-NI, PCLMUL and
 * AVX2, not AVX-512), so other code paths of the backends are not covered.
 *
 * Operations checked (each with two fresh random secrets; the results are checked too):
 *   - nacre_constant_time_equal on two secret buffers, equal and unequal (first and last byte);
 *   - nacre_hmac_verify and nacre_hmac_ctx_new/update/verify with a secret key (32 bytes, and
 *     200 bytes so that the key is hashed first), the right tag and a wrong tag: HMAC-SHA256 and
 *     HMAC-SHA512 on both backends, HMAC-SHA384 on BoringSSL;
 *   - nacre_aead_key_new from a secret key, then nacre_aead_open with the right tag and a wrong
 *     one: AES-256-GCM and ChaCha20-Poly1305 on both backends, AEGIS-128L (libsodium);
 *   - X25519: nacre_key_import of a secret raw private key, nacre_key_agree on both backends
 *     (the two results and the peer's view must agree);
 *   - Ed25519: nacre_key_import of a secret seed, nacre_sign on both backends (the signatures
 *     must be equal and verify);
 *   - ML-KEM-768: nacre_kem_decapsulate of a valid and of an altered ciphertext (implicit
 *     rejection), first with a key imported from a secret seed (key generation included), then
 *     with the same key imported in its expanded FIPS 203 form with only its secret parts marked
 *     (dk_pke and z; ek and H(ek) are the public key).
 * Where an output is secret-derived (plaintext, shared secrets, signature) the program also
 * checks, with VALGRIND_GET_VBITS and without a report, that it is still secret before it is
 * declassified: proof that the marking reaches into the library and the run is not vacuous.
 * tests/ct/ct_check_cxx.cpp checks SecretBytes equality and nacre::constant_time_equal (C++ API).
 *
 * Findings (valgrind 3.19, release build, x86-64; every one is an entry of backend_not_ct.supp)
 * --------
 * No secret-dependent branch or memory index was found in nacre's own code beyond the decisions
 * below, which are public by design; none in SecretBytes equality or constant_time_equal.
 *   Backends, variable time by design:
 *   - BoringSSL AES-GCM and ChaCha20-Poly1305 open, libsodium AES-256-GCM, ChaCha20-Poly1305 and
 *     AEGIS-128L open: the final "is the tag valid" branch on a constant-time compare's result.
 *   - libsodium crypto_core_ed25519_is_valid_point on the Ed25519 public key, which nacre derives
 *     from the secret seed on import and then validates (a public key: no leak).
 *   - libsodium ML-KEM-768 gen_matrix (rejection sampling of A from rho), reached with rho
 *     derived from the secret seed; rho is public (part of ek). Not reported with the expanded
 *     key, whose rho is not marked.
 *   nacre decisions that are public by design (branches in nacre's code on a secret-derived
 *   value that is the operation's public result; nacre cannot declassify without valgrind):
 *   - capi/src/guard.hpp verdict(), in nacre_constant_time_equal, nacre_hmac_verify and
 *     nacre_hmac_ctx_verify: `ok ? NACRE_OK : fail(NACRE_ERR_VERIFICATION_FAILED, mismatch)`.
 *   - src/aead.cpp:157 AeadKey::open_into: `if (!impl_->open(...))`, for libsodium AES-256-GCM
 *     and AEGIS-128L, which return the tag comparison's result as a computed value.
 *   - src/backend/boringssl/curve25519.cpp:45 and src/backend/sodium/curve25519.cpp:66, x25519:
 *     the all-zero shared secret check (small-order peer: depends on the public peer key only).
 *   - src/keys.cpp:127 validate(), inlined into Key::import: the branch on the validity of the
 *     Ed25519 public key just derived from the secret seed.
 *   A run takes about 5 s under valgrind (ct_check) and 2 s (ct_check_cxx).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <valgrind/memcheck.h>

#include "nacre.h"

#define ITERATIONS 2

static int failures = 0;
static int checks = 0;

#define CHECK(cond, what)                                                        \
  do {                                                                           \
    checks++;                                                                    \
    if (!(cond)) {                                                               \
      failures++;                                                                \
      fprintf(stderr, "FAIL %s:%d: %s (%s)\n", __FILE__, __LINE__, what, #cond); \
    }                                                                            \
  } while (0)

/* secret marks |n| bytes at |p| as secret (undefined for memcheck); public_ marks them as public
 * again, the program's declassification of a result it is entitled to. */
static void secret(const void *p, size_t n) { (void)VALGRIND_MAKE_MEM_UNDEFINED(p, n); }
static void public_(const void *p, size_t n) { (void)VALGRIND_MAKE_MEM_DEFINED(p, n); }

/* A status is an output too: declassified before the program looks at it. */
static int public_rc(int rc) {
  public_(&rc, sizeof rc);
  return rc;
}

/* tainted checks, without a report, that |n| bytes at |p| are still secret for memcheck: an
 * output computed from a secret must be, or the marking does not reach the library and the
 * test proves nothing. Always true outside valgrind. */
static int tainted(const void *p, size_t n) {
  unsigned char vbits[64];
  size_t i;
  if (!RUNNING_ON_VALGRIND) return 1;
  if (n > sizeof vbits || VALGRIND_GET_VBITS(p, vbits, n) != 1) return 0;
  for (i = 0; i < n; i++) {
    if (vbits[i] == 0) return 0; /* a fully defined byte */
  }
  return 1;
}

static void random_fill(uint8_t *p, size_t n) {
  if (nacre_random_bytes(p, n) != NACRE_OK) {
    fprintf(stderr, "nacre_random_bytes failed\n");
    exit(2);
  }
}

static int all_zero(const uint8_t *p, size_t n) {
  uint8_t d = 0;
  size_t i;
  for (i = 0; i < n; i++) d |= p[i];
  return d == 0;
}

/* nacre_constant_time_equal on secret buffers. */
static void check_constant_time_equal(void) {
  uint8_t a[64], b[64];
  int it, rc;
  for (it = 0; it < ITERATIONS; it++) {
    random_fill(a, sizeof a);
    memcpy(b, a, sizeof b);
    secret(a, sizeof a);
    secret(b, sizeof b);
    rc = public_rc(nacre_constant_time_equal(a, b, sizeof a));
    CHECK(rc == NACRE_OK, "constant_time_equal: equal buffers");

    random_fill(a, sizeof a);
    memcpy(b, a, sizeof b);
    b[sizeof b - 1] ^= 0x80;
    secret(a, sizeof a);
    secret(b, sizeof b);
    rc = public_rc(nacre_constant_time_equal(a, b, sizeof a));
    CHECK(rc == NACRE_ERR_VERIFICATION_FAILED, "constant_time_equal: last byte differs");

    random_fill(a, sizeof a);
    memcpy(b, a, sizeof b);
    b[0] ^= 0x01;
    secret(a, sizeof a);
    secret(b, sizeof b);
    rc = public_rc(nacre_constant_time_equal(a, b, sizeof a));
    CHECK(rc == NACRE_ERR_VERIFICATION_FAILED, "constant_time_equal: first byte differs");
  }
}

/* HMAC verification with a secret key, one-shot and through a nacre_hmac_ctx. */
static void check_hmac(int alg, int backend, const char *name) {
  static const size_t key_lens[ITERATIONS] = {32, 200};
  uint8_t key[200], msg[100], tag[64], wrong[64];
  size_t tag_len = 0;
  int it, rc;
  if (nacre_hmac_is_available(alg, backend) != NACRE_OK) {
    printf("  skip %s: not available\n", name);
    return;
  }
  for (it = 0; it < ITERATIONS; it++) {
    const size_t klen = key_lens[it];
    nacre_hmac_ctx *ctx = NULL;
    random_fill(key, klen);
    random_fill(msg, sizeof msg);
    /* Setup, in the clear: the right tag, and a wrong one. */
    rc = nacre_hmac(alg, backend, tag, sizeof tag, &tag_len, key, klen, msg, sizeof msg);
    CHECK(rc == NACRE_OK, name);
    memcpy(wrong, tag, tag_len);
    wrong[tag_len / 2] ^= 0x04;

    secret(key, klen);
    rc = public_rc(nacre_hmac_verify(alg, backend, wrong, tag_len, key, klen, msg, sizeof msg));
    CHECK(rc == NACRE_ERR_VERIFICATION_FAILED, "hmac_verify: wrong tag");
    rc = public_rc(nacre_hmac_verify(alg, backend, tag, tag_len, key, klen, msg, sizeof msg));
    CHECK(rc == NACRE_OK, "hmac_verify: right tag");

    rc = public_rc(nacre_hmac_ctx_new(&ctx, alg, backend, key, klen));
    public_(&ctx, sizeof ctx);
    CHECK(rc == NACRE_OK, "hmac_ctx_new");
    if (rc != NACRE_OK) continue;
    rc = public_rc(nacre_hmac_ctx_update(ctx, msg, sizeof msg));
    CHECK(rc == NACRE_OK, "hmac_ctx_update");
    rc = public_rc(nacre_hmac_ctx_verify(ctx, wrong, tag_len));
    CHECK(rc == NACRE_ERR_VERIFICATION_FAILED, "hmac_ctx_verify: wrong tag");
    rc = public_rc(nacre_hmac_ctx_verify(ctx, tag, tag_len));
    CHECK(rc == NACRE_OK, "hmac_ctx_verify: right tag");
    nacre_hmac_ctx_free(ctx);
  }
  printf("  ok %s\n", name);
}

/* AEAD open with a key handle made from a secret key: the right tag, then a wrong one. */
static void check_aead(int alg, int backend, const char *name) {
  uint8_t key[32], nonce[32], msg[64], ad[16], ct[64 + 32], pt[64 + 32];
  const size_t klen = nacre_aead_key_len(alg), nlen = nacre_aead_nonce_len(alg);
  size_t ct_len = 0, pt_len = 0;
  int it, rc;
  if (nacre_aead_is_available(alg, backend) != NACRE_OK) {
    printf("  skip %s: not available on this CPU (as valgrind presents it)\n", name);
    return;
  }
  for (it = 0; it < ITERATIONS; it++) {
    nacre_aead_key *k = NULL;
    random_fill(key, klen);
    random_fill(nonce, nlen);
    random_fill(msg, sizeof msg);
    random_fill(ad, sizeof ad);
    /* Setup, in the clear: a ciphertext under the key. */
    rc = nacre_aead_seal_oneshot(alg, backend, key, klen, ct, sizeof ct, &ct_len, nonce, nlen, msg,
                                 sizeof msg, ad, sizeof ad);
    CHECK(rc == NACRE_OK, name);

    secret(key, klen);
    rc = public_rc(nacre_aead_key_new(&k, alg, backend, key, klen));
    public_(&k, sizeof k);
    CHECK(rc == NACRE_OK, "aead_key_new");
    if (rc != NACRE_OK) continue;

    rc = public_rc(nacre_aead_open(k, pt, sizeof pt, &pt_len, nonce, nlen, ct, ct_len, ad, sizeof ad));
    CHECK(tainted(pt, sizeof msg), "aead_open: the plaintext is secret-derived");
    public_(pt, sizeof pt);
    public_(&pt_len, sizeof pt_len);
    CHECK(rc == NACRE_OK && pt_len == sizeof msg && memcmp(pt, msg, sizeof msg) == 0,
          "aead_open: right tag");

    ct[ct_len - 1] ^= 0x10; /* the last byte of the tag */
    rc = public_rc(nacre_aead_open(k, pt, sizeof pt, &pt_len, nonce, nlen, ct, ct_len, ad, sizeof ad));
    public_(pt, sizeof pt);
    public_(&pt_len, sizeof pt_len);
    CHECK(rc == NACRE_ERR_VERIFICATION_FAILED && pt_len == 0 && all_zero(pt, sizeof pt),
          "aead_open: wrong tag");
    nacre_aead_key_free(k);
  }
  printf("  ok %s\n", name);
}

/* Public key |key| exported raw and imported again as a public-only handle. */
static nacre_key *public_handle(const nacre_key *key, int type, size_t len) {
  uint8_t pub[1216];
  size_t pub_len = 0;
  nacre_key *out = NULL;
  int rc = public_rc(nacre_key_export(key, NACRE_KEY_FORMAT_RAW_PUBLIC, pub, sizeof pub, &pub_len));
  public_(pub, sizeof pub); /* a public key is public, though derived from the secret */
  public_(&pub_len, sizeof pub_len);
  CHECK(rc == NACRE_OK && pub_len == len, "key_export raw public");
  rc = nacre_key_import(&out, type, NACRE_KEY_FORMAT_RAW_PUBLIC, pub, pub_len);
  CHECK(rc == NACRE_OK, "key_import raw public");
  return out;
}

/* X25519 with a secret private key, on both backends. */
static void check_x25519(void) {
  nacre_key *peer = NULL, *peer_pub = NULL;
  int it, rc = nacre_key_generate(&peer, NACRE_KEY_X25519, 0);
  CHECK(rc == NACRE_OK, "x25519 peer generate");
  peer_pub = public_handle(peer, NACRE_KEY_X25519, 32);
  for (it = 0; it < ITERATIONS; it++) {
    uint8_t scalar[32], ss_b[32], ss_s[32], ss_peer[32];
    size_t len_b = 0, len_s = 0, len_peer = 0;
    nacre_key *k = NULL, *k_pub = NULL;
    random_fill(scalar, sizeof scalar);
    secret(scalar, sizeof scalar);
    rc = public_rc(nacre_key_import(&k, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, scalar,
                                    sizeof scalar));
    public_(&k, sizeof k);
    CHECK(rc == NACRE_OK, "x25519 import secret scalar");
    if (rc != NACRE_OK) continue;

    rc = public_rc(nacre_key_agree(k, peer_pub, NACRE_BACKEND_BORINGSSL, ss_b, sizeof ss_b, &len_b));
    CHECK(tainted(ss_b, sizeof ss_b), "x25519: the shared secret is secret-derived");
    public_(ss_b, sizeof ss_b);
    public_(&len_b, sizeof len_b);
    CHECK(rc == NACRE_OK && len_b == 32, "x25519 agree boringssl");
    rc = public_rc(nacre_key_agree(k, peer_pub, NACRE_BACKEND_SODIUM, ss_s, sizeof ss_s, &len_s));
    public_(ss_s, sizeof ss_s);
    public_(&len_s, sizeof len_s);
    CHECK(rc == NACRE_OK && len_s == 32, "x25519 agree sodium");
    CHECK(memcmp(ss_b, ss_s, 32) == 0, "x25519: both backends agree");

    /* The peer's side, all public: the same secret. */
    k_pub = public_handle(k, NACRE_KEY_X25519, 32);
    rc = nacre_key_agree(peer, k_pub, NACRE_BACKEND_AUTOMATIC, ss_peer, sizeof ss_peer, &len_peer);
    CHECK(rc == NACRE_OK && memcmp(ss_peer, ss_b, 32) == 0, "x25519: the peer agrees");
    nacre_key_free(k_pub);
    nacre_key_free(k);
  }
  nacre_key_free(peer_pub);
  nacre_key_free(peer);
  printf("  ok x25519 (boringssl, sodium)\n");
}

/* Ed25519 signing with a secret seed, on both backends. */
static void check_ed25519(void) {
  int it, rc;
  for (it = 0; it < ITERATIONS; it++) {
    uint8_t seed[32], msg[77], sig_b[64], sig_s[64];
    size_t len_b = 0, len_s = 0;
    nacre_key *k = NULL, *k_pub = NULL;
    random_fill(seed, sizeof seed);
    random_fill(msg, sizeof msg);
    secret(seed, sizeof seed);
    rc = public_rc(nacre_key_import(&k, NACRE_KEY_ED25519, NACRE_KEY_FORMAT_RAW_PRIVATE, seed,
                                    sizeof seed));
    public_(&k, sizeof k);
    CHECK(rc == NACRE_OK, "ed25519 import secret seed");
    if (rc != NACRE_OK) continue;

    rc = public_rc(nacre_sign(k, NACRE_SIG_ED25519, NACRE_BACKEND_BORINGSSL, sig_b, sizeof sig_b,
                              &len_b, msg, sizeof msg));
    CHECK(tainted(sig_b, sizeof sig_b), "ed25519: the signature is secret-derived");
    public_(sig_b, sizeof sig_b);
    public_(&len_b, sizeof len_b);
    CHECK(rc == NACRE_OK && len_b == 64, "ed25519 sign boringssl");
    rc = public_rc(nacre_sign(k, NACRE_SIG_ED25519, NACRE_BACKEND_SODIUM, sig_s, sizeof sig_s,
                              &len_s, msg, sizeof msg));
    public_(sig_s, sizeof sig_s);
    public_(&len_s, sizeof len_s);
    CHECK(rc == NACRE_OK && len_s == 64, "ed25519 sign sodium");
    CHECK(memcmp(sig_b, sig_s, 64) == 0, "ed25519: both backends give the same signature");

    k_pub = public_handle(k, NACRE_KEY_ED25519, 32);
    rc = nacre_verify(k_pub, NACRE_SIG_ED25519, NACRE_BACKEND_AUTOMATIC, sig_b, 64, msg, sizeof msg);
    CHECK(rc == NACRE_OK, "ed25519: the signature verifies");
    nacre_key_free(k_pub);
    nacre_key_free(k);
  }
  printf("  ok ed25519 sign (boringssl, sodium)\n");
}

/* ML-KEM-768 decapsulation of |ct| (valid, shared secret |ss|) with |k|, then of |ct| altered. */
static void decapsulate_both(const nacre_key *k, uint8_t *ct, size_t ct_len, const uint8_t *ss,
                             size_t altered_at) {
  uint8_t ss_dec[32], ss_bad[32];
  size_t dec_len = 0, bad_len = 0;
  int rc = public_rc(nacre_kem_decapsulate(k, ss_dec, sizeof ss_dec, &dec_len, ct, ct_len));
  CHECK(tainted(ss_dec, sizeof ss_dec), "ml-kem: the shared secret is secret-derived");
  public_(ss_dec, sizeof ss_dec);
  public_(&dec_len, sizeof dec_len);
  CHECK(rc == NACRE_OK && dec_len == 32 && memcmp(ss_dec, ss, 32) == 0,
        "ml-kem decapsulate: valid ciphertext");

  ct[altered_at] ^= 0x01;
  rc = public_rc(nacre_kem_decapsulate(k, ss_bad, sizeof ss_bad, &bad_len, ct, ct_len));
  ct[altered_at] ^= 0x01;
  public_(ss_bad, sizeof ss_bad);
  public_(&bad_len, sizeof bad_len);
  CHECK(rc == NACRE_OK && bad_len == 32 && memcmp(ss_bad, ss, 32) != 0,
        "ml-kem decapsulate: altered ciphertext is rejected implicitly");
}

/* ML-KEM-768 decapsulation with a secret key made from a seed, valid and altered ciphertexts:
 * first with the whole seed secret (key generation and decapsulation; the public matrix
 * expansion is suppressed, see backend_not_ct.supp), then with the same key imported in its
 * expanded FIPS 203 form with exactly its secret parts secret, which needs no suppression. */
static void check_mlkem768(void) {
  /* FIPS 203 expanded decapsulation key: dk_pke (1152) || ek (1184) || H(ek) (32) || z (32). */
  enum { DK_LEN = 2400, DK_PKE_LEN = 1152, Z_OFFSET = 2368, CT_LEN = 1088 };
  int it, rc;
  for (it = 0; it < ITERATIONS; it++) {
    uint8_t seed[64], dk[DK_LEN], ct[CT_LEN], ss[32];
    size_t dk_len = 0, ct_len = 0, ss_len = 0;
    nacre_key *from_seed = NULL, *expanded = NULL, *k_pub = NULL;
    const size_t altered_at = it == 0 ? 0 : CT_LEN - 1; /* in the vector u, then in v */
    random_fill(seed, sizeof seed);
    secret(seed, sizeof seed);
    rc = public_rc(nacre_key_import(&from_seed, NACRE_KEY_MLKEM768, NACRE_KEY_FORMAT_RAW_PRIVATE,
                                    seed, sizeof seed));
    public_(&from_seed, sizeof from_seed);
    CHECK(rc == NACRE_OK, "ml-kem import secret seed");
    if (rc != NACRE_OK) continue;
    /* Setup: a ciphertext for the public key (public, though derived from the seed). */
    k_pub = public_handle(from_seed, NACRE_KEY_MLKEM768, 1184);
    rc = nacre_kem_encapsulate(k_pub, ct, sizeof ct, &ct_len, ss, sizeof ss, &ss_len);
    CHECK(rc == NACRE_OK && ct_len == CT_LEN && ss_len == 32, "ml-kem encapsulate");
    decapsulate_both(from_seed, ct, ct_len, ss, altered_at);

    /* The expanded key: only dk_pke and z are secret; ek and H(ek) are the public key. */
    rc = public_rc(nacre_key_export(from_seed, NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, dk,
                                    sizeof dk, &dk_len));
    public_(dk, sizeof dk);
    public_(&dk_len, sizeof dk_len);
    CHECK(rc == NACRE_OK && dk_len == DK_LEN, "ml-kem export expanded");
    secret(dk, DK_PKE_LEN);
    secret(dk + Z_OFFSET, DK_LEN - Z_OFFSET);
    rc = public_rc(nacre_key_import(&expanded, NACRE_KEY_MLKEM768,
                                    NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, dk, sizeof dk));
    public_(&expanded, sizeof expanded);
    CHECK(rc == NACRE_OK, "ml-kem import secret expanded key");
    if (rc == NACRE_OK) decapsulate_both(expanded, ct, ct_len, ss, altered_at);
    nacre_key_free(expanded);
    nacre_key_free(k_pub);
    nacre_key_free(from_seed);
  }
  printf("  ok ml-kem-768 decapsulate (seed, expanded key)\n");
}

int main(void) {
  printf("nacre constant-time checks (%s valgrind)\n", RUNNING_ON_VALGRIND ? "under" : "not under");
  check_constant_time_equal();
  printf("  ok constant_time_equal\n");
  check_hmac(NACRE_HASH_SHA256, NACRE_BACKEND_BORINGSSL, "hmac-sha256 boringssl");
  check_hmac(NACRE_HASH_SHA256, NACRE_BACKEND_SODIUM, "hmac-sha256 sodium");
  check_hmac(NACRE_HASH_SHA384, NACRE_BACKEND_BORINGSSL, "hmac-sha384 boringssl");
  check_hmac(NACRE_HASH_SHA512, NACRE_BACKEND_BORINGSSL, "hmac-sha512 boringssl");
  check_hmac(NACRE_HASH_SHA512, NACRE_BACKEND_SODIUM, "hmac-sha512 sodium");
  check_aead(NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_BORINGSSL, "aes-256-gcm boringssl");
  check_aead(NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_SODIUM, "aes-256-gcm sodium");
  check_aead(NACRE_AEAD_CHACHA20_POLY1305, NACRE_BACKEND_BORINGSSL, "chacha20-poly1305 boringssl");
  check_aead(NACRE_AEAD_CHACHA20_POLY1305, NACRE_BACKEND_SODIUM, "chacha20-poly1305 sodium");
  check_aead(NACRE_AEAD_AEGIS_128L, NACRE_BACKEND_SODIUM, "aegis-128l sodium");
  check_x25519();
  check_ed25519();
  check_mlkem768();
  printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
