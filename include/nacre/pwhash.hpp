// Password hashing (Argon2id, Argon2i, scrypt through libsodium) and raw scrypt (RFC 7914).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre {

// Numbers are nacre_pwhash_alg's and nacre_pwhash_preset's in nacre.h (capi/src/enum_values.cpp checks each).
enum class PwhashAlg : int {
  argon2id = 1,
  argon2i = 2,
  scrypt = 3,  // libsodium's scryptsalsa208sha256: "$7$" strings, 32-byte salts
};

enum class PwhashPreset : int {
  interactive = 1,
  moderate = 2,  // Argon2 only: libsodium defines no moderate preset for scrypt
  sensitive = 3,
};

// opslimit and memlimit (bytes) as libsodium takes them.
struct PwhashLimits {
  std::uint64_t opslimit;
  std::size_t memlimit;
};

// nacre's memory cap, below libsodium's own maxima: limits above it are refused before anything
// is allocated, and so are hash strings whose parameters would need more.
inline constexpr std::uint64_t kPwhashMaxMemory = std::uint64_t{4} << 30;
// nacre's caps on the time cost (hashing, deriving and verifying alike), so that a hostile stored
// string cannot pin a verifier for days: 8x the sensitive presets.
inline constexpr std::uint64_t kArgon2MaxOpslimit = 32;
inline constexpr std::uint64_t kScryptMaxOpslimit = std::uint64_t{1} << 28;
// Buffer size for a hash string of any algorithm, the terminating NUL included.
inline constexpr std::size_t kPwhashStrBytes = 128;

// Facts about an algorithm. Each throws Error(unsupported) for a number outside PwhashAlg.
std::size_t pwhash_salt_size(PwhashAlg alg);  // 16 for Argon2, 32 for scrypt
std::size_t pwhash_min_output(PwhashAlg alg);
std::size_t pwhash_max_output(PwhashAlg alg);
PwhashLimits pwhash_min_limits(PwhashAlg alg);
// pwhash_max_limits: libsodium's maxima, memlimit capped at kPwhashMaxMemory.
PwhashLimits pwhash_max_limits(PwhashAlg alg);
// pwhash_preset_limits throws Error(unsupported) for scrypt with the moderate preset.
PwhashLimits pwhash_preset_limits(PwhashAlg alg, PwhashPreset preset);

// pwhash_derive_into fills all of |out| with a key derived from |password| and a salt of exactly
// pwhash_salt_size(alg) bytes. Limits outside [pwhash_min_limits, pwhash_max_limits] and output
// lengths outside [pwhash_min_output, pwhash_max_output] throw Error(invalid_argument).
void pwhash_derive_into(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
                        MutableByteView out);
SecretBytes pwhash_derive(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
                          std::size_t out_len);

// pwhash_str hashes |password| with a random salt into a self-describing ASCII string
// ("$argon2id$v=19$m=...", "$7$...") of fewer than kPwhashStrBytes characters.
std::string pwhash_str(PwhashAlg alg, ByteView password, PwhashLimits limits);
// pwhash_str_verify returns whether |password| matches |str|. A string that is malformed, not
// of a known algorithm, or whose parameters exceed nacre's limits throws Error(invalid_argument)
// before anything is allocated.
bool pwhash_str_verify(std::string_view str, ByteView password);
// pwhash_str_needs_rehash returns whether |str| was made with limits other than |limits| (for
// the string's own algorithm). Errors as pwhash_str_verify, and for |limits| out of range.
bool pwhash_str_needs_rehash(std::string_view str, PwhashLimits limits);
// pwhash_str_alg returns the algorithm a string names, or throws Error(invalid_argument).
PwhashAlg pwhash_str_alg(std::string_view str);

// scrypt with explicit RFC 7914 parameters, implemented by both backends. N is a power of two,
// 2 <= N <= 2^32 and N < 2^(16 r); r >= 1, p >= 1, r * p < 2^30; the memory it needs,
// 128 * r * (N + p) bytes, is at most kPwhashMaxMemory. Outputs hold 1 to kScryptMaxOutput bytes.
struct ScryptParams {
  std::uint64_t n;
  std::uint32_t r;
  std::uint32_t p;
};
inline constexpr std::size_t kScryptMaxOutput = std::size_t{1} << 20;

// scrypt_resolve_backend turns automatic into the measured default; throws Error(unsupported)
// for an unknown backend.
Backend scrypt_resolve_backend(Backend backend);
void scrypt_into(ByteView password, ByteView salt, ScryptParams params, MutableByteView out,
                 Backend backend = Backend::automatic);
SecretBytes scrypt(ByteView password, ByteView salt, ScryptParams params, std::size_t out_len,
                   Backend backend = Backend::automatic);

}  // namespace nacre
