/* nacre: the stable C ABI.
 *
 * nacre wraps vetted implementations (BoringSSL, libsodium) and exports them through this header
 * only. The ABI may grow but never changes: numbers of statuses and algorithms are fixed forever.
 *
 * Conventions, for every function below:
 *
 * - Every function returns an |int| holding a |nacre_status|: NACRE_OK (0) or a negative error.
 *   The only exceptions are the few informational functions that say so.
 *
 * - Outputs are |uint8_t *out, size_t out_cap, size_t *out_len|. Nothing is ever written past
 *   |out_cap| bytes. When |out_cap| is too small the function returns NACRE_ERR_BUFFER_TOO_SMALL
 *   and stores the size it needs in |*out_len|, so a call with |out| = NULL and |out_cap| = 0 is a
 *   size query. Sizes are also available up front (nacre_hash_digest_len and friends).
 *
 * - On any failure the output buffer is zeroed (up to |out_cap|): nothing half-computed and no
 *   unauthenticated data ever leaves the library.
 *
 * - A NULL pointer with a non-zero length, or any length that would overflow, is
 *   NACRE_ERR_INVALID_ARGUMENT, never a crash. A NULL pointer with a zero length is an empty input.
 *
 * - Algorithms and backends are enums with fixed numbers; an unknown number is
 *   NACRE_ERR_UNSUPPORTED.
 *
 * - Streaming states are opaque handles created by |nacre_X_new| and released by |nacre_X_free|
 *   (NULL-safe). Each handle carries a type tag checked on every call, so a freed or foreign handle
 *   is reported as NACRE_ERR_INVALID_HANDLE (best effort: memory that was reused cannot always be
 *   told apart). A streaming state belongs to one thread at a time; distinct states may be used
 *   from distinct threads concurrently. Every one-shot function is thread-safe.
 *
 * - No global initialisation is needed: backends are initialised lazily and thread-safely.
 *
 * - Exceptions never cross this boundary; internal failures are NACRE_ERR_INTERNAL or
 *   NACRE_ERR_OUT_OF_MEMORY. */

#ifndef NACRE_H
#define NACRE_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define NACRE_EXPORT __attribute__((visibility("default")))
#define NACRE_WARN_UNUSED_RESULT __attribute__((warn_unused_result))
#else
#define NACRE_EXPORT
#define NACRE_WARN_UNUSED_RESULT
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Statuses. */

typedef enum nacre_status {
  NACRE_OK = 0,
  NACRE_ERR_INVALID_ARGUMENT = -1,
  NACRE_ERR_BUFFER_TOO_SMALL = -2,
  NACRE_ERR_VERIFICATION_FAILED = -3,
  NACRE_ERR_INVALID_KEY = -4,
  NACRE_ERR_UNSUPPORTED = -5,
  NACRE_ERR_INVALID_HANDLE = -6,
  NACRE_ERR_OUT_OF_MEMORY = -7,
  NACRE_ERR_INTERNAL = -8
} nacre_status;

/* nacre_status_name returns the name of |status| ("NACRE_OK", "NACRE_ERR_INVALID_ARGUMENT", ...)
 * as a static string, or "NACRE_ERR_UNKNOWN" for a number that is not a status. Thread-safe. */
NACRE_EXPORT const char *nacre_status_name(int status);

/* Library version. */

/* nacre_version_string returns the library version ("MAJOR.MINOR.PATCH") as a static string. */
NACRE_EXPORT const char *nacre_version_string(void);

/* nacre_abi_version returns the ABI version (1 for NACRE_1). It grows only when functions are
 * added, never when existing ones change. */
NACRE_EXPORT int nacre_abi_version(void);

/* Backends. */

typedef enum nacre_backend {
  NACRE_BACKEND_DEFAULT = 0, /* the faster backend measured for the algorithm */
  NACRE_BACKEND_BORINGSSL = 1,
  NACRE_BACKEND_SODIUM = 2
} nacre_backend;

/* nacre_backend_name returns "default", "boringssl" or "sodium", or NULL for an unknown number. */
NACRE_EXPORT const char *nacre_backend_name(int backend);

/* Random bytes. */

/* nacre_random_bytes fills |out_len| bytes of |out| from the operating system's CSPRNG (through
 * libsodium's randombytes). Returns NACRE_OK or NACRE_ERR_INVALID_ARGUMENT (|out| NULL with a
 * non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_random_bytes(uint8_t *out, size_t out_len) NACRE_WARN_UNUSED_RESULT;

/* Constant-time comparison. */

/* nacre_constant_time_equal compares |len| bytes of |a| and |b| in time that depends only on
 * |len|. Returns NACRE_OK when equal, NACRE_ERR_VERIFICATION_FAILED when not, and
 * NACRE_ERR_INVALID_ARGUMENT for a NULL pointer with a non-zero |len|. Thread-safe. */
