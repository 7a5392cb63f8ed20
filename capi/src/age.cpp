// The C ABI of age: streaming encryptor and decryptor handles, and key generation.
#include <cstring>
#include <optional>
#include <string>

#include "guard.hpp"
#include "handles.hpp"
#include "nacre/age.hpp"

using namespace nacre;

namespace {

// A stream and the buffer its output is staged in before it is copied to the caller's, reused
// from call to call.
template <class Stream>
struct AgeStream {
  explicit AgeStream(Stream s) : stream(std::move(s)) {}
  Stream stream;
  Bytes staging;
  int failure = NACRE_AGE_FAILURE_NONE;
  std::optional<age::Error> deferred;  // a failure after chunks that authenticated, told next call
};

using EncryptorHandle = capi::Handle<AgeStream<age::Encryptor>, capi::Tag::age_encryptor>;
using DecryptorHandle = capi::Handle<AgeStream<age::Decryptor>, capi::Tag::age_decryptor>;

std::string_view text_of(const void *p, std::size_t n) {
  const ByteView v = capi::input(static_cast<const uint8_t *>(p), n);
  return {reinterpret_cast<const char *>(v.data()), v.size()};
}

int work_factor_or(int given, int fallback) { return given == 0 ? fallback : given; }

age::Format format_from(int format) {
  if (format < NACRE_AGE_FORMAT_DETECT || format > NACRE_AGE_FORMAT_ARMORED) capi::invalid("unknown age format");
  return static_cast<age::Format>(format);
}

bool armor_from(unsigned flags) {
  if ((flags & ~NACRE_AGE_ARMOR) != 0) capi::invalid("unknown age flags");
  return (flags & NACRE_AGE_ARMOR) != 0;
}

// Runs one step of |s| into the caller's output: sized first (|bound|), so that a buffer too
// small consumes nothing; an age failure is kept for nacre_age_decryptor_failure. An update
// that released authenticated chunks before failing returns them, and the failure comes with
// the next call: what a caller gets does not depend on how it cut its input. finish() is the
// verdict: a failure there releases nothing.
template <class Stream, class Step>
void step_into(AgeStream<Stream> &s, capi::Output &o, std::size_t bound, bool finishing, Step step) {
  if (s.deferred) {
    const age::Failure failure = s.deferred->failure();
    const std::string what = s.deferred->what();
    s.deferred.reset();
    throw age::Error(failure, what);
  }
  const MutableByteView dst = o.take(bound);
  s.staging.clear();
  try {
    step(s.staging);
  } catch (const age::Error &e) {
    s.failure = static_cast<int>(e.failure());
    if (finishing || s.staging.empty()) throw;
    s.deferred = e;
  }
  if (!s.staging.empty()) std::memcpy(dst.data(), s.staging.data(), s.staging.size());
  o.used(s.staging.size());
}

template <class Handle, class H>
int update(H *st, uint8_t *out, size_t out_cap, size_t *out_len, const uint8_t *in, size_t in_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    auto &s = Handle::get(st);
    const ByteView data = capi::input(in, in_len);
    step_into(s, o, s.stream.max_write_output(in_len), false, [&](Bytes &b) { s.stream.write(data, b); });
  });
}

template <class Handle, class H>
int finish(H *st, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return capi::with_output(out, out_cap, out_len, [&](capi::Output &o) {
    auto &s = Handle::get(st);
    step_into(s, o, s.stream.max_finish_output(), true, [&](Bytes &b) { s.stream.finish(b); });
  });
}

// |make| returns the new stream's state.
template <class Handle, class H, class Make>
int create(H **out, Make make) noexcept {
  return capi::with_new_handle(out, [&] { Handle::create(out, make()); });
}

template <class Stream>
std::unique_ptr<AgeStream<Stream>> state_of(Stream s) {
  return std::make_unique<AgeStream<Stream>>(std::move(s));
}

}  // namespace

