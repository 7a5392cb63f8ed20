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
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, Optional, Sized, Tuple, Union

from ._args import Buffer
from ._binding.backends import backend_number, backends_implementing
from ._binding.buffers import UNINITIALISED_FROM as _UNINITIALISED_FROM
from ._binding.buffers import (
    borrows,
    fresh_bytes,
    input_arg,
    len_cell,
    optional_input,
    readable,
    writable,
)
from ._binding.status import check
from ._binding.tables import aeads as _AEADS
from ._errors import InvalidArgument, InvalidKey, InvalidTag, UnsupportedAlgorithm
from ._nacre import ffi, lib
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

_KEY_CELL = ffi.typeof("nacre_aead_key **")
_LEN_CELL = ffi.typeof("size_t *")
_NULL = ffi.NULL
_PLAIN = (bytes, type(None))  # argument types that need no view
_seal = lib.nacre_aead_seal
_open = lib.nacre_aead_open
_seal_oneshot = lib.nacre_aead_seal_oneshot
_open_oneshot = lib.nacre_aead_open_oneshot


def available_backends(algorithm: str) -> Tuple[str, ...]:
    """The backends ("boringssl", "sodium") that can run ``algorithm`` (a key of
    :data:`ALGORITHMS`, such as "aes-256-gcm") on this CPU."""
    if not isinstance(algorithm, str):
        raise TypeError(f"algorithm must be a str, not {type(algorithm).__name__!r}")
    try:
        alg = ALGORITHMS[algorithm]
    except KeyError:
        raise UnsupportedAlgorithm(f"unknown AEAD algorithm {algorithm!r}") from None
    return backends_implementing(lib.nacre_aead_is_available, alg)


