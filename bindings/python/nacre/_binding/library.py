"""The library's own facts (version, ABI, secret memory), randomness and constant-time equality."""

from __future__ import annotations

from typing import Any, Dict

from .._args import Buffer
from .._nacre import ffi, lib
from .buffers import borrows, new_output, readable, to_bytes, writable
from .status import c_string, check

__all__ = [
    "version_string",
    "abi_version",
    "secret_memory_stats",
    "random_bytes",
    "random_bytes_into",
    "constant_time_equal",
]

_MEMORY_FIELDS = (
    "arenas", "capacity_bytes", "locked_bytes", "unlocked_bytes", "lock_limit_bytes",
    "live_secrets", "live_bytes", "large_secrets",
)


def version_string() -> str:
    return c_string(lib.nacre_version_string())


def abi_version() -> int:
    return int(lib.nacre_abi_version())


def secret_memory_stats() -> Dict[str, int]:
    """nacre_memory_stats's fields by name (lock_limit_bytes is 2**64-1 for no limit)."""
    out: Any = ffi.new("nacre_memory_stats *")  # a struct cdata: fields as in nacre.h
    rc = lib.nacre_secret_memory_stats(out, ffi.sizeof("nacre_memory_stats"))
    if rc:
        check(rc, "secret_memory_stats")
    return {name: int(getattr(out, name)) for name in _MEMORY_FIELDS}


def random_bytes(n: int, where: str) -> bytes:
    """``n`` (already checked) bytes from the CSPRNG."""
    out = new_output(n)
    rc = lib.nacre_random_bytes(out, n)
    if rc:
        check(rc, where)
    return to_bytes(out, n)


@borrows
def random_bytes_into(out: Buffer, where: str) -> int:
    dst = writable(out)
    rc = lib.nacre_random_bytes(dst, len(dst))
    if rc:
        check(rc, where)
    return len(dst)


def _equal(a: Buffer, b: Buffer, where: str) -> bool:
    a_buf = a if type(a) is bytes else readable(a, "a")
    b_buf = b if type(b) is bytes else readable(b, "b")
    if len(a_buf) != len(b_buf):
        return False
    rc = lib.nacre_constant_time_equal(a_buf, b_buf, len(a_buf))
    if rc == lib.NACRE_OK:
        return True
    if rc == lib.NACRE_ERR_VERIFICATION_FAILED:
        return False
    check(rc, where)
    raise AssertionError("unreachable")  # check() raised for every other status


_equal_borrowing = borrows(_equal)


def constant_time_equal(a: Buffer, b: Buffer, where: str) -> bool:
    """Whether ``a`` and ``b`` hold the same bytes, in time that depends on the length only."""
    if type(a) is bytes and type(b) is bytes:
        return _equal(a, b, where)  # nothing to borrow
    return _equal_borrowing(a, b, where)
