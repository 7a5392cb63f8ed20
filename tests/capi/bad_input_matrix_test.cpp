// The bad-input matrix: every function nacre.h exports, driven through libnacre.so with each class
// of bad input that applies to it, each row naming the status the header documents.
//
// - The list of functions is what libnacre.so exports (NACRE_EXPORTS_PATH, nm's list written at
//   build time): a function without a row, or a row for a function the library lacks, fails.
// - Every output lives in a fenced buffer (Guarded): after each call the fences must be intact,
//   and when the call failed the output must be zeroed (the header's general rule).
// - Every row runs in a forked child, so a crash is reported against its row instead of ending
//   the run.
// - The two library bugs it found when written (zeroing a refused 2^63-byte output; nacre_hkdf
//   accepting an output that overlaps ikm or salt) are fixed; their rows run with the rest.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "guarded.hpp"
#include "nacre.h"

#ifndef NACRE_EXPORTS_PATH
#error "NACRE_EXPORTS_PATH must name the list of libnacre.so's functions (see tests/capi/CMakeLists.txt)"
#endif

using nacre::test::Guarded;
using Bytes = std::vector<uint8_t>;

namespace {

// ---------------------------------------------------------------------------------------------
// Rows.

enum class Cls { no_bad_input, null_ptr, zero_len, huge_len, small_out, unknown_num, out_of_range, bad_handle, overlap };

const char *cls_name(Cls c) {
  switch (c) {
    case Cls::no_bad_input: return "no bad input";
    case Cls::null_ptr: return "NULL pointer";
    case Cls::zero_len: return "zero length";
    case Cls::huge_len: return "overflowing length";
    case Cls::small_out: return "output too small";
    case Cls::unknown_num: return "unknown number";
    case Cls::out_of_range: return "out of range";
    case Cls::bad_handle: return "bad handle";
    case Cls::overlap: return "overlap";
  }
  return "?";
}

constexpr size_t kAnyLen = SIZE_MAX;  // in Row::want_len: this length is not checked

// Probe hands a row its fenced memory and checks it after the call.
class Probe {
 public:
  // An output: fenced, and zeroed when the call fails.
  uint8_t *out(size_t cap) {
    outs_.emplace_back(cap);
    return outs_.back().data();
  }
  // An output that must be zeroed on failure and is read as a T (an out-parameter such as
  // nacre_hash_ctx **, preset to non-NULL junk so that "set to NULL on failure" is visible).
  template <class T>
  T *out_as() {
    return reinterpret_cast<T *>(out(sizeof(T)));
  }
  // Fenced memory that is not (only) an output: inputs, shared buffers of overlap rows.
  uint8_t *scratch(size_t cap) {
    scratch_.emplace_back(cap);
    return scratch_.back().data();
  }
  // A fenced *out_len, preset to junk.
  size_t *len() {
    auto *l = reinterpret_cast<size_t *>(scratch(sizeof(size_t)));
    lens_.push_back(l);
    return l;
  }
  // An output inside scratch memory (overlap rows): zeroed when the call fails.
  void zero_region(const uint8_t *p, size_t n) { regions_.emplace_back(p, n); }

  bool fences_intact() const {
    auto ok = [](const Guarded &g) { return g.fences_intact(); };
    return std::all_of(outs_.begin(), outs_.end(), ok) && std::all_of(scratch_.begin(), scratch_.end(), ok);
  }
  bool outputs_zeroed() const {
    return std::all_of(outs_.begin(), outs_.end(), [](const Guarded &g) { return g.zeroed(); }) &&
           std::all_of(regions_.begin(), regions_.end(), [](const auto &r) {
             return std::all_of(r.first, r.first + r.second, [](uint8_t b) { return b == 0; });
           });
  }
  const std::vector<size_t *> &lens() const { return lens_; }

 private:
  std::deque<Guarded> outs_, scratch_;
  std::vector<size_t *> lens_;
  std::vector<std::pair<const uint8_t *, size_t>> regions_;
};

using Call = std::function<int64_t(Probe &)>;

struct Row {
  std::string fn;
  Cls cls;
  std::string what;
  int64_t want;                 // the documented status (or value, for informational functions)
  Call call;
  bool value = false;           // |want| is a returned value, not a status
  std::vector<size_t> want_len; // expected *len() values in the order the row asked for them
};

class Rows {
 public:
  Row &status(const std::string &fn, Cls cls, const std::string &what, int want, Call call) {
    all_.push_back(Row{fn, cls, what, want, std::move(call), false, {}});
    return all_.back();
  }
  Row &value(const std::string &fn, Cls cls, const std::string &what, int64_t want, Call call) {
    Row &r = status(fn, cls, what, 0, std::move(call));
    r.want = want;
    r.value = true;
    return r;
  }
  const std::vector<Row> &all() const { return all_; }

 private:
  std::vector<Row> all_;
};

// ---------------------------------------------------------------------------------------------
// The objects rows work on: live handles of every type, freed ones, and input bytes.

alignas(64) uint8_t g_not_a_handle[64];  // never inside the handle arena

// A pointer near the top of the address space: with any length above 15 the range wraps.
const uint8_t *wrapping_ptr() { return reinterpret_cast<const uint8_t *>(UINTPTR_MAX - 15); }
constexpr size_t kWrapLen = 32;
constexpr size_t kBeyondPtrdiff = static_cast<size_t>(PTRDIFF_MAX) + 1;  // 2^63: no wrap from a heap pointer

struct World {
  Bytes data;  // input bytes for every row (random)
  const uint8_t *d = nullptr;
  std::string pwhash_str;  // an Argon2id string for "pw"

  nacre_hash_ctx *sha256 = nullptr, *shake = nullptr;
  nacre_hmac_ctx *hmac = nullptr;
  nacre_aead_key *xchacha = nullptr, *chacha = nullptr;
  nacre_secretstream_encryptor *push = nullptr, *finished_push = nullptr;
  nacre_secretstream_decryptor *pull = nullptr;
  nacre_key *x25519 = nullptr, *x25519_pub = nullptr, *x25519_b = nullptr, *ed25519 = nullptr,
            *ed25519_pub = nullptr, *p256 = nullptr, *rsa = nullptr, *rsa_pub = nullptr, *mlkem = nullptr,
            *mlkem_pub = nullptr;
  nacre_hpke_ctx *hpke_tx = nullptr, *hpke_rx = nullptr;
  nacre_secretbox_key *secretbox = nullptr;
  std::string age_identity, age_recipient;
  nacre_age_encryptor *age_enc = nullptr, *finished_age_enc = nullptr;
  nacre_age_decryptor *age_dec = nullptr;
  size_t age_update_need = 0, age_finish_need = 0;  // a fresh encryptor's bounds for 10 bytes, for finish
  nacre_minisign_key *mkey = nullptr;
  nacre_minisign_signer *msigner = nullptr;
  nacre_minisign_verifier *mverifier = nullptr;
  std::string mpub, mkey_file, msig;
  size_t msig_need = 0;

  nacre_hash_ctx *dead_hash = nullptr;
  nacre_hmac_ctx *dead_hmac = nullptr;
  nacre_aead_key *dead_aead = nullptr;
  nacre_secretstream_encryptor *dead_push = nullptr;
  nacre_secretstream_decryptor *dead_pull = nullptr;
  nacre_key *dead_key = nullptr;
  nacre_hpke_ctx *dead_hpke = nullptr;
  nacre_secretbox_key *dead_secretbox = nullptr;
  nacre_age_encryptor *dead_age_enc = nullptr;
  nacre_age_decryptor *dead_age_dec = nullptr;
  nacre_minisign_key *dead_mkey = nullptr;
  nacre_minisign_signer *dead_msigner = nullptr;
  nacre_minisign_verifier *dead_mverifier = nullptr;

  World() : data(4096) {
    REQUIRE(nacre_random_bytes(data.data(), data.size()) == NACRE_OK);
    d = data.data();
    REQUIRE(nacre_hash_ctx_new(&sha256, NACRE_HASH_SHA256, 0) == NACRE_OK);
    REQUIRE(nacre_hash_ctx_new(&shake, NACRE_HASH_SHAKE256, 0) == NACRE_OK);
    REQUIRE(nacre_hmac_ctx_new(&hmac, NACRE_HASH_SHA256, 0, d, 32) == NACRE_OK);
    REQUIRE(nacre_aead_key_new(&xchacha, NACRE_AEAD_XCHACHA20_POLY1305, 0, d, 32) == NACRE_OK);
    REQUIRE(nacre_aead_key_new(&chacha, NACRE_AEAD_CHACHA20_POLY1305, 0, d, 32) == NACRE_OK);
    REQUIRE(nacre_secretbox_key_new(&secretbox, d, 32) == NACRE_OK);
    uint8_t header[NACRE_SECRETSTREAM_HEADER_LEN];
    size_t len = 0;
    REQUIRE(nacre_secretstream_encryptor_new(&push, header, sizeof header, &len, d, 32) == NACRE_OK);
    REQUIRE(nacre_secretstream_decryptor_new(&pull, header, sizeof header, d, 32) == NACRE_OK);
    REQUIRE(nacre_secretstream_encryptor_new(&finished_push, header, sizeof header, &len, d, 32) == NACRE_OK);
    uint8_t last[NACRE_SECRETSTREAM_OVERHEAD];
    REQUIRE(nacre_secretstream_push(finished_push, last, sizeof last, &len, nullptr, 0, nullptr, 0,
                                    NACRE_SECRETSTREAM_TAG_FINAL) == NACRE_OK);
    x25519 = generate(NACRE_KEY_X25519);
    x25519_b = generate(NACRE_KEY_X25519);
    ed25519 = generate(NACRE_KEY_ED25519);
    p256 = generate(NACRE_KEY_P256);
    rsa = generate(NACRE_KEY_RSA, 2048);
    mlkem = generate(NACRE_KEY_MLKEM768);
    REQUIRE(nacre_key_public(x25519, &x25519_pub) == NACRE_OK);
    REQUIRE(nacre_key_public(ed25519, &ed25519_pub) == NACRE_OK);
    REQUIRE(nacre_key_public(rsa, &rsa_pub) == NACRE_OK);
    REQUIRE(nacre_key_public(mlkem, &mlkem_pub) == NACRE_OK);
    uint8_t enc[NACRE_HPKE_ENC_LEN];
    REQUIRE(nacre_hpke_sender_new(&hpke_tx, 1, x25519_pub, enc, sizeof enc, &len, nullptr, 0) == NACRE_OK);
    REQUIRE(nacre_hpke_receiver_new(&hpke_rx, 1, x25519, enc, sizeof enc, nullptr, 0) == NACRE_OK);
    char str[128];
    REQUIRE(nacre_pwhash_str(NACRE_PWHASH_ARGON2ID, str, sizeof str, &len, reinterpret_cast<const uint8_t *>("pw"),
                             2, 1, 8192) == NACRE_OK);
    pwhash_str.assign(str, len);
    make_age(len);
    make_minisign(len);

    // Freed handles, one per type, made last: the arena reuses freed slots first-in first-out,
    // so these stay free for the whole run.
    REQUIRE(nacre_hash_ctx_new(&dead_hash, NACRE_HASH_SHA256, 0) == NACRE_OK);
    REQUIRE(nacre_hmac_ctx_new(&dead_hmac, NACRE_HASH_SHA256, 0, d, 32) == NACRE_OK);
    REQUIRE(nacre_aead_key_new(&dead_aead, NACRE_AEAD_XCHACHA20_POLY1305, 0, d, 32) == NACRE_OK);
    REQUIRE(nacre_secretstream_encryptor_new(&dead_push, header, sizeof header, &len, d, 32) == NACRE_OK);
    REQUIRE(nacre_secretstream_decryptor_new(&dead_pull, header, sizeof header, d, 32) == NACRE_OK);
    dead_key = generate(NACRE_KEY_X25519);
    REQUIRE(nacre_hpke_sender_new(&dead_hpke, 1, x25519_pub, enc, sizeof enc, &len, nullptr, 0) == NACRE_OK);
    REQUIRE(nacre_secretbox_key_new(&dead_secretbox, d, 32) == NACRE_OK);
    REQUIRE(nacre_age_encryptor_new(&dead_age_enc, age_recipient.data(), age_recipient.size(), 0) == NACRE_OK);
    REQUIRE(nacre_age_decryptor_new(&dead_age_dec, age_id(), age_identity.size(), 0) == NACRE_OK);
    nacre_age_encryptor_free(dead_age_enc);
    nacre_age_decryptor_free(dead_age_dec);
    REQUIRE(nacre_minisign_key_generate(&dead_mkey) == NACRE_OK);
    REQUIRE(nacre_minisign_signer_new(&dead_msigner, mkey) == NACRE_OK);
    REQUIRE(nacre_minisign_verifier_new(&dead_mverifier, mpub.data(), mpub.size(), msig.data(), msig.size()) == NACRE_OK);
    nacre_minisign_key_free(dead_mkey);
    nacre_minisign_signer_free(dead_msigner);
    nacre_minisign_verifier_free(dead_mverifier);
    nacre_hash_ctx_free(dead_hash);
    nacre_hmac_ctx_free(dead_hmac);
    nacre_aead_key_free(dead_aead);
    nacre_secretstream_encryptor_free(dead_push);
    nacre_secretstream_decryptor_free(dead_pull);
    nacre_key_free(dead_key);
    nacre_hpke_ctx_free(dead_hpke);
    nacre_secretbox_key_free(dead_secretbox);
  }
  World(const World &) = delete;
  World &operator=(const World &) = delete;

  const uint8_t *age_id() const { return reinterpret_cast<const uint8_t *>(age_identity.data()); }

  void make_minisign(size_t &len) {
    REQUIRE(nacre_minisign_key_generate(&mkey) == NACRE_OK);
    char text[4096];
    REQUIRE(nacre_minisign_key_public(mkey, text, sizeof text, &len) == NACRE_OK);
    mpub.assign(text, len);
    REQUIRE(nacre_minisign_key_save(mkey, nullptr, 0, 0, 0, reinterpret_cast<uint8_t *>(text), sizeof text, &len) == NACRE_OK);
    mkey_file.assign(text, len);
    nacre_minisign_signer *s = nullptr;
    REQUIRE(nacre_minisign_signer_new(&s, mkey) == NACRE_OK);
    REQUIRE(nacre_minisign_signer_update(s, d, 10) == NACRE_OK);
    REQUIRE(nacre_minisign_signer_finish(s, "tc", 2, nullptr, 0, nullptr, 0, &msig_need) == NACRE_ERR_BUFFER_TOO_SMALL);
    REQUIRE(nacre_minisign_signer_finish(s, "tc", 2, nullptr, 0, text, sizeof text, &len) == NACRE_OK);
    msig.assign(text, len);
    nacre_minisign_signer_free(s);
    REQUIRE(nacre_minisign_signer_new(&msigner, mkey) == NACRE_OK);
    REQUIRE(nacre_minisign_verifier_new(&mverifier, mpub.data(), mpub.size(), msig.data(), msig.size()) == NACRE_OK);
  }

  void make_age(size_t &len) {
    char text[128];
    REQUIRE(nacre_age_keygen(0, reinterpret_cast<uint8_t *>(text), sizeof text, &len) == NACRE_OK);
    age_identity.assign(text, len);
    REQUIRE(nacre_age_identity_to_recipient(age_id(), age_identity.size(), text, sizeof text, &len) == NACRE_OK);
    age_recipient.assign(text, len);
    REQUIRE(nacre_age_encryptor_new(&age_enc, age_recipient.data(), age_recipient.size(), 0) == NACRE_OK);
    REQUIRE(nacre_age_encryptor_update(age_enc, nullptr, 0, &age_update_need, d, 10) == NACRE_ERR_BUFFER_TOO_SMALL);
    REQUIRE(nacre_age_encryptor_finish(age_enc, nullptr, 0, &age_finish_need) == NACRE_ERR_BUFFER_TOO_SMALL);
    REQUIRE(nacre_age_encryptor_new(&finished_age_enc, age_recipient.data(), age_recipient.size(), 0) == NACRE_OK);
    Bytes out(age_finish_need);
    REQUIRE(nacre_age_encryptor_finish(finished_age_enc, out.data(), out.size(), &len) == NACRE_OK);
    REQUIRE(nacre_age_decryptor_new(&age_dec, age_id(), age_identity.size(), 0) == NACRE_OK);
  }

  static nacre_key *generate(int type, size_t bits = 0) {
    nacre_key *k = nullptr;
    REQUIRE(nacre_key_generate(&k, type, bits) == NACRE_OK);
    return k;
  }

  template <class H>
  H *freed() const {
    if constexpr (std::is_same_v<H, nacre_hash_ctx>) return dead_hash;
    else if constexpr (std::is_same_v<H, nacre_hmac_ctx>) return dead_hmac;
    else if constexpr (std::is_same_v<H, nacre_aead_key>) return dead_aead;
    else if constexpr (std::is_same_v<H, nacre_secretstream_encryptor>) return dead_push;
    else if constexpr (std::is_same_v<H, nacre_secretstream_decryptor>) return dead_pull;
    else if constexpr (std::is_same_v<H, nacre_key>) return dead_key;
    else if constexpr (std::is_same_v<H, nacre_secretbox_key>) return dead_secretbox;
    else if constexpr (std::is_same_v<H, nacre_age_encryptor>) return dead_age_enc;
    else if constexpr (std::is_same_v<H, nacre_age_decryptor>) return dead_age_dec;
    else if constexpr (std::is_same_v<H, nacre_minisign_key>) return dead_mkey;
    else if constexpr (std::is_same_v<H, nacre_minisign_signer>) return dead_msigner;
    else if constexpr (std::is_same_v<H, nacre_minisign_verifier>) return dead_mverifier;
    else return dead_hpke;
  }

  // A live handle of another type, the closest kin where there is one.
  template <class H>
  std::pair<const char *, H *> foreign() const {
    if constexpr (std::is_same_v<H, nacre_hash_ctx>) return {"a nacre_hmac_ctx", reinterpret_cast<H *>(hmac)};
    else if constexpr (std::is_same_v<H, nacre_hmac_ctx>) return {"a nacre_hash_ctx", reinterpret_cast<H *>(sha256)};
    else if constexpr (std::is_same_v<H, nacre_aead_key>) return {"a nacre_hash_ctx", reinterpret_cast<H *>(sha256)};
    else if constexpr (std::is_same_v<H, nacre_secretbox_key>) return {"a nacre_aead_key", reinterpret_cast<H *>(xchacha)};
    else if constexpr (std::is_same_v<H, nacre_secretstream_encryptor>)
      return {"a decryptor", reinterpret_cast<H *>(pull)};
    else if constexpr (std::is_same_v<H, nacre_secretstream_decryptor>)
      return {"an encryptor", reinterpret_cast<H *>(push)};
    else if constexpr (std::is_same_v<H, nacre_key>) return {"a nacre_hpke_ctx", reinterpret_cast<H *>(hpke_tx)};
    else if constexpr (std::is_same_v<H, nacre_age_encryptor>)
      return {"a nacre_age_decryptor", reinterpret_cast<H *>(age_dec)};
    else if constexpr (std::is_same_v<H, nacre_age_decryptor>)
      return {"a nacre_age_encryptor", reinterpret_cast<H *>(age_enc)};
    else if constexpr (std::is_same_v<H, nacre_minisign_key>)
      return {"a nacre_minisign_signer", reinterpret_cast<H *>(msigner)};
    else if constexpr (std::is_same_v<H, nacre_minisign_signer>)
      return {"a nacre_minisign_verifier", reinterpret_cast<H *>(mverifier)};
    else if constexpr (std::is_same_v<H, nacre_minisign_verifier>)
      return {"a nacre_minisign_key", reinterpret_cast<H *>(mkey)};
    else return {"a nacre_key", reinterpret_cast<H *>(x25519)};
  }

