"""Public-key boxes (libsodium's crypto_box and sealed boxes): X25519 keys, XSalsa20-Poly1305.

>>> from nacre.keys import X25519PrivateKey
>>> from nacre import box
>>> alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
>>> sealed = box.seal(bob.public_key(), b"anonymous")  # only bob can open; sender unknown
>>> box.seal_open(bob, sealed)
b'anonymous'
>>> data = box.Box(alice, bob.public_key()).encrypt(b"from alice")  # random nonce in front
>>> box.Box(bob, alice.public_key()).decrypt(data)
b'from alice'

A sealed box (:func:`seal`) is anonymous: anyone can make one for a public key, only the
holder of the private key can open it, and it proves nothing about who sent it. It is
:data:`SEAL_OVERHEAD` bytes longer than the message. It is compatible with PyNaCl's
``SealedBox`` and libsodium's ``crypto_box_seal``.

A :class:`Box` is authenticated both ways: the recipient knows the message came from the holder
of the sender's private key. Each message needs a :data:`NONCE_SIZE`-byte nonce that never
repeats for the pair of keys; with ``nonce=None`` (the default) a random one is chosen and put in
front of the ciphertext, as PyNaCl's ``Box`` does, so both read each other's output. Ciphertexts
are :data:`OVERHEAD` bytes longer than their messages (plus the nonce when it is prepended).

A box that was altered, or made for other keys, raises :class:`nacre.InvalidTag` on opening.
Keys of another class than X25519 are a TypeError.
"""

from __future__ import annotations

from typing import Any, Optional

from ._args import Buffer
from ._binding import box as _b
from ._errors import InvalidArgument, InvalidTag
from ._random import random_bytes
from .keys import X25519PrivateKey, X25519PublicKey

__all__ = ["seal", "seal_open", "shared_key", "Box", "SEAL_OVERHEAD", "OVERHEAD", "NONCE_SIZE"]

#: How much longer a sealed box is than its message (ephemeral public key and tag).
SEAL_OVERHEAD: int = _b.SEAL_OVERHEAD
#: How much longer a Box ciphertext is than its message (the tag), nonce not counted.
OVERHEAD: int = _b.OVERHEAD
#: The size of a Box nonce.
NONCE_SIZE: int = _b.NONCE_LEN


def _require(key: object, cls: type, what: str) -> None:
    if not isinstance(key, cls):
        raise TypeError(f"{what} must be an {cls.__name__}, not {type(key).__name__!r}")


def seal(recipient_public_key: X25519PublicKey, data: Buffer) -> bytes:
    """An anonymous sealed box of ``data`` for ``recipient_public_key``."""
    _require(recipient_public_key, X25519PublicKey, "recipient_public_key")
    return _b.seal(recipient_public_key._key, data, "box.seal")


def seal_open(recipient_private_key: X25519PrivateKey, data: Buffer) -> bytes:
    """The message in the sealed box ``data``; :class:`nacre.InvalidTag` when it was altered,
    was made for another key or is too short."""
    _require(recipient_private_key, X25519PrivateKey, "recipient_private_key")
    if (len(data) if type(data) is bytes else _b.length(data, "data")) < SEAL_OVERHEAD:
        raise InvalidTag("box.seal_open: the sealed box is shorter than its overhead")
    return _b.seal_open(recipient_private_key._key, data, "box.seal_open")


def shared_key(private_key: X25519PrivateKey, peer_public_key: X25519PublicKey) -> bytes:
    """The 32-byte key (libsodium's ``crypto_box_beforenm``) that a :class:`Box` between the
    two keys is a :class:`nacre.secret.SecretBox` under: the same from either side, what
    PyNaCl's ``Box.shared_key()`` returns. It is a secret. A small-order peer key is
    :class:`nacre.InvalidKey`."""
    _require(private_key, X25519PrivateKey, "private_key")
    _require(peer_public_key, X25519PublicKey, "peer_public_key")
    return _b.shared_key(private_key._key, peer_public_key._key, "box.shared_key")


class Box:
    """crypto_box between ``private_key`` (ours) and ``peer_public_key`` (theirs).

    Both sides build the same Box from their own private key and the other's public key; either
    may then encrypt, and the other decrypt. The object is immutable and may be shared by threads.
    """

    __slots__ = ("_private", "_peer", "__weakref__")

    def __init__(self, private_key: X25519PrivateKey, peer_public_key: X25519PublicKey) -> None:
        _require(private_key, X25519PrivateKey, "private_key")
        _require(peer_public_key, X25519PublicKey, "peer_public_key")
        self._private = private_key
        self._peer = peer_public_key

    @staticmethod
    def _nonce(nonce: Buffer) -> None:
        n = len(nonce) if type(nonce) is bytes else _b.length(nonce, "nonce")
        if n != NONCE_SIZE:
            raise InvalidArgument(f"Box: nonce must be {NONCE_SIZE} bytes, got {n}")

    def encrypt(self, data: Buffer, nonce: Optional[Buffer] = None) -> bytes:
        """Encrypt and authenticate ``data`` for the peer.

        ``nonce`` None: a random nonce is chosen and the result is nonce ‖ ciphertext (what
        :meth:`decrypt` and PyNaCl's ``Box.decrypt`` take without a nonce). With a nonce
        (:data:`NONCE_SIZE` bytes, never twice for this pair of keys) the result is the
        ciphertext alone, ``len(data) + OVERHEAD`` bytes.
        """
        if nonce is None:
            prefix = random_bytes(NONCE_SIZE)
            return prefix + _b.box(self._private._key, self._peer._key, prefix, data,
                                   "Box.encrypt")
        self._nonce(nonce)
        return _b.box(self._private._key, self._peer._key, nonce, data, "Box.encrypt")

    def decrypt(self, data: Buffer, nonce: Optional[Buffer] = None) -> bytes:
        """Check and decrypt what the peer's :meth:`encrypt` made: nonce ‖ ciphertext when
        ``nonce`` is None, else the ciphertext under ``nonce``. :class:`nacre.InvalidTag` when
        anything was altered or the keys do not match."""
        if nonce is None:  # nonce ‖ ciphertext, split without copying
            if (len(data) if type(data) is bytes else _b.length(data, "data")) < (
                NONCE_SIZE + OVERHEAD
            ):
                raise InvalidTag("Box.decrypt: the data is shorter than a nonce and a tag")
            return _b.box_open_prefixed(self._private._key, self._peer._key, data, "Box.decrypt")
        self._nonce(nonce)
        if (len(data) if type(data) is bytes else _b.length(data, "data")) < OVERHEAD:
            raise InvalidTag("Box.decrypt: the ciphertext is shorter than a tag")
        return _b.box_open(self._private._key, self._peer._key, nonce, data, "Box.decrypt")

    def __repr__(self) -> str:
        return f"<nacre.box.Box at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Box objects: they hold a private key")
