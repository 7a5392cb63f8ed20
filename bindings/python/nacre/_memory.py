"""Statistics of nacre's secret memory (keys, keyed states, derived secrets)."""

from __future__ import annotations

from typing import Any, NamedTuple

from ._errors import check
from ._nacre import ffi, lib

__all__ = ["SecretMemoryStats", "secret_memory_stats"]


class SecretMemoryStats(NamedTuple):
    """A snapshot of the secret memory pool (see ``nacre_secret_memory_stats`` in nacre.h).

    Secrets live in arenas of 4 MiB, each fenced by guard pages and excluded from core dumps;
    slabs are mlock'ed while RLIMIT_MEMLOCK allows, and past it they are still wiped and guarded.
    """

    arenas: int  #: arenas mapped
    capacity_bytes: int  #: bytes of slab space in those arenas
    locked_bytes: int  #: bytes of slab space that are mlock'ed
    unlocked_bytes: int  #: bytes of slabs holding secrets that could not be locked
    lock_limit_bytes: int | None  #: RLIMIT_MEMLOCK when the pool started; None: no limit
    live_secrets: int  #: secrets alive now
    live_bytes: int  #: bytes they occupy (rounded up to their size class)
    large_secrets: int  #: live secrets above 64 KiB, each from sodium_malloc


_NO_LIMIT = 2**64 - 1


def secret_memory_stats() -> SecretMemoryStats:
    """Return a consistent snapshot of the secret memory pool. Thread-safe."""
    out: Any = ffi.new("nacre_memory_stats *")  # a struct cdata: fields as in nacre.h
    rc = lib.nacre_secret_memory_stats(out, ffi.sizeof("nacre_memory_stats"))
    if rc:
        check(rc, "secret_memory_stats")
    limit = int(out.lock_limit_bytes)
    return SecretMemoryStats(
        arenas=int(out.arenas),
        capacity_bytes=int(out.capacity_bytes),
        locked_bytes=int(out.locked_bytes),
        unlocked_bytes=int(out.unlocked_bytes),
        lock_limit_bytes=None if limit == _NO_LIMIT else limit,
        live_secrets=int(out.live_secrets),
        live_bytes=int(out.live_bytes),
        large_secrets=int(out.large_secrets),
    )
