// age through the C ABI: every CCTV vector, round trips in pieces of every size through fenced
// buffers sized by the size query, and the refusals the header documents.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cctv_age.hpp"
#include "guarded.hpp"
#include "nacre.h"

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

namespace {

const uint8_t *u8(const std::string &s) { return reinterpret_cast<const uint8_t *>(s.data()); }

std::string keygen(int post_quantum) {
  size_t len = 0;
  REQUIRE(nacre_age_keygen(post_quantum, nullptr, 0, &len) == NACRE_ERR_BUFFER_TOO_SMALL);
  std::string id(len, '\0');
  REQUIRE(nacre_age_keygen(post_quantum, reinterpret_cast<uint8_t *>(id.data()), id.size(), &len) == NACRE_OK);
  REQUIRE(len == id.size());
  return id;
}

std::string recipient_of(const std::string &id) {
  char out[2048];
  size_t len = 0;
  REQUIRE(nacre_age_identity_to_recipient(u8(id), id.size(), out, sizeof out, &len) == NACRE_OK);
  return {out, len};
}

// One step of a stream, sized by its own query, into a fenced buffer of exactly that size;
// appends what it wrote to |out| and returns its status.
template <class Step>
int sized_step(Bytes &out, Step step) {
  size_t need = 0;
  const int q = step(nullptr, 0, &need);
  if (q != NACRE_ERR_BUFFER_TOO_SMALL && q != NACRE_OK) return q;
  Guarded buf(need);
  size_t len = 0;
  const int rc = step(buf.data(), buf.cap(), &len);
  CHECK(buf.fences_intact());
  if (rc != NACRE_OK) {
    CHECK(buf.zeroed());
    return rc;
  }
  CHECK(len <= need);
  const Bytes got = buf.bytes(len);
  out.insert(out.end(), got.begin(), got.end());
  return rc;
}

// Feeds |in| to an encryptor or decryptor in pieces of |piece| bytes, then finishes.
// |*finish_failed| tells whether the failure, if any, came from the finish call.
template <class H, class Update, class Finish>
int run_stream(H *st, const Bytes &in, size_t piece, Bytes &out, Update update, Finish finish,
               bool *finish_failed = nullptr) {
  for (size_t at = 0; at < in.size(); at += piece) {
    const size_t n = std::min(piece, in.size() - at);
    const int rc = sized_step(out, [&](uint8_t *o, size_t c, size_t *l) { return update(st, o, c, l, in.data() + at, n); });
    if (rc != NACRE_OK) return rc;
  }
  const int rc = sized_step(out, [&](uint8_t *o, size_t c, size_t *l) { return finish(st, o, c, l); });
  if (finish_failed != nullptr) *finish_failed = rc != NACRE_OK;
  return rc;
}

Bytes encrypt(nacre_age_encryptor *enc, const Bytes &pt, size_t piece) {
  Bytes out;
  REQUIRE(run_stream(enc, pt, piece, out, nacre_age_encryptor_update, nacre_age_encryptor_finish) == NACRE_OK);
  nacre_age_encryptor_free(enc);
  return out;
}

int decrypt(nacre_age_decryptor *dec, const Bytes &file, size_t piece, Bytes &out, bool *finish_failed = nullptr) {
  return run_stream(dec, file, piece, out, nacre_age_decryptor_update, nacre_age_decryptor_finish, finish_failed);
}

std::string sha256_hex(const Bytes &b) {
  uint8_t digest[32];
  size_t len = 0;
  REQUIRE(nacre_hash(NACRE_HASH_SHA256, 0, digest, sizeof digest, &len, b.data(), b.size()) == NACRE_OK);
  static const char *hex = "0123456789abcdef";
  std::string s;
  for (uint8_t c : digest) {
    s.push_back(hex[c >> 4]);
    s.push_back(hex[c & 15]);
  }
  return s;
}

// The status each failure class is documented to return.
int status_of(int failure) {
  switch (failure) {
    case NACRE_AGE_FAILURE_HEADER_MAC:
    case NACRE_AGE_FAILURE_PAYLOAD: return NACRE_ERR_VERIFICATION_FAILED;
    case NACRE_AGE_FAILURE_NO_IDENTITY: return NACRE_ERR_INVALID_KEY;
    default: return NACRE_ERR_INVALID_ARGUMENT;
  }
}

}  // namespace

