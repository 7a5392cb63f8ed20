"""nacre: vetted cryptography (BoringSSL, libsodium) behind one stable C ABI.

Modules: :mod:`nacre.hash` (shaped like hashlib) and :mod:`nacre.hmac` (shaped like hmac).
Every exception raised by the library derives from :class:`nacre.Error`; bad sizes are also
ValueErrors. Inputs may be any bytes-like object and are read in place, without copying.
"""

from __future__ import annotations

from . import hash, hmac
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
    UnsupportedAlgorithm,
    VerificationFailed,
)
from ._nacre import ffi as _ffi
from ._nacre import lib as _lib
from ._random import random_bytes, random_bytes_into

__version__: str = _ffi.string(_lib.nacre_version_string()).decode("ascii")
#: The C ABI version (1 for NACRE_1); grows only when functions are added.
abi_version: int = _lib.nacre_abi_version()

__all__ = [
    "__version__",
    "abi_version",
    "hash",
    "hmac",
    "compare_digest",
    "random_bytes",
    "random_bytes_into",
    "Error",
    "InvalidArgument",
    "BufferTooSmall",
    "VerificationFailed",
    "InvalidTag",
    "InvalidSignature",
    "InvalidKey",
    "UnsupportedAlgorithm",
    "InvalidHandle",
    "OutOfMemory",
    "InternalError",
]
