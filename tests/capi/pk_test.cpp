// The public-key C ABI through libnacre.so: round trips, size queries, and every class of bad
// argument (NULL with a length, SIZE_MAX, too-small outputs behind fences, unknown numbers,
// freed and foreign handles, public keys where key pairs are needed, overlapping buffers).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

namespace {

struct KeyCase {
  int type;
  size_t rsa_bits;
  int sig_alg;  // 0: none
};

const KeyCase kKeys[] = {
    {NACRE_KEY_X25519, 0, 0},
    {NACRE_KEY_ED25519, 0, NACRE_SIG_ED25519},
    {NACRE_KEY_P256, 0, NACRE_SIG_ECDSA_P256_SHA256},
    {NACRE_KEY_P384, 0, NACRE_SIG_ECDSA_P384_SHA384_P1363},
    {NACRE_KEY_RSA, 2048, NACRE_SIG_RSA_PSS_SHA256},
    {NACRE_KEY_P521, 0, NACRE_SIG_ECDSA_P521_SHA512},
    {NACRE_KEY_MLKEM768, 0, 0},
    {NACRE_KEY_XWING, 0, 0},
};

// An owned handle, so failed REQUIREs do not leak.
struct KeyPtr {
  nacre_key *k = nullptr;
  KeyPtr() = default;
  explicit KeyPtr(nacre_key *key) : k(key) {}
  KeyPtr(const KeyPtr &) = delete;
  KeyPtr &operator=(const KeyPtr &) = delete;
  ~KeyPtr() { nacre_key_free(k); }
  operator nacre_key *() const { return k; }  // NOLINT: a C handle by design
};

nacre_key *generate(int type, size_t bits = 0) {
  nacre_key *k = nullptr;
  REQUIRE(nacre_key_generate(&k, type, bits) == NACRE_OK);
  REQUIRE(k != nullptr);
  return k;
}

nacre_key *public_of(const nacre_key *k) {
  nacre_key *p = nullptr;
  REQUIRE(nacre_key_public(k, &p) == NACRE_OK);
  return p;
}

Bytes export_key(const nacre_key *k, int format) {
  size_t len = 0;
  REQUIRE(nacre_key_export(k, format, nullptr, 0, &len) == NACRE_ERR_BUFFER_TOO_SMALL);
  Guarded out(len);
  REQUIRE(nacre_key_export(k, format, out.data(), out.cap(), &len) == NACRE_OK);
  CHECK(out.fences_intact());
  return out.bytes(len);
}

// A handle of another type, and a freed key handle, for the handle checks.
struct BadHandles {
  nacre_hash_ctx *hash = nullptr;
  nacre_key *freed = nullptr;
  BadHandles() {
    REQUIRE(nacre_hash_ctx_new(&hash, NACRE_HASH_SHA256, 0) == NACRE_OK);
    REQUIRE(nacre_key_generate(&freed, NACRE_KEY_X25519, 0) == NACRE_OK);
    nacre_key_free(freed);
  }
  ~BadHandles() { nacre_hash_ctx_free(hash); }
  const nacre_key *foreign() const { return reinterpret_cast<const nacre_key *>(hash); }
};

}  // namespace

