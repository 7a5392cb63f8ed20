// Public-key encryption: sealed boxes, crypto_box, RSA-OAEP, KEMs and HPKE.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "errors.hpp"
#include "nacre/box.hpp"
#include "nacre/hpke.hpp"
#include "nacre/kem.hpp"
#include "nacre/random.hpp"
#include "nacre/rsa_oaep.hpp"
#include "vectors.hpp"

using namespace nacre;
using test::status_of;

namespace {

bool all_zero(ByteView b) { return std::all_of(b.begin(), b.end(), [](auto x) { return x == 0; }); }
Bytes bytes_of(const SecretBytes &s) { return Bytes(s.view().begin(), s.view().end()); }

const HpkeSuite kSuites[] = {HpkeSuite::x25519_sha256_aes128gcm, HpkeSuite::x25519_sha256_aes256gcm,
                             HpkeSuite::x25519_sha256_chacha20poly1305};

}  // namespace

TEST_CASE("sealed boxes: round trip, tamper, wrong key", "[box]") {
  const Key r = Key::generate(KeyType::x25519);
  const Bytes msg = {'s', 'e', 'a', 'l', 'e', 'd'};
  const Bytes ct = box_seal(r.public_key(), msg);
  CHECK(ct.size() == msg.size() + box_seal_overhead);
  CHECK(box_seal_open(r, ct) == msg);
  CHECK(box_seal(r.public_key(), msg) != ct);  // fresh ephemeral key each time
  Bytes bad = ct;
  bad.back() ^= 1;
  Bytes out(msg.size(), 0xaa);
  CHECK(status_of([&] { box_seal_open_into(out, r, bad); }) == Status::verification_failed);
  CHECK(all_zero(out));
  CHECK(status_of([&] { box_seal_open(Key::generate(KeyType::x25519), ct); }) == Status::verification_failed);
  CHECK(status_of([&] { box_seal_open(r.public_key(), ct); }) == Status::invalid_argument);
  CHECK(status_of([&] { box_seal_open(r, ByteView(ct).first(47)); }) == Status::verification_failed);
  CHECK(status_of([&] { box_seal(Key::generate(KeyType::ed25519), msg); }) == Status::invalid_key);
}

TEST_CASE("crypto_box: round trip both directions, tamper, nonce size", "[box]") {
  const Key alice = Key::generate(KeyType::x25519);
  const Key bob = Key::generate(KeyType::x25519);
  const Bytes nonce = random_bytes(box_nonce_size);
  const Bytes msg(100, 7);
  Bytes ct(msg.size() + box_overhead);
  box_into(ct, alice, bob.public_key(), nonce, msg);
  Bytes pt(msg.size());
  box_open_into(pt, bob, alice.public_key(), nonce, ct);
  CHECK(pt == msg);
  ct[3] ^= 4;
  CHECK(status_of([&] { box_open_into(pt, bob, alice.public_key(), nonce, ct); }) == Status::verification_failed);
  CHECK(all_zero(pt));
  CHECK(status_of([&] { box_into(ct, alice, bob, ByteView(nonce).first(23), msg); }) == Status::invalid_argument);
  CHECK(status_of([&] { box_into(MutableByteView(ct).first(10), alice, bob, nonce, msg); }) ==
        Status::invalid_argument);
}

Key x25519_private(ByteView raw) { return Key::import(KeyFormat::raw_private, raw, KeyType::x25519); }

TEST_CASE("boxes and secret boxes: NaCl's vectors, Ed25519 conversion", "[box][secretbox]") {
  int boxes = 0, conversions = 0;
  for (const auto &v : test::read_vectors("nacl_box.txt")) {
    INFO("vector at line " << v.line);
    if (v.fields.count("BOX") != 0) {
      const Key alice = x25519_private(v.bytes("ALICE_PRIVATE"));
      const Key bob = x25519_private(v.bytes("BOB_PRIVATE"));
      CHECK(alice.export_public(KeyFormat::raw_public) == v.bytes("ALICE_PUBLIC"));
      CHECK(bytes_of(box_shared_key(alice, bob.public_key())) == v.bytes("SHARED_KEY"));
      CHECK(bytes_of(box_shared_key(bob, alice.public_key())) == v.bytes("SHARED_KEY"));
      Bytes boxed(v.bytes("MSG").size() + box_overhead), opened(v.bytes("MSG").size());
      box_into(boxed, alice, bob.public_key(), v.bytes("NONCE"), v.bytes("MSG"));
      CHECK(boxed == v.bytes("BOX"));
      box_open_into(opened, bob, alice.public_key(), v.bytes("NONCE"), v.bytes("BOX"));
      CHECK(opened == v.bytes("MSG"));
      const SecretBoxKey sk(v.bytes("SHARED_KEY"));
      CHECK(sk.seal(v.bytes("NONCE"), v.bytes("MSG")) == v.bytes("BOX"));
      CHECK(sk.open(v.bytes("NONCE"), v.bytes("BOX")) == v.bytes("MSG"));
      ++boxes;
    } else {
      const Key ed = Key::import(KeyFormat::raw_private, v.bytes("ED25519_SEED"), KeyType::ed25519);
      const Key x = ed.to_x25519();
      CHECK(x.type() == KeyType::x25519);
      CHECK(bytes_of(x.export_private(KeyFormat::raw_private)) == v.bytes("X25519_PRIVATE"));
      CHECK(x.export_public(KeyFormat::raw_public) == v.bytes("X25519_PUBLIC"));
      const Key xp = ed.public_key().to_x25519();
      CHECK_FALSE(xp.has_private());
      CHECK(xp.export_public(KeyFormat::raw_public) == v.bytes("X25519_PUBLIC"));
      ++conversions;
    }
  }
  CHECK(boxes == 1);
  CHECK(conversions == 1);
}

