"""Public-key boxes (nacre_box*): sealed boxes, crypto_box and its shared key.

Keys are nacre_key handles (the public key objects' ``_key``). Outputs are filled in place in a
new ``bytes`` (:func:`.buffers.fresh_bytes`): each is exactly as long as the ABI says (input
length plus or minus the overhead), written completely on success and zeroed on failure.
``bytes`` inputs go straight to C; other buffers are borrowed for the call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from .._args import Buffer
from .._errors import InvalidTag
from .._nacre import lib
from .buffers import borrows, fresh_bytes, input_arg, len_cell, length, readable
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "SEAL_OVERHEAD",
    "OVERHEAD",
    "NONCE_LEN",
    "SHARED_KEY_LEN",
    "length",
    "seal",
    "seal_open",
    "shared_key",
    "box",
    "box_open",
    "box_open_prefixed",
]

SEAL_OVERHEAD: int = lib.NACRE_BOX_SEAL_OVERHEAD
OVERHEAD: int = lib.NACRE_BOX_OVERHEAD
NONCE_LEN: int = lib.NACRE_BOX_NONCE_LEN
SHARED_KEY_LEN: int = lib.NACRE_SECRETBOX_KEY_LEN


def _seal(key: CData, data: Buffer, where: str) -> bytes:
    src = input_arg(data, "data")
    n = len(src) + SEAL_OVERHEAD
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_box_seal(key, out, n, cell, src, len(src))
    if rc:
        check(rc, where)
    return out if cell[0] == n else out[: cell[0]]


_seal_borrowing = borrows(_seal)


def seal(key: CData, data: Buffer, where: str) -> bytes:
    """A sealed box of ``data`` for the public key handle ``key``."""
    if type(data) is bytes:
        return _seal(key, data, where)
    return _seal_borrowing(key, data, where)


def _seal_open(key: CData, data: Buffer, where: str) -> bytes:
    src = input_arg(data, "data")
    n = max(len(src) - SEAL_OVERHEAD, 0)  # the caller checked; a buffer resized since: C says
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_box_seal_open(key, out, n, cell, src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return out if cell[0] == n else out[: cell[0]]


_seal_open_borrowing = borrows(_seal_open)


def seal_open(key: CData, data: Buffer, where: str) -> bytes:
    """The message in the sealed box ``data`` (at least SEAL_OVERHEAD bytes: checked) for the
    key pair handle ``key``; InvalidTag when it does not open."""
    if type(data) is bytes:
        return _seal_open(key, data, where)
    return _seal_open_borrowing(key, data, where)


def shared_key(key: CData, peer: CData, where: str) -> bytes:
    """crypto_box_beforenm of the key pair ``key`` and the public key ``peer`` (a secret, made
    in its ``bytes`` directly: no other copy is left behind)."""
    out, cell = fresh_bytes(SHARED_KEY_LEN), len_cell()
    rc = lib.nacre_box_shared_key(key, peer, out, SHARED_KEY_LEN, cell)
    if rc:
        check(rc, where)
    return out if cell[0] == SHARED_KEY_LEN else out[: cell[0]]


def _box(sender: CData, recipient: CData, nonce: Buffer, data: Buffer, where: str) -> bytes:
    nonce_buf = input_arg(nonce, "nonce")
    src = input_arg(data, "data")
    n = len(src) + OVERHEAD
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_box(sender, recipient, out, n, cell, nonce_buf, len(nonce_buf), src, len(src))
    if rc:
        check(rc, where)
    return out if cell[0] == n else out[: cell[0]]


_box_borrowing = borrows(_box)


def box(sender: CData, recipient: CData, nonce: Buffer, data: Buffer, where: str) -> bytes:
    """crypto_box of ``data`` under ``nonce`` (NONCE_LEN bytes: checked), from the key pair
    ``sender`` to the public key ``recipient``."""
    if type(data) is bytes and type(nonce) is bytes:
        return _box(sender, recipient, nonce, data, where)
    return _box_borrowing(sender, recipient, nonce, data, where)


def _open(
    recipient: CData, sender: CData, nonce: Union[bytes, CData], src: Union[bytes, CData],
    where: str,
) -> bytes:
    n = max(len(src) - OVERHEAD, 0)
    out, cell = fresh_bytes(n), len_cell()
    rc = lib.nacre_box_open(recipient, sender, out, n, cell, nonce, len(nonce), src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidTag)
    return out if cell[0] == n else out[: cell[0]]


@borrows
def _open_borrowing(
    recipient: CData, sender: CData, nonce: Buffer, data: Buffer, where: str
) -> bytes:
    return _open(recipient, sender, input_arg(nonce, "nonce"), input_arg(data, "data"), where)


def box_open(recipient: CData, sender: CData, nonce: Buffer, data: Buffer, where: str) -> bytes:
    """The message of a crypto_box ``data`` (at least OVERHEAD bytes: checked) under ``nonce``;
    InvalidTag when it does not open."""
    if type(data) is bytes and type(nonce) is bytes:
        return _open(recipient, sender, nonce, data, where)  # bytes go to C as they are
    return _open_borrowing(recipient, sender, nonce, data, where)


@borrows
def box_open_prefixed(recipient: CData, sender: CData, data: Buffer, where: str) -> bytes:
    """:func:`box_open` of nonce ‖ ciphertext (at least NONCE_LEN + OVERHEAD bytes: checked),
    split without copying."""
    view = readable(data, "data")
    k = min(NONCE_LEN, len(view))  # NONCE_LEN unless the buffer was resized since the check
    return _open(recipient, sender, view[0:k], view[k : len(view)], where)
