"""PyNaCl's ``nacl.utils``: :func:`random`, :class:`EncryptedMessage` and the string helpers."""

from __future__ import annotations

from typing import SupportsBytes

from .._random import random_bytes
from ..secret import EncryptedMessage

__all__ = ["EncryptedMessage", "StringFixer", "bytes_as_string", "random"]


class StringFixer:
    """Mixin: ``str(obj)`` is ``str(bytes(obj))``, as PyNaCl's (only for objects that hold
    nothing secret)."""

    __slots__ = ()

    def __str__(self: SupportsBytes) -> str:
        return str(self.__bytes__())


def bytes_as_string(bytes_in: bytes) -> str:
    """``bytes_in`` (ASCII) as str."""
    if not isinstance(bytes_in, (bytes, bytearray)):
        raise TypeError(f"bytes_as_string needs bytes, not {type(bytes_in).__name__!r}")
    return bytes_in.decode("ascii")


def random(size: int = 32) -> bytes:
    """``size`` random bytes from the operating system's CSPRNG."""
    return random_bytes(size)