TEST_CASE("secret boxes: round trip, tamper, sizes, overlap", "[secretbox]") {
  const Bytes key = random_bytes(secretbox_key_size);
  const SecretBoxKey k(key);
  const Bytes nonce = random_bytes(secretbox_nonce_size);
  const Bytes msg(100, 9);
  const Bytes boxed = k.seal(nonce, msg);
  CHECK(boxed.size() == msg.size() + secretbox_overhead);
  CHECK(k.open(nonce, boxed) == msg);
  CHECK(k.open(nonce, k.seal(nonce, {})).empty());
  Bytes bad = boxed;
  bad[0] ^= 1;  // the tag comes first
  Bytes out(msg.size(), 0xaa);
  CHECK(status_of([&] { k.open_into(out, nonce, bad); }) == Status::verification_failed);
  CHECK(all_zero(out));
  CHECK(status_of([&] { SecretBoxKey(random_bytes(32)).open(nonce, boxed); }) == Status::verification_failed);
  CHECK(status_of([&] { k.open(nonce, ByteView(boxed).first(15)); }) == Status::verification_failed);
  CHECK(status_of([&] { SecretBoxKey(ByteView(key).first(31)); }) == Status::invalid_key);
  CHECK(status_of([&] { k.seal(ByteView(nonce).first(23), msg); }) == Status::invalid_argument);
  Bytes inplace(msg.size() + secretbox_overhead);
  CHECK(status_of([&] { k.seal_into(inplace, nonce, ByteView(inplace).first(msg.size())); }) ==
        Status::invalid_argument);
  CHECK(status_of([&] { k.seal_into(MutableByteView(inplace).first(10), nonce, msg); }) ==
        Status::invalid_argument);
}

TEST_CASE("box shared keys and Ed25519 conversion: wrong keys", "[box]") {
  const Key x = Key::generate(KeyType::x25519);
  const Key ed = Key::generate(KeyType::ed25519);
  CHECK(status_of([&] { box_shared_key(x.public_key(), x); }) == Status::invalid_argument);
  CHECK(status_of([&] { box_shared_key(x, ed.public_key()); }) == Status::invalid_key);
  const Key zero = Key::import(KeyFormat::raw_public, Bytes(32, 0), KeyType::x25519);
  CHECK(status_of([&] { box_shared_key(x, zero); }) == Status::invalid_key);
  CHECK(status_of([&] { x.to_x25519(); }) == Status::invalid_key);
  CHECK(ed.to_x25519().public_key() == ed.public_key().to_x25519());
  // An Ed25519 public key of small order (here the identity) is refused on import, so no
  // conversion ever sees one.
  Bytes identity(32, 0);
  identity[0] = 1;
  CHECK(status_of([&] { Key::import(KeyFormat::raw_public, identity, KeyType::ed25519); }) ==
        Status::invalid_key);
}

