// Public-key encryption: HPKE (single shot and contexts), sealed boxes, crypto_box and RSA-OAEP.
// HPKE, sealed boxes and crypto_box use fixed recipient keys (the
// RFC 9180 appendix A recipients, one per suite, so the known-answer ciphertexts open). Opening
// arbitrary bytes never crashes, returns VERIFICATION_FAILED (or a documented argument error) and
// leaves the output zeroed; what does open fails once any single bit is altered. Seal then open
// gives the message back for every suite; a single altered bit of ciphertext, enc, nonce, info or
// associated data fails; a small-order recipient is refused (INVALID_KEY) exactly when it is one.
#include "pk.hpp"

namespace {

using pk::Bytes;

constexpr std::size_t kSealOverhead = NACRE_HPKE_ENC_LEN + NACRE_HPKE_TAG_LEN;

// The recipient private keys (skRm) of tests/vectors/hpke.txt, one per suite in suite order.
const std::uint8_t kRecipients[3][32] = {
    {0x46, 0x12, 0xc5, 0x50, 0x26, 0x3f, 0xc8, 0xad, 0x58, 0x37, 0x5d, 0xf3, 0xf5, 0x57, 0xaa, 0xc5,
     0x31, 0xd2, 0x68, 0x50, 0x90, 0x3e, 0x55, 0xa9, 0xf2, 0x3f, 0x21, 0xd8, 0x53, 0x4e, 0x8a, 0xc8},
    {0x49, 0x7b, 0x45, 0x02, 0x66, 0x4c, 0xfe, 0xa5, 0xd5, 0xaf, 0x0b, 0x39, 0x93, 0x4d, 0xac, 0x72,
     0x24, 0x2a, 0x74, 0xf8, 0x48, 0x04, 0x51, 0xe1, 0xae, 0xe7, 0xd6, 0xa5, 0x33, 0x20, 0x33, 0x3d},
    {0x80, 0x57, 0x99, 0x1e, 0xef, 0x8f, 0x1f, 0x1a, 0xf1, 0x8f, 0x4a, 0x94, 0x91, 0xd1, 0x6a, 0x1c,
     0xe3, 0x33, 0xf6, 0x95, 0xd4, 0xdb, 0x8e, 0x38, 0xda, 0x75, 0x97, 0x5c, 0x44, 0x78, 0xe0, 0xfb},
};

struct Keys {
  nacre_key *pair[3];  // X25519 key pairs
  nacre_key *pub[3];   // their public parts
  nacre_key *ed;       // a key of another type
};

const Keys &keys() {
  static const Keys k = [] {
    Keys r{};
    for (int i = 0; i < 3; ++i) {
      FUZZ_CHECK(nacre_key_import(&r.pair[i], NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, kRecipients[i], 32) ==
                 NACRE_OK);
      FUZZ_CHECK(nacre_key_public(r.pair[i], &r.pub[i]) == NACRE_OK);
    }
    FUZZ_CHECK(nacre_key_import(&r.ed, NACRE_KEY_ED25519, NACRE_KEY_FORMAT_RAW_PRIVATE, kRecipients[0], 32) == NACRE_OK);
    return r;
  }();
  return k;
}

// A failed open: the documented status, len 0, the whole output zeroed.
void check_failed(int rc, std::size_t len, const Bytes &out) {
  FUZZ_CHECK(documented_status(rc));
  FUZZ_CHECK(rc != NACRE_OK && rc != NACRE_ERR_BUFFER_TOO_SMALL);
  FUZZ_CHECK(len == 0 && all_zero(out, out.size()));
}

// --- HPKE, single shot.

int hpke_open(int suite, const nacre_key *k, const Bytes &info, const Bytes &ct, const Bytes &aad, Bytes &pt) {
  pt.assign(ct.size() + 8, 0x5A);  // room to spare: the size question is not what is fuzzed here
  std::size_t len = 77;
  const int rc = nacre_hpke_open(suite, k, pt.data(), pt.size(), &len, info.data(), info.size(), ct.data(), ct.size(),
                                 aad.data(), aad.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    check_failed(rc, len, pt);
    return rc;
  }
  FUZZ_CHECK(ct.size() >= kSealOverhead && len == ct.size() - kSealOverhead);
  for (std::size_t i = len; i < pt.size(); ++i) FUZZ_CHECK(pt[i] == 0x5A);
  pt.resize(len);
  return rc;
}

void hpke_round_trip(FuzzedDataProvider &in) {
  const int suite = pick_number(in, nacre_hpke_suite_count(), nacre_hpke_suite_at, true);
  const Bytes info = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  const Bytes aad = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  const Bytes msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 512));
  const Keys &ks = keys();
  const int i = suite >= 1 && suite <= 3 ? suite - 1 : 0;
  std::size_t len = 0;
  FUZZ_CHECK(nacre_hpke_seal(suite, ks.pub[i], nullptr, 0, &len, info.data(), info.size(), msg.data(), msg.size(),
                             aad.data(), aad.size()) == (i == suite - 1 ? NACRE_ERR_BUFFER_TOO_SMALL : NACRE_ERR_UNSUPPORTED));
  Bytes ct(msg.size() + kSealOverhead, 0x5A);
  const int s = nacre_hpke_seal(suite, ks.pub[i], ct.data(), ct.size(), &len, info.data(), info.size(), msg.data(),
                                msg.size(), aad.data(), aad.size());
  if (i != suite - 1) {
    FUZZ_CHECK(s == NACRE_ERR_UNSUPPORTED);
    check_failed(s, len, ct);
    Bytes pt;
    FUZZ_CHECK(hpke_open(suite, ks.pair[i], info, Bytes(64, 1), aad, pt) == NACRE_ERR_UNSUPPORTED);
    return;
  }
  FUZZ_CHECK(s == NACRE_OK && len == ct.size());
  Bytes pt;
  FUZZ_CHECK(hpke_open(suite, ks.pair[i], info, ct, aad, pt) == NACRE_OK && pt == msg);
  // One altered bit of enc || ciphertext || tag, info or aad.
  Bytes c2 = ct, i2 = info, a2 = aad;
  const int where = in.ConsumeIntegralInRange<int>(0, 2);
  Bytes &v = where == 1 && !i2.empty() ? i2 : where == 2 && !a2.empty() ? a2 : c2;
  pk::flip_bit(in, v);
  FUZZ_CHECK(hpke_open(suite, ks.pair[i], i2, c2, a2, pt) == NACRE_ERR_VERIFICATION_FAILED);
  // Another suite, another recipient, a truncated input, a public key, a key of another type.
  const int other = suite % 3 + 1;
  FUZZ_CHECK(hpke_open(other, ks.pair[i], info, ct, aad, pt) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(hpke_open(suite, ks.pair[(i + 1) % 3], info, ct, aad, pt) == NACRE_ERR_VERIFICATION_FAILED);
  const Bytes cut(ct.begin(), ct.begin() + static_cast<std::ptrdiff_t>(in.ConsumeIntegralInRange<std::size_t>(0, ct.size() - 1)));
  FUZZ_CHECK(hpke_open(suite, ks.pair[i], info, cut, aad, pt) == NACRE_ERR_VERIFICATION_FAILED);
  const int p = hpke_open(suite, ks.pub[i], info, ct, aad, pt);
  FUZZ_CHECK(p == NACRE_ERR_INVALID_KEY || p == NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(hpke_open(suite, ks.ed, info, ct, aad, pt) == NACRE_ERR_INVALID_KEY);
  // The context API with the same enc: the first message of a sequence is the single-shot one.
  nacre_hpke_ctx *rx = nullptr;
  FUZZ_CHECK(nacre_hpke_receiver_new(&rx, suite, ks.pair[i], ct.data(), NACRE_HPKE_ENC_LEN, info.data(), info.size()) ==
             NACRE_OK);
  Bytes out(msg.size() + 1, 0x5A);
  FUZZ_CHECK(nacre_hpke_ctx_open(rx, out.data(), out.size(), &len, ct.data() + NACRE_HPKE_ENC_LEN,
                                 ct.size() - NACRE_HPKE_ENC_LEN, aad.data(), aad.size()) == NACRE_OK);
  FUZZ_CHECK(len == msg.size() && std::equal(msg.begin(), msg.end(), out.begin()));
  // The same ciphertext again is the second message of the sequence: it fails, and zeroes.
  FUZZ_CHECK(nacre_hpke_ctx_open(rx, out.data(), out.size(), &len, ct.data() + NACRE_HPKE_ENC_LEN,
                                 ct.size() - NACRE_HPKE_ENC_LEN, aad.data(), aad.size()) ==
             NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(len == 0 && all_zero(out, out.size()));
  nacre_hpke_ctx_free(rx);
}

// Arbitrary bytes as enc || ciphertext for a recipient; what opens must stop opening once altered.
void hpke_arbitrary(FuzzedDataProvider &in) {
  const int suite = pick_number(in, nacre_hpke_suite_count(), nacre_hpke_suite_at);
  const Bytes info = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  const Bytes aad = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 64));
  const bool ctx = in.ConsumeBool();
  const Bytes ct = in.ConsumeRemainingBytes<std::uint8_t>();
  const Keys &ks = keys();
  const nacre_key *k = ks.pair[suite - 1];
  Bytes pt;
  const int rc = hpke_open(suite, k, info, ct, aad, pt);
  FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_VERIFICATION_FAILED);
  if (rc == NACRE_OK) {
    Bytes c2 = ct;
    c2.back() ^= 0x01;  // the tag
    FUZZ_CHECK(hpke_open(suite, k, info, c2, aad, pt) == NACRE_ERR_VERIFICATION_FAILED);
  }
  if (!ctx || ct.size() < NACRE_HPKE_ENC_LEN) return;
  // The context API: a receiver from the enc part, then the rest as one message.
  nacre_hpke_ctx *rx = reinterpret_cast<nacre_hpke_ctx *>(0x1);
  const int r = nacre_hpke_receiver_new(&rx, suite, k, ct.data(), NACRE_HPKE_ENC_LEN, info.data(), info.size());
  FUZZ_CHECK(r == (pk::x25519_small_order(ct.data()) ? NACRE_ERR_INVALID_KEY : NACRE_OK));
  FUZZ_CHECK((r == NACRE_OK) == (rx != nullptr));
  if (r != NACRE_OK) return;
  const std::size_t body = ct.size() - NACRE_HPKE_ENC_LEN;
  Bytes out(body + 1, 0x5A);
  std::size_t len = 0;
  const int o = nacre_hpke_ctx_open(rx, out.data(), out.size(), &len, ct.data() + NACRE_HPKE_ENC_LEN, body, aad.data(),
                                    aad.size());
  FUZZ_CHECK(o == rc);  // the single-shot open is this receiver's first message
  if (o != NACRE_OK) check_failed(o, len, out);
  // Exporting works on any context and is deterministic.
  Bytes e1(32), e2(32);
  FUZZ_CHECK(nacre_hpke_ctx_export(rx, e1.data(), e1.size(), info.data(), info.size()) == NACRE_OK);
  FUZZ_CHECK(nacre_hpke_ctx_export(rx, e2.data(), e2.size(), info.data(), info.size()) == NACRE_OK);
  FUZZ_CHECK(e1 == e2);
  nacre_hpke_ctx_free(rx);
}

