// age's payload: the STREAM construction over ChaCha20-Poly1305 in 64 KiB chunks, and the
// Encryptor/Decryptor that put a header in front of it (c2sp.org/age, "Payload").
#include <algorithm>
#include <array>
#include <optional>

#include "age_armor.hpp"
#include "age_header.hpp"
#include "nacre/aead.hpp"
#include "nacre/kdf.hpp"
#include "nacre/random.hpp"

namespace nacre::age {

using detail::fail;

namespace {

constexpr std::size_t kSealedChunk = kChunkSize + kChunkOverhead;
constexpr std::string_view kPayloadInfo = "payload";

AeadKey payload_key(ByteView file_key, ByteView nonce) {
  const SecretBytes key = hkdf(HashAlg::sha256, file_key, nonce, as_bytes_view(kPayloadInfo), 32);
  return AeadKey::create(AeadAlg::chacha20_poly1305, key.view());
}

// The 12-byte chunk nonce: an 11-byte big-endian counter, then 1 for the final chunk.
std::array<std::uint8_t, 12> chunk_nonce(std::uint64_t counter, bool final) {
  std::array<std::uint8_t, 12> nonce{};
  for (int i = 0; i < 8; ++i) nonce[10 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
  nonce[11] = final ? 1 : 0;
  return nonce;
}

void append_opened(const AeadKey &key, std::uint64_t counter, bool final, ByteView sealed,
                   Bytes &out) {
  const std::size_t at = out.size();
  out.resize(at + sealed.size() - kChunkOverhead);
  try {
    key.open_into(MutableByteView(out).subspan(at), chunk_nonce(counter, final), sealed, {});
  } catch (...) {
    out.resize(at);  // nothing of a chunk that did not authenticate
    throw;
  }
}

}  // namespace

// The state of one Encryptor or Decryptor.
class StreamState {
 public:
  enum class Phase { header, nonce, chunks, done, failed };

  Phase phase = Phase::header;
  std::vector<Identity> identities;  // decrypting
  Bytes pending;                     // encrypting: header and nonce, not yet written
  Bytes buffer;                      // header bytes, nonce bytes, or the current chunk
  std::size_t scanned = 0;           // how far the header's end was searched
  SecretBytes file_key;              // decrypting: from the header until the nonce is in
  std::optional<AeadKey> key;
  std::uint64_t counter = 0;
  std::optional<detail::ArmorWriter> armor_out;  // encrypting with armor
  std::optional<detail::ArmorReader> armor_in;   // decrypting an armored file
  bool format_known = false;                     // decrypting: binary or armored, decided
  bool skipped_space = false;                    // whitespace before the first byte

  // Decrypting: binary unless the first non-space byte is '-' (armor's "-----BEGIN").
  void take(ByteView in, Bytes &out) {
    if (!format_known) {
      while (!in.empty() && (in[0] == ' ' || in[0] == '\t' || in[0] == '\r' || in[0] == '\n')) {
        in = in.subspan(1);
        skipped_space = true;
      }
      if (in.empty()) return;
      format_known = true;
      if (in[0] == '-') {
        armor_in.emplace();
      } else if (skipped_space) {
        fail(Failure::header, "not an age v1 file (space before its version line)");
      }
    }
    if (!armor_in) return decrypt(in, out);
    Bytes decoded;
    armor_in->write(in, decoded);
    decrypt(decoded, out);
  }

  void finish_take(Bytes &out) {
    if (armor_in) {
      Bytes decoded;
      armor_in->finish(decoded);
      decrypt(decoded, out);
    }
    finish_decrypt(out);
  }

  // Encrypting: |binary| as it goes out, armored if asked.
  void emit(const Bytes &binary, Bytes &out) {
    if (armor_out) armor_out->write(binary, out);
    else out.insert(out.end(), binary.begin(), binary.end());
  }

  bool closed() const noexcept { return phase == Phase::done || phase == Phase::failed; }

  void usable() const {
    if (phase == Phase::done) throw nacre::Error(Status::invalid_argument, "age: the stream is finished");
    if (phase == Phase::failed) throw nacre::Error(Status::invalid_argument, "age: the stream failed earlier");
  }

  void seal_chunk(bool final, Bytes &out) {
    const std::size_t at = out.size();
    out.resize(at + buffer.size() + kChunkOverhead);
    key->seal_into(MutableByteView(out).subspan(at), chunk_nonce(counter++, final), buffer, {});
    buffer.clear();
  }

  // A full sealed chunk with more input behind it: not the last one.
  void open_middle_chunk(Bytes &out) {
    try {
      append_opened(*key, counter, false, buffer, out);
    } catch (const nacre::Error &e) {
      if (e.status() != Status::verification_failed) throw;
      // A valid final chunk with more data behind it: its plaintext authenticated and is
      // released, as other age implementations do; the trailing data is the failure.
      try {
        append_opened(*key, counter, true, buffer, out);
      } catch (const nacre::Error &) {
        fail(Failure::payload, "chunk " + std::to_string(counter) + " failed to authenticate");
      }
      fail(Failure::payload, "data after the final chunk");
    }
    ++counter;
    buffer.clear();
  }