class _AEAD:
    """One AEAD key, set up once in the library (a nacre_aead_key handle) and reused.

    ``_key`` is the handle, or None while a ``bytes`` key waits in ``_raw`` (see the module
    docstring); ``_raw_used`` tells whether its one one-shot use has happened.
    """

    __slots__ = (
        "_key", "_raw", "_raw_used", "_alg", "_backend", "_nonce_size", "_tag_size",
        "__weakref__",
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
    _nonce_size: int
    _tag_size: int

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
        if type(key) is bytes:
            self._setup(key, backend)  # nothing to borrow: a key per call stays cheap
        else:
            self._setup_borrowing(key, backend)

    def _setup(self, key: Buffer, backend: Optional[str]) -> None:
        key_buf = key if type(key) is bytes else readable(key, "key")
        alg = self._ALG_BY_KEY_SIZE.get(len(key_buf))
        if alg is None:
            sizes = " or ".join(str(n) for n in sorted(self._ALG_BY_KEY_SIZE))
            raise InvalidKey(
                f"{type(self).__name__} key must be {sizes} bytes, got {len(key_buf)}"
            )
        self._alg = alg
        self._backend = backend
        self._nonce_size = _NONCE_SIZE[alg]
        self._tag_size = _TAG_SIZE[alg]
        self._raw_used = False
        if type(key) is bytes and backend is None:  # key_buf is key
            self._key = None
            self._raw = key
        else:
            self._raw = None
            self._key = self._new_handle(key_buf)

    _setup_borrowing = borrows(_setup)

    def _new_handle(self, key_buf: Union[bytes, CData]) -> CData:
        cell = ffi.new(_KEY_CELL)
        rc = lib.nacre_aead_key_new(
            cell, self._alg, backend_number(self._backend), key_buf, len(key_buf)
        )
        if rc:
            check(rc, self._what)
        return ffi.gc(cell[0], lib.nacre_aead_key_free)

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
        key = self._new_handle(raw)
        self._key = key  # before _raw is dropped: a thread seeing _raw None finds _key set
        self._raw = None
        return key

    def _lazy(self, oneshot: Callable[..., int], combined: Callable[..., int], *args: Any) -> int:
        """A combined seal/open for a key still waiting as bytes: the one-shot call the first
        time, the handle (built now) after that."""
        raw = self._raw
        if raw is not None and not self._raw_used:
            self._raw_used = True
            return oneshot(self._alg, 0, raw, len(raw), *args)
        return combined(self._handle(), *args)

    @property
    def _what(self) -> str:
        name = _NAMES[self._alg]
        return f"{name} on backend {self._backend!r}" if self._backend else name

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
        return self._nonce_size

    @property
    def tag_size(self) -> int:
        """The tag size in bytes: how much longer a ciphertext is than its plaintext."""
        return self._tag_size

    # --- combined: ciphertext || tag -----------------------------------------------------------
    #
    # The per-call paths are written out flat: a call costs about as much Python as C here, so
    # bytes go to C as they are, outputs are new bytes objects the C function fills (or zeroes on
    # failure; nacre._buffers.fresh_bytes), and the out_len cell is a per-thread one.

    def _bad_nonce(self, nonce: Sized) -> InvalidArgument:
        return InvalidArgument(
            f"{type(self).__name__}: nonce must be {self._nonce_size} bytes, got {len(nonce)}"
        )

    def _short(self, what: str = "data") -> InvalidTag:
        if what == "box":
            return InvalidTag(f"{self._what} open: the box is shorter than a nonce and a tag")
        return InvalidTag(f"{self._what} decrypt: {what} is shorter than a tag")

    def _bad_output(self, n: int, out: Sized) -> InvalidArgument:
        return InvalidArgument(
            f"{type(self).__name__}: output buffer must be {n} bytes, got {len(out)}"
        )

    def encrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        """Encrypt and authenticate ``data`` and ``associated_data`` (None: none) under
        ``nonce``; return ciphertext followed by the tag (``len(data) + tag_size`` bytes)."""
        if type(nonce) is bytes and type(data) is bytes and type(associated_data) in _PLAIN:
            return self._encrypt(nonce, data, associated_data)  # nothing to borrow
        return self._encrypt_borrowing(nonce, data, associated_data)

    def _encrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        nonce_buf = nonce if type(nonce) is bytes else readable(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = data if type(data) is bytes else readable(data, "data")
        ad: Union[bytes, CData]
        if associated_data is None:
            ad, ad_len = _NULL, 0
        else:
            ad = input_arg(associated_data, "associated_data")
            ad_len = len(ad)
        n = len(src) + self._tag_size
        out = bytes(n) if n < _UNINITIALISED_FROM else fresh_bytes(n)  # fresh_bytes, inlined
        key = self._key
        if key is not None:
            rc = _seal(
                key, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
            )
        else:
            rc = self._lazy(
                _seal_oneshot, _seal, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src),
                ad, ad_len,
            )
        if rc:
            check(rc, f"{self._what} encrypt")
        return out

    _encrypt_borrowing = borrows(_encrypt)

    def decrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        """Check and decrypt ciphertext-and-tag ``data``; return the plaintext.

        Raises :class:`nacre.InvalidTag` when the key, nonce, ciphertext, tag or associated
        data differ from what was encrypted (or ``data`` is shorter than a tag).
        """
        if type(nonce) is bytes and type(data) is bytes and type(associated_data) in _PLAIN:
            return self._decrypt(nonce, data, associated_data)  # nothing to borrow
        return self._decrypt_borrowing(nonce, data, associated_data)

    def _decrypt(self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        nonce_buf = nonce if type(nonce) is bytes else readable(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = data if type(data) is bytes else readable(data, "data")
        ad: Union[bytes, CData]
        if associated_data is None:
            ad, ad_len = _NULL, 0
        else:
            ad = input_arg(associated_data, "associated_data")
            ad_len = len(ad)
        n = len(src) - self._tag_size
        if n < 0:
            raise self._short()
        out = bytes(n) if n < _UNINITIALISED_FROM else fresh_bytes(n)  # fresh_bytes, inlined
        key = self._key
        if key is not None:
            rc = _open(
                key, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
            )
        else:
            rc = self._lazy(
                _open_oneshot, _open, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src),
                ad, ad_len,
            )
        if rc:
            check(rc, f"{self._what} decrypt", mismatch=InvalidTag)
        return out

    _decrypt_borrowing = borrows(_decrypt)

    @borrows
    def encrypt_into(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer], out: Buffer
    ) -> int:
        """Like :meth:`encrypt`, writing into the writable buffer ``out``, which must be exactly
        ``len(data) + tag_size`` bytes (ValueError otherwise); returns that size.

        ``data`` may be the start of ``out`` itself (in-place encryption); any other overlap is
        a ValueError.
        """
        nonce_buf = input_arg(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = input_arg(data, "data")
        ad, ad_len = optional_input(associated_data, "associated_data")
        dst = writable(out, "out")
        n = len(src) + self._tag_size
        if len(dst) != n:
            raise self._bad_output(n, dst)
        rc = _seal(
            self._handle(), dst, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
        )
        if rc:
            check(rc, f"{self._what} encrypt")
        return n

    @borrows
    def decrypt_into(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer], out: Buffer
    ) -> int:
        """Like :meth:`decrypt`, writing into the writable buffer ``out``, which must be exactly
        ``len(data) - tag_size`` bytes (ValueError otherwise); returns that size. On failure
        ``out`` is zeroed. ``data`` may start where ``out`` starts (in-place decryption)."""
        nonce_buf = input_arg(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = input_arg(data, "data")
        ad, ad_len = optional_input(associated_data, "associated_data")
        dst = writable(out, "out")
        n = len(src) - self._tag_size
        if n < 0:
            raise self._short()
        if len(dst) != n:
            raise self._bad_output(n, dst)
        rc = _open(
            self._handle(), dst, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
        )
        if rc:
            check(rc, f"{self._what} decrypt", mismatch=InvalidTag)
        return n

    # --- detached: ciphertext and tag apart ----------------------------------------------------

    @borrows
    def encrypt_detached(
        self, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]
    ) -> Tuple[bytes, bytes]:
        """Like :meth:`encrypt`, returning ``(ciphertext, tag)`` separately."""
        nonce_buf = input_arg(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = input_arg(data, "data")
        ad, ad_len = optional_input(associated_data, "associated_data")
        n, t = len(src), self._tag_size
        out = fresh_bytes(n)
        tag = fresh_bytes(t)
        rc = lib.nacre_aead_seal_detached(
            self._handle(), out, n, len_cell(), tag, t, ffi.new(_LEN_CELL),
            nonce_buf, len(nonce_buf), src, n, ad, ad_len,
        )
        if rc:
            check(rc, f"{self._what} encrypt")
        return out, tag

    @borrows
    def decrypt_detached(
        self, nonce: Buffer, data: Buffer, tag: Buffer, associated_data: Optional[Buffer]
    ) -> bytes:
        """Check ``tag`` over ciphertext ``data`` and decrypt it; :class:`nacre.InvalidTag` when
        anything differs (a tag of the wrong length included)."""
        nonce_buf = input_arg(nonce, "nonce")
        if len(nonce_buf) != self._nonce_size:
            raise self._bad_nonce(nonce_buf)
        src = input_arg(data, "data")
        tag_buf = input_arg(tag, "tag")
        ad, ad_len = optional_input(associated_data, "associated_data")
        n = len(src)
        out = fresh_bytes(n)
        rc = lib.nacre_aead_open_detached(
            self._handle(), out, n, len_cell(), nonce_buf, len(nonce_buf),
            src, n, tag_buf, len(tag_buf), ad, ad_len,
        )
        if rc:
            check(rc, f"{self._what} decrypt", mismatch=InvalidTag)
        return out

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
        return self._nonce_size + self._tag_size

    def seal(self, data: Buffer, associated_data: Optional[Buffer] = None) -> bytes:
        """Encrypt ``data`` under a fresh random nonce; return nonce ‖ ciphertext ‖ tag."""
        if type(data) is bytes and type(associated_data) in _PLAIN:
            return self._seal(data, associated_data)  # nothing to borrow
        return self._seal_borrowing(data, associated_data)

    def _seal(self, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
        src = data if type(data) is bytes else readable(data, "data")
        ad, ad_len = optional_input(associated_data, "associated_data")
        n = self._nonce_size + len(src) + self._tag_size
        out = fresh_bytes(n)
        rc = lib.nacre_aead_seal_with_random_nonce(
            self._handle(), out, n, len_cell(), src, len(src), ad, ad_len
        )
        if rc:
            check(rc, f"{self._what} seal")
        return out

    _seal_borrowing = borrows(_seal)

    def open(self, box: Buffer, associated_data: Optional[Buffer] = None) -> bytes:
        """Check and decrypt what :meth:`seal` produced; :class:`nacre.InvalidTag` otherwise."""
        if type(box) is bytes and type(associated_data) in _PLAIN:
            return self._open(box, associated_data)  # nothing to borrow
        return self._open_borrowing(box, associated_data)

    def _open(self, box: Buffer, associated_data: Optional[Buffer]) -> bytes:
        src = box if type(box) is bytes else readable(box, "box")
        ad, ad_len = optional_input(associated_data, "associated_data")
        n = len(src) - self._nonce_size - self._tag_size
        if n < 0:
            raise self._short("box")
        out = fresh_bytes(n)
        rc = lib.nacre_aead_open_with_nonce_prefix(
            self._handle(), out, n, len_cell(), src, len(src), ad, ad_len
        )
        if rc:
            check(rc, f"{self._what} open", mismatch=InvalidTag)
        return out

    _open_borrowing = borrows(_open)


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
