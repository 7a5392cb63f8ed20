// Readers for test vectors kept as data: nacre's KEY: value files and Wycheproof JSON.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>


namespace nacre::test {

using Bytes = std::vector<std::uint8_t>;

// Test-side hex reader, so suites that link only libnacre.so (C ABI) can read vectors too.
inline Bytes unhex(const std::string &hex) {
  auto val = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::runtime_error("bad hex in vector: " + hex);
  };
  if (hex.size() % 2 != 0) throw std::runtime_error("odd hex length in vector: " + hex);
  Bytes out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<std::uint8_t>(val(hex[2 * i]) * 16 + val(hex[2 * i + 1]));
  }
  return out;
}

// One block of "KEY: value" lines.
struct Vector {
  std::map<std::string, std::string> fields;
  int line = 0;  // where the block starts, for failure messages

  const std::string &str(const std::string &key) const {
    auto it = fields.find(key);
    if (it == fields.end()) throw std::runtime_error("vector at line " + std::to_string(line) + " lacks " + key);
    return it->second;
  }
  Bytes bytes(const std::string &key) const { return unhex(str(key)); }
};

inline std::filesystem::path dir_from(const char *env, const char *fallback) {
  const char *v = std::getenv(env);
  return (v != nullptr && *v != '\0') ? std::filesystem::path(v) : std::filesystem::path(fallback);
}

inline std::filesystem::path vectors_dir() { return dir_from("NACRE_VECTORS_DIR", NACRE_TEST_VECTORS_DIR); }
inline std::filesystem::path wycheproof_dir() { return dir_from("NACRE_WYCHEPROOF_DIR", NACRE_TEST_WYCHEPROOF_DIR); }
// The CCTV age suite (required under NACRE_REQUIRE_WYCHEPROOF=1 too: CI has ../shared).
inline std::filesystem::path cctv_age_dir() { return dir_from("NACRE_CCTV_AGE_DIR", NACRE_TEST_CCTV_AGE_DIR); }
// CI sets NACRE_REQUIRE_WYCHEPROOF=1: a missing folder then fails instead of skipping.
inline bool wycheproof_required() {
  const char *v = std::getenv("NACRE_REQUIRE_WYCHEPROOF");
  return v != nullptr && std::string(v) == "1";
}

inline std::vector<Vector> read_vectors(const std::string &name) {
  const auto path = vectors_dir() / name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::vector<Vector> out;
  Vector cur;
  std::string line;
  int n = 0;
  auto flush = [&] {
    if (!cur.fields.empty()) out.push_back(cur);
    cur = Vector{};
  };
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) throw std::runtime_error(path.string() + ":" + std::to_string(n) + ": no colon");
    std::string value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (cur.fields.empty()) cur.line = n;
    cur.fields[line.substr(0, colon)] = value;
  }
  flush();
  if (out.empty()) throw std::runtime_error(path.string() + " holds no vectors");
  return out;
}

// Wycheproof: the parsed file, or a null json when the folder is absent (and not required).
inline nlohmann::json read_wycheproof(const std::string &name) {
  const auto path = wycheproof_dir() / name;
  std::ifstream in(path);
  if (!in) {
    if (wycheproof_required()) throw std::runtime_error("Wycheproof file missing: " + path.string());
    return nullptr;
  }
  return nlohmann::json::parse(in);
}

}  // namespace nacre::test