NACRE_EXPORT int nacre_constant_time_equal(const uint8_t *a, const uint8_t *b, size_t len)
    NACRE_WARN_UNUSED_RESULT;

/* Hash functions.
 *
 * SHA-256 and SHA-512 are implemented by both backends; SHA-384 and SHA-512/256 by BoringSSL;
 * SHA3-256, SHA3-512, BLAKE2b, SHAKE128 and SHAKE256 by libsodium. Asking for a backend that does
 * not implement an algorithm is NACRE_ERR_UNSUPPORTED.
 *
 * BLAKE2b through this enum has a 64-byte digest and no key; nacre_hash_new_blake2b and
 * nacre_blake2b choose a digest length (16 to 64 bytes) and an optional key (up to 64 bytes).
 * SHAKE128 and SHAKE256 are extendable-output functions: they have no fixed digest and are read
 * with nacre_hash_xof / nacre_xof, which produce any number of bytes. */

typedef enum nacre_hash_alg {
  NACRE_HASH_SHA256 = 1,
  NACRE_HASH_SHA384 = 2,
  NACRE_HASH_SHA512 = 3,
  NACRE_HASH_SHA512_256 = 4,
  NACRE_HASH_SHA3_256 = 5,
  NACRE_HASH_SHA3_512 = 6,
  NACRE_HASH_BLAKE2B = 7,
  NACRE_HASH_SHAKE128 = 8,
  NACRE_HASH_SHAKE256 = 9
} nacre_hash_alg;

/* nacre_hash_digest_len returns the digest length in bytes of |alg| (64 for NACRE_HASH_BLAKE2B),
 * 0 for the XOFs and for unknown numbers. Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hash_digest_len(int alg);

/* nacre_hash_block_len returns the block (rate) length in bytes of |alg|, 0 for unknown numbers.
 * Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hash_block_len(int alg);

/* nacre_hash_is_available returns NACRE_OK when |backend| implements |alg| on this machine,
 * otherwise NACRE_ERR_UNSUPPORTED. */
NACRE_EXPORT int nacre_hash_is_available(int alg, int backend);

/* nacre_hash computes the digest of |in_len| bytes of |in| with |alg| on |backend| and writes
 * nacre_hash_digest_len(alg) bytes to |out|. Errors: NACRE_ERR_UNSUPPORTED (unknown |alg| or
 * |backend|, or |backend| lacks |alg|), NACRE_ERR_INVALID_ARGUMENT (an XOF |alg|, NULL with a
 * non-zero length, |out_len| NULL), NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_hash(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
                            const uint8_t *in, size_t in_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_xof fills exactly |out_len| bytes of |out| with the output of the extendable-output
 * function |alg| (NACRE_HASH_SHAKE128 or NACRE_HASH_SHAKE256) over |in_len| bytes of |in|.
 * Errors: NACRE_ERR_UNSUPPORTED (unknown |alg|), NACRE_ERR_INVALID_ARGUMENT (|alg| not an XOF,
 * NULL with a non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_xof(int alg, uint8_t *out, size_t out_len, const uint8_t *in,
                           size_t in_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_blake2b writes a BLAKE2b digest of exactly |out_len| bytes (16 to 64) of |in| to |out|,
 * keyed with |key_len| bytes of |key| (0 to 64; 0 means unkeyed). Errors:
 * NACRE_ERR_INVALID_ARGUMENT (a length out of range, NULL with a non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                               const uint8_t *in, size_t in_len) NACRE_WARN_UNUSED_RESULT;

/* Incremental hashing.
 *
 * A nacre_hash_ctx accumulates input; nacre_hash_ctx_digest and nacre_hash_ctx_xof read the
 * digest of everything absorbed so far without changing the state, so more input may follow (the
 * shape of Python's hashlib). nacre_hash_ctx_copy forks a state. */

typedef struct nacre_hash_ctx nacre_hash_ctx;

/* nacre_hash_ctx_new creates a hashing state for |alg| on |backend| in |*out|. On failure |*out|
 * is set to NULL. Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL), NACRE_ERR_UNSUPPORTED,
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hash_ctx_new(nacre_hash_ctx **out, int alg, int backend)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_new_blake2b creates a BLAKE2b state with a digest of |digest_len| bytes (16 to
 * 64) keyed with |key_len| bytes of |key| (0 to 64). The key is copied; the caller may wipe it.
 * Errors as nacre_hash_ctx_new, plus NACRE_ERR_INVALID_ARGUMENT for lengths out of range. */
