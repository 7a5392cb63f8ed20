// BoringSSL adapter for AES-GCM, AES-GCM-SIV, ChaCha20-Poly1305 and XChaCha20-Poly1305.
#include <openssl/aead.h>
#include <openssl/mem.h>

#include "../aead_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::bssl {
namespace {

const EVP_AEAD *method(AeadAlg alg) noexcept {
  switch (alg) {
    case AeadAlg::aes128_gcm: return EVP_aead_aes_128_gcm();
    case AeadAlg::aes192_gcm: return EVP_aead_aes_192_gcm();
    case AeadAlg::aes256_gcm: return EVP_aead_aes_256_gcm();
    case AeadAlg::aes128_gcm_siv: return EVP_aead_aes_128_gcm_siv();
    case AeadAlg::aes256_gcm_siv: return EVP_aead_aes_256_gcm_siv();
    case AeadAlg::chacha20_poly1305: return EVP_aead_chacha20_poly1305();
    case AeadAlg::xchacha20_poly1305: return EVP_aead_xchacha20_poly1305();
    default: return nullptr;
  }
}

// The EVP_AEAD_CTX (with its expanded key schedule) lives in secret memory.
class BsslAead final : public AeadImpl {
 public:
  BsslAead(const EVP_AEAD *aead, ByteView key, bool combined_open_only)
      : mem_(sizeof(EVP_AEAD_CTX)), combined_open_only_(combined_open_only) {
    EVP_AEAD_CTX_zero(ctx());
    check(EVP_AEAD_CTX_init(ctx(), aead, key.data(), key.size(), EVP_AEAD_DEFAULT_TAG_LENGTH,
                            nullptr),
          "AEAD key setup");
  }
  ~BsslAead() override { EVP_AEAD_CTX_cleanup(ctx()); }
  BsslAead(const BsslAead &) = delete;
  BsslAead &operator=(const BsslAead &) = delete;

  void seal(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
            ByteView aad) const override {
    size_t tag_len = 0;
    check(EVP_AEAD_CTX_seal_scatter(cctx(), ct.data(), tag.data(), &tag_len, tag.size(),
                                    nonce.data(), nonce.size(), pt.data(), pt.size(), nullptr, 0,
                                    aad.data(), aad.size()),
          "AEAD seal");
    if (tag_len != tag.size()) throw Error(Status::internal, "AEAD tag length");
  }

  bool open(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
            ByteView aad) const override {
    if (combined_open_only_) return open_combined(pt, nonce, ct, tag, aad);
    if (EVP_AEAD_CTX_open_gather(cctx(), pt.data(), nonce.data(), nonce.size(), ct.data(),
                                 ct.size(), tag.data(), tag.size(), aad.data(),
                                 aad.size()) == 1) {
      return true;
    }
    ERR_clear_error();  // a bad tag is an answer, not an error to keep in the thread's queue
    return false;
  }

 private:
  // BoringSSL's AES-GCM-SIV assembly opens only ciphertext‖tag held in one buffer: use it in
  // place when the tag follows the ciphertext, else through a joined copy.
  bool open_combined(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
                     ByteView aad) const {
    Bytes joined;
    ByteView in(ct.data(), ct.size() + tag.size());
    if (ct.empty() || tag.data() != ct.data() + ct.size()) {
      joined.assign(ct.begin(), ct.end());
      joined.insert(joined.end(), tag.begin(), tag.end());
      in = joined;
    }
    size_t len = 0;
    const int ok = EVP_AEAD_CTX_open(cctx(), pt.data(), &len, pt.size(), nonce.data(),
                                     nonce.size(), in.data(), in.size(), aad.data(), aad.size());
    if (!joined.empty()) OPENSSL_cleanse(joined.data(), joined.size());
    if (ok == 1 && len == pt.size()) return true;
    ERR_clear_error();
    return false;
  }

  EVP_AEAD_CTX *ctx() noexcept { return reinterpret_cast<EVP_AEAD_CTX *>(mem_.data()); }
  const EVP_AEAD_CTX *cctx() const noexcept {
    return reinterpret_cast<const EVP_AEAD_CTX *>(mem_.data());
  }

  SecretBytes mem_;
  bool combined_open_only_;
};

}  // namespace

bool aead_supported(AeadAlg alg) noexcept { return method(alg) != nullptr; }

std::unique_ptr<AeadImpl> aead(AeadAlg alg, ByteView key) {
  const EVP_AEAD *m = method(alg);
  if (m == nullptr) throw Error(Status::unsupported, "AEAD not implemented by BoringSSL");
  const bool siv = alg == AeadAlg::aes128_gcm_siv || alg == AeadAlg::aes256_gcm_siv;
  return std::make_unique<BsslAead>(m, key, siv);
}

}  // namespace nacre::detail::bssl
