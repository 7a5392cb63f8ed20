"""Key derivation: HKDF (RFC 5869), PBKDF2 (RFC 8018), scrypt (RFC 7914) and libsodium's
numbered subkeys.

>>> import nacre.kdf
>>> okm = nacre.kdf.hkdf("sha256", 32, ikm=b"shared secret", salt=b"salt", info=b"context")
>>> dk = nacre.kdf.pbkdf2_hmac("sha256", b"password", b"salt", 600_000)  # like hashlib's

HKDF is for input keying material that is already strong (a Diffie-Hellman secret, a random
key). Passwords need a deliberately slow function: :mod:`nacre.pwhash` (Argon2id), or
:func:`pbkdf2_hmac` / :func:`scrypt` where a standard demands them.

Hashes are named as in hashlib ("sha256", "sha384", "sha512"; other spellings such as "SHA-256"
work too), or given as a constructor (``hashlib.sha256``, ``nacre.hash.sha256``) or an object
with a ``name`` (``cryptography.hazmat.primitives.hashes.SHA256()``). HKDF and PBKDF2 take the
hashes the library's table marks for them (SHA-256, SHA-384, SHA-512). HKDF-SHA256 and -SHA512 run
on both backends, the others on BoringSSL; PBKDF2 on BoringSSL; scrypt on both. Sizes out of range
are ValueErrors (also :class:`nacre.Error`). Every function is thread-safe and runs without the GIL.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Callable, Dict, Optional, Union

from . import hash as _hash
from ._args import Buffer, size
from ._binding.backends import backend_number
from ._binding.buffers import borrows, input_arg, len_cell, new_filled_output, to_bytes
from ._binding.status import check
from ._binding.tables import hashes as _HASHES
from ._errors import InvalidArgument, InvalidKey, UnsupportedAlgorithm
from ._nacre import lib
from ._typing import Named

if TYPE_CHECKING:
    from ._args import CData

__all__ = [
    "hkdf",
    "hkdf_extract",
    "hkdf_expand",
    "hkdf_max_length",
    "pbkdf2_hmac",
    "scrypt",
    "derive_subkey",
    "SUBKEY_KEY_SIZE",
    "SUBKEY_CONTEXT_SIZE",
    "SUBKEY_MIN_SIZE",
    "SUBKEY_MAX_SIZE",
    "PBKDF2_MAX_SIZE",
    "SCRYPT_MAX_SIZE",
]

# The hashes the library offers HKDF and PBKDF2 over (its table's KDF flag), hashlib's names.
_HKDF: Dict[str, int] = {_hash.canonical_name(h.name): h.number for h in _HASHES if h.kdf}
_PBKDF2: Dict[str, int] = _HKDF
_DIGEST_SIZE: Dict[str, int] = {n: lib.nacre_hash_digest_len(alg) for n, alg in _HKDF.items()}
_HKDF_MAX: Dict[str, int] = {name: lib.nacre_hkdf_max_len(alg) for name, alg in _HKDF.items()}

#: derive_subkey: master key size, context size, and the range of subkey sizes (bytes).
SUBKEY_KEY_SIZE: int = lib.NACRE_KDF_KEY_LEN
SUBKEY_CONTEXT_SIZE: int = lib.NACRE_KDF_CONTEXT_LEN
SUBKEY_MIN_SIZE: int = lib.NACRE_KDF_MIN_LEN
SUBKEY_MAX_SIZE: int = lib.NACRE_KDF_MAX_LEN
#: nacre's caps on PBKDF2 and scrypt outputs (1 MiB each).
PBKDF2_MAX_SIZE: int = lib.NACRE_PBKDF2_MAX_LEN
SCRYPT_MAX_SIZE: int = lib.NACRE_SCRYPT_MAX_LEN

#: How a hash is named: "sha256" (hashlib's names and other spellings), a constructor
#: (``hashlib.sha256``, ``nacre.hash.sha256``) or an object with a ``name`` (pyca/cryptography's
#: ``hashes.SHA256()``, a hashlib object).
HashAlgorithm = Union[str, Named, Callable[[], Named]]

_U32_MAX = 2**32 - 1
_U64_MAX = 2**64 - 1
_SCRYPT_MAX_MEMORY: int = lib.NACRE_PWHASH_MAX_MEMLIMIT


def _hash_name(algorithm: HashAlgorithm, table: Dict[str, int], what: str) -> str:
    """hashlib's name of the hash ``algorithm`` designates, if ``table`` offers it."""
    name = _hash.name_of(algorithm)
    if name is None:
        raise TypeError(f"{what}: the hash must be a name or a constructor, not {algorithm!r}")
    canonical = _hash.canonical_name(name)
    if canonical not in table:
        raise UnsupportedAlgorithm(
            f"{what} with {name!r} is not supported; use one of {', '.join(table)}"
        )
    return canonical


def _optional(data: Optional[Buffer], what: str) -> Union[bytes, CData]:
    return input_arg(b"" if data is None else data, what)


