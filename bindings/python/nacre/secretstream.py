"""Streaming authenticated encryption: libsodium's secretstream (XChaCha20-Poly1305).

A stream is a header (:data:`HEADER_SIZE` bytes) followed by messages, each :data:`OVERHEAD`
bytes longer than its plaintext and carrying a tag; the last one carries :data:`TAG_FINAL`. The
reader detects altered, dropped, reordered, replayed and appended messages, and a stream that
stops before its final message.

>>> import nacre.secretstream as ss
>>> key = ss.generate_key()
>>> enc = ss.Encryptor(key)
>>> c1, c2 = enc.push(b"first"), enc.finalize(b"last")
>>> dec = ss.Decryptor(key, enc.header)
>>> dec.pull(c1), dec.pull(c2), dec.finished
((b'first', 0), (b'last', 3), True)

Files: :class:`EncryptingWriter` and :class:`DecryptingReader` wrap a binary file and work in
constant memory on any size. Their framing is: the header, then messages of exactly
``chunk_size`` bytes of plaintext (``chunk_size + OVERHEAD`` bytes each) tagged
:data:`TAG_MESSAGE`, then one last message of 0 to ``chunk_size - 1`` bytes of plaintext tagged
:data:`TAG_FINAL`. The chunk size is not stored in the stream: the reader must be given the
writer's ``chunk_size`` (a different one fails as :class:`nacre.InvalidTag`).

Errors on reading: :class:`nacre.InvalidTag` when a message fails to authenticate;
:class:`nacre.TruncatedStream` (an InvalidTag) when the input ends before an authenticated
final message, whether it stops between messages or inside one (a cut cannot be told from an
altered last message); :class:`nacre.TrailingData` (an InvalidTag) when anything follows the
final message. Plaintext already returned before such an error was authenticated message by
message, but the stream as a whole was not: discard it.

A stream state (Encryptor, Decryptor) holds a lock, so it may be shared between threads, but the
messages of one stream are in the order the calls were made. The file wrappers, like Python's
own file objects, are for one thread at a time.
"""

from __future__ import annotations

import errno
import io
import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Protocol, Tuple, Type, TypeVar

from ._args import Buffer, size
from ._binding import secretstream as _b
from ._errors import Error, InvalidArgument, InvalidTag, TrailingData, TruncatedStream
from ._random import random_bytes

if TYPE_CHECKING:
    from ._args import CData

__all__ = [
    "KEY_SIZE",
    "HEADER_SIZE",
    "OVERHEAD",
    "TAG_MESSAGE",
    "TAG_PUSH",
    "TAG_REKEY",
    "TAG_FINAL",
    "DEFAULT_CHUNK_SIZE",
    "generate_key",
    "Encryptor",
    "Decryptor",
    "EncryptingWriter",
    "DecryptingReader",
]

KEY_SIZE: int = _b.KEY_SIZE
HEADER_SIZE: int = _b.HEADER_SIZE
#: How much longer every message is than its plaintext.
OVERHEAD: int = _b.OVERHEAD

#: An ordinary message.
TAG_MESSAGE: int = _b.TAG_MESSAGE
#: Marks the end of a group of messages (an application-level boundary); nothing else.
TAG_PUSH: int = _b.TAG_PUSH
#: Derives a new key for the messages that follow.
TAG_REKEY: int = _b.TAG_REKEY
#: The last message of the stream.
TAG_FINAL: int = _b.TAG_FINAL
_TAGS = frozenset({TAG_MESSAGE, TAG_PUSH, TAG_REKEY, TAG_FINAL})

DEFAULT_CHUNK_SIZE = 65536
#: The largest chunk_size: each writer and reader holds one chunk in memory.
MAX_CHUNK_SIZE = 1 << 30

_T = TypeVar("_T")


def generate_key() -> bytes:
    """A random :data:`KEY_SIZE`-byte key."""
    return random_bytes(KEY_SIZE)