  // The live foreign handle still works (so a call that refused it left it alone).
  template <class H>
  int foreign_still_works() const {
    if constexpr (std::is_same_v<H, nacre_hash_ctx>) return nacre_hmac_ctx_update(hmac, d, 1);
    else if constexpr (std::is_same_v<H, nacre_hmac_ctx> || std::is_same_v<H, nacre_aead_key>)
      return nacre_hash_ctx_update(sha256, d, 1);
    else if constexpr (std::is_same_v<H, nacre_secretstream_encryptor>)
      return nacre_secretstream_decryptor_is_finished(pull) == NACRE_ERR_VERIFICATION_FAILED ? NACRE_OK : NACRE_ERR_INTERNAL;
    else if constexpr (std::is_same_v<H, nacre_secretstream_decryptor>) {
      uint8_t out[NACRE_SECRETSTREAM_OVERHEAD];
      size_t len = 0;
      return nacre_secretstream_push(push, out, sizeof out, &len, nullptr, 0, nullptr, 0, 0);
    } else if constexpr (std::is_same_v<H, nacre_key>) {
      uint8_t out[32];
      return nacre_hpke_ctx_export(hpke_tx, out, sizeof out, nullptr, 0);
    } else if constexpr (std::is_same_v<H, nacre_age_encryptor>) {
      return nacre_age_decryptor_failure(age_dec);  // NACRE_AGE_FAILURE_NONE is NACRE_OK
    } else if constexpr (std::is_same_v<H, nacre_age_decryptor>) {
      Bytes out(age_update_need);
      size_t len = 0;
      return nacre_age_encryptor_update(age_enc, out.data(), out.size(), &len, d, 10);
    } else if constexpr (std::is_same_v<H, nacre_minisign_key>) {
      return nacre_minisign_signer_update(msigner, d, 1);
    } else if constexpr (std::is_same_v<H, nacre_minisign_signer>) {
      return nacre_minisign_verifier_update(mverifier, d, 1);
    } else if constexpr (std::is_same_v<H, nacre_minisign_verifier>) {
      char out[256];
      size_t len = 0;
      return nacre_minisign_key_public(mkey, out, sizeof out, &len);
    } else if constexpr (std::is_same_v<H, nacre_secretbox_key>) {
      uint8_t out[16];
      size_t len = 0;
      return nacre_aead_seal(xchacha, out, sizeof out, &len, d, 24, nullptr, 0, nullptr, 0);
    } else {
      return nacre_key_info(x25519, nullptr, nullptr, nullptr);
    }
  }
};

World &world() {
  static World w;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Shared shapes: each adds the standard rows of one kind of parameter.

const std::vector<int> kBadAlgs = {0, -1, 1000};
const std::vector<int> kBadBackends = {3, -1, 1000};

// An (out, out_cap, out_len) output that needs |need| bytes. |call| gets the triple to pass.
using TripleCall = std::function<int(Probe &, uint8_t *, size_t, size_t *)>;
void triple_classes(Rows &rows, const std::string &fn, size_t need, const TripleCall &call) {
  rows.status(fn, Cls::small_out, "size query: out NULL, out_cap 0", NACRE_ERR_BUFFER_TOO_SMALL,
              [=](Probe &p) { return call(p, nullptr, 0, p.len()); })
      .want_len = {need};
  rows.status(fn, Cls::small_out, "out_cap one byte short", NACRE_ERR_BUFFER_TOO_SMALL,
              [=](Probe &p) { return call(p, p.out(need - 1), need - 1, p.len()); })
      .want_len = {need};
  rows.status(fn, Cls::null_ptr, "out NULL with a non-zero out_cap", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, nullptr, need, p.len()); });
  rows.status(fn, Cls::null_ptr, "out_len NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, p.out(need), need, nullptr); });
  // The real buffer is |need| bytes; a call that cannot honour out_cap must not write at all.
  rows.status(fn, Cls::huge_len, "out_cap SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, p.scratch(need), SIZE_MAX, p.len()); });
  rows.status(fn, Cls::huge_len, "out + out_cap wraps the address space", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, const_cast<uint8_t *>(wrapping_ptr()), kWrapLen, p.len()); });
  rows.status(fn, Cls::huge_len, "out_cap 2^63 (above PTRDIFF_MAX, no wrap)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, p.scratch(need), kBeyondPtrdiff, p.len()); });
}

// Two (out, cap, len) outputs checked together (detached seal, KEM encapsulation).
using PairCall = std::function<int(Probe &, uint8_t *, size_t, size_t *, uint8_t *, size_t, size_t *)>;
void pair_classes(Rows &rows, const std::string &fn, const char *a, size_t need_a, const char *b, size_t need_b,
                  const PairCall &call) {
  const std::string A(a), B(b);
  // One output's buffer, capacity and length pointer. The lengths are made in order (a, then b)
  // so that Row::want_len lists them in that order.
  struct Out {
    uint8_t *buf;
    size_t cap;
    size_t *len;
  };
  enum Kind { fits, short_by_one, null_buf, null_len, cap_max, wraps, query };
  auto make = [](Probe &p, Kind k, size_t need) -> Out {
    switch (k) {
      case fits: return {p.out(need), need, p.len()};
      case short_by_one: return {p.out(need - 1), need - 1, p.len()};
      case null_buf: return {nullptr, need, p.len()};
      case null_len: return {p.out(need), need, nullptr};
      case cap_max: return {p.scratch(need), SIZE_MAX, p.len()};
      case wraps: return {const_cast<uint8_t *>(wrapping_ptr()), kWrapLen, p.len()};
      case query: break;
    }
    return {nullptr, 0, p.len()};
  };
  auto row = [&](Cls cls, const std::string &what, int want, Kind ka, Kind kb) -> Row & {
    return rows.status(fn, cls, what, want, [=](Probe &p) {
      const Out x = make(p, ka, need_a);
      const Out y = make(p, kb, need_b);
      return call(p, x.buf, x.cap, x.len, y.buf, y.cap, y.len);
    });
  };
  row(Cls::small_out, "size query of both outputs", NACRE_ERR_BUFFER_TOO_SMALL, query, query).want_len = {need_a, need_b};
  row(Cls::small_out, A + " one byte short", NACRE_ERR_BUFFER_TOO_SMALL, short_by_one, fits).want_len = {need_a, kAnyLen};
  row(Cls::small_out, B + " one byte short", NACRE_ERR_BUFFER_TOO_SMALL, fits, short_by_one).want_len = {kAnyLen, need_b};
  row(Cls::null_ptr, A + " NULL with a non-zero cap", NACRE_ERR_INVALID_ARGUMENT, null_buf, fits);
  row(Cls::null_ptr, B + " NULL with a non-zero cap", NACRE_ERR_INVALID_ARGUMENT, fits, null_buf);
  row(Cls::null_ptr, A + "'s length pointer NULL", NACRE_ERR_INVALID_ARGUMENT, null_len, fits);
  row(Cls::null_ptr, B + "'s length pointer NULL", NACRE_ERR_INVALID_ARGUMENT, fits, null_len);
  row(Cls::huge_len, A + " cap SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT, cap_max, fits);
  row(Cls::huge_len, B + " cap SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT, fits, cap_max);
  row(Cls::huge_len, B + " + cap wraps the address space", NACRE_ERR_INVALID_ARGUMENT, fits, wraps);
}

// An exact-length output (out, out_len): the length is the request, so "too small" has no
// meaning; a zero length gives |zero_want| as documented for the function.
using ExactCall = std::function<int(Probe &, uint8_t *, size_t)>;
void exact_classes(Rows &rows, const std::string &fn, size_t n_ok, int zero_want, const ExactCall &call) {
  rows.status(fn, Cls::null_ptr, "out NULL with a non-zero out_len", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, nullptr, n_ok); });
  rows.status(fn, Cls::zero_len, "out_len 0 (out NULL)", zero_want, [=](Probe &p) { return call(p, nullptr, 0); });
  rows.status(fn, Cls::huge_len, "out_len SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, p.scratch(n_ok), SIZE_MAX); });
  rows.status(fn, Cls::huge_len, "out + out_len wraps the address space", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, const_cast<uint8_t *>(wrapping_ptr()), kWrapLen); });
  rows.status(fn, Cls::huge_len, "out_len 2^63 (above PTRDIFF_MAX, no wrap)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, p.scratch(n_ok), kBeyondPtrdiff); });
}

// One (pointer, length) input whose valid length is |n|. |call| builds the whole call around it
// (with its outputs taken from the probe, so zeroing on failure is checked too).
using InputCall = std::function<int(Probe &, const uint8_t *, size_t)>;
void input_classes(Rows &rows, const std::string &fn, const std::string &name, size_t n, const InputCall &call) {
  const uint8_t *d = world().d;
  rows.status(fn, Cls::null_ptr, name + " NULL with a non-zero length", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, nullptr, n == 0 ? 1 : n); });
  rows.status(fn, Cls::huge_len, name + " length SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, d, SIZE_MAX); });
  rows.status(fn, Cls::huge_len, name + " + length wraps the address space", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return call(p, wrapping_ptr(), kWrapLen); });
}

// Unknown enum numbers given to one parameter.
void unknown_numbers(Rows &rows, const std::string &fn, const std::string &name, const std::vector<int> &bad,
                     int want, const std::function<int(Probe &, int)> &call) {
  for (int v : bad) {
    rows.status(fn, Cls::unknown_num, name + " " + std::to_string(v), want, [=](Probe &p) { return call(p, v); });
  }
}

// An informational size getter: 0 for every unknown number.
void size_getter(Rows &rows, const std::string &fn, const std::vector<int> &bad, size_t (*getter)(int)) {
  for (int v : bad) {
    rows.value(fn, Cls::unknown_num, "returns 0 for " + std::to_string(v), 0,
               [=](Probe &) { return static_cast<int64_t>(getter(v)); });
  }
}

// A family's table functions (nacre.h, conventions): past the end at() gives 0, unknown numbers
// a NULL name, NULL and unknown names (matching is exact: an upper-case name is unknown) 0.
void family_rows(Rows &rows, const std::string &x, size_t (*count)(), int (*at)(size_t), const char *(*name)(int),
                 int (*from_name)(const char *)) {
  const std::string p = "nacre_" + x;
  rows.value(p + "_count", Cls::no_bad_input, "no parameters; at least one entry", 1,
             [=](Probe &) { return count() >= 1 ? 1 : 0; });
  for (size_t i : {count(), count() + 1, SIZE_MAX}) {
    rows.value(p + "_at", Cls::out_of_range, "0 for index " + std::to_string(i), 0,
               [=](Probe &) { return at(i); });
  }
  const int past = static_cast<int>(count()) + 1;
  for (int n : {0, -1, past, 1000, INT_MIN}) {
    rows.value(p + "_name", Cls::unknown_num, "NULL for " + std::to_string(n), 1,
               [=](Probe &) { return name(n) == nullptr ? 1 : 0; });
  }
  rows.value(p + "_from_name", Cls::null_ptr, "0 for NULL", 0, [=](Probe &) { return from_name(nullptr); });
  std::string upper = name(at(0));
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  for (const std::string &bad : {std::string(), std::string("no-such-algorithm"), upper, std::string(name(at(0))) + " "}) {
    rows.value(p + "_from_name", Cls::unknown_num, "0 for \"" + bad + "\"", 0,
               [=](Probe &) { return from_name(bad.c_str()); });
  }
}

// A size-versioned nacre_X_describe(alg, Info *out, size_t out_size) whose first version is
// |first| bytes: NULL out, short and overflowing sizes and unknown numbers fail; a larger struct
// gets its tail zeroed.
template <class Info>
void describe_rows(Rows &rows, const std::string &fn, int good, size_t first, int (*describe)(int, Info *, size_t)) {
  rows.status(fn, Cls::null_ptr, "out NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return describe(good, nullptr, sizeof(Info)); });
  for (size_t n : {size_t{0}, size_t{4}, first - 1}) {
    rows.status(fn, Cls::small_out, "out_size " + std::to_string(n) + " (below the first version)",
                NACRE_ERR_INVALID_ARGUMENT, [=](Probe &) {
                  Info info{};
                  return describe(good, &info, n);
                });
  }
  rows.status(fn, Cls::huge_len, "out_size SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &) {
    Info info{};
    return describe(good, &info, SIZE_MAX);
  });
  unknown_numbers(rows, fn, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &, int a) {
    Info info{};
    return describe(a, &info, sizeof info);
  });
  rows.value(fn, Cls::no_bad_input, "a larger struct (a later header) gets its tail zeroed", 1, [=](Probe &) {
    Guarded out(sizeof(Info) + 16);
    std::memset(out.data(), 0xA5, out.cap());
    if (describe(good, reinterpret_cast<Info *>(out.data()), out.cap()) != NACRE_OK) return 0;
    const bool tail_zero = std::all_of(out.data() + sizeof(Info), out.data() + out.cap(), [](uint8_t b) { return b == 0; });
    return out.fences_intact() && tail_zero && reinterpret_cast<Info *>(out.data())->alg == good ? 1 : 0;
  });
}

// A handle parameter given NULL, a freed handle, a live handle of another type, and a pointer
// that is no handle at all: NACRE_ERR_INVALID_HANDLE each time (handles.hpp: a freed slot keeps
// a free tag, pointers outside the arena are never dereferenced).
template <class H>
void handle_classes(Rows &rows, const std::string &fn, const std::string &name,
                    const std::function<int(Probe &, H *)> &call) {
  const World &w = world();
  const auto [foreign_name, foreign] = w.foreign<H>();
  const std::pair<std::string, H *> bad[] = {
      {"NULL", nullptr},
      {"freed", w.freed<H>()},
      {std::string("foreign (") + foreign_name + ")", foreign},
      {"not a handle", reinterpret_cast<H *>(g_not_a_handle)}};
  for (const auto &[what, h] : bad) {
    H *handle = h;
    rows.status(fn, Cls::bad_handle, name + " " + what, NACRE_ERR_INVALID_HANDLE,
                [=](Probe &p) { return call(p, handle); });
  }
}

// nacre_X_free: NULL is a no-op; freed, foreign and non-handles are ignored, and the foreign
// handle still works afterwards. Nothing here has a status: a row passes when nothing crashes.
template <class H>
void free_classes(Rows &rows, const std::string &fn, void (*free_fn)(H *)) {
  const World &w = world();
  H *freed = w.freed<H>();
  H *foreign = w.foreign<H>().second;
  rows.status(fn, Cls::bad_handle, "free(NULL) is a no-op", NACRE_OK, [=](Probe &) {
    free_fn(nullptr);
    return NACRE_OK;
  });
  rows.status(fn, Cls::bad_handle, "free(freed handle) is ignored", NACRE_OK, [=](Probe &) {
    free_fn(freed);
    return NACRE_OK;
  });
  rows.status(fn, Cls::bad_handle, std::string("free(foreign: ") + w.foreign<H>().first + ") is ignored, it still works",
              NACRE_OK, [=, &w](Probe &) {
                free_fn(foreign);
                return w.foreign_still_works<H>();
              });
  rows.status(fn, Cls::bad_handle, "free(not a handle) is ignored", NACRE_OK, [=](Probe &) {
    free_fn(reinterpret_cast<H *>(g_not_a_handle));
    return NACRE_OK;
  });
}

// An out-parameter for a new handle (H **): NULL is NACRE_ERR_INVALID_ARGUMENT.
void null_handle_out(Rows &rows, const std::string &fn, const std::function<int(Probe &)> &call_with_null) {
  rows.status(fn, Cls::null_ptr, "handle out-parameter NULL", NACRE_ERR_INVALID_ARGUMENT, call_with_null);
}

// ---------------------------------------------------------------------------------------------
// The table, one function per family.

void core_rows(Rows &rows) {
  const World &w = world();
  for (int s : {-9, 1, -1000, INT_MIN, INT_MAX}) {
    rows.value("nacre_status_name", Cls::unknown_num, "\"NACRE_ERR_UNKNOWN\" for " + std::to_string(s), 0,
               [=](Probe &) { return std::strcmp(nacre_status_name(s), "NACRE_ERR_UNKNOWN") == 0 ? 0 : 1; });
  }
  // No parameters, so no bad input: the result is checked for shape.
  rows.value("nacre_version_string", Cls::no_bad_input, "no parameters; returns MAJOR.MINOR.PATCH", 1, [](Probe &) {
    const char *v = nacre_version_string();
    return v != nullptr && std::regex_match(v, std::regex("[0-9]+\\.[0-9]+\\.[0-9]+")) ? 1 : 0;
  });
  rows.value("nacre_abi_version", Cls::no_bad_input, "no parameters; returns 1", 1,
             [](Probe &) { return nacre_abi_version(); });
  rows.value("nacre_last_error_message", Cls::no_bad_input, "no parameters; the last failure's message", 1,
             [](Probe &) {
               const int rc = nacre_aead_key_new(nullptr, NACRE_AEAD_AES_256_GCM, 0, nullptr, 0);
               return rc == NACRE_ERR_INVALID_ARGUMENT &&
                      std::strcmp(nacre_last_error_message(), "the handle pointer is NULL") == 0 ? 1 : 0;
             });
  for (int b : kBadBackends) {
    rows.value("nacre_backend_name", Cls::unknown_num, "NULL for " + std::to_string(b), 1,
               [=](Probe &) { return nacre_backend_name(b) == nullptr ? 1 : 0; });
  }
  exact_classes(rows, "nacre_random_bytes", 16, NACRE_OK,
                [](Probe &, uint8_t *out, size_t n) { return nacre_random_bytes(out, n); });
  const uint8_t *d = w.d;
  input_classes(rows, "nacre_constant_time_equal", "a", 16,
                [=](Probe &, const uint8_t *a, size_t n) { return nacre_constant_time_equal(a, d, n); });
  input_classes(rows, "nacre_constant_time_equal", "b", 16,
                [=](Probe &, const uint8_t *b, size_t n) { return nacre_constant_time_equal(d, b, n); });
  rows.status("nacre_constant_time_equal", Cls::zero_len, "len 0 with NULL pointers compares equal", NACRE_OK,
              [](Probe &) { return nacre_constant_time_equal(nullptr, nullptr, 0); });
  const char *stats = "nacre_secret_memory_stats";
  rows.status(stats, Cls::null_ptr, "out NULL", NACRE_ERR_INVALID_ARGUMENT,
              [](Probe &) { return nacre_secret_memory_stats(nullptr, sizeof(nacre_memory_stats)); });
  for (size_t n : {size_t{0}, size_t{8}, sizeof(nacre_memory_stats) - 1}) {
    rows.status(stats, Cls::small_out, "out_size " + std::to_string(n) + " (below the first version)",
                NACRE_ERR_INVALID_ARGUMENT, [=](Probe &) {
                  nacre_memory_stats st{};
                  return nacre_secret_memory_stats(&st, n);
                });
  }
  rows.status(stats, Cls::huge_len, "out_size SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT, [](Probe &) {
    nacre_memory_stats st{};
    return nacre_secret_memory_stats(&st, SIZE_MAX);
  });
  rows.value(stats, Cls::no_bad_input, "a larger struct (a later header) gets its tail zeroed", 1, [](Probe &) {
    Guarded out(sizeof(nacre_memory_stats) + 16);
    auto *st = reinterpret_cast<nacre_memory_stats *>(out.data());
    if (nacre_secret_memory_stats(st, out.cap()) != NACRE_OK) return 0;
    const bool tail_zero = std::all_of(out.data() + sizeof(nacre_memory_stats), out.data() + out.cap(),
                                       [](uint8_t b) { return b == 0; });
    return out.fences_intact() && tail_zero && st->locked_bytes <= st->lock_limit_bytes && st->live_bytes >= st->live_secrets ? 1 : 0;
  });
}

void hash_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  const int past_hashes = static_cast<int>(nacre_hash_count()) + 1;
  size_getter(rows, "nacre_hash_digest_len", {0, -1, past_hashes, 1000}, nacre_hash_digest_len);
  size_getter(rows, "nacre_hash_block_len", {0, -1, past_hashes, 1000}, nacre_hash_block_len);
  family_rows(rows, "hash", nacre_hash_count, nacre_hash_at, nacre_hash_name, nacre_hash_from_name);
  describe_rows<nacre_hash_info>(rows, "nacre_hash_describe", NACRE_HASH_SHA256,
                                 offsetof(nacre_hash_info, flags) + sizeof(uint32_t), nacre_hash_describe);
  unknown_numbers(rows, "nacre_hash_is_available", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int a) { return nacre_hash_is_available(a, 0); });
  unknown_numbers(rows, "nacre_hash_is_available", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int b) { return nacre_hash_is_available(NACRE_HASH_SHA256, b); });

  // nacre_hash: SHA-256, 32-byte digest.
  auto hash = [=](Probe &p, int alg, int backend, const uint8_t *in, size_t in_len) {
    return nacre_hash(alg, backend, p.out(32), 32, p.len(), in, in_len);
  };
  triple_classes(rows, "nacre_hash", 32, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_hash(NACRE_HASH_SHA256, 0, o, c, l, d, 3);
  });
  input_classes(rows, "nacre_hash", "in", 3,
                [=](Probe &p, const uint8_t *in, size_t n) { return hash(p, NACRE_HASH_SHA256, 0, in, n); });
  rows.status("nacre_hash", Cls::zero_len, "empty input (NULL, 0)", NACRE_OK,
              [=](Probe &p) { return hash(p, NACRE_HASH_SHA256, 0, nullptr, 0); });
  unknown_numbers(rows, "nacre_hash", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return hash(p, a, 0, d, 3); });
  unknown_numbers(rows, "nacre_hash", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return hash(p, NACRE_HASH_SHA256, b, d, 3); });
  rows.status("nacre_hash", Cls::out_of_range, "an XOF algorithm (SHAKE128)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return hash(p, NACRE_HASH_SHAKE128, 0, d, 3); });
  rows.status("nacre_hash", Cls::out_of_range, "SHA-384 on libsodium, which lacks it", NACRE_ERR_UNSUPPORTED,
              [=](Probe &p) { return hash(p, NACRE_HASH_SHA384, NACRE_BACKEND_SODIUM, d, 3); });

  // nacre_xof.
  exact_classes(rows, "nacre_xof", 32, NACRE_OK,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_xof(NACRE_HASH_SHAKE256, o, n, d, 3); });
  input_classes(rows, "nacre_xof", "in", 3, [=](Probe &p, const uint8_t *in, size_t n) {
    return nacre_xof(NACRE_HASH_SHAKE256, p.out(32), 32, in, n);
  });
  rows.status("nacre_xof", Cls::zero_len, "empty input", NACRE_OK,
              [=](Probe &p) { return nacre_xof(NACRE_HASH_SHAKE128, p.out(32), 32, nullptr, 0); });
  unknown_numbers(rows, "nacre_xof", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return nacre_xof(a, p.out(32), 32, d, 3); });
  rows.status("nacre_xof", Cls::out_of_range, "a fixed-length hash (SHA-256)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_xof(NACRE_HASH_SHA256, p.out(32), 32, d, 3); });

  // nacre_blake2b: out 16..64, key 0..64.
  auto b2 = [=](Probe &p, size_t out_len, const uint8_t *key, size_t key_len, const uint8_t *in, size_t in_len) {
    return nacre_blake2b(p.out(out_len), out_len, key, key_len, in, in_len);
  };
  exact_classes(rows, "nacre_blake2b", 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_blake2b(o, n, d, 16, d, 3); });
  input_classes(rows, "nacre_blake2b", "key", 16,
                [=](Probe &p, const uint8_t *k, size_t n) { return b2(p, 32, k, n, d, 3); });
  input_classes(rows, "nacre_blake2b", "in", 3,
                [=](Probe &p, const uint8_t *in, size_t n) { return b2(p, 32, d, 16, in, n); });
  rows.status("nacre_blake2b", Cls::zero_len, "key_len 0 means unkeyed", NACRE_OK,
              [=](Probe &p) { return b2(p, 32, nullptr, 0, d, 3); });
  rows.status("nacre_blake2b", Cls::zero_len, "empty input", NACRE_OK,
              [=](Probe &p) { return b2(p, 32, d, 16, nullptr, 0); });
  for (size_t n : {size_t{15}, size_t{65}}) {
    rows.status("nacre_blake2b", Cls::out_of_range, "out_len " + std::to_string(n), NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return b2(p, n, d, 16, d, 3); });
  }
  rows.status("nacre_blake2b", Cls::out_of_range, "key_len 65", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return b2(p, 32, d, 65, d, 3); });

  // Handle creation: *out is NULL on failure (an out_as output, so "zeroed" checks it).
  null_handle_out(rows, "nacre_hash_ctx_new", [](Probe &) { return nacre_hash_ctx_new(nullptr, NACRE_HASH_SHA256, 0); });
  unknown_numbers(rows, "nacre_hash_ctx_new", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [](Probe &p, int a) {
    return nacre_hash_ctx_new(p.out_as<nacre_hash_ctx *>(), a, 0);
  });
  unknown_numbers(rows, "nacre_hash_ctx_new", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED, [](Probe &p, int b) {
    return nacre_hash_ctx_new(p.out_as<nacre_hash_ctx *>(), NACRE_HASH_SHA256, b);
  });

  auto new_b2 = [](Probe &p, size_t digest_len, const uint8_t *key, size_t key_len) {
    return nacre_hash_ctx_new_blake2b(p.out_as<nacre_hash_ctx *>(), digest_len, key, key_len);
  };
  null_handle_out(rows, "nacre_hash_ctx_new_blake2b",
                  [=](Probe &) { return nacre_hash_ctx_new_blake2b(nullptr, 32, d, 16); });
  input_classes(rows, "nacre_hash_ctx_new_blake2b", "key", 16,
                [=](Probe &p, const uint8_t *k, size_t n) { return new_b2(p, 32, k, n); });
  rows.status("nacre_hash_ctx_new_blake2b", Cls::zero_len, "digest_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return new_b2(p, 0, d, 16); });
  rows.status("nacre_hash_ctx_new_blake2b", Cls::zero_len, "key_len 0 means unkeyed", NACRE_OK,
              [=](Probe &p) { return new_b2(p, 32, nullptr, 0); });
  for (size_t n : {size_t{15}, size_t{65}, SIZE_MAX}) {
    rows.status("nacre_hash_ctx_new_blake2b", Cls::out_of_range, "digest_len " + std::to_string(n),
                NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) { return new_b2(p, n, d, 16); });
  }
  rows.status("nacre_hash_ctx_new_blake2b", Cls::out_of_range, "key_len 65", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return new_b2(p, 32, d, 65); });

  const char *salted = "nacre_hash_ctx_new_blake2b_salted";
  auto new_salted = [](Probe &p, size_t digest_len, const uint8_t *key, size_t key_len,
                       const uint8_t *salt, size_t salt_len, const uint8_t *person,
                       size_t person_len) {
    return nacre_hash_ctx_new_blake2b_salted(p.out_as<nacre_hash_ctx *>(), digest_len, key,
                                             key_len, salt, salt_len, person, person_len);
  };
  null_handle_out(rows, salted, [=](Probe &) {
    return nacre_hash_ctx_new_blake2b_salted(nullptr, 32, d, 16, d, 16, d, 16);
  });
  input_classes(rows, salted, "key", 16, [=](Probe &p, const uint8_t *k, size_t n) {
    return new_salted(p, 32, k, n, d, 16, d, 16);
  });
  input_classes(rows, salted, "salt", 16, [=](Probe &p, const uint8_t *s, size_t n) {
    return new_salted(p, 32, d, 16, s, n, d, 16);
  });
  input_classes(rows, salted, "person", 16, [=](Probe &p, const uint8_t *s, size_t n) {
    return new_salted(p, 32, d, 16, d, 16, s, n);
  });
  rows.status(salted, Cls::zero_len, "salt and person empty: plain BLAKE2b", NACRE_OK,
              [=](Probe &p) { return new_salted(p, 32, nullptr, 0, nullptr, 0, nullptr, 0); });
  rows.status(salted, Cls::out_of_range, "salt_len 17", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return new_salted(p, 32, d, 16, d, 17, d, 16); });
  rows.status(salted, Cls::out_of_range, "person_len 17", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return new_salted(p, 32, d, 16, d, 16, d, 17); });
  rows.status(salted, Cls::out_of_range, "digest_len 65", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return new_salted(p, 65, d, 16, d, 16, d, 16); });

  nacre_hash_ctx *sha = w.sha256, *shake = w.shake;
  handle_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_update", "ctx",
                                 [=](Probe &, nacre_hash_ctx *h) { return nacre_hash_ctx_update(h, d, 3); });
  input_classes(rows, "nacre_hash_ctx_update", "in", 3,
                [=](Probe &, const uint8_t *in, size_t n) { return nacre_hash_ctx_update(sha, in, n); });
  rows.status("nacre_hash_ctx_update", Cls::zero_len, "empty input", NACRE_OK,
              [=](Probe &) { return nacre_hash_ctx_update(sha, nullptr, 0); });

  handle_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_digest", "ctx", [](Probe &p, nacre_hash_ctx *h) {
    return nacre_hash_ctx_digest(h, p.out(32), 32, p.len());
  });
  triple_classes(rows, "nacre_hash_ctx_digest", 32,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_hash_ctx_digest(sha, o, c, l); });
  rows.status("nacre_hash_ctx_digest", Cls::out_of_range, "an XOF state", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_hash_ctx_digest(shake, p.out(64), 64, p.len()); });

  handle_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_xof", "ctx",
                                 [](Probe &p, nacre_hash_ctx *h) { return nacre_hash_ctx_xof(h, p.out(32), 32); });
  exact_classes(rows, "nacre_hash_ctx_xof", 32, NACRE_OK,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_hash_ctx_xof(shake, o, n); });
  rows.status("nacre_hash_ctx_xof", Cls::out_of_range, "not an XOF state (SHA-256)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_hash_ctx_xof(sha, p.out(32), 32); });

  handle_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_digest_len", "ctx", [](Probe &p, nacre_hash_ctx *h) {
    return nacre_hash_ctx_digest_len(h, p.len());
  });
  rows.status("nacre_hash_ctx_digest_len", Cls::null_ptr, "out_len NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return nacre_hash_ctx_digest_len(sha, nullptr); });

  handle_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_copy", "ctx", [](Probe &p, nacre_hash_ctx *h) {
    return nacre_hash_ctx_copy(h, p.out_as<nacre_hash_ctx *>());
  });
  null_handle_out(rows, "nacre_hash_ctx_copy", [=](Probe &) { return nacre_hash_ctx_copy(sha, nullptr); });

  free_classes<nacre_hash_ctx>(rows, "nacre_hash_ctx_free", nacre_hash_ctx_free);
}

