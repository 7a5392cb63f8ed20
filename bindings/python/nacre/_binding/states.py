"""Incremental C states (hash and HMAC contexts): the calls both families make the same way.

:func:`state_calls` binds one family's C functions once and returns its ``update``,
``state_digest``, ``state_digest_into`` and ``copy_state``; the closures read them as cell
variables, so the hot ``update``/``digest`` paths cost no more than module globals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from .._args import Buffer
from .._errors import InvalidArgument
from .buffers import borrows, len_cell, readable, writable
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = ["StateCalls", "state_calls", "exact_output"]


def exact_output(out: Buffer, n: int, what: str) -> CData:
    """A view of the writable buffer ``out``, which must be exactly ``n`` bytes (InvalidArgument
    naming ``what`` otherwise); call in a borrowing scope."""
    dst = writable(out)
    if len(dst) != n:
        raise InvalidArgument(f"{what}: output buffer must be {n} bytes, got {len(dst)}")
    return dst


class StateCalls(NamedTuple):
    update: Callable[[CData, Buffer, str], None]
    state_digest: Callable[[CData, int, str], bytes]
    state_digest_into: Callable[[CData, Buffer, int, str, str], int]
    copy_state: Callable[[CData, str], CData]


def state_calls(
    kind: str, ctx_update: Any, ctx_digest: Any, ctx_copy: Any, ctx_free: Any, data_name: str
) -> StateCalls:
    """The calls on states of C type ``kind`` (``ctx_*``: its nacre.h functions); ``data_name``
    names the absorbed argument in messages ("data", "msg")."""

    @borrows
    def update_borrowing(ctx: CData, data: Buffer, where: str) -> None:
        src = readable(data, data_name)
        rc = ctx_update(ctx, src, len(src))
        if rc:
            check(rc, where)

    def update(ctx: CData, data: Buffer, where: str) -> None:
        """Absorb ``data`` into ``ctx`` (read in place)."""
        if type(data) is bytes:  # nothing to borrow
            rc = ctx_update(ctx, data, len(data))
            if rc:
                check(rc, where)
        else:
            update_borrowing(ctx, data, where)

    def state_digest(ctx: CData, n: int, where: str) -> bytes:
        """The ``n``-byte output of what ``ctx`` has absorbed (the state goes on)."""
        out = bytes(n)  # filled in place: see buffers.fresh_bytes
        rc = ctx_digest(ctx, out, n, len_cell())
        if rc:
            check(rc, where)
        return out

    @borrows
    def state_digest_into(ctx: CData, out: Buffer, n: int, what: str, where: str) -> int:
        """``state_digest`` written into ``out`` (exactly ``n`` bytes); returns ``n``."""
        dst = exact_output(out, n, what)
        rc = ctx_digest(ctx, dst, n, len_cell())
        if rc:
            check(rc, where)
        return n

    def copy_state(ctx: CData, where: str) -> CData:
        """An independent copy of the state ``ctx``."""
        return new_handle(kind, ctx_free, where, lambda out: ctx_copy(ctx, out))

    return StateCalls(update, state_digest, state_digest_into, copy_state)