def _tag(tag: object) -> int:
    if isinstance(tag, bool) or not isinstance(tag, int):
        raise TypeError(f"tag must be an int, not {type(tag).__name__!r}")
    if tag not in _TAGS:
        raise InvalidArgument(f"unknown secretstream tag {tag}")
    return tag


class Encryptor:
    """The writing side of a stream, started under ``key`` (:data:`KEY_SIZE` bytes).

    Send :attr:`header` first, then every message :meth:`push` returns, in order; end with
    :meth:`finalize` (or a push with ``tag=TAG_FINAL``), after which pushing is an error.
    """

    __slots__ = ("_st", "_lock", "_len", "_header", "_finished", "__weakref__")

    def __init__(self, key: Buffer) -> None:
        # _len: the out_len cell, reused under the lock
        self._st, self._len, self._header = _b.new_encryptor(key, "secretstream encryptor")
        self._lock = threading.Lock()
        self._finished = False

    @property
    def header(self) -> bytes:
        """The stream header (:data:`HEADER_SIZE` bytes, not secret), sent before any message."""
        return self._header

    @property
    def finished(self) -> bool:
        """True once the final message has been pushed."""
        return self._finished

    def _push(self, push: Callable[..., _T], tag: int, *args: Any) -> _T:
        """``push(handle, cell, tag, where, *args)`` (a push of the binding) under the lock."""
        with self._lock:
            try:
                result = push(self._st, self._len, tag, "secretstream push", *args)
            except Error as exc:
                if exc.status is not None and self._finished:  # the library refused it
                    raise InvalidArgument(
                        "secretstream push: the stream was already finalized", exc.status
                    ) from None
                raise
            if tag == TAG_FINAL:
                self._finished = True
        return result

    def push(
        self, data: Buffer, associated_data: Optional[Buffer] = None, tag: int = TAG_MESSAGE
    ) -> bytes:
        """Encrypt ``data`` as the next message, tagged ``tag``; return it
        (``len(data) + OVERHEAD`` bytes). ``associated_data`` is authenticated, not sent: the
        reader must pass the same."""
        return self._push(_b.push, _tag(tag), data, associated_data)

    def push_into(
        self,
        data: Buffer,
        out: Buffer,
        associated_data: Optional[Buffer] = None,
        tag: int = TAG_MESSAGE,
    ) -> int:
        """Like :meth:`push`, writing the message into the writable buffer ``out`` (at least
        ``len(data) + OVERHEAD`` bytes); returns its size."""
        return self._push(_b.push_into, _tag(tag), data, out, associated_data, _push_too_small)

    def _push_chunk(self, out: CData, src: CData, at: int, n: int, tag: int) -> int:
        """For EncryptingWriter: the message of ``n`` bytes at ``src + at`` into ``out`` (C
        buffers from the binding, or a view it lent); returns its size."""
        return self._push(_b.push_chunk, tag, out, src, at, n)

    def finalize(self, data: Buffer = b"", associated_data: Optional[Buffer] = None) -> bytes:
        """Push ``data`` as the final message (:data:`TAG_FINAL`) and return it."""
        return self.push(data, associated_data, TAG_FINAL)

    def __repr__(self) -> str:
        state = "finished" if self._finished else "open"
        return f"<nacre.secretstream.Encryptor ({state}) object at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Encryptor objects: they hold a secret key")