void hmac_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  // SHA-3, BLAKE2b and SHAKE are hashes but not HMAC algorithms.
  size_getter(rows, "nacre_hmac_len", {0, -1, 1000, NACRE_HASH_SHA3_256, NACRE_HASH_BLAKE2B}, nacre_hmac_len);
  unknown_numbers(rows, "nacre_hmac_is_available", "alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int a) { return nacre_hmac_is_available(a, 0); });
  unknown_numbers(rows, "nacre_hmac_is_available", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int b) { return nacre_hmac_is_available(NACRE_HASH_SHA256, b); });

  auto hmac = [](Probe &p, int alg, int backend, const uint8_t *key, size_t key_len, const uint8_t *in, size_t in_len) {
    return nacre_hmac(alg, backend, p.out(32), 32, p.len(), key, key_len, in, in_len);
  };
  triple_classes(rows, "nacre_hmac", 32, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_hmac(NACRE_HASH_SHA256, 0, o, c, l, d, 16, d, 3);
  });
  input_classes(rows, "nacre_hmac", "key", 16,
                [=](Probe &p, const uint8_t *k, size_t n) { return hmac(p, NACRE_HASH_SHA256, 0, k, n, d, 3); });
  input_classes(rows, "nacre_hmac", "in", 3,
                [=](Probe &p, const uint8_t *in, size_t n) { return hmac(p, NACRE_HASH_SHA256, 0, d, 16, in, n); });
  rows.status("nacre_hmac", Cls::zero_len, "empty key and empty input", NACRE_OK,
              [=](Probe &p) { return hmac(p, NACRE_HASH_SHA256, 0, nullptr, 0, nullptr, 0); });
  unknown_numbers(rows, "nacre_hmac", "alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return hmac(p, a, 0, d, 16, d, 3); });
  unknown_numbers(rows, "nacre_hmac", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return hmac(p, NACRE_HASH_SHA256, b, d, 16, d, 3); });

  auto verify = [](int alg, int backend, const uint8_t *tag, size_t tag_len, const uint8_t *key, size_t key_len,
                   const uint8_t *in, size_t in_len) {
    return nacre_hmac_verify(alg, backend, tag, tag_len, key, key_len, in, in_len);
  };
  input_classes(rows, "nacre_hmac_verify", "tag", 32, [=](Probe &, const uint8_t *t, size_t n) {
    return verify(NACRE_HASH_SHA256, 0, t, n, d, 16, d, 3);
  });
  input_classes(rows, "nacre_hmac_verify", "key", 16, [=](Probe &, const uint8_t *k, size_t n) {
    return verify(NACRE_HASH_SHA256, 0, d, 32, k, n, d, 3);
  });
  input_classes(rows, "nacre_hmac_verify", "in", 3, [=](Probe &, const uint8_t *in, size_t n) {
    return verify(NACRE_HASH_SHA256, 0, d, 32, d, 16, in, n);
  });
  rows.status("nacre_hmac_verify", Cls::zero_len, "an empty tag is a wrong tag", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return verify(NACRE_HASH_SHA256, 0, nullptr, 0, d, 16, d, 3); });
  unknown_numbers(rows, "nacre_hmac_verify", "alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int a) { return verify(a, 0, d, 32, d, 16, d, 3); });
  unknown_numbers(rows, "nacre_hmac_verify", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int b) { return verify(NACRE_HASH_SHA256, b, d, 32, d, 16, d, 3); });

  auto ctx_new = [](Probe &p, int alg, int backend, const uint8_t *key, size_t key_len) {
    return nacre_hmac_ctx_new(p.out_as<nacre_hmac_ctx *>(), alg, backend, key, key_len);
  };
  null_handle_out(rows, "nacre_hmac_ctx_new",
                  [=](Probe &) { return nacre_hmac_ctx_new(nullptr, NACRE_HASH_SHA256, 0, d, 16); });
  input_classes(rows, "nacre_hmac_ctx_new", "key", 16,
                [=](Probe &p, const uint8_t *k, size_t n) { return ctx_new(p, NACRE_HASH_SHA256, 0, k, n); });
  rows.status("nacre_hmac_ctx_new", Cls::zero_len, "an empty key is a key", NACRE_OK,
              [=](Probe &p) { return ctx_new(p, NACRE_HASH_SHA256, 0, nullptr, 0); });
  unknown_numbers(rows, "nacre_hmac_ctx_new", "alg", {0, -1, 1000, NACRE_HASH_SHAKE128}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return ctx_new(p, a, 0, d, 16); });
  unknown_numbers(rows, "nacre_hmac_ctx_new", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return ctx_new(p, NACRE_HASH_SHA256, b, d, 16); });

  nacre_hmac_ctx *ctx = w.hmac;
  handle_classes<nacre_hmac_ctx>(rows, "nacre_hmac_ctx_update", "ctx",
                                 [=](Probe &, nacre_hmac_ctx *h) { return nacre_hmac_ctx_update(h, d, 3); });
  input_classes(rows, "nacre_hmac_ctx_update", "in", 3,
                [=](Probe &, const uint8_t *in, size_t n) { return nacre_hmac_ctx_update(ctx, in, n); });
  rows.status("nacre_hmac_ctx_update", Cls::zero_len, "empty input", NACRE_OK,
              [=](Probe &) { return nacre_hmac_ctx_update(ctx, nullptr, 0); });

  handle_classes<nacre_hmac_ctx>(rows, "nacre_hmac_ctx_digest", "ctx", [](Probe &p, nacre_hmac_ctx *h) {
    return nacre_hmac_ctx_digest(h, p.out(32), 32, p.len());
  });
  triple_classes(rows, "nacre_hmac_ctx_digest", 32,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_hmac_ctx_digest(ctx, o, c, l); });

  handle_classes<nacre_hmac_ctx>(rows, "nacre_hmac_ctx_verify", "ctx",
                                 [=](Probe &, nacre_hmac_ctx *h) { return nacre_hmac_ctx_verify(h, d, 32); });
  input_classes(rows, "nacre_hmac_ctx_verify", "tag", 32,
                [=](Probe &, const uint8_t *t, size_t n) { return nacre_hmac_ctx_verify(ctx, t, n); });
  rows.status("nacre_hmac_ctx_verify", Cls::zero_len, "an empty tag is a wrong tag", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return nacre_hmac_ctx_verify(ctx, nullptr, 0); });

  handle_classes<nacre_hmac_ctx>(rows, "nacre_hmac_ctx_copy", "ctx", [](Probe &p, nacre_hmac_ctx *h) {
    return nacre_hmac_ctx_copy(h, p.out_as<nacre_hmac_ctx *>());
  });
  null_handle_out(rows, "nacre_hmac_ctx_copy", [=](Probe &) { return nacre_hmac_ctx_copy(ctx, nullptr); });

  free_classes<nacre_hmac_ctx>(rows, "nacre_hmac_ctx_free", nacre_hmac_ctx_free);
}

// AEAD rows use XChaCha20-Poly1305 (24-byte nonce, 16-byte tag, random nonces allowed) with a
// 10-byte message; ChaCha20-Poly1305 is the algorithm without random nonces.
void aead_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  constexpr size_t kN = 24, kT = 16, kM = 10;
  const int past = static_cast<int>(nacre_aead_count()) + 1;
  size_getter(rows, "nacre_aead_key_len", {0, -1, past, 1000}, nacre_aead_key_len);
  size_getter(rows, "nacre_aead_nonce_len", {0, -1, past, 1000}, nacre_aead_nonce_len);
  size_getter(rows, "nacre_aead_tag_len", {0, -1, past, 1000}, nacre_aead_tag_len);
  family_rows(rows, "aead", nacre_aead_count, nacre_aead_at, nacre_aead_name, nacre_aead_from_name);
  describe_rows<nacre_aead_info>(rows, "nacre_aead_describe", NACRE_AEAD_AES_256_GCM,
                                 offsetof(nacre_aead_info, flags) + sizeof(uint32_t), nacre_aead_describe);
  unknown_numbers(rows, "nacre_aead_is_available", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int a) { return nacre_aead_is_available(a, 0); });
  unknown_numbers(rows, "nacre_aead_is_available", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [](Probe &, int b) { return nacre_aead_is_available(NACRE_AEAD_CHACHA20_POLY1305, b); });
  rows.status("nacre_aead_is_available", Cls::out_of_range, "AES-128-GCM on libsodium, which lacks it",
              NACRE_ERR_UNSUPPORTED,
              [](Probe &) { return nacre_aead_is_available(NACRE_AEAD_AES_128_GCM, NACRE_BACKEND_SODIUM); });

  // Key creation.
  auto key_new = [](Probe &p, int alg, int backend, const uint8_t *key, size_t key_len) {
    return nacre_aead_key_new(p.out_as<nacre_aead_key *>(), alg, backend, key, key_len);
  };
  const int xc = NACRE_AEAD_XCHACHA20_POLY1305;
  null_handle_out(rows, "nacre_aead_key_new", [=](Probe &) { return nacre_aead_key_new(nullptr, xc, 0, d, 32); });
  input_classes(rows, "nacre_aead_key_new", "key", 32,
                [=](Probe &p, const uint8_t *k, size_t n) { return key_new(p, xc, 0, k, n); });
  rows.status("nacre_aead_key_new", Cls::zero_len, "key_len 0 is a wrong key length", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return key_new(p, xc, 0, d, 0); });
  rows.status("nacre_aead_key_new", Cls::out_of_range, "key_len 31", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return key_new(p, xc, 0, d, 31); });
  unknown_numbers(rows, "nacre_aead_key_new", "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return key_new(p, a, 0, d, 32); });
  unknown_numbers(rows, "nacre_aead_key_new", "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return key_new(p, xc, b, d, 32); });
  free_classes<nacre_aead_key>(rows, "nacre_aead_key_free", nacre_aead_key_free);

  // The combined forms, with a handle and one-shot. |op| is the call with every argument but
  // the key; the one-shot forms add their own key rows.
  using Combined = std::function<int(uint8_t *, size_t, size_t *, const uint8_t *, size_t, const uint8_t *, size_t,
                                     const uint8_t *, size_t)>;
  auto combined_rows = [&](const std::string &fn, bool seal, const Combined &op) {
    const size_t in_len = seal ? kM : kM + kT, need = seal ? kM + kT : kM;
    auto call = [=](Probe &p, const uint8_t *nonce, size_t nonce_len, const uint8_t *in, size_t n, const uint8_t *ad,
                    size_t ad_len) { return op(p.out(need), need, p.len(), nonce, nonce_len, in, n, ad, ad_len); };
    triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
      return op(o, c, l, d, kN, d + 100, in_len, d + 200, 3);
    });
    input_classes(rows, fn, "nonce", kN,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, x, n, d + 100, in_len, d + 200, 3); });
    input_classes(rows, fn, "in", in_len,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, d, kN, x, n, d + 200, 3); });
    input_classes(rows, fn, "ad", 3,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, d, kN, d + 100, in_len, x, n); });
    rows.status(fn, Cls::zero_len, "nonce_len 0", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return call(p, d, 0, d + 100, in_len, d + 200, 3); });
    if (seal) {
      rows.status(fn, Cls::zero_len, "empty message and ad", NACRE_OK, [=](Probe &p) {
        return op(p.out(kT), kT, p.len(), d, kN, nullptr, 0, nullptr, 0);
      });
    } else {
      rows.status(fn, Cls::zero_len, "empty input: shorter than a tag", NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
        return op(p.out(kM), kM, p.len(), d, kN, nullptr, 0, nullptr, 0);
      });
    }
    // Aliasing: exactly in place is allowed, any other overlap is refused.
    rows.status(fn, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 1, need);
      return op(buf + 1, need, p.len(), d, kN, buf, in_len, nullptr, 0);
    });
    rows.status(fn, Cls::overlap, "out overlaps ad", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf, need);
      return op(buf, need, p.len(), d, kN, d + 100, in_len, buf + need - 2, 3);
    });
    rows.status(fn, Cls::overlap, "out overlaps nonce", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 8, need);
      return op(buf + 8, need, p.len(), buf, kN, d + 100, in_len, nullptr, 0);
    });
    // In place: sealing succeeds; opening garbage fails authentication and wipes the buffer.
    rows.status(fn, Cls::overlap, "exactly in place (allowed)", seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED,
                [=](Probe &p) {
                  uint8_t *buf = p.scratch(kM + kT);
                  std::memcpy(buf, d, kM + kT);
                  p.zero_region(buf, need);
                  return op(buf, seal ? kM + kT : kM, p.len(), d, kN, buf, in_len, nullptr, 0);
                });
  };

  nacre_aead_key *key = w.xchacha;
  for (bool seal : {true, false}) {
    const std::string fn = seal ? "nacre_aead_seal" : "nacre_aead_open";
    auto fnp = seal ? nacre_aead_seal : nacre_aead_open;
    handle_classes<nacre_aead_key>(rows, fn, "key", [=](Probe &p, nacre_aead_key *k) {
      return fnp(k, p.out(32), 32, p.len(), d, kN, d + 100, kM + kT, nullptr, 0);
    });
    combined_rows(fn, seal, [=](uint8_t *o, size_t c, size_t *l, const uint8_t *n, size_t nl, const uint8_t *i,
                                size_t il, const uint8_t *a, size_t al) { return fnp(key, o, c, l, n, nl, i, il, a, al); });

    const std::string one = seal ? "nacre_aead_seal_oneshot" : "nacre_aead_open_oneshot";
    auto onep = seal ? nacre_aead_seal_oneshot : nacre_aead_open_oneshot;
    combined_rows(one, seal, [=](uint8_t *o, size_t c, size_t *l, const uint8_t *n, size_t nl, const uint8_t *i,
                                 size_t il, const uint8_t *a, size_t al) {
      return onep(xc, 0, d, 32, o, c, l, n, nl, i, il, a, al);
    });
    auto with_key = [=](Probe &p, int alg, int backend, const uint8_t *k, size_t kl) {
      return onep(alg, backend, k, kl, p.out(32), 32, p.len(), d, kN, d + 100, kM + kT, nullptr, 0);
    };
    input_classes(rows, one, "key", 32, [=](Probe &p, const uint8_t *k, size_t n) { return with_key(p, xc, 0, k, n); });
    rows.status(one, Cls::zero_len, "key_len 0 is a wrong key length", NACRE_ERR_INVALID_KEY,
                [=](Probe &p) { return with_key(p, xc, 0, d, 0); });
    unknown_numbers(rows, one, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                    [=](Probe &p, int a) { return with_key(p, a, 0, d, 32); });
    unknown_numbers(rows, one, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                    [=](Probe &p, int b) { return with_key(p, xc, b, d, 32); });
  }

  // Detached seal: two outputs, ciphertext (10 bytes) and tag (16 bytes).
  auto seal_d = [=](nacre_aead_key *k, uint8_t *o, size_t oc, size_t *ol, uint8_t *t, size_t tc, size_t *tl,
                    const uint8_t *n, size_t nl, const uint8_t *in, size_t il, const uint8_t *a, size_t al) {
    return nacre_aead_seal_detached(k, o, oc, ol, t, tc, tl, n, nl, in, il, a, al);
  };
  const std::string sd = "nacre_aead_seal_detached";
  handle_classes<nacre_aead_key>(rows, sd, "key", [=](Probe &p, nacre_aead_key *k) {
    return seal_d(k, p.out(kM), kM, p.len(), p.out(kT), kT, p.len(), d, kN, d + 100, kM, nullptr, 0);
  });
  pair_classes(rows, sd, "ciphertext", kM, "tag", kT,
               [=](Probe &, uint8_t *o, size_t oc, size_t *ol, uint8_t *t, size_t tc, size_t *tl) {
                 return seal_d(key, o, oc, ol, t, tc, tl, d, kN, d + 100, kM, nullptr, 0);
               });
  auto sd_call = [=](Probe &p, const uint8_t *n, size_t nl, const uint8_t *in, size_t il, const uint8_t *a, size_t al) {
    return seal_d(key, p.out(kM), kM, p.len(), p.out(kT), kT, p.len(), n, nl, in, il, a, al);
  };
  input_classes(rows, sd, "nonce", kN,
                [=](Probe &p, const uint8_t *x, size_t n) { return sd_call(p, x, n, d + 100, kM, d, 3); });
  input_classes(rows, sd, "in", kM, [=](Probe &p, const uint8_t *x, size_t n) { return sd_call(p, d, kN, x, n, d, 3); });
  input_classes(rows, sd, "ad", 3,
                [=](Probe &p, const uint8_t *x, size_t n) { return sd_call(p, d, kN, d + 100, kM, x, n); });
  rows.status(sd, Cls::zero_len, "empty message: empty ciphertext and a tag", NACRE_OK, [=](Probe &p) {
    return seal_d(key, nullptr, 0, p.len(), p.out(kT), kT, p.len(), d, kN, nullptr, 0, nullptr, 0);
  });
  rows.status(sd, Cls::overlap, "tag overlaps the message", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf + 4, kT);
    return seal_d(key, p.out(kM), kM, p.len(), buf + 4, kT, p.len(), d, kN, buf, kM, nullptr, 0);
  });
  rows.status(sd, Cls::overlap, "ciphertext starts one byte after the message", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) {
                uint8_t *buf = p.scratch(64);
                std::memcpy(buf, d, 64);
                p.zero_region(buf + 1, kM);
                return seal_d(key, buf + 1, kM, p.len(), p.out(kT), kT, p.len(), d, kN, buf, kM, nullptr, 0);
              });
  rows.status(sd, Cls::overlap, "ciphertext exactly in place (allowed)", NACRE_OK, [=](Probe &p) {
    uint8_t *buf = p.scratch(kM);
    std::memcpy(buf, d, kM);
    return seal_d(key, buf, kM, p.len(), p.out(kT), kT, p.len(), d, kN, buf, kM, nullptr, 0);
  });

  // Detached open: 10 bytes of ciphertext, a 16-byte tag.
  const std::string od = "nacre_aead_open_detached";
  auto open_d = [=](nacre_aead_key *k, uint8_t *o, size_t oc, size_t *ol, const uint8_t *n, size_t nl,
                    const uint8_t *in, size_t il, const uint8_t *t, size_t tl, const uint8_t *a, size_t al) {
    return nacre_aead_open_detached(k, o, oc, ol, n, nl, in, il, t, tl, a, al);
  };
  handle_classes<nacre_aead_key>(rows, od, "key", [=](Probe &p, nacre_aead_key *k) {
    return open_d(k, p.out(kM), kM, p.len(), d, kN, d + 100, kM, d + 200, kT, nullptr, 0);
  });
  triple_classes(rows, od, kM, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return open_d(key, o, c, l, d, kN, d + 100, kM, d + 200, kT, nullptr, 0);
  });
  auto od_call = [=](Probe &p, const uint8_t *n, size_t nl, const uint8_t *in, size_t il, const uint8_t *t, size_t tl,
                     const uint8_t *a, size_t al) { return open_d(key, p.out(kM), kM, p.len(), n, nl, in, il, t, tl, a, al); };
  input_classes(rows, od, "nonce", kN,
                [=](Probe &p, const uint8_t *x, size_t n) { return od_call(p, x, n, d + 100, kM, d + 200, kT, d, 3); });
  input_classes(rows, od, "in", kM,
                [=](Probe &p, const uint8_t *x, size_t n) { return od_call(p, d, kN, x, n, d + 200, kT, d, 3); });
  input_classes(rows, od, "tag", kT,
                [=](Probe &p, const uint8_t *x, size_t n) { return od_call(p, d, kN, d + 100, kM, x, n, d, 3); });
  input_classes(rows, od, "ad", 3,
                [=](Probe &p, const uint8_t *x, size_t n) { return od_call(p, d, kN, d + 100, kM, d + 200, kT, x, n); });
  rows.status(od, Cls::zero_len, "tag_len 0 is a wrong tag", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &p) { return od_call(p, d, kN, d + 100, kM, d + 200, 0, nullptr, 0); });
  rows.status(od, Cls::overlap, "out overlaps the tag", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf, kM);
    return open_d(key, buf, kM, p.len(), d, kN, d + 100, kM, buf + 5, kT, nullptr, 0);
  });

  // Random nonces: output nonce || ciphertext || tag (50 bytes for a 10-byte message).
  const std::string sr = "nacre_aead_seal_with_random_nonce", orn = "nacre_aead_open_with_nonce_prefix";
  constexpr size_t kBox = kN + kM + kT;
  for (bool seal : {true, false}) {
    const std::string fn = seal ? sr : orn;
    auto fnp = seal ? nacre_aead_seal_with_random_nonce : nacre_aead_open_with_nonce_prefix;
    const size_t in_len = seal ? kM : kBox, need = seal ? kBox : kM;
    handle_classes<nacre_aead_key>(rows, fn, "key", [=](Probe &p, nacre_aead_key *k) {
      return fnp(k, p.out(need), need, p.len(), d + 100, in_len, nullptr, 0);
    });
    triple_classes(rows, fn, need,
                   [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(key, o, c, l, d + 100, in_len, d, 3); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) {
      return fnp(key, p.out(need), need, p.len(), x, n, d, 3);
    });
    input_classes(rows, fn, "ad", 3, [=](Probe &p, const uint8_t *x, size_t n) {
      return fnp(key, p.out(need), need, p.len(), d + 100, in_len, x, n);
    });
    rows.status(fn, Cls::zero_len, seal ? "empty message" : "empty input: shorter than nonce and tag",
                seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = seal ? kN + kT : kM;
                  return fnp(key, p.out(cap), cap, p.len(), nullptr, 0, nullptr, 0);
                });
    rows.status(fn, Cls::out_of_range, "a ChaCha20-Poly1305 key (96-bit nonces)", NACRE_ERR_UNSUPPORTED,
                [=](Probe &p) { return fnp(world().chacha, p.out(need), need, p.len(), d + 100, in_len, nullptr, 0); });
    rows.status(fn, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(128);
      std::memcpy(buf, d, 128);
      p.zero_region(buf + 1, need);
      return fnp(key, buf + 1, need, p.len(), buf, in_len, nullptr, 0);
    });
  }
  // Sealing with a random nonce must not overlap its input at all, exactly in place included.
  rows.status(sr, Cls::overlap, "out exactly at in (refused: the nonce comes first)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) {
                uint8_t *buf = p.scratch(kBox);
                std::memcpy(buf, d, kBox);
                p.zero_region(buf, kBox);
                return nacre_aead_seal_with_random_nonce(key, buf, kBox, p.len(), buf, kM, nullptr, 0);
              });
}

