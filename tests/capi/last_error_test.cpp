// nacre_last_error_message: what a failure says, per thread, and what success leaves alone.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "nacre.h"

namespace {

std::string last() { return nacre_last_error_message(); }

nacre_aead_key *aes256_key() {
  std::vector<uint8_t> k(32, 7);
  nacre_aead_key *key = nullptr;
  REQUIRE(nacre_aead_key_new(&key, NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_AUTOMATIC, k.data(), k.size()) ==
          NACRE_OK);
  return key;
}

}  // namespace

TEST_CASE("a failed call says which argument was wrong", "[capi][error]") {
  nacre_aead_key *key = aes256_key();
  std::vector<uint8_t> out(64), nonce(11), in(16);
  size_t len = 0;
  CHECK(nacre_aead_seal(key, out.data(), out.size(), &len, nonce.data(), nonce.size(), in.data(),
                        in.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(last() == "nonce: expected 12 bytes, got 11");

  std::vector<uint8_t> short_key(31);
  nacre_aead_key *k2 = nullptr;
  CHECK(nacre_aead_key_new(&k2, NACRE_AEAD_AES_256_GCM, NACRE_BACKEND_AUTOMATIC, short_key.data(),
                           short_key.size()) == NACRE_ERR_INVALID_KEY);
  CHECK(last() == "key: expected 32 bytes, got 31");
  CHECK(k2 == nullptr);

  CHECK(nacre_aead_key_new(&k2, 99, NACRE_BACKEND_AUTOMATIC, short_key.data(), short_key.size()) ==
        NACRE_ERR_UNSUPPORTED);
  CHECK(last() == "unknown AEAD algorithm 99");

  CHECK(nacre_hash_ctx_update(nullptr, in.data(), in.size()) == NACRE_ERR_INVALID_HANDLE);
  CHECK(last() == "invalid or freed handle");

  // A failed open says so, and names no byte of what it read.
  nonce.resize(12);
  CHECK(nacre_aead_open(key, out.data(), out.size(), &len, nonce.data(), nonce.size(), in.data(),
                        in.size(), nullptr, 0) == NACRE_ERR_VERIFICATION_FAILED);
  const std::string failed_open = last();
  CHECK(!failed_open.empty());
  CHECK(failed_open.size() < 256);

  std::vector<uint8_t> tag(32);
  CHECK(nacre_hmac_verify(NACRE_HASH_SHA256, NACRE_BACKEND_AUTOMATIC, tag.data(), tag.size(), tag.data(), 16,
                          in.data(), in.size()) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(last() == "the HMAC tag does not match");
  nacre_aead_key_free(key);
}

TEST_CASE("a successful call leaves the last message alone", "[capi][error]") {
  CHECK(nacre_secret_memory_stats(nullptr, sizeof(nacre_memory_stats)) == NACRE_ERR_INVALID_ARGUMENT);
  const std::string before = last();
  CHECK(before == "out is NULL");
  uint8_t digest[32];
  size_t len = 0;
  CHECK(nacre_hash(NACRE_HASH_SHA256, NACRE_BACKEND_AUTOMATIC, digest, sizeof digest, &len, nullptr, 0) ==
        NACRE_OK);
  CHECK(last() == before);
}

TEST_CASE("each thread has its own last message", "[capi][error]") {
  CHECK(nacre_hash_ctx_update(nullptr, nullptr, 0) == NACRE_ERR_INVALID_HANDLE);
  std::string in_thread, fresh_thread;
  std::thread t([&] {
    fresh_thread = last();  // nothing has failed on this thread yet
    uint8_t b[4];
    CHECK(nacre_blake2b(b, sizeof b, nullptr, 0, nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
    in_thread = last();
  });
  t.join();
  CHECK(fresh_thread.empty());
  CHECK(!in_thread.empty());
  CHECK(in_thread != "invalid or freed handle");
  CHECK(last() == "invalid or freed handle");
}
