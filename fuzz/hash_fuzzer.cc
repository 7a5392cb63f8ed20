// Every hash: one-shot equals incremental under random chunking and state copies; SHA-256/512
// identical on both backends; XOF prefixes agree; arbitrary lengths never crash.
#include "fuzzer.hpp"

void nacre_fuzz(FuzzedDataProvider &in) {
  const int alg = pick_number(in, nacre_hash_count(), nacre_hash_at, true);
  const int backend = in.ConsumeIntegralInRange<int>(0, 3);
  const std::vector<std::uint8_t> msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 4096));
  const std::size_t digest = nacre_hash_digest_len(alg);
  std::vector<std::uint8_t> one(128, 0xAA), inc(128, 0xBB);
  std::size_t len = 0;
  if (digest == 0) {  // an XOF or an unknown number
    const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 128);
    const int rc = nacre_xof(alg, one.data(), n, msg.data(), msg.size());
    FUZZ_CHECK(documented_status(rc));
    if (rc != NACRE_OK) return;
    nacre_hash_ctx *ctx = nullptr;
    FUZZ_CHECK(nacre_hash_ctx_new(&ctx, alg, 0) == NACRE_OK);
    FUZZ_CHECK(nacre_hash_ctx_update(ctx, msg.data(), msg.size()) == NACRE_OK);
    FUZZ_CHECK(nacre_hash_ctx_xof(ctx, inc.data(), n) == NACRE_OK);
    FUZZ_CHECK(std::equal(one.begin(), one.begin() + static_cast<std::ptrdiff_t>(n), inc.begin()));
    nacre_hash_ctx_free(ctx);
    return;
  }
  const int rc = nacre_hash(alg, backend, one.data(), one.size(), &len, msg.data(), msg.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(all_zero(one, one.size()));
    return;
  }
  FUZZ_CHECK(len == digest);
  nacre_hash_ctx *ctx = nullptr;
  FUZZ_CHECK(nacre_hash_ctx_new(&ctx, alg, backend) == NACRE_OK);
  std::size_t off = 0;
  while (off < msg.size()) {
    const std::size_t n = std::min(msg.size() - off, in.ConsumeIntegralInRange<std::size_t>(1, 300));
    FUZZ_CHECK(nacre_hash_ctx_update(ctx, msg.data() + off, n) == NACRE_OK);
    off += n;
    if (in.ConsumeBool()) {  // continue on a fork; the original is dropped
      nacre_hash_ctx *fork = nullptr;
      FUZZ_CHECK(nacre_hash_ctx_copy(ctx, &fork) == NACRE_OK);
      nacre_hash_ctx_free(ctx);
      ctx = fork;
    }
  }
  FUZZ_CHECK(nacre_hash_ctx_digest(ctx, inc.data(), inc.size(), &len) == NACRE_OK);
  FUZZ_CHECK(std::equal(one.begin(), one.begin() + static_cast<std::ptrdiff_t>(digest), inc.begin()));
  nacre_hash_ctx_free(ctx);
  // Both backends, byte for byte, where both exist.
  if (nacre_hash_is_available(alg, NACRE_BACKEND_BORINGSSL) == NACRE_OK &&
      nacre_hash_is_available(alg, NACRE_BACKEND_SODIUM) == NACRE_OK) {
    std::vector<std::uint8_t> a(64), b(64);
    FUZZ_CHECK(nacre_hash(alg, NACRE_BACKEND_BORINGSSL, a.data(), a.size(), &len, msg.data(), msg.size()) == NACRE_OK);
    FUZZ_CHECK(nacre_hash(alg, NACRE_BACKEND_SODIUM, b.data(), b.size(), &len, msg.data(), msg.size()) == NACRE_OK);
    FUZZ_CHECK(a == b);
  }
}
