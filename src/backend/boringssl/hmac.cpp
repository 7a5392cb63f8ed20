// BoringSSL adapter for HMAC-SHA256/384/512.
#include <openssl/digest.h>
#include <openssl/hmac.h>

#include "../adapters.hpp"
#include "check.hpp"

namespace nacre::detail::bssl {
namespace {

const EVP_MD *md_for(HashAlg alg) {
  switch (alg) {
    case HashAlg::sha256:
      return EVP_sha256();
    case HashAlg::sha384:
      return EVP_sha384();
    case HashAlg::sha512:
      return EVP_sha512();
    default:
      throw Error(Status::unsupported, "HMAC hash not implemented by BoringSSL");
  }
}

struct Hmac {
  using Ctx = HMAC_CTX;
  static void init(Ctx *c, const EVP_MD *md, ByteView key) {
    HMAC_CTX_init(c);
    check(HMAC_Init_ex(c, key.data(), key.size(), md, nullptr), "HMAC init");
  }
  static void update(Ctx *c, ByteView in) { check(HMAC_Update(c, in.data(), in.size()), "HMAC update"); }
  static void final(Ctx *c, MutableByteView out) {
    require_size(out, HMAC_size(c), "tag buffer");
    unsigned len = 0;
    check(HMAC_Final(c, out.data(), &len), "HMAC final");
  }
  static void copy(Ctx *dst, const Ctx *src) {
    HMAC_CTX_init(dst);
    check(HMAC_CTX_copy_ex(dst, src), "HMAC copy");
  }
  static void cleanup(Ctx *c) noexcept { HMAC_CTX_cleanse(c); }
};

}  // namespace

bool hmac_supported(HashAlg alg) noexcept {
  return alg == HashAlg::sha256 || alg == HashAlg::sha384 || alg == HashAlg::sha512;
}

std::unique_ptr<DigestState> hmac_state(HashAlg alg, ByteView key) {
  return std::make_unique<SecretState<Hmac>>(md_for(alg), key);
}

void hmac(HashAlg alg, ByteView key, ByteView in, MutableByteView out) {
  const EVP_MD *md = md_for(alg);
  require_size(out, EVP_MD_size(md), "tag buffer");
  static const std::uint8_t kNoKey = 0;  // HMAC_Init_ex reads a NULL key as "keep the old one"
  unsigned len = 0;
  // HMAC() keeps its HMAC_CTX on the stack and cleanses it before returning.
  check(HMAC(md, key.empty() ? &kNoKey : key.data(), key.size(), in.data(), in.size(), out.data(),
             &len) != nullptr,
        "HMAC");
}

}  // namespace nacre::detail::bssl
