"""Password hashing (nacre_pwhash_*): hash strings, their checks, and key derivation.

Every call is slow by design (it spends the memory and passes it is asked for), so each is one
borrowing scope, without a separate path for ``bytes``.
"""

from __future__ import annotations

from typing import Tuple

from .._args import Buffer
from .._errors import VerificationFailed
from .._nacre import ffi, lib
from .buffers import borrows, fresh_bytes, input_arg, len_cell, to_bytes
from .status import check

__all__ = [
    "ARGON2ID",
    "ARGON2I",
    "SCRYPT",
    "INTERACTIVE",
    "MODERATE",
    "SENSITIVE",
    "MAX_MEMLIMIT",
    "SIZE_MAX",
    "preset_limits",
    "salt_len",
    "hash_str",
    "verify",
    "needs_rehash",
    "derive",
]

#: nacre_pwhash_alg numbers.
ARGON2ID: int = lib.NACRE_PWHASH_ARGON2ID
ARGON2I: int = lib.NACRE_PWHASH_ARGON2I
SCRYPT: int = lib.NACRE_PWHASH_SCRYPT
#: Preset numbers.
INTERACTIVE: int = lib.NACRE_PWHASH_INTERACTIVE
MODERATE: int = lib.NACRE_PWHASH_MODERATE
SENSITIVE: int = lib.NACRE_PWHASH_SENSITIVE
MAX_MEMLIMIT: int = lib.NACRE_PWHASH_MAX_MEMLIMIT
#: The largest memlimit the ABI can carry (a size_t).
SIZE_MAX: int = 2 ** (8 * ffi.sizeof("size_t")) - 1
_STR_SIZE: int = lib.nacre_pwhash_str_len()


def preset_limits(alg: int, preset: int, where: str) -> Tuple[int, int]:
    """(opslimit, memlimit) of a preset for an algorithm."""
    ops = ffi.new("uint64_t *")
    mem = ffi.new("size_t *")
    rc = lib.nacre_pwhash_preset_limits(alg, preset, ops, mem)
    if rc:
        check(rc, where)
    return int(ops[0]), int(mem[0])


def salt_len(alg: int) -> int:
    return int(lib.nacre_pwhash_salt_len(alg))


@borrows
def hash_str(alg: int, password: Buffer, opslimit: int, memlimit: int, where: str) -> bytes:
    """A hash string (ASCII bytes) of ``password`` with a random salt."""
    pw = input_arg(password, "password")
    out = ffi.new("char[]", _STR_SIZE)
    out_len = len_cell()
    rc = lib.nacre_pwhash_str(alg, out, _STR_SIZE, out_len, pw, len(pw), opslimit, memlimit)
    if rc:
        check(rc, where)
    return to_bytes(out, out_len[0])


@borrows
def verify(hash_str: bytes, password: Buffer, where: str) -> None:
    """None when ``password`` matches the hash string; VerificationFailed when it does not."""
    pw = input_arg(password, "password")
    rc = lib.nacre_pwhash_str_verify(hash_str, len(hash_str), pw, len(pw))
    if rc:
        check(rc, where, mismatch=VerificationFailed)


def needs_rehash(hash_str: bytes, opslimit: int, memlimit: int, where: str) -> bool:
    """Whether the string's own limits differ from these (malformed strings raise)."""
    flag = ffi.new("int *")
    rc = lib.nacre_pwhash_str_needs_rehash(hash_str, len(hash_str), opslimit, memlimit, flag)
    if rc:
        check(rc, where)
    return bool(flag[0])


@borrows
def derive(
    alg: int, n: int, password: Buffer, salt: Buffer, opslimit: int, memlimit: int, where: str
) -> bytes:
    """``n`` bytes of key from ``password`` and ``salt`` (its size checked by the library)."""
    pw = input_arg(password, "password")
    salt_buf = input_arg(salt, "salt")
    out = fresh_bytes(n)
    rc = lib.nacre_pwhash_derive(
        alg, out, n, pw, len(pw), salt_buf, len(salt_buf), opslimit, memlimit
    )
    if rc:
        check(rc, where)
    return out
