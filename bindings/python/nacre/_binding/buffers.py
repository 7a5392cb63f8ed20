"""Python buffers to C pointers, without copying, and outputs for C to fill.

Every view of a caller's buffer (``ffi.from_buffer``) is taken inside a *borrowing scope*: a
function decorated with :func:`borrows`, whose views are released when it returns or raises,
before the exception leaves it. A view taken outside any scope is a bug and raises
RuntimeError, so none can be missed. Why it matters: a view holds an export of the buffer; if a
failing call left one alive in its frame, and the caller kept the exception in a reference
cycle, the garbage collector could clear a ``memoryview`` that is still exported, which CPython
does not survive.
"""

from __future__ import annotations

import ctypes
import functools
import threading
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    List,
    Optional,
    Tuple,
    TypeVar,
    Union,
)

from .._args import Buffer, size
from .._errors import InvalidArgument
from .._nacre import ffi

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "Buffer",
    "borrows",
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
    "sized_output",
    "peek",
    "length",
    "fresh_bytes",
    "UNINITIALISED_FROM",
]

_F = TypeVar("_F", bound=Callable[..., Any])


class _Scope(threading.local):
    views: Optional[List[CData]] = None  # the current borrowing scope's views, per thread


_scope = _Scope()


def borrows(fn: _F) -> _F:
    """Make ``fn`` a borrowing scope: the views :func:`readable` and :func:`writable` take while
    it runs are released when it returns or raises (nested scopes release their own)."""

    @functools.wraps(fn)
    def scope(*args: Any, **kwargs: Any) -> Any:
        outer = _scope.views
        views: List[CData] = []
        try:
            _scope.views = views  # inside the try: an interrupt here still restores the outer
            return fn(*args, **kwargs)
        finally:
            _scope.views = outer
            for view in views:
                ffi.release(view)

    return scope  # type: ignore[return-value]  # same signature, by functools.wraps


def _view(data: Buffer, what: str, writable: bool) -> CData:
    views = _scope.views
    if views is None:
        raise RuntimeError("nacre: a buffer was borrowed outside a borrowing scope (a bug)")
    try:
        if writable:
            view = ffi.from_buffer(U8_ARRAY, data, require_writable=True)
        else:
            view = ffi.from_buffer(U8_ARRAY, data)
    except BufferError as exc:
        # Non-contiguous, or (with some cffi versions) read-only: the wrong kind of buffer.
        raise TypeError(f"{what}: a contiguous{' writable' if writable else ''} bytes-like "
                        f"object is required ({exc})") from None
    except TypeError as exc:
        kind = "a writable bytes-like object" if writable else "a bytes-like object"
        raise TypeError(f"{what}: {kind} is required, not {type(data).__name__!r}"
                        + (f" ({exc})" if writable else "")) from None
    except ValueError as exc:  # a released memoryview
        raise InvalidArgument(f"{what}: {exc}") from None
    views.append(view)
    return view


def readable(data: Buffer, what: str = "data") -> CData:
    """A ``uint8_t[]`` view of ``data`` (bytes, bytearray, memoryview, any contiguous buffer),
    released when the current borrowing scope ends.

    The view shares memory with ``data`` (ffi.from_buffer: no copy). ``str`` is refused: text
    has no single byte form; so are non-contiguous buffers (TypeError both).
    """
    if isinstance(data, str):
        raise TypeError(f"{what}: strings must be encoded before use, not str")
    return _view(data, what, False)


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
    """A ``uint8_t[]`` view of a writable buffer (bytearray, writable memoryview, ...), released
    when the current borrowing scope ends."""
    if isinstance(buf, (str, bytes)):
        raise TypeError(f"{what}: a writable buffer is required, not {type(buf).__name__!r}")
    return _view(buf, what, True)


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


def sized_output(fill: Callable[[CData, int, CData], int]) -> Tuple[int, bytes]:
    """For outputs whose size only the library knows: ``fill(out, cap, out_len)`` is asked for
    its size first (NULL, 0: the output convention's size query, which consumes nothing), then
    run into a C buffer of that size. Returns (status, the bytes written; empty on failure)."""
    from .._nacre import lib

    cell = len_cell()
    rc = fill(ffi.NULL, 0, cell)
    if rc != lib.NACRE_ERR_BUFFER_TOO_SMALL:
        return rc, b""
    need = int(cell[0])
    out = new_output(need)
    rc = fill(out, need, cell)
    return rc, (to_bytes(out, int(cell[0])) if rc == lib.NACRE_OK else b"")


@borrows
def _peek_borrowing(data: Buffer, n: int, what: str) -> Tuple[int, bytes]:
    buf = readable(data, what)
    return len(buf), to_bytes(buf, min(len(buf), n))


def peek(data: Buffer, n: int = 0, what: str = "data") -> Tuple[int, bytes]:
    """(size in bytes, the first ``n`` bytes) of any buffer, for a public module to choose how to
    read it or to check a documented size before the call; the view is released at once (the
    same TypeError as :func:`readable` for what is not a buffer)."""
    if type(data) is bytes:
        return len(data), data[:n]
    return _peek_borrowing(data, n, what)


def length(data: Buffer, what: str) -> int:
    """The size in bytes of any buffer (see :func:`peek`)."""
    return peek(data, 0, what)[0]


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
    from .._nacre import lib

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
