// Library version.
#pragma once

namespace nacre {

const char *version_string() noexcept;  // "MAJOR.MINOR.PATCH"
int abi_version() noexcept;             // 1 for the NACRE_1 symbol version

// Versions of the linked backends, for diagnostics and tests.
const char *sodium_version_string() noexcept;
bool boringssl_has_asm() noexcept;

}  // namespace nacre
