"""PyNaCl's ``nacl.signing``: Ed25519 :class:`SigningKey` and :class:`VerifyKey`; signed
messages are ``signature ‖ message`` (libsodium's ``crypto_sign``)."""

from __future__ import annotations

from typing import ClassVar, Optional, Type, TypeVar

from .._args import Buffer
from ..encoding import Encodable, Encoder, RawEncoder, _decode, _encode
from ..keys import Ed25519PrivateKey, Ed25519PublicKey
from . import exceptions as exc
from ._shape import KeyHolder, NoSecretStr
from .public import PrivateKey as _Curve25519_PrivateKey
from .public import PublicKey as _Curve25519_PublicKey
from .utils import StringFixer

__all__ = ["SignedMessage", "VerifyKey", "SigningKey"]

_KEY_SIZE = 32
_SIG_SIZE = 64
_S = TypeVar("_S", bound="SignedMessage")
_K = TypeVar("_K", bound="SigningKey")


def _private_copy(data: object) -> bytes:
    """``data`` as bytes of its own: what is checked is what is returned, whatever later happens
    to the caller's buffer. Only bytes-like objects (``bytes(3)`` would make three zeros)."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    raise exc.TypeError(f"a signed message must be bytes, not {type(data).__name__!r}")


class SignedMessage(bytes):
    """``signature ‖ message``, with the two parts as :attr:`signature` and :attr:`message`."""

    _signature: bytes
    _message: bytes

    @classmethod
    def _from_parts(cls: Type[_S], signature: bytes, message: bytes, combined: bytes) -> _S:
        obj = cls(combined)
        obj._signature = signature
        obj._message = message
        return obj

    @property
    def signature(self) -> bytes:
        """The 64-byte signature (encoded as the whole is)."""
        return self._signature

    @property
    def message(self) -> bytes:
        """The message that was signed (encoded as the whole is)."""
        return self._message


class VerifyKey(KeyHolder, Encodable, StringFixer):
    """An Ed25519 public key: 32 bytes."""

    SIZE: ClassVar[int] = _KEY_SIZE
    __slots__ = ()
    _key: Ed25519PublicKey
    _FROM_RAW = Ed25519PublicKey.from_raw
    _TYPE_MESSAGE = f"VerifyKey must be created from {_KEY_SIZE} bytes"
    _SIZE_MESSAGE = f"The key must be exactly {_KEY_SIZE} bytes long"

    def __init__(self, key: bytes, encoder: Encoder = RawEncoder) -> None:
        self._init_from(key, encoder)

    def verify(
        self, smessage: bytes, signature: Optional[bytes] = None, encoder: Encoder = RawEncoder
    ) -> bytes:
        """The message of ``smessage`` (``signature ‖ message``, decoded with ``encoder``), or of
        ``smessage`` alone with a detached ``signature``; :class:`BadSignatureError` when the
        signature does not verify."""
        if signature is not None:
            if not isinstance(signature, bytes):
                raise exc.TypeError(
                    f"Verification signature must be created from {_SIG_SIZE} bytes"
                )
            if len(signature) != _SIG_SIZE:
                raise exc.ValueError(f"The signature must be exactly {_SIG_SIZE} bytes long")
            smessage = signature + _private_copy(_decode(encoder, smessage))
        else:
            smessage = _private_copy(_decode(encoder, smessage))
        if len(smessage) < _SIG_SIZE:
            raise exc.BadSignatureError("Signature was forged or corrupt")
        message = smessage[_SIG_SIZE:]
        self._key.verify(smessage[:_SIG_SIZE], message)
        return message

    def to_curve25519_public_key(self) -> _Curve25519_PublicKey:
        """The X25519 public key of this key's point (for boxes to a signing key)."""
        return _Curve25519_PublicKey._of(self._key.to_x25519())


class SigningKey(NoSecretStr, KeyHolder, Encodable):
    """An Ed25519 private key, from its 32-byte seed, with its :attr:`verify_key`."""

    SIZE: ClassVar[int] = _KEY_SIZE
    __slots__ = ("verify_key",)
    _key: Ed25519PrivateKey
    verify_key: VerifyKey
    _FROM_RAW = Ed25519PrivateKey.from_raw
    _TYPE_MESSAGE = f"SigningKey must be created from a {_KEY_SIZE} byte seed"
    _SIZE_MESSAGE = f"The seed must be exactly {_KEY_SIZE} bytes long"

    def __init__(self, seed: bytes, encoder: Encoder = RawEncoder) -> None:
        self._init_from(seed, encoder)

    def _set(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self.verify_key = VerifyKey._of(key.public_key())

    @classmethod
    def generate(cls: Type[_K]) -> _K:
        """A fresh random signing key."""
        return cls._of(Ed25519PrivateKey.generate())

    def _public_bytes(self) -> bytes:
        return bytes(self.verify_key)

    def sign(self, message: Buffer, encoder: Encoder = RawEncoder) -> SignedMessage:
        """``signature ‖ message``, each part and the whole encoded with ``encoder``."""
        signature = self._key.sign(message)
        raw = bytes(message)
        return SignedMessage._from_parts(
            _encode(encoder, signature), _encode(encoder, raw), _encode(encoder, signature + raw)
        )

    def to_curve25519_private_key(self) -> _Curve25519_PrivateKey:
        """The X25519 key pair of this key's point (libsodium's conversion)."""
        return _Curve25519_PrivateKey._of(self._key.to_x25519())
