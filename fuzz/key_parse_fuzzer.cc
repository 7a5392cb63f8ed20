// Key import: the first byte picks the key type (0: let PKCS#8/SPKI say) and the format, the rest
// is the encoding. Import never crashes and returns a documented status (UNSUPPORTED exactly for
// a format the named type lacks); an accepted key re-exports in its own format to the same bytes
// (raw and SEC1 exactly; DER up to the options the RFCs allow, see normalize_der; PEM compared
// after decoding its base64), exports in every other format its type has, and each export
// re-imports to an equal key whose own export is a fixed point. nacre_key_public gives the public
// part, equal to the key re-imported from any public encoding.
#include <string>

#include "pk.hpp"

namespace {

using pk::Bytes;

bool is_der_format(int f) { return f >= NACRE_KEY_FORMAT_PKCS8_DER && f <= NACRE_KEY_FORMAT_SPKI_PEM; }
bool is_pem_format(int f) { return f == NACRE_KEY_FORMAT_PKCS8_PEM || f == NACRE_KEY_FORMAT_SPKI_PEM; }
int der_of_pem(int f) { return f == NACRE_KEY_FORMAT_PKCS8_PEM ? NACRE_KEY_FORMAT_PKCS8_DER : NACRE_KEY_FORMAT_SPKI_DER; }

bool is_space(std::uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

int b64_value(std::uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// A strict reading of one PEM block with |label|: BEGIN line, base64 lines, END line, whitespace
// around. False for anything else (BoringSSL's reader is more lenient; such input is not
// compared).
bool pem_to_der(const Bytes &pem, const std::string &label, Bytes &der) {
  std::vector<std::string> lines;
  std::string cur;
  for (std::uint8_t c : pem) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(c));
    }
  }
  lines.push_back(cur);
  auto trim = [](std::string s) {
    while (!s.empty() && is_space(static_cast<std::uint8_t>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && is_space(static_cast<std::uint8_t>(s[i]))) ++i;
    return s.substr(i);
  };
  std::vector<std::string> body;
  for (const auto &l : lines) {
    const std::string t = trim(l);
    if (!t.empty()) body.push_back(t);
  }
  if (body.size() < 3) return false;
  if (body.front() != "-----BEGIN " + label + "-----" || body.back() != "-----END " + label + "-----") return false;
  std::string b64;
  for (std::size_t i = 1; i + 1 < body.size(); ++i) b64 += body[i];
  if (b64.empty() || b64.size() % 4 != 0) return false;
  der.clear();
  for (std::size_t i = 0; i < b64.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int j = 0; j < 4; ++j) {
      const auto c = static_cast<std::uint8_t>(b64[i + j]);
      if (c == '=' && i + 4 == b64.size() && j >= 2) {
        v[j] = 0;
        ++pad;
      } else {
        if (pad != 0) return false;  // data after padding
        v[j] = b64_value(c);
        if (v[j] < 0) return false;
      }
    }
    const std::uint32_t n = (static_cast<std::uint32_t>(v[0]) << 18) | (static_cast<std::uint32_t>(v[1]) << 12) |
                            (static_cast<std::uint32_t>(v[2]) << 6) | static_cast<std::uint32_t>(v[3]);
    der.push_back(static_cast<std::uint8_t>(n >> 16));
    if (pad < 2) der.push_back(static_cast<std::uint8_t>(n >> 8));
    if (pad < 1) der.push_back(static_cast<std::uint8_t>(n));
  }
  return true;
}

// --- The encodings RFC 5915/5958/5480 allow besides nacre's (BoringSSL's) own, which an import
// accepts and an export does not reproduce: PKCS#8 attributes, the curve repeated inside an
// ECPrivateKey, its public key absent or compressed, a compressed point in an EC
// SubjectPublicKeyInfo. normalize_der maps those to
// nacre's form, so that every other difference between an accepted input and its export is a
// finding: an input nacre should have refused as malformed, or an export that lost something.