void secretstream_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  constexpr size_t kH = NACRE_SECRETSTREAM_HEADER_LEN, kO = NACRE_SECRETSTREAM_OVERHEAD, kM = 10;

  const std::string en = "nacre_secretstream_encryptor_new";
  auto enc_new = [](Probe &p, uint8_t *h, size_t hc, size_t *hl, const uint8_t *k, size_t kl) {
    return nacre_secretstream_encryptor_new(p.out_as<nacre_secretstream_encryptor *>(), h, hc, hl, k, kl);
  };
  null_handle_out(rows, en, [=](Probe &p) {
    return nacre_secretstream_encryptor_new(nullptr, p.scratch(kH), kH, p.len(), d, 32);
  });
  triple_classes(rows, en, kH, [=](Probe &p, uint8_t *o, size_t c, size_t *l) { return enc_new(p, o, c, l, d, 32); });
  input_classes(rows, en, "key", 32,
                [=](Probe &p, const uint8_t *k, size_t n) { return enc_new(p, p.out(kH), kH, p.len(), k, n); });
  rows.status(en, Cls::zero_len, "key_len 0 is a wrong key length", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return enc_new(p, p.out(kH), kH, p.len(), d, 0); });
  rows.status(en, Cls::out_of_range, "key_len 31", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return enc_new(p, p.out(kH), kH, p.len(), d, 31); });

  const std::string ps = "nacre_secretstream_push";
  nacre_secretstream_encryptor *push = w.push;
  auto push_call = [](nacre_secretstream_encryptor *st, Probe &p, size_t cap, const uint8_t *in, size_t il,
                      const uint8_t *ad, size_t al, int tag) {
    return nacre_secretstream_push(st, p.out(cap), cap, p.len(), in, il, ad, al, tag);
  };
  handle_classes<nacre_secretstream_encryptor>(rows, ps, "st", [=](Probe &p, nacre_secretstream_encryptor *st) {
    return push_call(st, p, kM + kO, d, kM, nullptr, 0, 0);
  });
  triple_classes(rows, ps, kM + kO, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_secretstream_push(push, o, c, l, d, kM, nullptr, 0, 0);
  });
  input_classes(rows, ps, "in", kM,
                [=](Probe &p, const uint8_t *x, size_t n) { return push_call(push, p, kM + kO, x, n, d, 3, 0); });
  input_classes(rows, ps, "ad", 3,
                [=](Probe &p, const uint8_t *x, size_t n) { return push_call(push, p, kM + kO, d, kM, x, n, 0); });
  rows.status(ps, Cls::zero_len, "empty message and ad", NACRE_OK,
              [=](Probe &p) { return push_call(push, p, kO, nullptr, 0, nullptr, 0, 0); });
  unknown_numbers(rows, ps, "tag", {4, -1, 1000}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int t) { return push_call(push, p, kM + kO, d, kM, nullptr, 0, t); });
  rows.status(ps, Cls::out_of_range, "a push after the final tag", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return push_call(world().finished_push, p, kM + kO, d, kM, nullptr, 0, 0); });
  rows.status(ps, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf + 1, kM + kO);
    return nacre_secretstream_push(push, buf + 1, kM + kO, p.len(), buf, kM, nullptr, 0, 0);
  });
  rows.status(ps, Cls::overlap, "exactly in place (allowed)", NACRE_OK, [=](Probe &p) {
    uint8_t *buf = p.scratch(kM + kO);
    std::memcpy(buf, d, kM + kO);
    return nacre_secretstream_push(push, buf, kM + kO, p.len(), buf, kM, nullptr, 0, 0);
  });
  free_classes<nacre_secretstream_encryptor>(rows, "nacre_secretstream_encryptor_free",
                                             nacre_secretstream_encryptor_free);

  const std::string dn = "nacre_secretstream_decryptor_new";
  auto dec_new = [](Probe &p, const uint8_t *h, size_t hl, const uint8_t *k, size_t kl) {
    return nacre_secretstream_decryptor_new(p.out_as<nacre_secretstream_decryptor *>(), h, hl, k, kl);
  };
  null_handle_out(rows, dn, [=](Probe &) { return nacre_secretstream_decryptor_new(nullptr, d, kH, d, 32); });
  input_classes(rows, dn, "header", kH, [=](Probe &p, const uint8_t *h, size_t n) { return dec_new(p, h, n, d, 32); });
  input_classes(rows, dn, "key", 32, [=](Probe &p, const uint8_t *k, size_t n) { return dec_new(p, d, kH, k, n); });
  rows.status(dn, Cls::zero_len, "header_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return dec_new(p, d, 0, d, 32); });
  rows.status(dn, Cls::zero_len, "key_len 0", NACRE_ERR_INVALID_KEY, [=](Probe &p) { return dec_new(p, d, kH, d, 0); });
  rows.status(dn, Cls::out_of_range, "header_len 23", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return dec_new(p, d, kH - 1, d, 32); });
  rows.status(dn, Cls::out_of_range, "key_len 33", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return dec_new(p, d, kH, d, 33); });

  // Pulls of garbage: size and argument checks come before authentication.
  const std::string pl = "nacre_secretstream_pull";
  nacre_secretstream_decryptor *pull = w.pull;
  auto pull_call = [](nacre_secretstream_decryptor *st, Probe &p, size_t cap, const uint8_t *in, size_t il,
                      const uint8_t *ad, size_t al) {
    // *tag is set to -1 on failure, not zeroed: fenced scratch.
    return nacre_secretstream_pull(st, p.out(cap), cap, p.len(), reinterpret_cast<int *>(p.scratch(sizeof(int))), in, il,
                                   ad, al);
  };
  handle_classes<nacre_secretstream_decryptor>(rows, pl, "st", [=](Probe &p, nacre_secretstream_decryptor *st) {
    return nacre_secretstream_pull(st, p.out(kM), kM, p.len(), nullptr, d, kM + kO, nullptr, 0);
  });
  triple_classes(rows, pl, kM, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_secretstream_pull(pull, o, c, l, nullptr, d, kM + kO, nullptr, 0);
  });
  input_classes(rows, pl, "in", kM + kO,
                [=](Probe &p, const uint8_t *x, size_t n) { return pull_call(pull, p, kM, x, n, d, 3); });
  input_classes(rows, pl, "ad", 3,
                [=](Probe &p, const uint8_t *x, size_t n) { return pull_call(pull, p, kM, d, kM + kO, x, n); });
  rows.status(pl, Cls::zero_len, "empty input: shorter than the overhead", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &p) { return pull_call(pull, p, kM, nullptr, 0, nullptr, 0); });
  rows.status(pl, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf + 1, kM);
    return nacre_secretstream_pull(pull, buf + 1, kM, p.len(), nullptr, buf, kM + kO, nullptr, 0);
  });
  rows.status(pl, Cls::overlap, "exactly in place (allowed): garbage fails and is wiped", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &p) {
                uint8_t *buf = p.scratch(kM + kO);
                std::memcpy(buf, d, kM + kO);
                p.zero_region(buf, kM);
                return nacre_secretstream_pull(pull, buf, kM, p.len(), nullptr, buf, kM + kO, nullptr, 0);
              });

  handle_classes<nacre_secretstream_decryptor>(
      rows, "nacre_secretstream_decryptor_is_finished", "st",
      [](Probe &, nacre_secretstream_decryptor *st) { return nacre_secretstream_decryptor_is_finished(st); });
  rows.status("nacre_secretstream_decryptor_is_finished", Cls::no_bad_input,
              "only a handle: a fresh stream is not finished (truncated)", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return nacre_secretstream_decryptor_is_finished(pull); });
  free_classes<nacre_secretstream_decryptor>(rows, "nacre_secretstream_decryptor_free",
                                             nacre_secretstream_decryptor_free);
}

void age_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  const std::string rcp = w.age_recipient, id = w.age_identity;
  const uint8_t *idp = w.age_id();
  const size_t kM = 10;
  const char *not_a_key = "# a comment\nage1notakey\n";
  // Each row runs in a forked child, so the rows that feed a live handle do not change it for
  // the next one.

  const std::string en = "nacre_age_encryptor_new";
  auto enc_new = [](Probe &p, const char *r, size_t n, unsigned flags) {
    return nacre_age_encryptor_new(p.out_as<nacre_age_encryptor *>(), r, n, flags);
  };
  null_handle_out(rows, en, [=](Probe &) { return nacre_age_encryptor_new(nullptr, rcp.data(), rcp.size(), 0); });
  input_classes(rows, en, "recipients", rcp.size(), [=](Probe &p, const uint8_t *r, size_t n) {
    return enc_new(p, reinterpret_cast<const char *>(r), n, 0);
  });
  rows.status(en, Cls::zero_len, "recipients_len 0: no recipient", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return enc_new(p, rcp.data(), 0, 0); });
  rows.status(en, Cls::out_of_range, "only comments: no recipient", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return enc_new(p, "# none\n\n", 8, 0); });
  rows.status(en, Cls::out_of_range, "a line that is not a recipient", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return enc_new(p, not_a_key, std::strlen(not_a_key), 0); });
  rows.status(en, Cls::out_of_range, "an identity where a recipient belongs", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return enc_new(p, id.data(), id.size(), 0); });
  unknown_numbers(rows, en, "flags", {2, -1, 0x100}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int f) { return enc_new(p, rcp.data(), rcp.size(), static_cast<unsigned>(f)); });

  const std::string ep = "nacre_age_encryptor_new_passphrase";
  auto enc_pw = [](Probe &p, const uint8_t *pw, size_t n, int wf, unsigned flags) {
    return nacre_age_encryptor_new_passphrase(p.out_as<nacre_age_encryptor *>(), pw, n, wf, flags);
  };
  null_handle_out(rows, ep, [=](Probe &) { return nacre_age_encryptor_new_passphrase(nullptr, d, 8, 1, 0); });
  input_classes(rows, ep, "passphrase", 8, [=](Probe &p, const uint8_t *pw, size_t n) { return enc_pw(p, pw, n, 1, 0); });
  rows.status(ep, Cls::zero_len, "an empty passphrase", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return enc_pw(p, d, 0, 1, 0); });
  unknown_numbers(rows, ep, "work_factor", {31, -1, INT_MIN, INT_MAX}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int wf) { return enc_pw(p, d, 8, wf, 0); });
  unknown_numbers(rows, ep, "flags", {2, -1}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int f) { return enc_pw(p, d, 8, 1, static_cast<unsigned>(f)); });

  for (const bool finishing : {false, true}) {
    const std::string fn = finishing ? "nacre_age_encryptor_finish" : "nacre_age_encryptor_update";
    const size_t need = finishing ? w.age_finish_need : w.age_update_need;
    auto step = [=](nacre_age_encryptor *st, uint8_t *o, size_t c, size_t *l, const uint8_t *in, size_t n) {
      return finishing ? nacre_age_encryptor_finish(st, o, c, l) : nacre_age_encryptor_update(st, o, c, l, in, n);
    };
    handle_classes<nacre_age_encryptor>(rows, fn, "st", [=](Probe &p, nacre_age_encryptor *st) {
      return step(st, p.out(need), need, p.len(), d, kM);
    });
    nacre_age_encryptor *enc = w.age_enc;
    triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return step(enc, o, c, l, d, kM); });
    rows.status(fn, Cls::out_of_range, "a finished encryptor", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      return step(world().finished_age_enc, p.out(need), need, p.len(), d, kM);
    });
  }
  nacre_age_encryptor *enc = w.age_enc;
  input_classes(rows, "nacre_age_encryptor_update", "in", kM, [=](Probe &p, const uint8_t *x, size_t n) {
    return nacre_age_encryptor_update(enc, p.out(4096), 4096, p.len(), x, n);
  });
  free_classes<nacre_age_encryptor>(rows, "nacre_age_encryptor_free", nacre_age_encryptor_free);

  const std::string dn = "nacre_age_decryptor_new";
  auto dec_new = [](Probe &p, const uint8_t *i, size_t n, int format) {
    return nacre_age_decryptor_new(p.out_as<nacre_age_decryptor *>(), i, n, format);
  };
  null_handle_out(rows, dn, [=](Probe &) { return nacre_age_decryptor_new(nullptr, idp, id.size(), 0); });
  input_classes(rows, dn, "identities", id.size(), [=](Probe &p, const uint8_t *i, size_t n) { return dec_new(p, i, n, 0); });
  rows.status(dn, Cls::zero_len, "identities_len 0: no identity", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return dec_new(p, idp, 0, 0); });
  rows.status(dn, Cls::out_of_range, "a recipient where an identity belongs", NACRE_ERR_INVALID_KEY, [=](Probe &p) {
    return dec_new(p, reinterpret_cast<const uint8_t *>(rcp.data()), rcp.size(), 0);
  });
  unknown_numbers(rows, dn, "format", {3, -1, 1000}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int f) { return dec_new(p, idp, id.size(), f); });

  const std::string dp = "nacre_age_decryptor_new_passphrase";
  auto dec_pw = [](Probe &p, const uint8_t *pw, size_t n, int wf, int format) {
    return nacre_age_decryptor_new_passphrase(p.out_as<nacre_age_decryptor *>(), pw, n, wf, format);
  };
  null_handle_out(rows, dp, [=](Probe &) { return nacre_age_decryptor_new_passphrase(nullptr, d, 8, 0, 0); });
  input_classes(rows, dp, "passphrase", 8, [=](Probe &p, const uint8_t *pw, size_t n) { return dec_pw(p, pw, n, 0, 0); });
  rows.status(dp, Cls::zero_len, "an empty passphrase (files made elsewhere may use one)", NACRE_OK,
              [=](Probe &p) { return dec_pw(p, d, 0, 0, 0); });
  unknown_numbers(rows, dp, "max_work_factor", {31, -1, INT_MIN}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int wf) { return dec_pw(p, d, 8, wf, 0); });
  unknown_numbers(rows, dp, "format", {3, -1}, NACRE_ERR_INVALID_ARGUMENT,
                  [=](Probe &p, int f) { return dec_pw(p, d, 8, 0, f); });

  const std::string du = "nacre_age_decryptor_update";
  nacre_age_decryptor *dec = w.age_dec;
  handle_classes<nacre_age_decryptor>(rows, du, "st", [=](Probe &p, nacre_age_decryptor *st) {
    return nacre_age_decryptor_update(st, p.out(kM), kM, p.len(), d, kM);
  });
  triple_classes(rows, du, kM, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_age_decryptor_update(dec, o, c, l, d, kM);
  });
  input_classes(rows, du, "in", kM, [=](Probe &p, const uint8_t *x, size_t n) {
    return nacre_age_decryptor_update(dec, p.out(kM), kM, p.len(), x, n);
  });
  rows.status(du, Cls::out_of_range, "a file that is not age (header failure)", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    const char *text = "not an age file\n--- x\n";
    const size_t n = std::strlen(text);
    return nacre_age_decryptor_update(dec, p.out(n), n, p.len(), reinterpret_cast<const uint8_t *>(text), n);
  });

  const std::string df = "nacre_age_decryptor_finish";
  handle_classes<nacre_age_decryptor>(rows, df, "st", [=](Probe &p, nacre_age_decryptor *st) {
    return nacre_age_decryptor_finish(st, p.out(kM), kM, p.len());
  });
  rows.status(df, Cls::null_ptr, "out_len NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_age_decryptor_finish(dec, p.out(kM), kM, nullptr); });
  rows.status(df, Cls::huge_len, "out_cap SIZE_MAX", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_age_decryptor_finish(dec, p.scratch(kM), SIZE_MAX, p.len()); });
  rows.status(df, Cls::zero_len, "an empty file (header failure)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_age_decryptor_finish(dec, nullptr, 0, p.len()); })
      .want_len = {0};

  const std::string fl = "nacre_age_decryptor_failure";
  handle_classes<nacre_age_decryptor>(rows, fl, "st", [](Probe &, nacre_age_decryptor *st) {
    return nacre_age_decryptor_failure(st);
  });
  rows.value(fl, Cls::no_bad_input, "a fresh decryptor: none; after an empty file: header", 1, [=](Probe &p) {
    const int before = nacre_age_decryptor_failure(dec);
    const int rc = nacre_age_decryptor_finish(dec, nullptr, 0, p.len());
    return before == NACRE_AGE_FAILURE_NONE && rc == NACRE_ERR_INVALID_ARGUMENT &&
                   nacre_age_decryptor_failure(dec) == NACRE_AGE_FAILURE_HEADER ? 1 : 0;
  });
  free_classes<nacre_age_decryptor>(rows, "nacre_age_decryptor_free", nacre_age_decryptor_free);

  const std::string kg = "nacre_age_keygen";
  triple_classes(rows, kg, id.size(), [](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_age_keygen(0, o, c, l); });
  unknown_numbers(rows, kg, "post_quantum", {2, -1}, NACRE_ERR_INVALID_ARGUMENT,
                  [](Probe &p, int pq) { return nacre_age_keygen(pq, p.out(4096), 4096, p.len()); });

  const std::string ir = "nacre_age_identity_to_recipient";
  auto to_recipient = [](Probe &p, const uint8_t *i, size_t n, size_t cap) {
    return nacre_age_identity_to_recipient(i, n, reinterpret_cast<char *>(p.out(cap)), cap, p.len());
  };
  triple_classes(rows, ir, rcp.size(), [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_age_identity_to_recipient(idp, id.size(), reinterpret_cast<char *>(o), c, l);
  });
  input_classes(rows, ir, "identity", id.size(), [=](Probe &p, const uint8_t *i, size_t n) { return to_recipient(p, i, n, 128); });
  rows.status(ir, Cls::zero_len, "an empty identity", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return to_recipient(p, idp, 0, 128); });
  rows.status(ir, Cls::out_of_range, "an identity one character short", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return to_recipient(p, idp, id.size() - 1, 128); });

  const std::string rc = "nacre_age_recipient_check";
  input_classes(rows, rc, "recipient", rcp.size(), [](Probe &, const uint8_t *r, size_t n) {
    return nacre_age_recipient_check(reinterpret_cast<const char *>(r), n);
  });
  rows.status(rc, Cls::zero_len, "an empty recipient", NACRE_ERR_INVALID_KEY,
              [](Probe &) { return nacre_age_recipient_check("", 0); });
  rows.status(rc, Cls::out_of_range, "an identity is not a recipient", NACRE_ERR_INVALID_KEY,
              [=](Probe &) { return nacre_age_recipient_check(id.data(), id.size()); });
  rows.status(rc, Cls::no_bad_input, "a recipient", NACRE_OK,
              [=](Probe &) { return nacre_age_recipient_check(rcp.data(), rcp.size()); });
}

