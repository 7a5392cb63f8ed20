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
- ``ECPrivateKey`` / ``ECPublicKey``: ECDSA and ECDH on P-256, P-384 and P-521 (curves named
  "p256", "p384", "p521"). ECDSA hashes with the curve's own hash (SHA-256, SHA-384, SHA-512)
  unless ``hash=`` names another: SHA-224/256/384/512, SHA-512/256, SHA3-256 or SHA3-512.
- ``RSAPrivateKey`` / ``RSAPublicKey``: RSA-PSS and PKCS#1 v1.5 signatures over SHA-256 (or
  ``hash=`` SHA-224/384/512; PSS salts by ``salt_length=``), RSA-OAEP encryption (SHA-256).
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
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    cast,
)

from . import hash as _hash
from ._args import Buffer, size
from ._binding import keys as _b
from ._binding.backends import backend_number
from ._binding.tables import hashes as _HASHES
from ._errors import InvalidArgument, InvalidKey, UnsupportedAlgorithm
from ._typing import HashAlgorithm, Named

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
    "load_legacy_rsa_public_key",
    "CURVES",
    "PSS_SALT_LENGTHS",
    "DEFAULT_PBKDF2_ITERATIONS",
]

_K = TypeVar("_K", bound="_Key")
_PrivK = TypeVar("_PrivK", bound="PrivateKey")
_PubK = TypeVar("_PubK", bound="PublicKey")

#: A curve: its name ("p256", "P-256", "secp256r1", ...) or an object with such a ``name``
#: (pyca/cryptography's ``ec.SECP256R1()``).
Curve = Union[str, Named]

_X25519 = _b.X25519
_ED25519 = _b.ED25519
_P256 = _b.P256
_P384 = _b.P384
_RSA = _b.RSA
_MLKEM768 = _b.MLKEM768
_XWING = _b.XWING
_P521 = _b.P521

_RAW_PRIVATE = _b.RAW_PRIVATE
_RAW_PUBLIC = _b.RAW_PUBLIC
_PKCS8_DER = _b.PKCS8_DER
_PKCS8_PEM = _b.PKCS8_PEM
_SPKI_DER = _b.SPKI_DER
_SPKI_PEM = _b.SPKI_PEM
_SEC1 = _b.SEC1
_SEC1_COMPRESSED = _b.SEC1_COMPRESSED
_MLKEM_EXPANDED = _b.MLKEM_EXPANDED
_PKCS1_PRIVATE_DER = _b.PKCS1_PRIVATE_DER
_PKCS1_PRIVATE_PEM = _b.PKCS1_PRIVATE_PEM
_SEC1_PRIVATE_DER = _b.SEC1_PRIVATE_DER
_SEC1_PRIVATE_PEM = _b.SEC1_PRIVATE_PEM
_PKCS1_PUBLIC_DER = _b.PKCS1_PUBLIC_DER
_PKCS1_PUBLIC_PEM = _b.PKCS1_PUBLIC_PEM
_ENCRYPTED_DER = _b.ENCRYPTED_PKCS8_DER
_ENCRYPTED_PEM = _b.ENCRYPTED_PKCS8_PEM
#: PBKDF2 iterations of the encrypted exports when none are given.
DEFAULT_PBKDF2_ITERATIONS: int = _b.DEFAULT_PBKDF2_ITERATIONS
# PEM labels -> the format that reads them (load_private_key, load_public_key).
_PRIVATE_PEM: Dict[str, int] = {
    "PRIVATE KEY": _PKCS8_PEM, "RSA PRIVATE KEY": _PKCS1_PRIVATE_PEM,
    "EC PRIVATE KEY": _SEC1_PRIVATE_PEM, "ENCRYPTED PRIVATE KEY": _ENCRYPTED_PEM,
}
_PUBLIC_PEM: Dict[str, int] = {"PUBLIC KEY": _SPKI_PEM, "RSA PUBLIC KEY": _PKCS1_PUBLIC_PEM}

#: Curve names -> nacre key types. Aliases: "P-256", "secp256r1", "prime256v1", "P-384",
#: "secp384r1", "P-521", "secp521r1", and pyca/cryptography curve objects (by their ``name``).
CURVES: Dict[str, int] = {"p256": _P256, "p384": _P384, "p521": _P521}
_CURVE_ALIASES: Dict[str, str] = {
    "p256": "p256", "p-256": "p256", "secp256r1": "p256", "prime256v1": "p256",
    "p384": "p384", "p-384": "p384", "secp384r1": "p384",
    "p521": "p521", "p-521": "p521", "secp521r1": "p521",
}
_CURVE_NAME: Dict[int, str] = {t: name for name, t in CURVES.items()}

