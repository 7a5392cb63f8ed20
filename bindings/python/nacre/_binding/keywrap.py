"""AES key wrap (nacre_aes_key_wrap, nacre_aes_key_unwrap).

Wrapped keys are written in place into a new ``bytes`` of the size RFC 3394/5649 gives. An
unwrapped key goes through a C buffer that is zeroed after its bytes are copied out, since an
RFC 5649 key may be shorter than the room it needs; a failed unwrap raises ``InvalidUnwrap``.
"""

from __future__ import annotations

from .._args import Buffer
from .._errors import InvalidUnwrap
from .._nacre import ffi, lib
from .buffers import borrows, fresh_bytes, input_arg, len_cell, new_output, to_bytes
from .status import check

__all__ = ["RFC3394", "RFC5649", "wrap", "unwrap"]

RFC3394: int = lib.NACRE_KEYWRAP_RFC3394
RFC5649: int = lib.NACRE_KEYWRAP_RFC5649
_OVERHEAD: int = lib.NACRE_KEYWRAP_OVERHEAD


@borrows
def wrap(mode: int, kek: Buffer, key: Buffer) -> bytes:
    kek_buf = input_arg(kek, "wrapping_key")
    key_buf = input_arg(key, "key_to_wrap")
    cell = len_cell()
    rc = lib.nacre_aes_key_wrap(
        mode, kek_buf, len(kek_buf), ffi.NULL, 0, cell, key_buf, len(key_buf)
    )
    if rc != lib.NACRE_ERR_BUFFER_TOO_SMALL:
        check(rc, "key wrap")
    n = int(cell[0])
    out = fresh_bytes(n)
    check(
        lib.nacre_aes_key_wrap(mode, kek_buf, len(kek_buf), out, n, cell, key_buf, len(key_buf)),
        "key wrap",
    )
    return out


@borrows
def unwrap(mode: int, kek: Buffer, wrapped: Buffer) -> bytes:
    kek_buf = input_arg(kek, "wrapping_key")
    in_buf = input_arg(wrapped, "wrapped_key")
    cap = max(len(in_buf) - _OVERHEAD, 0)
    out = new_output(cap)
    cell = len_cell()
    try:
        rc = lib.nacre_aes_key_unwrap(
            mode, kek_buf, len(kek_buf), out, cap, cell, in_buf, len(in_buf)
        )
        check(rc, "key unwrap", mismatch=InvalidUnwrap)
        return to_bytes(out, int(cell[0]))
    finally:
        ffi.memmove(out, bytes(cap), cap)
