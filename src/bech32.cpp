#include "bech32.hpp"

#include <array>
#include <cstdint>

#include "nacre/status.hpp"

namespace nacre::detail {
namespace {

constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

std::uint32_t polymod_step(std::uint32_t chk, std::uint8_t value) {
  constexpr std::array<std::uint32_t, 5> gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                                0x2a1462b3};
  const std::uint32_t top = chk >> 25;
  chk = ((chk & 0x1ffffff) << 5) ^ value;
  for (std::size_t i = 0; i < gen.size(); ++i) {
    if ((top >> i) & 1) chk ^= gen[i];
  }
  return chk;
}

// The checksum state after the HRP's expansion (BIP 173: high bits, 0, low bits).
std::uint32_t hrp_polymod(std::string_view hrp) {
  std::uint32_t chk = 1;
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(c) >> 5);
  chk = polymod_step(chk, 0);
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(c) & 31);
  return chk;
}

[[noreturn]] void bad(const char *why) {
  throw Error(Status::invalid_argument, std::string("bech32: ") + why);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

SecretBytes bech32_encode(std::string_view hrp, ByteView data) {
  // 8-bit groups to 5-bit groups, zero-padded at the end.
  const std::size_t groups = (data.size() * 8 + 4) / 5;
  SecretBytes out(hrp.size() + 1 + groups + 6);
  std::size_t at = 0;
  for (char c : hrp) out.data()[at++] = static_cast<std::uint8_t>(c);
  out.data()[at++] = '1';
  std::uint32_t chk = hrp_polymod(hrp);
  std::uint32_t acc = 0;
  int bits = 0;
  auto put = [&](std::uint8_t v) {
    chk = polymod_step(chk, v);
    out.data()[at++] = static_cast<std::uint8_t>(kCharset[v]);
  };
  for (std::uint8_t byte : data) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      put(static_cast<std::uint8_t>((acc >> bits) & 31));
    }
  }
  if (bits > 0) put(static_cast<std::uint8_t>((acc << (5 - bits)) & 31));
  for (int i = 0; i < 6; ++i) chk = polymod_step(chk, 0);
  chk ^= 1;
  for (int i = 0; i < 6; ++i) {
    out.data()[at++] = static_cast<std::uint8_t>(kCharset[(chk >> (5 * (5 - i))) & 31]);
  }
  return out;
}

Bech32Groups bech32_decode_groups(std::string_view text) {
  bool has_lower = false, has_upper = false;
  for (char c : text) {
    if (c < 33 || c > 126) bad("a character outside US-ASCII 33-126");
    has_lower |= (c >= 'a' && c <= 'z');
    has_upper |= (c >= 'A' && c <= 'Z');
  }
  if (has_lower && has_upper) bad("mixed case");
  const std::size_t sep = text.rfind('1');
  if (sep == std::string_view::npos || sep == 0) bad("no human-readable part");
  if (text.size() - sep - 1 < 6) bad("too short for a checksum");
  Bech32Groups result;
  result.hrp.reserve(sep);
  for (char c : text.substr(0, sep)) result.hrp.push_back(lower(c));
  std::uint32_t chk = hrp_polymod(result.hrp);
  const std::string_view part = text.substr(sep + 1);
  result.groups = SecretBytes(part.size() - 6);
  for (std::size_t i = 0; i < part.size(); ++i) {
    const std::size_t v = kCharset.find(lower(part[i]));
    if (v == std::string_view::npos) bad("a character outside its alphabet");
    chk = polymod_step(chk, static_cast<std::uint8_t>(v));
    if (i < result.groups.size()) result.groups.data()[i] = static_cast<std::uint8_t>(v);
  }
  if (chk != 1) bad("wrong checksum");
  return result;
}

Bech32 bech32_decode(std::string_view text) {
  Bech32Groups decoded = bech32_decode_groups(text);
  const ByteView groups = decoded.groups.view();
  SecretBytes bytes(groups.size() * 5 / 8);
  std::size_t at = 0;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::uint8_t v : groups) {
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.data()[at++] = static_cast<std::uint8_t>(acc >> bits);
    }
  }
  if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0) bad("non-zero padding bits");
  return Bech32{std::move(decoded.hrp), std::move(bytes)};
}

}  // namespace nacre::detail
