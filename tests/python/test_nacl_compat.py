"""nacre.secret and nacre.nacl against PyNaCl 1.6.2 (pinned in requirements-dev.txt): the same
bytes in both directions for every class and encoder, NaCl's published secretbox vector, and
PyNaCl's argument rules and exception classes.

Interpreter: a venv of requirements-dev.txt (conftest.py).
"""

from __future__ import annotations

import os
from typing import Any, List

import pytest

import nacre
from nacre import encoding as ours_encoding
from nacre.nacl import encoding as compat_encoding
from nacre.nacl import exceptions as compat_exc
from nacre.nacl import public as compat_public
from nacre.nacl import secret as compat_secret
from nacre.nacl import signing as compat_signing
from nacre.nacl import utils as compat_utils
from nacre.secret import EncryptedMessage, SecretBox
from vectors import read_vectors, vectors_dir

nacl_encoding = pytest.importorskip("nacl.encoding")
nacl_exceptions = pytest.importorskip("nacl.exceptions")
nacl_public = pytest.importorskip("nacl.public")
nacl_secret = pytest.importorskip("nacl.secret")
nacl_signing = pytest.importorskip("nacl.signing")

ENCODERS = [
    "RawEncoder",
    "HexEncoder",
    "Base16Encoder",
    "Base32Encoder",
    "Base64Encoder",
    "URLSafeBase64Encoder",
]


def _theirs(name: str) -> Any:
    return getattr(nacl_encoding, name)


def _ours(name: str) -> Any:
    return getattr(ours_encoding, name)


def test_pynacl_version() -> None:
    import nacl

    assert nacl.__version__ == "1.6.2"


@pytest.mark.parametrize("name", ENCODERS)
def test_encoders_match_pynacl(name: str) -> None:
    assert getattr(compat_encoding, name) is _ours(name)
    for n in (0, 1, 5, 31, 32, 33, 100):
        data = os.urandom(n)
        encoded = _ours(name).encode(data)
        assert encoded == _theirs(name).encode(data)
        assert _ours(name).decode(encoded) == data == _theirs(name).decode(encoded)


@pytest.mark.parametrize("name", ["HexEncoder", "Base16Encoder", "Base32Encoder"])
def test_encoders_refuse_what_pynacl_refuses(name: str) -> None:
    for bad in (b"zz", b"abc", b"!!!!!!!!"):
        with pytest.raises(ValueError) as theirs:
            _theirs(name).decode(bad)
        with pytest.raises(type(theirs.value)):
            _ours(name).decode(bad)


def _nacl_vector() -> Any:
    vecs = [v for v in read_vectors(vectors_dir() / "nacl_box.txt") if "BOX" in v]
    assert len(vecs) == 1
    return vecs[0]


def test_secretbox_nacl_vector() -> None:
    v = _nacl_vector()
    key, nonce, msg, want = (v.hex(k) for k in ("SHARED_KEY", "NONCE", "MSG", "BOX"))
    for cls in (SecretBox, compat_secret.SecretBox):
        sealed = cls(key).encrypt(msg, nonce)
        assert isinstance(sealed, EncryptedMessage)
        assert sealed == nonce + want and sealed.nonce == nonce and sealed.ciphertext == want
        assert cls(key).decrypt(want, nonce) == msg
        assert cls(key).decrypt(sealed) == msg
        assert cls(key).decrypt(memoryview(bytearray(nonce + want))) == msg
    assert SecretBox(bytearray(key)).decrypt(memoryview(bytearray(want)), bytearray(nonce)) == msg
    with pytest.raises(compat_exc.TypeError):  # PyNaCl's rule: keys are bytes
        compat_secret.SecretBox(bytearray(key))  # type: ignore[arg-type]


def test_box_nacl_vector() -> None:
    v = _nacl_vector()
    alice = compat_public.PrivateKey(v.hex("ALICE_PRIVATE"))
    bob = compat_public.PrivateKey(v.hex("BOB_PRIVATE"))
    assert bytes(alice.public_key) == v.hex("ALICE_PUBLIC")
    box = compat_public.Box(alice, bob.public_key)
    assert (
        box.shared_key()
        == v.hex("SHARED_KEY")
        == compat_public.Box(bob, alice.public_key).shared_key()
    )
    assert box.encrypt(v.hex("MSG"), v.hex("NONCE")).ciphertext == v.hex("BOX")
    assert nacre.box.shared_key(
        nacre.X25519PrivateKey.from_raw(v.hex("BOB_PRIVATE")),
        nacre.X25519PublicKey.from_raw(v.hex("ALICE_PUBLIC")),
    ) == v.hex("SHARED_KEY")


