"""Types shared by the annotations of several modules."""

from __future__ import annotations

from typing import Callable, Protocol, Union

__all__ = ["Named", "HashAlgorithm"]


class Named(Protocol):
    """An object that names an algorithm by its ``name``: a hash object (hashlib's, nacre's), a
    pyca/cryptography hash algorithm (``hashes.SHA256()``) or curve (``ec.SECP256R1()``)."""

    @property
    def name(self) -> str: ...


#: How a hash is named: "sha256" (hashlib's names and other spellings), a constructor
#: (``hashlib.sha256``, ``nacre.hash.sha256``) or an object with a ``name`` (pyca/cryptography's
#: ``hashes.SHA256()``, a hashlib object).
HashAlgorithm = Union[str, Named, Callable[[], Named]]
