"""Zero-copy inputs: bytes, bytearray, memoryview (slices too) and other buffers are read in
place; outputs can be written into a caller's buffer.

Interpreter and nacre: see conftest.py. Python's hashlib
and hmac compute the expected values.
"""

from __future__ import annotations

import array
import gc
import hashlib
import hmac as std_hmac
import io
import mmap
from typing import Any, Callable, Dict, List, Tuple

import pytest

import nacre
import nacre.aead
import nacre.hash
import nacre.hmac
import nacre.kdf
import nacre.secretstream as ss
from nacre import box, hpke, pwhash
from nacre._binding.buffers import borrows, readable
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    MLKEM768PrivateKey,
    X25519PrivateKey,
    load_private_key,
    load_public_key,
)

DATA = bytes(range(256)) * 33


def test_memoryview_slice() -> None:
    view = memoryview(bytearray(DATA))[100:-100]
    assert nacre.hash.sha256(view).digest() == hashlib.sha256(DATA[100:-100]).digest()
    assert nacre.hash.sha3_256(view[5:6]).digest() == hashlib.sha3_256(DATA[105:106]).digest()
    assert nacre.hmac.digest(view[:64], view, "sha512") == std_hmac.digest(
        DATA[100:164], DATA[100:-100], "sha512"
    )


def test_bytearray() -> None:
    buf = bytearray(DATA)
    h = nacre.hash.sha512(buf)
    h.update(buf)
    assert h.digest() == hashlib.sha512(DATA + DATA).digest()
    assert nacre.hmac.new(buf, buf, "sha256").digest() == std_hmac.digest(DATA, DATA, "sha256")


def test_other_buffers() -> None:
    words = array.array("I", range(1000))  # items wider than a byte: hashed as raw memory
    assert nacre.hash.sha256(words).digest() == hashlib.sha256(words.tobytes()).digest()
    with mmap.mmap(-1, len(DATA)) as mm:
        mm.write(DATA)
        assert nacre.hash.blake2b(mm).digest() == hashlib.blake2b(DATA).digest()


def test_empty_buffers() -> None:
    for empty in (b"", bytearray(), memoryview(b""), memoryview(DATA)[10:10]):
        assert nacre.hash.sha256(empty).digest() == hashlib.sha256(b"").digest()
        assert nacre.hmac.digest(empty, empty, "sha256") == std_hmac.digest(b"", b"", "sha256")


def test_input_is_not_copied() -> None:
    # The C pointer refers to the caller's memory: a change made afterwards is visible through it.
    buf = bytearray(b"abcdef")

    @borrows
    def look() -> None:
        view = readable(memoryview(buf)[2:])
        assert len(view) == 4 and view[0] == ord("c")
        buf[2] = ord("Z")
        assert view[0] == ord("Z")

    look()


def test_views_end_with_their_scope() -> None:
    # A view is released when the borrowing function returns or raises: the memoryview can then
    # be released (it refuses while exported), and a view taken outside any scope is refused.
    mv = memoryview(bytearray(8))

    @borrows
    def fail() -> None:
        readable(mv)
        raise KeyError("after borrowing")

    with pytest.raises(KeyError):
        fail()
    mv.release()  # BufferError here if the view were still alive
    with pytest.raises(RuntimeError, match="outside a borrowing scope"):
        readable(b"x")


@pytest.mark.parametrize(
    "call",
    [
        lambda v: nacre.hash.sha256(v),
        lambda v: nacre.hash.digest("sha256", v),
        lambda v: nacre.hmac.digest(b"k", v, "sha256"),
        lambda v: nacre.aead.AESGCM(bytes(16)).encrypt(bytes(12), v, None),
    ],
)
def test_non_contiguous_memoryview_is_a_type_error(call: Callable[[memoryview], object]) -> None:
    with pytest.raises(TypeError, match="contiguous"):
        call(memoryview(DATA)[::2])


