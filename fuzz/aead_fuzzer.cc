// AEAD: open(seal(x)) == x; any single altered bit of ciphertext, tag, nonce or associated data
// fails and leaves a zeroed output; opening arbitrary bytes never crashes; both backends agree,
// and so do the one-shot functions.
#include "fuzzer.hpp"

void nacre_fuzz(FuzzedDataProvider &in) {
  const int alg = pick_number(in, nacre_aead_count(), nacre_aead_at);
  const std::size_t ks = nacre_aead_key_len(alg), ns = nacre_aead_nonce_len(alg), ts = nacre_aead_tag_len(alg);
  const std::vector<std::uint8_t> key = in.ConsumeBytes<std::uint8_t>(ks);
  const std::vector<std::uint8_t> nonce = in.ConsumeBytes<std::uint8_t>(ns);
  const std::vector<std::uint8_t> ad = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  const std::vector<std::uint8_t> msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 1024));
  nacre_aead_key *k = nullptr;
  const int rc = nacre_aead_key_new(&k, alg, 0, key.data(), key.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(key.size() != ks && rc == NACRE_ERR_INVALID_KEY);
    return;
  }
  std::vector<std::uint8_t> ct(msg.size() + ts), pt(msg.size() + ts);
  std::size_t len = 0;
  const int s = nacre_aead_seal(k, ct.data(), ct.size(), &len, nonce.data(), nonce.size(), msg.data(), msg.size(), ad.data(), ad.size());
  if (nonce.size() != ns) {
    FUZZ_CHECK(s == NACRE_ERR_INVALID_ARGUMENT && all_zero(ct, ct.size()));
  } else {
    FUZZ_CHECK(s == NACRE_OK && len == ct.size());
    FUZZ_CHECK(nacre_aead_open(k, pt.data(), pt.size(), &len, nonce.data(), ns, ct.data(), ct.size(), ad.data(), ad.size()) == NACRE_OK);
    FUZZ_CHECK(len == msg.size() && std::equal(msg.begin(), msg.end(), pt.begin()));
    // One altered bit somewhere in ciphertext‖tag, nonce or associated data.
    std::vector<std::uint8_t> c2 = ct, n2 = nonce, a2 = ad;
    const int where = in.ConsumeIntegralInRange<int>(0, ad.empty() ? 1 : 2);
    std::vector<std::uint8_t> &v = where == 0 ? c2 : where == 1 ? n2 : a2;
    const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, v.size() * 8 - 1);
    v[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    std::fill(pt.begin(), pt.end(), 0x5A);
    FUZZ_CHECK(nacre_aead_open(k, pt.data(), pt.size(), &len, n2.data(), ns, c2.data(), c2.size(), a2.data(), a2.size()) == NACRE_ERR_VERIFICATION_FAILED);
    FUZZ_CHECK(all_zero(pt, pt.size()));
    // The other backend gives the same bytes where both run the algorithm.
    for (int b : {NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      nacre_aead_key *kb = nullptr;
      if (nacre_aead_key_new(&kb, alg, b, key.data(), key.size()) != NACRE_OK) continue;
      std::vector<std::uint8_t> cb(ct.size());
      FUZZ_CHECK(nacre_aead_seal(kb, cb.data(), cb.size(), &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
      FUZZ_CHECK(cb == ct);
      nacre_aead_key_free(kb);
    }
    // The one-shot functions give the same bytes, and fail the same way.
    std::vector<std::uint8_t> c1(ct.size()), p1(msg.size() + 1, 0x5A);
    FUZZ_CHECK(nacre_aead_seal_oneshot(alg, 0, key.data(), key.size(), c1.data(), c1.size(), &len, nonce.data(), ns, msg.data(), msg.size(), ad.data(), ad.size()) == NACRE_OK);
    FUZZ_CHECK(c1 == ct);
    FUZZ_CHECK(nacre_aead_open_oneshot(alg, 0, key.data(), key.size(), p1.data(), msg.size(), &len, n2.data(), ns, c2.data(), c2.size(), a2.data(), a2.size()) == NACRE_ERR_VERIFICATION_FAILED);
    FUZZ_CHECK(all_zero(p1, msg.size()) && p1.back() == 0x5A);
  }
  // Opening whatever is left of the input as ciphertext never crashes and never succeeds by luck.
  const std::vector<std::uint8_t> junk = in.ConsumeRemainingBytes<std::uint8_t>();
  std::vector<std::uint8_t> out(junk.size() + 1, 0x5A);
  const int o = nacre_aead_open(k, out.data(), out.size(), &len, nonce.data(), nonce.size(), junk.data(), junk.size(), ad.data(), ad.size());
  FUZZ_CHECK(o == NACRE_ERR_VERIFICATION_FAILED || o == NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(all_zero(out, out.size()));
  nacre_aead_key_free(k);
}
