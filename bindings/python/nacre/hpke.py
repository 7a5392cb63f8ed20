"""HPKE (RFC 9180), base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and an AEAD (BoringSSL).

>>> from nacre.keys import X25519PrivateKey
>>> from nacre import hpke
>>> suite = hpke.Suite.X25519_SHA256_CHACHA20POLY1305
>>> key = X25519PrivateKey.generate()
>>> data = hpke.seal(suite, key.public_key(), b"hello", info=b"app v1")
>>> hpke.open(suite, key, data, info=b"app v1")
b'hello'

Single shot: :func:`seal` returns enc ‖ ciphertext (:data:`ENC_SIZE` + len(message) +
:data:`TAG_SIZE` bytes) and :func:`open` takes it back. Sequences of messages: a
:class:`SenderContext` makes ``enc`` once (send it to the recipient) and then seals messages in
order; the recipient's :class:`ReceiverContext`, built from ``enc``, opens them in the same order.
Both sides can ``export`` secrets bound to the context (RFC 9180 section 5.3).

``info`` binds the application context (both sides must use the same); ``aad`` is associated
data authenticated with each message. A message that was altered, reordered, or opened with the
wrong key, info or aad raises :class:`nacre.InvalidTag` (a failed open does not advance the
receiver). Keys of another class than X25519 are a TypeError; an unknown suite is
:class:`nacre.UnsupportedAlgorithm` (a ValueError).

A context holds a lock, so it may be shared between threads; messages are numbered in the order
the calls are made.
"""

from __future__ import annotations

import enum
import threading
from typing import TYPE_CHECKING, Any

from ._args import Buffer, size
from ._binding.buffers import borrows, input_arg, to_bytes
from ._binding.keys import output as _output
from ._binding.status import check
from ._errors import InvalidArgument, InvalidTag, UnsupportedAlgorithm
from ._nacre import ffi, lib
from .keys import X25519PrivateKey, X25519PublicKey

if TYPE_CHECKING:
    from ._args import CData

_EXPORT_MAX = 255 * 32  # RFC 9180 section 5.3: 255 * Nh, HKDF-SHA256

__all__ = ["Suite", "seal", "open", "SenderContext", "ReceiverContext", "ENC_SIZE", "TAG_SIZE"]

#: The size of enc (the sender's ephemeral X25519 public key).
ENC_SIZE: int = lib.NACRE_HPKE_ENC_LEN
#: How much longer each ciphertext is than its message.
TAG_SIZE: int = lib.NACRE_HPKE_TAG_LEN

_CTX_CELL = ffi.typeof("nacre_hpke_ctx **")


class Suite(enum.IntEnum):
    """The HPKE cipher suites (nacre_hpke_suite): KEM, KDF and AEAD."""

    X25519_SHA256_AES128GCM = lib.NACRE_HPKE_X25519_SHA256_AES128GCM
    X25519_SHA256_AES256GCM = lib.NACRE_HPKE_X25519_SHA256_AES256GCM
    X25519_SHA256_CHACHA20POLY1305 = lib.NACRE_HPKE_X25519_SHA256_CHACHA20POLY1305


def _suite(suite: object) -> int:
    if isinstance(suite, bool) or not isinstance(suite, int):
        raise TypeError(f"suite must be an hpke.Suite, not {type(suite).__name__!r}")
    try:
        return int(Suite(suite))
    except ValueError:
        raise UnsupportedAlgorithm(f"unknown HPKE suite {suite!r}") from None


def _require(key: object, cls: type, what: str) -> None:
    if not isinstance(key, cls):
        raise TypeError(f"{what} must be an {cls.__name__}, not {type(key).__name__!r}")


@borrows
def seal(
    suite: Suite,
    recipient_public_key: X25519PublicKey,
    data: Buffer,
    info: Buffer = b"",
    aad: Buffer = b"",
) -> bytes:
    """Encrypt ``data`` to ``recipient_public_key``: enc ‖ ciphertext, in one message."""
    alg = _suite(suite)
    _require(recipient_public_key, X25519PublicKey, "recipient_public_key")
    key = recipient_public_key._key
    src, inf, ad = input_arg(data, "data"), input_arg(info, "info"), input_arg(aad, "aad")
    return _output(
        lambda out, cap, n: lib.nacre_hpke_seal(
            alg, key, out, cap, n, inf, len(inf), src, len(src), ad, len(ad)
        ),
        "hpke.seal",
        ENC_SIZE + len(src) + TAG_SIZE,
    )


@borrows
def open(  # shadows the builtin here: the module's name for it, as in the RFC
    suite: Suite,
    recipient_private_key: X25519PrivateKey,
    data: Buffer,
    info: Buffer = b"",
    aad: Buffer = b"",
) -> bytes:
    """Decrypt what :func:`seal` made for this key; :class:`nacre.InvalidTag` otherwise."""
    alg = _suite(suite)
    _require(recipient_private_key, X25519PrivateKey, "recipient_private_key")
    key = recipient_private_key._key
    src, inf, ad = input_arg(data, "data"), input_arg(info, "info"), input_arg(aad, "aad")
    n_out = len(src) - ENC_SIZE - TAG_SIZE
    if n_out < 0:
        raise InvalidTag("hpke.open: the data is shorter than enc and a tag")
    return _output(
        lambda out, cap, n: lib.nacre_hpke_open(
            alg, key, out, cap, n, inf, len(inf), src, len(src), ad, len(ad)
        ),
        "hpke.open",
        n_out,
        mismatch=InvalidTag,
    )


