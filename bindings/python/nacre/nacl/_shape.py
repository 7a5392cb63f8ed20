"""Checks shared by the classes of :mod:`nacre.nacl`: PyNaCl's argument rules and messages."""

from __future__ import annotations

from typing import Any, ClassVar, Tuple, Type, TypeVar

from ..encoding import Encoder, _decode
from . import exceptions as exc

__all__ = ["decoded_raw", "NoSecretStr", "KeyHolder"]

_H = TypeVar("_H", bound="KeyHolder")


def decoded_raw(
    data: Any, encoder: Encoder, size: int, type_message: str, size_message: str
) -> bytes:
    """``encoder.decode(data)``, which must be ``bytes`` of ``size`` bytes: PyNaCl's TypeError
    and ValueError (with its messages) otherwise."""
    raw = _decode(encoder, data)
    if not isinstance(raw, bytes):
        raise exc.TypeError(type_message)
    if len(raw) != size:
        raise exc.ValueError(size_message)
    return raw


class NoSecretStr:
    """Mixin for objects that hold a secret: ``str()`` and ``repr()`` name the class only
    (PyNaCl's ``str()`` would print the secret)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<nacre.nacl.{type(self).__qualname__} at {id(self):#x}>"

    __str__ = __repr__


class KeyHolder:
    """Base of the key classes: one nacre key object in ``_key``; objects of one class compare
    equal when their keys do (nacre compares keys in constant time)."""

    __slots__ = ("_key",)
    _key: Any
    #: How a subclass makes its nacre key from raw bytes, and PyNaCl's messages for a value
    #: that is not bytes and for one of the wrong size (see :meth:`_init_from`).
    _FROM_RAW: ClassVar[Any]  # a nacre key class's from_raw (a Callable here reads as a method)
    _TYPE_MESSAGE: ClassVar[str]
    _SIZE_MESSAGE: ClassVar[str]

    def _init_from(self, data: Any, encoder: Encoder) -> None:
        """The constructor's work: decode ``data`` (32 bytes), check it as PyNaCl does, make
        the key."""
        raw = decoded_raw(data, encoder, 32, self._TYPE_MESSAGE, self._SIZE_MESSAGE)
        self._set(type(self)._FROM_RAW(raw))

    @classmethod
    def _of(cls: Type[_H], key: Any) -> _H:
        """An object around a nacre key that is already made (not from encoded bytes)."""
        obj = cls.__new__(cls)
        obj._set(key)
        return obj

    def _set(self, key: Any) -> None:
        self._key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, self.__class__) and bool(self._key == other._key)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __bytes__(self) -> bytes:
        return self._key.to_raw()  # type: ignore[no-any-return]  # a nacre raw-form key

    def __reduce__(self) -> Tuple[Any, ...]:
        # Every key class is made from its raw bytes; private keys pickle with their secret, as
        # PyNaCl's do.
        return (type(self), (bytes(self),))

    def __hash__(self) -> int:
        return hash((type(self), self._public_bytes()))

    def _public_bytes(self) -> bytes:
        """The public key's bytes (the key's own for a public key)."""
        return bytes(self)
