#include "age_header.hpp"

#include <string_view>

#include "nacre/encoding.hpp"
#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"
#include "nacre/kdf.hpp"

namespace nacre::age {

Error::Error(Failure failure, const std::string &what)
    : nacre::Error(failure == Failure::header_mac || failure == Failure::payload
                       ? Status::verification_failed
                       : (failure == Failure::no_identity ? Status::invalid_key
                                                          : Status::invalid_argument),
                   what),
      failure_(failure) {}

namespace detail {
namespace {

constexpr std::string_view kVersionLine = "age-encryption.org/v1";
constexpr std::size_t kColumns = 64;
constexpr std::size_t kMacB64Size = 43;

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

Bytes base64_field(std::string_view text, const char *what) {
  for (char c : text) {
    if (!is_base64_char(c)) fail(Failure::header, std::string("a non-base64 character in ") + what);
  }
  try {
    return from_base64_unpadded(text);
  } catch (const nacre::Error &) {
    fail(Failure::header, std::string("non-canonical base64 in ") + what);
  }
}

SecretBytes mac_key(ByteView file_key) {
  static constexpr std::string_view info = "header";
  return hkdf(HashAlg::sha256, file_key, {}, as_bytes_view(info), 32);
}

// Lines of |text| one at a time, each without its LF; the last one must end with LF.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  std::size_t offset() const { return at_; }
  std::string_view next() {
    const std::size_t lf = text_.find('\n', at_);
    if (lf == std::string_view::npos) fail(Failure::header, "the header ends in the middle of a line");
    std::string_view line = text_.substr(at_, lf - at_);
    at_ = lf + 1;
    return line;
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

Stanza parse_stanza(std::string_view arg_line, Lines &lines) {
  Stanza stanza;
  std::string_view rest = arg_line.substr(3);  // after "-> "
  std::vector<std::string> words;
  while (true) {
    const std::size_t sp = rest.find(' ');
    std::string_view word = rest.substr(0, sp);
    if (word.empty()) fail(Failure::header, "an empty stanza argument");
    for (char c : word) {
      if (c < 0x21 || c > 0x7e) fail(Failure::header, "a stanza argument with a non-printable byte");
    }
    words.emplace_back(word);
    if (sp == std::string_view::npos) break;
    rest = rest.substr(sp + 1);
  }
  stanza.type = std::move(words.front());
  stanza.args.assign(words.begin() + 1, words.end());
  std::string body;
  while (true) {
    std::string_view line = lines.next();
    if (line.size() > kColumns) fail(Failure::header, "a stanza body line longer than 64 columns");
    for (char c : line) {
      if (!is_base64_char(c)) fail(Failure::header, "a non-base64 character in a stanza body");
    }
    body.append(line);
    if (line.size() < kColumns) break;  // the final, short line (possibly empty)
  }
  stanza.body = base64_field(body, "a stanza body");
  return stanza;
}

}  // namespace

[[noreturn]] void fail(Failure failure, const std::string &why) { throw Error(failure, "age: " + why); }

std::optional<std::size_t> header_end(ByteView in, std::size_t &scanned) {
  // The header ends with the first line that starts with "---": no other line can (stanza
  // lines start with "-> ", body lines are base64).
  const std::string_view text(reinterpret_cast<const char *>(in.data()), in.size());
  while (true) {
    const std::size_t lf = text.find('\n', scanned);
    if (lf == std::string_view::npos) break;
    const bool last = text.substr(scanned, 3) == "---";
    scanned = lf + 1;
    if (last) return scanned;
  }
  if (in.size() > kMaxHeaderSize) fail(Failure::header, "no end of header in its first 1 MiB");
  return std::nullopt;
}

Header parse_header(ByteView raw) {
  const std::string_view text(reinterpret_cast<const char *>(raw.data()), raw.size());
  Lines lines(text);
  if (lines.next() != kVersionLine) fail(Failure::header, "not an age v1 file (no version line)");
  Header header;
  while (true) {
    const std::size_t line_start = lines.offset();
    std::string_view line = lines.next();
    if (line.substr(0, 3) == "-> ") {
      header.stanzas.push_back(parse_stanza(line, lines));
      continue;
    }
    if (line.substr(0, 3) != "---") fail(Failure::header, "a header line that is neither a stanza nor the MAC");
    if (header.stanzas.empty()) fail(Failure::header, "a header without recipient stanzas");
    if (line.size() != 4 + kMacB64Size || line[3] != ' ') fail(Failure::header, "a malformed MAC line");
    header.mac_input_size = line_start + 3;
    header.mac = base64_field(line.substr(4), "the header MAC");
    header.size = lines.offset();
    if (header.size != raw.size()) fail(Failure::header, "bytes after the MAC line");
    return header;
  }
}

Bytes write_header(std::span<const Stanza> stanzas, ByteView file_key) {
  std::string text(kVersionLine);
  text += '\n';
  for (const Stanza &s : stanzas) {
    text += "-> ";
    text += s.type;
    for (const std::string &arg : s.args) (text += ' ') += arg;
    text += '\n';
    const std::string body = to_base64_unpadded(s.body);
    for (std::size_t at = 0;; at += kColumns) {
      const std::string_view line = std::string_view(body).substr(std::min(at, body.size()), kColumns);
      (text += line) += '\n';
      if (line.size() < kColumns) break;
    }
  }
  text += "---";
  const SecretBytes key = mac_key(file_key);
  const Bytes mac = hmac(HashAlg::sha256, key.view(), as_bytes_view(text));
  text += ' ';
  text += to_base64_unpadded(mac);
  text += '\n';
  return Bytes(text.begin(), text.end());
}

bool header_mac_matches(ByteView raw, const Header &header, ByteView file_key) {
  const SecretBytes key = mac_key(file_key);
  return hmac_verify(HashAlg::sha256, key.view(), raw.first(header.mac_input_size), header.mac);
}

}  // namespace detail
}  // namespace nacre::age
