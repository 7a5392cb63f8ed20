// ct_check_cxx: the C++ half of tests/ct (read ct_check.c for the technique). SecretBytes
// equality and nacre::constant_time_equal on secret contents, under valgrind memcheck: the
// contents are marked undefined right before each comparison and the result declassified right
// after, so any branch or index on the contents inside nacre or libsodium is reported.
#include <valgrind/memcheck.h>

#include <cstdio>

#include "nacre/random.hpp"
#include "nacre/secret.hpp"

namespace {

int failures = 0;
int checks = 0;

void check(bool ok, const char *what) {
  ++checks;
  if (!ok) {
    ++failures;
    std::fprintf(stderr, "FAIL: %s\n", what);
  }
}

void secret(const nacre::SecretBytes &s) { (void)VALGRIND_MAKE_MEM_UNDEFINED(s.data(), s.size()); }

// The result of a comparison is the caller's to know: declassified before it is looked at.
bool declassify(bool b) {
  (void)VALGRIND_MAKE_MEM_DEFINED(&b, sizeof b);
  return b;
}

}  // namespace

int main() {
  std::printf("nacre C++ constant-time checks (%s valgrind)\n", RUNNING_ON_VALGRIND ? "under" : "not under");
  for (int it = 0; it < 2; ++it) {
    nacre::Bytes raw = nacre::random_bytes(48);
    const nacre::SecretBytes a = nacre::SecretBytes::copy_of(raw);
    const nacre::SecretBytes b = nacre::SecretBytes::copy_of(raw);
    raw[it == 0 ? raw.size() - 1 : 0] ^= 0x20;
    const nacre::SecretBytes c = nacre::SecretBytes::copy_of(raw);

    secret(a);
    secret(b);
    check(declassify(a == b), "SecretBytes == on equal contents");
    secret(c);
    check(!declassify(a == c), "SecretBytes == on different contents");
    check(!declassify(a == nacre::SecretBytes::copy_of(nacre::ByteView(raw).first(47))),
          "SecretBytes == on different sizes");
    secret(c);
    check(!declassify(nacre::constant_time_equal(a.view(), c.view())), "constant_time_equal, different");
    check(declassify(nacre::constant_time_equal(a.view(), b.view())), "constant_time_equal, equal");
    const nacre::SecretBytes d = a.clone();
    check(declassify(d == b), "SecretBytes::clone compares equal");
  }
  std::printf("%d checks, %d failures\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
