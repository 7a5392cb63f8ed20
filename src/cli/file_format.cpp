#include "file_format.hpp"

#include <algorithm>
#include <cstring>

namespace nacre::cli {
namespace {

constexpr char kMagic[6] = {'N', 'A', 'C', 'R', 'E', '\0'};
constexpr std::uint8_t kVersion = 1;

template <class T>
void put(Bytes &out, T v) {
  for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

template <class T>
T get(ByteView in, std::size_t off) {
  T v = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) v |= static_cast<T>(static_cast<T>(in[off + i]) << (8 * i));
  return v;
}

}  // namespace

std::size_t key_material_size(Kdf kdf) noexcept { return kdf == Kdf::hpke_x25519 ? kHpkeEncSize : 0; }

Bytes encode_params(const FileParams &p) {
  Bytes out(kMagic, kMagic + sizeof kMagic);
  out.push_back(kVersion);
  out.push_back(static_cast<std::uint8_t>(p.kdf));
  put(out, p.opslimit);
  put(out, p.memlimit);
  out.insert(out.end(), p.salt.begin(), p.salt.end());
  put(out, p.chunk);
  return out;
}

FileParams decode_params(ByteView in, std::string &error) {
  FileParams p;
  if (in.size() != kParamsSize || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    error = "not a nacre encrypted file";
    return p;
  }
  if (in[6] != kVersion) {
    error = "unsupported file version " + std::to_string(in[6]);
    return p;
  }
  if (in[7] > static_cast<std::uint8_t>(Kdf::hpke_x25519)) {
    error = "unknown key derivation " + std::to_string(in[7]);
    return p;
  }
  p.kdf = static_cast<Kdf>(in[7]);
  p.opslimit = get<std::uint32_t>(in, 8);
  p.memlimit = get<std::uint64_t>(in, 12);
  p.salt.assign(in.begin() + 20, in.begin() + 36);
  p.chunk = get<std::uint32_t>(in, 36);
  if (p.chunk < kMinChunk || p.chunk > kMaxChunk) {
    error = "chunk size out of range";
    return p;
  }
  if (p.kdf == Kdf::argon2id) {
    // A hostile header must not make us burn unbounded memory or time.
    const auto lo = pwhash_min_limits(PwhashAlg::argon2id);
    const auto hi = pwhash_preset_limits(PwhashAlg::argon2id, PwhashPreset::sensitive);
    if (p.opslimit < lo.opslimit || p.opslimit > 4 * hi.opslimit || p.memlimit < lo.memlimit ||
        p.memlimit > hi.memlimit) {
      error = "key derivation parameters out of range";
    }
  }
  if (p.kdf == Kdf::hpke_x25519) {
    // Nothing here is used; insisting on zeros keeps one encoding per file.
    const bool zero_salt = std::all_of(p.salt.begin(), p.salt.end(), [](std::uint8_t b) { return b == 0; });
    if (p.opslimit != 0 || p.memlimit != 0 || !zero_salt) error = "malformed public-key file header";
  }
  return p;
}

}  // namespace nacre::cli
