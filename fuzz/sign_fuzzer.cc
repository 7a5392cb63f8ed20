// Signatures: a key pair derived from the input (Ed25519 seed, P-256/P-384/P-521 scalar; RSA is
// one 2048-bit key made once per process, keygen being slow) signs a message and verifies; one
// flipped bit of message or signature fails; digest forms agree with message forms; a hash
// chosen by the input (nacre_sign_with) signs as the named algorithm does with the curve's own,
// and fails under another; PKCS#1 v1.5 is deterministic and PSS takes the salts the input picks. Ed25519 gives
// byte-identical signatures on both backends, and both backends give the same verdict on any
// signature (nacre's verification policy). Verification of arbitrary key, message and signature
// bytes never crashes and returns OK, VERIFICATION_FAILED, or INVALID_KEY for a key of another
// type (UNSUPPORTED for libsodium with a non-Ed25519 algorithm).
#include <iterator>

#include "pk.hpp"

namespace {

using pk::Bytes;

constexpr int kBackends[] = {NACRE_BACKEND_AUTOMATIC, NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM};

int sig_key_type(int alg) {
  switch (alg) {
    case NACRE_SIG_ED25519: return NACRE_KEY_ED25519;
    case NACRE_SIG_ECDSA_P256_SHA256:
    case NACRE_SIG_ECDSA_P256_SHA256_P1363: return NACRE_KEY_P256;
    case NACRE_SIG_ECDSA_P384_SHA384:
    case NACRE_SIG_ECDSA_P384_SHA384_P1363: return NACRE_KEY_P384;
    case NACRE_SIG_ECDSA_P521_SHA512:
    case NACRE_SIG_ECDSA_P521_SHA512_P1363: return NACRE_KEY_P521;
    default: return NACRE_KEY_RSA;
  }
}

int digest_alg(int alg) {
  switch (sig_key_type(alg)) {
    case NACRE_KEY_P384: return NACRE_HASH_SHA384;
    case NACRE_KEY_P521: return NACRE_HASH_SHA512;
    default: return NACRE_HASH_SHA256;
  }
}

Bytes hash_of(int hash, const Bytes &msg) {
  Bytes d(nacre_hash_digest_len(hash));
  std::size_t len = 0;
  FUZZ_CHECK(nacre_hash(hash, 0, d.data(), d.size(), &len, msg.data(), msg.size()) == NACRE_OK);
  FUZZ_CHECK(len == d.size());
  return d;
}

Bytes digest_of(int alg, const Bytes &msg) {
  Bytes d(nacre_hash_digest_len(digest_alg(alg)));
  std::size_t len = 0;
  FUZZ_CHECK(nacre_hash(digest_alg(alg), 0, d.data(), d.size(), &len, msg.data(), msg.size()) == NACRE_OK);
  FUZZ_CHECK(len == d.size());
  return d;
}

int verify(const nacre_key *k, int alg, int backend, const Bytes &sig, const Bytes &msg) {
  const int rc = nacre_verify(k, alg, backend, sig.data(), sig.size(), msg.data(), msg.size());
  FUZZ_CHECK(documented_status(rc));
  return rc;
}

// nacre_sign_with through a size query; the status when it fails (|out| then empty).
int sign_with(const nacre_key *k, int scheme, int hash, int salt, const Bytes &msg, Bytes &out) {
  std::size_t len = 0;
  out.clear();
  const int q = nacre_sign_with(k, scheme, hash, salt, 0, nullptr, 0, &len, msg.data(), msg.size());
  FUZZ_CHECK(documented_status(q));
  if (q != NACRE_ERR_BUFFER_TOO_SMALL) return q;
  out.assign(len, 0xA5);
  const int rc = nacre_sign_with(k, scheme, hash, salt, 0, out.data(), out.size(), &len, msg.data(), msg.size());
  FUZZ_CHECK(documented_status(rc));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(all_zero(out, out.size()));
    out.clear();
    return rc;
  }
  out.resize(len);
  return rc;
}

