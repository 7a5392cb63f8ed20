// HPKE (RFC 9180) base mode with DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256, through BoringSSL.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "nacre/aead.hpp"
#include "nacre/bytes.hpp"
#include "nacre/keys.hpp"

namespace nacre {

namespace detail {
class HpkeImpl;
}

// Numbers are nacre_hpke_suite's in nacre.h (capi/src/enum_values.cpp checks each).
enum class HpkeSuite : int {
  x25519_sha256_aes128gcm = 1,
  x25519_sha256_aes256gcm = 2,
  x25519_sha256_chacha20poly1305 = 3,
};

// One suite's facts; the library's table holds one per HpkeSuite.
struct HpkeSuiteInfo {
  HpkeSuite suite;
  const char *name;  // "x25519-sha256-aes-128-gcm", ...: static
  AeadAlg aead;      // the AEAD the suite seals with
};

// Every suite, in enum order (entry i is number i + 1).
std::span<const HpkeSuiteInfo> hpke_suites() noexcept;
// The entry for |suite|; Error(unsupported) for a number outside HpkeSuite.
const HpkeSuiteInfo &hpke_suite_info(HpkeSuite suite);
std::optional<HpkeSuite> hpke_suite_from_name(std::string_view name) noexcept;

inline constexpr std::size_t hpke_enc_size = 32;
inline constexpr std::size_t hpke_tag_size = 16;
inline constexpr std::size_t hpke_max_export = std::size_t{255} * 32;

// HpkeContext protects a sequence of messages in order. Move-only; one thread at a time.
class HpkeContext {
 public:
  // |enc| receives hpke_enc_size bytes.
  static HpkeContext sender(HpkeSuite suite, const Key &recipient, ByteView info,
                            MutableByteView enc);
  // Deterministic sender for known-answer tests: |seed| is the ephemeral X25519 private key
  // (RFC 9180's skEm). Never for real use: a repeated ephemeral key breaks HPKE's security.
  static HpkeContext sender_for_testing(HpkeSuite suite, const Key &recipient, ByteView info,
                                        MutableByteView enc, ByteView seed);
  static HpkeContext receiver(HpkeSuite suite, const Key &recipient, ByteView enc, ByteView info);

  HpkeContext(HpkeContext &&) noexcept;
  HpkeContext &operator=(HpkeContext &&) noexcept;
  ~HpkeContext();

  // |out| holds pt.size() + hpke_tag_size (seal) or ct.size() - hpke_tag_size (open); no overlap.
  void seal_into(MutableByteView out, ByteView pt, ByteView aad);
  void open_into(MutableByteView out, ByteView ct, ByteView aad);
  void export_secret(MutableByteView out, ByteView context) const;

 private:
  explicit HpkeContext(std::unique_ptr<detail::HpkeImpl> impl) noexcept;
  std::unique_ptr<detail::HpkeImpl> impl_;
};

// Single shot: enc || ciphertext.
void hpke_seal_into(MutableByteView out, HpkeSuite suite, const Key &recipient, ByteView info,
                    ByteView pt, ByteView aad);
void hpke_open_into(MutableByteView out, HpkeSuite suite, const Key &recipient, ByteView info,
                    ByteView in, ByteView aad);
Bytes hpke_seal(HpkeSuite suite, const Key &recipient, ByteView info, ByteView pt, ByteView aad = {});
Bytes hpke_open(HpkeSuite suite, const Key &recipient, ByteView info, ByteView in, ByteView aad = {});

}  // namespace nacre
