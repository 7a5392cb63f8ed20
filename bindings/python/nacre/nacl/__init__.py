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

- Errors are nacre's. What the library refuses is a :class:`nacre.Error`, which is also
  ``nacre.nacl.exceptions.CryptoError``, so ``except CryptoError`` catches it as PyNaCl's does:
  a bad signature raises ``BadSignatureError`` (:class:`nacre.InvalidSignature`), a wrong size
  ``nacre.nacl.exceptions.ValueError`` (:class:`nacre.InvalidArgument`), and PyNaCl's checks of
  key types its ``TypeError``. Arguments of the wrong Python type met later (a ``str``
  message) are plain TypeErrors, as elsewhere in nacre.
- A box that does not open raises :class:`nacre.InvalidTag`, too short ones included (PyNaCl:
  ``CryptoError``, or its ``ValueError``/``TypeError`` for inputs shorter than a nonce or a
  tag). A small-order peer key is :class:`nacre.InvalidKey` (PyNaCl: ``RuntimeError``), and
  ``Box.decode`` checks the shared key's size when called, not at the first use.
- ``VerifyKey`` refuses an Ed25519 public key that is not a canonical point of prime order
  when it is made (:class:`nacre.InvalidKey`), where PyNaCl fails at verification.
- ``MESSAGEBYTES_MAX`` is the largest message nacre can box (2**63 - 17: no Python object is
  larger), not libsodium's 2**64 - 17.
- ``str()`` of an object that holds a secret (``SigningKey``, ``PrivateKey``, ``SecretBox``,
  ``Box``) does not show it; ``bytes()`` and ``encode()`` still give it, as in PyNaCl.
- ``nacl.utils.randombytes_deterministic``, ``nacl.hash``, ``nacl.pwhash`` and ``nacl.bindings``
  are not here: :mod:`nacre.hash`, :mod:`nacre.pwhash` and :mod:`nacre.kdf` offer those
  primitives in nacre's shape.

The objects keep their keys the way PyNaCl does (a ``SecretBox`` also holds a copy of its key,
for ``bytes()``) and, like PyNaCl's, pickle and copy with them; nacre's own classes
(:class:`nacre.secret.SecretBox`, :mod:`nacre.keys`, :mod:`nacre.box`) keep them only inside
the library and refuse to be pickled.
"""

from __future__ import annotations

from . import encoding, exceptions, public, secret, signing, utils

__all__ = ["encoding", "exceptions", "public", "secret", "signing", "utils"]
