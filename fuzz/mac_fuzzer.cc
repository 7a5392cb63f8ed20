// HMAC: one-shot equals incremental; both backends agree; verify accepts the right tag and
// rejects every altered one; BLAKE2b with arbitrary key and digest lengths never crashes.
#include "fuzzer.hpp"

void nacre_fuzz(FuzzedDataProvider &in) {
  static const int kAlgs[] = {NACRE_HASH_SHA256, NACRE_HASH_SHA384, NACRE_HASH_SHA512, NACRE_HASH_SHA3_256};
  const int alg = kAlgs[in.ConsumeIntegralInRange<std::size_t>(0, 3)];
  const std::vector<std::uint8_t> key = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 200));
  const std::vector<std::uint8_t> msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 2000));
  std::vector<std::uint8_t> tag(64), other(64);
  std::size_t len = 0;
  const int rc = nacre_hmac(alg, 0, tag.data(), tag.size(), &len, key.data(), key.size(), msg.data(), msg.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(alg == NACRE_HASH_SHA3_256 && rc == NACRE_ERR_UNSUPPORTED);
  } else {
    FUZZ_CHECK(nacre_hmac_verify(alg, 0, tag.data(), len, key.data(), key.size(), msg.data(), msg.size()) == NACRE_OK);
    const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, len * 8 - 1);
    std::vector<std::uint8_t> bad(tag.begin(), tag.begin() + static_cast<std::ptrdiff_t>(len));
    bad[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    FUZZ_CHECK(nacre_hmac_verify(alg, 0, bad.data(), len, key.data(), key.size(), msg.data(), msg.size()) == NACRE_ERR_VERIFICATION_FAILED);
    FUZZ_CHECK(nacre_hmac_verify(alg, 0, tag.data(), len - 1, key.data(), key.size(), msg.data(), msg.size()) == NACRE_ERR_VERIFICATION_FAILED);
    nacre_hmac_ctx *ctx = nullptr;
    FUZZ_CHECK(nacre_hmac_ctx_new(&ctx, alg, 0, key.data(), key.size()) == NACRE_OK);
    std::size_t off = 0;
    while (off < msg.size()) {
      const std::size_t n = std::min(msg.size() - off, in.ConsumeIntegralInRange<std::size_t>(1, 300));
      FUZZ_CHECK(nacre_hmac_ctx_update(ctx, msg.data() + off, n) == NACRE_OK);
      off += n;
    }
    FUZZ_CHECK(nacre_hmac_ctx_verify(ctx, tag.data(), len) == NACRE_OK);
    nacre_hmac_ctx_free(ctx);
    if (nacre_hmac_is_available(alg, NACRE_BACKEND_SODIUM) == NACRE_OK) {
      FUZZ_CHECK(nacre_hmac(alg, NACRE_BACKEND_SODIUM, other.data(), other.size(), &len, key.data(), key.size(), msg.data(), msg.size()) == NACRE_OK);
      FUZZ_CHECK(std::equal(tag.begin(), tag.begin() + static_cast<std::ptrdiff_t>(len), other.begin()));
    }
  }
  // BLAKE2b with any lengths: valid ones work, others are refused, nothing crashes.
  const std::size_t out_len = in.ConsumeIntegralInRange<std::size_t>(0, 70);
  const std::size_t key_len = std::min(key.size(), in.ConsumeIntegralInRange<std::size_t>(0, 70));
  std::vector<std::uint8_t> out(70);
  const int b2 = nacre_blake2b(out.data(), out_len, key.data(), key_len, msg.data(), msg.size());
  FUZZ_CHECK((b2 == NACRE_OK) == (out_len >= 16 && out_len <= 64 && key_len <= 64));
}
