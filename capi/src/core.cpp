// Statuses, versions, randomness, comparison and secret memory statistics.
#include <cstdint>
#include <cstring>

#include "descriptor.hpp"
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
  if (backend < 0 || backend > static_cast<int>(kLastBackend)) return nullptr;
  return backend_name(static_cast<Backend>(backend)).data();
}

int nacre_random_bytes(uint8_t *out, size_t out_len) noexcept {
  return capi::with_exact_output(out, out_len, [&](MutableByteView o) { random_fill(o); });
}

int nacre_constant_time_equal(const uint8_t *a, const uint8_t *b, size_t len) noexcept {
  return capi::verdict("the buffers differ", [&] {
    return constant_time_equal(capi::input(a, len), capi::input(b, len));
  });
}

int nacre_secret_memory_stats(nacre_memory_stats *out, size_t out_size) noexcept {
  // The first version of the struct: eight uint64_t. Later versions only append.
  constexpr std::size_t kFirstVersion = 8 * sizeof(std::uint64_t);
  static_assert(sizeof(nacre_memory_stats) >= kFirstVersion);
  const SecretPoolStats s = secret_pool_stats();
  const auto u64 = [](std::size_t v) {
    return v == SIZE_MAX ? UINT64_MAX : static_cast<std::uint64_t>(v);
  };
  const nacre_memory_stats known{u64(s.arenas),         u64(s.capacity), u64(s.locked_bytes),
                                 u64(s.unlocked_bytes), u64(s.lock_limit), u64(s.in_use),
                                 u64(s.in_use_bytes),   u64(s.large)};
  return capi::write_versioned(out, out_size, kFirstVersion, known,
                               "out_size is smaller than the first nacre_memory_stats");
}

}  // extern "C"
