#include "nacre/aead.hpp"

#include <array>
#include <cstring>

#include "backend/aead_adapters.hpp"
#include "backend/adapters.hpp"
#include "nacre/random.hpp"
#include "table.hpp"

namespace nacre {
namespace {

// In enum order. |preferred|: where both backends run it, the faster (bench/layers_aead.cpp).
constexpr AeadInfo kAlgs[] = {
    {AeadAlg::aes128_gcm, "aes-128-gcm", 16, 12, 16, false, Backend::boringssl},
    {AeadAlg::aes256_gcm, "aes-256-gcm", 32, 12, 16, false, Backend::boringssl},
    {AeadAlg::aes128_gcm_siv, "aes-128-gcm-siv", 16, 12, 16, true, Backend::boringssl},
    {AeadAlg::aes256_gcm_siv, "aes-256-gcm-siv", 32, 12, 16, true, Backend::boringssl},
    {AeadAlg::chacha20_poly1305, "chacha20-poly1305", 32, 12, 16, false, Backend::boringssl},
    {AeadAlg::xchacha20_poly1305, "xchacha20-poly1305", 32, 24, 16, true, Backend::boringssl},
    {AeadAlg::aegis128l, "aegis-128l", 16, 16, 32, false, Backend::sodium},
    {AeadAlg::aegis256, "aegis-256", 32, 32, 32, true, Backend::sodium},
    {AeadAlg::aes192_gcm, "aes-192-gcm", 24, 12, 16, false, Backend::boringssl},
};
static_assert(in_enum_order(kAlgs), "kAlgs must list AeadAlg in order from 1");

bool runs_on(AeadAlg alg, Backend b) noexcept {
  if (b == Backend::boringssl) return detail::bssl::aead_supported(alg);
  if (b == Backend::sodium) return detail::sodium::aead_supported(alg);
  return false;
}

void wipe(MutableByteView out) noexcept {
  if (!out.empty()) detail::sodium::wipe(out.data(), out.size());
}

}  // namespace

std::span<const AeadInfo> aead_algorithms() noexcept { return kAlgs; }

const AeadInfo &aead_info(AeadAlg alg) { return detail::entry(aead_algorithms(), alg, "unknown AEAD algorithm"); }

std::optional<AeadAlg> aead_from_name(std::string_view name) noexcept {
  return descriptor_from_name(aead_algorithms(), name);
}

bool aead_is_available(AeadAlg alg, Backend backend) noexcept {
  try {
    aead_resolve_backend(alg, backend);
    return true;
  } catch (...) {
    return false;
  }
}

Backend aead_resolve_backend(AeadAlg alg, Backend backend) {
  const AeadInfo &a = aead_info(alg);
  if (backend == Backend::automatic) {
    if (runs_on(alg, a.preferred)) return a.preferred;
    for (Backend b : {Backend::boringssl, Backend::sodium}) {
      if (runs_on(alg, b)) return b;
    }
    throw Error(Status::unsupported, "no backend runs this AEAD on this CPU");
  }
  if (backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  if (!runs_on(alg, backend)) {
    throw Error(Status::unsupported, "this backend does not run this AEAD here");
  }
  return backend;
}

AeadKey::AeadKey(AeadAlg alg, Backend backend, std::unique_ptr<detail::AeadImpl> impl)
    : alg_(alg),
      backend_(backend),
      nonce_size_(aead_nonce_size(alg)),
      tag_size_(aead_tag_size(alg)),
      impl_(std::move(impl)) {}
AeadKey::AeadKey(AeadKey &&) noexcept = default;
AeadKey &AeadKey::operator=(AeadKey &&) noexcept = default;
AeadKey::~AeadKey() = default;

AeadKey AeadKey::create(AeadAlg alg, ByteView key, Backend backend) {
  const Backend b = aead_resolve_backend(alg, backend);
  if (key.size() != aead_key_size(alg)) throw_size_error(Status::invalid_key, "key", aead_key_size(alg), key.size());
  auto impl = b == Backend::boringssl ? detail::bssl::aead(alg, key) : detail::sodium::aead(alg, key);
  return AeadKey(alg, b, std::move(impl));
}

void AeadKey::seal_detached(MutableByteView ct, MutableByteView tag, ByteView nonce, ByteView pt,
                            ByteView aad) const {
  require_size(nonce, nonce_size_, "nonce");
  require_size(tag, tag_size_, "tag buffer");
  require_size(ct, pt.size(), "ciphertext buffer");
  require_in_place_or_disjoint(ct, pt);
  require_disjoint(ct, nonce);
  require_disjoint(ct, aad);
  require_disjoint(tag, pt);
  require_disjoint(tag, ct);
  require_disjoint(tag, nonce);
  require_disjoint(tag, aad);
  impl_->seal(ct, tag, nonce, pt, aad);
}

void AeadKey::open_detached(MutableByteView pt, ByteView nonce, ByteView ct, ByteView tag,
                            ByteView aad) const {
  require_size(nonce, nonce_size_, "nonce");
  require_size(pt, ct.size(), "plaintext buffer");
  require_in_place_or_disjoint(pt, ct);
  require_disjoint(pt, nonce);
  require_disjoint(pt, aad);
  require_disjoint(pt, tag);
  // A wrong-length tag is simply a wrong tag.
  if (tag.size() != tag_size_ || !impl_->open(pt, nonce, ct, tag, aad)) {
    wipe(pt);  // unauthenticated plaintext never leaves
    throw Error(Status::verification_failed, "authentication failed");
  }
}

void AeadKey::seal_into(MutableByteView out, ByteView nonce, ByteView pt, ByteView aad) const {
  // The checks of seal_detached, on the joined buffer: the tag cannot overlap the ciphertext.
  require_size(out, checked_add(pt.size(), tag_size_), "output buffer");
  require_size(nonce, nonce_size_, "nonce");
  require_in_place_or_disjoint(out, pt);
  require_disjoint(out, nonce);
  require_disjoint(out, aad);
  impl_->seal(out.first(pt.size()), out.subspan(pt.size()), nonce, pt, aad);
}

void AeadKey::open_into(MutableByteView out, ByteView nonce, ByteView ct, ByteView aad) const {
  if (ct.size() < tag_size_) throw Error(Status::verification_failed, "ciphertext shorter than a tag");
  const std::size_t n = ct.size() - tag_size_;
  require_size(out, n, "output buffer");
  require_size(nonce, nonce_size_, "nonce");
  require_in_place_or_disjoint(out, ct);
  require_disjoint(out, nonce);
  require_disjoint(out, aad);
  if (!impl_->open(out, nonce, ct.first(n), ct.subspan(n), aad)) {
    wipe(out);  // unauthenticated plaintext never leaves
    throw Error(Status::verification_failed, "authentication failed");
  }
}

Bytes AeadKey::seal(ByteView nonce, ByteView pt, ByteView aad) const {
  Bytes out(checked_add(pt.size(), tag_size_));
  seal_into(out, nonce, pt, aad);
  return out;
}

Bytes AeadKey::open(ByteView nonce, ByteView ct, ByteView aad) const {
  if (ct.size() < tag_size_) throw Error(Status::verification_failed, "ciphertext shorter than a tag");
  Bytes out(ct.size() - tag_size_);
  open_into(out, nonce, ct, aad);
  return out;
}

void AeadKey::require_random_nonce_safe() const {
  if (!aead_random_nonce_safe(alg_)) {
    throw Error(Status::unsupported,
                "random nonces are only offered where they are safe (AES-GCM-SIV, XChaCha20-Poly1305, AEGIS-256)");
  }
}

void AeadKey::seal_with_random_nonce_into(MutableByteView out, ByteView pt, ByteView aad) const {
  require_random_nonce_safe();
  require_size(out, checked_add(checked_add(nonce_size_, pt.size()), tag_size_),
               "output buffer");
  require_disjoint(out, pt);  // the nonce comes first, so in place cannot work here
  MutableByteView nonce = out.first(nonce_size_);
  random_fill(nonce);
  seal_into(out.subspan(nonce_size_), nonce, pt, aad);
}

void AeadKey::open_with_nonce_prefix_into(MutableByteView out, ByteView box, ByteView aad) const {
  require_random_nonce_safe();
  if (box.size() < nonce_size_ + tag_size_) throw Error(Status::verification_failed, "box too short");
  require_size(out, box.size() - nonce_size_ - tag_size_, "output buffer");
  require_disjoint(out, box);
  open_into(out, box.first(nonce_size_), box.subspan(nonce_size_), aad);
}

Bytes AeadKey::seal_with_random_nonce(ByteView pt, ByteView aad) const {
  require_random_nonce_safe();
  Bytes out(checked_add(checked_add(nonce_size_, pt.size()), tag_size_));
  seal_with_random_nonce_into(out, pt, aad);
  return out;
}

Bytes AeadKey::open_with_nonce_prefix(ByteView box, ByteView aad) const {
  require_random_nonce_safe();
  if (box.size() < nonce_size_ + tag_size_) throw Error(Status::verification_failed, "box too short");
  Bytes out(box.size() - nonce_size_ - tag_size_);
  open_with_nonce_prefix_into(out, box, aad);
  return out;
}

}  // namespace nacre
