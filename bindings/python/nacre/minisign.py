"""minisign signatures (jedisct1.github.io/minisign): files signed here verify with Debian's
``minisign -V``, and nacre verifies minisign's.

>>> from nacre import minisign
>>> key = minisign.SecretKey.generate()
>>> sig = minisign.sign(b"release data", key, trusted_comment="release 1.2")
>>> minisign.verify(b"release data", sig, key.public_key())
'release 1.2'

- :class:`SecretKey`: ``generate()``, ``load(file, password=None)`` (a ``minisign.key`` file:
  encrypted with scrypt as minisign encrypts it, or unencrypted as ``minisign -W`` writes it)
  and ``save(password=None)``; :class:`PublicKey`: ``from_str()`` of a ``minisign.pub`` file or
  of its base64 line (what ``minisign -P`` takes), ``str()`` is that line.
- :func:`sign` and :func:`verify` take bytes or a binary file object (read in pieces: constant
  memory for any size). Signatures are Ed25519 over BLAKE2b-512 of the data, with a trusted
  comment (signed too) and an untrusted one.

Errors: a malformed key is :class:`nacre.InvalidKey`; a wrong password or a signature that does
not verify (another key's, altered data or comment) is :class:`nacre.InvalidSignature`; a
malformed signature file or comment is :class:`nacre.InvalidArgument`; legacy (not prehashed)
signatures are :class:`nacre.UnsupportedAlgorithm`, as minisign refuses them too.

Keys are immutable and may be shared between threads.
"""

from __future__ import annotations

import time
from typing import Any, Callable, List, Optional, Protocol, Union

from ._args import Buffer
from ._binding import minisign as _b
from ._errors import InvalidArgument, InvalidSignature, VerificationFailed

__all__ = ["SecretKey", "PublicKey", "sign", "verify", "KDF_OPSLIMIT", "KDF_MEMLIMIT"]

#: minisign's scrypt cost for new encrypted keys (libsodium's "sensitive": 1 GiB of memory).
KDF_OPSLIMIT: int = _b.KDF_OPSLIMIT
KDF_MEMLIMIT: int = _b.KDF_MEMLIMIT
_PIECE = 1 << 20

Password = Union[str, Buffer]


class _Reader(Protocol):
    def read(self, size: int, /) -> Optional[bytes]: ...


def _password(password: Optional[Password]) -> Optional[Buffer]:
    if isinstance(password, str):
        password = password.encode("utf-8")
    return password


def _text_arg(text: object, what: str) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"{what} must be str or bytes, not {type(text).__name__!r}")


def _comment(comment: object, what: str) -> bytes:
    if not isinstance(comment, str):
        raise TypeError(f"{what} must be a str, not {type(comment).__name__!r}")
    return comment.encode("utf-8")


class PublicKey:
    """A minisign public key. ``str()`` is its base64 line (``RWQ...``)."""

    __slots__ = ("_file",)
    _file: bytes

    def __init__(self) -> None:
        raise TypeError("use PublicKey.from_str(text) or SecretKey.public_key()")

    @classmethod
    def _of(cls, file: bytes) -> PublicKey:
        pk = object.__new__(cls)
        object.__setattr__(pk, "_file", file)
        return pk

    @classmethod
    def from_str(cls, text: Union[str, bytes]) -> PublicKey:
        """A ``minisign.pub`` file's text, or its base64 line; :class:`nacre.InvalidKey`."""
        return cls._of(_b.public_key_file(_text_arg(text, "text")))

    @property
    def key_id(self) -> str:
        """The key id as minisign prints it (16 hex digits)."""
        return self._file.split(b"\n", 1)[0].rsplit(b" ", 1)[1].decode("ascii")

    def to_file(self) -> str:
        """The ``minisign.pub`` file: a comment line with the key id, then the key."""
        return self._file.decode("ascii")

    def __str__(self) -> str:
        return self._file.split(b"\n")[1].decode("ascii")

    def __repr__(self) -> str:
        return f"<nacre.minisign.PublicKey {self.key_id}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicKey) and self._file == other._file

    def __hash__(self) -> int:
        return hash(("nacre.minisign.PublicKey", self._file))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PublicKey objects are immutable")


