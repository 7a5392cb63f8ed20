"""Constant-time comparison of secrets (MACs, tokens)."""

from __future__ import annotations

from typing import Union

from ._buffers import Buffer, borrows, readable
from ._errors import check
from ._nacre import lib

__all__ = ["compare_digest"]


def _ascii(text: str) -> bytes:
    if not text.isascii():
        raise TypeError("comparing strings with non-ASCII characters is not supported")
    return text.encode("ascii")


def compare_digest(a: Union[Buffer, str], b: Union[Buffer, str]) -> bool:
    """True when ``a`` and ``b`` hold the same bytes, with :func:`hmac.compare_digest`'s rules.

    The time taken depends on the length only, never on where the inputs differ. Inputs of
    different lengths are simply unequal (lengths are not secret). Two ``str`` are compared if
    both are ASCII (TypeError otherwise, as the standard function raises); a ``str`` against
    bytes is a TypeError.
    """
    if isinstance(a, str) or isinstance(b, str):
        if not (isinstance(a, str) and isinstance(b, str)):
            raise TypeError(
                "unsupported operand types(s) or combination of types: "
                f"{type(a).__name__!r} and {type(b).__name__!r}"
            )
        a, b = _ascii(a), _ascii(b)
    if type(a) is bytes and type(b) is bytes:
        return _compare(a, b)  # nothing to borrow
    return _compare_borrowing(a, b)


def _compare(a: Buffer, b: Buffer) -> bool:
    a_buf = a if type(a) is bytes else readable(a, "a")
    b_buf = b if type(b) is bytes else readable(b, "b")
    if len(a_buf) != len(b_buf):
        return False
    rc = lib.nacre_constant_time_equal(a_buf, b_buf, len(a_buf))
    if rc == lib.NACRE_OK:
        return True
    if rc == lib.NACRE_ERR_VERIFICATION_FAILED:
        return False
    check(rc, "compare_digest")
    raise AssertionError("unreachable")  # check() raised for every other status


_compare_borrowing = borrows(_compare)
