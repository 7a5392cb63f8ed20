"""Hash functions with the shape of :mod:`hashlib`.

>>> import nacre.hash
>>> nacre.hash.sha256(b"abc").hexdigest()[:16]
'ba7816bf8f01cfea'
>>> h = nacre.hash.new("sha3_256"); h.update(b"ab"); h.update(b"c")
>>> nacre.hash.shake_128(b"abc").digest(16).hex()
'5881092dd818bf5cf8a3ddb793fbcba7'

SHA-256 and SHA-512 exist on both backends; the keyword ``backend="boringssl"`` or
``backend="sodium"`` picks one (None: the library's default, the faster one). Asking a backend for
an algorithm it lacks raises :class:`nacre.UnsupportedAlgorithm`.

Hash objects may be shared between threads: each holds a lock, because a C hashing state must not
be used by two threads at once. The lock is taken around the C call, which runs without the GIL.

A hash object made from one ``bytes`` object of up to 64 KiB (``sha256(data)``) keeps a reference
to it and opens no C state until it needs one: ``digest()`` then hashes it in one call, which is
what ``sha256(data).digest()`` should cost. ``update()`` and ``copy()`` open the state and absorb
it first.
"""

from __future__ import annotations

import operator
import re
import threading
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    FrozenSet,
    Literal,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    overload,
)

from ._args import Buffer, size
from ._binding import hash as _b
from ._binding.backends import backend_number
from ._binding.tables import hashes as _HASHES
from ._errors import InvalidArgument, UnsupportedAlgorithm

if TYPE_CHECKING:
    from ._args import CData

__all__ = [
    "Hash",
    "Xof",
    "new",
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha512_256",
    "sha3_256",
    "sha3_512",
    "blake2b",
    "shake_128",
    "shake_256",
    "digest",
    "digest_into",
    "available_backends",
    "XOF_MAX_LENGTH",
    "file_digest",
    "pbkdf2_hmac",
    "scrypt",
    "algorithms_available",
    "algorithms_guaranteed",
]



def _hashlib_spelling(name: str) -> str:
    """hashlib's name for a library name ("sha512-256" -> "sha512_256", "shake128" ->
    "shake_128")."""
    return re.sub(r"^shake(\d+)$", r"shake_\1", name).replace("-", "_")


def _other_spellings(name: str) -> Tuple[str, ...]:
    """Other spellings in use for a library name (the standards' and OpenSSL's), lower case."""
    out = [name]  # the library's own: "sha3-256", "sha512-256", "shake128"
    sha2 = re.fullmatch(r"sha(\d{3})(?:-(\d{3}))?", name)
    if sha2 and sha2.group(2):
        out += [f"sha{sha2.group(1)}/{sha2.group(2)}", f"sha-{sha2.group(1)}/{sha2.group(2)}"]
    elif sha2:
        out.append(f"sha-{sha2.group(1)}")
    if name == "sha1":
        out.append("sha-1")
    if name == "blake2b":
        out += ["blake2b512", "blake2b-512"]
    return tuple(out)


# hashlib's names -> nacre_hash_alg numbers, from the library's table.
_ALGS: Dict[str, int] = {_hashlib_spelling(h.name): h.number for h in _HASHES}
_XOFS: FrozenSet[str] = frozenset(_hashlib_spelling(h.name) for h in _HASHES if h.xof)
# Broken for security (MD5, SHA-1): made only with usedforsecurity=False, as in a FIPS-mode
# hashlib, so that interoperability works and accidental use does not.
_LEGACY: FrozenSet[str] = frozenset(_hashlib_spelling(h.name) for h in _HASHES if h.legacy)
_ALIASES: Dict[str, str] = {
    alias: _hashlib_spelling(h.name)
    for h in _HASHES
    for alias in _other_spellings(h.name)
    if alias != _hashlib_spelling(h.name)
}
# The names new() takes, for type checkers: canonical names and the aliases above (any case works
# at run time, and any str is accepted; these give new() a precise return type).
FixedSizeName = Literal[
    "md5", "sha1", "sha-1",
    "sha224", "sha-224", "sha256", "sha-256", "sha384", "sha-384", "sha512", "sha-512",
    "sha512_256", "sha512-256", "sha512/256", "sha-512/256", "sha3_256", "sha3-256", "sha3_512",
    "sha3-512",
]
Blake2bName = Literal["blake2b", "blake2b512", "blake2b-512"]
XofName = Literal["shake_128", "shake128", "shake_256", "shake256"]


