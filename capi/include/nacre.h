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
 *   NACRE_ERR_UNSUPPORTED. Each family lists its algorithms in a table that callers read rather
 *   than copy: nacre_X_count() entries, nacre_X_at(i) the number of entry i (0 <= i < count; 0
 *   past the end), nacre_X_name(n) a static lower-case name (NULL for an unknown number) and
 *   nacre_X_from_name(name) its inverse (0 for NULL or an unknown name), for X = hash, aead, sig,
 *   key_type and hpke_suite. nacre_hash_describe and nacre_aead_describe give all of an
 *   algorithm's facts. All of these are thread-safe and never fail loudly: they return 0/NULL.
 *
 * - Streaming states are opaque handles created by |nacre_X_new| and released by |nacre_X_free|
 *   (NULL-safe). Each handle carries a type tag checked on every call, so a freed or foreign handle
 *   is reported as NACRE_ERR_INVALID_HANDLE (best effort: memory that was reused cannot always be
 *   told apart). A streaming state belongs to one thread at a time; distinct states may be used
 *   from distinct threads concurrently. Every one-shot function is thread-safe.
 *
 * - Words: "overhead" is always how many bytes longer an operation's output is than its input
 *   (NACRE_BOX_OVERHEAD, NACRE_SECRETSTREAM_OVERHEAD); a "digest" is read from a hash or HMAC
 *   state without changing it; NACRE_BACKEND_AUTOMATIC is the backend nacre picks.
 *
 * - No global initialisation is needed: backends are initialised lazily and thread-safely.
 *
 * - Exceptions never cross this boundary; internal failures are NACRE_ERR_INTERNAL or
 *   NACRE_ERR_OUT_OF_MEMORY. */

#ifndef NACRE_H
#define NACRE_H

#include <stddef.h>
#include <stdint.h>

/* In C++ every declaration is noexcept: the library never lets an exception out. */
#if defined(__cplusplus)
#define NACRE_NOEXCEPT noexcept
#else
#define NACRE_NOEXCEPT
#endif

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
NACRE_EXPORT const char *nacre_status_name(int status) NACRE_NOEXCEPT;

/* nacre_last_error_message returns why the calling thread's last failed call failed, in English
 * ("nonce: expected 12 bytes, got 11", "the HMAC tag does not match", ...), or "" when no call on this thread has
 * failed yet. Every function that returns a status other than NACRE_OK sets it; calls that succeed
 * leave it alone, so read it right after the failure. Messages are nacre's own: they never hold key
 * material or input bytes, and are at most 255 bytes. The string belongs to the thread and stays
 * valid until its next failing nacre call. Thread-safe (each thread has its own). */
NACRE_EXPORT const char *nacre_last_error_message(void) NACRE_NOEXCEPT;

/* Library version. */

/* nacre_version_string returns the library version ("MAJOR.MINOR.PATCH") as a static string. */
NACRE_EXPORT const char *nacre_version_string(void) NACRE_NOEXCEPT;

/* nacre_abi_version returns the ABI version (1 for NACRE_1). It grows only when functions are
 * added, never when existing ones change. */
NACRE_EXPORT int nacre_abi_version(void) NACRE_NOEXCEPT;

/* Backends. */

typedef enum nacre_backend {
  NACRE_BACKEND_AUTOMATIC = 0, /* the faster backend measured for the algorithm */
  NACRE_BACKEND_BORINGSSL = 1,
  NACRE_BACKEND_SODIUM = 2
} nacre_backend;

/* nacre_backend_name returns "automatic", "boringssl" or "sodium", or NULL for an unknown number. */
NACRE_EXPORT const char *nacre_backend_name(int backend) NACRE_NOEXCEPT;

/* Random bytes. */

/* nacre_random_bytes fills |out_len| bytes of |out| from the operating system's CSPRNG (through
 * libsodium's randombytes). Returns NACRE_OK or NACRE_ERR_INVALID_ARGUMENT (|out| NULL with a
 * non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_random_bytes(uint8_t *out, size_t out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Constant-time comparison. */

/* nacre_constant_time_equal compares |len| bytes of |a| and |b| in time that depends only on
 * |len|. Returns NACRE_OK when equal, NACRE_ERR_VERIFICATION_FAILED when not, and
 * NACRE_ERR_INVALID_ARGUMENT for a NULL pointer with a non-zero |len|. Thread-safe. */
