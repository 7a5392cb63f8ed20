"""age files as Python file objects: a writer that encrypts into a binary file and a reader
that decrypts from one, in constant memory."""

from __future__ import annotations

import errno
import io
import operator
from types import TracebackType
from typing import Any, List, Optional, Protocol, Sequence, Type

from .._args import Buffer
from . import passphrase as _passphrase
from ._stream import CHUNK_SIZE, Decryptor, Encryptor, IdentityLike, RecipientLike

__all__ = ["EncryptingWriter", "DecryptingReader"]

#: The most plaintext fed to the encryptor at once, so that a huge write() is not held whole.
_WRITE_PIECE = 16 * CHUNK_SIZE
#: What the reader reads from its file at a time: one sealed chunk.
_READ_PIECE = CHUNK_SIZE + 16


class _Writer(Protocol):
    """Any binary file (``write`` may write only part, as a raw file's does)."""

    def write(self, data: memoryview, /) -> Optional[int]: ...


class _Reader(Protocol):
    """Any binary file with ``read``."""

    def read(self, size: int, /) -> Optional[bytes]: ...


def _write_all(file: _Writer, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = file.write(view)
        if written is None:
            raise BlockingIOError(errno.EAGAIN, "the underlying file would block")
        if written >= len(view):
            return
        view = view[written:]


def _one_of(keys: Optional[Sequence[Any]], passphrase: Any, keys_name: str) -> None:
    if (keys is None) == (passphrase is None):
        raise TypeError(f"give either {keys_name} or passphrase, not both or neither")


class EncryptingWriter(io.BufferedIOBase):
    """A writable binary file that encrypts into ``file`` as an age file, to ``recipients``
    (Recipient objects or their text) or to a ``passphrase``.

    Writes go out as chunks fill (one chunk is held). :meth:`close` (or leaving a ``with``
    block normally) writes the final chunk and flushes ``file``, which it does not close. The
    final chunk is written only by an explicit close: leaving a ``with`` block through an
    exception, :meth:`abort`, or garbage collection end the file without it, so that it reads
    as truncated (:class:`~nacre.age.PayloadError`) rather than as a shorter valid file.
    """

    def __init__(self, file: _Writer, recipients: Optional[Sequence[RecipientLike]] = None, *,
                 passphrase: Optional[_passphrase.Passphrase] = None, armored: bool = False,
                 work_factor: int = _passphrase.DEFAULT_WORK_FACTOR) -> None:
        super().__init__()
        self._done = True  # nothing to finish until set up
        _one_of(recipients, passphrase, "recipients")
        if passphrase is not None:
            self._enc = _passphrase.encryptor(passphrase, armored=armored, work_factor=work_factor)
        else:
            assert recipients is not None
            self._enc = Encryptor(recipients, armored=armored)
        self._file = file
        self._done = False

    def writable(self) -> bool:
        return True

    def write(self, data: Buffer) -> int:
        """Encrypt all of ``data`` (any bytes-like object); return its length."""
        if self.closed:
            raise ValueError("write to closed file")
        if isinstance(data, str):
            raise TypeError("data: strings must be encoded before use, not str")
        try:
            view = memoryview(data).cast("B")
        except TypeError as exc:
            raise TypeError(f"data: a contiguous bytes-like object is required ({exc})") from None
        n = len(view)
        for at in range(0, n, _WRITE_PIECE):
            _write_all(self._file, self._enc.update(view[at : at + _WRITE_PIECE]))
        return n

    def flush(self) -> None:
        """Flush ``file`` (a partial chunk stays buffered until more data or close)."""
        super().flush()
        flush = getattr(self._file, "flush", None)
        if flush is not None:
            flush()

    def close(self) -> None:
        """Write the final chunk, flush ``file`` and close this writer (not ``file``)."""
        if self.closed:
            return
        try:
            if not self._done:
                self._done = True
                _write_all(self._file, self._enc.finish())
                flush = getattr(self._file, "flush", None)
                if flush is not None:
                    flush()
        finally:
            super().close()

    def abort(self) -> None:
        """Close without the final chunk: the file will read as truncated."""
        self._done = True
        if not self.closed:
            super().close()

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        if exc_type is not None:
            self.abort()
        else:
            self.close()

    def __del__(self) -> None:
        # io.IOBase would call close() and so end an unfinished file as valid: abort instead.
        try:  # noqa: SIM105
            self.abort()
        except Exception:  # pragma: no cover - nothing to report to at collection time
            pass

    def __repr__(self) -> str:
        return f"<nacre.age.EncryptingWriter at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle EncryptingWriter objects: they hold a file key")


