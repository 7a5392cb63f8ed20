// The CCTV age test suite (../shared/vectors/cctv-age): each file is "key: value" lines, an
// empty line, then the age file (zlib-compressed when "compressed: zlib"). Shared by the C++,
// C ABI and CLI tests so that each layer runs every vector.
#pragma once

#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "vectors.hpp"

namespace nacre::test {

struct CctvVector {
  std::string name;
  std::multimap<std::string, std::string> fields;
  std::vector<std::uint8_t> file;

  std::string field(const std::string &key) const {
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  }
  bool armored() const { return field("armored") == "yes"; }
};

// The failure classes of "expect:", numbered as nacre_age_failure and nacre::age::Failure
// (0: success; -1 for a class this suite does not know).
inline int cctv_expected_failure(const std::string &expect) {
  static const std::map<std::string, int> kClasses = {
      {"success", 0},         {"header failure", 1},  {"HMAC failure", 2},
      {"no match", 3},        {"payload failure", 4}, {"armor failure", 5},
  };
  const auto it = kClasses.find(expect);
  return it == kClasses.end() ? -1 : it->second;
}

inline std::vector<std::uint8_t> cctv_inflate(const std::vector<std::uint8_t> &in) {
  z_stream z{};
  REQUIRE(inflateInit(&z) == Z_OK);
  std::vector<std::uint8_t> out;
  std::uint8_t chunk[16384];
  z.next_in = const_cast<std::uint8_t *>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = chunk;
    z.avail_out = sizeof chunk;
    rc = inflate(&z, Z_NO_FLUSH);
    REQUIRE((rc == Z_OK || rc == Z_STREAM_END));
    out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
  }
  inflateEnd(&z);
  return out;
}

// Every vector, sorted by name; none (with a warning) when the suite is absent, unless the
// build requires third-party vectors.
inline std::vector<CctvVector> cctv_vectors() {
  const auto dir = cctv_age_dir();
  std::vector<CctvVector> all;
  if (!std::filesystem::is_directory(dir)) {
    if (wycheproof_required()) FAIL("no CCTV age suite at " << dir);
    WARN("CCTV age suite not found at " << dir << ": skipped");
    return all;
  }
  for (const auto &entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename() == "README.md") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    const std::vector<std::uint8_t> raw((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    CctvVector v;
    v.name = entry.path().filename().string();
    std::size_t at = 0;
    while (true) {
      const auto lf = std::find(raw.begin() + static_cast<std::ptrdiff_t>(at), raw.end(), '\n');
      REQUIRE(lf != raw.end());
      const std::string line(raw.begin() + static_cast<std::ptrdiff_t>(at), lf);
      at = static_cast<std::size_t>(lf - raw.begin()) + 1;
      if (line.empty()) break;
      const auto colon = line.find(": ");
      REQUIRE(colon != std::string::npos);
      v.fields.emplace(line.substr(0, colon), line.substr(colon + 2));
    }
    v.file.assign(raw.begin() + static_cast<std::ptrdiff_t>(at), raw.end());
    const std::string compressed = v.field("compressed");
    if (!compressed.empty()) {
      REQUIRE(compressed == "zlib");
      v.file = cctv_inflate(v.file);
    }
    all.push_back(std::move(v));
  }
  std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
  return all;
}

}  // namespace nacre::test