_DIGEST_SIZE: Dict[str, int] = {_hashlib_spelling(h.name): h.digest_size for h in _HASHES}
_BLOCK_SIZE: Dict[str, int] = {_hashlib_spelling(h.name): h.block_size for h in _HASHES}

BLAKE2B_MIN_DIGEST_SIZE: int = _b.BLAKE2B_MIN_DIGEST_LEN
BLAKE2B_MAX_DIGEST_SIZE: int = _b.BLAKE2B_MAX_DIGEST_LEN
BLAKE2B_MAX_KEY_SIZE: int = _b.BLAKE2B_MAX_KEY_LEN

algorithms_guaranteed: FrozenSet[str] = frozenset(_ALGS)
algorithms_available: FrozenSet[str] = frozenset(_ALGS)

_S = TypeVar("_S", bound="_State")

_EMPTY = b""
_LAZY_MAX = 65536  # bytes a hash object may hold by reference before it opens a C state
# The messages' context for the calls on a state, per name (built once: update is hot).
_UPDATE_WHERE: Dict[str, str] = {name: f"{name} update" for name in _ALGS}
_DIGEST_WHERE: Dict[str, str] = {name: f"{name} digest" for name in _ALGS}
_new_object = object.__new__
_Lock = threading.Lock


def canonical_name(name: str) -> str:
    """hashlib's name for a hash ("SHA3-256" -> "sha3_256"); UnsupportedAlgorithm if unknown."""
    if type(name) is str and name in _ALGS:
        return name
    if not isinstance(name, str):
        raise TypeError(f"hash name must be a str, not {type(name).__name__!r}")
    key = name.lower()
    key = _ALIASES.get(key, key)
    if key not in _ALGS:
        raise UnsupportedAlgorithm(f"unsupported hash type {name!r}")
    return key


def available_backends(name: str) -> Tuple[str, ...]:
    """The backends ("boringssl", "sodium") that implement the hash ``name``."""
    return _b.available_backends(_ALGS[canonical_name(name)])


def _require_backend(name: str, backend: Optional[str]) -> None:
    """Fail early when a backend is named that lacks ``name`` (for calls without a backend)."""
    if backend is not None:
        _b.require_available(
            _ALGS[name], backend_number(backend), f"{name} on backend {backend!r}"
        )


class _ImmutableType(type):
    """Classes whose attributes cannot be set or deleted once made, as CPython's own hash types
    (hashlib's are immutable C types): ``Hash.update = ...`` is a TypeError."""

    def __setattr__(cls, name: str, value: Any) -> None:
        raise TypeError(f"cannot set {name!r} attribute of immutable type {cls.__qualname__!r}")

    def __delattr__(cls, name: str) -> None:
        raise TypeError(f"cannot delete {name!r} attribute of immutable type {cls.__qualname__!r}")