TEST_CASE("RSA-OAEP: round trip with labels, tamper, sizes", "[rsa][oaep]") {
  const Key k = Key::generate(KeyType::rsa, 2048);
  const Bytes label = {'l'};
  const Bytes msg(rsa_oaep_max_message(k), 3);
  CHECK(msg.size() == 256 - 66);
  const Bytes ct = rsa_oaep_encrypt(k.public_key(), msg, label);
  CHECK(rsa_oaep_decrypt(k, ct, label) == msg);
  CHECK(status_of([&] { rsa_oaep_decrypt(k, ct, {}); }) == Status::verification_failed);
  Bytes bad = ct;
  bad[10] ^= 1;
  CHECK(status_of([&] { rsa_oaep_decrypt(k, bad, label); }) == Status::verification_failed);
  CHECK(status_of([&] { rsa_oaep_encrypt(k, Bytes(msg.size() + 1), label); }) == Status::invalid_argument);
  CHECK(status_of([&] { rsa_oaep_decrypt(k.public_key(), ct, label); }) == Status::invalid_argument);
  CHECK(status_of([&] { rsa_oaep_encrypt(Key::generate(KeyType::p256), msg, label); }) == Status::invalid_key);
}

TEST_CASE("KEMs: encapsulate/decapsulate, implicit rejection, sizes", "[kem]") {
  for (KeyType t : {KeyType::mlkem768, KeyType::xwing}) {
    INFO(key_type_name(t));
    const Key k = Key::generate(t);
    const Encapsulation e = encapsulate(k.public_key());
    CHECK(e.ciphertext.size() == kem_ciphertext_size(t));
    CHECK(decapsulate(k, e.ciphertext) == e.shared_secret);
    Bytes wrong = e.ciphertext;
    wrong[5] ^= 1;  // inside the ML-KEM part: implicit rejection
    const SecretBytes other = decapsulate(k, wrong);
    CHECK_FALSE(other == e.shared_secret);
    CHECK(other.size() == 32);
    CHECK(status_of([&] { decapsulate(k, ByteView(e.ciphertext).first(100)); }) == Status::invalid_argument);
    CHECK(status_of([&] { decapsulate(k.public_key(), e.ciphertext); }) == Status::invalid_argument);
    // A key built from the same seed decapsulates the same.
    const Key again = Key::import(KeyFormat::raw_private, k.export_private(KeyFormat::raw_private).view(), t);
    CHECK(decapsulate(again, e.ciphertext) == e.shared_secret);
  }
  CHECK(status_of([] { encapsulate(Key::generate(KeyType::x25519)); }) == Status::invalid_key);
}

TEST_CASE("X-Wing specification vectors", "[kem][xwing][kat]") {
  int checked = 0;
  for (const auto &v : test::read_vectors("xwing.txt")) {
    const Key k = Key::import(KeyFormat::raw_private, v.bytes("SEED"), KeyType::xwing);
    CHECK(k.export_public(KeyFormat::raw_public) == v.bytes("PK"));
    const Encapsulation e = encapsulate_for_testing(k.public_key(), v.bytes("ESEED"));
    CHECK(e.ciphertext == v.bytes("CT"));
    CHECK(bytes_of(e.shared_secret) == v.bytes("SS"));
    CHECK(bytes_of(decapsulate(k, v.bytes("CT"))) == v.bytes("SS"));
    ++checked;
  }
  CHECK(checked >= 1);
}

TEST_CASE("HPKE single shot and contexts round-trip in every suite", "[hpke]") {
  const Key r = Key::generate(KeyType::x25519);
  const Bytes info = {'i'}, aad = {'a'}, msg(77, 9);
  for (HpkeSuite s : kSuites) {
    INFO("suite " << static_cast<int>(s));
    const Bytes sealed = hpke_seal(s, r.public_key(), info, msg, aad);
    CHECK(sealed.size() == msg.size() + hpke_enc_size + hpke_tag_size);
    CHECK(hpke_open(s, r, info, sealed, aad) == msg);
    Bytes out(msg.size(), 0x55);
    for (std::size_t i : {std::size_t{0}, std::size_t{40}, sealed.size() - 1}) {
      Bytes bad = sealed;
      bad[i] ^= 1;
      CHECK(status_of([&] { hpke_open_into(out, s, r, info, bad, aad); }) == Status::verification_failed);
      CHECK(all_zero(out));
    }
    CHECK(status_of([&] { hpke_open(s, r, Bytes{'j'}, sealed, aad); }) == Status::verification_failed);
    CHECK(status_of([&] { hpke_open(s, r.public_key(), info, sealed, aad); }) == Status::invalid_key);

    Bytes enc(hpke_enc_size);
    HpkeContext tx = HpkeContext::sender(s, r.public_key(), info, enc);
    HpkeContext rx = HpkeContext::receiver(s, r, enc, info);
    for (int i = 0; i < 3; ++i) {
      Bytes ct(msg.size() + hpke_tag_size), pt(msg.size());
      tx.seal_into(ct, msg, aad);
      rx.open_into(pt, ct, aad);
      CHECK(pt == msg);
    }
    Bytes e1(32), e2(32);
    tx.export_secret(e1, Bytes{'c'});
    rx.export_secret(e2, Bytes{'c'});
    CHECK(e1 == e2);
    CHECK_FALSE(all_zero(e1));
    Bytes too_long(hpke_max_export + 1);
    CHECK(status_of([&] { tx.export_secret(too_long, {}); }) == Status::invalid_argument);
  }
  CHECK(status_of([&] { hpke_seal(static_cast<HpkeSuite>(9), r, {}, {}, {}); }) == Status::unsupported);
  CHECK(status_of([&] { hpke_seal(HpkeSuite::x25519_sha256_aes128gcm, Key::generate(KeyType::p256), {}, {}, {}); }) ==
        Status::invalid_key);
}

