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

from typing import TYPE_CHECKING, ClassVar, Optional, Type, TypeVar, Union

from ._args import MAX_SIZE, Buffer
from ._binding.buffers import borrows, input_arg, len_cell, new_filled_output, readable, to_bytes
from ._binding.status import check
from ._errors import InvalidArgument, InvalidKey, InvalidTag
from ._nacre import ffi, lib
from ._random import random_bytes
from .encoding import Encoder, RawEncoder, _decode, _encode

if TYPE_CHECKING:
    from ._args import CData

__all__ = ["SecretBox", "EncryptedMessage", "KEY_SIZE", "NONCE_SIZE", "MACBYTES"]

#: The size of a key.
KEY_SIZE: int = lib.NACRE_SECRETBOX_KEY_LEN
#: The size of a nonce.
NONCE_SIZE: int = lib.NACRE_SECRETBOX_NONCE_LEN
#: The size of the authentication tag: a box is this much longer than its message.
MACBYTES: int = lib.NACRE_SECRETBOX_OVERHEAD

_KEY_CELL = ffi.typeof("nacre_secretbox_key **")
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
    buf = input_arg(nonce, "nonce")
    if len(buf) != NONCE_SIZE:
        raise InvalidArgument(f"{what}: nonce must be {NONCE_SIZE} bytes, got {len(buf)}")
    return buf if isinstance(buf, bytes) else to_bytes(buf, NONCE_SIZE)


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
        self._key = self._new_key(_decode(encoder, key))

    @staticmethod
    @borrows
    def _new_key(key: Buffer) -> CData:
        buf = input_arg(key, "key")
        if len(buf) != KEY_SIZE:
            raise InvalidKey(f"SecretBox: key must be {KEY_SIZE} bytes, got {len(buf)}")
        cell = ffi.new(_KEY_CELL)
        rc = lib.nacre_secretbox_key_new(cell, buf, len(buf))
        if rc:
            check(rc, "SecretBox")
        return ffi.gc(cell[0], lib.nacre_secretbox_key_free)

    @staticmethod
    def generate_key() -> bytes:
        """A fresh random key of :data:`KEY_SIZE` bytes."""
        return random_bytes(KEY_SIZE)

    @borrows
    def encrypt(
        self, plaintext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> EncryptedMessage:
        """``nonce ‖ tag ‖ ciphertext`` of ``plaintext``, encoded with ``encoder``. ``nonce``
        None (the default) picks a random one; give one only from a scheme that never repeats
        it under this key."""
        iv = random_bytes(NONCE_SIZE) if nonce is None else _nonce_bytes(nonce, "SecretBox.encrypt")
        src = input_arg(plaintext, "plaintext")
        boxed = len(src) + MACBYTES
        out = new_filled_output(NONCE_SIZE + boxed)  # every byte written (or zeroed on failure)
        ffi.memmove(out, iv, NONCE_SIZE)
        rc = lib.nacre_secretbox(
            self._key, out + NONCE_SIZE, boxed, len_cell(), iv, NONCE_SIZE, src, len(src)
        )
        if rc:
            check(rc, "SecretBox.encrypt")
        if encoder is RawEncoder:  # the message straight from the C buffer: one copy, not two
            message = EncryptedMessage(ffi.buffer(out, NONCE_SIZE + boxed))
            message._nonce, message._ciphertext = iv, None
            return message
        combined = to_bytes(out, NONCE_SIZE + boxed)
        return EncryptedMessage._from_parts(
            _encode(encoder, iv),
            _encode(encoder, combined[NONCE_SIZE:]),
            _encode(encoder, combined),
        )

    @borrows
    def decrypt(
        self, ciphertext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> bytes:
        """The plaintext of what :meth:`encrypt` made (decoded with ``encoder`` first):
        ``nonce ‖ tag ‖ ciphertext`` when ``nonce`` is None, else ``tag ‖ ciphertext`` under
        ``nonce``. :class:`nacre.InvalidTag` when it does not authenticate."""
        data = _decode(encoder, ciphertext)
        src: Union[bytes, CData]
        if nonce is None:
            view = readable(data, "ciphertext")  # split without copying
            if len(view) < NONCE_SIZE + MACBYTES:
                raise InvalidTag("SecretBox.decrypt: shorter than a nonce and a tag")
            iv, src = view[0:NONCE_SIZE], view[NONCE_SIZE : len(view)]
        else:
            iv, src = _nonce_bytes(nonce, "SecretBox.decrypt"), input_arg(data, "ciphertext")
            if len(src) < MACBYTES:
                raise InvalidTag("SecretBox.decrypt: shorter than a tag")
        n = len(src) - MACBYTES
        out = new_filled_output(n)
        rc = lib.nacre_secretbox_open(self._key, out, n, len_cell(), iv, NONCE_SIZE, src, len(src))
        if rc:
            check(rc, "SecretBox.decrypt", mismatch=InvalidTag)
        return to_bytes(out, n)

    def __repr__(self) -> str:
        return f"<nacre.secret.SecretBox at {id(self):#x}>"  # never the key

    def __reduce__(self) -> str:
        raise TypeError("cannot pickle SecretBox objects: they hold a secret key")
