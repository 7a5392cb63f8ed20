// Streaming encryption of long data: libsodium's secretstream (XChaCha20-Poly1305).
#pragma once

#include <cstddef>
#include <cstdint>

#include "nacre/bytes.hpp"
#include "nacre/secret.hpp"

namespace nacre {

inline constexpr std::size_t kSecretStreamKeySize = 32;
inline constexpr std::size_t kSecretStreamHeaderSize = 24;
inline constexpr std::size_t kSecretStreamOverhead = 17;  // per message

// Numbers are nacre_secretstream_tag's in nacre.h (capi/src/enum_values.cpp checks each).
enum class StreamTag : std::uint8_t {
  message = 0,
  push = 1,   // end of a logical set of messages
  rekey = 2,  // forget the current key, derive a new one
  final = 3,  // last message of the stream
};

// SecretStreamPush encrypts a sequence of messages; each is authenticated, ordered, and the
// stream's end is marked by a final tag, so the reader detects truncation, reordering, and
// dropped or replayed messages. Move-only; one thread at a time.
class SecretStreamPush {
 public:
  // |header_out| receives kSecretStreamHeaderSize bytes to send before the first message.
  SecretStreamPush(ByteView key, MutableByteView header_out);
  // Encrypts |msg| into |out| (msg.size() + kSecretStreamOverhead bytes). After a final tag the
  // stream is closed: further pushes throw Error(invalid_argument).
  void push(MutableByteView out, ByteView msg, ByteView aad, StreamTag tag);
  Bytes push(ByteView msg, ByteView aad = {}, StreamTag tag = StreamTag::message);
  bool finished() const noexcept { return finished_; }

 private:
  SecretBytes state_;
  bool finished_ = false;
};

// SecretStreamPull decrypts what SecretStreamPush produced. A message that fails to authenticate
// throws Error(verification_failed), zeroes its output, and poisons the stream: every later pull
// fails too. Anything after the final message is rejected; finished() tells whether the final
// message arrived, so a reader that reaches the end of its input without it knows the stream was
// truncated.
class SecretStreamPull {
 public:
  SecretStreamPull(ByteView key, ByteView header);
  // Decrypts |ct| into |out| (ct.size() - kSecretStreamOverhead bytes); returns its tag.
  StreamTag pull(MutableByteView out, ByteView ct, ByteView aad);
  Bytes pull(ByteView ct, ByteView aad, StreamTag &tag);
  bool finished() const noexcept { return finished_; }

 private:
  SecretBytes state_;
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace nacre
