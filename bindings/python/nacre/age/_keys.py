"""age identities and recipients: their text forms, checked by the library."""

from __future__ import annotations

from typing import Any, Callable, List, Type, TypeVar, Union

from .._age_errors import IdentityError, RecipientError
from .._binding import age as _b
from .._errors import InvalidKey

__all__ = ["Identity", "Recipient", "parse_identities", "parse_recipients"]

_K = TypeVar("_K")


def _ascii(text: object, what: str, error: type) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__!r}")
    if not text.isascii() or "\n" in text or "\r" in text:
        raise error(f"{what}: not an age key (non-ASCII text or a line break)")
    return text.strip()


class Recipient:
    """Whom a file is encrypted to: ``age1...`` (X25519) or ``age1pq1...`` (ML-KEM-768+X25519).

    ``str()`` gives the text, lower case. Immutable; equal when the keys are.
    """

    __slots__ = ("_text",)
    _text: str

    def __init__(self) -> None:
        raise TypeError("use Recipient.from_str(text) or Identity.to_public()")

    @classmethod
    def _of(cls, text: str) -> Recipient:
        r = object.__new__(cls)
        object.__setattr__(r, "_text", text)
        return r

    @classmethod
    def from_str(cls, text: str) -> Recipient:
        """Parse ``text``; :class:`RecipientError` when it is not one recipient."""
        t = _ascii(text, "recipient", RecipientError)
        _b.check_recipient(t.encode("ascii"))  # either case, not mixed (Bech32)
        return cls._of(t.lower())

    @property
    def post_quantum(self) -> bool:
        """True for an ``age1pq1...`` hybrid recipient."""
        return self._text.startswith("age1pq1")

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        shown = self._text if len(self._text) < 80 else self._text[:24] + "..." + self._text[-8:]
        return f"<nacre.age.Recipient {shown}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Recipient):
            return NotImplemented
        return self._text == other._text

    def __hash__(self) -> int:
        return hash(("nacre.age.Recipient", self._text))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Recipient objects are immutable")


class Identity:
    """What decrypts a file: ``AGE-SECRET-KEY-1...`` (X25519) or ``AGE-SECRET-KEY-PQ-1...``.

    :meth:`secret_text` gives the secret text, for a key file. Unlike pyrage's, ``str()`` does
    not: it is the ``repr()``, which shows only the recipient, so that a key never reaches a log
    by accident (code moving from pyrage replaces ``str(identity)`` with
    ``identity.secret_text()``). Immutable; not picklable.
    """

    __slots__ = ("_text", "_recipient")
    _text: bytes
    _recipient: Recipient

    def __init__(self) -> None:
        raise TypeError("use Identity.generate() or Identity.from_str(text)")

    @classmethod
    def _of(cls, text: bytes) -> Identity:
        recipient = Recipient._of(_b.recipient_of(text))  # checks it: either case, not mixed
        ident = object.__new__(cls)
        object.__setattr__(ident, "_text", text.upper())
        object.__setattr__(ident, "_recipient", recipient)
        return ident

    @classmethod
    def generate(cls, post_quantum: bool = False) -> Identity:
        """A new identity: X25519, or with ``post_quantum=True`` ML-KEM-768+X25519."""
        if not isinstance(post_quantum, bool):
            raise TypeError(f"post_quantum must be a bool, not {type(post_quantum).__name__!r}")
        return cls._of(_b.keygen(post_quantum))

    @classmethod
    def from_str(cls, text: str) -> Identity:
        """Parse ``text``; :class:`IdentityError` when it is not one identity."""
        t = _ascii(text, "identity", IdentityError)
        return cls._of(t.encode("ascii"))

    def to_public(self) -> Recipient:
        """The recipient files for this identity are encrypted to."""
        return self._recipient

    @property
    def post_quantum(self) -> bool:
        return self._recipient.post_quantum

    def secret_text(self) -> str:
        """The identity's text, ``AGE-SECRET-KEY-1...``: a secret (age-keygen writes it to a file
        of mode 0600)."""
        return self._text.decode("ascii")

    def __repr__(self) -> str:
        return f"<nacre.age.Identity for {self._recipient!r}>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Identity):
            return NotImplemented
        return self._recipient == other._recipient

    def __hash__(self) -> int:
        return hash(("nacre.age.Identity", str(self._recipient)))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Identity objects are immutable")

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Identity objects: they hold a secret key")


def _lines(text: object, what: str) -> List[str]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str or bytes, not {type(text).__name__!r}")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _parse_all(text: Union[str, bytes], parse: Callable[[str], _K], what: str, plural: str,
               error: Type[InvalidKey]) -> List[_K]:
    found = []
    for number, line in enumerate(_lines(text, plural), 1):
        try:
            found.append(parse(line))
        except error as exc:
            raise error(f"{what} {number}: {exc}", exc.status) from None
    if not found:
        raise error(f"no {plural} in the text")
    return found


def parse_identities(text: Union[str, bytes]) -> List[Identity]:
    """The identities of an identity file (age-keygen's format: one per line, ``#`` comments)."""
    return _parse_all(text, Identity.from_str, "identity", "identities", IdentityError)


def parse_recipients(text: Union[str, bytes]) -> List[Recipient]:
    """The recipients of a recipients file (age -R: one per line, ``#`` comments)."""
    return _parse_all(text, Recipient.from_str, "recipient", "recipients", RecipientError)
