// A sequence of C ABI calls chosen by the input: handles created, used, freed (and used again
// after being freed), NULL pointers, random lengths, too-small buffers. Every call must return a
// documented status, never crash, and never write past the buffer it was given.
#include <array>

#include "fuzzer.hpp"

namespace {

constexpr std::size_t kFence = 16;
constexpr std::uint8_t kCanary = 0xC5;

// An output buffer with canaries on both sides; out() may also hand out NULL.
struct Out {
  std::vector<std::uint8_t> mem;
  std::size_t cap;
  bool null;
  Out(FuzzedDataProvider &in) : cap(in.ConsumeIntegralInRange<std::size_t>(0, 160)), null(in.ConsumeIntegralInRange<int>(0, 15) == 0) {
    mem.assign(cap + 2 * kFence, kCanary);
  }
  std::uint8_t *out() { return null ? nullptr : mem.data() + kFence; }
  bool fences() const {
    for (std::size_t i = 0; i < kFence; ++i) {
      if (mem[i] != kCanary || mem[mem.size() - 1 - i] != kCanary) return false;
    }
    return true;
  }
};

struct In {
  std::vector<std::uint8_t> bytes;
  std::size_t len;
  bool null;
  In(FuzzedDataProvider &in) : bytes(in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 100))) {
    const int mode = in.ConsumeIntegralInRange<int>(0, 20);
    null = mode == 0;
    len = mode == 1 ? SIZE_MAX : bytes.size();  // an overflowing length now and then
  }
  const std::uint8_t *ptr() const { return null ? nullptr : bytes.data(); }
};

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  std::array<nacre_hash_ctx *, 3> hashes{};
  std::array<nacre_hmac_ctx *, 3> macs{};
  std::array<nacre_aead_key *, 3> keys{};
  std::array<nacre_secretstream_encryptor *, 2> encs{};
  for (int step = 0; step < 40 && in.remaining_bytes() > 0; ++step) {
    const int op = in.ConsumeIntegralInRange<int>(0, 13);
    const std::size_t i = in.ConsumeIntegralInRange<std::size_t>(0, 2);
    Out o(in);
    std::size_t len = 0;
    int rc = NACRE_OK;
    switch (op) {
      case 0: nacre_hash_ctx_free(hashes[i]); rc = nacre_hash_ctx_new(&hashes[i], pick_number(in, nacre_hash_count(), nacre_hash_at, true), in.ConsumeIntegralInRange<int>(-1, 3)); break;
      case 1: { In m(in); rc = nacre_hash_ctx_update(hashes[i], m.ptr(), m.len); break; }
      case 2: rc = nacre_hash_ctx_digest(hashes[i], o.out(), o.cap, &len); break;
      case 3: nacre_hash_ctx_free(hashes[i]); break;  // the pointer is kept: later calls use it freed
      case 4: { In k(in); nacre_hmac_ctx_free(macs[i]); rc = nacre_hmac_ctx_new(&macs[i], pick_number(in, nacre_hash_count(), nacre_hash_at, true), in.ConsumeIntegralInRange<int>(0, 3), k.ptr(), k.len); break; }
      case 5: rc = nacre_hmac_ctx_digest(macs[i], o.out(), o.cap, &len); break;
      case 6: { In t(in); rc = nacre_hmac_ctx_verify(macs[i], t.ptr(), t.len); break; }
      case 7: nacre_hmac_ctx_free(macs[i]); break;
      case 8: { In k(in); nacre_aead_key_free(keys[i]); rc = nacre_aead_key_new(&keys[i], pick_number(in, nacre_aead_count(), nacre_aead_at, true), in.ConsumeIntegralInRange<int>(0, 3), k.ptr(), k.len); break; }
      case 9: {
        In n(in), m(in), a(in);
        rc = in.ConsumeBool() ? nacre_aead_seal(keys[i], o.out(), o.cap, &len, n.ptr(), n.len, m.ptr(), m.len, a.ptr(), a.len)
                              : nacre_aead_open(keys[i], o.out(), o.cap, &len, n.ptr(), n.len, m.ptr(), m.len, a.ptr(), a.len);
        break;
      }
      case 10: nacre_aead_key_free(keys[i]); break;
      case 11: { In k(in); nacre_secretstream_encryptor_free(encs[i % 2]); rc = nacre_secretstream_encryptor_new(&encs[i % 2], o.out(), o.cap, &len, k.ptr(), k.len); break; }
      case 12: { In m(in); rc = nacre_secretstream_push(encs[i % 2], o.out(), o.cap, &len, m.ptr(), m.len, nullptr, 0, in.ConsumeIntegralInRange<int>(-1, 4)); break; }
      default: {
        // A handle of one type passed where another is expected.
        rc = nacre_hash_ctx_update(reinterpret_cast<nacre_hash_ctx *>(keys[i]), o.out(), 0);
        FUZZ_CHECK(keys[i] == nullptr || rc == NACRE_ERR_INVALID_HANDLE);
        break;
      }
    }
    FUZZ_CHECK(documented_status(rc));
    FUZZ_CHECK(o.fences());
  }
  for (auto *h : hashes) nacre_hash_ctx_free(h);
  for (auto *m : macs) nacre_hmac_ctx_free(m);
  for (auto *k : keys) nacre_aead_key_free(k);
  for (auto *e : encs) nacre_secretstream_encryptor_free(e);
}