struct Tlv {
  std::uint8_t tag = 0;
  const std::uint8_t *start = nullptr;  // the whole element
  std::size_t size = 0;
  const std::uint8_t *body = nullptr;  // its contents
  std::size_t len = 0;
  Bytes bytes() const { return Bytes(start, start + size); }
  Bytes content() const { return Bytes(body, body + len); }
};

// One DER element (single-byte tag, minimal definite length up to 0xffff) from [p, end).
bool read_tlv(const std::uint8_t *&p, const std::uint8_t *end, Tlv &t) {
  if (end - p < 2) return false;
  t.start = p;
  t.tag = p[0];
  std::size_t len = p[1], hdr = 2;
  if (len == 0x81) {
    if (end - p < 3 || p[2] < 0x80) return false;
    len = p[2];
    hdr = 3;
  } else if (len == 0x82) {
    if (end - p < 4 || p[2] == 0) return false;
    len = (static_cast<std::size_t>(p[2]) << 8) | p[3];
    hdr = 4;
  } else if (len >= 0x80) {
    return false;
  }
  if (static_cast<std::size_t>(end - p) - hdr < len) return false;
  t.body = p + hdr;
  t.len = len;
  t.size = hdr + len;
  p += t.size;
  return true;
}

// The elements inside a constructed element.
bool children(const Tlv &t, std::vector<Tlv> &out) {
  out.clear();
  const std::uint8_t *p = t.body, *end = t.body + t.len;
  while (p != end) {
    Tlv c;
    if (!read_tlv(p, end, c)) return false;
    out.push_back(c);
  }
  return true;
}

bool whole(const Bytes &der, Tlv &t) {
  const std::uint8_t *p = der.data();
  return !der.empty() && read_tlv(p, der.data() + der.size(), t) && p == der.data() + der.size();
}

Bytes encode(std::uint8_t tag, const Bytes &body) {
  const std::size_t n = body.size();
  Bytes out;
  out.reserve(n + 4);
  out.push_back(tag);
  if (n >= 0x100) {
    out.push_back(0x82);
    out.push_back(static_cast<std::uint8_t>(n >> 8));
  } else if (n >= 0x80) {
    out.push_back(0x81);
  }
  out.push_back(static_cast<std::uint8_t>(n));
  for (std::uint8_t b : body) out.push_back(b);
  return out;
}

Bytes concat(const std::vector<Tlv> &items) {
  Bytes out;
  for (const auto &t : items) {
    const Bytes b = t.bytes();
    out.insert(out.end(), b.begin(), b.end());
  }
  return out;
}

const Bytes kEcPublicKeyOid = {0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};

// The curve OID element of an id-ecPublicKey AlgorithmIdentifier; empty for anything else.
Bytes ec_curve(const Tlv &alg) {
  std::vector<Tlv> a;
  if (alg.tag != 0x30 || !children(alg, a) || a.size() != 2 || a[0].bytes() != kEcPublicKeyOid) return {};
  return a[1].bytes();
}