# Signature schemes by ECDSA encoding and by RSA padding (nacre_sig_scheme).
_ECDSA: Dict[str, int] = {"der": _b.SCHEME_ECDSA_DER, "p1363": _b.SCHEME_ECDSA_P1363}
_RSA_PADDING: Dict[str, int] = {"pss": _b.SCHEME_RSA_PSS, "pkcs1v15": _b.SCHEME_RSA_PKCS1}
#: RSA-PSS salt lengths by name: the hash's length, the longest the key allows, and (verifying
#: only) whatever length the signature used. A number of bytes is also a salt length.
PSS_SALT_LENGTHS: Dict[str, int] = {
    "digest": _b.PSS_SALT_DIGEST, "max": _b.PSS_SALT_MAX, "auto": _b.PSS_SALT_AUTO,
}
# Every hash of the library's table by hashlib's name; the library says which a scheme takes.
_HASH_NUMBERS: Dict[str, int] = {_hash.canonical_name(h.name): h.number for h in _HASHES}



# --- helpers -------------------------------------------------------------------------------------


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


def _hash_number(algorithm: Optional[HashAlgorithm], what: str) -> int:
    """The nacre_hash_alg of a signature's hash; 0 for None (the key's default)."""
    if algorithm is None:
        return 0
    name = _hash.name_of(algorithm)
    if name is None:
        raise TypeError(f"{what}: hash must be a name or a hash object, not {algorithm!r}")
    return _HASH_NUMBERS[_hash.canonical_name(name)]


def _salt(salt_length: Union[int, str, None], default: str, what: str) -> int:
    """The NACRE_PSS_SALT_* value or byte count of a ``salt_length`` argument."""
    if salt_length is None:
        return PSS_SALT_LENGTHS[default]
    if isinstance(salt_length, str):
        if salt_length not in PSS_SALT_LENGTHS:
            raise InvalidArgument(
                f"{what}: unknown salt_length {salt_length!r}; use a number of bytes or one of "
                f"{', '.join(PSS_SALT_LENGTHS)}"
            )
        return PSS_SALT_LENGTHS[salt_length]
    if type(salt_length) is not int:
        raise TypeError(f"{what}: salt_length must be an int or a name, not {salt_length!r}")
    if not 0 <= salt_length <= _SALT_MAX:
        raise InvalidArgument(
            f"{what}: salt_length must be 0 to {_SALT_MAX} bytes, got {salt_length}"
        )
    return salt_length


_SALT_MAX = 2**31 - 1  # an int in C; the key refuses what does not fit it


def _is_pem(head: bytes) -> bool:
    """Whether an encoding is PEM text (its first non-blank bytes are "-----") rather than DER,
    from its first ``_PEM_PEEK`` bytes."""
    return head.lstrip(b" \t\r\n").startswith(b"-----")


_PEM_PEEK = 4096  # how many bytes _is_pem looks at


