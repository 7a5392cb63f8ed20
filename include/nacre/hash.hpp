// Hash functions and extendable-output functions.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"

namespace nacre {

namespace detail {
class DigestState;
}

// Numbers are nacre_hash_alg's in nacre.h (capi/src/enum_values.cpp checks each).
enum class HashAlg : int {
  sha256 = 1,
  sha384 = 2,
  sha512 = 3,
  sha512_256 = 4,
  sha3_256 = 5,
  sha3_512 = 6,
  blake2b = 7,  // 64-byte digest, unkeyed; Hasher::blake2b for other lengths and keys
  shake128 = 8,
  shake256 = 9,
  sha224 = 10,
  sha1 = 11,  // legacy (HashInfo::legacy)
  md5 = 12,   // legacy
};

inline constexpr std::size_t kBlake2bSaltMax = 16;    // shorter salts are zero-padded (RFC 7693)
inline constexpr std::size_t kBlake2bPersonMax = 16;  // likewise the personalization
inline constexpr std::size_t kBlake2bMinDigest = 16;
inline constexpr std::size_t kBlake2bMaxDigest = 64;
inline constexpr std::size_t kBlake2bMaxKey = 64;

// One hash function's facts: the library's table holds one per HashAlg, and everything that
// lists hashes (the C ABI, Python, the CLI, tests, fuzzers, benchmarks) reads it.
struct HashInfo {
  HashAlg alg;
  const char *name;         // "sha256", "sha512-256", "sha3-256", "shake128", ...: static
  std::size_t digest_size;  // 0 for the XOFs
  std::size_t block_size;   // block (rate) length
  bool hmac;                // offered under HMAC
  bool kdf;                 // offered under HKDF and PBKDF2 (a subset of the HMAC hashes)
  bool legacy;              // broken for security (collisions): for interoperability only
  // The backend Backend::automatic picks where both implement it: BoringSSL's SHA-2 assembly
  // (SHA-NI/AVX2) measured faster than libsodium's portable C (see the README's table).
  Backend preferred;
};

// Every hash, in enum order (entry i is number i + 1).
std::span<const HashInfo> hash_algorithms() noexcept;
// The entry for |alg|; Error(unsupported) for a number outside HashAlg.
const HashInfo &hash_info(HashAlg alg);
std::optional<HashAlg> hash_from_name(std::string_view name) noexcept;

// Shorthands for hash_info's fields; each throws Error(unsupported) outside HashAlg.
inline std::size_t digest_size(HashAlg alg) { return hash_info(alg).digest_size; }
inline std::size_t block_size(HashAlg alg) { return hash_info(alg).block_size; }
inline bool is_xof(HashAlg alg) { return hash_info(alg).digest_size == 0; }
inline std::string_view hash_name(HashAlg alg) { return hash_info(alg).name; }

// is_available tells whether |backend| implements |alg| (automatic: any backend does).
bool is_available(HashAlg alg, Backend backend) noexcept;
// resolve_backend turns automatic into the measured default; throws Error(unsupported) when
// |backend| lacks |alg|.
Backend resolve_backend(HashAlg alg, Backend backend);

// One-shot hashing. |out| must hold exactly digest_size(alg) bytes.
void hash_into(HashAlg alg, ByteView in, MutableByteView out, Backend backend = Backend::automatic);
Bytes hash(HashAlg alg, ByteView in, Backend backend = Backend::automatic);
// One-shot XOF (shake128/shake256): fills all of |out|.
void xof_into(HashAlg alg, ByteView in, MutableByteView out);
// One-shot BLAKE2b with |out.size()| in [16, 64] and a key of at most 64 bytes.
void blake2b_into(ByteView in, MutableByteView out, ByteView key = {});

// Hasher is an incremental hashing state. digest() and xof_into() read the result of everything
// absorbed so far without changing the state (like Python's hashlib). Move-only; copy() forks.
// Not thread-safe: one thread at a time per Hasher.
class Hasher {
 public:
  static Hasher create(HashAlg alg, Backend backend = Backend::automatic);
  static Hasher blake2b(std::size_t digest_len = kBlake2bMaxDigest, ByteView key = {});
  // BLAKE2b with a salt and a personalization of up to 16 bytes each (zero-padded, as in
  // BLAKE2's parameter block and Python's hashlib); empty ones are the plain BLAKE2b.
  static Hasher blake2b(std::size_t digest_len, ByteView key, ByteView salt, ByteView person);

  Hasher(Hasher &&) noexcept;
  Hasher &operator=(Hasher &&) noexcept;
  ~Hasher();

  void update(ByteView in);
  Bytes digest() const;
  void digest_into(MutableByteView out) const;  // exactly digest_size() bytes
  void xof_into(MutableByteView out) const;     // XOFs only, any length
  Hasher copy() const;

  HashAlg alg() const noexcept { return alg_; }
  Backend backend() const noexcept { return backend_; }
  std::size_t digest_size() const noexcept { return digest_size_; }

 private:
  Hasher(HashAlg alg, Backend backend, std::size_t digest_size,
         std::unique_ptr<detail::DigestState> state) noexcept;

  HashAlg alg_;
  Backend backend_;
  std::size_t digest_size_;
  // The state, or Error(invalid_argument) for a moved-from object.
  detail::DigestState &live() const;

  std::unique_ptr<detail::DigestState> state_;
};

}  // namespace nacre
