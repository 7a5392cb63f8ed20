"""What the public modules check arguments against before the binding layer sees them: the
buffer type every data parameter takes, and sizes."""

from __future__ import annotations

import operator
import sys
from typing import TYPE_CHECKING, SupportsIndex, Union

from ._errors import InvalidArgument

if TYPE_CHECKING:
    from _cffi_backend import FFI

    #: A C pointer or array made by cffi (ffi.new, ffi.from_buffer, ffi.NULL, ...): only the
    #: binding layer makes them; public modules hold them as opaque handles.
    CData = FFI.CData

__all__ = ["Buffer", "MAX_SIZE", "size"]

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
