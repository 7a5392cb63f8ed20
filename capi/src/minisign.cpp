// The C ABI of minisign: secret key handles, and signer and verifier handles.
#include <cstring>
#include <string>

#include "guard.hpp"
#include "handles.hpp"
#include "nacre/minisign.hpp"

using namespace nacre;

namespace {

// A signer or verifier, and whether it has finished (a C handle may be called again).
struct SignerState {
  explicit SignerState(const minisign::SecretKey &k) : signer(k) {}
  minisign::Signer signer;
  bool finished = false;
};

struct VerifierState {
  VerifierState(const minisign::PublicKey &k, std::string_view sig) : verifier(k, sig) {}
  minisign::Verifier verifier;
  bool finished = false;
};

using KeyHandle = capi::Handle<minisign::SecretKey, capi::Tag::minisign_key>;
using SignerHandle = capi::Handle<SignerState, capi::Tag::minisign_signer>;
using VerifierHandle = capi::Handle<VerifierState, capi::Tag::minisign_verifier>;

std::string_view text_of(const void *p, std::size_t n) {
  const ByteView v = capi::input(static_cast<const uint8_t *>(p), n);
  return {reinterpret_cast<const char *>(v.data()), v.size()};
}

std::optional<ByteView> password_of(const uint8_t *p, std::size_t n) {
  const ByteView v = capi::input(p, n);
  if (v.empty()) return std::nullopt;
  return v;
}

void put_text(capi::Output &o, std::string_view text) {
  const MutableByteView dst = o.take(text.size());
  if (!text.empty()) std::memcpy(dst.data(), text.data(), text.size());
}

template <class State>
void not_finished(const State &s) {
  if (s.finished) capi::invalid("minisign: finish() was already called");
}

}  // namespace

extern "C" {

int nacre_minisign_key_generate(nacre_minisign_key **out) noexcept {
  return capi::with_new_handle(out, [&] {
    KeyHandle::create(out, std::make_unique<minisign::SecretKey>(minisign::SecretKey::generate()));
  });
}

int nacre_minisign_key_load(nacre_minisign_key **out, const uint8_t *file, size_t file_len, const uint8_t *password,
                            size_t password_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const std::string_view text = text_of(file, file_len);
    const std::optional<ByteView> pw = password_of(password, password_len);
    KeyHandle::create(out, std::make_unique<minisign::SecretKey>(minisign::SecretKey::parse(text, pw)));
  });
}

int nacre_minisign_key_save(const nacre_minisign_key *key, const uint8_t *password, size_t password_len,
                            uint64_t opslimit, size_t memlimit, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    const minisign::SecretKey &k = KeyHandle::get(key);
    const std::optional<ByteView> pw = password_of(password, password_len);
    if ((opslimit == 0) != (memlimit == 0)) capi::invalid("opslimit and memlimit are both 0 or both set");
    const PwhashLimits cost = opslimit == 0 ? PwhashLimits{minisign::kKdfOpslimit, minisign::kKdfMemlimit}
                                            : PwhashLimits{opslimit, memlimit};
    const SecretBytes file = k.to_file(pw, "minisign encrypted secret key", cost);
    const MutableByteView dst = o.take(file.size());
    std::memcpy(dst.data(), file.data(), file.size());
  });
}

int nacre_minisign_key_public(const nacre_minisign_key *key, char *out, size_t out_cap, size_t *out_len) noexcept {
  return capi::with_output(reinterpret_cast<uint8_t *>(out), out_cap, out_len,
                           [&](capi::Output &o) { put_text(o, KeyHandle::get(key).public_key().to_file()); });
}

int nacre_minisign_public_key_file(const char *public_key, size_t public_key_len, char *out, size_t out_cap,
                                   size_t *out_len) noexcept {
  return capi::with_output(reinterpret_cast<uint8_t *>(out), out_cap, out_len, [&](capi::Output &o) {
    put_text(o, minisign::PublicKey::parse(text_of(public_key, public_key_len)).to_file());
  });
}

void nacre_minisign_key_free(nacre_minisign_key *key) noexcept { KeyHandle::destroy(key); }

int nacre_minisign_signer_new(nacre_minisign_signer **out, const nacre_minisign_key *key) noexcept {
  return capi::with_new_handle(out, [&] { SignerHandle::create(out, std::make_unique<SignerState>(KeyHandle::get(key))); });
}

int nacre_minisign_signer_update(nacre_minisign_signer *st, const uint8_t *in, size_t in_len) noexcept {
  return capi::guard([&] {
    SignerState &s = SignerHandle::get(st);
    not_finished(s);
    s.signer.update(capi::input(in, in_len));
  });
}

int nacre_minisign_signer_finish(nacre_minisign_signer *st, const char *trusted, size_t trusted_len,
                                 const char *untrusted, size_t untrusted_len, char *out, size_t out_cap,
                                 size_t *out_len) noexcept {
  return capi::with_output(reinterpret_cast<uint8_t *>(out), out_cap, out_len, [&](capi::Output &o) {
    SignerState &s = SignerHandle::get(st);
    not_finished(s);
    const std::string_view t = text_of(trusted, trusted_len);
    std::string_view u = text_of(untrusted, untrusted_len);
    if (u.empty()) u = "signature from minisign secret key";
    put_text(o, s.signer.finish(t, u));  // deterministic: a size query can be repeated
    s.finished = true;
  });
}

void nacre_minisign_signer_free(nacre_minisign_signer *st) noexcept { SignerHandle::destroy(st); }

int nacre_minisign_verifier_new(nacre_minisign_verifier **out, const char *public_key, size_t public_key_len,
                                const char *signature, size_t signature_len) noexcept {
  return capi::with_new_handle(out, [&] {
    const std::string_view pk = text_of(public_key, public_key_len);
    const std::string_view sig = text_of(signature, signature_len);
    VerifierHandle::create(out, std::make_unique<VerifierState>(minisign::PublicKey::parse(pk), sig));
  });
}

int nacre_minisign_verifier_update(nacre_minisign_verifier *st, const uint8_t *in, size_t in_len) noexcept {
  return capi::guard([&] {
    VerifierState &s = VerifierHandle::get(st);
    not_finished(s);
    s.verifier.update(capi::input(in, in_len));
  });
}

int nacre_minisign_verifier_finish(nacre_minisign_verifier *st, char *trusted, size_t trusted_cap,
                                   size_t *trusted_len) noexcept {
  return capi::with_output(reinterpret_cast<uint8_t *>(trusted), trusted_cap, trusted_len, [&](capi::Output &o) {
    VerifierState &s = VerifierHandle::get(st);
    not_finished(s);
    put_text(o, s.verifier.finish());
    s.finished = true;
  });
}

void nacre_minisign_verifier_free(nacre_minisign_verifier *st) noexcept { VerifierHandle::destroy(st); }

}  // extern "C"