void minisign_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  nacre_minisign_key *key = w.mkey;
  const std::string pub = w.mpub, file = w.mkey_file, sig = w.msig;
  const auto *filep = reinterpret_cast<const uint8_t *>(file.data());

  null_handle_out(rows, "nacre_minisign_key_generate", [](Probe &) { return nacre_minisign_key_generate(nullptr); });
  rows.status("nacre_minisign_key_generate", Cls::no_bad_input, "a new key", NACRE_OK,
              [](Probe &p) { return nacre_minisign_key_generate(p.out_as<nacre_minisign_key *>()); });

  const std::string kl = "nacre_minisign_key_load";
  auto load = [](Probe &p, const uint8_t *f, size_t n, const uint8_t *pw, size_t pl) {
    return nacre_minisign_key_load(p.out_as<nacre_minisign_key *>(), f, n, pw, pl);
  };
  null_handle_out(rows, kl, [=](Probe &) { return nacre_minisign_key_load(nullptr, filep, file.size(), nullptr, 0); });
  input_classes(rows, kl, "file", file.size(), [=](Probe &p, const uint8_t *f, size_t n) { return load(p, f, n, nullptr, 0); });
  input_classes(rows, kl, "password", 2, [=](Probe &p, const uint8_t *pw, size_t n) { return load(p, filep, file.size(), pw, n); });
  rows.status(kl, Cls::zero_len, "an empty file", NACRE_ERR_INVALID_KEY, [=](Probe &p) { return load(p, filep, 0, nullptr, 0); });
  rows.status(kl, Cls::out_of_range, "a public key file", NACRE_ERR_INVALID_KEY, [=](Probe &p) {
    return load(p, reinterpret_cast<const uint8_t *>(pub.data()), pub.size(), nullptr, 0);
  });

  const std::string ks = "nacre_minisign_key_save";
  handle_classes<nacre_minisign_key>(rows, ks, "key", [=](Probe &p, nacre_minisign_key *k) {
    return nacre_minisign_key_save(k, nullptr, 0, 0, 0, p.out(512), 512, p.len());
  });
  triple_classes(rows, ks, file.size(), [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_key_save(key, nullptr, 0, 0, 0, o, c, l);
  });
  input_classes(rows, ks, "password", 2, [=](Probe &p, const uint8_t *pw, size_t n) {
    return nacre_minisign_key_save(key, pw, n, 1, 16384, p.out(512), 512, p.len());
  });
  const struct {
    uint64_t ops;
    size_t mem;
    const char *what;
  } costs[] = {{1, 0, "opslimit without memlimit"},
               {0, 16384, "memlimit without opslimit"},
               {uint64_t{1} << 40, 16777216, "opslimit above minisign's"},
               {524288, size_t{1} << 40, "memlimit above minisign's"}};
  for (const auto &c : costs) {
    const uint64_t ops = c.ops;
    const size_t mem = c.mem;
    rows.status(ks, Cls::out_of_range, c.what, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return nacre_minisign_key_save(key, d, 2, ops, mem, p.out(512), 512, p.len()); });
  }

  const std::string kp = "nacre_minisign_key_public";
  handle_classes<nacre_minisign_key>(rows, kp, "key", [](Probe &p, nacre_minisign_key *k) {
    return nacre_minisign_key_public(k, reinterpret_cast<char *>(p.out(256)), 256, p.len());
  });
  triple_classes(rows, kp, pub.size(), [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_key_public(key, reinterpret_cast<char *>(o), c, l);
  });
  free_classes<nacre_minisign_key>(rows, "nacre_minisign_key_free", nacre_minisign_key_free);

  const std::string pf = "nacre_minisign_public_key_file";
  triple_classes(rows, pf, pub.size(), [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_public_key_file(pub.data(), pub.size(), reinterpret_cast<char *>(o), c, l);
  });
  input_classes(rows, pf, "public_key", pub.size(), [](Probe &p, const uint8_t *k, size_t n) {
    return nacre_minisign_public_key_file(reinterpret_cast<const char *>(k), n, reinterpret_cast<char *>(p.out(256)), 256,
                                          p.len());
  });
  rows.status(pf, Cls::zero_len, "an empty public key", NACRE_ERR_INVALID_KEY, [=](Probe &p) {
    return nacre_minisign_public_key_file(pub.data(), 0, reinterpret_cast<char *>(p.out(256)), 256, p.len());
  });

  const std::string sn = "nacre_minisign_signer_new";
  null_handle_out(rows, sn, [=](Probe &) { return nacre_minisign_signer_new(nullptr, key); });
  handle_classes<nacre_minisign_key>(rows, sn, "key", [](Probe &p, nacre_minisign_key *k) {
    return nacre_minisign_signer_new(p.out_as<nacre_minisign_signer *>(), k);
  });
  nacre_minisign_signer *signer = w.msigner;
  const std::string su = "nacre_minisign_signer_update";
  handle_classes<nacre_minisign_signer>(rows, su, "st", [=](Probe &, nacre_minisign_signer *st) {
    return nacre_minisign_signer_update(st, d, 1);
  });
  input_classes(rows, su, "in", 10, [=](Probe &, const uint8_t *x, size_t n) { return nacre_minisign_signer_update(signer, x, n); });
  const std::string sf = "nacre_minisign_signer_finish";
  handle_classes<nacre_minisign_signer>(rows, sf, "st", [](Probe &p, nacre_minisign_signer *st) {
    return nacre_minisign_signer_finish(st, "t", 1, nullptr, 0, reinterpret_cast<char *>(p.out(512)), 512, p.len());
  });
  const size_t need = w.msig_need + 1 - 2;  // a one-byte trusted comment instead of "tc"
  triple_classes(rows, sf, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_minisign_signer_finish(signer, "t", 1, nullptr, 0, reinterpret_cast<char *>(o), c, l);
  });
  rows.status(sf, Cls::out_of_range, "a trusted comment with a line break", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    return nacre_minisign_signer_finish(signer, "a\nb", 3, nullptr, 0, reinterpret_cast<char *>(p.out(512)), 512, p.len());
  });
  rows.status(sf, Cls::out_of_range, "finish twice", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    char out[512];
    size_t len = 0;
    if (nacre_minisign_signer_finish(signer, "t", 1, nullptr, 0, out, sizeof out, &len) != NACRE_OK) return int{NACRE_ERR_INTERNAL};
    return nacre_minisign_signer_finish(signer, "t", 1, nullptr, 0, reinterpret_cast<char *>(p.out(512)), 512, p.len());
  });
  free_classes<nacre_minisign_signer>(rows, "nacre_minisign_signer_free", nacre_minisign_signer_free);

  const std::string vn = "nacre_minisign_verifier_new";
  auto vnew = [](Probe &p, const char *k, size_t kn, const char *s_, size_t sn_) {
    return nacre_minisign_verifier_new(p.out_as<nacre_minisign_verifier *>(), k, kn, s_, sn_);
  };
  null_handle_out(rows, vn, [=](Probe &) { return nacre_minisign_verifier_new(nullptr, pub.data(), pub.size(), sig.data(), sig.size()); });
  input_classes(rows, vn, "public_key", pub.size(), [=](Probe &p, const uint8_t *k, size_t n) {
    return vnew(p, reinterpret_cast<const char *>(k), n, sig.data(), sig.size());
  });
  input_classes(rows, vn, "signature", sig.size(), [=](Probe &p, const uint8_t *s_, size_t n) {
    return vnew(p, pub.data(), pub.size(), reinterpret_cast<const char *>(s_), n);
  });
  rows.status(vn, Cls::zero_len, "an empty public key", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return vnew(p, pub.data(), 0, sig.data(), sig.size()); });
  rows.status(vn, Cls::zero_len, "an empty signature", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return vnew(p, pub.data(), pub.size(), sig.data(), 0); });
  nacre_minisign_verifier *verifier = w.mverifier;
  const std::string vu = "nacre_minisign_verifier_update";
  handle_classes<nacre_minisign_verifier>(rows, vu, "st", [=](Probe &, nacre_minisign_verifier *st) {
    return nacre_minisign_verifier_update(st, d, 1);
  });
  input_classes(rows, vu, "in", 10, [=](Probe &, const uint8_t *x, size_t n) { return nacre_minisign_verifier_update(verifier, x, n); });
  const std::string vf = "nacre_minisign_verifier_finish";
  handle_classes<nacre_minisign_verifier>(rows, vf, "st", [](Probe &p, nacre_minisign_verifier *st) {
    return nacre_minisign_verifier_finish(st, reinterpret_cast<char *>(p.out(64)), 64, p.len());
  });
  rows.status(vf, Cls::no_bad_input, "the signed 10 bytes give the trusted comment", NACRE_OK, [=](Probe &p) {
    if (nacre_minisign_verifier_update(verifier, d, 10) != NACRE_OK) return int{NACRE_ERR_INTERNAL};
    return nacre_minisign_verifier_finish(verifier, reinterpret_cast<char *>(p.out(64)), 64, p.len());
  }).want_len = {2};
  rows.status(vf, Cls::out_of_range, "other bytes: verification fails", NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
    if (nacre_minisign_verifier_update(verifier, d, 11) != NACRE_OK) return int{NACRE_ERR_INTERNAL};
    return nacre_minisign_verifier_finish(verifier, reinterpret_cast<char *>(p.out(64)), 64, p.len());
  });
  rows.status(vf, Cls::null_ptr, "trusted_len NULL", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    return nacre_minisign_verifier_finish(verifier, reinterpret_cast<char *>(p.out(64)), 64, nullptr);
  });
  free_classes<nacre_minisign_verifier>(rows, "nacre_minisign_verifier_free", nacre_minisign_verifier_free);
}

void kdf_rows(Rows &rows) {
  const uint8_t *d = world().d;
  const int s256 = NACRE_HASH_SHA256;
  size_getter(rows, "nacre_hkdf_max_len", {0, -1, 1000, NACRE_HASH_SHA3_256}, nacre_hkdf_max_len);

  // nacre_hkdf: 32 bytes from 16 bytes of ikm, 4 of salt, 4 of info.
  const std::string hk = "nacre_hkdf";
  auto hkdf = [](Probe &p, int alg, int b, size_t n, const uint8_t *ikm, size_t il, const uint8_t *salt, size_t sl,
                 const uint8_t *info, size_t fl) { return nacre_hkdf(alg, b, p.out(n), n, ikm, il, salt, sl, info, fl); };
  exact_classes(rows, hk, 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_hkdf(s256, 0, o, n, d, 16, d + 16, 4, d + 20, 4); });
  input_classes(rows, hk, "ikm", 16,
                [=](Probe &p, const uint8_t *x, size_t n) { return hkdf(p, s256, 0, 32, x, n, d, 4, d, 4); });
  input_classes(rows, hk, "salt", 4,
                [=](Probe &p, const uint8_t *x, size_t n) { return hkdf(p, s256, 0, 32, d, 16, x, n, d, 4); });
  input_classes(rows, hk, "info", 4,
                [=](Probe &p, const uint8_t *x, size_t n) { return hkdf(p, s256, 0, 32, d, 16, d, 4, x, n); });
  rows.status(hk, Cls::zero_len, "empty ikm, salt and info", NACRE_OK,
              [=](Probe &p) { return hkdf(p, s256, 0, 32, nullptr, 0, nullptr, 0, nullptr, 0); });
  unknown_numbers(rows, hk, "hash_alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return hkdf(p, a, 0, 32, d, 16, d, 4, d, 4); });
  unknown_numbers(rows, hk, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return hkdf(p, s256, b, 32, d, 16, d, 4, d, 4); });
  rows.status(hk, Cls::out_of_range, "out_len 255 * 32 + 1", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return hkdf(p, s256, 0, 255 * 32 + 1, d, 16, d, 4, d, 4); });
  // |which| is 0 for ikm, 1 for salt, 2 for info: that input starts 8 bytes into the output.
  auto hkdf_overlap = [=](int which) {
    return [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf, 32);
      const uint8_t *in[3] = {d, d + 16, d + 20};
      in[which] = buf + 8;
      return nacre_hkdf(s256, 0, buf, 32, in[0], 16, in[1], 4, in[2], 4);
    };
  };
  rows.status(hk, Cls::overlap, "out overlaps info", NACRE_ERR_INVALID_ARGUMENT, hkdf_overlap(2));
  rows.status(hk, Cls::overlap, "out overlaps ikm", NACRE_ERR_INVALID_ARGUMENT, hkdf_overlap(0));
  rows.status(hk, Cls::overlap, "out overlaps salt", NACRE_ERR_INVALID_ARGUMENT, hkdf_overlap(1));

  const std::string ex = "nacre_hkdf_extract";
  auto extract = [](Probe &p, int alg, int b, const uint8_t *ikm, size_t il, const uint8_t *salt, size_t sl) {
    return nacre_hkdf_extract(alg, b, p.out(32), 32, p.len(), ikm, il, salt, sl);
  };
  triple_classes(rows, ex, 32,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_hkdf_extract(s256, 0, o, c, l, d, 16, d, 4); });
  input_classes(rows, ex, "ikm", 16, [=](Probe &p, const uint8_t *x, size_t n) { return extract(p, s256, 0, x, n, d, 4); });
  input_classes(rows, ex, "salt", 4, [=](Probe &p, const uint8_t *x, size_t n) { return extract(p, s256, 0, d, 16, x, n); });
  rows.status(ex, Cls::zero_len, "empty ikm and salt", NACRE_OK,
              [=](Probe &p) { return extract(p, s256, 0, nullptr, 0, nullptr, 0); });
  unknown_numbers(rows, ex, "hash_alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return extract(p, a, 0, d, 16, d, 4); });
  unknown_numbers(rows, ex, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return extract(p, s256, b, d, 16, d, 4); });
  rows.status(ex, Cls::overlap, "prk exactly at ikm (documented: may alias its inputs)", NACRE_OK, [=](Probe &p) {
    uint8_t *buf = p.scratch(32);
    std::memcpy(buf, d, 32);
    return nacre_hkdf_extract(s256, 0, buf, 32, p.len(), buf, 32, d, 4);
  });

  const std::string xp = "nacre_hkdf_expand";
  auto expand = [](Probe &p, int alg, int b, size_t n, const uint8_t *prk, size_t pl, const uint8_t *info, size_t il) {
    return nacre_hkdf_expand(alg, b, p.out(n), n, prk, pl, info, il);
  };
  exact_classes(rows, xp, 42, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_hkdf_expand(s256, 0, o, n, d, 32, d, 4); });
  input_classes(rows, xp, "prk", 32, [=](Probe &p, const uint8_t *x, size_t n) { return expand(p, s256, 0, 42, x, n, d, 4); });
  input_classes(rows, xp, "info", 4, [=](Probe &p, const uint8_t *x, size_t n) { return expand(p, s256, 0, 42, d, 32, x, n); });
  rows.status(xp, Cls::zero_len, "prk_len 0 (must be the digest length)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return expand(p, s256, 0, 42, d, 0, d, 4); });
  rows.status(xp, Cls::zero_len, "empty info", NACRE_OK, [=](Probe &p) { return expand(p, s256, 0, 42, d, 32, nullptr, 0); });
  rows.status(xp, Cls::out_of_range, "prk_len 31", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return expand(p, s256, 0, 42, d, 31, d, 4); });
  rows.status(xp, Cls::out_of_range, "out_len 255 * 32 + 1", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return expand(p, s256, 0, 255 * 32 + 1, d, 32, d, 4); });
  unknown_numbers(rows, xp, "hash_alg", {0, -1, 1000, NACRE_HASH_BLAKE2B}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return expand(p, a, 0, 42, d, 32, d, 4); });
  unknown_numbers(rows, xp, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return expand(p, s256, b, 42, d, 32, d, 4); });
  for (bool over_prk : {true, false}) {
    rows.status(xp, Cls::overlap, over_prk ? "out overlaps prk" : "out overlaps info", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) {
                  uint8_t *buf = p.scratch(96);
                  std::memcpy(buf, d, 96);
                  p.zero_region(buf, 42);
                  return over_prk ? nacre_hkdf_expand(s256, 0, buf, 42, buf + 10, 32, d, 4)
                                  : nacre_hkdf_expand(s256, 0, buf, 42, d, 32, buf + 40, 4);
                });
  }

  const std::string pb = "nacre_pbkdf2";
  auto pbkdf2 = [](Probe &p, int alg, size_t n, const uint8_t *pw, size_t pl, const uint8_t *s, size_t sl, uint64_t it) {
    return nacre_pbkdf2(alg, p.out(n), n, pw, pl, s, sl, it);
  };
  exact_classes(rows, pb, 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_pbkdf2(s256, o, n, d, 8, d, 8, 1); });
  input_classes(rows, pb, "password", 8, [=](Probe &p, const uint8_t *x, size_t n) { return pbkdf2(p, s256, 32, x, n, d, 8, 1); });
  input_classes(rows, pb, "salt", 8, [=](Probe &p, const uint8_t *x, size_t n) { return pbkdf2(p, s256, 32, d, 8, x, n, 1); });
  rows.status(pb, Cls::zero_len, "empty password and salt", NACRE_OK,
              [=](Probe &p) { return pbkdf2(p, s256, 32, nullptr, 0, nullptr, 0, 1); });
  unknown_numbers(rows, pb, "hash_alg", {0, -1, 1000, NACRE_HASH_SHA3_256}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return pbkdf2(p, a, 32, d, 8, d, 8, 1); });
  for (uint64_t it : {UINT64_C(0), UINT64_C(1) << 32, UINT64_MAX}) {
    rows.status(pb, Cls::out_of_range, "iterations " + std::to_string(it), NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return pbkdf2(p, s256, 32, d, 8, d, 8, it); });
  }
  rows.status(pb, Cls::out_of_range, "out_len NACRE_PBKDF2_MAX_LEN + 1", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return pbkdf2(p, s256, NACRE_PBKDF2_MAX_LEN + 1, d, 8, d, 8, 1); });
  for (bool over_pw : {true, false}) {
    rows.status(pb, Cls::overlap, over_pw ? "out overlaps password" : "out overlaps salt", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) {
                  uint8_t *buf = p.scratch(64);
                  std::memcpy(buf, d, 64);
                  p.zero_region(buf, 32);
                  return over_pw ? nacre_pbkdf2(s256, buf, 32, buf + 31, 8, d, 8, 1)
                                 : nacre_pbkdf2(s256, buf, 32, d, 8, buf + 31, 8, 1);
                });
  }

  const std::string kd = "nacre_kdf_derive";
  auto derive = [](Probe &p, size_t n, const uint8_t *c, size_t cl, const uint8_t *k, size_t kl) {
    return nacre_kdf_derive(p.out(n), n, 7, c, cl, k, kl);
  };
  exact_classes(rows, kd, 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_kdf_derive(o, n, 7, d, 8, d + 8, 32); });
  input_classes(rows, kd, "context", 8, [=](Probe &p, const uint8_t *x, size_t n) { return derive(p, 32, x, n, d, 32); });
  input_classes(rows, kd, "key", 32, [=](Probe &p, const uint8_t *x, size_t n) { return derive(p, 32, d, 8, x, n); });
  rows.status(kd, Cls::zero_len, "context_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return derive(p, 32, d, 0, d, 32); });
  rows.status(kd, Cls::zero_len, "key_len 0", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) { return derive(p, 32, d, 8, d, 0); });
  for (size_t n : {size_t{15}, size_t{65}}) {
    rows.status(kd, Cls::out_of_range, "out_len " + std::to_string(n), NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return derive(p, n, d, 8, d, 32); });
  }
  rows.status(kd, Cls::out_of_range, "key_len 31", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) { return derive(p, 32, d, 8, d, 31); });
  rows.status(kd, Cls::out_of_range, "context_len 9", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return derive(p, 32, d, 9, d, 32); });
  for (bool over_key : {true, false}) {
    rows.status(kd, Cls::overlap, over_key ? "out overlaps key" : "out overlaps context", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) {
                  uint8_t *buf = p.scratch(96);
                  std::memcpy(buf, d, 96);
                  p.zero_region(buf, 32);
                  return over_key ? nacre_kdf_derive(buf, 32, 7, d, 8, buf + 16, 32)
                                  : nacre_kdf_derive(buf, 32, 7, buf + 30, 8, d, 32);
                });
  }
}

// Key wrap: RFC 3394 wraps a 16-byte key under a 16-byte KEK into 24 bytes; unwrap needs 16 of room.
void keywrap_rows(Rows &rows) {
  const uint8_t *d = world().d;
  constexpr int kw = NACRE_KEYWRAP_RFC3394, kwp = NACRE_KEYWRAP_RFC5649;
  for (bool wrap : {true, false}) {
    const std::string fn = wrap ? "nacre_aes_key_wrap" : "nacre_aes_key_unwrap";
    auto fnp = wrap ? nacre_aes_key_wrap : nacre_aes_key_unwrap;
    const size_t need = 16, in_len = wrap ? 16 : 24;
    // An unwrap of |d| fails its integrity check: the rows that reach it expect that.
    const int reached = wrap ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED;
    auto call = [=](Probe &p, int mode, const uint8_t *kek, size_t kl, const uint8_t *in, size_t il) {
      const size_t cap = wrap ? 32 : 24;  // room for the valid input, whatever |il| claims
      return fnp(mode, kek, kl, p.out(cap), cap, p.len(), in, il);
    };
    if (wrap) {
      triple_classes(rows, fn, 24, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(kw, d, 16, o, c, l, d + 16, 16); });
    } else {
      triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(kw, d, 16, o, c, l, d + 16, 24); });
    }
    input_classes(rows, fn, "kek", 16, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, kw, x, n, d + 16, in_len); });
    input_classes(rows, fn, wrap ? "key" : "wrapped", in_len,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, kw, d, 16, x, n); });
    unknown_numbers(rows, fn, "mode", {0, -1, 3, 1000}, NACRE_ERR_UNSUPPORTED,
                    [=](Probe &p, int m) { return call(p, m, d, 16, d + 16, in_len); });
    for (size_t kl : {size_t{0}, size_t{15}, size_t{20}, size_t{33}}) {
      rows.status(fn, kl == 0 ? Cls::zero_len : Cls::out_of_range, "kek_len " + std::to_string(kl), NACRE_ERR_INVALID_KEY,
                  [=](Probe &p) { return call(p, kw, d, kl, d + 16, in_len); });
    }
    rows.status(fn, Cls::zero_len, wrap ? "empty key" : "empty wrapped key",
                wrap ? NACRE_ERR_INVALID_ARGUMENT : NACRE_ERR_VERIFICATION_FAILED,
                [=](Probe &p) { return fnp(kwp, d, 16, p.out(16), 16, p.len(), nullptr, 0); });
    rows.status(fn, Cls::out_of_range, wrap ? "a 17-byte key under RFC 3394" : "a 25-byte wrapped key",
                wrap ? NACRE_ERR_INVALID_ARGUMENT : NACRE_ERR_VERIFICATION_FAILED,
                [=](Probe &p) { return call(p, kw, d, 16, d + 16, wrap ? 17 : 25); });
    rows.status(fn, Cls::out_of_range, wrap ? "a 17-byte key under RFC 5649" : "an RFC 5649 unwrap that fails", reached,
                [=](Probe &p) { return call(p, kwp, d, 16, d + 16, wrap ? 17 : 24); });
    rows.status(fn, Cls::overlap, "out overlaps the input", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 8, 24);
      return fnp(kw, d, 16, buf + 8, 24, p.len(), buf, in_len);
    });
  }
}

