// minisign's formats (C++ core): arbitrary public key, secret key and signature texts are
// refused with a nacre::Error or accepted, never crash; signatures round-trip for any data and
// trusted comment, and a flipped bit in the data, the signature file or the comment fails.
#include <string>

#include "fuzzer.hpp"
#include "nacre/minisign.hpp"

namespace {

const nacre::minisign::SecretKey &key() {
  static const nacre::minisign::SecretKey k = nacre::minisign::SecretKey::generate();
  return k;
}

template <class F>
void refused_or_accepted(F f) {
  try {
    f();
  } catch (const nacre::Error &e) {
    FUZZ_CHECK(e.status() != nacre::Status::internal);
  }
}

}  // namespace

void nacre_fuzz(FuzzedDataProvider &in) {
  using namespace nacre::minisign;
  const int mode = in.ConsumeIntegralInRange<int>(0, 1);
  const std::string text = in.ConsumeRandomLengthString(4096);
  if (mode == 0) {
    refused_or_accepted([&] { static_cast<void>(PublicKey::parse(text)); });
    refused_or_accepted([&] { static_cast<void>(SecretKey::parse(text, std::nullopt)); });
    refused_or_accepted([&] {
      const PublicKey pk = key().public_key();
      Verifier v(pk, text);
      v.update(nacre::as_bytes_view(text));
      static_cast<void>(v.finish());
    });
    return;
  }
  const std::string data = in.ConsumeRandomLengthString(65536);
  std::string comment = in.ConsumeRandomLengthString(200);
  for (char &c : comment) {
    if (c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  Signer s(key());
  s.update(nacre::as_bytes_view(data));
  const std::string original = s.finish(comment);
  std::string sig = original;
  const PublicKey pk = key().public_key();
  std::string signed_data = data;
  const int flip = in.ConsumeIntegralInRange<int>(0, 2);  // 0 none, 1 the data, 2 the signature file
  if (flip == 1 && !signed_data.empty()) signed_data[in.ConsumeIntegralInRange<std::size_t>(0, signed_data.size() - 1)] ^= 1;
  if (flip == 2) sig[in.ConsumeIntegralInRange<std::size_t>(0, sig.size() - 1)] ^= 1;
  bool ok = false;
  try {
    Verifier v(pk, sig);
    v.update(nacre::as_bytes_view(signed_data));
    ok = v.finish() == comment;
  } catch (const nacre::Error &e) {
    FUZZ_CHECK(e.status() != nacre::Status::internal);
  }
  // Only the untrusted comment (the first line) is covered by no signature.
  const std::size_t eol = original.find('\n');
  const bool only_untrusted = flip == 2 && sig.compare(eol, std::string::npos, original, eol, std::string::npos) == 0;
  if (flip == 0 || (flip == 1 && signed_data == data)) FUZZ_CHECK(ok);
  if ((flip == 1 && signed_data != data) || (flip == 2 && !only_untrusted)) FUZZ_CHECK(!ok);
}