NACRE_EXPORT int nacre_constant_time_equal(const uint8_t *a, const uint8_t *b, size_t len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Secret memory.
 *
 * Keys, keyed states and derived secrets live in nacre's secret memory: arenas of 4 MiB, each one
 * mapping fenced by inaccessible guard pages and excluded from core dumps, carved into size
 * classes and wiped on free. The pool grows as keys are created and gives emptied arenas back;
 * creating a key costs the same at any number of live keys. Slabs are mlock'ed while
 * RLIMIT_MEMLOCK allows; past it secret memory is still wiped, guarded and kept out of core
 * dumps, and one warning goes to stderr. When memory runs out, the call that needed it returns
 * NACRE_ERR_OUT_OF_MEMORY. */

/* A snapshot of the secret memory pool. Fields are only ever appended. */
typedef struct nacre_memory_stats {
  uint64_t arenas;           /* arenas mapped */
  uint64_t capacity_bytes;   /* bytes of slab space in those arenas */
  uint64_t locked_bytes;     /* bytes of slab space that are mlock'ed */
  uint64_t unlocked_bytes;   /* bytes of slabs holding secrets that could not be locked */
  uint64_t lock_limit_bytes; /* RLIMIT_MEMLOCK when the pool started; UINT64_MAX: no limit */
  uint64_t live_secrets;     /* secrets alive now */
  uint64_t live_bytes;       /* bytes they occupy (rounded up to their size class) */
  uint64_t large_secrets;    /* live secrets above 64 KiB, each from sodium_malloc */
} nacre_memory_stats;

/* nacre_secret_memory_stats writes a consistent snapshot of the pool to |*out|, whose size the
 * caller passes in |out_size| (sizeof(nacre_memory_stats) when compiled). A larger |out_size|
 * (a caller built against a later header) gets the fields this library knows, the rest zeroed.
 * Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL, or |out_size| smaller than this first version
 * of the struct, 64 bytes). Thread-safe. */
NACRE_EXPORT int nacre_secret_memory_stats(nacre_memory_stats *out, size_t out_size) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Hash functions.
 *
 * SHA-256 and SHA-512 are implemented by both backends; SHA-224, SHA-384 and SHA-512/256 by
 * BoringSSL;
 * SHA3-256, SHA3-512, BLAKE2b, SHAKE128 and SHAKE256 by libsodium. Asking for a backend that does
 * not implement an algorithm is NACRE_ERR_UNSUPPORTED. SHA-1 and MD5 (BoringSSL) are there for
 * interoperability only and carry NACRE_HASH_FLAG_LEGACY: the C ABI and the CLI's hash command
 * (md5sum/sha1sum-style checksums) take them as asked; the Python binding only with
 * usedforsecurity=False.
 *
 * BLAKE2b through this enum has a 64-byte digest and no key; nacre_hash_ctx_new_blake2b,
 * nacre_hash_ctx_new_blake2b_salted and nacre_blake2b choose a digest length (16 to 64 bytes), an
 * optional key (up to 64 bytes) and, salted, a salt and personalization (up to 16 bytes each).
 * SHAKE128 and SHAKE256 are extendable-output functions: they have no fixed digest and are read
 * with nacre_hash_ctx_xof / nacre_xof, which produce any number of bytes. */

typedef enum nacre_hash_alg {
  NACRE_HASH_SHA256 = 1,
  NACRE_HASH_SHA384 = 2,
  NACRE_HASH_SHA512 = 3,
  NACRE_HASH_SHA512_256 = 4,
  NACRE_HASH_SHA3_256 = 5,
  NACRE_HASH_SHA3_512 = 6,
  NACRE_HASH_BLAKE2B = 7,
  NACRE_HASH_SHAKE128 = 8,
  NACRE_HASH_SHAKE256 = 9,
  NACRE_HASH_SHA224 = 10,
  NACRE_HASH_SHA1 = 11, /* legacy: collisions are practical (NACRE_HASH_FLAG_LEGACY) */
  NACRE_HASH_MD5 = 12   /* legacy: collisions are trivial (NACRE_HASH_FLAG_LEGACY) */
} nacre_hash_alg;

/* The hash table (see the conventions at the top): names such as
 * "sha256", "sha512-256", "sha3-256", "blake2b", "shake128". */
NACRE_EXPORT size_t nacre_hash_count(void) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_hash_at(size_t index) NACRE_NOEXCEPT;
NACRE_EXPORT const char *nacre_hash_name(int alg) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_hash_from_name(const char *name) NACRE_NOEXCEPT;

/* Flags of nacre_hash_info. */
#define NACRE_HASH_FLAG_XOF 1u  /* an extendable-output function: read with nacre_xof */
#define NACRE_HASH_FLAG_HMAC 2u /* offered under HMAC */
#define NACRE_HASH_FLAG_KDF 4u  /* offered under HKDF and PBKDF2 */
/* Broken for security (collisions): only for checking or producing what an older format or
 * protocol demands (checksums, HMAC-SHA1 in HOTP/TOTP), never for new signatures, MACs of
 * attacker-chosen data, or identifiers that must not collide. */
#define NACRE_HASH_FLAG_LEGACY 8u

/* All of one hash's facts. Later versions of this header only append fields. */
typedef struct nacre_hash_info {
  int alg;             /* the nacre_hash_alg number */
  int default_backend; /* the backend NACRE_BACKEND_AUTOMATIC runs */
  const char *name;    /* as nacre_hash_name: static */
  size_t digest_len;   /* as nacre_hash_digest_len: 0 for an XOF */
  size_t block_len;    /* as nacre_hash_block_len */
  uint32_t backends;   /* bit (1u << b) set for each nacre_backend b that implements it */
  uint32_t flags;      /* NACRE_HASH_FLAG_* */
} nacre_hash_info;

/* nacre_hash_describe writes |alg|'s facts to |*out|, whose size the caller passes in |out_size|
 * (sizeof(nacre_hash_info) when compiled; a larger struct from a later header gets the fields
 * this library knows, the rest zeroed). Errors: NACRE_ERR_UNSUPPORTED (unknown |alg|),
 * NACRE_ERR_INVALID_ARGUMENT (|out| NULL or |out_size| below this first version, 40 bytes on
 * LP64). Thread-safe. */
NACRE_EXPORT int nacre_hash_describe(int alg, nacre_hash_info *out, size_t out_size) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* BLAKE2b's limits (nacre_blake2b, nacre_hash_ctx_new_blake2b, nacre_hash_ctx_new_blake2b_salted). */
#define NACRE_BLAKE2B_MIN_DIGEST_LEN 16
#define NACRE_BLAKE2B_MAX_DIGEST_LEN 64
#define NACRE_BLAKE2B_MAX_KEY_LEN 64
#define NACRE_BLAKE2B_MAX_SALT_LEN 16   /* nacre_hash_ctx_new_blake2b_salted; shorter: zero-padded */
#define NACRE_BLAKE2B_MAX_PERSON_LEN 16 /* likewise the personalization */

/* nacre_hash_digest_len returns the digest length in bytes of |alg| (64 for NACRE_HASH_BLAKE2B),
 * 0 for the XOFs and for unknown numbers. Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hash_digest_len(int alg) NACRE_NOEXCEPT;

/* nacre_hash_block_len returns the block (rate) length in bytes of |alg|, 0 for unknown numbers.
 * Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hash_block_len(int alg) NACRE_NOEXCEPT;

/* nacre_hash_is_available returns NACRE_OK when |backend| implements |alg| on this machine,
 * otherwise NACRE_ERR_UNSUPPORTED. */
NACRE_EXPORT int nacre_hash_is_available(int alg, int backend) NACRE_NOEXCEPT;

/* nacre_hash computes the digest of |in_len| bytes of |in| with |alg| on |backend| and writes
 * nacre_hash_digest_len(alg) bytes to |out|. Errors: NACRE_ERR_UNSUPPORTED (unknown |alg| or
 * |backend|, or |backend| lacks |alg|), NACRE_ERR_INVALID_ARGUMENT (an XOF |alg|, NULL with a
 * non-zero length, |out_len| NULL), NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_hash(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
                            const uint8_t *in, size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_xof fills exactly |out_len| bytes of |out| with the output of the extendable-output
 * function |alg| (NACRE_HASH_SHAKE128 or NACRE_HASH_SHAKE256) over |in_len| bytes of |in|.
 * Errors: NACRE_ERR_UNSUPPORTED (unknown |alg|), NACRE_ERR_INVALID_ARGUMENT (|alg| not an XOF,
 * NULL with a non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_xof(int alg, uint8_t *out, size_t out_len, const uint8_t *in,
                           size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_blake2b writes a BLAKE2b digest of exactly |out_len| bytes (16 to 64) of |in| to |out|,
 * keyed with |key_len| bytes of |key| (0 to 64; 0 means unkeyed). Errors:
 * NACRE_ERR_INVALID_ARGUMENT (a length out of range, NULL with a non-zero length). Thread-safe. */
NACRE_EXPORT int nacre_blake2b(uint8_t *out, size_t out_len, const uint8_t *key, size_t key_len,
                               const uint8_t *in, size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Incremental hashing.
 *
 * A nacre_hash_ctx accumulates input; nacre_hash_ctx_digest and nacre_hash_ctx_xof read the
 * digest of everything absorbed so far without changing the state, so more input may follow (the
 * shape of Python's hashlib). nacre_hash_ctx_copy forks a state. */

typedef struct nacre_hash_ctx nacre_hash_ctx;

/* nacre_hash_ctx_new creates a hashing state for |alg| on |backend| in |*out|. On failure |*out|
 * is set to NULL. Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL), NACRE_ERR_UNSUPPORTED,
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hash_ctx_new(nacre_hash_ctx **out, int alg, int backend) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_new_blake2b creates a BLAKE2b state with a digest of |digest_len| bytes (16 to
 * 64) keyed with |key_len| bytes of |key| (0 to 64). The key is copied; the caller may wipe it.
 * Errors as nacre_hash_ctx_new, plus NACRE_ERR_INVALID_ARGUMENT for lengths out of range. */
NACRE_EXPORT int nacre_hash_ctx_new_blake2b(nacre_hash_ctx **out, size_t digest_len,
                                            const uint8_t *key, size_t key_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_new_blake2b_salted is nacre_hash_ctx_new_blake2b with a salt of |salt_len| bytes
 * and a personalization of |person_len| bytes (each 0 to 16; shorter ones are zero-padded to 16,
 * as BLAKE2's parameter block and Python's hashlib.blake2b do, so empty ones give the plain
 * BLAKE2b). Errors as nacre_hash_ctx_new_blake2b, plus NACRE_ERR_INVALID_ARGUMENT for a salt or
 * personalization over 16 bytes. libsodium offers no tree-hashing parameters. */
NACRE_EXPORT int nacre_hash_ctx_new_blake2b_salted(nacre_hash_ctx **out, size_t digest_len,
                                                   const uint8_t *key, size_t key_len,
                                                   const uint8_t *salt, size_t salt_len,
                                                   const uint8_t *person,
                                                   size_t person_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_update absorbs |in_len| bytes of |in|. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hash_ctx_update(nacre_hash_ctx *ctx, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_digest writes the digest of the input so far (nacre_hash_ctx_digest_len bytes)
 * to |out|; |ctx| is unchanged. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (an
 * XOF state, |out_len| NULL), NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_hash_ctx_digest(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_cap,
                                       size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_xof fills exactly |out_len| bytes of |out| with the XOF output of the input so
 * far; |ctx| is unchanged. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (not an
 * XOF state, NULL with a non-zero length). */
NACRE_EXPORT int nacre_hash_ctx_xof(const nacre_hash_ctx *ctx, uint8_t *out, size_t out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_digest_len stores in |*out_len| the digest length of |ctx| (0 for an XOF).
 * Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hash_ctx_digest_len(const nacre_hash_ctx *ctx, size_t *out_len) NACRE_NOEXCEPT;

/* nacre_hash_ctx_copy creates in |*out| an independent state equal to |ctx|. Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hash_ctx_copy(const nacre_hash_ctx *ctx, nacre_hash_ctx **out) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hash_ctx_free wipes and releases |ctx|. NULL is a no-op. Calling it on a handle that is
 * not a hash state (or twice) is detected best effort and ignored. */
NACRE_EXPORT void nacre_hash_ctx_free(nacre_hash_ctx *ctx) NACRE_NOEXCEPT;

/* HMAC.
 *
 * HMAC over the hashes whose nacre_hash_info has NACRE_HASH_FLAG_HMAC: MD5, SHA-1, SHA-224,
 * SHA-256, SHA-384 and SHA-512 (|alg| is a nacre_hash_alg). HMAC-SHA256 and HMAC-SHA512 are
 * implemented by both backends, the others by BoringSSL (nacre_hmac_is_available tells).
 * HMAC-SHA1 is for HOTP/TOTP (RFC 4226, RFC 6238) and older protocols, HMAC-MD5 for legacy ones
 * (RADIUS, CRAM-MD5): HMAC does not rely on collision resistance (RFC 6151), but new designs
 * should use HMAC-SHA256. Keys may have any
 * length, including zero. Tags are compared in constant time; a tag whose length differs from the
 * full MAC length is a verification failure. */

/* nacre_hmac_len returns the tag length of HMAC with |alg|, 0 when |alg| is not supported for
 * HMAC. Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_hmac_len(int alg) NACRE_NOEXCEPT;

/* nacre_hmac_is_available returns NACRE_OK when |backend| implements HMAC with |alg|, otherwise
 * NACRE_ERR_UNSUPPORTED. */
NACRE_EXPORT int nacre_hmac_is_available(int alg, int backend) NACRE_NOEXCEPT;

/* nacre_hmac writes the HMAC of |in| under |key| to |out| (nacre_hmac_len(alg) bytes). Errors:
 * NACRE_ERR_UNSUPPORTED, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_hmac(int alg, int backend, uint8_t *out, size_t out_cap, size_t *out_len,
                            const uint8_t *key, size_t key_len, const uint8_t *in,
                            size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_verify checks in constant time that |tag| is the HMAC of |in| under |key|. Returns
 * NACRE_OK, NACRE_ERR_VERIFICATION_FAILED (wrong tag or wrong tag length), or the errors of
 * nacre_hmac. Thread-safe. */
NACRE_EXPORT int nacre_hmac_verify(int alg, int backend, const uint8_t *tag, size_t tag_len,
                                   const uint8_t *key, size_t key_len, const uint8_t *in,
                                   size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

typedef struct nacre_hmac_ctx nacre_hmac_ctx;

/* nacre_hmac_ctx_new creates an HMAC state keyed with |key_len| bytes of |key| in |*out| (NULL on
 * failure). The key is absorbed at once; the caller may wipe it. Errors:
 * NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_UNSUPPORTED, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hmac_ctx_new(nacre_hmac_ctx **out, int alg, int backend,
                                    const uint8_t *key, size_t key_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_update absorbs |in_len| bytes of |in|. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hmac_ctx_update(nacre_hmac_ctx *ctx, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_digest writes the tag of the input so far to |out|; |ctx| is unchanged, so more
 * input may follow. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT,
 * NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_hmac_ctx_digest(const nacre_hmac_ctx *ctx, uint8_t *out, size_t out_cap,
                                      size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_verify checks in constant time that |tag| is the tag of the input so far; |ctx|
 * is unchanged. Returns NACRE_OK, NACRE_ERR_VERIFICATION_FAILED, NACRE_ERR_INVALID_HANDLE or
 * NACRE_ERR_INVALID_ARGUMENT. */
NACRE_EXPORT int nacre_hmac_ctx_verify(const nacre_hmac_ctx *ctx, const uint8_t *tag,
                                       size_t tag_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_copy creates in |*out| an independent state equal to |ctx|. Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_hmac_ctx_copy(const nacre_hmac_ctx *ctx, nacre_hmac_ctx **out) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hmac_ctx_free wipes and releases |ctx|. NULL is a no-op; a foreign or freed handle is
 * detected best effort and ignored. */
NACRE_EXPORT void nacre_hmac_ctx_free(nacre_hmac_ctx *ctx) NACRE_NOEXCEPT;

/* Authenticated encryption (AEAD).
 *
 * An AEAD key is set up once with nacre_aead_key_new (key validated, backend context expanded,
 * held in locked secret memory) and then used for any number of seal/open calls. A key handle is
 * immutable: it may be shared by many threads at once.
 *
 * Nonces: a (key, nonce) pair must never encrypt two messages. With 96-bit nonces (AES-GCM,
 * ChaCha20-Poly1305) use a counter; random 96-bit nonces collide after about 2^32 messages, and
 * a repeated GCM nonce reveals the authentication key. nacre_aead_seal_with_random_nonce is
 * therefore offered only for AES-GCM-SIV (nonce-misuse resistant), XChaCha20-Poly1305 (192-bit
 * nonce) and AEGIS-256 (256-bit nonce), and fails with NACRE_ERR_UNSUPPORTED for the others.
 *
 * Aliasing: an output may be exactly the same buffer as the message input (in-place operation);
 * any other overlap between an output and an input is NACRE_ERR_INVALID_ARGUMENT.
 *
 * A failed open returns NACRE_ERR_VERIFICATION_FAILED and zeroes the whole output buffer: no
 * unauthenticated plaintext is released. A tag of the wrong length is a verification failure.
 *
 * Backends: AES-256-GCM, ChaCha20-Poly1305 and XChaCha20-Poly1305 run on both (libsodium's
 * AES-256-GCM only on CPUs with AES-NI and PCLMUL); AES-128-GCM, AES-192-GCM and AES-GCM-SIV on
 * BoringSSL;
 * AEGIS-128L and AEGIS-256 on libsodium, with libsodium's 32-byte tags. */

typedef enum nacre_aead_alg {
  NACRE_AEAD_AES_128_GCM = 1,
  NACRE_AEAD_AES_256_GCM = 2,
  NACRE_AEAD_AES_128_GCM_SIV = 3,
  NACRE_AEAD_AES_256_GCM_SIV = 4,
  NACRE_AEAD_CHACHA20_POLY1305 = 5,
  NACRE_AEAD_XCHACHA20_POLY1305 = 6,
  NACRE_AEAD_AEGIS_128L = 7,
  NACRE_AEAD_AEGIS_256 = 8,
  NACRE_AEAD_AES_192_GCM = 9
} nacre_aead_alg;

/* The aead table (see the conventions at the top): names such as
 * "aes-256-gcm", "chacha20-poly1305", "aegis-256". */
NACRE_EXPORT size_t nacre_aead_count(void) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_aead_at(size_t index) NACRE_NOEXCEPT;
NACRE_EXPORT const char *nacre_aead_name(int alg) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_aead_from_name(const char *name) NACRE_NOEXCEPT;

/* Flags of nacre_aead_info. */
#define NACRE_AEAD_FLAG_RANDOM_NONCE_SAFE 1u /* nacre_aead_seal_with_random_nonce accepts it */

/* All of one AEAD's facts. Later versions of this header only append fields. */
typedef struct nacre_aead_info {
  int alg;             /* the nacre_aead_alg number */
  int default_backend; /* the backend NACRE_BACKEND_AUTOMATIC runs here; NACRE_BACKEND_AUTOMATIC
                        * itself when none does (then |backends| is 0) */
  const char *name;    /* as nacre_aead_name: static */
  size_t key_len;
  size_t nonce_len;
  size_t tag_len;      /* as nacre_aead_tag_len */
  uint32_t backends;   /* bit (1u << b) set for each nacre_backend b that runs it on this CPU */
  uint32_t flags;      /* NACRE_AEAD_FLAG_* */
} nacre_aead_info;

/* nacre_aead_describe writes |alg|'s facts to |*out| as nacre_hash_describe does (first version:
 * 48 bytes on LP64). Errors: NACRE_ERR_UNSUPPORTED (unknown |alg|), NACRE_ERR_INVALID_ARGUMENT.
 * Thread-safe. */
NACRE_EXPORT int nacre_aead_describe(int alg, nacre_aead_info *out, size_t out_size) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_key_len, nacre_aead_nonce_len and nacre_aead_tag_len return the key, nonce and
 * tag length in bytes of |alg|, or 0 for an unknown number. Informational: sizes, not statuses. */
NACRE_EXPORT size_t nacre_aead_key_len(int alg) NACRE_NOEXCEPT;
NACRE_EXPORT size_t nacre_aead_nonce_len(int alg) NACRE_NOEXCEPT;
NACRE_EXPORT size_t nacre_aead_tag_len(int alg) NACRE_NOEXCEPT;

/* nacre_aead_is_available returns NACRE_OK when |backend| (NACRE_BACKEND_AUTOMATIC: any) can run
 * |alg| on this CPU, else NACRE_ERR_UNSUPPORTED. */
NACRE_EXPORT int nacre_aead_is_available(int alg, int backend) NACRE_NOEXCEPT;

typedef struct nacre_aead_key nacre_aead_key;

/* nacre_aead_key_new creates in |*out| (NULL on failure) a key for |alg| on |backend| from
 * |key_len| bytes of |key|, which are copied. Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL,
 * NULL key), NACRE_ERR_INVALID_KEY (wrong key length), NACRE_ERR_UNSUPPORTED (unknown or
 * unavailable |alg| or |backend|), NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_aead_key_new(nacre_aead_key **out, int alg, int backend,
                                    const uint8_t *key, size_t key_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_key_free wipes and releases |key|. NULL is a no-op; a foreign or freed handle is
 * detected best effort and ignored. */
NACRE_EXPORT void nacre_aead_key_free(nacre_aead_key *key) NACRE_NOEXCEPT;

/* nacre_aead_seal encrypts and authenticates |in_len| bytes of |in| with |ad_len| bytes of
 * associated data |ad| under |nonce| (exactly nacre_aead_nonce_len bytes), writing ciphertext
 * followed by the tag, |in_len| + nacre_aead_tag_len(alg) bytes, to |out|. Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (wrong nonce length, NULL with a length,
 * overlapping buffers, overflowing length), NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_aead_seal(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                                 size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                                 const uint8_t *in, size_t in_len, const uint8_t *ad,
                                 size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_open checks and decrypts |in_len| bytes of ciphertext‖tag from |in|, writing
 * |in_len| - nacre_aead_tag_len(alg) bytes of plaintext to |out|. Returns NACRE_OK or
 * NACRE_ERR_VERIFICATION_FAILED (wrong key, nonce, ciphertext, tag or associated data, or input
 * shorter than a tag; |out| is zeroed), or the argument errors of nacre_aead_seal. */
NACRE_EXPORT int nacre_aead_open(const nacre_aead_key *key, uint8_t *out, size_t out_cap,
                                 size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                                 const uint8_t *in, size_t in_len, const uint8_t *ad,
                                 size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_seal_detached is nacre_aead_seal with the tag written separately: |in_len| bytes
 * of ciphertext to |out| and nacre_aead_tag_len(alg) bytes of tag to |tag|. Both outputs are
 * size-checked (and size-queried) like |out|. */
NACRE_EXPORT int nacre_aead_seal_detached(const nacre_aead_key *key, uint8_t *out,
                                          size_t out_cap, size_t *out_len, uint8_t *tag,
                                          size_t tag_cap, size_t *tag_len, const uint8_t *nonce,
                                          size_t nonce_len, const uint8_t *in, size_t in_len,
                                          const uint8_t *ad, size_t ad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_open_detached checks |tag| over |in_len| bytes of ciphertext |in| and decrypts it
 * to |out| (|in_len| bytes). Errors as nacre_aead_open. */
NACRE_EXPORT int nacre_aead_open_detached(const nacre_aead_key *key, uint8_t *out,
                                          size_t out_cap, size_t *out_len, const uint8_t *nonce,
                                          size_t nonce_len, const uint8_t *in, size_t in_len,
                                          const uint8_t *tag, size_t tag_len, const uint8_t *ad,
                                          size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_seal_with_random_nonce draws a fresh nonce from the OS CSPRNG and writes
 * nonce‖ciphertext‖tag (nonce_len + |in_len| + overhead bytes) to |out|, which must not overlap
 * |in|. Only for AES-GCM-SIV, XChaCha20-Poly1305 and AEGIS-256 (see above); other algorithms
 * fail with NACRE_ERR_UNSUPPORTED. Other errors as nacre_aead_seal. */
NACRE_EXPORT int nacre_aead_seal_with_random_nonce(const nacre_aead_key *key, uint8_t *out,
                                                   size_t out_cap, size_t *out_len,
                                                   const uint8_t *in, size_t in_len,
                                                   const uint8_t *ad, size_t ad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_open_with_nonce_prefix opens what nacre_aead_seal_with_random_nonce produced.
 * Errors as nacre_aead_open, and NACRE_ERR_UNSUPPORTED as nacre_aead_seal_with_random_nonce. */
NACRE_EXPORT int nacre_aead_open_with_nonce_prefix(const nacre_aead_key *key, uint8_t *out,
                                                   size_t out_cap, size_t *out_len,
                                                   const uint8_t *in, size_t in_len,
                                                   const uint8_t *ad, size_t ad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_seal_oneshot is nacre_aead_key_new, nacre_aead_seal and nacre_aead_key_free in one
 * call: for a key used once, it saves the handle and its allocation. The key schedule lives in
 * locked secret memory for the call only and is wiped before it returns. Errors: those of
 * nacre_aead_key_new (checked first), then those of nacre_aead_seal. */
NACRE_EXPORT int nacre_aead_seal_oneshot(int alg, int backend, const uint8_t *key, size_t key_len,
                                         uint8_t *out, size_t out_cap, size_t *out_len,
                                         const uint8_t *nonce, size_t nonce_len,
                                         const uint8_t *in, size_t in_len, const uint8_t *ad,
                                         size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aead_open_oneshot is nacre_aead_open with a key given as bytes, as
 * nacre_aead_seal_oneshot is for sealing. On any failure |out| is zeroed. */
NACRE_EXPORT int nacre_aead_open_oneshot(int alg, int backend, const uint8_t *key, size_t key_len,
                                         uint8_t *out, size_t out_cap, size_t *out_len,
                                         const uint8_t *nonce, size_t nonce_len,
                                         const uint8_t *in, size_t in_len, const uint8_t *ad,
                                         size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Streaming encryption (libsodium's secretstream, XChaCha20-Poly1305).
 *
 * A stream is a header (NACRE_SECRETSTREAM_HEADER_LEN bytes, sent first) followed by messages,
 * each NACRE_SECRETSTREAM_OVERHEAD bytes longer than its plaintext and carrying a tag. The last
 * message carries NACRE_SECRETSTREAM_TAG_FINAL. The reader detects altered, dropped, reordered,
 * replayed and appended messages; a reader that runs out of input before the final tag must
 * treat the stream as truncated (nacre_secretstream_decryptor_is_finished tells). A stream state
 * belongs to one thread at a time. */

#define NACRE_SECRETSTREAM_KEY_LEN 32
#define NACRE_SECRETSTREAM_HEADER_LEN 24
#define NACRE_SECRETSTREAM_OVERHEAD 17

typedef enum nacre_secretstream_tag {
  NACRE_SECRETSTREAM_TAG_MESSAGE = 0,
  NACRE_SECRETSTREAM_TAG_PUSH = 1,
  NACRE_SECRETSTREAM_TAG_REKEY = 2,
  NACRE_SECRETSTREAM_TAG_FINAL = 3
} nacre_secretstream_tag;

typedef struct nacre_secretstream_encryptor nacre_secretstream_encryptor;
typedef struct nacre_secretstream_decryptor nacre_secretstream_decryptor;

/* nacre_secretstream_encryptor_new starts a stream under the 32-byte |key| and writes its header
 * (NACRE_SECRETSTREAM_HEADER_LEN bytes) to |header|. Errors: NACRE_ERR_INVALID_ARGUMENT,
 * NACRE_ERR_INVALID_KEY (wrong key length), NACRE_ERR_BUFFER_TOO_SMALL (|header_cap|),
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_secretstream_encryptor_new(nacre_secretstream_encryptor **out, uint8_t *header,
                                             size_t header_cap, size_t *header_len,
                                             const uint8_t *key, size_t key_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_secretstream_push encrypts |in_len| bytes of |in| (with |ad_len| bytes of associated
 * data) as the next message, tagged |tag|, writing |in_len| + NACRE_SECRETSTREAM_OVERHEAD bytes
 * to |out| (which may be exactly |in|'s buffer). After a final tag the stream is closed and
 * further pushes fail with NACRE_ERR_INVALID_ARGUMENT. Other errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT (unknown tag), NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_secretstream_push(nacre_secretstream_encryptor *st, uint8_t *out,
                                         size_t out_cap, size_t *out_len, const uint8_t *in,
                                         size_t in_len, const uint8_t *ad, size_t ad_len, int tag) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_secretstream_encryptor_free wipes and releases |st|; NULL is a no-op. */
NACRE_EXPORT void nacre_secretstream_encryptor_free(nacre_secretstream_encryptor *st) NACRE_NOEXCEPT;

/* nacre_secretstream_decryptor_new starts reading a stream from its |header| under |key|. Errors:
 * NACRE_ERR_INVALID_ARGUMENT (wrong header length), NACRE_ERR_INVALID_KEY,
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_secretstream_decryptor_new(nacre_secretstream_decryptor **out,
                                             const uint8_t *header, size_t header_len,
                                             const uint8_t *key, size_t key_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_secretstream_pull checks and decrypts the next message |in| into |out| (|in_len| -
 * NACRE_SECRETSTREAM_OVERHEAD bytes; |out| may be exactly |in|'s buffer) and stores its tag in
 * |*tag| (may be NULL). Returns NACRE_OK or NACRE_ERR_VERIFICATION_FAILED (altered, reordered,
 * foreign or too short message, or anything after the final message: |out| is zeroed and the
 * stream is poisoned, so every later pull fails too), NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_secretstream_pull(nacre_secretstream_decryptor *st, uint8_t *out,
                                         size_t out_cap, size_t *out_len, int *tag,
                                         const uint8_t *in, size_t in_len, const uint8_t *ad,
                                         size_t ad_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_secretstream_decryptor_is_finished returns NACRE_OK when the final message has been read,
 * NACRE_ERR_VERIFICATION_FAILED when not (at the end of the input: truncated), or
 * NACRE_ERR_INVALID_HANDLE. */
NACRE_EXPORT int nacre_secretstream_decryptor_is_finished(const nacre_secretstream_decryptor *st) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_secretstream_decryptor_free wipes and releases |st|; NULL is a no-op. */
NACRE_EXPORT void nacre_secretstream_decryptor_free(nacre_secretstream_decryptor *st) NACRE_NOEXCEPT;

/* Key derivation.
 *
 * HKDF (RFC 5869) and PBKDF2 (RFC 8018) run over the hashes with NACRE_HASH_FLAG_KDF: SHA-1 (for
 * formats that fix it: PBKDF2-HMAC-SHA1 in WPA2, PKCS#12 and older key files), SHA-256, SHA-384
 * and SHA-512 (|hash_alg| is a nacre_hash_alg). HKDF-SHA256 and HKDF-SHA512 are implemented by both
 * backends, the others by BoringSSL; PBKDF2 is BoringSSL's. nacre_kdf_derive is
 * libsodium's crypto_kdf: numbered subkeys of one master key, through keyed BLAKE2b.
 *
 * HKDF and PBKDF2 are not interchangeable: HKDF expects input keying material that is already
 * strong (a Diffie-Hellman secret, a random key); a password needs a deliberately slow function
 * (nacre_pwhash_* below, or PBKDF2 with many iterations where a standard demands PBKDF2).
 *
 * Except for nacre_hkdf_extract (which follows the out/out_cap/out_len convention and may alias
 * its inputs), these functions fill exactly |out_len| bytes, zero all of them on failure, and
 * refuse an |out| that overlaps an input (NACRE_ERR_INVALID_ARGUMENT). All are thread-safe. */

#define NACRE_KDF_KEY_LEN 32
#define NACRE_KDF_CONTEXT_LEN 8
#define NACRE_KDF_MIN_LEN 16
#define NACRE_KDF_MAX_LEN 64
/* NACRE_PBKDF2_MAX_LEN is nacre's cap on a PBKDF2 output (1 MiB). */
#define NACRE_PBKDF2_MAX_LEN 1048576

/* nacre_hkdf_max_len returns the longest HKDF output with |hash_alg|, 255 times its digest
 * length, or 0 when |hash_alg| is not offered for HKDF. The pseudorandom key of
 * nacre_hkdf_extract is nacre_hash_digest_len(hash_alg) bytes long. Informational: returns a
 * size, not a status. */
NACRE_EXPORT size_t nacre_hkdf_max_len(int hash_alg) NACRE_NOEXCEPT;

/* nacre_hkdf fills |out_len| bytes of |out| with HKDF-Expand(HKDF-Extract(|salt|, |ikm|),
 * |info|, |out_len|) on |backend|. An empty |salt| stands for HashLen zero bytes, as RFC 5869
 * says. Errors: NACRE_ERR_UNSUPPORTED (unknown |hash_alg| or |backend|, a hash other than
 * SHA-256/384/512, or |backend| lacks it), NACRE_ERR_INVALID_ARGUMENT (|out_len| 0 or above
 * nacre_hkdf_max_len(hash_alg), NULL with a non-zero length, overlap). Thread-safe. */
NACRE_EXPORT int nacre_hkdf(int hash_alg, int backend, uint8_t *out, size_t out_len,
                            const uint8_t *ikm, size_t ikm_len, const uint8_t *salt,
                            size_t salt_len, const uint8_t *info, size_t info_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_hkdf_extract writes the pseudorandom key HKDF-Extract(|salt|, |ikm|),
 * nacre_hash_digest_len(hash_alg) bytes, to |prk| (out/cap/len convention: a call with |prk|
 * NULL and |prk_cap| 0 is a size query). Errors: those of nacre_hkdf, plus
 * NACRE_ERR_BUFFER_TOO_SMALL and NACRE_ERR_INVALID_ARGUMENT for |prk_len| NULL. Thread-safe. */
NACRE_EXPORT int nacre_hkdf_extract(int hash_alg, int backend, uint8_t *prk, size_t prk_cap,
                                    size_t *prk_len, const uint8_t *ikm, size_t ikm_len,
                                    const uint8_t *salt, size_t salt_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_hkdf_expand fills |out_len| bytes of |out| with HKDF-Expand(|prk|, |info|, |out_len|).
 * |prk_len| must equal nacre_hash_digest_len(hash_alg), the length nacre_hkdf_extract produces;
 * anything else is NACRE_ERR_INVALID_ARGUMENT. Other errors as nacre_hkdf. Thread-safe. */
NACRE_EXPORT int nacre_hkdf_expand(int hash_alg, int backend, uint8_t *out, size_t out_len,
                                   const uint8_t *prk, size_t prk_len, const uint8_t *info,
                                   size_t info_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_pbkdf2 fills |out_len| bytes (1 to NACRE_PBKDF2_MAX_LEN) of |out| with
 * PBKDF2-HMAC-|hash_alg| of |password| and |salt| with |iterations| rounds (1 to 2^32 - 1).
 * |hash_alg| is NACRE_HASH_SHA256 or NACRE_HASH_SHA512; the work grows with |iterations| times
 * |out_len| / HashLen, which is why the output is capped. Errors: NACRE_ERR_UNSUPPORTED (another
 * |hash_alg|), NACRE_ERR_INVALID_ARGUMENT (|iterations| or |out_len| out of range, NULL with a
 * non-zero length, overlap). Thread-safe. */
NACRE_EXPORT int nacre_pbkdf2(int hash_alg, uint8_t *out, size_t out_len, const uint8_t *password,
                              size_t password_len, const uint8_t *salt, size_t salt_len,
                              uint64_t iterations) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_kdf_derive fills |out_len| bytes (NACRE_KDF_MIN_LEN to NACRE_KDF_MAX_LEN) of |out| with
 * subkey number |subkey_id| of the master |key| (exactly NACRE_KDF_KEY_LEN bytes) in |context|
 * (exactly NACRE_KDF_CONTEXT_LEN bytes, such as "UserName"), libsodium's
 * crypto_kdf_derive_from_key. Errors: NACRE_ERR_INVALID_ARGUMENT (a length out of range, NULL
 * with a non-zero length, overlap). Thread-safe. */
NACRE_EXPORT int nacre_kdf_derive(uint8_t *out, size_t out_len, uint64_t subkey_id,
                                  const uint8_t *context, size_t context_len, const uint8_t *key,
                                  size_t key_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* AES key wrap.
 *
 * RFC 3394 key wrap and RFC 5649 key wrap with padding, BoringSSL's AES_wrap_key family, for the
 * formats that require them (JWE A128KW/A256KW, CMS, KMIP, cloud KMS key exports); new designs
 * should seal keys with an AEAD. |kek| is an AES key of 16, 24 or 32 bytes (else
 * NACRE_ERR_INVALID_KEY). NACRE_KEYWRAP_RFC3394 wraps keys of 16 bytes or more, a multiple of 8;
 * NACRE_KEYWRAP_RFC5649 wraps 1 to 2^32 - 1 bytes. The wrapped key is NACRE_KEYWRAP_OVERHEAD bytes
 * longer than the key (for RFC 5649: than the key padded to a multiple of 8). Thread-safe. */
#define NACRE_KEYWRAP_OVERHEAD 8u

typedef enum nacre_keywrap_mode {
  NACRE_KEYWRAP_RFC3394 = 1,
  NACRE_KEYWRAP_RFC5649 = 2
} nacre_keywrap_mode;

/* nacre_aes_key_wrap wraps |key| under |kek| with |mode| into |out|. A size query (|out_cap|
 * too small) reports the wrapped length. Errors: NACRE_ERR_INVALID_ARGUMENT (a key length |mode|
 * cannot wrap, NULL with a non-zero length, overlap), NACRE_ERR_INVALID_KEY (|kek| size),
 * NACRE_ERR_UNSUPPORTED (unknown |mode|), NACRE_ERR_BUFFER_TOO_SMALL. */
NACRE_EXPORT int nacre_aes_key_wrap(int mode, const uint8_t *kek, size_t kek_len, uint8_t *out,
                                    size_t out_cap, size_t *out_len, const uint8_t *key,
                                    size_t key_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_aes_key_unwrap checks and unwraps |wrapped| into |out|, which needs |wrapped_len| - 8
 * bytes of room (a size query reports that); |*out_len| is the key's length. Any input that does
 * not unwrap under |kek|, including a length |mode| never produces (not a multiple of 8, below
 * 24 bytes for RFC 3394 or 16 for RFC 5649), is NACRE_ERR_VERIFICATION_FAILED, and |out| is then
 * zeroed. Other errors as nacre_aes_key_wrap. */
NACRE_EXPORT int nacre_aes_key_unwrap(int mode, const uint8_t *kek, size_t kek_len, uint8_t *out,
                                      size_t out_cap, size_t *out_len, const uint8_t *wrapped,
                                      size_t wrapped_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Password hashing.
 *
 * Argon2id, Argon2i and scrypt through libsodium. |opslimit| and |memlimit| (bytes) are
 * libsodium's: each algorithm has its own range, and nacre caps |memlimit| at
 * NACRE_PWHASH_MAX_MEMLIMIT (4 GiB) and |opslimit| at NACRE_PWHASH_ARGON2_MAX_OPSLIMIT (32
 * passes) for Argon2 and NACRE_PWHASH_SCRYPT_MAX_OPSLIMIT (2^28) for scrypt, eight times the
 * sensitive presets, so a hostile stored string cannot pin a verifier for days. Limits out of range are NACRE_ERR_INVALID_ARGUMENT,
 * refused before anything is allocated. nacre_pwhash_preset_limits gives libsodium's presets;
 * for new passwords, Argon2id with NACRE_PWHASH_MODERATE is a good start.
 *
 * A hash string ("$argon2id$v=19$m=65536,t=2,p=1$...", "$argon2i$...", "$7$..." for scrypt) is
 * ASCII and holds the algorithm, its parameters and a random salt. Verifying a string runs the
 * algorithm with the string's own parameters; a string whose memory would exceed
 * NACRE_PWHASH_MAX_MEMLIMIT, or whose time cost exceeds the opslimit cap above, is
 * refused as NACRE_ERR_INVALID_ARGUMENT before anything is allocated. Within those limits a
 * string still costs what it asks for: only verify strings you stored yourself.
 *
 * Every function here is thread-safe; a call runs on the calling thread only. */

typedef enum nacre_pwhash_alg {
  NACRE_PWHASH_ARGON2ID = 1,
  NACRE_PWHASH_ARGON2I = 2,
  NACRE_PWHASH_SCRYPT = 3 /* libsodium's scryptsalsa208sha256: 32-byte salts, "$7$" strings */
} nacre_pwhash_alg;

typedef enum nacre_pwhash_preset {
  NACRE_PWHASH_INTERACTIVE = 1,
  NACRE_PWHASH_MODERATE = 2, /* Argon2 only: libsodium defines none for scrypt */
  NACRE_PWHASH_SENSITIVE = 3
} nacre_pwhash_preset;

/* NACRE_PWHASH_MAX_MEMLIMIT is nacre's memory cap in bytes (4 GiB), below libsodium's own. */
#define NACRE_PWHASH_MAX_MEMLIMIT UINT64_C(4294967296)
#define NACRE_PWHASH_ARGON2_MAX_OPSLIMIT 32
#define NACRE_PWHASH_SCRYPT_MAX_OPSLIMIT 268435456
/* NACRE_SCRYPT_MAX_LEN is nacre's cap on a raw scrypt output (1 MiB). */
#define NACRE_SCRYPT_MAX_LEN 1048576

/* nacre_pwhash_preset_limits stores libsodium's |preset| limits for |alg| in |*opslimit| and
 * |*memlimit| (both 0 on failure). Errors: NACRE_ERR_UNSUPPORTED (unknown |alg| or |preset|, or
 * NACRE_PWHASH_MODERATE with scrypt), NACRE_ERR_INVALID_ARGUMENT (a NULL output). */
NACRE_EXPORT int nacre_pwhash_preset_limits(int alg, int preset, uint64_t *opslimit,
                                            size_t *memlimit) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_pwhash_salt_len returns the salt length of |alg| (16 for Argon2, 32 for scrypt), 0 for
 * an unknown number. Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_pwhash_salt_len(int alg) NACRE_NOEXCEPT;

/* nacre_pwhash_str_len returns the buffer size nacre_pwhash_str needs for any algorithm, the
 * terminating NUL included (128). Informational: returns a size, not a status. */
NACRE_EXPORT size_t nacre_pwhash_str_len(void) NACRE_NOEXCEPT;

/* nacre_pwhash_derive fills |out_len| bytes (16 to 2^32 - 1) of |out| with a key derived from
 * |password| and |salt| (exactly nacre_pwhash_salt_len(alg) bytes) with |alg|, |opslimit| and
 * |memlimit|. Errors: NACRE_ERR_UNSUPPORTED (unknown |alg|), NACRE_ERR_INVALID_ARGUMENT (wrong
 * salt length, limits or |out_len| out of range, NULL with a non-zero length, overlap),
 * NACRE_ERR_OUT_OF_MEMORY. On failure |out| is zeroed. Thread-safe. */
NACRE_EXPORT int nacre_pwhash_derive(int alg, uint8_t *out, size_t out_len,
                                     const uint8_t *password, size_t password_len,
                                     const uint8_t *salt, size_t salt_len, uint64_t opslimit,
                                     size_t memlimit) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_pwhash_str hashes |password| with |alg|, |opslimit|, |memlimit| and a random salt, and
 * writes the NUL-terminated hash string to |out|. |out_cap| must be at least
 * nacre_pwhash_str_len(); otherwise the result is NACRE_ERR_BUFFER_TOO_SMALL with
 * nacre_pwhash_str_len() in |*out_len|. On success |*out_len| is the string's length without
 * its NUL. Errors: NACRE_ERR_UNSUPPORTED, NACRE_ERR_INVALID_ARGUMENT (limits out of range, NULL
 * with a non-zero length, |out_len| NULL), NACRE_ERR_BUFFER_TOO_SMALL, NACRE_ERR_OUT_OF_MEMORY.
 * Thread-safe. */
NACRE_EXPORT int nacre_pwhash_str(int alg, char *out, size_t out_cap, size_t *out_len,
                                  const uint8_t *password, size_t password_len,
                                  uint64_t opslimit, size_t memlimit) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_pwhash_str_verify checks |password| against the hash string of |str_len| bytes at
 * |str| (no NUL needed; a NUL inside makes it malformed), made by nacre_pwhash_str or any
 * libsodium-compatible implementation. Returns NACRE_OK on a match,
 * NACRE_ERR_VERIFICATION_FAILED for a wrong password, NACRE_ERR_INVALID_ARGUMENT for a string
 * that is malformed, of an unknown algorithm or beyond nacre's limits (see above), or NULL with
 * a non-zero length; NACRE_ERR_OUT_OF_MEMORY. Thread-safe. */
NACRE_EXPORT int nacre_pwhash_str_verify(const char *str, size_t str_len, const uint8_t *password,
                                         size_t password_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_pwhash_str_needs_rehash sets |*needs_rehash| to 1 when the hash string |str| was made
 * with limits other than |opslimit| and |memlimit| for the string's own algorithm (so the
 * password should be hashed again once verified), 0 when they are the same. It does not run the
 * algorithm. |*needs_rehash| is 0 on failure. Errors: NACRE_ERR_INVALID_ARGUMENT (as
 * nacre_pwhash_str_verify, limits out of range for the string's algorithm, |needs_rehash|
 * NULL). Thread-safe. */
NACRE_EXPORT int nacre_pwhash_str_needs_rehash(const char *str, size_t str_len,
                                               uint64_t opslimit, size_t memlimit,
                                               int *needs_rehash) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_scrypt fills |out_len| bytes (1 to NACRE_SCRYPT_MAX_LEN) of |out| with scrypt (RFC
 * 7914) of |password| and |salt| (any length) with explicit parameters on |backend|: |n| a power
 * of two with 2 <= |n| <= 2^32 and |n| < 2^(16 |r|), |r| >= 1, |p| >= 1, |r| * |p| < 2^30, and
 * the memory it needs, 128 * |r| * (|n| + |p|) bytes, at most NACRE_PWHASH_MAX_MEMLIMIT. Errors:
 * NACRE_ERR_UNSUPPORTED (unknown |backend|), NACRE_ERR_INVALID_ARGUMENT (parameters or
 * |out_len| out of range, NULL with a non-zero length, overlap), NACRE_ERR_OUT_OF_MEMORY.
 * Thread-safe. */
NACRE_EXPORT int nacre_scrypt(int backend, uint8_t *out, size_t out_len, const uint8_t *password,
                              size_t password_len, const uint8_t *salt, size_t salt_len,
                              uint64_t n, uint32_t r, uint32_t p) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Public keys.
 *
 * A nacre_key holds one key pair or one public key of a nacre_key_type. Key handles are immutable
 * after creation: one handle may be used by many threads at once. Private parts live in locked
 * secret memory and leave the library only through nacre_key_export with a private format.
 *
 * Encodings (nacre_key_format):
 * - RAW_PRIVATE: X25519 32-byte scalar; Ed25519 32-byte seed (RFC 8032); P-256/P-384/P-521
 *   scalar, big endian, 32/48/66 bytes; ML-KEM-768 64-byte seed d||z (FIPS 203); X-Wing 32-byte seed.
 * - RAW_PUBLIC: X25519/Ed25519 32 bytes; P-256/P-384/P-521 the uncompressed SEC1 point; ML-KEM-768
 *   the 1184-byte encapsulation key; X-Wing the 1216-byte public key.
 * - PKCS8_DER/PKCS8_PEM (private) and SPKI_DER/SPKI_PEM (public): X25519, Ed25519, P-256, P-384,
 *   P-521 and RSA. PEM is one block ("PRIVATE KEY" / "PUBLIC KEY"), optionally surrounded by
 *   whitespace. A PEM block of another kind is NACRE_ERR_INVALID_KEY with a message that names
 *   what was found and the format that reads it.
 * - PKCS1_PRIVATE_DER/PEM ("RSA PRIVATE KEY") and PKCS1_PUBLIC_DER/PEM ("RSA PUBLIC KEY"): RSA's
 *   PKCS#1 RSAPrivateKey and RSAPublicKey (RFC 8017 A.1), as OpenSSL's "traditional" form.
 * - SEC1_PRIVATE_DER/PEM ("EC PRIVATE KEY"): an RFC 5915 ECPrivateKey naming its curve (written
 *   with its public key, as OpenSSL writes it).
 * - ENCRYPTED_PKCS8_DER/PEM ("ENCRYPTED PRIVATE KEY"): RFC 5958 EncryptedPrivateKeyInfo, only
 *   through nacre_key_import_encrypted and nacre_key_export_encrypted. Read: PBES2 with PBKDF2
 *   (HMAC-SHA1 or HMAC-SHA256) and AES-128/192/256-CBC; other schemes (scrypt, DES, RC2, PKCS#12
 *   PBEs) are NACRE_ERR_UNSUPPORTED. Written: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, random
 *   16-byte salt and IV. Legacy encrypted PEM (Proc-Type/DEK-Info headers) is
 *   NACRE_ERR_UNSUPPORTED.
 * - SEC1_UNCOMPRESSED/SEC1_COMPRESSED: P-256/P-384/P-521 public points. Off-curve points and the point
 *   at infinity are NACRE_ERR_INVALID_KEY.
 * - MLKEM_EXPANDED_PRIVATE: the 2400-byte ML-KEM-768 decapsulation key of FIPS 203 (import
 *   checks the hash of the embedded encapsulation key).
 * RSA keys have 2048 to 4096 bits (a multiple of 8) and public exponent 65537 on generation;
 * others are NACRE_ERR_INVALID_KEY, with the key's size in the message (public keys of 1024 to
 * 2047 bits: nacre_key_import_legacy_rsa). ML-KEM-768 and X-Wing keys have raw encodings only.
 * Malformed input of any kind, trailing bytes included, is NACRE_ERR_INVALID_KEY; a well-formed
 * key of a type or curve nacre does not offer is NACRE_ERR_UNSUPPORTED. */

typedef enum nacre_key_type {
  NACRE_KEY_X25519 = 1,
  NACRE_KEY_ED25519 = 2,
  NACRE_KEY_P256 = 3,
  NACRE_KEY_P384 = 4,
  NACRE_KEY_RSA = 5,
  NACRE_KEY_MLKEM768 = 6,
  NACRE_KEY_XWING = 7,
  NACRE_KEY_P521 = 8
} nacre_key_type;

/* The key_type table (see the conventions at the top): names such as
 * "x25519", "ed25519", "p256", "rsa", "ml-kem-768", "x-wing". */
NACRE_EXPORT size_t nacre_key_type_count(void) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_key_type_at(size_t index) NACRE_NOEXCEPT;
NACRE_EXPORT const char *nacre_key_type_name(int type) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_key_type_from_name(const char *name) NACRE_NOEXCEPT;

typedef enum nacre_key_format {
  NACRE_KEY_FORMAT_RAW_PRIVATE = 1,
  NACRE_KEY_FORMAT_RAW_PUBLIC = 2,
  NACRE_KEY_FORMAT_PKCS8_DER = 3,
  NACRE_KEY_FORMAT_PKCS8_PEM = 4,
  NACRE_KEY_FORMAT_SPKI_DER = 5,
  NACRE_KEY_FORMAT_SPKI_PEM = 6,
  NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED = 7,
  NACRE_KEY_FORMAT_SEC1_COMPRESSED = 8,
  NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE = 9,
  NACRE_KEY_FORMAT_PKCS1_PRIVATE_DER = 10,
  NACRE_KEY_FORMAT_PKCS1_PRIVATE_PEM = 11,
  NACRE_KEY_FORMAT_SEC1_PRIVATE_DER = 12,
  NACRE_KEY_FORMAT_SEC1_PRIVATE_PEM = 13,
  NACRE_KEY_FORMAT_PKCS1_PUBLIC_DER = 14,
  NACRE_KEY_FORMAT_PKCS1_PUBLIC_PEM = 15,
  NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_DER = 16,
  NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_PEM = 17
} nacre_key_format;

/* PBKDF2 iterations nacre_key_export_encrypted uses when given 0. */
#define NACRE_KEY_DEFAULT_PBKDF2_ITERATIONS 600000u

typedef struct nacre_key nacre_key;

/* nacre_key_generate creates a fresh key pair of |type| in |*out| (NULL on failure). |rsa_bits|
 * is 2048, 3072 or 4096 for NACRE_KEY_RSA and must be 0 for every other type. Errors:
 * NACRE_ERR_INVALID_ARGUMENT (|out| NULL, |rsa_bits| wrong for |type|), NACRE_ERR_UNSUPPORTED
 * (unknown |type|), NACRE_ERR_OUT_OF_MEMORY. Thread-safe. */
NACRE_EXPORT int nacre_key_generate(nacre_key **out, int type, size_t rsa_bits) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_key_import decodes |in_len| bytes of |in| in |format| into |*out| (NULL on failure).
 * |type| names the key type; 0 lets PKCS8/SPKI encodings (DER or PEM) say it themselves and is
 * refused for the raw and SEC1 formats. A PKCS8/SPKI key of another type than a non-zero |type|
 * is NACRE_ERR_INVALID_KEY. Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL, NULL with a non-zero
 * length, |type| 0 with a raw format), NACRE_ERR_INVALID_KEY (malformed, wrong size, off-curve,
 * RSA size out of range, an Ed25519 public key that is not a canonical point of prime order; a
 * small-order X25519 peer is caught by nacre_key_agree), NACRE_ERR_UNSUPPORTED
 * (unknown |type| or |format|, a format |type| does not have, another algorithm or curve),
 * NACRE_ERR_OUT_OF_MEMORY. Thread-safe. */
NACRE_EXPORT int nacre_key_import(nacre_key **out, int type, int format, const uint8_t *in,
                                  size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_key_import_legacy_rsa imports an RSA public key of 1024 to 4096 bits (a multiple of 8)
 * from SPKI or PKCS#1 (DER or PEM), for verifying signatures made before 2048 bits became the
 * floor; nacre_key_import refuses keys below 2048 bits. A key below 2048 bits verifies only:
 * RSA-OAEP encryption with it is NACRE_ERR_INVALID_KEY. Errors as nacre_key_import, and
 * NACRE_ERR_INVALID_ARGUMENT for a format other than SPKI_DER/PEM and PKCS1_PUBLIC_DER/PEM.
 * Thread-safe. */
NACRE_EXPORT int nacre_key_import_legacy_rsa(nacre_key **out, int format, const uint8_t *in,
                                             size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_key_import_encrypted is nacre_key_import for the ENCRYPTED_PKCS8 formats, decrypted
 * with |password| (any bytes; an empty password is allowed). Errors as nacre_key_import, and:
 * NACRE_ERR_INVALID_KEY (wrong password or corrupt data: the two cannot be told apart),
 * NACRE_ERR_UNSUPPORTED (an encryption scheme nacre does not read), NACRE_ERR_INVALID_ARGUMENT
 * (another |format|). nacre_key_import refuses these formats (NACRE_ERR_INVALID_ARGUMENT).
 * Thread-safe. */
NACRE_EXPORT int nacre_key_import_encrypted(nacre_key **out, int type, int format, const uint8_t *in,
                                            size_t in_len, const uint8_t *password,
                                            size_t password_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_key_export_encrypted writes the key pair |key| as encrypted PKCS#8 (DER or PEM) under
 * |password| with |iterations| of PBKDF2 (0: NACRE_KEY_DEFAULT_PBKDF2_ITERATIONS; more costs
 * linearly). A size query does not run PBKDF2. Errors as nacre_key_export, and
 * NACRE_ERR_INVALID_ARGUMENT for a format other than ENCRYPTED_PKCS8_DER/PEM. Thread-safe. */
NACRE_EXPORT int nacre_key_export_encrypted(const nacre_key *key, int format, const uint8_t *password,
                                            size_t password_len, uint32_t iterations, uint8_t *out,
                                            size_t out_cap, size_t *out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_key_export encodes |key| in |format| into |out|. Private formats need a key pair.
 * PEM output is text without a terminating NUL. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT (|out_len| NULL, a private format of a public key),
 * NACRE_ERR_UNSUPPORTED (unknown |format|, or one the key type does not have; an ML-KEM key
 * imported in expanded form has no seed), NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_key_export(const nacre_key *key, int format, uint8_t *out, size_t out_cap,
                                  size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_key_public creates in |*out| (NULL on failure) a handle holding only the public part of
 * |key| (a key pair or a public key). Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. Thread-safe. */
NACRE_EXPORT int nacre_key_public(const nacre_key *key, nacre_key **out) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_key_to_x25519 creates in |*out| (NULL on failure) the X25519 key of an Ed25519 key's
 * point (libsodium's crypto_sign_ed25519_pk_to_curve25519 and _sk_to_curve25519): a key pair for a
 * key pair, a public key for a public key. For protocols that box to signing keys; keeping the
 * two apart is better. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (|out| NULL),
 * NACRE_ERR_INVALID_KEY (not Ed25519; a point with no X25519 form), NACRE_ERR_OUT_OF_MEMORY.
 * Thread-safe. */
NACRE_EXPORT int nacre_key_to_x25519(const nacre_key *key, nacre_key **out) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_key_info stores the key's nacre_key_type in |*type|, 1 in |*has_private| for a key pair
 * (0 for a public key) and its size in bits in |*bits| (255 for X25519/Ed25519, 256/384/521 for
 * the curves, the modulus size for RSA, 768 for ML-KEM-768 and X-Wing). Any output pointer may be
 * NULL. Errors: NACRE_ERR_INVALID_HANDLE. Thread-safe. */
NACRE_EXPORT int nacre_key_info(const nacre_key *key, int *type, int *has_private,
                                size_t *bits) NACRE_NOEXCEPT;

/* nacre_key_equal compares two keys in time independent of their secret contents: NACRE_OK when
 * they have the same type, the same public key and, for two key pairs, the same private key;
 * NACRE_ERR_VERIFICATION_FAILED otherwise (a key pair never equals a public key).
 * Errors: NACRE_ERR_INVALID_HANDLE. Thread-safe. */
NACRE_EXPORT int nacre_key_equal(const nacre_key *a, const nacre_key *b) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_key_free wipes and releases |key|. NULL is a no-op; a foreign or freed handle is detected
 * best effort and ignored. */
NACRE_EXPORT void nacre_key_free(nacre_key *key) NACRE_NOEXCEPT;

/* Signatures.
 *
 * Ed25519 (RFC 8032, pure) runs on both backends; everything else on BoringSSL. ECDSA nonces
 * are random (BoringSSL's), so two signatures of one message differ. ECDSA signatures come in
 * DER (X9.62 Ecdsa-Sig-Value, strict DER) or fixed-size r||s (IEEE P1363).
 *
 * Two ways to name a signature. A nacre_sig_alg fixes everything: the curve's own hash for ECDSA,
 * and for NACRE_SIG_RSA_PSS_SHA256 MGF1-SHA-256 with a 32-byte salt when signing and any salt
 * length when verifying (so that signatures made with another salt, such as the longest one,
 * verify). The nacre_sign_with family takes a nacre_sig_scheme with a hash and, for RSA-PSS, a
 * salt length instead: ECDSA on any of the curves over SHA-224/256/384/512, SHA-512/256 or
 * SHA3-256/512; RSA-PSS (MGF1 over the same hash) and RSASSA-PKCS1-v1_5 over SHA-224/256/384/512.
 *
 * Ed25519 verification policy, the same on both backends: a signature is accepted only when S is
 * canonical (S < L), R is not the identity, the public key is a canonical encoding of a point of
 * prime order (checked once, when the key is imported), and the cofactorless equation
 * [S]B = R + [k]A holds with R compared as an encoding. This is libsodium's rule set made
 * explicit: nacre checks the parts BoringSSL would otherwise leave to the equation. */

typedef enum nacre_sig_alg {
  NACRE_SIG_ED25519 = 1,
  NACRE_SIG_ECDSA_P256_SHA256 = 2,
  NACRE_SIG_ECDSA_P256_SHA256_P1363 = 3,
  NACRE_SIG_ECDSA_P384_SHA384 = 4,
  NACRE_SIG_ECDSA_P384_SHA384_P1363 = 5,
  NACRE_SIG_RSA_PSS_SHA256 = 6,
  NACRE_SIG_RSA_PKCS1_SHA256 = 7,
  NACRE_SIG_ECDSA_P521_SHA512 = 8,
  NACRE_SIG_ECDSA_P521_SHA512_P1363 = 9
} nacre_sig_alg;

/* The sig table (see the conventions at the top): names such as
 * "ed25519", "ecdsa-p256-sha256", "ecdsa-p256-sha256-p1363", "rsa-pss-sha256". */
NACRE_EXPORT size_t nacre_sig_count(void) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_sig_at(size_t index) NACRE_NOEXCEPT;
NACRE_EXPORT const char *nacre_sig_name(int alg) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_sig_from_name(const char *name) NACRE_NOEXCEPT;

/* nacre_sign signs |msg| with the key pair |key| under |alg| on |backend| and writes the
 * signature to |out|. A size query (|out_cap| too small) reports the largest signature |key| can
 * give; |*out_len| on success is the actual length (DER signatures vary). Errors:
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (public key only, NULL with a non-zero
 * length, |out_len| NULL), NACRE_ERR_INVALID_KEY (|key| does not fit |alg|),
 * NACRE_ERR_UNSUPPORTED (unknown |alg|/|backend|, a backend without |alg|),
 * NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_sign(const nacre_key *key, int alg, int backend, uint8_t *out,
                            size_t out_cap, size_t *out_len, const uint8_t *msg,
                            size_t msg_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_verify checks |sig| over |msg| with |key| (public key or key pair). Returns NACRE_OK or
 * NACRE_ERR_VERIFICATION_FAILED (any bad or malformed signature), or the argument errors of
 * nacre_sign. Thread-safe. */
NACRE_EXPORT int nacre_verify(const nacre_key *key, int alg, int backend, const uint8_t *sig,
                              size_t sig_len, const uint8_t *msg, size_t msg_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_sign_digest and nacre_verify_digest are nacre_sign and nacre_verify for ECDSA and RSA
 * over a digest computed by the caller: |digest_len| must be the algorithm's hash length (32 for
 * SHA-256, 48 for SHA-384, 64 for SHA-512), else NACRE_ERR_INVALID_ARGUMENT. Ed25519 has no digest form
 * (NACRE_ERR_UNSUPPORTED). Thread-safe. */
NACRE_EXPORT int nacre_sign_digest(const nacre_key *key, int alg, uint8_t *out, size_t out_cap,
                                   size_t *out_len, const uint8_t *digest,
                                   size_t digest_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_verify_digest(const nacre_key *key, int alg, const uint8_t *sig,
                                     size_t sig_len, const uint8_t *digest,
                                     size_t digest_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Signature schemes for nacre_sign_with and its family. */
typedef enum nacre_sig_scheme {
  NACRE_SIG_SCHEME_ED25519 = 1,
  NACRE_SIG_SCHEME_ECDSA_DER = 2,
  NACRE_SIG_SCHEME_ECDSA_P1363 = 3,
  NACRE_SIG_SCHEME_RSA_PSS = 4,
  NACRE_SIG_SCHEME_RSA_PKCS1 = 5
} nacre_sig_scheme;

/* RSA-PSS salt lengths: a byte count (0 or more), or one of these. */
#define NACRE_PSS_SALT_DIGEST (-1) /* the hash's length */
#define NACRE_PSS_SALT_MAX (-2)    /* the longest the key and hash allow; verifying: exactly that */
#define NACRE_PSS_SALT_AUTO (-3)   /* verifying only: whatever length the signature used */

/* nacre_sign_with is nacre_sign under |scheme| over |hash_alg| (a nacre_hash_alg; 0: the key's
 * default, the curve's own hash for ECDSA and SHA-256 for RSA; Ed25519 takes 0 only) with
 * |pss_salt| for NACRE_SIG_SCHEME_RSA_PSS (0 for every other scheme), on |backend| as nacre_sign.
 * Errors as nacre_sign, and: NACRE_ERR_INVALID_KEY (|key| of another kind than |scheme|
 * signs with), NACRE_ERR_UNSUPPORTED (unknown |scheme|, a hash |scheme| does not take),
 * NACRE_ERR_INVALID_ARGUMENT (a hash for Ed25519, a salt for another scheme than RSA-PSS, a salt
 * below NACRE_PSS_SALT_AUTO or too long for the key, NACRE_PSS_SALT_AUTO when signing).
 * Thread-safe. */
NACRE_EXPORT int nacre_sign_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt,
                                 int backend, uint8_t *out, size_t out_cap, size_t *out_len,
                                 const uint8_t *msg, size_t msg_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
/* nacre_verify_with is nacre_verify under the parameters of nacre_sign_with. */
NACRE_EXPORT int nacre_verify_with(const nacre_key *key, int scheme, int hash_alg, int pss_salt,
                                   int backend, const uint8_t *sig, size_t sig_len,
                                   const uint8_t *msg, size_t msg_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
/* nacre_sign_digest_with and nacre_verify_digest_with take a digest of |hash_alg|'s length
 * (the resolved hash when 0), as nacre_sign_digest. */
NACRE_EXPORT int nacre_sign_digest_with(const nacre_key *key, int scheme, int hash_alg,
                                        int pss_salt, uint8_t *out, size_t out_cap,
                                        size_t *out_len, const uint8_t *digest,
                                        size_t digest_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_verify_digest_with(const nacre_key *key, int scheme, int hash_alg,
                                          int pss_salt, const uint8_t *sig, size_t sig_len,
                                          const uint8_t *digest,
                                          size_t digest_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* Key agreement.
 *
 * nacre_key_agree writes the shared secret of the key pair |key| and the peer's public key |peer|
 * (same type; a key pair is accepted and only its public part used) to |out|: 32 bytes for
 * X25519 (both backends), the 32/48-byte x-coordinate for ECDH on P-256/P-384 (BoringSSL). An
 * all-zero X25519 result (a small-order peer key, RFC 7748 section 6.1) is
 * NACRE_ERR_INVALID_KEY. Hash the secret with a KDF before use. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT (|key| is public only, |out_len| NULL), NACRE_ERR_INVALID_KEY
 * (types differ or do not agree keys), NACRE_ERR_UNSUPPORTED, NACRE_ERR_BUFFER_TOO_SMALL.
 * Thread-safe. */
NACRE_EXPORT int nacre_key_agree(const nacre_key *key, const nacre_key *peer, int backend,
                                 uint8_t *out, size_t out_cap, size_t *out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* RSA-OAEP (SHA-256, MGF1-SHA-256), BoringSSL.
 *
 * nacre_rsa_oaep_encrypt encrypts |in| (at most modulus bytes - 66) to |key| with |label|; the
 * output has the modulus size. nacre_rsa_oaep_decrypt needs the key pair; any decryption failure
 * is NACRE_ERR_VERIFICATION_FAILED and leaves |out| zeroed. Errors: NACRE_ERR_INVALID_HANDLE,
 * NACRE_ERR_INVALID_ARGUMENT (message too long, public key for decrypt, NULL with a non-zero
 * length), NACRE_ERR_INVALID_KEY (not an RSA key), NACRE_ERR_BUFFER_TOO_SMALL (decrypt asks for
 * the largest plaintext the key allows). Thread-safe. */
NACRE_EXPORT int nacre_rsa_oaep_encrypt(const nacre_key *key, uint8_t *out, size_t out_cap,
                                        size_t *out_len, const uint8_t *in, size_t in_len,
                                        const uint8_t *label, size_t label_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_rsa_oaep_decrypt(const nacre_key *key, uint8_t *out, size_t out_cap,
                                        size_t *out_len, const uint8_t *in, size_t in_len,
                                        const uint8_t *label, size_t label_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Boxes (libsodium): X25519 keys, XSalsa20-Poly1305.
 *
 * nacre_box_seal is an anonymous sealed box to |recipient|: output is |in_len| +
 * NACRE_BOX_SEAL_OVERHEAD bytes; nacre_box_seal_open needs the recipient's key pair.
 * nacre_box is crypto_box: authenticated by the sender's key pair |sender|, to |recipient|, under
 * a 24-byte |nonce| that must never repeat for the pair (a random one is fine); output is |in_len|
 * + NACRE_BOX_OVERHEAD bytes. nacre_box_open takes the recipient's key pair and the sender's public
 * key. A failed open is NACRE_ERR_VERIFICATION_FAILED with |out| zeroed. Outputs must not overlap
 * inputs. Errors as for AEAD, plus NACRE_ERR_INVALID_KEY for non-X25519 keys. Thread-safe. */
#define NACRE_BOX_SEAL_OVERHEAD 48
#define NACRE_BOX_OVERHEAD 16
#define NACRE_BOX_NONCE_LEN 24

NACRE_EXPORT int nacre_box_seal(const nacre_key *recipient, uint8_t *out, size_t out_cap,
                                size_t *out_len, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_box_seal_open(const nacre_key *recipient, uint8_t *out, size_t out_cap,
                                     size_t *out_len, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_box(const nacre_key *sender, const nacre_key *recipient, uint8_t *out,
                           size_t out_cap, size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                           const uint8_t *in, size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_box_open(const nacre_key *recipient, const nacre_key *sender, uint8_t *out,
                                size_t out_cap, size_t *out_len, const uint8_t *nonce,
                                size_t nonce_len, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_box_shared_key writes the NACRE_SECRETBOX_KEY_LEN-byte key (libsodium's
 * crypto_box_beforenm) that a box between the key pair |key| and the public key |peer| is a
 * secretbox under: the same from either side, what PyNaCl's Box.shared_key() returns. It is a
 * secret. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_KEY (not X25519; a small-order
 * |peer|), NACRE_ERR_INVALID_ARGUMENT (|key| not a key pair, |out_len| NULL),
 * NACRE_ERR_BUFFER_TOO_SMALL. Thread-safe. */
NACRE_EXPORT int nacre_box_shared_key(const nacre_key *key, const nacre_key *peer, uint8_t *out,
                                      size_t out_cap, size_t *out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Secret boxes (libsodium's crypto_secretbox): XSalsa20-Poly1305 under a 32-byte key. A box is
 * tag || ciphertext (libsodium's combined form; NaCl's and PyNaCl's), NACRE_SECRETBOX_OVERHEAD
 * bytes longer than its message. A key is immutable once made: thread-safe. */
#define NACRE_SECRETBOX_KEY_LEN 32
#define NACRE_SECRETBOX_NONCE_LEN 24
#define NACRE_SECRETBOX_OVERHEAD 16

typedef struct nacre_secretbox_key nacre_secretbox_key;

/* nacre_secretbox_key_new copies the |key_len|-byte |key| into secret memory and stores the new
 * handle in |*out| (NULL on failure). Errors: NACRE_ERR_INVALID_ARGUMENT (|out| NULL, |key| NULL
 * with a non-zero length), NACRE_ERR_INVALID_KEY (|key_len| is not NACRE_SECRETBOX_KEY_LEN),
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_secretbox_key_new(nacre_secretbox_key **out, const uint8_t *key,
                                         size_t key_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
/* nacre_secretbox_key_free wipes and releases |key|. NULL is a no-op; a foreign or freed handle
 * is detected best effort and ignored. */
NACRE_EXPORT void nacre_secretbox_key_free(nacre_secretbox_key *key) NACRE_NOEXCEPT;
/* nacre_secretbox writes the box of |in| under |key| and the NACRE_SECRETBOX_NONCE_LEN-byte
 * |nonce|, which must never repeat for the key (a random one is safe): |in_len| +
 * NACRE_SECRETBOX_OVERHEAD bytes. Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT
 * (|out_len| NULL, a NULL pointer with a non-zero length, a nonce of another size, |out|
 * overlapping an input), NACRE_ERR_BUFFER_TOO_SMALL (|*out_len| is the size needed). */
NACRE_EXPORT int nacre_secretbox(const nacre_secretbox_key *key, uint8_t *out, size_t out_cap,
                                 size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                                 const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
/* nacre_secretbox_open checks and decrypts the box |in| (|in_len| - NACRE_SECRETBOX_OVERHEAD
 * bytes out). A box that was altered, made under another key or nonce, or is shorter than the
 * overhead is NACRE_ERR_VERIFICATION_FAILED, with |out| zeroed. Other errors as for
 * nacre_secretbox. */
NACRE_EXPORT int nacre_secretbox_open(const nacre_secretbox_key *key, uint8_t *out, size_t out_cap,
                                      size_t *out_len, const uint8_t *nonce, size_t nonce_len,
                                      const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Key encapsulation (libsodium): ML-KEM-768 (FIPS 203) and X-Wing (X25519 + ML-KEM-768).
 *
 * nacre_kem_encapsulate makes a fresh shared secret (32 bytes) for the public key |key| and the
 * ciphertext that carries it (1088 bytes for ML-KEM-768, 1120 for X-Wing). nacre_kem_decapsulate
 * recovers the secret with the key pair. Decapsulation has implicit rejection: a wrong or altered
 * ciphertext of the right size gives an unrelated secret, not an error; a ciphertext of the wrong
 * size is NACRE_ERR_INVALID_ARGUMENT. One exception, from libsodium's X-Wing: a ciphertext whose
 * X25519 part is a small-order point is NACRE_ERR_VERIFICATION_FAILED (it depends on public data
 * only). Public keys are checked on import (FIPS 203 7.2 modulus check; a small-order X25519 part
 * of an X-Wing key), and expanded ML-KEM keys against their embedded hash (FIPS 203 7.3). Errors: NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_KEY
 * (not a KEM key), NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_BUFFER_TOO_SMALL (each output reports its
 * size). Thread-safe. */
NACRE_EXPORT size_t nacre_kem_ciphertext_len(int type) NACRE_NOEXCEPT;
NACRE_EXPORT size_t nacre_kem_shared_secret_len(int type) NACRE_NOEXCEPT;

NACRE_EXPORT int nacre_kem_encapsulate(const nacre_key *key, uint8_t *ct, size_t ct_cap,
                                       size_t *ct_len, uint8_t *ss, size_t ss_cap,
                                       size_t *ss_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_kem_decapsulate(const nacre_key *key, uint8_t *ss, size_t ss_cap,
                                       size_t *ss_len, const uint8_t *ct, size_t ct_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* HPKE (RFC 9180), base mode, BoringSSL: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and one of
 * three AEADs.
 *
 * Single shot: nacre_hpke_seal writes enc (32 bytes) || ciphertext (|in_len| + 16) for the X25519
 * public key |recipient|; nacre_hpke_open takes that and the recipient's key pair. A failed open
 * is NACRE_ERR_VERIFICATION_FAILED with |out| zeroed. |out| may not overlap any input, in place
 * included (NACRE_ERR_INVALID_ARGUMENT).
 *
 * Contexts: nacre_hpke_sender_new sets up a sender and writes enc (NACRE_HPKE_ENC_LEN bytes);
 * nacre_hpke_receiver_new sets up the matching receiver from enc. nacre_hpke_ctx_seal and
 * nacre_hpke_ctx_open then protect a sequence of messages, in order (each call advances the
 * sequence number; a failed open does not). nacre_hpke_ctx_export derives |out_len| bytes
 * (at most 255 * 32) from |context|. A context belongs to one thread at a time. */
#define NACRE_HPKE_ENC_LEN 32
#define NACRE_HPKE_TAG_LEN 16

typedef enum nacre_hpke_suite {
  NACRE_HPKE_X25519_SHA256_AES128GCM = 1,
  NACRE_HPKE_X25519_SHA256_AES256GCM = 2,
  NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305 = 3
} nacre_hpke_suite;

/* The hpke_suite table (see the conventions at the top): names such as
 * "x25519-sha256-aes-128-gcm", "x25519-sha256-chacha20-poly1305". */
NACRE_EXPORT size_t nacre_hpke_suite_count(void) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_hpke_suite_at(size_t index) NACRE_NOEXCEPT;
NACRE_EXPORT const char *nacre_hpke_suite_name(int suite) NACRE_NOEXCEPT;
NACRE_EXPORT int nacre_hpke_suite_from_name(const char *name) NACRE_NOEXCEPT;

typedef struct nacre_hpke_ctx nacre_hpke_ctx;

NACRE_EXPORT int nacre_hpke_seal(int suite, const nacre_key *recipient, uint8_t *out,
                                 size_t out_cap, size_t *out_len, const uint8_t *info,
                                 size_t info_len, const uint8_t *in, size_t in_len,
                                 const uint8_t *aad, size_t aad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_hpke_open(int suite, const nacre_key *recipient, uint8_t *out,
                                 size_t out_cap, size_t *out_len, const uint8_t *info,
                                 size_t info_len, const uint8_t *in, size_t in_len,
                                 const uint8_t *aad, size_t aad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* Errors for the context functions: NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_UNSUPPORTED (|suite|),
 * NACRE_ERR_INVALID_KEY (not X25519, public key for a receiver, a bad enc),
 * NACRE_ERR_INVALID_HANDLE, NACRE_ERR_BUFFER_TOO_SMALL, NACRE_ERR_VERIFICATION_FAILED (open). */
NACRE_EXPORT int nacre_hpke_sender_new(nacre_hpke_ctx **out, int suite, const nacre_key *recipient,
                                       uint8_t *enc, size_t enc_cap, size_t *enc_len,
                                       const uint8_t *info, size_t info_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_hpke_receiver_new(nacre_hpke_ctx **out, int suite,
                                         const nacre_key *recipient, const uint8_t *enc,
                                         size_t enc_len, const uint8_t *info,
                                         size_t info_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_hpke_ctx_seal(nacre_hpke_ctx *ctx, uint8_t *out, size_t out_cap,
                                     size_t *out_len, const uint8_t *in, size_t in_len,
                                     const uint8_t *aad, size_t aad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_hpke_ctx_open(nacre_hpke_ctx *ctx, uint8_t *out, size_t out_cap,
                                     size_t *out_len, const uint8_t *in, size_t in_len,
                                     const uint8_t *aad, size_t aad_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_hpke_ctx_export(const nacre_hpke_ctx *ctx, uint8_t *out, size_t out_len,
                                       const uint8_t *context, size_t context_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
/* nacre_hpke_ctx_free wipes and releases |ctx|; NULL is a no-op. */
NACRE_EXPORT void nacre_hpke_ctx_free(nacre_hpke_ctx *ctx) NACRE_NOEXCEPT;

/* Files in the age v1 format (c2sp.org/age), interoperable with age, rage and others.
 *
 * Recipients and identities are given as text, in the formats of age's recipients files (-R)
 * and age-keygen's identity files: one per line, blank lines and lines starting with '#'
 * ignored. Recipients: X25519 ("age1...") and the hybrid post-quantum ML-KEM-768+X25519 ones
 * ("age1pq1..."). Identities: "AGE-SECRET-KEY-1..." and "AGE-SECRET-KEY-PQ-1...". Any other
 * line (an SSH key, a plugin) is NACRE_ERR_INVALID_KEY, and nacre_last_error_message names its
 * line. A passphrase is a recipient of its own, alone in its file (the format requires it).
 *
 * An encryptor or decryptor is a streaming handle: _update takes input of any size, _finish
 * ends it, and each writes what is ready to |out|. They follow the output convention: when
 * |out_cap| is below the bound for this call (a size query with |out| = NULL tells it), the call
 * is NACRE_ERR_BUFFER_TOO_SMALL and consumes nothing, so it can be repeated. The bound for
 * |in_len| bytes is at most |in_len| + 66 for a decryptor, and about |in_len| + 1/4096 of it
 * (4/3 of that, armored) plus the header for an encryptor; memory use is constant (one 64 KiB
 * chunk, and the header, at most 1 MiB) whatever is fed.
 *
 * A decryptor releases a chunk's plaintext only once the chunk has authenticated, but a file
 * may still fail later (a changed or truncated chunk): what a caller streams out is untrusted
 * until _finish returns NACRE_OK. After any failure the handle refuses further use
 * (NACRE_ERR_INVALID_ARGUMENT) and nacre_age_decryptor_failure says what failed.
 * Handles belong to one thread at a time. */

#define NACRE_AGE_FILE_KEY_LEN 16
#define NACRE_AGE_CHUNK_LEN 65536
#define NACRE_AGE_DEFAULT_WORK_FACTOR 18 /* scrypt log2(N) for new passphrase files */
#define NACRE_AGE_MAX_WORK_FACTOR 22     /* the largest log2(N) a decryptor accepts by default */

/* Flags of an encryptor. */
#define NACRE_AGE_ARMOR 1u /* write ASCII armor ("-----BEGIN AGE ENCRYPTED FILE-----") */

/* How a decryptor reads its input. */
typedef enum nacre_age_format {
  NACRE_AGE_FORMAT_DETECT = 0, /* armor when the first non-space byte is '-', else binary */
  NACRE_AGE_FORMAT_BINARY = 1,
  NACRE_AGE_FORMAT_ARMORED = 2
} nacre_age_format;

/* Why a decryption failed, as the format's test suite classes failures. */
typedef enum nacre_age_failure {
  NACRE_AGE_FAILURE_NONE = 0,
  NACRE_AGE_FAILURE_HEADER = 1,      /* not an age v1 file, or a malformed header: INVALID_ARGUMENT */
  NACRE_AGE_FAILURE_HEADER_MAC = 2,  /* the header MAC does not match: VERIFICATION_FAILED */
  NACRE_AGE_FAILURE_NO_IDENTITY = 3, /* no identity opens any recipient stanza: INVALID_KEY */
  NACRE_AGE_FAILURE_PAYLOAD = 4,     /* a changed, truncated or extended payload: VERIFICATION_FAILED */
  NACRE_AGE_FAILURE_ARMOR = 5        /* malformed ASCII armor: INVALID_ARGUMENT */
} nacre_age_failure;

typedef struct nacre_age_encryptor nacre_age_encryptor;
typedef struct nacre_age_decryptor nacre_age_decryptor;

/* nacre_age_encryptor_new starts a file to the |recipients_len| bytes of |recipients| (text, as
 * above; at least one recipient) with |flags| (0 or NACRE_AGE_ARMOR). Errors:
 * NACRE_ERR_INVALID_KEY (a line that is not a recipient), NACRE_ERR_INVALID_ARGUMENT (no
 * recipient, unknown flags), NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_age_encryptor_new(nacre_age_encryptor **out, const char *recipients,
                                         size_t recipients_len, unsigned flags) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_age_encryptor_new_passphrase starts a file to a passphrase (any bytes, at least one),
 * stretched by scrypt with log2(N) = |work_factor| (1 to 30; 0 for
 * NACRE_AGE_DEFAULT_WORK_FACTOR). Errors: NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_age_encryptor_new_passphrase(nacre_age_encryptor **out, const uint8_t *passphrase,
                                                    size_t passphrase_len, int work_factor,
                                                    unsigned flags) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_age_encryptor_update encrypts |in_len| bytes of |in|, writing the header (on the first
 * call) and every completed chunk to |out|. Errors: NACRE_ERR_BUFFER_TOO_SMALL (nothing
 * consumed), NACRE_ERR_INVALID_HANDLE, NACRE_ERR_INVALID_ARGUMENT (finished or failed). */
NACRE_EXPORT int nacre_age_encryptor_update(nacre_age_encryptor *st, uint8_t *out, size_t out_cap,
                                            size_t *out_len, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_age_encryptor_finish writes the final chunk (and the armor's end); once. */
NACRE_EXPORT int nacre_age_encryptor_finish(nacre_age_encryptor *st, uint8_t *out, size_t out_cap,
                                            size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_age_encryptor_free wipes and releases |st|; NULL is a no-op. */
NACRE_EXPORT void nacre_age_encryptor_free(nacre_age_encryptor *st) NACRE_NOEXCEPT;

/* nacre_age_decryptor_new starts reading a file, in |format| (a nacre_age_format), with the
 * identities in the |identities_len| bytes of |identities| (text, as above; at least one).
 * Errors: NACRE_ERR_INVALID_KEY (a line that is not an identity), NACRE_ERR_INVALID_ARGUMENT,
 * NACRE_ERR_OUT_OF_MEMORY. */
NACRE_EXPORT int nacre_age_decryptor_new(nacre_age_decryptor **out, const uint8_t *identities,
                                         size_t identities_len, int format) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_age_decryptor_new_passphrase reads a passphrase-encrypted file, refusing scrypt work
 * factors above |max_work_factor| (1 to 30; 0 for NACRE_AGE_MAX_WORK_FACTOR) so that a hostile
 * file cannot make it run for hours. */
NACRE_EXPORT int nacre_age_decryptor_new_passphrase(nacre_age_decryptor **out, const uint8_t *passphrase,
                                                    size_t passphrase_len, int max_work_factor,
                                                    int format) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_age_decryptor_update takes the next |in_len| bytes of the file and writes the plaintext
 * of every chunk that authenticated to |out|. When a chunk fails after others in the same input
 * authenticated, the call returns NACRE_OK with those, and the next call returns the failure
 * (so what is released does not depend on how the input is cut). nacre_age_decryptor_finish
 * says the file ended: it checks the final chunk and writes its plaintext; on failure it writes
 * nothing. Errors, besides those of the output
 * convention: NACRE_ERR_INVALID_ARGUMENT, NACRE_ERR_VERIFICATION_FAILED and
 * NACRE_ERR_INVALID_KEY, with the class in nacre_age_decryptor_failure; NACRE_ERR_INVALID_HANDLE. */
NACRE_EXPORT int nacre_age_decryptor_update(nacre_age_decryptor *st, uint8_t *out, size_t out_cap,
                                            size_t *out_len, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_age_decryptor_finish(nacre_age_decryptor *st, uint8_t *out, size_t out_cap,
                                            size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_age_decryptor_failure returns the nacre_age_failure of the handle's failure
 * (NACRE_AGE_FAILURE_NONE while there is none), or NACRE_ERR_INVALID_HANDLE. */
NACRE_EXPORT int nacre_age_decryptor_failure(const nacre_age_decryptor *st) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_age_decryptor_free wipes and releases |st|; NULL is a no-op. */
NACRE_EXPORT void nacre_age_decryptor_free(nacre_age_decryptor *st) NACRE_NOEXCEPT;

/* nacre_age_keygen makes a new identity, X25519 (|post_quantum| 0) or hybrid (1), and writes
 * its text ("AGE-SECRET-KEY-1..." or "AGE-SECRET-KEY-PQ-1...", no line end) to |identity|.
 * nacre_age_identity_to_recipient writes the recipient ("age1...") of the identity in |identity|
 * (one identity, either case, no comments) to |out|. Both follow the output convention, without
 * a terminating NUL; errors: NACRE_ERR_INVALID_KEY, NACRE_ERR_INVALID_ARGUMENT,
 * NACRE_ERR_BUFFER_TOO_SMALL. nacre_age_recipient_check returns NACRE_OK when |recipient| is
 * one valid recipient ("age1..." or "age1pq1..."), NACRE_ERR_INVALID_KEY otherwise. */
NACRE_EXPORT int nacre_age_keygen(int post_quantum, uint8_t *identity, size_t identity_cap,
                                  size_t *identity_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_age_identity_to_recipient(const uint8_t *identity, size_t identity_len, char *out,
                                                 size_t out_cap, size_t *out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_age_recipient_check(const char *recipient, size_t recipient_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* minisign signatures (jedisct1.github.io/minisign), as Debian's minisign reads and writes
 * them: Ed25519 over a BLAKE2b-512 prehash of the file, a global signature over the trusted
 * comment, key ids, and secret key files encrypted with scrypt as minisign encrypts them.
 *
 * A nacre_minisign_key is a secret key; its public half is given as text (a public key file, or
 * the base64 line alone as minisign -P takes it). Signers and verifiers take the file in pieces
 * of any size (constant memory) and belong to one thread at a time; a key may be shared. Text
 * outputs follow the output convention and carry no terminating NUL. Passwords: a zero length
 * means none (an unencrypted key, as minisign -W writes). */

#define NACRE_MINISIGN_KEY_ID_LEN 8

typedef struct nacre_minisign_key nacre_minisign_key;
typedef struct nacre_minisign_signer nacre_minisign_signer;
typedef struct nacre_minisign_verifier nacre_minisign_verifier;

/* nacre_minisign_key_generate makes a new key with a random key id. */
NACRE_EXPORT int nacre_minisign_key_generate(nacre_minisign_key **out) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_minisign_key_load reads a secret key file. Errors: NACRE_ERR_INVALID_KEY (not a
 * minisign secret key, or one whose halves disagree), NACRE_ERR_INVALID_ARGUMENT (encrypted, and
 * no password given), NACRE_ERR_VERIFICATION_FAILED (the wrong password). */
NACRE_EXPORT int nacre_minisign_key_load(nacre_minisign_key **out, const uint8_t *file, size_t file_len,
                                         const uint8_t *password, size_t password_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_minisign_key_save writes |key| as a secret key file: encrypted under |password| with
 * scrypt at |opslimit| and |memlimit| (both 0: minisign's own cost, 1 GiB; neither above it), or
 * unencrypted for a zero-length password. */
NACRE_EXPORT int nacre_minisign_key_save(const nacre_minisign_key *key, const uint8_t *password,
                                         size_t password_len, uint64_t opslimit, size_t memlimit, uint8_t *out,
                                         size_t out_cap, size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_minisign_key_public writes the public key file of |key|. */
NACRE_EXPORT int nacre_minisign_key_public(const nacre_minisign_key *key, char *out, size_t out_cap,
                                           size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;

/* nacre_minisign_public_key_file reads a public key (a public key file, or its base64 line)
 * and writes its canonical file, "untrusted comment: minisign public key <KEY ID>\n<base64>\n".
 * Errors: NACRE_ERR_INVALID_KEY, and those of the output convention. */
NACRE_EXPORT int nacre_minisign_public_key_file(const char *public_key, size_t public_key_len, char *out,
                                                size_t out_cap, size_t *out_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;

/* nacre_minisign_key_free wipes and releases |key|; NULL is a no-op. */
NACRE_EXPORT void nacre_minisign_key_free(nacre_minisign_key *key) NACRE_NOEXCEPT;

/* nacre_minisign_signer_new starts signing one file with |key| (which may be freed afterwards).
 * nacre_minisign_signer_update takes the next piece of the file. nacre_minisign_signer_finish
 * writes the signature file, with |trusted| (one line, signed too) and |untrusted| (one line;
 * zero length: minisign's default) comments; once (NACRE_ERR_BUFFER_TOO_SMALL does not count).
 * Errors: NACRE_ERR_INVALID_ARGUMENT (a comment with a line break or too long, after finish),
 * NACRE_ERR_INVALID_HANDLE. */
NACRE_EXPORT int nacre_minisign_signer_new(nacre_minisign_signer **out, const nacre_minisign_key *key) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_minisign_signer_update(nacre_minisign_signer *st, const uint8_t *in, size_t in_len) NACRE_NOEXCEPT
    NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_minisign_signer_finish(nacre_minisign_signer *st, const char *trusted, size_t trusted_len,
                                              const char *untrusted, size_t untrusted_len, char *out,
                                              size_t out_cap, size_t *out_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT void nacre_minisign_signer_free(nacre_minisign_signer *st) NACRE_NOEXCEPT;

/* nacre_minisign_verifier_new starts checking one file against the signature file |signature|
 * with |public_key| (a public key file or its base64 line). Errors: NACRE_ERR_INVALID_KEY (the
 * public key), NACRE_ERR_INVALID_ARGUMENT (a malformed signature file), NACRE_ERR_UNSUPPORTED (a
 * legacy signature, not prehashed). nacre_minisign_verifier_finish writes the trusted comment
 * when the signature and the comment's signature both verify, else NACRE_ERR_VERIFICATION_FAILED
 * (another key's signature, or one that does not verify). */
NACRE_EXPORT int nacre_minisign_verifier_new(nacre_minisign_verifier **out, const char *public_key,
                                             size_t public_key_len, const char *signature,
                                             size_t signature_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_minisign_verifier_update(nacre_minisign_verifier *st, const uint8_t *in,
                                                size_t in_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT int nacre_minisign_verifier_finish(nacre_minisign_verifier *st, char *trusted, size_t trusted_cap,
                                                size_t *trusted_len) NACRE_NOEXCEPT NACRE_WARN_UNUSED_RESULT;
NACRE_EXPORT void nacre_minisign_verifier_free(nacre_minisign_verifier *st) NACRE_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NACRE_H */
