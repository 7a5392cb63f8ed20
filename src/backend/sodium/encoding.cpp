// libsodium adapter for hex and base64.
#include "check.hpp"
#include "nacre/encoding.hpp"

namespace nacre {
using detail::sodium::ensure_init;

std::string to_hex(ByteView bytes) {
  ensure_init();
  std::string out(checked_add(bytes.size(), bytes.size()) + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

Bytes from_hex(std::string_view hex) {
  ensure_init();
  if (hex.size() % 2 != 0) throw Error(Status::invalid_argument, "hex string has an odd length");
  if (hex.empty()) return {};
  Bytes out(hex.size() / 2);
  size_t len = 0;
  const char *end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0 ||
      len != out.size() || end != hex.data() + hex.size()) {
    throw Error(Status::invalid_argument, "not a hex string");
  }
  return out;
}

namespace {

std::string encode(ByteView bytes, int variant) {
  ensure_init();
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
  out.pop_back();
  return out;
}

// libsodium's decoder refuses non-zero trailing bits and, for the unpadded variant, '='.
Bytes decode(std::string_view b64, int variant) {
  ensure_init();
  if (b64.empty()) return {};
  Bytes out(b64.size() / 4 * 3 + 3);
  size_t len = 0;
  const char *end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), b64.data(), b64.size(), nullptr, &len, &end,
                        variant) != 0 ||
      end != b64.data() + b64.size()) {
    throw Error(Status::invalid_argument, "not a base64 string");
  }
  out.resize(len);
  return out;
}

}  // namespace

std::string to_base64(ByteView bytes) { return encode(bytes, sodium_base64_VARIANT_ORIGINAL); }
Bytes from_base64(std::string_view b64) { return decode(b64, sodium_base64_VARIANT_ORIGINAL); }
std::string to_base64_unpadded(ByteView bytes) {
  return encode(bytes, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}
Bytes from_base64_unpadded(std::string_view b64) {
  return decode(b64, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
}

}  // namespace nacre
