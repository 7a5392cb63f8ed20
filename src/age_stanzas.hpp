// age's native recipient stanzas, one pair of functions per type (c2sp.org/age). wrap makes a
// stanza for a new file; unwrap returns the file key if the stanza opens, nothing if it is
// addressed to someone else, and Failure::header for a malformed stanza of its type.
#pragma once

#include <optional>
#include <string>

#include "nacre/age.hpp"
#include "nacre/keys.hpp"

namespace nacre::age::detail {

Stanza x25519_wrap(const Key &recipient, ByteView file_key);
std::optional<SecretBytes> x25519_unwrap(const Key &identity, const Stanza &s);

Stanza scrypt_wrap(ByteView passphrase, int work_factor, ByteView file_key);
std::optional<SecretBytes> scrypt_unwrap(ByteView passphrase, int max_work_factor, const Stanza &s);

// mlkem768x25519: HPKE (RFC 9180) base mode over X-Wing, HKDF-SHA256, ChaCha20-Poly1305.
Stanza hybrid_wrap(const Key &recipient, ByteView file_key);
std::optional<SecretBytes> hybrid_unwrap(const Key &identity, const Stanza &s);

// Shared by the types: the file key sealed with ChaCha20-Poly1305, a stanza argument of a fixed
// size in canonical base64, and the body-size check done before any decryption.
Bytes seal_file_key(ByteView key, ByteView nonce, ByteView file_key);
std::optional<SecretBytes> open_file_key(ByteView key, ByteView nonce, ByteView body);
Bytes stanza_field(const std::string &text, std::size_t size, const char *what);
void require_args(const Stanza &s, std::size_t n);
void require_wrapped_body(const Stanza &s);

}  // namespace nacre::age::detail