@pytest.mark.parametrize("name", ENCODERS)
def test_secretbox_both_ways(name: str) -> None:
    key = os.urandom(32)
    theirs = nacl_secret.SecretBox(key)
    for ours in (SecretBox(key), compat_secret.SecretBox(key)):
        for msg in (b"", b"x", os.urandom(1000)):
            nonce = os.urandom(24)
            mine = ours.encrypt(msg, nonce, encoder=_ours(name))
            assert mine == theirs.encrypt(msg, nonce, encoder=_theirs(name))
            assert mine.nonce == _ours(name).encode(nonce)
            assert theirs.decrypt(mine, encoder=_theirs(name)) == msg
            assert (
                ours.decrypt(theirs.encrypt(msg, encoder=_theirs(name)), encoder=_ours(name)) == msg
            )
            detached = theirs.encrypt(msg, nonce)
            assert ours.decrypt(detached.ciphertext, detached.nonce) == msg
    # The key itself, encoded.
    encoded = _ours(name).encode(key)
    assert compat_secret.SecretBox(encoded, _ours(name)).encode(_ours(name)) == encoded
    assert SecretBox(encoded, encoder=_theirs(name)).decrypt(theirs.encrypt(b"k")) == b"k"


def test_secretbox_rejects_tampering_and_releases_nothing() -> None:
    key = os.urandom(32)
    box = SecretBox(key)
    sealed = bytearray(box.encrypt(b"attack at dawn"))
    for i in (0, 24, 30, len(sealed) - 1):  # nonce, tag, ciphertext
        bad = bytearray(sealed)
        bad[i] ^= 1
        with pytest.raises(nacre.InvalidTag):
            box.decrypt(bytes(bad))
        with pytest.raises(compat_exc.CryptoError):
            compat_secret.SecretBox(key).decrypt(bytes(bad))
    with pytest.raises(compat_exc.CryptoError):  # another key
        compat_secret.SecretBox(os.urandom(32)).decrypt(bytes(sealed))
    for short in (b"", bytes(24), bytes(39)):
        with pytest.raises(nacre.InvalidTag):
            box.decrypt(short)
    with pytest.raises(nacre.InvalidTag):
        box.decrypt(bytes(15), bytes(24))


def test_secretbox_argument_errors() -> None:
    with pytest.raises(nacre.InvalidKey):
        SecretBox(bytes(31))
    with pytest.raises(TypeError):
        SecretBox("a" * 32)  # type: ignore[arg-type]
    key = bytes(range(1, 33))
    box = SecretBox(key)
    with pytest.raises(nacre.InvalidArgument):
        box.encrypt(b"m", bytes(23))
    with pytest.raises(nacre.InvalidArgument):
        box.decrypt(bytes(40), bytes(25))
    with pytest.raises(TypeError):
        bytes(box)  # the key stays in the library
    for text in (repr(box), str(box)):
        assert key.hex() not in text and str(key) not in text and repr(key) not in text
    with pytest.raises(TypeError):
        import pickle

        pickle.dumps(box)
    # PyNaCl's class and messages, for the compatibility class.
    for bad, exc in ((bytes(31), compat_exc.ValueError), ("x" * 32, compat_exc.TypeError)):
        with pytest.raises(exc) as ours:
            compat_secret.SecretBox(bad)  # type: ignore[arg-type]
        theirs_exc = (
            nacl_exceptions.ValueError
            if exc is compat_exc.ValueError
            else nacl_exceptions.TypeError
        )
        with pytest.raises(theirs_exc) as theirs:
            nacl_secret.SecretBox(bad)
        assert str(ours.value) == str(theirs.value)
    assert len(SecretBox.generate_key()) == SecretBox.KEY_SIZE == 32
    assert SecretBox.NONCE_SIZE == 24 and SecretBox.MACBYTES == 16


