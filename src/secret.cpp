#include "nacre/secret.hpp"

#include <utility>

#include "backend/adapters.hpp"
#include "nacre/random.hpp"
#include "secret_pool.hpp"

namespace nacre {

SecretBytes::SecretBytes(std::size_t size) {
  if (size == 0) return;
  void *p = detail::pool_allocate(size);
  if (p == nullptr) throw Error(Status::out_of_memory, "no secret memory left");
  data_ = static_cast<std::uint8_t *>(p);
  size_ = size;
}

SecretBytes SecretBytes::copy_of(ByteView bytes) {
  SecretBytes s(bytes.size());
  if (!bytes.empty()) std::copy(bytes.begin(), bytes.end(), s.data_);
  return s;
}

SecretBytes SecretBytes::random(std::size_t size) {
  SecretBytes s(size);
  random_fill(s.mutable_view());
  return s;
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBytes::~SecretBytes() { release(); }

void SecretBytes::release() noexcept {
  if (data_ != nullptr) detail::pool_free(data_, size_);
  data_ = nullptr;
  size_ = 0;
}

SecretBytes SecretBytes::clone() const { return copy_of(view()); }

bool operator==(const SecretBytes &a, const SecretBytes &b) noexcept {
  return constant_time_equal(a.view(), b.view());
}

bool constant_time_equal(ByteView a, ByteView b) noexcept {
  return a.size() == b.size() && detail::sodium::equal(a.data(), b.data(), a.size());
}

SecretPoolStats secret_pool_stats() noexcept { return detail::pool_stats(); }

}  // namespace nacre
