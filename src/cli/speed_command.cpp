// nacre speed: throughput and operations per second of nacre's C++ API on this machine, like
// `openssl speed`. Each measurement is the median of a few short timed batches (std::chrono);
// the backend is nacre's default for the algorithm. For numbers of every layer and backend side by
// side, use the Google Benchmark program in bench/ (scripts/bench-report).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "nacre/aead.hpp"
#include "nacre/agreement.hpp"
#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"
#include "nacre/kem.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"
#include "nacre/signature.hpp"

namespace nacre::cli {
namespace {

using Clock = std::chrono::steady_clock;
using Op = std::function<void()>;

constexpr std::size_t kSizes[] = {16, 64, 1024, 16384, std::size_t{1} << 20};
const Bytes kMessage(64, 0x42);  // what the public-key operations sign

// One line of the table, or one line per size when |sized|. |make| sets up keys and buffers (not
// timed) and returns the operation to time, for a message of |size| bytes when sized.
struct Entry {
  std::string alg;  // the name ALG arguments match
  std::string operation;
  std::string backend;
  bool sized;
  std::function<Op(std::size_t size)> make;
};

struct Timing {
  Clock::duration batch;  // aim of one timed batch
  int repeats;            // batches; the median is reported
};

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

Clock::duration run_batch(const Op &op, std::size_t n) {
  const auto start = Clock::now();
  for (std::size_t i = 0; i < n; ++i) op();
  return Clock::now() - start;
}

// ops_per_second grows the batch until it lasts |t.batch|, then returns the median rate of
// |t.repeats| batches of that many operations.
double ops_per_second(const Op &op, const Timing &t) {
  op();  // warm-up: first-use initialisation, caches
  std::size_t n = 1;
  for (Clock::duration d = run_batch(op, n); d < t.batch && n < (std::size_t{1} << 32);
       d = run_batch(op, n)) {
    const double want = seconds(t.batch) / std::max(seconds(d), 1e-9) * 1.2;
    n = std::max(n * 2, static_cast<std::size_t>(static_cast<double>(n) * std::min(want, 100.0)));
  }
  std::vector<double> rates;
  rates.reserve(static_cast<std::size_t>(t.repeats));
  for (int i = 0; i < t.repeats; ++i) {
    rates.push_back(static_cast<double>(n) / std::max(seconds(run_batch(op, n)), 1e-9));
  }
  std::sort(rates.begin(), rates.end());
  return rates[rates.size() / 2];
}

std::string size_text(std::size_t size) {
  if (size >= (std::size_t{1} << 20)) return std::to_string(size >> 20) + " MiB";
  if (size >= 1024) return std::to_string(size >> 10) + " KiB";
  return std::to_string(size) + " B";
}

void add_hashes(std::vector<Entry> &out) {
  for (const HashInfo &h : hash_algorithms()) {
    if (h.digest_size == 0) continue;  // XOFs: no fixed digest
    const HashAlg alg = h.alg;
    const std::string backend(backend_name(resolve_backend(alg, Backend::automatic)));
    // BLAKE2b by its length, as `nacre hash` (and b2sum) name it: one spelling across commands.
    const std::string name = alg == HashAlg::blake2b ? "blake2b-512" : std::string(hash_name(alg));
    out.push_back({name, "hash", backend, true, [alg](std::size_t size) {
                     auto msg = std::make_shared<Bytes>(size, 0x61);
                     auto digest = std::make_shared<Bytes>(digest_size(alg));
                     return Op([alg, msg, digest] { hash_into(alg, *msg, *digest); });
                   }});
  }
  for (const HashInfo &h : hash_algorithms()) {
    if (!h.hmac) continue;
    const HashAlg alg = h.alg;
    const std::string backend(backend_name(hmac_resolve_backend(alg, Backend::automatic)));
    out.push_back({"hmac-" + std::string(hash_name(alg)), "mac", backend, true, [alg](std::size_t size) {
                     auto msg = std::make_shared<Bytes>(size, 0x61);
                     auto key = std::make_shared<Bytes>(random_bytes(32));
                     auto tag = std::make_shared<Bytes>(hmac_size(alg));
                     return Op([alg, msg, key, tag] { hmac_into(alg, *key, *msg, *tag); });
                   }});
  }
}

void add_aeads(std::vector<Entry> &out) {
  for (const AeadInfo &a : aead_algorithms()) {
    const AeadAlg alg = a.alg;
    if (!aead_is_available(alg, Backend::automatic)) continue;
    const std::string backend(backend_name(aead_resolve_backend(alg, Backend::automatic)));
    out.push_back({std::string(aead_name(alg)), "seal", backend, true, [alg](std::size_t size) {
                     auto key = std::make_shared<AeadKey>(AeadKey::create(alg, random_bytes(aead_key_size(alg))));
                     auto nonce = std::make_shared<Bytes>(random_bytes(key->nonce_size()));
                     auto msg = std::make_shared<Bytes>(size, 0x61);
                     auto ct = std::make_shared<Bytes>(size + key->tag_size());
                     return Op([key, nonce, msg, ct] { key->seal_into(*ct, *nonce, *msg, {}); });
                   }});
  }
}

std::size_t rsa_bits(KeyType type) { return type == KeyType::rsa ? 3072 : 0; }

void add_public_key(std::vector<Entry> &out) {
  for (const SigInfo &s : sig_algorithms()) {
    // P1363 costs what DER does; PKCS#1 v1.5 only verifies.
    if (s.scheme == SigScheme::ecdsa_p1363 || s.scheme == SigScheme::rsa_pkcs1) continue;
    const std::string backend(backend_name(signature_resolve_backend(s.alg, Backend::automatic)));
    out.push_back({s.name, "sign", backend, false, [s](std::size_t) {
                     auto key = std::make_shared<Key>(Key::generate(s.key_type, rsa_bits(s.key_type)));
                     auto sig = std::make_shared<Bytes>(signature_max_size(*key, s.alg));
                     return Op([s, key, sig] { sign_into(*sig, *key, s.alg, kMessage); });
                   }});
    out.push_back({s.name, "verify", backend, false, [s](std::size_t) {
                     const Key key = Key::generate(s.key_type, rsa_bits(s.key_type));
                     auto pub = std::make_shared<Key>(key.public_key());
                     auto sig = std::make_shared<Bytes>(sign(key, s.alg, kMessage));
                     return Op([s, pub, sig] { verify(*pub, s.alg, *sig, kMessage); });
                   }});
  }
  for (const KeyType type : {KeyType::x25519, KeyType::p256}) {
    const std::string name = type == KeyType::x25519 ? "x25519" : "ecdh-p256";
    const std::string backend(backend_name(agreement_resolve_backend(type, Backend::automatic)));
    out.push_back({name, "agree", backend, false, [type](std::size_t) {
                     auto key = std::make_shared<Key>(Key::generate(type));
                     auto peer = std::make_shared<Key>(Key::generate(type).public_key());
                     return Op([key, peer] { agree(*key, *peer); });
                   }});
  }
  for (const KeyType type : {KeyType::ed25519, KeyType::x25519, KeyType::p256, KeyType::mlkem768}) {
    out.push_back({std::string(key_type_name(type)), "keygen", "automatic", false, [type](std::size_t) {
                     return Op([type] { Key::generate(type); });
                   }});
  }
  for (const KeyType type : {KeyType::mlkem768, KeyType::xwing}) {
    out.push_back({std::string(key_type_name(type)), "encap+decap", "sodium", false, [type](std::size_t) {
                     auto key = std::make_shared<Key>(Key::generate(type));
                     auto pub = std::make_shared<Key>(key->public_key());
                     return Op([key, pub] { decapsulate(*key, encapsulate(*pub).ciphertext); });
                   }});
  }
  out.push_back({"argon2id", "interactive", "sodium", false, [](std::size_t) {
                   const auto limits = pwhash_preset_limits(PwhashAlg::argon2id, PwhashPreset::interactive);
                   auto salt = std::make_shared<Bytes>(random_bytes(pwhash_salt_size(PwhashAlg::argon2id)));
                   auto key = std::make_shared<Bytes>(32);
                   return Op([limits, salt, key] {
                     const Bytes password(16, 0x70);
                     pwhash_derive_into(PwhashAlg::argon2id, password, *salt, limits, *key);
                   });
                 }});
}

const std::vector<Entry> &entries() {
  static const std::vector<Entry> all = [] {
    std::vector<Entry> e;
    add_hashes(e);
    add_aeads(e);
    add_public_key(e);
    return e;
  }();
  return all;
}

void print_row(const Entry &e, const std::string &size, double ops, double bytes_per_second) {
  char mb[32] = "-";
  if (bytes_per_second >= 0) std::snprintf(mb, sizeof mb, "%.2f", bytes_per_second / 1e6);
  std::printf("%-14s %-12s %-10s %8s %14.1f %12s\n", e.alg.c_str(), e.operation.c_str(),
              e.backend.c_str(), size.c_str(), ops, mb);
  std::fflush(stdout);
}

// check_alg is the ALG validator: empty for a known name, else the error CLI11 reports.
std::string check_alg(const std::string &name) {
  std::string known;
  for (const Entry &e : entries()) {
    if (e.alg == name) return {};
    if (known.find(" " + e.alg + ",") == std::string::npos) known += " " + e.alg + ",";
  }
  known.pop_back();
  return "unknown algorithm '" + name + "'; known:" + known;
}

void run(const std::vector<std::string> &algs, bool quick) {
  const Timing timing = quick ? Timing{std::chrono::milliseconds(5), 3}
                              : Timing{std::chrono::milliseconds(100), 5};
  std::printf("%-14s %-12s %-10s %8s %14s %12s\n", "algorithm", "operation", "backend", "size",
              "ops/s", "MB/s");
  for (const Entry &e : entries()) {
    if (!algs.empty() && std::find(algs.begin(), algs.end(), e.alg) == algs.end()) continue;
    if (!e.sized) {
      print_row(e, "-", ops_per_second(e.make(0), timing), -1);
      continue;
    }
    for (const std::size_t size : kSizes) {
      const double ops = ops_per_second(e.make(size), timing);
      print_row(e, size_text(size), ops, ops * static_cast<double>(size));
    }
  }
}

}  // namespace

void add_speed_command(CLI::App &app) {
  auto *cmd = app.add_subcommand(
      "speed", "Measure nacre's speed here (default backends, C++ API): ops/s and MB/s per size");
  static bool quick = false;
  static std::vector<std::string> algs;
  cmd->add_flag("--quick", quick, "short measurements (rough numbers, a few seconds in all)");
  cmd->add_option("ALG", algs, "algorithms to measure (default: all)")->check(check_alg, "", "algorithm");
  cmd->callback([] { run(algs, quick); });
}

}  // namespace nacre::cli