// Password hashing uses Argon2id at libsodium's minimum limits (1 pass, 8 KiB) so that the
// rows that succeed stay cheap.
void pwhash_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  const int a2 = NACRE_PWHASH_ARGON2ID;
  constexpr uint64_t kOps = 1;
  constexpr size_t kMem = 8192;

  const std::string lim = "nacre_pwhash_preset_limits";
  auto limits = [](Probe &p, int alg, int preset) {
    return nacre_pwhash_preset_limits(alg, preset, p.out_as<uint64_t>(), p.out_as<size_t>());
  };
  unknown_numbers(rows, lim, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int a) { return limits(p, a, 1); });
  unknown_numbers(rows, lim, "preset", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int s) { return limits(p, a2, s); });
  rows.status(lim, Cls::out_of_range, "MODERATE with scrypt (libsodium has none)", NACRE_ERR_UNSUPPORTED,
              [=](Probe &p) { return limits(p, NACRE_PWHASH_SCRYPT, NACRE_PWHASH_MODERATE); });
  rows.status(lim, Cls::null_ptr, "opslimit NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_pwhash_preset_limits(a2, 1, nullptr, p.out_as<size_t>()); });
  rows.status(lim, Cls::null_ptr, "memlimit NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_pwhash_preset_limits(a2, 1, p.out_as<uint64_t>(), nullptr); });

  size_getter(rows, "nacre_pwhash_salt_len", {0, -1, 4, 1000}, nacre_pwhash_salt_len);
  rows.value("nacre_pwhash_str_len", Cls::no_bad_input, "no parameters; returns 128", 128,
             [](Probe &) { return static_cast<int64_t>(nacre_pwhash_str_len()); });

  const std::string dv = "nacre_pwhash_derive";
  auto derive = [](Probe &p, int alg, size_t n, const uint8_t *pwd, size_t pwd_len, const uint8_t *s, size_t sl,
                   uint64_t ops, size_t mem) { return nacre_pwhash_derive(alg, p.out(n), n, pwd, pwd_len, s, sl, ops, mem); };
  exact_classes(rows, dv, 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_pwhash_derive(a2, o, n, d, 8, d, 16, kOps, kMem); });
  input_classes(rows, dv, "password", 8,
                [=](Probe &p, const uint8_t *x, size_t n) { return derive(p, a2, 32, x, n, d, 16, kOps, kMem); });
  input_classes(rows, dv, "salt", 16,
                [=](Probe &p, const uint8_t *x, size_t n) { return derive(p, a2, 32, d, 8, x, n, kOps, kMem); });
  rows.status(dv, Cls::zero_len, "empty password", NACRE_OK,
              [=](Probe &p) { return derive(p, a2, 32, nullptr, 0, d, 16, kOps, kMem); });
  rows.status(dv, Cls::zero_len, "salt_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return derive(p, a2, 32, d, 8, d, 0, kOps, kMem); });
  unknown_numbers(rows, dv, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int a) { return derive(p, a, 32, d, 8, d, 16, kOps, kMem); });
  const std::pair<uint64_t, size_t> bad_limits[] = {
      {0, kMem}, {NACRE_PWHASH_ARGON2_MAX_OPSLIMIT + 1, kMem}, {UINT64_MAX, kMem},
      {kOps, kMem - 1}, {kOps, NACRE_PWHASH_MAX_MEMLIMIT + 1}, {kOps, SIZE_MAX}};
  for (const auto &[ops_, mem_] : bad_limits) {
    const uint64_t ops = ops_;
    const size_t mem = mem_;
    const std::string what = "opslimit " + std::to_string(ops) + ", memlimit " + std::to_string(mem);
    rows.status(dv, Cls::out_of_range, what, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return derive(p, a2, 32, d, 8, d, 16, ops, mem); });
  }
  rows.status(dv, Cls::out_of_range, "out_len 15", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return derive(p, a2, 15, d, 8, d, 16, kOps, kMem); });
  rows.status(dv, Cls::overlap, "out overlaps password", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf, 32);
    return nacre_pwhash_derive(a2, buf, 32, buf + 30, 8, d, 16, kOps, kMem);
  });
  rows.status(dv, Cls::overlap, "out overlaps salt", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf, 32);
    return nacre_pwhash_derive(a2, buf, 32, d, 8, buf + 20, 16, kOps, kMem);
  });

  const std::string st = "nacre_pwhash_str";
  auto str = [](Probe &p, int alg, const uint8_t *pwd, size_t pwd_len, uint64_t ops, size_t mem) {
    return nacre_pwhash_str(alg, reinterpret_cast<char *>(p.out(128)), 128, p.len(), pwd, pwd_len, ops, mem);
  };
  triple_classes(rows, st, 128, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_pwhash_str(a2, reinterpret_cast<char *>(o), c, l, d, 8, kOps, kMem);
  });
  input_classes(rows, st, "password", 8, [=](Probe &p, const uint8_t *x, size_t n) { return str(p, a2, x, n, kOps, kMem); });
  rows.status(st, Cls::zero_len, "empty password", NACRE_OK, [=](Probe &p) { return str(p, a2, nullptr, 0, kOps, kMem); });
  unknown_numbers(rows, st, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int a) { return str(p, a, d, 8, kOps, kMem); });
  for (const auto &[ops_, mem_] : bad_limits) {
    const uint64_t ops = ops_;
    const size_t mem = mem_;
    const std::string what = "opslimit " + std::to_string(ops) + ", memlimit " + std::to_string(mem);
    rows.status(st, Cls::out_of_range, what, NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) { return str(p, a2, d, 8, ops, mem); });
  }

  // Strings: the fixture's Argon2id string for "pw" (no NUL needed after it).
  const char *good = w.pwhash_str.c_str();
  const size_t good_len = w.pwhash_str.size();
  const auto *pw = reinterpret_cast<const uint8_t *>("pw");
  const std::string sv = "nacre_pwhash_str_verify";
  input_classes(rows, sv, "str", good_len, [=](Probe &, const uint8_t *x, size_t n) {
    return nacre_pwhash_str_verify(reinterpret_cast<const char *>(x), n, pw, 2);
  });
  input_classes(rows, sv, "password", 2,
                [=](Probe &, const uint8_t *x, size_t n) { return nacre_pwhash_str_verify(good, good_len, x, n); });
  rows.status(sv, Cls::zero_len, "empty string is malformed", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return nacre_pwhash_str_verify(nullptr, 0, pw, 2); });
  rows.status(sv, Cls::zero_len, "empty password is a wrong password", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return nacre_pwhash_str_verify(good, good_len, nullptr, 0); });
  rows.status(sv, Cls::out_of_range, "a NUL inside the string", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    char *s = reinterpret_cast<char *>(p.scratch(good_len + 1));
    std::memcpy(s, good, good_len);
    s[good_len] = '\0';
    return nacre_pwhash_str_verify(s, good_len + 1, pw, 2);
  });
  rows.status(sv, Cls::out_of_range, "a string beyond nacre's opslimit cap", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &) {
    static const std::string hostile = "$argon2id$v=19$m=8,t=4294967295,p=1$c29tZXNhbHRzb21lc2FsdA$"
                                       "iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8";
    return nacre_pwhash_str_verify(hostile.data(), hostile.size(), pw, 2);
  });

  const std::string nr = "nacre_pwhash_str_needs_rehash";
  auto rehash = [](Probe &p, const char *s, size_t sl, uint64_t ops, size_t mem) {
    return nacre_pwhash_str_needs_rehash(s, sl, ops, mem, p.out_as<int>());
  };
  input_classes(rows, nr, "str", good_len, [=](Probe &p, const uint8_t *x, size_t n) {
    return rehash(p, reinterpret_cast<const char *>(x), n, kOps, kMem);
  });
  rows.status(nr, Cls::null_ptr, "needs_rehash NULL", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return nacre_pwhash_str_needs_rehash(good, good_len, kOps, kMem, nullptr); });
  rows.status(nr, Cls::zero_len, "empty string is malformed", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return rehash(p, nullptr, 0, kOps, kMem); });
  for (const auto &[ops_, mem_] : bad_limits) {
    const uint64_t ops = ops_;
    const size_t mem = mem_;
    const std::string what = "opslimit " + std::to_string(ops) + ", memlimit " + std::to_string(mem);
    rows.status(nr, Cls::out_of_range, what, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return rehash(p, good, good_len, ops, mem); });
  }

  const std::string sc = "nacre_scrypt";
  auto scrypt = [](Probe &p, int b, size_t n, const uint8_t *pwd, size_t pwd_len, const uint8_t *s, size_t sl,
                   uint64_t N, uint32_t r, uint32_t par) { return nacre_scrypt(b, p.out(n), n, pwd, pwd_len, s, sl, N, r, par); };
  exact_classes(rows, sc, 32, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &, uint8_t *o, size_t n) { return nacre_scrypt(0, o, n, d, 8, d, 8, 16, 1, 1); });
  input_classes(rows, sc, "password", 8,
                [=](Probe &p, const uint8_t *x, size_t n) { return scrypt(p, 0, 32, x, n, d, 8, 16, 1, 1); });
  input_classes(rows, sc, "salt", 8,
                [=](Probe &p, const uint8_t *x, size_t n) { return scrypt(p, 0, 32, d, 8, x, n, 16, 1, 1); });
  rows.status(sc, Cls::zero_len, "empty password and salt", NACRE_OK,
              [=](Probe &p) { return scrypt(p, 0, 32, nullptr, 0, nullptr, 0, 16, 1, 1); });
  unknown_numbers(rows, sc, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return scrypt(p, b, 32, d, 8, d, 8, 16, 1, 1); });
  const std::tuple<uint64_t, uint32_t, uint32_t> bad_params[] = {
      {0, 1, 1}, {1, 1, 1}, {24, 1, 1}, {UINT64_MAX, 1, 1}, {16, 0, 1}, {16, 1, 0}, {16, UINT32_MAX, UINT32_MAX}};
  for (const auto &[N_, r_, par_] : bad_params) {
    const uint64_t N = N_;
    const uint32_t r = r_, par = par_;
    const std::string what = "n " + std::to_string(N) + ", r " + std::to_string(r) + ", p " + std::to_string(par);
    rows.status(sc, Cls::out_of_range, what, NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return scrypt(p, 0, 32, d, 8, d, 8, N, r, par); });
  }
  rows.status(sc, Cls::out_of_range, "out_len NACRE_SCRYPT_MAX_LEN + 1", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return scrypt(p, 0, NACRE_SCRYPT_MAX_LEN + 1, d, 8, d, 8, 16, 1, 1); });
  rows.status(sc, Cls::overlap, "out overlaps password", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf, 32);
    return nacre_scrypt(0, buf, 32, buf + 30, 8, d, 8, 16, 1, 1);
  });
  rows.status(sc, Cls::overlap, "out overlaps salt", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(64);
    std::memcpy(buf, d, 64);
    p.zero_region(buf, 32);
    return nacre_scrypt(0, buf, 32, d, 8, buf + 4, 8, 16, 1, 1);
  });
}

void keys_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  family_rows(rows, "key_type", nacre_key_type_count, nacre_key_type_at, nacre_key_type_name, nacre_key_type_from_name);

  const std::string gn = "nacre_key_generate";
  auto gen = [](Probe &p, int type, size_t bits) { return nacre_key_generate(p.out_as<nacre_key *>(), type, bits); };
  null_handle_out(rows, gn, [](Probe &) { return nacre_key_generate(nullptr, NACRE_KEY_X25519, 0); });
  unknown_numbers(rows, gn, "type", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int t) { return gen(p, t, 0); });
  rows.status(gn, Cls::zero_len, "RSA with rsa_bits 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return gen(p, NACRE_KEY_RSA, 0); });
  for (size_t bits : {size_t{1024}, size_t{2056}, SIZE_MAX}) {
    rows.status(gn, Cls::out_of_range, "RSA with rsa_bits " + std::to_string(bits), NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return gen(p, NACRE_KEY_RSA, bits); });
  }
  rows.status(gn, Cls::out_of_range, "X25519 with rsa_bits 2048", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return gen(p, NACRE_KEY_X25519, 2048); });

  const std::string im = "nacre_key_import";
  auto import_key = [](Probe &p, int type, int format, const uint8_t *in, size_t n) {
    return nacre_key_import(p.out_as<nacre_key *>(), type, format, in, n);
  };
  const int raw_pub = NACRE_KEY_FORMAT_RAW_PUBLIC;
  null_handle_out(rows, im, [=](Probe &) { return nacre_key_import(nullptr, NACRE_KEY_X25519, raw_pub, d, 32); });
  input_classes(rows, im, "in", 32,
                [=](Probe &p, const uint8_t *x, size_t n) { return import_key(p, NACRE_KEY_X25519, raw_pub, x, n); });
  rows.status(im, Cls::zero_len, "empty input is malformed", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return import_key(p, NACRE_KEY_X25519, raw_pub, nullptr, 0); });
  unknown_numbers(rows, im, "type", {-1, 9, 1000}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int t) { return import_key(p, t, raw_pub, d, 32); });
  unknown_numbers(rows, im, "format", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int f) { return import_key(p, NACRE_KEY_X25519, f, d, 32); });
  rows.status(im, Cls::out_of_range, "type 0 with a raw format", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return import_key(p, 0, raw_pub, d, 32); });

  const std::string ex = "nacre_key_export";
  nacre_key *x = w.x25519, *xp = w.x25519_pub;
  handle_classes<nacre_key>(rows, ex, "key",
                            [=](Probe &p, nacre_key *k) { return nacre_key_export(k, raw_pub, p.out(32), 32, p.len()); });
  triple_classes(rows, ex, 32, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_key_export(x, raw_pub, o, c, l); });
  unknown_numbers(rows, ex, "format", kBadAlgs, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int f) { return nacre_key_export(x, f, p.out(64), 64, p.len()); });
  rows.status(ex, Cls::out_of_range, "a format X25519 does not have (SEC1)", NACRE_ERR_UNSUPPORTED, [=](Probe &p) {
    return nacre_key_export(x, NACRE_KEY_FORMAT_SEC1_COMPRESSED, p.out(64), 64, p.len());
  });
  rows.status(ex, Cls::out_of_range, "a private format of a public key", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    return nacre_key_export(xp, NACRE_KEY_FORMAT_RAW_PRIVATE, p.out(32), 32, p.len());
  });

  // Encrypted PKCS#8 with one PBKDF2 iteration, so the rows stay cheap.
  const int enc = NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_DER;
  const uint8_t *pw = reinterpret_cast<const uint8_t *>("pw");
  size_t enc_len = 0;
  REQUIRE(nacre_key_export_encrypted(x, enc, pw, 2, 1, nullptr, 0, &enc_len) == NACRE_ERR_BUFFER_TOO_SMALL);
  const std::string ee = "nacre_key_export_encrypted";
  auto export_enc = [=](Probe &p, const nacre_key *k, int f, const uint8_t *pass, size_t pl, uint32_t it) {
    return nacre_key_export_encrypted(k, f, pass, pl, it, p.out(enc_len), enc_len, p.len());
  };
  handle_classes<nacre_key>(rows, ee, "key", [=](Probe &p, nacre_key *k) { return export_enc(p, k, enc, pw, 2, 1); });
  triple_classes(rows, ee, enc_len,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_key_export_encrypted(x, enc, pw, 2, 1, o, c, l); });
  input_classes(rows, ee, "password", 2, [=](Probe &p, const uint8_t *q, size_t n) { return export_enc(p, x, enc, q, n, 1); });
  rows.status(ee, Cls::zero_len, "an empty password (allowed)", NACRE_OK,
              [=](Probe &p) { return export_enc(p, x, enc, nullptr, 0, 1); });
  unknown_numbers(rows, ee, "format", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int f) { return export_enc(p, x, f, pw, 2, 1); });
  rows.status(ee, Cls::out_of_range, "a plain PKCS#8 format", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return export_enc(p, x, NACRE_KEY_FORMAT_PKCS8_DER, pw, 2, 1); });
  rows.status(ee, Cls::out_of_range, "a public key", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return export_enc(p, xp, enc, pw, 2, 1); });
  rows.status(ee, Cls::out_of_range, "an ML-KEM key (no PKCS#8)", NACRE_ERR_UNSUPPORTED,
              [=](Probe &p) { return export_enc(p, world().mlkem, enc, pw, 2, 1); });

  const std::string ie = "nacre_key_import_encrypted";
  static std::vector<uint8_t> sealed;  // made once, read by the forked rows
  sealed.assign(enc_len, 0);
  REQUIRE(nacre_key_export_encrypted(x, enc, pw, 2, 1, sealed.data(), sealed.size(), &enc_len) == NACRE_OK);
  const uint8_t *sd = sealed.data();
  const size_t sl = sealed.size();
  auto import_enc = [](Probe &p, int type, int f, const uint8_t *in, size_t n, const uint8_t *pass, size_t pl) {
    return nacre_key_import_encrypted(p.out_as<nacre_key *>(), type, f, in, n, pass, pl);
  };
  null_handle_out(rows, ie, [=](Probe &) { return nacre_key_import_encrypted(nullptr, 0, enc, sd, sl, pw, 2); });
  input_classes(rows, ie, "in", sl, [=](Probe &p, const uint8_t *q, size_t n) { return import_enc(p, 0, enc, q, n, pw, 2); });
  input_classes(rows, ie, "password", 2, [=](Probe &p, const uint8_t *q, size_t n) { return import_enc(p, 0, enc, sd, sl, q, n); });
  rows.status(ie, Cls::zero_len, "empty input is malformed", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return import_enc(p, 0, enc, nullptr, 0, pw, 2); });
  rows.status(ie, Cls::out_of_range, "the wrong password", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return import_enc(p, 0, enc, sd, sl, pw, 1); });
  rows.status(ie, Cls::out_of_range, "the right password", NACRE_OK, [=](Probe &p) { return import_enc(p, 0, enc, sd, sl, pw, 2); });
  rows.status(ie, Cls::out_of_range, "another type named", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return import_enc(p, NACRE_KEY_ED25519, enc, sd, sl, pw, 2); });
  rows.status(ie, Cls::out_of_range, "a plain PKCS#8 format", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return import_enc(p, 0, NACRE_KEY_FORMAT_PKCS8_DER, sd, sl, pw, 2); });
  unknown_numbers(rows, ie, "format", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int f) { return import_enc(p, 0, f, sd, sl, pw, 2); });
  unknown_numbers(rows, ie, "type", {-1, 9, 1000}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int t) { return import_enc(p, t, enc, sd, sl, pw, 2); });
  rows.status(im, Cls::out_of_range, "an encrypted format without a password", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return import_key(p, 0, enc, sd, sl); });

  const std::string lg = "nacre_key_import_legacy_rsa";
  static std::vector<uint8_t> rsa_spki;
  size_t spki_len = 0;
  REQUIRE(nacre_key_export(w.rsa_pub, NACRE_KEY_FORMAT_SPKI_DER, nullptr, 0, &spki_len) == NACRE_ERR_BUFFER_TOO_SMALL);
  rsa_spki.assign(spki_len, 0);
  REQUIRE(nacre_key_export(w.rsa_pub, NACRE_KEY_FORMAT_SPKI_DER, rsa_spki.data(), spki_len, &spki_len) == NACRE_OK);
  const uint8_t *rs = rsa_spki.data();
  const int spki = NACRE_KEY_FORMAT_SPKI_DER;
  auto legacy = [](Probe &p, int f, const uint8_t *in, size_t n) {
    return nacre_key_import_legacy_rsa(p.out_as<nacre_key *>(), f, in, n);
  };
  null_handle_out(rows, lg, [=](Probe &) { return nacre_key_import_legacy_rsa(nullptr, spki, rs, spki_len); });
  input_classes(rows, lg, "in", spki_len, [=](Probe &p, const uint8_t *q, size_t n) { return legacy(p, spki, q, n); });
  rows.status(lg, Cls::zero_len, "empty input is malformed", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return legacy(p, spki, nullptr, 0); });
  rows.status(lg, Cls::out_of_range, "a 2048-bit key (taken too)", NACRE_OK,
              [=](Probe &p) { return legacy(p, spki, rs, spki_len); });
  rows.status(lg, Cls::out_of_range, "a private format", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return legacy(p, NACRE_KEY_FORMAT_PKCS8_DER, rs, spki_len); });
  rows.status(lg, Cls::out_of_range, "an X25519 SPKI", NACRE_ERR_INVALID_KEY, [=](Probe &p) {
    static const uint8_t x25519_spki[44] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00, 9};
    return legacy(p, spki, x25519_spki, sizeof x25519_spki);
  });
  unknown_numbers(rows, lg, "format", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int f) { return legacy(p, f, rs, spki_len); });

  handle_classes<nacre_key>(rows, "nacre_key_public", "key",
                            [](Probe &p, nacre_key *k) { return nacre_key_public(k, p.out_as<nacre_key *>()); });
  null_handle_out(rows, "nacre_key_public", [=](Probe &) { return nacre_key_public(x, nullptr); });

  // nacre_key_info promises nothing about its outputs on failure: they are fenced scratch.
  handle_classes<nacre_key>(rows, "nacre_key_info", "key", [](Probe &p, nacre_key *k) {
    return nacre_key_info(k, reinterpret_cast<int *>(p.scratch(sizeof(int))),
                          reinterpret_cast<int *>(p.scratch(sizeof(int))),
                          reinterpret_cast<size_t *>(p.scratch(sizeof(size_t))));
  });
  rows.status("nacre_key_info", Cls::null_ptr, "every output NULL (allowed)", NACRE_OK,
              [=](Probe &) { return nacre_key_info(x, nullptr, nullptr, nullptr); });

  handle_classes<nacre_key>(rows, "nacre_key_equal", "a", [=](Probe &, nacre_key *k) { return nacre_key_equal(k, x); });
  handle_classes<nacre_key>(rows, "nacre_key_equal", "b", [=](Probe &, nacre_key *k) { return nacre_key_equal(x, k); });
  free_classes<nacre_key>(rows, "nacre_key_free", nacre_key_free);
}

