// The algorithm tables through the C ABI: every family's count/at/name/from_name agree with each
// other, with the C++ tables, and with the older per-fact functions; nacre_X_describe agrees with
// those functions and with what the library actually accepts.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "nacre.h"

namespace {

struct Table {
  const char *family;
  size_t (*count)();
  int (*at)(size_t);
  const char *(*name)(int);
  int (*from_name)(const char *);
};

const Table kTables[] = {
    {"hash", nacre_hash_count, nacre_hash_at, nacre_hash_name, nacre_hash_from_name},
    {"aead", nacre_aead_count, nacre_aead_at, nacre_aead_name, nacre_aead_from_name},
    {"sig", nacre_sig_count, nacre_sig_at, nacre_sig_name, nacre_sig_from_name},
    {"key_type", nacre_key_type_count, nacre_key_type_at, nacre_key_type_name, nacre_key_type_from_name},
    {"hpke_suite", nacre_hpke_suite_count, nacre_hpke_suite_at, nacre_hpke_suite_name, nacre_hpke_suite_from_name},
};

template <class Info, class Describe>
Info described(int alg, Describe describe) {
  Info info{};
  REQUIRE(describe(alg, &info, sizeof info) == NACRE_OK);
  return info;
}

}  // namespace

TEST_CASE("every family's table round-trips names and numbers", "[capi][descriptor]") {
  for (const Table &t : kTables) {
    INFO(t.family);
    REQUIRE(t.count() >= 1);
    std::set<int> numbers;
    std::set<std::string> names;
    for (size_t i = 0; i < t.count(); ++i) {
      const int n = t.at(i);
      CHECK(n != 0);
      const char *name = t.name(n);
      REQUIRE(name != nullptr);
      CHECK(std::strlen(name) > 0);
      CHECK(t.from_name(name) == n);
      for (const char *c = name; *c != '\0'; ++c) CHECK((*c < 'A' || *c > 'Z'));  // lower case
      numbers.insert(n);
      names.insert(name);
    }
    CHECK(numbers.size() == t.count());
    CHECK(names.size() == t.count());
    CHECK(t.at(t.count()) == 0);
  }
}

