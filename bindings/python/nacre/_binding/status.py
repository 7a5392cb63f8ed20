"""The one place where C status codes become nacre's exceptions, with the library's message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Type

from .._errors import (
    BufferTooSmall,
    Error,
    InternalError,
    InvalidArgument,
    InvalidHandle,
    InvalidKey,
    OutOfMemory,
    UnsupportedAlgorithm,
    VerificationFailed,
)
from .._nacre import ffi, lib

if TYPE_CHECKING:
    from .._args import CData

__all__ = ["check", "c_string", "status_name"]

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