def hkdf_max_length(algorithm: HashAlgorithm) -> int:
    """The longest HKDF output with ``algorithm``: 255 times its digest size."""
    return _HKDF_MAX[_hash_name(algorithm, _HKDF, "HKDF")]


def _hkdf_length(name: str, length: int) -> int:
    n = size(length, "length")
    if not 1 <= n <= _HKDF_MAX[name]:
        raise InvalidArgument(f"HKDF-{name}: length must be 1 to {_HKDF_MAX[name]} bytes, got {n}")
    return n


def _what(name: str, backend: Optional[str]) -> str:
    return f"HKDF-{name} on backend {backend!r}" if backend else f"HKDF-{name}"


@borrows
def hkdf(
    algorithm: HashAlgorithm,
    length: int,
    ikm: Buffer,
    salt: Optional[Buffer] = b"",
    info: Optional[Buffer] = b"",
    *,
    backend: Optional[str] = None,
) -> bytes:
    """``length`` bytes of HKDF (extract, then expand) of ``ikm`` with ``salt`` and ``info``.

    An empty (or None) ``salt`` stands for HashLen zero bytes, as RFC 5869 says. ``length`` is
    1 to :func:`hkdf_max_length` bytes.
    """
    name = _hash_name(algorithm, _HKDF, "HKDF")
    n = _hkdf_length(name, length)
    ikm_buf = input_arg(ikm, "ikm")
    salt_buf = _optional(salt, "salt")
    info_buf = _optional(info, "info")
    out = new_filled_output(n)
    rc = lib.nacre_hkdf(
        _HKDF[name], backend_number(backend), out, n, ikm_buf, len(ikm_buf),
        salt_buf, len(salt_buf), info_buf, len(info_buf),
    )
    if rc:
        check(rc, _what(name, backend))
    return to_bytes(out, n)


@borrows
def hkdf_extract(
    algorithm: HashAlgorithm,
    ikm: Buffer,
    salt: Optional[Buffer] = b"",
    *,
    backend: Optional[str] = None,
) -> bytes:
    """HKDF-Extract: the pseudorandom key (the hash's digest size) of ``ikm`` and ``salt``."""
    name = _hash_name(algorithm, _HKDF, "HKDF")
    ikm_buf = input_arg(ikm, "ikm")
    salt_buf = _optional(salt, "salt")
    n = _DIGEST_SIZE[name]
    out = new_filled_output(n)
    rc = lib.nacre_hkdf_extract(
        _HKDF[name], backend_number(backend), out, n, len_cell(),
        ikm_buf, len(ikm_buf), salt_buf, len(salt_buf),
    )
    if rc:
        check(rc, f"{_what(name, backend)} extract")
    return to_bytes(out, n)


@borrows
def hkdf_expand(
    algorithm: HashAlgorithm,
    length: int,
    prk: Buffer,
    info: Optional[Buffer] = b"",
    *,
    backend: Optional[str] = None,
) -> bytes:
    """HKDF-Expand: ``length`` bytes from the pseudorandom key ``prk`` (exactly the hash's
    digest size, as :func:`hkdf_extract` makes it) and ``info``."""
    name = _hash_name(algorithm, _HKDF, "HKDF")
    n = _hkdf_length(name, length)
    prk_buf = input_arg(prk, "prk")
    if len(prk_buf) != _DIGEST_SIZE[name]:
        raise InvalidKey(
            f"HKDF-{name}: prk must be {_DIGEST_SIZE[name]} bytes, got {len(prk_buf)}"
        )
    info_buf = _optional(info, "info")
    out = new_filled_output(n)
    rc = lib.nacre_hkdf_expand(
        _HKDF[name], backend_number(backend), out, n, prk_buf, len(prk_buf),
        info_buf, len(info_buf),
    )
    if rc:
        check(rc, f"{_what(name, backend)} expand")
    return to_bytes(out, n)


@borrows
def pbkdf2_hmac(
    hash_name: HashAlgorithm,
    password: Buffer,
    salt: Buffer,
    iterations: int,
    dklen: Optional[int] = None,
) -> bytes:
    """PBKDF2-HMAC, like :func:`hashlib.pbkdf2_hmac`: ``dklen`` bytes (default: the digest size)
    from ``password`` and ``salt`` with ``iterations`` rounds (1 to 2**32 - 1).

    ``hash_name`` is "sha256", "sha384" or "sha512"; another (PBKDF2-HMAC-SHA1 included) raises
    :class:`nacre.UnsupportedAlgorithm`
    (a ValueError, as hashlib raises). ``dklen`` is 1 to :data:`PBKDF2_MAX_SIZE`.
    """
    name = _hash_name(hash_name, _PBKDF2, "PBKDF2")
    pw = input_arg(password, "password")
    salt_buf = input_arg(salt, "salt")
    rounds = operator.index(iterations)
    if not 1 <= rounds <= _U32_MAX:
        raise InvalidArgument(f"PBKDF2: iterations must be 1 to {_U32_MAX}, got {rounds}")
    n = _DIGEST_SIZE[name] if dklen is None else size(dklen, "dklen")
    if not 1 <= n <= PBKDF2_MAX_SIZE:
        raise InvalidArgument(f"PBKDF2: dklen must be 1 to {PBKDF2_MAX_SIZE} bytes, got {n}")
    out = new_filled_output(n)
    rc = lib.nacre_pbkdf2(_PBKDF2[name], out, n, pw, len(pw), salt_buf, len(salt_buf), rounds)
    if rc:
        check(rc, f"PBKDF2-HMAC-{name}")
    return to_bytes(out, n)