class _Context:
    """An HPKE context (nacre_hpke_ctx) and the lock that serialises its calls."""

    __slots__ = ("_ctx", "_lock", "__weakref__")

    def _adopt(self, cell: CData) -> None:
        self._ctx = ffi.gc(cell[0], lib.nacre_hpke_ctx_free)
        self._lock = threading.Lock()

    @borrows
    def export(self, exporter_context: Buffer, length: int) -> bytes:
        """``length`` bytes (at most 255 * 32) derived from this context and
        ``exporter_context`` (RFC 9180 section 5.3); sender and receiver get the same."""
        n = size(length, "length")
        if n > _EXPORT_MAX:  # refused by the library too; checked before allocating
            raise InvalidArgument(f"{type(self).__name__}.export: length must be at most "
                                  f"{_EXPORT_MAX} bytes, got {n}")
        ctx_buf = input_arg(exporter_context, "exporter_context")
        out = ffi.new("uint8_t[]", n)
        with self._lock:
            rc = lib.nacre_hpke_ctx_export(self._ctx, out, n, ctx_buf, len(ctx_buf))
        if rc:
            check(rc, f"{type(self).__name__}.export")
        result = to_bytes(out, n)
        ffi.memmove(out, bytes(n), n)
        return result

    def __repr__(self) -> str:
        return f"<nacre.hpke.{type(self).__name__} at {id(self):#x}>"

    def __reduce__(self) -> Any:
        raise TypeError(f"cannot pickle {type(self).__name__} objects: they hold secret keys")


class SenderContext(_Context):
    """The sender's side: ``enc`` for the recipient, then :meth:`seal` for each message."""

    __slots__ = ("_enc",)

    @borrows
    def __init__(
        self, suite: Suite, recipient_public_key: X25519PublicKey, info: Buffer = b""
    ) -> None:
        alg = _suite(suite)
        _require(recipient_public_key, X25519PublicKey, "recipient_public_key")
        inf = input_arg(info, "info")
        cell = ffi.new(_CTX_CELL)
        enc = ffi.new("uint8_t[]", ENC_SIZE)
        enc_len = ffi.new("size_t *")
        rc = lib.nacre_hpke_sender_new(
            cell, alg, recipient_public_key._key, enc, ENC_SIZE, enc_len, inf, len(inf)
        )
        if rc:
            check(rc, "hpke.SenderContext")
        self._adopt(cell)
        self._enc = to_bytes(enc, enc_len[0])

    @property
    def enc(self) -> bytes:
        """The encapsulated key (:data:`ENC_SIZE` bytes) the recipient needs to build its
        :class:`ReceiverContext`."""
        return self._enc

    @borrows
    def seal(self, data: Buffer, aad: Buffer = b"") -> bytes:
        """Encrypt the next message: ``len(data) + TAG_SIZE`` bytes."""
        src, ad = input_arg(data, "data"), input_arg(aad, "aad")
        ctx = self._ctx
        with self._lock:
            return _output(
                lambda out, cap, n: lib.nacre_hpke_ctx_seal(
                    ctx, out, cap, n, src, len(src), ad, len(ad)
                ),
                "SenderContext.seal",
                len(src) + TAG_SIZE,
            )


class ReceiverContext(_Context):
    """The recipient's side, from the sender's ``enc``: :meth:`open` for each message."""

    __slots__ = ()

    @borrows
    def __init__(
        self,
        suite: Suite,
        recipient_private_key: X25519PrivateKey,
        enc: Buffer,
        info: Buffer = b"",
    ) -> None:
        alg = _suite(suite)
        _require(recipient_private_key, X25519PrivateKey, "recipient_private_key")
        enc_buf, inf = input_arg(enc, "enc"), input_arg(info, "info")
        cell = ffi.new(_CTX_CELL)
        rc = lib.nacre_hpke_receiver_new(
            cell, alg, recipient_private_key._key, enc_buf, len(enc_buf), inf, len(inf)
        )
        if rc:
            check(rc, "hpke.ReceiverContext")
        self._adopt(cell)

    @borrows
    def open(self, data: Buffer, aad: Buffer = b"") -> bytes:
        """Decrypt the next message; :class:`nacre.InvalidTag` when it fails (the context then
        still expects the same message number)."""
        src, ad = input_arg(data, "data"), input_arg(aad, "aad")
        if len(src) < TAG_SIZE:
            raise InvalidTag("ReceiverContext.open: the ciphertext is shorter than a tag")
        ctx = self._ctx
        with self._lock:
            return _output(
                lambda out, cap, n: lib.nacre_hpke_ctx_open(
                    ctx, out, cap, n, src, len(src), ad, len(ad)
                ),
                "ReceiverContext.open",
                len(src) - TAG_SIZE,
                mismatch=InvalidTag,
            )