int verify_with(const nacre_key *k, int scheme, int hash, int salt, const Bytes &sig, const Bytes &msg) {
  const int rc = nacre_verify_with(k, scheme, hash, salt, 0, sig.data(), sig.size(), msg.data(), msg.size());
  FUZZ_CHECK(documented_status(rc));
  return rc;
}

// The hashes ECDSA takes, and some it does not (SHA-1, MD5, BLAKE2b, SHAKE128, unknown numbers).
constexpr int kEcdsaHashes[] = {NACRE_HASH_SHA224, NACRE_HASH_SHA256, NACRE_HASH_SHA384, NACRE_HASH_SHA512,
                                NACRE_HASH_SHA512_256, NACRE_HASH_SHA3_256, NACRE_HASH_SHA3_512};
constexpr int kOtherHashes[] = {NACRE_HASH_SHA1, NACRE_HASH_MD5, NACRE_HASH_BLAKE2B, NACRE_HASH_SHAKE128, 99, -1};

// Signs through a size query, then a buffer of the reported (largest) size.
Bytes sign(const nacre_key *k, int alg, int backend, const Bytes &msg) {
  std::size_t len = 0;
  FUZZ_CHECK(nacre_sign(k, alg, backend, nullptr, 0, &len, msg.data(), msg.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
  const std::size_t max = len;
  FUZZ_CHECK(max > 0 && max <= 512);
  Bytes sig(max, 0xA5);
  FUZZ_CHECK(nacre_sign(k, alg, backend, sig.data(), sig.size(), &len, msg.data(), msg.size()) == NACRE_OK);
  FUZZ_CHECK(len > 0 && len <= max);
  for (std::size_t i = len; i < max; ++i) FUZZ_CHECK(sig[i] == 0);  // unused tail zeroed
  sig.resize(len);
  return sig;
}

// The signature verifies with the key pair and its public part; one flipped bit of the message
// or of the signature does not.
void check_signature(FuzzedDataProvider &in, const nacre_key *k, const nacre_key *pub, int alg, int backend,
                     const Bytes &sig, const Bytes &msg) {
  // A key pair verifies as its public part does (either one, to spare a slow verification).
  FUZZ_CHECK(verify(in.ConsumeBool() ? k : pub, alg, backend, sig, msg) == NACRE_OK);
  Bytes m2 = msg, s2 = sig;
  if (!m2.empty() && in.ConsumeBool()) {
    pk::flip_bit(in, m2);
  } else {
    pk::flip_bit(in, s2);
  }
  FUZZ_CHECK(verify(pub, alg, backend, s2, m2) == NACRE_ERR_VERIFICATION_FAILED);
  // Truncated and extended signatures fail too.
  Bytes shorter(sig.begin(), sig.end() - 1), longer = sig;
  longer.push_back(0);
  FUZZ_CHECK(verify(pub, alg, backend, shorter, msg) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(verify(pub, alg, backend, longer, msg) == NACRE_ERR_VERIFICATION_FAILED);
}

// Ed25519: both backends sign the same bytes and judge every signature alike.
void ed25519(FuzzedDataProvider &in, const Bytes &msg) {
  const pk::Key k = pk::must_import(NACRE_KEY_ED25519, NACRE_KEY_FORMAT_RAW_PRIVATE, pk::take(in, 32));
  const pk::Key pub = pk::public_of(k.get());
  const Bytes sig = sign(k.get(), NACRE_SIG_ED25519, NACRE_BACKEND_SODIUM, msg);
  FUZZ_CHECK(sig.size() == 64);
  for (int b : kBackends) FUZZ_CHECK(sign(k.get(), NACRE_SIG_ED25519, b, msg) == sig);
  check_signature(in, k.get(), pub.get(), NACRE_SIG_ED25519, in.ConsumeIntegralInRange<int>(0, 2), sig, msg);
  // A signature with input bytes written over part of it (R, S or across), and one made only of
  // input bytes: same verdict on both backends.
  Bytes s2 = sig;
  const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, 63);
  const Bytes patch = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(1, 64 - at));
  std::copy(patch.begin(), patch.end(), s2.begin() + static_cast<std::ptrdiff_t>(at));
  const Bytes s3 = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 66));
  for (const Bytes *s : {static_cast<const Bytes *>(&s2), &s3}) {
    const int a = verify(pub.get(), NACRE_SIG_ED25519, NACRE_BACKEND_BORINGSSL, *s, msg);
    const int b = verify(pub.get(), NACRE_SIG_ED25519, NACRE_BACKEND_SODIUM, *s, msg);
    FUZZ_CHECK(a == b);
    FUZZ_CHECK(a == NACRE_OK || a == NACRE_ERR_VERIFICATION_FAILED);
    // With R unchanged, S < L is unique: an accepted signature with sig's R is sig itself.
    if (a == NACRE_OK && s->size() == 64 && std::equal(sig.begin(), sig.begin() + 32, s->begin())) {
      FUZZ_CHECK(*s == sig);
    }
  }
  // No digest form; a public key does not sign; another algorithm's key type is refused.
  std::size_t len = 0;
  Bytes out(64, 0xA5);
  const Bytes d(32, 0);
  FUZZ_CHECK(nacre_sign_digest(k.get(), NACRE_SIG_ED25519, out.data(), out.size(), &len, d.data(), d.size()) ==
             NACRE_ERR_UNSUPPORTED);
  FUZZ_CHECK(all_zero(out, out.size()));
  FUZZ_CHECK(nacre_sign(pub.get(), NACRE_SIG_ED25519, 0, out.data(), out.size(), &len, msg.data(), msg.size()) ==
             NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(verify(pub.get(), NACRE_SIG_ECDSA_P256_SHA256, 0, sig, msg) == NACRE_ERR_INVALID_KEY);
}

