"""Statistics of nacre's secret memory (keys, keyed states, derived secrets)."""

from __future__ import annotations

from typing import NamedTuple

from ._binding import library

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
    stats = SecretMemoryStats(**library.secret_memory_stats())
    if stats.lock_limit_bytes == _NO_LIMIT:
        return stats._replace(lock_limit_bytes=None)
    return stats
