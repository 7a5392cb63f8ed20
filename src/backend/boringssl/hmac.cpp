// BoringSSL adapter for HMAC over the SHA-2 hashes.
#include <openssl/digest.h>
#include <openssl/hmac.h>

#include "../adapters.hpp"
#include "check.hpp"
#include "evp_md.hpp"

namespace nacre::detail::bssl {
namespace {

constexpr const char *kNoHmac = "HMAC hash not implemented by BoringSSL";

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

bool hmac_supported(HashAlg alg) noexcept { return evp_md(alg) != nullptr; }

std::unique_ptr<DigestState> hmac_state(HashAlg alg, ByteView key) {
  return std::make_unique<SecretState<Hmac>>(evp_md_or_throw(alg, kNoHmac), key);
}

void hmac(HashAlg alg, ByteView key, ByteView in, MutableByteView out) {
  const EVP_MD *md = evp_md_or_throw(alg, kNoHmac);
  require_size(out, EVP_MD_size(md), "tag buffer");
  static const std::uint8_t kNoKey = 0;  // HMAC_Init_ex reads a NULL key as "keep the old one"
  unsigned len = 0;
  // HMAC() keeps its HMAC_CTX on the stack and cleanses it before returning.
  check(HMAC(md, key.empty() ? &kNoKey : key.data(), key.size(), in.data(), in.size(), out.data(),
             &len) != nullptr,
        "HMAC");
}

}  // namespace nacre::detail::bssl