@borrows
def scrypt(
    password: Buffer,
    *,
    salt: Buffer,
    n: int,
    r: int,
    p: int,
    maxmem: int = 0,
    dklen: int = 64,
    backend: Optional[str] = None,
) -> bytes:
    """scrypt (RFC 7914), like :func:`hashlib.scrypt`: ``dklen`` bytes (1 to
    :data:`SCRYPT_MAX_SIZE`) from ``password`` and ``salt``.

    ``n`` is a power of two from 2 to 2**32 (and below 2**(16 r)), ``r`` and ``p`` at least 1
    with ``r * p`` below 2**30. The memory needed, 128 * r * (n + p) bytes, must not exceed
    ``maxmem`` when it is given (0: nacre's cap of 4 GiB). Raw scrypt output: for password
    storage use :func:`nacre.pwhash.hash_password`, which stores the parameters with the hash.
    """
    pw = input_arg(password, "password")
    salt_buf = input_arg(salt, "salt")
    cost, blocks, lanes = (operator.index(v) for v in (n, r, p))
    maxmem = size(maxmem, "maxmem")
    limit = min(maxmem, _SCRYPT_MAX_MEMORY) if maxmem else _SCRYPT_MAX_MEMORY
    if cost < 2 or cost > 2**32 or cost & (cost - 1):
        raise InvalidArgument(f"scrypt: n must be a power of two from 2 to 2**32, got {cost}")
    if not 1 <= blocks <= _U32_MAX or not 1 <= lanes <= _U32_MAX or blocks * lanes >= 2**30:
        raise InvalidArgument(
            f"scrypt: r and p must be at least 1 with r * p < 2**30, got r={blocks}, p={lanes}"
        )
    memory = 128 * blocks * (cost + lanes)
    if memory > limit:
        raise InvalidArgument(f"scrypt: needs {memory} bytes of memory, above the limit {limit}")
    out_len = size(dklen, "dklen")
    if not 1 <= out_len <= SCRYPT_MAX_SIZE:
        raise InvalidArgument(f"scrypt: dklen must be 1 to {SCRYPT_MAX_SIZE} bytes, got {out_len}")
    out = new_filled_output(out_len)
    rc = lib.nacre_scrypt(
        backend_number(backend), out, out_len, pw, len(pw), salt_buf, len(salt_buf),
        cost, blocks, lanes,
    )
    if rc:
        check(rc, f"scrypt on backend {backend!r}" if backend else "scrypt")
    return to_bytes(out, out_len)


@borrows
def derive_subkey(key: Buffer, subkey_id: int, context: Buffer, length: int) -> bytes:
    """Subkey number ``subkey_id`` (0 to 2**64 - 1) of the master ``key``
    (:data:`SUBKEY_KEY_SIZE` bytes) in ``context`` (:data:`SUBKEY_CONTEXT_SIZE` bytes, such as
    b"Messages"), ``length`` bytes long (:data:`SUBKEY_MIN_SIZE` to :data:`SUBKEY_MAX_SIZE`):
    libsodium's crypto_kdf_derive_from_key (keyed BLAKE2b)."""
    key_buf = input_arg(key, "key")
    if len(key_buf) != SUBKEY_KEY_SIZE:
        raise InvalidKey(f"derive_subkey: key must be {SUBKEY_KEY_SIZE} bytes, got {len(key_buf)}")
    number = operator.index(subkey_id)
    if not 0 <= number <= _U64_MAX:
        raise InvalidArgument(f"derive_subkey: subkey_id must be 0 to 2**64 - 1, got {number}")
    ctx = input_arg(context, "context")
    if len(ctx) != SUBKEY_CONTEXT_SIZE:
        raise InvalidArgument(
            f"derive_subkey: context must be {SUBKEY_CONTEXT_SIZE} bytes, got {len(ctx)}"
        )
    n = size(length, "length")
    if not SUBKEY_MIN_SIZE <= n <= SUBKEY_MAX_SIZE:
        raise InvalidArgument(
            f"derive_subkey: length must be {SUBKEY_MIN_SIZE} to {SUBKEY_MAX_SIZE} bytes, got {n}"
        )
    out = new_filled_output(n)
    rc = lib.nacre_kdf_derive(out, n, number, ctx, len(ctx), key_buf, len(key_buf))
    if rc:
        check(rc, "derive_subkey")
    return to_bytes(out, n)