TEST_CASE("HPKE: messages out of order fail, and a failure does not advance the receiver", "[hpke]") {
  const Key r = Key::generate(KeyType::x25519);
  Bytes enc(hpke_enc_size);
  HpkeContext tx = HpkeContext::sender(HpkeSuite::x25519_sha256_chacha20poly1305, r, {}, enc);
  HpkeContext rx = HpkeContext::receiver(HpkeSuite::x25519_sha256_chacha20poly1305, r, enc, {});
  const Bytes m1 = {1}, m2 = {2};
  Bytes c1(17), c2(17), p(1);
  tx.seal_into(c1, m1, {});
  tx.seal_into(c2, m2, {});
  CHECK(status_of([&] { rx.open_into(p, c2, {}); }) == Status::verification_failed);
  rx.open_into(p, c1, {});
  CHECK(p == m1);
  rx.open_into(p, c2, {});
  CHECK(p == m2);
}

TEST_CASE("RFC 9180 HPKE known answers in every suite", "[hpke][kat]") {
  const std::map<std::string, HpkeSuite> suites = {
      {"x25519-sha256-aes128gcm", HpkeSuite::x25519_sha256_aes128gcm},
      {"x25519-sha256-aes256gcm", HpkeSuite::x25519_sha256_aes256gcm},
      {"x25519-sha256-chacha20poly1305", HpkeSuite::x25519_sha256_chacha20poly1305},
  };
  struct Pair {
    std::optional<HpkeContext> tx, rx;
    std::uint64_t seq = 0;
  };
  std::map<std::string, Pair> contexts;
  int encryptions = 0, exports = 0;
  for (const auto &v : test::read_vectors("hpke.txt")) {
    const std::string name = v.str("SUITE");
    INFO(name << " block at line " << v.line);
    const HpkeSuite suite = suites.at(name);
    Pair &p = contexts[name];
    if (v.fields.count("AEAD_ID") != 0) {
      const Key r = Key::import(KeyFormat::raw_private, v.bytes("SK_R"), KeyType::x25519);
      CHECK(r.export_public(KeyFormat::raw_public) == v.bytes("PK_R"));
      Bytes enc(hpke_enc_size);
      p.tx.emplace(HpkeContext::sender_for_testing(suite, r.public_key(), v.bytes("INFO"), enc, v.bytes("SK_E")));
      CHECK(enc == v.bytes("ENC"));
      p.rx.emplace(HpkeContext::receiver(suite, r, v.bytes("ENC"), v.bytes("INFO")));
      p.seq = 0;
    } else if (v.fields.count("SEQ") != 0) {
      REQUIRE(p.tx);
      const std::uint64_t seq = std::stoull(v.str("SEQ"));
      // Sequence numbers the file skips are spent on empty messages, on both sides.
      for (; p.seq < seq; ++p.seq) {
        Bytes ct(hpke_tag_size), pt;
        p.tx->seal_into(ct, {}, {});
        p.rx->open_into(pt, ct, {});
      }
      const Bytes pt = v.bytes("PT"), ct = v.bytes("CT");
      Bytes got_ct(pt.size() + hpke_tag_size), got_pt(pt.size());
      p.tx->seal_into(got_ct, pt, v.bytes("AAD"));
      CHECK(got_ct == ct);
      p.rx->open_into(got_pt, ct, v.bytes("AAD"));
      CHECK(got_pt == pt);
      ++p.seq;
      ++encryptions;
    } else {
      REQUIRE(p.tx);
      Bytes out(std::stoul(v.str("EXPORT_LEN")));
      p.tx->export_secret(out, v.bytes("EXPORTER_CONTEXT"));
      CHECK(out == v.bytes("EXPORTED"));
      p.rx->export_secret(out, v.bytes("EXPORTER_CONTEXT"));
      CHECK(out == v.bytes("EXPORTED"));
      ++exports;
    }
  }
  CHECK(contexts.size() == 3);
  CHECK(encryptions >= 18);
  CHECK(exports >= 9);
}
