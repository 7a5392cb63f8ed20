#include <catch2/catch.hpp>

#include <algorithm>

#include "nacre/random.hpp"
#include "nacre/secretstream.hpp"

using namespace nacre;

namespace {

struct Stream {
  Bytes header = Bytes(kSecretStreamHeaderSize);
  std::vector<Bytes> messages;
};

Stream encrypt(const Bytes &key, const std::vector<Bytes> &plain, const std::vector<StreamTag> &tags) {
  Stream s;
  SecretStreamPush push(key, s.header);
  for (std::size_t i = 0; i < plain.size(); ++i) s.messages.push_back(push.push(plain[i], {}, tags[i]));
  return s;
}

Status pull_status(SecretStreamPull &pull, const Bytes &ct, StreamTag &tag) {
  try {
    pull.pull(ct, {}, tag);
  } catch (const Error &e) {
    return e.status();
  }
  return Status::ok;
}

}  // namespace

TEST_CASE("secretstream round trip with every tag", "[secretstream]") {
  const Bytes key = random_bytes(32);
  const std::vector<Bytes> plain = {random_bytes(100), {}, random_bytes(1), random_bytes(5000), random_bytes(7)};
  const std::vector<StreamTag> tags = {StreamTag::message, StreamTag::push, StreamTag::rekey,
                                       StreamTag::message, StreamTag::final};
  const Stream s = encrypt(key, plain, tags);
  SecretStreamPull pull(key, s.header);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK_FALSE(pull.finished());
    StreamTag tag{};
    CHECK(pull.pull(s.messages[i], {}, tag) == plain[i]);
    CHECK(tag == tags[i]);
    CHECK(s.messages[i].size() == plain[i].size() + kSecretStreamOverhead);
  }
  CHECK(pull.finished());
}

TEST_CASE("secretstream detects truncation, reordering, tampering and appended data", "[secretstream]") {
  const Bytes key = random_bytes(32);
  const std::vector<Bytes> plain = {random_bytes(10), random_bytes(20), random_bytes(30)};
  const Stream s = encrypt(key, plain, {StreamTag::message, StreamTag::message, StreamTag::final});
  StreamTag tag{};

  SECTION("a stream cut before its final message is not finished") {
    SecretStreamPull pull(key, s.header);
    pull.pull(s.messages[0], {}, tag);
    pull.pull(s.messages[1], {}, tag);
    CHECK_FALSE(pull.finished());
  }
  SECTION("reordered or dropped messages fail and poison the stream") {
    SecretStreamPull pull(key, s.header);
    CHECK(pull_status(pull, s.messages[1], tag) == Status::verification_failed);
    CHECK(pull_status(pull, s.messages[0], tag) == Status::verification_failed);  // poisoned
  }
  SECTION("a flipped bit anywhere fails and zeroes the output") {
    for (std::size_t bit = 0; bit < s.messages[0].size() * 8; bit += 5) {
      SecretStreamPull pull(key, s.header);
      Bytes bad = s.messages[0];
      bad[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
      Bytes out(bad.size() - kSecretStreamOverhead, 0xEE);
      CHECK_THROWS_AS(pull.pull(out, bad, {}), Error);
      CHECK(std::all_of(out.begin(), out.end(), [](auto b) { return b == 0; }));
    }
  }
  SECTION("anything after the final message is rejected") {
    SecretStreamPull pull(key, s.header);
    for (const auto &m : s.messages) pull.pull(m, {}, tag);
    CHECK(pull.finished());
    CHECK(pull_status(pull, s.messages[2], tag) == Status::verification_failed);
  }
  SECTION("a wrong key or header fails") {
    SecretStreamPull wrong_key(random_bytes(32), s.header);
    CHECK(pull_status(wrong_key, s.messages[0], tag) == Status::verification_failed);
    Bytes header = s.header;
    header[3] ^= 1;
    SecretStreamPull wrong_header(key, header);
    CHECK(pull_status(wrong_header, s.messages[0], tag) == Status::verification_failed);
  }
  SECTION("associated data is authenticated") {
    Bytes h(kSecretStreamHeaderSize);
    SecretStreamPush push(key, h);
    const Bytes ct = push.push(plain[0], Bytes{1, 2, 3}, StreamTag::final);
    SecretStreamPull pull(key, h);
    Bytes out(plain[0].size());
    CHECK_THROWS_AS(pull.pull(out, ct, Bytes{1, 2, 4}), Error);
  }
}

TEST_CASE("secretstream argument errors", "[secretstream][errors]") {
  Bytes header(kSecretStreamHeaderSize);
  CHECK_THROWS_AS(SecretStreamPush(Bytes(31), header), Error);
  CHECK_THROWS_AS(SecretStreamPush(Bytes(32), MutableByteView(header).first(23)), Error);
  CHECK_THROWS_AS(SecretStreamPull(Bytes(33), header), Error);
  CHECK_THROWS_AS(SecretStreamPull(Bytes(32), Bytes(25)), Error);
  SecretStreamPush push(random_bytes(32), header);
  push.push(Bytes{1}, {}, StreamTag::final);
  CHECK(push.finished());
  CHECK_THROWS_AS(push.push(Bytes{2}), Error);  // closed after final
  SecretStreamPush p2(random_bytes(32), header);
  CHECK_THROWS_AS(p2.push(Bytes{1}, {}, static_cast<StreamTag>(4)), Error);
  Bytes small(5);
  CHECK_THROWS_AS(p2.push(small, Bytes(10), {}, StreamTag::message), Error);
  SecretStreamPull pull(random_bytes(32), header);
  StreamTag tag{};
  CHECK(pull_status(pull, Bytes(16), tag) == Status::verification_failed);  // shorter than overhead
}
