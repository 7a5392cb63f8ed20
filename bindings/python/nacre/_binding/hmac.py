"""HMAC (nacre_hmac, nacre_hmac_verify) and HMAC states (nacre_hmac_ctx).

Hashes and backends arrive as their C numbers, tag sizes from the library's table; ``where`` is
the context for an error's message. A caller's lock is held around the state functions by the
caller. ``bytes`` inputs are passed to C as they are, without entering a borrowing scope; tags
are written in place into a new ``bytes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple

from .._args import Buffer
from .._errors import InvalidSignature
from .._nacre import lib
from .backends import backends_implementing
from .buffers import borrows, len_cell, readable
from .handles import new_handle
from .states import exact_output, state_calls
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "available_backends",
    "mac",
    "mac_into",
    "verify",
    "new_state",
    "copy_state",
    "update",
    "state_digest",
    "state_digest_into",
    "state_verify",
]

_hmac = lib.nacre_hmac
_ctx_update = lib.nacre_hmac_ctx_update
_ctx_digest = lib.nacre_hmac_ctx_digest
_ctx_free = lib.nacre_hmac_ctx_free


def available_backends(alg: int) -> Tuple[str, ...]:
    """The backends that implement HMAC with the hash ``alg``."""
    return backends_implementing(lib.nacre_hmac_is_available, alg)


# --- one-shot --------------------------------------------------------------------------------


def mac(alg: int, backend: int, key: Buffer, msg: Buffer, n: int, where: str) -> bytes:
    """The ``n``-byte HMAC of ``msg`` under ``key``."""
    if type(key) is bytes and type(msg) is bytes:  # nothing to borrow
        out = bytes(n)  # filled in place: see buffers.fresh_bytes
        rc = _hmac(alg, backend, out, n, len_cell(), key, len(key), msg, len(msg))
        if rc:
            check(rc, where)
        return out
    return _mac_borrowing(alg, backend, key, msg, n, where)


@borrows
def _mac_borrowing(alg: int, backend: int, key: Buffer, msg: Buffer, n: int, where: str) -> bytes:
    key_buf = key if type(key) is bytes else readable(key, "key")
    src = msg if type(msg) is bytes else readable(msg, "msg")
    out = bytes(n)  # filled in place: see buffers.fresh_bytes
    rc = _hmac(alg, backend, out, n, len_cell(), key_buf, len(key_buf), src, len(src))
    if rc:
        check(rc, where)
    return out


@borrows
def mac_into(
    alg: int, backend: int, key: Buffer, msg: Buffer, out: Buffer, n: int, what: str, where: str
) -> int:
    """The HMAC written into ``out`` (exactly ``n`` bytes, else InvalidArgument naming
    ``what``); returns ``n``."""
    key_buf = readable(key, "key")
    src = readable(msg, "msg")
    dst = exact_output(out, n, what)
    rc = _hmac(alg, backend, dst, n, len_cell(), key_buf, len(key_buf), src, len(src))
    if rc:
        check(rc, where)
    return n


@borrows
def verify(alg: int, backend: int, key: Buffer, msg: Buffer, tag: Buffer, where: str) -> None:
    """Raise InvalidSignature unless ``tag`` is the HMAC of ``msg`` under ``key`` (compared in
    constant time)."""
    key_buf = readable(key, "key")
    src = readable(msg, "msg")
    tag_buf = readable(tag, "tag")
    rc = lib.nacre_hmac_verify(
        alg, backend, tag_buf, len(tag_buf), key_buf, len(key_buf), src, len(src)
    )
    if rc:
        check(rc, where, mismatch=InvalidSignature)


# --- states ----------------------------------------------------------------------------------


def new_state(alg: int, backend: int, key: Buffer, where: str) -> CData:
    """A fresh HMAC state keyed with ``key`` (copied into the state)."""
    if type(key) is bytes:  # nothing to borrow
        return new_handle(
            "nacre_hmac_ctx", _ctx_free, where, lib.nacre_hmac_ctx_new, alg, backend, key,
            len(key),
        )
    return _new_state_borrowing(alg, backend, key, where)


@borrows
def _new_state_borrowing(alg: int, backend: int, key: Buffer, where: str) -> CData:
    key_buf = readable(key, "key")
    return new_handle(
        "nacre_hmac_ctx", _ctx_free, where, lib.nacre_hmac_ctx_new, alg, backend, key_buf,
        len(key_buf),
    )


update, state_digest, state_digest_into, copy_state = state_calls(
    "nacre_hmac_ctx", _ctx_update, _ctx_digest, lib.nacre_hmac_ctx_copy, _ctx_free, "msg"
)


@borrows
def state_verify(ctx: CData, tag: Buffer, where: str) -> None:
    """Raise InvalidSignature unless ``tag`` is the tag of what ``ctx`` has absorbed."""
    src = readable(tag, "tag")
    rc = lib.nacre_hmac_ctx_verify(ctx, src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidSignature)
