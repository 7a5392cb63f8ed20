"""age files (nacre_age_*): encryptor and decryptor handles, their update and finish steps, and
key generation.

Recipients and identities cross as the text of age's recipients and identity files (one per
line). Each step asks the library for its output bound first (the size query: nothing is
consumed), then runs into a C buffer of that size. A decryption failure becomes the exception
of its class (:mod:`nacre._age_errors`), with the library's message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Dict, Type

from .._age_errors import (
    ArmorError,
    DecryptError,
    HeaderError,
    HeaderMacError,
    IdentityError,
    NoIdentityError,
    PayloadError,
    RecipientError,
)
from .._args import Buffer
from .._errors import Error, InvalidKey
from .._nacre import lib
from .buffers import borrows, input_arg, sized_output
from .handles import new_handle
from .status import c_string, check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "ARMOR",
    "FORMAT_DETECT",
    "FORMAT_BINARY",
    "FORMAT_ARMORED",
    "CHUNK_SIZE",
    "DEFAULT_WORK_FACTOR",
    "MAX_WORK_FACTOR",
    "keygen",
    "recipient_of",
    "check_recipient",
    "new_encryptor",
    "new_passphrase_encryptor",
    "new_decryptor",
    "new_passphrase_decryptor",
    "encrypt_update",
    "encrypt_finish",
    "decrypt_update",
    "decrypt_finish",
]

ARMOR: int = lib.NACRE_AGE_ARMOR
FORMAT_DETECT: int = lib.NACRE_AGE_FORMAT_DETECT
FORMAT_BINARY: int = lib.NACRE_AGE_FORMAT_BINARY
FORMAT_ARMORED: int = lib.NACRE_AGE_FORMAT_ARMORED
CHUNK_SIZE: int = lib.NACRE_AGE_CHUNK_LEN
DEFAULT_WORK_FACTOR: int = lib.NACRE_AGE_DEFAULT_WORK_FACTOR
MAX_WORK_FACTOR: int = lib.NACRE_AGE_MAX_WORK_FACTOR

_BY_FAILURE: Dict[int, Type[DecryptError]] = {
    lib.NACRE_AGE_FAILURE_HEADER: HeaderError,
    lib.NACRE_AGE_FAILURE_HEADER_MAC: HeaderMacError,
    lib.NACRE_AGE_FAILURE_NO_IDENTITY: NoIdentityError,
    lib.NACRE_AGE_FAILURE_PAYLOAD: PayloadError,
    lib.NACRE_AGE_FAILURE_ARMOR: ArmorError,
}


def _checked(rc: int, where: str, key_error: Type[InvalidKey]) -> None:
    """check(), with a refused key line raised as ``key_error``."""
    try:
        check(rc, where)
    except InvalidKey as exc:
        raise key_error(str(exc), exc.status) from None


def keygen(post_quantum: bool) -> bytes:
    """A new identity's text (``AGE-SECRET-KEY-1...``, or ``-PQ-1...``), ASCII bytes."""
    pq = 1 if post_quantum else 0
    rc, text = sized_output(lambda out, cap, cell: lib.nacre_age_keygen(pq, out, cap, cell))
    check(rc, "age keygen")
    return text


def recipient_of(identity: bytes) -> str:
    """The recipient of one identity's text; IdentityError when it is not one."""
    rc, text = sized_output(lambda out, cap, cell: lib.nacre_age_identity_to_recipient(
        identity, len(identity), out, cap, cell))
    if rc:
        _checked(rc, "age identity", IdentityError)
    return text.decode("ascii")


def check_recipient(text: bytes) -> None:
    """RecipientError unless ``text`` is one recipient."""
    rc = lib.nacre_age_recipient_check(text, len(text))
    if rc:
        _checked(rc, "age recipient", RecipientError)


def _new(kind: str, make: Callable[..., int], where: str, key_error: Type[InvalidKey],
         *args: object) -> CData:
    """A ``kind`` handle from ``make(out, *args)``; a refused key is raised as ``key_error``."""
    free = getattr(lib, f"{kind}_free")
    try:
        return new_handle(kind, free, where, make, *args)
    except InvalidKey as exc:
        raise key_error(str(exc), exc.status) from None


def new_encryptor(recipients: bytes, flags: int) -> CData:
    """An encryptor to the recipients in ``recipients`` (a recipients file's text)."""
    return _new("nacre_age_encryptor", lib.nacre_age_encryptor_new, "age encrypt", RecipientError,
                recipients, len(recipients), flags)


@borrows
def new_passphrase_encryptor(passphrase: Buffer, work_factor: int, flags: int) -> CData:
    pw = input_arg(passphrase, "passphrase")
    return _new("nacre_age_encryptor", lib.nacre_age_encryptor_new_passphrase, "age encrypt",
                InvalidKey, pw, len(pw), work_factor, flags)


def new_decryptor(identities: bytes, fmt: int) -> CData:
    """A decryptor with the identities in ``identities`` (an identity file's text)."""
    return _new("nacre_age_decryptor", lib.nacre_age_decryptor_new, "age decrypt", IdentityError,
                identities, len(identities), fmt)


@borrows
def new_passphrase_decryptor(passphrase: Buffer, max_work_factor: int, fmt: int) -> CData:
    pw = input_arg(passphrase, "passphrase")
    return _new("nacre_age_decryptor", lib.nacre_age_decryptor_new_passphrase, "age decrypt",
                InvalidKey, pw, len(pw), max_work_factor, fmt)


def _failed(st: CData, rc: int, where: str) -> Error:
    """The exception for a failed decryptor step: its failure class, else check()'s."""
    failure = lib.nacre_age_decryptor_failure(st)
    cls = _BY_FAILURE.get(failure)
    if cls is None:  # not an age failure (a bad argument, out of memory): check()'s exception
        try:
            check(rc, where)
        except Error as exc:
            return exc
    assert cls is not None, "check() raises for every non-zero status"
    return cls(f"{where}: {c_string(lib.nacre_last_error_message())}", rc)


def _step(
    call: Callable[..., int], st: CData, where: str, decrypting: bool, *args: object
) -> bytes:
    """``call(st, out, cap, out_len, *args)``, sized by its own query."""
    rc, out = sized_output(lambda o, cap, cell: call(st, o, cap, cell, *args))
    if rc == lib.NACRE_OK:
        return out
    if decrypting:
        raise _failed(st, rc, where)
    check(rc, where)
    raise AssertionError("unreachable")  # check() raised


@borrows
def encrypt_update(st: CData, data: Buffer) -> bytes:
    src = input_arg(data, "data")
    return _step(lib.nacre_age_encryptor_update, st, "age encrypt", False, src, len(src))


def encrypt_finish(st: CData) -> bytes:
    return _step(lib.nacre_age_encryptor_finish, st, "age encrypt", False)


@borrows
def decrypt_update(st: CData, data: Buffer) -> bytes:
    src = input_arg(data, "data")
    return _step(lib.nacre_age_decryptor_update, st, "age decrypt", True, src, len(src))


def decrypt_finish(st: CData) -> bytes:
    return _step(lib.nacre_age_decryptor_finish, st, "age decrypt", True)
