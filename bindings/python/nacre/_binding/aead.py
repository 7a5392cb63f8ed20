"""AEADs (nacre_aead_*): key handles, combined and detached seal and open, boxes with a random
nonce.

The functions take the key's *owner* (a :class:`Key`, the public class's instance): it builds the
handle when one is needed (a ``bytes`` key waits until then, see :mod:`nacre.aead`) and makes the
exceptions whose messages are the public module's (sizes the binding only learns from a view).
``spec`` is the owner's ``(alg, nonce_size, tag_size, what)``: ``what`` names the algorithm in
messages ("aes-256-gcm", "... on backend 'sodium'"), and a failing call says ``what encrypt``,
``what decrypt``, ``what seal`` or ``what open``.

The combined paths are written out flat: a call costs about as much Python as C here, so bytes go
to C as they are (no borrowing scope when every input is ``bytes`` or None), outputs are new
bytes objects the C function fills (or zeroes on failure; :func:`.buffers.fresh_bytes`), and the
out_len cell is the per-thread one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional, Protocol, Tuple, Union

from .._args import Buffer
from .._errors import InvalidTag
from .._nacre import ffi, lib
from .backends import backend_number, backends_implementing
from .buffers import (
    UNINITIALISED_FROM,
    borrows,
    fresh_bytes,
    input_arg,
    len_cell,
    optional_input,
    readable,
    writable,
)
from .handles import new_handle
from .status import check

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "Key",
    "Spec",
    "available_backends",
    "new_key",
    "new_key_from",
    "encrypt",
    "decrypt",
    "encrypt_into",
    "decrypt_into",
    "encrypt_detached",
    "decrypt_detached",
    "seal_box",
    "open_box",
]

#: (alg, nonce_size, tag_size, what): a key's facts, as the owner keeps them.
Spec = Tuple[int, int, int, str]

_LEN_CELL = ffi.typeof("size_t *")
_NULL = ffi.NULL
_AUTOMATIC = lib.NACRE_BACKEND_AUTOMATIC
_PLAIN = (bytes, type(None))  # argument types that need no view
_seal = lib.nacre_aead_seal
_open = lib.nacre_aead_open
_seal_oneshot = lib.nacre_aead_seal_oneshot
_open_oneshot = lib.nacre_aead_open_oneshot


class Key(Protocol):
    """What the functions here need from the public key object."""

    def _lazy(self) -> Union[bytes, CData]:
        """For a key still waiting as bytes: those bytes for one one-shot call the first time,
        the handle (built now) after that."""

    def _handle(self) -> CData:
        """The key handle, built now if the key was still waiting as bytes."""

    def _bad_nonce(self, size: int) -> Exception: ...

    def _short(self, what: str = "data") -> Exception: ...

    def _bad_output(self, n: int, size: int) -> Exception: ...


def available_backends(alg: int) -> Tuple[str, ...]:
    """The backends that can run AEAD ``alg`` on this CPU."""
    return backends_implementing(lib.nacre_aead_is_available, alg)


def _key_new(alg: int, backend: Optional[str], key: Union[bytes, CData], where: str) -> CData:
    return new_handle(
        "nacre_aead_key", lib.nacre_aead_key_free, where, lib.nacre_aead_key_new,
        alg, backend_number(backend), key, len(key),
    )


def new_key(alg: int, backend: Optional[str], key: bytes, where: str) -> CData:
    """A key handle for ``alg`` (already chosen by the key's size) from ``bytes``."""
    return _key_new(alg, backend, key, where)


@borrows
def new_key_from(
    key: Buffer, backend: Optional[str], choose: Callable[[int], Tuple[int, str]]
) -> CData:
    """A key handle from any buffer: ``choose(size)`` gives (alg, where) for a key of that
    size, or raises (the owner's size check)."""
    buf = readable(key, "key")
    alg, where = choose(len(buf))
    return _key_new(alg, backend, buf, where)


def _lazily(
    owner: Key, oneshot: Callable[..., int], combined: Callable[..., int], alg: int, out: bytes,
    n: int, nonce: Union[bytes, CData], src: Union[bytes, CData], ad: Union[bytes, CData],
    ad_len: int,
) -> int:
    """A combined seal/open for a key still waiting as bytes: the one-shot call the first
    time, the handle (built now) after that."""
    key = owner._lazy()
    if isinstance(key, bytes):
        return oneshot(
            alg, _AUTOMATIC, key, len(key), out, n, len_cell(), nonce, len(nonce), src, len(src),
            ad, ad_len,
        )
    return combined(key, out, n, len_cell(), nonce, len(nonce), src, len(src), ad, ad_len)


# --- combined: ciphertext || tag ---------------------------------------------------------------


def encrypt(
    owner: Key, key: Optional[CData], spec: Spec, nonce: Buffer, data: Buffer,
    associated_data: Optional[Buffer], _scoped: bool = False,
) -> bytes:
    """ciphertext || tag of ``data`` under ``nonce`` (``key`` None: ``owner._lazy()``)."""
    if not _scoped and not (
        type(nonce) is bytes and type(data) is bytes and type(associated_data) in _PLAIN
    ):  # views to take: again, inside a borrowing scope (bytes need none: the fast path)
        return _encrypt_borrowing(owner, key, spec, nonce, data, associated_data, True)
    nonce_buf = nonce if type(nonce) is bytes else readable(nonce, "nonce")
    if len(nonce_buf) != spec[1]:
        raise owner._bad_nonce(len(nonce_buf))
    src = data if type(data) is bytes else readable(data, "data")
    ad: Union[bytes, CData]
    if associated_data is None:
        ad, ad_len = _NULL, 0
    else:
        ad = input_arg(associated_data, "associated_data")
        ad_len = len(ad)
    n = len(src) + spec[2]
    out = bytes(n) if n < UNINITIALISED_FROM else fresh_bytes(n)  # fresh_bytes, inlined
    if key is not None:
        rc = _seal(key, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len)
    else:
        rc = _lazily(owner, _seal_oneshot, _seal, spec[0], out, n, nonce_buf, src, ad, ad_len)
    if rc:
        check(rc, f"{spec[3]} encrypt")
    return out


_encrypt_borrowing = borrows(encrypt)


def decrypt(
    owner: Key, key: Optional[CData], spec: Spec, nonce: Buffer, data: Buffer,
    associated_data: Optional[Buffer], _scoped: bool = False,
) -> bytes:
    """The plaintext of ciphertext || tag ``data``; InvalidTag when it does not authenticate."""
    if not _scoped and not (
        type(nonce) is bytes and type(data) is bytes and type(associated_data) in _PLAIN
    ):  # views to take: again, inside a borrowing scope (bytes need none: the fast path)
        return _decrypt_borrowing(owner, key, spec, nonce, data, associated_data, True)
    nonce_buf = nonce if type(nonce) is bytes else readable(nonce, "nonce")
    if len(nonce_buf) != spec[1]:
        raise owner._bad_nonce(len(nonce_buf))
    src = data if type(data) is bytes else readable(data, "data")
    ad: Union[bytes, CData]
    if associated_data is None:
        ad, ad_len = _NULL, 0
    else:
        ad = input_arg(associated_data, "associated_data")
        ad_len = len(ad)
    n = len(src) - spec[2]
    if n < 0:
        raise owner._short()
    out = bytes(n) if n < UNINITIALISED_FROM else fresh_bytes(n)  # fresh_bytes, inlined
    if key is not None:
        rc = _open(key, out, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len)
    else:
        rc = _lazily(owner, _open_oneshot, _open, spec[0], out, n, nonce_buf, src, ad, ad_len)
    if rc:
        check(rc, f"{spec[3]} decrypt", mismatch=InvalidTag)
    return out


_decrypt_borrowing = borrows(decrypt)


@borrows
def encrypt_into(
    owner: Key, spec: Spec, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer],
    out: Buffer,
) -> int:
    """:func:`encrypt` into the writable ``out`` (exactly ``len(data) + tag_size`` bytes)."""
    _, nonce_size, tag_size, what = spec
    nonce_buf = input_arg(nonce, "nonce")
    if len(nonce_buf) != nonce_size:
        raise owner._bad_nonce(len(nonce_buf))
    src = input_arg(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    dst = writable(out, "out")
    n = len(src) + tag_size
    if len(dst) != n:
        raise owner._bad_output(n, len(dst))
    rc = _seal(
        owner._handle(), dst, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
    )
    if rc:
        check(rc, f"{what} encrypt")
    return n


@borrows
def decrypt_into(
    owner: Key, spec: Spec, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer],
    out: Buffer,
) -> int:
    """:func:`decrypt` into the writable ``out`` (exactly ``len(data) - tag_size`` bytes;
    zeroed on failure)."""
    _, nonce_size, tag_size, what = spec
    nonce_buf = input_arg(nonce, "nonce")
    if len(nonce_buf) != nonce_size:
        raise owner._bad_nonce(len(nonce_buf))
    src = input_arg(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    dst = writable(out, "out")
    n = len(src) - tag_size
    if n < 0:
        raise owner._short()
    if len(dst) != n:
        raise owner._bad_output(n, len(dst))
    rc = _open(
        owner._handle(), dst, n, len_cell(), nonce_buf, len(nonce_buf), src, len(src), ad, ad_len
    )
    if rc:
        check(rc, f"{what} decrypt", mismatch=InvalidTag)
    return n


# --- detached: ciphertext and tag apart --------------------------------------------------------


@borrows
def encrypt_detached(
    owner: Key, spec: Spec, nonce: Buffer, data: Buffer, associated_data: Optional[Buffer]
) -> Tuple[bytes, bytes]:
    """``(ciphertext, tag)`` of ``data`` under ``nonce``."""
    _, nonce_size, tag_size, what = spec
    nonce_buf = input_arg(nonce, "nonce")
    if len(nonce_buf) != nonce_size:
        raise owner._bad_nonce(len(nonce_buf))
    src = input_arg(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n, t = len(src), tag_size
    out = fresh_bytes(n)
    tag = fresh_bytes(t)
    rc = lib.nacre_aead_seal_detached(
        owner._handle(), out, n, len_cell(), tag, t, ffi.new(_LEN_CELL),
        nonce_buf, len(nonce_buf), src, n, ad, ad_len,
    )
    if rc:
        check(rc, f"{what} encrypt")
    return out, tag


@borrows
def decrypt_detached(
    owner: Key, spec: Spec, nonce: Buffer, data: Buffer, tag: Buffer,
    associated_data: Optional[Buffer],
) -> bytes:
    """The plaintext of ciphertext ``data`` with ``tag``; InvalidTag when anything differs."""
    _, nonce_size, _, what = spec
    nonce_buf = input_arg(nonce, "nonce")
    if len(nonce_buf) != nonce_size:
        raise owner._bad_nonce(len(nonce_buf))
    src = input_arg(data, "data")
    tag_buf = input_arg(tag, "tag")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n = len(src)
    out = fresh_bytes(n)
    rc = lib.nacre_aead_open_detached(
        owner._handle(), out, n, len_cell(), nonce_buf, len(nonce_buf),
        src, n, tag_buf, len(tag_buf), ad, ad_len,
    )
    if rc:
        check(rc, f"{what} decrypt", mismatch=InvalidTag)
    return out


# --- boxes: nonce || ciphertext || tag, the nonce random ---------------------------------------


def seal_box(owner: Key, spec: Spec, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
    """nonce || ciphertext || tag of ``data`` under a fresh random nonce."""
    if type(data) is bytes and type(associated_data) in _PLAIN:
        return _box_seal(owner, spec, data, associated_data)  # nothing to borrow
    return _box_seal_borrowing(owner, spec, data, associated_data)


def _box_seal(owner: Key, spec: Spec, data: Buffer, associated_data: Optional[Buffer]) -> bytes:
    _, nonce_size, tag_size, what = spec
    src = data if type(data) is bytes else readable(data, "data")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n = nonce_size + len(src) + tag_size
    out = fresh_bytes(n)
    rc = lib.nacre_aead_seal_with_random_nonce(
        owner._handle(), out, n, len_cell(), src, len(src), ad, ad_len
    )
    if rc:
        check(rc, f"{what} seal")
    return out


_box_seal_borrowing = borrows(_box_seal)


def open_box(owner: Key, spec: Spec, box: Buffer, associated_data: Optional[Buffer]) -> bytes:
    """The plaintext of what :func:`seal_box` made; InvalidTag otherwise."""
    if type(box) is bytes and type(associated_data) in _PLAIN:
        return _box_open(owner, spec, box, associated_data)  # nothing to borrow
    return _box_open_borrowing(owner, spec, box, associated_data)


def _box_open(owner: Key, spec: Spec, box: Buffer, associated_data: Optional[Buffer]) -> bytes:
    _, nonce_size, tag_size, what = spec
    src = box if type(box) is bytes else readable(box, "box")
    ad, ad_len = optional_input(associated_data, "associated_data")
    n = len(src) - nonce_size - tag_size
    if n < 0:
        raise owner._short("box")
    out = fresh_bytes(n)
    rc = lib.nacre_aead_open_with_nonce_prefix(
        owner._handle(), out, n, len_cell(), src, len(src), ad, ad_len
    )
    if rc:
        check(rc, f"{what} open", mismatch=InvalidTag)
    return out


_box_open_borrowing = borrows(_box_open)
