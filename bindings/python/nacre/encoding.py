"""Encoders for keys and messages, the ones PyNaCl's ``nacl.encoding`` offers.

An encoder is any object with ``encode(data: bytes) -> bytes`` and ``decode(data: bytes) ->
bytes``. Every class that takes an ``encoder=`` argument (:class:`nacre.secret.SecretBox`, the
classes of :mod:`nacre.nacl`) accepts these and PyNaCl's own encoder classes alike; the
default, :class:`RawEncoder`, leaves bytes as they are.

>>> from nacre.encoding import HexEncoder
>>> HexEncoder.encode(b"\\x01\\xff")
b'01ff'

Each encoder gives the same bytes as PyNaCl's (they are the standard library's
:mod:`binascii` and :mod:`base64` functions), and raises what those raise on bad input
(:class:`binascii.Error`, a ValueError).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Protocol, SupportsBytes

__all__ = [
    "Encoder",
    "RawEncoder",
    "HexEncoder",
    "Base16Encoder",
    "Base32Encoder",
    "Base64Encoder",
    "URLSafeBase64Encoder",
    "Encodable",
]


class Encoder(Protocol):
    """What an ``encoder=`` argument must have (PyNaCl's encoder classes have it too)."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """Raw bytes to their encoding."""
        ...

    @staticmethod
    def decode(data: bytes) -> bytes:
        """An encoding back to raw bytes."""
        ...


class RawEncoder:
    """Bytes as they are."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` itself."""
        return data

    @staticmethod
    def decode(data: bytes) -> bytes:
        """``data`` itself."""
        return data


class HexEncoder:
    """Lowercase hexadecimal (``binascii.hexlify``); decoding takes either case."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` encoded (bytes of ASCII text)."""
        return binascii.hexlify(data)

    @staticmethod
    def decode(data: bytes) -> bytes:
        """The bytes ``data`` encodes; :class:`binascii.Error` (a ValueError) if malformed."""
        return binascii.unhexlify(data)


class Base16Encoder:
    """RFC 4648 base16: uppercase hexadecimal, and only uppercase when decoding."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` encoded (bytes of ASCII text)."""
        return base64.b16encode(data)

    @staticmethod
    def decode(data: bytes) -> bytes:
        """The bytes ``data`` encodes; :class:`binascii.Error` (a ValueError) if malformed."""
        return base64.b16decode(data)


class Base32Encoder:
    """RFC 4648 base32, padded."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` encoded (bytes of ASCII text)."""
        return base64.b32encode(data)

    @staticmethod
    def decode(data: bytes) -> bytes:
        """The bytes ``data`` encodes; :class:`binascii.Error` (a ValueError) if malformed."""
        return base64.b32decode(data)


class Base64Encoder:
    """RFC 4648 base64, padded (decoding drops characters outside the alphabet, as
    ``base64.b64decode`` does)."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` encoded (bytes of ASCII text)."""
        return base64.b64encode(data)

    @staticmethod
    def decode(data: bytes) -> bytes:
        """The bytes ``data`` encodes; :class:`binascii.Error` (a ValueError) if malformed."""
        return base64.b64decode(data)


class URLSafeBase64Encoder:
    """RFC 4648 base64url (``-`` and ``_``), padded."""

    @staticmethod
    def encode(data: bytes) -> bytes:
        """``data`` encoded (bytes of ASCII text)."""
        return base64.urlsafe_b64encode(data)

    @staticmethod
    def decode(data: bytes) -> bytes:
        """The bytes ``data`` encodes; :class:`binascii.Error` (a ValueError) if malformed."""
        return base64.urlsafe_b64decode(data)


def _method(encoder: Any, name: str) -> Any:
    # Both methods, so that bytes (which has decode) and str (encode) are not taken for one.
    fn = getattr(encoder, name, None)
    other = getattr(encoder, "decode" if name == "encode" else "encode", None)
    if not (callable(fn) and callable(other)):
        raise TypeError(
            f"encoder must have encode() and decode() (an encoder of nacre.encoding or "
            f"nacl.encoding), not {type(encoder).__name__!r}"
        )
    return fn


def _encode(encoder: Encoder, data: bytes) -> bytes:
    """``encoder.encode(data)``; a TypeError (not AttributeError) for a non-encoder."""
    encoded: bytes = data if encoder is RawEncoder else _method(encoder, "encode")(data)
    return encoded


def _decode(encoder: Encoder, data: Any) -> Any:
    """``encoder.decode(data)``; a TypeError (not AttributeError) for a non-encoder."""
    return data if encoder is RawEncoder else _method(encoder, "decode")(data)


class Encodable:
    """Mixin: ``obj.encode(encoder)`` is ``encoder.encode(bytes(obj))``."""

    __slots__ = ()

    def encode(self: SupportsBytes, encoder: Encoder = RawEncoder) -> bytes:
        """``bytes(self)``, encoded with ``encoder``."""
        return _encode(encoder, bytes(self))
