"""The exceptions of :mod:`nacre.age`, named as pyrage names its own (``DecryptError``,
``RecipientError``, ``IdentityError``), each also one of nacre's general classes, so that
``except nacre.InvalidTag`` still catches every altered file."""

from __future__ import annotations

from ._errors import Error, InvalidArgument, InvalidKey, InvalidTag

__all__ = [
    "RecipientError",
    "IdentityError",
    "DecryptError",
    "HeaderError",
    "ArmorError",
    "NoIdentityError",
    "HeaderMacError",
    "PayloadError",
]


class RecipientError(InvalidKey):
    """A recipient that is not ``age1...`` or ``age1pq1...`` (an SSH key, a plugin, a typo)."""


class IdentityError(InvalidKey):
    """An identity that is not ``AGE-SECRET-KEY-1...`` or ``AGE-SECRET-KEY-PQ-1...``."""


class DecryptError(Error):
    """Base of every reason a file does not decrypt (the failure classes of age's test suite)."""


class HeaderError(DecryptError, InvalidArgument):
    """Not an age v1 file, or a malformed or non-canonical header (also an scrypt work factor
    above the reader's limit)."""


class ArmorError(DecryptError, InvalidArgument):
    """Malformed ASCII armor."""


class NoIdentityError(DecryptError, InvalidKey):
    """None of the identities (or the passphrase) opens any of the file's recipient stanzas."""


class HeaderMacError(DecryptError, InvalidTag):
    """The header's MAC does not match: the header was altered."""


class PayloadError(DecryptError, InvalidTag):
    """A chunk failed to authenticate, or the payload is truncated or extended. Plaintext
    returned before this error came from chunks that authenticated, but the file as a whole
    did not: discard it."""


for _cls in (RecipientError, IdentityError, DecryptError, HeaderError, ArmorError, NoIdentityError,
             HeaderMacError, PayloadError):
    _cls.__module__ = "nacre.age"
del _cls
