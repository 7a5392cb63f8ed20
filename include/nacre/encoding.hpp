// Hex and base64 (through libsodium's constant-time codecs).
#pragma once

#include <string>
#include <string_view>

#include "nacre/bytes.hpp"

namespace nacre {

std::string to_hex(ByteView bytes);  // lowercase
// from_hex throws Error(invalid_argument) on an odd length or a non-hex character.
Bytes from_hex(std::string_view hex);
std::string to_base64(ByteView bytes);  // standard alphabet, padded
// from_base64 throws Error(invalid_argument) for anything but canonical padded base64.
Bytes from_base64(std::string_view b64);
// Unpadded ("raw") standard base64, as age writes it: canonical only (no '=', zero trailing
// bits), else Error(invalid_argument).
std::string to_base64_unpadded(ByteView bytes);
Bytes from_base64_unpadded(std::string_view b64);

}  // namespace nacre