Bytes normalize_der(const nacre_key *k, int der_format, const Bytes &in) {
  Tlv outer;
  std::vector<Tlv> c;
  if (!whole(in, outer) || outer.tag != 0x30 || !children(outer, c)) return in;
  if (der_format == NACRE_KEY_FORMAT_SPKI_DER) {
    // SEQUENCE { AlgorithmIdentifier, BIT STRING }: an EC point compressed.
    if (c.size() != 2 || ec_curve(c[0]).empty() || c[1].tag != 0x03 || c[1].len < 2 || c[1].body[0] != 0 ||
        (c[1].body[1] != 0x02 && c[1].body[1] != 0x03)) {
      return in;
    }
    Bytes bits{0};
    const Bytes point = pk::must_export(k, NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED);
    bits.insert(bits.end(), point.begin(), point.end());
    Bytes body = c[0].bytes();
    const Bytes bs = encode(0x03, bits);
    body.insert(body.end(), bs.begin(), bs.end());
    return encode(0x30, body);
  }
  // PKCS#8: SEQUENCE { version, AlgorithmIdentifier, OCTET STRING, [0] attributes OPTIONAL }.
  if (c.size() == 4 && c[3].tag == 0xa0) c.pop_back();
  if (c.size() != 3 || c[2].tag != 0x04) return encode(0x30, concat(c));
  const Bytes curve = ec_curve(c[1]);
  Tlv inner;
  std::vector<Tlv> e;
  const Bytes priv = c[2].content();
  if (!curve.empty() && whole(priv, inner) && inner.tag == 0x30 && children(inner, e) && e.size() >= 2) {
    // ECPrivateKey { version, privateKey, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }:
    // parameters naming the same curve are dropped; the public key, absent or compressed (both
    // allowed by RFC 5915), is written uncompressed, as nacre exports it.
    std::vector<Tlv> rest(e.begin() + 2, e.end());
    if (!rest.empty() && rest[0].tag == 0xa0 && rest[0].content() == curve) rest.erase(rest.begin());
    if (!rest.empty() && rest[0].tag == 0xa1) rest.erase(rest.begin());
    if (rest.empty()) {
      Bytes bits{0};
      const Bytes point = pk::must_export(k, NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED);
      bits.insert(bits.end(), point.begin(), point.end());
      Bytes ec = concat({e[0], e[1]});
      const Bytes pub = encode(0xa1, encode(0x03, bits));
      ec.insert(ec.end(), pub.begin(), pub.end());
      const Bytes octets = encode(0x04, encode(0x30, ec));
      Bytes body = concat({c[0], c[1]});
      body.insert(body.end(), octets.begin(), octets.end());
      return encode(0x30, body);
    }
  }
  return encode(0x30, concat(c));
}

std::string pem_label(int f) { return f == NACRE_KEY_FORMAT_PKCS8_PEM ? "PRIVATE KEY" : "PUBLIC KEY"; }

void check_bits(int type, std::size_t bits) {
  switch (type) {
    case NACRE_KEY_X25519:
    case NACRE_KEY_ED25519: FUZZ_CHECK(bits == 255); break;
    case NACRE_KEY_P256: FUZZ_CHECK(bits == 256); break;
    case NACRE_KEY_P384: FUZZ_CHECK(bits == 384); break;
    case NACRE_KEY_P521: FUZZ_CHECK(bits == 521); break;
    case NACRE_KEY_RSA: FUZZ_CHECK(bits >= 2048 && bits <= 4096 && bits % 8 == 0); break;
    case NACRE_KEY_MLKEM768:
    case NACRE_KEY_XWING: FUZZ_CHECK(bits == 768); break;
    default: FUZZ_CHECK(false);
  }
}