def _pem_label(head: bytes) -> Optional[str]:
    """The label of the first line of PEM text ("RSA PRIVATE KEY"), or None. The library parses
    and checks the block; this only picks which format to ask it for."""
    line = head.lstrip(b" \t\r\n").split(b"\n", 1)[0].strip()
    if not (line.startswith(b"-----BEGIN ") and line.endswith(b"-----")):
        return None
    return line[len(b"-----BEGIN "):-len(b"-----")].decode("ascii", "replace")


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
        key_type, has_private, bits = _b.info(handle)
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
    def _import_encrypted(
        cls: Type[_K], fmt: int, data: Buffer, password: Buffer, what: str
    ) -> _K:
        where = f"{cls.__name__}.{what}"
        key_type = cls._TYPES[0] if len(cls._TYPES) == 1 else 0
        return cls._wrap(_b.import_encrypted(key_type, fmt, data, password, where), where)

    def _export_encrypted(self, fmt: int, password: Buffer, iterations: int, what: str) -> bytes:
        n = size(iterations, "iterations")
        if n > 0xFFFFFFFF:
            raise InvalidArgument(f"iterations must be at most 2**32 - 1, got {n}")
        return _b.export_encrypted(self._key, fmt, password, n, f"{type(self).__name__}.{what}")

    @classmethod
    def _import(
        cls: Type[_K],
        fmt: int,
        data: Buffer,
        what: str,
        key_type: Optional[int] = None,
    ) -> _K:
        """Import ``data`` in ``fmt``. ``key_type`` None: the class's type when it has one, else
        0 (PKCS#8 and SPKI name their type themselves)."""
        if key_type is None:
            key_type = cls._TYPES[0] if len(cls._TYPES) == 1 else 0
        return cls._wrap(_b.import_key(key_type, fmt, data, what), what)

    def _derive(self, make: Callable[[CData, str], CData], cls: Type[_K], what: str) -> _K:
        """A new key of ``cls`` made from this one by ``make(handle, where)`` (a binding
        function such as ``public_key``)."""
        return cls._wrap(make(self._key, f"{type(self).__name__}.{what}"), what)

    def _export(self, fmt: int, what: str) -> bytes:
        return _b.export(self._key, fmt, f"{type(self).__name__}.{what}")

    @property
    def algorithm(self) -> str:
        """The key's algorithm: "x25519", "ed25519", "p256", "p384", "rsa", "ml-kem-768" or
        "x-wing"."""
        return _TYPE_NAME[self._type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Key):
            return NotImplemented
        return _b.equal(self._key, other._key, "key comparison")

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
        what = f"{cls.__name__}.generate"
        return cls._wrap(_b.generate(key_type, rsa_bits, what), what)

    def public_key(self) -> PublicKey:
        """The public key of this key pair (an object of the matching public class; each key
        class declares which)."""
        return self._public_key(self._PUBLIC)

    def _public_key(self, cls: Type[_PubK]) -> _PubK:
        return self._derive(_b.public_key, cls, "public_key")

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

    @classmethod
    def from_encrypted_pkcs8_der(cls: Type[_K], data: Buffer, password: Buffer) -> _K:
        """The key pair from encrypted PKCS#8 DER (PBES2 with PBKDF2 and AES-CBC, as OpenSSL
        and pyca/cryptography write it). A wrong password is :class:`nacre.InvalidKey` (it
        cannot be told from corrupt data); another scheme (scrypt, DES) is
        :class:`nacre.UnsupportedAlgorithm`."""
        return cls._import_encrypted(_ENCRYPTED_DER, data, password, "from_encrypted_pkcs8_der")

    @classmethod
    def from_encrypted_pkcs8_pem(cls: Type[_K], data: Buffer, password: Buffer) -> _K:
        """The key pair from one "ENCRYPTED PRIVATE KEY" PEM block (see the DER form)."""
        return cls._import_encrypted(_ENCRYPTED_PEM, data, password, "from_encrypted_pkcs8_pem")

    def to_encrypted_pkcs8_der(self, password: Buffer, iterations: int = 0) -> bytes:
        """The key pair as encrypted PKCS#8 DER: PBES2 with PBKDF2-HMAC-SHA256 (``iterations``;
        0: :data:`DEFAULT_PBKDF2_ITERATIONS`), AES-256-CBC, random salt and IV."""
        return self._export_encrypted(
            _ENCRYPTED_DER, password, iterations, "to_encrypted_pkcs8_der"
        )

    def to_encrypted_pkcs8_pem(self, password: Buffer, iterations: int = 0) -> bytes:
        """The key pair as an "ENCRYPTED PRIVATE KEY" PEM block (see the DER form)."""
        return self._export_encrypted(
            _ENCRYPTED_PEM, password, iterations, "to_encrypted_pkcs8_pem"
        )


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

    def _sign(self, alg: int, data: Buffer, backend: Optional[str], what: str) -> bytes:
        return _b.sign(self._key, alg, backend, data, f"{type(self).__name__}.{what}")

    def _sign_digest(self, alg: int, digest: Buffer, what: str) -> bytes:
        return _b.sign_digest(self._key, alg, digest, f"{type(self).__name__}.{what}")

    def _sign_with(
        self, scheme: int, hash_alg: int, salt: int, data: Buffer, backend: Optional[str],
        digest: bool, what: str,
    ) -> bytes:
        return _b.sign_with(
            self._key, scheme, hash_alg, salt, backend, data, digest,
            f"{type(self).__name__}.{what}",
        )


class _Verifier(PublicKey):
    __slots__ = ()

    def _verify(
        self, alg: int, signature: Buffer, data: Buffer, backend: Optional[str], what: str
    ) -> None:
        _b.verify(self._key, alg, backend, signature, data, f"{type(self).__name__}.{what}")

    def _verify_digest(self, alg: int, signature: Buffer, digest: Buffer, what: str) -> None:
        _b.verify_digest(self._key, alg, signature, digest, f"{type(self).__name__}.{what}")

    def _verify_with(
        self, scheme: int, hash_alg: int, salt: int, signature: Buffer, data: Buffer,
        backend: Optional[str], digest: bool, what: str,
    ) -> None:
        _b.verify_with(
            self._key, scheme, hash_alg, salt, backend, signature, data, digest,
            f"{type(self).__name__}.{what}",
        )


class _Agreement(PrivateKey):
    __slots__ = ()

    def _agree(self, peer: PublicKey, backend: Optional[str]) -> bytes:
        if not isinstance(peer, self._PUBLIC):
            raise TypeError(
                f"{type(self).__name__}.exchange: peer_public_key must be a "
                f"{self._PUBLIC.__name__}, not {type(peer).__name__!r}"
            )
        return _b.agree(
            self._key, peer._key, backend_number(backend), f"{type(self).__name__}.exchange"
        )


