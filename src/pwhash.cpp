#include "nacre/pwhash.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include "backend/kdf_adapters.hpp"

namespace nacre {
namespace {

using detail::require_length;

// Raw scrypt spends its time in Salsa20/8 over N * r blocks. Measured here (one core, N = 2^14,
// r = 8, p = 1, 64-byte output, best of six runs): BoringSSL 38 ms, libsodium 43 ms. BoringSSL
// is the default.
constexpr Backend kScryptDefault = Backend::boringssl;

constexpr std::uint64_t kU64Max = std::numeric_limits<std::uint64_t>::max();

[[noreturn]] void malformed(const char *what) { throw Error(Status::invalid_argument, what); }

std::uint64_t mul_saturated(std::uint64_t a, std::uint64_t b) noexcept {
  return a != 0 && b > kU64Max / a ? kU64Max : a * b;
}

// Reader walks the cost fields at the start of a hash string. It reads only what bounds the
// time and memory that verifying would take; libsodium decodes and checks the whole string.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  void literal(std::string_view lit) {
    if (!s_.starts_with(lit)) malformed("malformed password hash string");
    s_.remove_prefix(lit.size());
  }

  // An Argon2 parameter: a decimal of at most 32 bits, as libsodium's decoder accepts.
  std::uint64_t decimal() {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s_.data(), s_.data() + s_.size(), v);
    if (ec != std::errc{} || v > 0xffffffffu) malformed("malformed password hash parameter");
    s_.remove_prefix(static_cast<std::size_t>(end - s_.data()));
    return v;
  }

  // An escrypt setting field: |chars| characters of the crypt(3) alphabet, six bits each, least
  // significant first.
  std::uint64_t crypt64(int chars) {
    static constexpr std::string_view kAlphabet =
        "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::uint64_t v = 0;
    for (int i = 0; i < chars; ++i) {
      const auto digit = s_.empty() ? std::string_view::npos : kAlphabet.find(s_.front());
      if (digit == std::string_view::npos) malformed("malformed scrypt hash parameter");
      v |= static_cast<std::uint64_t>(digit) << (6 * i);
      s_.remove_prefix(1);
    }
    return v;
  }

 private:
  std::string_view s_;
};

// What a hash string asks for: time in libsodium's opslimit units, memory in bytes.
struct Costs {
  std::uint64_t ops;
  std::uint64_t memory;
};

// "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"
Costs argon2_costs(PwhashAlg alg, std::string_view str) {
  Reader in(str);
  in.literal(alg == PwhashAlg::argon2id ? "$argon2id$v=" : "$argon2i$v=");
  in.decimal();
  in.literal("$m=");
  const std::uint64_t kib = in.decimal();
  in.literal(",t=");
  const std::uint64_t passes = in.decimal();
  in.literal(",p=");
  const std::uint64_t lanes = in.decimal();
  in.literal("$");
  // Argon2 allocates at least 8 blocks of 1 KiB per lane, whatever m says.
  return {passes, std::max(kib, 8 * lanes) * 1024};
}

// "$7$" + log2(N) (1 char) + r (5 chars) + p (5 chars) + salt "$" hash
Costs scrypt_costs(std::string_view str) {
  Reader in(str);
  in.literal("$7$");
  const std::uint64_t log2_n = in.crypt64(1);
  const std::uint64_t r = in.crypt64(5);
  const std::uint64_t p = in.crypt64(5);
  if (log2_n < 1 || log2_n > 32 || r == 0 || p == 0) malformed("malformed scrypt parameters");
  const std::uint64_t n = std::uint64_t{1} << log2_n;
  // libsodium's opslimit buys 4 * N * r * p (its pickparams); V and B take 128 * r * (N + p).
  // With a small N the time goes to PBKDF2 filling B (128 * r * p bytes), which that count
  // misses: each 64-byte block of B costs about as much as 64 Salsa20/8 rounds of smix, so N + 64
  // stands for N. The fuzzer found "$7$" with N = 8, r = 8, p = 786432: 20 s of PBKDF2 per verify.
  return {mul_saturated(mul_saturated(4 * r, p), n + 64), mul_saturated(128 * r, n + p)};
}

