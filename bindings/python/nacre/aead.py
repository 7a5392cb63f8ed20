"""Authenticated encryption with associated data, shaped like pyca/cryptography's
``cryptography.hazmat.primitives.ciphers.aead``.

>>> from nacre.aead import ChaCha20Poly1305
>>> key = ChaCha20Poly1305.generate_key()
>>> cipher = ChaCha20Poly1305(key)
>>> nonce = bytes(12)  # a counter: never twice under one key
>>> ct = cipher.encrypt(nonce, b"secret", b"header")
>>> cipher.decrypt(nonce, ct, b"header")
b'secret'

A key object expands its key once (into locked memory inside the library) and may then encrypt
and decrypt any number of messages; it is immutable and may be shared by many threads. Key objects
are cheap to build for a single message (``AESGCM(key).encrypt(...)``): given a ``bytes`` key and
no ``backend``, the constructor only checks the key's size and keeps a reference to that ``bytes``
object (no copy). The first call then runs the library's one-shot function, which expands the key
for that call only and wipes it; the second call expands it into the library for good and drops
the reference. Other key buffers (``bytearray``, ``memoryview``), or a ``backend``, are expanded
at once, so later changes to the buffer do not change the key. ``encrypt`` returns ciphertext
followed by the tag; ``decrypt`` raises :class:`nacre.InvalidTag` when anything was altered and
releases no plaintext then.

Nonces: a (key, nonce) pair must never encrypt two messages. AES-GCM and ChaCha20-Poly1305 have
96-bit nonces: use a counter, not random values. :class:`AESGCMSIV`, :class:`XChaCha20Poly1305`
and :class:`AEGIS256` also offer ``seal(data)`` / ``open(box)``, which choose a random nonce for
you and put it in front of the ciphertext (their nonces are long enough, or the mode resists
nonce reuse); the other classes do not have these methods.

Each class covers the library's algorithms of its family (``KEY_SIZES``: the key sizes it takes,
read from the library's table, as are its nonce and tag sizes). Differences from
pyca/cryptography: nonces have exactly the size of the algorithm (AESGCM takes 96-bit nonces
only, AESGCMSIV 96-bit); AEGIS tags are 32 bytes (libsodium's). Every size error is a ValueError
(also a :class:`nacre.Error`), every type error a TypeError.

Backends: :func:`available_backends` tells which run an algorithm here (libsodium's AES-256-GCM
needs AES-NI). The keyword ``backend="boringssl"`` or ``"sodium"`` picks one; ``"automatic"``
(or None, the default) lets the library pick the faster.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Dict, Optional, Tuple, Union

from ._args import Buffer
from ._binding import aead as _b
from ._binding.aead import decrypt as _decrypt
from ._binding.aead import encrypt as _encrypt
from ._binding.tables import aeads as _AEADS
from ._errors import InvalidArgument, InvalidKey, InvalidTag, UnsupportedAlgorithm
from ._random import random_bytes

if TYPE_CHECKING:
    from ._args import CData

__all__ = [
    "AESGCM",
    "AESGCMSIV",
    "ChaCha20Poly1305",
    "XChaCha20Poly1305",
    "AEGIS128L",
    "AEGIS256",
    "ALGORITHMS",
    "available_backends",
]

#: Algorithm names (the library's, as in tests/vectors/aead.txt) -> nacre_aead_alg numbers.
ALGORITHMS: Dict[str, int] = {a.name: a.number for a in _AEADS}
_NAMES: Dict[int, str] = {a.number: a.name for a in _AEADS}
_NONCE_SIZE: Dict[int, int] = {a.number: a.nonce_size for a in _AEADS}
_TAG_SIZE: Dict[int, int] = {a.number: a.tag_size for a in _AEADS}
_KEY_SIZE: Dict[int, int] = {a.number: a.key_size for a in _AEADS}
#: The binding's (alg, nonce_size, tag_size, what) of a key on the automatic backend.
_SPECS: Dict[int, _b.Spec] = {
    a.number: (a.number, a.nonce_size, a.tag_size, a.name) for a in _AEADS
}


def available_backends(algorithm: str) -> Tuple[str, ...]:
    """The backends ("boringssl", "sodium") that can run ``algorithm`` (a key of
    :data:`ALGORITHMS`, such as "aes-256-gcm") on this CPU."""
    if not isinstance(algorithm, str):
        raise TypeError(f"algorithm must be a str, not {type(algorithm).__name__!r}")
    try:
        alg = ALGORITHMS[algorithm]
    except KeyError:
        raise UnsupportedAlgorithm(f"unknown AEAD algorithm {algorithm!r}") from None
    return _b.available_backends(alg)


class _AEAD:
    """One AEAD key, set up once in the library (a nacre_aead_key handle) and reused.

    ``_key`` is the handle, or None while a ``bytes`` key waits in ``_raw`` (see the module
    docstring); ``_raw_used`` tells whether its one one-shot use has happened. ``_spec`` is what
    the binding needs of the key: (alg, nonce size, tag size, name for messages).
    """

    __slots__ = (
        "_key", "_raw", "_raw_used", "_alg", "_backend", "_spec", "__weakref__",
    )

    # The library's algorithms a subclass covers: those whose names match _FAMILY (a regular
    # expression). Key size in bytes -> algorithm, KEY_SIZES, NONCE_SIZE and TAG_SIZE (of the
    # largest-key variant) follow from the library's table, not written out per class.
    _FAMILY: ClassVar[str] = ""
    _ALG_BY_KEY_SIZE: ClassVar[Dict[int, int]] = {}
    KEY_SIZES: ClassVar[Tuple[int, ...]]
    NONCE_SIZE: ClassVar[int]
    TAG_SIZE: ClassVar[int]

    _key: Optional[CData]
    _raw: Optional[bytes]
    _raw_used: bool
    _alg: int
    _backend: Optional[str]
    _spec: _b.Spec

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls._FAMILY:
            members = [a for a in _AEADS if re.fullmatch(cls._FAMILY, a.name)]
            if not members:
                raise RuntimeError(f"the library has no AEAD of the {cls.__name__} family")
            cls._ALG_BY_KEY_SIZE = {a.key_size: a.number for a in members}
            cls.KEY_SIZES = tuple(sorted(cls._ALG_BY_KEY_SIZE))
            alg = cls._ALG_BY_KEY_SIZE[max(cls._ALG_BY_KEY_SIZE)]
            cls.NONCE_SIZE = _NONCE_SIZE[alg]
            cls.TAG_SIZE = _TAG_SIZE[alg]

    def __init__(self, key: Buffer, *, backend: Optional[str] = None) -> None:
        self._backend = backend
        self._raw_used = False
        if type(key) is bytes:  # nothing to borrow: a key per call stays cheap
            alg, what = self._choose(len(key))
            if backend is None:
                self._key = None
                self._raw = key
            else:
                self._raw = None
                self._key = _b.new_key(alg, backend, key, what)
        else:
            self._raw = None
            self._key = _b.new_key_from(key, backend, self._choose)

    def _choose(self, key_size: int) -> Tuple[int, str]:
        """Set up for a key of ``key_size`` bytes (InvalidKey for a size the class does not
        take); return its algorithm and its name for messages."""
        alg = self._ALG_BY_KEY_SIZE.get(key_size)
        if alg is None:
            sizes = " or ".join(str(n) for n in sorted(self._ALG_BY_KEY_SIZE))
            raise InvalidKey(f"{type(self).__name__} key must be {sizes} bytes, got {key_size}")
        self._alg = alg
        backend = self._backend
        if backend:
            what = f"{_NAMES[alg]} on backend {backend!r}"
            self._spec = (alg, _NONCE_SIZE[alg], _TAG_SIZE[alg], what)
        else:
            self._spec = _SPECS[alg]
            what = _NAMES[alg]
        return alg, what

    def _handle(self) -> CData:
        """The key handle, built now if the key was still waiting as bytes."""
        key = self._key
        if key is not None:
            return key
        raw = self._raw
        if raw is None:  # another thread has just built it
            key = self._key
            assert key is not None  # set before _raw is dropped (below)
            return key
        key = _b.new_key(self._alg, self._backend, raw, self._what)
        self._key = key  # before _raw is dropped: a thread seeing _raw None finds _key set
        self._raw = None
        return key

    def _lazy(self) -> Union[bytes, CData]:
        """For a key still waiting as bytes: those bytes, for a one-shot call, the first time;
        the handle (built now) after that."""
        raw = self._raw
        if raw is not None and not self._raw_used:
            self._raw_used = True
            return raw
        return self._handle()

    @property
    def _what(self) -> str:
        return self._spec[3]

    # --- sizes ---------------------------------------------------------------------------------

    @property
    def algorithm(self) -> str:
        """The algorithm's name ("aes-256-gcm", "xchacha20-poly1305", ...)."""
        return _NAMES[self._alg]

    @property
    def key_size(self) -> int:
        """The key size in bytes."""
        return _KEY_SIZE[self._alg]

    @property
    def nonce_size(self) -> int:
        """The nonce size in bytes (exactly this many are accepted)."""
        return self._spec[1]

    @property
    def tag_size(self) -> int:
        """The tag size in bytes: how much longer a ciphertext is than its plaintext."""
        return self._spec[2]

    # --- the binding's errors (it learns the sizes of non-bytes buffers) -----------------------

    def _bad_nonce(self, size: int) -> InvalidArgument:
        return InvalidArgument(
            f"{type(self).__name__}: nonce must be {self._spec[1]} bytes, got {size}"
        )

    def _short(self, what: str = "data") -> InvalidTag:
        if what == "box":
            return InvalidTag(f"{self._what} open: the box is shorter than a nonce and a tag")
        return InvalidTag(f"{self._what} decrypt: {what} is shorter than a tag")

    def _bad_output(self, n: int, size: int) -> InvalidArgument:
        return InvalidArgument(
            f"{type(self).__name__}: output buffer must be {n} bytes, got {size}"
        )

    # --- combined: ciphertext || tag -----------------------------------------------------------

    def encrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        """Encrypt and authenticate ``data`` and ``associated_data`` (None: none) under
        ``nonce``; return ciphertext followed by the tag (``len(data) + tag_size`` bytes)."""
        return _encrypt(self, self._key, self._spec, nonce, data, associated_data)

    def decrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        """Check and decrypt ciphertext-and-tag ``data``; return the plaintext.

        Raises :class:`nacre.InvalidTag` when the key, nonce, ciphertext, tag or associated
        data differ from what was encrypted (or ``data`` is shorter than a tag).
        """
        return _decrypt(self, self._key, self._spec, nonce, data, associated_data)

    def encrypt_into(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer], out: Buffer
    ) -> int:
        """Like :meth:`encrypt`, writing into the writable buffer ``out``, which must be exactly
        ``len(data) + tag_size`` bytes (ValueError otherwise); returns that size.

        ``data`` may be the start of ``out`` itself (in-place encryption); any other overlap is
        a ValueError.
        """
        return _b.encrypt_into(self, self._spec, nonce, data, associated_data, out)

    def decrypt_into(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer], out: Buffer
    ) -> int:
        """Like :meth:`decrypt`, writing into the writable buffer ``out``, which must be exactly
        ``len(data) - tag_size`` bytes (ValueError otherwise); returns that size. On failure
        ``out`` is zeroed. ``data`` may start where ``out`` starts (in-place decryption)."""
        return _b.decrypt_into(self, self._spec, nonce, data, associated_data, out)

    # --- detached: ciphertext and tag apart ----------------------------------------------------

    def encrypt_detached(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]
    ) -> Tuple[bytes, bytes]:
        """Like :meth:`encrypt`, returning ``(ciphertext, tag)`` separately."""
        return _b.encrypt_detached(self, self._spec, nonce, data, associated_data)

    def decrypt_detached(
        self, nonce: Buffer, data: Buffer, tag: Buffer, associated_data: Optional[Buffer]
    ) -> bytes:
        """Check ``tag`` over ciphertext ``data`` and decrypt it; :class:`nacre.InvalidTag` when
        anything differs (a tag of the wrong length included)."""
        return _b.decrypt_detached(self, self._spec, nonce, data, tag, associated_data)

    # --- the rest ------------------------------------------------------------------------------

    @classmethod
    def _random_key(cls) -> bytes:
        return random_bytes(max(cls._ALG_BY_KEY_SIZE))

    @classmethod
    def _random_key_bits(cls, bit_length: int) -> bytes:
        sizes = sorted(cls._ALG_BY_KEY_SIZE)
        if isinstance(bit_length, bool) or not isinstance(bit_length, int):
            raise TypeError("bit_length must be an integer")
        if bit_length % 8 or bit_length // 8 not in sizes:
            raise InvalidArgument(
                "bit_length must be " + " or ".join(str(8 * n) for n in sizes)
            )
        return random_bytes(bit_length // 8)

    def __repr__(self) -> str:
        # Never the key: the object holds only a handle to it.
        return f"<nacre.aead.{type(self).__name__} ({_NAMES[self._alg]}) object at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError(f"cannot pickle {type(self).__name__} objects: they hold a secret key")


class _RandomNonce(_AEAD):
    """AEADs for which a random nonce is safe: nonce ‖ ciphertext ‖ tag boxes."""

    __slots__ = ()

    @property
    def overhead(self) -> int:
        """How much longer a box from :meth:`seal` is than its plaintext (nonce and tag)."""
        return self._spec[1] + self._spec[2]

    def seal(self, data: Buffer, associated_data: Optional[Buffer] = None) -> bytes:
        """Encrypt ``data`` under a fresh random nonce; return nonce ‖ ciphertext ‖ tag."""
        return _b.seal_box(self, self._spec, data, associated_data)

    def open(self, box: Buffer, associated_data: Optional[Buffer] = None) -> bytes:
        """Check and decrypt what :meth:`seal` produced; :class:`nacre.InvalidTag` otherwise."""
        return _b.open_box(self, self._spec, box, associated_data)


class AESGCM(_AEAD):
    """AES-GCM (NIST SP 800-38D): a key of any of ``KEY_SIZES`` (AES-128, AES-192, AES-256 where
    the library has them), 12-byte nonces and 16-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"aes-\d+-gcm"

    @classmethod
    def generate_key(cls, bit_length: int) -> bytes:
        """A random key of ``bit_length`` bits: 8 times one of ``KEY_SIZES``."""
        return cls._random_key_bits(bit_length)


class AESGCMSIV(_RandomNonce):
    """AES-GCM-SIV (RFC 8452), nonce-misuse resistant: a repeated nonce reveals only that the
    same message was sent again. Keys of ``KEY_SIZES``, 12-byte nonces, 16-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"aes-\d+-gcm-siv"

    @classmethod
    def generate_key(cls, bit_length: int) -> bytes:
        """A random key of ``bit_length`` bits: 8 times one of ``KEY_SIZES``."""
        return cls._random_key_bits(bit_length)


class ChaCha20Poly1305(_AEAD):
    """ChaCha20-Poly1305 (RFC 8439): 32-byte keys, 12-byte nonces, 16-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"chacha20-poly1305"

    @classmethod
    def generate_key(cls) -> bytes:
        """A random 32-byte key."""
        return cls._random_key()


class XChaCha20Poly1305(_RandomNonce):
    """XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha): 32-byte keys, 24-byte nonces (random ones
    are safe), 16-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"xchacha20-poly1305"

    @classmethod
    def generate_key(cls) -> bytes:
        """A random 32-byte key."""
        return cls._random_key()


class AEGIS128L(_AEAD):
    """AEGIS-128L (draft-irtf-cfrg-aegis-aead): 16-byte keys, 16-byte nonces, 32-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"aegis-128l"

    @classmethod
    def generate_key(cls) -> bytes:
        """A random 16-byte key."""
        return cls._random_key()


class AEGIS256(_RandomNonce):
    """AEGIS-256 (draft-irtf-cfrg-aegis-aead): 32-byte keys, 32-byte nonces (random ones are
    safe), 32-byte tags."""

    __slots__ = ()
    _FAMILY: ClassVar[str] = r"aegis-256"

    @classmethod
    def generate_key(cls) -> bytes:
        """A random 32-byte key."""
        return cls._random_key()
