"""Key derivation (nacre_hkdf*, nacre_pbkdf2, nacre_scrypt, nacre_kdf_derive).

Every output is filled in place in a new ``bytes`` (:func:`.buffers.fresh_bytes`): these
functions write all of it on success and zero it on failure. ``bytes`` inputs go straight to C;
other buffers are borrowed for the call.
"""

from __future__ import annotations

from .._args import Buffer
from .._nacre import lib
from .buffers import borrows, fresh_bytes, input_arg, len_cell, length
from .status import check

__all__ = [
    "KEY_LEN",
    "CONTEXT_LEN",
    "MIN_LEN",
    "MAX_LEN",
    "PBKDF2_MAX_LEN",
    "SCRYPT_MAX_LEN",
    "SCRYPT_MAX_MEMORY",
    "length",
    "hkdf_max_len",
    "hkdf",
    "hkdf_extract",
    "hkdf_expand",
    "pbkdf2",
    "scrypt",
    "derive",
]

KEY_LEN: int = lib.NACRE_KDF_KEY_LEN
CONTEXT_LEN: int = lib.NACRE_KDF_CONTEXT_LEN
MIN_LEN: int = lib.NACRE_KDF_MIN_LEN
MAX_LEN: int = lib.NACRE_KDF_MAX_LEN
PBKDF2_MAX_LEN: int = lib.NACRE_PBKDF2_MAX_LEN
SCRYPT_MAX_LEN: int = lib.NACRE_SCRYPT_MAX_LEN
SCRYPT_MAX_MEMORY: int = lib.NACRE_PWHASH_MAX_MEMLIMIT


def hkdf_max_len(alg: int) -> int:
    return int(lib.nacre_hkdf_max_len(alg))


def _hkdf(
    alg: int, backend: int, n: int, ikm: Buffer, salt: Buffer, info: Buffer, where: str
) -> bytes:
    ikm_buf = input_arg(ikm, "ikm")
    salt_buf = input_arg(salt, "salt")
    info_buf = input_arg(info, "info")
    out = fresh_bytes(n)
    rc = lib.nacre_hkdf(
        alg, backend, out, n, ikm_buf, len(ikm_buf), salt_buf, len(salt_buf),
        info_buf, len(info_buf),
    )
    if rc:
        check(rc, where)
    return out


_hkdf_borrowing = borrows(_hkdf)


def hkdf(
    alg: int, backend: int, n: int, ikm: Buffer, salt: Buffer, info: Buffer, where: str
) -> bytes:
    """``n`` (checked) bytes of HKDF; ``salt`` and ``info`` are buffers (b"" for none)."""
    if type(ikm) is bytes and type(salt) is bytes and type(info) is bytes:
        return _hkdf(alg, backend, n, ikm, salt, info, where)  # nothing to borrow
    return _hkdf_borrowing(alg, backend, n, ikm, salt, info, where)


def _hkdf_extract(
    alg: int, backend: int, n: int, ikm: Buffer, salt: Buffer, where: str
) -> bytes:
    ikm_buf = input_arg(ikm, "ikm")
    salt_buf = input_arg(salt, "salt")
    out = fresh_bytes(n)
    rc = lib.nacre_hkdf_extract(
        alg, backend, out, n, len_cell(), ikm_buf, len(ikm_buf), salt_buf, len(salt_buf)
    )
    if rc:
        check(rc, where)
    return out


_hkdf_extract_borrowing = borrows(_hkdf_extract)


def hkdf_extract(
    alg: int, backend: int, n: int, ikm: Buffer, salt: Buffer, where: str
) -> bytes:
    """HKDF-Extract; ``n`` is the hash's digest size (the PRK's exact size)."""
    if type(ikm) is bytes and type(salt) is bytes:
        return _hkdf_extract(alg, backend, n, ikm, salt, where)
    return _hkdf_extract_borrowing(alg, backend, n, ikm, salt, where)


def _hkdf_expand(
    alg: int, backend: int, n: int, prk: Buffer, info: Buffer, where: str
) -> bytes:
    prk_buf = input_arg(prk, "prk")
    info_buf = input_arg(info, "info")
    out = fresh_bytes(n)
    rc = lib.nacre_hkdf_expand(
        alg, backend, out, n, prk_buf, len(prk_buf), info_buf, len(info_buf)
    )
    if rc:
        check(rc, where)
    return out


_hkdf_expand_borrowing = borrows(_hkdf_expand)


def hkdf_expand(
    alg: int, backend: int, n: int, prk: Buffer, info: Buffer, where: str
) -> bytes:
    if type(prk) is bytes and type(info) is bytes:
        return _hkdf_expand(alg, backend, n, prk, info, where)
    return _hkdf_expand_borrowing(alg, backend, n, prk, info, where)


def _pbkdf2(
    alg: int, n: int, password: Buffer, salt: Buffer, rounds: int, where: str
) -> bytes:
    pw = input_arg(password, "password")
    salt_buf = input_arg(salt, "salt")
    out = fresh_bytes(n)
    rc = lib.nacre_pbkdf2(alg, out, n, pw, len(pw), salt_buf, len(salt_buf), rounds)
    if rc:
        check(rc, where)
    return out


_pbkdf2_borrowing = borrows(_pbkdf2)


def pbkdf2(alg: int, n: int, password: Buffer, salt: Buffer, rounds: int, where: str) -> bytes:
    if type(password) is bytes and type(salt) is bytes:
        return _pbkdf2(alg, n, password, salt, rounds, where)
    return _pbkdf2_borrowing(alg, n, password, salt, rounds, where)


@borrows
def scrypt(
    backend: int, n: int, password: Buffer, salt: Buffer, cost: int, blocks: int, lanes: int,
    where: str,
) -> bytes:
    """``n`` bytes of scrypt (its parameters checked); slow by design, so always a scope."""
    pw = input_arg(password, "password")
    salt_buf = input_arg(salt, "salt")
    out = fresh_bytes(n)
    rc = lib.nacre_scrypt(
        backend, out, n, pw, len(pw), salt_buf, len(salt_buf), cost, blocks, lanes
    )
    if rc:
        check(rc, where)
    return out


def _derive(n: int, number: int, context: Buffer, key: Buffer, where: str) -> bytes:
    ctx = input_arg(context, "context")
    key_buf = input_arg(key, "key")
    out = fresh_bytes(n)
    rc = lib.nacre_kdf_derive(out, n, number, ctx, len(ctx), key_buf, len(key_buf))
    if rc:
        check(rc, where)
    return out


_derive_borrowing = borrows(_derive)


def derive(n: int, number: int, context: Buffer, key: Buffer, where: str) -> bytes:
    """Subkey ``number`` of ``key`` in ``context``, ``n`` bytes (all checked)."""
    if type(context) is bytes and type(key) is bytes:
        return _derive(n, number, context, key, where)
    return _derive_borrowing(n, number, context, key, where)