// checked_str_alg returns the algorithm |str| names after refusing, before anything is
// allocated, a string too long to be a hash, holding a NUL, or asking for more than nacre's
// limits (a hostile "m=4294967295" would otherwise have libsodium allocate 4 TiB).
PwhashAlg checked_str_alg(std::string_view str) {
  if (str.size() >= kPwhashStrBytes || str.find('\0') != std::string_view::npos) {
    malformed("malformed password hash string");
  }
  const PwhashAlg alg = pwhash_str_alg(str);
  const Costs costs = alg == PwhashAlg::scrypt ? scrypt_costs(str) : argon2_costs(alg, str);
  if (costs.ops > pwhash_max_limits(alg).opslimit || costs.memory > kPwhashMaxMemory) {
    malformed("password hash string asks for more than nacre's limits");
  }
  return alg;
}

// Callers' strings need not end in NUL; libsodium's do.
std::array<char, kPwhashStrBytes> terminated(std::string_view str) {
  std::array<char, kPwhashStrBytes> out{};
  std::copy(str.begin(), str.end(), out.begin());
  return out;
}

void check_limits(PwhashAlg alg, PwhashLimits limits) {
  const PwhashLimits lo = pwhash_min_limits(alg);
  const PwhashLimits hi = pwhash_max_limits(alg);
  require_length(limits.opslimit, lo.opslimit, hi.opslimit, "opslimit out of range");
  require_length(limits.memlimit, lo.memlimit, hi.memlimit, "memlimit out of range");
}

void check_password(PwhashAlg alg, ByteView password) {
  require_length(password.size(), 0, detail::sodium::pwhash_bounds(alg).password_max,
                 "password too long");
}

void check_output(PwhashAlg alg, std::size_t n) {
  require_length(n, pwhash_min_output(alg), pwhash_max_output(alg), "output length out of range");
}

void check_scrypt_output(std::size_t n) {
  require_length(n, 1, kScryptMaxOutput, "scrypt outputs hold 1 byte to 1 MiB");
}

void check_scrypt(ScryptParams p) {
  if (p.n < 2 || p.n > (std::uint64_t{1} << 32) || (p.n & (p.n - 1)) != 0) {
    malformed("scrypt N must be a power of two from 2 to 2^32");
  }
  if (p.r == 0 || p.p == 0 || std::uint64_t{p.r} * p.p >= (std::uint64_t{1} << 30)) {
    malformed("scrypt needs r >= 1, p >= 1 and r * p < 2^30");
  }
  if (16 * std::uint64_t{p.r} <= 63 && p.n >= (std::uint64_t{1} << (16 * p.r))) {
    malformed("scrypt N must be below 2^(16 r)");
  }
  if (mul_saturated(128 * std::uint64_t{p.r}, p.n + p.p) > kPwhashMaxMemory) {
    malformed("scrypt parameters need more than 4 GiB");
  }
}

}  // namespace

std::size_t pwhash_salt_size(PwhashAlg alg) { return detail::sodium::pwhash_bounds(alg).salt; }
std::size_t pwhash_min_output(PwhashAlg alg) {
  return detail::sodium::pwhash_bounds(alg).bytes_min;
}
std::size_t pwhash_max_output(PwhashAlg alg) {
  return detail::sodium::pwhash_bounds(alg).bytes_max;
}
PwhashLimits pwhash_min_limits(PwhashAlg alg) { return detail::sodium::pwhash_bounds(alg).min; }

