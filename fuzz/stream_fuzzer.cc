// secretstream: push/pull with random chunking and tag sequences round-trips; a dropped,
// reordered or altered message is detected; pulling arbitrary bytes never crashes.
#include "fuzzer.hpp"

void nacre_fuzz(FuzzedDataProvider &in) {
  std::vector<std::uint8_t> key = in.ConsumeBytes<std::uint8_t>(32);
  key.resize(32);
  std::uint8_t header[NACRE_SECRETSTREAM_HEADER_LEN];
  std::size_t len = 0;
  nacre_secretstream_encryptor *enc = nullptr;
  FUZZ_CHECK(nacre_secretstream_encryptor_new(&enc, header, sizeof header, &len, key.data(), 32) == NACRE_OK);
  std::vector<std::vector<std::uint8_t>> plain, cts;
  std::vector<int> tags;
  const int count = in.ConsumeIntegralInRange<int>(1, 8);
  for (int i = 0; i < count; ++i) {
    plain.push_back(in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 200)));
    const int tag = i + 1 == count ? NACRE_SECRETSTREAM_TAG_FINAL : in.ConsumeIntegralInRange<int>(0, 2);
    std::vector<std::uint8_t> c(plain.back().size() + NACRE_SECRETSTREAM_OVERHEAD);
    FUZZ_CHECK(nacre_secretstream_push(enc, c.data(), c.size(), &len, plain.back().data(), plain.back().size(), nullptr, 0, tag) == NACRE_OK);
    cts.push_back(c);
    tags.push_back(tag);
  }
  nacre_secretstream_encryptor_free(enc);
  // A mutation: 0 none, 1 drop a message, 2 swap two, 3 flip a bit.
  const int mutation = in.ConsumeIntegralInRange<int>(0, 3);
  const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, cts.size() - 1);
  bool mutated = false;
  if (mutation == 1) {
    cts.erase(cts.begin() + static_cast<std::ptrdiff_t>(at));
    mutated = true;
  } else if (mutation == 2 && at + 1 < cts.size() && cts[at] != cts[at + 1]) {
    std::swap(cts[at], cts[at + 1]);
    mutated = true;
  } else if (mutation == 3) {
    const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, cts[at].size() * 8 - 1);
    cts[at][bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    mutated = true;
  }
  nacre_secretstream_decryptor *dec = nullptr;
  FUZZ_CHECK(nacre_secretstream_decryptor_new(&dec, header, sizeof header, key.data(), 32) == NACRE_OK);
  bool failed = false;
  for (std::size_t i = 0; i < cts.size(); ++i) {
    std::vector<std::uint8_t> out(cts[i].size(), 0x5A);
    int tag = 0;
    const int rc = nacre_secretstream_pull(dec, out.data(), out.size(), &len, &tag, cts[i].data(), cts[i].size(), nullptr, 0);
    if (rc != NACRE_OK) {
      FUZZ_CHECK(rc == NACRE_ERR_VERIFICATION_FAILED && all_zero(out, out.size()));
      failed = true;
      break;
    }
    if (!mutated) FUZZ_CHECK(tag == tags[i] && std::equal(plain[i].begin(), plain[i].end(), out.begin()));
  }
  const bool finished = nacre_secretstream_decryptor_is_finished(dec) == NACRE_OK;
  // Unmodified: everything pulls and the stream is finished. Modified: a failure or a missing end.
  FUZZ_CHECK(mutated ? (failed || !finished) : (!failed && finished));
  // Arbitrary bytes after all that are refused.
  const std::vector<std::uint8_t> junk = in.ConsumeRemainingBytes<std::uint8_t>();
  std::vector<std::uint8_t> out(junk.size() + 1);
  FUZZ_CHECK(nacre_secretstream_pull(dec, out.data(), out.size(), &len, nullptr, junk.data(), junk.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  nacre_secretstream_decryptor_free(dec);
}
