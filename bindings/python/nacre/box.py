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

from typing import TYPE_CHECKING, Any, Optional, Union

from ._args import Buffer
from ._binding.buffers import borrows, input_arg, readable
from ._binding.keys import output as _output
from ._errors import InvalidArgument, InvalidTag
from ._nacre import lib
from ._random import random_bytes
from .keys import X25519PrivateKey, X25519PublicKey

if TYPE_CHECKING:
    from ._args import CData

__all__ = ["seal", "seal_open", "shared_key", "Box", "SEAL_OVERHEAD", "OVERHEAD", "NONCE_SIZE"]

#: How much longer a sealed box is than its message (ephemeral public key and tag).
SEAL_OVERHEAD: int = lib.NACRE_BOX_SEAL_OVERHEAD
#: How much longer a Box ciphertext is than its message (the tag), nonce not counted.
OVERHEAD: int = lib.NACRE_BOX_OVERHEAD
#: The size of a Box nonce.
NONCE_SIZE: int = lib.NACRE_BOX_NONCE_LEN


def _require(key: object, cls: type, what: str) -> None:
    if not isinstance(key, cls):
        raise TypeError(f"{what} must be an {cls.__name__}, not {type(key).__name__!r}")


@borrows
def seal(recipient_public_key: X25519PublicKey, data: Buffer) -> bytes:
    """An anonymous sealed box of ``data`` for ``recipient_public_key``."""
    _require(recipient_public_key, X25519PublicKey, "recipient_public_key")
    key, src = recipient_public_key._key, input_arg(data, "data")
    return _output(
        lambda out, cap, n: lib.nacre_box_seal(key, out, cap, n, src, len(src)),
        "box.seal",
        len(src) + SEAL_OVERHEAD,
    )


@borrows
def seal_open(recipient_private_key: X25519PrivateKey, data: Buffer) -> bytes:
    """The message in the sealed box ``data``; :class:`nacre.InvalidTag` when it was altered,
    was made for another key or is too short."""
    _require(recipient_private_key, X25519PrivateKey, "recipient_private_key")
    key, src = recipient_private_key._key, input_arg(data, "data")
    if len(src) < SEAL_OVERHEAD:
        raise InvalidTag("box.seal_open: the sealed box is shorter than its overhead")
    return _output(
        lambda out, cap, n: lib.nacre_box_seal_open(key, out, cap, n, src, len(src)),
        "box.seal_open",
        len(src) - SEAL_OVERHEAD,
        mismatch=InvalidTag,
    )


def shared_key(private_key: X25519PrivateKey, peer_public_key: X25519PublicKey) -> bytes:
    """The 32-byte key (libsodium's ``crypto_box_beforenm``) that a :class:`Box` between the
    two keys is a :class:`nacre.secret.SecretBox` under: the same from either side, what
    PyNaCl's ``Box.shared_key()`` returns. It is a secret. A small-order peer key is
    :class:`nacre.InvalidKey`."""
    _require(private_key, X25519PrivateKey, "private_key")
    _require(peer_public_key, X25519PublicKey, "peer_public_key")
    mine, theirs = private_key._key, peer_public_key._key
    return _output(
        lambda out, cap, n: lib.nacre_box_shared_key(mine, theirs, out, cap, n),
        "box.shared_key",
        lib.NACRE_SECRETBOX_KEY_LEN,
        secret=True,
    )


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
    def _nonce(nonce: Buffer) -> Union[bytes, CData]:
        buf = input_arg(nonce, "nonce")
        if len(buf) != NONCE_SIZE:
            raise InvalidArgument(f"Box: nonce must be {NONCE_SIZE} bytes, got {len(buf)}")
        return buf

    @borrows
    def encrypt(self, data: Buffer, nonce: Optional[Buffer] = None) -> bytes:
        """Encrypt and authenticate ``data`` for the peer.

        ``nonce`` None: a random nonce is chosen and the result is nonce ‖ ciphertext (what
        :meth:`decrypt` and PyNaCl's ``Box.decrypt`` take without a nonce). With a nonce
        (:data:`NONCE_SIZE` bytes, never twice for this pair of keys) the result is the
        ciphertext alone, ``len(data) + OVERHEAD`` bytes.
        """
        prefix = random_bytes(NONCE_SIZE) if nonce is None else b""
        nonce_buf = self._nonce(prefix if nonce is None else nonce)
        sender, recipient, src = self._private._key, self._peer._key, input_arg(data, "data")
        ct = _output(
            lambda out, cap, n: lib.nacre_box(
                sender, recipient, out, cap, n, nonce_buf, NONCE_SIZE, src, len(src)
            ),
            "Box.encrypt",
            len(src) + OVERHEAD,
        )
        return prefix + ct

    @borrows
    def decrypt(self, data: Buffer, nonce: Optional[Buffer] = None) -> bytes:
        """Check and decrypt what the peer's :meth:`encrypt` made: nonce ‖ ciphertext when
        ``nonce`` is None, else the ciphertext under ``nonce``. :class:`nacre.InvalidTag` when
        anything was altered or the keys do not match."""
        if nonce is None:
            view = readable(data, "data")  # nonce ‖ ciphertext, split without copying
            if len(view) < NONCE_SIZE + OVERHEAD:
                raise InvalidTag("Box.decrypt: the data is shorter than a nonce and a tag")
            nonce_buf, src = view[0:NONCE_SIZE], view[NONCE_SIZE : len(view)]
        else:
            nonce_buf, src = self._nonce(nonce), input_arg(data, "data")
            if len(src) < OVERHEAD:
                raise InvalidTag("Box.decrypt: the ciphertext is shorter than a tag")
        recipient, sender = self._private._key, self._peer._key
        return _output(
            lambda out, cap, n: lib.nacre_box_open(
                recipient, sender, out, cap, n, nonce_buf, NONCE_SIZE, src, len(src)
            ),
            "Box.decrypt",
            len(src) - OVERHEAD,
            mismatch=InvalidTag,
        )

    def __repr__(self) -> str:
        return f"<nacre.box.Box at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Box objects: they hold a private key")
