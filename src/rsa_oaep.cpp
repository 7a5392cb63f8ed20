// RSA-OAEP: size rules and zeroed outputs around BoringSSL.
#include "nacre/rsa_oaep.hpp"

#include <algorithm>

#include "backend/pkey_adapters.hpp"

namespace nacre {

namespace {

// OAEP with SHA-256 spends 2 * 32 + 2 bytes of the modulus.
constexpr std::size_t kOaepOverhead = 66;

const detail::KeyParts &rsa_key(const Key &key) {
  if (key.type() != KeyType::rsa) throw Error(Status::invalid_key, "RSA-OAEP needs an RSA key");
  if (key.bits() < 2048) throw Error(Status::invalid_key, "a legacy RSA key (below 2048 bits) verifies signatures only");
  return key.parts();
}

}  // namespace

std::size_t rsa_oaep_max_message(const Key &key) {
  return detail::bssl::rsa_modulus_size(rsa_key(key)) - kOaepOverhead;
}

void rsa_oaep_encrypt_into(MutableByteView out, const Key &key, ByteView msg, ByteView label) {
  const auto &k = rsa_key(key);
  if (msg.size() > rsa_oaep_max_message(key)) throw Error(Status::invalid_argument, "message too long for RSA-OAEP");
  require_size(out, detail::bssl::rsa_modulus_size(k), "output (the modulus size)");
  require_disjoint(out, msg);
  require_disjoint(out, label);
  detail::bssl::rsa_oaep_encrypt(k, out, msg, label);
}

std::size_t rsa_oaep_decrypt_into(MutableByteView out, const Key &key, ByteView ct, ByteView label) {
  const auto &k = rsa_key(key);
  if (!key.has_private()) throw Error(Status::invalid_argument, "decryption needs the key pair");
  if (out.size() < rsa_oaep_max_message(key)) throw Error(Status::buffer_too_small, "output too small");
  require_disjoint(out, ct);
  require_disjoint(out, label);
  // BoringSSL writes up to the modulus size; decrypt into secret scratch of that size first (OAEP
  // usually carries keys).
  SecretBytes scratch(detail::bssl::rsa_modulus_size(k));
  std::size_t len = 0;
  const bool ok = detail::bssl::rsa_oaep_decrypt(k, scratch.mutable_view(), len, ct, label) && len <= out.size();
  if (ok) std::copy_n(scratch.data(), len, out.begin());
  if (!ok) {
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    throw Error(Status::verification_failed, "RSA-OAEP decryption failed");
  }
  return len;
}

Bytes rsa_oaep_encrypt(const Key &key, ByteView msg, ByteView label) {
  Bytes out(detail::bssl::rsa_modulus_size(rsa_key(key)));
  rsa_oaep_encrypt_into(out, key, msg, label);
  return out;
}

Bytes rsa_oaep_decrypt(const Key &key, ByteView ct, ByteView label) {
  Bytes out(rsa_oaep_max_message(key));
  out.resize(rsa_oaep_decrypt_into(out, key, ct, label));
  return out;
}

}  // namespace nacre
