// BoringSSL adapter for HPKE (RFC 9180) base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256.
#include <openssl/err.h>
#include <openssl/hpke.h>

#include <algorithm>

#include "../pkey_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::bssl {
namespace {

const EVP_HPKE_AEAD *hpke_aead(HpkeSuite suite) {
  switch (suite) {
    case HpkeSuite::x25519_sha256_aes128gcm: return EVP_hpke_aes_128_gcm();
    case HpkeSuite::x25519_sha256_aes256gcm: return EVP_hpke_aes_256_gcm();
    case HpkeSuite::x25519_sha256_chacha20poly1305: return EVP_hpke_chacha20_poly1305();
    default: throw Error(Status::unsupported, "HPKE suite");
  }
}

// The context (AEAD key, base nonce, exporter secret) is heap-allocated by BoringSSL, so it lands
// in the locked pool through the allocator hooks and is wiped when freed.
using HpkeCtx = ::bssl::UniquePtr<EVP_HPKE_CTX>;

HpkeCtx new_ctx() {
  HpkeCtx ctx(EVP_HPKE_CTX_new());
  if (!ctx) throw Error(Status::out_of_memory, "HPKE context");
  return ctx;
}

class BsslHpke final : public HpkeImpl {
 public:
  explicit BsslHpke(HpkeCtx ctx) noexcept : ctx_(std::move(ctx)) {}

  void seal(MutableByteView out, ByteView pt, ByteView aad) override {
    std::size_t len = 0;
    check(EVP_HPKE_CTX_seal(ctx_.get(), out.data(), &len, out.size(), pt.data(), pt.size(),
                            aad.data(), aad.size()),
          "HPKE seal");
    if (len != out.size()) throw Error(Status::internal, "HPKE ciphertext size");
  }

  bool open(MutableByteView out, ByteView ct, ByteView aad) override {
    std::size_t len = 0;
    // A failed open leaves the sequence number where it was.
    if (EVP_HPKE_CTX_open(ctx_.get(), out.data(), &len, out.size(), ct.data(), ct.size(),
                          aad.data(), aad.size()) == 1 &&
        len == out.size()) {
      return true;
    }
    ERR_clear_error();
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    return false;
  }

  void export_secret(MutableByteView out, ByteView context) const override {
    check(EVP_HPKE_CTX_export(ctx_.get(), out.data(), out.size(), context.data(), context.size()),
          "HPKE export");
  }

 private:
  HpkeCtx ctx_;
};

}  // namespace

std::unique_ptr<HpkeImpl> hpke_sender(HpkeSuite suite, ByteView recipient_pub, ByteView info,
                                      MutableByteView enc, ByteView seed) {
  const EVP_HPKE_AEAD *aead = hpke_aead(suite);
  require_size(enc, hpke_enc_size, "HPKE enc buffer");
  auto ctx = new_ctx();
  std::size_t enc_len = 0;
  const int ok =
      seed.empty()
          ? EVP_HPKE_CTX_setup_sender(ctx.get(), enc.data(), &enc_len, enc.size(),
                                      EVP_hpke_x25519_hkdf_sha256(), EVP_hpke_hkdf_sha256(), aead,
                                      recipient_pub.data(), recipient_pub.size(), info.data(),
                                      info.size())
          : EVP_HPKE_CTX_setup_sender_with_seed_for_testing(
                ctx.get(), enc.data(), &enc_len, enc.size(), EVP_hpke_x25519_hkdf_sha256(),
                EVP_hpke_hkdf_sha256(), aead, recipient_pub.data(), recipient_pub.size(),
                info.data(), info.size(), seed.data(), seed.size());
  // Setup fails for a recipient key of the wrong size or of small order (all-zero X25519).
  if (ok != 1 || enc_len != enc.size()) {
    ERR_clear_error();
    std::fill(enc.begin(), enc.end(), std::uint8_t{0});
    throw Error(Status::invalid_key, "HPKE recipient public key");
  }
  return std::make_unique<BsslHpke>(std::move(ctx));
}

std::unique_ptr<HpkeImpl> hpke_receiver(HpkeSuite suite, ByteView recipient_priv, ByteView enc,
                                        ByteView info) {
  const EVP_HPKE_AEAD *aead = hpke_aead(suite);
  const ::bssl::UniquePtr<EVP_HPKE_KEY> key(EVP_HPKE_KEY_new());
  if (!key) throw Error(Status::out_of_memory, "HPKE key");
  if (EVP_HPKE_KEY_init(key.get(), EVP_hpke_x25519_hkdf_sha256(), recipient_priv.data(),
                        recipient_priv.size()) != 1) {
    ERR_clear_error();
    throw Error(Status::invalid_key, "HPKE recipient private key");
  }
  auto ctx = new_ctx();
  if (EVP_HPKE_CTX_setup_recipient(ctx.get(), key.get(), EVP_hpke_hkdf_sha256(), aead, enc.data(),
                                   enc.size(), info.data(), info.size()) != 1) {
    ERR_clear_error();
    throw Error(Status::invalid_key, "HPKE enc");
  }
  return std::make_unique<BsslHpke>(std::move(ctx));
}

}  // namespace nacre::detail::bssl
