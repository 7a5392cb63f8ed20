// libsodium adapter for SHA-256, SHA-512, SHA3-256, SHA3-512, SHAKE128/256 and BLAKE2b.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

template <class S, int (*Init)(S *), int (*Upd)(S *, const unsigned char *, unsigned long long),
          int (*Final)(S *, unsigned char *), std::size_t Len>
struct Fixed {
  using Ctx = S;
  static void init(Ctx *c) { check(Init(c), "hash init"); }
  static void update(Ctx *c, ByteView in) { check(Upd(c, in.data(), ull(in.size())), "hash update"); }
  static void final(Ctx *c, MutableByteView out) {
    require_size(out, Len, "digest buffer");
    check(Final(c, out.data()), "hash final");
  }
  static void copy(Ctx *dst, const Ctx *src) noexcept { plain_copy(dst, src); }
  static void cleanup(Ctx *) noexcept {}  // the memory is wiped where it lives
};

template <class S, int (*Init)(S *), int (*Upd)(S *, const unsigned char *, unsigned long long),
          int (*Squeeze)(S *, unsigned char *, std::size_t)>
struct Xof {
  using Ctx = S;
  static void init(Ctx *c) { check(Init(c), "XOF init"); }
  static void update(Ctx *c, ByteView in) { check(Upd(c, in.data(), ull(in.size())), "XOF update"); }
  static void final(Ctx *c, MutableByteView out) {
    if (out.empty()) return;  // libsodium wants a non-NULL output even for zero bytes
    check(Squeeze(c, out.data(), out.size()), "XOF squeeze");
  }
  static void copy(Ctx *dst, const Ctx *src) noexcept { plain_copy(dst, src); }
  static void cleanup(Ctx *) noexcept {}
};

// A salt or personalization, zero-padded to the 16 bytes of BLAKE2b's parameter block.
using Block16 = std::array<std::uint8_t, crypto_generichash_blake2b_SALTBYTES>;
static_assert(crypto_generichash_blake2b_PERSONALBYTES == sizeof(Block16));

Block16 padded(ByteView field, const char *what) {
  if (field.size() > sizeof(Block16)) {
    throw Error(Status::invalid_argument, std::string("BLAKE2b ") + what +
                                              " must be at most 16 bytes, got " +
                                              std::to_string(field.size()));
  }
  Block16 out{};
  std::copy(field.begin(), field.end(), out.begin());
  return out;
}

struct Blake2b {
  using Ctx = crypto_generichash_blake2b_state;
  static void init(Ctx *c, std::size_t len, ByteView key, const Block16 &salt,
                   const Block16 &person) {
    // All-zero salt and personalization are the plain BLAKE2b (RFC 7693's parameter block).
    check(crypto_generichash_blake2b_init_salt_personal(c, key.data(), key.size(), len,
                                                        salt.data(), person.data()),
          "BLAKE2b init");
  }
  // libsodium aborts on a length other than the one the state was set up with; Hasher passes
  // its own digest size, so a mismatch here is a bug, reported rather than fatal.
  static void require_len(MutableByteView out) {
    if (out.size() < crypto_generichash_blake2b_BYTES_MIN || out.size() > crypto_generichash_blake2b_BYTES_MAX) {
      throw Error(Status::internal, "BLAKE2b output length");
    }
  }
  static void update(Ctx *c, ByteView in) {
    check(crypto_generichash_blake2b_update(c, in.data(), ull(in.size())), "BLAKE2b update");
  }
  static void final(Ctx *c, MutableByteView out) {
    require_len(out);
    check(crypto_generichash_blake2b_final(c, out.data(), out.size()), "BLAKE2b final");
  }
  static void copy(Ctx *dst, const Ctx *src) noexcept { plain_copy(dst, src); }
  static void cleanup(Ctx *) noexcept {}
};

using Sha256 = Fixed<crypto_hash_sha256_state, crypto_hash_sha256_init, crypto_hash_sha256_update,
                     crypto_hash_sha256_final, crypto_hash_sha256_BYTES>;
using Sha512 = Fixed<crypto_hash_sha512_state, crypto_hash_sha512_init, crypto_hash_sha512_update,
                     crypto_hash_sha512_final, crypto_hash_sha512_BYTES>;
using Sha3_256 = Fixed<crypto_hash_sha3256_state, crypto_hash_sha3256_init,
                       crypto_hash_sha3256_update, crypto_hash_sha3256_final,
                       crypto_hash_sha3256_BYTES>;
using Sha3_512 = Fixed<crypto_hash_sha3512_state, crypto_hash_sha3512_init,
                       crypto_hash_sha3512_update, crypto_hash_sha3512_final,
                       crypto_hash_sha3512_BYTES>;