class _KEMPublic(_RawPublic):
    __slots__ = ()

    #: Ciphertext and shared secret sizes in bytes (set per class from the library).
    CIPHERTEXT_SIZE: ClassVar[int]
    SHARED_SECRET_SIZE: ClassVar[int]

    def encapsulate(self) -> Tuple[bytes, bytes]:
        """A fresh shared secret for this key: ``(ciphertext, shared_secret)``. Send the
        ciphertext to the key's owner, who recovers the secret with ``decapsulate``."""
        return _b.encapsulate(
            self._key, self.CIPHERTEXT_SIZE, self.SHARED_SECRET_SIZE,
            f"{type(self).__name__}.encapsulate",
        )


class _KEMPrivate(_RawPrivate, _FixedType):
    __slots__ = ()
    _PUBLIC: ClassVar[Type[_KEMPublic]]

    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret carried by ``ciphertext``. Implicit rejection: an altered
        ciphertext of the right size gives an unrelated secret, not an error; one of the wrong
        size is a ValueError (:class:`nacre.InvalidArgument`)."""
        return _b.decapsulate(
            self._key, ciphertext, self._PUBLIC.SHARED_SECRET_SIZE,
            f"{type(self).__name__}.decapsulate",
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
        self._verify(_b.SIG_ED25519, signature, data, backend, "verify")

    def to_x25519(self) -> X25519PublicKey:
        """The X25519 public key of this key's point (libsodium's
        ``crypto_sign_ed25519_pk_to_curve25519``; PyNaCl's ``to_curve25519_public_key``), for
        protocols that box to signing keys. Separate keys for the two uses are better."""
        return self._derive(_b.to_x25519, X25519PublicKey, "to_x25519")


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
        return self._sign(_b.SIG_ED25519, data, backend, "sign")

    def to_x25519(self) -> X25519PrivateKey:
        """The X25519 key pair of this key's point (libsodium's
        ``crypto_sign_ed25519_sk_to_curve25519``; PyNaCl's ``to_curve25519_private_key``): its
        public key is ``self.public_key().to_x25519()``."""
        return self._derive(_b.to_x25519, X25519PrivateKey, "to_x25519")


def _ecdsa_scheme(encoding: str) -> int:
    try:
        return _ECDSA[encoding]
    except (KeyError, TypeError):
        raise InvalidArgument(
            f"unknown ECDSA signature encoding {encoding!r}; use 'der' or 'p1363'"
        ) from None


def _rsa_params(
    padding: str, hash: Optional[HashAlgorithm], salt_length: Union[int, str, None],
    signing: bool, what: str,
) -> Tuple[int, int, int]:
    """(scheme, hash, salt) of an RSA signature. PSS salts default to the hash's length when
    signing and to any length when verifying."""
    try:
        scheme = _RSA_PADDING[padding]
    except (KeyError, TypeError):
        raise InvalidArgument(
            f"unknown RSA signature padding {padding!r}; use 'pss' or 'pkcs1v15'"
        ) from None
    if scheme == _b.SCHEME_RSA_PKCS1:
        if salt_length is not None:
            raise InvalidArgument(f"{what}: salt_length is for padding='pss' only")
        salt = 0
    else:
        salt = _salt(salt_length, "digest" if signing else "auto", what)
    return scheme, _hash_number(hash, what), salt


class _EC(_Key):
    __slots__ = ()
    _TYPES = (_P256, _P384, _P521)

    @property
    def curve(self) -> str:
        """The curve: "p256", "p384" or "p521"."""
        return _CURVE_NAME[self._type]

    @property
    def key_size(self) -> int:
        """The curve's size in bits (256, 384 or 521)."""
        return self._bits

    def _describe(self) -> str:
        return self.curve

    @classmethod
    def _curve_import(
        cls: Type[_K],
        fmt: int,
        data: Buffer,
        length: int,
        curve: Optional[Curve],
        sizes: Dict[int, int],
        what: str,
    ) -> _K:
        """Import a raw or SEC1 encoding of ``length`` bytes, whose curve is ``curve`` or, when
        None, the one the length designates (``sizes``: length -> key type)."""
        if curve is not None:
            key_type = _curve_type(curve)
        else:
            key_type = sizes.get(length, 0)
            if not key_type:
                lengths = " or ".join(str(n) for n in sorted(sizes))
                raise InvalidKey(f"{what}: expected {lengths} bytes, got {length}")
        return cls._import(fmt, data, what, key_type)


