# The pinned backend sources: the only place their versions and hashes are written.
# scripts/bootstrap reads these lines (one `set(NAME "value")` a line) as well as CMake.
#
# *_ORIG / *_SHA256: Debian's orig tarball and its SHA-256, checked before anything is unpacked.
# *_BUNDLE_SHA256: the SHA-256 of the SHA256SUMS manifest of the trimmed copy that the sdist
#   carries (cmake/Bundle.cmake makes it from the verified tarball; the file list is fixed by
#   its rules, so the manifest is too). A build from the sdist checks every file against the
#   manifest and the manifest against this pin.
set(NACRE_BORINGSSL_PACKAGE "android-platform-external-boringssl")
set(NACRE_BORINGSSL_ORIG "android-platform-external-boringssl_14.0.0+r45.orig.tar.xz")
set(NACRE_BORINGSSL_SHA256 "f9223e8c15ad5d9e3f1cd50861f4c272658864661e2332bea5d60952aa0930cd")
set(NACRE_BORINGSSL_SUITES "trixie forky sid")
set(NACRE_BORINGSSL_BUNDLE_SHA256 "9f99efd61e797190d9298bfab97179c540dbba872c7d0a17d31f46748c77d2b9")

set(NACRE_SODIUM_PACKAGE "libsodium")
set(NACRE_SODIUM_ORIG "libsodium_1.0.22.orig.tar.gz")
set(NACRE_SODIUM_SHA256 "5838bb0c3da6148c24ebe531d1ed1297de9a87aea77d426bcd99f289e681631c")
set(NACRE_SODIUM_SUITES "forky sid")
set(NACRE_SODIUM_BUNDLE_SHA256 "5303797b61f9360332dd6f5f468383d189dd8e7b8d789ad92a718725c28f2d6e")