def test_released_memoryview_is_a_value_error() -> None:
    mv = memoryview(bytearray(8))
    mv.release()
    with pytest.raises(ValueError, match="released"):
        nacre.hash.sha256(mv)


def test_outputs_into_caller_buffers() -> None:
    region = bytearray(100)
    view = memoryview(region)
    assert nacre.hash.sha256(DATA).digest_into(view[10:42]) == 32
    assert nacre.hash.digest_into("sha384", DATA, view[50:98]) == 48
    assert region[10:42] == hashlib.sha256(DATA).digest()
    assert region[50:98] == hashlib.sha384(DATA).digest()
    assert region[:10] == bytes(10) and region[42:50] == bytes(8) and region[98:] == bytes(2)

    assert nacre.random_bytes_into(view[:0]) == 0
    assert nacre.random_bytes_into(view[:8]) == 8


def test_readonly_memoryview_cannot_be_an_output() -> None:
    with pytest.raises(TypeError):
        nacre.hash.sha256(DATA).digest_into(memoryview(bytes(32)))


# --- array.array and mmap.mmap: any buffer, in every kind of call --------------------------------
#
# Type checkers accept them (nacre's Buffer is collections.abc.Buffer); these check that the
# functions do too, with the same results as for bytes. Inputs of wider items (array "I") are read
# as their raw memory, as hashlib reads them.

KEY32 = bytes(range(32))
NONCE12 = bytes(range(12))
MSG = b"a message of some length " * 9  # 225 bytes: not a multiple of 4 or 8


def _u8_array(data: bytes) -> array.array[int]:
    return array.array("B", data)


def _u32_array(data: bytes) -> array.array[int]:
    if len(data) % 4:
        return _u8_array(data)  # only whole items fit in an "I" array
    words = array.array("I")
    words.frombytes(data)
    return words


class _Mmaps:
    """Anonymous mmaps holding copies of inputs, closed at the end of a test."""

    def __init__(self) -> None:
        self.open: List[mmap.mmap] = []

    def __call__(self, data: bytes) -> Any:
        if not data:
            return _u8_array(data)  # an mmap cannot be empty
        mm = mmap.mmap(-1, len(data))
        mm.write(data)
        self.open.append(mm)
        return mm

    def close(self) -> None:
        gc.collect()  # no cffi view may still export an mmap's memory when it closes
        for mm in self.open:
            mm.close()


def _keys() -> Dict[str, Any]:
    ed = Ed25519PrivateKey.from_raw(KEY32)
    x = X25519PrivateKey.from_raw(KEY32)
    ec = ECPrivateKey.from_raw(KEY32, curve="p256")
    ml = MLKEM768PrivateKey.from_seed(KEY32 + KEY32)
    return {"ed": ed, "x": x, "ec": ec, "ml": ml}


