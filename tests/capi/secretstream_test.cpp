// The secretstream C ABI: a stream end to end and every class of bad argument.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

TEST_CASE("secretstream through the C ABI", "[capi][secretstream]") {
  Bytes key(32);
  REQUIRE(nacre_random_bytes(key.data(), key.size()) == NACRE_OK);
  nacre_secretstream_encryptor *enc = nullptr;
  size_t len = 0;
  CHECK(nacre_secretstream_encryptor_new(&enc, nullptr, 0, &len, key.data(), 32) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == NACRE_SECRETSTREAM_HEADER_LEN);
  CHECK(enc == nullptr);
  Guarded header(NACRE_SECRETSTREAM_HEADER_LEN);
  REQUIRE(nacre_secretstream_encryptor_new(&enc, header.data(), header.cap(), &len, key.data(), 32) == NACRE_OK);
  const Bytes m1 = {1, 2, 3}, m2 = {4, 5, 6, 7};
  Guarded c1(m1.size() + NACRE_SECRETSTREAM_OVERHEAD), c2(m2.size() + NACRE_SECRETSTREAM_OVERHEAD);
  REQUIRE(nacre_secretstream_push(enc, c1.data(), c1.cap(), &len, m1.data(), m1.size(), nullptr, 0, NACRE_SECRETSTREAM_TAG_MESSAGE) == NACRE_OK);
  REQUIRE(nacre_secretstream_push(enc, c2.data(), c2.cap(), &len, m2.data(), m2.size(), nullptr, 0, NACRE_SECRETSTREAM_TAG_FINAL) == NACRE_OK);
  CHECK(c2.fences_intact());
  Guarded after(20);
  CHECK(nacre_secretstream_push(enc, after.data(), after.cap(), &len, m1.data(), m1.size(), nullptr, 0, NACRE_SECRETSTREAM_TAG_MESSAGE) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(after.zeroed());

  nacre_secretstream_decryptor *dec = nullptr;
  REQUIRE(nacre_secretstream_decryptor_new(&dec, header.data(), header.cap(), key.data(), 32) == NACRE_OK);
  int tag = -5;
  Guarded p1(m1.size());
  REQUIRE(nacre_secretstream_pull(dec, p1.data(), p1.cap(), &len, &tag, c1.data(), c1.cap(), nullptr, 0) == NACRE_OK);
  CHECK(tag == NACRE_SECRETSTREAM_TAG_MESSAGE);
  CHECK(p1.bytes(len) == m1);
  CHECK(nacre_secretstream_decryptor_is_finished(dec) == NACRE_ERR_VERIFICATION_FAILED);  // truncated here
  Guarded p2(m2.size());
  REQUIRE(nacre_secretstream_pull(dec, p2.data(), p2.cap(), &len, &tag, c2.data(), c2.cap(), nullptr, 0) == NACRE_OK);
  CHECK(tag == NACRE_SECRETSTREAM_TAG_FINAL);
  CHECK(nacre_secretstream_decryptor_is_finished(dec) == NACRE_OK);
  Guarded p3(m2.size());
  CHECK(nacre_secretstream_pull(dec, p3.data(), p3.cap(), &len, &tag, c2.data(), c2.cap(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(p3.zeroed());
  nacre_secretstream_decryptor_free(dec);

  // A tampered message poisons the stream.
  REQUIRE(nacre_secretstream_decryptor_new(&dec, header.data(), header.cap(), key.data(), 32) == NACRE_OK);
  Bytes bad = c1.bytes(c1.cap());
  bad[4] ^= 1;
  Guarded q(m1.size());
  CHECK(nacre_secretstream_pull(dec, q.data(), q.cap(), &len, &tag, bad.data(), bad.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(tag == -1);
  CHECK(nacre_secretstream_pull(dec, q.data(), q.cap(), &len, &tag, c1.data(), c1.cap(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(q.zeroed());
  // Too short to hold the overhead is a failure of the stream too.
  nacre_secretstream_decryptor *dec2 = nullptr;
  REQUIRE(nacre_secretstream_decryptor_new(&dec2, header.data(), header.cap(), key.data(), 32) == NACRE_OK);
  CHECK(nacre_secretstream_pull(dec2, q.data(), q.cap(), &len, nullptr, c1.data(), 16, nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_secretstream_pull(dec2, q.data(), q.cap(), &len, nullptr, c1.data(), c1.cap(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  nacre_secretstream_decryptor_free(dec2);
  nacre_secretstream_decryptor_free(dec);
  nacre_secretstream_encryptor_free(enc);
}

TEST_CASE("secretstream bad arguments", "[capi][secretstream][errors]") {
  Bytes key(32, 7), header(NACRE_SECRETSTREAM_HEADER_LEN);
  size_t len = 0;
  nacre_secretstream_encryptor *enc = nullptr;
  CHECK(nacre_secretstream_encryptor_new(nullptr, header.data(), header.size(), &len, key.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_encryptor_new(&enc, header.data(), header.size(), &len, key.data(), 31) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_secretstream_encryptor_new(&enc, header.data(), header.size(), &len, nullptr, 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_encryptor_new(&enc, header.data(), header.size(), nullptr, key.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(enc == nullptr);
  REQUIRE(nacre_secretstream_encryptor_new(&enc, header.data(), header.size(), &len, key.data(), 32) == NACRE_OK);
  Guarded out(40);
  const Bytes m(10, 1);
  CHECK(nacre_secretstream_push(enc, out.data(), out.cap(), &len, m.data(), m.size(), nullptr, 0, 4) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_push(enc, out.data(), out.cap(), &len, m.data(), m.size(), nullptr, 0, -1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_push(enc, out.data(), out.cap(), &len, nullptr, 3, nullptr, 0, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_push(enc, out.data(), out.cap(), &len, m.data(), SIZE_MAX, nullptr, 0, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_push(enc, out.data(), 26, &len, m.data(), m.size(), nullptr, 0, 0) == NACRE_ERR_BUFFER_TOO_SMALL);
  CHECK(len == 27);
  CHECK(out.fences_intact());
  nacre_secretstream_decryptor *dec = nullptr;
  CHECK(nacre_secretstream_decryptor_new(&dec, header.data(), 23, key.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_secretstream_decryptor_new(&dec, header.data(), header.size(), key.data(), 33) == NACRE_ERR_INVALID_KEY);
  CHECK(nacre_secretstream_decryptor_new(nullptr, header.data(), header.size(), key.data(), 32) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(dec == nullptr);
  // Handles of the wrong kind, freed, NULL.
  auto *wrong = reinterpret_cast<nacre_secretstream_decryptor *>(enc);
  int tag = 0;
  CHECK(nacre_secretstream_pull(wrong, out.data(), out.cap(), &len, &tag, m.data(), m.size() + 17, nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
  CHECK(nacre_secretstream_decryptor_is_finished(wrong) == NACRE_ERR_INVALID_HANDLE);
  nacre_secretstream_decryptor_free(wrong);  // ignored
  nacre_secretstream_encryptor_free(enc);
  CHECK(nacre_secretstream_push(enc, out.data(), out.cap(), &len, m.data(), m.size(), nullptr, 0, 0) == NACRE_ERR_INVALID_HANDLE);
  CHECK(out.zeroed());
  CHECK(nacre_secretstream_push(nullptr, out.data(), out.cap(), &len, m.data(), m.size(), nullptr, 0, 0) == NACRE_ERR_INVALID_HANDLE);
  CHECK(nacre_secretstream_decryptor_is_finished(nullptr) == NACRE_ERR_INVALID_HANDLE);
  nacre_secretstream_encryptor_free(nullptr);
  nacre_secretstream_decryptor_free(nullptr);
}
