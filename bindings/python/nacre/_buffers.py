"""Python buffers to C pointers, without copying."""

from __future__ import annotations

import ctypes
import operator
import sys
import threading
from typing import TYPE_CHECKING, Optional, SupportsIndex, Tuple, Union

from ._errors import InvalidArgument, release_views_in_callers
from ._nacre import ffi

if TYPE_CHECKING:
    from _cffi_backend import FFI

    #: A C pointer or array made by cffi (ffi.new, ffi.from_buffer, ffi.NULL, ...).
    CData = FFI.CData

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
    "fresh_bytes",
    "UNINITIALISED_FROM",
]

# What every input and output parameter takes: any object with the buffer protocol (bytes,
# bytearray, memoryview, array.array, mmap.mmap, ...). collections.abc.Buffer exists from Python
# 3.12 on; before, type checkers find typing_extensions.Buffer, which is only imported for them,
# so that typing_extensions is not needed at run time.
if TYPE_CHECKING or sys.version_info >= (3, 12):
    if sys.version_info >= (3, 12):
        from collections.abc import Buffer
    else:
        from typing_extensions import Buffer
else:
    # Only for run-time introspection (typing.get_type_hints); the functions accept any buffer.
    import array
    import mmap

    Buffer = Union[bytes, bytearray, memoryview, array.array, mmap.mmap]


def readable(data: Buffer, what: str = "data") -> CData:
    """A ``uint8_t[]`` view of ``data`` (bytes, bytearray, memoryview, any contiguous buffer).

    The view shares memory with ``data`` (ffi.from_buffer: no copy) and keeps it alive as long
    as the view lives. ``str`` is refused: text has no single byte form.
    """
    if isinstance(data, str):
        release_views_in_callers()
        raise TypeError(f"{what}: strings must be encoded before use, not str")
    try:
        return ffi.from_buffer("uint8_t[]", data)
    except TypeError:
        release_views_in_callers()
        raise TypeError(
            f"{what}: a bytes-like object is required, not {type(data).__name__!r}"
        ) from None


def input_arg(data: Buffer, what: str = "data") -> Union[bytes, CData]:
    """An argument for a ``const uint8_t *`` parameter: ``bytes`` as they are (cffi passes a
    pointer to their data), anything else through :func:`readable`. ``len()`` works on both."""
    if type(data) is bytes:
        return data
    return readable(data, what)


def optional_input(data: Optional[Buffer], what: str) -> Tuple[Union[bytes, CData], int]:
    """``(pointer, length)`` for an optional input: None is NULL with length 0."""
    if data is None:
        return ffi.NULL, 0
    src = input_arg(data, what)
    return src, len(src)


def writable(buf: Buffer, what: str = "output") -> CData:
    """A ``uint8_t[]`` view of a writable buffer (bytearray, writable memoryview, ...)."""
    if isinstance(buf, (str, bytes)):
        release_views_in_callers()
        raise TypeError(f"{what}: a writable buffer is required, not {type(buf).__name__!r}")
    try:
        return ffi.from_buffer("uint8_t[]", buf, require_writable=True)
    except (TypeError, BufferError) as exc:
        # cffi reports read-only buffers as BufferError or TypeError depending on the version.
        release_views_in_callers()
        raise TypeError(f"{what}: a writable bytes-like object is required ({exc})") from None


# The largest size any object can have (PTRDIFF_MAX); the C ABI refuses more, so refuse it before
# allocating an output for it.
MAX_SIZE = (1 << 63) - 1


def size(n: SupportsIndex, what: str = "length") -> int:
    """``n`` as a non-negative int (TypeError for non-integers; ValueError for negatives and for
    sizes no object can have)."""
    value = operator.index(n)
    if value < 0:
        raise InvalidArgument(f"{what} must be non-negative, got {value}")
    if value > MAX_SIZE:
        raise InvalidArgument(f"{what} is larger than any buffer can be: {value}")
    return value


def new_output(n: int) -> CData:
    """A fresh, zeroed C buffer of ``n`` bytes for an output."""
    return ffi.new("uint8_t[]", n)


U8_ARRAY = ffi.typeof("uint8_t[]")
#: ``uninitialised(U8_ARRAY, n)``: a C buffer that is not zeroed first, for an output that the C
#: function fills completely when it succeeds (every nacre output is zeroed when a call fails).
uninitialised = ffi.new_allocator(should_clear_after_alloc=False)


def new_filled_output(n: int) -> CData:
    """``uninitialised(U8_ARRAY, n)`` (see there)."""
    return uninitialised(U8_ARRAY, n)


_SIZE_T_CELL = ffi.typeof("size_t *")
_cells = threading.local()


def len_cell() -> CData:
    """A ``size_t *`` for a C call's ``out_len``, one per thread and reused (ffi.new costs more
    than the rest of a short call). Only for values read right after the call, if at all."""
    try:
        cell: CData = _cells.cell
    except AttributeError:
        cell = _cells.cell = ffi.new(_SIZE_T_CELL)
    return cell


def to_bytes(out: CData, n: int) -> bytes:
    """The first ``n`` bytes of a C buffer as ``bytes``."""
    data: bytes = ffi.buffer(out, n)[:]  # cffi's stubs leave slicing a buffer untyped
    return data


# Outputs written straight into a new ``bytes`` object. cffi passes a ``bytes`` argument as a
# pointer to the object's own storage (CPython), so a C function can fill a bytes object that no
# one else holds yet -- what a C extension does with PyBytes_FromStringAndSize(NULL, n) -- and the
# result is returned without a copy. Small sizes use bytes(n) (zero-filled, cheap); from
# UNINITIALISED_FROM bytes on, PyBytes_FromStringAndSize(NULL, n) skips the zero-fill, which at
# 1 MiB costs as much as a fast cipher. Every caller hands the object to a nacre function that
# writes all of it on success and zeroes it on failure, and drops it on failure.
UNINITIALISED_FROM = 16384
_bytes_from_size = ctypes.pythonapi.PyBytes_FromStringAndSize
_bytes_from_size.restype = ctypes.py_object
_bytes_from_size.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t)


def fresh_bytes(n: int) -> bytes:
    """A new ``bytes`` object of ``n`` bytes, held by no one else, for a C function to fill
    (see above). Only for outputs a nacre call writes completely or zeroes."""
    if n < UNINITIALISED_FROM:
        return bytes(n)
    out: bytes = _bytes_from_size(None, n)  # restype py_object: ctypes cannot say which object
    return out


def _check_fresh_bytes() -> None:
    # The scheme needs CPython's behaviour: new objects for every size but 0, and cffi passing
    # their storage itself. Check both once, loudly, rather than return stale zeros.
    from ._nacre import lib

    probe = fresh_bytes(32)
    sizes = (1, 2, UNINITIALISED_FROM, UNINITIALISED_FROM + 1)
    if any(fresh_bytes(k) is fresh_bytes(k) for k in sizes) or lib.nacre_hash(
        lib.NACRE_HASH_SHA256, lib.NACRE_BACKEND_AUTOMATIC, probe, 32, len_cell(), b"", 0
    ) or probe == bytes(32):
        raise ImportError(
            "nacre needs CPython with cffi passing bytes objects by reference; this interpreter "
            "does not"
        )


_check_fresh_bytes()
