// Key encapsulation: ML-KEM-768 and X-Wing through libsodium.
#include "nacre/kem.hpp"

#include "backend/pkey_adapters.hpp"

namespace nacre {

namespace {

void require_kem(KeyType type) {
  if (type != KeyType::mlkem768 && type != KeyType::xwing) {
    throw Error(Status::invalid_key, "not a KEM key");
  }
}

}  // namespace

std::size_t kem_ciphertext_size(KeyType type) {
  require_kem(type);
  return type == KeyType::mlkem768 ? 1088 : 1120;
}

std::size_t kem_shared_secret_size(KeyType type) {
  require_kem(type);
  return 32;
}

Encapsulation encapsulate_for_testing(const Key &key, ByteView randomness) {
  Encapsulation e{Bytes(kem_ciphertext_size(key.type())), SecretBytes(32)};
  detail::sodium::kem_encapsulate(key.type(), e.ciphertext, e.shared_secret.mutable_view(), key.parts().pub,
                                  randomness);
  return e;
}

Encapsulation encapsulate(const Key &key) { return encapsulate_for_testing(key, {}); }

SecretBytes decapsulate(const Key &key, ByteView ciphertext) {
  require_size(ciphertext, kem_ciphertext_size(key.type()), "KEM ciphertext has the wrong size");
  if (!key.has_private()) throw Error(Status::invalid_argument, "decapsulation needs the key pair");
  SecretBytes ss(32);
  detail::sodium::kem_decapsulate(key.type(), ss.mutable_view(), ciphertext, key.parts().priv.view());
  return ss;
}

}  // namespace nacre
