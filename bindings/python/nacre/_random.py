"""Random bytes from the operating system's CSPRNG."""

from __future__ import annotations

from ._args import Buffer, size
from ._binding import library

__all__ = ["random_bytes", "random_bytes_into"]


def random_bytes(n: int) -> bytes:
    """``n`` random bytes, suitable for keys and nonces."""
    return library.random_bytes(size(n, "n"), "random_bytes")


def random_bytes_into(out: Buffer) -> int:
    """Fill the writable buffer ``out`` with random bytes; return how many were written."""
    return library.random_bytes_into(out, "random_bytes_into")