class SecretKey:
    """A minisign secret key (Ed25519, with a random key id). Not picklable; never printed."""

    __slots__ = ("_key", "__weakref__")
    _key: Any

    def __init__(self) -> None:
        raise TypeError("use SecretKey.generate() or SecretKey.load(file, password)")

    @classmethod
    def _of(cls, handle: Any) -> SecretKey:
        sk = object.__new__(cls)
        sk._key = handle
        return sk

    @classmethod
    def generate(cls) -> SecretKey:
        return cls._of(_b.generate())

    @classmethod
    def load(cls, file: Union[str, bytes], password: Optional[Password] = None) -> SecretKey:
        """A ``minisign.key`` file's contents; ``password`` for an encrypted one
        (:class:`nacre.InvalidArgument` without, :class:`nacre.InvalidSignature` when wrong)."""
        try:
            return cls._of(_b.load(_text_arg(file, "file"), _password(password)))
        except VerificationFailed as exc:
            raise InvalidSignature(f"minisign key: wrong password ({exc})", exc.status) from None

    def save(self, password: Optional[Password] = None, *, opslimit: int = KDF_OPSLIMIT,
             memlimit: int = KDF_MEMLIMIT) -> bytes:
        """The ``minisign.key`` file: encrypted under ``password`` with scrypt at ``opslimit`` and
        ``memlimit`` (minisign's cost by default, at most that), or unencrypted without one."""
        pw = _password(password)
        if pw is not None and len(memoryview(pw)) == 0:
            raise InvalidArgument("minisign key: an empty password (give None for no password)")
        for name, value in (("opslimit", opslimit), ("memlimit", memlimit)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"{name} must be an int, not {type(value).__name__!r}")
            if value <= 0:
                raise InvalidArgument(f"{name} must be positive, got {value}")
        return _b.save(self._key, pw, opslimit, memlimit)

    def public_key(self) -> PublicKey:
        return PublicKey._of(_b.public_key_of(self._key))

    @property
    def key_id(self) -> str:
        return self.public_key().key_id

    def __repr__(self) -> str:
        return f"<nacre.minisign.SecretKey {self.key_id}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle SecretKey objects")


def _pieces(data: Union[Buffer, _Reader]) -> Callable[[], Optional[Buffer]]:
    read = getattr(data, "read", None)
    if read is not None and not isinstance(data, (bytes, bytearray, memoryview)):
        def next_piece() -> Optional[Buffer]:
            piece = read(_PIECE)
            if piece is None:
                raise BlockingIOError("the file would block")
            return piece or None
        return next_piece
    if isinstance(data, str):
        raise TypeError("data: strings must be encoded before use, not str")
    try:
        memoryview(data)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError("data: a bytes-like object or a binary file is required, "
                        f"not {type(data).__name__!r}") from None
    given: List[Buffer] = [data]  # type: ignore[list-item]  # a buffer: checked just above
    return lambda: given.pop() if given else None


def sign(data: Union[Buffer, _Reader], secret_key: SecretKey, *,
         trusted_comment: Optional[str] = None,
         untrusted_comment: str = "signature from minisign secret key") -> str:
    """The signature file (``FILE.minisig``'s contents) of ``data``: bytes, or a binary file
    read to its end. The trusted comment defaults to minisign's ("timestamp:..."); both are one
    line."""
    if not isinstance(secret_key, SecretKey):
        raise TypeError(f"secret_key must be a SecretKey, not {type(secret_key).__name__!r}")
    trusted = (f"timestamp:{int(time.time())}" if trusted_comment is None else trusted_comment)
    sig = _b.sign(secret_key._key, _pieces(data), _comment(trusted, "trusted_comment"),
                  _comment(untrusted_comment, "untrusted_comment"))
    return sig.decode("utf-8")


def verify(
    data: Union[Buffer, _Reader], signature: Union[str, bytes], public_key: PublicKey
) -> str:
    """The trusted comment, if ``signature`` (a ``.minisig`` file's contents) signs ``data``
    with ``public_key``; :class:`nacre.InvalidSignature` otherwise."""
    if not isinstance(public_key, PublicKey):
        raise TypeError(f"public_key must be a PublicKey, not {type(public_key).__name__!r}")
    sig = _text_arg(signature, "signature")
    try:
        return _b.verify(public_key._file, sig, _pieces(data)).decode("utf-8")
    except VerificationFailed as exc:
        if isinstance(exc, InvalidSignature):
            raise
        raise InvalidSignature(str(exc), exc.status) from None
