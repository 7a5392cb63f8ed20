// libsodium adapter for sealed boxes (crypto_box_seal), crypto_box (X25519, XSalsa20-Poly1305)
// and crypto_secretbox (XSalsa20-Poly1305), through the combined "easy" forms.
#include "../pkey_adapters.hpp"
#include "check.hpp"

namespace nacre::detail::sodium {
namespace {

// libsodium aborts the process on an over-long message; refuse it first (crypto_box's bound is
// crypto_secretbox's).
void check_message(std::size_t n) {
  if (n > crypto_box_messagebytes_max() || n > crypto_secretbox_messagebytes_max()) {
    throw Error(Status::invalid_argument, "message too long for a box");
  }
}

// Sealing fails only when X25519 gives the all-zero secret: the recipient key has small order.
void check_sealed(int rc, MutableByteView out) {
  if (rc == 0) return;
  sodium_memzero(out.data(), out.size());
  throw Error(Status::invalid_key, "box recipient key has small order");
}

// A failed open leaves nothing of the unauthenticated plaintext behind.
bool opened(int rc, MutableByteView out) {
  if (rc == 0) return true;
  sodium_memzero(out.data(), out.size());
  return false;
}

}  // namespace

void box_seal(MutableByteView out, ByteView recipient_pub, ByteView msg) {
  ensure_init();
  check_message(msg.size());
  require_size(recipient_pub, crypto_box_PUBLICKEYBYTES, "box public key");
  require_size(out, checked_add(msg.size(), crypto_box_SEALBYTES), "sealed box buffer");
  check_sealed(crypto_box_seal(out.data(), nonnull(msg), ull(msg.size()), recipient_pub.data()),
               out);
}

bool box_seal_open(MutableByteView out, ByteView recipient_pub, ByteView recipient_priv,
                   ByteView ct) {
  ensure_init();
  require_size(recipient_pub, crypto_box_PUBLICKEYBYTES, "box public key");
  require_size(recipient_priv, crypto_box_SECRETKEYBYTES, "box private key");
  if (ct.size() < crypto_box_SEALBYTES) return opened(-1, out);
  require_size(out, ct.size() - crypto_box_SEALBYTES, "sealed box plaintext buffer");
  // The recipient's public key enters the nonce (BLAKE2b(epk || pk)); a mismatched pair fails.
  return opened(crypto_box_seal_open(nonnull(out), ct.data(), ull(ct.size()), recipient_pub.data(),
                                     recipient_priv.data()),
                out);
}

void box(MutableByteView out, ByteView nonce, ByteView recipient_pub, ByteView sender_priv,
         ByteView msg) {
  ensure_init();
  check_message(msg.size());
  require_size(nonce, crypto_box_NONCEBYTES, "box nonce");
  require_size(recipient_pub, crypto_box_PUBLICKEYBYTES, "box public key");
  require_size(sender_priv, crypto_box_SECRETKEYBYTES, "box private key");
  require_size(out, checked_add(msg.size(), crypto_box_MACBYTES), "box buffer");
  check_sealed(crypto_box_easy(out.data(), nonnull(msg), ull(msg.size()), nonce.data(),
                               recipient_pub.data(), sender_priv.data()),
               out);
}

bool box_open(MutableByteView out, ByteView nonce, ByteView sender_pub, ByteView recipient_priv,
              ByteView ct) {
  ensure_init();
  require_size(nonce, crypto_box_NONCEBYTES, "box nonce");
  require_size(sender_pub, crypto_box_PUBLICKEYBYTES, "box public key");
  require_size(recipient_priv, crypto_box_SECRETKEYBYTES, "box private key");
  if (ct.size() < crypto_box_MACBYTES) return opened(-1, out);
  require_size(out, ct.size() - crypto_box_MACBYTES, "box plaintext buffer");
  // A small-order sender key fails here too, like a bad tag.
  return opened(crypto_box_open_easy(nonnull(out), ct.data(), ull(ct.size()), nonce.data(),
                                     sender_pub.data(), recipient_priv.data()),
                out);
}

bool box_beforenm(MutableByteView out, ByteView pub, ByteView priv) {
  ensure_init();
  require_size(pub, crypto_box_PUBLICKEYBYTES, "box public key");
  require_size(priv, crypto_box_SECRETKEYBYTES, "box private key");
  require_size(out, crypto_box_BEFORENMBYTES, "box shared key buffer");
  return opened(crypto_box_beforenm(out.data(), pub.data(), priv.data()), out);
}

void secretbox(MutableByteView out, ByteView nonce, ByteView key, ByteView msg) {
  ensure_init();
  check_message(msg.size());
  require_size(nonce, crypto_secretbox_NONCEBYTES, "secretbox nonce");
  require_size(key, crypto_secretbox_KEYBYTES, "secretbox key");
  require_size(out, checked_add(msg.size(), crypto_secretbox_MACBYTES), "secretbox buffer");
  check(crypto_secretbox_easy(out.data(), nonnull(msg), ull(msg.size()), nonce.data(), key.data()),
        "secretbox");
}

bool secretbox_open(MutableByteView out, ByteView nonce, ByteView key, ByteView ct) {
  ensure_init();
  require_size(nonce, crypto_secretbox_NONCEBYTES, "secretbox nonce");
  require_size(key, crypto_secretbox_KEYBYTES, "secretbox key");
  if (ct.size() < crypto_secretbox_MACBYTES) return opened(-1, out);
  require_size(out, ct.size() - crypto_secretbox_MACBYTES, "secretbox plaintext buffer");
  return opened(crypto_secretbox_open_easy(nonnull(out), ct.data(), ull(ct.size()), nonce.data(),
                                           key.data()),
                out);
}

}  // namespace nacre::detail::sodium
