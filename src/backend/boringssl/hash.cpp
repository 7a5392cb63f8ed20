// BoringSSL adapter for the SHA-2 family (its assembly uses SHA-NI/AVX2 where present), the
// legacy SHA-1 and MD5, and the EVP_MD map the other adapters share.
#include <openssl/crypto.h>
#include <openssl/md5.h>
#include <openssl/sha.h>

#include "../adapters.hpp"
#include "check.hpp"
#include "evp_md.hpp"

namespace nacre::detail::bssl {
namespace {

template <class C, int (*Init)(C *), int (*Update)(C *, const void *, size_t),
          int (*Final)(uint8_t *, C *), size_t Len>
struct Sha {
  using Ctx = C;
  static void init(Ctx *c) { check(Init(c), "SHA init"); }
  static void update(Ctx *c, ByteView in) { check(Update(c, in.data(), in.size()), "SHA update"); }
  static void final(Ctx *c, MutableByteView out) {
    require_size(out, Len, "digest buffer");
    check(Final(out.data(), c), "SHA final");
  }
  static void copy(Ctx *dst, const Ctx *src) noexcept { plain_copy(dst, src); }
  static void cleanup(Ctx *) noexcept {}  // the memory is wiped where it lives
};

using Sha224 = Sha<SHA256_CTX, SHA224_Init, SHA224_Update, SHA224_Final, SHA224_DIGEST_LENGTH>;
using Sha256 = Sha<SHA256_CTX, SHA256_Init, SHA256_Update, SHA256_Final, SHA256_DIGEST_LENGTH>;
using Sha384 = Sha<SHA512_CTX, SHA384_Init, SHA384_Update, SHA384_Final, SHA384_DIGEST_LENGTH>;
using Sha512 = Sha<SHA512_CTX, SHA512_Init, SHA512_Update, SHA512_Final, SHA512_DIGEST_LENGTH>;
using Sha512_256 = Sha<SHA512_CTX, SHA512_256_Init, SHA512_256_Update, SHA512_256_Final,
                       SHA512_256_DIGEST_LENGTH>;
using Sha1 = Sha<SHA_CTX, SHA1_Init, SHA1_Update, SHA1_Final, SHA_DIGEST_LENGTH>;
using Md5 = Sha<MD5_CTX, MD5_Init, MD5_Update, MD5_Final, MD5_DIGEST_LENGTH>;

}  // namespace

bool hash_supported(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha224:
    case HashAlg::sha256:
    case HashAlg::sha384:
    case HashAlg::sha512:
    case HashAlg::sha512_256:
    case HashAlg::sha1:
    case HashAlg::md5:
      return true;
    default:
      return false;
  }
}

void hash(HashAlg alg, ByteView in, MutableByteView out) {
  switch (alg) {
    case HashAlg::sha224:
      require_size(out, SHA224_DIGEST_LENGTH, "digest buffer");
      SHA224(in.data(), in.size(), out.data());
      return;
    case HashAlg::sha256:
      require_size(out, SHA256_DIGEST_LENGTH, "digest buffer");
      SHA256(in.data(), in.size(), out.data());
      return;
    case HashAlg::sha384:
      require_size(out, SHA384_DIGEST_LENGTH, "digest buffer");
      SHA384(in.data(), in.size(), out.data());
      return;
    case HashAlg::sha512:
      require_size(out, SHA512_DIGEST_LENGTH, "digest buffer");
      SHA512(in.data(), in.size(), out.data());
      return;
    case HashAlg::sha512_256:
      require_size(out, SHA512_256_DIGEST_LENGTH, "digest buffer");
      SHA512_256(in.data(), in.size(), out.data());
      return;
    case HashAlg::sha1:
      require_size(out, SHA_DIGEST_LENGTH, "digest buffer");
      SHA1(in.data(), in.size(), out.data());
      return;
    case HashAlg::md5:
      require_size(out, MD5_DIGEST_LENGTH, "digest buffer");
      MD5(in.data(), in.size(), out.data());
      return;
    default:
      throw Error(Status::unsupported, "hash not implemented by BoringSSL");
  }
}

std::unique_ptr<DigestState> hash_state(HashAlg alg) {
  switch (alg) {
    case HashAlg::sha224:
      return std::make_unique<PlainState<Sha224>>();
    case HashAlg::sha256:
      return std::make_unique<PlainState<Sha256>>();
    case HashAlg::sha384:
      return std::make_unique<PlainState<Sha384>>();
    case HashAlg::sha512:
      return std::make_unique<PlainState<Sha512>>();
    case HashAlg::sha512_256:
      return std::make_unique<PlainState<Sha512_256>>();
    case HashAlg::sha1:
      return std::make_unique<PlainState<Sha1>>();
    case HashAlg::md5:
      return std::make_unique<PlainState<Md5>>();
    default:
      throw Error(Status::unsupported, "hash not implemented by BoringSSL");
  }
}

const EVP_MD *evp_md(HashAlg alg) noexcept {
  switch (alg) {
    case HashAlg::sha224: return EVP_sha224();
    case HashAlg::sha256: return EVP_sha256();
    case HashAlg::sha384: return EVP_sha384();
    case HashAlg::sha512: return EVP_sha512();
    case HashAlg::sha512_256: return EVP_sha512_256();
    case HashAlg::sha1: return EVP_sha1();
    case HashAlg::md5: return EVP_md5();
    default: return nullptr;
  }
}

const EVP_MD *evp_md_or_throw(HashAlg alg, const char *what) {
  const EVP_MD *md = evp_md(alg);
  if (md == nullptr) throw Error(Status::unsupported, what);
  return md;
}

bool has_asm() noexcept { return CRYPTO_has_asm() == 1; }

}  // namespace nacre::detail::bssl
