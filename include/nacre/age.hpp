// The age v1 file format (c2sp.org/age), composed of nacre's own primitives exactly as the
// specification says: X25519 recipients and identities (age1... / AGE-SECRET-KEY-1...), the
// hybrid post-quantum mlkem768x25519 ones (age1pq1... / AGE-SECRET-KEY-PQ-1...: RFC 9180 HPKE
// over X-Wing), scrypt passphrases, ASCII armor, and the STREAM payload (HKDF-SHA-256,
// ChaCha20-Poly1305, 64 KiB chunks).
//
// Streaming in both directions in constant memory: an Encryptor holds at most one chunk, a
// Decryptor at most one chunk and the header (capped at kMaxHeaderSize). A Decryptor releases a
// chunk's plaintext only once that chunk has authenticated; a later failure (a changed or
// truncated chunk) still throws, so a caller that streams must treat what it got as untrusted
// until finish() returns, as with every streaming age implementation.
//
// Errors: age::Error (a nacre::Error) with the failure class the specification's test suite
// distinguishes. Encryptor and Decryptor are not thread-safe; Recipient and Identity are
// immutable and may be shared between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"
#include "nacre/status.hpp"

namespace nacre::age {

inline constexpr std::size_t kFileKeySize = 16;
inline constexpr std::size_t kChunkSize = std::size_t{64} * 1024;  // plaintext bytes per chunk
inline constexpr std::size_t kChunkOverhead = 16;                 // the Poly1305 tag
inline constexpr std::size_t kNonceSize = 16;                     // the payload nonce
inline constexpr std::size_t kMaxHeaderSize = std::size_t{1} << 20;
inline constexpr int kDefaultWorkFactor = 18;  // scrypt log2(N) for new passphrase files
inline constexpr int kMaxWorkFactor = 22;      // the largest log2(N) a Decryptor accepts by default

// What went wrong, as the specification's test vectors class it.
enum class Failure : int {
  header = 1,       // not an age v1 header, or a malformed or non-canonical one
  header_mac = 2,   // the header's MAC does not match the file key
  no_identity = 3,  // no identity given opens any stanza
  payload = 4,      // a chunk failed to authenticate, or the payload is truncated or extended
  armor = 5,        // malformed ASCII armor
};

class Error : public nacre::Error {
 public:
  Error(Failure failure, const std::string &what);
  Failure failure() const noexcept { return failure_; }

 private:
  Failure failure_;
};

// One recipient stanza: "-> type args..." and its body.
struct Stanza {
  std::string type;
  std::vector<std::string> args;
  Bytes body;
};

class RecipientImpl;
class IdentityImpl;

// Who a file is encrypted to: an X25519 public key ("age1..."), a hybrid post-quantum
// ML-KEM-768+X25519 (X-Wing) public key ("age1pq1..."), or a passphrase.
class Recipient {
 public:
  // "age1..." or "age1pq1..." (Bech32, lower or upper case). Error(invalid_key) otherwise.
  static Recipient parse(std::string_view text);
  // A passphrase recipient (not empty), with scrypt's log2(N) (1 to 30; new files:
  // kDefaultWorkFactor).
  static Recipient passphrase(std::string_view passphrase, int work_factor = kDefaultWorkFactor);

  bool is_passphrase() const noexcept;
  bool is_post_quantum() const noexcept;  // an age1pq1... recipient
  std::string to_string() const;  // "age1..." (Error(invalid_argument) for a passphrase)
  Stanza wrap(ByteView file_key) const;

 private:
  explicit Recipient(std::shared_ptr<const RecipientImpl> impl) noexcept;
  std::shared_ptr<const RecipientImpl> impl_;
  friend class Identity;
};

// What decrypts a file: an X25519 identity ("AGE-SECRET-KEY-1..."), a hybrid one
// ("AGE-SECRET-KEY-PQ-1..."), or a passphrase.
class Identity {
 public:
  static Identity generate(bool post_quantum = false);  // a new X25519 (or hybrid) identity
  // "AGE-SECRET-KEY-1..." or "AGE-SECRET-KEY-PQ-1..." (either case). Error(invalid_key) otherwise.
  static Identity parse(std::string_view text);
  // A passphrase identity, accepting work factors up to |max_work_factor| (at most 30).
  static Identity passphrase(std::string_view passphrase, int max_work_factor = kMaxWorkFactor);

