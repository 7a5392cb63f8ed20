"""nacre's exceptions. The C status codes become them in ``nacre._binding.status``."""

from __future__ import annotations

from typing import Optional

__all__ = [
    "Error",
    "InvalidArgument",
    "BufferTooSmall",
    "VerificationFailed",
    "InvalidTag",
    "TruncatedStream",
    "TrailingData",
    "InvalidSignature",
    "InvalidUnwrap",
    "InvalidKey",
    "UnsupportedAlgorithm",
    "InvalidHandle",
    "OutOfMemory",
    "InternalError",
]

class Error(Exception):
    """Base class of every exception raised by nacre.

    ``status`` holds the C status code behind the exception, or None when the Python layer
    raised it before calling into the library.
    """

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status


class InvalidArgument(Error, ValueError):
    """A size or value out of range. Also a ValueError, as Python users expect for bad sizes."""


class BufferTooSmall(InvalidArgument):
    """An output buffer is too small for the result."""


class VerificationFailed(Error):
    """A tag or signature did not verify (base of InvalidTag and InvalidSignature)."""


class InvalidTag(VerificationFailed):
    """An authentication tag did not match (AEAD open)."""


class TruncatedStream(InvalidTag):
    """A stream ended before its final message was authenticated (nacre.secretstream).

    The input stopped at a message boundary, or inside a message that then failed to
    authenticate: a cut file cannot be told apart from an altered last message, so both are
    reported this way. It is an InvalidTag, so ``except nacre.InvalidTag`` catches every attack
    on a stream.
    """


class TrailingData(InvalidTag):
    """Data follows the authenticated final message of a stream (nacre.secretstream)."""


class InvalidSignature(VerificationFailed):
    """A MAC or signature did not match (HMAC verify, signatures)."""


class InvalidUnwrap(VerificationFailed):
    """A wrapped key did not unwrap (nacre.keywrap): wrong wrapping key, or altered or
    truncated data. The name is pyca/cryptography's."""


class InvalidKey(Error, ValueError):
    """Key material was rejected (wrong size or malformed)."""


class UnsupportedAlgorithm(Error, ValueError):
    """The algorithm is unknown, or the requested backend does not implement it.

    Also a ValueError because that is what hashlib.new and hmac.new raise for unknown names.
    """


class InvalidHandle(Error):
    """The library did not recognise a state handle (freed or foreign)."""


class OutOfMemory(Error, MemoryError):
    """The library could not allocate memory."""


class InternalError(Error):
    """The library failed internally; this is a bug in nacre or a backend."""


# Shown as nacre.InvalidTag (not nacre._errors.InvalidTag) in tracebacks; also how they pickle.
for _cls in (
    Error, InvalidArgument, BufferTooSmall, VerificationFailed, InvalidTag, TruncatedStream,
    TrailingData, InvalidSignature, InvalidUnwrap, InvalidKey, UnsupportedAlgorithm, InvalidHandle,
    OutOfMemory,
    InternalError,
):
    _cls.__module__ = "nacre"
del _cls
