// The mlkem768x25519 stanza: RFC 9180's SealBase/OpenBase, single-shot, composed here from
// nacre's X-Wing (libsodium), HKDF-SHA256 and ChaCha20-Poly1305, because no backend offers HPKE
// over X-Wing. KEM MLKEM768-X25519 (0x647a, draft-ietf-hpke-pq), KDF HKDF-SHA256 (0x0001), AEAD
// ChaCha20Poly1305 (0x0003), info "age-encryption.org/mlkem768x25519", empty aad.
#include <array>

#include "age_header.hpp"
#include "age_stanzas.hpp"
#include "nacre/encoding.hpp"
#include "nacre/kdf.hpp"
#include "nacre/kem.hpp"

namespace nacre::age::detail {
namespace {

constexpr std::string_view kInfo = "age-encryption.org/mlkem768x25519";
constexpr std::array<std::uint8_t, 10> kSuiteId = {'H', 'P', 'K', 'E', 0x64, 0x7a, 0x00, 0x01, 0x00, 0x03};
constexpr std::size_t kEncSize = 1120;

Bytes labeled(std::string_view label, ByteView tail) {
  static constexpr std::string_view version = "HPKE-v1";
  Bytes out;
  out.reserve(version.size() + kSuiteId.size() + label.size() + tail.size());
  for (char c : version) out.push_back(static_cast<std::uint8_t>(c));
  out.insert(out.end(), kSuiteId.begin(), kSuiteId.end());
  for (char c : label) out.push_back(static_cast<std::uint8_t>(c));
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

// RFC 9180 section 4: LabeledExtract and LabeledExpand.
SecretBytes labeled_extract(ByteView salt, std::string_view label, ByteView ikm) {
  return hkdf_extract(HashAlg::sha256, labeled(label, ikm), salt);
}

SecretBytes labeled_expand(ByteView prk, std::string_view label, ByteView info, std::size_t n) {
  Bytes full = {static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
  const Bytes rest = labeled(label, info);
  full.insert(full.end(), rest.begin(), rest.end());
  return hkdf_expand(HashAlg::sha256, prk, full, n);
}

// RFC 9180 section 5.1, mode_base (no PSK): the AEAD key and base nonce (the only nonce: one
// message per context).
struct Schedule {
  SecretBytes key;
  SecretBytes nonce;
};

Schedule key_schedule(ByteView shared_secret) {
  const SecretBytes psk_id_hash = labeled_extract({}, "psk_id_hash", {});
  const SecretBytes info_hash = labeled_extract({}, "info_hash", as_bytes_view(kInfo));
  Bytes context = {0x00};  // mode_base
  context.insert(context.end(), psk_id_hash.view().begin(), psk_id_hash.view().end());
  context.insert(context.end(), info_hash.view().begin(), info_hash.view().end());
  const SecretBytes secret = labeled_extract(shared_secret, "secret", {});
  return {labeled_expand(secret.view(), "key", context, 32),
          labeled_expand(secret.view(), "base_nonce", context, 12)};
}

}  // namespace

Stanza hybrid_wrap(const Key &recipient, ByteView file_key) {
  const Encapsulation e = encapsulate(recipient);
  const Schedule s = key_schedule(e.shared_secret.view());
  return Stanza{"mlkem768x25519", {to_base64_unpadded(e.ciphertext)},
                seal_file_key(s.key.view(), s.nonce.view(), file_key)};
}

std::optional<SecretBytes> hybrid_unwrap(const Key &identity, const Stanza &st) {
  require_args(st, 1);
  const Bytes enc = stanza_field(st.args[0], kEncSize, "mlkem768x25519 enc");
  require_wrapped_body(st);
  SecretBytes shared;
  try {
    shared = decapsulate(identity, enc);
  } catch (const nacre::Error &e) {
    if (e.status() != Status::verification_failed) throw;
    fail(Failure::header, "an X25519 part of low order in the mlkem768x25519 enc");
  }
  const Schedule s = key_schedule(shared.view());
  return open_file_key(s.key.view(), s.nonce.view(), st.body);
}

}  // namespace nacre::age::detail
