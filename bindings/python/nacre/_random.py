"""Random bytes from the operating system's CSPRNG."""

from __future__ import annotations

from typing import Any

from ._buffers import Buffer, new_output, size, to_bytes, writable
from ._errors import check
from ._nacre import lib

__all__ = ["random_bytes", "random_bytes_into"]


def random_bytes(n: Any) -> bytes:
    """``n`` random bytes, suitable for keys and nonces."""
    n = size(n, "n")
    out = new_output(n)
    rc = lib.nacre_random_bytes(out, n)
    if rc:
        check(rc, "random_bytes")
    return to_bytes(out, n)


def random_bytes_into(out: Buffer) -> int:
    """Fill the writable buffer ``out`` with random bytes; return how many were written."""
    dst = writable(out)
    rc = lib.nacre_random_bytes(dst, len(dst))
    if rc:
        check(rc, "random_bytes_into")
    return len(dst)