TEST_CASE("keys through the C ABI: generate, export, import, info, equality", "[capi][keys]") {
  for (const auto &c : kKeys) {
    INFO("type " << c.type);
    KeyPtr k(generate(c.type, c.rsa_bits));
    KeyPtr pub(public_of(k));
    int type = 0, has_private = -1;
    size_t bits = 0;
    REQUIRE(nacre_key_info(k, &type, &has_private, &bits) == NACRE_OK);
    CHECK(type == c.type);
    CHECK(has_private == 1);
    CHECK(bits >= 255);
    REQUIRE(nacre_key_info(pub, nullptr, &has_private, nullptr) == NACRE_OK);
    CHECK(has_private == 0);
    CHECK(nacre_key_equal(k, k) == NACRE_OK);
    CHECK(nacre_key_equal(k, pub) == NACRE_ERR_VERIFICATION_FAILED);
    const bool der = c.type != NACRE_KEY_MLKEM768 && c.type != NACRE_KEY_XWING;
    const int priv_format = der ? NACRE_KEY_FORMAT_PKCS8_PEM : NACRE_KEY_FORMAT_RAW_PRIVATE;
    const int pub_format = der ? NACRE_KEY_FORMAT_SPKI_DER : NACRE_KEY_FORMAT_RAW_PUBLIC;
    const Bytes priv_bytes = export_key(k, priv_format);
    KeyPtr back;
    REQUIRE(nacre_key_import(&back.k, der ? 0 : c.type, priv_format, priv_bytes.data(), priv_bytes.size()) ==
            NACRE_OK);
    CHECK(nacre_key_equal(back, k) == NACRE_OK);
    const Bytes pub_bytes = export_key(pub, pub_format);
    KeyPtr pub_back;
    REQUIRE(nacre_key_import(&pub_back.k, c.type, pub_format, pub_bytes.data(), pub_bytes.size()) == NACRE_OK);
    CHECK(nacre_key_equal(pub_back, pub) == NACRE_OK);

    // Too small by one: needed size reported, fences intact, buffer zeroed.
    size_t len = 0;
    Guarded small(priv_bytes.size() - 1);
    CHECK(nacre_key_export(k, priv_format, small.data(), small.cap(), &len) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == priv_bytes.size());
    CHECK(small.zeroed());
    CHECK(small.fences_intact());
    // A private format of a public key.
    Guarded out(priv_bytes.size());
    CHECK(nacre_key_export(pub, priv_format, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(out.zeroed());
    CHECK(out.fences_intact());
  }
}

TEST_CASE("key functions refuse bad arguments", "[capi][keys]") {
  BadHandles bad;
  KeyPtr k(generate(NACRE_KEY_ED25519));
  nacre_key *out = reinterpret_cast<nacre_key *>(0x1);
  const uint8_t byte = 0;
  CHECK(nacre_key_generate(nullptr, NACRE_KEY_X25519, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_generate(&out, 0, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(out == nullptr);
  CHECK(nacre_key_generate(&out, 99, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_key_generate(&out, NACRE_KEY_RSA, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_generate(&out, NACRE_KEY_RSA, 1024) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_generate(&out, NACRE_KEY_X25519, 2048) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_import(nullptr, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, &byte, 1) ==
        NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_import(&out, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, nullptr, 32) ==
        NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_import(&out, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, &byte, SIZE_MAX) ==
        NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_import(&out, 0, NACRE_KEY_FORMAT_RAW_PUBLIC, &byte, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_import(&out, NACRE_KEY_X25519, 0, &byte, 1) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_key_import(&out, NACRE_KEY_X25519, 10, &byte, 1) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_key_import(&out, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, &byte, 1) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_key_import(&out, 0, NACRE_KEY_FORMAT_PKCS8_DER, &byte, 1) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_key_import(&out, 0, NACRE_KEY_FORMAT_SPKI_PEM, nullptr, 0) == NACRE_ERR_INVALID_KEY);
  CHECK(out == nullptr);
  size_t len = 7;
  Guarded buf(64);
  for (const nacre_key *h : {static_cast<const nacre_key *>(nullptr), bad.foreign(),
                             static_cast<const nacre_key *>(bad.freed)}) {
    CHECK(nacre_key_export(h, NACRE_KEY_FORMAT_RAW_PUBLIC, buf.data(), buf.cap(), &len) == NACRE_ERR_INVALID_HANDLE);
    CHECK(buf.zeroed());
    CHECK(nacre_key_public(h, &out) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_key_info(h, nullptr, nullptr, nullptr) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_key_equal(h, k) == NACRE_ERR_INVALID_HANDLE);
  }
  CHECK(nacre_key_export(k, NACRE_KEY_FORMAT_RAW_PUBLIC, buf.data(), buf.cap(), nullptr) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_export(k, NACRE_KEY_FORMAT_RAW_PUBLIC, nullptr, 32, &len) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_key_export(k, 42, buf.data(), buf.cap(), &len) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_key_export(k, NACRE_KEY_FORMAT_SEC1_COMPRESSED, buf.data(), buf.cap(), &len) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_key_public(k, nullptr) == NACRE_ERR_INVALID_ARGUMENT);
  // Freeing a foreign handle, a freed one, or NULL is ignored.
  nacre_key_free(nullptr);
  nacre_key_free(bad.freed);
  nacre_key_free(const_cast<nacre_key *>(bad.foreign()));
  Bytes d(32);
  CHECK(nacre_hash_ctx_digest(bad.hash, d.data(), d.size(), &len) == NACRE_OK);  // still alive
}

TEST_CASE("signatures through the C ABI", "[capi][signature]") {
  BadHandles bad;
  const Bytes msg = {'m', 's', 'g'};
  for (const auto &c : kKeys) {
    if (c.sig_alg == 0) continue;
    INFO("type " << c.type);
    KeyPtr k(generate(c.type, c.rsa_bits));
    KeyPtr pub(public_of(k));
    size_t len = 0;
    CHECK(nacre_sign(k, c.sig_alg, 0, nullptr, 0, &len, msg.data(), msg.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
    const size_t max = len;
    Guarded sig(max);
    REQUIRE(nacre_sign(k, c.sig_alg, 0, sig.data(), sig.cap(), &len, msg.data(), msg.size()) == NACRE_OK);
    CHECK(len <= max);
    CHECK(sig.fences_intact());
    Bytes s = sig.bytes(len);
    CHECK(nacre_verify(pub, c.sig_alg, 0, s.data(), s.size(), msg.data(), msg.size()) == NACRE_OK);
    s[0] ^= 1;
    CHECK(nacre_verify(pub, c.sig_alg, 0, s.data(), s.size(), msg.data(), msg.size()) ==
          NACRE_ERR_VERIFICATION_FAILED);
    CHECK(nacre_verify(pub, c.sig_alg, 0, nullptr, 0, msg.data(), msg.size()) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(nacre_verify(pub, c.sig_alg, 0, nullptr, 64, msg.data(), msg.size()) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(nacre_verify(pub, c.sig_alg, 0, s.data(), SIZE_MAX, msg.data(), msg.size()) == NACRE_ERR_INVALID_ARGUMENT);
    // Too small by one; a public key cannot sign; unknown algorithm and backend; bad handles.
    Guarded small(max - 1);
    CHECK(nacre_sign(k, c.sig_alg, 0, small.data(), small.cap(), &len, msg.data(), msg.size()) ==
          NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == max);
    CHECK(small.zeroed());
    CHECK(small.fences_intact());
    Guarded out(max);
    CHECK(nacre_sign(pub, c.sig_alg, 0, out.data(), out.cap(), &len, msg.data(), msg.size()) ==
          NACRE_ERR_INVALID_ARGUMENT);
    CHECK(out.zeroed());
    CHECK(nacre_sign(k, 99, 0, out.data(), out.cap(), &len, msg.data(), msg.size()) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_sign(k, c.sig_alg, 9, out.data(), out.cap(), &len, msg.data(), msg.size()) == NACRE_ERR_UNSUPPORTED);
    CHECK(nacre_sign(bad.foreign(), c.sig_alg, 0, out.data(), out.cap(), &len, msg.data(), msg.size()) ==
          NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_verify(bad.freed, c.sig_alg, 0, s.data(), s.size(), msg.data(), msg.size()) ==
          NACRE_ERR_INVALID_HANDLE);
    // The signature buffer may not overlap the message.
    Bytes both(max + msg.size());
    CHECK(nacre_sign(k, c.sig_alg, 0, both.data(), max, &len, both.data() + 1, msg.size()) ==
          NACRE_ERR_INVALID_ARGUMENT);
  }
  // Digests: the length must be the hash's; Ed25519 has no digest form.
  KeyPtr p(generate(NACRE_KEY_P256));
  Bytes digest(32, 1);
  size_t len = 0;
  Guarded sig(80);
  REQUIRE(nacre_sign_digest(p, NACRE_SIG_ECDSA_P256_SHA256, sig.data(), sig.cap(), &len, digest.data(), 32) == NACRE_OK);
  CHECK(nacre_verify_digest(p, NACRE_SIG_ECDSA_P256_SHA256, sig.data(), len, digest.data(), 32) == NACRE_OK);
  CHECK(nacre_verify_digest(p, NACRE_SIG_ECDSA_P256_SHA256, sig.data(), len, digest.data(), 31) ==
        NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_sign_digest(p, NACRE_SIG_ECDSA_P256_SHA256, sig.data(), sig.cap(), &len, digest.data(), 48) ==
        NACRE_ERR_INVALID_ARGUMENT);
  KeyPtr ed(generate(NACRE_KEY_ED25519));
  CHECK(nacre_sign_digest(ed, NACRE_SIG_ED25519, sig.data(), sig.cap(), &len, digest.data(), 32) ==
        NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_sign(p, NACRE_SIG_ED25519, 0, sig.data(), sig.cap(), &len, digest.data(), 32) == NACRE_ERR_INVALID_KEY);
}

TEST_CASE("signatures with a chosen scheme, hash and salt through the C ABI", "[capi][signature]") {
  const Bytes msg = {'w', 'i', 't', 'h'};
  struct Case {
    int type;
    size_t bits;
    int scheme, hash, salt;
  };
  const Case cases[] = {
      {NACRE_KEY_P256, 0, NACRE_SIG_SCHEME_ECDSA_DER, NACRE_HASH_SHA512, 0},
      {NACRE_KEY_P384, 0, NACRE_SIG_SCHEME_ECDSA_P1363, NACRE_HASH_SHA256, 0},
      {NACRE_KEY_P521, 0, NACRE_SIG_SCHEME_ECDSA_P1363, NACRE_HASH_SHA3_512, 0},
      {NACRE_KEY_P521, 0, NACRE_SIG_SCHEME_ECDSA_DER, 0, 0},
      {NACRE_KEY_RSA, 2048, NACRE_SIG_SCHEME_RSA_PKCS1, NACRE_HASH_SHA384, 0},
      {NACRE_KEY_RSA, 2048, NACRE_SIG_SCHEME_RSA_PSS, NACRE_HASH_SHA512, NACRE_PSS_SALT_MAX},
      {NACRE_KEY_RSA, 2048, NACRE_SIG_SCHEME_RSA_PSS, 0, 0},
      {NACRE_KEY_ED25519, 0, NACRE_SIG_SCHEME_ED25519, 0, 0},
  };
  for (const Case &c : cases) {
    INFO("type " << c.type << " scheme " << c.scheme << " hash " << c.hash << " salt " << c.salt);
    KeyPtr k(generate(c.type, c.bits));
    KeyPtr pub(public_of(k));
    size_t len = 0;
    REQUIRE(nacre_sign_with(k, c.scheme, c.hash, c.salt, 0, nullptr, 0, &len, msg.data(), msg.size()) ==
            NACRE_ERR_BUFFER_TOO_SMALL);
    Guarded sig(len);
    REQUIRE(nacre_sign_with(k, c.scheme, c.hash, c.salt, 0, sig.data(), sig.cap(), &len, msg.data(), msg.size()) == NACRE_OK);
    CHECK(sig.fences_intact());
    Bytes s = sig.bytes(len);
    CHECK(nacre_verify_with(pub, c.scheme, c.hash, c.salt, 0, s.data(), s.size(), msg.data(), msg.size()) == NACRE_OK);
    if (c.scheme == NACRE_SIG_SCHEME_RSA_PSS) {  // any salt verifies with AUTO, and so with the named algorithm
      CHECK(nacre_verify_with(pub, c.scheme, c.hash, NACRE_PSS_SALT_AUTO, 0, s.data(), s.size(), msg.data(), msg.size()) ==
            NACRE_OK);
    }
    if (c.scheme == NACRE_SIG_SCHEME_RSA_PKCS1) {  // deterministic
      Guarded again(len);
      REQUIRE(nacre_sign_with(k, c.scheme, c.hash, 0, 0, again.data(), again.cap(), &len, msg.data(), msg.size()) == NACRE_OK);
      CHECK(again.bytes(len) == s);
    }
    s[s.size() / 2] ^= 1;
    CHECK(nacre_verify_with(pub, c.scheme, c.hash, c.salt, 0, s.data(), s.size(), msg.data(), msg.size()) ==
          NACRE_ERR_VERIFICATION_FAILED);
  }
  // The named algorithm and the scheme with the curve's hash are one thing.
  KeyPtr p(generate(NACRE_KEY_P521));
  size_t len = 0;
  Guarded sig(160);
  REQUIRE(nacre_sign(p, NACRE_SIG_ECDSA_P521_SHA512_P1363, 0, sig.data(), sig.cap(), &len, msg.data(), msg.size()) ==
          NACRE_OK);
  CHECK(len == 132);
  CHECK(nacre_verify_with(p, NACRE_SIG_SCHEME_ECDSA_P1363, NACRE_HASH_SHA512, 0, 0, sig.data(), len, msg.data(), msg.size()) ==
        NACRE_OK);
  CHECK(nacre_verify_with(p, NACRE_SIG_SCHEME_ECDSA_P1363, NACRE_HASH_SHA384, 0, 0, sig.data(), len, msg.data(), msg.size()) ==
        NACRE_ERR_VERIFICATION_FAILED);
  Bytes digest(64, 7);
  REQUIRE(nacre_sign_digest_with(p, NACRE_SIG_SCHEME_ECDSA_DER, NACRE_HASH_SHA512, 0, sig.data(), sig.cap(), &len,
                                 digest.data(), digest.size()) == NACRE_OK);
  CHECK(nacre_verify_digest(p, NACRE_SIG_ECDSA_P521_SHA512, sig.data(), len, digest.data(), digest.size()) == NACRE_OK);
  CHECK(nacre_verify_digest_with(p, NACRE_SIG_SCHEME_ECDSA_DER, 0, 0, sig.data(), len, digest.data(), digest.size()) ==
        NACRE_OK);
}

TEST_CASE("key agreement through the C ABI", "[capi][agreement]") {
  for (int type : {NACRE_KEY_X25519, NACRE_KEY_P256, NACRE_KEY_P384, NACRE_KEY_P521}) {
    INFO("type " << type);
    KeyPtr a(generate(type)), b(generate(type));
    KeyPtr bp(public_of(b));
    size_t len = 0;
    CHECK(nacre_key_agree(a, bp, 0, nullptr, 0, &len) == NACRE_ERR_BUFFER_TOO_SMALL);
    Guarded s1(len), s2(len);
    REQUIRE(nacre_key_agree(a, bp, 0, s1.data(), s1.cap(), &len) == NACRE_OK);
    KeyPtr ap(public_of(a));
    REQUIRE(nacre_key_agree(b, ap, 0, s2.data(), s2.cap(), &len) == NACRE_OK);
    CHECK(s1.bytes(len) == s2.bytes(len));
    Guarded out(len);
    CHECK(nacre_key_agree(ap, bp, 0, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(out.zeroed());
    CHECK(nacre_key_agree(a, bp, 0, out.data(), out.cap(), nullptr) == NACRE_ERR_INVALID_ARGUMENT);
  }
  KeyPtr x(generate(NACRE_KEY_X25519)), p(generate(NACRE_KEY_P256));
  size_t len = 0;
  Guarded out(32);
  CHECK(nacre_key_agree(x, p, 0, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_KEY);
  CHECK(out.fences_intact());
  const Bytes zero(32, 0);
  KeyPtr low;
  REQUIRE(nacre_key_import(&low.k, NACRE_KEY_X25519, NACRE_KEY_FORMAT_RAW_PUBLIC, zero.data(), 32) == NACRE_OK);
  for (int b : {NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
    CHECK(nacre_key_agree(x, low, b, out.data(), out.cap(), &len) == NACRE_ERR_INVALID_KEY);
    CHECK(out.zeroed());
  }
}

TEST_CASE("boxes, RSA-OAEP, KEMs and HPKE through the C ABI", "[capi][pke]") {
  BadHandles bad;
  const Bytes msg = {'h', 'i'};
  size_t len = 0;
  KeyPtr r(generate(NACRE_KEY_X25519));
  KeyPtr rp(public_of(r));
  // Sealed box.
  Guarded sealed(msg.size() + NACRE_BOX_SEAL_OVERHEAD);
  REQUIRE(nacre_box_seal(rp, sealed.data(), sealed.cap(), &len, msg.data(), msg.size()) == NACRE_OK);
  Guarded opened(msg.size());
  REQUIRE(nacre_box_seal_open(r, opened.data(), opened.cap(), &len, sealed.data(), sealed.cap()) == NACRE_OK);
  CHECK(opened.bytes(len) == msg);
  sealed.data()[0] ^= 1;
  CHECK(nacre_box_seal_open(r, opened.data(), opened.cap(), &len, sealed.data(), sealed.cap()) ==
        NACRE_ERR_VERIFICATION_FAILED);
  CHECK(opened.zeroed());
  CHECK(opened.fences_intact());
  CHECK(nacre_box_seal_open(rp, opened.data(), opened.cap(), &len, sealed.data(), sealed.cap()) ==
        NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_box_seal_open(r, opened.data(), opened.cap(), &len, sealed.data(), 10) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_box_seal(bad.foreign(), sealed.data(), sealed.cap(), &len, msg.data(), msg.size()) ==
        NACRE_ERR_INVALID_HANDLE);
  // crypto_box with a nonce of the wrong size.
  Bytes nonce(NACRE_BOX_NONCE_LEN, 3);
  KeyPtr s(generate(NACRE_KEY_X25519));
  KeyPtr sp(public_of(s));
  Guarded boxed(msg.size() + NACRE_BOX_OVERHEAD);
  REQUIRE(nacre_box(s, rp, boxed.data(), boxed.cap(), &len, nonce.data(), nonce.size(), msg.data(), msg.size()) == NACRE_OK);
  REQUIRE(nacre_box_open(r, sp, opened.data(), opened.cap(), &len, nonce.data(), nonce.size(), boxed.data(), boxed.cap()) == NACRE_OK);
  CHECK(opened.bytes(len) == msg);
  CHECK(nacre_box(s, rp, boxed.data(), boxed.cap(), &len, nonce.data(), 12, msg.data(), msg.size()) ==
        NACRE_ERR_INVALID_ARGUMENT);

  // RSA-OAEP: size query for decrypt asks for the largest plaintext.
  KeyPtr rsa(generate(NACRE_KEY_RSA, 2048));
  Guarded ct(256);
  REQUIRE(nacre_rsa_oaep_encrypt(rsa, ct.data(), ct.cap(), &len, msg.data(), msg.size(), nullptr, 0) == NACRE_OK);
  CHECK(nacre_rsa_oaep_decrypt(rsa, nullptr, 0, &len, ct.data(), ct.cap(), nullptr, 0) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == 256 - 66);
  Guarded pt(len);
  REQUIRE(nacre_rsa_oaep_decrypt(rsa, pt.data(), pt.cap(), &len, ct.data(), ct.cap(), nullptr, 0) == NACRE_OK);
  CHECK(pt.bytes(len) == msg);
  CHECK(pt.fences_intact());
  const uint8_t label = 'x';
  CHECK(nacre_rsa_oaep_decrypt(rsa, pt.data(), pt.cap(), &len, ct.data(), ct.cap(), &label, 1) ==
        NACRE_ERR_VERIFICATION_FAILED);
  CHECK(pt.zeroed());
  CHECK(nacre_rsa_oaep_encrypt(r, ct.data(), ct.cap(), &len, msg.data(), msg.size(), nullptr, 0) == NACRE_ERR_INVALID_KEY);

  // KEMs: both sizes from one query; wrong-size ciphertexts.
  for (int type : {NACRE_KEY_MLKEM768, NACRE_KEY_XWING}) {
    KeyPtr k(generate(type));
    size_t ct_len = 0, ss_len = 0;
    CHECK(nacre_kem_encapsulate(k, nullptr, 0, &ct_len, nullptr, 0, &ss_len) == NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(ct_len == nacre_kem_ciphertext_len(type));
    CHECK(ss_len == nacre_kem_shared_secret_len(type));
    Guarded kct(ct_len), ss(ss_len), ss2(ss_len);
    REQUIRE(nacre_kem_encapsulate(k, kct.data(), kct.cap(), &ct_len, ss.data(), ss.cap(), &ss_len) == NACRE_OK);
    REQUIRE(nacre_kem_decapsulate(k, ss2.data(), ss2.cap(), &ss_len, kct.data(), kct.cap()) == NACRE_OK);
    CHECK(ss.bytes(32) == ss2.bytes(32));
    CHECK(nacre_kem_decapsulate(k, ss2.data(), ss2.cap(), &ss_len, kct.data(), kct.cap() - 1) ==
          NACRE_ERR_INVALID_ARGUMENT);
    CHECK(ss2.zeroed());
    CHECK(nacre_kem_encapsulate(k, kct.data(), kct.cap(), &ct_len, kct.data(), 32, &ss_len) == NACRE_ERR_INVALID_ARGUMENT);
  }
  CHECK(nacre_kem_ciphertext_len(NACRE_KEY_X25519) == 0);
  CHECK(nacre_kem_encapsulate(r, nullptr, 0, &len, nullptr, 0, &len) == NACRE_ERR_INVALID_KEY);

  // HPKE: single shot, contexts, unknown suites, bad enc.
  for (int suite : {1, 2, 3}) {
    Guarded sealed_h(msg.size() + NACRE_HPKE_ENC_LEN + NACRE_HPKE_TAG_LEN);
    REQUIRE(nacre_hpke_seal(suite, rp, sealed_h.data(), sealed_h.cap(), &len, nullptr, 0, msg.data(), msg.size(),
                            nullptr, 0) == NACRE_OK);
    Guarded back(msg.size());
    REQUIRE(nacre_hpke_open(suite, r, back.data(), back.cap(), &len, nullptr, 0, sealed_h.data(), sealed_h.cap(),
                            nullptr, 0) == NACRE_OK);
    CHECK(back.bytes(len) == msg);
    Bytes zero_enc(sealed_h.bytes(sealed_h.cap()));
    std::fill(zero_enc.begin(), zero_enc.begin() + 32, 0);  // small-order enc
    CHECK(nacre_hpke_open(suite, r, back.data(), back.cap(), &len, nullptr, 0, zero_enc.data(), zero_enc.size(),
                          nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(back.zeroed());

    nacre_hpke_ctx *tx = nullptr, *rx = nullptr;
    Guarded enc(NACRE_HPKE_ENC_LEN);
    REQUIRE(nacre_hpke_sender_new(&tx, suite, rp, enc.data(), enc.cap(), &len, nullptr, 0) == NACRE_OK);
    REQUIRE(nacre_hpke_receiver_new(&rx, suite, r, enc.data(), enc.cap(), nullptr, 0) == NACRE_OK);
    Guarded c(msg.size() + NACRE_HPKE_TAG_LEN), p(msg.size());
    REQUIRE(nacre_hpke_ctx_seal(tx, c.data(), c.cap(), &len, msg.data(), msg.size(), nullptr, 0) == NACRE_OK);
    REQUIRE(nacre_hpke_ctx_open(rx, p.data(), p.cap(), &len, c.data(), c.cap(), nullptr, 0) == NACRE_OK);
    CHECK(p.bytes(len) == msg);
    Guarded e1(40), e2(40);
    REQUIRE(nacre_hpke_ctx_export(tx, e1.data(), e1.cap(), nullptr, 0) == NACRE_OK);
    REQUIRE(nacre_hpke_ctx_export(rx, e2.data(), e2.cap(), nullptr, 0) == NACRE_OK);
    CHECK(e1.bytes(40) == e2.bytes(40));
    Guarded huge(255 * 32 + 1);
    CHECK(nacre_hpke_ctx_export(tx, huge.data(), huge.cap(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
    CHECK(huge.zeroed());
    // A context handle is not a key handle and the reverse.
    CHECK(nacre_hpke_ctx_seal(reinterpret_cast<nacre_hpke_ctx *>(r.k), c.data(), c.cap(), &len, msg.data(),
                              msg.size(), nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    CHECK(nacre_key_info(reinterpret_cast<nacre_key *>(tx), nullptr, nullptr, nullptr) == NACRE_ERR_INVALID_HANDLE);
    nacre_hpke_ctx_free(tx);
    nacre_hpke_ctx_free(rx);
    CHECK(nacre_hpke_ctx_open(rx, p.data(), p.cap(), &len, c.data(), c.cap(), nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
    nacre_hpke_ctx_free(rx);  // a second free is ignored
  }
  nacre_hpke_ctx *ctx = reinterpret_cast<nacre_hpke_ctx *>(0x1);
  Guarded enc(32);
  CHECK(nacre_hpke_sender_new(&ctx, 4, rp, enc.data(), enc.cap(), &len, nullptr, 0) == NACRE_ERR_UNSUPPORTED);
  CHECK(ctx == nullptr);
  CHECK(nacre_hpke_sender_new(nullptr, 1, rp, enc.data(), enc.cap(), &len, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_hpke_receiver_new(&ctx, 1, rp, enc.data(), enc.cap(), nullptr, 0) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_hpke_receiver_new(&ctx, 1, r, enc.data(), 31, nullptr, 0) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_hpke_seal(0, rp, enc.data(), enc.cap(), &len, nullptr, 0, nullptr, 0, nullptr, 0) == NACRE_ERR_UNSUPPORTED);
}