def _cases() -> List[Tuple[str, Callable[..., Any], List[bytes]]]:
    """(name, call, bytes arguments): each argument is swapped for other buffers in turn; the
    result must not change (calls that verify return None, or raise)."""
    k = _keys()
    ed, x, ec, ml = k["ed"], k["x"], k["ec"], k["ml"]
    aes = nacre.AESGCM(KEY32)
    ct = aes.encrypt(NONCE12, MSG, b"ad")
    xchacha = nacre.XChaCha20Poly1305(KEY32)
    stored = pwhash.hash_password(b"pw", opslimit=1, memlimit=8192, algorithm="argon2id")
    enc = ss.Encryptor(KEY32)
    return [
        ("hash.sha256", lambda d: nacre.hash.sha256(d).digest(), [MSG]),
        ("hash.blake2b keyed", lambda d, key: nacre.hash.blake2b(d, key=key).digest(),
         [MSG, KEY32]),
        ("hash.update", _updated, [MSG]),
        ("hash.digest xof", lambda d: nacre.hash.digest("shake_128", d, length=40), [MSG]),
        ("hash.digest", lambda d: nacre.hash.digest("sha512", d), [MSG]),
        ("hmac.digest", lambda key, d: nacre.hmac.digest(key, d, "sha256"), [KEY32, MSG]),
        ("hmac.new", lambda key, d: nacre.hmac.new(key, d, "sha384").digest(), [KEY32, MSG]),
        ("hmac.verify", lambda key, d, t: nacre.hmac.verify(key, d, "sha256", t),
         [KEY32, MSG, std_hmac.digest(KEY32, MSG, "sha256")]),
        ("compare_digest", nacre.compare_digest, [MSG, MSG]),
        ("aead key", lambda key: nacre.ChaCha20Poly1305(key).encrypt(NONCE12, MSG, None), [KEY32]),
        ("aead.encrypt", lambda n, d, ad: aes.encrypt(n, d, ad), [NONCE12, MSG, b"ad"]),
        ("aead.decrypt", lambda n, d, ad: aes.decrypt(n, d, ad), [NONCE12, ct, b"ad"]),
        ("aead.encrypt_detached", lambda n, d, ad: aes.encrypt_detached(n, d, ad),
         [NONCE12, MSG, b"ad"]),
        ("aead.decrypt_detached", lambda n, d, t, ad: aes.decrypt_detached(n, d, t, ad),
         [NONCE12, ct[:-16], ct[-16:], b"ad"]),
        ("aead.open", lambda box, ad: xchacha.open(box, ad), [xchacha.seal(MSG, b"ad"), b"ad"]),
        ("kdf.hkdf", lambda ikm, salt, info: nacre.kdf.hkdf("sha256", 42, ikm, salt, info),
         [KEY32, b"salt", b"info"]),
        ("kdf.hkdf_expand", lambda prk, info: nacre.kdf.hkdf_expand("sha256", 50, prk, info),
         [KEY32, b"info"]),
        ("kdf.pbkdf2_hmac", lambda pw, salt: nacre.kdf.pbkdf2_hmac("sha256", pw, salt, 10),
         [b"pw", b"salt"]),
        ("kdf.scrypt", lambda pw, salt: nacre.kdf.scrypt(pw, salt=salt, n=16, r=1, p=1),
         [b"pw", b"salt"]),
        ("kdf.derive_subkey", lambda key, ctx: nacre.kdf.derive_subkey(key, 7, ctx, 32),
         [KEY32, b"Messages"]),
        ("pwhash.verify_password", pwhash.verify_password, [stored.encode(), b"pw"]),
        ("pwhash.derive_key",
         lambda pw, salt: pwhash.derive_key(pw, salt, 16, opslimit=1, memlimit=8192),
         [b"pw", bytes(16)]),
        ("keys.from_raw", lambda d: Ed25519PrivateKey.from_raw(d).to_raw(), [KEY32]),
        ("keys.sign", ed.sign, [MSG]),
        ("keys.verify", ed.public_key().verify, [ed.sign(MSG), MSG]),
        ("keys.load_private_key pem", lambda d: load_private_key(d).public_key(),
         [ed.to_pkcs8_pem()]),
        ("keys.load_public_key der", load_public_key, [ec.public_key().to_spki_der()]),
        ("keys.from_sec1", ECPublicKey.from_sec1, [ec.public_key().to_sec1(compressed=True)]),
        ("keys.verify_digest", ec.public_key().verify_digest,
         [ec.sign_digest(bytes(32)), bytes(32)]),
        ("keys.decapsulate", ml.decapsulate, [ml.public_key().encapsulate()[0]]),
        ("box.seal_open", lambda d: box.seal_open(x, d), [box.seal(x.public_key(), MSG)]),
        ("box.encrypt", lambda d, n: box.Box(x, x.public_key()).encrypt(d, n), [MSG, bytes(24)]),
        ("box.decrypt", lambda d: box.Box(x, x.public_key()).decrypt(d),
         [box.Box(x, x.public_key()).encrypt(MSG)]),
        ("hpke.open", lambda d, info: hpke.open(hpke.Suite(3), x, d, info),
         [hpke.seal(hpke.Suite(3), x.public_key(), MSG, b"info"), b"info"]),
        ("secretstream.Decryptor", lambda key, header, m: ss.Decryptor(key, header).pull(m),
         [KEY32, enc.header, enc.push(MSG)]),
    ]


