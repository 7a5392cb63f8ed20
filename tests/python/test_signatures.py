"""Signatures: Ed25519 (RFC 8032 vectors, both backends), ECDSA on P-256 and P-384 (DER and
P1363, over messages and digests), RSA-PSS and PKCS#1 v1.5 verification; tampering, strictness,
sizes, types and threads.

Interpreter and nacre: see conftest.py.
Expected values come from RFC 8032 and the standards; signatures made by pyca/cryptography are
checked in test_pk_interop.py.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from typing import Any, List, Optional, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    RSAPrivateKey,
)

# nacre.h: "Ed25519 (RFC 8032, pure) runs on both backends; everything else on BoringSSL".
ED25519_BACKENDS: List[Optional[str]] = ["boringssl", "sodium", None]

# RFC 8032 section 7.1, TEST 1, 2 and 3: (secret key, public key, message, signature).
RFC8032 = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
]
# The order of the Ed25519 group (RFC 8032 section 5.1).
ED25519_L = 2**252 + 27742317777372353535851937790883648493

# ECDSA: curve -> (its hash, the P1363 signature size: twice the group order's size).
ECDSA = {
    "p256": (hashlib.sha256, 64),
    "p384": (hashlib.sha384, 96),
}
MESSAGES = [b"", b"a", b"message to sign", bytes(range(256)) * 40]


@functools.cache
def _rsa_key() -> RSAPrivateKey:
    return RSAPrivateKey.generate(2048)


def _flip(data: bytes, index: int, bit: int = 0) -> bytes:
    out = bytearray(data)
    out[index] ^= 1 << bit
    return bytes(out)


def _der_integers(sig: bytes) -> Tuple[int, int]:
    """(r, s) of an X9.62 Ecdsa-Sig-Value, read here (short-form lengths only, as in these
    sizes)."""
    assert sig[0] == 0x30 and sig[1] == len(sig) - 2
    values = []
    i = 2
    for _ in range(2):
        assert sig[i] == 0x02
        n = sig[i + 1]
        values.append(int.from_bytes(sig[i + 2 : i + 2 + n], "big"))
        i += 2 + n
    assert i == len(sig)
    return values[0], values[1]


def _der_int(value: bytes) -> bytes:
    return b"\x02" + bytes([len(value)]) + value


def _der_sig(r: bytes, s: bytes) -> bytes:
    body = _der_int(r) + _der_int(s)
    return b"\x30" + bytes([len(body)]) + body


def _minimal(n: int) -> bytes:
    """The minimal DER INTEGER content of a positive n."""
    raw = n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")
    return b"\x00" + raw if raw[0] & 0x80 else raw


# --- Ed25519 ---------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ED25519_BACKENDS)
@pytest.mark.parametrize("vector", RFC8032, ids=["test1", "test2", "test3"])
def test_ed25519_rfc8032(vector: Tuple[str, str, str, str], backend: Optional[str]) -> None:
    secret, public, message, signature = (bytes.fromhex(v) for v in vector)
    key = Ed25519PrivateKey.from_raw(secret)
    assert key.public_key().to_raw() == public
    assert key.sign(message, backend=backend) == signature
    assert key.sign(bytearray(message), backend=backend) == signature
    pub = Ed25519PublicKey.from_raw(public)
    assert pub.verify(signature, message, backend=backend) is None
    assert pub.verify(memoryview(signature), bytearray(message), backend=backend) is None
    with pytest.raises(nacre.InvalidSignature):
        pub.verify(signature, message + b"x", backend=backend)
    with pytest.raises(nacre.InvalidSignature):
        pub.verify(_flip(signature, 0), message, backend=backend)


@pytest.mark.parametrize("backend", ED25519_BACKENDS)
def test_ed25519_round_trip_and_tampering(backend: Optional[str]) -> None:
    key = Ed25519PrivateKey.generate()
    public = key.public_key()
    for message in MESSAGES:
        signature = key.sign(message, backend=backend)
        assert len(signature) == 64
        assert key.sign(message, backend=backend) == signature  # deterministic
        public.verify(signature, message, backend=backend)
        for index in (0, 31, 32, 63):
            with pytest.raises(nacre.InvalidSignature):
                public.verify(_flip(signature, index), message, backend=backend)
        with pytest.raises(nacre.InvalidSignature):
            public.verify(signature, message + b"\x00", backend=backend)
        with pytest.raises(nacre.InvalidSignature):
            Ed25519PrivateKey.generate().public_key().verify(signature, message, backend=backend)
    signature = key.sign(b"m", backend=backend)
    # Malformed signatures are verification failures too (nacre.h).
    for bad in (b"", signature[:63], signature + b"\x00", bytes(64)):
        with pytest.raises(nacre.InvalidSignature):
            public.verify(bad, b"m", backend=backend)


@pytest.mark.parametrize("backend", ED25519_BACKENDS)
def test_ed25519_rejects_non_canonical_s(backend: Optional[str]) -> None:
    # S + L satisfies the verification equation too; nacre.h promises S < L is required.
    _secret, public, message, signature = (bytes.fromhex(v) for v in RFC8032[1])
    s = int.from_bytes(signature[32:], "little")
    malleated = signature[:32] + (s + ED25519_L).to_bytes(32, "little")
    pub = Ed25519PublicKey.from_raw(public)
    pub.verify(signature, message, backend=backend)
    with pytest.raises(nacre.InvalidSignature):
        pub.verify(malleated, message, backend=backend)


@settings(max_examples=25)
@given(message=st.binary(max_size=300), seed=st.binary(min_size=32, max_size=32))
def test_ed25519_backends_agree(message: bytes, seed: bytes) -> None:
    # Two independent implementations: deterministic Ed25519 must give the same signature.
    key = Ed25519PrivateKey.from_raw(seed)
    sig_boringssl = key.sign(message, backend="boringssl")
    sig_sodium = key.sign(message, backend="sodium")
    assert sig_boringssl == sig_sodium
    key.public_key().verify(sig_sodium, message, backend="boringssl")
    key.public_key().verify(sig_boringssl, message, backend="sodium")


def test_ed25519_has_no_digest_form() -> None:
    assert not hasattr(Ed25519PrivateKey, "sign_digest")
    assert not hasattr(Ed25519PublicKey, "verify_digest")


# --- ECDSA -------------------------------------------------------------------------------------


@pytest.mark.parametrize("curve", sorted(ECDSA))
@pytest.mark.parametrize("encoding", ["der", "p1363"])
def test_ecdsa_round_trip_and_tampering(curve: str, encoding: str) -> None:
    key = ECPrivateKey.generate(curve)
    public = key.public_key()
    p1363_size = ECDSA[curve][1]
    for message in MESSAGES:
        signature = key.sign(message, encoding)
        if encoding == "p1363":
            assert len(signature) == p1363_size
        else:
            r, s = _der_integers(signature)
            assert 0 < r < 2 ** (4 * p1363_size) and 0 < s < 2 ** (4 * p1363_size)
        # Random nonces: two signatures of one message differ (nacre.h).
        assert key.sign(message, encoding) != signature
        public.verify(signature, message, encoding)
        public.verify(bytearray(signature), memoryview(message), encoding=encoding)
        with pytest.raises(nacre.InvalidSignature):
            public.verify(signature, message + b"x", encoding)
        with pytest.raises(nacre.InvalidSignature):
            public.verify(_flip(signature, len(signature) - 1), message, encoding)
        with pytest.raises(nacre.InvalidSignature):
            ECPrivateKey.generate(curve).public_key().verify(signature, message, encoding)
    signature = key.sign(b"m", encoding)
    for bad in (b"", signature[:-1], signature + b"\x00", bytes(len(signature))):
        with pytest.raises(nacre.InvalidSignature):
            public.verify(bad, b"m", encoding)


@pytest.mark.parametrize("curve", sorted(ECDSA))
def test_ecdsa_encodings_carry_the_same_numbers(curve: str) -> None:
    key = ECPrivateKey.generate(curve)
    public = key.public_key()
    half = ECDSA[curve][1] // 2
    der = key.sign(b"message")
    r, s = _der_integers(der)
    p1363 = r.to_bytes(half, "big") + s.to_bytes(half, "big")
    public.verify(p1363, b"message", "p1363")
    with pytest.raises(nacre.InvalidSignature):
        public.verify(p1363, b"message", "der")  # the wrong encoding does not verify
    with pytest.raises(nacre.InvalidSignature):
        public.verify(der, b"message", "p1363")
    # And back: r || s re-encoded as DER here verifies as DER.
    p = key.sign(b"other", "p1363")
    r2, s2 = int.from_bytes(p[:half], "big"), int.from_bytes(p[half:], "big")
    public.verify(_der_sig(_minimal(r2), _minimal(s2)), b"other", "der")


@pytest.mark.parametrize("curve", sorted(ECDSA))
def test_ecdsa_der_is_strict(curve: str) -> None:
    # nacre.h: "DER (X9.62 Ecdsa-Sig-Value, strict DER)": BER variants are refused.
    key = ECPrivateKey.generate(curve)
    public = key.public_key()
    der = key.sign(b"message")
    r, s = _der_integers(der)
    public.verify(_der_sig(_minimal(r), _minimal(s)), b"message")  # the parser reads it right
    padded = _der_sig(b"\x00" + _minimal(r), _minimal(s))  # a needless leading zero
    long_form = b"\x30\x81" + bytes([len(der) - 2]) + der[2:]  # a long-form length
    trailing = der + b"\x00"
    for bad in (padded, long_form, trailing):
        with pytest.raises(nacre.InvalidSignature):
            public.verify(bad, b"message")


@pytest.mark.parametrize("curve", sorted(ECDSA))
@pytest.mark.parametrize("encoding", ["der", "p1363"])
def test_ecdsa_digests(curve: str, encoding: str) -> None:
    hash_fn = ECDSA[curve][0]
    key = ECPrivateKey.generate(curve)
    public = key.public_key()
    message = b"hashed by the caller"
    digest = hash_fn(message).digest()
    signature = key.sign_digest(digest, encoding)
    public.verify(signature, message, encoding)  # the digest form is the message form
    public.verify_digest(signature, digest, encoding)
    public.verify_digest(key.sign(message, encoding), digest, encoding)
    with pytest.raises(nacre.InvalidSignature):
        public.verify_digest(signature, _flip(digest, 0), encoding)
    # digest_len must be the algorithm's hash length (nacre.h): ValueErrors.
    other = hashlib.sha384 if hash_fn is hashlib.sha256 else hashlib.sha256
    for bad in (b"", digest[:-1], digest + b"\x00", other(message).digest()):
        with pytest.raises(ValueError):
            key.sign_digest(bad, encoding)
        with pytest.raises(ValueError):
            public.verify_digest(signature, bad, encoding)


def test_ecdsa_curves_do_not_mix() -> None:
    p256, p384 = ECPrivateKey.generate("p256"), ECPrivateKey.generate("p384")
    with pytest.raises(nacre.InvalidSignature):
        p384.public_key().verify(p256.sign(b"m"), b"m")
    with pytest.raises(nacre.InvalidSignature):
        p256.public_key().verify(p384.sign(b"m", "p1363"), b"m", "p1363")


def test_ecdsa_bad_arguments() -> None:
    key = ECPrivateKey.generate("p256")
    for encoding in ("DER-ish", "", "pkcs1v15", None, 1):
        with pytest.raises(ValueError):
            key.sign(b"m", encoding)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            key.public_key().verify(b"sig", b"m", encoding)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        key.sign("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        key.public_key().verify(key.sign(b"m"), "m")  # type: ignore[arg-type]
    # ECDSA is BoringSSL's only (nacre.h).
    with pytest.raises(nacre.UnsupportedAlgorithm):
        key.sign(b"m", backend="sodium")
    with pytest.raises(nacre.UnsupportedAlgorithm):
        key.public_key().verify(key.sign(b"m"), b"m", backend="sodium")
    key.public_key().verify(key.sign(b"m", backend="boringssl"), b"m", backend="boringssl")
    with pytest.raises(ValueError):
        key.sign(b"m", backend="openssl")


# --- RSA ---------------------------------------------------------------------------------------


def test_rsa_pss_round_trip_and_tampering() -> None:
    key = _rsa_key()
    public = key.public_key()
    for message in MESSAGES:
        signature = key.sign(message)
        assert len(signature) == 256  # the modulus size
        assert key.sign(message, "pss") != signature  # random salt
        public.verify(signature, message)
        public.verify(bytearray(signature), message, "pss")
        with pytest.raises(nacre.InvalidSignature):
            public.verify(signature, message + b"x")
        with pytest.raises(nacre.InvalidSignature):
            public.verify(_flip(signature, 100), message)
        with pytest.raises(nacre.InvalidSignature):
            public.verify(signature, message, "pkcs1v15")  # another padding
    signature = key.sign(b"m")
    for bad in (b"", signature[:-1], signature + b"\x00", bytes(256), b"\xff" * 256):
        with pytest.raises(nacre.InvalidSignature):
            public.verify(bad, b"m")
    with pytest.raises(nacre.InvalidSignature):
        RSAPrivateKey.generate(2048).public_key().verify(signature, b"m")


def test_rsa_digests() -> None:
    key = _rsa_key()
    public = key.public_key()
    digest = hashlib.sha256(b"message").digest()
    signature = key.sign_digest(digest)
    public.verify(signature, b"message")
    public.verify_digest(signature, digest)
    public.verify_digest(key.sign(b"message"), digest, "pss")
    with pytest.raises(nacre.InvalidSignature):
        public.verify_digest(signature, _flip(digest, 3))
    for bad in (b"", digest[:-1], hashlib.sha384(b"message").digest()):
        with pytest.raises(ValueError):
            key.sign_digest(bad)


def test_rsa_pkcs1v15_signs_deterministically() -> None:
    key = _rsa_key()
    sig = key.sign(b"m", "pkcs1v15")
    assert key.sign(b"m", "pkcs1v15") == sig  # RFC 8017 8.2: no randomness
    assert key.sign_digest(hashlib.sha256(b"m").digest(), "pkcs1v15") == sig
    key.public_key().verify(sig, b"m", "pkcs1v15")
    with pytest.raises(ValueError):
        key.sign(b"m", "oaep")  # type: ignore[arg-type]
    with pytest.raises(nacre.UnsupportedAlgorithm):
        key.sign(b"m", backend="sodium")


# --- threads -------------------------------------------------------------------------------------


def test_shared_keys_across_threads() -> None:
    # Key handles are immutable and thread-safe (nacre.h).
    keys: List[Any] = [Ed25519PrivateKey.generate(), ECPrivateKey.generate("p256")]
    errors: List[BaseException] = []

    def work(index: int) -> None:
        try:
            for i in range(50):
                message = b"%d-%d" % (index, i)
                for key in keys:
                    key.public_key().verify(key.sign(message), message)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_verify_needs_a_public_key_object() -> None:
    key = Ed25519PrivateKey.generate()
    assert not hasattr(key, "verify")
    assert isinstance(key.public_key(), Ed25519PublicKey)
    assert not hasattr(ECPublicKey, "sign")