void signature_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  family_rows(rows, "sig", nacre_sig_count, nacre_sig_at, nacre_sig_name, nacre_sig_from_name);
  const int ed = NACRE_SIG_ED25519, p1363 = NACRE_SIG_ECDSA_P256_SHA256_P1363;
  nacre_key *edk = w.ed25519, *p256 = w.p256;

  const std::string sg = "nacre_sign";
  auto sign = [](Probe &p, const nacre_key *k, int alg, int b, size_t cap, const uint8_t *m, size_t ml) {
    return nacre_sign(k, alg, b, p.out(cap), cap, p.len(), m, ml);
  };
  handle_classes<nacre_key>(rows, sg, "key", [=](Probe &p, nacre_key *k) { return sign(p, k, ed, 0, 64, d, 3); });
  triple_classes(rows, sg, 64, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_sign(edk, ed, 0, o, c, l, d, 3); });
  input_classes(rows, sg, "msg", 3, [=](Probe &p, const uint8_t *m, size_t n) { return sign(p, edk, ed, 0, 64, m, n); });
  rows.status(sg, Cls::zero_len, "empty message", NACRE_OK, [=](Probe &p) { return sign(p, edk, ed, 0, 64, nullptr, 0); });
  unknown_numbers(rows, sg, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int a) { return sign(p, edk, a, 0, 64, d, 3); });
  unknown_numbers(rows, sg, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int b) { return sign(p, edk, ed, b, 64, d, 3); });
  rows.status(sg, Cls::out_of_range, "RSASSA-PKCS1-v1_5 signing", NACRE_OK,
              [=](Probe &p) { return sign(p, world().rsa, NACRE_SIG_RSA_PKCS1_SHA256, 0, 256, d, 3); });
  rows.status(sg, Cls::out_of_range, "a public key only", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign(p, world().ed25519_pub, ed, 0, 64, d, 3); });
  rows.status(sg, Cls::out_of_range, "a P-256 key for Ed25519", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return sign(p, p256, ed, 0, 64, d, 3); });

  const std::string vf = "nacre_verify";
  auto verify = [](const nacre_key *k, int alg, int b, const uint8_t *s, size_t sl, const uint8_t *m, size_t ml) {
    return nacre_verify(k, alg, b, s, sl, m, ml);
  };
  handle_classes<nacre_key>(rows, vf, "key", [=](Probe &, nacre_key *k) { return verify(k, ed, 0, d, 64, d, 3); });
  input_classes(rows, vf, "sig", 64, [=](Probe &, const uint8_t *s, size_t n) { return verify(edk, ed, 0, s, n, d, 3); });
  input_classes(rows, vf, "msg", 3, [=](Probe &, const uint8_t *m, size_t n) { return verify(edk, ed, 0, d, 64, m, n); });
  rows.status(vf, Cls::zero_len, "an empty signature is a bad signature", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return verify(edk, ed, 0, nullptr, 0, d, 3); });
  unknown_numbers(rows, vf, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &, int a) { return verify(edk, a, 0, d, 64, d, 3); });
  unknown_numbers(rows, vf, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int b) { return verify(edk, ed, b, d, 64, d, 3); });
  rows.status(vf, Cls::out_of_range, "a P-256 key for Ed25519", NACRE_ERR_INVALID_KEY,
              [=](Probe &) { return verify(p256, ed, 0, d, 64, d, 3); });

  const std::string sd = "nacre_sign_digest";
  auto sign_d = [](Probe &p, const nacre_key *k, int alg, size_t cap, const uint8_t *dg, size_t dl) {
    return nacre_sign_digest(k, alg, p.out(cap), cap, p.len(), dg, dl);
  };
  handle_classes<nacre_key>(rows, sd, "key", [=](Probe &p, nacre_key *k) { return sign_d(p, k, p1363, 64, d, 32); });
  triple_classes(rows, sd, 64,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_sign_digest(p256, p1363, o, c, l, d, 32); });
  input_classes(rows, sd, "digest", 32, [=](Probe &p, const uint8_t *x, size_t n) { return sign_d(p, p256, p1363, 64, x, n); });
  rows.status(sd, Cls::zero_len, "digest_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_d(p, p256, p1363, 64, d, 0); });
  rows.status(sd, Cls::out_of_range, "digest_len 48 for SHA-256", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_d(p, p256, p1363, 64, d, 48); });
  unknown_numbers(rows, sd, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int a) { return sign_d(p, p256, a, 64, d, 32); });
  rows.status(sd, Cls::out_of_range, "Ed25519 has no digest form", NACRE_ERR_UNSUPPORTED,
              [=](Probe &p) { return sign_d(p, edk, ed, 64, d, 32); });

  const std::string vd = "nacre_verify_digest";
  auto verify_d = [](const nacre_key *k, int alg, const uint8_t *s, size_t sl, const uint8_t *dg, size_t dl) {
    return nacre_verify_digest(k, alg, s, sl, dg, dl);
  };
  handle_classes<nacre_key>(rows, vd, "key", [=](Probe &, nacre_key *k) { return verify_d(k, p1363, d, 64, d, 32); });
  input_classes(rows, vd, "sig", 64, [=](Probe &, const uint8_t *s, size_t n) { return verify_d(p256, p1363, s, n, d, 32); });
  input_classes(rows, vd, "digest", 32, [=](Probe &, const uint8_t *x, size_t n) { return verify_d(p256, p1363, d, 64, x, n); });
  rows.status(vd, Cls::zero_len, "digest_len 0", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return verify_d(p256, p1363, d, 64, d, 0); });
  unknown_numbers(rows, vd, "alg", kBadAlgs, NACRE_ERR_UNSUPPORTED, [=](Probe &, int a) { return verify_d(p256, a, d, 64, d, 32); });
  rows.status(vd, Cls::out_of_range, "Ed25519 has no digest form", NACRE_ERR_UNSUPPORTED,
              [=](Probe &) { return verify_d(edk, ed, d, 64, d, 32); });

  // The _with family: ECDSA P-256 (P1363, SHA-384 to show the hash is the caller's), 64 bytes.
  constexpr int sch = NACRE_SIG_SCHEME_ECDSA_P1363, h384 = NACRE_HASH_SHA384, pss = NACRE_SIG_SCHEME_RSA_PSS;
  const std::vector<int> bad_schemes = {0, -1, 6, 1000};
  const std::string sw = "nacre_sign_with";
  auto sign_w = [](Probe &p, const nacre_key *k, int s, int h, int salt, size_t cap, const uint8_t *m, size_t ml) {
    return nacre_sign_with(k, s, h, salt, 0, p.out(cap), cap, p.len(), m, ml);
  };
  handle_classes<nacre_key>(rows, sw, "key", [=](Probe &p, nacre_key *k) { return sign_w(p, k, sch, h384, 0, 64, d, 3); });
  triple_classes(rows, sw, 64,
                 [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_sign_with(p256, sch, h384, 0, 0, o, c, l, d, 3); });
  input_classes(rows, sw, "msg", 3, [=](Probe &p, const uint8_t *m, size_t n) { return sign_w(p, p256, sch, h384, 0, 64, m, n); });
  rows.status(sw, Cls::zero_len, "empty message", NACRE_OK, [=](Probe &p) { return sign_w(p, p256, sch, 0, 0, 64, nullptr, 0); });
  unknown_numbers(rows, sw, "scheme", bad_schemes, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int s) { return sign_w(p, p256, s, h384, 0, 64, d, 3); });
  unknown_numbers(rows, sw, "hash_alg", {-1, 1000, NACRE_HASH_MD5, NACRE_HASH_SHAKE128, NACRE_HASH_BLAKE2B}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int h) { return sign_w(p, p256, sch, h, 0, 64, d, 3); });
  unknown_numbers(rows, sw, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int b) {
    return nacre_sign_with(p256, sch, h384, 0, b, p.out(64), 64, p.len(), d, 3);
  });
  rows.status(sw, Cls::out_of_range, "ECDSA on libsodium", NACRE_ERR_UNSUPPORTED, [=](Probe &p) {
    return nacre_sign_with(p256, sch, h384, 0, NACRE_BACKEND_SODIUM, p.out(64), 64, p.len(), d, 3);
  });
  rows.status(sw, Cls::out_of_range, "a salt for ECDSA", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_w(p, p256, sch, h384, 32, 64, d, 3); });
  rows.status(sw, Cls::out_of_range, "a hash for Ed25519", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_w(p, edk, NACRE_SIG_SCHEME_ED25519, NACRE_HASH_SHA512, 0, 64, d, 3); });
  rows.status(sw, Cls::out_of_range, "an Ed25519 key for ECDSA", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return sign_w(p, edk, sch, h384, 0, 64, d, 3); });
  rows.status(sw, Cls::out_of_range, "a public key only", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_w(p, world().rsa_pub, NACRE_SIG_SCHEME_RSA_PKCS1, 0, 0, 256, d, 3); });
  for (int salt : {NACRE_PSS_SALT_AUTO, -4, INT_MIN, 223, INT_MAX}) {
    rows.status(sw, Cls::out_of_range, "PSS salt " + std::to_string(salt) + " when signing", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return sign_w(p, world().rsa, pss, 0, salt, 256, d, 3); });
  }
  rows.status(sw, Cls::out_of_range, "PSS with the longest salt", NACRE_OK,
              [=](Probe &p) { return sign_w(p, world().rsa, pss, 0, NACRE_PSS_SALT_MAX, 256, d, 3); });

  const std::string vw = "nacre_verify_with";
  auto verify_w = [](const nacre_key *k, int s, int h, int salt, const uint8_t *sg_, size_t sl, const uint8_t *m, size_t ml) {
    return nacre_verify_with(k, s, h, salt, 0, sg_, sl, m, ml);
  };
  handle_classes<nacre_key>(rows, vw, "key", [=](Probe &, nacre_key *k) { return verify_w(k, sch, h384, 0, d, 64, d, 3); });
  input_classes(rows, vw, "sig", 64, [=](Probe &, const uint8_t *s, size_t n) { return verify_w(p256, sch, h384, 0, s, n, d, 3); });
  input_classes(rows, vw, "msg", 3, [=](Probe &, const uint8_t *m, size_t n) { return verify_w(p256, sch, h384, 0, d, 64, m, n); });
  rows.status(vw, Cls::zero_len, "an empty signature is a bad signature", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return verify_w(p256, sch, h384, 0, nullptr, 0, d, 3); });
  unknown_numbers(rows, vw, "scheme", bad_schemes, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int s) { return verify_w(p256, s, h384, 0, d, 64, d, 3); });
  unknown_numbers(rows, vw, "hash_alg", {-1, 1000, NACRE_HASH_SHA1}, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int h) { return verify_w(p256, sch, h, 0, d, 64, d, 3); });
  unknown_numbers(rows, vw, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int b) { return nacre_verify_with(p256, sch, h384, 0, b, d, 64, d, 3); });
  rows.status(vw, Cls::out_of_range, "PSS salt -4", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return verify_w(world().rsa, pss, 0, -4, d, 256, d, 3); });
  rows.status(vw, Cls::out_of_range, "PSS salt longer than the key allows: a bad signature", NACRE_ERR_VERIFICATION_FAILED,
              [=](Probe &) { return verify_w(world().rsa, pss, 0, INT_MAX, d, 256, d, 3); });

  const std::string sdw = "nacre_sign_digest_with";
  auto sign_dw = [](Probe &p, const nacre_key *k, int s, int h, size_t cap, const uint8_t *dg, size_t dl) {
    return nacre_sign_digest_with(k, s, h, 0, p.out(cap), cap, p.len(), dg, dl);
  };
  handle_classes<nacre_key>(rows, sdw, "key", [=](Probe &p, nacre_key *k) { return sign_dw(p, k, sch, h384, 64, d, 48); });
  triple_classes(rows, sdw, 64, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
    return nacre_sign_digest_with(p256, sch, h384, 0, o, c, l, d, 48);
  });
  input_classes(rows, sdw, "digest", 48, [=](Probe &p, const uint8_t *x, size_t n) { return sign_dw(p, p256, sch, h384, 64, x, n); });
  rows.status(sdw, Cls::out_of_range, "digest_len 32 for SHA-384", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return sign_dw(p, p256, sch, h384, 64, d, 32); });
  unknown_numbers(rows, sdw, "scheme", bad_schemes, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int s) { return sign_dw(p, p256, s, h384, 64, d, 48); });
  rows.status(sdw, Cls::out_of_range, "Ed25519 has no digest form", NACRE_ERR_UNSUPPORTED,
              [=](Probe &p) { return sign_dw(p, edk, NACRE_SIG_SCHEME_ED25519, 0, 64, d, 32); });

  const std::string vdw = "nacre_verify_digest_with";
  auto verify_dw = [](const nacre_key *k, int s, int h, const uint8_t *sg_, size_t sl, const uint8_t *dg, size_t dl) {
    return nacre_verify_digest_with(k, s, h, 0, sg_, sl, dg, dl);
  };
  handle_classes<nacre_key>(rows, vdw, "key", [=](Probe &, nacre_key *k) { return verify_dw(k, sch, h384, d, 64, d, 48); });
  input_classes(rows, vdw, "sig", 64, [=](Probe &, const uint8_t *s, size_t n) { return verify_dw(p256, sch, h384, s, n, d, 48); });
  input_classes(rows, vdw, "digest", 48, [=](Probe &, const uint8_t *x, size_t n) { return verify_dw(p256, sch, h384, d, 64, x, n); });
  rows.status(vdw, Cls::out_of_range, "digest_len 32 for SHA-384", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &) { return verify_dw(p256, sch, h384, d, 64, d, 32); });
  unknown_numbers(rows, vdw, "scheme", bad_schemes, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &, int s) { return verify_dw(p256, s, h384, d, 64, d, 48); });
}

void agreement_rows(Rows &rows) {
  const World &w = world();
  const std::string fn = "nacre_key_agree";
  nacre_key *x = w.x25519, *peer = w.x25519_b;
  auto agree = [](Probe &p, const nacre_key *k, const nacre_key *pk, int b) {
    return nacre_key_agree(k, pk, b, p.out(32), 32, p.len());
  };
  handle_classes<nacre_key>(rows, fn, "key", [=](Probe &p, nacre_key *k) { return agree(p, k, peer, 0); });
  handle_classes<nacre_key>(rows, fn, "peer", [=](Probe &p, nacre_key *k) { return agree(p, x, k, 0); });
  triple_classes(rows, fn, 32, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_key_agree(x, peer, 0, o, c, l); });
  unknown_numbers(rows, fn, "backend", kBadBackends, NACRE_ERR_UNSUPPORTED, [=](Probe &p, int b) { return agree(p, x, peer, b); });
  rows.status(fn, Cls::out_of_range, "a public key as |key|", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return agree(p, world().x25519_pub, peer, 0); });
  rows.status(fn, Cls::out_of_range, "key types differ (X25519, P-256)", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return agree(p, x, world().p256, 0); });
}

void rsa_oaep_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  nacre_key *rsa = w.rsa;
  constexpr size_t kMod = 256, kMax = kMod - 66;
  for (bool enc : {true, false}) {
    const std::string fn = enc ? "nacre_rsa_oaep_encrypt" : "nacre_rsa_oaep_decrypt";
    auto fnp = enc ? nacre_rsa_oaep_encrypt : nacre_rsa_oaep_decrypt;
    const size_t need = enc ? kMod : kMax, in_len = enc ? 10 : kMod;
    auto call = [=](Probe &p, const nacre_key *k, const uint8_t *in, size_t il, const uint8_t *l, size_t ll) {
      return fnp(k, p.out(need), need, p.len(), in, il, l, ll);
    };
    handle_classes<nacre_key>(rows, fn, "key", [=](Probe &p, nacre_key *k) { return call(p, k, d, in_len, nullptr, 0); });
    triple_classes(rows, fn, need,
                   [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(rsa, o, c, l, d, in_len, nullptr, 0); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, rsa, x, n, d, 4); });
    input_classes(rows, fn, "label", 4, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, rsa, d, in_len, x, n); });
    rows.status(fn, Cls::zero_len, enc ? "empty message and label" : "empty ciphertext is a failed decryption",
                enc ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) { return call(p, rsa, nullptr, 0, nullptr, 0); });
    rows.status(fn, Cls::out_of_range, "an X25519 key", NACRE_ERR_INVALID_KEY,
                [=](Probe &p) { return call(p, world().x25519, d, in_len, nullptr, 0); });
  }
  rows.status("nacre_rsa_oaep_encrypt", Cls::out_of_range, "message of modulus - 65 bytes", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_rsa_oaep_encrypt(rsa, p.out(kMod), kMod, p.len(), d, kMax + 1, nullptr, 0); });
  rows.status("nacre_rsa_oaep_decrypt", Cls::out_of_range, "a public key", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_rsa_oaep_decrypt(world().rsa_pub, p.out(kMax), kMax, p.len(), d, kMod, nullptr, 0); });
}

// Boxes seal a 10-byte message: 58 bytes sealed anonymously, 26 with crypto_box.
void box_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  nacre_key *r = w.x25519, *rp = w.x25519_pub, *s = w.x25519_b;
  constexpr size_t kM = 10, kSeal = kM + NACRE_BOX_SEAL_OVERHEAD, kBox = kM + NACRE_BOX_OVERHEAD, kN = NACRE_BOX_NONCE_LEN;

  for (bool seal : {true, false}) {
    const std::string fn = seal ? "nacre_box_seal" : "nacre_box_seal_open";
    auto fnp = seal ? nacre_box_seal : nacre_box_seal_open;
    const size_t need = seal ? kSeal : kM, in_len = seal ? kM : kSeal;
    const nacre_key *key = seal ? rp : r;
    handle_classes<nacre_key>(rows, fn, "recipient",
                              [=](Probe &p, nacre_key *k) { return fnp(k, p.out(need), need, p.len(), d, in_len); });
    triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(key, o, c, l, d, in_len); });
    input_classes(rows, fn, "in", in_len,
                  [=](Probe &p, const uint8_t *x, size_t n) { return fnp(key, p.out(need), need, p.len(), x, n); });
    rows.status(fn, Cls::zero_len, seal ? "empty message" : "empty input: shorter than the overhead",
                seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = seal ? NACRE_BOX_SEAL_OVERHEAD : kM;
                  return fnp(key, p.out(cap), cap, p.len(), nullptr, 0);
                });
    rows.status(fn, Cls::out_of_range, "an Ed25519 key", NACRE_ERR_INVALID_KEY,
                [=](Probe &p) { return fnp(world().ed25519, p.out(need), need, p.len(), d, in_len); });
    rows.status(fn, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(128);
      std::memcpy(buf, d, 128);
      p.zero_region(buf + 1, need);
      return fnp(key, buf + 1, need, p.len(), buf, in_len);
    });
  }
  rows.status("nacre_box_seal_open", Cls::out_of_range, "a public key cannot open", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_box_seal_open(rp, p.out(kM), kM, p.len(), d, kSeal); });

  for (bool box : {true, false}) {
    const std::string fn = box ? "nacre_box" : "nacre_box_open";
    auto fnp = box ? nacre_box : nacre_box_open;
    const size_t need = box ? kBox : kM, in_len = box ? kM : kBox;
    // nacre_box(sender pair, recipient public); nacre_box_open(recipient pair, sender public).
    const nacre_key *first = box ? s : r, *second = box ? rp : s;
    auto call = [=](Probe &p, const nacre_key *a, const nacre_key *b, const uint8_t *n, size_t nl, const uint8_t *in, size_t il) {
      return fnp(a, b, p.out(need), need, p.len(), n, nl, in, il);
    };
    const std::string n1 = box ? "sender" : "recipient", n2 = box ? "recipient" : "sender";
    handle_classes<nacre_key>(rows, fn, n1, [=](Probe &p, nacre_key *k) { return call(p, k, second, d, kN, d, in_len); });
    handle_classes<nacre_key>(rows, fn, n2, [=](Probe &p, nacre_key *k) { return call(p, first, k, d, kN, d, in_len); });
    triple_classes(rows, fn, need,
                   [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(first, second, o, c, l, d, kN, d + 32, in_len); });
    input_classes(rows, fn, "nonce", kN,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, first, second, x, n, d + 32, in_len); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, first, second, d, kN, x, n); });
    rows.status(fn, Cls::zero_len, "nonce_len 0", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return call(p, first, second, d, 0, d + 32, in_len); });
    rows.status(fn, Cls::zero_len, box ? "empty message" : "empty input: shorter than the overhead",
                box ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = box ? NACRE_BOX_OVERHEAD : kM;
                  return fnp(first, second, p.out(cap), cap, p.len(), d, kN, nullptr, 0);
                });
    rows.status(fn, Cls::out_of_range, "a P-256 peer key", NACRE_ERR_INVALID_KEY,
                [=](Probe &p) { return call(p, first, world().p256, d, kN, d + 32, in_len); });
    rows.status(fn, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 1, need);
      return fnp(first, second, buf + 1, need, p.len(), d, kN, buf, in_len);
    });
    rows.status(fn, Cls::overlap, "out overlaps the nonce", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 20, need);
      return fnp(first, second, buf + 20, need, p.len(), buf, kN, d + 32, in_len);
    });
  }
}