using Shake128 = Xof<crypto_xof_shake128_state, crypto_xof_shake128_init,
                     crypto_xof_shake128_update, crypto_xof_shake128_squeeze>;
using Shake256 = Xof<crypto_xof_shake256_state, crypto_xof_shake256_init,
                     crypto_xof_shake256_update, crypto_xof_shake256_squeeze>;

void check_blake2b_sizes(std::size_t len, ByteView key) {
  if (len < crypto_generichash_blake2b_BYTES_MIN || len > crypto_generichash_blake2b_BYTES_MAX) {
    throw Error(Status::invalid_argument,
                "BLAKE2b digest length must be 16 to 64 bytes, got " + std::to_string(len));
  }
  if (key.size() > crypto_generichash_blake2b_KEYBYTES_MAX) {
    throw Error(Status::invalid_argument,
                "BLAKE2b key must be at most 64 bytes, got " + std::to_string(key.size()));
  }
}

}  // namespace

bool hash_supported(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha256:
    case HashAlg::sha512:
    case HashAlg::sha3_256:
    case HashAlg::sha3_512:
    case HashAlg::blake2b:
    case HashAlg::shake128:
    case HashAlg::shake256:
      return true;
    default:
      return false;
  }
}

void hash(HashAlg alg, ByteView in, MutableByteView out) {
  ensure_init();
  const auto *p = in.data();
  const auto n = ull(in.size());
  switch (alg) {
    case HashAlg::sha256:
      require_size(out, crypto_hash_sha256_BYTES, "digest buffer");
      return check(crypto_hash_sha256(out.data(), p, n), "SHA-256");
    case HashAlg::sha512:
      require_size(out, crypto_hash_sha512_BYTES, "digest buffer");
      return check(crypto_hash_sha512(out.data(), p, n), "SHA-512");
    case HashAlg::sha3_256:
      require_size(out, crypto_hash_sha3256_BYTES, "digest buffer");
      return check(crypto_hash_sha3256(out.data(), p, n), "SHA3-256");
    case HashAlg::sha3_512:
      require_size(out, crypto_hash_sha3512_BYTES, "digest buffer");
      return check(crypto_hash_sha3512(out.data(), p, n), "SHA3-512");
    case HashAlg::blake2b:
      return blake2b(in, {}, out);
    case HashAlg::shake128:
      if (out.empty()) return;
      return check(crypto_xof_shake128(out.data(), out.size(), p, n), "SHAKE128");
    case HashAlg::shake256:
      if (out.empty()) return;
      return check(crypto_xof_shake256(out.data(), out.size(), p, n), "SHAKE256");
    default:
      throw Error(Status::unsupported, "hash not implemented by libsodium");
  }
}

std::unique_ptr<DigestState> hash_state(HashAlg alg) {
  ensure_init();
  switch (alg) {
    case HashAlg::sha256:
      return std::make_unique<PlainState<Sha256>>();
    case HashAlg::sha512:
      return std::make_unique<PlainState<Sha512>>();
    case HashAlg::sha3_256:
      return std::make_unique<PlainState<Sha3_256>>();
    case HashAlg::sha3_512:
      return std::make_unique<PlainState<Sha3_512>>();
    case HashAlg::blake2b:
      return blake2b_state(crypto_generichash_blake2b_BYTES_MAX, {});
    case HashAlg::shake128:
      return std::make_unique<PlainState<Shake128>>();
    case HashAlg::shake256:
      return std::make_unique<PlainState<Shake256>>();
    default:
      throw Error(Status::unsupported, "hash not implemented by libsodium");
  }
}

void blake2b(ByteView in, ByteView key, MutableByteView out) {
  ensure_init();
  check_blake2b_sizes(out.size(), key);
  check(crypto_generichash_blake2b(out.data(), out.size(), in.data(), ull(in.size()), key.data(),
                                   key.size()),
        "BLAKE2b");
}

std::unique_ptr<DigestState> blake2b_state(std::size_t digest_len, ByteView key, ByteView salt,
                                           ByteView person) {
  ensure_init();
  check_blake2b_sizes(digest_len, key);
  const Block16 s = padded(salt, "salt");
  const Block16 p = padded(person, "personalization");
  // Keyed, it holds the key: secret memory. Unkeyed, it is a plain hash state.
  if (key.empty()) return std::make_unique<PlainState<Blake2b>>(digest_len, key, s, p);
  return std::make_unique<SecretState<Blake2b>>(digest_len, key, s, p);
}

}  // namespace nacre::detail::sodium