class Decryptor:
    """The reading side of a stream under ``key``, started from the writer's ``header``."""

    __slots__ = ("_st", "_lock", "_len", "_tag", "__weakref__")

    def __init__(self, key: Buffer, header: Buffer) -> None:
        # _len, _tag: the out_len and tag cells, reused under the lock
        self._st, self._len, self._tag = _b.new_decryptor(
            key, header, _bad_header, "secretstream decryptor"
        )
        self._lock = threading.Lock()

    def _is_finished(self) -> bool:
        return _b.is_finished(self._st, "secretstream decryptor")

    def _not_finished(self) -> None:
        """Called by the binding, with the lock held, right before it pulls."""
        if self._is_finished():
            raise TrailingData("secretstream pull: data after the final message")

    @property
    def finished(self) -> bool:
        """True once the final message has been authenticated. A stream whose input ends while
        this is False was truncated."""
        with self._lock:
            return self._is_finished()

    def finalize(self) -> None:
        """Call at the end of the input: raises :class:`nacre.TruncatedStream` unless the final
        message has been authenticated."""
        if not self.finished:
            raise TruncatedStream("secretstream: the input ended before the final message")

    def _pull(self, pull: Callable[..., _T], *args: Any) -> _T:
        """``pull(handle, cells, ready, where, *args)`` (a pull of the binding) under the lock."""
        with self._lock:
            return pull(
                self._st, (self._len, self._tag), self._not_finished, "secretstream pull", *args
            )

    def pull(self, data: Buffer, associated_data: Optional[Buffer] = None) -> Tuple[bytes, int]:
        """Check and decrypt the next message; return ``(plaintext, tag)``.

        Raises :class:`nacre.InvalidTag` for a message that was altered, reordered, replayed or
        made under another key or header (the stream is then unusable: every later pull fails
        too), and :class:`nacre.TrailingData` for a message after the final one.
        """
        return self._pull(_b.pull, data, associated_data)

    def pull_into(
        self, data: Buffer, out: Buffer, associated_data: Optional[Buffer] = None
    ) -> Tuple[int, int]:
        """Like :meth:`pull`, writing the plaintext into the writable buffer ``out`` (at least
        ``len(data) - OVERHEAD`` bytes; zeroed on failure); returns ``(size, tag)``."""
        return self._pull(_b.pull_into, data, out, associated_data, _pull_too_small)

    def _pull_chunk(
        self, out: CData, at: int, out_cap: int, src: CData, n: int
    ) -> Tuple[int, int]:
        """For DecryptingReader: the message of ``n`` bytes at the start of ``src`` into
        ``out_cap`` bytes at ``out + at`` (C buffers from the binding, or a view it lent)."""
        return self._pull(_b.pull_chunk, out, at, out_cap, src, n)

    def __repr__(self) -> str:
        return f"<nacre.secretstream.Decryptor object at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Decryptor objects: they hold a secret key")


# --- file wrappers ----------------------------------------------------------------------------


def _push_too_small(needed: int, got: int) -> InvalidArgument:
    return InvalidArgument(
        f"secretstream push: output buffer must hold {needed} bytes, got {got}"
    )


def _pull_too_small(needed: int, got: int) -> InvalidArgument:
    return InvalidArgument(
        f"secretstream pull: output buffer must hold {needed} bytes, got {got}"
    )


def _bad_header(got: int) -> InvalidArgument:
    return InvalidArgument(f"secretstream header must be {HEADER_SIZE} bytes, got {got}")


def _chunk_size(chunk_size: int) -> int:
    n = size(chunk_size, "chunk_size")
    if not 1 <= n <= MAX_CHUNK_SIZE:
        raise InvalidArgument(f"chunk_size must be 1 to {MAX_CHUNK_SIZE} bytes, got {n}")
    return n


class _Writer(Protocol):
    """What EncryptingWriter writes to: any binary file (``write`` may write only part, as a
    raw file's does, and return None when it would block)."""

    def write(self, data: memoryview, /) -> Optional[int]: ...


class _Reader(Protocol):
    """What DecryptingReader reads from: any binary file (``readinto`` is used when present;
    None means it would block)."""

    def read(self, size: int, /) -> Optional[bytes]: ...