// --- Sealed boxes.

int box_seal_open(const nacre_key *k, const Bytes &ct, Bytes &pt) {
  pt.assign(ct.size() + 8, 0x5A);
  std::size_t len = 77;
  const int rc = nacre_box_seal_open(k, pt.data(), pt.size(), &len, ct.data(), ct.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    check_failed(rc, len, pt);
    return rc;
  }
  FUZZ_CHECK(ct.size() >= NACRE_BOX_SEAL_OVERHEAD && len == ct.size() - NACRE_BOX_SEAL_OVERHEAD);
  pt.resize(len);
  return rc;
}

void sealed_box(FuzzedDataProvider &in) {
  const Keys &ks = keys();
  const int i = in.ConsumeIntegralInRange<int>(0, 2);
  const Bytes msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 512));
  Bytes ct(msg.size() + NACRE_BOX_SEAL_OVERHEAD, 0x5A);
  std::size_t len = 0;
  FUZZ_CHECK(nacre_box_seal(ks.pub[i], ct.data(), ct.size(), &len, msg.data(), msg.size()) == NACRE_OK);
  FUZZ_CHECK(len == ct.size());
  Bytes pt;
  FUZZ_CHECK(box_seal_open(ks.pair[i], ct, pt) == NACRE_OK && pt == msg);
  Bytes c2 = ct;
  pk::flip_bit(in, c2);
  FUZZ_CHECK(box_seal_open(ks.pair[i], c2, pt) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(box_seal_open(ks.pair[(i + 1) % 3], ct, pt) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(box_seal_open(ks.pub[i], ct, pt) == NACRE_ERR_INVALID_ARGUMENT);  // needs the key pair
  FUZZ_CHECK(box_seal_open(ks.ed, ct, pt) == NACRE_ERR_INVALID_KEY);
  // Arbitrary bytes as a sealed box.
  const Bytes junk = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 600));
  const int j = box_seal_open(ks.pair[i], junk, pt);
  FUZZ_CHECK(j == NACRE_OK || j == NACRE_ERR_VERIFICATION_FAILED);
  if (j == NACRE_OK) {
    Bytes j2 = junk;
    j2[0] ^= 1;
    FUZZ_CHECK(box_seal_open(ks.pair[i], j2, pt) == NACRE_ERR_VERIFICATION_FAILED);
  }
  // Sealing to arbitrary recipient bytes: refused exactly for a small-order key.
  const Bytes r = pk::take(in, 32);
  const pk::Key rk = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, r);
  const int s = nacre_box_seal(rk.get(), ct.data(), ct.size(), &len, msg.data(), msg.size());
  if (pk::x25519_small_order(r.data())) {
    FUZZ_CHECK(s == NACRE_ERR_INVALID_KEY);
    check_failed(s, len, ct);
  } else {
    FUZZ_CHECK(s == NACRE_OK && len == ct.size());
  }
}

