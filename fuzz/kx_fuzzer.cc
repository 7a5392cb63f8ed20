// Key agreement. X25519 with an arbitrary private scalar and arbitrary peer bytes: every backend
// returns the same status and, on success, the same secret; the result is NACRE_ERR_INVALID_KEY
// (all-zero, output zeroed) exactly for the small-order peers; the scalar bits that clamping
// overrides and the peer's bit 255 do not matter; agreement of two derived key pairs is symmetric. ECDH on
// P-256/P-384 with arbitrary peer encodings never crashes: an accepted point re-encodes to the
// same point (off-curve points are refused at import), agreement succeeds on BoringSSL and is
// symmetric.
#include "pk.hpp"

namespace {

using pk::Bytes;

constexpr int kBackends[] = {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM};

// Agrees through a size query and a buffer with room to spare; |out| is the secret on success.
int agree(const nacre_key *k, const nacre_key *peer, int backend, Bytes &out, std::size_t expect) {
  std::size_t len = 0;
  const int q = nacre_key_agree(k, peer, backend, nullptr, 0, &len);
  FUZZ_CHECK(documented_status(q));
  if (q == NACRE_ERR_BUFFER_TOO_SMALL) {
    FUZZ_CHECK(len == expect);  // the size is known before any work
  } else {
    FUZZ_CHECK(q != NACRE_OK && len == 0);
  }
  out.assign(expect + 4, 0xA5);
  const int rc = nacre_key_agree(k, peer, backend, out.data(), out.size(), &len);
  FUZZ_CHECK(documented_status(rc));
  if (q != NACRE_ERR_BUFFER_TOO_SMALL) FUZZ_CHECK(rc == q);
  if (rc == NACRE_OK) {
    FUZZ_CHECK(len == expect);
    for (std::size_t i = expect; i < out.size(); ++i) FUZZ_CHECK(out[i] == 0xA5);  // nothing past len
    out.resize(expect);
  } else {
    FUZZ_CHECK(rc != NACRE_ERR_BUFFER_TOO_SMALL && len == 0 && all_zero(out, out.size()));
  }
  return rc;
}

Bytes must_agree(const nacre_key *k, const nacre_key *peer, int backend, std::size_t expect) {
  Bytes s;
  FUZZ_CHECK(agree(k, peer, backend, s, expect) == NACRE_OK);
  return s;
}

void x25519(FuzzedDataProvider &in) {
  const Bytes scalar = pk::take(in, 32);
  const Bytes peer_bytes = pk::take(in, 32);
  const pk::Key k = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, scalar);
  const pk::Key peer = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, peer_bytes);
  const bool small = pk::x25519_small_order(peer_bytes.data());
  Bytes first;
  const int rc = agree(k.get(), peer.get(), NACRE_BACKEND_SODIUM, first, 32);
  FUZZ_CHECK(rc == (small ? NACRE_ERR_INVALID_KEY : NACRE_OK));
  if (rc == NACRE_OK) FUZZ_CHECK(!all_zero(first, first.size()));
  for (int b : kBackends) {
    Bytes s;
    FUZZ_CHECK(agree(k.get(), peer.get(), b, s, 32) == rc);
    if (rc == NACRE_OK) FUZZ_CHECK(s == first);
  }
  // Clamping: bits 0-2 and 255 of the scalar are cleared and bit 254 set, whatever they were.
  Bytes clamped = scalar;
  clamped[0] ^= static_cast<std::uint8_t>(in.ConsumeIntegral<std::uint8_t>() & 7);
  clamped[31] ^= static_cast<std::uint8_t>(in.ConsumeIntegral<std::uint8_t>() & 0xc0);
  clamped[31] |= 0x40;
  // RFC 7748: the peer's bit 255 is ignored.
  Bytes masked = peer_bytes;
  masked[31] ^= 0x80;
  const pk::Key k2 = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, clamped);
  const pk::Key peer2 = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, masked);
  const int b = in.ConsumeIntegralInRange<int>(0, 2);
  Bytes s2;
  FUZZ_CHECK(agree(k2.get(), peer2.get(), b, s2, 32) == rc);
  if (rc == NACRE_OK) FUZZ_CHECK(s2 == first);
  // A public key cannot agree; other key types are refused.
  const pk::Key pub = pk::public_of(k.get());
  Bytes s3;
  FUZZ_CHECK(agree(pub.get(), peer.get(), b, s3, 32) == NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(agree(k.get(), peer.get(), 3, s3, 32) == NACRE_ERR_UNSUPPORTED);
}

void x25519_pair(FuzzedDataProvider &in) {
  const pk::Key a = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, 32));
  const pk::Key b = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, 32));
  // The public keys as a peer would receive them: exported and imported again.
  const pk::Key pa = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC,
                                     pk::must_export(a.get(), NACRE_KEY_FORMAT_RAW_PUBLIC));
  const pk::Key pb = pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC,
                                     pk::must_export(b.get(), NACRE_KEY_FORMAT_RAW_PUBLIC));
  const Bytes ab = must_agree(a.get(), pb.get(), NACRE_BACKEND_SODIUM, 32);
  for (int x : kBackends) {
    FUZZ_CHECK(must_agree(a.get(), pb.get(), x, 32) == ab);
    FUZZ_CHECK(must_agree(b.get(), pa.get(), x, 32) == ab);
    FUZZ_CHECK(must_agree(a.get(), b.get(), x, 32) == ab);  // a key pair as peer: its public part
  }
}