// ECDSA over a hash the input picks: verifies under that hash only; a hash ECDSA does not take is
// refused with UNSUPPORTED on both sides.
void ecdsa_with_hash(FuzzedDataProvider &in, const nacre_key *k, const nacre_key *pub, const Bytes &msg) {
  const int scheme = in.ConsumeBool() ? NACRE_SIG_SCHEME_ECDSA_P1363 : NACRE_SIG_SCHEME_ECDSA_DER;
  const std::size_t pick = in.ConsumeIntegralInRange<std::size_t>(0, std::size(kEcdsaHashes) + std::size(kOtherHashes) - 1);
  Bytes sig;
  if (pick >= std::size(kEcdsaHashes)) {
    const int bad = kOtherHashes[pick - std::size(kEcdsaHashes)];
    FUZZ_CHECK(sign_with(k, scheme, bad, 0, msg, sig) == NACRE_ERR_UNSUPPORTED);
    FUZZ_CHECK(verify_with(pub, scheme, bad, 0, sig, msg) == NACRE_ERR_UNSUPPORTED);
    return;
  }
  const int h = kEcdsaHashes[pick];
  FUZZ_CHECK(sign_with(k, scheme, h, 0, msg, sig) == NACRE_OK);
  FUZZ_CHECK(verify_with(pub, scheme, h, 0, sig, msg) == NACRE_OK);
  const Bytes dig = hash_of(h, msg);
  FUZZ_CHECK(nacre_verify_digest_with(pub, scheme, h, 0, sig.data(), sig.size(), dig.data(), dig.size()) == NACRE_OK);
  const int other = h == NACRE_HASH_SHA256 ? NACRE_HASH_SHA384 : NACRE_HASH_SHA256;
  FUZZ_CHECK(verify_with(pub, scheme, other, 0, sig, msg) == NACRE_ERR_VERIFICATION_FAILED);
  FUZZ_CHECK(verify_with(pub, scheme, h, 1, sig, msg) == NACRE_ERR_INVALID_ARGUMENT);  // a salt is PSS's
}

