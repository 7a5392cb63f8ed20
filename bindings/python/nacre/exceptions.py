"""pyca/cryptography's exception names, for code migrating from ``cryptography.exceptions``.

Replace ``from cryptography.exceptions import InvalidSignature, InvalidTag,
UnsupportedAlgorithm`` with ``from nacre.exceptions import ...``: nacre raises these in the
situations pyca does.

- :class:`InvalidTag`: an AEAD open or decrypt failed (wrong key, nonce, ciphertext, tag or
  associated data). pyca raises ``InvalidTag`` there too.
- :class:`InvalidSignature`: a signature or MAC did not verify (``verify`` of signature keys
  and of HMAC).
- :class:`UnsupportedAlgorithm`: an algorithm, curve, hash or backend nacre does not offer.

They are the same classes as ``nacre.InvalidTag``, ``nacre.InvalidSignature`` and
``nacre.UnsupportedAlgorithm``, so they also derive from :class:`nacre.Error`.
``nacre.InvalidKey`` is not pyca's ``InvalidKey`` (which reports a key-derivation mismatch):
nacre's means rejected key material, so it is not offered under pyca's name.
"""

from __future__ import annotations

from ._errors import InvalidSignature, InvalidTag, UnsupportedAlgorithm

__all__ = ["InvalidSignature", "InvalidTag", "UnsupportedAlgorithm"]
