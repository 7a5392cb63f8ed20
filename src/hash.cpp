#include "nacre/hash.hpp"

#include <array>

#include "backend/adapters.hpp"

namespace nacre {
namespace {

struct AlgInfo {
  HashAlg alg;
  std::string_view name;
  std::size_t digest;
  std::size_t block;
  // The default where both backends implement the algorithm: BoringSSL's SHA-2 assembly
  // (SHA-NI/AVX2) measured faster than libsodium's portable C (see the README's table).
  Backend preferred;
};

constexpr std::array<AlgInfo, 9> kAlgs = {{
    {HashAlg::sha256, "sha256", 32, 64, Backend::boringssl},
    {HashAlg::sha384, "sha384", 48, 128, Backend::boringssl},
    {HashAlg::sha512, "sha512", 64, 128, Backend::boringssl},
    {HashAlg::sha512_256, "sha512-256", 32, 128, Backend::boringssl},
    {HashAlg::sha3_256, "sha3-256", 32, 136, Backend::sodium},
    {HashAlg::sha3_512, "sha3-512", 64, 72, Backend::sodium},
    {HashAlg::blake2b, "blake2b", 64, 128, Backend::sodium},
    {HashAlg::shake128, "shake128", 0, 168, Backend::sodium},
    {HashAlg::shake256, "shake256", 0, 136, Backend::sodium},
}};

// kAlgs is in enum order, so a lookup is an index: every call makes several.
constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kAlgs.size(); ++i) {
    if (static_cast<std::size_t>(kAlgs[i].alg) != i + 1) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kAlgs must list HashAlg in order");

const AlgInfo &info(HashAlg alg) {
  const auto i = static_cast<std::size_t>(alg) - 1;
  if (i >= kAlgs.size()) [[unlikely]] throw_error(Status::unsupported, "unknown hash algorithm");
  return kAlgs[i];
}

bool backend_has(HashAlg alg, Backend b) noexcept {
  switch (b) {
    case Backend::boringssl: return detail::bssl::hash_supported(alg);
    case Backend::sodium: return detail::sodium::hash_supported(alg);
    case Backend::automatic: return detail::bssl::hash_supported(alg) ||
                                    detail::sodium::hash_supported(alg);
  }
  return false;
}

Backend resolve(const AlgInfo &a, Backend backend) {
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

std::size_t digest_size(HashAlg alg) { return info(alg).digest; }
std::size_t block_size(HashAlg alg) { return info(alg).block; }
bool is_xof(HashAlg alg) { return info(alg).digest == 0; }
std::string_view hash_name(HashAlg alg) { return info(alg).name; }

std::optional<HashAlg> hash_from_name(std::string_view name) noexcept {
  for (const auto &a : kAlgs) {
    if (a.name == name) return a.alg;
  }
  return std::nullopt;
}

bool is_available(HashAlg alg, Backend backend) noexcept {
  for (const auto &a : kAlgs) {
    if (a.alg == alg) return backend_has(alg, backend);
  }
  return false;
}

Backend resolve_backend(HashAlg alg, Backend backend) { return resolve(info(alg), backend); }

void hash_into(HashAlg alg, ByteView in, MutableByteView out, Backend backend) {
  const AlgInfo &a = info(alg);
  if (a.digest == 0) throw Error(Status::invalid_argument, "an XOF needs an output length");
  require_size(out, a.digest, "digest buffer has the wrong size");
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
  return Hasher(HashAlg::blake2b, Backend::sodium, digest_len,
                detail::sodium::blake2b_state(digest_len, key));
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
  require_size(out, digest_size_, "digest buffer has the wrong size");
  live().finish(out);
}

void Hasher::xof_into(MutableByteView out) const {
  if (!is_xof(alg_)) throw Error(Status::invalid_argument, "not an extendable-output function");
  live().finish(out);
}

Hasher Hasher::copy() const { return Hasher(alg_, backend_, digest_size_, live().clone()); }

std::string_view backend_name(Backend backend) noexcept {
  switch (backend) {
    case Backend::automatic: return "default";
    case Backend::boringssl: return "boringssl";
    case Backend::sodium: return "sodium";
  }
  return "unknown";
}

}  // namespace nacre
