"""Secret-key boxes: libsodium's ``crypto_secretbox`` (XSalsa20-Poly1305), shaped like PyNaCl's
``nacl.secret.SecretBox`` and byte for byte compatible with it.

>>> from nacre.secret import SecretBox
>>> box = SecretBox(SecretBox.generate_key())
>>> sealed = box.encrypt(b"secret")  # a random nonce, put in front
>>> box.decrypt(sealed)
b'secret'
>>> len(sealed) == SecretBox.NONCE_SIZE + SecretBox.MACBYTES + 6
True

:meth:`SecretBox.encrypt` returns an :class:`EncryptedMessage`: ``nonce ‖ tag ‖ ciphertext``,
the layout PyNaCl writes and reads, with ``.nonce`` and ``.ciphertext`` (tag ‖ ciphertext) as
attributes. Each message needs a :data:`NONCE_SIZE`-byte nonce that never repeats under the key;
the default, a random one, is safe for any number of messages (192-bit nonces).
:meth:`SecretBox.decrypt` takes that output back, or ``tag ‖ ciphertext`` with ``nonce=``.

The key is kept inside the library, in secret memory; unlike PyNaCl's class, a
:class:`SecretBox` cannot give it back (``bytes(box)`` is a TypeError; :mod:`nacre.nacl` has
PyNaCl's exact class, which keeps a copy for that). The object is immutable and may be shared by
threads. ``encoder=`` takes the encoders of :mod:`nacre.encoding` or PyNaCl's: the key (in the
constructor) and the input of :meth:`~SecretBox.decrypt` are decoded with it, the output of
:meth:`~SecretBox.encrypt` is encoded with it.

Errors: a key of the wrong size is :class:`nacre.InvalidKey`, a nonce of the wrong size
:class:`nacre.InvalidArgument` (both ValueErrors); a box that was altered, is too short, or was
made under another key or nonce raises :class:`nacre.InvalidTag` and releases nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Optional, Type, TypeVar

from ._args import MAX_SIZE, Buffer
from ._binding import secret as _b
from ._errors import InvalidArgument, InvalidKey
from ._random import random_bytes
from .encoding import Encoder, RawEncoder, _decode, _encode

if TYPE_CHECKING:
    from ._args import CData

__all__ = ["SecretBox", "EncryptedMessage", "KEY_SIZE", "NONCE_SIZE", "MACBYTES"]

#: The size of a key.
KEY_SIZE: int = _b.KEY_SIZE
#: The size of a nonce.
NONCE_SIZE: int = _b.NONCE_SIZE
#: The size of the authentication tag: a box is this much longer than its message.
MACBYTES: int = _b.MACBYTES

_M = TypeVar("_M", bound="EncryptedMessage")


class EncryptedMessage(bytes):
    """``nonce ‖ ciphertext`` (PyNaCl's ``nacl.utils.EncryptedMessage``), with the two parts as
    :attr:`nonce` and :attr:`ciphertext`, each encoded as the whole is."""

    _nonce: bytes
    _ciphertext: Optional[bytes]  # None: the message's own bytes after the nonce (made on use)

    @classmethod
    def _from_parts(cls: Type[_M], nonce: bytes, ciphertext: bytes, combined: bytes) -> _M:
        obj = cls(combined)
        obj._nonce = nonce
        obj._ciphertext = ciphertext
        return obj

    @property
    def nonce(self) -> bytes:
        """The nonce the message was encrypted under."""
        return self._nonce

    @property
    def ciphertext(self) -> bytes:
        """The box without its nonce: tag ‖ ciphertext."""
        ciphertext = self._ciphertext
        if ciphertext is None:
            ciphertext = self._ciphertext = self[len(self._nonce) :]
        return ciphertext


def _nonce_bytes(nonce: Buffer, what: str) -> bytes:
    iv = _b.copy(nonce, "nonce")
    if len(iv) != NONCE_SIZE:
        raise InvalidArgument(f"{what}: nonce must be {NONCE_SIZE} bytes, got {len(iv)}")
    return iv


def _bad_key(size: int) -> InvalidKey:
    return InvalidKey(f"SecretBox: key must be {KEY_SIZE} bytes, got {size}")


class SecretBox:
    """crypto_secretbox under one 32-byte ``key`` (any bytes-like object, or encoded text with
    ``encoder``)."""

    KEY_SIZE: ClassVar[int] = KEY_SIZE
    NONCE_SIZE: ClassVar[int] = NONCE_SIZE
    MACBYTES: ClassVar[int] = MACBYTES
    #: The longest message a box can hold here.
    MESSAGEBYTES_MAX: ClassVar[int] = MAX_SIZE - MACBYTES

    __slots__ = ("_key", "__weakref__")

    def __init__(self, key: Buffer, encoder: Encoder = RawEncoder) -> None:
        self._key: CData = _b.new_key(_decode(encoder, key), _bad_key, "SecretBox")

    @staticmethod
    def generate_key() -> bytes:
        """A fresh random key of :data:`KEY_SIZE` bytes."""
        return random_bytes(KEY_SIZE)

    def encrypt(
        self, plaintext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> EncryptedMessage:
        """``nonce ‖ tag ‖ ciphertext`` of ``plaintext``, encoded with ``encoder``. ``nonce``
        None (the default) picks a random one; give one only from a scheme that never repeats
        it under this key."""
        iv = random_bytes(NONCE_SIZE) if nonce is None else _nonce_bytes(nonce, "SecretBox.encrypt")
        if encoder is RawEncoder:  # the message straight from the C buffer: one copy, not two
            message = _b.seal(self._key, iv, plaintext, EncryptedMessage, "SecretBox.encrypt")
            message._nonce, message._ciphertext = iv, None
            return message
        combined = _b.seal(self._key, iv, plaintext, bytes, "SecretBox.encrypt")
        return EncryptedMessage._from_parts(
            _encode(encoder, iv),
            _encode(encoder, combined[NONCE_SIZE:]),
            _encode(encoder, combined),
        )

    def decrypt(
        self, ciphertext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> bytes:
        """The plaintext of what :meth:`encrypt` made (decoded with ``encoder`` first):
        ``nonce ‖ tag ‖ ciphertext`` when ``nonce`` is None, else ``tag ‖ ciphertext`` under
        ``nonce``. :class:`nacre.InvalidTag` when it does not authenticate."""
        data = _decode(encoder, ciphertext)
        if nonce is None:
            return _b.open_box(
                self._key, data, None, "SecretBox.decrypt: shorter than a nonce and a tag",
                "SecretBox.decrypt",
            )
        return _b.open_box(
            self._key, data, _nonce_bytes(nonce, "SecretBox.decrypt"),
            "SecretBox.decrypt: shorter than a tag", "SecretBox.decrypt",
        )

    def __repr__(self) -> str:
        return f"<nacre.secret.SecretBox at {id(self):#x}>"  # never the key

    def __reduce__(self) -> str:
        raise TypeError("cannot pickle SecretBox objects: they hold a secret key")