@pytest.mark.parametrize("name", ["RawEncoder", "HexEncoder", "Base64Encoder"])
def test_aead_both_ways(name: str) -> None:
    key = os.urandom(32)
    theirs, ours = nacl_secret.Aead(key), compat_secret.Aead(key)
    for msg, aad in ((b"", b""), (b"m", b"aad"), (os.urandom(500), os.urandom(10))):
        nonce = os.urandom(24)
        mine = ours.encrypt(msg, aad, nonce, encoder=_ours(name))
        assert mine == theirs.encrypt(msg, aad, nonce, encoder=_theirs(name))
        assert theirs.decrypt(mine, aad, encoder=_theirs(name)) == msg
        assert (
            ours.decrypt(theirs.encrypt(msg, aad, encoder=_theirs(name)), aad, encoder=_ours(name))
            == msg
        )
    with pytest.raises(compat_exc.CryptoError):
        ours.decrypt(theirs.encrypt(b"m", b"a"), b"b")
    with pytest.raises(compat_exc.ValueError):
        ours.encrypt(b"m", b"", bytes(12))


@pytest.mark.parametrize("name", ENCODERS)
def test_box_both_ways(name: str) -> None:
    a_raw, b_raw = os.urandom(32), os.urandom(32)
    ours_a = compat_public.PrivateKey(_ours(name).encode(a_raw), _ours(name))
    theirs_b = nacl_public.PrivateKey(b_raw)
    assert bytes(ours_a) == a_raw
    assert bytes(ours_a.public_key) == bytes(nacl_public.PrivateKey(a_raw).public_key)
    ours_box = compat_public.Box(ours_a, compat_public.PublicKey(bytes(theirs_b.public_key)))
    theirs_box = nacl_public.Box(theirs_b, nacl_public.PublicKey(bytes(ours_a.public_key)))
    assert ours_box.shared_key() == theirs_box.shared_key() == bytes(ours_box)
    nonce = os.urandom(24)
    msg = os.urandom(77)
    mine = ours_box.encrypt(msg, nonce, encoder=_ours(name))
    assert mine == theirs_box.encrypt(msg, nonce, encoder=_theirs(name))
    assert theirs_box.decrypt(mine, encoder=_theirs(name)) == msg
    assert (
        ours_box.decrypt(theirs_box.encrypt(msg, encoder=_theirs(name)), encoder=_ours(name)) == msg
    )
    # A Box from a shared key, as PyNaCl's Box.decode makes one.
    again = compat_public.Box.decode(ours_box.encode(_ours(name)), _ours(name))
    assert again.decrypt(theirs_box.encrypt(b"again")) == b"again"
    # nacre's own Box reads PyNaCl's output too.
    native = nacre.box.Box(
        nacre.X25519PrivateKey.from_raw(a_raw),
        nacre.X25519PublicKey.from_raw(bytes(theirs_b.public_key)),
    )
    assert native.decrypt(theirs_box.encrypt(b"native")) == b"native"


def test_private_key_from_seed_matches_pynacl() -> None:
    for _ in range(5):
        seed = os.urandom(32)
        ours, theirs = (
            compat_public.PrivateKey.from_seed(seed),
            nacl_public.PrivateKey.from_seed(seed),
        )
        assert bytes(ours) == bytes(theirs)
        assert bytes(ours.public_key) == bytes(theirs.public_key)
    with pytest.raises(compat_exc.TypeError):
        compat_public.PrivateKey.from_seed(bytes(31))


@pytest.mark.parametrize("name", ENCODERS)
def test_sealed_box_both_ways(name: str) -> None:
    ours = compat_public.PrivateKey.generate()
    theirs = nacl_public.PrivateKey.generate()
    msg = os.urandom(50)
    to_them = compat_public.SealedBox(compat_public.PublicKey(bytes(theirs.public_key))).encrypt(
        msg, _ours(name)
    )
    assert nacl_public.SealedBox(theirs).decrypt(to_them, _theirs(name)) == msg
    to_us = nacl_public.SealedBox(nacl_public.PublicKey(bytes(ours.public_key))).encrypt(
        msg, _theirs(name)
    )
    assert compat_public.SealedBox(ours).decrypt(to_us, _ours(name)) == msg
    with pytest.raises(TypeError):
        compat_public.SealedBox(ours.public_key).decrypt(to_us, _ours(name))
    with pytest.raises(compat_exc.TypeError):
        compat_public.SealedBox(b"\x00" * 32)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ENCODERS)