  void begin_payload(ByteView header_bytes) {
    const detail::Header header = detail::parse_header(header_bytes);
    std::optional<SecretBytes> unwrapped;
    for (const Identity &id : identities) {
      unwrapped = id.unwrap(header.stanzas);
      if (unwrapped) break;
    }
    if (!unwrapped) fail(Failure::no_identity, "no identity matches any recipient stanza");
    if (!detail::header_mac_matches(header_bytes, header, unwrapped->view())) {
      fail(Failure::header_mac, "the header MAC does not match");
    }
    file_key = std::move(*unwrapped);
    phase = Phase::nonce;
  }

  void decrypt(ByteView in, Bytes &out) {
    while (!in.empty()) {
      if (phase == Phase::header) {
        // Take what may be header, then give back what follows its end.
        const std::size_t take = std::min(in.size(), kMaxHeaderSize + 1 - buffer.size());
        buffer.insert(buffer.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(take));
        in = in.subspan(take);
        const std::optional<std::size_t> end = detail::header_end(buffer, scanned);
        if (!end) continue;
        Bytes rest(buffer.begin() + static_cast<std::ptrdiff_t>(*end), buffer.end());
        buffer.resize(*end);
        begin_payload(buffer);
        buffer = std::move(rest);
        feed_rest(out);
        continue;
      }
      append_input(in, out);
      in = {};
    }
  }

  void feed_rest(Bytes &out) {
    Bytes rest = std::move(buffer);
    buffer.clear();
    append_input(rest, out);
  }

  void append_input(ByteView in, Bytes &out) {
    while (!in.empty()) {
      if (phase == Phase::nonce) {
        const std::size_t take = std::min(in.size(), kNonceSize - buffer.size());
        buffer.insert(buffer.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(take));
        in = in.subspan(take);
        if (buffer.size() == kNonceSize) {
          key = payload_key(file_key.view(), buffer);
          file_key = SecretBytes();
          buffer.clear();
          phase = Phase::chunks;
        }
        continue;
      }
      if (buffer.size() == kSealedChunk) open_middle_chunk(out);
      const std::size_t take = std::min(in.size(), kSealedChunk - buffer.size());
      buffer.insert(buffer.end(), in.begin(), in.begin() + static_cast<std::ptrdiff_t>(take));
      in = in.subspan(take);
    }
  }

