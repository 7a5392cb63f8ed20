// nacre keygen: age identities (age-keygen's files), minisign key pairs (minisign_commands.cpp),
// and key pairs as PKCS#8 and SubjectPublicKeyInfo PEM files.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "nacre/age.hpp"
#include "nacre/keys.hpp"
#include "output_file.hpp"
#include "secrets_input.hpp"

namespace nacre::cli {
namespace {

// keygen's --alg names.
const std::map<std::string, std::pair<KeyType, std::size_t>> &keygen_algs() {
  static const std::map<std::string, std::pair<KeyType, std::size_t>> algs = {
      {"ed25519", {KeyType::ed25519, 0}}, {"x25519", {KeyType::x25519, 0}},
      {"p256", {KeyType::p256, 0}},       {"p384", {KeyType::p384, 0}},
      {"p521", {KeyType::p521, 0}},
      {"rsa2048", {KeyType::rsa, 2048}},  {"rsa3072", {KeyType::rsa, 3072}},
      {"rsa4096", {KeyType::rsa, 4096}},
  };
  return algs;
}

// KEY.pem -> KEY.pub.pem; any other name gets ".pub.pem" appended.
std::string public_path_for(const std::string &out) {
  constexpr std::string_view ext = ".pem";
  if (out.size() > ext.size() && out.compare(out.size() - ext.size(), ext.size(), ext) == 0) {
    return out.substr(0, out.size() - ext.size()) + ".pub.pem";
  }
  return out + ".pub.pem";
}

struct KeygenOptions {
  std::string public_key;  // --minisign -p
  std::string secret_key;  // --minisign -s
  SecretSource secret;
  std::string alg;
  std::string out;
  std::string input = "-";
  bool minisign = false;
  bool unencrypted = false;  // --minisign -W
  bool force = false;
  bool post_quantum = false;
  bool to_recipients = false;  // -y
};

// age-keygen's identity file: two comment lines and the identity.
void age_keygen(const KeygenOptions &o) {
  const age::Identity id = age::Identity::generate(o.post_quantum);
  const std::string recipient = id.recipient().to_string();
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  const SecretBytes secret = id.to_string();
  const std::string head = std::string("# created: ") + when + "\n# public key: " + recipient + "\n";
  SecretBytes file(head.size() + secret.size() + 1);
  std::memcpy(file.data(), head.data(), head.size());
  std::memcpy(file.data() + head.size(), secret.data(), secret.size());
  file.data()[file.size() - 1] = '\n';
  const std::string out = o.out.empty() ? "-" : o.out;
  OutputFile f(out, o.force, 0600);
  f.write(file.view());
  f.commit();
  if (!f.is_stdout() || isatty(STDOUT_FILENO) != 1) std::fprintf(stderr, "Public key: %s\n", recipient.c_str());
}

// age-keygen -y: the recipient of each identity in a file.
void age_recipients(const KeygenOptions &o) {
  const SecretBytes text = read_secret_file(o.input, std::size_t{16} << 20);
  std::string out;
  try {
    for (const age::Identity &id :
         age::parse_identities({reinterpret_cast<const char *>(text.data()), text.size()})) {
      out += id.recipient().to_string() + "\n";
    }
  } catch (const Error &e) {
    throw std::runtime_error((o.input == "-" ? std::string("stdin") : o.input) + ": " + e.what());
  }
  OutputFile f(o.out.empty() ? "-" : o.out, o.force, 0644);
  f.write(as_bytes_view(out));
  f.commit();
}

void keygen(const KeygenOptions &o) {
  if (o.minisign) {
    if (!o.alg.empty() || o.post_quantum || o.to_recipients || !o.out.empty()) {
      throw CLI::ValidationError("--minisign takes -p, -s, -W and --force (not --alg, --pq, -y or -o)");
    }
    return minisign_keygen(o.public_key, o.secret_key, o.unencrypted, o.force, o.secret);
  }
  if (!o.public_key.empty() || !o.secret_key.empty() || o.unencrypted) {
    throw CLI::ValidationError("-p, -s and -W are for --minisign key pairs");
  }
  if (o.to_recipients) return age_recipients(o);
  if (o.alg.empty()) return age_keygen(o);
  if (o.post_quantum) throw CLI::ValidationError("--pq is for age identities (without --alg)");
  if (o.out.empty() || o.out == "-") throw CLI::ValidationError("--alg needs -o FILE: the key pair is two files");
  const std::string pub_path = public_path_for(o.out);
  if (!o.force) {
    for (const std::string &p : {o.out, pub_path}) {
      struct stat st{};
      if (lstat(p.c_str(), &st) == 0) throw std::runtime_error(p + " already exists (use --force to replace it)");
    }
  }
  const auto &[type, bits] = keygen_algs().at(o.alg);
  const Key key = Key::generate(type, bits);
  OutputFile priv(o.out, o.force, 0600);
  priv.write(key.export_private(KeyFormat::pkcs8_pem).view());
  OutputFile pub(pub_path, o.force, 0644);
  pub.write(key.export_public(KeyFormat::spki_pem));
  priv.commit();
  try {
    pub.commit();
  } catch (...) {
    unlink(o.out.c_str());  // a key pair is written whole or not at all
    throw;
  }
}

}  // namespace

void add_key_commands(CLI::App &app) {
  static KeygenOptions kg;
  auto *k = app.add_subcommand(
      "keygen", "Generate an age identity (age-keygen's file), or with --alg a PEM key pair: KEY.pem (PKCS#8, "
                "mode 0600) and KEY.pub.pem (SPKI)");
  std::vector<std::string> names;
  for (const auto &[name, _] : keygen_algs()) names.push_back(name);
  k->add_option("--alg", kg.alg, "a PEM key pair of this type")->check(CLI::IsMember(names));
  k->add_option("-o,--output", kg.out,
                "output file (mode 0600; age identity: default stdout; --alg: required, the public key goes to "
                "its name with .pub.pem for .pem)");
  k->add_flag("--pq", kg.post_quantum, "an ML-KEM-768+X25519 hybrid age identity (AGE-SECRET-KEY-PQ-1...)");
  k->add_flag("-y", kg.to_recipients, "print the recipients of the identities in INPUT (age-keygen -y)");
  k->add_option("INPUT", kg.input, "with -y: an identity file ('-' or none: stdin)");
  k->add_flag("-f,--force", kg.force, "replace existing files");
  k->add_flag("--minisign", kg.minisign, "a minisign key pair (minisign -G): -p PUBKEY, -s SECKEY, -W for no password");
  k->add_option("-p,--public-key-file", kg.public_key, "--minisign: public key file (default: ./minisign.pub)");
  k->add_option("-s,--secret-key", kg.secret_key, "--minisign: secret key file (default: ~/.minisign/minisign.key)");
  k->add_flag("-W", kg.unencrypted, "--minisign: do not encrypt the secret key with a password");
  k->add_option("--passphrase-file", kg.secret.passphrase_file, "--minisign: read the password from a file");
  k->add_option("--passphrase-env", kg.secret.passphrase_env, "--minisign: read the password from an environment variable");
  k->footer(R"(
Examples:
  nacre keygen -o key.txt            # age identity; prints "Public key: age1..."
  nacre keygen -y key.txt            # its recipient
  nacre keygen --alg ed25519 -o signing.pem
  nacre keygen --minisign -p minisign.pub -s minisign.key)");
  k->callback([] { keygen(kg); });
}

}  // namespace nacre::cli
