"""PyNaCl's ``nacl.exceptions``, mapped onto nacre's exceptions.

:class:`CryptoError` is :class:`nacre.Error`, so it catches every exception nacre raises, as
PyNaCl's catches every one of PyNaCl's. :class:`BadSignatureError` is
:class:`nacre.InvalidSignature`; :class:`ValueError` is :class:`nacre.InvalidArgument` (a
ValueError and a CryptoError, as PyNaCl's is). The others are new classes of PyNaCl's shape.
"""

from __future__ import annotations

import builtins
from typing import Any, Type

from .._errors import Error as CryptoError
from .._errors import InvalidArgument as ValueError
from .._errors import InvalidSignature as BadSignatureError

__all__ = [
    "CryptoError",
    "BadSignatureError",
    "RuntimeError",
    "AssertionError",
    "TypeError",
    "ValueError",
    "InvalidkeyError",
    "CryptPrefixError",
    "UnavailableError",
    "ensure",
]


class RuntimeError(builtins.RuntimeError, CryptoError):
    pass


class AssertionError(builtins.AssertionError, CryptoError):
    pass


class TypeError(builtins.TypeError, CryptoError):
    pass


class InvalidkeyError(CryptoError):
    pass


class CryptPrefixError(InvalidkeyError):
    pass


class UnavailableError(RuntimeError):
    """A feature the library was built without."""


def ensure(cond: bool, *args: object, **kwds: Type[Exception]) -> None:
    """Return if ``cond`` is True, else raise ``raising(*args)`` (``raising=`` keyword,
    :class:`AssertionError` by default): PyNaCl's helper."""
    raising: Any = kwds.pop("raising", AssertionError)
    if kwds:
        raise builtins.TypeError(f"Unexpected keyword argument: {next(iter(kwds))!r}")
    if cond is not True:  # PyNaCl's test: True itself, not any true value
        raise raising(*args)
