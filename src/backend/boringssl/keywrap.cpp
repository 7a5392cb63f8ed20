// BoringSSL adapter for AES key wrap (RFC 3394) and key wrap with padding (RFC 5649).
#include <openssl/aes.h>
#include <openssl/mem.h>

#include "../adapters.hpp"
#include "check.hpp"

namespace nacre::detail::bssl {
namespace {

// The expanded KEK lives on the stack only for the call and is wiped after it.
class KeySchedule {
 public:
  KeySchedule(ByteView kek, bool decrypt) {
    const unsigned bits = static_cast<unsigned>(kek.size() * 8);
    const int rc = decrypt ? AES_set_decrypt_key(kek.data(), bits, &key_) : AES_set_encrypt_key(kek.data(), bits, &key_);
    if (rc != 0) throw Error(Status::invalid_key, "AES key wrap: the wrapping key is not an AES key");
  }
  ~KeySchedule() { OPENSSL_cleanse(&key_, sizeof(key_)); }
  KeySchedule(const KeySchedule &) = delete;
  KeySchedule &operator=(const KeySchedule &) = delete;
  const AES_KEY *get() const noexcept { return &key_; }

 private:
  AES_KEY key_{};
};

}  // namespace

void aes_key_wrap(bool padded, ByteView kek, ByteView key, MutableByteView out) {
  const KeySchedule ks(kek, false);
  if (padded) {
    std::size_t len = 0;
    check(AES_wrap_key_padded(ks.get(), out.data(), &len, out.size(), key.data(), key.size()), "AES key wrap (padded)");
    if (len != out.size()) throw Error(Status::internal, "AES key wrap (padded): unexpected length");
    return;
  }
  if (AES_wrap_key(ks.get(), nullptr, out.data(), key.data(), key.size()) != static_cast<int>(out.size())) {
    throw Error(Status::internal, "AES key wrap");
  }
}

bool aes_key_unwrap(bool padded, ByteView kek, ByteView wrapped, MutableByteView out, std::size_t &len) {
  const KeySchedule ks(kek, true);
  if (padded) {
    return AES_unwrap_key_padded(ks.get(), out.data(), &len, out.size(), wrapped.data(), wrapped.size()) == 1;
  }
  const int n = AES_unwrap_key(ks.get(), nullptr, out.data(), wrapped.data(), wrapped.size());
  if (n < 0) return false;
  len = static_cast<std::size_t>(n);
  return true;
}

}  // namespace nacre::detail::bssl
