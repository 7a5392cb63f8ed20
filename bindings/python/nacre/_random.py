"""Random bytes from the operating system's CSPRNG."""

from __future__ import annotations

from ._buffers import Buffer, borrows, new_output, size, to_bytes, writable
from ._errors import check
from ._nacre import lib

__all__ = ["random_bytes", "random_bytes_into"]


def random_bytes(n: int) -> bytes:
    """``n`` random bytes, suitable for keys and nonces."""
    count = size(n, "n")
    out = new_output(count)
    rc = lib.nacre_random_bytes(out, count)
    if rc:
        check(rc, "random_bytes")
    return to_bytes(out, count)


@borrows
def random_bytes_into(out: Buffer) -> int:
    """Fill the writable buffer ``out`` with random bytes; return how many were written."""
    dst = writable(out)
    rc = lib.nacre_random_bytes(dst, len(dst))
    if rc:
        check(rc, "random_bytes_into")
    return len(dst)