void ecdsa(FuzzedDataProvider &in, const Bytes &msg) {
  const int curve = in.ConsumeIntegralInRange<int>(0, 2);
  const bool p384 = curve == 1, p521 = curve == 2;
  const int type = p521 ? NACRE_KEY_P521 : p384 ? NACRE_KEY_P384 : NACRE_KEY_P256;
  const std::size_t n = p521 ? 66 : p384 ? 48 : 32;
  Bytes d = pk::take(in, n);
  if (p521) d[0] &= 0x01;  // a P-521 scalar has 521 bits: most inputs then import
  pk::Key k;
  const int rc = pk::import(k, type, NACRE_KEY_FORMAT_RAW_PRIVATE, d);
  FUZZ_CHECK((rc == NACRE_OK) == pk::ec_scalar_in_range(d));
  if (rc != NACRE_OK) {
    FUZZ_CHECK(rc == NACRE_ERR_INVALID_KEY);
    return;
  }
  const pk::Key pub = pk::public_of(k.get());
  const int der_alg = p521 ? NACRE_SIG_ECDSA_P521_SHA512 : p384 ? NACRE_SIG_ECDSA_P384_SHA384 : NACRE_SIG_ECDSA_P256_SHA256;
  const int alg = der_alg + (in.ConsumeBool() ? 1 : 0);  // the P1363 form follows the DER one
  const bool p1363 = alg != der_alg;
  const int backend = in.ConsumeBool() ? NACRE_BACKEND_BORINGSSL : NACRE_BACKEND_AUTOMATIC;
  const Bytes sig = sign(k.get(), alg, backend, msg);
  if (p1363) FUZZ_CHECK(sig.size() == 2 * n);
  check_signature(in, k.get(), pub.get(), alg, backend, sig, msg);
  // The digest forms agree with the message forms (one direction per input: P-384 is slow
  // under the sanitizers).
  const Bytes dig = digest_of(alg, msg);
  if (in.ConsumeBool()) {
    FUZZ_CHECK(nacre_verify_digest(pub.get(), alg, sig.data(), sig.size(), dig.data(), dig.size()) == NACRE_OK);
  } else {
    Bytes sd(2 * n + 9, 0xA5);
    std::size_t len = 0;
    FUZZ_CHECK(nacre_sign_digest(k.get(), alg, sd.data(), sd.size(), &len, dig.data(), dig.size()) == NACRE_OK);
    sd.resize(len);
    FUZZ_CHECK(verify(pub.get(), alg, 0, sd, msg) == NACRE_OK);
  }
  // A signature in the other form, a wrong digest length, the other curve, libsodium.
  FUZZ_CHECK(verify(pub.get(), p1363 ? der_alg : der_alg + 1, 0, sig, msg) == NACRE_ERR_VERIFICATION_FAILED);
  const Bytes short_digest(dig.begin(), dig.end() - 1);
  FUZZ_CHECK(nacre_verify_digest(pub.get(), alg, sig.data(), sig.size(), short_digest.data(), short_digest.size()) ==
             NACRE_ERR_INVALID_ARGUMENT);
  FUZZ_CHECK(verify(pub.get(), p384 ? NACRE_SIG_ECDSA_P256_SHA256 : NACRE_SIG_ECDSA_P384_SHA384, 0, sig, msg) ==
             NACRE_ERR_INVALID_KEY);
  ecdsa_with_hash(in, k.get(), pub.get(), msg);
  FUZZ_CHECK(verify(pub.get(), alg, NACRE_BACKEND_SODIUM, sig, msg) == NACRE_ERR_UNSUPPORTED);
  // Input bytes as a signature.
  const Bytes junk = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 110));
  const int j = verify(pub.get(), alg, 0, junk, msg);
  FUZZ_CHECK(j == NACRE_OK || j == NACRE_ERR_VERIFICATION_FAILED);
}

