"""Constant-time comparison of secrets (MACs, tokens)."""

from __future__ import annotations

from typing import Union

from ._args import Buffer
from ._binding.library import constant_time_equal

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
    return constant_time_equal(a, b, "compare_digest")
