// nacre::minisign: key and signature files round-trip, and every malformed or altered input is
// refused with its status. Interoperability with Debian's minisign is in tests/cli.
#include <catch2/catch.hpp>

#include <string>

#include "nacre/minisign.hpp"

using namespace nacre;

namespace {

ByteView bytes_of(const std::string &s) { return as_bytes_view(s); }

std::string signed_by(const minisign::SecretKey &key, const std::string &data, const std::string &comment) {
  minisign::Signer s(key);
  s.update(bytes_of(data.substr(0, 3)));
  s.update(bytes_of(data.substr(3)));
  return s.finish(comment);
}

std::string verified(const minisign::PublicKey &pk, const std::string &sig, const std::string &data) {
  minisign::Verifier v(pk, sig);
  v.update(bytes_of(data));
  return v.finish();
}

Status status_of(const auto &f) {
  try {
    f();
  } catch (const Error &e) {
    return e.status();
  }
  return Status::ok;
}

}  // namespace

TEST_CASE("minisign: the documentation's example public key", "[minisign]") {
  // minisign's own documentation: "minisign -Vm myfile.txt -P RWQf6LRCGA9i53ml..." for the key
  // it lists as E7620F1842B4E81F.
  const auto pk = minisign::PublicKey::parse("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3");
  CHECK(pk.key_id_hex() == "E7620F1842B4E81F");
  CHECK(pk.to_base64() == "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3");
  CHECK(minisign::PublicKey::parse(pk.to_file()).key_id() == pk.key_id());
}

TEST_CASE("minisign: keys and signatures round-trip", "[minisign]") {
  const auto key = minisign::SecretKey::generate();
  const auto pk = key.public_key();
  const std::string data = "the file's contents";
  const std::string sig = signed_by(key, data, "release 1");
  CHECK(verified(pk, sig, data) == "release 1");
  // Signer and Verifier keep their own keys: temporaries are safe (ASan checks this).
  const SecretBytes key_file = key.to_file(std::nullopt);
  minisign::Signer from_temporary(
      minisign::SecretKey::parse(std::string(key_file.view().begin(), key_file.view().end()), std::nullopt));
  from_temporary.update(bytes_of(data));
  minisign::Verifier check(minisign::PublicKey::parse(pk.to_file()), from_temporary.finish("tmp"));
  check.update(bytes_of(data));
  CHECK(check.finish() == "tmp");
  CHECK(sig.rfind("untrusted comment: signature from minisign secret key\n", 0) == 0);

  const SecretBytes plain = key.to_file(std::nullopt);
  const std::string plain_text(plain.view().begin(), plain.view().end());
  CHECK_FALSE(minisign::SecretKey::is_encrypted(plain_text));
  const auto again = minisign::SecretKey::parse(plain_text, std::nullopt);
  CHECK(again.key_id() == key.key_id());
  CHECK(verified(pk, signed_by(again, data, "x"), data) == "x");

  const std::string password = "pw";
  // libsodium's interactive scrypt cost keeps the test fast; minisign reads the cost from the file.
  const SecretBytes enc = key.to_file(bytes_of(password), "minisign encrypted secret key", {524288, 16777216});
  const std::string enc_text(enc.view().begin(), enc.view().end());
  CHECK(minisign::SecretKey::is_encrypted(enc_text));
  CHECK(minisign::SecretKey::parse(enc_text, bytes_of(password)).key_id() == key.key_id());
  CHECK(status_of([&] { minisign::SecretKey::parse(enc_text, bytes_of(std::string("wrong"))); }) ==
        Status::verification_failed);
  CHECK(status_of([&] { minisign::SecretKey::parse(enc_text, std::nullopt); }) == Status::invalid_argument);
}

TEST_CASE("minisign: altered files, comments and keys are refused", "[minisign]") {
  const auto key = minisign::SecretKey::generate();
  const auto other = minisign::SecretKey::generate();
  const std::string data = "data";
  const std::string sig = signed_by(key, data, "good");
  CHECK(status_of([&] { verified(key.public_key(), sig, data + "!"); }) == Status::verification_failed);
  CHECK(status_of([&] { verified(other.public_key(), sig, data); }) == Status::verification_failed);
  std::string evil = sig;
  evil.replace(evil.find("good"), 4, "evil");
  CHECK(status_of([&] { verified(key.public_key(), evil, data); }) == Status::verification_failed);
  for (const std::string &bad : {std::string(), std::string("x\ny\nz\nw\n"), sig.substr(0, sig.find('\n') + 1)}) {
    CHECK(status_of([&] { verified(key.public_key(), bad, data); }) == Status::invalid_argument);
  }
  CHECK(status_of([&] { signed_by(key, data, "two\nlines"); }) == Status::invalid_argument);
  CHECK(status_of([&] { minisign::PublicKey::parse("RWQ"); }) == Status::invalid_key);
  CHECK(status_of([&] { minisign::SecretKey::parse("untrusted comment: x\nAAAA\n", std::nullopt); }) ==
        Status::invalid_key);
}
