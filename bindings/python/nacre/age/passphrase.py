"""age files encrypted to a passphrase (scrypt), as ``pyrage.passphrase``.

>>> from nacre.age import passphrase
>>> box = passphrase.encrypt(b"secret", "correct horse", work_factor=10)
>>> passphrase.decrypt(box, "correct horse")
b'secret'

New files use scrypt with log2(N) = ``work_factor`` (18 by default, as age; about a second
here). A reader refuses files whose work factor is above ``max_work_factor`` (22 by default) with
:class:`nacre.age.HeaderError`, so that a hostile file cannot make it run for hours. A
passphrase is str (UTF-8) or bytes, and is never empty.
"""

from __future__ import annotations

from typing import Optional, Union

from .._args import Buffer
from .._binding import age as _b
from ._stream import Decryptor, Encryptor, _whole

__all__ = ["DEFAULT_WORK_FACTOR", "MAX_WORK_FACTOR", "encrypt", "decrypt", "encryptor", "decryptor"]

DEFAULT_WORK_FACTOR: int = _b.DEFAULT_WORK_FACTOR
MAX_WORK_FACTOR: int = _b.MAX_WORK_FACTOR

Passphrase = Union[str, Buffer]


def _bytes(passphrase: Passphrase) -> Buffer:
    return passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase


def encryptor(passphrase: Passphrase, *, armored: bool = False,
              work_factor: int = DEFAULT_WORK_FACTOR) -> Encryptor:
    """An :class:`~nacre.age.Encryptor` to ``passphrase``."""
    return Encryptor._with_passphrase(_bytes(passphrase), work_factor, armored)


def decryptor(passphrase: Passphrase, *, armored: Optional[bool] = None,
              max_work_factor: int = MAX_WORK_FACTOR) -> Decryptor:
    """A :class:`~nacre.age.Decryptor` for a file encrypted to ``passphrase``."""
    return Decryptor._with_passphrase(_bytes(passphrase), max_work_factor, armored)


def encrypt(plaintext: Buffer, passphrase: Passphrase, armored: bool = False, *,
            work_factor: int = DEFAULT_WORK_FACTOR) -> bytes:
    """``plaintext`` as an age file to ``passphrase`` (pyrage.passphrase.encrypt's signature)."""
    return _whole(encryptor(passphrase, armored=armored, work_factor=work_factor), plaintext)


def decrypt(ciphertext: Buffer, passphrase: Passphrase, *,
            max_work_factor: int = MAX_WORK_FACTOR) -> bytes:
    """The plaintext of ``ciphertext`` if it authenticates under ``passphrase``."""
    return _whole(decryptor(passphrase, max_work_factor=max_work_factor), ciphertext)
