"""age v1 files (c2sp.org/age): encrypted to X25519 or post-quantum hybrid keys, or to a
passphrase, readable by age, rage, pyrage, typage and every other age implementation.

Shaped like pyrage, so that moving from it is a change of import:

>>> from nacre import age
>>> identity = age.Identity.generate()
>>> recipient = identity.to_public()
>>> box = age.encrypt(b"attack at dawn", [recipient])
>>> age.decrypt(box, [identity])
b'attack at dawn'
>>> age.decrypt(age.encrypt(b"x", [str(recipient)], armored=True), [identity])
b'x'

- Keys: :class:`Identity` (``AGE-SECRET-KEY-1...``; ``Identity.generate(post_quantum=True)``
  makes an ``AGE-SECRET-KEY-PQ-1...`` ML-KEM-768+X25519 one) and :class:`Recipient`
  (``age1...``, ``age1pq1...``). Where pyrage has ``pyrage.x25519.Identity``, nacre has
  :class:`Identity` for both kinds; pyrage's ``str(identity)`` is ``identity.secret_text()``
  here (``str()`` never shows a key). :func:`parse_identities` and :func:`parse_recipients` read
  age-keygen's identity files and age's recipients files.
- Bytes: :func:`encrypt` and :func:`decrypt`; :mod:`nacre.age.passphrase` for passphrases
  (scrypt). ``armored=True`` writes ASCII armor; :func:`decrypt` reads either form.
- Streams, in constant memory for any size: :class:`EncryptingWriter` and
  :class:`DecryptingReader` wrap binary files; :class:`Encryptor` and :class:`Decryptor` are
  the underlying steps (``update`` / ``finish``).

Errors: a bad recipient or identity is :class:`RecipientError` / :class:`IdentityError` (both
:class:`nacre.InvalidKey`); a file that does not decrypt raises a :class:`DecryptError` of its
class: :class:`HeaderError`, :class:`ArmorError`, :class:`NoIdentityError`,
:class:`HeaderMacError` or :class:`PayloadError` (the last two are :class:`nacre.InvalidTag`).
:func:`decrypt` returns nothing unless the whole file authenticates; a stream releases each
chunk once it authenticates, so what a reader returned before a :class:`PayloadError` must be
discarded.

Thread-safety: identities and recipients are immutable and may be shared; an Encryptor or
Decryptor holds a lock (calls on one are serialised, in call order); the file wrappers, like
Python's own files, are for one thread at a time.
"""

from __future__ import annotations

from .._age_errors import (
    ArmorError,
    DecryptError,
    HeaderError,
    HeaderMacError,
    IdentityError,
    NoIdentityError,
    PayloadError,
    RecipientError,
)
from . import passphrase
from ._files import DecryptingReader, EncryptingWriter
from ._keys import Identity, Recipient, parse_identities, parse_recipients
from ._stream import CHUNK_SIZE, Decryptor, Encryptor, decrypt, encrypt

__all__ = [
    "CHUNK_SIZE",
    "Identity",
    "Recipient",
    "parse_identities",
    "parse_recipients",
    "encrypt",
    "decrypt",
    "Encryptor",
    "Decryptor",
    "EncryptingWriter",
    "DecryptingReader",
    "passphrase",
    "RecipientError",
    "IdentityError",
    "DecryptError",
    "HeaderError",
    "ArmorError",
    "NoIdentityError",
    "HeaderMacError",
    "PayloadError",
]
