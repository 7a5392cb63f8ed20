// The file format of `nacre encrypt` (version 1), all integers little-endian:
//
//   magic "NACRE\0" (6) | version 1 (1) | kdf (1: 0 raw key, 1 Argon2id) | opslimit (4) |
//   memlimit (8) | salt (16) | chunk size (4) | secretstream header (24) | chunks...
//
// The first 40 bytes are the associated data of the first chunk, so every parameter is
// authenticated. Each chunk holds chunk-size plaintext bytes (the last one fewer, possibly none)
// plus 17 bytes of overhead; the last carries the final tag.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "nacre/bytes.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/secretstream.hpp"

namespace nacre::cli {

inline constexpr std::size_t kParamsSize = 40;
inline constexpr std::size_t kFileHeaderSize = kParamsSize + kSecretStreamHeaderSize;
inline constexpr std::uint32_t kDefaultChunk = 64 * 1024;
inline constexpr std::uint32_t kMinChunk = 1024;
inline constexpr std::uint32_t kMaxChunk = 16 * 1024 * 1024;

enum class Kdf : std::uint8_t { raw_key = 0, argon2id = 1 };

struct FileParams {
  Kdf kdf = Kdf::raw_key;
  std::uint32_t opslimit = 0;
  std::uint64_t memlimit = 0;
  Bytes salt = Bytes(16);
  std::uint32_t chunk = kDefaultChunk;
};

Bytes encode_params(const FileParams &p);
// decode_params returns the parameters, or an error message for a file that is not ours, of
// another version, or that asks for limits beyond what nacre allows.
FileParams decode_params(ByteView bytes, std::string &error);

}  // namespace nacre::cli
