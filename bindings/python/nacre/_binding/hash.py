"""Hashes (nacre_hash, nacre_xof) and hashing states (nacre_hash_ctx).

Algorithms and backends arrive as their C numbers, sizes already checked by :mod:`nacre.hash`;
``where`` is the context for an error's message. A caller's lock, if any, is held around the
state functions by the caller. ``bytes`` inputs are passed to C as they are, without entering a
borrowing scope; fixed-size digests are written in place into a new ``bytes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple

from .._args import Buffer
from .._nacre import lib
from .backends import backends_implementing
from .buffers import borrows, len_cell, new_output, readable, to_bytes, writable
from .handles import new_handle
from .states import exact_output, state_calls
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "BLAKE2B_MIN_DIGEST_LEN",
    "BLAKE2B_MAX_DIGEST_LEN",
    "BLAKE2B_MAX_KEY_LEN",
    "BLAKE2B_MAX_SALT_LEN",
    "BLAKE2B_MAX_PERSON_LEN",
    "available_backends",
    "require_available",
    "digest",
    "xof",
    "digest_into",
    "xof_into",
    "new_state",
    "new_blake2b",
    "copy_state",
    "update",
    "state_digest",
    "state_digest_into",
    "state_xof",
    "state_xof_into",
    "exact_output",
]

BLAKE2B_MIN_DIGEST_LEN: int = lib.NACRE_BLAKE2B_MIN_DIGEST_LEN
BLAKE2B_MAX_DIGEST_LEN: int = lib.NACRE_BLAKE2B_MAX_DIGEST_LEN
BLAKE2B_MAX_KEY_LEN: int = lib.NACRE_BLAKE2B_MAX_KEY_LEN
BLAKE2B_MAX_SALT_LEN: int = lib.NACRE_BLAKE2B_MAX_SALT_LEN
BLAKE2B_MAX_PERSON_LEN: int = lib.NACRE_BLAKE2B_MAX_PERSON_LEN

_hash = lib.nacre_hash
_xof = lib.nacre_xof
_ctx_update = lib.nacre_hash_ctx_update
_ctx_digest = lib.nacre_hash_ctx_digest
_ctx_free = lib.nacre_hash_ctx_free


def available_backends(alg: int) -> Tuple[str, ...]:
    """The backends that implement the hash ``alg``."""
    return backends_implementing(lib.nacre_hash_is_available, alg)


def require_available(alg: int, backend: int, where: str) -> None:
    """Raise nacre's exception when ``backend`` lacks the hash ``alg``."""
    check(lib.nacre_hash_is_available(alg, backend), where)


# --- one-shot --------------------------------------------------------------------------------


def digest(alg: int, backend: int, data: Buffer, n: int, where: str) -> bytes:
    """The ``n``-byte digest of ``data`` (a fixed-size hash)."""
    if type(data) is bytes:  # nothing to borrow
        out = bytes(n)  # filled in place: see buffers.fresh_bytes
        rc = _hash(alg, backend, out, n, len_cell(), data, len(data))
        if rc:
            check(rc, where)
        return out
    return _digest_borrowing(alg, backend, data, n, where)


@borrows
def _digest_borrowing(alg: int, backend: int, data: Buffer, n: int, where: str) -> bytes:
    src = readable(data)
    out = bytes(n)  # filled in place: see buffers.fresh_bytes
    rc = _hash(alg, backend, out, n, len_cell(), src, len(src))
    if rc:
        check(rc, where)
    return out


def xof(alg: int, data: Buffer, n: int, where: str) -> bytes:
    """``n`` bytes of the XOF ``alg`` over ``data``."""
    if type(data) is bytes:  # nothing to borrow
        out = new_output(n)
        rc = _xof(alg, out, n, data, len(data))
        if rc:
            check(rc, where)
        return to_bytes(out, n)
    return _xof_borrowing(alg, data, n, where)


@borrows
def _xof_borrowing(alg: int, data: Buffer, n: int, where: str) -> bytes:
    src = readable(data)
    out = new_output(n)
    rc = _xof(alg, out, n, src, len(src))
    if rc:
        check(rc, where)
    return to_bytes(out, n)


@borrows
def digest_into(
    alg: int, backend: int, data: Buffer, out: Buffer, n: int, what: str, where: str
) -> int:
    """The digest of ``data`` written into ``out`` (exactly ``n`` bytes: see
    :func:`exact_output`); returns ``n``."""
    src = readable(data)
    dst = exact_output(out, n, what)
    rc = _hash(alg, backend, dst, n, len_cell(), src, len(src))
    if rc:
        check(rc, where)
    return n


@borrows
def xof_into(alg: int, data: Buffer, out: Buffer, where: str) -> int:
    """All of the writable buffer ``out`` filled with the XOF ``alg`` over ``data``; returns its
    size."""
    src = readable(data)
    dst = writable(out)
    n = len(dst)
    rc = _xof(alg, dst, n, src, len(src))
    if rc:
        check(rc, where)
    return n


# --- states ----------------------------------------------------------------------------------


def new_state(alg: int, backend: int, where: str) -> CData:
    """A fresh hashing state for ``alg`` on ``backend``."""
    return new_handle("nacre_hash_ctx", _ctx_free, where, lib.nacre_hash_ctx_new, alg, backend)


@borrows
def new_blake2b(
    digest_size: int, key: Buffer, salt: Buffer, person: Buffer, where: str
) -> CData:
    """A BLAKE2b state with these parameters (the library checks their sizes and says)."""
    key_buf = readable(key, "key")
    salt_buf = readable(salt, "salt")
    person_buf = readable(person, "person")
    return new_handle(
        "nacre_hash_ctx", _ctx_free, where, lib.nacre_hash_ctx_new_blake2b_salted, digest_size,
        key_buf, len(key_buf), salt_buf, len(salt_buf), person_buf, len(person_buf),
    )


update, state_digest, state_digest_into, copy_state = state_calls(
    "nacre_hash_ctx", _ctx_update, _ctx_digest, lib.nacre_hash_ctx_copy, _ctx_free, "data"
)


def state_xof(ctx: CData, n: int, where: str) -> bytes:
    """``n`` bytes of XOF output for what ``ctx`` has absorbed."""
    out = new_output(n)
    rc = lib.nacre_hash_ctx_xof(ctx, out, n)
    if rc:
        check(rc, where)
    return to_bytes(out, n)


@borrows
def state_xof_into(ctx: CData, out: Buffer, where: str) -> int:
    """All of the writable buffer ``out`` filled with XOF output; returns its size."""
    dst = writable(out)
    n = len(dst)
    rc = lib.nacre_hash_ctx_xof(ctx, dst, n)
    if rc:
        check(rc, where)
    return n
