// Statuses, versions, randomness and comparison.
#include "guard.hpp"
#include "nacre/backend.hpp"
#include "nacre/random.hpp"
#include "nacre/secret.hpp"
#include "nacre/version.hpp"

using namespace nacre;

extern "C" {

const char *nacre_status_name(int status) noexcept { return status_name(status); }

const char *nacre_version_string(void) noexcept { return version_string(); }

int nacre_abi_version(void) noexcept { return abi_version(); }

const char *nacre_backend_name(int backend) noexcept {
  if (backend < 0 || backend > 2) return nullptr;
  return backend_name(static_cast<Backend>(backend)).data();
}

int nacre_random_bytes(uint8_t *out, size_t out_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) { random_fill(o); });
}

int nacre_constant_time_equal(const uint8_t *a, const uint8_t *b, size_t len) noexcept {
  bool equal = false;
  const int rc = capi::guard([&] {
    equal = constant_time_equal(capi::input(a, len), capi::input(b, len));
  });
  if (rc != NACRE_OK) return rc;
  return equal ? NACRE_OK : NACRE_ERR_VERIFICATION_FAILED;
}

}  // extern "C"
