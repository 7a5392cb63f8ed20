// Authenticated encryption with associated data.
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
class AeadImpl;
}

// Numbers are nacre_aead_alg's in nacre.h (capi/src/enum_values.cpp checks each).
enum class AeadAlg : int {
  aes128_gcm = 1,
  aes256_gcm = 2,
  aes128_gcm_siv = 3,
  aes256_gcm_siv = 4,
  chacha20_poly1305 = 5,   // RFC 8439, 96-bit nonce
  xchacha20_poly1305 = 6,  // 192-bit nonce
  aegis128l = 7,
  aegis256 = 8,
  aes192_gcm = 9,
};

// One AEAD's facts: the library's table holds one per AeadAlg, and everything that lists
// algorithms (the C ABI, Python, the CLI, tests, fuzzers, benchmarks) reads it.
struct AeadInfo {
  AeadAlg alg;
  const char *name;  // "aes-256-gcm", "xchacha20-poly1305", ...: static, NUL-terminated
  std::size_t key_size, nonce_size, tag_size;  // tags: 16, or 32 for AEGIS (libsodium's)
  // Whether a random nonce per message is safe for the lifetime of a key: true for AES-GCM-SIV
  // (nonce-misuse resistant), XChaCha20-Poly1305 and AEGIS-256 (192- and 256-bit nonces). Not
  // for 96-bit-nonce GCM or ChaCha20-Poly1305: random 96-bit nonces collide after about 2^32
  // messages (the birthday bound), and a repeated GCM nonce reveals the authentication key.
  bool random_nonce_safe;
  // The backend Backend::automatic picks where both run it: the faster one measured by
  // bench/layers_aead.cpp.
  Backend preferred;
};

// Every AEAD, in enum order (entry i is number i + 1).
std::span<const AeadInfo> aead_algorithms() noexcept;
// The entry for |alg|; Error(unsupported) for a number outside AeadAlg.
const AeadInfo &aead_info(AeadAlg alg);
std::optional<AeadAlg> aead_from_name(std::string_view name) noexcept;

// Shorthands for aead_info's fields; each throws Error(unsupported) for a number outside AeadAlg.
inline std::size_t aead_key_size(AeadAlg alg) { return aead_info(alg).key_size; }
inline std::size_t aead_nonce_size(AeadAlg alg) { return aead_info(alg).nonce_size; }
inline std::size_t aead_tag_size(AeadAlg alg) { return aead_info(alg).tag_size; }
inline std::string_view aead_name(AeadAlg alg) { return aead_info(alg).name; }
inline bool aead_random_nonce_safe(AeadAlg alg) { return aead_info(alg).random_nonce_safe; }

// aead_is_available tells whether |backend| implements |alg| on this CPU (libsodium's AES-256-GCM
// needs AES-NI and PCLMUL); automatic: whether any backend does.
bool aead_is_available(AeadAlg alg, Backend backend) noexcept;
// aead_resolve_backend picks the measured default for automatic; throws Error(unsupported) when
// |backend| cannot run |alg| here.
Backend aead_resolve_backend(AeadAlg alg, Backend backend);

// AeadKey is a key set up once (validated, backend context expanded, held in secret memory) for
// many seal/open calls. Immutable after creation: one AeadKey may be used from many threads at
// once. Outputs may alias inputs only exactly (in-place); any other overlap is
// Error(invalid_argument). A failed open throws Error(verification_failed) and zeroes its output.
class AeadKey {
 public:
  static AeadKey create(AeadAlg alg, ByteView key, Backend backend = Backend::automatic);

  AeadKey(AeadKey &&) noexcept;
  AeadKey &operator=(AeadKey &&) noexcept;
  ~AeadKey();

  AeadAlg alg() const noexcept { return alg_; }
  Backend backend() const noexcept { return backend_; }
  std::size_t nonce_size() const noexcept { return nonce_size_; }
  std::size_t tag_size() const noexcept { return tag_size_; }

  // Detached: |ct| holds pt.size() bytes, |tag| tag_size() bytes.
  void seal_detached(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
                     ByteView aad) const;
  void open_detached(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
                     ByteView aad) const;

  // Combined ciphertext‖tag: |out| holds pt.size() + tag_size() (seal) or
  // ct.size() - tag_size() bytes (open).
  void seal_into(MutableByteView out, ByteView nonce, ByteView pt, ByteView aad) const;
  void open_into(MutableByteView out, ByteView nonce, ByteView ct, ByteView aad) const;
  Bytes seal(ByteView nonce, ByteView pt, ByteView aad = {}) const;
  Bytes open(ByteView nonce, ByteView ct, ByteView aad = {}) const;

  // Random nonce: nonce‖ciphertext‖tag, only where aead_random_nonce_safe(alg()).
  void seal_with_random_nonce_into(MutableByteView out, ByteView pt, ByteView aad) const;
  void open_with_nonce_prefix_into(MutableByteView out, ByteView box, ByteView aad) const;
  Bytes seal_with_random_nonce(ByteView pt, ByteView aad = {}) const;
  Bytes open_with_nonce_prefix(ByteView box, ByteView aad = {}) const;

 private:
  AeadKey(AeadAlg alg, Backend backend, std::unique_ptr<detail::AeadImpl> impl);
  void require_random_nonce_safe() const;

  AeadAlg alg_;
  Backend backend_;
  std::size_t nonce_size_;
  std::size_t tag_size_;
  std::unique_ptr<detail::AeadImpl> impl_;
};

}  // namespace nacre