// One RSA-2048 key per process: generated, exported as PKCS#8 and imported back.
const nacre_key *rsa_key() {
  static nacre_key *key = [] {
    nacre_key *g = nullptr;
    FUZZ_CHECK(nacre_key_generate(&g, NACRE_KEY_RSA, 2048) == NACRE_OK);
    const Bytes der = pk::must_export(g, NACRE_KEY_FORMAT_PKCS8_DER);
    nacre_key_free(g);
    nacre_key *k = nullptr;
    FUZZ_CHECK(nacre_key_import(&k, NACRE_KEY_RSA, NACRE_KEY_FORMAT_PKCS8_DER, der.data(), der.size()) == NACRE_OK);
    return k;
  }();
  return key;
}

void rsa(FuzzedDataProvider &in, const Bytes &msg) {
  const nacre_key *k = rsa_key();
  static nacre_key *pub = [] {
    nacre_key *p = nullptr;
    FUZZ_CHECK(nacre_key_public(rsa_key(), &p) == NACRE_OK);
    return p;
  }();
  const int alg = NACRE_SIG_RSA_PSS_SHA256;
  const Bytes sig = sign(k, alg, in.ConsumeBool() ? NACRE_BACKEND_BORINGSSL : NACRE_BACKEND_AUTOMATIC, msg);
  FUZZ_CHECK(sig.size() == 256);
  check_signature(in, k, pub, alg, 0, sig, msg);
  const Bytes dig = digest_of(alg, msg);
  FUZZ_CHECK(nacre_verify_digest(pub, alg, sig.data(), sig.size(), dig.data(), dig.size()) == NACRE_OK);
  // PKCS#1 v1.5 is deterministic; a PSS signature is not one.
  const Bytes pkcs1 = sign(k, NACRE_SIG_RSA_PKCS1_SHA256, 0, msg);
  FUZZ_CHECK(sign(k, NACRE_SIG_RSA_PKCS1_SHA256, 0, msg) == pkcs1);
  FUZZ_CHECK(verify(pub, NACRE_SIG_RSA_PKCS1_SHA256, 0, pkcs1, msg) == NACRE_OK);
  FUZZ_CHECK(verify(pub, NACRE_SIG_RSA_PKCS1_SHA256, 0, sig, msg) == NACRE_ERR_VERIFICATION_FAILED);
  // PSS with a salt and hash from the input: signs exactly when the salt fits (2048 bits: 256 -
  // hash - 2 bytes), verifies under that salt, AUTO and the named algorithm (SHA-256).
  constexpr int kRsaHashes[] = {NACRE_HASH_SHA224, NACRE_HASH_SHA256, NACRE_HASH_SHA384, NACRE_HASH_SHA512};
  const int h = kRsaHashes[in.ConsumeIntegralInRange<int>(0, 3)];
  const int salt = in.ConsumeIntegralInRange<int>(NACRE_PSS_SALT_AUTO - 1, 260);
  const int longest = 256 - static_cast<int>(nacre_hash_digest_len(h)) - 2;
  Bytes pss;
  const int s = sign_with(k, NACRE_SIG_SCHEME_RSA_PSS, h, salt, msg, pss);
  const bool fits = salt == NACRE_PSS_SALT_DIGEST || salt == NACRE_PSS_SALT_MAX || (salt >= 0 && salt <= longest);
  FUZZ_CHECK((s == NACRE_OK) == fits);
  if (s != NACRE_OK) {
    FUZZ_CHECK(s == NACRE_ERR_INVALID_ARGUMENT);
  } else {
    FUZZ_CHECK(verify_with(pub, NACRE_SIG_SCHEME_RSA_PSS, h, salt, pss, msg) == NACRE_OK);
    FUZZ_CHECK(verify_with(pub, NACRE_SIG_SCHEME_RSA_PSS, h, NACRE_PSS_SALT_AUTO, pss, msg) == NACRE_OK);
    if (h == NACRE_HASH_SHA256) FUZZ_CHECK(verify(pub, NACRE_SIG_RSA_PSS_SHA256, 0, pss, msg) == NACRE_OK);
    const int actual = salt == NACRE_PSS_SALT_DIGEST ? static_cast<int>(nacre_hash_digest_len(h))
                       : salt == NACRE_PSS_SALT_MAX  ? longest
                                                     : salt;
    FUZZ_CHECK((verify_with(pub, NACRE_SIG_SCHEME_RSA_PSS, h, NACRE_PSS_SALT_MAX, pss, msg) == NACRE_OK) ==
               (actual == longest));
    FUZZ_CHECK(verify_with(pub, NACRE_SIG_SCHEME_RSA_PSS, h, actual + 1, pss, msg) == NACRE_ERR_VERIFICATION_FAILED);
  }
  const Bytes junk = pk::take(in, in.ConsumeBool() ? 256 : in.ConsumeIntegralInRange<std::size_t>(0, 300));
  for (int a : {NACRE_SIG_RSA_PSS_SHA256, NACRE_SIG_RSA_PKCS1_SHA256}) {
    const int j = verify(pub, a, 0, junk, msg);
    FUZZ_CHECK(j == NACRE_OK || j == NACRE_ERR_VERIFICATION_FAILED);
  }
}

