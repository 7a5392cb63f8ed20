// libsodium adapter for secretstream (XChaCha20-Poly1305).
#include "../aead_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

using State = crypto_secretstream_xchacha20poly1305_state;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == kSecretStreamKeySize);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == kSecretStreamHeaderSize);
static_assert(crypto_secretstream_xchacha20poly1305_ABYTES == kSecretStreamOverhead);
static_assert(crypto_secretstream_xchacha20poly1305_TAG_FINAL == 3);
static_assert(crypto_secretstream_xchacha20poly1305_TAG_REKEY == 2);
static_assert(crypto_secretstream_xchacha20poly1305_TAG_PUSH == 1);

State *st(MutableByteView state) { return reinterpret_cast<State *>(state.data()); }

}  // namespace

std::size_t secretstream_state_size() noexcept { return sizeof(State); }

void secretstream_init_push(MutableByteView state, MutableByteView header, ByteView key) {
  ensure_init();
  check(crypto_secretstream_xchacha20poly1305_init_push(st(state), header.data(), key.data()),
        "secretstream init");
}

void secretstream_push(MutableByteView state, MutableByteView out, ByteView msg, ByteView aad,
                       std::uint8_t tag) {
  // libsodium aborts the process on an over-long message; refuse it first.
  if (msg.size() > crypto_secretstream_xchacha20poly1305_messagebytes_max()) {
    throw Error(Status::invalid_argument, "message too long for secretstream");
  }
  unsigned long long len = 0;
  check(crypto_secretstream_xchacha20poly1305_push(st(state), out.data(), &len, msg.data(),
                                                   ull(msg.size()), aad.data(), ull(aad.size()),
                                                   tag),
        "secretstream push");
}

void secretstream_init_pull(MutableByteView state, ByteView header, ByteView key) {
  ensure_init();
  check(crypto_secretstream_xchacha20poly1305_init_pull(st(state), header.data(), key.data()),
        "secretstream init");
}

bool secretstream_pull(MutableByteView state, MutableByteView out, std::uint8_t &tag, ByteView ct,
                       ByteView aad) {
  unsigned long long len = 0;
  unsigned char t = 0;
  const int rc = crypto_secretstream_xchacha20poly1305_pull(
      st(state), out.data(), &len, &t, ct.data(), ull(ct.size()), aad.data(), ull(aad.size()));
  tag = t;
  return rc == 0;
}

}  // namespace nacre::detail::sodium