  void finish_decrypt(Bytes &out) {
    if (phase == Phase::header) fail(Failure::header, "the file ends inside the header");
    if (phase == Phase::nonce) fail(Failure::header, "the file ends before the payload nonce");
    if (buffer.size() < kChunkOverhead) fail(Failure::payload, "the payload is truncated");
    if (buffer.size() == kChunkOverhead && counter != 0) {
      fail(Failure::payload, "an empty final chunk after other chunks");
    }
    try {
      append_opened(*key, counter, true, buffer, out);
    } catch (const nacre::Error &e) {
      if (e.status() != Status::verification_failed) throw;
      if (buffer.size() == kSealedChunk) {
        // A valid middle chunk at the end: released (it authenticated), the file is truncated.
        try {
          append_opened(*key, counter, false, buffer, out);
        } catch (const nacre::Error &) {
          fail(Failure::payload, "the last chunk is not a valid final chunk (truncated or changed)");
        }
        fail(Failure::payload, "the file ends without a final chunk (truncated)");
      }
      fail(Failure::payload, "the last chunk is not a valid final chunk (truncated or changed)");
    }
    buffer.clear();
  }
};

namespace {

// Runs |step| on |state|, marking it failed when it throws.
template <class Step>
void guarded(StreamState &state, Step step) {
  state.usable();
  try {
    step();
  } catch (...) {
    state.phase = StreamState::Phase::failed;
    throw;
  }
}

}  // namespace

Encryptor::Encryptor(std::span<const Recipient> recipients, bool armor)
    : state_(std::make_unique<StreamState>()) {
  if (armor) state_->armor_out.emplace();
  if (recipients.empty()) throw nacre::Error(Status::invalid_argument, "age: no recipients");
  const bool has_passphrase = std::any_of(recipients.begin(), recipients.end(),
                                          [](const Recipient &r) { return r.is_passphrase(); });
  if (has_passphrase && recipients.size() != 1) {
    throw nacre::Error(Status::invalid_argument, "age: a passphrase must be the only recipient");
  }
  const SecretBytes file_key = SecretBytes::random(kFileKeySize);
  std::vector<Stanza> stanzas;
  for (const Recipient &r : recipients) stanzas.push_back(r.wrap(file_key.view()));
  state_->pending = detail::write_header(stanzas, file_key.view());
  const Bytes nonce = random_bytes(kNonceSize);
  state_->pending.insert(state_->pending.end(), nonce.begin(), nonce.end());
  state_->key = payload_key(file_key.view(), nonce);
  state_->phase = StreamState::Phase::chunks;
  state_->buffer.reserve(kChunkSize);
}

Encryptor::Encryptor(Encryptor &&) noexcept = default;
Encryptor &Encryptor::operator=(Encryptor &&) noexcept = default;
Encryptor::~Encryptor() = default;

void Encryptor::write(ByteView plaintext, Bytes &out) {
  StreamState &s = *state_;
  guarded(s, [&] {
    Bytes binary = std::move(s.pending);
    s.pending.clear();
    while (!plaintext.empty()) {
      if (s.buffer.size() == kChunkSize) s.seal_chunk(false, binary);  // more follows: not final
      const std::size_t take = std::min(plaintext.size(), kChunkSize - s.buffer.size());
      s.buffer.insert(s.buffer.end(), plaintext.begin(), plaintext.begin() + static_cast<std::ptrdiff_t>(take));
      plaintext = plaintext.subspan(take);
    }
    s.emit(binary, out);
  });
}

void Encryptor::finish(Bytes &out) {
  StreamState &s = *state_;
  guarded(s, [&] {
    Bytes binary = std::move(s.pending);
    s.pending.clear();
    s.seal_chunk(true, binary);
    s.emit(binary, out);
    if (s.armor_out) s.armor_out->finish(out);
    s.phase = StreamState::Phase::done;
  });
}

namespace {

// Sealing P bytes of plaintext yields at most P + one tag per started chunk.
std::size_t sealed_bound(std::size_t plaintext) {
  return checked_add(plaintext, (plaintext / kChunkSize + 1) * kChunkOverhead);
}

}  // namespace

std::size_t Encryptor::max_write_output(std::size_t in_len) const {
  const StreamState &s = *state_;
  if (s.closed()) return 0;  // the call will be refused, writing nothing
  const std::size_t binary = checked_add(s.pending.size(), sealed_bound(checked_add(s.buffer.size(), in_len)));
  return s.armor_out ? s.armor_out->max_output(binary, false) : binary;
}

std::size_t Encryptor::max_finish_output() const {
  const StreamState &s = *state_;
  if (s.closed()) return 0;
  const std::size_t binary = checked_add(s.pending.size(), sealed_bound(s.buffer.size()));
  return s.armor_out ? s.armor_out->max_output(binary, true) : binary;
}

Decryptor::Decryptor(std::span<const Identity> identities, Format format)
    : state_(std::make_unique<StreamState>()) {
  if (identities.empty()) throw nacre::Error(Status::invalid_argument, "age: no identities");
  if (format != Format::detect && format != Format::binary && format != Format::armored) {
    throw nacre::Error(Status::invalid_argument, "age: unknown input format");
  }
  state_->format_known = format != Format::detect;
  if (format == Format::armored) state_->armor_in.emplace();
  state_->identities.assign(identities.begin(), identities.end());
}

Decryptor::Decryptor(Decryptor &&) noexcept = default;
Decryptor &Decryptor::operator=(Decryptor &&) noexcept = default;
Decryptor::~Decryptor() = default;

void Decryptor::write(ByteView ciphertext, Bytes &out) {
  StreamState &s = *state_;
  guarded(s, [&] { s.take(ciphertext, out); });
}

void Decryptor::finish(Bytes &out) {
  StreamState &s = *state_;
  guarded(s, [&] {
    s.finish_take(out);
    s.phase = StreamState::Phase::done;
  });
}

// Plaintext is never longer than the ciphertext (or armor) it comes from, so what the next
// call releases is bounded by what is buffered plus what it is given.
std::size_t Decryptor::max_write_output(std::size_t in_len) const {
  const StreamState &s = *state_;
  if (s.closed()) return 0;
  return checked_add(checked_add(s.buffer.size(), s.armor_in ? s.armor_in->buffered() : 0), in_len);
}

std::size_t Decryptor::max_finish_output() const { return max_write_output(0); }

namespace {

template <class Stream, class... Args>
Bytes whole(ByteView in, Args... args) {
  Stream stream(args...);
  Bytes out;
  stream.write(in, out);
  stream.finish(out);
  return out;
}

}  // namespace

Bytes encrypt(ByteView plaintext, std::span<const Recipient> recipients, bool armor) {
  return whole<Encryptor>(plaintext, recipients, armor);
}

Bytes decrypt(ByteView file, std::span<const Identity> identities, Format format) {
  return whole<Decryptor>(file, identities, format);
}

}  // namespace nacre::age