// --- crypto_box.

int box_open(const nacre_key *r, const nacre_key *s, const Bytes &nonce, const Bytes &ct, Bytes &pt) {
  pt.assign(ct.size() + 8, 0x5A);
  std::size_t len = 77;
  const int rc = nacre_box_open(r, s, pt.data(), pt.size(), &len, nonce.data(), nonce.size(), ct.data(), ct.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    check_failed(rc, len, pt);
    return rc;
  }
  FUZZ_CHECK(ct.size() >= NACRE_BOX_OVERHEAD && len == ct.size() - NACRE_BOX_OVERHEAD);
  pt.resize(len);
  return rc;
}

// A box is a secret box under the pair's shared key, from either side: it opens there, and
// sealing there gives the same bytes; a flipped bit anywhere fails with a zeroed output.
void secret_box_matches(const nacre_key *pair, const nacre_key *peer, const Bytes &nonce, const Bytes &ct,
                        const Bytes &msg) {
  std::uint8_t shared[NACRE_SECRETBOX_KEY_LEN];
  std::size_t len = 0;
  FUZZ_CHECK(nacre_box_shared_key(pair, peer, shared, sizeof shared, &len) == NACRE_OK && len == sizeof shared);
  nacre_secretbox_key *k = nullptr;
  FUZZ_CHECK(nacre_secretbox_key_new(&k, shared, sizeof shared) == NACRE_OK);
  Bytes pt(msg.size() + 1, 0x5A), again(ct.size(), 0x5A);
  FUZZ_CHECK(nacre_secretbox_open(k, pt.data(), pt.size(), &len, nonce.data(), nonce.size(), ct.data(), ct.size()) ==
                 NACRE_OK &&
             len == msg.size() && Bytes(pt.begin(), pt.begin() + static_cast<std::ptrdiff_t>(len)) == msg);
  FUZZ_CHECK(nacre_secretbox(k, again.data(), again.size(), &len, nonce.data(), nonce.size(), msg.data(), msg.size()) ==
                 NACRE_OK &&
             again == ct);
  Bytes bad = ct;
  bad[bad.size() / 2] ^= 0x10;
  const int rc = nacre_secretbox_open(k, pt.data(), pt.size(), &len, nonce.data(), nonce.size(), bad.data(), bad.size());
  FUZZ_CHECK(rc == NACRE_ERR_VERIFICATION_FAILED);
  check_failed(rc, len, pt);
  nacre_secretbox_key_free(k);
}

