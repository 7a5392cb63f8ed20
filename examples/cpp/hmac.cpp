// HMAC-SHA256 with a key held in SecretBytes, through nacre's C++ API.
#include <cstdio>
#include <string_view>

#include <nacre/nacre.hpp>

int main() {
  const nacre::SecretBytes key = nacre::SecretBytes::random(32);
  constexpr std::string_view msg = "attack at dawn";
  const nacre::ByteView m(reinterpret_cast<const std::uint8_t *>(msg.data()), msg.size());
  try {
    const nacre::Bytes tag = nacre::hmac(nacre::HashAlg::sha256, key.view(), m);
    const bool ok = nacre::hmac_verify(nacre::HashAlg::sha256, key.view(), m, tag);
    std::printf("hmac-sha256 tag %s... verify: %s\n", nacre::to_hex(tag).substr(0, 16).c_str(),
                ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
  } catch (const nacre::Error &e) {
    std::fprintf(stderr, "nacre: %s (%s)\n", e.what(), nacre::status_name(static_cast<int>(e.status())));
    return 1;
  }
}