TEST_CASE("age C ABI: every CCTV vector gives its expected result", "[capi][age][cctv]") {
  std::map<std::string, int> passed;
  int released_same = 0, released_less = 0;
  size_t piece = 1;
  for (const auto &v : nacre::test::cctv_vectors()) {
    INFO(v.name);
    const std::string expect = v.field("expect");
    const int expected = nacre::test::cctv_expected_failure(expect);
    REQUIRE(expected >= 0);
    const int format = v.armored() ? NACRE_AGE_FORMAT_ARMORED : NACRE_AGE_FORMAT_DETECT;
    std::string identities;
    for (const auto &[key, value] : v.fields) {
      if (key == "identity") identities += value + "\n";
    }
    nacre_age_decryptor *dec = nullptr;
    const std::string passphrase = v.field("passphrase");
    if (!passphrase.empty()) {
      REQUIRE(nacre_age_decryptor_new_passphrase(&dec, u8(passphrase), passphrase.size(), 0, format) == NACRE_OK);
    } else {
      if (identities.empty()) identities = keygen(0);  // a file no identity of the suite opens
      REQUIRE(nacre_age_decryptor_new(&dec, u8(identities), identities.size(), format) == NACRE_OK);
    }
    // Pieces of 1, 7, 49, ... bytes (cycling), so that every parser boundary is crossed somewhere.
    piece = piece > 40000 ? 1 : piece * 7;
    Bytes out;
    bool finish_failed = false;
    const int rc = decrypt(dec, v.file, piece, out, &finish_failed);
    const int failure = nacre_age_decryptor_failure(dec);
    nacre_age_decryptor_free(dec);
    CHECK(failure == expected);
    CHECK(rc == (expected == 0 ? NACRE_OK : status_of(expected)));
    // For payload failures the suite gives what was released before the failure; the C ABI
    // releases the same, except what the failing finish call would have (it writes nothing):
    // then what came out is whole chunks, a part of it.
    const std::string payload = v.field("payload");
    if (!payload.empty() && expected == 0) CHECK(sha256_hex(out) == payload);
    if (!payload.empty() && expected == NACRE_AGE_FAILURE_PAYLOAD) {
      const bool same = sha256_hex(out) == payload;
      CHECK((same || (finish_failed && out.size() % NACRE_AGE_CHUNK_LEN == 0)));
      ++(same ? released_same : released_less);
    }
    if (expected != 0 && expected != NACRE_AGE_FAILURE_PAYLOAD) CHECK(out.empty());
    if (failure == expected) ++passed[expect];
  }
  for (const auto &[expect, n] : passed) std::cout << "cctv-age (C ABI): " << expect << ": " << n << " passed\n";
  std::cout << "cctv-age (C ABI): payload failures releasing the suite's plaintext: " << released_same
            << ", less (failed at finish): " << released_less << "\n";
}

TEST_CASE("age C ABI: files round-trip, binary and armored, to several recipients, in any piece size",
          "[capi][age]") {
  const std::string alice = keygen(0), bob = keygen(1);
  const std::string recipients = "# alice\n" + recipient_of(alice) + "\r\n\n# bob, post-quantum\n" + recipient_of(bob) + "\n";
  for (size_t n : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{65537}, size_t{200000}}) {
    Bytes pt(n);
    for (size_t i = 0; i < n; ++i) pt[i] = static_cast<uint8_t>(i * 31 + 7);
    for (unsigned flags : {0u, unsigned{NACRE_AGE_ARMOR}}) {
      for (size_t piece : {size_t{1000}, size_t{65536}, size_t{300000}}) {
        INFO("size " << n << " flags " << flags << " piece " << piece);
        nacre_age_encryptor *enc = nullptr;
        REQUIRE(nacre_age_encryptor_new(&enc, recipients.data(), recipients.size(), flags) == NACRE_OK);
        const Bytes file = encrypt(enc, pt, piece);
        CHECK((file.size() > 0 && file[0] == (flags != 0 ? '-' : 'a')));
        for (const std::string &id : {alice, bob}) {
          nacre_age_decryptor *dec = nullptr;
          REQUIRE(nacre_age_decryptor_new(&dec, u8(id), id.size(), NACRE_AGE_FORMAT_DETECT) == NACRE_OK);
          Bytes out;
          CHECK(decrypt(dec, file, piece / 3 + 1, out) == NACRE_OK);
          CHECK(out == pt);
          nacre_age_decryptor_free(dec);
        }
      }
    }
  }
}