PwhashLimits pwhash_max_limits(PwhashAlg alg) {
  const PwhashLimits max = detail::sodium::pwhash_bounds(alg).max;
  // libsodium allows a time cost of 2^32-1 passes: a stored string asking for that would keep a
  // verifier busy for days, so nacre caps it (8x the sensitive presets).
  const std::uint64_t ops_cap = alg == PwhashAlg::scrypt ? kScryptMaxOpslimit : kArgon2MaxOpslimit;
  return {std::min(max.opslimit, ops_cap),
          static_cast<std::size_t>(std::min<std::uint64_t>(max.memlimit, kPwhashMaxMemory))};
}

PwhashLimits pwhash_preset_limits(PwhashAlg alg, PwhashPreset preset) {
  return detail::sodium::pwhash_preset(alg, preset);
}

void pwhash_derive_into(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
                        MutableByteView out) {
  check_limits(alg, limits);
  check_password(alg, password);
  require_size(salt, pwhash_salt_size(alg), "salt");
  check_output(alg, out.size());
  require_disjoint(out, password);
  require_disjoint(out, salt);
  detail::sodium::pwhash(alg, password, salt, limits, out);
}

SecretBytes pwhash_derive(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
                          std::size_t out_len) {
  check_output(alg, out_len);
  return detail::derive_secret(out_len, [&](MutableByteView out) {
    pwhash_derive_into(alg, password, salt, limits, out);
  });
}

std::string pwhash_str(PwhashAlg alg, ByteView password, PwhashLimits limits) {
  check_limits(alg, limits);
  check_password(alg, password);
  std::array<char, kPwhashStrBytes> buf{};
  detail::sodium::pwhash_str(alg, password, limits, buf);
  const auto nul = std::find(buf.begin(), buf.end(), '\0');
  if (nul == buf.end()) throw Error(Status::internal, "unterminated password hash string");
  return {buf.begin(), nul};
}

PwhashAlg pwhash_str_alg(std::string_view str) {
  if (str.starts_with("$argon2id$")) return PwhashAlg::argon2id;
  if (str.starts_with("$argon2i$")) return PwhashAlg::argon2i;
  if (str.starts_with("$7$")) return PwhashAlg::scrypt;
  malformed("not an Argon2id, Argon2i or scrypt hash string");
}

bool pwhash_str_verify(std::string_view str, ByteView password) {
  const PwhashAlg alg = checked_str_alg(str);
  check_password(alg, password);
  const auto cstr = terminated(str);
  // libsodium's verify answers -1 for a malformed string and for a wrong password alike.
  if (!detail::sodium::pwhash_str_well_formed(alg, cstr.data())) {
    malformed("malformed password hash string");
  }
  return detail::sodium::pwhash_str_verify(alg, cstr.data(), password);
}

bool pwhash_str_needs_rehash(std::string_view str, PwhashLimits limits) {
  const PwhashAlg alg = checked_str_alg(str);
  check_limits(alg, limits);
  return detail::sodium::pwhash_str_needs_rehash(alg, terminated(str).data(), limits);
}

Backend scrypt_resolve_backend(Backend backend) {
  if (backend == Backend::automatic) return kScryptDefault;
  if (backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  return backend;
}

void scrypt_into(ByteView password, ByteView salt, ScryptParams params, MutableByteView out,
                 Backend backend) {
  const Backend b = scrypt_resolve_backend(backend);
  check_scrypt(params);
  check_scrypt_output(out.size());
  require_disjoint(out, password);
  require_disjoint(out, salt);
  if (b == Backend::boringssl) {
    detail::bssl::scrypt(password, salt, params, out);
  } else {
    detail::sodium::scrypt(password, salt, params, out);
  }
}

SecretBytes scrypt(ByteView password, ByteView salt, ScryptParams params, std::size_t out_len,
                   Backend backend) {
  check_scrypt_output(out_len);
  return detail::derive_secret(
      out_len, [&](MutableByteView out) { scrypt_into(password, salt, params, out, backend); });
}

}  // namespace nacre
