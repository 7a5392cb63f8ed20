#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "guarded.hpp"
#include "nacre.h"

TEST_CASE("status names are stable", "[capi]") {
  CHECK(std::string(nacre_status_name(NACRE_OK)) == "NACRE_OK");
  CHECK(std::string(nacre_status_name(NACRE_ERR_INVALID_ARGUMENT)) == "NACRE_ERR_INVALID_ARGUMENT");
  CHECK(std::string(nacre_status_name(NACRE_ERR_BUFFER_TOO_SMALL)) == "NACRE_ERR_BUFFER_TOO_SMALL");
  CHECK(std::string(nacre_status_name(NACRE_ERR_VERIFICATION_FAILED)) == "NACRE_ERR_VERIFICATION_FAILED");
  CHECK(std::string(nacre_status_name(NACRE_ERR_INVALID_KEY)) == "NACRE_ERR_INVALID_KEY");
  CHECK(std::string(nacre_status_name(NACRE_ERR_UNSUPPORTED)) == "NACRE_ERR_UNSUPPORTED");
  CHECK(std::string(nacre_status_name(NACRE_ERR_INVALID_HANDLE)) == "NACRE_ERR_INVALID_HANDLE");
  CHECK(std::string(nacre_status_name(NACRE_ERR_OUT_OF_MEMORY)) == "NACRE_ERR_OUT_OF_MEMORY");
  CHECK(std::string(nacre_status_name(NACRE_ERR_INTERNAL)) == "NACRE_ERR_INTERNAL");
  CHECK(std::string(nacre_status_name(-999)) == "NACRE_ERR_UNKNOWN");
  CHECK(std::string(nacre_status_name(7)) == "NACRE_ERR_UNKNOWN");
  // The numbers are part of the ABI.
  CHECK(NACRE_ERR_INTERNAL == -8);
  CHECK(NACRE_HASH_SHAKE256 == 9);
}

TEST_CASE("versions and backend names", "[capi]") {
  CHECK(nacre_abi_version() == 1);
  CHECK(std::strchr(nacre_version_string(), '.') != nullptr);
  CHECK(std::string(nacre_backend_name(NACRE_BACKEND_BORINGSSL)) == "boringssl");
  CHECK(std::string(nacre_backend_name(NACRE_BACKEND_SODIUM)) == "sodium");
  CHECK(std::string(nacre_backend_name(NACRE_BACKEND_AUTOMATIC)) == "automatic");
  CHECK(nacre_backend_name(3) == nullptr);
  CHECK(nacre_backend_name(-1) == nullptr);
}

TEST_CASE("random bytes", "[capi]") {
  nacre::test::Guarded a(64);
  nacre::test::Guarded b(64);
  REQUIRE(nacre_random_bytes(a.data(), 64) == NACRE_OK);
  REQUIRE(nacre_random_bytes(b.data(), 64) == NACRE_OK);
  CHECK(a.bytes(64) != b.bytes(64));
  CHECK(a.fences_intact());
  CHECK(nacre_random_bytes(nullptr, 0) == NACRE_OK);
  CHECK(nacre_random_bytes(nullptr, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_random_bytes(a.data(), SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
}

TEST_CASE("constant-time equality", "[capi]") {
  const uint8_t x[4] = {1, 2, 3, 4};
  const uint8_t y[4] = {1, 2, 3, 5};
  CHECK(nacre_constant_time_equal(x, x, 4) == NACRE_OK);
  CHECK(nacre_constant_time_equal(x, y, 4) == NACRE_ERR_VERIFICATION_FAILED);
  CHECK(nacre_constant_time_equal(x, y, 3) == NACRE_OK);
  CHECK(nacre_constant_time_equal(nullptr, nullptr, 0) == NACRE_OK);
  CHECK(nacre_constant_time_equal(nullptr, y, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_constant_time_equal(x, nullptr, 1) == NACRE_ERR_INVALID_ARGUMENT);
  CHECK(nacre_constant_time_equal(x, y, SIZE_MAX) == NACRE_ERR_INVALID_ARGUMENT);
}
