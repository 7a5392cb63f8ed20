"""minisign (nacre_minisign_*): secret key handles, signer and verifier handles, public keys.

Text outputs are sized by the library's own query (nothing is consumed by a query).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from .._args import Buffer
from .._errors import InvalidSignature
from .._nacre import lib
from .buffers import borrows, input_arg, optional_input, sized_output
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "KDF_OPSLIMIT",
    "KDF_MEMLIMIT",
    "generate",
    "load",
    "save",
    "public_key_of",
    "public_key_file",
    "sign",
    "verify",
]

KDF_OPSLIMIT = 33554432
KDF_MEMLIMIT = 1 << 30


def _text(call: Callable[..., int], where: str, *args: object) -> bytes:
    """``call(*args, out, cap, out_len)`` sized by its own query."""
    rc, out = sized_output(lambda o, cap, cell: call(*args, o, cap, cell))
    check(rc, where, mismatch=InvalidSignature)
    return out


def generate() -> CData:
    return new_handle("nacre_minisign_key", lib.nacre_minisign_key_free, "minisign keygen",
                      lib.nacre_minisign_key_generate)


@borrows
def load(file: bytes, password: Optional[Buffer]) -> CData:
    pw, pw_len = optional_input(password, "password")
    return new_handle("nacre_minisign_key", lib.nacre_minisign_key_free, "minisign key",
                      lib.nacre_minisign_key_load, file, len(file), pw, pw_len)


@borrows
def save(key: CData, password: Optional[Buffer], opslimit: int, memlimit: int) -> bytes:
    pw, pw_len = optional_input(password, "password")
    return _text(lambda *a: lib.nacre_minisign_key_save(key, pw, pw_len, opslimit, memlimit, *a),
                 "minisign key")


def public_key_of(key: CData) -> bytes:
    return _text(lib.nacre_minisign_key_public, "minisign key", key)


def public_key_file(text: bytes) -> bytes:
    """The canonical public key file of ``text`` (a file or its base64 line); InvalidKey."""
    return _text(lib.nacre_minisign_public_key_file, "minisign public key", text, len(text))


def _feed(update: Callable[..., int], st: CData, data: Buffer, where: str) -> None:
    @borrows
    def one(piece: Buffer) -> None:
        src = input_arg(piece, "data")
        rc = update(st, src, len(src))
        if rc:
            check(rc, where)

    one(data)


def sign(
    key: CData, pieces: Callable[[], Optional[Buffer]], trusted: bytes, untrusted: bytes
) -> bytes:
    """The signature file of the data ``pieces()`` returns until None."""
    st = new_handle("nacre_minisign_signer", lib.nacre_minisign_signer_free, "minisign sign",
                    lib.nacre_minisign_signer_new, key)
    while True:
        piece = pieces()
        if piece is None:
            break
        _feed(lib.nacre_minisign_signer_update, st, piece, "minisign sign")
    return _text(lib.nacre_minisign_signer_finish, "minisign sign", st, trusted, len(trusted),
                 untrusted, len(untrusted))


def verify(public_key: bytes, signature: bytes, pieces: Callable[[], Optional[Buffer]]) -> bytes:
    """The trusted comment, if the data ``pieces()`` returns is what ``signature`` signs."""
    st = new_handle("nacre_minisign_verifier", lib.nacre_minisign_verifier_free, "minisign verify",
                    lib.nacre_minisign_verifier_new, public_key, len(public_key), signature,
                    len(signature))
    while True:
        piece = pieces()
        if piece is None:
            break
        _feed(lib.nacre_minisign_verifier_update, st, piece, "minisign verify")
    return _text(lib.nacre_minisign_verifier_finish, "minisign verify", st)
