// libsodium adapter for password hashing: Argon2id, Argon2i and scrypt, raw and as strings.
#include <cerrno>

#include "../kdf_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

using StrVerify = int (*)(const char *, const char *, unsigned long long);
using StrNeedsRehash = int (*)(const char *, unsigned long long, std::size_t);

struct AlgFacts {
  PwhashAlg alg;
  PwhashBounds bounds;
  PwhashLimits interactive;
  PwhashLimits moderate;  // {0, 0}: libsodium defines none
  PwhashLimits sensitive;
  StrVerify verify;
  StrNeedsRehash needs_rehash;
};

// clang-format off
const AlgFacts kFacts[] = {
    {PwhashAlg::argon2id,
     {{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN},
      {crypto_pwhash_argon2id_OPSLIMIT_MAX, crypto_pwhash_argon2id_MEMLIMIT_MAX},
      crypto_pwhash_argon2id_BYTES_MIN, crypto_pwhash_argon2id_BYTES_MAX,
      crypto_pwhash_argon2id_PASSWD_MAX, crypto_pwhash_argon2id_SALTBYTES},
     {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE},
     {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE},
     {crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE},
     crypto_pwhash_argon2id_str_verify, crypto_pwhash_argon2id_str_needs_rehash},
    {PwhashAlg::argon2i,
     {{crypto_pwhash_argon2i_OPSLIMIT_MIN, crypto_pwhash_argon2i_MEMLIMIT_MIN},
      {crypto_pwhash_argon2i_OPSLIMIT_MAX, crypto_pwhash_argon2i_MEMLIMIT_MAX},
      crypto_pwhash_argon2i_BYTES_MIN, crypto_pwhash_argon2i_BYTES_MAX,
      crypto_pwhash_argon2i_PASSWD_MAX, crypto_pwhash_argon2i_SALTBYTES},
     {crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE},
     {crypto_pwhash_argon2i_OPSLIMIT_MODERATE, crypto_pwhash_argon2i_MEMLIMIT_MODERATE},
     {crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE},
     crypto_pwhash_argon2i_str_verify, crypto_pwhash_argon2i_str_needs_rehash},
    {PwhashAlg::scrypt,
     {{crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN,
       crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MIN},
      {crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MAX,
       crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MAX},
      crypto_pwhash_scryptsalsa208sha256_BYTES_MIN, crypto_pwhash_scryptsalsa208sha256_BYTES_MAX,
      crypto_pwhash_scryptsalsa208sha256_PASSWD_MAX, crypto_pwhash_scryptsalsa208sha256_SALTBYTES},
     {crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE,
      crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE},
     {0, 0},
     {crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_SENSITIVE,
      crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_SENSITIVE},
     crypto_pwhash_scryptsalsa208sha256_str_verify,
     crypto_pwhash_scryptsalsa208sha256_str_needs_rehash},
};
// clang-format on

// NOLINTNEXTLINE(misc-redundant-expression): the two Argon2 sizes happen to be equal today
static_assert(kPwhashStrBytes >= crypto_pwhash_argon2id_STRBYTES &&
              kPwhashStrBytes >= crypto_pwhash_argon2i_STRBYTES &&
              kPwhashStrBytes >= crypto_pwhash_scryptsalsa208sha256_STRBYTES);

const AlgFacts &facts(PwhashAlg alg) {
  for (const auto &f : kFacts) {
    if (f.alg == alg) return f;
  }
  throw Error(Status::unsupported, "unknown password-hashing algorithm");
}

int argon2_alg(PwhashAlg alg) noexcept {
  return alg == PwhashAlg::argon2id ? crypto_pwhash_ALG_ARGON2ID13 : crypto_pwhash_ALG_ARGON2I13;
}

const char *chars(ByteView password) noexcept {
  return reinterpret_cast<const char *>(nonnull(password));
}

