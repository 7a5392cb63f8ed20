// minisign through the C ABI: keys saved and loaded (with and without a password), signatures
// made in pieces and verified, and the refusals the header documents.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

using nacre::test::Guarded;

namespace {

template <class F>
std::string text_from(F call) {
  size_t need = 0;
  REQUIRE(call(nullptr, 0, &need) == NACRE_ERR_BUFFER_TOO_SMALL);
  Guarded out(need);
  size_t len = 0;
  REQUIRE(call(out.data(), out.cap(), &len) == NACRE_OK);
  CHECK(out.fences_intact());
  const auto b = out.bytes(len);
  return {b.begin(), b.end()};
}

const uint8_t *u8(const std::string &s) { return reinterpret_cast<const uint8_t *>(s.data()); }

}  // namespace

TEST_CASE("minisign C ABI: keys, signatures and refusals", "[capi][minisign]") {
  nacre_minisign_key *key = nullptr;
  REQUIRE(nacre_minisign_key_generate(&key) == NACRE_OK);
  const std::string pub = text_from([&](uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_key_public(key, reinterpret_cast<char *>(o), c, l);
  });
  CHECK(pub.rfind("untrusted comment: minisign public key ", 0) == 0);
  const std::string pw = "pw";
  const std::string file = text_from([&](uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_key_save(key, u8(pw), pw.size(), 524288, 16777216, o, c, l);
  });
  nacre_minisign_key *loaded = nullptr;
  CHECK(nacre_minisign_key_load(&loaded, u8(file), file.size(), nullptr, 0) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_minisign_key_load(&loaded, u8(file), file.size(), u8(std::string("no")), 2) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(loaded == nullptr);
  REQUIRE(nacre_minisign_key_load(&loaded, u8(file), file.size(), u8(pw), pw.size()) == NACRE_OK);

  const std::string data(100000, 'x');
  nacre_minisign_signer *s = nullptr;
  REQUIRE(nacre_minisign_signer_new(&s, loaded) == NACRE_OK);
  nacre_minisign_key_free(loaded);  // the signer keeps what it needs
  REQUIRE(nacre_minisign_signer_update(s, u8(data), 40000) == NACRE_OK);
  REQUIRE(nacre_minisign_signer_update(s, u8(data) + 40000, data.size() - 40000) == NACRE_OK);
  const std::string sig = text_from([&](uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_signer_finish(s, "release 1", 9, nullptr, 0, reinterpret_cast<char *>(o), c, l);
  });
  nacre_minisign_signer_free(s);

  for (const std::string &pk : {pub, pub.substr(pub.find('\n') + 1)}) {  // the file, or -P's line
    nacre_minisign_verifier *v = nullptr;
    REQUIRE(nacre_minisign_verifier_new(&v, pk.data(), pk.size(), sig.data(), sig.size()) == NACRE_OK);
    REQUIRE(nacre_minisign_verifier_update(v, u8(data), data.size()) == NACRE_OK);
    const std::string trusted = text_from([&](uint8_t *o, size_t c, size_t *l) {
      return nacre_minisign_verifier_finish(v, reinterpret_cast<char *>(o), c, l);
    });
    CHECK(trusted == "release 1");
    nacre_minisign_verifier_free(v);
  }
  nacre_minisign_verifier *v = nullptr;
  REQUIRE(nacre_minisign_verifier_new(&v, pub.data(), pub.size(), sig.data(), sig.size()) == NACRE_OK);
  REQUIRE(nacre_minisign_verifier_update(v, u8(data), data.size() - 1) == NACRE_OK);
  Guarded out(64);
  size_t len = 0;
  CHECK(nacre_minisign_verifier_finish(v, reinterpret_cast<char *>(out.data()), out.cap(), &len) ==
        NACRE_ERR_VERIFICATION_FAILED);
  CHECK(out.zeroed());
  nacre_minisign_verifier_free(v);
  nacre_minisign_key_free(key);
}
