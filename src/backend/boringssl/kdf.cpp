// BoringSSL adapter for HKDF and PBKDF2-HMAC over the SHA-2 hashes, and scrypt.
#include <openssl/digest.h>
#include <openssl/evp.h>
#include <openssl/hkdf.h>

#include "../kdf_adapters.hpp"
#include "check.hpp"
#include "evp_md.hpp"

namespace nacre::detail::bssl {
namespace {

constexpr const char *kNoKdf = "KDF hash not implemented by BoringSSL";

const char *chars(ByteView password) noexcept {
  return reinterpret_cast<const char *>(password.data());
}

}  // namespace

bool hkdf_supported(HashAlg alg) noexcept { return evp_md(alg) != nullptr; }

void hkdf_extract(HashAlg alg, ByteView ikm, ByteView salt, MutableByteView prk) {
  const EVP_MD *md = evp_md_or_throw(alg, kNoKdf);
  require_size(prk, EVP_MD_size(md), "PRK buffer");
  std::size_t len = 0;
  check(HKDF_extract(prk.data(), &len, md, ikm.data(), ikm.size(), salt.data(), salt.size()),
        "HKDF extract");
}

void hkdf_expand(HashAlg alg, ByteView prk, ByteView info, MutableByteView out) {
  const EVP_MD *md = evp_md_or_throw(alg, kNoKdf);
  require_size(prk, EVP_MD_size(md), "PRK");
  check(HKDF_expand(out.data(), out.size(), md, prk.data(), prk.size(), info.data(), info.size()),
        "HKDF expand");
}

void pbkdf2(HashAlg alg, ByteView password, ByteView salt, std::uint32_t iterations,
            MutableByteView out) {
  check(PKCS5_PBKDF2_HMAC(chars(password), password.size(), salt.data(), salt.size(), iterations,
                          evp_md_or_throw(alg, kNoKdf), out.size(), out.data()),
        "PBKDF2");
}

void scrypt(ByteView password, ByteView salt, ScryptParams params, MutableByteView out) {
  // BoringSSL refuses more than |max_mem| bytes for its p + 1 + N blocks of 128 * r bytes; the
  // caller has bounded that product, so ask for exactly what the parameters need.
  const std::size_t max_mem = std::size_t{128} * params.r * (params.n + params.p + 1);
  if (EVP_PBE_scrypt(chars(password), password.size(), salt.data(), salt.size(), params.n,
                     params.r, params.p, max_mem, out.data(), out.size()) != 1) {
    // Up to 4 GiB is asked of malloc: its refusal is the caller's to handle, not a bug.
    const bool oom = ERR_GET_REASON(ERR_peek_last_error()) == ERR_R_MALLOC_FAILURE;
    ERR_clear_error();
    throw Error(oom ? Status::out_of_memory : Status::internal, "scrypt");
  }
}

}  // namespace nacre::detail::bssl