// Arbitrary public key bytes, algorithm, backend and signature.
void arbitrary(FuzzedDataProvider &in, const Bytes &msg) {
  static constexpr int kTypes[] = {NACRE_KEY_ED25519, NACRE_KEY_P256, NACRE_KEY_P384, NACRE_KEY_RSA, NACRE_KEY_P521};
  static constexpr int kFormats[] = {NACRE_KEY_FORMAT_RAW_PUBLIC, NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED,
                                     NACRE_KEY_FORMAT_SEC1_COMPRESSED, NACRE_KEY_FORMAT_SPKI_DER};
  const int type = kTypes[in.ConsumeIntegralInRange<int>(0, 4)];
  const int format = kFormats[in.ConsumeIntegralInRange<int>(0, 3)];
  const int alg = in.ConsumeIntegralInRange<int>(NACRE_SIG_ED25519, NACRE_SIG_ECDSA_P521_SHA512_P1363);
  const int backend = in.ConsumeIntegralInRange<int>(0, 2);
  const Bytes key = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 600));
  const Bytes sig = in.ConsumeRemainingBytes<std::uint8_t>();
  pk::Key k;
  const int rc = pk::import(k, type, format, key);
  if (!pk::type_has_format(type, format)) {
    FUZZ_CHECK(rc == NACRE_ERR_UNSUPPORTED);
    return;
  }
  FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_INVALID_KEY);
  if (rc != NACRE_OK) return;
  const int v = verify(k.get(), alg, backend, sig, msg);
  if (sig_key_type(alg) != type) {
    FUZZ_CHECK(v == NACRE_ERR_INVALID_KEY);
  } else if (backend == NACRE_BACKEND_SODIUM && alg != NACRE_SIG_ED25519) {
    FUZZ_CHECK(v == NACRE_ERR_UNSUPPORTED);
  } else {
    FUZZ_CHECK(v == NACRE_OK || v == NACRE_ERR_VERIFICATION_FAILED);
  }
  if (alg == NACRE_SIG_ED25519 && type == NACRE_KEY_ED25519) {
    for (int b : kBackends) FUZZ_CHECK(verify(k.get(), alg, b, sig, msg) == v);
  }
  if (alg != NACRE_SIG_ED25519 && sig_key_type(alg) == type) {
    const Bytes dig = digest_of(alg, msg);
    FUZZ_CHECK(nacre_verify_digest(k.get(), alg, sig.data(), sig.size(), dig.data(), dig.size()) ==
               (backend == NACRE_BACKEND_SODIUM ? verify(k.get(), alg, 0, sig, msg) : v));
  }
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  // RSA signing is the slow one (tens of ms under the sanitizers): one mode value in eight.
  const int mode = in.ConsumeIntegralInRange<int>(0, 7);
  const Bytes msg = in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange<std::size_t>(0, 512));
  if (mode <= 2) {
    ed25519(in, msg);
  } else if (mode <= 4) {
    ecdsa(in, msg);
  } else if (mode == 5) {
    rsa(in, msg);
  } else {
    arbitrary(in, msg);
  }
}
