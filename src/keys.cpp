// Key pairs and public keys: which backend builds, parses and encodes each key type.
#include "nacre/keys.hpp"

#include <array>
#include <string>

#include "backend/pkey_adapters.hpp"
#include "nacre/hash.hpp"
#include "table.hpp"

namespace nacre {

using detail::KeyParts;

namespace {

constexpr KeyTypeInfo kTypes[] = {
    {KeyType::x25519, "x25519", 255, 32, 32},
    {KeyType::ed25519, "ed25519", 255, 32, 32},
    {KeyType::p256, "p256", 256, 32, 65},
    {KeyType::p384, "p384", 384, 48, 97},
    {KeyType::rsa, "rsa", 0, 0, 0},
    {KeyType::mlkem768, "ml-kem-768", 768, 64, 1184},
    {KeyType::xwing, "x-wing", 768, 32, 1216},
    {KeyType::p521, "p521", 521, 66, 133},
};
static_assert(in_enum_order(kTypes), "kTypes must list KeyType in order from 1");

// FIPS 203: dk = dk_pke (1152) || ek (1184) || H(ek) (32) || z (32).
constexpr std::size_t kMlkemExpanded = 2400;
constexpr std::size_t kMlkemEkOffset = 1152;
constexpr std::size_t kMlkemHashOffset = 1152 + 1184;

const KeyTypeInfo &facts(KeyType type) { return key_type_info(type); }

bool is_ec(KeyType t) noexcept { return key_type_is_ec(t); }
bool is_kem(KeyType t) noexcept { return t == KeyType::mlkem768 || t == KeyType::xwing; }
bool has_der(KeyType t) noexcept { return !is_kem(t); }

[[noreturn]] void bad_key(const char *what) { throw Error(Status::invalid_key, what); }
[[noreturn]] void no_format() { throw Error(Status::unsupported, "this key type has no such encoding"); }

Key share(KeyParts &&parts) { return Key(std::make_shared<const KeyParts>(std::move(parts))); }

// |what| names the encoding ("raw public key"); the message adds the type and both lengths.
void require_len(ByteView in, std::size_t n, KeyType type, const char *what) {
  if (in.size() != n) {
    throw_size_error(Status::invalid_key, (std::string(facts(type).name) + " " + what).c_str(), n, in.size());
  }
}

KeyParts from_raw_private(KeyType type, ByteView in) {
  const KeyTypeInfo &f = facts(type);
  if (f.raw_private_size == 0) no_format();
  require_len(in, f.raw_private_size, type, "raw private key");
  if (is_ec(type)) return detail::bssl::ec_from_scalar(type, in);
  KeyParts k;
  k.type = type;
  k.bits = f.bits;
  k.has_private = true;
  k.pub.resize(f.raw_public_size);
  switch (type) {
    case KeyType::x25519:
      k.priv = SecretBytes::copy_of(in);
      detail::sodium::x25519_public(in, k.pub);
      break;
    case KeyType::ed25519:
      detail::sodium::ed25519_public_from_seed(in, k.pub);
      k.priv = SecretBytes(64);
      std::copy(in.begin(), in.end(), k.priv.data());
      std::copy(k.pub.begin(), k.pub.end(), k.priv.data() + 32);
      break;
    default: {  // the KEMs: a seed
      const bool mlkem = type == KeyType::mlkem768;
      k.priv = SecretBytes(mlkem ? kMlkemExpanded : in.size());
      detail::sodium::kem_keypair(type, k.pub, k.priv.mutable_view(), in);
      if (mlkem) k.seed = SecretBytes::copy_of(in);
    }
  }
  return k;
}

KeyParts from_raw_public(KeyType type, ByteView in) {
  const KeyTypeInfo &f = facts(type);
  if (f.raw_public_size == 0) no_format();
  if (is_ec(type)) {
    require_len(in, f.raw_public_size, type, "raw public key");
    return detail::bssl::ec_from_point(type, in);
  }
  require_len(in, f.raw_public_size, type, "raw public key");
  if (is_kem(type) && !detail::sodium::kem_valid_public_key(type, in)) {
    bad_key("KEM public key fails its encoding check (FIPS 203 7.2 or a small-order X25519 part)");
  }
  KeyParts k;
  k.type = type;
  k.bits = f.bits;
  k.pub.assign(in.begin(), in.end());
  return k;
}

KeyParts from_mlkem_expanded(KeyType type, ByteView in) {
  if (type != KeyType::mlkem768) no_format();
  require_len(in, kMlkemExpanded, type, "expanded private key");
  const ByteView ek = in.subspan(kMlkemEkOffset, 1184);
  const Bytes h = hash(HashAlg::sha3_256, ek);
  if (!constant_time_equal(h, in.subspan(kMlkemHashOffset, 32))) {
    bad_key("ML-KEM decapsulation key fails its hash check");
  }
  if (!detail::sodium::kem_valid_public_key(type, ek)) bad_key("ML-KEM embedded encapsulation key is malformed");
  KeyParts k;
  k.type = type;
  k.bits = 768;
  k.has_private = true;
  k.pub.assign(ek.begin(), ek.end());
  k.priv = SecretBytes::copy_of(in);
  return k;
}

// Checks that apply whatever encoding a key came from. RSA keys below 2048 bits come in only
// through import_legacy_rsa_public (|legacy_rsa|).
void validate(const KeyParts &k, bool legacy_rsa = false) {
  if (k.type == KeyType::rsa && k.bits < 2048 && !legacy_rsa) {
    throw Error(Status::invalid_key, "an RSA key of " + std::to_string(k.bits) +
                                         " bits: nacre takes 2048 to 4096 bits, a multiple of 8 (below 2048, "
                                         "factoring is within reach); import_legacy_rsa_public takes 1024 to 2047 "
                                         "bits, public keys only, for verifying old signatures");
  }
  if (k.type == KeyType::ed25519 && !detail::sodium::ed25519_valid_public_key(k.pub)) {
    bad_key("Ed25519 public key is not a canonical point of prime order");
  }
}

// The DER form of a PEM format and its label ("PRIVATE KEY", ...); nullptr for DER formats.
const char *pem_label(KeyFormat f) noexcept {
  switch (f) {
    case KeyFormat::pkcs8_pem: return "PRIVATE KEY";
    case KeyFormat::spki_pem: return "PUBLIC KEY";
    case KeyFormat::pkcs1_private_pem: return "RSA PRIVATE KEY";
    case KeyFormat::sec1_private_pem: return "EC PRIVATE KEY";
    case KeyFormat::pkcs1_public_pem: return "RSA PUBLIC KEY";
    case KeyFormat::encrypted_pkcs8_pem: return "ENCRYPTED PRIVATE KEY";
    default: return nullptr;
  }
}

KeyFormat der_of(KeyFormat f) noexcept {
  switch (f) {
    case KeyFormat::pkcs8_pem: return KeyFormat::pkcs8_der;
    case KeyFormat::spki_pem: return KeyFormat::spki_der;
    case KeyFormat::pkcs1_private_pem: return KeyFormat::pkcs1_private_der;
    case KeyFormat::sec1_private_pem: return KeyFormat::sec1_private_der;
    case KeyFormat::pkcs1_public_pem: return KeyFormat::pkcs1_public_der;
    case KeyFormat::encrypted_pkcs8_pem: return KeyFormat::encrypted_pkcs8_der;
    default: return f;
  }
}

bool is_encrypted(KeyFormat f) noexcept {
  return f == KeyFormat::encrypted_pkcs8_der || f == KeyFormat::encrypted_pkcs8_pem;
}

// Which key types an encoding holds: PKCS#8/SPKI all but the KEMs, the others one family.
bool format_holds(KeyFormat der, KeyType t) noexcept {
  switch (der) {
    case KeyFormat::pkcs1_private_der:
    case KeyFormat::pkcs1_public_der: return t == KeyType::rsa;
    case KeyFormat::sec1_private_der: return key_type_is_ec(t);
    default: return has_der(t);
  }
}

// Parses a DER or PEM encoding (the PEM block's label checked first); |password| for encrypted
// PKCS#8 only.
KeyParts parse_der(KeyFormat format, ByteView in, ByteView password = {}) {
  SecretBytes decoded;
  if (const char *label = pem_label(format)) {
    decoded = detail::bssl::pem_decode(in, label);
    in = decoded.view();
  }
  switch (der_of(format)) {
    case KeyFormat::pkcs8_der: return detail::bssl::parse_pkcs8(in);
    case KeyFormat::spki_der: return detail::bssl::parse_spki(in);
    case KeyFormat::pkcs1_private_der: return detail::bssl::parse_pkcs1_private(in);
    case KeyFormat::sec1_private_der: return detail::bssl::parse_sec1_private(in);
    case KeyFormat::pkcs1_public_der: return detail::bssl::parse_pkcs1_public(in);
    case KeyFormat::encrypted_pkcs8_der: return detail::bssl::parse_encrypted_pkcs8(in, password);
    default: throw Error(Status::unsupported, "unknown key format");
  }
}

SecretBytes pem_or_der(KeyFormat format, SecretBytes der) {
  const char *label = pem_label(format);
  return label != nullptr ? detail::bssl::pem_encode(der.view(), label) : std::move(der);
}

Bytes to_bytes(const SecretBytes &s) { return Bytes(s.view().begin(), s.view().end()); }

}  // namespace

std::span<const KeyTypeInfo> key_types() noexcept { return kTypes; }

const KeyTypeInfo &key_type_info(KeyType type) { return detail::entry(key_types(), type, "unknown key type"); }

std::optional<KeyType> key_type_from_name(std::string_view name) noexcept {
  return descriptor_from_name(key_types(), name);
}

bool key_type_is_ec(KeyType type) noexcept {
  return type == KeyType::p256 || type == KeyType::p384 || type == KeyType::p521;
}

bool is_private_format(KeyFormat format) noexcept {
  switch (format) {
    case KeyFormat::raw_private:
    case KeyFormat::pkcs8_der:
    case KeyFormat::pkcs8_pem:
    case KeyFormat::mlkem_expanded_private:
    case KeyFormat::pkcs1_private_der:
    case KeyFormat::pkcs1_private_pem:
    case KeyFormat::sec1_private_der:
    case KeyFormat::sec1_private_pem:
    case KeyFormat::encrypted_pkcs8_der:
    case KeyFormat::encrypted_pkcs8_pem: return true;
    default: return false;
  }
}

Key Key::generate(KeyType type, std::size_t rsa_bits) {
  const KeyTypeInfo &f = facts(type);
  if ((type == KeyType::rsa) != (rsa_bits != 0)) {
    throw Error(Status::invalid_argument, "RSA needs a size in bits; other key types take none");
  }
  if (type == KeyType::rsa) return share(detail::bssl::rsa_generate(rsa_bits));
  if (is_ec(type)) return share(detail::bssl::ec_generate(type));
  return share(from_raw_private(type, SecretBytes::random(f.raw_private_size).view()));
}

Key Key::import(KeyFormat format, ByteView in, std::optional<KeyType> type) {
  KeyParts k;
  switch (format) {
    case KeyFormat::raw_private:
    case KeyFormat::raw_public:
    case KeyFormat::sec1_uncompressed:
    case KeyFormat::sec1_compressed:
    case KeyFormat::mlkem_expanded_private: {
      if (!type) throw Error(Status::invalid_argument, "raw and SEC1 encodings need a key type");
      facts(*type);
      if (format == KeyFormat::raw_private) {
        k = from_raw_private(*type, in);
      } else if (format == KeyFormat::raw_public) {
        k = from_raw_public(*type, in);
      } else if (format == KeyFormat::mlkem_expanded_private) {
        k = from_mlkem_expanded(*type, in);
      } else {
        if (!is_ec(*type)) no_format();
        const bool compressed = format == KeyFormat::sec1_compressed;
        const std::size_t n = facts(*type).raw_private_size;
        require_len(in, compressed ? n + 1 : 2 * n + 1, *type,
                    compressed ? "SEC1 compressed point" : "SEC1 uncompressed point");
        k = detail::bssl::ec_from_point(*type, in);
      }
      break;
    }
    default:
      if (static_cast<int>(format) < 1 || format > kLastKeyFormat) throw Error(Status::unsupported, "unknown key format");
      if (is_encrypted(format)) {
        throw Error(Status::invalid_argument, "an encrypted PKCS#8 key needs its password (import_encrypted)");
      }
      if (type) {
        facts(*type);
        if (!format_holds(der_of(format), *type)) no_format();
      }
      try {
        k = parse_der(format, in);
      } catch (const Error &e) {
        // With a type named, a key of an algorithm nacre lacks is simply not that type.
        if (type && e.status() == Status::unsupported) bad_key("encoded key is of another type");
        throw;
      }
      if (type && k.type != *type) bad_key("encoded key is of another type");
  }
  validate(k);
  return share(std::move(k));
}

Key Key::import_legacy_rsa_public(KeyFormat format, ByteView in) {
  if (format != KeyFormat::spki_der && format != KeyFormat::spki_pem && format != KeyFormat::pkcs1_public_der &&
      format != KeyFormat::pkcs1_public_pem) {
    throw Error(Status::invalid_argument, "legacy RSA keys are imported from public encodings only (SPKI, PKCS#1)");
  }
  KeyParts k = parse_der(format, in);
  if (k.type != KeyType::rsa) bad_key("encoded key is of another type");
  validate(k, true);
  return share(std::move(k));
}

Key Key::import_encrypted(KeyFormat format, ByteView in, ByteView password, std::optional<KeyType> type) {
  if (!is_encrypted(format)) throw Error(Status::invalid_argument, "import_encrypted reads encrypted PKCS#8 only");
  if (type) facts(*type);
  KeyParts k = parse_der(format, in, password);
  if (type && k.type != *type) bad_key("encoded key is of another type");
  validate(k);
  return share(std::move(k));
}

namespace {
SecretBytes encrypt_pkcs8(const KeyParts &k, KeyFormat format, ByteView password, std::uint32_t iterations,
                          bool size_only) {
  if (!is_encrypted(format)) throw Error(Status::invalid_argument, "export_encrypted writes encrypted PKCS#8 only");
  if (!k.has_private) throw Error(Status::invalid_argument, "a public key has no private part");
  if (!has_der(k.type)) no_format();
  const SecretBytes salt = SecretBytes::random(detail::bssl::pbes2_salt_size);
  const SecretBytes iv = SecretBytes::random(16);
  SecretBytes der = detail::bssl::encrypted_pkcs8(detail::bssl::pkcs8(k).view(), password,
                                                  iterations == 0 ? kDefaultPbkdf2Iterations : iterations, salt.view(),
                                                  iv.view(), size_only);
  return pem_or_der(format, std::move(der));
}
}  // namespace

SecretBytes Key::export_encrypted(KeyFormat format, ByteView password, std::uint32_t iterations) const {
  return encrypt_pkcs8(*parts_, format, password, iterations, false);
}

std::size_t Key::export_encrypted_size(KeyFormat format, std::uint32_t iterations) const {
  return encrypt_pkcs8(*parts_, format, {}, iterations, true).size();
}

Bytes Key::export_public(KeyFormat format) const {
  const KeyParts &k = *parts_;
  switch (format) {
    case KeyFormat::pkcs1_public_der:
    case KeyFormat::pkcs1_public_pem:
      if (k.type != KeyType::rsa) no_format();
      return format == KeyFormat::pkcs1_public_der
                 ? detail::bssl::pkcs1_public(k)
                 : to_bytes(detail::bssl::pem_encode(detail::bssl::pkcs1_public(k), "RSA PUBLIC KEY"));
    case KeyFormat::raw_public:
      if (k.type == KeyType::rsa) no_format();
      return k.pub;
    case KeyFormat::spki_der:
      if (!has_der(k.type)) no_format();
      return detail::bssl::spki(k);
    case KeyFormat::spki_pem:
      if (!has_der(k.type)) no_format();
      return to_bytes(detail::bssl::pem_encode(detail::bssl::spki(k), "PUBLIC KEY"));
    case KeyFormat::sec1_uncompressed:
    case KeyFormat::sec1_compressed:
      if (!is_ec(k.type)) no_format();
      return detail::bssl::ec_point(k, format == KeyFormat::sec1_compressed);
    default:
      if (is_private_format(format)) {
        throw Error(Status::invalid_argument, "a private encoding is not a public export");
      }
      throw Error(Status::unsupported, "unknown key format");
  }
}

SecretBytes Key::export_private(KeyFormat format) const {
  const KeyParts &k = *parts_;
  if (!is_private_format(format)) {
    if (static_cast<int>(format) >= 1 && format <= kLastKeyFormat) {
      throw Error(Status::invalid_argument, "a public encoding is not a private export");
    }
    throw Error(Status::unsupported, "unknown key format");
  }
  if (!k.has_private) throw Error(Status::invalid_argument, "a public key has no private part");
  switch (format) {
    case KeyFormat::pkcs1_private_der:
    case KeyFormat::pkcs1_private_pem:
      if (k.type != KeyType::rsa) no_format();
      return pem_or_der(format, detail::bssl::pkcs1_private(k));
    case KeyFormat::sec1_private_der:
    case KeyFormat::sec1_private_pem:
      if (!is_ec(k.type)) no_format();
      return pem_or_der(format, detail::bssl::sec1_private(k));
    case KeyFormat::encrypted_pkcs8_der:
    case KeyFormat::encrypted_pkcs8_pem:
      throw Error(Status::invalid_argument, "an encrypted PKCS#8 export needs a password (export_encrypted)");
    case KeyFormat::raw_private:
      switch (k.type) {
        case KeyType::x25519:
        case KeyType::xwing: return k.priv.clone();
        case KeyType::ed25519: return SecretBytes::copy_of(k.priv.view().first(32));
        case KeyType::mlkem768:
          if (k.seed.empty()) throw Error(Status::unsupported, "key was imported without its seed");
          return k.seed.clone();
        case KeyType::rsa: no_format();
        default: return detail::bssl::ec_scalar(k);
      }
    case KeyFormat::mlkem_expanded_private:
      if (k.type != KeyType::mlkem768) no_format();
      return k.priv.clone();
    case KeyFormat::pkcs8_der:
      if (!has_der(k.type)) no_format();
      return detail::bssl::pkcs8(k);
    default:  // pkcs8_pem
      if (!has_der(k.type)) no_format();
      return detail::bssl::pem_encode(detail::bssl::pkcs8(k).view(), "PRIVATE KEY");
  }
}

Key Key::public_key() const {
  const KeyParts &k = *parts_;
  KeyParts p;
  p.type = k.type;
  p.bits = k.bits;
  p.pub = k.pub;
  if (k.evp) p.evp = detail::bssl::public_only(k);
  return share(std::move(p));
}

Key Key::to_x25519() const {
  const KeyParts &k = *parts_;
  if (k.type != KeyType::ed25519) throw Error(Status::invalid_key, "only Ed25519 keys convert to X25519");
  if (k.has_private) {
    SecretBytes scalar(32);
    detail::sodium::ed25519_private_to_x25519(k.priv.view(), scalar.mutable_view());
    return share(from_raw_private(KeyType::x25519, scalar.view()));
  }
  KeyParts p;
  p.type = KeyType::x25519;
  p.bits = facts(KeyType::x25519).bits;
  p.pub.resize(32);
  if (!detail::sodium::ed25519_public_to_x25519(k.pub, p.pub)) {
    throw Error(Status::invalid_key, "this Ed25519 point has no X25519 form");
  }
  return share(std::move(p));
}

KeyType Key::type() const noexcept { return parts_->type; }
bool Key::has_private() const noexcept { return parts_->has_private; }
std::size_t Key::bits() const noexcept { return parts_->bits; }

bool operator==(const Key &a, const Key &b) noexcept {
  const KeyParts &x = a.parts();
  const KeyParts &y = b.parts();
  if (x.type != y.type || x.has_private != y.has_private) return false;
  bool same = constant_time_equal(x.pub, y.pub);
  // EC and RSA key pairs were checked on import or generation (d*G is the point; RSA's parts
  // agree), so equal public keys mean the same private key: nothing secret needs comparing.
  if (!x.has_private || x.evp) return same;
  return same & (x.priv == y.priv);  // SecretBytes compare in constant time
}

}  // namespace nacre