def _write_all(file: _Writer, data: Buffer) -> None:
    """Write all of ``data`` to ``file``, which may be a raw file that writes only part."""
    view = memoryview(data)
    while view:
        written = file.write(view)
        if written is None:
            raise BlockingIOError(errno.EAGAIN, "the underlying file would block")
        if written >= len(view):
            return
        view = view[written:]


class EncryptingWriter(io.BufferedIOBase):
    """A writable binary file that encrypts into ``file`` (any binary file object with
    ``write``), in constant memory.

    The header is written at once. Writes are gathered into ``chunk_size``-byte plaintext
    messages, each written to ``file`` as soon as it is full. :meth:`close` (or leaving a
    ``with`` block normally) writes the remaining 0 to ``chunk_size - 1`` bytes as the final
    message and flushes ``file``; it does not close ``file`` (as :class:`gzip.GzipFile` with a
    ``fileobj``). :meth:`flush` flushes ``file`` but cannot write a partial message.

    The final message is written only by an explicit :meth:`close`: leaving a ``with`` block
    through an exception, :meth:`abort`, or garbage collection without close all end the writer
    without it, so that the incomplete stream reads as :class:`nacre.TruncatedStream` rather
    than as a shorter, valid one.
    """

    def __init__(self, file: _Writer, key: Buffer, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        super().__init__()
        self._done = True  # finalized or aborted; until set up, nothing to finalize
        self._chunk = _chunk_size(chunk_size)
        self._file = file
        self._enc = Encryptor(key)
        # Working buffers in C memory (the binding's; cffi owns and frees it), seen from Python
        # through memoryviews: no view of a Python object is held between calls.
        self._buf_c, self._buf = _b.c_buffer(self._chunk)
        self._fill = 0
        self._out_c, self._out = _b.c_buffer(self._chunk + OVERHEAD)
        _write_all(file, self._enc.header)
        self._done = False

    @property
    def chunk_size(self) -> int:
        """The plaintext size of every message but the last."""
        return self._chunk

    def writable(self) -> bool:
        return True

    def _emit(self, src: CData, at: int, n: int, tag: int) -> None:
        size_out = self._enc._push_chunk(self._out_c, src, at, n, tag)
        _write_all(self._file, self._out[:size_out])

    def write(self, data: Buffer) -> int:
        """Encrypt all of ``data`` (any bytes-like object); return its length."""
        if self.closed:
            raise ValueError("write to closed file")
        return _b.with_readable(data, "data", self._write_c)

    def _write_c(self, src: CData, n: int) -> int:
        """write() with ``src`` a view of the data (lent by the binding for this call)."""
        pos = 0
        chunk = self._chunk
        if self._fill:
            take = min(chunk - self._fill, n)
            _b.copy(self._buf_c, self._fill, src, 0, take)
            self._fill += take
            pos = take
            if self._fill == chunk:
                self._emit(self._buf_c, 0, chunk, TAG_MESSAGE)
                self._fill = 0
        while n - pos >= chunk:  # whole messages straight from the caller's buffer
            self._emit(src, pos, chunk, TAG_MESSAGE)
            pos += chunk
        if pos < n:
            _b.copy(self._buf_c, 0, src, pos, n - pos)
            self._fill = n - pos
        return n

    def flush(self) -> None:
        """Flush ``file`` (a partial message stays buffered until more data or close)."""
        super().flush()  # ValueError when closed
        flush = getattr(self._file, "flush", None)
        if flush is not None:
            flush()

    def _wipe(self) -> None:
        self._fill = 0
        _b.wipe(self._buf_c)

    def close(self) -> None:
        """Write the final message, flush ``file`` and close this writer (not ``file``)."""
        if self.closed:
            return
        try:
            if not self._done:
                self._done = True
                self._emit(self._buf_c, 0, self._fill, TAG_FINAL)
                self._wipe()
        finally:
            super().close()

    def abort(self) -> None:
        """Close without the final message: the stream will read as truncated."""
        if not self._done:
            self._done = True
            self._wipe()
        if not self.closed:
            super().close()

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        if exc_type is not None:
            self.abort()
        else:
            self.close()

    def __del__(self) -> None:
        # io.IOBase would call close() and so finalize an unfinished stream: abort instead.
        # Not contextlib.suppress: at interpreter shutdown, module globals may already be gone.
        try:  # noqa: SIM105
            self.abort()
        except Exception:  # pragma: no cover - nothing to report to at collection time
            pass

    def __repr__(self) -> str:
        return f"<nacre.secretstream.EncryptingWriter chunk_size={self._chunk} at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle EncryptingWriter objects: they hold a secret key")