extern "C" {

int nacre_age_encryptor_new(nacre_age_encryptor **out, const char *recipients, size_t recipients_len,
                            unsigned flags) noexcept {
  return create<EncryptorHandle>(out, [&] {
    const bool armor = armor_from(flags);
    const std::vector<age::Recipient> rs = age::parse_recipients(text_of(recipients, recipients_len));
    return state_of(age::Encryptor(rs, armor));
  });
}

int nacre_age_encryptor_new_passphrase(nacre_age_encryptor **out, const uint8_t *passphrase,
                                       size_t passphrase_len, int work_factor, unsigned flags) noexcept {
  return create<EncryptorHandle>(out, [&] {
    const bool armor = armor_from(flags);
    const age::Recipient r = age::Recipient::passphrase(
        text_of(passphrase, passphrase_len), work_factor_or(work_factor, age::kDefaultWorkFactor));
    return state_of(age::Encryptor(std::span<const age::Recipient>(&r, 1), armor));
  });
}

int nacre_age_encryptor_update(nacre_age_encryptor *st, uint8_t *out, size_t out_cap, size_t *out_len,
                               const uint8_t *in, size_t in_len) noexcept {
  return update<EncryptorHandle>(st, out, out_cap, out_len, in, in_len);
}

int nacre_age_encryptor_finish(nacre_age_encryptor *st, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return finish<EncryptorHandle>(st, out, out_cap, out_len);
}

void nacre_age_encryptor_free(nacre_age_encryptor *st) noexcept { EncryptorHandle::destroy(st); }

int nacre_age_decryptor_new(nacre_age_decryptor **out, const uint8_t *identities, size_t identities_len,
                            int format) noexcept {
  return create<DecryptorHandle>(out, [&] {
    const age::Format f = format_from(format);
    const std::vector<age::Identity> ids = age::parse_identities(text_of(identities, identities_len));
    return state_of(age::Decryptor(ids, f));
  });
}

int nacre_age_decryptor_new_passphrase(nacre_age_decryptor **out, const uint8_t *passphrase,
                                       size_t passphrase_len, int max_work_factor, int format) noexcept {
  return create<DecryptorHandle>(out, [&] {
    const age::Format f = format_from(format);
    const age::Identity id = age::Identity::passphrase(
        text_of(passphrase, passphrase_len), work_factor_or(max_work_factor, age::kMaxWorkFactor));
    return state_of(age::Decryptor(std::span<const age::Identity>(&id, 1), f));
  });
}

int nacre_age_decryptor_update(nacre_age_decryptor *st, uint8_t *out, size_t out_cap, size_t *out_len,
                               const uint8_t *in, size_t in_len) noexcept {
  return update<DecryptorHandle>(st, out, out_cap, out_len, in, in_len);
}

int nacre_age_decryptor_finish(nacre_age_decryptor *st, uint8_t *out, size_t out_cap, size_t *out_len) noexcept {
  return finish<DecryptorHandle>(st, out, out_cap, out_len);
}

int nacre_age_decryptor_failure(const nacre_age_decryptor *st) noexcept {
  int failure = NACRE_AGE_FAILURE_NONE;
  const int rc = capi::guard([&] { failure = DecryptorHandle::get(st).failure; });
  return rc != NACRE_OK ? rc : failure;
}

void nacre_age_decryptor_free(nacre_age_decryptor *st) noexcept { DecryptorHandle::destroy(st); }

int nacre_age_keygen(int post_quantum, uint8_t *identity, size_t identity_cap, size_t *identity_len) noexcept {
  return capi::with_output(identity, identity_cap, identity_len, [&](capi::Output &o) {
    if (post_quantum != 0 && post_quantum != 1) capi::invalid("post_quantum must be 0 or 1");
    const SecretBytes text = age::Identity::generate(post_quantum == 1).to_string();
    std::memcpy(o.take(text.size()).data(), text.data(), text.size());
  });
}

int nacre_age_identity_to_recipient(const uint8_t *identity, size_t identity_len, char *out, size_t out_cap,
                                    size_t *out_len) noexcept {
  auto *o8 = reinterpret_cast<uint8_t *>(out);
  return capi::with_output(o8, out_cap, out_len, [&](capi::Output &o) {
    const std::string text = age::Identity::parse(text_of(identity, identity_len)).recipient().to_string();
    std::memcpy(o.take(text.size()).data(), text.data(), text.size());
  });
}

int nacre_age_recipient_check(const char *recipient, size_t recipient_len) noexcept {
  return capi::guard([&] { static_cast<void>(age::Recipient::parse(text_of(recipient, recipient_len))); });
}

}  // extern "C"