NACRE_EXPORT int nacre_hash_ctx_new_blake2b(nacre_hash_ctx **out, size_t digest_len,
                                            const uint8_t *key, size_t key_len)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_update absorbs |in_len| bytes of |in|. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hash_ctx_update(nacre_hash_ctx *ctx, const uint8_t *in, size_t in_len)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_digest writes the digest of the input so far (nacre_hash_ctx_digest_len bytes)
 * to |out|; |ctx| is unchanged. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (an
 * XOF state, |out_len| NULL), NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_hash_ctx_digest(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_cap,
                                       size_t *out_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_xof fills exactly |out_len| bytes of |out| with the XOF output of the input so
 * far; |ctx| is unchanged. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (not an
 * XOF state, NULL with a non-zero length). */
NACRE_EXPORT int nacre_hash_ctx_xof(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_len)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_digest_len stores in |*out_len| the digest length of |ctx| (0 for an XOF).
 * Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hash_ctx_digest_len(const nacre_hash_ctx *ctx, size_t *out_len);

/* nacre_hash_ctx_copy creates in |*out| an independent state equal to |ctx|. Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hash_ctx_copy(const nacre_hash_ctx *ctx, nacre_hash_ctx **out)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_free wipes and releases |ctx|. NULL is a no-op. Calling it on a handle that is
 * not a hash state (or twice) is detected best effort and ignored. */
NACRE_EXPORT void nacre_hash_ctx_free(nacre_hash_ctx *ctx);

/* HMAC.
 *
 * HMAC over SHA-256, SHA-384 and SHA-512 (|alg| is a nacre_hash_alg). HMAC-SHA256 and
 * HMAC-SHA512 are implemented by both backends, HMAC-SHA384 by BoringSSL. Keys may have any
 * length, including zero. Tags are compared in constant time; a tag whose length differs from the
 * full MAC length is a verification failure. */

/* nacre_hmac_len returns the tag length of HMAC with |alg|, 0 when |alg| is not supported for
 * HMAC. Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hmac_len(int alg);

/* nacre_hmac_is_available returns NACRE_OK when |backend| implements HMAC with |alg|, otherwise
 * NACRE_ERR_UNSUPPORTED. */
NACRE_EXPORT int nacre_hmac_is_available(int alg, int backend);

/* nacre_hmac writes the HMAC of |in| under |key| to |out| (nacre_hmac_len(alg) bytes). Errors:
 * NACRE_ERR_UNSUPPORTED, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_hmac(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
                            const uint8_t *key, size_t key_len, const uint8_t *in,
                            size_t in_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_verify checks in constant time that |tag| is the HMAC of |in| under |key|. Returns
 * NACRE_OK, NACRE_ERR_VERIFICATION_FAILED (wrong tag or wrong tag length), or the errors of
 * nacre_hmac. Thread-safe. */
NACRE_EXPORT int nacre_hmac_verify(int alg, int backend, const uint8_t *tag, size_t tag_len,
                                   const uint8_t *key, size_t key_len, const uint8_t *in,
                                   size_t in_len) NACRE_WARN_UNUSED_RESULT;

typedef struct nacre_hmac_ctx nacre_hmac_ctx;

/* nacre_hmac_ctx_new creates an HMAC state keyed with |key_len| bytes of |key| in |*out| (NULL on
 * failure). The key is absorbed at once; the caller may wipe it. Errors:
 * NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_UNSUPPORTED, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hmac_ctx_new(nacre_hmac_ctx **out, int alg, int backend,
                                    const uint8_t *key, size_t key_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_update absorbs |in_len| bytes of |in|. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hmac_ctx_update(nacre_hmac_ctx *ctx, const uint8_t *in, size_t in_len)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_final writes the tag of the input so far to |out|; |ctx| is unchanged, so more
 * input may follow. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT,
 * NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_hmac_ctx_final(const nacre_hmac_ctx *ctx, uint8_t *out, size_t out_cap,
                                      size_t *out_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_verify checks in constant time that |tag| is the tag of the input so far; |ctx|
 * is unchanged. Returns NACRE_OK, NACRE_ERR_VERIFICATION_FAILED, NACRE_ERR_INVALID_HANDLE or
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hmac_ctx_verify(const nacre_hmac_ctx *ctx, const uint8_t *tag,
                                       size_t tag_len) NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_copy creates in |*out| an independent state equal to |ctx|. Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hmac_ctx_copy(const nacre_hmac_ctx *ctx, nacre_hmac_ctx **out)
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_free wipes and releases |ctx|. NULL is a no-op; a foreign or freed handle is
 * detected best effort and ignored. */
NACRE_EXPORT void nacre_hmac_ctx_free(nacre_hmac_ctx *ctx);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NACRE_H */