def test_signing_both_ways(name: str) -> None:
    seed = os.urandom(32)
    ours = compat_signing.SigningKey(_ours(name).encode(seed), _ours(name))
    theirs = nacl_signing.SigningKey(seed)
    assert bytes(ours) == seed
    assert ours.verify_key.encode(_ours(name)) == theirs.verify_key.encode(_theirs(name))
    for msg in (b"", b"m", os.urandom(300)):
        signed = ours.sign(msg, _ours(name))
        theirs_signed = theirs.sign(msg, _theirs(name))
        assert signed == theirs_signed  # Ed25519 is deterministic
        assert (
            signed.signature == theirs_signed.signature and signed.message == theirs_signed.message
        )
        assert theirs.verify_key.verify(signed, encoder=_theirs(name)) == msg
        vk = compat_signing.VerifyKey(theirs.verify_key.encode(_theirs(name)), _ours(name))
        assert vk.verify(theirs_signed, encoder=_ours(name)) == msg
        raw = theirs.sign(msg)
        assert vk.verify(msg, raw.signature) == msg
        assert vk.verify(_ours(name).encode(msg), raw.signature, encoder=_ours(name)) == msg
    forged = bytearray(theirs.sign(b"pay 10"))
    forged[3] ^= 1
    vk = compat_signing.VerifyKey(bytes(theirs.verify_key))
    for bad in (bytes(forged), b"short"):
        with pytest.raises(compat_exc.BadSignatureError):
            vk.verify(bad)
        with pytest.raises(nacl_exceptions.BadSignatureError):
            theirs.verify_key.verify(bad)
    with pytest.raises(compat_exc.ValueError):
        vk.verify(b"m", bytes(63))
    with pytest.raises(compat_exc.TypeError):
        vk.verify(b"m", bytearray(64))  # type: ignore[arg-type]


def test_curve25519_conversions_match_pynacl() -> None:
    for _ in range(5):
        seed = os.urandom(32)
        ours, theirs = compat_signing.SigningKey(seed), nacl_signing.SigningKey(seed)
        assert bytes(ours.to_curve25519_private_key()) == bytes(theirs.to_curve25519_private_key())
        assert bytes(ours.verify_key.to_curve25519_public_key()) == bytes(
            theirs.verify_key.to_curve25519_public_key()
        )
        assert (
            ours.to_curve25519_private_key().public_key
            == ours.verify_key.to_curve25519_public_key()
        )


def test_libsodium_conversion_vector() -> None:
    vecs = [v for v in read_vectors(vectors_dir() / "nacl_box.txt") if "ED25519_SEED" in v]
    assert len(vecs) == 1
    ed = nacre.Ed25519PrivateKey.from_raw(vecs[0].hex("ED25519_SEED"))
    assert ed.to_x25519().to_raw() == vecs[0].hex("X25519_PRIVATE")
    assert ed.public_key().to_x25519().to_raw() == vecs[0].hex("X25519_PUBLIC")
    assert ed.to_x25519().public_key() == ed.public_key().to_x25519()


def test_keys_compare_and_hash_like_pynacl() -> None:
    seed = os.urandom(32)
    a, b = compat_signing.SigningKey(seed), compat_signing.SigningKey(seed)
    assert a == b and hash(a) == hash(b) and a != compat_signing.SigningKey.generate()
    assert a.verify_key == b.verify_key and hash(a.verify_key) == hash(b.verify_key)
    assert compat_public.PrivateKey(seed) == compat_public.PrivateKey(seed)
    assert a != seed and a.verify_key != bytes(a.verify_key)
    for secret_holder in (
        a,
        compat_public.PrivateKey(seed),
        compat_secret.SecretBox(seed),
        compat_secret.Aead(seed),
    ):
        text = str(secret_holder) + repr(secret_holder)
        assert seed.hex() not in text and str(seed) not in text  # secrets are not printed
    assert str(a.verify_key) == str(bytes(a.verify_key))  # PyNaCl's str() of public keys


