// libsodium adapter for HMAC-SHA256 and HMAC-SHA512 (any key length, via init/update/final).
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

template <class S, int (*Init)(S *, const unsigned char *, std::size_t),
          int (*Upd)(S *, const unsigned char *, unsigned long long),
          int (*Final)(S *, unsigned char *), std::size_t Len>
struct Hmac {
  using Ctx = S;
  static void init(Ctx *c, ByteView key) { check(Init(c, key.data(), key.size()), "HMAC init"); }
  static void update(Ctx *c, ByteView in) { check(Upd(c, in.data(), ull(in.size())), "HMAC update"); }
  static void final(Ctx *c, MutableByteView out) {
    require_size(out, Len, "tag buffer");
    check(Final(c, out.data()), "HMAC final");
  }
  static void copy(Ctx *dst, const Ctx *src) noexcept { plain_copy(dst, src); }
  static void cleanup(Ctx *) noexcept {}  // the memory is wiped by SecretBytes
};

using HmacSha256 = Hmac<crypto_auth_hmacsha256_state, crypto_auth_hmacsha256_init,
                        crypto_auth_hmacsha256_update, crypto_auth_hmacsha256_final,
                        crypto_auth_hmacsha256_BYTES>;
using HmacSha512 = Hmac<crypto_auth_hmacsha512_state, crypto_auth_hmacsha512_init,
                        crypto_auth_hmacsha512_update, crypto_auth_hmacsha512_final,
                        crypto_auth_hmacsha512_BYTES>;

}  // namespace

bool hmac_supported(HashAlg alg) noexcept {
  return alg == HashAlg::sha256 || alg == HashAlg::sha512;
}

namespace {

template <class H>
void hmac_on_stack(ByteView key, ByteView in, MutableByteView out) {
  typename H::Ctx ctx;
  try {
    H::init(&ctx, key);
    H::update(&ctx, in);
    H::final(&ctx, out);
  } catch (...) {
    wipe(&ctx, sizeof ctx);
    throw;
  }
  wipe(&ctx, sizeof ctx);
}

}  // namespace

void hmac(HashAlg alg, ByteView key, ByteView in, MutableByteView out) {
  ensure_init();
  switch (alg) {
    case HashAlg::sha256: return hmac_on_stack<HmacSha256>(key, in, out);
    case HashAlg::sha512: return hmac_on_stack<HmacSha512>(key, in, out);
    default: throw Error(Status::unsupported, "HMAC hash not implemented by libsodium");
  }
}

std::unique_ptr<DigestState> hmac_state(HashAlg alg, ByteView key) {
  ensure_init();
  switch (alg) {
    case HashAlg::sha256:
      return std::make_unique<SecretState<HmacSha256>>(key);
    case HashAlg::sha512:
      return std::make_unique<SecretState<HmacSha512>>(key);
    default:
      throw Error(Status::unsupported, "HMAC hash not implemented by libsodium");
  }
}

}  // namespace nacre::detail::sodium
