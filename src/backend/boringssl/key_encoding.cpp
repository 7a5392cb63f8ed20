// BoringSSL adapter for key encodings: PKCS#8, SubjectPublicKeyInfo and PEM.
#include <openssl/bio.h>
#include <openssl/bytestring.h>
#include <openssl/curve25519.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <climits>
#include <string>

#include "check.hpp"
#include "evp_key.hpp"

namespace nacre::detail {

void EvpKeyDeleter::operator()(const EvpKey *key) const noexcept {
  std::unique_ptr<const EvpKey> owned(key);  // EvpKey is complete only here
}

namespace bssl {
namespace {

constexpr std::size_t kRawSize = 32;  // X25519 keys, Ed25519 seeds and public keys

bool is_space(std::uint8_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// A buffer BoringSSL allocated for us that may hold key material: wiped, then freed.
struct Owned {
  std::uint8_t *data = nullptr;
  std::size_t len = 0;
  Owned() = default;
  Owned(const Owned &) = delete;
  Owned &operator=(const Owned &) = delete;
  ~Owned() {
    if (data != nullptr) OPENSSL_cleanse(data, len);
    OPENSSL_free(data);
  }
  ByteView view() const noexcept { return {data, len}; }
};

void finish(CBB *cbb, Owned &out) { check(CBB_finish(cbb, &out.data, &out.len), "CBB finish"); }

// EVP_parse_* leaves its reasons on the error queue: an algorithm or curve BoringSSL does not
// know (after a well-formed outer structure) is unsupported, anything else is malformed.
[[noreturn]] void parse_failed(const CBS &rest) {
  bool unknown = false;
  while (const std::uint32_t e = ERR_get_error()) {
    const int lib = ERR_GET_LIB(e);
    const int reason = ERR_GET_REASON(e);
    unknown = unknown || (lib == ERR_LIB_EVP && reason == EVP_R_UNSUPPORTED_ALGORITHM) ||
              (lib == ERR_LIB_EC && reason == EC_R_UNKNOWN_GROUP);
  }
  if (unknown && CBS_len(&rest) == 0) fail(Status::unsupported, "key algorithm or curve");
  fail(Status::invalid_key, "malformed key encoding");
}

// What a PEM label found in place of the expected one holds, and how nacre reads it.
std::string pem_hint(std::string_view found) {
  struct Hint {
    std::string_view label, what;
  };
  static constexpr Hint hints[] = {
      {"PRIVATE KEY", " (PKCS#8: the PKCS#8 PEM format)"},
      {"PUBLIC KEY", " (SubjectPublicKeyInfo: the SPKI PEM format)"},
      {"RSA PRIVATE KEY", " (PKCS#1: the PKCS#1 private PEM format)"},
      {"RSA PUBLIC KEY", " (PKCS#1: the PKCS#1 public PEM format)"},
      {"EC PRIVATE KEY", " (SEC1: the SEC1 private PEM format)"},
      {"ENCRYPTED PRIVATE KEY", " (encrypted PKCS#8: import it with its password)"},
      {"OPENSSH PRIVATE KEY", " (OpenSSH's own format, not read: ssh-keygen -p -m PKCS8 converts it)"},
      {"CERTIFICATE", " (a certificate, not a key)"},
  };
  for (const Hint &h : hints) {
    if (h.label == found) return std::string(h.what);
  }
  return "";
}

KeyParts raw_parts(const EVP_PKEY *pkey, KeyType type, bool has_private) {
  KeyParts parts;
  parts.type = type;
  parts.has_private = has_private;
  parts.bits = 255;
  parts.pub.resize(kRawSize);
  std::size_t len = kRawSize;
  if (has_private) {
    // X25519: the scalar; Ed25519: the RFC 8032 seed, to which KeyParts appends the public key.
    SecretBytes raw(kRawSize);
    if (EVP_PKEY_get_raw_private_key(pkey, raw.data(), &len) != 1 || len != kRawSize) {
      fail(Status::invalid_key, "raw private key");
    }
    if (type == KeyType::x25519) {
      X25519_public_from_private(parts.pub.data(), raw.data());
      parts.priv = std::move(raw);
      return parts;
    }
    parts.priv = SecretBytes(2 * kRawSize);
    std::copy(raw.view().begin(), raw.view().end(), parts.priv.data());
  }
  len = kRawSize;
  if (EVP_PKEY_get_raw_public_key(pkey, parts.pub.data(), &len) != 1 || len != kRawSize) {
    fail(Status::invalid_key, "raw public key");
  }
  if (has_private) {
    const auto pub_part = parts.priv.mutable_view().subspan(kRawSize);
    std::copy(parts.pub.begin(), parts.pub.end(), pub_part.begin());
  }
  return parts;
}

KeyParts parts_of(::bssl::UniquePtr<EVP_PKEY> pkey, bool has_private) {
  switch (EVP_PKEY_id(pkey.get())) {
    case EVP_PKEY_X25519: return raw_parts(pkey.get(), KeyType::x25519, has_private);
    case EVP_PKEY_ED25519: return raw_parts(pkey.get(), KeyType::ed25519, has_private);
    case EVP_PKEY_EC:
    case EVP_PKEY_RSA: return evp_parts(std::move(pkey), has_private);
    default: fail(Status::unsupported, "key algorithm");
  }
}

// X25519 and Ed25519 keys live as raw bytes; BoringSSL encodes them from a temporary EVP_PKEY.
::bssl::UniquePtr<EVP_PKEY> raw_evp(const KeyParts &key, bool private_part) {
  const int id = key.type == KeyType::x25519 ? EVP_PKEY_X25519 : EVP_PKEY_ED25519;
  const std::size_t priv_size = key.type == KeyType::x25519 ? kRawSize : 2 * kRawSize;
  ::bssl::UniquePtr<EVP_PKEY> pkey;
  if (private_part) {
    if (key.priv.size() != priv_size) throw Error(Status::invalid_key, "raw private key size");
    pkey.reset(EVP_PKEY_new_raw_private_key(id, nullptr, key.priv.data(), kRawSize));
  } else {
    if (key.pub.size() != kRawSize) throw Error(Status::invalid_key, "raw public key size");
    pkey.reset(EVP_PKEY_new_raw_public_key(id, nullptr, key.pub.data(), kRawSize));
  }
  if (!pkey) fail(Status::internal, "raw key");
  return pkey;
}

bool is_raw(KeyType type) noexcept { return type == KeyType::x25519 || type == KeyType::ed25519; }

const EVP_PKEY *evp_for_encoding(const KeyParts &key) {
  if (!key_type_is_ec(key.type) && key.type != KeyType::rsa) {
    throw Error(Status::unsupported, "key type has no PKCS#8/SPKI encoding");
  }
  if (!key.evp || !key.evp->pkey) throw Error(Status::invalid_key, "key without EVP_PKEY");
  return key.evp->pkey.get();
}

constexpr unsigned kContext0 = CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0;

// BoringSSL reads PKCS#8 leniently where RFC 5208, 5480 and 5915 are strict: it skips anything
// after the private key, takes explicit curve parameters that match a named curve, and takes EC
// scalars shorter than the curve. nacre gives each key one encoding, so those are malformed.
void check_pkcs8_strict(ByteView der, KeyType type) {
  CBS in, info, alg, oid, key;
  std::uint64_t version = 0;
  CBS_init(&in, der.data(), der.size());
  if (!CBS_get_asn1(&in, &info, CBS_ASN1_SEQUENCE) || CBS_len(&in) != 0 ||
      !CBS_get_asn1_uint64(&info, &version) || version != 0 ||
      !CBS_get_asn1(&info, &alg, CBS_ASN1_SEQUENCE) || !CBS_get_asn1(&alg, &oid, CBS_ASN1_OBJECT) ||
      !CBS_get_asn1(&info, &key, CBS_ASN1_OCTETSTRING) ||
      !CBS_get_optional_asn1(&info, nullptr, nullptr, kContext0) || CBS_len(&info) != 0) {
    fail(Status::invalid_key, "PKCS#8 has extra or misplaced elements");
  }
  if (!key_type_is_ec(type)) return;
  CBS curve, ec, scalar, params;
  std::uint64_t ec_version = 0;
  int has_params = 0;
  if (!CBS_get_asn1(&alg, &curve, CBS_ASN1_OBJECT) || CBS_len(&alg) != 0) {
    fail(Status::invalid_key, "EC key without a named curve");
  }
  if (!CBS_get_asn1(&key, &ec, CBS_ASN1_SEQUENCE) || CBS_len(&key) != 0 ||
      !CBS_get_asn1_uint64(&ec, &ec_version) || ec_version != 1 ||
      !CBS_get_asn1(&ec, &scalar, CBS_ASN1_OCTETSTRING) || CBS_len(&scalar) != curve_size(type) ||
      !CBS_get_optional_asn1(&ec, &params, &has_params, kContext0)) {
    fail(Status::invalid_key, "EC private key is not an RFC 5915 ECPrivateKey of the curve's size");
  }
  CBS params_oid;
  if (has_params && (!CBS_get_asn1(&params, &params_oid, CBS_ASN1_OBJECT) || CBS_len(&params) != 0 ||
                     !CBS_mem_equal(&params_oid, CBS_data(&curve), CBS_len(&curve)))) {
    fail(Status::invalid_key, "EC private key parameters are not the named curve");
  }
}

}  // namespace

void fail(Status status, const char *what) {
  ERR_clear_error();
  throw Error(status, what);
}

EvpKeyRef wrap(::bssl::UniquePtr<EVP_PKEY> pkey) {
  return std::make_shared<EvpKey>(EvpKey{std::move(pkey)});
}

Bytes cbb_to_bytes(CBB *cbb) {
  Owned out;
  finish(cbb, out);
  return Bytes(out.view().begin(), out.view().end());
}

SecretBytes cbb_to_secret(CBB *cbb) {
  Owned out;
  finish(cbb, out);
  return SecretBytes::copy_of(out.view());
}

KeyParts parse_pkcs8(ByteView der) {
  CBS cbs;
  CBS_init(&cbs, der.data(), der.size());
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_parse_private_key(&cbs));
  if (!pkey) parse_failed(cbs);
  // EVP_parse_private_key stops after the PrivateKeyInfo (whose attributes it ignores).
  if (CBS_len(&cbs) != 0) fail(Status::invalid_key, "trailing bytes after PKCS#8");
  KeyParts parts = parts_of(std::move(pkey), true);
  check_pkcs8_strict(der, parts.type);
  return parts;
}

KeyParts parse_spki(ByteView der) {
  CBS cbs;
  CBS_init(&cbs, der.data(), der.size());
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_parse_public_key(&cbs));
  if (!pkey) parse_failed(cbs);
  if (CBS_len(&cbs) != 0) fail(Status::invalid_key, "trailing bytes after SPKI");
  return parts_of(std::move(pkey), false);
}

SecretBytes pkcs8(const KeyParts &key) {
  if (!key.has_private) throw Error(Status::invalid_argument, "PKCS#8 needs a private key");
  ::bssl::UniquePtr<EVP_PKEY> raw;
  const EVP_PKEY *pkey = nullptr;
  if (is_raw(key.type)) {
    raw = raw_evp(key, true);
    pkey = raw.get();
  } else {
    pkey = evp_for_encoding(key);
  }
  ::bssl::ScopedCBB cbb;
  if (!CBB_init(cbb.get(), 0) || !EVP_marshal_private_key(cbb.get(), pkey)) {
    fail(Status::internal, "PKCS#8 encoding");
  }
  return cbb_to_secret(cbb.get());
}

Bytes spki(const KeyParts &key) {
  ::bssl::UniquePtr<EVP_PKEY> raw;
  const EVP_PKEY *pkey = nullptr;
  if (is_raw(key.type)) {
    raw = raw_evp(key, false);
    pkey = raw.get();
  } else {
    pkey = evp_for_encoding(key);
  }
  ::bssl::ScopedCBB cbb;
  if (!CBB_init(cbb.get(), 0) || !EVP_marshal_public_key(cbb.get(), pkey)) {
    fail(Status::internal, "SPKI encoding");
  }
  return cbb_to_bytes(cbb.get());
}

EvpKeyRef public_only(const KeyParts &key) {
  if (is_raw(key.type)) return {};  // their public part is |pub|
  if (!key.has_private) return key.evp;  // immutable, so shared
  ::bssl::UniquePtr<EVP_PKEY> pkey(EVP_PKEY_new());
  if (!pkey) fail(Status::out_of_memory, "EVP_PKEY");
  if (key.type == KeyType::rsa) {
    const ::bssl::UniquePtr<RSA> rsa(RSAPublicKey_dup(rsa_of(key)));
    if (!rsa || !EVP_PKEY_set1_RSA(pkey.get(), rsa.get())) fail(Status::internal, "RSA copy");
    return wrap(std::move(pkey));
  }
  const EC_KEY *ec = ec_of(key);
  const ::bssl::UniquePtr<EC_KEY> pub(EC_KEY_new());
  if (!pub || !EC_KEY_set_group(pub.get(), EC_KEY_get0_group(ec)) ||
      !EC_KEY_set_public_key(pub.get(), EC_KEY_get0_public_key(ec)) ||
      !EVP_PKEY_set1_EC_KEY(pkey.get(), pub.get())) {
    fail(Status::internal, "EC copy");
  }
  return wrap(std::move(pkey));
}

SecretBytes pem_decode(ByteView pem, std::string_view label) {
  // PEM_read_bio skips any text before a BEGIN line, reads lines as C strings and takes what
  // precedes a blank line as headers: so the frame is checked here, and its verdict on the rest.
  const bool text = std::all_of(pem.begin(), pem.end(), [](std::uint8_t c) {
    return is_space(c) || (c >= 0x20 && c <= 0x7e);
  });
  if (!text) throw Error(Status::invalid_key, "PEM: not ASCII text");
  const auto first = std::find_if_not(pem.begin(), pem.end(), is_space);
  const ByteView body(first, pem.end());
  auto line_end = std::find(body.begin(), body.end(), std::uint8_t{'\n'});
  while (line_end != body.begin() && is_space(*(line_end - 1))) --line_end;
  const std::string begin = "-----BEGIN " + std::string(label) + "-----";
  if (!std::equal(body.begin(), line_end, begin.begin(), begin.end())) {
    const std::string_view line(reinterpret_cast<const char *>(body.data()),
                                static_cast<std::size_t>(line_end - body.begin()));
    constexpr std::string_view open = "-----BEGIN ", close = "-----";
    if (line.size() <= open.size() + close.size() || line.substr(0, open.size()) != open ||
        line.substr(line.size() - close.size()) != close) {
      throw Error(Status::invalid_key, "PEM: no BEGIN line");
    }
    const std::string found(line.substr(open.size(), line.size() - open.size() - close.size()));
    throw Error(Status::invalid_key, "PEM: the block is '" + found + "'" + pem_hint(found) + "; this format reads '" +
                                         std::string(label) + "'");
  }
  if (body.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(Status::invalid_key, "PEM: too large");
  }

  ::bssl::UniquePtr<BIO> bio(BIO_new_mem_buf(body.data(), static_cast<int>(body.size())));
  if (!bio) fail(Status::out_of_memory, "PEM buffer");
  char *name = nullptr;
  char *header = nullptr;
  Owned der;  // the decoded DER: a private key, for PKCS#8
  long len = 0;
  const int ok = PEM_read_bio(bio.get(), &name, &header, &der.data, &len);
  const ::bssl::UniquePtr<char> name_owner(name);
  const ::bssl::UniquePtr<char> header_owner(header);
  if (ok != 1 || len <= 0) fail(Status::invalid_key, "PEM: malformed");
  der.len = static_cast<std::size_t>(len);
  if (std::string_view(name) != label) fail(Status::invalid_key, "PEM: unexpected label");
  if (*header != '\0') {
    fail(Status::unsupported,
         "PEM: legacy OpenSSL encryption (Proc-Type/DEK-Info headers) is not read; re-encrypt as PKCS#8 "
         "(openssl pkcs8 -topk8 -v2 aes-256-cbc)");
  }
  const std::uint8_t *rest = nullptr;
  std::size_t rest_len = 0;
  if (BIO_mem_contents(bio.get(), &rest, &rest_len) != 1) fail(Status::internal, "PEM buffer");
  const ByteView tail(rest, rest_len);
  if (!std::all_of(tail.begin(), tail.end(), is_space)) {
    fail(Status::invalid_key, "PEM: text after the END line");
  }
  return SecretBytes::copy_of(der.view());
}

SecretBytes pem_encode(ByteView der, std::string_view label) {
  // PEM_write_bio counts its output in int; keys are a few kilobytes.
  constexpr std::size_t kMaxDer = std::size_t{1} << 26;
  if (der.empty() || der.size() > kMaxDer) throw Error(Status::invalid_argument, "PEM input size");
  ::bssl::UniquePtr<BIO> bio(BIO_new(BIO_s_mem()));
  if (!bio) fail(Status::out_of_memory, "PEM buffer");
  const std::string name(label);
  if (PEM_write_bio(bio.get(), name.c_str(), "", der.data(), static_cast<long>(der.size())) <= 0) {
    fail(Status::internal, "PEM encoding");
  }
  char *contents = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &contents);
  if (n <= 0 || contents == nullptr) fail(Status::internal, "PEM buffer");
  const auto size = static_cast<std::size_t>(n);
  SecretBytes out = SecretBytes::copy_of({reinterpret_cast<const std::uint8_t *>(contents), size});
  OPENSSL_cleanse(contents, size);
  return out;
}

}  // namespace bssl
}  // namespace nacre::detail
