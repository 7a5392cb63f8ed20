"""PyNaCl's ``nacl.public``: X25519 keys, :class:`Box` (crypto_box) and :class:`SealedBox`."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Optional, Tuple, Type, TypeVar

from .. import box as _box
from .. import secret as _secret
from .._args import Buffer
from ..encoding import Encodable, Encoder, RawEncoder, _decode, _encode
from ..hash import sha512
from ..keys import X25519PrivateKey, X25519PublicKey
from ..secret import EncryptedMessage
from . import exceptions as exc
from ._shape import KeyHolder, NoSecretStr
from .utils import StringFixer

__all__ = ["PublicKey", "PrivateKey", "Box", "SealedBox"]

_SIZE = 32
_Priv = TypeVar("_Priv", bound="PrivateKey")
_B = TypeVar("_B", bound="Box")


class PublicKey(KeyHolder, Encodable, StringFixer):
    """An X25519 public key: 32 bytes."""

    SIZE: ClassVar[int] = _SIZE
    __slots__ = ()
    _key: X25519PublicKey
    _FROM_RAW = X25519PublicKey.from_raw
    _TYPE_MESSAGE = f"PublicKey must be created from {_SIZE} bytes"
    _SIZE_MESSAGE = f"The public key must be exactly {_SIZE} bytes long"

    def __init__(self, public_key: bytes, encoder: Encoder = RawEncoder) -> None:
        self._init_from(public_key, encoder)


class PrivateKey(NoSecretStr, KeyHolder, Encodable):
    """An X25519 private key: the 32-byte scalar, with its :attr:`public_key`."""

    SIZE: ClassVar[int] = _SIZE
    SEED_SIZE: ClassVar[int] = _SIZE
    __slots__ = ("public_key",)
    _key: X25519PrivateKey
    public_key: PublicKey

    def __init__(self, private_key: bytes, encoder: Encoder = RawEncoder) -> None:
        raw = _decode(encoder, private_key)
        if not (isinstance(raw, bytes) and len(raw) == _SIZE):
            raise exc.TypeError(
                f"PrivateKey must be created from a {_SIZE} bytes long raw secret key"
            )
        self._set(X25519PrivateKey.from_raw(raw))

    def _set(self, key: X25519PrivateKey) -> None:
        self._key = key
        self.public_key = PublicKey._of(key.public_key())

    @classmethod
    def from_seed(cls: Type[_Priv], seed: bytes, encoder: Encoder = RawEncoder) -> _Priv:
        """The key pair libsodium's ``crypto_box_seed_keypair`` makes from a 32-byte seed: the
        scalar is the first half of SHA-512(seed)."""
        raw = _decode(encoder, seed)
        if not (isinstance(raw, bytes) and len(raw) == cls.SEED_SIZE):
            raise exc.TypeError(
                f"PrivateKey seed must be a {cls.SEED_SIZE} bytes long binary sequence"
            )
        return cls(sha512(raw).digest()[:_SIZE])

    @classmethod
    def generate(cls: Type[_Priv]) -> _Priv:
        """A fresh random key pair."""
        return cls._of(X25519PrivateKey.generate())

    def _public_bytes(self) -> bytes:
        return bytes(self.public_key)


class Box(NoSecretStr, Encodable):
    """crypto_box between our :class:`PrivateKey` and their :class:`PublicKey`: a secret box
    under the pair's shared key (``crypto_box_beforenm``), computed once."""

    NONCE_SIZE: ClassVar[int] = _secret.NONCE_SIZE
    __slots__ = ("_shared", "_box")

    def __init__(self, private_key: PrivateKey, public_key: PublicKey) -> None:
        if not isinstance(private_key, PrivateKey) or not isinstance(public_key, PublicKey):
            raise exc.TypeError("Box must be created from a PrivateKey and a PublicKey")
        self._set(_box.shared_key(private_key._key, public_key._key))

    def _set(self, shared: bytes) -> None:
        self._box = _secret.SecretBox(shared)
        self._shared = shared

    @classmethod
    def decode(cls: Type[_B], encoded: bytes, encoder: Encoder = RawEncoder) -> _B:
        """A Box from the shared key another Box gave (``bytes(box)``, ``box.shared_key()``)."""
        box = cls.__new__(cls)
        box._set(_decode(encoder, encoded))
        return box

    def __bytes__(self) -> bytes:
        return self._shared

    def shared_key(self) -> bytes:
        """The 32-byte shared key (a secret)."""
        return self._shared

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self).decode, (self._shared,))  # pickles with its secret, as PyNaCl's

    def encrypt(
        self, plaintext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> EncryptedMessage:
        """``nonce ‖ tag ‖ ciphertext`` for the peer (a random nonce unless one is given), as
        :meth:`nacre.secret.SecretBox.encrypt` under the pair's shared key."""
        return self._box.encrypt(plaintext, nonce, encoder)

    def decrypt(
        self, ciphertext: Buffer, nonce: Optional[Buffer] = None, encoder: Encoder = RawEncoder
    ) -> bytes:
        """The plaintext of what the peer's Box encrypted; :class:`nacre.InvalidTag` when it
        does not authenticate (too short included)."""
        return self._box.decrypt(ciphertext, nonce, encoder)


_Key = TypeVar("_Key", PublicKey, PrivateKey)


class SealedBox(Encodable, StringFixer, Generic[_Key]):
    """Anonymous boxes (crypto_box_seal) to a recipient: made with their :class:`PublicKey`
    (encrypt only) or their :class:`PrivateKey` (encrypt and decrypt)."""

    __slots__ = ("_public", "_private")

    def __init__(self, recipient_key: _Key) -> None:
        self._private: Optional[X25519PrivateKey]
        if isinstance(recipient_key, PublicKey):
            self._public, self._private = recipient_key._key, None
        elif isinstance(recipient_key, PrivateKey):
            self._public, self._private = recipient_key.public_key._key, recipient_key._key
        else:
            raise exc.TypeError("SealedBox must be created from a PublicKey or a PrivateKey")

    def __bytes__(self) -> bytes:
        return self._public.to_raw()

    def __reduce__(self) -> Tuple[Any, ...]:
        key: Any = (
            PublicKey._of(self._public) if self._private is None else PrivateKey._of(self._private)
        )
        return (type(self), (key,))

    def encrypt(self, plaintext: Buffer, encoder: Encoder = RawEncoder) -> bytes:
        """An anonymous sealed box of ``plaintext`` for the recipient, encoded."""
        return _encode(encoder, _box.seal(self._public, plaintext))

    def decrypt(self, ciphertext: Any, encoder: Encoder = RawEncoder) -> bytes:
        """The plaintext of a sealed box (decoded first); needs the recipient's PrivateKey
        (TypeError otherwise); :class:`nacre.InvalidTag` when it does not open."""
        data = _decode(encoder, ciphertext)
        if self._private is None:
            raise exc.TypeError("SealedBoxes created with a public key cannot decrypt")
        return _box.seal_open(self._private, data)