def test_exception_classes() -> None:
    assert compat_exc.CryptoError is nacre.Error
    assert compat_exc.BadSignatureError is nacre.InvalidSignature
    assert issubclass(compat_exc.ValueError, ValueError) and issubclass(
        compat_exc.ValueError, nacre.Error
    )
    assert issubclass(compat_exc.TypeError, TypeError) and issubclass(
        compat_exc.TypeError, nacre.Error
    )
    assert issubclass(nacre.InvalidTag, compat_exc.CryptoError)
    with pytest.raises(compat_exc.AssertionError):
        compat_exc.ensure(False, "no")
    with pytest.raises(compat_exc.ValueError):
        compat_exc.ensure(False, "no", raising=compat_exc.ValueError)
    compat_exc.ensure(True)
    with pytest.raises(TypeError):
        compat_exc.ensure(True, other=ValueError)


def test_utils() -> None:
    assert len(compat_utils.random()) == 32 and len(compat_utils.random(7)) == 7
    assert compat_utils.EncryptedMessage is EncryptedMessage
    assert compat_utils.bytes_as_string(b"ab") == "ab"


def test_module_names_match_pynacl() -> None:
    # Every public class of the PyNaCl modules this one mirrors is here, under the same name.
    wanted: List[Any] = [
        (nacl_secret, compat_secret, ["SecretBox", "Aead"]),
        (nacl_public, compat_public, ["PublicKey", "PrivateKey", "Box", "SealedBox"]),
        (nacl_signing, compat_signing, ["SignedMessage", "VerifyKey", "SigningKey"]),
        (nacl_encoding, compat_encoding, ENCODERS + ["Encodable"]),
    ]
    for theirs, ours, names in wanted:
        for n in names:
            assert hasattr(theirs, n) and hasattr(ours, n), n
    for n in (
        "CryptoError",
        "BadSignatureError",
        "TypeError",
        "ValueError",
        "RuntimeError",
        "AssertionError",
        "InvalidkeyError",
        "CryptPrefixError",
        "UnavailableError",
        "ensure",
    ):
        assert hasattr(nacl_exceptions, n) and hasattr(compat_exc, n), n


def test_verified_message_is_a_private_copy() -> None:
    signer = nacl_signing.SigningKey.generate()
    buf = bytearray(signer.sign(b"hello"))
    got = compat_signing.VerifyKey(bytes(signer.verify_key)).verify(memoryview(buf))
    buf[64:] = b"Jello"  # the caller's buffer changes after the check
    assert got == b"hello" and type(got) is bytes


def test_aead_nonce_must_be_bytes_as_in_pynacl() -> None:
    ours, theirs = compat_secret.Aead(bytes(32)), nacl_secret.Aead(bytes(32))
    for nonce in (memoryview(bytes(24)), bytearray(24)):
        with pytest.raises(compat_exc.TypeError):
            ours.encrypt(b"m", b"", nonce)  # type: ignore[arg-type]
        with pytest.raises(nacl_exceptions.TypeError):
            theirs.encrypt(b"m", b"", nonce)


def test_compat_objects_pickle_and_copy_as_pynacl_ones() -> None:
    import copy
    import pickle

    pair, signer = compat_public.PrivateKey.generate(), compat_signing.SigningKey.generate()
    objects: List[Any] = [
        compat_secret.SecretBox(os.urandom(32)),
        compat_secret.Aead(os.urandom(32)),
        pair,
        pair.public_key,
        signer,
        signer.verify_key,
        compat_public.Box(pair, pair.public_key),
        compat_public.SealedBox(pair),
        compat_public.SealedBox(pair.public_key),
    ]
    for obj in objects:
        for again in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
            assert type(again) is type(obj) and bytes(again) == bytes(obj), type(obj)
    box = compat_public.Box(pair, pair.public_key)
    assert pickle.loads(pickle.dumps(box)).decrypt(box.encrypt(b"m")) == b"m"
    sealed = compat_public.SealedBox(pair)
    assert pickle.loads(pickle.dumps(sealed)).decrypt(sealed.encrypt(b"m")) == b"m"
    with pytest.raises(TypeError):
        pickle.dumps(SecretBox(bytes(32)))  # nacre's own class keeps its key in the library


def test_sealed_box_is_generic_and_ensure_wants_true() -> None:
    assert compat_public.SealedBox[compat_public.PrivateKey] is not None
    with pytest.raises(compat_exc.AssertionError):
        compat_exc.ensure(1)  # type: ignore[arg-type]  # PyNaCl: only True passes
    with pytest.raises(nacl_exceptions.AssertionError):
        nacl_exceptions.ensure(1)
