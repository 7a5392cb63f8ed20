"""PyNaCl's classes, for code moving from PyNaCl: ``nacl.X`` becomes ``nacre.nacl.X``.

>>> from nacre.nacl.signing import SigningKey
>>> from nacre.nacl.encoding import HexEncoder
>>> key = SigningKey(bytes(32))
>>> key.verify_key.encode(HexEncoder)
b'3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29'

Submodules, each with the names of PyNaCl 1.6's module of the same name:
:mod:`nacre.nacl.secret` (``SecretBox``, ``Aead``), :mod:`nacre.nacl.public` (``PrivateKey``,
``PublicKey``, ``Box``, ``SealedBox``), :mod:`nacre.nacl.signing` (``SigningKey``,
``VerifyKey``, ``SignedMessage``), :mod:`nacre.nacl.encoding` (the encoders),
:mod:`nacre.nacl.exceptions` and :mod:`nacre.nacl.utils` (``random``, ``EncryptedMessage``).
Constructors take the same arguments, methods the same arguments and encoders, and every
output is byte for byte what PyNaCl gives (the test suite checks both directions against PyNaCl
1.6.2), so data written by one is read by the other.

Differences, all deliberate:

- Errors are nacre's: every exception is a :class:`nacre.Error`, which is also
  ``nacre.nacl.exceptions.CryptoError``, so ``except CryptoError`` still catches them all; a
  bad signature raises ``BadSignatureError`` (:class:`nacre.InvalidSignature`), a box that does
  not open :class:`nacre.InvalidTag`, a wrong size ``nacre.nacl.exceptions.ValueError``.
- ``VerifyKey`` refuses an Ed25519 public key that is not a canonical point of prime order
  when it is made (:class:`nacre.InvalidKey`), where PyNaCl fails at verification.
- ``str()`` of an object that holds a secret (``SigningKey``, ``PrivateKey``, ``SecretBox``,
  ``Box``) does not show it; ``bytes()`` and ``encode()`` still give it, as in PyNaCl.
- ``nacl.utils.randombytes_deterministic``, ``nacl.hash``, ``nacl.pwhash`` and ``nacl.bindings``
  are not here: :mod:`nacre.hash`, :mod:`nacre.pwhash` and :mod:`nacre.kdf` offer those
  primitives in nacre's shape.

The objects keep their keys the way PyNaCl does (a ``SecretBox`` also holds a copy of its key,
for ``bytes()``); nacre's own classes (:class:`nacre.secret.SecretBox`, :mod:`nacre.keys`,
:mod:`nacre.box`) keep them only inside the library.
"""

from __future__ import annotations

from . import encoding, exceptions, public, secret, signing, utils

__all__ = ["encoding", "exceptions", "public", "secret", "signing", "utils"]
