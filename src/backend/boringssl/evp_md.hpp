// The one map from nacre's hashes to BoringSSL's EVP_MDs, shared by HMAC, HKDF, PBKDF2 and RSA.
#pragma once

#include <openssl/digest.h>

#include "nacre/hash.hpp"

namespace nacre::detail::bssl {

// The EVP_MD for |alg|, or nullptr where BoringSSL has none (SHA-3, BLAKE2b, SHAKE).
const EVP_MD *evp_md(HashAlg alg) noexcept;
// evp_md, or Error(unsupported, what) where there is none.
const EVP_MD *evp_md_or_throw(HashAlg alg, const char *what);

}  // namespace nacre::detail::bssl
