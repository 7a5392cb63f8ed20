// nacre::age against the CCTV age test suite (../shared/vectors/cctv-age) and round trips.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>

#include "nacre/age.hpp"
#include "nacre/encoding.hpp"
#include "nacre/hash.hpp"
#include "cctv_age.hpp"

using namespace nacre;


TEST_CASE("age: every CCTV vector this build supports gives its expected result", "[age][cctv]") {
  std::map<std::string, int> passed;
  for (const test::CctvVector &v : test::cctv_vectors()) {
    INFO(v.name);
    const std::string expect = v.field("expect");
    std::vector<age::Identity> ids;
    for (const auto &[key, value] : v.fields) {
      if (key == "identity") ids.push_back(age::Identity::parse(value));
      if (key == "passphrase") ids.push_back(age::Identity::passphrase(value));
    }
    if (ids.empty()) ids.push_back(age::Identity::generate());  // "empty": a file key only
    // CCTV says which files are armored; other files go through format detection.
    age::Decryptor d(ids, v.armored() ? age::Format::armored : age::Format::detect);
    Bytes out;
    std::optional<age::Failure> failure;
    std::string message;
    try {
      d.write(v.file, out);
      d.finish(out);
    } catch (const age::Error &e) {
      failure = e.failure();
      message = e.what();
    }
    INFO("failure: " << message);
    if (expect == "success") {
      CHECK(!failure);
    } else {
      const int expected = test::cctv_expected_failure(expect);
      REQUIRE(expected > 0);
      CHECK((failure && static_cast<int>(*failure) == expected));
    }
    // For success, and for payload failures (what was released before the failure).
    const std::string payload = v.field("payload");
    if (!payload.empty() && (!failure || *failure == age::Failure::payload)) {
      CHECK(to_hex(hash(HashAlg::sha256, out)) == payload);
    }
    if (failure && *failure != age::Failure::payload) CHECK(out.empty());
    ++passed[expect];
  }
  for (const auto &[expect, n] : passed) std::cout << "cctv-age: " << expect << ": " << n << " run\n";
}

TEST_CASE("age: files round-trip at every chunk boundary, fed in any piece size", "[age]") {
  const age::Identity alice = age::Identity::generate();
  const age::Identity bob = age::Identity::generate();
  const std::vector<age::Recipient> to = {alice.recipient(), bob.recipient()};
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, age::kChunkSize - 1, age::kChunkSize,
                        age::kChunkSize + 1, 2 * age::kChunkSize, 2 * age::kChunkSize + 7}) {
    INFO("size " << n);
    Bytes pt(n);
    for (std::size_t i = 0; i < n; ++i) pt[i] = static_cast<std::uint8_t>(i * 7 + 3);
    const Bytes file = age::encrypt(pt, to);
    const Bytes armored = age::encrypt(pt, to, true);
    CHECK(age::decrypt(armored, std::vector<age::Identity>{bob}) == pt);
    CHECK(age::decrypt(armored, std::vector<age::Identity>{bob}, age::Format::armored) == pt);
    CHECK_THROWS_AS(age::decrypt(armored, std::vector<age::Identity>{bob}, age::Format::binary), age::Error);
    // Header, nonce, and ceil(n / 64 KiB) chunks (one for an empty file), each with a tag.
    const std::size_t chunks = n == 0 ? 1 : (n + age::kChunkSize - 1) / age::kChunkSize;
    CHECK(file.size() > n + age::kNonceSize + chunks * age::kChunkOverhead);
    CHECK(age::decrypt(file, std::vector<age::Identity>{bob}) == pt);
    CHECK(age::decrypt(file, std::vector<age::Identity>{alice}) == pt);
    for (std::size_t piece : {std::size_t{1}, std::size_t{1000}, std::size_t{65553}}) {
      if (piece == 1 && n > age::kChunkSize + 1) continue;  // byte by byte: small files only
      age::Decryptor d(std::vector<age::Identity>{alice});
      Bytes out;
      for (std::size_t at = 0; at < file.size(); at += piece) {
        d.write(ByteView(file).subspan(at, std::min(piece, file.size() - at)), out);
      }
      d.finish(out);
      CHECK(out == pt);
    }
    const std::vector<age::Identity> stranger = {age::Identity::generate()};
    CHECK_THROWS_MATCHES(age::decrypt(file, stranger), age::Error,
                         Catch::Predicate<age::Error>([](const age::Error &e) {
                           return e.failure() == age::Failure::no_identity;
                         }));
  }
}

