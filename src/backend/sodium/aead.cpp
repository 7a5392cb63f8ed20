// libsodium adapter for AES-256-GCM, ChaCha20-Poly1305 (IETF), XChaCha20-Poly1305, AEGIS-128L
// and AEGIS-256, all through their detached functions.
#include <cstring>

#include "../aead_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

using Encrypt = int (*)(unsigned char *, unsigned char *, unsigned long long *,
                        const unsigned char *, unsigned long long, const unsigned char *,
                        unsigned long long, const unsigned char *, const unsigned char *,
                        const unsigned char *);
using Decrypt = int (*)(unsigned char *, unsigned char *, const unsigned char *,
                        unsigned long long, const unsigned char *, const unsigned char *,
                        unsigned long long, const unsigned char *, const unsigned char *);

// AEADs keyed by the raw key (kept in secret memory), called per message.
// libsodium aborts the process on an over-long message; refuse it first.
inline void check_length(std::size_t n, std::size_t max) {
  if (n > max) throw Error(Status::invalid_argument, "message too long for this AEAD");
}

template <Encrypt Enc, Decrypt Dec, std::size_t (*Max)()>
class KeyedAead final : public AeadImpl {
 public:
  explicit KeyedAead(ByteView key) : key_(SecretBytes::copy_of(key)) {}

  void seal(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
            ByteView aad) const override {
    check_length(pt.size(), Max());
    unsigned long long tag_len = 0;
    check(Enc(nonnull(ct), tag.data(), &tag_len, pt.data(), ull(pt.size()), aad.data(),
              ull(aad.size()), nullptr, nonce.data(), key_.data()),
          "AEAD seal");
  }
  bool open(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
            ByteView aad) const override {
    return Dec(pt.data(), nullptr, nonnull(ct), ull(ct.size()), tag.data(), aad.data(),
               ull(aad.size()), nonce.data(), key_.data()) == 0;
  }

 private:
  SecretBytes key_;
};

// AES-256-GCM with its key schedule expanded once (crypto_aead_aes256gcm_beforenm).
class Aes256Gcm final : public AeadImpl {
 public:
  explicit Aes256Gcm(ByteView key) : state_(sizeof(crypto_aead_aes256gcm_state)) {
    check(crypto_aead_aes256gcm_beforenm(st(), key.data()), "AES-256-GCM key setup");
  }
  void seal(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
            ByteView aad) const override {
    check_length(pt.size(), crypto_aead_aes256gcm_messagebytes_max());
    unsigned long long tag_len = 0;
    check(crypto_aead_aes256gcm_encrypt_detached_afternm(nonnull(ct), tag.data(), &tag_len,
                                                         pt.data(), ull(pt.size()), aad.data(),
                                                         ull(aad.size()), nullptr, nonce.data(),
                                                         cst()),
          "AES-256-GCM seal");
  }
  bool open(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
            ByteView aad) const override {
    return crypto_aead_aes256gcm_decrypt_detached_afternm(pt.data(), nullptr, nonnull(ct),
                                                          ull(ct.size()), tag.data(), aad.data(),
                                                          ull(aad.size()), nonce.data(),
                                                          cst()) == 0;
  }

 private:
  crypto_aead_aes256gcm_state *st() noexcept {
    return reinterpret_cast<crypto_aead_aes256gcm_state *>(state_.data());
  }
  const crypto_aead_aes256gcm_state *cst() const noexcept {
    return reinterpret_cast<const crypto_aead_aes256gcm_state *>(state_.data());
  }
  SecretBytes state_;
};

using ChaCha = KeyedAead<crypto_aead_chacha20poly1305_ietf_encrypt_detached,
                         crypto_aead_chacha20poly1305_ietf_decrypt_detached,
                         crypto_aead_chacha20poly1305_ietf_messagebytes_max>;
using XChaCha = KeyedAead<crypto_aead_xchacha20poly1305_ietf_encrypt_detached,
                          crypto_aead_xchacha20poly1305_ietf_decrypt_detached,
                          crypto_aead_xchacha20poly1305_ietf_messagebytes_max>;
using Aegis128l = KeyedAead<crypto_aead_aegis128l_encrypt_detached,
                            crypto_aead_aegis128l_decrypt_detached,
                            crypto_aead_aegis128l_messagebytes_max>;
using Aegis256 = KeyedAead<crypto_aead_aegis256_encrypt_detached,
                           crypto_aead_aegis256_decrypt_detached,
                           crypto_aead_aegis256_messagebytes_max>;

}  // namespace

bool aead_supported(AeadAlg alg) noexcept {
  switch (alg) {
    case AeadAlg::aes256_gcm:
      try {
        ensure_init();
      } catch (...) {
        return false;
      }
      return crypto_aead_aes256gcm_is_available() == 1;
    case AeadAlg::chacha20_poly1305:
    case AeadAlg::xchacha20_poly1305:
    case AeadAlg::aegis128l:
    case AeadAlg::aegis256:
      return true;
    default:
      return false;
  }
}

std::unique_ptr<AeadImpl> aead(AeadAlg alg, ByteView key) {
  ensure_init();
  if (!aead_supported(alg)) throw Error(Status::unsupported, "AEAD not available in libsodium here");
  switch (alg) {
    case AeadAlg::aes256_gcm: return std::make_unique<Aes256Gcm>(key);
    case AeadAlg::chacha20_poly1305: return std::make_unique<ChaCha>(key);
    case AeadAlg::xchacha20_poly1305: return std::make_unique<XChaCha>(key);
    case AeadAlg::aegis128l: return std::make_unique<Aegis128l>(key);
    case AeadAlg::aegis256: return std::make_unique<Aegis256>(key);
    default: throw Error(Status::unsupported, "AEAD not implemented by libsodium");
  }
}

}  // namespace nacre::detail::sodium
