// Secret boxes, box shared keys and the Ed25519-to-X25519 conversion through libnacre.so, against
// NaCl's and libsodium's published vectors (tests/vectors/nacl_box.txt).
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"
#include "vectors.hpp"

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

namespace {

nacre_key *import_key(int type, const Bytes &raw) {
  nacre_key *k = nullptr;
  REQUIRE(nacre_key_import(&k, type, NACRE_KEY_FORMAT_RAW_PRIVATE, raw.data(), raw.size()) == NACRE_OK);
  return k;
}

Bytes raw(const nacre_key *k, int format) {
  Guarded out(32);
  size_t len = 0;
  REQUIRE(nacre_key_export(k, format, out.data(), out.cap(), &len) == NACRE_OK);
  CHECK(out.fences_intact());
  return out.bytes(len);
}

}  // namespace

TEST_CASE("secret boxes and box shared keys: NaCl's vector through the C ABI", "[capi][secretbox][kat]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("nacl_box.txt")) {
    if (v.fields.count("BOX") == 0) continue;
    INFO("nacl_box.txt line " << v.line);
    const Bytes msg = v.bytes("MSG"), nonce = v.bytes("NONCE"), want = v.bytes("BOX");
    nacre_key *alice = import_key(NACRE_KEY_X25519, v.bytes("ALICE_PRIVATE"));
    nacre_key *bob = import_key(NACRE_KEY_X25519, v.bytes("BOB_PRIVATE"));
    Guarded shared(32);
    size_t len = 0;
    REQUIRE(nacre_box_shared_key(alice, bob, shared.data(), shared.cap(), &len) == NACRE_OK);
    CHECK(shared.bytes(len) == v.bytes("SHARED_KEY"));

    nacre_secretbox_key *key = nullptr;
    REQUIRE(nacre_secretbox_key_new(&key, shared.data(), len) == NACRE_OK);
    Guarded boxed(msg.size() + NACRE_SECRETBOX_OVERHEAD), opened(msg.size());
    REQUIRE(nacre_secretbox(key, boxed.data(), boxed.cap(), &len, nonce.data(), nonce.size(), msg.data(),
                            msg.size()) == NACRE_OK);
    CHECK(boxed.bytes(len) == want);
    REQUIRE(nacre_secretbox_open(key, opened.data(), opened.cap(), &len, nonce.data(), nonce.size(), want.data(),
                                 want.size()) == NACRE_OK);
    CHECK(opened.bytes(len) == msg);
    CHECK(boxed.fences_intact());
    CHECK(opened.fences_intact());

    // A flipped tag bit opens nothing and leaves the output zeroed.
    Bytes bad = want;
    bad[5] ^= 0x20;
    CHECK(nacre_secretbox_open(key, opened.data(), opened.cap(), &len, nonce.data(), nonce.size(), bad.data(),
                               bad.size()) == NACRE_ERR_VERIFICATION_FAILED);
    CHECK(opened.zeroed());
    // Size query: out NULL reports the size needed.
    CHECK(nacre_secretbox(key, nullptr, 0, &len, nonce.data(), nonce.size(), msg.data(), msg.size()) ==
          NACRE_ERR_BUFFER_TOO_SMALL);
    CHECK(len == msg.size() + NACRE_SECRETBOX_OVERHEAD);
    nacre_secretbox_key_free(key);
    nacre_key_free(alice);
    nacre_key_free(bob);
    ++checked;
  }
  CHECK(checked == 1);
}

TEST_CASE("Ed25519 keys convert to X25519 through the C ABI (libsodium's vector)", "[capi][keys][kat]") {
  int checked = 0;
  for (const auto &v : nacre::test::read_vectors("nacl_box.txt")) {
    if (v.fields.count("ED25519_SEED") == 0) continue;
    nacre_key *ed = import_key(NACRE_KEY_ED25519, v.bytes("ED25519_SEED"));
    nacre_key *ed_pub = nullptr, *x = nullptr, *x_pub = nullptr;
    REQUIRE(nacre_key_public(ed, &ed_pub) == NACRE_OK);
    REQUIRE(nacre_key_to_x25519(ed, &x) == NACRE_OK);
    REQUIRE(nacre_key_to_x25519(ed_pub, &x_pub) == NACRE_OK);
    int type = 0, has_private = -1;
    REQUIRE(nacre_key_info(x, &type, &has_private, nullptr) == NACRE_OK);
    CHECK(type == NACRE_KEY_X25519);
    CHECK(has_private == 1);
    REQUIRE(nacre_key_info(x_pub, &type, &has_private, nullptr) == NACRE_OK);
    CHECK(has_private == 0);
    CHECK(raw(x, NACRE_KEY_FORMAT_RAW_PRIVATE) == v.bytes("X25519_PRIVATE"));
    CHECK(raw(x, NACRE_KEY_FORMAT_RAW_PUBLIC) == v.bytes("X25519_PUBLIC"));
    CHECK(raw(x_pub, NACRE_KEY_FORMAT_RAW_PUBLIC) == v.bytes("X25519_PUBLIC"));
    nacre_key *again = nullptr;
    CHECK(nacre_key_to_x25519(x, &again) == NACRE_ERR_INVALID_KEY);
    CHECK(again == nullptr);
    for (nacre_key *k : {ed, ed_pub, x, x_pub}) nacre_key_free(k);
    ++checked;
  }
  CHECK(checked == 1);
}
