// The backends are the pinned ones, built as the design says.
#include <catch2/catch.hpp>
#include <sodium.h>
#include <openssl/crypto.h>

#include <cstdio>

#include "nacre/version.hpp"

TEST_CASE("BoringSSL is built with its assembly on x86_64", "[backend]") {
#if defined(__x86_64__)
  CHECK(CRYPTO_has_asm() == 1);
  CHECK(nacre::boringssl_has_asm());
#else
  SUCCEED("assembly is only required on x86_64");
#endif
}

TEST_CASE("the linked libsodium is at least 1.0.22", "[backend]") {
  int major = 0;
  int minor = 0;
  int patch = 0;
  REQUIRE(std::sscanf(nacre::sodium_version_string(), "%d.%d.%d", &major, &minor, &patch) == 3);
  INFO("libsodium " << nacre::sodium_version_string());
  CHECK((major > 1 || (major == 1 && (minor > 0 || patch >= 22))));
  // The headers we compiled against are those of the library we linked.
  CHECK(sodium_library_version_major() == SODIUM_LIBRARY_VERSION_MAJOR);
}

TEST_CASE("version strings", "[backend]") {
  CHECK(std::string(nacre::version_string()).find('.') != std::string::npos);
  CHECK(nacre::abi_version() == 1);
}