TEST_CASE("nacre_hash_describe agrees with the hash functions", "[capi][descriptor][hash]") {
  for (size_t i = 0; i < nacre_hash_count(); ++i) {
    const int alg = nacre_hash_at(i);
    const auto h = described<nacre_hash_info>(alg, nacre_hash_describe);
    INFO(h.name);
    CHECK(h.alg == alg);
    CHECK(std::strcmp(h.name, nacre_hash_name(alg)) == 0);
    CHECK(h.digest_len == nacre_hash_digest_len(alg));
    CHECK(h.block_len == nacre_hash_block_len(alg));
    CHECK(((h.flags & NACRE_HASH_FLAG_XOF) != 0) == (h.digest_len == 0));
    CHECK(((h.flags & NACRE_HASH_FLAG_HMAC) != 0) == (nacre_hmac_len(alg) != 0));
    CHECK(((h.flags & NACRE_HASH_FLAG_KDF) != 0) == (nacre_hkdf_max_len(alg) != 0));
    if ((h.flags & NACRE_HASH_FLAG_KDF) != 0) CHECK((h.flags & NACRE_HASH_FLAG_HMAC) != 0);
    // Legacy exactly for the two broken hashes (RFC 6151; SHAttered); both keep HMAC (collisions
    // do not break it), and SHA-1 the KDFs its formats fix (PBKDF2-HMAC-SHA1), MD5 none.
    const bool legacy = alg == NACRE_HASH_MD5 || alg == NACRE_HASH_SHA1;
    CHECK(((h.flags & NACRE_HASH_FLAG_LEGACY) != 0) == legacy);
    if (legacy) CHECK((h.flags & NACRE_HASH_FLAG_HMAC) != 0);
    if (alg == NACRE_HASH_MD5) CHECK((h.flags & NACRE_HASH_FLAG_KDF) == 0);
    CHECK(h.backends != 0);
    for (int b : {NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      CHECK(((h.backends >> b) & 1u) == (nacre_hash_is_available(alg, b) == NACRE_OK ? 1u : 0u));
    }
    CHECK(((h.backends >> h.default_backend) & 1u) == 1u);
    // The default is the backend that actually runs: same digest as asking for it by name.
    if (h.digest_len != 0) {
      std::vector<uint8_t> a(h.digest_len), b(h.digest_len);
      size_t n = 0;
      CHECK(nacre_hash(alg, NACRE_BACKEND_AUTOMATIC, a.data(), a.size(), &n, nullptr, 0) == NACRE_OK);
      CHECK(nacre_hash(alg, h.default_backend, b.data(), b.size(), &n, nullptr, 0) == NACRE_OK);
      CHECK(a == b);
    }
  }
}

TEST_CASE("nacre_aead_describe agrees with the AEAD functions", "[capi][descriptor][aead]") {
  for (size_t i = 0; i < nacre_aead_count(); ++i) {
    const int alg = nacre_aead_at(i);
    const auto a = described<nacre_aead_info>(alg, nacre_aead_describe);
    INFO(a.name);
    CHECK(a.alg == alg);
    CHECK(std::strcmp(a.name, nacre_aead_name(alg)) == 0);
    CHECK(a.key_len == nacre_aead_key_len(alg));
    CHECK(a.nonce_len == nacre_aead_nonce_len(alg));
    CHECK(a.tag_len == nacre_aead_tag_len(alg));
    for (int b : {NACRE_BACKEND_BORINGSSL, NACRE_BACKEND_SODIUM}) {
      CHECK(((a.backends >> b) & 1u) == (nacre_aead_is_available(alg, b) == NACRE_OK ? 1u : 0u));
    }
    if (a.backends == 0) {
      CHECK(a.default_backend == NACRE_BACKEND_AUTOMATIC);
      continue;
    }
    CHECK(((a.backends >> a.default_backend) & 1u) == 1u);
    // The flag says what nacre_aead_seal_with_random_nonce does with the algorithm.
    std::vector<uint8_t> key(a.key_len, 7), out(a.nonce_len + 3 + a.tag_len);
    const uint8_t msg[3] = {1, 2, 3};
    nacre_aead_key *k = nullptr;
    REQUIRE(nacre_aead_key_new(&k, alg, NACRE_BACKEND_AUTOMATIC, key.data(), key.size()) == NACRE_OK);
    size_t n = 0;
    const int rc = nacre_aead_seal_with_random_nonce(k, out.data(), out.size(), &n, msg, 3, nullptr, 0);
    CHECK(rc == ((a.flags & NACRE_AEAD_FLAG_RANDOM_NONCE_SAFE) != 0 ? NACRE_OK : NACRE_ERR_UNSUPPORTED));
    nacre_aead_key_free(k);
  }
}

TEST_CASE("numbers outside a table are refused by name, size and describe alike", "[capi][descriptor]") {
  const int past_hash = static_cast<int>(nacre_hash_count()) + 1;
  const int past_aead = static_cast<int>(nacre_aead_count()) + 1;
  nacre_hash_info h{};
  nacre_aead_info a{};
  CHECK(nacre_hash_describe(past_hash, &h, sizeof h) == NACRE_ERR_UNSUPPORTED);
  CHECK(nacre_aead_describe(past_aead, &a, sizeof a) == NACRE_ERR_UNSUPPORTED);
  CHECK(std::string(nacre_last_error_message()) == "unknown AEAD algorithm");
  CHECK(nacre_hash_digest_len(past_hash) == 0);
  CHECK(nacre_aead_key_len(past_aead) == 0);
  nacre_aead_key *k = nullptr;
  const uint8_t key[32] = {};
  CHECK(nacre_aead_key_new(&k, past_aead, 0, key, sizeof key) == NACRE_ERR_UNSUPPORTED);
  CHECK(std::string(nacre_last_error_message()) == "unknown AEAD algorithm " + std::to_string(past_aead));
}
