"""PKCS#1, SEC1 and encrypted PKCS#8 keys: pyca/cryptography 50.0.2 reads what nacre writes and
nacre reads what pyca writes, byte for byte where both are deterministic; refusals say what was
found."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization as ser
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa, x25519

import nacre
from nacre.keys import (
    ECPrivateKey,
    Ed25519PrivateKey,
    RSAPrivateKey,
    RSAPublicKey,
    load_private_key,
    load_public_key,
)

PEM, DER = ser.Encoding.PEM, ser.Encoding.DER
PKCS8, TRADITIONAL = ser.PrivateFormat.PKCS8, ser.PrivateFormat.TraditionalOpenSSL
NONE = ser.NoEncryption()


@functools.cache
def _rsa() -> Any:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def _ec(curve: str) -> Any:
    return ec.generate_private_key({"p256": ec.SECP256R1(), "p384": ec.SECP384R1(),
                                    "p521": ec.SECP521R1()}[curve])


def _theirs_pkcs8(key: Any) -> bytes:
    return bytes(key.private_bytes(DER, PKCS8, NONE))


@pytest.mark.parametrize("enc", [PEM, DER], ids=["pem", "der"])
def test_pkcs1_rsa_both_ways(enc: Any) -> None:
    theirs = _rsa()
    ours = RSAPrivateKey.from_pkcs8_der(_theirs_pkcs8(theirs))
    traditional = theirs.private_bytes(enc, TRADITIONAL, NONE)
    assert (ours.to_pkcs1_pem() if enc is PEM else ours.to_pkcs1_der()) == traditional
    loaded = RSAPrivateKey.from_pkcs1_pem(traditional) if enc is PEM else \
        RSAPrivateKey.from_pkcs1_der(traditional)
    assert loaded == ours and load_private_key(traditional) == ours
    public = theirs.public_key().public_bytes(enc, ser.PublicFormat.PKCS1)
    assert (ours.public_key().to_pkcs1_pem() if enc is PEM else
            ours.public_key().to_pkcs1_der()) == public
    assert load_public_key(public) == ours.public_key()
    assert (RSAPublicKey.from_pkcs1_pem(public) if enc is PEM else
            RSAPublicKey.from_pkcs1_der(public)) == ours.public_key()
    assert ser.load_der_private_key(ours.to_pkcs1_der(), None).private_numbers() == \
        theirs.private_numbers()


@pytest.mark.parametrize("curve", ["p256", "p384", "p521"])
@pytest.mark.parametrize("enc", [PEM, DER], ids=["pem", "der"])
def test_sec1_ec_both_ways(curve: str, enc: Any) -> None:
    theirs = _ec(curve)
    ours = ECPrivateKey.from_pkcs8_der(_theirs_pkcs8(theirs))
    traditional = theirs.private_bytes(enc, TRADITIONAL, NONE)
    assert (ours.to_sec1_pem() if enc is PEM else ours.to_sec1_der()) == traditional
    assert (ECPrivateKey.from_sec1_pem(traditional) if enc is PEM else
            ECPrivateKey.from_sec1_der(traditional)) == ours
    assert load_private_key(traditional) == ours


KEYS = {
    "ed25519": lambda: ed25519.Ed25519PrivateKey.generate(),
    "x25519": lambda: x25519.X25519PrivateKey.generate(),
    "p256": lambda: _ec("p256"),
    "p521": lambda: _ec("p521"),
    "rsa": _rsa,
}


@pytest.mark.parametrize("name", sorted(KEYS))
@pytest.mark.parametrize("enc", [PEM, DER], ids=["pem", "der"])
def test_encrypted_pkcs8_both_ways(name: str, enc: Any) -> None:
    theirs = KEYS[name]()
    ours = load_private_key(_theirs_pkcs8(theirs))
    password = b"correct horse"
    # pyca's BestAvailableEncryption (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC) -> nacre.
    sealed = theirs.private_bytes(enc, PKCS8, ser.BestAvailableEncryption(password))
    assert load_private_key(sealed, password) == ours
    assert type(ours).from_encrypted_pkcs8_der(sealed, password) == ours if enc is DER else \
        type(ours).from_encrypted_pkcs8_pem(sealed, password) == ours
    with pytest.raises(nacre.InvalidKey, match="password is wrong"):
        load_private_key(sealed, b"wrong")
    # nacre -> pyca.
    mine = ours.to_encrypted_pkcs8_pem(password, 2048) if enc is PEM else \
        ours.to_encrypted_pkcs8_der(password, 2048)
    loader = ser.load_pem_private_key if enc is PEM else ser.load_der_private_key
    back = loader(mine, password)
    assert back.private_bytes(DER, PKCS8, NONE) == _theirs_pkcs8(theirs)
    assert load_private_key(mine, password) == ours


def test_passwords_as_pyca_wants_them() -> None:
    key = Ed25519PrivateKey.generate()
    sealed = key.to_encrypted_pkcs8_pem(b"pw", 1000)
    with pytest.raises(TypeError, match="needs a password"):
        load_private_key(sealed)
    with pytest.raises(TypeError, match="not encrypted"):
        load_private_key(key.to_pkcs8_pem(), b"pw")
    assert load_private_key(key.to_encrypted_pkcs8_der(b"", 1), b"") == key  # empty password
    assert b"ENCRYPTED PRIVATE KEY" in sealed
    assert nacre.keys.DEFAULT_PBKDF2_ITERATIONS == 600000
    for bad in (-1, 2**32):
        with pytest.raises(ValueError):
            key.to_encrypted_pkcs8_der(b"pw", bad)


def test_refusals_name_what_was_found() -> None:
    theirs = _rsa()
    with pytest.raises(nacre.InvalidKey, match=r"'RSA PRIVATE KEY'.*PKCS#1"):
        RSAPrivateKey.from_pkcs8_pem(theirs.private_bytes(PEM, TRADITIONAL, NONE))
    legacy = theirs.private_bytes(PEM, TRADITIONAL, ser.BestAvailableEncryption(b"pw"))
    assert b"Proc-Type" in legacy
    for call in (lambda: load_private_key(legacy), lambda: load_private_key(legacy, b"pw")):
        with pytest.raises(nacre.UnsupportedAlgorithm, match="Proc-Type"):
            call()
    openssh = ed25519.Ed25519PrivateKey.generate().private_bytes(
        PEM, ser.PrivateFormat.OpenSSH, NONE)
    with pytest.raises(nacre.InvalidKey, match="OpenSSH"):
        load_private_key(openssh)
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(nacre.InvalidKey, match=r"1024 bits.*2048 to 4096"):
        load_private_key(_theirs_pkcs8(small))


def test_legacy_rsa_public_keys_verify_only() -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    sig = small.sign(b"old", padding.PKCS1v15(), hashes.SHA256())
    for enc, fmt in ((DER, ser.PublicFormat.SubjectPublicKeyInfo), (PEM, ser.PublicFormat.PKCS1),
                     (PEM, ser.PublicFormat.SubjectPublicKeyInfo), (DER, ser.PublicFormat.PKCS1)):
        data = small.public_key().public_bytes(enc, fmt)
        with pytest.raises(nacre.InvalidKey, match=r"load_legacy_rsa_public_key|legacy"):
            load_public_key(data)
        key = nacre.keys.load_legacy_rsa_public_key(data)
        assert key.key_size == 1024
        key.verify(sig, b"old", "pkcs1v15")
        with pytest.raises(nacre.InvalidSignature):
            key.verify(sig, b"new", "pkcs1v15")
        with pytest.raises(nacre.InvalidKey, match="verifies signatures only"):
            key.encrypt(b"secret")
    with pytest.raises(ValueError):
        nacre.keys.load_legacy_rsa_public_key(small.private_bytes(DER, PKCS8, NONE))
    with pytest.raises(nacre.InvalidKey):
        nacre.keys.load_legacy_rsa_public_key(
            _ec("p256").public_key().public_bytes(DER, ser.PublicFormat.SubjectPublicKeyInfo))
    # Below 1024 bits nothing is taken (a public modulus needs no primes to be written).
    tiny = rsa.RSAPublicNumbers(65537, (1 << 1015) | 1).public_key()
    with pytest.raises(nacre.InvalidKey, match="1016 bits"):
        nacre.keys.load_legacy_rsa_public_key(tiny.public_bytes(
            DER, ser.PublicFormat.SubjectPublicKeyInfo))
    # 2048 bits and more are taken too, and stay full keys.
    full = nacre.keys.load_legacy_rsa_public_key(_rsa().public_key().public_bytes(
        PEM, ser.PublicFormat.SubjectPublicKeyInfo))
    assert full.key_size == 2048 and len(full.encrypt(b"x")) == 256
