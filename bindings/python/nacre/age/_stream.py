"""age's encryptor and decryptor steps, and the one-shot encrypt and decrypt."""

from __future__ import annotations

import threading
from typing import Any, Optional, Sequence, Type, Union

from .._age_errors import IdentityError, RecipientError
from .._args import Buffer
from .._binding import age as _b
from .._errors import InvalidArgument
from ._keys import Identity, Recipient

__all__ = ["CHUNK_SIZE", "Encryptor", "Decryptor", "encrypt", "decrypt"]

#: Plaintext bytes per chunk of the payload (each chunk is 16 bytes longer in the file).
CHUNK_SIZE: int = _b.CHUNK_SIZE

RecipientLike = Union[Recipient, str]
IdentityLike = Union[Identity, str]


def _key_text(items: Sequence[Any], kind: Union[Type[Recipient], Type[Identity]], what: str,
              error: type) -> bytes:
    """The text of a recipients or identities file for ``items`` (objects of ``kind`` or str)."""
    if not isinstance(items, (list, tuple)):
        raise TypeError(f"{what} must be a list of {kind.__name__} objects or strings, "
                        f"not {type(items).__name__!r}")
    lines = []
    for item in items:
        if isinstance(item, str):
            item = kind.from_str(item)
        if not isinstance(item, kind):
            raise TypeError(f"{what}: {kind.__name__} or str expected, not {type(item).__name__!r}")
        lines.append(item.secret_text() if isinstance(item, Identity) else str(item))
    if not lines:
        raise error(f"{what}: at least one is needed")
    return "\n".join(lines).encode("ascii")


def _armored_flag(armored: object) -> int:
    if not isinstance(armored, bool):
        raise TypeError(f"armored must be a bool, not {type(armored).__name__!r}")
    return _b.ARMOR if armored else 0


def _format(armored: object) -> int:
    if armored is None:
        return _b.FORMAT_DETECT
    if not isinstance(armored, bool):
        raise TypeError(f"armored must be None, True or False, not {type(armored).__name__!r}")
    return _b.FORMAT_ARMORED if armored else _b.FORMAT_BINARY


def _work_factor(n: object, what: str) -> int:
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"{what} must be an int, not {type(n).__name__!r}")
    if not 1 <= n <= 30:
        raise InvalidArgument(f"{what} must be 1 to 30 (scrypt's log2(N)), got {n}")
    return n


class _Stream:
    __slots__ = ("_st", "_lock", "_done")

    def __init__(self, st: Any) -> None:
        self._st = st
        self._lock = threading.Lock()
        self._done = False

    def _run(self, step: Any, *args: Any) -> bytes:
        with self._lock:
            if self._done:
                raise InvalidArgument(f"{type(self).__name__}: finish() was already called")
            out: bytes = step(self._st, *args)
            return out

    def _end(self, step: Any) -> bytes:
        with self._lock:
            if self._done:
                raise InvalidArgument(f"{type(self).__name__}: finish() was already called")
            self._done = True
            out: bytes = step(self._st)
            return out

    def __reduce__(self) -> Any:
        raise TypeError(f"cannot pickle {type(self).__name__} objects: they hold a file key")


class Encryptor(_Stream):
    """Encrypts one file to ``recipients`` (Recipient objects or their text), step by step:
    :meth:`update` returns the file's bytes as they are ready (the header first), and
    :meth:`finish` the last chunk. Output is binary, or ASCII armor with ``armored=True``.
    Holds one 64 KiB chunk at most."""

    __slots__ = ()

    def __init__(self, recipients: Sequence[RecipientLike], *, armored: bool = False) -> None:
        flags = _armored_flag(armored)
        text = _key_text(recipients, Recipient, "recipients", RecipientError)
        super().__init__(_b.new_encryptor(text, flags))

    @classmethod
    def _with_passphrase(cls, passphrase: Buffer, work_factor: int, armored: bool) -> Encryptor:
        flags = _armored_flag(armored)
        enc = object.__new__(cls)
        _Stream.__init__(enc, _b.new_passphrase_encryptor(
            passphrase, _work_factor(work_factor, "work_factor"), flags))
        return enc

    def update(self, data: Buffer) -> bytes:
        """Encrypt ``data`` (any bytes-like object); return what of the file is ready."""
        return self._run(_b.encrypt_update, data)

    def finish(self) -> bytes:
        """The rest of the file (the final chunk, and the armor's end). Once."""
        return self._end(_b.encrypt_finish)

    def __repr__(self) -> str:
        return f"<nacre.age.Encryptor at {id(self):#x}>"


class Decryptor(_Stream):
    """Decrypts one file with any of ``identities``, step by step: :meth:`update` takes the
    file in pieces of any size and returns the plaintext of each chunk once it authenticated;
    :meth:`finish` checks the end of the file and returns the rest. ``armored``: None (told
    apart by the first bytes), True or False. A :class:`~nacre.age.DecryptError` ends it."""

    __slots__ = ()

    def __init__(
        self, identities: Sequence[IdentityLike], *, armored: Optional[bool] = None
    ) -> None:
        fmt = _format(armored)
        text = _key_text(identities, Identity, "identities", IdentityError)
        super().__init__(_b.new_decryptor(text, fmt))

    @classmethod
    def _with_passphrase(cls, passphrase: Buffer, max_work_factor: int,
                         armored: Optional[bool]) -> Decryptor:
        fmt = _format(armored)
        dec = object.__new__(cls)
        _Stream.__init__(dec, _b.new_passphrase_decryptor(
            passphrase, _work_factor(max_work_factor, "max_work_factor"), fmt))
        return dec

    def update(self, data: Buffer) -> bytes:
        """Take the next piece of the file; return the plaintext that authenticated."""
        return self._run(_b.decrypt_update, data)

    def finish(self) -> bytes:
        """The file ended: check its final chunk and return the rest of the plaintext."""
        return self._end(_b.decrypt_finish)

    def __repr__(self) -> str:
        return f"<nacre.age.Decryptor at {id(self):#x}>"


def _whole(stream: Union[Encryptor, Decryptor], data: Buffer) -> bytes:
    body = stream.update(data)
    return body + stream.finish()


def encrypt(plaintext: Buffer, recipients: Sequence[RecipientLike], armored: bool = False) -> bytes:
    """``plaintext`` as an age file to ``recipients`` (pyrage.encrypt's signature)."""
    return _whole(Encryptor(recipients, armored=armored), plaintext)


def decrypt(ciphertext: Buffer, identities: Sequence[IdentityLike]) -> bytes:
    """The plaintext of the age file ``ciphertext`` (binary or armored), only if all of it
    authenticates with one of ``identities`` (pyrage.decrypt's signature)."""
    return _whole(Decryptor(identities), ciphertext)
