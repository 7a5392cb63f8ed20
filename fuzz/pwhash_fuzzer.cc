// Password-hash strings: parsing and verifying arbitrary "$argon2..."/"$7$" strings never
// crashes and returns a documented status; strings are verified only when their cost is small,
// so one input cannot take minutes.
#include <cstring>
#include <string>

#include "fuzzer.hpp"

namespace {

// The fuzzer's own cost gate (nacre's limits allow up to 4 GiB and 32 passes, too slow here).
// "$7$" strings hold log2(N) in one character, r in the next five and p in the five after, in
// crypt's base-64.
std::uint64_t crypt64(const std::string &s, std::size_t at, std::size_t chars) {
  static const char kAlphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < chars; ++i) {
    if (at + i >= s.size()) return UINT64_MAX;
    const char *p = std::strchr(kAlphabet, s[at + i]);
    if (p == nullptr || *p == '\0') return UINT64_MAX;
    v |= static_cast<std::uint64_t>(p - kAlphabet) << (6 * i);
  }
  return v;
}

bool cheap(const std::string &s) {
  if (s.rfind("$7$", 0) == 0) return crypt64(s, 3, 1) <= 10 && crypt64(s, 4, 5) <= 8 && crypt64(s, 9, 5) <= 64;
  const auto m = s.find("m=");
  const auto t = s.find("t=");
  if (m == std::string::npos || t == std::string::npos) return true;  // refused while parsing
  return std::strtoull(s.c_str() + m + 2, nullptr, 10) <= 1024 && std::strtoull(s.c_str() + t + 2, nullptr, 10) <= 3;
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  const std::string password = in.ConsumeRandomLengthString(64);
  const std::string str = in.ConsumeRemainingBytesAsString();
  int needs = -1;
  const int r = nacre_pwhash_str_needs_rehash(str.data(), str.size(), 2, 65536, &needs);
  FUZZ_CHECK(documented_status(r));
  if (!cheap(str)) return;
  const int v = nacre_pwhash_str_verify(str.data(), str.size(), reinterpret_cast<const std::uint8_t *>(password.data()), password.size());
  FUZZ_CHECK(v == NACRE_OK || v == NACRE_ERR_VERIFICATION_FAILED || v == NACRE_ERR_INVALID_ARGUMENT);
}
