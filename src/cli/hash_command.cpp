// nacre hash: sha256sum-compatible output and --check, streaming in constant memory.
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "nacre/encoding.hpp"
#include "nacre/hash.hpp"

namespace nacre::cli {
namespace {

// The library's fixed-length hashes by name; BLAKE2b under b2sum's two lengths instead.
const std::map<std::string, std::pair<HashAlg, std::size_t>> &algorithms() {
  static const auto algs = [] {
    std::map<std::string, std::pair<HashAlg, std::size_t>> m;
    for (const HashInfo &h : hash_algorithms()) {
      if (h.digest_size == 0) continue;  // an XOF has no digest length to print
      if (h.alg == HashAlg::blake2b) {
        m["blake2b-256"] = {h.alg, 32};
        m["blake2b-512"] = {h.alg, 64};
      } else {
        m[h.name] = {h.alg, 0};
      }
    }
    return m;
  }();
  return algs;
}

Hasher make_hasher(const std::string &alg) {
  const auto &[a, len] = algorithms().at(alg);
  return a == HashAlg::blake2b ? Hasher::blake2b(len) : Hasher::create(a);
}

struct FileCloser {
  void operator()(std::FILE *f) const noexcept {
    if (f != stdin) std::fclose(f);
  }
};

// hash_file returns the hex digest, or an empty string with |err| set when the file cannot be read.
std::string hash_file(const std::string &alg, const std::string &path, std::string &err) {
  std::unique_ptr<std::FILE, FileCloser> f(path == "-" ? stdin : std::fopen(path.c_str(), "rb"));
  if (!f) {
    err = std::strerror(errno);
    return {};
  }
  Hasher h = make_hasher(alg);
  std::vector<std::uint8_t> buf(1 << 16);
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) h.update({buf.data(), n});
  if (std::ferror(f.get())) {
    err = std::strerror(errno);
    return {};
  }
  return to_hex(h.digest());
}

int check_sums(const std::string &alg, const std::string &sums_path) {
  std::ifstream sums(sums_path == "-" ? "/dev/stdin" : sums_path);
  if (!sums) {
    std::fprintf(stderr, "nacre: %s: %s\n", sums_path.c_str(), std::strerror(errno));
    return 1;
  }
  const std::size_t hex_len = 2 * make_hasher(alg).digest_size();
  int bad = 0;
  int unreadable = 0;
  int malformed = 0;
  int checked = 0;
  std::string line;
  while (std::getline(sums, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // files written on Windows
    if (line.empty() || line[0] == '#') continue;
    // "<hex>  <name>" (text mode) or "<hex> *<name>" (binary mode), as sha256sum writes.
    if (line.size() < hex_len + 3 || line[hex_len] != ' ' ||
        (line[hex_len + 1] != ' ' && line[hex_len + 1] != '*')) {
      ++malformed;
      continue;
    }
    std::string want = line.substr(0, hex_len);
    for (char &c : want) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string name = line.substr(hex_len + 2);
    std::string err;
    const std::string got = hash_file(alg, name, err);
    ++checked;
    if (got.empty()) {
      std::printf("%s: FAILED open or read\n", name.c_str());
      std::fprintf(stderr, "nacre: %s: %s\n", name.c_str(), err.c_str());
      ++unreadable;
    } else if (got != want) {
      std::printf("%s: FAILED\n", name.c_str());
      ++bad;
    } else {
      std::printf("%s: OK\n", name.c_str());
    }
  }
  if (malformed) std::fprintf(stderr, "nacre: WARNING: %d line(s) improperly formatted\n", malformed);
  if (unreadable) std::fprintf(stderr, "nacre: WARNING: %d listed file(s) could not be read\n", unreadable);
  if (bad) std::fprintf(stderr, "nacre: WARNING: %d computed checksum(s) did NOT match\n", bad);
  if (checked == 0) {
    std::fprintf(stderr, "nacre: %s: no properly formatted %s checksum lines found\n",
                 sums_path.c_str(), alg.c_str());
    return 1;
  }
  return (bad || unreadable || malformed) ? 1 : 0;
}

}  // namespace

void add_hash_command(CLI::App &app) {
  auto *cmd = app.add_subcommand("hash", "Print or check digests (sha256sum-style)");
  static std::string alg = "sha256";
  static std::vector<std::string> files;
  static std::string check;
  std::vector<std::string> names;
  for (const auto &[name, _] : algorithms()) names.push_back(name);
  cmd->add_option("--alg,-a", alg, "algorithm")->check(CLI::IsMember(names));
  cmd->add_option("--check,-c", check, "read digests from SUMS and check them");
  cmd->add_option("FILE", files, "files to hash ('-' for stdin; default: stdin)");
  cmd->callback([] {
    if (!check.empty()) {
      if (!files.empty()) throw CLI::ValidationError("--check takes no FILE arguments");
      if (int rc = check_sums(alg, check); rc != 0) throw CLI::RuntimeError(rc);
      return;
    }
    if (files.empty()) files.push_back("-");
    int failed = 0;
    for (const auto &f : files) {
      std::string err;
      const std::string digest = hash_file(alg, f, err);
      if (digest.empty()) {
        std::fprintf(stderr, "nacre: %s: %s\n", f.c_str(), err.c_str());
        ++failed;
        continue;
      }
      std::printf("%s  %s\n", digest.c_str(), f.c_str());
    }
    if (failed) throw CLI::RuntimeError(1);
  });
}

}  // namespace nacre::cli
