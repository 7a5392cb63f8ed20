// HPKE: suite and key checks, single-shot forms over the context API.
#include "nacre/hpke.hpp"

#include <algorithm>
#include <optional>

#include "backend/pkey_adapters.hpp"
#include "table.hpp"

namespace nacre {

namespace {

constexpr HpkeSuiteInfo kSuites[] = {
    {HpkeSuite::x25519_sha256_aes128gcm, "x25519-sha256-aes-128-gcm", AeadAlg::aes128_gcm},
    {HpkeSuite::x25519_sha256_aes256gcm, "x25519-sha256-aes-256-gcm", AeadAlg::aes256_gcm},
    {HpkeSuite::x25519_sha256_chacha20poly1305, "x25519-sha256-chacha20-poly1305", AeadAlg::chacha20_poly1305},
};
static_assert(in_enum_order(kSuites), "kSuites must list HpkeSuite in order from 1");

void check_suite(HpkeSuite suite) { hpke_suite_info(suite); }

const detail::KeyParts &recipient_key(const Key &key, bool need_private) {
  if (key.type() != KeyType::x25519) throw Error(Status::invalid_key, "HPKE needs an X25519 key");
  if (need_private && !key.has_private()) throw Error(Status::invalid_key, "a receiver needs the key pair");
  return key.parts();
}

std::size_t opened_size(ByteView ct) {
  if (ct.size() < hpke_tag_size) throw Error(Status::verification_failed, "ciphertext shorter than a tag");
  return ct.size() - hpke_tag_size;
}

}  // namespace

std::span<const HpkeSuiteInfo> hpke_suites() noexcept { return kSuites; }

const HpkeSuiteInfo &hpke_suite_info(HpkeSuite suite) { return detail::entry(hpke_suites(), suite, "unknown HPKE suite"); }

std::optional<HpkeSuite> hpke_suite_from_name(std::string_view name) noexcept {
  return descriptor_from_name(hpke_suites(), name);
}

HpkeContext::HpkeContext(std::unique_ptr<detail::HpkeImpl> impl) noexcept : impl_(std::move(impl)) {}
HpkeContext::HpkeContext(HpkeContext &&) noexcept = default;
HpkeContext &HpkeContext::operator=(HpkeContext &&) noexcept = default;
HpkeContext::~HpkeContext() = default;

HpkeContext HpkeContext::sender(HpkeSuite suite, const Key &recipient, ByteView info, MutableByteView enc) {
  return sender_for_testing(suite, recipient, info, enc, {});
}

HpkeContext HpkeContext::sender_for_testing(HpkeSuite suite, const Key &recipient, ByteView info,
                                            MutableByteView enc, ByteView seed) {
  check_suite(suite);
  const auto &r = recipient_key(recipient, false);
  require_size(enc, hpke_enc_size, "enc buffer");
  require_disjoint(enc, info);
  return HpkeContext(detail::bssl::hpke_sender(suite, r.pub, info, enc, seed));
}

HpkeContext HpkeContext::receiver(HpkeSuite suite, const Key &recipient, ByteView enc, ByteView info) {
  check_suite(suite);
  const auto &r = recipient_key(recipient, true);
  require_size(enc, hpke_enc_size, "enc");
  return HpkeContext(detail::bssl::hpke_receiver(suite, r.priv.view(), enc, info));
}

void HpkeContext::seal_into(MutableByteView out, ByteView pt, ByteView aad) {
  if (!impl_) throw Error(Status::invalid_argument, "moved-from HPKE context");
  require_size(out, checked_add(pt.size(), hpke_tag_size), "output");
  require_disjoint(out, pt);
  require_disjoint(out, aad);
  impl_->seal(out, pt, aad);
}

void HpkeContext::open_into(MutableByteView out, ByteView ct, ByteView aad) {
  if (!impl_) throw Error(Status::invalid_argument, "moved-from HPKE context");
  require_size(out, opened_size(ct), "output");
  require_disjoint(out, ct);
  require_disjoint(out, aad);
  if (!impl_->open(out, ct, aad)) {
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    throw Error(Status::verification_failed, "HPKE ciphertext does not authenticate");
  }
}

void HpkeContext::export_secret(MutableByteView out, ByteView context) const {
  if (!impl_) throw Error(Status::invalid_argument, "moved-from HPKE context");
  if (out.size() > hpke_max_export) throw Error(Status::invalid_argument, "export longer than 255 * 32 bytes");
  require_disjoint(out, context);
  impl_->export_secret(out, context);
}

void hpke_seal_into(MutableByteView out, HpkeSuite suite, const Key &recipient, ByteView info,
                    ByteView pt, ByteView aad) {
  require_size(out, checked_add(checked_add(pt.size(), hpke_tag_size), hpke_enc_size), "output");
  // enc is written before the message is read: no part of |out| may overlap an input.
  require_disjoint(out, pt);
  require_disjoint(out, info);
  require_disjoint(out, aad);
  auto ctx = HpkeContext::sender(suite, recipient, info, out.first(hpke_enc_size));
  ctx.seal_into(out.subspan(hpke_enc_size), pt, aad);
}

void hpke_open_into(MutableByteView out, HpkeSuite suite, const Key &recipient, ByteView info,
                    ByteView in, ByteView aad) {
  check_suite(suite);
  recipient_key(recipient, true);
  if (in.size() < hpke_enc_size + hpke_tag_size) throw Error(Status::verification_failed, "input shorter than enc and tag");
  require_disjoint(out, in);  // enc is read after out is written: no in-place form here
  require_disjoint(out, info);
  require_disjoint(out, aad);
  // enc arrives with the ciphertext: one that is not a usable key is a failed open like any other.
  std::optional<HpkeContext> ctx;
  try {
    ctx.emplace(HpkeContext::receiver(suite, recipient, in.first(hpke_enc_size), info));
  } catch (const Error &e) {
    if (e.status() != Status::invalid_key) throw;
    std::fill(out.begin(), out.end(), std::uint8_t{0});
    throw Error(Status::verification_failed, "HPKE enc is not a valid public key");
  }
  ctx->open_into(out, in.subspan(hpke_enc_size), aad);
}

Bytes hpke_seal(HpkeSuite suite, const Key &recipient, ByteView info, ByteView pt, ByteView aad) {
  Bytes out(checked_add(checked_add(pt.size(), hpke_tag_size), hpke_enc_size));
  hpke_seal_into(out, suite, recipient, info, pt, aad);
  return out;
}

Bytes hpke_open(HpkeSuite suite, const Key &recipient, ByteView info, ByteView in, ByteView aad) {
  if (in.size() < hpke_enc_size + hpke_tag_size) throw Error(Status::verification_failed, "input shorter than enc and tag");
  Bytes out(in.size() - hpke_enc_size - hpke_tag_size);
  hpke_open_into(out, suite, recipient, info, in, aad);
  return out;
}

}  // namespace nacre
