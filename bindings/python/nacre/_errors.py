"""Exceptions, and the one place where C status codes become them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Optional, Type

from ._nacre import ffi, lib

if TYPE_CHECKING:
    from ._buffers import CData

__all__ = [
    "Error",
    "InvalidArgument",
    "BufferTooSmall",
    "VerificationFailed",
    "InvalidTag",
    "TruncatedStream",
    "TrailingData",
    "InvalidSignature",
    "InvalidKey",
    "UnsupportedAlgorithm",
    "InvalidHandle",
    "OutOfMemory",
    "InternalError",
    "check",
    "c_string",
    "status_name",
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
    TrailingData, InvalidSignature, InvalidKey, UnsupportedAlgorithm, InvalidHandle, OutOfMemory,
    InternalError,
):
    _cls.__module__ = "nacre"
del _cls

_BY_STATUS: Dict[int, Type[Error]] = {
    lib.NACRE_ERR_INVALID_ARGUMENT: InvalidArgument,
    lib.NACRE_ERR_BUFFER_TOO_SMALL: BufferTooSmall,
    lib.NACRE_ERR_VERIFICATION_FAILED: VerificationFailed,
    lib.NACRE_ERR_INVALID_KEY: InvalidKey,
    lib.NACRE_ERR_UNSUPPORTED: UnsupportedAlgorithm,
    lib.NACRE_ERR_INVALID_HANDLE: InvalidHandle,
    lib.NACRE_ERR_OUT_OF_MEMORY: OutOfMemory,
    lib.NACRE_ERR_INTERNAL: InternalError,
}


def c_string(ptr: CData) -> str:
    """A C string the library returns (``const char *``, ASCII) as str."""
    text = ffi.string(ptr)  # bytes for a char * (cffi returns str only for wchar_t *)
    return text.decode("ascii") if isinstance(text, bytes) else text


def status_name(status: int) -> str:
    """The C name of a status code ("NACRE_ERR_UNSUPPORTED", ...)."""
    return c_string(lib.nacre_status_name(status))


def check(
    status: int,
    what: str = "",
    *,
    mismatch: Type[VerificationFailed] = VerificationFailed,
) -> None:
    """Raise the exception for a C status; return None for NACRE_OK.

    ``what`` names the operation for the message. ``mismatch`` is the class raised for
    NACRE_ERR_VERIFICATION_FAILED, because the caller knows whether a tag or a signature failed.
    """
    if status == lib.NACRE_OK:
        return
    if status == lib.NACRE_ERR_VERIFICATION_FAILED:
        cls: Type[Error] = mismatch
    else:
        # A status this module does not know yet (the ABI may grow) is still an Error.
        cls = _BY_STATUS.get(status, Error)
    # Why the call failed, as the library recorded it for this thread (never key material).
    reason = c_string(lib.nacre_last_error_message())
    detail = f"{reason} ({status_name(status)})" if reason else status_name(status)
    raise cls(f"{what}: {detail}" if what else detail, status)
