// nacre::age against Debian's age and age-keygen (the reference Go implementation), both ways:
// X25519 recipients, several recipients per file, binary and armored. Passphrase files are not
// run here: age reads passphrases from a terminal only. Hybrid recipients need age 1.3, newer
// than Debian's.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "nacre/age.hpp"
#include "vectors.hpp"

using namespace nacre;
namespace fs = std::filesystem;

namespace {

bool have_age() { return std::system("age --version >/dev/null 2>&1") == 0; }

// Runs a shell command; its exit status.
int run(const std::string &cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

Bytes read_file(const fs::path &p) {
  std::ifstream f(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void write_file(const fs::path &p, ByteView data) {
  std::ofstream f(p, std::ios::binary);
  f.write(reinterpret_cast<const char *>(data.data()), static_cast<std::streamsize>(data.size()));
}

std::string line_starting(const fs::path &p, const std::string &prefix) {
  std::ifstream f(p);
  for (std::string line; std::getline(f, line);) {
    const auto at = line.find(prefix);
    if (at != std::string::npos) return line.substr(at);
  }
  FAIL("no line with " << prefix << " in " << p);
  return {};
}

struct Workdir {
  fs::path path;
  Workdir() {
    std::string tmpl = (fs::temp_directory_path() / "nacre-age-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~Workdir() { fs::remove_all(path); }
};

Bytes sample(std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 131) ^ (i >> 8));
  return b;
}

}  // namespace

TEST_CASE("age interop: files cross between nacre and Debian's age both ways", "[age][interop]") {
  if (!have_age()) {
    if (test::wycheproof_required()) FAIL("Debian's age is not installed (scripts/bootstrap installs it)");
    WARN("age is not installed: interop skipped");
    return;
  }
  Workdir dir;
  const fs::path key = dir.path / "key.txt";
  REQUIRE(run("age-keygen -o '" + key.string() + "' 2>/dev/null") == 0);
  const age::Identity theirs = age::Identity::parse(line_starting(key, "AGE-SECRET-KEY-1"));
  // nacre derives the recipient age-keygen printed.
  CHECK(theirs.recipient().to_string() == line_starting(key, "age1"));
  const age::Identity ours = age::Identity::generate();

  for (std::size_t n : {std::size_t{0}, std::size_t{1000}, std::size_t{200000}}) {
    for (bool armor : {false, true}) {
      INFO("size " << n << (armor ? ", armored" : ", binary"));
      const Bytes pt = sample(n);
      write_file(dir.path / "pt", pt);

      // nacre -> age, to both recipients: age opens it with its own key.
      const Bytes file = age::encrypt(pt, std::vector<age::Recipient>{ours.recipient(), theirs.recipient()}, armor);
      write_file(dir.path / "from-nacre.age", file);
      REQUIRE(run("age -d -i '" + key.string() + "' -o '" + (dir.path / "out1").string() + "' '" +
                  (dir.path / "from-nacre.age").string() + "'") == 0);
      CHECK(read_file(dir.path / "out1") == pt);

      // age -> nacre, to both recipients: nacre opens it with either key.
      REQUIRE(run(std::string("age ") + (armor ? "-a " : "") + "-r " + ours.recipient().to_string() + " -r " +
                  theirs.recipient().to_string() + " -o '" + (dir.path / "from-age.age").string() + "' '" +
                  (dir.path / "pt").string() + "'") == 0);
      const Bytes from_age = read_file(dir.path / "from-age.age");
      CHECK(age::decrypt(from_age, std::vector<age::Identity>{ours}) == pt);
      CHECK(age::decrypt(from_age, std::vector<age::Identity>{theirs}) == pt);
    }
  }

  // A file nacre changed by one bit: age refuses it too.
  Bytes bad = age::encrypt(sample(5000), std::vector<age::Recipient>{theirs.recipient()});
  bad[bad.size() - 20] ^= 1;
  write_file(dir.path / "bad.age", bad);
  CHECK(run("age -d -i '" + key.string() + "' -o /dev/null '" + (dir.path / "bad.age").string() +
            "' 2>/dev/null") != 0);
}