// Everything that must hold for a key |k| just imported from |in| in |in_format|.
void check_key(const pk::Key &k, int in_format, const Bytes &in) {
  const pk::Info ki = pk::info(k.get());
  const int t = ki.type;
  check_bits(t, ki.bits);
  FUZZ_CHECK(ki.has_private == (pk::is_private_format(in_format) ? 1 : 0));
  FUZZ_CHECK(pk::equal(k.get(), k.get()));

  // The public part.
  const pk::Key pub = pk::public_of(k.get());
  const pk::Info pi = pk::info(pub.get());
  FUZZ_CHECK(pi.type == t && pi.has_private == 0 && pi.bits == ki.bits);
  FUZZ_CHECK(pk::equal(k.get(), pub.get()) == (ki.has_private == 0));
  {
    const pk::Key pub2 = pk::public_of(pub.get());
    FUZZ_CHECK(pk::equal(pub.get(), pub2.get()));
  }

  for (int f = NACRE_KEY_FORMAT_RAW_PRIVATE; f <= NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE; ++f) {
    Bytes e;
    const int r = pk::export_key(k.get(), f, e);
    if (pk::is_private_format(f) && ki.has_private == 0) {
      // A private format of a public key; when the type lacks the format as well, either
      // documented reason may be given.
      FUZZ_CHECK(r == NACRE_ERR_INVALID_ARGUMENT || (r == NACRE_ERR_UNSUPPORTED && !pk::type_has_format(t, f)));
      continue;
    }
    if (!pk::type_has_format(t, f)) {
      FUZZ_CHECK(r == NACRE_ERR_UNSUPPORTED);
      continue;
    }
    if (t == NACRE_KEY_MLKEM768 && f == NACRE_KEY_FORMAT_RAW_PRIVATE &&
        in_format == NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE) {
      FUZZ_CHECK(r == NACRE_ERR_UNSUPPORTED);  // an expanded key has no seed
      continue;
    }
    FUZZ_CHECK(r == NACRE_OK);
    if (!pk::is_private_format(f)) {
      // A key pair and its public part give the same public encodings.
      FUZZ_CHECK(pk::must_export(pub.get(), f) == e);
    }
    if (is_pem_format(f)) {
      // nacre's own PEM is strict PEM around the DER export.
      Bytes der;
      FUZZ_CHECK(pem_to_der(e, pem_label(f), der));
      FUZZ_CHECK(der == pk::must_export(k.get(), der_of_pem(f)));
    }
    if (f == in_format) {
      if (is_pem_format(f)) {
        Bytes der;
        if (pem_to_der(in, pem_label(f), der)) {
          FUZZ_CHECK(normalize_der(k.get(), der_of_pem(f), der) == pk::must_export(k.get(), der_of_pem(f)));
        }
      } else if (is_der_format(f)) {
        FUZZ_CHECK(normalize_der(k.get(), f, in) == e);  // DER is canonical but for RFC options
      } else {
        FUZZ_CHECK(e == in);  // raw and SEC1 encodings are canonical
      }
    }
    // Re-import: an equal key, and its export is a fixed point.
    const pk::Key back = pk::must_import(t, f, e);
    const nacre_key *ref = pk::is_private_format(f) ? k.get() : pub.get();
    FUZZ_CHECK(pk::equal(back.get(), ref));
    FUZZ_CHECK(pk::must_export(back.get(), f) == e);
    if (is_der_format(f)) {
      const pk::Key any = pk::must_import(0, f, e);
      FUZZ_CHECK(pk::equal(any.get(), ref));
      // Named as another type that has DER encodings: refused as a key of another type.
      const int other = t % 5 + 1;
      pk::Key wrong;
      FUZZ_CHECK(pk::import(wrong, other, f, e) == NACRE_ERR_INVALID_KEY);
    }
  }
}

