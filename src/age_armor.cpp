#include "age_armor.hpp"

#include "age_header.hpp"
#include "nacre/encoding.hpp"

namespace nacre::age::detail {
namespace {

constexpr std::string_view kBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::string_view kEnd = "-----END AGE ENCRYPTED FILE-----";
constexpr std::size_t kColumns = 64;
constexpr std::size_t kLineBytes = 48;  // what one full line encodes
constexpr std::size_t kLongestLine = kColumns + 1;  // with a CR

bool is_space(std::uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void append(Bytes &out, std::string_view text) { out.insert(out.end(), text.begin(), text.end()); }

}  // namespace

void ArmorReader::line(std::string_view text, Bytes &out) {
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);  // CRLF
  if (state_ == State::begin) {
    if (text != kBegin) fail(Failure::armor, "not an armored age file (no BEGIN AGE ENCRYPTED FILE line)");
    state_ = State::body;
    return;
  }
  if (text == kEnd) {
    state_ = State::after_end;
    return;
  }
  if (last_data_line_) fail(Failure::armor, "armor lines after its short last line");
  if (text.empty() || text.size() > kColumns || text.size() % 4 != 0) {
    fail(Failure::armor, "an armor line that is empty, longer than 64 columns, or not whole base64");
  }
  Bytes decoded;
  try {
    decoded = from_base64(text);
  } catch (const nacre::Error &) {
    fail(Failure::armor, "armor that is not canonical base64");
  }
  last_data_line_ = text.size() < kColumns || text.back() == '=';
  out.insert(out.end(), decoded.begin(), decoded.end());
}

void ArmorReader::write(ByteView in, Bytes &out) {
  for (std::uint8_t c : in) {
    if (state_ == State::after_end) {
      if (!is_space(c)) fail(Failure::armor, "data after the armor's END line");
      continue;
    }
    if (state_ == State::begin && pending_.empty() && is_space(c)) continue;  // leading space
    if (c == '\n') {
      line(pending_, out);
      pending_.clear();
      continue;
    }
    if (pending_.size() == kLongestLine) fail(Failure::armor, "an armor line longer than 64 columns");
    pending_.push_back(static_cast<char>(c));
  }
}

void ArmorReader::finish(Bytes &out) {
  if (state_ != State::after_end && !pending_.empty()) {  // the END line may lack its end
    line(pending_, out);
    pending_.clear();
  }
  if (state_ != State::after_end) fail(Failure::armor, "the armor has no END line");
}

void ArmorWriter::put_line(ByteView bytes, Bytes &out) {
  append(out, to_base64(bytes));
  out.push_back('\n');
}

void ArmorWriter::write(ByteView in, Bytes &out) {
  if (!started_) {
    append(out, kBegin);
    out.push_back('\n');
    started_ = true;
  }
  if (!partial_.empty()) {
    const std::size_t take = std::min(in.size(), kLineBytes - partial_.size());
    partial_.insert(partial_.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(take));
    in = in.subspan(take);
    if (partial_.size() < kLineBytes) return;
    put_line(partial_, out);
    partial_.clear();
  }
  while (in.size() >= kLineBytes) {
    put_line(in.first(kLineBytes), out);
    in = in.subspan(kLineBytes);
  }
  partial_.assign(in.begin(), in.end());
}

std::size_t ArmorWriter::max_output(std::size_t binary, bool finishing) const {
  const std::size_t lines = checked_add(partial_.size(), binary) / kLineBytes + 1;
  if (lines > SIZE_MAX / (kColumns + 2)) throw nacre::Error(Status::invalid_argument, "age: input too long");
  const std::size_t frame = (started_ ? 0 : kBegin.size() + 1) + (finishing ? kEnd.size() + 1 : 0);
  return checked_add(lines * (kColumns + 1), frame);
}

void ArmorWriter::finish(Bytes &out) {
  write({}, out);
  if (!partial_.empty()) put_line(partial_, out);
  partial_.clear();
  append(out, kEnd);
  out.push_back('\n');
}

}  // namespace nacre::age::detail
