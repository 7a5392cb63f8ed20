"""Python buffers to C pointers, without copying."""

from __future__ import annotations

import operator
import threading
from typing import Any, Tuple, Union

from ._errors import InvalidArgument
from ._nacre import ffi

__all__ = [
    "Buffer",
    "readable",
    "input_arg",
    "optional_input",
    "writable",
    "size",
    "new_output",
    "new_filled_output",
    "uninitialised",
    "U8_ARRAY",
    "len_cell",
    "to_bytes",
]

# collections.abc.Buffer exists from Python 3.12 only; these are the types users pass.
Buffer = Union[bytes, bytearray, memoryview]


def readable(data: Any, what: str = "data") -> Any:
    """A ``uint8_t[]`` view of ``data`` (bytes, bytearray, memoryview, any contiguous buffer).

    The view shares memory with ``data`` (ffi.from_buffer: no copy) and keeps it alive as long
    as the view lives. ``str`` is refused: text has no single byte form.
    """
    if isinstance(data, str):
        raise TypeError(f"{what}: strings must be encoded before use, not str")
    try:
        return ffi.from_buffer("uint8_t[]", data)
    except TypeError:
        raise TypeError(
            f"{what}: a bytes-like object is required, not {type(data).__name__!r}"
        ) from None


def input_arg(data: Any, what: str = "data") -> Any:
    """An argument for a ``const uint8_t *`` parameter: ``bytes`` as they are (cffi passes a
    pointer to their data), anything else through :func:`readable`. ``len()`` works on both."""
    if type(data) is bytes:
        return data
    return readable(data, what)


def optional_input(data: Any, what: str) -> Tuple[Any, int]:
    """``(pointer, length)`` for an optional input: None is NULL with length 0."""
    if data is None:
        return ffi.NULL, 0
    src = input_arg(data, what)
    return src, len(src)


def writable(buf: Any, what: str = "output") -> Any:
    """A ``uint8_t[]`` view of a writable buffer (bytearray, writable memoryview, ...)."""
    if isinstance(buf, (str, bytes)):
        raise TypeError(f"{what}: a writable buffer is required, not {type(buf).__name__!r}")
    try:
        return ffi.from_buffer("uint8_t[]", buf, require_writable=True)
    except (TypeError, BufferError) as exc:
        # cffi reports read-only buffers as BufferError or TypeError depending on the version.
        raise TypeError(f"{what}: a writable bytes-like object is required ({exc})") from None


def size(n: Any, what: str = "length") -> int:
    """``n`` as a non-negative int (TypeError for non-integers, ValueError for negatives)."""
    n = operator.index(n)
    if n < 0:
        raise InvalidArgument(f"{what} must be non-negative, got {n}")
    return n


def new_output(n: int) -> Any:
    """A fresh, zeroed C buffer of ``n`` bytes for an output."""
    return ffi.new("uint8_t[]", n)


U8_ARRAY = ffi.typeof("uint8_t[]")
#: ``uninitialised(U8_ARRAY, n)``: a C buffer that is not zeroed first, for an output that the C
#: function fills completely when it succeeds (every nacre output is zeroed when a call fails).
uninitialised = ffi.new_allocator(should_clear_after_alloc=False)


def new_filled_output(n: int) -> Any:
    """``uninitialised(U8_ARRAY, n)`` (see there)."""
    return uninitialised(U8_ARRAY, n)


_SIZE_T_CELL = ffi.typeof("size_t *")
_cells = threading.local()


def len_cell() -> Any:
    """A ``size_t *`` for a C call's ``out_len``, one per thread and reused (ffi.new costs more
    than the rest of a short call). Only for values read right after the call, if at all."""
    try:
        return _cells.cell
    except AttributeError:
        cell = _cells.cell = ffi.new(_SIZE_T_CELL)
        return cell


def to_bytes(out: Any, n: int) -> bytes:
    """The first ``n`` bytes of a C buffer as ``bytes``."""
    return ffi.buffer(out, n)[:]
