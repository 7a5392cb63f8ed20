// Bech32 (BIP 173) without its 90-character limit, as age uses it for keys. No C++ library for
// it ships with the platform, so this small codec is nacre's own; tests/cpp/bech32_test.cpp holds
// BIP 173's vectors.
#pragma once

#include <string>
#include <string_view>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre::detail {

struct Bech32 {
  std::string hrp;  // lower case
  SecretBytes data;  // 8-bit bytes (may be a secret key)
};

// Lower-case Bech32 of |data| under |hrp| (given in lower case); the result is wiped memory,
// since age secret keys are written this way.
SecretBytes bech32_encode(std::string_view hrp, ByteView data);
// The HRP (lower case) and the 5-bit groups of the data part, checksum checked and removed.
// Throws Error(invalid_argument) for mixed case, a bad character or a bad checksum.
struct Bech32Groups {
  std::string hrp;
  SecretBytes groups;
};
Bech32Groups bech32_decode_groups(std::string_view text);
// bech32_decode_groups, then the groups as 8-bit bytes. Throws Error(invalid_argument) for mixed case, a bad character, a bad checksum, or padding
// bits that are not zero. The HRP is returned in lower case.
Bech32 bech32_decode(std::string_view text);

}  // namespace nacre::detail
