"""Key agreement: X25519 (RFC 7748 vectors, both backends, small-order peers) and ECDH on P-256
and P-384; wrong peers and types.

Interpreter and nacre: see conftest.py.
Expected values come from RFC 7748; agreement with pyca/cryptography is in test_pk_interop.py.
"""

from __future__ import annotations

from typing import Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    X25519PrivateKey,
    X25519PublicKey,
)

X25519_BACKENDS = ["boringssl", "sodium", None]  # nacre.h: X25519 on both backends

# RFC 7748 section 6.1.
ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"

# Points of small order on Curve25519: u = 0, u = 1 and a point of order 8 (from libsodium's
# blocklist in crypto_scalarmult/curve25519/ref10); X25519 with any of them is all zeros.
SMALL_ORDER = [
    bytes(32),
    b"\x01" + bytes(31),
    bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
]


@pytest.mark.parametrize("backend", X25519_BACKENDS)
def test_x25519_rfc7748(backend: Optional[str]) -> None:
    alice = X25519PrivateKey.from_raw(bytes.fromhex(ALICE_PRIVATE))
    bob = X25519PrivateKey.from_raw(bytes.fromhex(BOB_PRIVATE))
    assert alice.public_key().to_raw() == bytes.fromhex(ALICE_PUBLIC)
    assert bob.public_key().to_raw() == bytes.fromhex(BOB_PUBLIC)
    bob_public = X25519PublicKey.from_raw(bytes.fromhex(BOB_PUBLIC))
    assert alice.exchange(bob_public, backend=backend) == bytes.fromhex(SHARED)
    assert bob.exchange(alice.public_key(), backend=backend) == bytes.fromhex(SHARED)


@settings(max_examples=20)
@given(a=st.binary(min_size=32, max_size=32), b=st.binary(min_size=32, max_size=32))
def test_x25519_symmetric_and_backends_agree(a: bytes, b: bytes) -> None:
    alice, bob = X25519PrivateKey.from_raw(a), X25519PrivateKey.from_raw(b)
    secrets = {
        alice.exchange(bob.public_key(), backend="boringssl"),
        alice.exchange(bob.public_key(), backend="sodium"),
        bob.exchange(alice.public_key(), backend="boringssl"),
        bob.exchange(alice.public_key(), backend="sodium"),
    }
    assert len(secrets) == 1
    secret = secrets.pop()
    assert len(secret) == 32 and secret != bytes(32)


@pytest.mark.parametrize("backend", X25519_BACKENDS)
@pytest.mark.parametrize("point", SMALL_ORDER, ids=["zero", "one", "order8"])
def test_x25519_small_order_peer(point: bytes, backend: Optional[str]) -> None:
    # nacre.h: the import accepts it; nacre_key_agree refuses the all-zero result.
    peer = X25519PublicKey.from_raw(point)
    with pytest.raises(nacre.InvalidKey):
        X25519PrivateKey.generate().exchange(peer, backend=backend)


def test_x25519_different_peers_differ() -> None:
    key = X25519PrivateKey.generate()
    one, two = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    assert key.exchange(one.public_key()) != key.exchange(two.public_key())


@pytest.mark.parametrize("curve,size", [("p256", 32), ("p384", 48)])
def test_ecdh(curve: str, size: int) -> None:
    alice, bob = ECPrivateKey.generate(curve), ECPrivateKey.generate(curve)
    secret = alice.exchange(bob.public_key())
    assert len(secret) == size
    assert bob.exchange(alice.public_key()) == secret
    assert alice.exchange(bob.public_key(), backend="boringssl") == secret
    # The peer's key read back from its encodings gives the same secret.
    point = bob.public_key().to_sec1(compressed=True)
    assert alice.exchange(ECPublicKey.from_sec1(point)) == secret
    assert alice.exchange(ECPrivateKey.generate(curve).public_key()) != secret
    # nacre.h: ECDH on BoringSSL only.
    with pytest.raises(nacre.UnsupportedAlgorithm):
        alice.exchange(bob.public_key(), backend="sodium")


def test_ecdh_curves_do_not_mix() -> None:
    p256, p384 = ECPrivateKey.generate("p256"), ECPrivateKey.generate("p384")
    with pytest.raises(nacre.InvalidKey):
        p256.exchange(p384.public_key())
    with pytest.raises(ValueError):
        p384.exchange(p256.public_key())


def test_exchange_with_wrong_types() -> None:
    x, ec = X25519PrivateKey.generate(), ECPrivateKey.generate("p256")
    ed = Ed25519PrivateKey.generate()
    for bad in (ed.public_key(), ec.public_key(), x, b"\x09" + bytes(31), None):
        with pytest.raises(TypeError):
            x.exchange(bad)  # type: ignore[arg-type]
    for bad in (x.public_key(), ec, ed.public_key()):
        with pytest.raises(TypeError):
            ec.exchange(bad)  # type: ignore[arg-type]
    assert not hasattr(ed, "exchange")
    with pytest.raises(ValueError):
        x.exchange(x.public_key(), backend="nonsense")
