// age's ASCII armor: strict PEM (RFC 7468, section 3) with the label "AGE ENCRYPTED FILE",
// read and written as streams in constant memory. Only whitespace may surround the block; LF
// and CRLF line ends are both read.
#pragma once

#include <string>

#include "nacre/age.hpp"

namespace nacre::age::detail {

class ArmorReader {
 public:
  // Appends the bytes that complete lines decode to; Failure::armor for anything malformed.
  void write(ByteView in, Bytes &out);
  void finish(Bytes &out);  // the input ended: the END line must have been seen
  std::size_t buffered() const noexcept { return pending_.size(); }  // bytes of a partial line

 private:
  enum class State { begin, body, after_end };
  void line(std::string_view text, Bytes &out);

  State state_ = State::begin;
  bool last_data_line_ = false;  // a short or padded line was seen: only END may follow
  std::string pending_;          // the current line, without its end
};

class ArmorWriter {
 public:
  void write(ByteView in, Bytes &out);
  void finish(Bytes &out);
  // The most text that write() of |binary| bytes (and then finish(), if |finishing|) appends.
  std::size_t max_output(std::size_t binary, bool finishing) const;

 private:
  void put_line(ByteView bytes, Bytes &out);

  bool started_ = false;
  Bytes partial_;  // fewer than 48 bytes, waiting for a full line
};

}  // namespace nacre::age::detail