  bool is_passphrase() const noexcept;
  SecretBytes to_string() const;  // "AGE-SECRET-KEY-1..." (a secret: wiped memory)
  Recipient recipient() const;    // its recipient (Error(invalid_argument) for a passphrase)

  // The file key if one of |stanzas| is addressed to this identity and opens; nothing if none
  // is. A malformed stanza of this identity's type is age::Error(Failure::header).
  std::optional<SecretBytes> unwrap(std::span<const Stanza> stanzas) const;

 private:
  explicit Identity(std::shared_ptr<const IdentityImpl> impl) noexcept;
  std::shared_ptr<const IdentityImpl> impl_;
};

// The recipients in the text of a recipients file (age -R) and the identities in that of an
// identity file (age-keygen's): one per line, blank lines and lines starting with '#'
// ignored, LF or CRLF line ends. Error(invalid_key) naming the line for anything else (an SSH
// key, a plugin, an encrypted identity file), Error(invalid_argument) when there is none.
std::vector<Recipient> parse_recipients(std::string_view text);
std::vector<Identity> parse_identities(std::string_view text);

class StreamState;

// How a Decryptor reads its input: told apart by the first bytes (detect: armor when the first
// byte after any whitespace is '-'), or as the caller knows it.
enum class Format : int { detect = 0, binary = 1, armored = 2 };

// Encrypts one file to |recipients| (at least one; a passphrase only alone, as the
// specification requires). write() appends the header and every completed chunk to |out|;
// finish() appends the final chunk. Output is binary age, or with |armor| ASCII armor (PEM,
// "AGE ENCRYPTED FILE").
class Encryptor {
 public:
  explicit Encryptor(std::span<const Recipient> recipients, bool armor = false);
  Encryptor(Encryptor &&) noexcept;
  Encryptor &operator=(Encryptor &&) noexcept;
  ~Encryptor();

  void write(ByteView plaintext, Bytes &out);
  void finish(Bytes &out);  // once; write() and finish() afterwards: Error(invalid_argument)

  // The most bytes the next write() of |in_len| bytes, or finish(), can append: for callers
  // that size an output buffer first (the C ABI). Error(invalid_argument) on overflow; 0 once
  // finished or failed (the call is then refused).
  std::size_t max_write_output(std::size_t in_len) const;
  std::size_t max_finish_output() const;

 private:
  std::unique_ptr<StreamState> state_;
};

// Decrypts one age file, binary or armored (told apart by its first bytes), with any of
// |identities|. write() takes the file in pieces of
// any size and appends each authenticated chunk's plaintext to |out|; finish() checks that the
// file ended with a valid final chunk and appends it. After any age::Error the Decryptor refuses
// further use (Error(invalid_argument)).
class Decryptor {
 public:
  explicit Decryptor(std::span<const Identity> identities, Format format = Format::detect);
  Decryptor(Decryptor &&) noexcept;
  Decryptor &operator=(Decryptor &&) noexcept;
  ~Decryptor();

  void write(ByteView ciphertext, Bytes &out);
  void finish(Bytes &out);

  // As for Encryptor: bounds on what the next write() or finish() appends.
  std::size_t max_write_output(std::size_t in_len) const;
  std::size_t max_finish_output() const;

 private:
  std::unique_ptr<StreamState> state_;
};

// One-shot forms. decrypt returns nothing unless the whole file authenticates.
Bytes encrypt(ByteView plaintext, std::span<const Recipient> recipients, bool armor = false);
Bytes decrypt(ByteView file, std::span<const Identity> identities, Format format = Format::detect);

}  // namespace nacre::age
