// libsodium boxes: size checks, key checks, and zeroed outputs on failure.
#include "nacre/box.hpp"

#include <algorithm>

#include "backend/pkey_adapters.hpp"

namespace nacre {

namespace {

const detail::KeyParts &x25519_key(const Key &key, bool need_private) {
  if (key.type() != KeyType::x25519) throw Error(Status::invalid_key, "boxes need X25519 keys");
  if (need_private && !key.has_private()) throw Error(Status::invalid_argument, "opening needs the key pair");
  return key.parts();
}

void check_sizes(MutableByteView out, ByteView in, std::size_t out_size) {
  require_size(out, out_size, "output");
  require_disjoint(out, in);
}

std::size_t opened_size(ByteView ct, std::size_t overhead) {
  if (ct.size() < overhead) throw Error(Status::verification_failed, "box shorter than its overhead");
  return ct.size() - overhead;
}

void finish_open(bool ok, MutableByteView out) {
  if (ok) return;
  std::fill(out.begin(), out.end(), std::uint8_t{0});
  throw Error(Status::verification_failed, "box does not authenticate");
}

}  // namespace

void box_seal_into(MutableByteView out, const Key &recipient, ByteView msg) {
  const auto &r = x25519_key(recipient, false);
  check_sizes(out, msg, checked_add(msg.size(), box_seal_overhead));
  detail::sodium::box_seal(out, r.pub, msg);
}

void box_seal_open_into(MutableByteView out, const Key &recipient, ByteView ct) {
  const auto &r = x25519_key(recipient, true);
  check_sizes(out, ct, opened_size(ct, box_seal_overhead));
  finish_open(detail::sodium::box_seal_open(out, r.pub, r.priv.view(), ct), out);
}

void box_into(MutableByteView out, const Key &sender, const Key &recipient, ByteView nonce, ByteView msg) {
  const auto &s = x25519_key(sender, true);
  const auto &r = x25519_key(recipient, false);
  require_size(nonce, box_nonce_size, "box nonce");
  check_sizes(out, msg, checked_add(msg.size(), box_overhead));
  require_disjoint(out, nonce);
  detail::sodium::box(out, nonce, r.pub, s.priv.view(), msg);
}

void box_open_into(MutableByteView out, const Key &recipient, const Key &sender, ByteView nonce, ByteView ct) {
  const auto &r = x25519_key(recipient, true);
  const auto &s = x25519_key(sender, false);
  require_size(nonce, box_nonce_size, "box nonce");
  check_sizes(out, ct, opened_size(ct, box_overhead));
  require_disjoint(out, nonce);
  finish_open(detail::sodium::box_open(out, nonce, s.pub, r.priv.view(), ct), out);
}

SecretBytes box_shared_key(const Key &a, const Key &b) {
  const auto &mine = x25519_key(a, true);
  const auto &theirs = x25519_key(b, false);
  SecretBytes key(secretbox_key_size);
  if (!detail::sodium::box_beforenm(key.mutable_view(), theirs.pub, mine.priv.view())) {
    throw Error(Status::invalid_key, "box peer key has small order");
  }
  return key;
}

SecretBoxKey::SecretBoxKey(ByteView key) {
  if (key.size() != secretbox_key_size) {
    throw_size_error(Status::invalid_key, "secretbox key", secretbox_key_size, key.size());
  }
  key_ = SecretBytes::copy_of(key);
}

void SecretBoxKey::seal_into(MutableByteView out, ByteView nonce, ByteView msg) const {
  require_size(nonce, secretbox_nonce_size, "secretbox nonce");
  check_sizes(out, msg, checked_add(msg.size(), secretbox_overhead));
  require_disjoint(out, nonce);
  detail::sodium::secretbox(out, nonce, key_.view(), msg);
}

void SecretBoxKey::open_into(MutableByteView out, ByteView nonce, ByteView box) const {
  require_size(nonce, secretbox_nonce_size, "secretbox nonce");
  check_sizes(out, box, opened_size(box, secretbox_overhead));
  require_disjoint(out, nonce);
  finish_open(detail::sodium::secretbox_open(out, nonce, key_.view(), box), out);
}

Bytes SecretBoxKey::seal(ByteView nonce, ByteView msg) const {
  Bytes out(checked_add(msg.size(), secretbox_overhead));
  seal_into(out, nonce, msg);
  return out;
}

Bytes SecretBoxKey::open(ByteView nonce, ByteView box) const {
  Bytes out(opened_size(box, secretbox_overhead));
  open_into(out, nonce, box);
  return out;
}

Bytes box_seal(const Key &recipient, ByteView msg) {
  Bytes out(checked_add(msg.size(), box_seal_overhead));
  box_seal_into(out, recipient, msg);
  return out;
}

Bytes box_seal_open(const Key &recipient, ByteView ct) {
  Bytes out(opened_size(ct, box_seal_overhead));
  box_seal_open_into(out, recipient, ct);
  return out;
}

}  // namespace nacre
