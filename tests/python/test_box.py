"""nacre.box: sealed boxes and crypto_box (Box) round trips, sizes, nonces, tampering, wrong
keys and types. Interoperability with PyNaCl is in test_pk_interop.py.

Interpreter and nacre: see conftest.py.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
from nacre import box
from nacre.keys import Ed25519PrivateKey, X25519PrivateKey

MESSAGES = [b"", b"x", b"a sealed message", bytes(range(256)) * 64]


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x80
    return bytes(out)


def test_sizes_match_libsodium() -> None:
    # crypto_box_SEALBYTES = 32 + 16, crypto_box_MACBYTES = 16, crypto_box_NONCEBYTES = 24.
    assert (box.SEAL_OVERHEAD, box.OVERHEAD, box.NONCE_SIZE) == (48, 16, 24)


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: f"len{len(m)}")
def test_seal_round_trip(message: bytes) -> None:
    key = X25519PrivateKey.generate()
    sealed = box.seal(key.public_key(), message)
    assert len(sealed) == len(message) + box.SEAL_OVERHEAD
    assert box.seal(key.public_key(), message) != sealed  # a fresh ephemeral key each time
    assert box.seal_open(key, sealed) == message
    assert box.seal_open(key, bytearray(sealed)) == message
    assert box.seal_open(key, memoryview(sealed)) == message
    assert box.seal_open(key, box.seal(key.public_key(), bytearray(message))) == message


def test_seal_open_failures() -> None:
    key = X25519PrivateKey.generate()
    sealed = box.seal(key.public_key(), b"secret")
    for index in (0, 31, 32, len(sealed) - 1):
        with pytest.raises(nacre.InvalidTag):
            box.seal_open(key, _flip(sealed, index))
    with pytest.raises(nacre.InvalidTag):
        box.seal_open(X25519PrivateKey.generate(), sealed)  # another recipient
    for short in (b"", sealed[:47], sealed[:-1]):
        with pytest.raises(nacre.InvalidTag):
            box.seal_open(key, short)
    with pytest.raises(nacre.InvalidTag):
        box.seal_open(key, sealed + b"\x00")


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: f"len{len(m)}")
def test_box_random_nonce(message: bytes) -> None:
    alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    to_bob = box.Box(alice, bob.public_key())
    at_bob = box.Box(bob, alice.public_key())
    data = to_bob.encrypt(message)
    assert len(data) == box.NONCE_SIZE + len(message) + box.OVERHEAD
    other = to_bob.encrypt(message)
    assert other[: box.NONCE_SIZE] != data[: box.NONCE_SIZE]  # random nonces
    assert at_bob.decrypt(data) == message
    assert at_bob.decrypt(bytearray(other)) == message
    assert at_bob.decrypt(memoryview(data)) == message
    # Either side may encrypt: the box is symmetric in the pair of keys.
    assert to_bob.decrypt(at_bob.encrypt(message)) == message
    # The same nonce and ciphertext, passed apart.
    nonce, ct = data[: box.NONCE_SIZE], data[box.NONCE_SIZE :]
    assert at_bob.decrypt(ct, nonce) == message


def test_box_explicit_nonce() -> None:
    alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    to_bob = box.Box(alice, bob.public_key())
    at_bob = box.Box(bob, alice.public_key())
    nonce = nacre.random_bytes(box.NONCE_SIZE)
    ct = to_bob.encrypt(b"hello", nonce)
    assert len(ct) == 5 + box.OVERHEAD
    assert to_bob.encrypt(b"hello", bytearray(nonce)) == ct  # deterministic given the nonce
    assert at_bob.decrypt(ct, nonce) == b"hello"
    assert at_bob.decrypt(nonce + ct) == b"hello"  # the prepended form is the same
    with pytest.raises(nacre.InvalidTag):
        at_bob.decrypt(ct, _flip(nonce, 0))
    for n in (0, 12, 23, 25):
        with pytest.raises(ValueError):
            to_bob.encrypt(b"hello", bytes(n))
        with pytest.raises(ValueError):
            at_bob.decrypt(ct, bytes(n))


def test_box_failures() -> None:
    alice, bob, eve = (X25519PrivateKey.generate() for _ in range(3))
    to_bob = box.Box(alice, bob.public_key())
    data = to_bob.encrypt(b"for bob only")
    for index in (0, box.NONCE_SIZE, box.NONCE_SIZE + 16, len(data) - 1):
        with pytest.raises(nacre.InvalidTag):
            box.Box(bob, alice.public_key()).decrypt(_flip(data, index))
    with pytest.raises(nacre.InvalidTag):
        box.Box(eve, alice.public_key()).decrypt(data)  # not the recipient
    with pytest.raises(nacre.InvalidTag):
        box.Box(bob, eve.public_key()).decrypt(data)  # not the sender
    for short in (b"", data[: box.NONCE_SIZE + box.OVERHEAD - 1]):
        with pytest.raises(nacre.InvalidTag):
            box.Box(bob, alice.public_key()).decrypt(short)
    with pytest.raises(nacre.InvalidTag):
        box.Box(bob, alice.public_key()).decrypt(b"\x00" * 15, bytes(24))


@settings(max_examples=20)
@given(message=st.binary(max_size=500))
def test_box_and_seal_any_message(message: bytes) -> None:
    alice, bob = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    assert box.seal_open(bob, box.seal(bob.public_key(), message)) == message
    data = box.Box(alice, bob.public_key()).encrypt(message)
    assert box.Box(bob, alice.public_key()).decrypt(data) == message


def test_wrong_key_types() -> None:
    x = X25519PrivateKey.generate()
    ed = Ed25519PrivateKey.generate()
    bad_keys: Any = [ed.public_key(), ed, x.to_raw(), None]
    for bad in bad_keys + [x]:  # a private key where a public one is expected
        with pytest.raises(TypeError):
            box.seal(bad, b"m")
        with pytest.raises(TypeError):
            box.Box(x, bad)
    for bad in bad_keys + [x.public_key()]:
        with pytest.raises(TypeError):
            box.seal_open(bad, bytes(64))
        with pytest.raises(TypeError):
            box.Box(bad, x.public_key())
    with pytest.raises(TypeError):
        box.seal(x.public_key(), "text")  # type: ignore[arg-type]


def test_box_objects() -> None:
    x = X25519PrivateKey.generate()
    b = box.Box(x, x.public_key())
    assert x.to_raw().hex() not in repr(b)
    with pytest.raises(TypeError):
        pickle.dumps(b)
    # Boxing to oneself works (the same pair of keys on both ends).
    assert b.decrypt(b.encrypt(b"note to self")) == b"note to self"