class _State(metaclass=_ImmutableType):
    """A C hashing state (nacre_hash_ctx) owned by a Python object.

    ``_ctx`` may be None while ``_pending`` holds the one ``bytes`` input (see the module
    docstring); ``_open_state`` opens the C state. ``_backend`` is the backend asked for.
    """

    __slots__ = ("_ctx", "_pending", "_backend", "_lock", "_name", "_block_size", "__weakref__")

    _ctx: Optional[CData]
    _pending: Optional[bytes]
    _backend: Optional[str]
    _lock: threading.Lock
    _name: str
    _block_size: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            f"cannot create '{type(self).__module__}.{type(self).__qualname__}' instances; use "
            "nacre.hash.new() or a constructor such as nacre.hash.sha256()"
        )

    @classmethod
    def _wrap(cls: Type[_S], ctx: CData, name: str, block_size: int) -> _S:
        obj = cls.__new__(cls)
        obj._ctx = ctx
        obj._pending = None
        obj._backend = None
        # hashlib objects tolerate use from several threads; a C state does not, so serialise.
        obj._lock = threading.Lock()
        obj._name = name
        obj._block_size = block_size
        return obj

    @property
    def name(self) -> str:
        """hashlib's name of the algorithm ("sha256", "sha3_256", "shake_128", ...)."""
        return self._name

    @property
    def block_size(self) -> int:
        """The internal block (rate) size in bytes."""
        return self._block_size

    def _open_state(self) -> CData:
        """The C state, opened now (absorbing the pending bytes) if there is none yet; call
        with the lock held."""
        ctx = self._ctx
        if ctx is None:
            ctx = _open(self._name, self._backend)
            pending = self._pending
            if pending:
                _b.update(ctx, pending, _UPDATE_WHERE[self._name])
            self._ctx = ctx
            self._pending = None
        return ctx

    def update(self, data: Buffer) -> None:
        """Absorb ``data`` (any bytes-like object; read in place, not copied)."""
        with self._lock:
            ctx = self._ctx  # _open_state's test inline: this is every update's path
            _b.update(
                self._open_state() if ctx is None else ctx, data, _UPDATE_WHERE[self._name]
            )

    def _copy_ctx(self) -> CData:
        with self._lock:
            return _b.copy_state(self._open_state(), f"{self._name} copy")

    def __repr__(self) -> str:
        return f"<{self._name} nacre.hash.{type(self).__name__} object @ {id(self):#x}>"


class Hash(_State):
    """An incremental hash with a fixed digest size, like a hashlib object.

    ``digest()`` reads the digest of everything absorbed so far without finishing the state, so
    more ``update()`` calls may follow.
    """

    __slots__ = ("_digest_size",)

    _digest_size: int

    @classmethod
    def _wrap_hash(cls, ctx: CData, name: str, block_size: int, digest_size: int) -> Hash:
        obj: Hash = cls._wrap(ctx, name, block_size)
        obj._digest_size = digest_size
        return obj

    @property
    def digest_size(self) -> int:
        """The digest size in bytes."""
        return self._digest_size

    def digest(self) -> bytes:
        """The digest of the data absorbed so far."""
        if self._ctx is None:
            pending = self._pending
            if pending is not None:  # else another thread has just opened the state
                backend = self._backend
                return _b.digest(
                    _ALGS[self._name], 0 if backend is None else backend_number(backend), pending,
                    self._digest_size, _DIGEST_WHERE[self._name],
                )
        with self._lock:
            ctx = self._ctx  # _open_state's test inline, as in update
            return _b.state_digest(
                self._open_state() if ctx is None else ctx, self._digest_size,
                _DIGEST_WHERE[self._name],
            )

    def hexdigest(self) -> str:
        """The digest as lower-case hex."""
        return self.digest().hex()

    def digest_into(self, out: Buffer) -> int:
        """Write the digest into ``out`` (writable, exactly ``digest_size`` bytes); return its
        size."""
        name = self._name
        with self._lock:
            return _b.state_digest_into(
                self._open_state(), out, self._digest_size, name, f"{name} digest_into"
            )

    def copy(self) -> Hash:
        """An independent copy of the state: updating one does not affect the other."""
        return Hash._wrap_hash(self._copy_ctx(), self._name, self._block_size, self._digest_size)


#: XOF outputs are shorter than this (2**29 bytes), as with CPython's own SHAKE: a mistaken
#: length fails at once instead of allocating gigabytes.
XOF_MAX_LENGTH = 1 << 29


def _xof_length(length: int) -> int:
    n = size(length, "length")
    if n >= XOF_MAX_LENGTH:
        raise InvalidArgument(f"length is too large: {n} (XOF outputs are below 2**29 bytes)")
    return n


