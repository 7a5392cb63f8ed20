#include "nacre/hash.hpp"

#include "backend/adapters.hpp"
#include "table.hpp"

namespace nacre {
namespace {

constexpr HashInfo kAlgs[] = {
    {HashAlg::sha256, "sha256", 32, 64, true, true, false, Backend::boringssl},
    {HashAlg::sha384, "sha384", 48, 128, true, true, false, Backend::boringssl},
    {HashAlg::sha512, "sha512", 64, 128, true, true, false, Backend::boringssl},
    {HashAlg::sha512_256, "sha512-256", 32, 128, false, false, false, Backend::boringssl},
    {HashAlg::sha3_256, "sha3-256", 32, 136, false, false, false, Backend::sodium},
    {HashAlg::sha3_512, "sha3-512", 64, 72, false, false, false, Backend::sodium},
    {HashAlg::blake2b, "blake2b", 64, 128, false, false, false, Backend::sodium},
    {HashAlg::shake128, "shake128", 0, 168, false, false, false, Backend::sodium},
    {HashAlg::shake256, "shake256", 0, 136, false, false, false, Backend::sodium},
    {HashAlg::sha224, "sha224", 28, 64, true, false, false, Backend::boringssl},
    // Collisions do not break HMAC (RFC 6151; RFC 2104's proof needs only a PRF), so HMAC-SHA1
    // (HOTP/TOTP, PBKDF2-SHA1 and HKDF-SHA1 formats) and HMAC-MD5 (RADIUS, legacy protocols) are
    // offered; the hashes themselves are for interoperability only.
    {HashAlg::sha1, "sha1", 20, 64, true, true, true, Backend::boringssl},
    {HashAlg::md5, "md5", 16, 64, true, false, true, Backend::boringssl},
};
static_assert(in_enum_order(kAlgs), "kAlgs must list HashAlg in order from 1");

bool backend_has(HashAlg alg, Backend b) noexcept {
  switch (b) {
    case Backend::boringssl: return detail::bssl::hash_supported(alg);
    case Backend::sodium: return detail::sodium::hash_supported(alg);
    case Backend::automatic: return detail::bssl::hash_supported(alg) ||
                                    detail::sodium::hash_supported(alg);
  }
  return false;
}

Backend resolve(const HashInfo &a, Backend backend) {
  if (backend == Backend::automatic) return a.preferred;
  if (backend != Backend::boringssl && backend != Backend::sodium) {
    throw Error(Status::unsupported, "unknown backend");
  }
  if (!backend_has(a.alg, backend)) {
    throw Error(Status::unsupported, "this backend does not implement the hash");
  }
  return backend;
}

void require_fixed(HashAlg alg) {
  if (is_xof(alg)) throw Error(Status::invalid_argument, "an XOF needs an output length");
}

}  // namespace

std::span<const HashInfo> hash_algorithms() noexcept { return kAlgs; }

const HashInfo &hash_info(HashAlg alg) { return detail::entry(hash_algorithms(), alg, "unknown hash algorithm"); }

std::optional<HashAlg> hash_from_name(std::string_view name) noexcept {
  return descriptor_from_name(hash_algorithms(), name);
}

bool is_available(HashAlg alg, Backend backend) noexcept {
  return descriptor_find(hash_algorithms(), static_cast<long long>(alg)) != nullptr && backend_has(alg, backend);
}

Backend resolve_backend(HashAlg alg, Backend backend) { return resolve(hash_info(alg), backend); }

void hash_into(HashAlg alg, ByteView in, MutableByteView out, Backend backend) {
  const HashInfo &a = hash_info(alg);
  if (a.digest_size == 0) throw Error(Status::invalid_argument, "an XOF needs an output length");
  require_size(out, a.digest_size, "digest buffer");
  if (resolve(a, backend) == Backend::boringssl) {
    detail::bssl::hash(alg, in, out);
  } else {
    detail::sodium::hash(alg, in, out);
  }
}

Bytes hash(HashAlg alg, ByteView in, Backend backend) {
  require_fixed(alg);
  Bytes out(digest_size(alg));
  hash_into(alg, in, out, backend);
  return out;
}

void xof_into(HashAlg alg, ByteView in, MutableByteView out) {
  if (!is_xof(alg)) throw Error(Status::invalid_argument, "not an extendable-output function");
  detail::sodium::hash(alg, in, out);
}

void blake2b_into(ByteView in, MutableByteView out, ByteView key) {
  detail::sodium::blake2b(in, key, out);
}

Hasher::Hasher(HashAlg alg, Backend backend, std::size_t digest_size,
               std::unique_ptr<detail::DigestState> state) noexcept
    : alg_(alg), backend_(backend), digest_size_(digest_size), state_(std::move(state)) {}
Hasher::Hasher(Hasher &&) noexcept = default;
Hasher &Hasher::operator=(Hasher &&) noexcept = default;
Hasher::~Hasher() = default;

Hasher Hasher::create(HashAlg alg, Backend backend) {
  const Backend b = resolve_backend(alg, backend);
  auto state = b == Backend::boringssl ? detail::bssl::hash_state(alg)
                                       : detail::sodium::hash_state(alg);
  return Hasher(alg, b, nacre::digest_size(alg), std::move(state));
}

Hasher Hasher::blake2b(std::size_t digest_len, ByteView key) {
  return blake2b(digest_len, key, {}, {});
}

Hasher Hasher::blake2b(std::size_t digest_len, ByteView key, ByteView salt, ByteView person) {
  return Hasher(HashAlg::blake2b, Backend::sodium, digest_len,
                detail::sodium::blake2b_state(digest_len, key, salt, person));
}

detail::DigestState &Hasher::live() const {
  if (!state_) throw Error(Status::invalid_argument, "use of a moved-from object");
  return *state_;
}

void Hasher::update(ByteView in) { live().update(in); }

Bytes Hasher::digest() const {
  require_fixed(alg_);
  Bytes out(digest_size_);
  live().finish(out);
  return out;
}

void Hasher::digest_into(MutableByteView out) const {
  require_fixed(alg_);
  require_size(out, digest_size_, "digest buffer");
  live().finish(out);
}

void Hasher::xof_into(MutableByteView out) const {
  if (!is_xof(alg_)) throw Error(Status::invalid_argument, "not an extendable-output function");
  live().finish(out);
}

Hasher Hasher::copy() const { return Hasher(alg_, backend_, digest_size_, live().clone()); }

std::string_view backend_name(Backend backend) noexcept {
  switch (backend) {
    case Backend::automatic: return "automatic";
    case Backend::boringssl: return "boringssl";
    case Backend::sodium: return "sodium";
  }
  return "unknown";
}

}  // namespace nacre