class DecryptingReader(io.BufferedIOBase):
    """A readable binary file that decrypts what :class:`EncryptingWriter` wrote to ``file``
    (any binary file object with ``read`` or ``readinto``), in constant memory.

    ``chunk_size`` must be the writer's. The header is read at once (a shorter input raises
    :class:`nacre.TruncatedStream`). Supports ``read(n)``, ``read()``, ``read1``, ``readinto``,
    ``peek``, ``readline`` and iteration over lines, like any binary file. End of file (``b""``)
    is returned only after the final message was authenticated and nothing follows it;
    otherwise reading raises (see the module docstring), and keeps raising the same error.
    :meth:`close` does not close ``file``.
    """

    def __init__(self, file: _Reader, key: Buffer, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        super().__init__()
        self._chunk = _chunk_size(chunk_size)
        self._file = file
        self._readinto = getattr(file, "readinto", None)
        self._error: Optional[InvalidTag] = None
        # Ciphertext of one message; the header is read into it first.
        # Working buffers in C memory (the binding's; cffi owns and frees it), seen from Python
        # through memoryviews: no view of a Python object is held between calls.
        self._ct_c, self._ct = _b.c_buffer(max(self._chunk + OVERHEAD, HEADER_SIZE))
        self._pt_c, self._pt = _b.c_buffer(self._chunk)
        self._pos = self._end = 0  # unread plaintext is self._pt[self._pos:self._end]
        self._eof = False  # final message authenticated and nothing after it
        self._index = 0  # messages read so far (for error messages)
        got = self._fill(HEADER_SIZE)
        if got < HEADER_SIZE:
            raise TruncatedStream(f"secretstream: the input ends inside the header ({got} bytes)")
        self._dec = Decryptor(key, self._ct[:HEADER_SIZE])

    @property
    def chunk_size(self) -> int:
        """The plaintext size of every message but the last (the writer's)."""
        return self._chunk

    @property
    def finished(self) -> bool:
        """True once the final message was authenticated and the input ended right after it."""
        return self._eof

    def readable(self) -> bool:
        return True

    # --- reading messages -----------------------------------------------------------------------

    def _fill(self, want: int) -> int:
        """Read up to ``want`` bytes into the start of self._ct; fewer only at end of input."""
        view = self._ct
        got = 0
        while got < want:
            if self._readinto is not None:
                n = self._readinto(view[got:want])
            else:
                piece = self._file.read(want - got)
                if piece is None:
                    n = None
                else:
                    n = len(piece)
                    view[got : got + n] = piece
            if n is None:
                raise BlockingIOError(errno.EAGAIN, "the underlying file would block")
            if n == 0:
                break
            got += n
        return got

    def _at_end(self) -> bool:
        if self._readinto is not None:
            return not self._readinto(self._ct[:1])
        return not self._file.read(1)

    def _fail(self, exc: InvalidTag) -> InvalidTag:
        self._error = exc
        self._pos = self._end = 0
        _b.wipe(self._pt_c)
        return exc

    def _next_message(self, out: CData, at: int, out_cap: int) -> int:
        """Decrypt the next message into ``out + at`` (``out_cap`` >= chunk_size bytes there);
        return its size."""
        if self._error is not None:
            raise self._error
        full = self._chunk + OVERHEAD
        got = self._fill(full)
        self._index += 1
        if got == 0:
            raise self._fail(TruncatedStream(
                f"secretstream: the input ends after {self._index - 1} messages, before the "
                "final one"
            ))
        try:
            n, tag = self._dec._pull_chunk(out, at, out_cap, self._ct_c, got)
        except InvalidTag as exc:
            if got < full:
                raise self._fail(TruncatedStream(
                f"secretstream: message {self._index}, at the end of the input, failed to "
                "authenticate: the stream was truncated, or its end altered or extended",
                exc.status,
            )) from None
            raise self._fail(InvalidTag(
                f"secretstream: message {self._index} failed to authenticate (altered, "
                f"reordered, or chunk_size {self._chunk} is not the writer's)", exc.status,
            )) from None
        if tag == TAG_FINAL:
            if got == full and not self._at_end():
                raise self._fail(TrailingData(
                    f"secretstream: data follows the final message ({self._index})"
                ))
            self._eof = True
        elif got < full:
            raise self._fail(TruncatedStream(
                f"secretstream: message {self._index} is short but not final (the input "
                f"ends there, or chunk_size {self._chunk} is not the writer's)"
            ))
        return n

    def _refill(self) -> bool:
        """Decrypt one message into the internal buffer; False at the end of the stream."""
        if self._eof:
            return False
        self._end = self._next_message(self._pt_c, 0, self._chunk)
        self._pos = 0
        return True

    def _readinto_c(self, dst: CData, want: int) -> int:
        done = 0
        while done < want:
            avail = self._end - self._pos
            if avail:
                k = min(avail, want - done)
                _b.copy(dst, done, self._pt_c, self._pos, k)
                self._pos += k
                done += k
            elif self._eof:
                break
            elif want - done >= self._chunk:  # a whole message straight into the caller's buffer
                done += self._next_message(dst, done, want - done)
            else:
                self._refill()
        return done

    # --- the file interface -----------------------------------------------------------------

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("read from closed file")

    def readinto(self, b: Buffer) -> int:
        """Fill the writable buffer ``b``; fewer bytes only at the end of the stream."""
        self._check_open()
        return _b.with_writable(b, "b", self._readinto_c)

    def read(self, n: Optional[int] = -1) -> bytes:
        """Up to ``n`` bytes (all that remain when ``n`` is negative or None); fewer only at the
        end of the stream."""
        self._check_open()
        if n is None or n < 0:
            return self.readall()
        return _b.read(n, self._readinto_c)

    def readall(self) -> bytes:
        """Everything that remains (in memory: prefer reading in pieces for large streams)."""
        self._check_open()
        parts: List[bytes] = [bytes(self._pt[self._pos : self._end])]
        self._pos = self._end
        while self._refill():
            parts.append(bytes(self._pt[: self._end]))
            self._pos = self._end
        return b"".join(parts)

    def read1(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes, decrypting at most one message."""
        self._check_open()
        if self._pos == self._end:
            self._refill()
        avail = self._end - self._pos
        k = avail if n is None or n < 0 else min(n, avail)
        out = bytes(self._pt[self._pos : self._pos + k])
        self._pos += k
        return out

    def peek(self, n: int = 0) -> bytes:
        """The buffered plaintext (at least one byte unless at the end), without consuming it."""
        self._check_open()
        if self._pos == self._end:
            self._refill()
        return bytes(self._pt[self._pos : self._end])

    def close(self) -> None:
        """Close this reader and wipe its buffer; ``file`` stays open."""
        if not self.closed and hasattr(self, "_pt_c"):  # (hasattr: __init__ may have failed)
            self._pos = self._end = 0
            _b.wipe(self._pt_c)
        super().close()

    def __repr__(self) -> str:
        return f"<nacre.secretstream.DecryptingReader chunk_size={self._chunk} at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle DecryptingReader objects: they hold a secret key")
