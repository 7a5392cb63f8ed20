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
from typing import Dict, Optional

from . import hash as _hash
from ._args import Buffer, size
from ._binding import kdf as _b
from ._binding.backends import backend_number
from ._binding.tables import hashes as _HASHES
from ._errors import InvalidArgument, InvalidKey, UnsupportedAlgorithm
from ._typing import HashAlgorithm

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
_DIGEST_SIZE: Dict[str, int] = {
    _hash.canonical_name(h.name): h.digest_size for h in _HASHES if h.kdf
}
_HKDF_MAX: Dict[str, int] = {name: _b.hkdf_max_len(alg) for name, alg in _HKDF.items()}
# The context strings of messages without a backend, made once (hot paths).
_HKDF_WHERE: Dict[str, str] = {name: f"HKDF-{name}" for name in _HKDF}
_EXTRACT_WHERE: Dict[str, str] = {name: f"HKDF-{name} extract" for name in _HKDF}
_EXPAND_WHERE: Dict[str, str] = {name: f"HKDF-{name} expand" for name in _HKDF}
_PBKDF2_WHERE: Dict[str, str] = {name: f"PBKDF2-HMAC-{name}" for name in _PBKDF2}

#: derive_subkey: master key size, context size, and the range of subkey sizes (bytes).
SUBKEY_KEY_SIZE: int = _b.KEY_LEN
SUBKEY_CONTEXT_SIZE: int = _b.CONTEXT_LEN
SUBKEY_MIN_SIZE: int = _b.MIN_LEN
SUBKEY_MAX_SIZE: int = _b.MAX_LEN
#: nacre's caps on PBKDF2 and scrypt outputs (1 MiB each).
PBKDF2_MAX_SIZE: int = _b.PBKDF2_MAX_LEN
SCRYPT_MAX_SIZE: int = _b.SCRYPT_MAX_LEN


_U32_MAX = 2**32 - 1
_U64_MAX = 2**64 - 1
_SCRYPT_MAX_MEMORY: int = _b.SCRYPT_MAX_MEMORY


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


def hkdf_max_length(algorithm: HashAlgorithm) -> int:
    """The longest HKDF output with ``algorithm``: 255 times its digest size."""
    return _HKDF_MAX[_hash_name(algorithm, _HKDF, "HKDF")]


def _hkdf_length(name: str, length: int) -> int:
    n = size(length, "length")
    if not 1 <= n <= _HKDF_MAX[name]:
        raise InvalidArgument(f"HKDF-{name}: length must be 1 to {_HKDF_MAX[name]} bytes, got {n}")
    return n


def _what(name: str, backend: Optional[str]) -> str:
    return f"HKDF-{name} on backend {backend!r}" if backend else _HKDF_WHERE[name]


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
    return _b.hkdf(
        _HKDF[name], backend_number(backend), n, ikm, b"" if salt is None else salt,
        b"" if info is None else info, _what(name, backend),
    )


def hkdf_extract(
    algorithm: HashAlgorithm,
    ikm: Buffer,
    salt: Optional[Buffer] = b"",
    *,
    backend: Optional[str] = None,
) -> bytes:
    """HKDF-Extract: the pseudorandom key (the hash's digest size) of ``ikm`` and ``salt``."""
    name = _hash_name(algorithm, _HKDF, "HKDF")
    where = f"{_what(name, backend)} extract" if backend else _EXTRACT_WHERE[name]
    return _b.hkdf_extract(
        _HKDF[name], backend_number(backend), _DIGEST_SIZE[name], ikm,
        b"" if salt is None else salt, where,
    )


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
    prk_len = len(prk) if type(prk) is bytes else _b.length(prk, "prk")
    if prk_len != _DIGEST_SIZE[name]:
        raise InvalidKey(
            f"HKDF-{name}: prk must be {_DIGEST_SIZE[name]} bytes, got {prk_len}"
        )
    where = f"{_what(name, backend)} expand" if backend else _EXPAND_WHERE[name]
    return _b.hkdf_expand(
        _HKDF[name], backend_number(backend), n, prk, b"" if info is None else info, where
    )


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
    rounds = operator.index(iterations)
    if not 1 <= rounds <= _U32_MAX:
        raise InvalidArgument(f"PBKDF2: iterations must be 1 to {_U32_MAX}, got {rounds}")
    n = _DIGEST_SIZE[name] if dklen is None else size(dklen, "dklen")
    if not 1 <= n <= PBKDF2_MAX_SIZE:
        raise InvalidArgument(f"PBKDF2: dklen must be 1 to {PBKDF2_MAX_SIZE} bytes, got {n}")
    return _b.pbkdf2(_PBKDF2[name], n, password, salt, rounds, _PBKDF2_WHERE[name])


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
    return _b.scrypt(
        backend_number(backend), out_len, password, salt, cost, blocks, lanes,
        f"scrypt on backend {backend!r}" if backend else "scrypt",
    )


def derive_subkey(key: Buffer, subkey_id: int, context: Buffer, length: int) -> bytes:
    """Subkey number ``subkey_id`` (0 to 2**64 - 1) of the master ``key``
    (:data:`SUBKEY_KEY_SIZE` bytes) in ``context`` (:data:`SUBKEY_CONTEXT_SIZE` bytes, such as
    b"Messages"), ``length`` bytes long (:data:`SUBKEY_MIN_SIZE` to :data:`SUBKEY_MAX_SIZE`):
    libsodium's crypto_kdf_derive_from_key (keyed BLAKE2b)."""
    key_len = len(key) if type(key) is bytes else _b.length(key, "key")
    if key_len != SUBKEY_KEY_SIZE:
        raise InvalidKey(f"derive_subkey: key must be {SUBKEY_KEY_SIZE} bytes, got {key_len}")
    number = operator.index(subkey_id)
    if not 0 <= number <= _U64_MAX:
        raise InvalidArgument(f"derive_subkey: subkey_id must be 0 to 2**64 - 1, got {number}")
    ctx_len = len(context) if type(context) is bytes else _b.length(context, "context")
    if ctx_len != SUBKEY_CONTEXT_SIZE:
        raise InvalidArgument(
            f"derive_subkey: context must be {SUBKEY_CONTEXT_SIZE} bytes, got {ctx_len}"
        )
    n = size(length, "length")
    if not SUBKEY_MIN_SIZE <= n <= SUBKEY_MAX_SIZE:
        raise InvalidArgument(
            f"derive_subkey: length must be {SUBKEY_MIN_SIZE} to {SUBKEY_MAX_SIZE} bytes, got {n}"
        )
    return _b.derive(n, number, context, key, "derive_subkey")