// Secret boxes seal a 10-byte message into 26 bytes.
void secretbox_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  nacre_secretbox_key *k = w.secretbox;
  constexpr size_t kM = 10, kBox = kM + NACRE_SECRETBOX_OVERHEAD, kN = NACRE_SECRETBOX_NONCE_LEN;

  const std::string kn = "nacre_secretbox_key_new";
  null_handle_out(rows, kn, [=](Probe &) { return nacre_secretbox_key_new(nullptr, d, 32); });
  input_classes(rows, kn, "key", 32, [](Probe &p, const uint8_t *x, size_t n) {
    return nacre_secretbox_key_new(p.out_as<nacre_secretbox_key *>(), x, n);
  });
  rows.status(kn, Cls::zero_len, "key_len 0 is a wrong key length", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return nacre_secretbox_key_new(p.out_as<nacre_secretbox_key *>(), d, 0); });
  rows.status(kn, Cls::out_of_range, "key_len 31", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return nacre_secretbox_key_new(p.out_as<nacre_secretbox_key *>(), d, 31); });
  free_classes<nacre_secretbox_key>(rows, "nacre_secretbox_key_free", nacre_secretbox_key_free);

  for (bool seal : {true, false}) {
    const std::string fn = seal ? "nacre_secretbox" : "nacre_secretbox_open";
    auto fnp = seal ? nacre_secretbox : nacre_secretbox_open;
    const size_t need = seal ? kBox : kM, in_len = seal ? kM : kBox;
    auto call = [=](Probe &p, const nacre_secretbox_key *key, const uint8_t *n, size_t nl, const uint8_t *in, size_t il) {
      return fnp(key, p.out(need), need, p.len(), n, nl, in, il);
    };
    handle_classes<nacre_secretbox_key>(rows, fn, "key",
                                        [=](Probe &p, nacre_secretbox_key *x) { return call(p, x, d, kN, d, in_len); });
    triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(k, o, c, l, d, kN, d + 32, in_len); });
    input_classes(rows, fn, "nonce", kN, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, k, x, n, d + 32, in_len); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, k, d, kN, x, n); });
    rows.status(fn, Cls::zero_len, "nonce_len 0", NACRE_ERR_INVALID_ARGUMENT,
                [=](Probe &p) { return call(p, k, d, 0, d + 32, in_len); });
    rows.status(fn, Cls::zero_len, seal ? "empty message" : "empty input: shorter than the overhead",
                seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = seal ? NACRE_SECRETBOX_OVERHEAD : kM;
                  return fnp(k, p.out(cap), cap, p.len(), d, kN, nullptr, 0);
                });
    rows.status(fn, Cls::overlap, "out starts one byte after in", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 1, need);
      return fnp(k, buf + 1, need, p.len(), d, kN, buf, in_len);
    });
    rows.status(fn, Cls::overlap, "out overlaps the nonce", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
      uint8_t *buf = p.scratch(64);
      std::memcpy(buf, d, 64);
      p.zero_region(buf + 20, need);
      return fnp(k, buf + 20, need, p.len(), buf, kN, d + 32, in_len);
    });
  }

  const std::string sk = "nacre_box_shared_key";
  nacre_key *x = w.x25519, *peer = w.x25519_b;
  handle_classes<nacre_key>(rows, sk, "key",
                            [=](Probe &p, nacre_key *a) { return nacre_box_shared_key(a, peer, p.out(32), 32, p.len()); });
  handle_classes<nacre_key>(rows, sk, "peer",
                            [=](Probe &p, nacre_key *b) { return nacre_box_shared_key(x, b, p.out(32), 32, p.len()); });
  triple_classes(rows, sk, 32, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_box_shared_key(x, peer, o, c, l); });
  rows.status(sk, Cls::out_of_range, "a public key as |key|", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_box_shared_key(world().x25519_pub, peer, p.out(32), 32, p.len()); });
  rows.status(sk, Cls::out_of_range, "an Ed25519 peer", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return nacre_box_shared_key(x, world().ed25519_pub, p.out(32), 32, p.len()); });

  const std::string tx = "nacre_key_to_x25519";
  handle_classes<nacre_key>(rows, tx, "key",
                            [](Probe &p, nacre_key *a) { return nacre_key_to_x25519(a, p.out_as<nacre_key *>()); });
  null_handle_out(rows, tx, [=](Probe &) { return nacre_key_to_x25519(world().ed25519, nullptr); });
  rows.status(tx, Cls::out_of_range, "an X25519 key", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return nacre_key_to_x25519(x, p.out_as<nacre_key *>()); });
}

void kem_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  nacre_key *k = w.mlkem;
  constexpr size_t kCt = 1088, kSs = 32;
  size_getter(rows, "nacre_kem_ciphertext_len", {0, -1, 1000, NACRE_KEY_X25519}, nacre_kem_ciphertext_len);
  size_getter(rows, "nacre_kem_shared_secret_len", {0, -1, 1000, NACRE_KEY_X25519}, nacre_kem_shared_secret_len);

  const std::string en = "nacre_kem_encapsulate";
  handle_classes<nacre_key>(rows, en, "key", [](Probe &p, nacre_key *key) {
    return nacre_kem_encapsulate(key, p.out(kCt), kCt, p.len(), p.out(kSs), kSs, p.len());
  });
  pair_classes(rows, en, "ct", kCt, "ss", kSs,
               [=](Probe &, uint8_t *c, size_t cc, size_t *cl, uint8_t *s, size_t sc, size_t *sl) {
                 return nacre_kem_encapsulate(world().mlkem_pub, c, cc, cl, s, sc, sl);
               });
  rows.status(en, Cls::out_of_range, "an X25519 key", NACRE_ERR_INVALID_KEY, [=](Probe &p) {
    return nacre_kem_encapsulate(world().x25519, p.out(kCt), kCt, p.len(), p.out(kSs), kSs, p.len());
  });
  rows.status(en, Cls::overlap, "ss inside ct", NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
    uint8_t *buf = p.scratch(kCt);
    p.zero_region(buf, kCt);
    return nacre_kem_encapsulate(k, buf, kCt, p.len(), buf + 100, kSs, p.len());
  });

  const std::string de = "nacre_kem_decapsulate";
  auto decap = [](Probe &p, const nacre_key *key, const uint8_t *ct, size_t n) {
    return nacre_kem_decapsulate(key, p.out(kSs), kSs, p.len(), ct, n);
  };
  handle_classes<nacre_key>(rows, de, "key", [=](Probe &p, nacre_key *key) { return decap(p, key, d, kCt); });
  triple_classes(rows, de, kSs, [=](Probe &, uint8_t *o, size_t c, size_t *l) { return nacre_kem_decapsulate(k, o, c, l, d, kCt); });
  input_classes(rows, de, "ct", kCt, [=](Probe &p, const uint8_t *x, size_t n) { return decap(p, k, x, n); });
  rows.status(de, Cls::zero_len, "empty ciphertext (wrong size)", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return decap(p, k, nullptr, 0); });
  rows.status(de, Cls::out_of_range, "ciphertext one byte short", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return decap(p, k, d, kCt - 1); });
  rows.status(de, Cls::out_of_range, "an X25519 key", NACRE_ERR_INVALID_KEY, [=](Probe &p) { return decap(p, world().x25519, d, kCt); });
}

// HPKE: suite 1 (AES-128-GCM), a 10-byte message: 58 bytes single shot, 26 through a context.
void hpke_rows(Rows &rows) {
  const World &w = world();
  const uint8_t *d = w.d;
  family_rows(rows, "hpke_suite", nacre_hpke_suite_count, nacre_hpke_suite_at, nacre_hpke_suite_name,
              nacre_hpke_suite_from_name);
  nacre_key *r = w.x25519, *rp = w.x25519_pub;
  constexpr size_t kM = 10, kE = NACRE_HPKE_ENC_LEN, kT = NACRE_HPKE_TAG_LEN;
  const std::vector<int> bad_suites = {0, -1, 4, 1000};

  for (bool seal : {true, false}) {
    const std::string fn = seal ? "nacre_hpke_seal" : "nacre_hpke_open";
    auto fnp = seal ? nacre_hpke_seal : nacre_hpke_open;
    const size_t need = seal ? kE + kM + kT : kM, in_len = seal ? kM : kE + kM + kT;
    const nacre_key *key = seal ? rp : r;
    auto call = [=](Probe &p, int suite, const nacre_key *k, const uint8_t *info, size_t il, const uint8_t *in, size_t n,
                    const uint8_t *aad, size_t al) { return fnp(suite, k, p.out(need), need, p.len(), info, il, in, n, aad, al); };
    handle_classes<nacre_key>(rows, fn, "recipient",
                              [=](Probe &p, nacre_key *k) { return call(p, 1, k, d, 4, d, in_len, d, 3); });
    triple_classes(rows, fn, need, [=](Probe &, uint8_t *o, size_t c, size_t *l) {
      return fnp(1, key, o, c, l, d, 4, d + 100, in_len, d + 200, 3);
    });
    input_classes(rows, fn, "info", 4,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, 1, key, x, n, d + 100, in_len, d, 3); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, 1, key, d, 4, x, n, d, 3); });
    input_classes(rows, fn, "aad", 3,
                  [=](Probe &p, const uint8_t *x, size_t n) { return call(p, 1, key, d, 4, d + 100, in_len, x, n); });
    rows.status(fn, Cls::zero_len, seal ? "empty info, message and aad" : "empty input: shorter than enc and tag",
                seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = seal ? kE + kT : kM;
                  return fnp(1, key, p.out(cap), cap, p.len(), nullptr, 0, nullptr, 0, nullptr, 0);
                });
    unknown_numbers(rows, fn, "suite", bad_suites, NACRE_ERR_UNSUPPORTED,
                    [=](Probe &p, int s) { return call(p, s, key, d, 4, d + 100, in_len, d, 3); });
    rows.status(fn, Cls::out_of_range, "a P-256 key", NACRE_ERR_INVALID_KEY,
                [=](Probe &p) { return call(p, 1, world().p256, d, 4, d + 100, in_len, d, 3); });
    // No overlap at all, in place included: seal writes enc before it reads the message, and
    // open reads enc after its output is written. |which|: 0 the input, 1 info, 2 aad, each
    // starting 8 bytes into the output (for seal's input: inside where enc goes).
    for (int which : {0, 1, 2}) {
      const char *names[] = {"out overlaps in", "out overlaps info", "out overlaps aad"};
      rows.status(fn, Cls::overlap, names[which], NACRE_ERR_INVALID_ARGUMENT, [=](Probe &p) {
        uint8_t *buf = p.scratch(128);
        std::memcpy(buf, d, 128);
        p.zero_region(buf, need);
        const uint8_t *in = which == 0 ? buf + 8 : d + 100;
        const uint8_t *info = which == 1 ? buf + 8 : d;
        const uint8_t *aad = which == 2 ? buf + 8 : d + 200;
        return fnp(1, key, buf, need, p.len(), info, 4, in, in_len, aad, 3);
      });
    }
  }
  rows.status("nacre_hpke_open", Cls::out_of_range, "a public key cannot receive", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return nacre_hpke_open(1, rp, p.out(kM), kM, p.len(), nullptr, 0, d, kE + kM + kT, nullptr, 0); });

  const std::string sn = "nacre_hpke_sender_new";
  auto sender = [](Probe &p, int suite, const nacre_key *k, uint8_t *enc, size_t cap, size_t *len, const uint8_t *info,
                   size_t il) { return nacre_hpke_sender_new(p.out_as<nacre_hpke_ctx *>(), suite, k, enc, cap, len, info, il); };
  null_handle_out(rows, sn, [=](Probe &p) { return nacre_hpke_sender_new(nullptr, 1, rp, p.scratch(kE), kE, p.len(), d, 4); });
  handle_classes<nacre_key>(rows, sn, "recipient",
                            [=](Probe &p, nacre_key *k) { return sender(p, 1, k, p.out(kE), kE, p.len(), d, 4); });
  triple_classes(rows, sn, kE, [=](Probe &p, uint8_t *o, size_t c, size_t *l) { return sender(p, 1, rp, o, c, l, d, 4); });
  input_classes(rows, sn, "info", 4, [=](Probe &p, const uint8_t *x, size_t n) { return sender(p, 1, rp, p.out(kE), kE, p.len(), x, n); });
  rows.status(sn, Cls::zero_len, "empty info", NACRE_OK,
              [=](Probe &p) { return sender(p, 1, rp, p.out(kE), kE, p.len(), nullptr, 0); });
  unknown_numbers(rows, sn, "suite", bad_suites, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int s) { return sender(p, s, rp, p.out(kE), kE, p.len(), d, 4); });
  rows.status(sn, Cls::out_of_range, "a P-256 key", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return sender(p, 1, world().p256, p.out(kE), kE, p.len(), d, 4); });

  const std::string rn = "nacre_hpke_receiver_new";
  auto receiver = [](Probe &p, int suite, const nacre_key *k, const uint8_t *enc, size_t el, const uint8_t *info, size_t il) {
    return nacre_hpke_receiver_new(p.out_as<nacre_hpke_ctx *>(), suite, k, enc, el, info, il);
  };
  null_handle_out(rows, rn, [=](Probe &) { return nacre_hpke_receiver_new(nullptr, 1, r, d, kE, d, 4); });
  handle_classes<nacre_key>(rows, rn, "recipient", [=](Probe &p, nacre_key *k) { return receiver(p, 1, k, d, kE, d, 4); });
  input_classes(rows, rn, "enc", kE, [=](Probe &p, const uint8_t *x, size_t n) { return receiver(p, 1, r, x, n, d, 4); });
  input_classes(rows, rn, "info", 4, [=](Probe &p, const uint8_t *x, size_t n) { return receiver(p, 1, r, d, kE, x, n); });
  rows.status(rn, Cls::zero_len, "empty enc is a bad enc", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return receiver(p, 1, r, nullptr, 0, d, 4); });
  rows.status(rn, Cls::out_of_range, "enc_len 31", NACRE_ERR_INVALID_KEY, [=](Probe &p) { return receiver(p, 1, r, d, kE - 1, d, 4); });
  unknown_numbers(rows, rn, "suite", bad_suites, NACRE_ERR_UNSUPPORTED,
                  [=](Probe &p, int s) { return receiver(p, s, r, d, kE, d, 4); });
  rows.status(rn, Cls::out_of_range, "a public key cannot receive", NACRE_ERR_INVALID_KEY,
              [=](Probe &p) { return receiver(p, 1, rp, d, kE, d, 4); });

  for (bool seal : {true, false}) {
    const std::string fn = seal ? "nacre_hpke_ctx_seal" : "nacre_hpke_ctx_open";
    auto fnp = seal ? nacre_hpke_ctx_seal : nacre_hpke_ctx_open;
    nacre_hpke_ctx *ctx = seal ? w.hpke_tx : w.hpke_rx;
    const size_t need = seal ? kM + kT : kM, in_len = seal ? kM : kM + kT;
    auto call = [=](Probe &p, nacre_hpke_ctx *c, const uint8_t *in, size_t n, const uint8_t *aad, size_t al) {
      return fnp(c, p.out(need), need, p.len(), in, n, aad, al);
    };
    handle_classes<nacre_hpke_ctx>(rows, fn, "ctx", [=](Probe &p, nacre_hpke_ctx *c) { return call(p, c, d, in_len, d, 3); });
    triple_classes(rows, fn, need,
                   [=](Probe &, uint8_t *o, size_t c, size_t *l) { return fnp(ctx, o, c, l, d, in_len, d + 100, 3); });
    input_classes(rows, fn, "in", in_len, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, ctx, x, n, d, 3); });
    input_classes(rows, fn, "aad", 3, [=](Probe &p, const uint8_t *x, size_t n) { return call(p, ctx, d + 100, in_len, x, n); });
    rows.status(fn, Cls::zero_len, seal ? "empty message and aad" : "empty input: shorter than a tag",
                seal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED, [=](Probe &p) {
                  const size_t cap = seal ? kT : kM;
                  return fnp(ctx, p.out(cap), cap, p.len(), nullptr, 0, nullptr, 0);
                });
  }

  const std::string xp = "nacre_hpke_ctx_export";
  nacre_hpke_ctx *tx = w.hpke_tx;
  handle_classes<nacre_hpke_ctx>(rows, xp, "ctx",
                                 [=](Probe &p, nacre_hpke_ctx *c) { return nacre_hpke_ctx_export(c, p.out(32), 32, d, 4); });
  exact_classes(rows, xp, 32, NACRE_OK, [=](Probe &, uint8_t *o, size_t n) { return nacre_hpke_ctx_export(tx, o, n, d, 4); });
  input_classes(rows, xp, "context", 4,
                [=](Probe &p, const uint8_t *x, size_t n) { return nacre_hpke_ctx_export(tx, p.out(32), 32, x, n); });
  rows.status(xp, Cls::zero_len, "empty context", NACRE_OK,
              [=](Probe &p) { return nacre_hpke_ctx_export(tx, p.out(32), 32, nullptr, 0); });
  rows.status(xp, Cls::out_of_range, "out_len 255 * 32 + 1", NACRE_ERR_INVALID_ARGUMENT,
              [=](Probe &p) { return nacre_hpke_ctx_export(tx, p.out(255 * 32 + 1), 255 * 32 + 1, d, 4); });

  free_classes<nacre_hpke_ctx>(rows, "nacre_hpke_ctx_free", nacre_hpke_ctx_free);
}

const std::vector<Row> &table() {
  static const std::vector<Row> all = [] {
    Rows rows;
    core_rows(rows);
    hash_rows(rows);
    hmac_rows(rows);
    aead_rows(rows);
    secretstream_rows(rows);
    age_rows(rows);
    minisign_rows(rows);
    kdf_rows(rows);
    keywrap_rows(rows);
    pwhash_rows(rows);
    keys_rows(rows);
    signature_rows(rows);
    agreement_rows(rows);
    rsa_oaep_rows(rows);
    box_rows(rows);
    secretbox_rows(rows);
    kem_rows(rows);
    hpke_rows(rows);
    return rows.all();
  }();
  return all;
}

// ---------------------------------------------------------------------------------------------
// The library's list of functions: every nacre_* function libnacre.so exports (nm's list, written
// at build time by list_exports.cmake), so a function added to the ABI without a row fails here.

std::set<std::string> exported_functions() {
  std::ifstream f(NACRE_EXPORTS_PATH);
  REQUIRE(f.good());
  const std::regex name_re("nacre_[a-z0-9_]+");
  std::set<std::string> names;
  for (std::string line; std::getline(f, line);) {
    INFO("exported: " << line);
    CHECK(std::regex_match(line, name_re));
    names.insert(line);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Running a row: in a forked child, so that a crash is a failed row, not a dead test run.

struct Outcome {
  int64_t got;
  bool fences;
  bool zeroed;
  bool explained;
  uint32_t n_lens;
  size_t lens[4];
};

// A failed call says why: nacre_last_error_message is a new, non-empty line of printable text.
// Before the row, a failure of nacre_secret_memory_stats leaves a message no other function gives.
bool explains_itself(const Row &r, bool failed, const std::string &before) {
  if (!failed) return true;
  const std::string now = nacre_last_error_message();
  const bool printable = std::all_of(now.begin(), now.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
  const bool fresh = now != before || r.fn == "nacre_secret_memory_stats";
  return !now.empty() && now.size() < 256 && printable && fresh;
}

Outcome execute(const Row &r) {
  Probe p;
  Outcome o{};
  nacre_memory_stats too_small{};
  REQUIRE(nacre_secret_memory_stats(&too_small, 1) == NACRE_ERR_INVALID_ARGUMENT);
  const std::string before = nacre_last_error_message();
  o.got = r.call(p);
  const bool failed = !r.value && o.got != NACRE_OK;
  o.explained = explains_itself(r, failed, before);
  o.fences = p.fences_intact();
  o.zeroed = !failed || p.outputs_zeroed();
  o.n_lens = static_cast<uint32_t>(std::min<size_t>(p.lens().size(), 4));
  for (uint32_t i = 0; i < o.n_lens; ++i) o.lens[i] = *p.lens()[i];
  return o;
}

// Returns an empty string, or how the child died.
std::string run_isolated(const Row &r, Outcome &o) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  std::cout.flush();
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    close(fds[0]);
    alarm(60);  // a hang is a failure too
    const Outcome res = execute(r);
    const ssize_t n = write(fds[1], &res, sizeof res);
    _exit(n == static_cast<ssize_t>(sizeof res) ? 0 : 3);
  }
  close(fds[1]);
  size_t got = 0;
  auto *dst = reinterpret_cast<char *>(&o);
  while (got < sizeof o) {
    const ssize_t n = read(fds[0], dst + got, sizeof o - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  if (WIFSIGNALED(st)) return std::string("killed by signal ") + std::to_string(WTERMSIG(st)) + " (" + strsignal(WTERMSIG(st)) + ")";
  if (!WIFEXITED(st) || WEXITSTATUS(st) != 0 || got != sizeof o) return "child exited abnormally";
  return {};
}

std::string status_text(int64_t s) { return std::to_string(s) + " " + nacre_status_name(static_cast<int>(s)); }

void check_row(const Row &r) {
  INFO(r.fn << " [" << cls_name(r.cls) << "] " << r.what);
  Outcome o{};
  const std::string died = run_isolated(r, o);
  if (!died.empty()) {
    FAIL_CHECK("the call did not return: " << died);
    return;
  }
  if (r.value) {
    CHECK(o.got == r.want);
  } else {
    CHECK(status_text(o.got) == status_text(r.want));
  }
  CHECK(o.explained);  // a failure has a message of its own
  CHECK(o.fences);  // nothing written outside the buffers
  CHECK(o.zeroed);  // a failed call leaves its outputs zeroed
  for (size_t i = 0; i < r.want_len.size(); ++i) {
    if (r.want_len[i] == kAnyLen) continue;
    INFO("length output " << i);
    CHECK(i < o.n_lens);
    if (i < o.n_lens) CHECK(o.lens[i] == r.want_len[i]);  // the size needed
  }
}

struct Tally {
  std::set<std::string> functions;
  std::set<std::pair<std::string, Cls>> cases;
  size_t calls = 0;
  void add(const Row &r) {
    functions.insert(r.fn);
    cases.insert({r.fn, r.cls});
    ++calls;
  }
};

}  // namespace

TEST_CASE("bad-input matrix: a row for every function the header exports, and no other", "[capi][matrix]") {
  const std::set<std::string> exported = exported_functions();
  CHECK(exported.size() > 90);
  std::set<std::string> in_table;
  for (const Row &r : table()) in_table.insert(r.fn);
  for (const std::string &fn : exported) {
    INFO("exported by libnacre.so: " << fn);
    CHECK(in_table.count(fn) == 1);
  }
  for (const std::string &fn : in_table) {
    INFO("named by a row: " << fn);
    CHECK(exported.count(fn) == 1);
  }
}

TEST_CASE("bad-input matrix: every exported function, every class of bad input", "[capi][matrix]") {
  Tally all, run;
  std::map<std::string, std::set<Cls>> classes_per_function;
  for (const Row &r : table()) {
    all.add(r);
    classes_per_function[r.fn].insert(r.cls);
    check_row(r);
    run.add(r);
  }
  std::cout << "bad-input matrix: " << all.functions.size() << " functions, " << all.cases.size()
            << " function x class cases, " << run.calls << " calls\n";
  // Every function has at least one row; those whose only row is "no bad input" say why.
  for (const auto &[fn, classes] : classes_per_function) {
    INFO(fn);
    CHECK(!classes.empty());
  }
}
