"""Password hashing: Argon2id, Argon2i and scrypt (libsodium).

>>> import nacre.pwhash as pwhash
>>> stored = pwhash.hash_password(b"correct horse", preset=pwhash.INTERACTIVE)
>>> stored.startswith("$argon2id$")
True
>>> pwhash.verify_password(stored, b"correct horse")   # None; raises on a mismatch
>>> pwhash.needs_rehash(stored, preset=pwhash.MODERATE)
True

A hash string ("$argon2id$v=19$m=65536,t=2,p=1$...", "$argon2i$...", "$7$..." for scrypt) is
ASCII and holds the algorithm, its limits and a random salt, so :func:`verify_password` needs
nothing else. :func:`derive_key` turns a password into a key of any size, with a salt you store.

Cost: ``opslimit`` (passes over memory for Argon2; scrypt's own unit) and ``memlimit`` (bytes)
are libsodium's; each algorithm has its own range, and nacre caps memory at
:data:`MAX_MEMLIMIT` (4 GiB). Instead of limits, name a preset: :data:`INTERACTIVE`,
:data:`MODERATE` (Argon2 only) or :data:`SENSITIVE`. Without either, Argon2 uses MODERATE
(Argon2id: 3 passes over 256 MiB) and scrypt INTERACTIVE.

Errors: a wrong password raises :class:`nacre.VerificationFailed` (the base of InvalidTag and
InvalidSignature: a password is neither a tag nor a signature). A malformed hash string, one of
an unknown algorithm, or one whose limits exceed nacre's caps raises
:class:`nacre.InvalidArgument` (a ValueError) before any memory is spent on it; within the caps
a string costs what it asks for, so verify only strings you stored yourself. Passwords are
bytes-like (encode text first, e.g. as UTF-8); str is a TypeError.

Every function is thread-safe and runs without the GIL.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Optional, Union

from ._args import Buffer, size
from ._binding import pwhash as _b
from ._errors import InvalidArgument, UnsupportedAlgorithm

__all__ = [
    "ARGON2ID",
    "ARGON2I",
    "SCRYPT",
    "ALGORITHMS",
    "INTERACTIVE",
    "MODERATE",
    "SENSITIVE",
    "MAX_MEMLIMIT",
    "Limits",
    "preset_limits",
    "salt_size",
    "identify",
    "hash_password",
    "verify_password",
    "needs_rehash",
    "derive_key",
]

ARGON2ID = "argon2id"
ARGON2I = "argon2i"
SCRYPT = "scrypt"
#: Algorithm names -> nacre_pwhash_alg numbers.
ALGORITHMS: Dict[str, int] = {
    ARGON2ID: _b.ARGON2ID,
    ARGON2I: _b.ARGON2I,
    SCRYPT: _b.SCRYPT,
}
# How each algorithm's hash strings begin.
_PREFIXES = {"$argon2id$": ARGON2ID, "$argon2i$": ARGON2I, "$7$": SCRYPT}

INTERACTIVE = "interactive"
MODERATE = "moderate"
SENSITIVE = "sensitive"
_PRESETS: Dict[str, int] = {
    INTERACTIVE: _b.INTERACTIVE,
    MODERATE: _b.MODERATE,
    SENSITIVE: _b.SENSITIVE,
}
_DEFAULT_PRESET = {ARGON2ID: MODERATE, ARGON2I: MODERATE, SCRYPT: INTERACTIVE}

#: nacre's memory cap in bytes (4 GiB).
MAX_MEMLIMIT: int = _b.MAX_MEMLIMIT
_SIZE_MAX: int = _b.SIZE_MAX
_U64_MAX = 2**64 - 1
_U32_MAX = 2**32 - 1


#: A hash string as stored: str (ASCII) or bytes-like.
HashString = Union[str, Buffer]


class Limits(NamedTuple):
    """Cost limits: ``opslimit`` and ``memlimit`` (bytes)."""

    opslimit: int
    memlimit: int


def _algorithm(algorithm: object) -> str:
    if not isinstance(algorithm, str):
        raise TypeError(f"algorithm must be a str, not {type(algorithm).__name__!r}")
    name = algorithm.lower()
    if name not in ALGORITHMS:
        raise UnsupportedAlgorithm(
            f"unknown password-hashing algorithm {algorithm!r}; use one of {', '.join(ALGORITHMS)}"
        )
    return name


def preset_limits(algorithm: str, preset: str) -> Limits:
    """libsodium's ``preset`` (:data:`INTERACTIVE`, :data:`MODERATE`, :data:`SENSITIVE`) limits
    for ``algorithm``. scrypt has no MODERATE preset (:class:`nacre.UnsupportedAlgorithm`)."""
    name = _algorithm(algorithm)
    if not isinstance(preset, str):
        raise TypeError(f"preset must be a str, not {type(preset).__name__!r}")
    number = _PRESETS.get(preset.lower())
    if number is None:
        raise UnsupportedAlgorithm(
            f"unknown preset {preset!r}; use one of {', '.join(_PRESETS)}"
        )
    return Limits(*_b.preset_limits(ALGORITHMS[name], number, f"{name} preset {preset!r}"))


def _limits(
    name: str, preset: Optional[str], opslimit: Optional[int], memlimit: Optional[int]
) -> Limits:
    """The limits from a preset or from explicit values (not both)."""
    if opslimit is None and memlimit is None:
        return preset_limits(name, _DEFAULT_PRESET[name] if preset is None else preset)
    if opslimit is None or memlimit is None:
        raise TypeError("opslimit and memlimit must be given together")
    if preset is not None:
        raise TypeError("give a preset, or opslimit and memlimit, not both")
    ops = size(opslimit, "opslimit")
    mem = size(memlimit, "memlimit")
    if ops > _U64_MAX or mem > _SIZE_MAX:
        raise InvalidArgument(f"{name}: limits out of range (opslimit={ops}, memlimit={mem})")
    return Limits(ops, mem)


def salt_size(algorithm: str) -> int:
    """The salt size :func:`derive_key` takes for ``algorithm`` (16 for Argon2, 32 for scrypt)."""
    return _b.salt_len(ALGORITHMS[_algorithm(algorithm)])


def _hash_string(hash_str: HashString) -> bytes:
    """The hash string as bytes for the C call (str must be ASCII)."""
    if isinstance(hash_str, str):
        try:
            return hash_str.encode("ascii")
        except UnicodeEncodeError:
            raise InvalidArgument("malformed password hash: not ASCII") from None
    if isinstance(hash_str, bytes):
        return hash_str
    try:
        return bytes(memoryview(hash_str))
    except TypeError:
        raise TypeError(
            f"hash_str must be a str or bytes-like object, not {type(hash_str).__name__!r}"
        ) from None


def identify(hash_str: HashString) -> str:
    """The algorithm of a hash string, from its prefix ("argon2id", "argon2i" or "scrypt"),
    without checking the rest (:class:`nacre.InvalidArgument` for an unknown prefix)."""
    data = _hash_string(hash_str)
    for prefix, name in _PREFIXES.items():
        if data.startswith(prefix.encode("ascii")):
            return name
    raise InvalidArgument("malformed password hash: not an Argon2id, Argon2i or scrypt string")


def hash_password(
    password: Buffer,
    *,
    algorithm: str = ARGON2ID,
    preset: Optional[str] = None,
    opslimit: Optional[int] = None,
    memlimit: Optional[int] = None,
) -> str:
    """A hash string of ``password`` with a random salt, to store and later check with
    :func:`verify_password`. Cost: a ``preset`` or ``opslimit`` and ``memlimit`` (see the
    module docstring); limits out of the algorithm's range are :class:`nacre.InvalidArgument`."""
    name = _algorithm(algorithm)
    limits = _limits(name, preset, opslimit, memlimit)
    return _b.hash_str(
        ALGORITHMS[name], password, limits.opslimit, limits.memlimit, f"hash_password ({name})"
    ).decode("ascii")


