// nacre encrypt / nacre decrypt / nacre age: age v1 files (c2sp.org/age) with age's own flags,
// streamed in constant memory. A named output appears only once complete and authenticated
// (output_file.hpp); stdout is streamed, and a later failure exits 1 with a message, as age does.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "nacre/age.hpp"
#include "input_file.hpp"
#include "output_file.hpp"
#include "progress.hpp"
#include "secrets_input.hpp"

namespace nacre::cli {
namespace {

constexpr std::size_t kPiece = age::kChunkSize;
constexpr std::size_t kMaxKeyFile = std::size_t{16} << 20;

struct AgeOptions {
  std::vector<std::string> recipients;
  std::vector<std::string> recipient_files;
  std::vector<std::string> identity_files;
  SecretSource secret;
  std::string output = "-";
  std::string input = "-";
  int work_factor = age::kDefaultWorkFactor;
  int max_work_factor = age::kMaxWorkFactor;
  bool decrypt = false;
  bool encrypt = false;  // age -e: the default, accepted for scripts
  bool passphrase = false;
  bool armor = false;
  bool output_given = false;
  bool force = false;
  bool progress = false;
  bool no_progress = false;
};

// A usage error: exit status 2, like CLI11's own.
[[noreturn]] void usage(const std::string &what) { throw CLI::ValidationError(what); }

std::string text_of(ByteView v) { return {reinterpret_cast<const char *>(v.data()), v.size()}; }

Progress::Mode progress_mode(const AgeOptions &o) {
  if (o.progress && o.no_progress) usage("--progress and --no-progress exclude each other");
  return o.progress ? Progress::Mode::on : (o.no_progress ? Progress::Mode::off : Progress::Mode::automatic);
}

// Runs |stream| over the input into the output: each piece as it is ready.
template <class Stream>
void pump(Stream &stream, InputFile &in, OutputFile &out, Progress &progress) {
  Bytes buf(kPiece), ready;
  for (;;) {
    const ByteView piece = in.read(buf);
    if (piece.empty()) break;
    ready.clear();
    stream.write(piece, ready);
    out.write(ready);
    progress.add(piece.size());
  }
  ready.clear();
  stream.finish(ready);
  out.write(ready);
}

std::vector<age::Recipient> recipients_of(const AgeOptions &o) {
  const bool by_passphrase = o.passphrase || !o.secret.passphrase_file.empty() || !o.secret.passphrase_env.empty();
  if (by_passphrase && (!o.recipients.empty() || !o.recipient_files.empty())) {
    usage("a passphrase (-p) cannot be combined with -r or -R");
  }
  std::vector<age::Recipient> rs;
  for (const std::string &r : o.recipients) {
    try {
      rs.push_back(age::Recipient::parse(r));
    } catch (const nacre::Error &e) {
      throw std::runtime_error("-r " + r + ": " + e.what());
    }
  }
  for (const std::string &path : o.recipient_files) {
    const SecretBytes text = read_secret_file(path, kMaxKeyFile);
    try {
      for (age::Recipient &r : age::parse_recipients(text_of(text.view()))) rs.push_back(std::move(r));
    } catch (const nacre::Error &e) {
      throw std::runtime_error(path + ": " + e.what());
    }
  }
  if (by_passphrase) {
    const SecretBytes pass = read_passphrase(o.secret, /*confirm=*/true);
    rs.push_back(age::Recipient::passphrase(text_of(pass.view()), o.work_factor));
  }
  if (rs.empty()) usage("nothing to encrypt to: give -r RECIPIENT, -R FILE or -p");
  return rs;
}

std::vector<age::Identity> identities_of(const AgeOptions &o) {
  std::vector<age::Identity> ids;
  for (const std::string &path : o.identity_files) {
    const SecretBytes text = read_secret_file(path, kMaxKeyFile);
    try {
      for (age::Identity &id : age::parse_identities(text_of(text.view()))) ids.push_back(std::move(id));
    } catch (const nacre::Error &e) {
      throw std::runtime_error(path + ": " + e.what());
    }
  }
  if (ids.empty()) {  // no -i: the file is expected to be encrypted to a passphrase
    const SecretBytes pass = read_passphrase(o.secret, /*confirm=*/false);
    ids.push_back(age::Identity::passphrase(text_of(pass.view()), o.max_work_factor));
  }
  return ids;
}

void run_encrypt(const AgeOptions &o) {
  if (!o.identity_files.empty()) usage("-i is for decrypting (-d); encrypt to -r, -R or -p");
  const std::vector<age::Recipient> rs = recipients_of(o);
  if (o.output == "-" && !o.output_given && !o.armor && isatty(STDOUT_FILENO) == 1) {
    throw std::runtime_error("refusing to write binary age output to a terminal: use -a/--armor, -o FILE, or -o - to force");
  }
  InputFile in(o.input);
  OutputFile out(o.output, o.force, 0644);
  age::Encryptor enc(rs, o.armor);
  Progress progress(progress_mode(o), "encrypting", in.size());
  pump(enc, in, out, progress);
  out.commit();
}

std::string failure_hint(const age::Error &e, const AgeOptions &o) {
  switch (e.failure()) {
    case age::Failure::no_identity:
      return o.identity_files.empty() ? " (wrong passphrase, or the file is encrypted to keys: use -i)"
                                      : " (wrong identity, or the file is encrypted to a passphrase)";
    case age::Failure::header_mac: return " (the header was changed, or the wrong passphrase or key)";
    default: return "";
  }
}

void run_decrypt(const AgeOptions &o) {
  if (!o.recipients.empty() || !o.recipient_files.empty()) usage("-r and -R are for encrypting; decrypt with -i");
  if (o.armor) usage("-a is for encrypting: armored files are recognised when decrypting");
  const std::vector<age::Identity> ids = identities_of(o);
  InputFile in(o.input);
  OutputFile out(o.output, o.force, 0600);
  age::Decryptor dec(ids);
  Progress progress(progress_mode(o), "decrypting", in.size());
  try {
    pump(dec, in, out, progress);
  } catch (const age::Error &e) {
    std::string msg = in.name() + ": " + e.what() + failure_hint(e, o);
    if (out.is_stdout() && out.written() > 0) {
      msg += "; the " + std::to_string(out.written()) + " bytes already written to stdout are not authentic";
    } else if (!out.is_stdout()) {
      msg += "; " + out.path() + " was not written";
    }
    throw std::runtime_error(msg);
  }
  out.commit();
}

void add_common(CLI::App *cmd, AgeOptions &o) {
  cmd->add_option("INPUT", o.input, "input file ('-' or none: stdin)");
  cmd->add_option("-o,--output", o.output, "output file ('-' or none: stdout); a file appears only once complete")
      ->each([&o](const std::string &) { o.output_given = true; });
  cmd->add_flag("-f,--force", o.force, "replace an existing output file");
  cmd->add_option("--passphrase-file", o.secret.passphrase_file, "read the passphrase from a file (first line)");
  cmd->add_option("--passphrase-env", o.secret.passphrase_env, "read the passphrase from an environment variable")
      ->excludes("--passphrase-file");
  cmd->add_flag("--progress", o.progress, "show progress on stderr even when it is not a terminal");
  cmd->add_flag("--no-progress", o.no_progress, "never show progress");
}

void add_encrypt_options(CLI::App *cmd, AgeOptions &o) {
  cmd->add_option("-r,--recipient", o.recipients, "encrypt to this recipient (age1..., age1pq1...); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("-R,--recipients-file", o.recipient_files, "encrypt to the recipients in this file; repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("-p,--passphrase", o.passphrase, "encrypt to a passphrase (asked for on the terminal)");
  cmd->add_flag("-a,--armor", o.armor, "write ASCII armor (PEM) instead of binary");
  cmd->add_option("--work-factor", o.work_factor, "scrypt log2(N) for -p (default 18)")->check(CLI::Range(1, 30));
}

void add_decrypt_options(CLI::App *cmd, AgeOptions &o) {
  cmd->add_option("-i,--identity", o.identity_files, "an identity file (age-keygen's); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--max-work-factor", o.max_work_factor, "refuse passphrase files with a larger scrypt log2(N) (default 22)")
      ->check(CLI::Range(1, 30));
}

constexpr const char *kEncryptExamples = R"(
Examples:
  nacre keygen -o key.txt                      # an identity; its recipient is printed
  nacre encrypt -r age1... -o secret.age secret.txt
  nacre encrypt -R team.txt -a < data > data.age
  nacre encrypt -p -o backup.tar.age backup.tar
Files are age v1: age, rage and pyrage read them.)";

constexpr const char *kDecryptExamples = R"(
Examples:
  nacre decrypt -i key.txt -o secret.txt secret.age
  nacre decrypt --passphrase-file pw.txt backup.tar.age > backup.tar
To a file (-o), nothing appears unless the whole file authenticates (an existing file is kept
unless --force). To stdout, plaintext is written as each 64 KiB chunk authenticates; if a later
chunk fails, nacre exits 1 and says so: treat what was written as untrusted.)";

}  // namespace

void add_age_commands(CLI::App &app) {
  static AgeOptions enc, dec, both;
  auto *e = app.add_subcommand("encrypt", "Encrypt a file as age v1 (to recipients or a passphrase)");
  add_common(e, enc);
  add_encrypt_options(e, enc);
  e->footer(kEncryptExamples);
  e->callback([] { run_encrypt(enc); });

  auto *d = app.add_subcommand("decrypt", "Decrypt an age v1 file (binary or armored)");
  add_common(d, dec);
  add_decrypt_options(d, dec);
  d->footer(kDecryptExamples);
  d->callback([] { run_decrypt(dec); });

  auto *a = app.add_subcommand("age", "age's own command line: encrypt (-e, the default) or decrypt (-d)");
  add_common(a, both);
  add_encrypt_options(a, both);
  add_decrypt_options(a, both);
  a->add_flag("-e,--encrypt", both.encrypt, "encrypt (the default)");
  a->add_flag("-d,--decrypt", both.decrypt, "decrypt")->excludes("--encrypt");
  a->footer(std::string(kEncryptExamples) + "\n" + kDecryptExamples);
  a->callback([] { both.decrypt ? run_decrypt(both) : run_encrypt(both); });
}

}  // namespace nacre::cli
