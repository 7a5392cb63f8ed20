"""Types shared by the annotations of several modules."""

from __future__ import annotations

from typing import Protocol

__all__ = ["Named"]


class Named(Protocol):
    """An object that names an algorithm by its ``name``: a hash object (hashlib's, nacre's), a
    pyca/cryptography hash algorithm (``hashes.SHA256()``) or curve (``ec.SECP256R1()``)."""

    @property
    def name(self) -> str: ...
