// Key derivation with bounded cost: HKDF one-shot equals extract-then-expand and both backends
// agree; PBKDF2, crypto_kdf and scrypt accept exactly their documented ranges.
#include "fuzzer.hpp"

void nacre_fuzz(FuzzedDataProvider &in) {
  const int h = pick_number(in, nacre_hash_count(), nacre_hash_at, true);
  const nacre_hash_info facts = hash_facts(h);
  const bool kdf = (facts.flags & NACRE_HASH_FLAG_KDF) != 0;  // HKDF and PBKDF2 take it
  const std::vector<std::uint8_t> ikm = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 100));
  const std::vector<std::uint8_t> salt = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 100));
  const std::vector<std::uint8_t> info = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 100));
  const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 255 * 64 + 2);
  std::vector<std::uint8_t> okm(n + 1), again(n + 1), prk(64);
  const int rc = nacre_hkdf(h, 0, okm.data(), n, ikm.data(), ikm.size(), salt.data(), salt.size(), info.data(), info.size());
  FUZZ_CHECK(documented_status(rc));
  const std::size_t hl = nacre_hash_digest_len(h);
  if (!kdf) {
    FUZZ_CHECK(rc == NACRE_ERR_UNSUPPORTED);
  } else if (n == 0 || n > 255 * hl) {
    FUZZ_CHECK(rc == NACRE_ERR_INVALID_ARGUMENT && all_zero(okm, n));
  } else {
    FUZZ_CHECK(rc == NACRE_OK);
    std::size_t prk_len = 0;
    FUZZ_CHECK(nacre_hkdf_extract(h, 0, prk.data(), prk.size(), &prk_len, ikm.data(), ikm.size(), salt.data(), salt.size()) == NACRE_OK);
    FUZZ_CHECK(nacre_hkdf_expand(h, 0, again.data(), n, prk.data(), prk_len, info.data(), info.size()) == NACRE_OK);
    FUZZ_CHECK(std::equal(okm.begin(), okm.begin() + static_cast<std::ptrdiff_t>(n), again.begin()));
    if (nacre_hmac_is_available(h, NACRE_BACKEND_SODIUM) == NACRE_OK) {  // libsodium's HKDF: its HMACs
      FUZZ_CHECK(nacre_hkdf(h, NACRE_BACKEND_SODIUM, again.data(), n, ikm.data(), ikm.size(), salt.data(), salt.size(), info.data(), info.size()) == NACRE_OK);
      FUZZ_CHECK(std::equal(okm.begin(), okm.begin() + static_cast<std::ptrdiff_t>(n), again.begin()));
    }
  }
  // PBKDF2 with a handful of iterations (0 is refused).
  const std::uint64_t iters = in.ConsumeIntegralInRange<std::uint64_t>(0, 3);
  const std::size_t dk_len = in.ConsumeIntegralInRange<std::size_t>(0, 100);
  std::vector<std::uint8_t> dk(dk_len + 1);
  const int p = nacre_pbkdf2(h, dk.data(), dk_len, ikm.data(), ikm.size(), salt.data(), salt.size(), iters);
  FUZZ_CHECK(documented_status(p));
  FUZZ_CHECK((p == NACRE_OK) == (iters >= 1 && dk_len >= 1 && kdf));
  // crypto_kdf: 16..64 bytes, an 8-byte context, a 32-byte key.
  const std::size_t sub_len = in.ConsumeIntegralInRange<std::size_t>(0, 70);
  std::vector<std::uint8_t> sub(70);
  const int k = nacre_kdf_derive(sub.data(), sub_len, in.ConsumeIntegral<std::uint64_t>(), info.data(),
                                 std::min<std::size_t>(info.size(), 8), ikm.data(), std::min<std::size_t>(ikm.size(), 32));
  FUZZ_CHECK((k == NACRE_OK) == (sub_len >= 16 && sub_len <= 64 && info.size() >= 8 && ikm.size() >= 32));
  // scrypt with tiny, possibly invalid parameters, on both backends.
  const std::uint64_t N = in.ConsumeIntegralInRange<std::uint64_t>(0, 64);
  const std::uint32_t r = in.ConsumeIntegralInRange<std::uint32_t>(0, 4), pp = in.ConsumeIntegralInRange<std::uint32_t>(0, 2);
  std::vector<std::uint8_t> s1(32), s2(32);
  const int a = nacre_scrypt(NACRE_BACKEND_BORINGSSL, s1.data(), 32, ikm.data(), ikm.size(), salt.data(), salt.size(), N, r, pp);
  const int b = nacre_scrypt(NACRE_BACKEND_SODIUM, s2.data(), 32, ikm.data(), ikm.size(), salt.data(), salt.size(), N, r, pp);
  FUZZ_CHECK(documented_status(a) && a == b);
  if (a == NACRE_OK) FUZZ_CHECK(s1 == s2);
}