class DecryptingReader(io.BufferedIOBase):
    """A readable binary file that decrypts the age file in ``file`` (binary or armored) with
    any of ``identities`` (Identity objects or their text), or with a ``passphrase``.

    Supports ``read``, ``read1``, ``readinto``, ``peek``, ``readline`` and iteration. Each
    chunk's plaintext is returned once it authenticated; end of file (``b""``) only once the
    whole file did. Any failure raises a :class:`~nacre.age.DecryptError`, and every later read
    raises the same; what was read before a :class:`~nacre.age.PayloadError` must be
    discarded. :meth:`close` does not close ``file``.
    """

    def __init__(self, file: _Reader, identities: Optional[Sequence[IdentityLike]] = None, *,
                 passphrase: Optional[_passphrase.Passphrase] = None,
                 max_work_factor: int = _passphrase.MAX_WORK_FACTOR) -> None:
        super().__init__()
        _one_of(identities, passphrase, "identities")
        if passphrase is not None:
            self._dec = _passphrase.decryptor(passphrase, max_work_factor=max_work_factor)
        else:
            assert identities is not None
            self._dec = Decryptor(identities)
        self._file = file
        self._buf = b""  # plaintext not yet returned: self._buf[self._pos:]
        self._pos = 0
        self._eof = False
        self._error: Optional[BaseException] = None

    def readable(self) -> bool:
        return True

    @property
    def finished(self) -> bool:
        """True once the whole file authenticated and its plaintext was all read."""
        return self._eof and self._pos == len(self._buf)

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("read from closed file")

    def _refill(self) -> bool:
        """Decrypt more of the file into the buffer; False at its (authenticated) end."""
        if self._error is not None:
            raise self._error
        while not self._eof:
            piece = self._file.read(_READ_PIECE)
            if piece is None:
                raise BlockingIOError(errno.EAGAIN, "the underlying file would block")
            try:
                if piece:
                    out = self._dec.update(piece)
                else:
                    out = self._dec.finish()
                    self._eof = True
            except Exception as exc:
                self._error = exc
                self._buf, self._pos = b"", 0
                raise
            if out:
                self._buf, self._pos = out, 0
                return True
        return False

    def _available(self) -> int:
        return len(self._buf) - self._pos

    def read(self, n: Optional[int] = -1) -> bytes:
        """Up to ``n`` bytes (all that remain when ``n`` is negative or None)."""
        self._check_open()
        if n is None:
            return self.readall()
        n = operator.index(n)
        if n < 0:
            return self.readall()
        parts: List[bytes] = []
        want = n
        while want > 0 and (self._available() or self._refill()):
            take = min(want, self._available())
            parts.append(self._buf[self._pos : self._pos + take])
            self._pos += take
            want -= take
        return b"".join(parts)

    def readall(self) -> bytes:
        """Everything that remains (in memory: prefer reading in pieces for large files)."""
        self._check_open()
        parts = [self._buf[self._pos :]]
        self._pos = len(self._buf)
        while self._refill():
            parts.append(self._buf)
            self._pos = len(self._buf)
        return b"".join(parts)

    def read1(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes, decrypting at most one more piece of the file."""
        self._check_open()
        n = -1 if n is None else operator.index(n)
        if not self._available():
            self._refill()
        take = self._available() if n < 0 else min(n, self._available())
        out = self._buf[self._pos : self._pos + take]
        self._pos += take
        return out

    def readinto(self, b: Buffer) -> int:
        """Fill the writable buffer ``b``; fewer bytes only at the end of the file."""
        self._check_open()
        view = memoryview(b).cast("B")
        if view.readonly:
            raise TypeError("readinto() argument must be a writable bytes-like object")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def peek(self, n: int = 0) -> bytes:
        """Unread plaintext without consuming it (at least one byte unless at the end)."""
        self._check_open()
        if not self._available():
            self._refill()
        return self._buf[self._pos :]

    def close(self) -> None:
        """Close this reader and drop its plaintext buffer; ``file`` stays open."""
        self._buf, self._pos = b"", 0
        super().close()

    def __repr__(self) -> str:
        return f"<nacre.age.DecryptingReader at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle DecryptingReader objects: they hold a file key")