def _updated(data: Any) -> str:
    h = nacre.hash.sha3_256(b"x")
    h.update(data)
    return h.hexdigest()


@pytest.mark.parametrize("kind", ["array-B", "array-I", "mmap"])
def test_array_and_mmap_inputs(kind: str) -> None:
    mmaps = _Mmaps()
    convert = {"array-B": _u8_array, "array-I": _u32_array, "mmap": mmaps}[kind]
    try:
        for name, call, args in _cases():
            expected = call(*args)
            for i in range(len(args)):
                changed: List[Any] = list(args)
                changed[i] = convert(args[i])
                assert call(*changed) == expected, f"{name}, argument {i} as {kind}"
    finally:
        mmaps.close()


@pytest.mark.parametrize("kind", ["array-B", "mmap"])
def test_array_and_mmap_outputs(kind: str) -> None:
    mmaps = _Mmaps()

    def out(n: int) -> Any:
        return _u8_array(bytes(n)) if kind == "array-B" else mmaps(bytes(n))

    try:
        dst = out(32)
        assert nacre.hash.sha256(MSG).digest_into(dst) == 32
        assert bytes(dst) == hashlib.sha256(MSG).digest()
        dst = out(48)
        assert nacre.hash.digest_into("sha384", MSG, dst) == 48
        assert bytes(dst) == hashlib.sha384(MSG).digest()
        dst = out(20)
        assert nacre.hash.shake_256(MSG).digest_into(dst) == 20
        assert bytes(dst) == hashlib.shake_256(MSG).digest(20)
        dst = out(64)
        assert nacre.hmac.digest_into(KEY32, MSG, "sha512", dst) == 64
        assert bytes(dst) == std_hmac.digest(KEY32, MSG, "sha512")
        dst = out(32)
        assert nacre.hmac.new(KEY32, MSG, "sha256").digest_into(dst) == 32
        assert bytes(dst) == std_hmac.digest(KEY32, MSG, "sha256")
        dst = out(16)
        assert nacre.random_bytes_into(dst) == 16 and bytes(dst) != bytes(16)

        cipher = nacre.ChaCha20Poly1305(KEY32)
        sealed = out(len(MSG) + 16)
        assert cipher.encrypt_into(NONCE12, MSG, b"ad", sealed) == len(MSG) + 16
        assert bytes(sealed) == cipher.encrypt(NONCE12, MSG, b"ad")
        plain = out(len(MSG))
        assert cipher.decrypt_into(NONCE12, sealed, b"ad", plain) == len(MSG)
        assert bytes(plain) == MSG

        enc = ss.Encryptor(KEY32)
        message = out(len(MSG) + ss.OVERHEAD)
        assert enc.push_into(MSG, message) == len(MSG) + ss.OVERHEAD
        plain = out(len(MSG))
        assert ss.Decryptor(KEY32, enc.header).pull_into(message, plain) == (len(MSG), 0)
        assert bytes(plain) == MSG

        # age's file wrappers: written from, and read into, such buffers.
        identity = nacre.age.Identity.generate()
        f = io.BytesIO()
        with nacre.age.EncryptingWriter(f, [identity.to_public()]) as writer:
            writer.write(_u8_array(MSG[:100]))
            writer.write(mmaps(MSG[100:]))
        reader = nacre.age.DecryptingReader(io.BytesIO(f.getvalue()), [identity])
        plain = out(len(MSG))
        assert reader.readinto(plain) == len(MSG) and bytes(plain) == MSG
        assert reader.read() == b""
    finally:
        mmaps.close()
