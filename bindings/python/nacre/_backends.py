"""Backend names ("boringssl", "sodium") and their C numbers."""

from __future__ import annotations

from typing import Callable, Dict, Optional, Tuple

from ._errors import InvalidArgument
from ._nacre import lib

__all__ = ["BACKENDS", "backend_number", "backends_implementing"]

BACKENDS: Dict[str, int] = {
    "boringssl": lib.NACRE_BACKEND_BORINGSSL,
    "sodium": lib.NACRE_BACKEND_SODIUM,
}
_NAMES: Tuple[str, ...] = tuple(BACKENDS)


def backend_number(backend: Optional[str]) -> int:
    """The nacre_backend number for a name; None means the library's default (the faster)."""
    if backend is None:
        return lib.NACRE_BACKEND_DEFAULT
    if not isinstance(backend, str):
        raise TypeError(f"backend must be a str or None, not {type(backend).__name__!r}")
    try:
        return BACKENDS[backend]
    except KeyError:
        raise InvalidArgument(
            f"unknown backend {backend!r}; expected one of {', '.join(_NAMES)} or None"
        ) from None


def backends_implementing(is_available: Callable[[int, int], int], alg: int) -> Tuple[str, ...]:
    """The backend names for which ``is_available(alg, number)`` (a nacre_*_is_available) is OK."""
    ok = lib.NACRE_OK
    return tuple(name for name, number in BACKENDS.items() if is_available(alg, number) == ok)
