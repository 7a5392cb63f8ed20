"""Secret-key boxes (nacre_secretbox_*, libsodium's crypto_secretbox): key handles, seal, open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar, Union

from .._args import Buffer
from .._errors import InvalidTag
from .._nacre import ffi, lib
from .buffers import (
    borrows,
    fresh_bytes,
    input_arg,
    len_cell,
    new_filled_output,
    readable,
    to_bytes,
)
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = ["KEY_SIZE", "NONCE_SIZE", "MACBYTES", "new_key", "copy", "seal", "open_box"]

KEY_SIZE: int = lib.NACRE_SECRETBOX_KEY_LEN
NONCE_SIZE: int = lib.NACRE_SECRETBOX_NONCE_LEN
MACBYTES: int = lib.NACRE_SECRETBOX_OVERHEAD

_T = TypeVar("_T")


@borrows
def new_key(key: Buffer, bad_size: Callable[[int], Exception], where: str) -> CData:
    """A key handle; ``bad_size(size)`` is raised for a key that is not :data:`KEY_SIZE` bytes."""
    buf = input_arg(key, "key")
    if len(buf) != KEY_SIZE:
        raise bad_size(len(buf))
    return new_handle(
        "nacre_secretbox_key", lib.nacre_secretbox_key_free, where, lib.nacre_secretbox_key_new,
        buf, len(buf),
    )


def _copy(data: Buffer, what: str) -> bytes:
    buf = readable(data, what)
    return to_bytes(buf, len(buf))


_copy_borrowing = borrows(_copy)


def copy(data: Buffer, what: str) -> bytes:
    """``data`` (any bytes-like object) as ``bytes``: ``bytes`` as they are, others copied."""
    if type(data) is bytes:
        return data
    return _copy_borrowing(data, what)


def _seal(key: CData, nonce: bytes, plaintext: Buffer, make: Callable[[Any], _T], where: str) -> _T:
    src = plaintext if type(plaintext) is bytes else readable(plaintext, "plaintext")
    boxed = len(src) + MACBYTES
    out = new_filled_output(NONCE_SIZE + boxed)  # every byte written (or zeroed on failure)
    ffi.memmove(out, nonce, NONCE_SIZE)
    rc = lib.nacre_secretbox(
        key, out + NONCE_SIZE, boxed, len_cell(), nonce, NONCE_SIZE, src, len(src)
    )
    if rc:
        check(rc, where)
    return make(ffi.buffer(out, NONCE_SIZE + boxed))  # one copy, into what make builds


_seal_borrowing = borrows(_seal)


def seal(key: CData, nonce: bytes, plaintext: Buffer, make: Callable[[Any], _T], where: str) -> _T:
    """``make(nonce || tag || ciphertext)`` of ``plaintext`` under the :data:`NONCE_SIZE`-byte
    ``nonce``; ``make`` (``bytes``, or a subclass) gets a buffer, valid during the call only."""
    if type(plaintext) is bytes:
        return _seal(key, nonce, plaintext, make, where)  # nothing to borrow
    return _seal_borrowing(key, nonce, plaintext, make, where)


@borrows
def open_box(
    key: CData, box: Buffer, nonce: Optional[bytes], short: str, where: str
) -> bytes:
    """The plaintext of ``nonce || tag || ciphertext`` (``nonce`` None), or of
    ``tag || ciphertext`` under ``nonce``; InvalidTag(``short``) when ``box`` is too short to be
    one, InvalidTag when it does not authenticate."""
    src: Union[bytes, CData]
    if nonce is None:
        view = readable(box, "ciphertext")  # split without copying
        if len(view) < NONCE_SIZE + MACBYTES:
            raise InvalidTag(short)
        iv, src = view[0:NONCE_SIZE], view[NONCE_SIZE : len(view)]
    else:
        iv, src = nonce, input_arg(box, "ciphertext")
        if len(src) < MACBYTES:
            raise InvalidTag(short)
    n = len(src) - MACBYTES
    out = fresh_bytes(n)  # written in place (zeroed on failure)
    rc = lib.nacre_secretbox_open(key, out, n, len_cell(), iv, NONCE_SIZE, src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return out
