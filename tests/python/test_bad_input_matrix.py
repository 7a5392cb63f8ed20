"""Bad-input matrix: every public callable of the nacre package, given bad arguments, raises the
exception its documentation names -- never a crash, never a silently accepted value.

Interpreter and nacre: see conftest.py.

How it is organised:

- ``public_callables()`` walks the public modules (``__all__`` of nacre and of nacre.aead, box,
  hash, hmac, hpke, kdf, kem, keys, pwhash, secretstream) and collects every module function,
  every class constructor and every public method or classmethod a class gets from nacre code.
- ``TABLE`` holds the rows, grouped per module: (callable path, bad-argument class, a call,
  expected exception). ``test_table_covers_every_public_callable`` fails when a public callable
  has no row (a new function needs rows) or a row names something that does not exist.
- Expected exceptions come from the docstrings: TypeError for wrong types (str is never encoded
  silently), "a ValueError (also a nacre.Error)" for sizes (both are asserted), InvalidKey for
  key material, InvalidTag / InvalidSignature / VerificationFailed for failed checks,
  UnsupportedAlgorithm for unknown algorithms. Huge lengths must be refused as a documented
  size error, not attempted (no MemoryError, no OverflowError from cffi).
- Every raised exception (message, repr, chained cause) is checked for the bytes of every key,
  password and secret the table uses (hex or repr), and key objects' reprs likewise.
- Rows that show a bug keep the documented expectation and are listed in ``KNOWN_BUGS`` (strict
  xfail), each with the reason.

Key material is built from fixed bytes (``_secret``) so that leaks can be searched for; the only
generated key is one 2048-bit RSA key (RSA has no raw import).
"""

from __future__ import annotations

import hashlib
import importlib
import io
import types
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

import pytest

import nacre
import nacre.aead
import nacre.age
import nacre.age.passphrase
import nacre.box
import nacre.hash
import nacre.hmac
import nacre.hpke
import nacre.kdf
import nacre.kem
import nacre.keys
import nacre.minisign
import nacre.pwhash
import nacre.secretstream as ss
from nacre import encoding as enc
from nacre.aead import AEGIS128L, AEGIS256, AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    MLKEM768PrivateKey,
    MLKEM768PublicKey,
    RSAPrivateKey,
    RSAPublicKey,
    X25519PrivateKey,
    X25519PublicKey,
    XWingPrivateKey,
    XWingPublicKey,
)
from nacre.nacl import exceptions as nacl_exc
from nacre.nacl import public as nacl_public
from nacre.nacl import secret as nacl_secret
from nacre.nacl import signing as nacl_signing
from nacre.nacl import utils as nacl_utils
from nacre.secret import EncryptedMessage, SecretBox

PUBLIC_MODULES = (
    "nacre",
    "nacre.aead",
    "nacre.box",
    "nacre.hash",
    "nacre.hmac",
    "nacre.hpke",
    "nacre.kdf",
    "nacre.keywrap",
    "nacre.kem",
    "nacre.keys",
    "nacre.pwhash",
    "nacre.secretstream",
    "nacre.age",
    "nacre.age.passphrase",
    "nacre.minisign",
    "nacre.secret",
    "nacre.encoding",
    "nacre.nacl.encoding",
    "nacre.nacl.exceptions",
    "nacre.nacl.utils",
    "nacre.nacl.secret",
    "nacre.nacl.public",
    "nacre.nacl.signing",
)

# --- expected exceptions: the first class goes to pytest.raises, the others are asserted too -----

TYPE = (TypeError,)
#: "a ValueError (also a nacre.Error)": sizes, lengths, counts, unknown option values.
SIZE = (ValueError, nacre.Error)
INVALID_ARGUMENT = (nacre.InvalidArgument, ValueError)
KEY = (nacre.InvalidKey, ValueError)
TAG = (nacre.InvalidTag,)
SIGNATURE = (nacre.InvalidSignature,)
MISMATCH = (nacre.VerificationFailed,)
UNSUPPORTED = (nacre.UnsupportedAlgorithm, ValueError)
TRUNCATED = (nacre.TruncatedStream, nacre.InvalidTag)
TRAILING = (nacre.TrailingData, nacre.InvalidTag)
#: Unknown backend names: nacre._backends.backend_number, a ValueError and a nacre.Error.
BAD_BACKEND = (nacre.InvalidArgument, ValueError)
#: io convention for operations on closed files.
CLOSED = (ValueError,)

#: Values that are not buffers; str has the size of a key, so encoding it would "work".
NOT_BUFFERS: Tuple[Tuple[str, Any], ...] = (
    ("None", None),
    ("str", "k" * 32),
    ("int", 32),
    ("float", 32.0),
    ("list", [0] * 32),
    ("object", object()),
)
#: Output lengths that must be refused before anything is allocated.
HUGE = (("2**63", 2**63), ("2**64", 2**64))


# --- secrets: fixed bytes, so that a leak can be searched for -------------------------------------

SECRETS: List[bytes] = []


def _secret(label: str, n: int, first: Optional[int] = None) -> bytes:
    """``n`` fixed bytes for ``label``, registered as a secret. Quote and backslash bytes are
    avoided so that a repr of the secret contains a repr of each of its pieces."""
    data = bytearray(hashlib.shake_256(label.encode()).digest(n))
    for i, b in enumerate(data):
        if b in (0x22, 0x27, 0x5C):
            data[i] = 0x41
    if first is not None:
        data[0] = first
    SECRETS.append(bytes(data))
    return bytes(data)


def _fingerprints(secret: bytes) -> Iterable[str]:
    """Forms in which (a piece of) a secret would show in text: hex and bytes-repr, of its first
    and last 8 bytes (a truncated dump still leaks)."""
    for piece in {secret[:8], secret[-8:]}:
        yield piece.hex()
        yield piece.hex().upper()
        yield repr(piece)[2:-1]


def _assert_no_secret(text: str, what: str) -> None:
    for secret in SECRETS:
        for mark in _fingerprints(secret):
            assert mark not in text, f"{what} shows secret bytes ({mark!r}): {text!r}"


K16 = _secret("aead key 16", 16)
K32 = _secret("aead key 32", 32)
HMAC_KEY = _secret("hmac key", 40)
STREAM_KEY = _secret("secretstream key", ss.KEY_SIZE)
SUBKEY_MASTER = _secret("kdf master key", nacre.kdf.SUBKEY_KEY_SIZE)
IKM = _secret("hkdf ikm", 32)
PRK = _secret("hkdf prk", 32)
KEK = _secret("key wrap kek", 32)
PASSWORD = _secret("password", 20)
RAW_X25519_A = _secret("x25519 a", 32)
RAW_X25519_B = _secret("x25519 b", 32)
RAW_ED25519 = _secret("ed25519 seed", 32)
RAW_P256 = _secret("p256 scalar", 32, first=0x11)  # below the group order
RAW_P384 = _secret("p384 scalar", 48, first=0x11)
RAW_MLKEM = _secret("ml-kem seed", 64)
RAW_XWING = _secret("x-wing seed", 32)

SUITE = nacre.hpke.Suite.X25519_SHA256_CHACHA20POLY1305
AGE_PASSPHRASE = _secret("age passphrase", 24).hex()
AGE_IDENTITY = nacre.age.Identity.generate()
SECRETS.append(AGE_IDENTITY.secret_text().encode())
MINISIGN_KEY = nacre.minisign.SecretKey.generate()
MINISIGN_FILE = MINISIGN_KEY.save()
SECRETS.append(MINISIGN_FILE.split(b"\n")[1])
MINISIGN_CHEAP = {"opslimit": 524288, "memlimit": 16777216}
# An X448 PKCS#8 key (RFC 8410): well formed, not offered by nacre (as in test_keys.py).
X448_PKCS8 = bytes.fromhex("3046020100300506032b656f043a0438") + bytes(range(1, 57))
# An Argon2id string asking for 1 TiB: over nacre's cap, refused before any memory is spent.
OVER_CAP_HASH = (
    "$argon2id$v=19$m=1073741824,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA"
    "$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"
)


def _flip(data: bytes, index: int = -1) -> bytes:
    """``data`` with one bit of byte ``index`` changed."""
    out = bytearray(data)
    out[index] ^= 1
    return bytes(out)


def _ro(n: int) -> memoryview:
    """A read-only buffer of ``n`` bytes (a writable one is needed)."""
    return memoryview(bytes(n))


