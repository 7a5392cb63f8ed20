"""PyNaCl's ``nacl.secret``: :class:`SecretBox` (XSalsa20-Poly1305) and :class:`Aead`
(XChaCha20-Poly1305, IETF)."""

from __future__ import annotations

from typing import Any, ClassVar, Optional, Tuple

from .. import secret as _secret
from .._args import MAX_SIZE, Buffer
from .._random import random_bytes
from ..aead import XChaCha20Poly1305
from ..encoding import Encodable, Encoder, RawEncoder, _decode, _encode
from ..secret import EncryptedMessage
from . import exceptions as exc
from ._shape import NoSecretStr, decoded_raw

__all__ = ["SecretBox", "Aead"]

_KEY_SIZE = 32


def _key(key: Buffer, encoder: Encoder, name: str) -> bytes:
    return decoded_raw(
        key,
        encoder,
        _KEY_SIZE,
        f"{name} must be created from {_KEY_SIZE} bytes",
        f"The key must be exactly {_KEY_SIZE} bytes long",
    )


class SecretBox(NoSecretStr, Encodable, _secret.SecretBox):
    """PyNaCl's ``SecretBox``: :class:`nacre.secret.SecretBox` that also keeps a copy of its key
    for ``bytes(box)`` and ``box.encode(encoder)``, as PyNaCl's does."""

    __slots__ = ("_raw",)

    def __init__(self, key: Buffer, encoder: Encoder = RawEncoder) -> None:
        raw = _key(key, encoder, "SecretBox")
        super().__init__(raw)
        self._raw = raw

    def __bytes__(self) -> bytes:
        return self._raw

    def __reduce__(self) -> Tuple[Any, ...]:  # type: ignore[override]
        return (type(self), (self._raw,))  # pickles with its key, as PyNaCl's


class Aead(NoSecretStr, Encodable):
    """PyNaCl's ``Aead``: XChaCha20-Poly1305 (IETF) with associated data; ``encrypt`` returns
    ``nonce ‖ ciphertext ‖ tag`` as an :class:`~nacre.nacl.utils.EncryptedMessage`."""

    KEY_SIZE: ClassVar[int] = _KEY_SIZE
    NONCE_SIZE: ClassVar[int] = 24
    MACBYTES: ClassVar[int] = 16
    MESSAGEBYTES_MAX: ClassVar[int] = MAX_SIZE - 16

    __slots__ = ("_raw", "_cipher")

    def __init__(self, key: Buffer, encoder: Encoder = RawEncoder) -> None:
        self._raw = _key(key, encoder, "AEAD")
        self._cipher = XChaCha20Poly1305(self._raw)

    def __bytes__(self) -> bytes:
        return self._raw

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self._raw,))  # pickles with its key, as PyNaCl's

    def _nonce(self, nonce: bytes) -> bytes:
        if not isinstance(nonce, bytes):
            raise exc.TypeError("Nonce must be a bytes object")
        if len(nonce) != self.NONCE_SIZE:
            raise exc.ValueError(f"The nonce must be exactly {self.NONCE_SIZE} bytes long")
        return nonce

    def encrypt(
        self,
        plaintext: Buffer,
        aad: Buffer = b"",
        nonce: Optional[bytes] = None,
        encoder: Encoder = RawEncoder,
    ) -> EncryptedMessage:
        """``nonce ‖ ciphertext ‖ tag`` of ``plaintext`` under ``aad`` (a random nonce unless one
        is given, as ``bytes``), encoded with ``encoder``."""
        iv = random_bytes(self.NONCE_SIZE) if nonce is None else self._nonce(nonce)
        ct = self._cipher.encrypt(iv, plaintext, aad)
        return EncryptedMessage._from_parts(
            _encode(encoder, iv), _encode(encoder, ct), _encode(encoder, iv + ct)
        )

    def decrypt(
        self,
        ciphertext: bytes,
        aad: Buffer = b"",
        nonce: Optional[bytes] = None,
        encoder: Encoder = RawEncoder,
    ) -> bytes:
        """The plaintext of what :meth:`encrypt` made (decoded first; the nonce taken from its
        front unless given); :class:`nacre.InvalidTag` when it or ``aad`` was altered."""
        data = _decode(encoder, ciphertext)
        if nonce is None:
            nonce, data = data[: self.NONCE_SIZE], data[self.NONCE_SIZE :]
        return self._cipher.decrypt(self._nonce(nonce), data, aad)
