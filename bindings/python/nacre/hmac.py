"""HMAC (RFC 2104) with the shape of the standard :mod:`hmac` module.

>>> import nacre.hmac
>>> m = nacre.hmac.new(b"key", b"message", digestmod="sha256")
>>> m.verify(m.digest())  # raises nacre.InvalidSignature on a mismatch

HMAC-SHA256 and HMAC-SHA512 exist on both backends (``backend="boringssl"`` or ``"sodium"``;
None: the library's default), HMAC-SHA384, HMAC-SHA224 and HMAC-SHA1 (for HOTP/TOTP and older
protocols) on BoringSSL; HMAC-MD5 is not offered. Tags are compared in constant time.
As in Python 3.8+, ``digestmod`` is required: there is no default hash.

HMAC objects may be shared between threads: each holds a lock around its C state.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import TYPE_CHECKING, Callable, Dict, Optional, Tuple, Union

from . import hash as _hash
from ._args import Buffer
from ._binding import hmac as _b
from ._binding.backends import backend_number
from ._binding.tables import hashes as _HASHES
from ._constant_time import compare_digest
from ._errors import UnsupportedAlgorithm
from ._typing import Named

if TYPE_CHECKING:
    from ._args import CData

__all__ = [
    "HMAC",
    "new",
    "digest",
    "digest_into",
    "verify",
    "compare_digest",
    "available_backends",
]

# What a digestmod may be: a name, a constructor (nacre.hash.sha256, hashlib.sha256) or a module
# with a new() function (PEP 247), as the standard hmac module accepts.
DigestMod = Union[str, Callable[[], Named], ModuleType]

# The hashes the library offers HMAC over (hashlib's names), from its table.
_HMAC_HASHES = [(_hash.canonical_name(h.name), h) for h in _HASHES if h.hmac]
_ALGS: Dict[str, int] = {name: h.number for name, h in _HMAC_HASHES}
_TAG_SIZE: Dict[str, int] = {name: h.digest_size for name, h in _HMAC_HASHES}
_BLOCK_SIZE: Dict[str, int] = {name: h.block_size for name, h in _HMAC_HASHES}
# The messages' context, per hash (built once: these are on every call's path).
_NAME: Dict[str, str] = {name: f"hmac-{name}" for name in _ALGS}
_UPDATE_WHERE: Dict[str, str] = {name: f"hmac-{name} update" for name in _ALGS}
_DIGEST_WHERE: Dict[str, str] = {name: f"hmac-{name} digest" for name in _ALGS}


def _hash_name(digestmod: Optional[DigestMod]) -> str:
    """hashlib's name of the hash that ``digestmod`` designates, if nacre has HMAC with it."""
    if digestmod is None or (isinstance(digestmod, str) and not digestmod):
        raise TypeError("Missing required parameter 'digestmod'.")
    name = _hash.name_of(digestmod)
    if name is None:
        raise TypeError(f"digestmod must be a hash name or constructor, not {digestmod!r}")
    canonical = _hash.canonical_name(name)
    if canonical not in _ALGS:
        raise UnsupportedAlgorithm(
            f"HMAC with {name!r} is not supported; use one of {', '.join(_ALGS)}"
        )
    return canonical


def available_backends(digestmod: DigestMod) -> Tuple[str, ...]:
    """The backends ("boringssl", "sodium") that implement HMAC with ``digestmod``."""
    return _b.available_backends(_ALGS[_hash_name(digestmod)])


def _what(name: str, backend: Optional[str]) -> str:
    return f"hmac-{name} on backend {backend!r}" if backend else _NAME[name]


