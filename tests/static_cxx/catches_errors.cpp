// A C++ program linked with libnacre.a alone, as a user links it, catching the exceptions the
// library throws. The program has its own catch clauses (its own DW.ref.* references to the
// personality routine and to nacre::Error's type_info), the case in which a merge that hid the
// library's copies crashed the unwinder (cmake/MergeArchives.cmake).
#include <cstdio>
#include <new>

#include <nacre/nacre.hpp>

namespace {

int failures = 0;

void expect(bool ok, const char *what) {
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what);
    ++failures;
  }
}

}  // namespace

int main() {
  const auto key = nacre::AeadKey::create(nacre::AeadAlg::aes256_gcm, nacre::SecretBytes::random(32).view());
  const nacre::Bytes nonce(key.nonce_size());
  nacre::Bytes ct = key.seal(nonce, nacre::Bytes{1, 2, 3});
  ct[0] ^= 1;
  try {
    (void)key.open(nonce, ct);
    expect(false, "a tampered ciphertext opened");
  } catch (const nacre::Error &e) {
    expect(e.status() == nacre::Status::verification_failed, "open: verification_failed");
  }
  try {
    (void)nacre::AeadKey::create(nacre::AeadAlg::aes256_gcm, nacre::Bytes(31));
    expect(false, "a 31-byte AES-256 key was accepted");
  } catch (const nacre::Error &e) {
    expect(e.status() == nacre::Status::invalid_key, "create: invalid_key");
  } catch (const std::bad_alloc &) {
    expect(false, "create: bad_alloc");
  }
  std::printf("libnacre.a: exceptions thrown inside it are caught here (%d failures)\n", failures);
  return failures == 0 ? 0 : 1;
}