// Once the caller has checked every size and limit, what is left to fail is the allocation of
// up to 4 GiB: Argon2 and escrypt report it through errno, cleared before each call.
void check_alloc(int rc, const char *what) {
  if (rc != 0) throw Error(errno == ENOMEM ? Status::out_of_memory : Status::internal, what);
}

}  // namespace

PwhashBounds pwhash_bounds(PwhashAlg alg) { return facts(alg).bounds; }

PwhashLimits pwhash_preset(PwhashAlg alg, PwhashPreset preset) {
  const AlgFacts &f = facts(alg);
  switch (preset) {
    case PwhashPreset::interactive: return f.interactive;
    case PwhashPreset::moderate:
      if (f.moderate.opslimit == 0) {
        throw Error(Status::unsupported, "libsodium defines no moderate preset for scrypt");
      }
      return f.moderate;
    case PwhashPreset::sensitive: return f.sensitive;
  }
  throw Error(Status::unsupported, "unknown password-hashing preset");
}

void pwhash(PwhashAlg alg, ByteView password, ByteView salt, PwhashLimits limits,
            MutableByteView out) {
  ensure_init();
  require_size(salt, facts(alg).bounds.salt, "salt");
  errno = 0;
  if (alg == PwhashAlg::scrypt) {
    return check_alloc(
        crypto_pwhash_scryptsalsa208sha256(out.data(), ull(out.size()), chars(password),
                                           ull(password.size()), salt.data(), limits.opslimit,
                                           limits.memlimit),
        "scrypt");
  }
  check_alloc(crypto_pwhash(out.data(), ull(out.size()), chars(password), ull(password.size()),
                            salt.data(), limits.opslimit, limits.memlimit, argon2_alg(alg)),
              "Argon2");
}

void pwhash_str(PwhashAlg alg, ByteView password, PwhashLimits limits, std::span<char> out) {
  ensure_init();
  facts(alg);
  if (out.size() < kPwhashStrBytes) throw Error(Status::internal, "hash string buffer");
  errno = 0;
  if (alg == PwhashAlg::scrypt) {
    return check_alloc(crypto_pwhash_scryptsalsa208sha256_str(out.data(), chars(password),
                                                              ull(password.size()),
                                                              limits.opslimit, limits.memlimit),
                       "scrypt");
  }
  check_alloc(crypto_pwhash_str_alg(out.data(), chars(password), ull(password.size()),
                                    limits.opslimit, limits.memlimit, argon2_alg(alg)),
              "Argon2");
}

bool pwhash_str_well_formed(PwhashAlg alg, const char *str) {
  ensure_init();
  // needs_rehash decodes the whole string (salt and hash included, for Argon2) and allocates
  // only the string's length; -1 means it could not be decoded.
  const AlgFacts &f = facts(alg);
  return f.needs_rehash(str, f.bounds.min.opslimit, f.bounds.min.memlimit) != -1;
}

bool pwhash_str_verify(PwhashAlg alg, const char *str, ByteView password) {
  ensure_init();
  const AlgFacts &f = facts(alg);
  errno = 0;
  if (f.verify(str, chars(password), ull(password.size())) == 0) return true;
  if (errno == ENOMEM) throw Error(Status::out_of_memory, "password hash verification");
  return false;
}

bool pwhash_str_needs_rehash(PwhashAlg alg, const char *str, PwhashLimits limits) {
  ensure_init();
  const int rc = facts(alg).needs_rehash(str, limits.opslimit, limits.memlimit);
  if (rc < 0) throw Error(Status::invalid_argument, "malformed password hash string");
  return rc == 1;
}

void scrypt(ByteView password, ByteView salt, ScryptParams params, MutableByteView out) {
  ensure_init();
  errno = 0;
  check_alloc(crypto_pwhash_scryptsalsa208sha256_ll(nonnull(password), password.size(),
                                                    nonnull(salt), salt.size(), params.n,
                                                    params.r, params.p, out.data(), out.size()),
              "scrypt");
}

}  // namespace nacre::detail::sodium
