// The file format of `nacre encrypt` (version 1), all integers little-endian:
//
//   params (40): magic "NACRE\0" (6) | version 1 (1) | kdf (1) | opslimit (4) | memlimit (8) |
//                salt (16) | chunk size (4)
//   [HPKE enc (32), only when kdf is 2]
//   secretstream header (24) | chunks...
//
// kdf says where the 32-byte secretstream key comes from:
//
//   0 raw key     the key file's bytes; opslimit, memlimit and salt are zero.
//   1 Argon2id    pwhash(passphrase, salt, opslimit, memlimit).
//   2 hpke-x25519 a public-key file (`encrypt --recipient`). opslimit, memlimit and salt are zero
//                 (decryption refuses anything else) and the params are followed by the 32-byte
//                 HPKE encapsulated key |enc|. The sender runs HPKE (RFC 9180) base mode with
//                 DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, info = the 40
//                 params bytes, to the recipient's X25519 public key, and takes the stream key
//                 from the HPKE exporter: Export("nacre file key v1", 32). The receiver repeats
//                 this with its private key and |enc|. Files of kdf 0 and 1 are unchanged, and
//                 nacre versions that predate kdf 2 reject such files ("unknown key derivation").
//
// Everything before the secretstream header (the params, and |enc| when present) is the
// associated data of the first chunk, so every parameter is authenticated. Each chunk holds
// chunk-size plaintext bytes (the last one fewer, possibly none) plus 17 bytes of overhead; the
// last carries the final tag.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "nacre/bytes.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/secretstream.hpp"

namespace nacre::cli {

inline constexpr std::size_t kParamsSize = 40;
inline constexpr std::size_t kHpkeEncSize = 32;
inline constexpr std::uint32_t kDefaultChunk = 64 * 1024;
inline constexpr std::uint32_t kMinChunk = 1024;
inline constexpr std::uint32_t kMaxChunk = 16 * 1024 * 1024;
// The HPKE exporter context that names the secretstream key of a kdf-2 file.
inline constexpr std::string_view kHpkeFileKeyContext = "nacre file key v1";

enum class Kdf : std::uint8_t { raw_key = 0, argon2id = 1, hpke_x25519 = 2 };

struct FileParams {
  Kdf kdf = Kdf::raw_key;
  std::uint32_t opslimit = 0;
  std::uint64_t memlimit = 0;
  Bytes salt = Bytes(16);
  std::uint32_t chunk = kDefaultChunk;
};

// The bytes between the params and the secretstream header: kHpkeEncSize for hpke_x25519, else 0.
std::size_t key_material_size(Kdf kdf) noexcept;

Bytes encode_params(const FileParams &p);
// decode_params returns the parameters, or an error message for a file that is not ours, of
// another version, or that asks for limits beyond what nacre allows.
FileParams decode_params(ByteView bytes, std::string &error);

}  // namespace nacre::cli
