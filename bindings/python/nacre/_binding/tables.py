"""The library's algorithm tables (nacre.h: nacre_X_count / nacre_X_at / nacre_X_describe), read
once at import: the Python layer lists algorithms from here, never from a copy of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Tuple

from .._nacre import ffi, lib
from .status import c_string

if TYPE_CHECKING:
    from .._args import CData

__all__ = ["AeadFacts", "HashFacts", "aeads", "hashes", "names"]


class HashFacts(NamedTuple):
    """One row of the hash table (nacre_hash_info)."""

    number: int
    name: str  # the library's name: "sha256", "sha512-256", "sha3-256", "shake128"
    digest_size: int  # 0 for an XOF
    block_size: int
    xof: bool
    hmac: bool  # offered under HMAC
    kdf: bool  # offered under HKDF and PBKDF2
    legacy: bool  # broken for security (MD5, SHA-1): for interoperability only


class AeadFacts(NamedTuple):
    """One row of the AEAD table (nacre_aead_info)."""

    number: int
    name: str  # "aes-256-gcm", "xchacha20-poly1305", ...
    key_size: int
    nonce_size: int
    tag_size: int
    random_nonce_safe: bool


def _numbers(count: Callable[[], int], at: Callable[[int], int]) -> Tuple[int, ...]:
    return tuple(at(i) for i in range(count()))


def names(
    count: Callable[[], int], at: Callable[[int], int], name: Callable[[int], CData]
) -> Tuple[Tuple[str, int], ...]:
    """(name, number) for every entry of a family's table (nacre_sig_*, nacre_key_type_*, ...)."""
    return tuple((c_string(name(n)), n) for n in _numbers(count, at))


def _describe(family: str, n: int) -> Any:
    """nacre_<family>_describe(n) into a fresh nacre_<family>_info (cffi types its fields only at
    run time, hence Any)."""
    struct = f"nacre_{family}_info"
    info = ffi.new(struct + " *")
    if getattr(lib, f"nacre_{family}_describe")(n, info, ffi.sizeof(struct)) != lib.NACRE_OK:
        raise RuntimeError(f"nacre_{family}_describe({n}) failed for a number the library listed")
    return info


def _hash(n: int) -> HashFacts:
    info = _describe("hash", n)
    flags = info.flags
    return HashFacts(
        n,
        c_string(info.name),
        info.digest_len,
        info.block_len,
        bool(flags & lib.NACRE_HASH_FLAG_XOF),
        bool(flags & lib.NACRE_HASH_FLAG_HMAC),
        bool(flags & lib.NACRE_HASH_FLAG_KDF),
        bool(flags & lib.NACRE_HASH_FLAG_LEGACY),
    )


def _aead(n: int) -> AeadFacts:
    info = _describe("aead", n)
    return AeadFacts(
        n,
        c_string(info.name),
        info.key_len,
        info.nonce_len,
        info.tag_len,
        bool(info.flags & lib.NACRE_AEAD_FLAG_RANDOM_NONCE_SAFE),
    )


#: Every hash of the library, in its order.
hashes: Tuple[HashFacts, ...] = tuple(
    _hash(n) for n in _numbers(lib.nacre_hash_count, lib.nacre_hash_at)
)
#: Every AEAD of the library, in its order.
aeads: Tuple[AeadFacts, ...] = tuple(
    _aead(n) for n in _numbers(lib.nacre_aead_count, lib.nacre_aead_at)
)
