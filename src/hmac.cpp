#include "nacre/hmac.hpp"

#include <array>
#include <string>

#include "backend/adapters.hpp"
#include "nacre/descriptor.hpp"

namespace nacre {
namespace {

std::unique_ptr<detail::DigestState> make_state(HashAlg alg, Backend b, ByteView key) {
  return b == Backend::boringssl ? detail::bssl::hmac_state(alg, key)
                                 : detail::sodium::hmac_state(alg, key);
}

// tag_matches has |compute| write the |size|-byte tag, compares it with |tag| in constant time
// and wipes it: a valid tag is a forgery to others.
template <class Compute>
bool tag_matches(std::size_t size, ByteView tag, Compute &&compute) {
  std::array<std::uint8_t, 64> expected{};
  MutableByteView mine(expected.data(), size);
  compute(mine);
  const bool ok = constant_time_equal(mine, tag);
  detail::sodium::wipe(expected.data(), expected.size());
  return ok;
}

bool verify_state(const detail::DigestState &state, std::size_t size, ByteView tag) {
  return tag_matches(size, tag, [&](MutableByteView mine) { state.finish(mine); });
}

}  // namespace

std::size_t hmac_size(HashAlg alg) {
  const HashInfo &h = hash_info(alg);
  if (!h.hmac) throw Error(Status::unsupported, std::string("HMAC is not offered with ") + h.name);
  return h.digest_size;
}

bool hmac_offered(HashAlg alg) noexcept {
  const HashInfo *h = descriptor_find(hash_algorithms(), static_cast<long long>(alg));
  return h != nullptr && h->hmac;
}

bool hmac_is_available(HashAlg alg, Backend backend) noexcept {
  if (!hmac_offered(alg)) return false;
  switch (backend) {
    case Backend::boringssl: return detail::bssl::hmac_supported(alg);
    case Backend::sodium: return detail::sodium::hmac_supported(alg);
    case Backend::automatic:
      return detail::bssl::hmac_supported(alg) || detail::sodium::hmac_supported(alg);
  }
  return false;
}

Backend hmac_resolve_backend(HashAlg alg, Backend backend) {
  hmac_size(alg);
  // Both HMACs run on the same SHA-2 code as the hashes, so the hash default applies.
  const Backend b = resolve_backend(alg, backend);
  if (!hmac_is_available(alg, b)) throw Error(Status::unsupported, "this backend lacks this HMAC");
  return b;
}

void hmac_into(HashAlg alg, ByteView key, ByteView in, MutableByteView out, Backend backend) {
  require_size(out, hmac_size(alg), "tag buffer");
  if (hmac_resolve_backend(alg, backend) == Backend::boringssl) {
    detail::bssl::hmac(alg, key, in, out);
  } else {
    detail::sodium::hmac(alg, key, in, out);
  }
}

Bytes hmac(HashAlg alg, ByteView key, ByteView in, Backend backend) {
  Bytes out(hmac_size(alg));
  hmac_into(alg, key, in, out, backend);
  return out;
}

bool hmac_verify(HashAlg alg, ByteView key, ByteView in, ByteView tag, Backend backend) {
  return tag_matches(hmac_size(alg), tag,
                     [&](MutableByteView mine) { hmac_into(alg, key, in, mine, backend); });
}

Hmac::Hmac(HashAlg alg, Backend backend, std::size_t size,
           std::unique_ptr<detail::DigestState> state) noexcept
    : alg_(alg), backend_(backend), size_(size), state_(std::move(state)) {}
Hmac::Hmac(Hmac &&) noexcept = default;
Hmac &Hmac::operator=(Hmac &&) noexcept = default;
Hmac::~Hmac() = default;

Hmac Hmac::create(HashAlg alg, ByteView key, Backend backend) {
  const Backend b = hmac_resolve_backend(alg, backend);
  return Hmac(alg, b, hmac_size(alg), make_state(alg, b, key));
}

detail::DigestState &Hmac::live() const {
  if (!state_) throw Error(Status::invalid_argument, "use of a moved-from object");
  return *state_;
}

void Hmac::update(ByteView in) { live().update(in); }

Bytes Hmac::digest() const {
  Bytes out(size_);
  live().finish(out);
  return out;
}

void Hmac::digest_into(MutableByteView out) const {
  require_size(out, size_, "tag buffer");
  live().finish(out);
}

bool Hmac::verify(ByteView tag) const { return verify_state(live(), size_, tag); }

Hmac Hmac::copy() const { return Hmac(alg_, backend_, size_, live().clone()); }

}  // namespace nacre