void ecdh(FuzzedDataProvider &in) {
  static constexpr int kFormats[] = {NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED, NACRE_KEY_FORMAT_SEC1_COMPRESSED,
                                     NACRE_KEY_FORMAT_RAW_PUBLIC, NACRE_KEY_FORMAT_SPKI_DER};
  const bool p384 = in.ConsumeBool();
  const int type = p384 ? NACRE_KEY_P384 : NACRE_KEY_P256;
  const std::size_t n = p384 ? 48 : 32;
  const int format = kFormats[in.ConsumeIntegralInRange<int>(0, 3)];
  const Bytes da = pk::take(in, n);
  const Bytes db = pk::take(in, n);
  const Bytes peer_bytes = in.ConsumeRemainingBytes<std::uint8_t>();
  pk::Key peer;
  const int prc = pk::import(peer, type, format, peer_bytes);
  FUZZ_CHECK(prc == NACRE_OK || prc == NACRE_ERR_INVALID_KEY);
  pk::Key a, b;
  FUZZ_CHECK((pk::import(a, type, NACRE_KEY_FORMAT_RAW_PRIVATE, da) == NACRE_OK) == pk::ec_scalar_in_range(da));
  FUZZ_CHECK((pk::import(b, type, NACRE_KEY_FORMAT_RAW_PRIVATE, db) == NACRE_OK) == pk::ec_scalar_in_range(db));
  if (prc == NACRE_OK) {
    // An accepted point is on the curve: its compressed form names the same point, and a
    // fixed-size encoding comes back unchanged.
    const Bytes unc = pk::must_export(peer.get(), NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED);
    FUZZ_CHECK(unc.size() == 2 * n + 1 && unc[0] == 0x04);
    FUZZ_CHECK(pk::must_export(peer.get(), NACRE_KEY_FORMAT_RAW_PUBLIC) == unc);
    const Bytes comp = pk::must_export(peer.get(), NACRE_KEY_FORMAT_SEC1_COMPRESSED);
    FUZZ_CHECK(comp.size() == n + 1 && (comp[0] == 0x02 || comp[0] == 0x03));
    FUZZ_CHECK(comp[0] == (0x02 | (unc.back() & 1)) && std::equal(comp.begin() + 1, comp.end(), unc.begin() + 1));
    const pk::Key again = pk::must_import(type, NACRE_KEY_FORMAT_SEC1_COMPRESSED, comp);
    FUZZ_CHECK(pk::equal(again.get(), peer.get()));
    if (format != NACRE_KEY_FORMAT_SPKI_DER) FUZZ_CHECK(format == NACRE_KEY_FORMAT_SEC1_COMPRESSED ? comp == peer_bytes : unc == peer_bytes);
    if (a) {
      // (DEFAULT is BoringSSL for the NIST curves: the two calls also cover both numbers.)
      const Bytes s = must_agree(a.get(), peer.get(), NACRE_BACKEND_AUTOMATIC, n);
      FUZZ_CHECK(must_agree(a.get(), again.get(), NACRE_BACKEND_BORINGSSL, n) == s);
      Bytes x;
      FUZZ_CHECK(agree(a.get(), peer.get(), NACRE_BACKEND_SODIUM, x, n) == NACRE_ERR_UNSUPPORTED);
    }
  }
  if (a && b) {
    // b's key pair as the peer: only its public part is used.
    const pk::Key pa = pk::public_of(a.get());
    const Bytes ab = must_agree(a.get(), b.get(), NACRE_BACKEND_AUTOMATIC, n);
    FUZZ_CHECK(must_agree(b.get(), pa.get(), NACRE_BACKEND_BORINGSSL, n) == ab);
  }
  if (a) {
    // Another curve, another key type: refused before any work.
    static const pk::Key others[] = {
        pk::must_import(NACRE_KEY_P256, NACRE_KEY_FORMAT_RAW_PRIVATE, Bytes(32, 1)),
        pk::must_import(NACRE_KEY_P384, NACRE_KEY_FORMAT_RAW_PRIVATE, Bytes(48, 1)),
        pk::must_import(NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, Bytes(32, 9)),
    };
    Bytes s;
    FUZZ_CHECK(agree(a.get(), others[p384 ? 0 : 1].get(), 0, s, n) == NACRE_ERR_INVALID_KEY);
    FUZZ_CHECK(agree(a.get(), others[2].get(), 0, s, n) == NACRE_ERR_INVALID_KEY);
  }
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  switch (in.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: x25519(in); break;
    case 1: x25519_pair(in); break;
    default: ecdh(in); break;
  }
}
