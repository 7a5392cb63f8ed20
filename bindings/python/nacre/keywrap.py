"""AES key wrap (RFC 3394) and key wrap with padding (RFC 5649), shaped like
pyca/cryptography's ``cryptography.hazmat.primitives.keywrap``.

>>> import nacre.keywrap
>>> kek = bytes(range(16))
>>> wrapped = nacre.keywrap.aes_key_wrap(kek, bytes(32))
>>> nacre.keywrap.aes_key_unwrap(kek, wrapped) == bytes(32)
True

For the formats that require it: JWE's ``A128KW``/``A256KW``, CMS, KMIP, key exports of cloud
KMSs. Wrapping is deterministic: the same KEK and key always give the same bytes, so
:func:`aes_key_wrap` output equals pyca's. New designs should seal keys with an AEAD instead
(:class:`nacre.AESGCM`, :mod:`nacre.secret`).

The wrapping key (KEK) is an AES key of 16, 24 or 32 bytes; another size raises
:class:`nacre.InvalidKey` (a ``ValueError``, as pyca raises). RFC 3394 wraps keys of at least 16
bytes, a multiple of 8 (``ValueError`` otherwise); RFC 5649 wraps 1 to 2**32 - 1 bytes. An unwrap
that fails for any reason to do with the wrapped bytes (wrong KEK, altered data, a length no
wrap produces) raises :class:`InvalidUnwrap` and releases nothing. The ``backend`` argument
exists for pyca's signatures and is ignored (BoringSSL runs every call). Thread-safe.
"""

from __future__ import annotations

from typing import Any

from ._args import Buffer
from ._binding import keywrap as _b
from ._errors import InvalidUnwrap

__all__ = [
    "InvalidUnwrap",
    "aes_key_wrap",
    "aes_key_unwrap",
    "aes_key_wrap_with_padding",
    "aes_key_unwrap_with_padding",
]


def aes_key_wrap(wrapping_key: Buffer, key_to_wrap: Buffer, backend: Any = None) -> bytes:
    """RFC 3394: ``key_to_wrap`` (16 bytes or more, a multiple of 8) wrapped under
    ``wrapping_key``; the result is 8 bytes longer."""
    return _b.wrap(_b.RFC3394, wrapping_key, key_to_wrap)


def aes_key_unwrap(wrapping_key: Buffer, wrapped_key: Buffer, backend: Any = None) -> bytes:
    """The key inside an RFC 3394 ``wrapped_key``; :class:`InvalidUnwrap` when it does not
    unwrap under ``wrapping_key``."""
    return _b.unwrap(_b.RFC3394, wrapping_key, wrapped_key)


def aes_key_wrap_with_padding(
    wrapping_key: Buffer, key_to_wrap: Buffer, backend: Any = None
) -> bytes:
    """RFC 5649: ``key_to_wrap`` (1 to 2**32 - 1 bytes) padded to a multiple of 8 and wrapped;
    the result is 8 bytes longer than the padded key."""
    return _b.wrap(_b.RFC5649, wrapping_key, key_to_wrap)


def aes_key_unwrap_with_padding(
    wrapping_key: Buffer, wrapped_key: Buffer, backend: Any = None
) -> bytes:
    """The key inside an RFC 5649 ``wrapped_key``, at its own length; :class:`InvalidUnwrap`
    when it does not unwrap under ``wrapping_key``."""
    return _b.unwrap(_b.RFC5649, wrapping_key, wrapped_key)