void crypto_box(FuzzedDataProvider &in) {
  const Keys &ks = keys();
  const int i = in.ConsumeIntegralInRange<int>(0, 2);
  const pk::Key sender = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, 32));
  const pk::Key sender_pub = pk::public_of(sender.get());
  const Bytes nonce = pk::take(in, NACRE_BOX_NONCE_LEN);
  const Bytes msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 512));
  Bytes ct(msg.size() + NACRE_BOX_OVERHEAD, 0x5A);
  std::size_t len = 0;
  FUZZ_CHECK(nacre_box(sender.get(), ks.pub[i], ct.data(), ct.size(), &len, nonce.data(), nonce.size(), msg.data(),
                       msg.size()) == NACRE_OK);
  FUZZ_CHECK(len == ct.size());
  Bytes pt;
  FUZZ_CHECK(box_open(ks.pair[i], sender_pub.get(), nonce, ct, pt) == NACRE_OK && pt == msg);
  // The recipient's key pair as sender's peer works the same way (only its public part is used).
  FUZZ_CHECK(box_open(ks.pair[i], sender.get(), nonce, ct, pt) == NACRE_OK && pt == msg);
  secret_box_matches(ks.pair[i], sender_pub.get(), nonce, ct, msg);
  Bytes c2 = ct, n2 = nonce;
  pk::flip_bit(in, in.ConsumeBool() ? c2 : n2);
  FUZZ_CHECK(box_open(ks.pair[i], sender_pub.get(), n2, c2, pt) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(box_open(ks.pair[(i + 1) % 3], sender_pub.get(), nonce, ct, pt) == NACRE_ERR_VERIFICATION_FAILED);
  // A nonce of the wrong size; a public recipient; a key of another type.
  const Bytes short_nonce(nonce.begin(), nonce.end() - 1);
  FUZZ_CHECK(box_open(ks.pair[i], sender_pub.get(), short_nonce, ct, pt) == NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(box_open(ks.pub[i], sender_pub.get(), nonce, ct, pt) == NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(box_open(ks.pair[i], ks.ed, nonce, ct, pt) == NACRE_ERR_INVALID_KEY);
  // Arbitrary sender bytes and ciphertext: a small-order sender fails like a bad tag.
  const Bytes sb = pk::take(in, 32);
  const pk::Key sk = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, sb);
  const Bytes junk = in.ConsumeRemainingBytes<std::uint8_t>();
  const int j = box_open(ks.pair[i], sk.get(), nonce, junk, pt);
  FUZZ_CHECK(j == NACRE_OK || j == NACRE_ERR_VERIFICATION_FAILED);
  if (j == NACRE_OK) {
    FUZZ_CHECK(!pk::x25519_small_order(sb.data()));
    Bytes j2 = junk;
    j2[0] ^= 1;
    FUZZ_CHECK(box_open(ks.pair[i], sk.get(), nonce, j2, pt) == NACRE_ERR_VERIFICATION_FAILED);
  }
  // Boxing to a small-order recipient is refused.
  const int b = nacre_box(sender.get(), sk.get(), ct.data(), ct.size(), &len, nonce.data(), nonce.size(), msg.data(),
                          msg.size());
  FUZZ_CHECK(b == (pk::x25519_small_order(sb.data()) ? NACRE_ERR_INVALID_KEY : NACRE_OK));
  if (b != NACRE_OK) check_failed(b, len, ct);
}

// --- RSA-OAEP with one RSA-2048 key per process (key generation is too slow per input).

const nacre_key *rsa_key() {
  static nacre_key *const k = [] {
    nacre_key *g = nullptr;
    FUZZ_CHECK(nacre_key_generate(&g, NACRE_KEY_RSA, 2048) == NACRE_OK);
    return g;
  }();
  return k;
}

// Seal then open gives the message back; one altered bit of ciphertext or label fails with a
// zeroed output; so does opening arbitrary bytes; a message over 190 bytes is refused.
void rsa_oaep(FuzzedDataProvider &in) {
  const nacre_key *k = rsa_key();
  constexpr std::size_t kMax = 256 - 66;
  const Bytes label = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 32));
  const Bytes msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, kMax + 8));
  Bytes ct(256), pt(kMax, 0x5A);
  std::size_t len = 0;
  const int e = nacre_rsa_oaep_encrypt(k, ct.data(), ct.size(), &len, msg.data(), msg.size(), label.data(), label.size());
  if (msg.size() > kMax) {
    FUZZ_CHECK(e == NACRE_ERR_INVALID_ARGUMENT && all_zero(ct, ct.size()));
  } else {
    FUZZ_CHECK(e == NACRE_OK && len == ct.size());
    FUZZ_CHECK(nacre_rsa_oaep_decrypt(k, pt.data(), pt.size(), &len, ct.data(), ct.size(), label.data(), label.size()) ==
               NACRE_OK);
    FUZZ_CHECK(len == msg.size() && std::equal(msg.begin(), msg.end(), pt.begin()));
    Bytes c2 = ct, l2 = label;
    Bytes &v = (label.empty() || in.ConsumeBool()) ? c2 : l2;
    const std::size_t bit = in.ConsumeIntegralInRange<std::size_t>(0, v.size() * 8 - 1);
    v[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    std::fill(pt.begin(), pt.end(), 0x5A);
    const int d = nacre_rsa_oaep_decrypt(k, pt.data(), pt.size(), &len, c2.data(), c2.size(), l2.data(), l2.size());
    FUZZ_CHECK(d == NACRE_ERR_VERIFICATION_FAILED);
    check_failed(d, len, pt);
  }
  const Bytes junk = in.ConsumeRemainingBytes<std::uint8_t>();
  std::fill(pt.begin(), pt.end(), 0x5A);
  const int j = nacre_rsa_oaep_decrypt(k, pt.data(), pt.size(), &len, junk.data(), junk.size(), label.data(), label.size());
  FUZZ_CHECK(j == NACRE_ERR_VERIFICATION_FAILED);
  check_failed(j, len, pt);
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: hpke_round_trip(in); break;
    case 1: hpke_arbitrary(in); break;
    case 2: sealed_box(in); break;
    case 3: crypto_box(in); break;
    default: rsa_oaep(in); break;
  }
}