def verify_password(hash_str: HashString, password: Buffer) -> None:
    """Check ``password`` against the hash string ``hash_str`` (str or bytes).

    Returns None on a match; raises :class:`nacre.VerificationFailed` for a wrong password and
    :class:`nacre.InvalidArgument` (a ValueError) for a malformed or over-limit string.
    """
    _b.verify(_hash_string(hash_str), password, "verify_password")


def needs_rehash(
    hash_str: HashString,
    *,
    algorithm: Optional[str] = None,
    preset: Optional[str] = None,
    opslimit: Optional[int] = None,
    memlimit: Optional[int] = None,
) -> bool:
    """True when ``hash_str`` was made otherwise than the current policy asks, so the password
    should be hashed again once it has been verified.

    The policy is ``algorithm`` (None: the string's own) with a ``preset`` or ``opslimit`` and
    ``memlimit`` (neither: that algorithm's default preset). A string of another algorithm
    always needs a rehash. The hash itself is not computed; a malformed string raises
    :class:`nacre.InvalidArgument`.
    """
    data = _hash_string(hash_str)
    own = identify(data)
    wanted = own if algorithm is None else _algorithm(algorithm)
    if wanted != own:
        # Still check that the string is well-formed, against limits valid for its algorithm.
        limits = preset_limits(own, _DEFAULT_PRESET[own])
    else:
        limits = _limits(wanted, preset, opslimit, memlimit)
    stale = _b.needs_rehash(data, limits.opslimit, limits.memlimit, "needs_rehash")
    return wanted != own or stale


def derive_key(
    password: Buffer,
    salt: Buffer,
    length: int,
    *,
    algorithm: str = ARGON2ID,
    preset: Optional[str] = None,
    opslimit: Optional[int] = None,
    memlimit: Optional[int] = None,
) -> bytes:
    """A ``length``-byte key (16 to 2**32 - 1) from ``password`` and ``salt`` (exactly
    :func:`salt_size` bytes; random, stored next to what the key protects). The same password,
    salt, algorithm and limits always give the same key."""
    name = _algorithm(algorithm)
    limits = _limits(name, preset, opslimit, memlimit)
    n = size(length, "length")
    if not 16 <= n <= _U32_MAX:
        raise InvalidArgument(f"{name}: length must be 16 to {_U32_MAX} bytes, got {n}")
    # The salt's size: the library checks and says.
    return _b.derive(
        ALGORITHMS[name], n, password, salt, limits.opslimit, limits.memlimit,
        f"derive_key ({name})",
    )

