#include "nacre/secretstream.hpp"

#include "backend/adapters.hpp"
#include "backend/aead_adapters.hpp"

namespace nacre {
namespace {

void require_key(ByteView key) {
  if (key.size() != kSecretStreamKeySize) {
    throw_size_error(Status::invalid_key, "secretstream key", kSecretStreamKeySize, key.size());
  }
}

}  // namespace

SecretStreamPush::SecretStreamPush(ByteView key, MutableByteView header_out)
    : state_(detail::sodium::secretstream_state_size()) {
  require_key(key);
  require_size(header_out, kSecretStreamHeaderSize, "header buffer");
  detail::sodium::secretstream_init_push(state_.mutable_view(), header_out, key);
}

void SecretStreamPush::push(MutableByteView out, ByteView msg, ByteView aad, StreamTag tag) {
  if (finished_) throw Error(Status::invalid_argument, "the stream was finished with a final tag");
  if (static_cast<std::uint8_t>(tag) > static_cast<std::uint8_t>(StreamTag::final)) {
    throw Error(Status::invalid_argument, "unknown stream tag");
  }
  require_size(out, checked_add(msg.size(), kSecretStreamOverhead), "output buffer");
  require_in_place_or_disjoint(out, msg);
  detail::sodium::secretstream_push(state_.mutable_view(), out, msg, aad,
                                    static_cast<std::uint8_t>(tag));
  if (tag == StreamTag::final) finished_ = true;
}

Bytes SecretStreamPush::push(ByteView msg, ByteView aad, StreamTag tag) {
  Bytes out(checked_add(msg.size(), kSecretStreamOverhead));
  push(out, msg, aad, tag);
  return out;
}

SecretStreamPull::SecretStreamPull(ByteView key, ByteView header)
    : state_(detail::sodium::secretstream_state_size()) {
  require_key(key);
  require_size(header, kSecretStreamHeaderSize, "secretstream header");
  detail::sodium::secretstream_init_pull(state_.mutable_view(), header, key);
}

StreamTag SecretStreamPull::pull(MutableByteView out, ByteView ct, ByteView aad) {
  auto fail = [&](const char *why) {
    if (!out.empty()) detail::sodium::wipe(out.data(), out.size());
    failed_ = true;
    throw Error(Status::verification_failed, why);
  };
  if (failed_) fail("the stream failed to authenticate earlier");
  if (finished_) fail("data after the final message");
  if (ct.size() < kSecretStreamOverhead) fail("message shorter than its overhead");
  require_size(out, ct.size() - kSecretStreamOverhead, "output buffer");
  require_in_place_or_disjoint(out, ct);
  std::uint8_t tag = 0;
  if (!detail::sodium::secretstream_pull(state_.mutable_view(), out, tag, ct, aad)) {
    fail("message failed to authenticate (tampered, reordered or from another stream)");
  }
  if (tag == static_cast<std::uint8_t>(StreamTag::final)) finished_ = true;
  return static_cast<StreamTag>(tag);
}

Bytes SecretStreamPull::pull(ByteView ct, ByteView aad, StreamTag &tag) {
  Bytes out(ct.size() >= kSecretStreamOverhead ? ct.size() - kSecretStreamOverhead : 0);
  tag = pull(out, ct, aad);
  return out;
}

}  // namespace nacre
