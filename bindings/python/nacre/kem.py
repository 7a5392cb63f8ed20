"""Key encapsulation (libsodium): ML-KEM-768 (FIPS 203) and X-Wing (X25519 + ML-KEM-768).

>>> from nacre.keys import XWingPrivateKey
>>> from nacre import kem
>>> key = XWingPrivateKey.generate()
>>> ciphertext, secret = kem.encapsulate(key.public_key())  # the sender's side
>>> kem.decapsulate(key, ciphertext) == secret              # the key owner's side
True

The same operations are methods of the key classes: ``public_key.encapsulate()`` and
``private_key.decapsulate(ciphertext)``. Shared secrets are :data:`SHARED_SECRET_SIZE` bytes;
ciphertexts are 1088 bytes for ML-KEM-768 and 1120 for X-Wing (``CIPHERTEXT_SIZE`` on the public
key classes).

Decapsulation has implicit rejection: a ciphertext that was altered (but has the right size)
gives an unrelated secret rather than an error, so a protocol must confirm the secret (use it as
a key and let authentication fail). A ciphertext of the wrong size is a ValueError
(:class:`nacre.InvalidArgument`). Keys of other classes are a TypeError.
"""

from __future__ import annotations

from typing import Tuple, Union

from ._args import Buffer
from .keys import MLKEM768PrivateKey, MLKEM768PublicKey, XWingPrivateKey, XWingPublicKey

__all__ = ["encapsulate", "decapsulate", "SHARED_SECRET_SIZE"]

#: The size of every shared secret (both algorithms).
SHARED_SECRET_SIZE: int = MLKEM768PublicKey.SHARED_SECRET_SIZE

KEMPublicKey = Union[MLKEM768PublicKey, XWingPublicKey]
KEMPrivateKey = Union[MLKEM768PrivateKey, XWingPrivateKey]


def encapsulate(public_key: KEMPublicKey) -> Tuple[bytes, bytes]:
    """A fresh shared secret for ``public_key``: ``(ciphertext, shared_secret)``."""
    if not isinstance(public_key, (MLKEM768PublicKey, XWingPublicKey)):
        raise TypeError(
            "encapsulate: public_key must be an MLKEM768PublicKey or XWingPublicKey, not "
            f"{type(public_key).__name__!r}"
        )
    return public_key.encapsulate()


def decapsulate(private_key: KEMPrivateKey, ciphertext: Buffer) -> bytes:
    """The shared secret carried by ``ciphertext``, recovered with ``private_key``."""
    if not isinstance(private_key, (MLKEM768PrivateKey, XWingPrivateKey)):
        raise TypeError(
            "decapsulate: private_key must be an MLKEM768PrivateKey or XWingPrivateKey, not "
            f"{type(private_key).__name__!r}"
        )
    return private_key.decapsulate(ciphertext)
