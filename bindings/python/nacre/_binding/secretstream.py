"""Streams (nacre_secretstream_*, libsodium's secretstream): encryptor and decryptor handles,
push and pull.

A stream's public object keeps its lock and calls the push and pull functions with it held;
they do not lock. Their ``cell`` arguments are the object's own out-parameter cells
(:func:`new_encryptor`, :func:`new_decryptor`), reused under that lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Tuple, Union

from .._args import Buffer
from .._errors import InvalidTag
from .._nacre import ffi, lib
from .buffers import (
    borrows,
    fresh_bytes,
    input_arg,
    new_output,
    optional_input,
    to_bytes,
    writable,
)
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "KEY_SIZE",
    "HEADER_SIZE",
    "OVERHEAD",
    "TAG_MESSAGE",
    "TAG_PUSH",
    "TAG_REKEY",
    "TAG_FINAL",
    "new_encryptor",
    "push",
    "push_into",
    "new_decryptor",
    "is_finished",
    "pull",
    "pull_into",
]

KEY_SIZE: int = lib.NACRE_SECRETSTREAM_KEY_LEN
HEADER_SIZE: int = lib.NACRE_SECRETSTREAM_HEADER_LEN
OVERHEAD: int = lib.NACRE_SECRETSTREAM_OVERHEAD
TAG_MESSAGE: int = lib.NACRE_SECRETSTREAM_TAG_MESSAGE
TAG_PUSH: int = lib.NACRE_SECRETSTREAM_TAG_PUSH
TAG_REKEY: int = lib.NACRE_SECRETSTREAM_TAG_REKEY
TAG_FINAL: int = lib.NACRE_SECRETSTREAM_TAG_FINAL

_LEN_CELL = ffi.typeof("size_t *")
_TAG_CELL = ffi.typeof("int *")
_NULL = ffi.NULL

#: ``too_small(needed, size)``: the caller's error for an output buffer that is too small.
TooSmall = Callable[[int, int], Exception]


# --- writing -----------------------------------------------------------------------------------


@borrows
def new_encryptor(key: Buffer, where: str) -> Tuple[CData, CData, bytes]:
    """A stream started under ``key`` (its size: the library checks and says): the encryptor
    handle, its out_len cell and the header."""
    key_buf = input_arg(key, "key")
    header = new_output(HEADER_SIZE)
    cell = ffi.new(_LEN_CELL)
    st = new_handle(
        "nacre_secretstream_encryptor", lib.nacre_secretstream_encryptor_free, where,
        lib.nacre_secretstream_encryptor_new, header, HEADER_SIZE, cell, key_buf, len(key_buf),
    )
    return st, cell, to_bytes(header, HEADER_SIZE)


def _push(
    st: CData, cell: CData, tag: int, where: str, out: Union[bytes, CData], out_cap: int,
    src: Union[bytes, CData], n: int, ad: Union[bytes, CData], ad_len: int,
) -> int:
    rc = lib.nacre_secretstream_push(st, out, out_cap, cell, src, n, ad, ad_len, tag)
    if rc:
        check(rc, where)
    return n + OVERHEAD


@borrows
def push(
    st: CData, cell: CData, tag: int, where: str, data: Buffer, associated_data: Optional[Buffer]
) -> bytes:
    """The next message: ``data`` encrypted, tagged ``tag``."""
    src = input_arg(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n = len(src) + OVERHEAD
    out = fresh_bytes(n)  # written in place by the library (zeroed on failure)
    _push(st, cell, tag, where, out, n, src, len(src), ad, ad_len)
    return out


@borrows
def push_into(
    st: CData, cell: CData, tag: int, where: str, data: Buffer, out: Buffer,
    associated_data: Optional[Buffer], too_small: TooSmall,
) -> int:
    """:func:`push` into the writable ``out`` (at least ``len(data) + OVERHEAD`` bytes)."""
    src = input_arg(data, "data")
    dst = writable(out, "out")
    ad, ad_len = optional_input(associated_data, "associated_data")
    if len(dst) < len(src) + OVERHEAD:
        raise too_small(len(src) + OVERHEAD, len(dst))
    return _push(st, cell, tag, where, dst, len(dst), src, len(src), ad, ad_len)


# --- reading -----------------------------------------------------------------------------------


@borrows
def new_decryptor(
    key: Buffer, header: Buffer, bad_header: Callable[[int], Exception], where: str
) -> Tuple[CData, CData, CData]:
    """A stream's reading side: the decryptor handle, its out_len cell and its tag cell.
    ``bad_header(size)`` is raised for a header that is not :data:`HEADER_SIZE` bytes."""
    key_buf = input_arg(key, "key")
    header_buf = input_arg(header, "header")
    if len(header_buf) != HEADER_SIZE:
        raise bad_header(len(header_buf))
    st = new_handle(
        "nacre_secretstream_decryptor", lib.nacre_secretstream_decryptor_free, where,
        lib.nacre_secretstream_decryptor_new, header_buf, len(header_buf), key_buf, len(key_buf),
    )
    return st, ffi.new(_LEN_CELL), ffi.new(_TAG_CELL)


def is_finished(st: CData, where: str) -> bool:
    """Whether the final message has been authenticated."""
    rc = lib.nacre_secretstream_decryptor_is_finished(st)
    if rc == lib.NACRE_OK:
        return True
    if rc == lib.NACRE_ERR_VERIFICATION_FAILED:
        return False
    check(rc, where)
    raise AssertionError("unreachable")  # check() raised for every other status


def _pull(
    st: CData, cells: Tuple[CData, CData], ready: Callable[[], None], where: str,
    out: Union[bytes, CData], out_cap: int, src: Union[bytes, CData], n: int,
    ad: Union[bytes, CData], ad_len: int,
) -> Tuple[int, int]:
    ready()  # the caller's last check (the stream may have ended), with its lock held
    len_cell, tag_cell = cells
    rc = lib.nacre_secretstream_pull(st, out, out_cap, len_cell, tag_cell, src, n, ad, ad_len)
    tag: int = tag_cell[0]
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return n - OVERHEAD, tag


@borrows
def pull(
    st: CData, cells: Tuple[CData, CData], ready: Callable[[], None], where: str, data: Buffer,
    associated_data: Optional[Buffer],
) -> Tuple[bytes, int]:
    """``(plaintext, tag)`` of the next message; InvalidTag when it does not authenticate.
    ``cells``: the decryptor's (out_len, tag) cells; ``ready()`` is called just before the C
    call."""
    src = input_arg(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n = max(len(src) - OVERHEAD, 0)
    out = fresh_bytes(n)  # written in place by the library (zeroed on failure)
    _, tag = _pull(st, cells, ready, where, out, n, src, len(src), ad, ad_len)
    return out, tag


@borrows
def pull_into(
    st: CData, cells: Tuple[CData, CData], ready: Callable[[], None], where: str, data: Buffer,
    out: Buffer, associated_data: Optional[Buffer], too_small: TooSmall,
) -> Tuple[int, int]:
    """:func:`pull` into the writable ``out`` (at least ``len(data) - OVERHEAD`` bytes; zeroed
    on failure); returns ``(size, tag)``."""
    src = input_arg(data, "data")
    dst = writable(out, "out")
    ad, ad_len = optional_input(associated_data, "associated_data")
    if len(dst) < len(src) - OVERHEAD:
        raise too_small(len(src) - OVERHEAD, len(dst))
    return _pull(st, cells, ready, where, dst, len(dst), src, len(src), ad, ad_len)
