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

For files, use :mod:`nacre.age`: a standard format, with its own file wrappers.

Errors on reading: :class:`nacre.InvalidTag` when a message fails to authenticate;
:meth:`Decryptor.finalize` raises :class:`nacre.TruncatedStream` (an InvalidTag) when the input
ended before an authenticated final message; :class:`nacre.TrailingData` (an InvalidTag) is a
message after the final one. Plaintext already returned before such an error was
authenticated message by message, but the stream as a whole was not: discard it.

A stream state (Encryptor, Decryptor) holds a lock, so it may be shared between threads, but the
messages of one stream are in the order the calls were made.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Callable, Optional, Tuple, TypeVar

from ._args import Buffer
from ._binding import secretstream as _b
from ._errors import Error, InvalidArgument, TrailingData, TruncatedStream
from ._random import random_bytes

if TYPE_CHECKING:
    pass

__all__ = [
    "KEY_SIZE",
    "HEADER_SIZE",
    "OVERHEAD",
    "TAG_MESSAGE",
    "TAG_PUSH",
    "TAG_REKEY",
    "TAG_FINAL",
    "generate_key",
    "Encryptor",
    "Decryptor",
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

    def __repr__(self) -> str:
        return f"<nacre.secretstream.Decryptor object at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle Decryptor objects: they hold a secret key")




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
