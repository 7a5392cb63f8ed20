// BoringSSL adapter for RSA-OAEP with SHA-256 and MGF1-SHA-256.
#include <openssl/digest.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/rsa.h>

#include <algorithm>

#include "check.hpp"
#include "evp_key.hpp"

namespace nacre::detail::bssl {
namespace {

// OAEP with SHA-256 uses 2 * 32 + 2 bytes of the modulus for padding (RFC 8017, 7.1.1).
constexpr std::size_t kOaepOverhead = 2 * 32 + 2;

// One EVP_PKEY_CTX per call: it holds the label and, while decrypting, the padded plaintext.
::bssl::UniquePtr<EVP_PKEY_CTX> oaep_ctx(const KeyParts &key, ByteView label, bool decrypt) {
  rsa_of(key);  // type check
  ::bssl::UniquePtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(key.evp->pkey.get(), nullptr));
  if (!ctx) fail(Status::out_of_memory, "EVP_PKEY_CTX");
  const int init = decrypt ? EVP_PKEY_decrypt_init(ctx.get()) : EVP_PKEY_encrypt_init(ctx.get());
  check(init, "RSA-OAEP init");
  check(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING), "RSA-OAEP padding");
  check(EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), EVP_sha256()), "RSA-OAEP hash");
  check(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), EVP_sha256()), "RSA-OAEP MGF1 hash");
  if (!label.empty()) {
    // set0 takes a buffer of BoringSSL's allocator, and owns it only on success.
    ::bssl::UniquePtr<std::uint8_t> copy(
        static_cast<std::uint8_t *>(OPENSSL_memdup(label.data(), label.size())));
    if (!copy) fail(Status::out_of_memory, "OAEP label");
    check(EVP_PKEY_CTX_set0_rsa_oaep_label(ctx.get(), copy.get(), label.size()), "OAEP label");
    (void)copy.release();
  }
  return ctx;
}

}  // namespace

void rsa_oaep_encrypt(const KeyParts &key, MutableByteView out, ByteView msg, ByteView label) {
  const std::size_t k = RSA_size(rsa_of(key));
  require_size(out, k, "RSA-OAEP output buffer");
  if (msg.size() > k - kOaepOverhead) throw Error(Status::invalid_argument, "message too long");
  const auto ctx = oaep_ctx(key, label, false);
  std::size_t len = out.size();
  check(EVP_PKEY_encrypt(ctx.get(), out.data(), &len, msg.data(), msg.size()), "RSA-OAEP encrypt");
  if (len != k) throw Error(Status::internal, "RSA-OAEP output size");
}

bool rsa_oaep_decrypt(const KeyParts &key, MutableByteView out, std::size_t &len, ByteView ct,
                      ByteView label) {
  len = 0;
  if (RSA_get0_d(rsa_of(key)) == nullptr) {
    throw Error(Status::invalid_argument, "RSA private key required");
  }
  const auto ctx = oaep_ctx(key, label, true);
  std::size_t written = out.size();
  if (EVP_PKEY_decrypt(ctx.get(), out.data(), &written, ct.data(), ct.size()) == 1 &&
      written <= out.size()) {
    len = written;
    return true;
  }
  // One answer for every failure (bad padding, wrong size, short |out|): no padding oracle.
  ERR_clear_error();
  std::fill(out.begin(), out.end(), std::uint8_t{0});
  return false;
}

}  // namespace nacre::detail::bssl
