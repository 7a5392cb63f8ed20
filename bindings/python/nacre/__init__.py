"""nacre: vetted cryptography (BoringSSL, libsodium) behind one stable C ABI.

Modules: :mod:`nacre.hash` (shaped like hashlib), :mod:`nacre.hmac` (shaped like hmac),
:mod:`nacre.aead` (shaped like pyca/cryptography's AEAD classes, which are also here:
``nacre.AESGCM``, ``nacre.ChaCha20Poly1305``, ...), :mod:`nacre.secretstream` (streaming
encryption), :mod:`nacre.age` (age v1 files, shaped like pyrage, with file wrappers),
:mod:`nacre.minisign` (minisign signatures of files), :mod:`nacre.kdf` (HKDF, PBKDF2, scrypt,
subkeys), :mod:`nacre.keywrap` (AES key wrap, RFC 3394 and 5649, as pyca's) and
:mod:`nacre.pwhash` (Argon2id, Argon2i and scrypt password hashing).

Public keys: :mod:`nacre.keys` holds key classes shaped like pyca/cryptography's (also here:
``nacre.Ed25519PrivateKey``, ``nacre.X25519PrivateKey``, ``nacre.ECPrivateKey``,
``nacre.RSAPrivateKey``, ``nacre.MLKEM768PrivateKey``, ``nacre.XWingPrivateKey``, their public
counterparts, ``nacre.load_private_key`` and ``nacre.load_public_key``) with their operations:
signatures, key agreement, RSA-OAEP. :mod:`nacre.box` (sealed boxes and crypto_box, as PyNaCl's),
:mod:`nacre.hpke` (RFC 9180) and :mod:`nacre.kem` (ML-KEM-768, X-Wing) build on them.
:mod:`nacre.secret` has libsodium's secret box (PyNaCl's ``SecretBox`` shape), and
:mod:`nacre.nacl` PyNaCl's classes and module layout for code moving from PyNaCl (with
:mod:`nacre.encoding`'s encoders). :mod:`nacre.exceptions` holds pyca/cryptography's exception
names for code migrating from it.

Every exception raised by the library derives from :class:`nacre.Error`; bad sizes are also
ValueErrors. Inputs may be any bytes-like object and are read in place, without copying.

Keys live in secret memory (guarded, kept out of core dumps, locked while RLIMIT_MEMLOCK
allows, wiped when freed); :func:`nacre.secret_memory_stats` reports it.
"""

from __future__ import annotations

from . import (
    aead,
    age,
    box,
    encoding,
    exceptions,
    hash,
    hmac,
    hpke,
    kdf,
    kem,
    keys,
    keywrap,
    minisign,
    nacl,
    pwhash,
    secret,
    secretstream,
)
from ._binding import library as _library
from ._constant_time import compare_digest
from ._errors import (
    BufferTooSmall,
    Error,
    InternalError,
    InvalidArgument,
    InvalidHandle,
    InvalidKey,
    InvalidSignature,
    InvalidTag,
    InvalidUnwrap,
    OutOfMemory,
    TrailingData,
    TruncatedStream,
    UnsupportedAlgorithm,
    VerificationFailed,
)
from ._memory import SecretMemoryStats, secret_memory_stats
from ._random import random_bytes, random_bytes_into
from .aead import AEGIS128L, AEGIS256, AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305
from .keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    MLKEM768PrivateKey,
    MLKEM768PublicKey,
    RSAPrivateKey,
    RSAPublicKey,
    X25519PrivateKey,
    X25519PublicKey,
    XWingPrivateKey,
    XWingPublicKey,
    load_private_key,
    load_public_key,
)

__version__: str = _library.version_string()
#: The C ABI version (1 for NACRE_1); grows only when functions are added.
abi_version: int = _library.abi_version()

__all__ = [
    "__version__",
    "abi_version",
    "secret_memory_stats",
    "SecretMemoryStats",
    "hash",
    "hmac",
    "aead",
    "age",
    "secretstream",
    "kdf",
    "keywrap",
    "pwhash",
    "keys",
    "minisign",
    "box",
    "hpke",
    "kem",
    "exceptions",
    "secret",
    "encoding",
    "nacl",
    "AESGCM",
    "AESGCMSIV",
    "ChaCha20Poly1305",
    "XChaCha20Poly1305",
    "AEGIS128L",
    "AEGIS256",
    "X25519PrivateKey",
    "X25519PublicKey",
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    "ECPrivateKey",
    "ECPublicKey",
    "RSAPrivateKey",
    "RSAPublicKey",
    "MLKEM768PrivateKey",
    "MLKEM768PublicKey",
    "XWingPrivateKey",
    "XWingPublicKey",
    "load_private_key",
    "load_public_key",
    "compare_digest",
    "random_bytes",
    "random_bytes_into",
    "Error",
    "InvalidArgument",
    "BufferTooSmall",
    "VerificationFailed",
    "InvalidTag",
    "TruncatedStream",
    "TrailingData",
    "InvalidSignature",
    "InvalidUnwrap",
    "InvalidKey",
    "UnsupportedAlgorithm",
    "InvalidHandle",
    "OutOfMemory",
    "InternalError",
]