class Fixtures:
    """Objects the calls need, built on first use (at test time, not at collection)."""

    # keys
    @cached_property
    def x25519(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_raw(RAW_X25519_A)

    @cached_property
    def x25519_b(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_raw(RAW_X25519_B)

    @cached_property
    def ed25519(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_raw(RAW_ED25519)

    @cached_property
    def p256(self) -> ECPrivateKey:
        return ECPrivateKey.from_raw(RAW_P256, "p256")

    @cached_property
    def p384(self) -> ECPrivateKey:
        return ECPrivateKey.from_raw(RAW_P384, "p384")

    @cached_property
    def rsa(self) -> RSAPrivateKey:
        key = RSAPrivateKey.generate(2048)
        der = key.to_pkcs8_der()
        SECRETS.append(der[len(der) // 2 : len(der) // 2 + 64])  # private exponent territory
        return key

    @cached_property
    def mlkem(self) -> MLKEM768PrivateKey:
        return MLKEM768PrivateKey.from_seed(RAW_MLKEM)

    @cached_property
    def mlkem_expanded(self) -> bytes:
        return self.mlkem.to_expanded()

    @cached_property
    def xwing(self) -> XWingPrivateKey:
        return XWingPrivateKey.from_raw(RAW_XWING)

    def private(self, cls: type) -> Any:
        return {
            X25519PrivateKey: self.x25519,
            Ed25519PrivateKey: self.ed25519,
            ECPrivateKey: self.p256,
            RSAPrivateKey: self.rsa,
            MLKEM768PrivateKey: self.mlkem,
            XWingPrivateKey: self.xwing,
        }[cls]

    def public(self, cls: type) -> Any:
        return self.private(_PRIVATE_OF[cls]).public_key()

    def other_private(self, cls: type) -> Any:
        """A private key of another type than ``cls`` (for "another key type" rows)."""
        return self.x25519 if cls is not X25519PrivateKey else self.ed25519

    def all_keys(self) -> List[Any]:
        made = [getattr(self, n) for n in ("x25519", "x25519_b", "ed25519", "p256", "p384",
                                           "rsa", "mlkem", "xwing") if n in vars(self)]
        return made + [k.public_key() for k in made]

    # aead
    def aead(self, cls: type) -> Any:
        return cls(K16 if cls is AEGIS128L else K32)

    def aead_ct(self, cls: type) -> bytes:
        return self.aead(cls).encrypt(bytes(cls.NONCE_SIZE), b"message", b"ad")

    # hash, hmac
    @property
    def hmac(self) -> nacre.hmac.HMAC:
        return nacre.hmac.new(HMAC_KEY, b"msg", "sha256")

    @cached_property
    def hmac_tag(self) -> bytes:
        return nacre.hmac.digest(HMAC_KEY, b"msg", "sha256")

    # box, hpke
    @cached_property
    def sealed(self) -> bytes:
        return nacre.box.seal(self.x25519.public_key(), b"message")

    def box_ab(self) -> nacre.box.Box:
        return nacre.box.Box(self.x25519, self.x25519_b.public_key())

    def box_ba(self) -> nacre.box.Box:
        return nacre.box.Box(self.x25519_b, self.x25519.public_key())

    @cached_property
    def box_ct(self) -> bytes:
        return self.box_ab().encrypt(b"message")  # nonce || ciphertext

    @cached_property
    def hpke_sealed(self) -> bytes:
        return nacre.hpke.seal(SUITE, self.x25519.public_key(), b"message", b"info", b"aad")

    @cached_property
    def sender(self) -> nacre.hpke.SenderContext:
        return nacre.hpke.SenderContext(SUITE, self.x25519.public_key(), b"info")

    @cached_property
    def receiver(self) -> nacre.hpke.ReceiverContext:
        return nacre.hpke.ReceiverContext(SUITE, self.x25519, self.sender.enc, b"info")

    @cached_property
    def hpke_ct(self) -> bytes:
        return self.sender.seal(b"message", b"aad")

    # pwhash: a real hash string at the cheapest limits
    @cached_property
    def pw_hash(self) -> str:
        return nacre.pwhash.hash_password(PASSWORD, opslimit=1, memlimit=8192)

    # secretstream
    @cached_property
    def stream(self) -> Tuple[bytes, bytes, bytes]:
        """(header, a message, the final message) under STREAM_KEY."""
        enc = ss.Encryptor(STREAM_KEY)
        return enc.header, enc.push(b"first"), enc.finalize(b"last")

    def decryptor(self) -> ss.Decryptor:
        return ss.Decryptor(STREAM_KEY, self.stream[0])

    # age: one small file to AGE_IDENTITY, binary; one to a passphrase
    @cached_property
    def age_file(self) -> bytes:
        return nacre.age.encrypt(bytes(range(40)) * 5000, [AGE_IDENTITY.to_public()])

    @cached_property
    def age_pw_file(self) -> bytes:
        return nacre.age.passphrase.encrypt(b"message", AGE_PASSPHRASE, work_factor=10)

    def age_reader(self, data: Optional[bytes] = None,
                   identity: Any = None) -> nacre.age.DecryptingReader:
        return nacre.age.DecryptingReader(io.BytesIO(self.age_file if data is None else data),
                                          [identity or AGE_IDENTITY])

    def age_writer(self) -> nacre.age.EncryptingWriter:
        return nacre.age.EncryptingWriter(io.BytesIO(), [AGE_IDENTITY.to_public()])


F = Fixtures()
_PRIVATE_OF: Dict[type, type] = {
    X25519PublicKey: X25519PrivateKey,
    Ed25519PublicKey: Ed25519PrivateKey,
    ECPublicKey: ECPrivateKey,
    RSAPublicKey: RSAPrivateKey,
    MLKEM768PublicKey: MLKEM768PrivateKey,
    XWingPublicKey: XWingPrivateKey,
}


def _closed(obj: Any) -> Any:
    obj.close()
    return obj


def _after_final() -> Any:
    dec = F.decryptor()
    _, c1, final = F.stream
    dec.pull(c1)
    dec.pull(final)
    return dec.pull(c1)


def _finalized_encryptor() -> ss.Encryptor:
    enc = ss.Encryptor(STREAM_KEY)
    enc.finalize()
    return enc


# --- the rows ------------------------------------------------------------------------------------


class _Reader(io.RawIOBase):
    """A readable binary file with nothing in it (not a BytesIO, which is hashed in place)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buf: Any) -> int:
        return 0


@dataclass(frozen=True)
class Row:
    path: str  # the public callable, as public_callables() names it
    case: str  # the bad-argument class ("nonce:short", "out:read-only", ...)
    call: Callable[[], Any]
    expect: Tuple[type, ...]

    @property
    def id(self) -> str:
        return f"{self.path}[{self.case}]"


Make = Callable[[Any], Any]  # value -> the call with that value in one argument


def not_buffers(path: str, arg: str, make: Make, *, none_ok: bool = False) -> List[Row]:
    """A bytes-like argument: None (unless it means "none"), str, int, float, list and object
    are TypeErrors; str in particular must not be encoded."""
    return [
        Row(path, f"{arg}:{name}", lambda v=value: make(v), TYPE)
        for name, value in NOT_BUFFERS
        if not (none_ok and value is None)
    ]


def sizes(path: str, arg: str, make: Make, good: bytes, expect: Tuple[type, ...],
          *, empty: bool = True) -> List[Row]:
    """A fixed-size argument one byte short, one byte long, and empty."""
    rows = [
        Row(path, f"{arg}:short", lambda: make(good[:-1]), expect),
        Row(path, f"{arg}:long", lambda: make(good + good[:1]), expect),
    ]
    if empty:
        rows.append(Row(path, f"{arg}:empty", lambda: make(b""), expect))
    return rows


def outputs(path: str, make: Make, n: int, *, exact: bool = True, any_size: bool = False,
            arg: str = "out") -> List[Row]:
    """A writable output of ``n`` bytes: read-only buffers and non-buffers are TypeErrors; a
    bytearray one byte short (and, when the size is ``exact``, one long) is a ValueError (also a
    nacre.Error). ``any_size``: every size is fine (XOF outputs, random bytes)."""
    rows = [
        Row(path, f"{arg}:bytes", lambda: make(bytes(n)), TYPE),
        Row(path, f"{arg}:read-only", lambda: make(_ro(n)), TYPE),
        Row(path, f"{arg}:str", lambda: make("o" * n), TYPE),
        Row(path, f"{arg}:None", lambda: make(None), TYPE),
        Row(path, f"{arg}:int", lambda: make(n), TYPE),
    ]
    if not any_size:
        rows.append(Row(path, f"{arg}:short", lambda: make(bytearray(n - 1)), SIZE))
        if exact:
            rows.append(Row(path, f"{arg}:long", lambda: make(bytearray(n + 1)), SIZE))
    return rows


def lengths(path: str, arg: str, make: Make, *, too_big: Optional[int] = None,
            too_small: Optional[int] = None) -> List[Row]:
    """An output length: negative, huge (2**63, 2**64: refused, not attempted), out of the
    documented range, and not an int."""
    rows = [Row(path, f"{arg}:-1", lambda: make(-1), SIZE)]
    rows += [Row(path, f"{arg}:{name}", lambda v=v: make(v), SIZE) for name, v in HUGE]
    if too_big is not None:
        rows.append(Row(path, f"{arg}:max+1", lambda: make(too_big), SIZE))
    if too_small is not None:
        rows.append(Row(path, f"{arg}:min-1", lambda: make(too_small), SIZE))
    rows += [
        Row(path, f"{arg}:str", lambda: make("32"), TYPE),
        Row(path, f"{arg}:float", lambda: make(32.0), TYPE),
    ]
    return rows


def backends(path: str, make: Make, lacking: Optional[str] = None) -> List[Row]:
    """``backend=``: an unknown name, a non-str, and (when given) a backend without the
    algorithm (UnsupportedAlgorithm)."""
    rows = [
        Row(path, "backend:unknown", lambda: make("openssl"), BAD_BACKEND),
        Row(path, "backend:int", lambda: make(1), TYPE),
    ]
    if lacking is not None:
        rows.append(Row(path, f"backend:{lacking}", lambda: make(lacking), UNSUPPORTED))
    return rows


def extra_arg(path: str, call: Callable[[Any], Any]) -> Row:
    """A method without (or with fewer) parameters, given one more: TypeError."""
    return Row(path, "extra-arg", lambda: call(object()), TYPE)


def no_direct_construction(path: str, cls: type) -> Row:
    """Classes made by factories only: calling the class is a TypeError."""
    return Row(path, "direct-construction", lambda: cls(b"x" * 32), TYPE)


# --- top level -----------------------------------------------------------------------------------


def _top_rows() -> List[Row]:
    p = "nacre.random_bytes"
    rows = lengths(p, "n", nacre.random_bytes)
    rows.append(Row(p, "n:None", lambda: nacre.random_bytes(None), TYPE))
    p = "nacre.random_bytes_into"
    rows += outputs(p, nacre.random_bytes_into, 8, any_size=True)
    p = "nacre.compare_digest"
    rows += not_buffers(p, "a", lambda v: nacre.compare_digest(v, b"k" * 32))
    rows += not_buffers(p, "b", lambda v: nacre.compare_digest(b"k" * 32, v))
    # No parameters: one more is a TypeError. The stats tuple is built by the function only
    # (a NamedTuple: fields are required, so a call without them is a TypeError too).
    rows.append(extra_arg("nacre.secret_memory_stats", nacre.secret_memory_stats))
    rows.append(
        Row("nacre.SecretMemoryStats", "missing-fields", lambda: nacre.SecretMemoryStats(), TYPE)
    )
    return rows


# --- aead ----------------------------------------------------------------------------------------

AEAD_CLASSES = (AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305, AEGIS128L, AEGIS256)
# A backend each class's default key (the largest) lacks, per the aead docstring.
AEAD_LACKING = {AESGCMSIV: "sodium", AEGIS128L: "boringssl", AEGIS256: "boringssl"}


def _aead_class_rows(cls: type) -> List[Row]:
    base = f"aead.{cls.__name__}"
    key = K16 if cls is AEGIS128L else K32
    nonce, t = bytes(cls.NONCE_SIZE), cls.TAG_SIZE
    enc = lambda: F.aead(cls)  # noqa: E731 - a fresh object per call
    ct = lambda: F.aead_ct(cls)  # noqa: E731

    rows = not_buffers(base, "key", lambda v: cls(v))
    rows += sizes(base, "key", lambda v: cls(v), key, KEY)
    rows += sizes(base, "key(bytearray)", lambda v: cls(bytearray(v)), key, KEY, empty=False)
    rows += backends(base, lambda b: cls(key, backend=b), AEAD_LACKING.get(cls))
    if cls is AESGCM:  # AES-128-GCM runs on BoringSSL only
        rows.append(Row(base, "backend:sodium(aes-128)", lambda: cls(K16, backend="sodium"),
                        UNSUPPORTED))

    def nonce_rows(path: str, make: Make) -> List[Row]:
        return not_buffers(path, "nonce", make) + sizes(path, "nonce", make, nonce, SIZE)

    p = f"{base}.encrypt"
    rows += nonce_rows(p, lambda v: enc().encrypt(v, b"message", None))
    rows += not_buffers(p, "data", lambda v: enc().encrypt(nonce, v, None))
    rows += not_buffers(p, "associated_data", lambda v: enc().encrypt(nonce, b"m", v),
                        none_ok=True)

    p = f"{base}.decrypt"
    rows += nonce_rows(p, lambda v: enc().decrypt(v, ct(), b"ad"))
    rows += not_buffers(p, "data", lambda v: enc().decrypt(nonce, v, b"ad"))
    rows += not_buffers(p, "associated_data", lambda v: enc().decrypt(nonce, ct(), v),
                        none_ok=True)
    rows += [
        Row(p, "tampered-tag", lambda: enc().decrypt(nonce, _flip(ct()), b"ad"), TAG),
        Row(p, "tampered-ciphertext", lambda: enc().decrypt(nonce, _flip(ct(), 0), b"ad"), TAG),
        Row(p, "wrong-ad", lambda: enc().decrypt(nonce, ct(), b"AD"), TAG),
        Row(p, "missing-ad", lambda: enc().decrypt(nonce, ct(), None), TAG),
        Row(p, "wrong-nonce", lambda: enc().decrypt(_flip(nonce), ct(), b"ad"), TAG),
        Row(p, "wrong-key", lambda: cls(_flip(key)).decrypt(nonce, ct(), b"ad"), TAG),
        Row(p, "shorter-than-tag", lambda: enc().decrypt(nonce, bytes(t - 1), b"ad"), TAG),
        Row(p, "data:empty", lambda: enc().decrypt(nonce, b"", b"ad"), TAG),
    ]

    p = f"{base}.encrypt_into"
    rows += nonce_rows(p, lambda v: enc().encrypt_into(v, b"m", None, bytearray(1 + t)))
    rows += not_buffers(p, "data", lambda v: enc().encrypt_into(nonce, v, None, bytearray(t)))
    rows += outputs(p, lambda o: enc().encrypt_into(nonce, b"m", None, o), 1 + t)

    def overlap() -> Any:  # data inside out, but not at its start
        view = memoryview(bytearray(64))
        return enc().encrypt_into(nonce, view[1:17], None, view[0 : 16 + t])

    rows.append(Row(p, "data-overlaps-out", overlap, SIZE))

    p = f"{base}.decrypt_into"
    rows += nonce_rows(p, lambda v: enc().decrypt_into(v, ct(), b"ad", bytearray(7)))
    rows += not_buffers(p, "data", lambda v: enc().decrypt_into(nonce, v, b"ad", bytearray(7)))
    rows += outputs(p, lambda o: enc().decrypt_into(nonce, ct(), b"ad", o), 7)
    rows += [
        Row(p, "tampered", lambda: enc().decrypt_into(nonce, _flip(ct()), b"ad", bytearray(7)),
            TAG),
        Row(p, "shorter-than-tag",
            lambda: enc().decrypt_into(nonce, bytes(t - 1), b"ad", bytearray(0)), TAG),
    ]

    p = f"{base}.encrypt_detached"
    rows += nonce_rows(p, lambda v: enc().encrypt_detached(v, b"m", None))
    rows += not_buffers(p, "data", lambda v: enc().encrypt_detached(nonce, v, None))
    rows += not_buffers(p, "associated_data", lambda v: enc().encrypt_detached(nonce, b"m", v),
                        none_ok=True)

    p = f"{base}.decrypt_detached"

    def detached() -> Tuple[bytes, bytes]:
        return enc().encrypt_detached(nonce, b"message", b"ad")

    rows += nonce_rows(p, lambda v: enc().decrypt_detached(v, *detached(), b"ad"))
    rows += not_buffers(p, "tag", lambda v: enc().decrypt_detached(nonce, detached()[0], v, None))
    rows += not_buffers(p, "data", lambda v: enc().decrypt_detached(nonce, v, detached()[1], None))
    rows += sizes(p, "tag", lambda v: enc().decrypt_detached(nonce, detached()[0], v, b"ad"),
                  bytes(t), TAG)  # "a tag of the wrong length included"
    rows += [
        Row(p, "tampered-tag",
            lambda: enc().decrypt_detached(nonce, detached()[0], _flip(detached()[1]), b"ad"),
            TAG),
        Row(p, "tampered-ciphertext",
            lambda: enc().decrypt_detached(nonce, _flip(detached()[0]), detached()[1], b"ad"),
            TAG),
        Row(p, "wrong-ad", lambda: enc().decrypt_detached(nonce, *detached(), b"AD"), TAG),
    ]

    p = f"{base}.generate_key"
    if cls in (AESGCM, AESGCMSIV):  # generate_key(bit_length): 8 times one of KEY_SIZES
        rows += [Row(p, f"bit_length:{b}", lambda b=b: cls.generate_key(b), SIZE)
                 for b in (160, 0, 64, 129, -1, 2**64)]
        rows += [Row(p, f"bit_length:{type(b).__name__}", lambda b=b: cls.generate_key(b), TYPE)
                 for b in ("256", 256.0, None, True)]
    else:
        rows.append(extra_arg(p, cls.generate_key))

    if hasattr(cls, "seal"):
        p = f"{base}.seal"
        rows += not_buffers(p, "data", lambda v: enc().seal(v))
        rows += not_buffers(p, "associated_data", lambda v: enc().seal(b"m", v), none_ok=True)
        p = f"{base}.open"
        boxed = lambda: enc().seal(b"message", b"ad")  # noqa: E731
        rows += not_buffers(p, "box", lambda v: enc().open(v, b"ad"))
        rows += not_buffers(p, "associated_data", lambda v: enc().open(boxed(), v), none_ok=True)
        rows += [
            Row(p, "tampered", lambda: enc().open(_flip(boxed()), b"ad"), TAG),
            Row(p, "tampered-nonce", lambda: enc().open(_flip(boxed(), 0), b"ad"), TAG),
            Row(p, "wrong-ad", lambda: enc().open(boxed(), b"AD"), TAG),
            Row(p, "shorter-than-nonce-and-tag",
                lambda: enc().open(bytes(cls.NONCE_SIZE + t - 1), b"ad"), TAG),
            Row(p, "box:empty", lambda: enc().open(b"", b"ad"), TAG),
        ]
    return rows


def _aead_rows() -> List[Row]:
    rows: List[Row] = []
    for cls in AEAD_CLASSES:
        rows += _aead_class_rows(cls)
    p = "aead.available_backends"
    rows.append(Row(p, "unknown", lambda: nacre.aead.available_backends("rot13"), UNSUPPORTED))
    # "every type error a TypeError" (module docstring)
    rows += [Row(p, f"algorithm:{name}", lambda v=v: nacre.aead.available_backends(v), TYPE)
             for name, v in (("None", None), ("bytes", b"aes-256-gcm"), ("list", []))]
    return rows


# --- hash ----------------------------------------------------------------------------------------

# Constructor -> a backend that lacks it ("SHA-224, SHA-384 and SHA-512/256 by BoringSSL; SHA3,
# BLAKE2b and SHAKE by libsodium").
HASH_LACKING = {
    "sha224": "sodium", "sha256": None, "sha384": "sodium", "sha512": None, "sha512_256": "sodium",
    "sha3_256": "boringssl", "sha3_512": "boringssl", "blake2b": "boringssl",
    "shake_128": "boringssl", "shake_256": "boringssl",
}


def _hash_rows() -> List[Row]:
    h = nacre.hash
    rows: List[Row] = []
    for name, lacking in HASH_LACKING.items():
        p = f"hash.{name}"
        ctor = getattr(h, name)
        rows += not_buffers(p, "data", lambda v, c=ctor: c(v))
        rows += not_buffers(p, "string", lambda v, c=ctor: c(string=v), none_ok=True)
        rows.append(Row(p, "data-and-string", lambda c=ctor: c(b"a", string=b"b"), TYPE))
        rows += backends(p, lambda b, c=ctor: c(b"abc", backend=b), lacking)
    for name in ("md5", "sha1"):  # legacy: refused unless usedforsecurity=False
        p = f"hash.{name}"
        ctor = getattr(h, name)
        rows.append(Row(p, "usedforsecurity:True", lambda c=ctor: c(b"abc"), UNSUPPORTED))
        rows += not_buffers(p, "data", lambda v, c=ctor: c(v, usedforsecurity=False))
        rows += backends(p, lambda b, c=ctor: c(b"abc", backend=b, usedforsecurity=False),
                         "sodium")
    rows += [
        Row("hash.digest", "md5-for-security", lambda: h.digest("md5", b""), UNSUPPORTED),
        Row("hash.digest_into", "sha1-for-security",
            lambda: h.digest_into("sha1", b"", bytearray(20)), UNSUPPORTED),
    ]
    p = "hash.blake2b"
    rows += [Row(p, f"digest_size:{n}", lambda n=n: h.blake2b(b"x", digest_size=n), SIZE)
             for n in (0, 15, 65, -1, 2**64)]
    rows += [Row(p, "digest_size:str", lambda: h.blake2b(b"x", digest_size="32"), TYPE),
             Row(p, "key:long", lambda: h.blake2b(b"x", key=HMAC_KEY * 2), SIZE)]
    rows += not_buffers(p, "key", lambda v: h.blake2b(b"x", key=v))

    p = "hash.new"
    rows += [
        Row(p, "name:unknown", lambda: h.new("sm3"), UNSUPPORTED),
        Row(p, "name:md5-for-security", lambda: h.new("md5"), UNSUPPORTED),
        Row(p, "name:empty", lambda: h.new(""), UNSUPPORTED),
        Row(p, "name:sha3_384", lambda: h.new("sha3_384"), UNSUPPORTED),
        Row(p, "name:bytes", lambda: h.new(b"sha256"), TYPE),
        Row(p, "name:None", lambda: h.new(None), TYPE),
        Row(p, "kwarg:blake2b-digest_size", lambda: h.new("blake2b", digest_size=65), SIZE),
        Row(p, "kwarg:unknown", lambda: h.new("sha256", b"", colour="red"), TYPE),
    ]
    rows += not_buffers(p, "data", lambda v: h.new("sha256", v))
    rows += backends(p, lambda b: h.new("sha256", b"", backend=b))

    p = "hash.digest"
    rows += [
        Row(p, "name:unknown", lambda: h.digest("ripemd160", b""), UNSUPPORTED),
        Row(p, "name:int", lambda: h.digest(5, b""), TYPE),
        Row(p, "xof-without-length", lambda: h.digest("shake_128", b""), TYPE),
        Row(p, "length-for-fixed-hash", lambda: h.digest("sha256", b"", length=32), TYPE),
    ]
    rows += not_buffers(p, "data", lambda v: h.digest("sha256", v))
    rows += not_buffers(p, "data(xof)", lambda v: h.digest("shake_128", v, length=8))
    rows += lengths(p, "length", lambda n: h.digest("shake_256", b"", length=n))
    rows += backends(p, lambda b: h.digest("sha256", b"", backend=b), None)
    rows += backends(p, lambda b: h.digest("sha3_256", b"", backend=b), "boringssl")[2:]

    p = "hash.digest_into"
    rows += outputs(p, lambda o: h.digest_into("sha256", b"", o), 32)
    rows += outputs(p, lambda o: h.digest_into("shake_128", b"", o), 8, any_size=True,
                    arg="out(xof)")
    rows += not_buffers(p, "data", lambda v: h.digest_into("sha256", v, bytearray(32)))
    rows += [Row(p, "name:unknown", lambda: h.digest_into("sm3", b"", bytearray(32)),
                 UNSUPPORTED)]
    rows += backends(p, lambda b: h.digest_into("sha256", b"", bytearray(32), backend=b),
                     None)
    rows += backends(p, lambda b: h.digest_into("shake_128", b"", bytearray(8), backend=b),
                     "boringssl")[2:]

    # hash.pbkdf2_hmac and hash.scrypt are nacre.kdf's functions: the kdf rows cover them.
    p = "hash.file_digest"
    rows += [
        Row(p, "digest:unknown", lambda: h.file_digest(io.BytesIO(b""), "sm3"), UNSUPPORTED),
        Row(p, "digest:md5-for-security", lambda: h.file_digest(io.BytesIO(b""), "md5"),
            UNSUPPORTED),
        Row(p, "digest:int", lambda: h.file_digest(io.BytesIO(b""), 5), TYPE),
        Row(p, "digest:no-update", lambda: h.file_digest(io.BytesIO(b""), object), TYPE),
        Row(p, "fileobj:bytes", lambda: h.file_digest(b"data", "sha256"), SIZE),
        Row(p, "fileobj:text", lambda: h.file_digest(io.StringIO("x"), "sha256"), SIZE),
        Row(p, "_bufsize:-1", lambda: h.file_digest(_Reader(), "sha256", _bufsize=-1), SIZE),
    ]

    p = "hash.available_backends"
    rows += [Row(p, "unknown", lambda: h.available_backends("sm3"), UNSUPPORTED),
             Row(p, "name:None", lambda: h.available_backends(None), TYPE)]

    for cls, make in ((h.Hash, lambda: h.sha256(b"abc")), (h.Xof, lambda: h.shake_128(b"abc"))):
        base = f"hash.{cls.__name__}"
        rows.append(no_direct_construction(base, cls))
        rows += not_buffers(f"{base}.update", "data", lambda v, m=make: m().update(v))
        rows.append(extra_arg(f"{base}.copy", lambda x, m=make: m().copy(x)))
    rows.append(extra_arg("hash.Hash.digest", lambda x: h.sha256(b"a").digest(x)))
    rows.append(extra_arg("hash.Hash.hexdigest", lambda x: h.sha256(b"a").hexdigest(x)))
    rows += outputs("hash.Hash.digest_into", lambda o: h.sha512(b"a").digest_into(o), 64)
    for m in ("digest", "hexdigest"):
        p = f"hash.Xof.{m}"
        rows += lengths(p, "length", lambda n, m=m: getattr(h.shake_128(b"a"), m)(n))
        rows.append(Row(p, "length:missing", lambda m=m: getattr(h.shake_128(b"a"), m)(), TYPE))
        rows.append(Row(p, "length:None", lambda m=m: getattr(h.shake_128(b"a"), m)(None), TYPE))
    rows += outputs("hash.Xof.digest_into", lambda o: h.shake_256(b"a").digest_into(o), 8,
                    any_size=True)
    return rows


# --- hmac ----------------------------------------------------------------------------------------

BAD_DIGESTMODS: Tuple[Tuple[str, Any, Tuple[type, ...]], ...] = (
    ("None", None, TYPE),  # required, as in Python 3.8+
    ("empty", "", TYPE),
    ("sha512_256", "sha512_256", UNSUPPORTED),
    ("sha3_256", "sha3_256", UNSUPPORTED),
    ("hashlib.sha3_256", hashlib.sha3_256, UNSUPPORTED),
    ("int", 5, TYPE),
    ("object", object(), TYPE),
)


def _hmac_rows() -> List[Row]:
    m = nacre.hmac
    tag = lambda: F.hmac_tag  # noqa: E731
    calls: Dict[str, Callable[..., Any]] = {
        # path -> call(key, msg, digestmod, backend)
        "hmac.new": lambda k, msg, d, b=None: m.new(k, msg, d, backend=b),
        "hmac.digest": lambda k, msg, d, b=None: m.digest(k, msg, d, backend=b),
        "hmac.digest_into": lambda k, msg, d, b=None: m.digest_into(
            k, msg, d, bytearray(48 if d == "sha384" else 32), backend=b),
        "hmac.verify": lambda k, msg, d, b=None: m.verify(k, msg, d, tag(), backend=b),
    }
    rows: List[Row] = []
    for p, call in calls.items():
        rows += not_buffers(p, "key", lambda v, c=call: c(v, b"msg", "sha256"))
        rows += not_buffers(p, "msg", lambda v, c=call: c(HMAC_KEY, v, "sha256"),
                            none_ok=p == "hmac.new")
        rows += [Row(p, f"digestmod:{name}", lambda d=d, c=call: c(HMAC_KEY, b"msg", d), exp)
                 for name, d, exp in BAD_DIGESTMODS]
        rows += backends(p, lambda b, c=call: c(HMAC_KEY, b"msg", "sha256", b), None)
        rows += backends(p, lambda b, c=call: c(HMAC_KEY, b"msg", "sha384", b), "sodium")[2:]
    rows += outputs("hmac.digest_into",
                    lambda o: m.digest_into(HMAC_KEY, b"msg", "sha256", o), 32)

    def verify_rows(p: str, verify: Callable[[Any], Any]) -> List[Row]:
        return (
            not_buffers(p, "tag", verify)
            + sizes(p, "tag", verify, bytes(32), SIGNATURE)
            + [Row(p, "tampered", lambda: verify(_flip(tag())), SIGNATURE),
               Row(p, "truncated-16", lambda: verify(tag()[:16]), SIGNATURE)]
        )

    rows += verify_rows("hmac.verify", lambda t: m.verify(HMAC_KEY, b"msg", "sha256", t))
    rows += [Row("hmac.available_backends", "sha3_256", lambda: m.available_backends("sha3_256"),
                 UNSUPPORTED),
             Row("hmac.available_backends", "None", lambda: m.available_backends(None), TYPE)]

    # hmac.HMAC is constructed as the standard class is: HMAC(key, msg, digestmod).
    rows += [Row("hmac.HMAC", "digestmod:missing", lambda: m.HMAC(HMAC_KEY), TYPE),
             Row("hmac.HMAC", "digestmod:sha3_256", lambda: m.HMAC(HMAC_KEY, None, "sha3_256"),
                 UNSUPPORTED)]
    rows += not_buffers("hmac.HMAC", "key", lambda v: m.HMAC(v, None, "sha256"))
    rows += not_buffers("hmac.HMAC", "msg", lambda v: m.HMAC(HMAC_KEY, v, "sha256"),
                        none_ok=True)
    rows += not_buffers("hmac.HMAC.update", "msg", lambda v: F.hmac.update(v))
    for meth in ("digest", "hexdigest", "copy"):
        rows.append(extra_arg(f"hmac.HMAC.{meth}", lambda x, meth=meth: getattr(F.hmac, meth)(x)))
    rows += outputs("hmac.HMAC.digest_into", lambda o: F.hmac.digest_into(o), 32)
    rows += verify_rows("hmac.HMAC.verify", lambda t: F.hmac.verify(t))
    return rows


# --- kdf -----------------------------------------------------------------------------------------

BAD_KDF_HASHES: Tuple[Tuple[str, Any, Tuple[type, ...]], ...] = (
    ("md5", "md5", UNSUPPORTED),
    ("sha3_256", "sha3_256", UNSUPPORTED),
    ("empty", "", UNSUPPORTED),
    ("int", 5, TYPE),
    ("None", None, TYPE),
    ("object", object(), TYPE),
)


def _kdf_rows() -> List[Row]:
    k = nacre.kdf
    rows: List[Row] = []
    hkdf_max = k.hkdf_max_length("sha256")

    def hash_rows(p: str, make: Make) -> List[Row]:
        return [Row(p, f"algorithm:{name}", lambda a=a: make(a), exp)
                for name, a, exp in BAD_KDF_HASHES]

    p = "kdf.hkdf"
    rows += hash_rows(p, lambda a: k.hkdf(a, 32, IKM))
    rows += lengths(p, "length", lambda n: k.hkdf("sha256", n, IKM), too_big=hkdf_max + 1,
                    too_small=0)
    rows += not_buffers(p, "ikm", lambda v: k.hkdf("sha256", 32, v))
    rows += not_buffers(p, "salt", lambda v: k.hkdf("sha256", 32, IKM, salt=v), none_ok=True)
    rows += not_buffers(p, "info", lambda v: k.hkdf("sha256", 32, IKM, info=v), none_ok=True)
    rows += backends(p, lambda b: k.hkdf("sha384", 32, IKM, backend=b), "sodium")

    p = "kdf.hkdf_extract"
    rows += hash_rows(p, lambda a: k.hkdf_extract(a, IKM))
    rows += not_buffers(p, "ikm", lambda v: k.hkdf_extract("sha256", v))
    rows += not_buffers(p, "salt", lambda v: k.hkdf_extract("sha256", IKM, v), none_ok=True)
    rows += backends(p, lambda b: k.hkdf_extract("sha384", IKM, backend=b), "sodium")

    p = "kdf.hkdf_expand"
    rows += hash_rows(p, lambda a: k.hkdf_expand(a, 32, PRK))
    rows += lengths(p, "length", lambda n: k.hkdf_expand("sha256", n, PRK),
                    too_big=hkdf_max + 1, too_small=0)
    rows += not_buffers(p, "prk", lambda v: k.hkdf_expand("sha256", 32, v))
    rows += sizes(p, "prk", lambda v: k.hkdf_expand("sha256", 32, v), PRK, SIZE)
    rows += not_buffers(p, "info", lambda v: k.hkdf_expand("sha256", 32, PRK, v), none_ok=True)
    rows += backends(p, lambda b: k.hkdf_expand("sha256", 32, PRK, backend=b), None)

    p = "kdf.hkdf_max_length"
    rows += hash_rows(p, k.hkdf_max_length)

    p = "kdf.pbkdf2_hmac"
    pb = lambda **kw: k.pbkdf2_hmac(**{"hash_name": "sha256", "password": PASSWORD,  # noqa: E731
                                       "salt": b"salt", "iterations": 1, **kw})
    rows += [Row(p, f"hash_name:{n}", lambda a=a: pb(hash_name=a), exp)
             for n, a, exp in BAD_KDF_HASHES]
    rows.append(Row(p, "hash_name:sha512_256", lambda: pb(hash_name="sha512_256"), UNSUPPORTED))
    rows += not_buffers(p, "password", lambda v: pb(password=v))
    rows += not_buffers(p, "salt", lambda v: pb(salt=v))
    rows += [Row(p, f"iterations:{n}", lambda n=n: pb(iterations=n), SIZE)
             for n in (0, -1, 2**32, 2**64)]
    rows += [Row(p, f"iterations:{type(n).__name__}", lambda n=n: pb(iterations=n), TYPE)
             for n in ("1", 1.0, None)]
    rows += lengths(p, "dklen", lambda n: pb(dklen=n), too_big=k.PBKDF2_MAX_SIZE + 1,
                    too_small=0)

    p = "kdf.scrypt"
    sc = lambda **kw: k.scrypt(**{"password": PASSWORD, "salt": b"salt",  # noqa: E731
                                  "n": 2, "r": 1, "p": 1, **kw})
    rows += not_buffers(p, "password", lambda v: sc(password=v))
    rows += not_buffers(p, "salt", lambda v: sc(salt=v))
    rows += [Row(p, f"n:{n}", lambda n=n: sc(n=n), SIZE) for n in (0, 1, 3, -2, 2**33, 2**64)]
    rows += [Row(p, f"r:{n}", lambda n=n: sc(r=n), SIZE) for n in (0, -1, 2**64)]
    rows += [Row(p, f"p:{n}", lambda n=n: sc(p=n), SIZE) for n in (0, -1, 2**64)]
    rows += [
        Row(p, "r*p:2**30", lambda: sc(r=2**15, p=2**15), SIZE),
        Row(p, "memory-over-maxmem", lambda: sc(n=2**20, r=8, maxmem=1024), SIZE),
        Row(p, "memory-over-cap", lambda: sc(n=2**32, r=8), SIZE),  # 4 TiB: refused, not tried
        Row(p, "maxmem:-1", lambda: sc(maxmem=-1), SIZE),
        Row(p, "n:str", lambda: sc(n="16"), TYPE),
        Row(p, "n:float", lambda: sc(n=16.0), TYPE),
        Row(p, "r:None", lambda: sc(r=None), TYPE),
    ]
    rows += lengths(p, "dklen", lambda n: sc(dklen=n), too_big=k.SCRYPT_MAX_SIZE + 1,
                    too_small=0)
    rows += backends(p, lambda b: sc(backend=b), None)

    p = "kdf.derive_subkey"
    ds = lambda key=SUBKEY_MASTER, i=1, ctx=b"Messages", n=32: k.derive_subkey(  # noqa: E731
        key, i, ctx, n)
    rows += not_buffers(p, "key", lambda v: ds(key=v))
    rows += sizes(p, "key", lambda v: ds(key=v), SUBKEY_MASTER, KEY)
    rows += [Row(p, f"subkey_id:{n}", lambda n=n: ds(i=n), SIZE) for n in (-1, 2**64)]
    rows += [Row(p, "subkey_id:str", lambda: ds(i="1"), TYPE),
             Row(p, "subkey_id:float", lambda: ds(i=1.0), TYPE)]
    rows += not_buffers(p, "context", lambda v: ds(ctx=v))  # "Messages" as str: not encoded
    rows.append(Row(p, "context:str-of-8", lambda: ds(ctx="Messages"), TYPE))
    rows += sizes(p, "context", lambda v: ds(ctx=v), b"Messages", SIZE)
    rows += lengths(p, "length", lambda n: ds(n=n), too_big=k.SUBKEY_MAX_SIZE + 1,
                    too_small=k.SUBKEY_MIN_SIZE - 1)
    return rows


def _keywrap_rows() -> List[Row]:
    k = nacre.keywrap
    unwrap_fail = (k.InvalidUnwrap, nacre.VerificationFailed)
    rows: List[Row] = []
    for name, fn, good, bad_len in (
        ("aes_key_wrap", k.aes_key_wrap, K32, 17),
        ("aes_key_wrap_with_padding", k.aes_key_wrap_with_padding, K32, None),
        ("aes_key_unwrap", k.aes_key_unwrap, k.aes_key_wrap(KEK, K32), 25),
        ("aes_key_unwrap_with_padding", k.aes_key_unwrap_with_padding,
         k.aes_key_wrap_with_padding(KEK, K32), 17),
    ):
        p = f"keywrap.{name}"
        unwrap = "unwrap" in name
        arg = "wrapped_key" if unwrap else "key_to_wrap"
        rows += not_buffers(p, "wrapping_key", lambda v, fn=fn, g=good: fn(v, g))
        rows += sizes(p, "wrapping_key", lambda v, fn=fn, g=good: fn(v, g), KEK, KEY)
        rows += not_buffers(p, arg, lambda v, fn=fn: fn(KEK, v))
        rows.append(Row(p, f"{arg}:empty", lambda fn=fn: fn(KEK, b""),
                        unwrap_fail if unwrap else INVALID_ARGUMENT))
        if bad_len is not None:
            rows.append(Row(p, f"{arg}:length-{bad_len}", lambda fn=fn, n=bad_len: fn(KEK, K32[:n]),
                            unwrap_fail if unwrap else INVALID_ARGUMENT))
        if unwrap:
            rows.append(Row(p, f"{arg}:altered", lambda fn=fn, g=good: fn(KEK, _flip(g)),
                            unwrap_fail))
            rows.append(Row(p, "wrapping_key:other", lambda fn=fn, g=good: fn(K32, g), unwrap_fail))
    return rows


# --- pwhash --------------------------------------------------------------------------------------


def _pwhash_rows() -> List[Row]:
    w = nacre.pwhash
    rows: List[Row] = [
        Row("pwhash.Limits", "missing-field", lambda: w.Limits(1), TYPE),
        Row("pwhash.Limits", "extra-field", lambda: w.Limits(1, 2, 3), TYPE),
    ]

    def algorithm_rows(p: str, make: Make, none_ok: bool = False) -> List[Row]:
        rows = [
            Row(p, "algorithm:unknown", lambda: make("bcrypt"), UNSUPPORTED),
            Row(p, "algorithm:bytes", lambda: make(b"argon2id"), TYPE),
        ]
        if not none_ok:  # needs_rehash: None means "the string's own"
            rows.append(Row(p, "algorithm:None", lambda: make(None), TYPE))
        return rows

    def preset_rows(p: str, make: Make) -> List[Row]:
        return [
            Row(p, "preset:unknown", lambda: make("fast"), UNSUPPORTED),
            Row(p, "preset:int", lambda: make(1), TYPE),
        ]

    def limit_rows(p: str, make: Callable[..., Any]) -> List[Row]:
        """opslimit/memlimit: both or neither, not with a preset; out of range refused before
        any work ("limits out of the algorithm's range are nacre.InvalidArgument")."""
        return [
            Row(p, "opslimit-alone", lambda: make(opslimit=1), TYPE),
            Row(p, "memlimit-alone", lambda: make(memlimit=8192), TYPE),
            Row(p, "preset-and-limits",
                lambda: make(preset="interactive", opslimit=1, memlimit=8192), TYPE),
            Row(p, "opslimit:-1", lambda: make(opslimit=-1, memlimit=8192), SIZE),
            Row(p, "opslimit:2**64", lambda: make(opslimit=2**64, memlimit=8192), SIZE),
            Row(p, "memlimit:2**64", lambda: make(opslimit=1, memlimit=2**64), SIZE),
            Row(p, "opslimit:str", lambda: make(opslimit="1", memlimit=8192), TYPE),
        ]

    def work_limit_rows(p: str, make: Callable[..., Any]) -> List[Row]:
        """Limits the library must refuse (out of Argon2id's range, over nacre's cap)."""
        return [
            Row(p, "opslimit:0", lambda: make(opslimit=0, memlimit=8192), INVALID_ARGUMENT),
            Row(p, "opslimit:2**63", lambda: make(opslimit=2**63, memlimit=8192),
                INVALID_ARGUMENT),
            Row(p, "memlimit:1", lambda: make(opslimit=1, memlimit=1), INVALID_ARGUMENT),
            Row(p, "memlimit:over-cap", lambda: make(opslimit=1, memlimit=w.MAX_MEMLIMIT * 2),
                INVALID_ARGUMENT),
        ]

    p = "pwhash.preset_limits"
    rows += algorithm_rows(p, lambda a: w.preset_limits(a, "interactive"))
    rows += preset_rows(p, lambda s: w.preset_limits("argon2id", s))
    rows += [Row(p, "preset:None", lambda: w.preset_limits("argon2id", None), TYPE),
             Row(p, "scrypt-moderate", lambda: w.preset_limits("scrypt", "moderate"),
                 UNSUPPORTED)]

    p = "pwhash.salt_size"
    rows += algorithm_rows(p, w.salt_size)

    def hash_str_rows(p: str, make: Make) -> List[Row]:
        """A hash string: str or bytes-like; other types are TypeErrors, malformed strings
        InvalidArgument."""
        return [
            Row(p, "hash_str:None", lambda: make(None), TYPE),
            Row(p, "hash_str:int", lambda: make(5), TYPE),
            Row(p, "hash_str:list", lambda: make([36]), TYPE),
            Row(p, "hash_str:empty", lambda: make(""), INVALID_ARGUMENT),
            Row(p, "hash_str:unknown-prefix", lambda: make("$2b$12$abcdefghijklmnopqrstuv"),
                INVALID_ARGUMENT),
            Row(p, "hash_str:non-ascii", lambda: make("$argon2id$\u00e9"), INVALID_ARGUMENT),
        ]

    p = "pwhash.identify"
    rows += hash_str_rows(p, w.identify)

    p = "pwhash.hash_password"
    hp = lambda pw=PASSWORD, **kw: w.hash_password(pw, **kw)  # noqa: E731
    rows += not_buffers(p, "password", lambda v: hp(v, opslimit=1, memlimit=8192))
    rows += algorithm_rows(p, lambda a: hp(algorithm=a))
    rows += preset_rows(p, lambda s: hp(preset=s))
    rows += limit_rows(p, lambda **kw: hp(**kw))
    rows += work_limit_rows(p, lambda **kw: hp(**kw))

    p = "pwhash.verify_password"
    rows += hash_str_rows(p, lambda s: w.verify_password(s, PASSWORD))
    rows += [
        Row(p, "hash_str:truncated", lambda: w.verify_password(F.pw_hash[:-10], PASSWORD),
            INVALID_ARGUMENT),
        Row(p, "hash_str:over-cap", lambda: w.verify_password(OVER_CAP_HASH, PASSWORD),
            INVALID_ARGUMENT),
        Row(p, "wrong-password", lambda: w.verify_password(F.pw_hash, _flip(PASSWORD)),
            MISMATCH),
        Row(p, "tampered-hash", lambda: w.verify_password(
            F.pw_hash[:-2] + ("A" if F.pw_hash[-2] != "A" else "B") + F.pw_hash[-1], PASSWORD),
            MISMATCH),
    ]
    rows += not_buffers(p, "password", lambda v: w.verify_password(F.pw_hash, v))

    p = "pwhash.needs_rehash"
    rows += hash_str_rows(p, w.needs_rehash)
    rows += [Row(p, "hash_str:over-cap", lambda: w.needs_rehash(OVER_CAP_HASH),
                 INVALID_ARGUMENT)]
    rows += algorithm_rows(p, lambda a: w.needs_rehash(F.pw_hash, algorithm=a), none_ok=True)
    rows += preset_rows(p, lambda s: w.needs_rehash(F.pw_hash, preset=s))
    rows += limit_rows(p, lambda **kw: w.needs_rehash(F.pw_hash, **kw))

    p = "pwhash.derive_key"
    salt = bytes(16)
    dk = lambda pw=PASSWORD, s=salt, n=32, **kw: w.derive_key(pw, s, n, **kw)  # noqa: E731
    rows += not_buffers(p, "password", lambda v: dk(v))
    rows += not_buffers(p, "salt", lambda v: dk(s=v))
    rows += sizes(p, "salt", lambda v: dk(s=v), salt, SIZE)
    rows.append(Row(p, "salt:argon2-size-for-scrypt", lambda: dk(algorithm="scrypt"), SIZE))
    rows += lengths(p, "length", lambda n: dk(n=n), too_big=2**32, too_small=15)
    rows += algorithm_rows(p, lambda a: dk(algorithm=a))
    rows += preset_rows(p, lambda s: dk(preset=s))
    rows += limit_rows(p, lambda **kw: dk(**kw))
    rows += work_limit_rows(p, lambda **kw: dk(**kw))
    return rows


# --- secretstream --------------------------------------------------------------------------------


def _drain(read: Callable[[], Any]) -> None:
    while read():
        pass


def _drain_peek(rd: nacre.age.DecryptingReader) -> None:
    """peek() decrypts the next piece when the buffer is empty; read() then consumes only
    what is buffered, so every decryption happens in peek."""
    while True:
        data = rd.peek()
        if not data:
            return
        rd.read(len(data))


# age.DecryptingReader method -> a call that reads the whole file through that method only.
READ_LOOPS: Dict[str, Callable[[nacre.age.DecryptingReader], Any]] = {
    "read": lambda rd: _drain(lambda: rd.read(7)),
    "readall": lambda rd: rd.readall(),
    "read1": lambda rd: _drain(lambda: rd.read1(1000)),
    "peek": _drain_peek,
    "readinto": lambda rd: _drain(lambda: rd.readinto(bytearray(1000))),
}


def _secretstream_rows() -> List[Row]:
    rows: List[Row] = [extra_arg("secretstream.generate_key", ss.generate_key)]
    header = lambda: F.stream[0]  # noqa: E731
    msg = lambda: F.stream[1]  # noqa: E731
    final = lambda: F.stream[2]  # noqa: E731

    def key_rows(p: str, make: Make) -> List[Row]:
        return not_buffers(p, "key", make) + sizes(p, "key", make, STREAM_KEY, KEY)

    p = "secretstream.Encryptor"
    rows += key_rows(p, ss.Encryptor)

    def tag_rows(p: str, make: Make) -> List[Row]:
        return [Row(p, f"tag:{t}", lambda t=t: make(t), SIZE) for t in (-1, 4, 255, 2**70)] + [
            Row(p, f"tag:{type(t).__name__}", lambda t=t: make(t), TYPE)
            for t in ("0", 0.0, None, True)
        ]

    p = "secretstream.Encryptor.push"
    enc = lambda: ss.Encryptor(STREAM_KEY)  # noqa: E731
    rows += not_buffers(p, "data", lambda v: enc().push(v))
    rows += not_buffers(p, "associated_data", lambda v: enc().push(b"m", v), none_ok=True)
    rows += tag_rows(p, lambda t: enc().push(b"m", None, t))
    rows.append(Row(p, "after-final", lambda: _finalized_encryptor().push(b"m"), SIZE))

    p = "secretstream.Encryptor.push_into"
    rows += not_buffers(p, "data", lambda v: enc().push_into(v, bytearray(64)))
    rows += outputs(p, lambda o: enc().push_into(b"m", o), 1 + ss.OVERHEAD, exact=False)
    rows += tag_rows(p, lambda t: enc().push_into(b"m", bytearray(64), None, t))
    rows.append(Row(p, "after-final",
                    lambda: _finalized_encryptor().push_into(b"m", bytearray(64)), SIZE))

    p = "secretstream.Encryptor.finalize"
    rows += not_buffers(p, "data", lambda v: enc().finalize(v))
    rows += not_buffers(p, "associated_data", lambda v: enc().finalize(b"", v), none_ok=True)
    rows.append(Row(p, "twice", lambda: _finalized_encryptor().finalize(), SIZE))

    p = "secretstream.Decryptor"
    rows += key_rows(p, lambda k: ss.Decryptor(k, header()))
    rows += not_buffers(p, "header", lambda v: ss.Decryptor(STREAM_KEY, v))
    rows += sizes(p, "header", lambda v: ss.Decryptor(STREAM_KEY, v), bytes(ss.HEADER_SIZE),
                  SIZE)

    dec = F.decryptor
    p = "secretstream.Decryptor.pull"
    rows += not_buffers(p, "data", lambda v: dec().pull(v))
    rows += not_buffers(p, "associated_data", lambda v: dec().pull(msg(), v), none_ok=True)
    rows += [
        Row(p, "tampered", lambda: dec().pull(_flip(msg())), TAG),
        Row(p, "wrong-ad", lambda: dec().pull(msg(), b"ad"), TAG),
        Row(p, "wrong-key", lambda: ss.Decryptor(_flip(STREAM_KEY), header()).pull(msg()), TAG),
        Row(p, "reordered", lambda: dec().pull(final()), TAG),
        Row(p, "shorter-than-overhead", lambda: dec().pull(msg()[: ss.OVERHEAD - 1]), TAG),
        Row(p, "data:empty", lambda: dec().pull(b""), TAG),
        Row(p, "after-final", _after_final, TRAILING),
    ]
    p = "secretstream.Decryptor.pull_into"
    rows += not_buffers(p, "data", lambda v: dec().pull_into(v, bytearray(64)))
    rows += outputs(p, lambda o: dec().pull_into(msg(), o), len(b"first"), exact=False)
    rows.append(Row(p, "tampered", lambda: dec().pull_into(_flip(msg()), bytearray(64)), TAG))
    p = "secretstream.Decryptor.finalize"
    rows += [Row(p, "before-final", lambda: dec().finalize(), TRUNCATED),
             extra_arg(p, lambda x: dec().finalize(x))]

    return rows


# --- age -----------------------------------------------------------------------------------------

AGE_HEADER = (nacre.age.HeaderError, nacre.InvalidArgument, ValueError)
AGE_ARMOR = (nacre.age.ArmorError, nacre.InvalidArgument, ValueError)
AGE_NO_IDENTITY = (nacre.age.NoIdentityError, nacre.InvalidKey)
AGE_HEADER_MAC = (nacre.age.HeaderMacError, nacre.InvalidTag)
AGE_PAYLOAD = (nacre.age.PayloadError, nacre.InvalidTag)
AGE_RECIPIENT = (nacre.age.RecipientError, nacre.InvalidKey, ValueError)
AGE_IDENTITY_ERR = (nacre.age.IdentityError, nacre.InvalidKey, ValueError)
_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsKLqeplhpW+uObz5dvMgjz1OxfM/XXUB+VHtZ6isGN"


def _age_key_text_rows(p: str, make: Make, error: Tuple[type, ...], good: str,
                       other: str) -> List[Row]:
    """A str key: not str, empty, with a line break, mixed case, truncated, the other kind."""
    mixed = good[:10] + good[10:].swapcase()
    return [
        Row(p, "text:bytes", lambda: make(good.encode()), TYPE),
        Row(p, "text:None", lambda: make(None), TYPE),
        Row(p, "text:empty", lambda: make(""), error),
        Row(p, "text:newline", lambda: make(good + "\n" + good), error),
        Row(p, "text:mixed-case", lambda: make(mixed), error),
        Row(p, "text:truncated", lambda: make(good[:-1]), error),
        Row(p, "text:other-kind", lambda: make(other), error),
        Row(p, "text:ssh-key", lambda: make(_SSH_KEY), error),
        Row(p, "text:non-ascii", lambda: make(good[:-1] + "\u00e9"), error),
    ]


def _age_list_rows(p: str, make: Make, kind: str, good: Any, other: Any,
                   error: Tuple[type, ...]) -> List[Row]:
    """A list of recipients or identities: one str or object instead of a list, an empty list,
    a list holding a non-key, a bad text, or the other kind."""
    return [
        Row(p, f"{kind}:one-str", lambda: make(str(good)), TYPE),
        Row(p, f"{kind}:one-object", lambda: make(good), TYPE),
        Row(p, f"{kind}:empty", lambda: make([]), error),
        Row(p, f"{kind}:int-item", lambda: make([1]), TYPE),
        Row(p, f"{kind}:bytes-item", lambda: make([b"age1"]), TYPE),
        Row(p, f"{kind}:bad-text", lambda: make(["age1xyz"]), error),
        Row(p, f"{kind}:other-kind", lambda: make([other]), TYPE),
    ]


def _other_base64_char(data: bytes, index: int) -> bytes:
    """``data`` with the base64 character at ``index`` (not a final one) replaced by another."""
    return data[:index] + (b"B" if data[index:index + 1] == b"A" else b"A") + data[index + 1:]


def _age_bad_files() -> Dict[str, Tuple[bytes, Tuple[type, ...]]]:
    f = F.age_file
    return {
        "not-age": (b"hello, world\n" * 10, AGE_HEADER),
        "empty": (b"", AGE_HEADER),
        "header-changed": (f.replace(b"X25519 ", b"X25519 A", 1), AGE_HEADER),
        "mac-changed": (_other_base64_char(f, f.index(b"\n--- ") + 10), AGE_HEADER_MAC),
        "payload-changed": (_flip(f, -40), AGE_PAYLOAD),
        "truncated": (f[:-1], AGE_PAYLOAD),
        "final-chunk-dropped": (f[: f.index(b"\n--- ") + 48 + 16 + 65536 + 16 + 2], AGE_PAYLOAD),
        "trailing-data": (f + b"\x00", AGE_PAYLOAD),
        "bad-armor": (b"-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n"
                      b"-----END AGE ENCRYPTED FILE-----\n", AGE_ARMOR),
    }


def _age_rows() -> List[Row]:
    age = nacre.age
    R = AGE_IDENTITY.to_public()
    ident, rtext, itext = AGE_IDENTITY, str(AGE_IDENTITY.to_public()), AGE_IDENTITY.secret_text()
    rows: List[Row] = [no_direct_construction("age.Identity", age.Identity),
                       no_direct_construction("age.Recipient", age.Recipient)]
    p = "age.Identity.generate"
    rows += [Row(p, "post_quantum:int", lambda: age.Identity.generate(1), TYPE),
             Row(p, "post_quantum:str", lambda: age.Identity.generate("yes"), TYPE),
             extra_arg(p, lambda x: age.Identity.generate(False, x))]
    rows += _age_key_text_rows("age.Identity.from_str", age.Identity.from_str, AGE_IDENTITY_ERR,
                               itext, rtext)
    rows.append(extra_arg("age.Identity.to_public", lambda x: ident.to_public(x)))
    rows.append(extra_arg("age.Identity.secret_text", lambda x: ident.secret_text(x)))
    rows += _age_key_text_rows("age.Recipient.from_str", age.Recipient.from_str, AGE_RECIPIENT,
                               rtext, itext)
    parsers = (("age.parse_identities", age.parse_identities, itext, AGE_IDENTITY_ERR),
               ("age.parse_recipients", age.parse_recipients, rtext, AGE_RECIPIENT))
    for p, parse, good, error in parsers:
        rows += [Row(p, "text:int", lambda parse=parse: parse(5), TYPE),
                 Row(p, "text:None", lambda parse=parse: parse(None), TYPE),
                 Row(p, "text:only-comments", lambda parse=parse: parse("# a\n\n# b\n"), error),
                 Row(p, "text:bad-line",
                     lambda parse=parse, good=good: parse(f"{good}\n# ok\nage1xyz\n"), error),
                 Row(p, "text:ssh-key", lambda parse=parse: parse(_SSH_KEY), error),
                 Row(p, "text:bad-utf8", lambda parse=parse: parse(b"\xff\n"),
                     (UnicodeDecodeError, ValueError))]

    # encrypting
    for p, make in (("age.encrypt", lambda rs, **kw: age.encrypt(b"m", rs, **kw)),
                    ("age.Encryptor", lambda rs, **kw: age.Encryptor(rs, **kw))):
        rows += _age_list_rows(p, make, "recipients", R, ident, AGE_RECIPIENT)
        rows += [Row(p, "armored:str", lambda make=make: make([R], armored="yes"), TYPE),
                 Row(p, "armored:None", lambda make=make: make([R], armored=None), TYPE)]
    rows += not_buffers("age.encrypt", "plaintext", lambda v: age.encrypt(v, [R]))
    enc = lambda: age.Encryptor([R])  # noqa: E731

    def finished(stream: Any) -> Any:
        stream.finish()
        return stream

    p = "age.Encryptor.update"
    rows += not_buffers(p, "data", lambda v: enc().update(v))
    rows.append(Row(p, "after-finish", lambda: finished(enc()).update(b"m"), INVALID_ARGUMENT))
    p = "age.Encryptor.finish"
    rows += [Row(p, "twice", lambda: finished(enc()).finish(), INVALID_ARGUMENT),
             extra_arg(p, lambda x: enc().finish(x))]

    # decrypting
    for p, make in (("age.decrypt", lambda ids, **kw: age.decrypt(F.age_file, ids, **kw)),
                    ("age.Decryptor", lambda ids, **kw: age.Decryptor(ids, **kw))):
        rows += _age_list_rows(p, make, "identities", ident, R, AGE_IDENTITY_ERR)
    rows += [Row("age.Decryptor", "armored:str", lambda: age.Decryptor([ident], armored="x"), TYPE),
             Row("age.Decryptor", "armored:int", lambda: age.Decryptor([ident], armored=1), TYPE)]
    rows += not_buffers("age.decrypt", "ciphertext", lambda v: age.decrypt(v, [ident]))
    other = age.Identity.generate()
    rows.append(Row("age.decrypt", "wrong-identity", lambda: age.decrypt(F.age_file, [other]),
                    AGE_NO_IDENTITY))
    dec = lambda: age.Decryptor([ident])  # noqa: E731

    def through_decryptor(data: bytes) -> bytes:
        d = dec()
        return d.update(data) + d.finish()

    for case, (data, expect) in _age_bad_files().items():
        rows.append(Row("age.decrypt", case, lambda data=data: age.decrypt(data, [ident]), expect))
        rows.append(Row("age.Decryptor.finish", case, lambda data=data: through_decryptor(data),
                        expect))
    p = "age.Decryptor.update"
    rows += not_buffers(p, "data", lambda v: dec().update(v))
    rows.append(Row(p, "header-over-1MiB",
                    lambda: dec().update(b"age-encryption.org/v1\n" + b"-> X" * 300000),
                    AGE_HEADER))
    rows.append(Row(p, "after-failure", lambda: _after_age_failure(dec()), INVALID_ARGUMENT))
    rows += [Row("age.Decryptor.finish", "twice", lambda: _finish_twice(dec()), INVALID_ARGUMENT),
             extra_arg("age.Decryptor.finish", lambda x: dec().finish(x))]

    # passphrases
    pw = age.passphrase
    for p, make in (("age.passphrase.encrypt", lambda v, **kw: pw.encrypt(b"m", v, **kw)),
                    ("age.passphrase.encryptor", lambda v, **kw: pw.encryptor(v, **kw))):
        rows += [Row(p, "passphrase:None", lambda make=make: make(None), TYPE),
                 Row(p, "passphrase:int", lambda make=make: make(5), TYPE),
                 Row(p, "passphrase:empty", lambda make=make: make(""), INVALID_ARGUMENT),
                 Row(p, "passphrase:empty-bytes", lambda make=make: make(b""), INVALID_ARGUMENT),
                 Row(p, "work_factor:0", lambda make=make: make("pw", work_factor=0), SIZE),
                 Row(p, "work_factor:31", lambda make=make: make("pw", work_factor=31), SIZE),
                 Row(p, "work_factor:str", lambda make=make: make("pw", work_factor="10"), TYPE),
                 Row(p, "work_factor:bool", lambda make=make: make("pw", work_factor=True), TYPE),
                 Row(p, "armored:str", lambda make=make: make("pw", armored="no"), TYPE)]
    rows += not_buffers("age.passphrase.encrypt", "plaintext",
                        lambda v: pw.encrypt(v, AGE_PASSPHRASE, work_factor=10))
    for p, make in (("age.passphrase.decrypt", lambda v, **kw: pw.decrypt(F.age_pw_file, v, **kw)),
                    ("age.passphrase.decryptor", lambda v, **kw: through(pw.decryptor(v, **kw)))):
        rows += [Row(p, "passphrase:None", lambda make=make: make(None), TYPE),
                 Row(p, "passphrase:int", lambda make=make: make(5), TYPE),
                 Row(p, "wrong-passphrase", lambda make=make: make("wrong"), AGE_NO_IDENTITY),
                 Row(p, "max_work_factor:below-the-file's",
                     lambda make=make: make(AGE_PASSPHRASE, max_work_factor=9), AGE_HEADER),
                 Row(p, "max_work_factor:31",
                     lambda make=make: make(AGE_PASSPHRASE, max_work_factor=31), SIZE),
                 Row(p, "max_work_factor:str",
                     lambda make=make: make(AGE_PASSPHRASE, max_work_factor="9"), TYPE)]
    rows += not_buffers("age.passphrase.decrypt", "ciphertext",
                        lambda v: pw.decrypt(v, AGE_PASSPHRASE))
    rows.append(Row("age.passphrase.decrypt", "an X25519 file",
                    lambda: pw.decrypt(F.age_file, "pw"), AGE_NO_IDENTITY))

    # file wrappers
    p = "age.EncryptingWriter"
    sink = io.BytesIO
    rows += [Row(p, "neither", lambda: age.EncryptingWriter(sink()), TYPE),
             Row(p, "both", lambda: age.EncryptingWriter(sink(), [R], passphrase="pw"), TYPE)]
    rows += _age_list_rows(p, lambda rs, **kw: age.EncryptingWriter(sink(), rs, **kw), "recipients",
                           R, ident, AGE_RECIPIENT)
    w = lambda *a, **kw: age.EncryptingWriter(sink(), *a, **kw)  # noqa: E731
    rows += [Row(p, "passphrase:empty", lambda: w(passphrase=""), INVALID_ARGUMENT),
             Row(p, "work_factor:31", lambda: w(passphrase="pw", work_factor=31), SIZE),
             Row(p, "armored:str", lambda: w([R], armored="yes"), TYPE)]
    writer = F.age_writer
    rows += not_buffers("age.EncryptingWriter.write", "data", lambda v: writer().write(v))
    rows.append(Row("age.EncryptingWriter.write", "closed",
                    lambda: _closed(writer()).write(b"x"), CLOSED))
    rows.append(Row("age.EncryptingWriter.flush", "closed",
                    lambda: _closed(writer()).flush(), CLOSED))
    for meth in ("writable", "flush", "close", "abort"):
        rows.append(extra_arg(f"age.EncryptingWriter.{meth}",
                              lambda x, meth=meth: getattr(writer(), meth)(x)))

    p = "age.DecryptingReader"
    src = lambda: io.BytesIO(F.age_file)  # noqa: E731
    rows += [Row(p, "neither", lambda: age.DecryptingReader(src()), TYPE),
             Row(p, "both", lambda: age.DecryptingReader(src(), [ident], passphrase="pw"), TYPE),
             Row(p, "max_work_factor:0",
                 lambda: age.DecryptingReader(src(), passphrase="pw", max_work_factor=0), SIZE)]
    rows += _age_list_rows(p, lambda ids: age.DecryptingReader(src(), ids), "identities", ident, R,
                           AGE_IDENTITY_ERR)
    r = F.age_reader
    for meth, call in READ_LOOPS.items():
        p = f"age.DecryptingReader.{meth}"
        rows.append(Row(p, "closed", lambda c=call: c(_closed(r())), CLOSED))
        rows.append(Row(p, "wrong-identity", lambda c=call: c(r(identity=other)), AGE_NO_IDENTITY))
        for case, (data, expect) in _age_bad_files().items():
            rows.append(Row(p, case, lambda c=call, data=data: c(r(data=data)), expect))
    p = "age.DecryptingReader.read"
    rows += [Row(p, "n:str", lambda: r().read("10"), TYPE),
             Row(p, "n:float", lambda: r().read(1.5), TYPE)]
    rows += outputs("age.DecryptingReader.readinto", lambda b: r().readinto(b), 8,
                    any_size=True, arg="b")
    rows += [Row("age.DecryptingReader.read1", "n:str", lambda: r().read1("1"), TYPE),
             Row("age.DecryptingReader.peek", "extra-arg", lambda: r().peek(1, 2), TYPE)]
    for meth in ("readable", "readall", "close"):
        rows.append(extra_arg(f"age.DecryptingReader.{meth}",
                              lambda x, meth=meth: getattr(r(), meth)(x)))
    return rows


def through(d: Any) -> bytes:
    """The passphrase file through the decryptor ``d``."""
    out: bytes = d.update(F.age_pw_file) + d.finish()
    return out


def _after_age_failure(d: Any) -> Any:
    with pytest.raises(nacre.age.HeaderError):
        d.update(b"not an age file\n--- x\n") + d.finish()
    return d.update(b"more")


def _finish_twice(d: Any) -> Any:
    d.update(F.age_file)
    d.finish()
    return d.finish()


# --- minisign -----------------------------------------------------------------------------------


def _minisign_rows() -> List[Row]:
    ms = nacre.minisign
    key = MINISIGN_KEY
    pk = key.public_key()
    sig = ms.sign(b"data", key, trusted_comment="tc")
    locked = key.save("pw", **MINISIGN_CHEAP)
    rows: List[Row] = [no_direct_construction("minisign.SecretKey", ms.SecretKey),
                       no_direct_construction("minisign.PublicKey", ms.PublicKey),
                       extra_arg("minisign.SecretKey.generate", lambda x: ms.SecretKey.generate(x)),
                       extra_arg("minisign.SecretKey.public_key", lambda x: key.public_key(x)),
                       extra_arg("minisign.PublicKey.to_file", lambda x: pk.to_file(x))]
    p = "minisign.SecretKey.load"
    rows += [Row(p, "file:int", lambda: ms.SecretKey.load(5), TYPE),  # type: ignore[arg-type]
             Row(p, "file:None", lambda: ms.SecretKey.load(None), TYPE),  # type: ignore[arg-type]
             Row(p, "file:empty", lambda: ms.SecretKey.load(b""), KEY),
             Row(p, "file:public-key", lambda: ms.SecretKey.load(pk.to_file()), KEY),
             Row(p, "file:truncated", lambda: ms.SecretKey.load(MINISIGN_FILE[:-10]), KEY),
             Row(p, "password:missing", lambda: ms.SecretKey.load(locked), INVALID_ARGUMENT),
             Row(p, "password:wrong", lambda: ms.SecretKey.load(locked, "no"), SIGNATURE),
             Row(p, "password:int", lambda: ms.SecretKey.load(locked, 5), TYPE)]  # type: ignore[arg-type]
    p = "minisign.SecretKey.save"
    rows += [Row(p, "password:empty", lambda: key.save(""), INVALID_ARGUMENT),
             Row(p, "password:int", lambda: key.save(5), TYPE),  # type: ignore[arg-type]
             Row(p, "opslimit:0", lambda: key.save("pw", opslimit=0), INVALID_ARGUMENT),
             Row(p, "opslimit:str", lambda: key.save("pw", opslimit="1"), TYPE),  # type: ignore[arg-type]
             Row(p, "memlimit:above-minisign's", lambda: key.save("pw", memlimit=1 << 40), SIZE),
             Row(p, "opslimit:above-minisign's", lambda: key.save("pw", opslimit=1 << 40), SIZE)]
    p = "minisign.PublicKey.from_str"
    rows += [Row(p, "text:int", lambda: ms.PublicKey.from_str(5), TYPE),  # type: ignore[arg-type]
             Row(p, "text:empty", lambda: ms.PublicKey.from_str(""), KEY),
             Row(p, "text:short", lambda: ms.PublicKey.from_str(str(pk)[:-4]), KEY),
             Row(p, "text:secret-key", lambda: ms.PublicKey.from_str(MINISIGN_FILE), KEY)]
    p = "minisign.sign"
    rows += not_buffers(p, "data", lambda v: ms.sign(v, key))
    rows += [Row(p, "secret_key:public", lambda: ms.sign(b"d", pk), TYPE),  # type: ignore[arg-type]
             Row(p, "trusted_comment:bytes", lambda: ms.sign(b"d", key, trusted_comment=b"x"),  # type: ignore[arg-type]
                 TYPE),
             Row(p, "trusted_comment:two-lines", lambda: ms.sign(b"d", key, trusted_comment="a\nb"),
                 INVALID_ARGUMENT),
             Row(p, "untrusted_comment:two-lines",
                 lambda: ms.sign(b"d", key, untrusted_comment="a\rb"), INVALID_ARGUMENT)]
    p = "minisign.verify"
    rows += not_buffers(p, "data", lambda v: ms.verify(v, sig, pk))
    other = ms.SecretKey.generate().public_key()
    rows += [Row(p, "public_key:secret", lambda: ms.verify(b"data", sig, key), TYPE),  # type: ignore[arg-type]
             Row(p, "signature:int", lambda: ms.verify(b"data", 5, pk), TYPE),  # type: ignore[arg-type]
             Row(p, "signature:garbage", lambda: ms.verify(b"data", "x\ny\nz\nw", pk),
                 INVALID_ARGUMENT),
             Row(p, "signature:empty", lambda: ms.verify(b"data", "", pk), INVALID_ARGUMENT),
             Row(p, "data:changed", lambda: ms.verify(b"datA", sig, pk), SIGNATURE),
             Row(p, "comment:changed", lambda: ms.verify(b"data", sig.replace("tc", "tC"), pk),
                 SIGNATURE),
             Row(p, "public_key:other", lambda: ms.verify(b"data", sig, other), SIGNATURE)]
    return rows


# --- keys ----------------------------------------------------------------------------------------

PRIVATE_CLASSES = (X25519PrivateKey, Ed25519PrivateKey, ECPrivateKey, RSAPrivateKey,
                   MLKEM768PrivateKey, XWingPrivateKey)
PUBLIC_CLASSES = (X25519PublicKey, Ed25519PublicKey, ECPublicKey, RSAPublicKey,
                  MLKEM768PublicKey, XWingPublicKey)
# Sizes of the raw forms (keys docstring: "Encodings"); EC is handled by its own rows.
RAW_PRIVATE = {X25519PrivateKey: RAW_X25519_A, Ed25519PrivateKey: RAW_ED25519,
               MLKEM768PrivateKey: RAW_MLKEM, XWingPrivateKey: RAW_XWING}
RAW_PUBLIC_SIZE = {X25519PublicKey: 32, Ed25519PublicKey: 32, MLKEM768PublicKey: 1184,
                   XWingPublicKey: 1216}


def _der_rows(p: str, make: Make, good: Callable[[], bytes], other: Callable[[], bytes],
              wrong_half: Callable[[], bytes], pem: bool) -> List[Row]:
    """PKCS#8 / SPKI input: malformed, cut, empty, of another key type, the other half (public
    for private or the reverse), the other encoding (DER for PEM or the reverse): InvalidKey.
    ``good`` makes a valid encoding, ``other`` one of another key type."""
    rows = not_buffers(p, "data", make)
    rows += [
        Row(p, "data:empty", lambda: make(b""), KEY),
        Row(p, "data:garbage", lambda: make(b"\x30\x03\x02\x01\x00"), KEY),
        Row(p, "data:cut", lambda: make(good()[: len(good()) // 2]), KEY),
        Row(p, "another-key-type", lambda: make(other()), KEY),
        Row(p, "wrong-half", lambda: make(wrong_half()), KEY),
    ]
    if not pem:
        rows.append(Row(p, "data:trailing-byte", lambda: make(good() + b"\x00"), KEY))
    else:
        rows += [Row(p, "pem-as-str", lambda: make(good().decode("ascii")), TYPE),
                 Row(p, "label-changed",
                     lambda: make(good().replace(b"KEY-----", b"KEX-----")), KEY)]
    return rows


def _traditional_rows(p: str, make: Make, good: Callable[[], bytes], pem: bool) -> List[Row]:
    """PKCS#1 and SEC1 input: malformed, cut, empty, PKCS#8 in their place: InvalidKey."""
    rows = not_buffers(p, "data", make)
    rows += [
        Row(p, "data:empty", lambda: make(b""), KEY),
        Row(p, "data:garbage", lambda: make(b"\x30\x03\x02\x01\x00"), KEY),
        Row(p, "data:cut", lambda: make(good()[: len(good()) // 2]), KEY),
        Row(p, "pkcs8-instead", lambda: make(F.ed25519.to_pkcs8_pem() if pem
                                             else F.ed25519.to_pkcs8_der()), KEY),
    ]
    if pem:
        rows += [Row(p, "pem-as-str", lambda: make(good().decode("ascii")), TYPE),
                 Row(p, "label-changed",
                     lambda: make(good().replace(b"KEY-----", b"KEX-----")), KEY)]
    else:
        rows.append(Row(p, "data:trailing-byte", lambda: make(good() + b"\x00"), KEY))
    return rows


def _encrypted_rows(base: str, cls: type, key: Callable[[], Any], form: str) -> List[Row]:
    """Encrypted PKCS#8 in and out: bad passwords and buffers, plain PKCS#8, iteration counts."""
    load = getattr(cls, f"from_encrypted_pkcs8_{form}")
    sealed = lambda: getattr(key(), f"to_encrypted_pkcs8_{form}")(PASSWORD, 1)  # noqa: E731
    p = f"{base}.from_encrypted_pkcs8_{form}"
    rows = not_buffers(p, "data", lambda v: load(v, PASSWORD))
    rows += not_buffers(p, "password", lambda v: load(sealed(), v))
    rows += [
        Row(p, "password:wrong", lambda: load(sealed(), _flip(PASSWORD)), KEY),
        Row(p, "data:empty", lambda: load(b"", PASSWORD), KEY),
        Row(p, "data:plain-pkcs8",
            lambda: load(getattr(key(), f"to_pkcs8_{form}")(), PASSWORD), KEY),
        Row(p, "data:cut", lambda: load(sealed()[: len(sealed()) // 2], PASSWORD), KEY),
    ]
    p = f"{base}.to_encrypted_pkcs8_{form}"
    export = lambda pw=PASSWORD, n=1: getattr(key(), f"to_encrypted_pkcs8_{form}")(pw, n)  # noqa
    rows += not_buffers(p, "password", lambda v: export(v))
    rows += [Row(p, f"iterations:{n}", lambda n=n: export(n=n), SIZE) for n in (-1, 2**32, 2**64)]
    rows += [Row(p, f"iterations:{type(n).__name__}", lambda n=n: export(n=n), TYPE)
             for n in ("1", 1.0, None)]
    return rows


def _key_method_rows(cls: type) -> List[Row]:
    """Rows for every public method of a key class, chosen by method name: a method without a
    maker here gets no row and fails the coverage test."""
    base = f"keys.{cls.__name__}"
    private = issubclass(cls, nacre.keys.PrivateKey)
    key = (lambda: F.private(cls)) if private else (lambda: F.public(cls))
    priv_cls = cls if private else _PRIVATE_OF[cls]
    other_priv = lambda: F.other_private(priv_cls)  # noqa: E731
    rows = [no_direct_construction(base, cls)]
    has = lambda name: callable(getattr(cls, name, None))  # noqa: E731

    # zero-argument exports and getters
    for name in ("to_raw", "to_pkcs8_der", "to_pkcs8_pem", "to_spki_der", "to_spki_pem",
                 "to_seed", "to_expanded", "public_key", "encapsulate", "to_pkcs1_der",
                 "to_pkcs1_pem", "to_sec1_der", "to_sec1_pem"):
        if has(name):
            rows.append(extra_arg(f"{base}.{name}", lambda x, n=name: getattr(key(), n)(x)))
    if has("generate") and cls not in (ECPrivateKey, RSAPrivateKey):
        rows.append(extra_arg(f"{base}.generate", cls.generate))

    if has("from_raw") and cls in RAW_PRIVATE:
        p = f"{base}.from_raw"
        rows += not_buffers(p, "data", cls.from_raw)
        rows += sizes(p, "data", cls.from_raw, RAW_PRIVATE[cls], KEY)
    if has("from_raw") and cls in RAW_PUBLIC_SIZE:
        p = f"{base}.from_raw"
        good = bytes(RAW_PUBLIC_SIZE[cls])
        rows += not_buffers(p, "data", cls.from_raw)
        rows += sizes(p, "data", cls.from_raw, good, KEY)
    if has("from_pkcs8_der"):
        rows += _der_rows(f"{base}.from_pkcs8_der", cls.from_pkcs8_der,
                          lambda: key().to_pkcs8_der(), lambda: other_priv().to_pkcs8_der(),
                          lambda: key().public_key().to_spki_der(), pem=False)
        rows.append(Row(f"{base}.from_pkcs8_der", "pem-for-der",
                        lambda: cls.from_pkcs8_der(key().to_pkcs8_pem()), KEY))
    if has("from_pkcs8_pem"):
        rows += _der_rows(f"{base}.from_pkcs8_pem", cls.from_pkcs8_pem,
                          lambda: key().to_pkcs8_pem(), lambda: other_priv().to_pkcs8_pem(),
                          lambda: key().public_key().to_spki_pem(), pem=True)
        rows.append(Row(f"{base}.from_pkcs8_pem", "der-for-pem",
                        lambda: cls.from_pkcs8_pem(key().to_pkcs8_der()), KEY))
    for kind in ("pkcs1", "sec1"):  # traditional encodings: one structure, one key family
        for form in ("der", "pem"):
            name = f"from_{kind}_{form}"
            if has(name):
                rows += _traditional_rows(f"{base}.{name}", getattr(cls, name),
                                          lambda n=f"to_{kind}_{form}": getattr(key(), n)(),
                                          form == "pem")
    for form in ("der", "pem"):
        if has(f"from_encrypted_pkcs8_{form}"):
            rows += _encrypted_rows(base, cls, key, form)
    if has("from_spki_der"):
        other_pub = lambda: other_priv().public_key()  # noqa: E731
        rows += _der_rows(f"{base}.from_spki_der", cls.from_spki_der,
                          lambda: key().to_spki_der(), lambda: other_pub().to_spki_der(),
                          lambda: F.private(priv_cls).to_pkcs8_der(), pem=False)
        rows += _der_rows(f"{base}.from_spki_pem", cls.from_spki_pem,
                          lambda: key().to_spki_pem(), lambda: other_pub().to_spki_pem(),
                          lambda: F.private(priv_cls).to_pkcs8_pem(), pem=True)
    return rows


def _signature_rows() -> List[Row]:
    rows: List[Row] = []
    # Ed25519
    p = "keys.Ed25519PrivateKey.sign"
    rows += not_buffers(p, "data", lambda v: F.ed25519.sign(v))
    rows += backends(p, lambda b: F.ed25519.sign(b"m", backend=b))
    p = "keys.Ed25519PublicKey.verify"
    pub = lambda: F.ed25519.public_key()  # noqa: E731
    sig = lambda: F.ed25519.sign(b"m")  # noqa: E731
    rows += not_buffers(p, "signature", lambda v: pub().verify(v, b"m"))
    rows += not_buffers(p, "data", lambda v: pub().verify(sig(), v))
    rows += sizes(p, "signature", lambda v: pub().verify(v, b"m"), bytes(64), SIGNATURE)
    rows += [
        Row(p, "tampered", lambda: pub().verify(_flip(sig()), b"m"), SIGNATURE),
        Row(p, "wrong-data", lambda: pub().verify(sig(), b"M"), SIGNATURE),
        Row(p, "wrong-key",
            lambda: Ed25519PrivateKey.from_raw(_flip(RAW_ED25519)).public_key().verify(
                sig(), b"m"), SIGNATURE),
    ]
    rows += backends(p, lambda b: pub().verify(sig(), b"m", backend=b))

    # ECDSA (P-256: SHA-256, 32-byte digests)
    ec, ecpub = (lambda: F.p256), (lambda: F.p256.public_key())
    ecsig = lambda enc="der": F.p256.sign(b"m", enc)  # noqa: E731
    digest = hashlib.sha256(b"m").digest()
    p = "keys.ECPrivateKey.sign"
    rows += not_buffers(p, "data", lambda v: ec().sign(v))
    rows += [Row(p, "encoding:unknown", lambda: ec().sign(b"m", "pem"), SIZE),
             Row(p, "hash:md5", lambda: ec().sign(b"m", hash="md5"), UNSUPPORTED),
             Row(p, "hash:shake128", lambda: ec().sign(b"m", hash="shake_128"), UNSUPPORTED),
             Row(p, "hash:unknown", lambda: ec().sign(b"m", hash="whirlpool"), UNSUPPORTED),
             Row(p, "hash:object", lambda: ec().sign(b"m", hash=object()), TYPE)]
    rows += backends(p, lambda b: ec().sign(b"m", backend=b), "sodium")
    p = "keys.ECPrivateKey.sign_digest"
    rows += not_buffers(p, "digest", lambda v: ec().sign_digest(v))
    rows += sizes(p, "digest", lambda v: ec().sign_digest(v), digest, SIZE)
    rows += [Row(p, "encoding:unknown", lambda: ec().sign_digest(digest, "raw"), SIZE),
             Row(p, "digest:sha512-length", lambda: ec().sign_digest(digest, hash="sha512"),
                 SIZE),
             Row(p, "hash:blake2b", lambda: ec().sign_digest(digest, hash="blake2b"),
                 UNSUPPORTED)]
    p = "keys.ECPublicKey.verify"
    rows += not_buffers(p, "signature", lambda v: ecpub().verify(v, b"m"))
    rows += not_buffers(p, "data", lambda v: ecpub().verify(ecsig(), v))
    rows += [
        Row(p, "tampered", lambda: ecpub().verify(_flip(ecsig(), 10), b"m"), SIGNATURE),
        Row(p, "signature:empty", lambda: ecpub().verify(b"", b"m"), SIGNATURE),
        Row(p, "wrong-data", lambda: ecpub().verify(ecsig(), b"M"), SIGNATURE),
        Row(p, "der-as-p1363", lambda: ecpub().verify(ecsig(), b"m", "p1363"), SIGNATURE),
        Row(p, "encoding:unknown", lambda: ecpub().verify(ecsig(), b"m", "pem"), SIZE),
        Row(p, "hash:other", lambda: ecpub().verify(ecsig(), b"m", hash="sha512"), SIGNATURE),
        Row(p, "hash:sha1", lambda: ecpub().verify(ecsig(), b"m", hash="sha1"), UNSUPPORTED),
    ]
    rows += backends(p, lambda b: ecpub().verify(ecsig(), b"m", backend=b), "sodium")
    p = "keys.ECPublicKey.verify_digest"
    rows += not_buffers(p, "signature", lambda v: ecpub().verify_digest(v, digest))
    rows += not_buffers(p, "digest", lambda v: ecpub().verify_digest(ecsig(), v))
    rows += sizes(p, "digest", lambda v: ecpub().verify_digest(ecsig(), v), digest, SIZE)
    rows += [
        Row(p, "tampered", lambda: ecpub().verify_digest(_flip(ecsig(), 10), digest), SIGNATURE),
        Row(p, "wrong-digest", lambda: ecpub().verify_digest(ecsig(), _flip(digest)), SIGNATURE),
        Row(p, "encoding:unknown", lambda: ecpub().verify_digest(ecsig(), digest, "x"), SIZE),
        Row(p, "digest:sha384-length",
            lambda: ecpub().verify_digest(ecsig(), digest, hash="sha384"), SIZE),
    ]

    # RSA
    rsa, rsapub = (lambda: F.rsa), (lambda: F.rsa.public_key())
    rsasig = lambda: F.rsa.sign(b"m")  # noqa: E731
    p = "keys.RSAPrivateKey.sign"
    rows += not_buffers(p, "data", lambda v: rsa().sign(v))
    rows += [
        Row(p, "padding:unknown", lambda: rsa().sign(b"m", "oaep"), SIZE),
        Row(p, "salt_length:pkcs1v15", lambda: rsa().sign(b"m", "pkcs1v15", salt_length=32),
            SIZE),
        Row(p, "salt_length:auto", lambda: rsa().sign(b"m", salt_length="auto"), SIZE),
        Row(p, "salt_length:unknown", lambda: rsa().sign(b"m", salt_length="maximum"), SIZE),
        Row(p, "salt_length:-1", lambda: rsa().sign(b"m", salt_length=-1), SIZE),
        Row(p, "salt_length:too-long", lambda: rsa().sign(b"m", salt_length=223), SIZE),
        Row(p, "salt_length:2**31", lambda: rsa().sign(b"m", salt_length=2**31), SIZE),
        Row(p, "salt_length:float", lambda: rsa().sign(b"m", salt_length=32.0), TYPE),
        Row(p, "salt_length:bool", lambda: rsa().sign(b"m", salt_length=True), TYPE),
        Row(p, "hash:sha3-256", lambda: rsa().sign(b"m", hash="sha3-256"), UNSUPPORTED),
        Row(p, "hash:sha1", lambda: rsa().sign(b"m", "pkcs1v15", hash="sha1"), UNSUPPORTED),
        Row(p, "hash:unknown", lambda: rsa().sign(b"m", hash="sha999"), UNSUPPORTED),
        Row(p, "hash:int", lambda: rsa().sign(b"m", hash=256), TYPE),
    ]
    rows += backends(p, lambda b: rsa().sign(b"m", backend=b), "sodium")
    p = "keys.RSAPrivateKey.sign_digest"
    rows += not_buffers(p, "digest", lambda v: rsa().sign_digest(v))
    rows += sizes(p, "digest", lambda v: rsa().sign_digest(v), digest, SIZE)
    rows += [Row(p, "digest:sha384-length", lambda: rsa().sign_digest(digest, hash="sha384"),
                 SIZE),
             Row(p, "salt_length:max+1",
                 lambda: rsa().sign_digest(digest, salt_length=223), SIZE),
             Row(p, "padding:unknown", lambda: rsa().sign_digest(digest, "x"), SIZE)]
    p = "keys.RSAPublicKey.verify"
    rows += not_buffers(p, "signature", lambda v: rsapub().verify(v, b"m"))
    rows += not_buffers(p, "data", lambda v: rsapub().verify(rsasig(), v))
    rows += sizes(p, "signature", lambda v: rsapub().verify(v, b"m"), bytes(256), SIGNATURE)
    rows += [
        Row(p, "tampered", lambda: rsapub().verify(_flip(rsasig()), b"m"), SIGNATURE),
        Row(p, "wrong-data", lambda: rsapub().verify(rsasig(), b"M"), SIGNATURE),
        Row(p, "pss-as-pkcs1v15", lambda: rsapub().verify(rsasig(), b"m", "pkcs1v15"),
            SIGNATURE),
        Row(p, "padding:unknown", lambda: rsapub().verify(rsasig(), b"m", "oaep"), SIZE),
        Row(p, "salt_length:wrong", lambda: rsapub().verify(rsasig(), b"m", salt_length=20),
            SIGNATURE),
        Row(p, "salt_length:max-for-digest",
            lambda: rsapub().verify(rsasig(), b"m", salt_length="max"), SIGNATURE),
        Row(p, "salt_length:-3", lambda: rsapub().verify(rsasig(), b"m", salt_length=-3), SIZE),
        Row(p, "hash:other", lambda: rsapub().verify(rsasig(), b"m", hash="sha384"), SIGNATURE),
        Row(p, "hash:blake2b", lambda: rsapub().verify(rsasig(), b"m", hash="blake2b"),
            UNSUPPORTED),
    ]
    rows += backends(p, lambda b: rsapub().verify(rsasig(), b"m", backend=b), "sodium")
    p = "keys.RSAPublicKey.verify_digest"
    rows += not_buffers(p, "signature", lambda v: rsapub().verify_digest(v, digest))
    rows += not_buffers(p, "digest", lambda v: rsapub().verify_digest(rsasig(), v))
    rows += sizes(p, "digest", lambda v: rsapub().verify_digest(rsasig(), v), digest, SIZE)
    rows += [Row(p, "tampered", lambda: rsapub().verify_digest(_flip(rsasig()), digest),
                 SIGNATURE),
             Row(p, "salt_length:str-int",
                 lambda: rsapub().verify_digest(rsasig(), digest, salt_length="32"), SIZE),
             Row(p, "padding:unknown", lambda: rsapub().verify_digest(rsasig(), digest, "x"),
                 SIZE)]
    p = "keys.RSAPublicKey.encrypt"
    rows += not_buffers(p, "data", lambda v: rsapub().encrypt(v))
    rows += not_buffers(p, "label", lambda v: rsapub().encrypt(b"m", v))
    rows.append(Row(p, "data:too-long", lambda: rsapub().encrypt(bytes(256 - 65)), SIZE))
    p = "keys.RSAPrivateKey.decrypt"
    rsact = lambda: F.rsa.public_key().encrypt(b"m", b"label")  # noqa: E731
    rows += not_buffers(p, "data", lambda v: rsa().decrypt(v, b"label"))
    rows += not_buffers(p, "label", lambda v: rsa().decrypt(rsact(), v))
    rows += sizes(p, "data", lambda v: rsa().decrypt(v, b"label"), bytes(256), TAG)
    rows += [
        Row(p, "tampered", lambda: rsa().decrypt(_flip(rsact()), b"label"), TAG),
        Row(p, "wrong-label", lambda: rsa().decrypt(rsact(), b"LABEL"), TAG),
    ]
    return rows


def _ec_rows() -> List[Row]:
    rows: List[Row] = []
    point = lambda: F.p256.public_key().to_sec1()  # noqa: E731
    p = "keys.ECPrivateKey.generate"
    rows += [
        Row(p, "curve:secp256k1", lambda: ECPrivateKey.generate("secp256k1"), UNSUPPORTED),
        Row(p, "curve:p224", lambda: ECPrivateKey.generate("p224"), UNSUPPORTED),
        Row(p, "curve:None", lambda: ECPrivateKey.generate(None), TYPE),
        Row(p, "curve:int", lambda: ECPrivateKey.generate(256), TYPE),
        Row(p, "curve:bytes", lambda: ECPrivateKey.generate(b"p256"), TYPE),
    ]
    p = "keys.ECPrivateKey.from_raw"
    rows += not_buffers(p, "data", ECPrivateKey.from_raw)
    rows += [Row(p, f"data:{n}-bytes", lambda n=n: ECPrivateKey.from_raw(bytes(n)), KEY)
             for n in (0, 31, 33, 47, 49)]
    rows += [
        Row(p, "scalar:zero", lambda: ECPrivateKey.from_raw(bytes(32), "p256"), KEY),
        Row(p, "scalar:all-ones", lambda: ECPrivateKey.from_raw(b"\xff" * 32, "p256"), KEY),
        Row(p, "size-of-other-curve", lambda: ECPrivateKey.from_raw(RAW_P256, "p384"), KEY),
        Row(p, "curve:secp256k1", lambda: ECPrivateKey.from_raw(RAW_P256, "secp256k1"),
            UNSUPPORTED),
        Row(p, "curve:int", lambda: ECPrivateKey.from_raw(RAW_P256, 256), TYPE),
    ]
    p = "keys.ECPrivateKey.exchange"
    rows += [
        Row(p, "peer:other-curve", lambda: F.p256.exchange(F.p384.public_key()), KEY),
        Row(p, "peer:private", lambda: F.p256.exchange(F.p256), TYPE),
        Row(p, "peer:x25519", lambda: F.p256.exchange(F.x25519.public_key()), TYPE),
        Row(p, "peer:bytes", lambda: F.p256.exchange(point()), TYPE),
        Row(p, "peer:None", lambda: F.p256.exchange(None), TYPE),
    ]
    rows += backends(p, lambda b: F.p256.exchange(F.p256.public_key(), backend=b), "sodium")
    for meth in ("from_raw", "from_sec1"):
        p = f"keys.ECPublicKey.{meth}"
        make = getattr(ECPublicKey, meth)
        rows += not_buffers(p, "data", make)
        rows += [
            Row(p, "data:empty", lambda m=make: m(b""), KEY),
            Row(p, "data:64-bytes", lambda m=make: m(point()[:-1]), KEY),
            Row(p, "data:66-bytes", lambda m=make: m(point() + b"\x00"), KEY),
            Row(p, "off-curve", lambda m=make: m(_flip(point())), KEY),
            Row(p, "bad-prefix", lambda m=make: m(b"\x05" + point()[1:]), KEY),
            Row(p, "point-of-other-curve", lambda m=make: m(point(), "p384"), KEY),
            Row(p, "curve:secp256k1", lambda m=make: m(point(), "secp256k1"), UNSUPPORTED),
            Row(p, "curve:int", lambda m=make: m(point(), 256), TYPE),
        ]
    rows += [
        Row("keys.ECPublicKey.from_raw", "compressed",
            lambda: ECPublicKey.from_raw(F.p256.public_key().to_sec1(compressed=True)), KEY),
        Row("keys.ECPublicKey.from_sec1", "infinity", lambda: ECPublicKey.from_sec1(b"\x00"),
            KEY),
        Row("keys.ECPublicKey.to_sec1", "extra-arg",
            lambda: F.p256.public_key().to_sec1(False, 1), TYPE),
    ]
    return rows


def _keys_rows() -> List[Row]:
    rows: List[Row] = []
    for cls in PRIVATE_CLASSES + PUBLIC_CLASSES:
        rows += _key_method_rows(cls)
    rows += [no_direct_construction("keys.PrivateKey", nacre.keys.PrivateKey),
             no_direct_construction("keys.PublicKey", nacre.keys.PublicKey),
             Row("keys.PrivateKey.public_key", "extra-arg",
                 lambda: nacre.keys.PrivateKey.public_key(F.x25519, 1), TYPE)]
    rows += _signature_rows()
    rows += _ec_rows()
    rows += [extra_arg("keys.Ed25519PrivateKey.to_x25519", lambda v: F.ed25519.to_x25519(v)),
             extra_arg("keys.Ed25519PublicKey.to_x25519",
                       lambda v: F.ed25519.public_key().to_x25519(v))]

    p = "keys.X25519PrivateKey.exchange"
    rows += [
        Row(p, "peer:small-order", lambda: F.x25519.exchange(X25519PublicKey.from_raw(bytes(32))),
            KEY),  # "A small-order peer key (all-zero result) is nacre.InvalidKey"
        Row(p, "peer:private", lambda: F.x25519.exchange(F.x25519_b), TYPE),
        Row(p, "peer:ed25519", lambda: F.x25519.exchange(F.ed25519.public_key()), TYPE),
        Row(p, "peer:bytes", lambda: F.x25519.exchange(F.x25519_b.public_key().to_raw()), TYPE),
        Row(p, "peer:None", lambda: F.x25519.exchange(None), TYPE),
    ]
    rows += backends(p, lambda b: F.x25519.exchange(F.x25519_b.public_key(), backend=b))
    p = "keys.Ed25519PublicKey.from_raw"
    rows += [Row(p, "not-canonical", lambda: Ed25519PublicKey.from_raw(b"\xed" + b"\xff" * 30
                                                                       + b"\x7f"), KEY),
             Row(p, "identity", lambda: Ed25519PublicKey.from_raw(b"\x01" + bytes(31)), KEY)]

    p = "keys.RSAPrivateKey.generate"
    rows += [Row(p, f"bits:{b}", lambda b=b: RSAPrivateKey.generate(b), SIZE)
             for b in (0, 1024, 2047, 4097, -1, 2**63, 2**64)]
    rows += [Row(p, f"bits:{type(b).__name__}", lambda b=b: RSAPrivateKey.generate(b), TYPE)
             for b in ("2048", 2048.0, None)]

    # ML-KEM, X-Wing
    for cls, ct_size in ((MLKEM768PrivateKey, MLKEM768PublicKey.CIPHERTEXT_SIZE),
                         (XWingPrivateKey, XWingPublicKey.CIPHERTEXT_SIZE)):
        p = f"keys.{cls.__name__}.decapsulate"
        k = lambda cls=cls: F.private(cls)  # noqa: E731
        rows += not_buffers(p, "ciphertext", lambda v, k=k: k().decapsulate(v))
        rows += sizes(p, "ciphertext", lambda v, k=k: k().decapsulate(v), bytes(ct_size),
                      INVALID_ARGUMENT)
    p = "keys.MLKEM768PrivateKey.from_seed"
    rows += not_buffers(p, "seed", MLKEM768PrivateKey.from_seed)
    rows += sizes(p, "seed", MLKEM768PrivateKey.from_seed, RAW_MLKEM, KEY)
    p = "keys.MLKEM768PrivateKey.from_expanded"
    rows += not_buffers(p, "data", MLKEM768PrivateKey.from_expanded)
    rows += sizes(p, "data", MLKEM768PrivateKey.from_expanded, bytes(2400), KEY)
    rows += [
        Row(p, "hash-mismatch",
            lambda: MLKEM768PrivateKey.from_expanded(_flip(F.mlkem_expanded, 2400 - 64)), KEY),
        Row(p, "ek-altered",
            lambda: MLKEM768PrivateKey.from_expanded(_flip(F.mlkem_expanded, 1152 + 5)), KEY),
    ]
    expanded_only = lambda: MLKEM768PrivateKey.from_expanded(F.mlkem_expanded)  # noqa: E731
    rows += [Row("keys.MLKEM768PrivateKey.to_seed", "imported-expanded",
                 lambda: expanded_only().to_seed(), UNSUPPORTED),
             Row("keys.MLKEM768PrivateKey.to_raw", "imported-expanded",
                 lambda: expanded_only().to_raw(), UNSUPPORTED)]

    for p, load, good_other, wrong_half in (
        ("keys.load_private_key", nacre.keys.load_private_key,
         lambda: F.ed25519.to_pkcs8_der(), lambda: F.ed25519.public_key().to_spki_der()),
        ("keys.load_public_key", nacre.keys.load_public_key,
         lambda: F.ed25519.public_key().to_spki_pem(), lambda: F.ed25519.to_pkcs8_pem()),
    ):
        rows += not_buffers(p, "data", load)
        rows += [
            Row(p, "data:empty", lambda ld=load: ld(b""), KEY),
            Row(p, "data:garbage", lambda ld=load: ld(b"\x30\x03\x02\x01\x00"), KEY),
            Row(p, "data:cut", lambda ld=load, g=good_other: ld(g()[:-3]), KEY),
            Row(p, "wrong-half", lambda ld=load, w=wrong_half: ld(w()), KEY),
            Row(p, "pem-as-str", lambda ld=load: ld(F.ed25519.to_pkcs8_pem().decode()), TYPE),
            Row(p, "pem-garbage", lambda ld=load: ld(b"-----BEGIN PRIVATE KEY-----\n!!\n"), KEY),
        ]
    rows.append(Row("keys.load_private_key", "x448", lambda: nacre.keys.load_private_key(
        X448_PKCS8), UNSUPPORTED))
    rows += [
        Row("keys.load_private_key", "password:not-encrypted",
            lambda: nacre.keys.load_private_key(F.ed25519.to_pkcs8_pem(), PASSWORD), TYPE),
        Row("keys.load_private_key", "password:missing", lambda: nacre.keys.load_private_key(
            F.ed25519.to_encrypted_pkcs8_pem(PASSWORD, 1)), TYPE),
        Row("keys.load_private_key", "password:wrong", lambda: nacre.keys.load_private_key(
            F.ed25519.to_encrypted_pkcs8_pem(PASSWORD, 1), _flip(PASSWORD)), KEY),
        Row("keys.load_private_key", "password:str", lambda: nacre.keys.load_private_key(
            F.ed25519.to_encrypted_pkcs8_der(PASSWORD, 1), "pw"), TYPE),
    ]
    p = "keys.load_legacy_rsa_public_key"
    legacy = nacre.keys.load_legacy_rsa_public_key
    rows += not_buffers(p, "data", legacy)
    rows += [
        Row(p, "data:empty", lambda: legacy(b""), KEY),
        Row(p, "data:garbage", lambda: legacy(b"\x30\x03\x02\x01\x00"), KEY),
        Row(p, "ed25519-key", lambda: legacy(F.ed25519.public_key().to_spki_der()), KEY),
        Row(p, "private-key", lambda: legacy(F.rsa.to_pkcs8_pem()), KEY),
        Row(p, "pem-as-str", lambda: legacy(F.rsa.public_key().to_spki_pem().decode()), TYPE),
    ]
    return rows


# --- box, hpke, kem ------------------------------------------------------------------------------


def _x25519_type_rows(p: str, make: Make, public: bool) -> List[Row]:
    """An X25519 key argument given a key of the wrong class: the other half, an Ed25519 key,
    raw bytes, None: TypeError ("Keys of another class than X25519 are a TypeError")."""
    wrong = (
        ("private-for-public", lambda: F.x25519)
        if public else ("public-for-private", lambda: F.x25519.public_key()),
        ("ed25519", lambda: F.ed25519.public_key() if public else F.ed25519),
        ("xwing", lambda: F.xwing.public_key() if public else F.xwing),
        ("raw-bytes", lambda: RAW_X25519_A),
        ("None", lambda: None),
    )
    return [Row(p, f"key:{name}", lambda k=k: make(k()), TYPE) for name, k in wrong]


def _box_rows() -> List[Row]:
    b = nacre.box
    rows: List[Row] = []
    p = "box.seal"
    rows += _x25519_type_rows(p, lambda k: b.seal(k, b"m"), public=True)
    rows += not_buffers(p, "data", lambda v: b.seal(F.x25519.public_key(), v))
    p = "box.seal_open"
    rows += _x25519_type_rows(p, lambda k: b.seal_open(k, F.sealed), public=False)
    rows += not_buffers(p, "data", lambda v: b.seal_open(F.x25519, v))
    rows += [
        Row(p, "tampered", lambda: b.seal_open(F.x25519, _flip(F.sealed)), TAG),
        Row(p, "tampered-ephemeral", lambda: b.seal_open(F.x25519, _flip(F.sealed, 0)), TAG),
        Row(p, "wrong-key", lambda: b.seal_open(F.x25519_b, F.sealed), TAG),
        Row(p, "shorter-than-overhead",
            lambda: b.seal_open(F.x25519, F.sealed[: b.SEAL_OVERHEAD - 1]), TAG),
        Row(p, "data:empty", lambda: b.seal_open(F.x25519, b""), TAG),
    ]
    p = "box.shared_key"
    rows += _x25519_type_rows(p, lambda k: b.shared_key(k, F.x25519_b.public_key()), public=False)
    rows += [Row(p, f"peer:{r.case[4:]}", r.call, r.expect)
             for r in _x25519_type_rows(p, lambda k: b.shared_key(F.x25519, k), public=True)]
    rows.append(Row(p, "peer:small-order", lambda: b.shared_key(
        F.x25519, X25519PublicKey.from_raw(bytes(32))), KEY))
    p = "box.Box"
    rows += _x25519_type_rows(p, lambda k: b.Box(k, F.x25519_b.public_key()), public=False)
    rows += [Row(p, f"peer:{r.case[4:]}", r.call, r.expect)
             for r in _x25519_type_rows(p, lambda k: b.Box(F.x25519, k), public=True)]
    nonce = bytes(b.NONCE_SIZE)
    p = "box.Box.encrypt"
    rows += not_buffers(p, "data", lambda v: F.box_ab().encrypt(v))
    rows += not_buffers(p, "nonce", lambda v: F.box_ab().encrypt(b"m", v), none_ok=True)
    rows += sizes(p, "nonce", lambda v: F.box_ab().encrypt(b"m", v), nonce, SIZE)
    p = "box.Box.decrypt"
    rows += not_buffers(p, "data", lambda v: F.box_ba().decrypt(v))
    rows += not_buffers(p, "data(with-nonce)", lambda v: F.box_ba().decrypt(v, nonce))
    rows += not_buffers(p, "nonce", lambda v: F.box_ba().decrypt(F.box_ct[24:], v), none_ok=True)
    rows += sizes(p, "nonce", lambda v: F.box_ba().decrypt(F.box_ct[24:], v), nonce, SIZE)
    rows += [
        Row(p, "tampered", lambda: F.box_ba().decrypt(_flip(F.box_ct)), TAG),
        Row(p, "tampered-nonce", lambda: F.box_ba().decrypt(_flip(F.box_ct, 0)), TAG),
        Row(p, "wrong-nonce", lambda: F.box_ba().decrypt(F.box_ct[24:], nonce), TAG),
        Row(p, "wrong-peer", lambda: b.Box(F.x25519_b, X25519PrivateKey.from_raw(
            _flip(RAW_X25519_A)).public_key()).decrypt(F.box_ct), TAG),
        Row(p, "shorter-than-nonce-and-tag",
            lambda: F.box_ba().decrypt(F.box_ct[: b.NONCE_SIZE + b.OVERHEAD - 1]), TAG),
        Row(p, "shorter-than-tag",
            lambda: F.box_ba().decrypt(bytes(b.OVERHEAD - 1), F.box_ct[:24]), TAG),
        Row(p, "data:empty", lambda: F.box_ba().decrypt(b""), TAG),
    ]
    return rows


# --- secret boxes, encoders, and the PyNaCl-shaped classes of nacre.nacl ------------------------

NOT_ENCODERS: Tuple[Tuple[str, Any], ...] = (("None", None), ("int", 3), ("str", "hex"),
                                             ("bytes", b"sha256"))


def _encoder_rows(p: str, make: Make) -> List[Row]:
    """An ``encoder=`` argument that is no encoder: TypeError (not AttributeError)."""
    return [Row(p, f"encoder:{name}", lambda v=v: make(v), TYPE) for name, v in NOT_ENCODERS]


def _secretbox_method_rows(p: str, box: Callable[[], Any], other: Callable[[], Any]) -> List[Row]:
    """encrypt/decrypt of nacre.secret.SecretBox and of the classes that share them; ``other``
    makes one under another key."""
    nonce = bytes(SecretBox.NONCE_SIZE)
    sealed = lambda: box().encrypt(b"message", nonce)  # noqa: E731
    if p.endswith(".encrypt"):
        return (not_buffers(p, "plaintext", lambda v: box().encrypt(v))
                + not_buffers(p, "nonce", lambda v: box().encrypt(b"m", v), none_ok=True)
                + sizes(p, "nonce", lambda v: box().encrypt(b"m", v), nonce, INVALID_ARGUMENT)
                + _encoder_rows(p, lambda e: box().encrypt(b"m", None, e)))
    return (not_buffers(p, "ciphertext", lambda v: box().decrypt(v))
            + not_buffers(p, "nonce", lambda v: box().decrypt(sealed()[24:], v), none_ok=True)
            + sizes(p, "nonce", lambda v: box().decrypt(sealed()[24:], v), nonce, INVALID_ARGUMENT)
            + _encoder_rows(p, lambda e: box().decrypt(sealed(), None, e))
            + [Row(p, "tampered-tag", lambda: box().decrypt(_flip(sealed(), 30)), TAG),
               Row(p, "tampered-nonce", lambda: box().decrypt(_flip(sealed(), 0)), TAG),
               Row(p, "tampered", lambda: box().decrypt(_flip(sealed())), TAG),
               Row(p, "shorter-than-nonce-and-tag", lambda: box().decrypt(sealed()[:39]), TAG),
               Row(p, "shorter-than-tag", lambda: box().decrypt(bytes(15), nonce), TAG),
               Row(p, "data:empty", lambda: box().decrypt(b""), TAG),
               Row(p, "wrong-key", lambda: other().decrypt(sealed()), TAG)])


def _secret_rows() -> List[Row]:
    rows: List[Row] = []
    p = "secret.SecretBox"
    rows += not_buffers(p, "key", lambda v: SecretBox(v))
    rows += sizes(p, "key", lambda v: SecretBox(v), K32, KEY)
    rows += _encoder_rows(p, lambda e: SecretBox(K32.hex(), e))
    rows.append(Row(p, "key:bad-hex", lambda: SecretBox("zz", enc.HexEncoder), (ValueError,)))
    rows.append(extra_arg("secret.SecretBox.generate_key", SecretBox.generate_key))
    for m in ("encrypt", "decrypt"):
        rows += _secretbox_method_rows(f"secret.SecretBox.{m}", lambda: SecretBox(K32),
                                       lambda: SecretBox(_flip(K32)))
    rows.append(Row("secret.EncryptedMessage", "arg:object",
                    lambda: EncryptedMessage(object()), TYPE))
    return rows


def _encoding_rows() -> List[Row]:
    rows: List[Row] = [Row("encoding.Encoder", "instantiate", lambda: enc.Encoder(), TYPE)]
    for m in ("encode", "decode"):
        rows.append(Row(f"encoding.Encoder.{m}", "missing-arg", getattr(enc.Encoder, m), TYPE))
    names = ("RawEncoder", "HexEncoder", "Base16Encoder", "Base32Encoder", "Base64Encoder",
             "URLSafeBase64Encoder")
    for name in names:
        cls = getattr(enc, name)
        rows.append(extra_arg(f"encoding.{name}", cls))
        for m in ("encode", "decode"):
            method = getattr(cls, m)
            rows.append(Row(f"encoding.{name}.{m}", "missing-arg", method, TYPE))
            if name != "RawEncoder":
                rows.append(Row(f"encoding.{name}.{m}", "arg:int", lambda f=method: f(32), TYPE))
        if name != "RawEncoder":
            rows.append(Row(f"encoding.{name}.decode", "malformed",
                            lambda f=cls.decode: f(b"abc"), (ValueError,)))
    rows.append(extra_arg("encoding.Encodable", enc.Encodable))
    rows.append(Row("encoding.Encodable.encode", "not-bytes-convertible",
                    lambda: enc.Encodable().encode(), TYPE))
    return rows


def _encode_rows(p: str, obj: Callable[[], Any]) -> List[Row]:
    """``encode(encoder)`` of an Encodable: a non-encoder is a TypeError."""
    return _encoder_rows(p, lambda e: obj().encode(e))


def _nacl_rows() -> List[Row]:
    """PyNaCl's rules: a key that is not bytes is nacl's TypeError, one of the wrong size its
    ValueError (here nacre.InvalidArgument), except PrivateKey's, a TypeError as in PyNaCl."""
    rows: List[Row] = []
    nacl_type = (nacl_exc.TypeError, TypeError, nacre.Error)
    nacl_size = (nacl_exc.ValueError, ValueError, nacre.Error)

    def key_rows(p: str, make: Make, good: bytes,
                 size_expect: Tuple[type, ...] = nacl_size) -> None:
        nonlocal rows
        rows += [Row(p, f"key:{name}", lambda v=v: make(v), TYPE)
                 for name, v in NOT_BUFFERS if name != "str"]
        rows += [Row(p, "key:bytearray", lambda: make(bytearray(good)), nacl_type),
                 Row(p, "key:str", lambda: make("k" * len(good)), nacl_type)]
        rows += sizes(p, "key", make, good, size_expect)

    sbox = lambda: nacl_secret.SecretBox(K32)  # noqa: E731
    key_rows("nacl.secret.SecretBox", nacl_secret.SecretBox, K32)
    rows += _encoder_rows("nacl.secret.SecretBox", lambda e: nacl_secret.SecretBox(K32.hex(), e))
    rows.append(extra_arg("nacl.secret.SecretBox.generate_key", nacl_secret.SecretBox.generate_key))
    for m in ("encrypt", "decrypt"):
        rows += _secretbox_method_rows(f"nacl.secret.SecretBox.{m}", sbox,
                                       lambda: nacl_secret.SecretBox(_flip(K32)))
    rows += _encode_rows("nacl.secret.SecretBox.encode", sbox)

    aead = lambda: nacl_secret.Aead(K32)  # noqa: E731
    key_rows("nacl.secret.Aead", nacl_secret.Aead, K32)
    p = "nacl.secret.Aead.encrypt"
    rows += not_buffers(p, "plaintext", lambda v: aead().encrypt(v))
    rows += not_buffers(p, "aad", lambda v: aead().encrypt(b"m", v), none_ok=True)
    rows += sizes(p, "nonce", lambda v: aead().encrypt(b"m", b"", v), bytes(24), nacl_size)
    rows += _encoder_rows(p, lambda e: aead().encrypt(b"m", b"", None, e))
    p = "nacl.secret.Aead.decrypt"
    sealed = lambda: aead().encrypt(b"message", b"ad")  # noqa: E731
    rows += not_buffers(p, "aad", lambda v: aead().decrypt(sealed(), v), none_ok=True)
    rows += sizes(p, "nonce", lambda v: aead().decrypt(sealed()[24:], b"ad", v), bytes(24),
                  nacl_size)
    rows += _encoder_rows(p, lambda e: aead().decrypt(sealed(), b"ad", None, e))
    rows += [Row(p, "tampered", lambda: aead().decrypt(_flip(sealed()), b"ad"), TAG),
             Row(p, "wrong-aad", lambda: aead().decrypt(sealed(), b"other"), TAG),
             Row(p, "ciphertext:int", lambda: aead().decrypt(32), TYPE)]
    rows += _encode_rows("nacl.secret.Aead.encode", aead)

    pub = lambda: nacl_public.PublicKey(F.x25519.public_key().to_raw())  # noqa: E731
    priv = lambda: nacl_public.PrivateKey(RAW_X25519_A)  # noqa: E731
    key_rows("nacl.public.PublicKey", nacl_public.PublicKey, F.x25519.public_key().to_raw())
    rows += _encode_rows("nacl.public.PublicKey.encode", pub)
    key_rows("nacl.public.PrivateKey", nacl_public.PrivateKey, RAW_X25519_A, nacl_type)
    key_rows("nacl.public.PrivateKey.from_seed", nacl_public.PrivateKey.from_seed, RAW_X25519_A,
             nacl_type)
    rows.append(extra_arg("nacl.public.PrivateKey.generate", nacl_public.PrivateKey.generate))
    rows += _encode_rows("nacl.public.PrivateKey.encode", priv)
    p = "nacl.public.Box"
    rows += [Row(p, "private:public-key", lambda: nacl_public.Box(pub(), pub()), nacl_type),
             Row(p, "public:private-key", lambda: nacl_public.Box(priv(), priv()), nacl_type),
             Row(p, "private:nacre-key", lambda: nacl_public.Box(F.x25519, pub()), nacl_type),
             Row(p, "public:raw-bytes", lambda: nacl_public.Box(priv(), RAW_X25519_B), nacl_type),
             Row(p, "public:small-order", lambda: nacl_public.Box(
                 priv(), nacl_public.PublicKey(bytes(32))), KEY)]
    box = lambda: nacl_public.Box(priv(), pub())  # noqa: E731
    p = "nacl.public.Box.decode"
    rows += sizes(p, "encoded", lambda v: nacl_public.Box.decode(v), K32, KEY)
    rows += not_buffers(p, "encoded", lambda v: nacl_public.Box.decode(v))
    rows += _encoder_rows(p, lambda e: nacl_public.Box.decode(K32.hex(), e))
    for m in ("encrypt", "decrypt"):
        rows += _secretbox_method_rows(f"nacl.public.Box.{m}", box,
                                       lambda: nacl_public.Box.decode(_flip(K32)))
    rows.append(extra_arg("nacl.public.Box.shared_key", lambda v: box().shared_key(v)))
    rows += _encode_rows("nacl.public.Box.encode", box)
    p = "nacl.public.SealedBox"
    rows += [Row(p, f"recipient:{name}", lambda v=v: nacl_public.SealedBox(v), nacl_type)
             for name, v in (("raw-bytes", RAW_X25519_A), ("None", None))]
    rows.append(Row(p, "recipient:nacre-key", lambda: nacl_public.SealedBox(F.x25519), nacl_type))
    sealed_box = lambda: nacl_public.SealedBox(priv())  # noqa: E731
    p = "nacl.public.SealedBox.encrypt"
    rows += not_buffers(p, "plaintext", lambda v: sealed_box().encrypt(v))
    rows += _encoder_rows(p, lambda e: sealed_box().encrypt(b"m", e))
    p = "nacl.public.SealedBox.decrypt"
    to_us = lambda: sealed_box().encrypt(b"message")  # noqa: E731
    rows += not_buffers(p, "ciphertext", lambda v: sealed_box().decrypt(v))
    rows += _encoder_rows(p, lambda e: sealed_box().decrypt(to_us(), e))
    rows += [Row(p, "tampered", lambda: sealed_box().decrypt(_flip(to_us())), TAG),
             Row(p, "public-key-only", lambda: nacl_public.SealedBox(pub()).decrypt(to_us()), TYPE)]
    rows += _encode_rows("nacl.public.SealedBox.encode", sealed_box)

    sk = lambda: nacl_signing.SigningKey(RAW_ED25519)  # noqa: E731
    vk = lambda: sk().verify_key  # noqa: E731
    key_rows("nacl.signing.SigningKey", nacl_signing.SigningKey, RAW_ED25519)
    rows.append(extra_arg("nacl.signing.SigningKey.generate", nacl_signing.SigningKey.generate))
    p = "nacl.signing.SigningKey.sign"
    rows += not_buffers(p, "message", lambda v: sk().sign(v))
    rows += _encoder_rows(p, lambda e: sk().sign(b"m", e))
    rows.append(extra_arg("nacl.signing.SigningKey.to_curve25519_private_key",
                          lambda v: sk().to_curve25519_private_key(v)))
    rows += _encode_rows("nacl.signing.SigningKey.encode", sk)
    key_rows("nacl.signing.VerifyKey", nacl_signing.VerifyKey, F.ed25519.public_key().to_raw())
    rows.append(Row("nacl.signing.VerifyKey", "key:not-a-point",
                    lambda: nacl_signing.VerifyKey(bytes(32)), KEY))
    p = "nacl.signing.VerifyKey.verify"
    signed = lambda: sk().sign(b"message")  # noqa: E731
    rows += [Row(p, "forged", lambda: vk().verify(_flip(signed())), SIGNATURE),
             Row(p, "other-message", lambda: vk().verify(b"other", signed().signature), SIGNATURE),
             Row(p, "shorter-than-signature", lambda: vk().verify(bytes(63)), SIGNATURE),
             Row(p, "smessage:empty", lambda: vk().verify(b""), SIGNATURE),
             Row(p, "smessage:int", lambda: vk().verify(32), TYPE),
             Row(p, "signature:bytearray", lambda: vk().verify(b"m", bytearray(64)), nacl_type),
             Row(p, "signature:str", lambda: vk().verify(b"m", "s" * 64), nacl_type)]
    rows += sizes(p, "signature", lambda v: vk().verify(b"message", v), bytes(64), nacl_size)
    rows += _encoder_rows(p, lambda e: vk().verify(signed(), None, e))
    rows.append(extra_arg("nacl.signing.VerifyKey.to_curve25519_public_key",
                          lambda v: vk().to_curve25519_public_key(v)))
    rows += _encode_rows("nacl.signing.VerifyKey.encode", vk)
    rows.append(Row("nacl.signing.SignedMessage", "arg:object",
                    lambda: nacl_signing.SignedMessage(object()), TYPE))

    rows += [extra_arg("nacl.utils.StringFixer", nacl_utils.StringFixer),
             Row("nacl.utils.bytes_as_string", "arg:int", lambda: nacl_utils.bytes_as_string(3),
                 TYPE),
             Row("nacl.utils.bytes_as_string", "non-ascii",
                 lambda: nacl_utils.bytes_as_string(b"\xff"), (UnicodeDecodeError,)),
             Row("nacl.utils.random", "size:str", lambda: nacl_utils.random("32"), TYPE),
             Row("nacl.utils.random", "size:negative", lambda: nacl_utils.random(-1), SIZE),
             Row("nacl.exceptions.ensure", "unknown-keyword",
                 lambda: nacl_exc.ensure(True, other=ValueError), TYPE),
             Row("nacl.exceptions.ensure", "false", lambda: nacl_exc.ensure(False, "x"),
                 (nacl_exc.AssertionError, AssertionError, nacre.Error))]
    return rows


def _suite_rows(p: str, make: Make) -> List[Row]:
    """``suite``: an unknown number is UnsupportedAlgorithm, a non-int a TypeError."""
    return [
        Row(p, "suite:unknown", lambda: make(99), UNSUPPORTED),
        Row(p, "suite:0", lambda: make(0), UNSUPPORTED),
        Row(p, "suite:str", lambda: make("X25519_SHA256_CHACHA20POLY1305"), TYPE),
        Row(p, "suite:None", lambda: make(None), TYPE),
        Row(p, "suite:bool", lambda: make(True), TYPE),
    ]


def _hpke_rows() -> List[Row]:
    h = nacre.hpke
    pub = lambda: F.x25519.public_key()  # noqa: E731
    rows: List[Row] = [Row("hpke.Suite", "unknown-value", lambda: h.Suite(99), (ValueError,))]
    p = "hpke.seal"
    rows += _suite_rows(p, lambda s: h.seal(s, pub(), b"m"))
    rows += _x25519_type_rows(p, lambda k: h.seal(SUITE, k, b"m"), public=True)
    rows += not_buffers(p, "data", lambda v: h.seal(SUITE, pub(), v))
    rows += not_buffers(p, "info", lambda v: h.seal(SUITE, pub(), b"m", v))
    rows += not_buffers(p, "aad", lambda v: h.seal(SUITE, pub(), b"m", b"", v))
    p = "hpke.open"
    sealed = lambda: F.hpke_sealed  # noqa: E731
    rows += _suite_rows(p, lambda s: h.open(s, F.x25519, sealed(), b"info", b"aad"))
    rows += _x25519_type_rows(p, lambda k: h.open(SUITE, k, sealed(), b"info", b"aad"),
                              public=False)
    rows += not_buffers(p, "data", lambda v: h.open(SUITE, F.x25519, v, b"info", b"aad"))
    rows += not_buffers(p, "info", lambda v: h.open(SUITE, F.x25519, sealed(), v, b"aad"))
    rows += not_buffers(p, "aad", lambda v: h.open(SUITE, F.x25519, sealed(), b"info", v))
    rows += [
        Row(p, "tampered", lambda: h.open(SUITE, F.x25519, _flip(sealed()), b"info", b"aad"),
            TAG),
        Row(p, "tampered-enc",
            lambda: h.open(SUITE, F.x25519, _flip(sealed(), 0), b"info", b"aad"), TAG),
        Row(p, "wrong-info", lambda: h.open(SUITE, F.x25519, sealed(), b"INFO", b"aad"), TAG),
        Row(p, "wrong-aad", lambda: h.open(SUITE, F.x25519, sealed(), b"info", b"AAD"), TAG),
        Row(p, "wrong-key", lambda: h.open(SUITE, F.x25519_b, sealed(), b"info", b"aad"), TAG),
        Row(p, "wrong-suite",
            lambda: h.open(h.Suite.X25519_SHA256_AES128GCM, F.x25519, sealed(), b"info", b"aad"),
            TAG),
        Row(p, "shorter-than-enc-and-tag",
            lambda: h.open(SUITE, F.x25519, sealed()[: h.ENC_SIZE + h.TAG_SIZE - 1], b"info",
                           b"aad"), TAG),
        Row(p, "data:empty", lambda: h.open(SUITE, F.x25519, b"", b"info", b"aad"), TAG),
    ]
    p = "hpke.SenderContext"
    rows += _suite_rows(p, lambda s: h.SenderContext(s, pub()))
    rows += _x25519_type_rows(p, lambda k: h.SenderContext(SUITE, k), public=True)
    rows += not_buffers(p, "info", lambda v: h.SenderContext(SUITE, pub(), v))
    p = "hpke.SenderContext.seal"
    rows += not_buffers(p, "data", lambda v: F.sender.seal(v))
    rows += not_buffers(p, "aad", lambda v: F.sender.seal(b"m", v))
    p = "hpke.ReceiverContext"
    enc = lambda: F.sender.enc  # noqa: E731
    rows += _suite_rows(p, lambda s: h.ReceiverContext(s, F.x25519, enc()))
    rows += _x25519_type_rows(p, lambda k: h.ReceiverContext(SUITE, k, enc()), public=False)
    rows += not_buffers(p, "enc", lambda v: h.ReceiverContext(SUITE, F.x25519, v))
    rows += sizes(p, "enc", lambda v: h.ReceiverContext(SUITE, F.x25519, v), bytes(32), KEY)
    rows += not_buffers(p, "info", lambda v: h.ReceiverContext(SUITE, F.x25519, enc(), v))
    p = "hpke.ReceiverContext.open"
    ct = lambda: F.hpke_ct  # noqa: E731
    rows += not_buffers(p, "data", lambda v: F.receiver.open(v, b"aad"))
    rows += not_buffers(p, "aad", lambda v: F.receiver.open(ct(), v))
    rows += [
        Row(p, "tampered", lambda: F.receiver.open(_flip(ct()), b"aad"), TAG),
        Row(p, "wrong-aad", lambda: F.receiver.open(ct(), b"AAD"), TAG),
        Row(p, "shorter-than-tag", lambda: F.receiver.open(ct()[: h.TAG_SIZE - 1], b"aad"), TAG),
        Row(p, "data:empty", lambda: F.receiver.open(b"", b"aad"), TAG),
        Row(p, "other-context",
            lambda: h.ReceiverContext(SUITE, F.x25519, h.SenderContext(SUITE, pub()).enc)
            .open(ct(), b"aad"), TAG),
    ]
    for side in ("SenderContext", "ReceiverContext"):
        p = f"hpke.{side}.export"
        ctx = (lambda: F.sender) if side == "SenderContext" else (lambda: F.receiver)
        rows += not_buffers(p, "exporter_context", lambda v, c=ctx: c().export(v, 32))
        rows += lengths(p, "length", lambda n, c=ctx: c().export(b"ctx", n),
                        too_big=255 * 32 + 1)
    return rows


def _kem_rows() -> List[Row]:
    k = nacre.kem
    rows: List[Row] = []
    p = "kem.encapsulate"
    rows += [
        Row(p, "key:mlkem-private", lambda: k.encapsulate(F.mlkem), TYPE),
        Row(p, "key:xwing-private", lambda: k.encapsulate(F.xwing), TYPE),
        Row(p, "key:x25519-public", lambda: k.encapsulate(F.x25519.public_key()), TYPE),
        Row(p, "key:raw-bytes", lambda: k.encapsulate(F.mlkem.public_key().to_raw()), TYPE),
        Row(p, "key:None", lambda: k.encapsulate(None), TYPE),
    ]
    p = "kem.decapsulate"
    ct = bytes(MLKEM768PublicKey.CIPHERTEXT_SIZE)
    rows += [
        Row(p, "key:mlkem-public", lambda: k.decapsulate(F.mlkem.public_key(), ct), TYPE),
        Row(p, "key:x25519-private", lambda: k.decapsulate(F.x25519, ct), TYPE),
        Row(p, "key:raw-bytes", lambda: k.decapsulate(RAW_MLKEM, ct), TYPE),
        Row(p, "key:None", lambda: k.decapsulate(None, ct), TYPE),
        # X-Wing ciphertexts are 1120 bytes: an ML-KEM-768 one is a size error
        Row(p, "ciphertext:of-other-kem", lambda: k.decapsulate(F.xwing, ct), INVALID_ARGUMENT),
    ]
    rows += not_buffers(p, "ciphertext", lambda v: k.decapsulate(F.mlkem, v))
    rows += sizes(p, "ciphertext", lambda v: k.decapsulate(F.mlkem, v), ct, INVALID_ARGUMENT)
    return rows


def _build_table() -> List[Row]:
    table = (_top_rows() + _aead_rows() + _hash_rows() + _hmac_rows() + _kdf_rows()
             + _keywrap_rows() + _pwhash_rows() + _secretstream_rows() + _age_rows()
             + _minisign_rows()
             + _keys_rows() + _box_rows()
             + _hpke_rows() + _kem_rows() + _secret_rows() + _encoding_rows() + _nacl_rows())
    ids = [row.id for row in table]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate rows: {duplicates}"
    return table


TABLE = _build_table()

#: Rows that show a bug: row id -> what is wrong (the row keeps the documented expectation).
#: Empty: the bugs this table found when it was written are fixed (sizes beyond any buffer gave
#: OverflowError; aead.available_backends(None) was not a TypeError; encrypt_into on overlapping
#: memoryview slices crashed the interpreter in a later garbage collection).
KNOWN_BUGS: Dict[str, str] = {}
#: Rows that crash the interpreter: kept, marked xfail and not run (a segfault ends the run).
CRASHES: Dict[str, str] = {}


# --- discovery -----------------------------------------------------------------------------------


def _short(module: str) -> str:
    return "nacre" if module == "nacre" else module[len("nacre."):]


def _defining_class(cls: type, name: str) -> Tuple[Optional[type], Any]:
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass, vars(klass)[name]
    return None, None


def public_callables() -> Dict[str, Any]:
    """path -> object for every public callable: functions in ``__all__``, classes (their
    constructors), and each class's public methods, classmethods and staticmethods that come
    from nacre code (not those inherited from object, tuple, int or io). An object exported by
    several modules is named once, after the public module that defines it, else the first
    module (``nacre`` first) that exports it. Exception classes are left out: their constructors
    are Exception's (test_errors.py covers them)."""
    found: Dict[str, Any] = {}
    seen: set = set()
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, types.ModuleType) or not callable(obj) or id(obj) in seen:
                continue
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            seen.add(id(obj))
            home = getattr(obj, "__module__", "")
            path = f"{_short(home if home in PUBLIC_MODULES else module_name)}.{name}"
            found[path] = obj
            if not isinstance(obj, type):
                continue
            for attr in dir(obj):
                if attr.startswith("_"):
                    continue
                klass, raw = _defining_class(obj, attr)
                if klass is None or not klass.__module__.startswith("nacre"):
                    continue
                if isinstance(raw, (types.FunctionType, classmethod, staticmethod)):
                    found[f"{path}.{attr}"] = getattr(obj, attr)
    return found


PUBLIC = public_callables()
CASES_RUN: Dict[str, int] = {"cases": 0, "keyed": 0}
# Rows whose callable takes, holds or makes key material: their messages and the reprs of the
# key objects are checked for key bytes (every row's message is checked against every secret).
KEYED_PREFIXES = ("aead.", "box.", "hpke.", "kem.", "keys.", "secretstream.", "age.", "minisign.",
                  "hmac.", "keywrap.",
                  "kdf.", "pwhash.", "hash.blake2b", "secret.", "nacl.")


# --- tests ---------------------------------------------------------------------------------------


def test_table_covers_every_public_callable() -> None:
    named = {row.path for row in TABLE}
    missing = sorted(set(PUBLIC) - named)
    unknown = sorted(named - set(PUBLIC))
    assert not missing, f"public callables without rows: {missing}"
    assert not unknown, f"rows naming no public callable: {unknown}"
    stale = sorted((set(KNOWN_BUGS) | set(CRASHES)) - {row.id for row in TABLE})
    assert not stale, f"KNOWN_BUGS entries without a row: {stale}"


def test_discovery_sees_the_package() -> None:
    # A guard against a walk that finds nothing (and so "covers" everything).
    for path in ("nacre.random_bytes", "aead.AESGCM", "aead.AESGCM.encrypt_into",
                 "aead.AEGIS256.seal", "keys.ECPrivateKey.generate", "hash.Xof.digest",
                 "age.DecryptingReader.read", "hpke.ReceiverContext.export",
                 "age.passphrase.encrypt"):
        assert path in PUBLIC, path
    assert "age.DecryptingReader.readline" not in PUBLIC  # io's, not nacre's
    assert len(PUBLIC) > 150


def _params() -> List[Any]:
    params = []
    for row in TABLE:
        marks = []
        if row.id in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[row.id]))
        if row.id in CRASHES:
            marks.append(pytest.mark.xfail(strict=True, run=False, reason=CRASHES[row.id]))
        params.append(pytest.param(row, id=row.id, marks=marks))
    return params


@pytest.mark.parametrize("row", _params())
def test_bad_input(row: Row) -> None:
    CASES_RUN["cases"] += 1
    with pytest.raises(row.expect[0]) as info:
        row.call()
    exc = info.value
    for cls in row.expect[1:]:
        assert isinstance(exc, cls), f"{type(exc).__name__} is not a {cls.__name__}: {exc}"
    # Nothing leaks: the message, the repr and the chained exceptions.
    texts = [str(exc), repr(exc), str(exc.__cause__ or ""), str(exc.__context__ or "")]
    _assert_no_secret(" | ".join(texts), f"{row.id}: {type(exc).__name__}")
    if row.path.startswith(KEYED_PREFIXES):
        CASES_RUN["keyed"] += 1
        for key in F.all_keys():
            _assert_no_secret(repr(key), f"repr of {type(key).__name__}")


def test_key_objects_never_show_key_bytes() -> None:
    objects: List[Any] = F.all_keys() + [F.aead(cls) for cls in AEAD_CLASSES] + [
        F.hmac, ss.Encryptor(STREAM_KEY), F.decryptor(), F.age_writer(), F.age_reader(), F.box_ab(),
        AGE_IDENTITY, nacre.age.Encryptor([AGE_IDENTITY.to_public()]), MINISIGN_KEY,
        nacre.age.Decryptor([AGE_IDENTITY]),
        F.sender, F.receiver, nacre.hash.blake2b(key=HMAC_KEY),
    ]
    for obj in objects:
        _assert_no_secret(repr(obj), f"repr of {type(obj).__name__}")
        _assert_no_secret(str(obj), f"str of {type(obj).__name__}")


def test_zz_case_count(capsys: pytest.CaptureFixture[str]) -> None:
    """Runs last (file order): every row ran once. The counts are printed past the capture."""
    classes = {row.case.split(":")[-1] if ":" in row.case else row.case for row in TABLE}
    with capsys.disabled():
        print(
            f"\nbad-input matrix: {len(PUBLIC)} public callables, {len(TABLE)} rows "
            f"({len(classes)} distinct bad-argument classes), {CASES_RUN['cases']} cases run, "
            f"{CASES_RUN['keyed']} with key-material checks, {len(KNOWN_BUGS)} known bugs "
            f"(strict xfail), {len(CRASHES)} crashing rows not run"
        )
    # Floor: at least one row per callable, and every row of the table ran.
    assert len(TABLE) >= len(PUBLIC)
    assert CASES_RUN["cases"] >= len(TABLE) - len(CRASHES), (
        f"only {CASES_RUN['cases']} of {len(TABLE)} rows ran (run the whole module)"
    )