// PKCS#1, SEC1 and encrypted PKCS#8 (formats 10 to 17) of arbitrary bytes: refusals are
// documented, and an accepted key re-exports to bytes that import to the same key.
void other_formats(std::uint8_t sel, const Bytes &data) {
  const int f = NACRE_KEY_FORMAT_PKCS1_PRIVATE_DER + sel % 8;
  const bool encrypted = f >= NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_DER;
  const std::size_t pw_len = encrypted && !data.empty() ? std::min<std::size_t>(data[0], data.size() - 1) : 0;
  const Bytes pw(data.begin() + (encrypted && !data.empty() ? 1 : 0), data.begin() + (encrypted && !data.empty() ? 1 + static_cast<std::ptrdiff_t>(pw_len) : 0));
  const Bytes body(data.begin() + (encrypted && !data.empty() ? 1 + static_cast<std::ptrdiff_t>(pw_len) : 0), data.end());
  pk::Key k;
  int rc = 0;
  if (encrypted) {
    nacre_key *h = reinterpret_cast<nacre_key *>(0x1);
    rc = nacre_key_import_encrypted(&h, 0, f, body.data(), body.size(), pw.data(), pw.size());
    FUZZ_CHECK(documented_status(rc) && (rc == NACRE_OK) == (h != nullptr));
    k = pk::Key(h);
    // Without its password, an encrypted format is refused before anything is parsed.
    pk::Key none;
    FUZZ_CHECK(pk::import(none, 0, f, body) == NACRE_ERR_INVALID_ARGUMENT);
  } else {
    rc = pk::import(k, 0, f, body);
  }
  FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_INVALID_KEY || rc == NACRE_ERR_UNSUPPORTED);
  if (f == NACRE_KEY_FORMAT_PKCS1_PUBLIC_DER || f == NACRE_KEY_FORMAT_PKCS1_PUBLIC_PEM) {
    // The legacy import takes all the normal one does (and RSA keys of 1024 to 2047 bits).
    nacre_key *h = nullptr;
    const int lg = nacre_key_import_legacy_rsa(&h, f, body.data(), body.size());
    const pk::Key legacy(h);
    FUZZ_CHECK(lg == NACRE_OK || lg == NACRE_ERR_INVALID_KEY);
    if (rc == NACRE_OK) FUZZ_CHECK(lg == NACRE_OK && pk::equal(legacy.get(), k.get()));
    if (lg == NACRE_OK) check_bits(NACRE_KEY_RSA, std::max<std::size_t>(pk::info(legacy.get()).bits, 2048));
  }
  if (rc != NACRE_OK) return;
  const pk::Info ki = pk::info(k.get());
  check_bits(ki.type, ki.bits);
  if (encrypted) {
    std::size_t n = 0;
    FUZZ_CHECK(nacre_key_export_encrypted(k.get(), f, pw.data(), pw.size(), 1, nullptr, 0, &n) == NACRE_ERR_BUFFER_TOO_SMALL);
    Bytes out(n);
    FUZZ_CHECK(nacre_key_export_encrypted(k.get(), f, pw.data(), pw.size(), 1, out.data(), out.size(), &n) == NACRE_OK);
    FUZZ_CHECK(n == out.size());
    nacre_key *h = nullptr;
    FUZZ_CHECK(nacre_key_import_encrypted(&h, 0, f, out.data(), out.size(), pw.data(), pw.size()) == NACRE_OK);
    const pk::Key back(h);
    FUZZ_CHECK(pk::equal(back.get(), k.get()));
    return;
  }
  const Bytes e = pk::must_export(k.get(), f);
  const pk::Key back = pk::must_import(0, f, e);
  FUZZ_CHECK(pk::equal(back.get(), k.get()));
  FUZZ_CHECK(pk::must_export(back.get(), f) == e);
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  const Bytes sel = in.ConsumeBytes<std::uint8_t>(1);
  if (sel.empty()) return;
  const int type = sel[0] % 9;                   // 0: any, else nacre_key_type
  const int format = 1 + (sel[0] / 9) % 9;       // nacre_key_format
  const Bytes data = in.ConsumeRemainingBytes<std::uint8_t>();
  if (sel[0] >= 9 * 9) {  // selector values past the nine formats the main path reads
    other_formats(sel[0], data);
    return;
  }
  pk::Key k;
  const int rc = pk::import(k, type, format, data);
  if (type == 0) {
    if (!is_der_format(format)) {
      FUZZ_CHECK(rc == NACRE_ERR_INVALID_ARGUMENT);  // raw and SEC1 need a type
    } else {
      FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_INVALID_KEY || rc == NACRE_ERR_UNSUPPORTED);
    }
  } else if (!pk::type_has_format(type, format)) {
    FUZZ_CHECK(rc == NACRE_ERR_UNSUPPORTED);
  } else {
    // With the type named, a key of another algorithm is "not this type": INVALID_KEY.
    FUZZ_CHECK(rc == NACRE_OK || rc == NACRE_ERR_INVALID_KEY);
  }
  if (rc != NACRE_OK) return;
  if (type != 0) FUZZ_CHECK(pk::info(k.get()).type == type);
  check_key(k, format, data);
}