TEST_CASE("age: a passphrase file opens with its passphrase only, and stands alone", "[age]") {
  const std::vector<age::Recipient> to = {age::Recipient::passphrase("correct horse", 10)};
  const Bytes file = age::encrypt(as_bytes_view("secret text"), to);
  CHECK(age::decrypt(file, std::vector<age::Identity>{age::Identity::passphrase("correct horse")}) ==
        Bytes{'s', 'e', 'c', 'r', 'e', 't', ' ', 't', 'e', 'x', 't'});
  CHECK_THROWS_AS(age::decrypt(file, std::vector<age::Identity>{age::Identity::passphrase("wrong")}),
                  age::Error);
  // A lower work-factor limit than the file's: refused before any scrypt work.
  CHECK_THROWS_AS(age::decrypt(file, std::vector<age::Identity>{age::Identity::passphrase("correct horse", 9)}),
                  age::Error);
  const std::vector<age::Recipient> mixed = {age::Recipient::passphrase("x", 10),
                                             age::Identity::generate().recipient()};
  CHECK_THROWS_AS(age::Encryptor(mixed), nacre::Error);
}

TEST_CASE("age: keys in text form follow the specification's example", "[age]") {
  // c2sp.org/age, "The X25519 recipient type": this identity and its recipient.
  const age::Identity id = age::Identity::parse(
      "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  CHECK(id.recipient().to_string() == "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj");
  const SecretBytes text = id.to_string();
  CHECK(std::string(text.view().begin(), text.view().end()) ==
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  CHECK_THROWS_AS(age::Recipient::parse("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwq"),
                  nacre::Error);
  CHECK_THROWS_AS(age::Identity::parse("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"),
                  nacre::Error);
}

TEST_CASE("age: a stream refuses use after it finished or failed", "[age]") {
  const age::Identity id = age::Identity::generate();
  age::Encryptor e(std::vector<age::Recipient>{id.recipient()});
  Bytes out;
  e.finish(out);
  CHECK_THROWS_AS(e.write(as_bytes_view("x"), out), nacre::Error);
  age::Decryptor d(std::vector<age::Identity>{id});
  Bytes plain;
  CHECK_THROWS_AS(d.write(as_bytes_view("not an age file\n--- x\n"), plain), age::Error);
  CHECK_THROWS_AS(d.write(out, plain), nacre::Error);
}

TEST_CASE("age: hybrid post-quantum identities round-trip through text and files", "[age]") {
  const age::Identity pq = age::Identity::generate(true);
  const SecretBytes text = pq.to_string();
  const std::string id_text(text.view().begin(), text.view().end());
  CHECK(id_text.rfind("AGE-SECRET-KEY-PQ-1", 0) == 0);
  const age::Recipient r = pq.recipient();
  CHECK(r.is_post_quantum());
  CHECK(r.to_string().rfind("age1pq1", 0) == 0);
  const age::Recipient again = age::Recipient::parse(r.to_string());
  const Bytes pt(100000, 0x5a);
  const Bytes file = age::encrypt(pt, std::vector<age::Recipient>{again});
  CHECK(age::decrypt(file, std::vector<age::Identity>{age::Identity::parse(id_text)}) == pt);
  // An X25519 identity does not open a hybrid stanza, and the reverse.
  const age::Identity classic = age::Identity::generate();
  CHECK_THROWS_AS(age::decrypt(file, std::vector<age::Identity>{classic}), age::Error);
  const Bytes classic_file = age::encrypt(pt, std::vector<age::Recipient>{classic.recipient()});
  CHECK_THROWS_AS(age::decrypt(classic_file, std::vector<age::Identity>{pq}), age::Error);
}