class ECPublicKey(_EC, _SPKI, _Verifier):
    """An ECDSA/ECDH public key on P-256, P-384 or P-521: SPKI, or a SEC1 point (raw form: the
    uncompressed point). Off-curve points and the point at infinity are InvalidKey."""

    __slots__ = ()

    @classmethod
    def from_raw(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPublicKey:
        """The public key from its uncompressed SEC1 point (65 bytes for P-256, 97 for P-384,
        133 for P-521); ``curve`` None: the length says which."""
        sizes = {65: _P256, 97: _P384, 133: _P521}
        length = _b.peek(data)[0]
        return cls._curve_import(_RAW_PUBLIC, data, length, curve, sizes, "ECPublicKey.from_raw")

    @classmethod
    def from_sec1(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPublicKey:
        """The public key from a SEC1 point, compressed (33, 49 or 67 bytes) or uncompressed
        (65, 97 or 133 bytes); ``curve`` None: the length says which."""
        length = _b.peek(data)[0]
        fmt = _SEC1_COMPRESSED if length in (33, 49, 67) else _SEC1
        sizes = {33: _P256, 65: _P256, 49: _P384, 97: _P384, 67: _P521, 133: _P521}
        return cls._curve_import(fmt, data, length, curve, sizes, "ECPublicKey.from_sec1")

    def to_raw(self) -> bytes:
        """The uncompressed SEC1 point."""
        return self._export(_RAW_PUBLIC, "to_raw")

    def to_sec1(self, compressed: bool = False) -> bytes:
        """The SEC1 point, uncompressed (0x04 || x || y) or compressed (0x02/0x03 || x)."""
        return self._export(_SEC1_COMPRESSED if compressed else _SEC1, "to_sec1")

    def verify(
        self, signature: Buffer, data: Buffer, encoding: str = "der", *,
        hash: Optional[HashAlgorithm] = None, backend: Optional[str] = None,
    ) -> None:
        """Return None when ``signature`` is a valid ECDSA signature of ``data``; raise
        :class:`nacre.InvalidSignature` otherwise. ``encoding``: "der" (X9.62, strict DER) or
        "p1363" (fixed-size r || s). ``hash``: the message hash, by default the curve's own
        (SHA-256 on P-256, SHA-384 on P-384, SHA-512 on P-521); another that ECDSA takes
        (SHA-224/256/384/512, SHA-512/256, SHA3-256/512) or :class:`nacre.UnsupportedAlgorithm`."""
        self._verify_with(
            _ecdsa_scheme(encoding), _hash_number(hash, "ECPublicKey.verify"), 0, signature, data,
            backend, False, "verify",
        )

    def verify_digest(
        self, signature: Buffer, digest: Buffer, encoding: str = "der", *,
        hash: Optional[HashAlgorithm] = None,
    ) -> None:
        """Like :meth:`verify` over a digest computed by the caller, of the hash's length (32
        bytes of SHA-256 on P-256 by default; another length is a ValueError)."""
        self._verify_with(
            _ecdsa_scheme(encoding), _hash_number(hash, "ECPublicKey.verify_digest"), 0,
            signature, digest, None, True, "verify_digest",
        )


class ECPrivateKey(_EC, _PKCS8, _Signer, _Agreement):
    """An ECDSA/ECDH key pair on P-256, P-384 or P-521. Raw form: the big-endian scalar (32, 48
    or 66 bytes). Signatures hash with the curve's own hash unless ``hash=`` names another (see
    :meth:`ECPublicKey.verify`); nonces are random, so two signatures of one message differ."""

    __slots__ = ()
    _PUBLIC = ECPublicKey

    def public_key(self) -> ECPublicKey:
        """The public key of this key pair."""
        return self._public_key(ECPublicKey)

    @classmethod
    def generate(cls, curve: Curve) -> ECPrivateKey:
        """A fresh key pair on ``curve`` ("p256", "p384" or "p521")."""
        return cls._generate(_curve_type(curve))

    @classmethod
    def from_raw(cls, data: Buffer, curve: Optional[Curve] = None) -> ECPrivateKey:
        """The key pair from its big-endian scalar; ``curve`` None: the length (32, 48 or 66
        bytes) says which."""
        sizes = {32: _P256, 48: _P384, 66: _P521}
        length = _b.peek(data)[0]
        return cls._curve_import(_RAW_PRIVATE, data, length, curve, sizes, "ECPrivateKey.from_raw")

    def to_raw(self) -> bytes:
        """The big-endian private scalar: secret bytes."""
        return self._export(_RAW_PRIVATE, "to_raw")

    @classmethod
    def from_sec1_der(cls, data: Buffer) -> ECPrivateKey:
        """The key pair from an RFC 5915 ECPrivateKey (DER) that names its curve."""
        return cls._import(_SEC1_PRIVATE_DER, data, "ECPrivateKey.from_sec1_der")

    @classmethod
    def from_sec1_pem(cls, data: Buffer) -> ECPrivateKey:
        """The key pair from one "EC PRIVATE KEY" PEM block (unencrypted)."""
        return cls._import(_SEC1_PRIVATE_PEM, data, "ECPrivateKey.from_sec1_pem")

    def to_sec1_der(self) -> bytes:
        """The key pair as an RFC 5915 ECPrivateKey (DER, with its curve and public key)."""
        return self._export(_SEC1_PRIVATE_DER, "to_sec1_der")

    def to_sec1_pem(self) -> bytes:
        """The key pair as an "EC PRIVATE KEY" PEM block: secret bytes."""
        return self._export(_SEC1_PRIVATE_PEM, "to_sec1_pem")

    def sign(
        self, data: Buffer, encoding: str = "der", *, hash: Optional[HashAlgorithm] = None,
        backend: Optional[str] = None,
    ) -> bytes:
        """The ECDSA signature of ``data``, in ``encoding`` "der" (X9.62) or "p1363" (r || s),
        over ``hash`` (by default the curve's own; see :meth:`ECPublicKey.verify`)."""
        return self._sign_with(
            _ecdsa_scheme(encoding), _hash_number(hash, "ECPrivateKey.sign"), 0, data, backend,
            False, "sign",
        )

    def sign_digest(
        self, digest: Buffer, encoding: str = "der", *, hash: Optional[HashAlgorithm] = None
    ) -> bytes:
        """Like :meth:`sign` over a digest computed by the caller (see ``verify_digest``)."""
        return self._sign_with(
            _ecdsa_scheme(encoding), _hash_number(hash, "ECPrivateKey.sign_digest"), 0, digest,
            None, True, "sign_digest",
        )

    def exchange(self, peer_public_key: ECPublicKey, *, backend: Optional[str] = None) -> bytes:
        """The ECDH shared secret (the x-coordinate: 32, 48 or 66 bytes) with ``peer_public_key``,
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
    """An RSA public key, 2048 to 4096 bits: SPKI, or PKCS#1 RSAPublicKey."""

    __slots__ = ()

    @classmethod
    def from_pkcs1_der(cls, data: Buffer) -> RSAPublicKey:
        """The public key from a PKCS#1 RSAPublicKey (DER)."""
        return cls._import(_PKCS1_PUBLIC_DER, data, "RSAPublicKey.from_pkcs1_der")

    @classmethod
    def from_pkcs1_pem(cls, data: Buffer) -> RSAPublicKey:
        """The public key from one "RSA PUBLIC KEY" PEM block."""
        return cls._import(_PKCS1_PUBLIC_PEM, data, "RSAPublicKey.from_pkcs1_pem")

    def to_pkcs1_der(self) -> bytes:
        """The public key as a PKCS#1 RSAPublicKey (DER)."""
        return self._export(_PKCS1_PUBLIC_DER, "to_pkcs1_der")

    def to_pkcs1_pem(self) -> bytes:
        """The public key as an "RSA PUBLIC KEY" PEM block."""
        return self._export(_PKCS1_PUBLIC_PEM, "to_pkcs1_pem")

    def verify(
        self, signature: Buffer, data: Buffer, padding: str = "pss", *,
        hash: Optional[HashAlgorithm] = None, salt_length: Union[int, str, None] = None,
        backend: Optional[str] = None,
    ) -> None:
        """Return None when ``signature`` is a valid signature of ``data``; raise
        :class:`nacre.InvalidSignature` otherwise. ``padding``: "pss" (MGF1 over the same hash)
        or "pkcs1v15". ``hash``: SHA-256 by default, or SHA-224/384/512. ``salt_length`` (PSS
        only): by default any length the signature used ("auto"); a number of bytes, "digest"
        or "max" requires exactly that."""
        scheme, h, salt = _rsa_params(padding, hash, salt_length, False, "RSAPublicKey.verify")
        self._verify_with(scheme, h, salt, signature, data, backend, False, "verify")

    def verify_digest(
        self, signature: Buffer, digest: Buffer, padding: str = "pss", *,
        hash: Optional[HashAlgorithm] = None, salt_length: Union[int, str, None] = None,
    ) -> None:
        """Like :meth:`verify` over a digest (of the hash's length) computed by the caller."""
        scheme, h, salt = _rsa_params(
            padding, hash, salt_length, False, "RSAPublicKey.verify_digest"
        )
        self._verify_with(scheme, h, salt, signature, digest, None, True, "verify_digest")

    def encrypt(self, data: Buffer, label: Buffer = b"") -> bytes:
        """RSA-OAEP (SHA-256, MGF1-SHA-256) encryption of ``data`` (at most key_size / 8 - 66
        bytes; longer is a ValueError) with ``label``; the output has the modulus size."""
        return _b.rsa_oaep_encrypt(
            self._key, data, label, (self._bits + 7) // 8, "RSAPublicKey.encrypt"
        )


class RSAPrivateKey(_RSAKey, _PKCS8, _Signer):
    """An RSA key pair, 2048 to 4096 bits: PKCS#8 (plain or encrypted), or PKCS#1
    RSAPrivateKey (OpenSSL's "traditional" form)."""

    __slots__ = ()
    _PUBLIC = RSAPublicKey

    @classmethod
    def from_pkcs1_der(cls, data: Buffer) -> RSAPrivateKey:
        """The key pair from a PKCS#1 RSAPrivateKey (DER)."""
        return cls._import(_PKCS1_PRIVATE_DER, data, "RSAPrivateKey.from_pkcs1_der")

    @classmethod
    def from_pkcs1_pem(cls, data: Buffer) -> RSAPrivateKey:
        """The key pair from one "RSA PRIVATE KEY" PEM block (unencrypted)."""
        return cls._import(_PKCS1_PRIVATE_PEM, data, "RSAPrivateKey.from_pkcs1_pem")

    def to_pkcs1_der(self) -> bytes:
        """The key pair as a PKCS#1 RSAPrivateKey (DER): secret bytes."""
        return self._export(_PKCS1_PRIVATE_DER, "to_pkcs1_der")

    def to_pkcs1_pem(self) -> bytes:
        """The key pair as an "RSA PRIVATE KEY" PEM block: secret bytes."""
        return self._export(_PKCS1_PRIVATE_PEM, "to_pkcs1_pem")

    def public_key(self) -> RSAPublicKey:
        """The public key of this key pair."""
        return self._public_key(RSAPublicKey)

    @classmethod
    def generate(cls, bits: int = 3072) -> RSAPrivateKey:
        """A fresh key pair with a ``bits``-bit modulus (2048, 3072 or 4096) and exponent
        65537. Takes a while: seconds for 4096 bits."""
        return cls._generate(_RSA, size(bits, "bits"))

    def sign(
        self, data: Buffer, padding: str = "pss", *, hash: Optional[HashAlgorithm] = None,
        salt_length: Union[int, str, None] = None, backend: Optional[str] = None,
    ) -> bytes:
        """The signature of ``data`` with ``padding`` "pss" (MGF1 over the same hash, random
        salt) or "pkcs1v15" (deterministic: RS256 and the like). ``hash``: SHA-256 by default,
        or SHA-224/384/512. ``salt_length`` (PSS only): the hash's length by default ("digest"),
        "max" (the longest the key allows, pyca's PSS.MAX_LENGTH) or a number of bytes."""
        scheme, h, salt = _rsa_params(padding, hash, salt_length, True, "RSAPrivateKey.sign")
        return self._sign_with(scheme, h, salt, data, backend, False, "sign")

    def sign_digest(
        self, digest: Buffer, padding: str = "pss", *, hash: Optional[HashAlgorithm] = None,
        salt_length: Union[int, str, None] = None,
    ) -> bytes:
        """Like :meth:`sign` over a digest (of the hash's length) computed by the caller."""
        scheme, h, salt = _rsa_params(
            padding, hash, salt_length, True, "RSAPrivateKey.sign_digest"
        )
        return self._sign_with(scheme, h, salt, digest, None, True, "sign_digest")

    def decrypt(self, data: Buffer, label: Buffer = b"") -> bytes:
        """RSA-OAEP decryption of ``data`` with ``label``; :class:`nacre.InvalidTag` when it
        fails (wrong key, label or ciphertext), with no detail on why."""
        return _b.rsa_oaep_decrypt(
            self._key, data, label, (self._bits + 7) // 8, "RSAPrivateKey.decrypt"
        )


class MLKEM768PublicKey(_KEMPublic):
    """An ML-KEM-768 encapsulation key (FIPS 203): 1184 raw bytes."""

    __slots__ = ()
    _TYPES = (_MLKEM768,)
    CIPHERTEXT_SIZE = _b.kem_ciphertext_size(_MLKEM768)
    SHARED_SECRET_SIZE = _b.kem_shared_secret_size(_MLKEM768)


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
    CIPHERTEXT_SIZE = _b.kem_ciphertext_size(_XWING)
    SHARED_SECRET_SIZE = _b.kem_shared_secret_size(_XWING)


class XWingPrivateKey(_KEMPrivate):
    """An X-Wing key pair. Raw form: the 32-byte seed."""

    __slots__ = ()
    _TYPES = (_XWING,)
    _PUBLIC = XWingPublicKey

    def public_key(self) -> XWingPublicKey:
        """The public key of this key pair."""
        return self._public_key(XWingPublicKey)


# The library's key type names ("x25519", "p256", "ml-kem-768", ...), from its table.
_TYPE_NAME: Dict[int, str] = _b.TYPE_NAMES

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


def load_private_key(data: Buffer, password: Optional[Buffer] = None) -> AnyPrivateKey:
    """A private key, of the class its algorithm calls for (X25519, Ed25519, EC or RSA), from
    PKCS#8 (plain, or encrypted under ``password``), PKCS#1 RSAPrivateKey or an RFC 5915
    ECPrivateKey, in DER or PEM (told apart by the "-----BEGIN" line, whose label names the
    encoding; in DER, ``password`` means encrypted PKCS#8).

    Malformed input and wrong passwords are :class:`nacre.InvalidKey`, with a message naming what
    was found; a key of an algorithm or curve nacre does not offer, or an encryption scheme it
    does not read, is :class:`nacre.UnsupportedAlgorithm`. As in pyca/cryptography, an encrypted
    key without a password, or a password for a key that is not encrypted, is a TypeError.
    """
    where = "load_private_key"
    head = _b.peek(data, _PEM_PEEK)[1]
    label = _pem_label(head)
    if label in ("RSA PRIVATE KEY", "EC PRIVATE KEY") and b"Proc-Type:" in head:
        # OpenSSL's legacy PEM encryption: the library refuses it and says how to convert.
        return cast(AnyPrivateKey, PrivateKey._import(_PRIVATE_PEM[label], data, where, 0))
    encrypted = label == "ENCRYPTED PRIVATE KEY" or (label is None and password is not None)
    if encrypted != (password is not None):
        raise TypeError(
            f"{where}: the key is encrypted and needs a password" if encrypted
            else f"{where}: a password was given but the key is not encrypted"
        )
    if encrypted:
        fmt = _ENCRYPTED_PEM if label is not None else _ENCRYPTED_DER
        handle = _b.import_encrypted(0, fmt, data, cast(Buffer, password), where)
        return cast(AnyPrivateKey, PrivateKey._wrap(handle, where))
    if label is not None:
        # Any other label goes to PKCS#8, whose refusal names the label that was found.
        fmt = _PRIVATE_PEM.get(label, _PKCS8_PEM)
        return cast(AnyPrivateKey, PrivateKey._import(fmt, data, where, 0))
    return cast(AnyPrivateKey, _first_that_parses(
        PrivateKey, (_PKCS8_DER, _PKCS1_PRIVATE_DER, _SEC1_PRIVATE_DER), data, where))


def load_public_key(data: Buffer) -> AnyPublicKey:
    """A public key from SubjectPublicKeyInfo or PKCS#1 RSAPublicKey, DER or PEM, of the class
    its algorithm calls for (see :func:`load_private_key`)."""
    where = "load_public_key"
    label = _pem_label(_b.peek(data, _PEM_PEEK)[1])
    if label is not None:
        fmt = _PUBLIC_PEM.get(label, _SPKI_PEM)
        return cast(AnyPublicKey, PublicKey._import(fmt, data, where, 0))
    return cast(AnyPublicKey, _first_that_parses(
        PublicKey, (_SPKI_DER, _PKCS1_PUBLIC_DER), data, where))


def load_legacy_rsa_public_key(data: Buffer) -> RSAPublicKey:
    """An RSA public key of 1024 to 4096 bits (SPKI or PKCS#1, DER or PEM), for verifying
    signatures made before 2048 bits became the floor; :func:`load_public_key` refuses keys below
    2048 bits, which factoring is within reach of. A key below 2048 bits verifies only:
    ``encrypt`` with it is :class:`nacre.InvalidKey`."""
    where = "load_legacy_rsa_public_key"
    label = _pem_label(_b.peek(data, _PEM_PEEK)[1])
    if label is not None:
        fmt = _PUBLIC_PEM.get(label, _SPKI_PEM)
        return RSAPublicKey._wrap(_b.import_legacy_rsa(fmt, data, where), where)
    return _import_any((_SPKI_DER, _PKCS1_PUBLIC_DER), lambda fmt: RSAPublicKey._wrap(
        _b.import_legacy_rsa(fmt, data, where), where))


# How the library says "these bytes are not this structure" (as opposed to "a key of this
# structure, refused for a reason": its size, its curve, its point).
_NOT_THIS_STRUCTURE = (
    "malformed key encoding", "not a PKCS#1", "not an RFC 5915", "trailing bytes",
)


def _import_any(formats: Tuple[int, ...], load: Callable[[int], _K]) -> _K:
    """DER carries no label: the key from the first of ``formats`` that reads it. When none
    does, the error of a format that recognised the structure and refused the key (it says
    why), else the first format's."""
    errors: List[InvalidKey] = []
    for fmt in formats:
        try:
            return load(fmt)
        except InvalidKey as exc:
            errors.append(exc)
    telling = [e for e in errors if not any(m in str(e) for m in _NOT_THIS_STRUCTURE)]
    raise (telling or errors)[0]


def _first_that_parses(cls: Type[_K], formats: Tuple[int, ...], data: Buffer, where: str) -> _K:
    return _import_any(formats, lambda fmt: cls._import(fmt, data, where, 0))
