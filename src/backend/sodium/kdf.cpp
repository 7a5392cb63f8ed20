// libsodium adapter for HKDF-SHA256/512 and crypto_kdf (BLAKE2b subkeys).
#include "../kdf_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

struct Hkdf {
  std::size_t prk_len;
  int (*extract)(unsigned char *, const unsigned char *, std::size_t, const unsigned char *,
                 std::size_t);
  int (*expand)(unsigned char *, std::size_t, const char *, std::size_t, const unsigned char *);
};

const Hkdf &hkdf_for(HashAlg alg) {
  static const Hkdf sha256{crypto_kdf_hkdf_sha256_KEYBYTES, crypto_kdf_hkdf_sha256_extract,
                           crypto_kdf_hkdf_sha256_expand};
  static const Hkdf sha512{crypto_kdf_hkdf_sha512_KEYBYTES, crypto_kdf_hkdf_sha512_extract,
                           crypto_kdf_hkdf_sha512_expand};
  if (alg == HashAlg::sha256) return sha256;
  if (alg == HashAlg::sha512) return sha512;
  throw Error(Status::unsupported, "HKDF hash not implemented by libsodium");
}

}  // namespace

bool hkdf_supported(HashAlg alg) noexcept {
  return alg == HashAlg::sha256 || alg == HashAlg::sha512;
}

void hkdf_extract(HashAlg alg, ByteView ikm, ByteView salt, MutableByteView prk) {
  ensure_init();
  const Hkdf &h = hkdf_for(alg);
  require_size(prk, h.prk_len, "PRK buffer");
  check(h.extract(prk.data(), nonnull(salt), salt.size(), nonnull(ikm), ikm.size()),
        "HKDF extract");
}

void hkdf_expand(HashAlg alg, ByteView prk, ByteView info, MutableByteView out) {
  ensure_init();
  const Hkdf &h = hkdf_for(alg);
  require_size(prk, h.prk_len, "PRK");
  check(h.expand(nonnull(out), out.size(), reinterpret_cast<const char *>(nonnull(info)),
                 info.size(), prk.data()),
        "HKDF expand");
}

void kdf_derive(ByteView key, std::uint64_t subkey_id, ByteView context, MutableByteView out) {
  ensure_init();
  require_size(key, crypto_kdf_KEYBYTES, "crypto_kdf key");
  require_size(context, crypto_kdf_CONTEXTBYTES, "crypto_kdf context");
  check(crypto_kdf_derive_from_key(out.data(), out.size(), subkey_id,
                                   reinterpret_cast<const char *>(context.data()), key.data()),
        "crypto_kdf");
}

}  // namespace nacre::detail::sodium