class Xof(_State):
    """An incremental extendable-output function (SHAKE), like hashlib's shake objects.

    ``digest(length)`` reads ``length`` bytes of output for the data absorbed so far.
    """

    __slots__ = ()

    @property
    def digest_size(self) -> int:
        """0: an XOF has no fixed digest size (as in hashlib)."""
        return 0

    def digest(self, length: int) -> bytes:
        """``length`` bytes of output (fewer than :data:`XOF_MAX_LENGTH`)."""
        n = _xof_length(length)
        with self._lock:
            return _b.state_xof(self._open_state(), n, _DIGEST_WHERE[self._name])

    def hexdigest(self, length: int) -> str:
        """``length`` bytes of output as lower-case hex."""
        return self.digest(length).hex()

    def digest_into(self, out: Buffer) -> int:
        """Fill all of the writable buffer ``out`` with output; return the number of bytes."""
        with self._lock:
            return _b.state_xof_into(self._open_state(), out, f"{self._name} digest_into")

    def copy(self) -> Xof:
        """An independent copy of the state."""
        return Xof._wrap(self._copy_ctx(), self._name, self._block_size)


def _open(name: str, backend: Optional[str]) -> CData:
    return _b.new_state(
        _ALGS[name], backend_number(backend), f"{name} on backend {backend!r}" if backend else name
    )


def _refuse_legacy(name: str) -> None:
    """The refusal of MD5 and SHA-1 made with usedforsecurity left True."""
    raise UnsupportedAlgorithm(
        f"{name} is broken for security use (collisions); for interoperability with what "
        f"demands it, pass usedforsecurity=False"
    )


def _string_keyword(data: Buffer, string: Buffer) -> Buffer:
    """``string=``, the name CPython's constructors give their data (3.9 to 3.13); ``data`` and
    ``string`` together are a TypeError, as in CPython 3.14."""
    if data is not _EMPTY:
        raise TypeError("'data' and 'string' are mutually exclusive; pass the data once")
    return string


def _hash(name: str, data: Buffer, backend: Optional[str], usedforsecurity: bool = True) -> Hash:
    if usedforsecurity and name in _LEGACY:  # inline: this is on every hash's path
        _refuse_legacy(name)
    if type(data) is bytes and len(data) <= _LAZY_MAX:
        if backend is not None:
            _require_backend(name, backend)
        # _wrap_hash written out: this is the whole cost of sha256(data) before digest().
        h = _new_object(Hash)
        h._ctx = None
        h._pending = data
        h._backend = backend
        h._lock = _Lock()
        h._name = name
        h._block_size = _BLOCK_SIZE[name]
        h._digest_size = _DIGEST_SIZE[name]
        return h
    h = Hash._wrap_hash(_open(name, backend), name, _BLOCK_SIZE[name], _DIGEST_SIZE[name])
    h.update(data)
    return h


def _xof(name: str, data: Buffer, backend: Optional[str]) -> Xof:
    h: Xof = Xof._wrap(_open(name, backend), name, _BLOCK_SIZE[name])
    if data is not _EMPTY:
        h.update(data)
    return h


