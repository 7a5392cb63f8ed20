// AES key wrap (RFC 3394, RFC 5649): statuses match the documented size rules, wrap then unwrap
// gives the key back, wrapping is deterministic, any altered bit fails, and a failed unwrap
// leaves its output zeroed. Arbitrary bytes that do unwrap re-wrap to themselves.
#include <algorithm>

#include "fuzzer.hpp"

namespace {

bool kek_ok(std::size_t n) { return n == 16 || n == 24 || n == 32; }

bool key_ok(int mode, std::size_t n) {
  if (mode == NACRE_KEYWRAP_RFC3394) return n >= 16 && n % 8 == 0;
  return mode == NACRE_KEYWRAP_RFC5649 && n >= 1;
}

int unwrap(int mode, const std::vector<std::uint8_t> &kek, const std::vector<std::uint8_t> &in,
           std::vector<std::uint8_t> &out) {
  out.assign(in.size() + 8, 0xa5);
  std::size_t len = 0;
  const int rc = nacre_aes_key_unwrap(mode, kek.data(), kek.size(), out.data(), out.size(), &len, in.data(), in.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(all_zero(out, out.size()));
    return rc;
  }
  FUZZ_CHECK(len + 8 <= in.size());
  // The room past the key (in.size() - 8 bytes were taken) is zeroed too.
  FUZZ_CHECK(std::all_of(out.begin() + static_cast<std::ptrdiff_t>(len), out.begin() + static_cast<std::ptrdiff_t>(in.size() - 8),
                         [](std::uint8_t b) { return b == 0; }));
  out.resize(len);
  return rc;
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  const int mode = in.ConsumeIntegralInRange<int>(0, 3);  // 0 and 3 are unknown
  const std::vector<std::uint8_t> kek = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 40));
  const std::vector<std::uint8_t> key = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 100));
  const std::size_t flip = in.ConsumeIntegral<std::size_t>();
  const std::vector<std::uint8_t> arbitrary = in.ConsumeRemainingBytes<std::uint8_t>();
  const bool known = mode == NACRE_KEYWRAP_RFC3394 || mode == NACRE_KEYWRAP_RFC5649;

  std::vector<std::uint8_t> wrapped(key.size() + 16, 0xa5);
  std::size_t wlen = 0;
  const int rc = nacre_aes_key_wrap(mode, kek.data(), kek.size(), wrapped.data(), wrapped.size(), &wlen, key.data(), key.size());
  FUZZ_CHECK(documented_status(rc));
  FUZZ_CHECK((rc == NACRE_OK) == (known && kek_ok(kek.size()) && key_ok(mode, key.size())));
  if (!known) FUZZ_CHECK(rc == NACRE_ERR_UNSUPPORTED || rc == NACRE_ERR_INVALID_KEY);
  if (rc == NACRE_OK) {
    FUZZ_CHECK(wlen == (key.size() + 7) / 8 * 8 + NACRE_KEYWRAP_OVERHEAD);
    wrapped.resize(wlen);
    std::vector<std::uint8_t> again(wlen), back;
    std::size_t alen = 0;
    FUZZ_CHECK(nacre_aes_key_wrap(mode, kek.data(), kek.size(), again.data(), again.size(), &alen, key.data(), key.size()) == NACRE_OK);
    FUZZ_CHECK(again == wrapped);
    FUZZ_CHECK(unwrap(mode, kek, wrapped, back) == NACRE_OK && back == key);
    std::vector<std::uint8_t> bad = wrapped;
    bad[flip % (bad.size() * 8) / 8] ^= static_cast<std::uint8_t>(1u << (flip % 8));
    FUZZ_CHECK(unwrap(mode, kek, bad, back) == NACRE_ERR_VERIFICATION_FAILED);
  } else {
    FUZZ_CHECK(all_zero(wrapped, wrapped.size()));
  }

  std::vector<std::uint8_t> out;
  const int u = unwrap(mode, kek, arbitrary, out);
  if (u == NACRE_OK) {  // a forgery this short would be news; whatever unwraps must re-wrap to itself
    std::vector<std::uint8_t> rewrapped(arbitrary.size());
    std::size_t rlen = 0;
    FUZZ_CHECK(nacre_aes_key_wrap(mode, kek.data(), kek.size(), rewrapped.data(), rewrapped.size(), &rlen, out.data(), out.size()) == NACRE_OK);
    FUZZ_CHECK(rewrapped == arbitrary);
  } else if (known && kek_ok(kek.size())) {
    FUZZ_CHECK(u == NACRE_ERR_VERIFICATION_FAILED);
  }
}