class HMAC:
    """An incremental HMAC, like :class:`hmac.HMAC`: ``HMAC(key, msg=None, digestmod=...)`` or
    :func:`new`, which take the same arguments (and ``backend``).

    ``digest()`` reads the tag of everything absorbed so far without finishing the state, so more
    ``update()`` calls may follow. The key lives only inside the C state (in wiped memory).
    """

    __slots__ = ("_ctx", "_lock", "_hash_name", "__weakref__")

    _ctx: CData
    _lock: threading.Lock
    _hash_name: str

    def __init__(
        self,
        key: Buffer,
        msg: Optional[Buffer] = None,
        digestmod: Optional[DigestMod] = "",
        *,
        backend: Optional[str] = None,
    ) -> None:
        name = _hash_name(digestmod)
        self._ctx = _b.new_state(
            _ALGS[name], backend_number(backend), key,
            _NAME[name] if backend is None else _what(name, backend),  # no call on the hot path
        )
        self._lock = threading.Lock()  # a C state must not be used by two threads at once
        self._hash_name = name
        if msg is not None:
            self.update(msg)

    @classmethod
    def _wrap(cls, ctx: CData, hash_name: str) -> HMAC:
        obj = cls.__new__(cls)
        obj._ctx = ctx
        obj._lock = threading.Lock()  # a C state must not be used by two threads at once
        obj._hash_name = hash_name
        return obj

    @property
    def name(self) -> str:
        """"hmac-" and the hash's name, as in the standard module ("hmac-sha256")."""
        return f"hmac-{self._hash_name}"

    @property
    def digest_size(self) -> int:
        """The tag size in bytes."""
        return _TAG_SIZE[self._hash_name]

    @property
    def block_size(self) -> int:
        """The underlying hash's block size in bytes."""
        return _BLOCK_SIZE[self._hash_name]

    def update(self, msg: Buffer) -> None:
        """Absorb ``msg`` (any bytes-like object; read in place, not copied)."""
        with self._lock:
            _b.update(self._ctx, msg, _UPDATE_WHERE[self._hash_name])

    def digest(self) -> bytes:
        """The tag of the data absorbed so far."""
        name = self._hash_name
        with self._lock:
            return _b.state_digest(self._ctx, _TAG_SIZE[name], _DIGEST_WHERE[name])

    def hexdigest(self) -> str:
        """The tag as lower-case hex."""
        return self.digest().hex()

    def digest_into(self, out: Buffer) -> int:
        """Write the tag into ``out`` (writable, exactly ``digest_size`` bytes); return its size."""
        name = self.name
        with self._lock:
            return _b.state_digest_into(
                self._ctx, out, _TAG_SIZE[self._hash_name], name, f"{name} digest_into"
            )

    def verify(self, tag: Buffer) -> None:
        """Check ``tag`` against the tag of the data so far, in constant time.

        Raises :class:`nacre.InvalidSignature` when it differs, including when its length is not
        ``digest_size`` (a truncated tag is not accepted here).
        """
        where = f"{self.name} verify"
        with self._lock:
            _b.state_verify(self._ctx, tag, where)

    def copy(self) -> HMAC:
        """An independent copy of the state: updating one does not affect the other."""
        where = f"{self.name} copy"
        with self._lock:
            ctx = _b.copy_state(self._ctx, where)
        return HMAC._wrap(ctx, self._hash_name)

    def __repr__(self) -> str:
        return f"<{self.name} nacre.hmac.HMAC object @ {id(self):#x}>"


def new(
    key: Buffer,
    msg: Optional[Buffer] = None,
    digestmod: Optional[DigestMod] = None,
    *,
    backend: Optional[str] = None,
) -> HMAC:
    """A new HMAC object keyed with ``key``, like :func:`hmac.new` (the same as :class:`HMAC`).

    ``digestmod`` is "sha256", "sha384", "sha512", "sha224" or "sha1" (or a constructor such as
    ``nacre.hash.sha256`` or ``hashlib.sha256``); it is required (TypeError when missing).
    Another hash raises :class:`nacre.UnsupportedAlgorithm`. The key is copied into the state.
    """
    return HMAC(key, msg, digestmod, backend=backend)


def digest(key: Buffer, msg: Buffer, digest: DigestMod, *, backend: Optional[str] = None) -> bytes:
    """One-shot HMAC of ``msg`` under ``key``, like :func:`hmac.digest`."""
    name = _hash_name(digest)
    return _b.mac(
        _ALGS[name], backend_number(backend), key, msg, _TAG_SIZE[name],
        _NAME[name] if backend is None else _what(name, backend),  # no call on the hot path
    )


def digest_into(
    key: Buffer, msg: Buffer, digest: DigestMod, out: Buffer, *, backend: Optional[str] = None
) -> int:
    """One-shot HMAC written into the writable buffer ``out`` (exactly the tag size)."""
    name = _hash_name(digest)
    return _b.mac_into(
        _ALGS[name], backend_number(backend), key, msg, out, _TAG_SIZE[name], _NAME[name],
        _what(name, backend),
    )


def verify(
    key: Buffer, msg: Buffer, digest: DigestMod, tag: Buffer, *, backend: Optional[str] = None
) -> None:
    """One-shot constant-time check that ``tag`` is the HMAC of ``msg`` under ``key``.

    Raises :class:`nacre.InvalidSignature` on a mismatch or a tag of the wrong length.
    """
    name = _hash_name(digest)
    return _b.verify(
        _ALGS[name], backend_number(backend), key, msg, tag, f"{_what(name, backend)} verify"
    )
