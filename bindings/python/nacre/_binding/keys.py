"""Keys (``nacre_key``): generation, import and export, key info and comparison, and the
operations that take a key: signatures, agreement, key encapsulation, RSA-OAEP.

Key handles are ``nacre_key *`` under ``ffi.gc`` (:func:`.handles.new_handle`); the classes of
:mod:`nacre.keys` hold them and pass them back here. ``where`` is the operation's name for error
messages; the numbers (key types, formats, signature algorithms) are the constants below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Dict, Optional, Tuple, Type, Union

from .._args import Buffer
from .._errors import InvalidSignature, InvalidTag, VerificationFailed
from .._nacre import ffi, lib
from .backends import backend_number
from .buffers import borrows, fresh_bytes, input_arg, len_cell, new_output, peek, to_bytes
from .handles import new_handle
from .status import check
from .tables import names

if TYPE_CHECKING:
    from .._args import CData

__all__ = [
    "output",
    "generate",
    "import_key",
    "peek",
    "public_key",
    "to_x25519",
    "export",
    "import_encrypted",
    "import_legacy_rsa",
    "export_encrypted",
    "info",
    "equal",
    "sign",
    "sign_digest",
    "verify",
    "verify_digest",
    "sign_with",
    "verify_with",
    "agree",
    "encapsulate",
    "decapsulate",
    "rsa_oaep_encrypt",
    "rsa_oaep_decrypt",
    "kem_ciphertext_size",
    "kem_shared_secret_size",
    "TYPE_NAMES",
]

# Key types (nacre_key_type).
X25519: int = lib.NACRE_KEY_X25519
ED25519: int = lib.NACRE_KEY_ED25519
P256: int = lib.NACRE_KEY_P256
P384: int = lib.NACRE_KEY_P384
RSA: int = lib.NACRE_KEY_RSA
MLKEM768: int = lib.NACRE_KEY_MLKEM768
XWING: int = lib.NACRE_KEY_XWING
P521: int = lib.NACRE_KEY_P521

# Encodings (nacre_key_format).
RAW_PRIVATE: int = lib.NACRE_KEY_FORMAT_RAW_PRIVATE
RAW_PUBLIC: int = lib.NACRE_KEY_FORMAT_RAW_PUBLIC
PKCS8_DER: int = lib.NACRE_KEY_FORMAT_PKCS8_DER
PKCS8_PEM: int = lib.NACRE_KEY_FORMAT_PKCS8_PEM
SPKI_DER: int = lib.NACRE_KEY_FORMAT_SPKI_DER
SPKI_PEM: int = lib.NACRE_KEY_FORMAT_SPKI_PEM
SEC1: int = lib.NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED
SEC1_COMPRESSED: int = lib.NACRE_KEY_FORMAT_SEC1_COMPRESSED
MLKEM_EXPANDED: int = lib.NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE
PKCS1_PRIVATE_DER: int = lib.NACRE_KEY_FORMAT_PKCS1_PRIVATE_DER
PKCS1_PRIVATE_PEM: int = lib.NACRE_KEY_FORMAT_PKCS1_PRIVATE_PEM
SEC1_PRIVATE_DER: int = lib.NACRE_KEY_FORMAT_SEC1_PRIVATE_DER
SEC1_PRIVATE_PEM: int = lib.NACRE_KEY_FORMAT_SEC1_PRIVATE_PEM
PKCS1_PUBLIC_DER: int = lib.NACRE_KEY_FORMAT_PKCS1_PUBLIC_DER
PKCS1_PUBLIC_PEM: int = lib.NACRE_KEY_FORMAT_PKCS1_PUBLIC_PEM
ENCRYPTED_PKCS8_DER: int = lib.NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_DER
ENCRYPTED_PKCS8_PEM: int = lib.NACRE_KEY_FORMAT_ENCRYPTED_PKCS8_PEM
DEFAULT_PBKDF2_ITERATIONS: int = lib.NACRE_KEY_DEFAULT_PBKDF2_ITERATIONS

# Signature algorithms (nacre_sig_alg).
SIG_ED25519: int = lib.NACRE_SIG_ED25519
SIG_ECDSA_P256_SHA256: int = lib.NACRE_SIG_ECDSA_P256_SHA256
SIG_ECDSA_P256_SHA256_P1363: int = lib.NACRE_SIG_ECDSA_P256_SHA256_P1363
SIG_ECDSA_P384_SHA384: int = lib.NACRE_SIG_ECDSA_P384_SHA384
SIG_ECDSA_P384_SHA384_P1363: int = lib.NACRE_SIG_ECDSA_P384_SHA384_P1363
SIG_RSA_PSS_SHA256: int = lib.NACRE_SIG_RSA_PSS_SHA256
SIG_RSA_PKCS1_SHA256: int = lib.NACRE_SIG_RSA_PKCS1_SHA256
SIG_ECDSA_P521_SHA512: int = lib.NACRE_SIG_ECDSA_P521_SHA512
SIG_ECDSA_P521_SHA512_P1363: int = lib.NACRE_SIG_ECDSA_P521_SHA512_P1363

# Signature schemes (nacre_sig_scheme) and PSS salt lengths (NACRE_PSS_SALT_*).
SCHEME_ECDSA_DER: int = lib.NACRE_SIG_SCHEME_ECDSA_DER
SCHEME_ECDSA_P1363: int = lib.NACRE_SIG_SCHEME_ECDSA_P1363
SCHEME_RSA_PSS: int = lib.NACRE_SIG_SCHEME_RSA_PSS
SCHEME_RSA_PKCS1: int = lib.NACRE_SIG_SCHEME_RSA_PKCS1
PSS_SALT_DIGEST: int = lib.NACRE_PSS_SALT_DIGEST
PSS_SALT_MAX: int = lib.NACRE_PSS_SALT_MAX
PSS_SALT_AUTO: int = lib.NACRE_PSS_SALT_AUTO

#: The library's key type names ("x25519", "p256", "ml-kem-768", ...), from its table.
TYPE_NAMES: Dict[int, str] = {
    n: name
    for name, n in names(lib.nacre_key_type_count, lib.nacre_key_type_at, lib.nacre_key_type_name)
}

_NULL = ffi.NULL
_SIZE_CELL = ffi.typeof("size_t *")
_INT_CELL = ffi.typeof("int *")
_OK = lib.NACRE_OK
_TOO_SMALL = lib.NACRE_ERR_BUFFER_TOO_SMALL
_MISMATCH = lib.NACRE_ERR_VERIFICATION_FAILED
_KEY = "nacre_key"
_FREE = lib.nacre_key_free
# Exports of these formats are secret: their C buffer is wiped once copied out.
_PRIVATE_FORMATS = frozenset({
    RAW_PRIVATE, PKCS8_DER, PKCS8_PEM, MLKEM_EXPANDED, PKCS1_PRIVATE_DER, PKCS1_PRIVATE_PEM,
    SEC1_PRIVATE_DER, SEC1_PRIVATE_PEM,
})


def kem_ciphertext_size(key_type: int) -> int:
    return int(lib.nacre_kem_ciphertext_len(key_type))


def kem_shared_secret_size(key_type: int) -> int:
    return int(lib.nacre_kem_shared_secret_len(key_type))


# --- outputs -------------------------------------------------------------------------------------


def output(
    call: Callable[[Union[CData, bytes], int, CData], int],
    where: str,
    capacity: Optional[int] = None,
    *,
    mismatch: Type[VerificationFailed] = VerificationFailed,
    secret: bool = False,
) -> bytes:
    """Run ``call(out, out_cap, out_len)`` (a C function's output triple) and return the output.

    Without ``capacity`` the size is asked first (out NULL, cap 0: the C convention's size
    query). With ``secret``, the output goes through a C buffer that is wiped once its bytes
    are copied out; otherwise it is written in place into a new ``bytes``.
    """
    cell = len_cell()
    if capacity is None:
        rc = call(_NULL, 0, cell)
        if rc == _OK:
            return b""
        if rc != _TOO_SMALL:
            check(rc, where, mismatch=mismatch)
        capacity = cell[0]
    if not secret:
        fresh = fresh_bytes(capacity)
        rc = call(fresh, capacity, cell)
        if rc:
            check(rc, where, mismatch=mismatch)
        n = cell[0]
        return fresh if n == capacity else fresh[:n]
    out = new_output(capacity)
    rc = call(out, capacity, cell)
    if rc:
        check(rc, where, mismatch=mismatch)
    result = to_bytes(out, cell[0])
    ffi.memmove(out, bytes(capacity), capacity)
    return result


# --- handles -------------------------------------------------------------------------------------


def generate(key_type: int, rsa_bits: int, where: str) -> CData:
    """A fresh key of ``key_type`` (``rsa_bits``: the modulus size for RSA, else 0)."""
    return new_handle(_KEY, _FREE, where, lib.nacre_key_generate, key_type, rsa_bits)


def _import(key_type: int, fmt: int, data: Buffer, where: str) -> CData:
    buf = input_arg(data, "data")
    return new_handle(_KEY, _FREE, where, lib.nacre_key_import, key_type, fmt, buf, len(buf))


_import_borrowing = borrows(_import)


def import_key(key_type: int, fmt: int, data: Buffer, where: str) -> CData:
    """A key from ``data`` in ``fmt`` (``key_type`` 0: the encoding names its type)."""
    if type(data) is bytes:
        return _import(key_type, fmt, data, where)  # nothing to borrow
    return _import_borrowing(key_type, fmt, data, where)


@borrows
def import_legacy_rsa(fmt: int, data: Buffer, where: str) -> CData:
    """An RSA public key of 1024 bits or more (nacre_key_import_legacy_rsa)."""
    buf = input_arg(data, "data")
    return new_handle(_KEY, _FREE, where, lib.nacre_key_import_legacy_rsa, fmt, buf, len(buf))


@borrows
def import_encrypted(key_type: int, fmt: int, data: Buffer, password: Buffer, where: str) -> CData:
    """A key from encrypted PKCS#8 ``data`` under ``password``."""
    buf, pw = input_arg(data, "data"), input_arg(password, "password")
    return new_handle(
        _KEY, _FREE, where, lib.nacre_key_import_encrypted, key_type, fmt, buf, len(buf), pw,
        len(pw),
    )


@borrows
def export_encrypted(key: CData, fmt: int, password: Buffer, iterations: int, where: str) -> bytes:
    """The key pair as encrypted PKCS#8 (the C buffer wiped once copied, as for private keys)."""
    pw = input_arg(password, "password")
    return output(
        lambda out, cap, n: lib.nacre_key_export_encrypted(
            key, fmt, pw, len(pw), iterations, out, cap, n
        ),
        where,
        secret=True,
    )


def public_key(key: CData, where: str) -> CData:
    """The public key of a key pair (nacre_key_public)."""
    return new_handle(_KEY, _FREE, where, lambda out: lib.nacre_key_public(key, out))


def to_x25519(key: CData, where: str) -> CData:
    """The X25519 key of an Ed25519 key (nacre_key_to_x25519)."""
    return new_handle(_KEY, _FREE, where, lambda out: lib.nacre_key_to_x25519(key, out))


def export(key: CData, fmt: int, where: str) -> bytes:
    """The key in ``fmt`` (private formats wiped from C memory once copied)."""
    return output(
        lambda out, cap, n: lib.nacre_key_export(key, fmt, out, cap, n),
        where,
        secret=fmt in _PRIVATE_FORMATS,
    )


def info(key: CData) -> Tuple[int, bool, int]:
    """(nacre_key_type, has a private part, size in bits) of a key handle."""
    key_type, has_private, bits = ffi.new(_INT_CELL), ffi.new(_INT_CELL), ffi.new(_SIZE_CELL)
    check(lib.nacre_key_info(key, key_type, has_private, bits), "nacre_key_info")
    return key_type[0], bool(has_private[0]), bits[0]


def equal(a: CData, b: CData, where: str) -> bool:
    """Whether two handles hold the same key (compared in constant time by the library)."""
    rc = lib.nacre_key_equal(a, b)
    if rc == _MISMATCH:
        return False
    check(rc, where)
    return True


# --- signatures ----------------------------------------------------------------------------------
# ``backend`` is a name (or None), turned into its number after the buffers are taken: the
# order in which argument errors have always been reported.


def _sign(key: CData, alg: int, backend: Optional[str], data: Buffer, where: str) -> bytes:
    src, b = input_arg(data, "data"), backend_number(backend)
    return output(
        lambda out, cap, n: lib.nacre_sign(key, alg, b, out, cap, n, src, len(src)), where
    )


_sign_borrowing = borrows(_sign)


def sign(key: CData, alg: int, backend: Optional[str], data: Buffer, where: str) -> bytes:
    """The signature of ``data`` with ``alg``."""
    if type(data) is bytes:
        return _sign(key, alg, backend, data, where)  # nothing to borrow
    return _sign_borrowing(key, alg, backend, data, where)


@borrows
def sign_digest(key: CData, alg: int, digest: Buffer, where: str) -> bytes:
    """The signature of a digest the caller computed."""
    src = input_arg(digest, "digest")
    return output(
        lambda out, cap, n: lib.nacre_sign_digest(key, alg, out, cap, n, src, len(src)), where
    )


def _verify(
    key: CData, alg: int, backend: Optional[str], signature: Buffer, data: Buffer, where: str
) -> None:
    sig, src = input_arg(signature, "signature"), input_arg(data, "data")
    rc = lib.nacre_verify(key, alg, backend_number(backend), sig, len(sig), src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidSignature)


_verify_borrowing = borrows(_verify)


def verify(
    key: CData, alg: int, backend: Optional[str], signature: Buffer, data: Buffer, where: str
) -> None:
    """None when ``signature`` is valid for ``data``; InvalidSignature otherwise."""
    if type(signature) is bytes and type(data) is bytes:
        return _verify(key, alg, backend, signature, data, where)  # nothing to borrow
    return _verify_borrowing(key, alg, backend, signature, data, where)


@borrows
def verify_digest(key: CData, alg: int, signature: Buffer, digest: Buffer, where: str) -> None:
    """:func:`verify` over a digest the caller computed."""
    sig, src = input_arg(signature, "signature"), input_arg(digest, "digest")
    rc = lib.nacre_verify_digest(key, alg, sig, len(sig), src, len(src))
    if rc:
        check(rc, where, mismatch=InvalidSignature)


@borrows
def sign_with(
    key: CData, scheme: int, hash_alg: int, salt: int, backend: Optional[str], data: Buffer,
    digest: bool, where: str,
) -> bytes:
    """The signature of ``data`` (a message, or with ``digest`` a digest of ``hash_alg``) under
    ``scheme`` with ``hash_alg`` (0: the key's default) and ``salt`` (RSA-PSS)."""
    src = input_arg(data, "digest" if digest else "data")
    if digest:
        return output(
            lambda out, cap, n: lib.nacre_sign_digest_with(
                key, scheme, hash_alg, salt, out, cap, n, src, len(src)
            ),
            where,
        )
    b = backend_number(backend)
    return output(
        lambda out, cap, n: lib.nacre_sign_with(
            key, scheme, hash_alg, salt, b, out, cap, n, src, len(src)
        ),
        where,
    )


@borrows
def verify_with(
    key: CData, scheme: int, hash_alg: int, salt: int, backend: Optional[str],
    signature: Buffer, data: Buffer, digest: bool, where: str,
) -> None:
    """None when ``signature`` is valid (see :func:`sign_with`); InvalidSignature otherwise."""
    sig, src = input_arg(signature, "signature"), input_arg(data, "digest" if digest else "data")
    if digest:
        rc = lib.nacre_verify_digest_with(key, scheme, hash_alg, salt, sig, len(sig), src, len(src))
    else:
        rc = lib.nacre_verify_with(
            key, scheme, hash_alg, salt, backend_number(backend), sig, len(sig), src, len(src)
        )
    if rc:
        check(rc, where, mismatch=InvalidSignature)


# --- agreement, encapsulation, encryption ---------------------------------------------------------


def agree(key: CData, peer: CData, backend: int, where: str) -> bytes:
    """The shared secret of ``key`` (private) with ``peer`` (public)."""
    return output(
        lambda out, cap, n: lib.nacre_key_agree(key, peer, backend, out, cap, n),
        where,
        secret=True,
    )


def encapsulate(key: CData, ct_size: int, ss_size: int, where: str) -> Tuple[bytes, bytes]:
    """(ciphertext, shared secret) for a KEM public key; the secret's C buffer is wiped."""
    ct, ss = fresh_bytes(ct_size), new_output(ss_size)
    ct_len, ss_len = len_cell(), ffi.new(_SIZE_CELL)
    rc = lib.nacre_kem_encapsulate(key, ct, ct_size, ct_len, ss, ss_size, ss_len)
    if rc:
        check(rc, where)
    n = ct_len[0]
    result = (ct if n == ct_size else ct[:n]), to_bytes(ss, ss_len[0])
    ffi.memmove(ss, bytes(ss_size), ss_size)
    return result


def _decapsulate(key: CData, ciphertext: Buffer, ss_size: int, where: str) -> bytes:
    ct = input_arg(ciphertext, "ciphertext")
    return output(
        lambda out, cap, n: lib.nacre_kem_decapsulate(key, out, cap, n, ct, len(ct)),
        where,
        ss_size,
        secret=True,
    )


_decapsulate_borrowing = borrows(_decapsulate)


def decapsulate(key: CData, ciphertext: Buffer, ss_size: int, where: str) -> bytes:
    """The shared secret ``ciphertext`` carries for a KEM private key."""
    if type(ciphertext) is bytes:
        return _decapsulate(key, ciphertext, ss_size, where)  # nothing to borrow
    return _decapsulate_borrowing(key, ciphertext, ss_size, where)


@borrows
def rsa_oaep_encrypt(key: CData, data: Buffer, label: Buffer, capacity: int, where: str) -> bytes:
    """RSA-OAEP encryption; ``capacity``: the modulus size in bytes."""
    src, lab = input_arg(data, "data"), input_arg(label, "label")
    return output(
        lambda out, cap, n: lib.nacre_rsa_oaep_encrypt(
            key, out, cap, n, src, len(src), lab, len(lab)
        ),
        where,
        capacity,
    )


@borrows
def rsa_oaep_decrypt(key: CData, data: Buffer, label: Buffer, capacity: int, where: str) -> bytes:
    """RSA-OAEP decryption (InvalidTag when it fails); the plaintext's C buffer is wiped."""
    src, lab = input_arg(data, "data"), input_arg(label, "label")
    return output(
        lambda out, cap, n: lib.nacre_rsa_oaep_decrypt(
            key, out, cap, n, src, len(src), lab, len(lab)
        ),
        where,
        capacity,
        mismatch=InvalidTag,
        secret=True,
    )
