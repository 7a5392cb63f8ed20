"""nacre: vetted cryptography (BoringSSL, libsodium) behind one stable C ABI.

Modules: :mod:`nacre.hash` (shaped like hashlib), :mod:`nacre.hmac` (shaped like hmac),
:mod:`nacre.aead` (shaped like pyca/cryptography's AEAD classes, which are also here:
``nacre.AESGCM``, ``nacre.ChaCha20Poly1305``, ...), :mod:`nacre.secretstream` (streaming
encryption, file wrappers), :mod:`nacre.kdf` (HKDF, PBKDF2, scrypt, subkeys) and
:mod:`nacre.pwhash` (Argon2id, Argon2i and scrypt password hashing).

Every exception raised by the library derives from :class:`nacre.Error`; bad sizes are also
ValueErrors. Inputs may be any bytes-like object and are read in place, without copying.
"""

from __future__ import annotations

from . import aead, hash, hmac, kdf, pwhash, secretstream
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
    OutOfMemory,
    TrailingData,
    TruncatedStream,
    UnsupportedAlgorithm,
    VerificationFailed,
)
from ._nacre import ffi as _ffi
from ._nacre import lib as _lib
from ._random import random_bytes, random_bytes_into
from .aead import AEGIS128L, AEGIS256, AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305

__version__: str = _ffi.string(_lib.nacre_version_string()).decode("ascii")
#: The C ABI version (1 for NACRE_1); grows only when functions are added.
abi_version: int = _lib.nacre_abi_version()

__all__ = [
    "__version__",
    "abi_version",
    "hash",
    "hmac",
    "aead",
    "secretstream",
    "kdf",
    "pwhash",
    "AESGCM",
    "AESGCMSIV",
    "ChaCha20Poly1305",
    "XChaCha20Poly1305",
    "AEGIS128L",
    "AEGIS256",
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
    "InvalidKey",
    "UnsupportedAlgorithm",
    "InvalidHandle",
    "OutOfMemory",
    "InternalError",
]