TEST_CASE("age C ABI: a buffer too small consumes nothing; the query gives the size", "[capi][age]") {
  const std::string id = keygen(0), r = recipient_of(id);
  nacre_age_encryptor *enc = nullptr;
  REQUIRE(nacre_age_encryptor_new(&enc, r.data(), r.size(), NACRE_AGE_ARMOR) == NACRE_OK);
  const Bytes pt(100000, 0x5a);
  size_t need = 0;
  REQUIRE(nacre_age_encryptor_update(enc, nullptr, 0, &need, pt.data(), pt.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
  Guarded small(need - 1);
  size_t len = 7;
  CHECK(nacre_age_encryptor_update(enc, small.data(), small.cap(), &len, pt.data(), pt.size()) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == need);
  CHECK(small.zeroed());
  CHECK(small.fences_intact());
  const Bytes file = encrypt(enc, pt, pt.size());  // the same input again: nothing was consumed
  nacre_age_decryptor *dec = nullptr;
  REQUIRE(nacre_age_decryptor_new(&dec, u8(id), id.size(), NACRE_AGE_FORMAT_ARMORED) == NACRE_OK);
  Bytes out;
  CHECK(decrypt(dec, file, 4096, out) == NACRE_OK);
  CHECK(out == pt);
  nacre_age_decryptor_free(dec);
}

TEST_CASE("age C ABI: passphrases, work factors and refusals", "[capi][age]") {
  const std::string pw = "correct horse battery staple";
  nacre_age_encryptor *enc = nullptr;
  REQUIRE(nacre_age_encryptor_new_passphrase(&enc, u8(pw), pw.size(), 10, 0) == NACRE_OK);
  const Bytes pt = {'h', 'i'};
  const Bytes file = encrypt(enc, pt, 1);
  nacre_age_decryptor *dec = nullptr;
  REQUIRE(nacre_age_decryptor_new_passphrase(&dec, u8(pw), pw.size(), 10, 0) == NACRE_OK);
  Bytes out;
  CHECK(decrypt(dec, file, 5, out) == NACRE_OK);
  CHECK(out == pt);
  nacre_age_decryptor_free(dec);
  // A work factor above the reader's limit is refused before scrypt runs.
  REQUIRE(nacre_age_decryptor_new_passphrase(&dec, u8(pw), pw.size(), 9, 0) == NACRE_OK);
  out.clear();
  CHECK(decrypt(dec, file, 5, out) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_age_decryptor_failure(dec) == NACRE_AGE_FAILURE_HEADER);
  CHECK(std::string(nacre_last_error_message()).find("work factor") != std::string::npos);
  nacre_age_decryptor_free(dec);
  // The wrong passphrase matches no stanza.
  const std::string wrong = "incorrect";
  REQUIRE(nacre_age_decryptor_new_passphrase(&dec, u8(wrong), wrong.size(), 10, 0) == NACRE_OK);
  CHECK(decrypt(dec, file, 5, out) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_age_decryptor_failure(dec) == NACRE_AGE_FAILURE_NO_IDENTITY);
  // A failed handle refuses further use.
  uint8_t buf[64];
  size_t len = 0;
  CHECK(nacre_age_decryptor_update(dec, buf, sizeof buf, &len, file.data(), 1) == NACRE_ERR_INVALID_ARGUMENT);
  nacre_age_decryptor_free(dec);

  // A recipients list names the line it cannot read.
  const std::string bad = "# ok\n" + recipient_of(keygen(0)) + "\nssh-ed25519 AAAAC3Nza\n";
  CHECK(nacre_age_encryptor_new(&enc, bad.data(), bad.size(), 0) == NACRE_ERR_INVALID_KEY);
  CHECK(enc == nullptr);
  const std::string msg = nacre_last_error_message();
  CHECK(msg.find("line 3") != std::string::npos);
  CHECK(msg.find("SSH") != std::string::npos);
}

TEST_CASE("age C ABI: a changed last chunk fails after the chunks before it were released", "[capi][age]") {
  const std::string id = keygen(0), r = recipient_of(id);
  nacre_age_encryptor *enc = nullptr;
  REQUIRE(nacre_age_encryptor_new(&enc, r.data(), r.size(), 0) == NACRE_OK);
  const Bytes pt(3 * 65536 + 100, 0x11);
  Bytes file = encrypt(enc, pt, 65536);
  file[file.size() - 20] ^= 1;
  nacre_age_decryptor *dec = nullptr;
  REQUIRE(nacre_age_decryptor_new(&dec, u8(id), id.size(), 0) == NACRE_OK);
  Bytes out;
  CHECK(decrypt(dec, file, 65536, out) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_age_decryptor_failure(dec) == NACRE_AGE_FAILURE_PAYLOAD);
  CHECK(out.size() == 3 * 65536);  // the three chunks that authenticated, none of the last
  CHECK(Bytes(pt.begin(), pt.begin() + 3 * 65536) == out);
  nacre_age_decryptor_free(dec);
}
