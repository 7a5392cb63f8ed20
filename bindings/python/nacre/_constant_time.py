"""Constant-time comparison of secrets (MACs, tokens)."""

from __future__ import annotations

from ._buffers import Buffer, borrows, readable
from ._errors import check
from ._nacre import lib

__all__ = ["compare_digest"]


@borrows
def compare_digest(a: Buffer, b: Buffer) -> bool:
    """True when ``a`` and ``b`` hold the same bytes, like :func:`hmac.compare_digest`.

    The time taken depends on the length only, never on where the inputs differ. Inputs of
    different lengths are simply unequal (lengths are not secret). Unlike the standard function,
    str is refused (TypeError): compare bytes.
    """
    a_buf = readable(a, "a")
    b_buf = readable(b, "b")
    if len(a_buf) != len(b_buf):
        return False
    rc = lib.nacre_constant_time_equal(a_buf, b_buf, len(a_buf))
    if rc == lib.NACRE_OK:
        return True
    if rc == lib.NACRE_ERR_VERIFICATION_FAILED:
        return False
    check(rc, "compare_digest")
    raise AssertionError("unreachable")  # check() raised for every other status
