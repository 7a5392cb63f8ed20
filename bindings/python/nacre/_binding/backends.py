"""Backend names ("boringssl", "sodium"; "automatic" for the library's pick) and their C
numbers, as nacre_backend_name gives them."""

from __future__ import annotations

from typing import Callable, Dict, Optional, Tuple

from .._errors import InvalidArgument
from .._nacre import lib
from .status import c_string

__all__ = ["AUTOMATIC", "BACKENDS", "backend_number", "backends_implementing"]

AUTOMATIC: str = c_string(lib.nacre_backend_name(lib.NACRE_BACKEND_AUTOMATIC))
#: The named backends -> nacre_backend numbers.
BACKENDS: Dict[str, int] = {
    c_string(lib.nacre_backend_name(n)): n
    for n in (lib.NACRE_BACKEND_BORINGSSL, lib.NACRE_BACKEND_SODIUM)
}
_NAMES: Tuple[str, ...] = tuple(BACKENDS)


def backend_number(backend: Optional[str]) -> int:
    """The nacre_backend number for a name; "automatic" (or None) is the library's pick, the
    faster backend for the algorithm."""
    if backend is None or backend == AUTOMATIC:
        return lib.NACRE_BACKEND_AUTOMATIC
    if not isinstance(backend, str):
        raise TypeError(f"backend must be a str or None, not {type(backend).__name__!r}")
    try:
        return BACKENDS[backend]
    except KeyError:
        raise InvalidArgument(
            f"unknown backend {backend!r}; expected one of {', '.join(_NAMES)}, "
            f"{AUTOMATIC!r} or None"
        ) from None


def backends_implementing(is_available: Callable[[int, int], int], alg: int) -> Tuple[str, ...]:
    """The backend names for which ``is_available(alg, number)`` (a nacre_*_is_available) is OK."""
    ok = lib.NACRE_OK
    return tuple(name for name, number in BACKENDS.items() if is_available(alg, number) == ok)
