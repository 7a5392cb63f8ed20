"""Public-key cryptography: key classes shaped like pyca/cryptography's, with their operations.

>>> from nacre.keys import Ed25519PrivateKey, load_public_key
>>> key = Ed25519PrivateKey.generate()
>>> signature = key.sign(b"message")
>>> public = load_public_key(key.public_key().to_spki_pem())
>>> public.verify(signature, b"message")  # None, or nacre.InvalidSignature

Key types and what they do:

- ``X25519PrivateKey`` / ``X25519PublicKey``: key agreement (``exchange``), and the keys of
  :mod:`nacre.box` and :mod:`nacre.hpke`.
- ``Ed25519PrivateKey`` / ``Ed25519PublicKey``: signatures (RFC 8032, pure Ed25519).
- ``ECPrivateKey`` / ``ECPublicKey``: ECDSA and ECDH on P-256 (with SHA-256) and P-384 (with
  SHA-384); curves are named "p256" and "p384".
- ``RSAPrivateKey`` / ``RSAPublicKey``: RSA-PSS signatures (SHA-256, 32-byte salt), PKCS#1 v1.5
  verification, RSA-OAEP encryption (SHA-256).
- ``MLKEM768PrivateKey`` / ``MLKEM768PublicKey`` and ``XWingPrivateKey`` / ``XWingPublicKey``:
  key encapsulation (ML-KEM-768, FIPS 203; X-Wing, X25519 + ML-KEM-768; see :mod:`nacre.kem`).

Objects are made by ``generate()``, by the ``from_*`` class methods, by a private key's
``public_key()``, or by :func:`load_private_key` / :func:`load_public_key`, which read PKCS#8 or
SubjectPublicKeyInfo in DER or PEM and return the right class. A key lives in the library (in
locked memory for private parts) behind a handle; the object is immutable and may be shared by
threads. Secret bytes leave it only through the explicit export methods (``to_raw``,
``to_pkcs8_der``, ``to_pkcs8_pem``, ``to_expanded``); ``repr`` never shows key material and
private keys cannot be pickled.

Encodings: raw forms where one exists (X25519 and Ed25519: 32 bytes; EC: the big-endian scalar
and the uncompressed SEC1 point; ML-KEM-768: the 64-byte seed d||z and the 1184-byte
encapsulation key, plus the 2400-byte expanded decapsulation key; X-Wing: the 32-byte seed and
the 1216-byte public key); PKCS#8 and SubjectPublicKeyInfo (DER or PEM, unencrypted) for X25519,
Ed25519, EC and RSA; SEC1 points (compressed or not) for EC public keys. PEM output is ``bytes``.

Keys compare equal when they hold the same key (compared in constant time inside the library);
a private key never equals a public key. Public keys are hashable, private keys are not.

Errors: malformed or wrong-size key material is :class:`nacre.InvalidKey` (a ValueError); a
well-formed key of a type or curve nacre does not offer is :class:`nacre.UnsupportedAlgorithm`
(a ValueError); a signature that does not verify is :class:`nacre.InvalidSignature`; a failed
decryption is :class:`nacre.InvalidTag`; passing a key of the wrong class is a TypeError.

Backends: Ed25519 signatures and X25519 agreement run on both ("boringssl", "sodium"; the
keyword ``backend=`` picks one, None the faster); ECDSA, ECDH and RSA on BoringSSL.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from ._args import Buffer, size
from ._binding.backends import backend_number
from ._binding.buffers import borrows, input_arg, readable, to_bytes
from ._binding.status import check
from ._binding.tables import names
from ._errors import (
    InvalidArgument,
    InvalidKey,
    InvalidSignature,
    InvalidTag,
    UnsupportedAlgorithm,
    VerificationFailed,
)
from ._nacre import ffi, lib
from ._typing import Named

if TYPE_CHECKING:
    from typing_extensions import Self  # typing.Self is 3.11+; not needed at run time

    from ._args import CData

__all__ = [
    "PrivateKey",
    "PublicKey",
    "X25519PrivateKey",
    "X25519PublicKey",
    "Ed25519PrivateKey",
    "Ed25519PublicKey",
    "ECPrivateKey",
    "ECPublicKey",
    "RSAPrivateKey",
    "RSAPublicKey",
    "MLKEM768PrivateKey",
    "MLKEM768PublicKey",
    "XWingPrivateKey",
    "XWingPublicKey",
    "load_private_key",
    "load_public_key",
    "CURVES",
]

_K = TypeVar("_K", bound="_Key")
_PrivK = TypeVar("_PrivK", bound="PrivateKey")
_PubK = TypeVar("_PubK", bound="PublicKey")

#: A curve: its name ("p256", "P-256", "secp256r1", ...) or an object with such a ``name``
#: (pyca/cryptography's ``ec.SECP256R1()``).
Curve = Union[str, Named]

_NULL = ffi.NULL
_KEY_CELL = ffi.typeof("nacre_key **")
_SIZE_CELL = ffi.typeof("size_t *")
_INT_CELL = ffi.typeof("int *")
_OK = lib.NACRE_OK
_TOO_SMALL = lib.NACRE_ERR_BUFFER_TOO_SMALL
_MISMATCH = lib.NACRE_ERR_VERIFICATION_FAILED

_X25519 = lib.NACRE_KEY_X25519
_ED25519 = lib.NACRE_KEY_ED25519
_P256 = lib.NACRE_KEY_P256
_P384 = lib.NACRE_KEY_P384
_RSA = lib.NACRE_KEY_RSA
_MLKEM768 = lib.NACRE_KEY_MLKEM768
_XWING = lib.NACRE_KEY_XWING

_RAW_PRIVATE = lib.NACRE_KEY_FORMAT_RAW_PRIVATE
_RAW_PUBLIC = lib.NACRE_KEY_FORMAT_RAW_PUBLIC
_PKCS8_DER = lib.NACRE_KEY_FORMAT_PKCS8_DER
_PKCS8_PEM = lib.NACRE_KEY_FORMAT_PKCS8_PEM
_SPKI_DER = lib.NACRE_KEY_FORMAT_SPKI_DER
_SPKI_PEM = lib.NACRE_KEY_FORMAT_SPKI_PEM
_SEC1 = lib.NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED
_SEC1_COMPRESSED = lib.NACRE_KEY_FORMAT_SEC1_COMPRESSED
_MLKEM_EXPANDED = lib.NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE

_PRIVATE_FORMATS = frozenset({_RAW_PRIVATE, _PKCS8_DER, _PKCS8_PEM, _MLKEM_EXPANDED})

#: Curve names -> nacre key types. Aliases: "P-256", "secp256r1", "prime256v1", "P-384",
#: "secp384r1", and pyca/cryptography curve objects (by their ``name``).
CURVES: Dict[str, int] = {"p256": _P256, "p384": _P384}
_CURVE_ALIASES: Dict[str, str] = {
    "p256": "p256", "p-256": "p256", "secp256r1": "p256", "prime256v1": "p256",
    "p384": "p384", "p-384": "p384", "secp384r1": "p384",
}
_CURVE_NAME: Dict[int, str] = {t: name for name, t in CURVES.items()}

# Signature algorithms: (key type, encoding or padding) -> nacre_sig_alg.
_ECDSA: Dict[Tuple[int, str], int] = {
    (_P256, "der"): lib.NACRE_SIG_ECDSA_P256_SHA256,
    (_P256, "p1363"): lib.NACRE_SIG_ECDSA_P256_SHA256_P1363,
    (_P384, "der"): lib.NACRE_SIG_ECDSA_P384_SHA384,
    (_P384, "p1363"): lib.NACRE_SIG_ECDSA_P384_SHA384_P1363,
}
_RSA_PADDING: Dict[str, int] = {
    "pss": lib.NACRE_SIG_RSA_PSS_SHA256,
    "pkcs1v15": lib.NACRE_SIG_RSA_PKCS1_SHA256,
}


# --- calls ---------------------------------------------------------------------------------------


def _output(
    call: Callable[[CData, int, CData], int],
    what: str,
    capacity: Optional[int] = None,
    *,
    mismatch: Type[VerificationFailed] = VerificationFailed,
    secret: bool = False,
) -> bytes:
    """Run ``call(out, out_cap, out_len)`` (a C function's output triple) and return the output.

    Without ``capacity`` the size is asked first (out NULL, cap 0: the C convention's size
    query). With ``secret``, the C buffer is wiped once its bytes are copied out.
    """
    cell = ffi.new(_SIZE_CELL)
    if capacity is None:
        rc = call(_NULL, 0, cell)
        if rc == _OK:
            return b""
        if rc != _TOO_SMALL:
            check(rc, what, mismatch=mismatch)
        capacity = cell[0]
    out = ffi.new("uint8_t[]", capacity)
    rc = call(out, capacity, cell)
    if rc:
        check(rc, what, mismatch=mismatch)
    result = to_bytes(out, cell[0])
    if secret:
        ffi.memmove(out, bytes(capacity), capacity)
    return result


def _info(handle: CData) -> Tuple[int, bool, int]:
    """(nacre_key_type, has a private part, size in bits) of a key handle."""
    key_type, has_private, bits = ffi.new(_INT_CELL), ffi.new(_INT_CELL), ffi.new(_SIZE_CELL)
    check(lib.nacre_key_info(handle, key_type, has_private, bits), "nacre_key_info")
    return key_type[0], bool(has_private[0]), bits[0]


def _curve_type(curve: Curve) -> int:
    """The nacre key type of a curve name ("p256", "p384", aliases, pyca curve objects)."""
    name = curve if isinstance(curve, str) else getattr(curve, "name", None)
    if not isinstance(name, str):
        raise TypeError(f"curve must be a name such as 'p256', not {curve!r}")
    canonical = _CURVE_ALIASES.get(name.lower().replace("_", "-"))
    if canonical is None:
        raise UnsupportedAlgorithm(
            f"unsupported curve {name!r}; use one of {', '.join(CURVES)}"
        )
    return CURVES[canonical]


def _view(data: Union[Buffer, CData]) -> Union[bytes, CData]:
    """:func:`input_arg` of ``data``, or ``data`` itself when a caller already made that view
    (to look at the data before the call)."""
    return data if isinstance(data, ffi.CData) else input_arg(data, "data")


def _is_pem(buf: CData) -> bool:
    """Whether an encoding is PEM text (its first non-blank bytes are "-----") rather than DER."""
    data = to_bytes(buf, min(len(buf), 4096))
    return data.lstrip(b" \t\r\n").startswith(b"-----")


# --- the shape every key shares ------------------------------------------------------------------


class _Key:
    """A key handle (nacre_key) of one type. Made by the class methods, never by ``__init__``."""

    __slots__ = ("_key", "_type", "_bits", "__weakref__")

    #: The nacre key types this class holds (two for EC: one per curve).
    _TYPES: ClassVar[Tuple[int, ...]] = ()
    _HAS_PRIVATE: ClassVar[bool] = False
    _key: CData
    _type: int
    _bits: int

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(
            f"{type(self).__name__} objects are made by generate(), the from_* class methods "
            "or nacre.keys.load_private_key/load_public_key"
        )

    @classmethod
    def _wrap(cls: Type[_K], handle: CData, what: str) -> _K:
        """An object of ``cls`` (or of the right concrete class when ``cls`` is PrivateKey or
        PublicKey) around a fresh handle; InvalidKey when the handle holds another kind of key."""
        key_type, has_private, bits = _info(handle)
        target = _CLASS_BY_TYPE.get((key_type, has_private))
        if target is None or not issubclass(target, cls):
            got = target.__name__ if target is not None else f"key type {key_type}"
            raise InvalidKey(f"{what}: the data holds a {got}, not a {cls.__name__}")
        obj = object.__new__(target)
        obj._key = handle
        obj._type = key_type
        obj._bits = bits
        return obj

    @classmethod
    @borrows
    def _import(
        cls: Type[_K],
        fmt: int,
        data: Union[Buffer, CData],
        what: str,
        key_type: Optional[int] = None,
    ) -> _K:
        """Import ``data`` in ``fmt``. ``key_type`` None: the class's type when it has one, else
        0 (PKCS#8 and SPKI name their type themselves)."""
        if key_type is None:
            key_type = cls._TYPES[0] if len(cls._TYPES) == 1 else 0
        buf = _view(data)
        cell = ffi.new(_KEY_CELL)
        rc = lib.nacre_key_import(cell, key_type, fmt, buf, len(buf))
        if rc:
            check(rc, what)
        return cls._wrap(ffi.gc(cell[0], lib.nacre_key_free), what)

    def _derive(self, make: Callable[[CData, CData], int], cls: Type[_K], what: str) -> _K:
        """A new key of ``cls`` made from this one by ``make(handle, out_cell)`` (a C function
        such as nacre_key_public)."""
        cell = ffi.new(_KEY_CELL)
        rc = make(self._key, cell)
        if rc:
            check(rc, f"{type(self).__name__}.{what}")
        return cls._wrap(ffi.gc(cell[0], lib.nacre_key_free), what)

    def _export(self, fmt: int, what: str) -> bytes:
        key = self._key
        return _output(
            lambda out, cap, n: lib.nacre_key_export(key, fmt, out, cap, n),
            f"{type(self).__name__}.{what}",
            secret=fmt in _PRIVATE_FORMATS,
        )

    @property
    def algorithm(self) -> str:
        """The key's algorithm: "x25519", "ed25519", "p256", "p384", "rsa", "ml-kem-768" or
        "x-wing"."""
        return _TYPE_NAME[self._type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Key):
            return NotImplemented
        rc = lib.nacre_key_equal(self._key, other._key)
        if rc == _MISMATCH:
            return False
        check(rc, "key comparison")
        return True

    def _describe(self) -> str:
        return ""

    def __repr__(self) -> str:
        # Never key material: the object holds only a handle.
        extra = self._describe()
        return f"<nacre.keys.{type(self).__name__}{' ' + extra if extra else ''} at {id(self):#x}>"

    def __copy__(self) -> Self:
        return self  # immutable

    def __deepcopy__(self, memo: Any) -> Self:
        return self


class PrivateKey(_Key):
    """Base of the private key (key pair) classes."""

    __slots__ = ()
    _HAS_PRIVATE = True
    #: The matching public key class (set below for each key type).
    _PUBLIC: ClassVar[Type[PublicKey]]

    # Private keys are unhashable. The ignore is unavoidable: to mypy, None cannot replace the
    # method object.__hash__ (typeshed marks unhashable classes with the same ignore).
    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def _generate(cls: Type[_K], key_type: int, rsa_bits: int = 0) -> _K:
        cell = ffi.new(_KEY_CELL)
        rc = lib.nacre_key_generate(cell, key_type, rsa_bits)
        what = f"{cls.__name__}.generate"
        if rc:
            check(rc, what)
        return cls._wrap(ffi.gc(cell[0], lib.nacre_key_free), what)

    def public_key(self) -> PublicKey:
        """The public key of this key pair (an object of the matching public class; each key
        class declares which)."""
        return self._public_key(self._PUBLIC)

    def _public_key(self, cls: Type[_PubK]) -> _PubK:
        return self._derive(lib.nacre_key_public, cls, "public_key")

    def __reduce__(self) -> Any:
        raise TypeError(f"cannot pickle {type(self).__name__} objects: they hold a private key")


class PublicKey(_Key):
    """Base of the public key classes. Public keys are hashable and can be pickled."""

    __slots__ = ()

    def _canonical(self) -> Tuple[int, bytes]:
        """(format, bytes) that identify this key: the raw form, or SPKI DER for RSA."""
        fmt = _SPKI_DER if self._type == _RSA else _RAW_PUBLIC
        return fmt, self._export(fmt, "export")

    def __hash__(self) -> int:
        return hash((self._type, self._canonical()[1]))

    def __reduce__(self) -> Any:
        fmt, data = self._canonical()
        return _unpickle_public, (self._type, fmt, data)


def _unpickle_public(key_type: int, fmt: int, data: bytes) -> PublicKey:
    return PublicKey._import(fmt, data, "unpickle", key_type)


# --- encodings, one mixin per family of formats ---------------------------------------------------


class _RawPrivate(PrivateKey):
    __slots__ = ()

    @classmethod
    def from_raw(cls: Type[_K], data: Buffer) -> _K:
        """The key pair from its raw private form (see the module docstring for sizes)."""
        return cls._import(_RAW_PRIVATE, data, f"{cls.__name__}.from_raw")

    def to_raw(self) -> bytes:
        """The raw private key: secret bytes."""
        return self._export(_RAW_PRIVATE, "to_raw")


class _RawPublic(PublicKey):
    __slots__ = ()

    @classmethod
    def from_raw(cls: Type[_K], data: Buffer) -> _K:
        """The public key from its raw form (see the module docstring for sizes)."""
        return cls._import(_RAW_PUBLIC, data, f"{cls.__name__}.from_raw")

    def to_raw(self) -> bytes:
        """The raw public key."""
        return self._export(_RAW_PUBLIC, "to_raw")


class _PKCS8(PrivateKey):
    __slots__ = ()

    @classmethod
    def from_pkcs8_der(cls: Type[_K], data: Buffer) -> _K:
        """The key pair from unencrypted PKCS#8 DER (InvalidKey when malformed or of another
        key type)."""
        return cls._import(_PKCS8_DER, data, f"{cls.__name__}.from_pkcs8_der")

    @classmethod
    def from_pkcs8_pem(cls: Type[_K], data: Buffer) -> _K:
        """The key pair from one unencrypted "PRIVATE KEY" PEM block (bytes)."""
        return cls._import(_PKCS8_PEM, data, f"{cls.__name__}.from_pkcs8_pem")

    def to_pkcs8_der(self) -> bytes:
        """The key pair as unencrypted PKCS#8 DER: secret bytes."""
        return self._export(_PKCS8_DER, "to_pkcs8_der")

    def to_pkcs8_pem(self) -> bytes:
        """The key pair as an unencrypted "PRIVATE KEY" PEM block (bytes): secret."""
        return self._export(_PKCS8_PEM, "to_pkcs8_pem")


class _SPKI(PublicKey):
    __slots__ = ()

    @classmethod
    def from_spki_der(cls: Type[_K], data: Buffer) -> _K:
        """The public key from SubjectPublicKeyInfo DER."""
        return cls._import(_SPKI_DER, data, f"{cls.__name__}.from_spki_der")

    @classmethod
    def from_spki_pem(cls: Type[_K], data: Buffer) -> _K:
        """The public key from one "PUBLIC KEY" PEM block (bytes)."""
        return cls._import(_SPKI_PEM, data, f"{cls.__name__}.from_spki_pem")

    def to_spki_der(self) -> bytes:
        """The public key as SubjectPublicKeyInfo DER."""
        return self._export(_SPKI_DER, "to_spki_der")

    def to_spki_pem(self) -> bytes:
        """The public key as a "PUBLIC KEY" PEM block (bytes)."""
        return self._export(_SPKI_PEM, "to_spki_pem")


class _FixedType(PrivateKey):
    __slots__ = ()

    @classmethod
    def generate(cls: Type[_PrivK]) -> _PrivK:
        """A fresh random key pair."""
        return cls._generate(cls._TYPES[0])


# --- operations shared by several key types -------------------------------------------------------


class _Signer(PrivateKey):
    __slots__ = ()

    @borrows
    def _sign(self, alg: int, data: Buffer, backend: Optional[str], what: str) -> bytes:
        key, src, b = self._key, input_arg(data, "data"), backend_number(backend)
        return _output(
            lambda out, cap, n: lib.nacre_sign(key, alg, b, out, cap, n, src, len(src)),
            f"{type(self).__name__}.{what}",
        )

    @borrows
    def _sign_digest(self, alg: int, digest: Buffer, what: str) -> bytes:
        key, src = self._key, input_arg(digest, "digest")
        return _output(
            lambda out, cap, n: lib.nacre_sign_digest(key, alg, out, cap, n, src, len(src)),
            f"{type(self).__name__}.{what}",
        )


class _Verifier(PublicKey):
    __slots__ = ()

    @borrows
    def _verify(
        self, alg: int, signature: Buffer, data: Buffer, backend: Optional[str], what: str
    ) -> None:
        sig, src = input_arg(signature, "signature"), input_arg(data, "data")
        rc = lib.nacre_verify(self._key, alg, backend_number(backend), sig, len(sig), src, len(src))
        if rc:
            check(rc, f"{type(self).__name__}.{what}", mismatch=InvalidSignature)

    @borrows
    def _verify_digest(self, alg: int, signature: Buffer, digest: Buffer, what: str) -> None:
        sig, src = input_arg(signature, "signature"), input_arg(digest, "digest")
        rc = lib.nacre_verify_digest(self._key, alg, sig, len(sig), src, len(src))
        if rc:
            check(rc, f"{type(self).__name__}.{what}", mismatch=InvalidSignature)


class _Agreement(PrivateKey):
    __slots__ = ()

    def _agree(self, peer: PublicKey, backend: Optional[str]) -> bytes:
        if not isinstance(peer, self._PUBLIC):
            raise TypeError(
                f"{type(self).__name__}.exchange: peer_public_key must be a "
                f"{self._PUBLIC.__name__}, not {type(peer).__name__!r}"
            )
        key, other, b = self._key, peer._key, backend_number(backend)
        return _output(
            lambda out, cap, n: lib.nacre_key_agree(key, other, b, out, cap, n),
            f"{type(self).__name__}.exchange",
            secret=True,
        )


class _KEMPublic(_RawPublic):
    __slots__ = ()

    #: Ciphertext and shared secret sizes in bytes (set per class from the library).
    CIPHERTEXT_SIZE: ClassVar[int]
    SHARED_SECRET_SIZE: ClassVar[int]

    def encapsulate(self) -> Tuple[bytes, bytes]:
        """A fresh shared secret for this key: ``(ciphertext, shared_secret)``. Send the
        ciphertext to the key's owner, who recovers the secret with ``decapsulate``."""
        ct_n, ss_n = self.CIPHERTEXT_SIZE, self.SHARED_SECRET_SIZE
        ct, ss = ffi.new("uint8_t[]", ct_n), ffi.new("uint8_t[]", ss_n)
        ct_len, ss_len = ffi.new(_SIZE_CELL), ffi.new(_SIZE_CELL)
        rc = lib.nacre_kem_encapsulate(self._key, ct, ct_n, ct_len, ss, ss_n, ss_len)
        if rc:
            check(rc, f"{type(self).__name__}.encapsulate")
        result = to_bytes(ct, ct_len[0]), to_bytes(ss, ss_len[0])
        ffi.memmove(ss, bytes(ss_n), ss_n)
        return result


class _KEMPrivate(_RawPrivate, _FixedType):
    __slots__ = ()
    _PUBLIC: ClassVar[Type[_KEMPublic]]

    @borrows
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret carried by ``ciphertext``. Implicit rejection: an altered
        ciphertext of the right size gives an unrelated secret, not an error; one of the wrong
        size is a ValueError (:class:`nacre.InvalidArgument`)."""
        key, ct = self._key, input_arg(ciphertext, "ciphertext")
        public = self._PUBLIC
        return _output(
            lambda out, cap, n: lib.nacre_kem_decapsulate(key, out, cap, n, ct, len(ct)),
            f"{type(self).__name__}.decapsulate",
            public.SHARED_SECRET_SIZE,
            secret=True,
        )


# --- the key types --------------------------------------------------------------------------------


class X25519PublicKey(_RawPublic, _SPKI):
    """An X25519 public key (RFC 7748): 32 raw bytes, or SPKI."""

    __slots__ = ()
    _TYPES = (_X25519,)


class X25519PrivateKey(_RawPrivate, _PKCS8, _FixedType, _Agreement):
    """An X25519 key pair: key agreement, and the keys of :mod:`nacre.box` and :mod:`nacre.hpke`.
    Raw form: the 32-byte scalar."""

    __slots__ = ()
    _TYPES = (_X25519,)
    _PUBLIC = X25519PublicKey

    def public_key(self) -> X25519PublicKey:
        """The public key of this key pair."""
        return self._public_key(X25519PublicKey)

    def exchange(self, peer_public_key: X25519PublicKey, *, backend: Optional[str] = None) -> bytes:
        """The 32-byte X25519 shared secret with ``peer_public_key``. Hash it with a KDF
        before use. A small-order peer key (all-zero result) is :class:`nacre.InvalidKey`."""
        return self._agree(peer_public_key, backend)


class Ed25519PublicKey(_RawPublic, _SPKI, _Verifier):
    """An Ed25519 public key (RFC 8032): 32 raw bytes, or SPKI. Import refuses encodings that
    are not canonical points of prime order (InvalidKey)."""

    __slots__ = ()
    _TYPES = (_ED25519,)

    def verify(self, signature: Buffer, data: Buffer, *, backend: Optional[str] = None) -> None:
        """Return None when ``signature`` is a valid Ed25519 signature of ``data``; raise
        :class:`nacre.InvalidSignature` otherwise (a malformed signature included)."""
        self._verify(lib.NACRE_SIG_ED25519, signature, data, backend, "verify")

    def to_x25519(self) -> X25519PublicKey:
        """The X25519 public key of this key's point (libsodium's
        ``crypto_sign_ed25519_pk_to_curve25519``; PyNaCl's ``to_curve25519_public_key``), for
        protocols that box to signing keys. Separate keys for the two uses are better."""
        return self._derive(lib.nacre_key_to_x25519, X25519PublicKey, "to_x25519")


class Ed25519PrivateKey(_RawPrivate, _PKCS8, _FixedType, _Signer):
    """An Ed25519 key pair. Raw form: the 32-byte seed of RFC 8032."""

    __slots__ = ()
    _TYPES = (_ED25519,)
    _PUBLIC = Ed25519PublicKey

    def public_key(self) -> Ed25519PublicKey:
        """The public key of this key pair."""
        return self._public_key(Ed25519PublicKey)

    def sign(self, data: Buffer, *, backend: Optional[str] = None) -> bytes:
        """The 64-byte Ed25519 signature of ``data`` (deterministic)."""
        return self._sign(lib.NACRE_SIG_ED25519, data, backend, "sign")

    def to_x25519(self) -> X25519PrivateKey:
        """The X25519 key pair of this key's point (libsodium's
        ``crypto_sign_ed25519_sk_to_curve25519``; PyNaCl's ``to_curve25519_private_key``): its
        public key is ``self.public_key().to_x25519()``."""
        return self._derive(lib.nacre_key_to_x25519, X25519PrivateKey, "to_x25519")


def _ecdsa_alg(key_type: int, encoding: str) -> int:
    try:
        return _ECDSA[(key_type, encoding)]
    except (KeyError, TypeError):
        raise InvalidArgument(
            f"unknown ECDSA signature encoding {encoding!r}; use 'der' or 'p1363'"
        ) from None


def _rsa_alg(padding: str) -> int:
    try:
        return _RSA_PADDING[padding]
    except (KeyError, TypeError):
        raise InvalidArgument(
            f"unknown RSA signature padding {padding!r}; use 'pss' or 'pkcs1v15'"
        ) from None


class _EC(_Key):
    __slots__ = ()
    _TYPES = (_P256, _P384)

    @property
    def curve(self) -> str:
        """The curve: "p256" or "p384"."""
        return _CURVE_NAME[self._type]

    @property
    def key_size(self) -> int:
        """The curve's size in bits (256 or 384)."""
        return self._bits

    def _describe(self) -> str:
        return self.curve

    @classmethod
    @borrows
    def _curve_import(
        cls: Type[_K],
        fmt: int,
        data: Union[Buffer, CData],
        curve: Optional[Curve],
        sizes: Dict[int, int],
        what: str,
    ) -> _K:
        """Import a raw or SEC1 encoding, whose curve is ``curve`` or, when None, the one the
        length designates (``sizes``: length -> key type)."""
        buf = _view(data)
        if curve is not None:
            key_type = _curve_type(curve)
        else:
            key_type = sizes.get(len(buf), 0)
            if not key_type:
                lengths = " or ".join(str(n) for n in sorted(sizes))
                raise InvalidKey(f"{what}: expected {lengths} bytes, got {len(buf)}")
        return cls._import(fmt, buf, what, key_type)


class ECPublicKey(_EC, _SPKI, _Verifier):
    """An ECDSA/ECDH public key on P-256 or P-384: SPKI, or a SEC1 point (raw form: the
    uncompressed point). Off-curve points and the point at infinity are InvalidKey."""

    __slots__ = ()

    @classmethod
    def from_raw(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPublicKey:
        """The public key from its uncompressed SEC1 point (65 bytes for P-256, 97 for P-384);
        ``curve`` None: the length says which."""
        sizes = {65: _P256, 97: _P384}
        return cls._curve_import(_RAW_PUBLIC, data, curve, sizes, "ECPublicKey.from_raw")

    @classmethod
    @borrows
    def from_sec1(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPublicKey:
        """The public key from a SEC1 point, compressed (33 or 49 bytes) or uncompressed (65 or
        97 bytes); ``curve`` None: the length says which."""
        buf = input_arg(data, "data")
        fmt = _SEC1_COMPRESSED if len(buf) in (33, 49) else _SEC1
        sizes = {33: _P256, 65: _P256, 49: _P384, 97: _P384}
        return cls._curve_import(fmt, buf, curve, sizes, "ECPublicKey.from_sec1")

    def to_raw(self) -> bytes:
        """The uncompressed SEC1 point."""
        return self._export(_RAW_PUBLIC, "to_raw")

    def to_sec1(self, compressed: bool = False) -> bytes:
        """The SEC1 point, uncompressed (0x04 || x || y) or compressed (0x02/0x03 || x)."""
        return self._export(_SEC1_COMPRESSED if compressed else _SEC1, "to_sec1")

    def verify(
        self, signature: Buffer, data: Buffer, encoding: str = "der", *,
        backend: Optional[str] = None,
    ) -> None:
        """Return None when ``signature`` is a valid ECDSA signature of ``data`` (hashed with
        SHA-256 on P-256, SHA-384 on P-384); raise :class:`nacre.InvalidSignature` otherwise.
        ``encoding``: "der" (X9.62, strict DER) or "p1363" (fixed-size r || s)."""
        self._verify(_ecdsa_alg(self._type, encoding), signature, data, backend, "verify")

    def verify_digest(self, signature: Buffer, digest: Buffer, encoding: str = "der") -> None:
        """Like :meth:`verify` over a digest computed by the caller (32 bytes of SHA-256 on
        P-256, 48 of SHA-384 on P-384; another length is a ValueError)."""
        self._verify_digest(_ecdsa_alg(self._type, encoding), signature, digest, "verify_digest")


class ECPrivateKey(_EC, _PKCS8, _Signer, _Agreement):
    """An ECDSA/ECDH key pair on P-256 or P-384. Raw form: the big-endian scalar (32 or 48
    bytes). Signatures hash with SHA-256 on P-256 and SHA-384 on P-384; nonces are random, so
    two signatures of one message differ."""

    __slots__ = ()
    _PUBLIC = ECPublicKey

    def public_key(self) -> ECPublicKey:
        """The public key of this key pair."""
        return self._public_key(ECPublicKey)

    @classmethod
    def generate(cls, curve: Curve) -> ECPrivateKey:
        """A fresh key pair on ``curve`` ("p256" or "p384")."""
        return cls._generate(_curve_type(curve))

    @classmethod
    def from_raw(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPrivateKey:
        """The key pair from its big-endian scalar; ``curve`` None: the length (32 or 48 bytes)
        says which."""
        sizes = {32: _P256, 48: _P384}
        return cls._curve_import(_RAW_PRIVATE, data, curve, sizes, "ECPrivateKey.from_raw")

    def to_raw(self) -> bytes:
        """The big-endian private scalar: secret bytes."""
        return self._export(_RAW_PRIVATE, "to_raw")

    def sign(self, data: Buffer, encoding: str = "der", *, backend: Optional[str] = None) -> bytes:
        """The ECDSA signature of ``data``, in ``encoding`` "der" (X9.62) or "p1363" (r || s)."""
        return self._sign(_ecdsa_alg(self._type, encoding), data, backend, "sign")

    def sign_digest(self, digest: Buffer, encoding: str = "der") -> bytes:
        """Like :meth:`sign` over a digest computed by the caller (see ``verify_digest``)."""
        return self._sign_digest(_ecdsa_alg(self._type, encoding), digest, "sign_digest")

    def exchange(self, peer_public_key: ECPublicKey, *, backend: Optional[str] = None) -> bytes:
        """The ECDH shared secret (the x-coordinate: 32 or 48 bytes) with ``peer_public_key``,
        which must be on the same curve (InvalidKey otherwise). Hash it with a KDF before use."""
        return self._agree(peer_public_key, backend)


class _RSAKey(_Key):
    __slots__ = ()
    _TYPES = (_RSA,)

    @property
    def key_size(self) -> int:
        """The modulus size in bits."""
        return self._bits

    def _describe(self) -> str:
        return f"{self._bits} bits"


class RSAPublicKey(_RSAKey, _SPKI, _Verifier):
    """An RSA public key (SPKI only), 2048 to 4096 bits."""

    __slots__ = ()

    def verify(
        self, signature: Buffer, data: Buffer, padding: str = "pss", *,
        backend: Optional[str] = None,
    ) -> None:
        """Return None when ``signature`` is a valid signature of ``data`` with SHA-256 and
        ``padding`` "pss" (MGF1-SHA-256, 32-byte salt) or "pkcs1v15"; raise
        :class:`nacre.InvalidSignature` otherwise."""
        self._verify(_rsa_alg(padding), signature, data, backend, "verify")

    def verify_digest(self, signature: Buffer, digest: Buffer, padding: str = "pss") -> None:
        """Like :meth:`verify` over a SHA-256 digest (32 bytes) computed by the caller."""
        self._verify_digest(_rsa_alg(padding), signature, digest, "verify_digest")

    @borrows
    def encrypt(self, data: Buffer, label: Buffer = b"") -> bytes:
        """RSA-OAEP (SHA-256, MGF1-SHA-256) encryption of ``data`` (at most key_size / 8 - 66
        bytes; longer is a ValueError) with ``label``; the output has the modulus size."""
        key, src, lab = self._key, input_arg(data, "data"), input_arg(label, "label")
        return _output(
            lambda out, cap, n: lib.nacre_rsa_oaep_encrypt(
                key, out, cap, n, src, len(src), lab, len(lab)
            ),
            "RSAPublicKey.encrypt",
            (self._bits + 7) // 8,
        )


class RSAPrivateKey(_RSAKey, _PKCS8, _Signer):
    """An RSA key pair (PKCS#8 only), 2048 to 4096 bits."""

    __slots__ = ()
    _PUBLIC = RSAPublicKey

    def public_key(self) -> RSAPublicKey:
        """The public key of this key pair."""
        return self._public_key(RSAPublicKey)

    @classmethod
    def generate(cls, bits: int = 3072) -> RSAPrivateKey:
        """A fresh key pair with a ``bits``-bit modulus (2048, 3072 or 4096) and exponent
        65537. Takes a while: seconds for 4096 bits."""
        return cls._generate(_RSA, size(bits, "bits"))

    def sign(self, data: Buffer, padding: str = "pss", *, backend: Optional[str] = None) -> bytes:
        """The RSA-PSS signature (SHA-256, MGF1-SHA-256, 32-byte salt) of ``data``. PKCS#1 v1.5
        signing is not offered (:class:`nacre.UnsupportedAlgorithm`); it verifies only."""
        return self._sign(_rsa_alg(padding), data, backend, "sign")

    def sign_digest(self, digest: Buffer, padding: str = "pss") -> bytes:
        """Like :meth:`sign` over a SHA-256 digest (32 bytes) computed by the caller."""
        return self._sign_digest(_rsa_alg(padding), digest, "sign_digest")

    @borrows
    def decrypt(self, data: Buffer, label: Buffer = b"") -> bytes:
        """RSA-OAEP decryption of ``data`` with ``label``; :class:`nacre.InvalidTag` when it
        fails (wrong key, label or ciphertext), with no detail on why."""
        key, src, lab = self._key, input_arg(data, "data"), input_arg(label, "label")
        return _output(
            lambda out, cap, n: lib.nacre_rsa_oaep_decrypt(
                key, out, cap, n, src, len(src), lab, len(lab)
            ),
            "RSAPrivateKey.decrypt",
            (self._bits + 7) // 8,
            mismatch=InvalidTag,
            secret=True,
        )


class MLKEM768PublicKey(_KEMPublic):
    """An ML-KEM-768 encapsulation key (FIPS 203): 1184 raw bytes."""

    __slots__ = ()
    _TYPES = (_MLKEM768,)
    CIPHERTEXT_SIZE = lib.nacre_kem_ciphertext_len(_MLKEM768)
    SHARED_SECRET_SIZE = lib.nacre_kem_shared_secret_len(_MLKEM768)


class MLKEM768PrivateKey(_KEMPrivate):
    """An ML-KEM-768 key pair. Raw form: the 64-byte seed d || z (FIPS 203); also the 2400-byte
    expanded decapsulation key."""

    __slots__ = ()
    _TYPES = (_MLKEM768,)
    _PUBLIC = MLKEM768PublicKey

    def public_key(self) -> MLKEM768PublicKey:
        """The public key of this key pair."""
        return self._public_key(MLKEM768PublicKey)

    @classmethod
    def from_seed(cls, seed: Buffer) -> MLKEM768PrivateKey:
        """The key pair from its 64-byte seed d || z (the raw form, as :meth:`from_raw`)."""
        return cls._import(_RAW_PRIVATE, seed, "MLKEM768PrivateKey.from_seed")

    def to_seed(self) -> bytes:
        """The 64-byte seed (as :meth:`to_raw`): secret. A key imported in expanded form has
        no seed (:class:`nacre.UnsupportedAlgorithm`)."""
        return self._export(_RAW_PRIVATE, "to_seed")

    @classmethod
    def from_expanded(cls, data: Buffer) -> MLKEM768PrivateKey:
        """The key pair from the 2400-byte FIPS 203 decapsulation key (the hash of the
        embedded encapsulation key is checked: InvalidKey when it does not match)."""
        return cls._import(_MLKEM_EXPANDED, data, "MLKEM768PrivateKey.from_expanded")

    def to_expanded(self) -> bytes:
        """The 2400-byte FIPS 203 decapsulation key: secret."""
        return self._export(_MLKEM_EXPANDED, "to_expanded")


class XWingPublicKey(_KEMPublic):
    """An X-Wing public key (X25519 + ML-KEM-768): 1216 raw bytes."""

    __slots__ = ()
    _TYPES = (_XWING,)
    CIPHERTEXT_SIZE = lib.nacre_kem_ciphertext_len(_XWING)
    SHARED_SECRET_SIZE = lib.nacre_kem_shared_secret_len(_XWING)


class XWingPrivateKey(_KEMPrivate):
    """An X-Wing key pair. Raw form: the 32-byte seed."""

    __slots__ = ()
    _TYPES = (_XWING,)
    _PUBLIC = XWingPublicKey

    def public_key(self) -> XWingPublicKey:
        """The public key of this key pair."""
        return self._public_key(XWingPublicKey)


# The library's key type names ("x25519", "p256", "ml-kem-768", ...), from its table.
_TYPE_NAME: Dict[int, str] = {
    n: name
    for name, n in names(lib.nacre_key_type_count, lib.nacre_key_type_at, lib.nacre_key_type_name)
}

_CLASS_BY_TYPE: Dict[Tuple[int, bool], Type[_Key]] = {}
for _cls in (
    X25519PrivateKey, X25519PublicKey, Ed25519PrivateKey, Ed25519PublicKey, ECPrivateKey,
    ECPublicKey, RSAPrivateKey, RSAPublicKey, MLKEM768PrivateKey, MLKEM768PublicKey,
    XWingPrivateKey, XWingPublicKey,
):
    for _t in _cls._TYPES:
        _CLASS_BY_TYPE[(_t, _cls._HAS_PRIVATE)] = _cls
del _cls, _t

AnyPrivateKey = Union[
    X25519PrivateKey, Ed25519PrivateKey, ECPrivateKey, RSAPrivateKey, MLKEM768PrivateKey,
    XWingPrivateKey,
]
AnyPublicKey = Union[
    X25519PublicKey, Ed25519PublicKey, ECPublicKey, RSAPublicKey, MLKEM768PublicKey,
    XWingPublicKey,
]


@borrows
def load_private_key(data: Buffer) -> AnyPrivateKey:
    """A private key from unencrypted PKCS#8, DER or PEM (told apart by the "-----BEGIN"
    line), of the class its algorithm calls for: X25519, Ed25519, EC or RSA.

    Malformed input is :class:`nacre.InvalidKey`; a key of an algorithm or curve nacre does not
    offer is :class:`nacre.UnsupportedAlgorithm`.
    """
    buf = readable(data, "data")
    fmt = _PKCS8_PEM if _is_pem(buf) else _PKCS8_DER
    # _wrap makes the concrete class the key's type calls for: always one of the union.
    return cast(AnyPrivateKey, PrivateKey._import(fmt, buf, "load_private_key", 0))


@borrows
def load_public_key(data: Buffer) -> AnyPublicKey:
    """A public key from SubjectPublicKeyInfo, DER or PEM, of the class its algorithm calls
    for (see :func:`load_private_key`)."""
    buf = readable(data, "data")
    fmt = _SPKI_PEM if _is_pem(buf) else _SPKI_DER
    return cast(AnyPublicKey, PublicKey._import(fmt, buf, "load_public_key", 0))
