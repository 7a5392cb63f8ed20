"""HPKE (nacre_hpke_*): single-shot seal and open, and sender and receiver contexts.

Keys are nacre_key handles (the key objects' ``_key``); contexts are nacre_hpke_ctx handles
made by :func:`.handles.new_handle`. The context functions do not lock: the public classes call
them under their own lock. Outputs are filled in place in a new ``bytes``
(:func:`.buffers.fresh_bytes`), exactly as long as the ABI says; ``bytes`` inputs go straight to
C, other buffers are borrowed for the call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Tuple

from .._args import Buffer
from .._errors import InvalidTag
from .._nacre import lib
from .buffers import borrows, fresh_bytes, input_arg, len_cell, length
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "ENC_LEN",
    "TAG_LEN",
    "X25519_SHA256_AES128GCM",
    "X25519_SHA256_AES256GCM",
    "X25519_SHA256_CHACHA20POLY1305",
    "length",
    "seal",
    "open",
    "sender_new",
    "receiver_new",
    "ctx_seal",
    "ctx_open",
    "ctx_export",
]

ENC_LEN: int = lib.NACRE_HPKE_ENC_LEN
TAG_LEN: int = lib.NACRE_HPKE_TAG_LEN
#: nacre_hpke_suite numbers.
X25519_SHA256_AES128GCM: int = lib.NACRE_HPKE_X25519_SHA256_AES128GCM
X25519_SHA256_AES256GCM: int = lib.NACRE_HPKE_X25519_SHA256_AES256GCM
X25519_SHA256_CHACHA20POLY1305: int = lib.NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305


def _seal(suite: int, key: CData, data: Buffer, info: Buffer, aad: Buffer, where: str) -> bytes:
    src, inf, ad = input_arg(data, "data"), input_arg(info, "info"), input_arg(aad, "aad")
    n = ENC_LEN + len(src) + TAG_LEN
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_hpke_seal(suite, key, out, n, cell, inf, len(inf), src, len(src), ad, len(ad))
    if rc:
        check(rc, where)
    return out if cell[0] == n else out[: cell[0]]


_seal_borrowing = borrows(_seal)


def seal(suite: int, key: CData, data: Buffer, info: Buffer, aad: Buffer, where: str) -> bytes:
    """enc ‖ ciphertext of ``data`` for the public key handle ``key``."""
    if type(data) is bytes and type(info) is bytes and type(aad) is bytes:
        return _seal(suite, key, data, info, aad, where)
    return _seal_borrowing(suite, key, data, info, aad, where)


def _open(suite: int, key: CData, data: Buffer, info: Buffer, aad: Buffer, where: str) -> bytes:
    src, inf, ad = input_arg(data, "data"), input_arg(info, "info"), input_arg(aad, "aad")
    n = max(len(src) - ENC_LEN - TAG_LEN, 0)  # the caller checked; a buffer resized since: C says
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_hpke_open(suite, key, out, n, cell, inf, len(inf), src, len(src), ad, len(ad))
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return out if cell[0] == n else out[: cell[0]]


_open_borrowing = borrows(_open)


def open(  # shadows the builtin here, as in the public module
    suite: int, key: CData, data: Buffer, info: Buffer, aad: Buffer, where: str
) -> bytes:
    """The message of enc ‖ ciphertext ``data`` (at least ENC_LEN + TAG_LEN bytes: checked)
    for the key pair handle ``key``; InvalidTag when it does not open."""
    if type(data) is bytes and type(info) is bytes and type(aad) is bytes:
        return _open(suite, key, data, info, aad, where)
    return _open_borrowing(suite, key, data, info, aad, where)


@borrows
def sender_new(suite: int, key: CData, info: Buffer, where: str) -> Tuple[CData, bytes]:
    """A sender context to the public key handle ``key``, and its enc."""
    inf = input_arg(info, "info")
    enc, cell = fresh_bytes(ENC_LEN), len_cell()
    ctx = new_handle(
        "nacre_hpke_ctx", lib.nacre_hpke_ctx_free, where, lib.nacre_hpke_sender_new,
        suite, key, enc, ENC_LEN, cell, inf, len(inf),
    )
    return ctx, enc if cell[0] == ENC_LEN else enc[: cell[0]]


@borrows
def receiver_new(suite: int, key: CData, enc: Buffer, info: Buffer, where: str) -> CData:
    """A receiver context for the key pair handle ``key``, from the sender's ``enc``."""
    enc_buf, inf = input_arg(enc, "enc"), input_arg(info, "info")
    return new_handle(
        "nacre_hpke_ctx", lib.nacre_hpke_ctx_free, where, lib.nacre_hpke_receiver_new,
        suite, key, enc_buf, len(enc_buf), inf, len(inf),
    )


def _ctx_seal(ctx: CData, data: Buffer, aad: Buffer, where: str) -> bytes:
    src, ad = input_arg(data, "data"), input_arg(aad, "aad")
    n = len(src) + TAG_LEN
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_hpke_ctx_seal(ctx, out, n, cell, src, len(src), ad, len(ad))
    if rc:
        check(rc, where)
    return out if cell[0] == n else out[: cell[0]]


_ctx_seal_borrowing = borrows(_ctx_seal)


def ctx_seal(ctx: CData, data: Buffer, aad: Buffer, where: str) -> bytes:
    """The next message's ciphertext (the caller holds the context's lock)."""
    if type(data) is bytes and type(aad) is bytes:
        return _ctx_seal(ctx, data, aad, where)
    return _ctx_seal_borrowing(ctx, data, aad, where)


def _ctx_open(ctx: CData, data: Buffer, aad: Buffer, where: str) -> bytes:
    src, ad = input_arg(data, "data"), input_arg(aad, "aad")
    n = max(len(src) - TAG_LEN, 0)
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_hpke_ctx_open(ctx, out, n, cell, src, len(src), ad, len(ad))
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return out if cell[0] == n else out[: cell[0]]


_ctx_open_borrowing = borrows(_ctx_open)


def ctx_open(ctx: CData, data: Buffer, aad: Buffer, where: str) -> bytes:
    """The next message (``data`` at least TAG_LEN bytes: checked; the caller holds the lock);
    InvalidTag when it does not open."""
    if type(data) is bytes and type(aad) is bytes:
        return _ctx_open(ctx, data, aad, where)
    return _ctx_open_borrowing(ctx, data, aad, where)


@borrows
def ctx_export(ctx: CData, context: Buffer, n: int, where: str) -> bytes:
    """``n`` (checked) exported bytes; the secret is made in its ``bytes`` directly, so no
    other copy is left behind (the caller holds the lock)."""
    ctx_buf = input_arg(context, "exporter_context")
    out = fresh_bytes(n)
    rc = lib.nacre_hpke_ctx_export(ctx, out, n, ctx_buf, len(ctx_buf))
    if rc:
        check(rc, where)
    return out
