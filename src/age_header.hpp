// The age v1 header: parsing (strict, canonical only) and writing, and its MAC.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "nacre/age.hpp"

namespace nacre::age::detail {

[[noreturn]] void fail(Failure failure, const std::string &why);

struct Header {
  std::vector<Stanza> stanzas;
  std::size_t mac_input_size = 0;  // bytes from the start up to and including "---"
  Bytes mac;                       // 32 bytes
  std::size_t size = 0;            // the whole header, through the MAC line's LF
};

// The size of the header at the start of |in| once its last line ("--- ...\n") is complete,
// nothing while it is not (Failure::header when that is already past kMaxHeaderSize).
// |scanned| is where the caller's previous search stopped (kept between calls, so feeding a
// header byte by byte stays linear).
std::optional<std::size_t> header_end(ByteView in, std::size_t &scanned);
// Parses a complete header (the first header_end() bytes); Failure::header when malformed.
Header parse_header(ByteView header);
// The header for |stanzas| with its MAC under |file_key|.
Bytes write_header(std::span<const Stanza> stanzas, ByteView file_key);
// Whether |header|'s MAC is right for |file_key| (constant time).
bool header_mac_matches(ByteView raw, const Header &header, ByteView file_key);

}  // namespace nacre::age::detail