def md5(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """MD5 (RFC 1321); BoringSSL. Broken (collisions in seconds): only with
    ``usedforsecurity=False``, for checksums and formats that demand it."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("md5", data, backend, usedforsecurity)


def sha1(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-1 (FIPS 180-4); BoringSSL. Broken (practical collisions): only with
    ``usedforsecurity=False``, for formats that demand it. HMAC-SHA1 (HOTP, TOTP) needs no flag:
    :mod:`nacre.hmac` offers it."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha1", data, backend, usedforsecurity)


def sha224(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-224 (FIPS 180-4); BoringSSL."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha224", data, backend, usedforsecurity)


def sha256(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-256 (FIPS 180-4); both backends."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha256", data, backend, usedforsecurity)


def sha384(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-384 (FIPS 180-4); BoringSSL."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha384", data, backend, usedforsecurity)


def sha512(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-512 (FIPS 180-4); both backends."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha512", data, backend, usedforsecurity)


def sha512_256(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA-512/256 (FIPS 180-4); BoringSSL."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha512_256", data, backend, usedforsecurity)


def sha3_256(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA3-256 (FIPS 202); libsodium."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha3_256", data, backend, usedforsecurity)


def sha3_512(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Hash:
    """SHA3-512 (FIPS 202); libsodium."""
    if string is not None:
        data = _string_keyword(data, string)
    return _hash("sha3_512", data, backend, usedforsecurity)


def shake_128(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Xof:
    """SHAKE128 (FIPS 202), an extendable-output function; libsodium."""
    if string is not None:
        data = _string_keyword(data, string)
    return _xof("shake_128", data, backend)


def shake_256(
    data: Buffer = _EMPTY,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
) -> Xof:
    """SHAKE256 (FIPS 202), an extendable-output function; libsodium."""
    if string is not None:
        data = _string_keyword(data, string)
    return _xof("shake_256", data, backend)


BLAKE2B_MAX_SALT_SIZE: int = _b.BLAKE2B_MAX_SALT_LEN
BLAKE2B_MAX_PERSON_SIZE: int = _b.BLAKE2B_MAX_PERSON_LEN
# hashlib.blake2b's tree-hashing parameters and their sequential-mode values: libsodium has no
# tree hashing, so only these are accepted.
_BLAKE2B_TREE_DEFAULTS = {"fanout": 1, "depth": 1, "leaf_size": 0, "node_offset": 0,
                          "node_depth": 0, "inner_size": 0, "last_node": False}


def blake2b(
    data: Buffer = _EMPTY,
    *,
    digest_size: int = BLAKE2B_MAX_DIGEST_SIZE,
    key: Buffer = _EMPTY,
    salt: Buffer = _EMPTY,
    person: Buffer = _EMPTY,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
    string: Optional[Buffer] = None,
    **tree: Any,
) -> Hash:
    """BLAKE2b (RFC 7693) with a ``digest_size`` of 16 to 64 bytes, an optional ``key`` of up to
    64 bytes (empty: unkeyed), and ``salt`` and ``person`` of up to 16 bytes each (zero-padded,
    as hashlib's); libsodium. The key is copied into the state.

    hashlib's tree-hashing keywords (``fanout``, ``depth``, ``leaf_size``, ``node_offset``,
    ``node_depth``, ``inner_size``, ``last_node``) are accepted at their sequential-mode values
    only: libsodium has no tree hashing, so others raise :class:`nacre.UnsupportedAlgorithm`.
    """
    if string is not None:
        data = _string_keyword(data, string)
    for name, value in tree.items():
        if name not in _BLAKE2B_TREE_DEFAULTS:
            raise TypeError(f"blake2b() got an unexpected keyword argument {name!r}")
        default = _BLAKE2B_TREE_DEFAULTS[name]
        if (bool(value) if name == "last_node" else operator.index(value)) != default:
            raise UnsupportedAlgorithm(
                f"blake2b: {name}={value!r} needs tree hashing, which libsodium does not offer; "
                f"only {name}={_BLAKE2B_TREE_DEFAULTS[name]!r} is accepted"
            )
    plain = key is _EMPTY and salt is _EMPTY and person is _EMPTY
    if plain and type(digest_size) is int and digest_size == BLAKE2B_MAX_DIGEST_SIZE:
        return _hash("blake2b", data, backend)  # the plain one: nacre_hash_ctx_new makes it
    digest_size = size(digest_size, "digest_size")
    _require_backend("blake2b", backend)  # the keyed constructor takes no backend
    # Their sizes, and digest_size's range: the library checks them and says.
    ctx = _b.new_blake2b(digest_size, key, salt, person, "blake2b")
    h = Hash._wrap_hash(ctx, "blake2b", _BLOCK_SIZE["blake2b"], digest_size)
    if data is not _EMPTY:
        h.update(data)
    return h


# The sizes hashlib.blake2b carries as attributes, here too.
blake2b.SALT_SIZE = BLAKE2B_MAX_SALT_SIZE  # type: ignore[attr-defined]
blake2b.PERSON_SIZE = BLAKE2B_MAX_PERSON_SIZE  # type: ignore[attr-defined]
blake2b.MAX_KEY_SIZE = BLAKE2B_MAX_KEY_SIZE  # type: ignore[attr-defined]
blake2b.MAX_DIGEST_SIZE = BLAKE2B_MAX_DIGEST_SIZE  # type: ignore[attr-defined]


def _generic(name: str) -> Callable[..., Union[Hash, Xof]]:
    """A constructor for a library hash that has no function of its own here."""
    xof = name in _XOFS

    def construct(
        data: Buffer = _EMPTY,
        *,
        backend: Optional[str] = None,
        usedforsecurity: bool = True,
        string: Optional[Buffer] = None,
    ) -> Union[Hash, Xof]:
        if string is not None:
            data = _string_keyword(data, string)
        return _xof(name, data, backend) if xof else _hash(name, data, backend, usedforsecurity)

    return construct


# Every hash of the library: its hashlib-named function above, or a generic constructor.
_CONSTRUCTORS: Dict[str, Callable[..., Union[Hash, Xof]]] = {
    name: globals().get(name) or _generic(name) for name in _ALGS
}
# Constructor -> name, so that naming a hash by nacre's constructor (digestmod=nacre.hash.sha1)
# needs no throwaway state (and no usedforsecurity for the legacy ones).
CONSTRUCTOR_NAMES: Dict[Any, str] = {make: name for name, make in _CONSTRUCTORS.items()}


def name_of(algorithm: object) -> Optional[str]:
    """The hash name ``algorithm`` designates, for the modules that take a hash (hmac, kdf): a
    str; a nacre constructor; an object with a ``name`` (pyca/cryptography's hashes, hashlib
    objects); a constructor such as ``hashlib.sha256``; or a module with ``new`` (PEP 247).
    None when it designates none."""
    if isinstance(algorithm, str):
        return algorithm
    try:
        known = CONSTRUCTOR_NAMES.get(algorithm)
    except TypeError:  # unhashable
        known = None
    if known is not None:
        return known
    name = getattr(algorithm, "name", None)
    if not isinstance(name, str) and callable(algorithm):
        name = getattr(algorithm(), "name", None)
    elif not isinstance(name, str) and hasattr(algorithm, "new"):
        name = getattr(algorithm.new(), "name", None)
    return name if isinstance(name, str) else None


@overload
def new(
    name: FixedSizeName,
    data: Buffer = ...,
    *,
    backend: Optional[str] = ...,
    usedforsecurity: bool = ...,
) -> Hash: ...
@overload
def new(
    name: Blake2bName,
    data: Buffer = ...,
    *,
    digest_size: int = ...,
    key: Buffer = ...,
    salt: Buffer = ...,
    person: Buffer = ...,
    backend: Optional[str] = ...,
    usedforsecurity: bool = ...,
) -> Hash: ...
@overload
def new(
    name: XofName,
    data: Buffer = ...,
    *,
    backend: Optional[str] = ...,
    usedforsecurity: bool = ...,
) -> Xof: ...
@overload
def new(name: str, data: Buffer = ..., **kwargs: Any) -> Union[Hash, Xof]: ...


def new(name: str, data: Buffer = _EMPTY, **kwargs: Any) -> Union[Hash, Xof]:
    """A hash object by name, like :func:`hashlib.new`.

    ``name`` is hashlib's ("sha256", "sha512_256", "sha3_256", "blake2b", "shake_128", ...) or a
    common spelling ("SHA-256", "sha512-256", "sha3-256", "shake128"). Keyword arguments go to the
    constructor (``backend``; ``digest_size``, ``key``, ``salt`` and ``person`` for blake2b;
    ``usedforsecurity``, which MD5 and SHA-1 require to be False). An unknown name raises
    :class:`nacre.UnsupportedAlgorithm`, which is also a ValueError.
    """
    return _CONSTRUCTORS[canonical_name(name)](data, **kwargs)


def digest(
    name: str,
    data: Buffer,
    *,
    length: Optional[int] = None,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
) -> bytes:
    """One-shot hash of ``data``; ``length`` is required for the XOFs and refused otherwise.

    BLAKE2b here is unkeyed with a 64-byte digest; use :func:`blake2b` for other choices. MD5 and
    SHA-1 need ``usedforsecurity=False``.
    """
    name = canonical_name(name)
    if usedforsecurity and name in _LEGACY:  # inline: this is on every hash's path
        _refuse_legacy(name)
    if name in _XOFS:
        if length is None:
            raise TypeError(f"{name}: length is required")
        _require_backend(name, backend)
        return _b.xof(_ALGS[name], data, _xof_length(length), name)
    if length is not None:
        raise TypeError(f"{name}: length applies to shake_128 and shake_256 only")
    return _b.digest(
        _ALGS[name], 0 if backend is None else backend_number(backend), data, _DIGEST_SIZE[name],
        f"{name} on backend {backend!r}" if backend else name,
    )


def digest_into(
    name: str,
    data: Buffer,
    out: Buffer,
    *,
    backend: Optional[str] = None,
    usedforsecurity: bool = True,
) -> int:
    """One-shot hash of ``data`` written into the writable buffer ``out``; returns its size.

    ``out`` must be exactly the digest size; for the XOFs it is filled whatever its size. MD5 and
    SHA-1 need ``usedforsecurity=False``.
    """
    name = canonical_name(name)
    if usedforsecurity and name in _LEGACY:  # inline: this is on every hash's path
        _refuse_legacy(name)
    where = f"{name} on backend {backend!r}" if backend else name
    if name in _XOFS:
        _require_backend(name, backend)
        return _b.xof_into(_ALGS[name], data, out, where)
    return _b.digest_into(
        _ALGS[name], backend_number(backend), data, out, _DIGEST_SIZE[name], name, where
    )


_H = TypeVar("_H", "Hash", "Xof")


@overload
def file_digest(fileobj: Any, digest: Callable[[], _H], /, *, _bufsize: int = ...) -> _H: ...
@overload
def file_digest(fileobj: Any, digest: str, /, *, _bufsize: int = ...) -> Union[Hash, Xof]: ...


def file_digest(
    fileobj: Any, digest: Union[str, Callable[[], Union[Hash, Xof]]], /, *, _bufsize: int = 2**18
) -> Union[Hash, Xof]:
    """Hash the contents of a binary file object, like :func:`hashlib.file_digest` (Python 3.11):
    ``digest`` is a name for :func:`new` or a callable returning a fresh object with ``update``
    (a nacre hash, an HMAC). A file is read from its current position to its end in ``_bufsize``
    chunks (constant memory); an ``io.BytesIO`` is hashed whole and in place, as hashlib does.
    Returns the hash object."""
    h = new(digest) if isinstance(digest, str) else digest()
    if not callable(getattr(h, "update", None)):
        raise TypeError(f"digest must return an object with update(), not {type(h).__name__!r}")
    if hasattr(fileobj, "getbuffer"):  # io.BytesIO: its buffer, without a copy
        with fileobj.getbuffer() as view:
            h.update(view)
        return h
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable") and fileobj.readable()):
        raise InvalidArgument(
            f"file_digest: a {type(fileobj).__name__!r} is not a file opened for reading in "
            "binary mode"
        )
    buf = bytearray(size(_bufsize, "_bufsize") or 1)
    view = memoryview(buf)
    while True:
        n = fileobj.readinto(buf)
        if n is None:
            raise BlockingIOError("I/O operation would block")  # as hashlib says for this
        if n == 0:
            return h
        h.update(view[:n])



# hashlib's KDFs, here as there: nacre.kdf's own functions (imported last: kdf imports this
# module and uses what is defined above).
from .kdf import pbkdf2_hmac, scrypt  # noqa: E402
