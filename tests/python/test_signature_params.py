"""P-521, ECDSA over a chosen hash, RSA PKCS#1 v1.5 signing and PSS salt lengths: Wycheproof's
files through the Python layer, and pyca/cryptography both ways for every combination."""

from __future__ import annotations

import functools
import hashlib
from typing import Any, Dict, Tuple

import pytest
from cryptography.exceptions import InvalidSignature as PycaInvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric import utils as pyca_utils

import nacre
from nacre.keys import ECPrivateKey, ECPublicKey, RSAPrivateKey, RSAPublicKey, load_private_key
from vectors import load_wycheproof

DER = serialization.Encoding.DER
PKCS8 = serialization.PrivateFormat.PKCS8
SPKI = serialization.PublicFormat.SubjectPublicKeyInfo
NO_ENCRYPTION = serialization.NoEncryption()

PYCA_CURVES = {"p256": ec.SECP256R1(), "p384": ec.SECP384R1(), "p521": ec.SECP521R1()}
# nacre's names of the hashes ECDSA takes, and pyca's objects for them.
ECDSA_HASHES: Dict[str, Any] = {
    "sha224": hashes.SHA224(), "sha256": hashes.SHA256(), "sha384": hashes.SHA384(),
    "sha512": hashes.SHA512(), "sha512_256": hashes.SHA512_256(), "sha3_256": hashes.SHA3_256(),
    "sha3_512": hashes.SHA3_512(),
}
RSA_HASHES = {n: h for n, h in ECDSA_HASHES.items()
              if n in ("sha224", "sha256", "sha384", "sha512")}
WYCHEPROOF_HASHES = {"SHA-224": "sha224", "SHA-256": "sha256", "SHA-384": "sha384",
                     "SHA-512": "sha512", "SHA-1": "sha1"}


@functools.cache
def _pair(curve: str) -> Tuple[Any, ECPrivateKey]:
    theirs = ec.generate_private_key(PYCA_CURVES[curve])
    ours = load_private_key(theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION))
    assert isinstance(ours, ECPrivateKey)
    return theirs, ours


@functools.cache
def _rsa_pair() -> Tuple[Any, RSAPrivateKey]:
    theirs = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ours = RSAPrivateKey.from_pkcs8_der(theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION))
    return theirs, ours


def test_p521_keys_round_trip_with_pyca() -> None:
    theirs, ours = _pair("p521")
    assert ours.curve == "p521" and ours.key_size == 521 == theirs.key_size
    assert len(ours.to_raw()) == 66
    assert ours.to_pkcs8_der() == theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION)
    pub = ours.public_key()
    assert pub.to_spki_der() == theirs.public_key().public_bytes(DER, SPKI)
    point = theirs.public_key().public_bytes(serialization.Encoding.X962,
                                              serialization.PublicFormat.UncompressedPoint)
    assert pub.to_raw() == point and len(point) == 133
    compressed = theirs.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.CompressedPoint)
    assert ECPublicKey.from_sec1(compressed) == pub and pub.to_sec1(compressed=True) == compressed
    assert ECPrivateKey.from_raw(ours.to_raw()).public_key() == pub
    fresh = ECPrivateKey.generate("secp521r1")
    assert fresh.curve == "p521" and ECPrivateKey.generate(ec.SECP521R1()).curve == "p521"


def test_p521_ecdh_matches_pyca() -> None:
    theirs_a, ours_a = _pair("p521")
    theirs_b = ec.generate_private_key(ec.SECP521R1())
    peer = ECPublicKey.from_spki_der(theirs_b.public_key().public_bytes(DER, SPKI))
    shared = ours_a.exchange(peer)
    assert len(shared) == 66 and shared == theirs_b.exchange(ec.ECDH(), theirs_a.public_key())


@pytest.mark.parametrize("curve", sorted(PYCA_CURVES))
@pytest.mark.parametrize("hash_name", sorted(ECDSA_HASHES))
def test_ecdsa_over_each_hash_both_ways(curve: str, hash_name: str) -> None:
    theirs, ours = _pair(curve)
    algorithm = ECDSA_HASHES[hash_name]
    msg = b"ecdsa " + hash_name.encode()
    # nacre signs (hash named three ways), pyca verifies.
    for spelling in (hash_name, algorithm, getattr(hashlib, hash_name, None)):
        if spelling is None:  # hashlib has no sha512_256 constructor, only new("sha512_256")
            continue
        sig = ours.sign(msg, hash=spelling)
        theirs.public_key().verify(sig, msg, ec.ECDSA(algorithm))
    # pyca signs, nacre verifies: DER, P1363 and over a digest.
    sig = theirs.sign(msg, ec.ECDSA(algorithm))
    ours.public_key().verify(sig, msg, hash=hash_name)
    r, s = pyca_utils.decode_dss_signature(sig)
    n = (ours.key_size + 7) // 8
    ours.public_key().verify(r.to_bytes(n, "big") + s.to_bytes(n, "big"), msg, "p1363",
                             hash=algorithm)
    digest = hashlib.new(hash_name, msg).digest()
    ours.public_key().verify_digest(sig, digest, hash=hash_name)
    theirs.public_key().verify(ours.sign_digest(digest, hash=hash_name), digest,
                               ec.ECDSA(pyca_utils.Prehashed(algorithm)))
    with pytest.raises(nacre.InvalidSignature):
        ours.public_key().verify(sig, msg + b"!", hash=hash_name)


@pytest.mark.parametrize("hash_name", sorted(RSA_HASHES))
def test_rsa_pkcs1v15_matches_pyca_byte_for_byte(hash_name: str) -> None:
    theirs, ours = _rsa_pair()
    algorithm = RSA_HASHES[hash_name]
    msg = b"pkcs1 " + hash_name.encode()
    sig = ours.sign(msg, "pkcs1v15", hash=hash_name)
    assert sig == theirs.sign(msg, padding.PKCS1v15(), algorithm)  # deterministic
    ours.public_key().verify(sig, msg, "pkcs1v15", hash=algorithm)
    with pytest.raises(nacre.InvalidSignature):
        ours.public_key().verify(sig, msg, "pkcs1v15", hash="sha256" if hash_name != "sha256"
                                 else "sha384")


SALTS = [("digest", "DIGEST_LENGTH"), ("max", "MAX_LENGTH"), (0, 0), (20, 20), (64, 64)]


@pytest.mark.parametrize("ours_salt,theirs_salt", SALTS, ids=[str(s[0]) for s in SALTS])
@pytest.mark.parametrize("hash_name", sorted(RSA_HASHES))
def test_rsa_pss_salts_both_ways(ours_salt: Any, theirs_salt: Any, hash_name: str) -> None:
    theirs, ours = _rsa_pair()
    algorithm = RSA_HASHES[hash_name]
    pyca_salt = getattr(padding.PSS, theirs_salt) if isinstance(theirs_salt, str) else theirs_salt
    pss = padding.PSS(mgf=padding.MGF1(algorithm), salt_length=pyca_salt)
    msg = b"pss " + hash_name.encode()
    sig = ours.sign(msg, hash=hash_name, salt_length=ours_salt)
    theirs.public_key().verify(sig, msg, pss, algorithm)
    theirs_sig = theirs.sign(msg, pss, algorithm)
    pub = ours.public_key()
    pub.verify(theirs_sig, msg, hash=hash_name)  # any salt by default
    pub.verify(theirs_sig, msg, hash=hash_name, salt_length="auto")
    pub.verify(theirs_sig, msg, hash=hash_name, salt_length=ours_salt)


def test_pyca_default_pss_max_length_verifies_with_the_named_algorithm() -> None:
    # The case: pyca's documented PSS(MGF1(SHA256), PSS.MAX_LENGTH) with SHA-256.
    theirs, ours = _rsa_pair()
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH)
    sig = theirs.sign(b"m", pss, hashes.SHA256())
    ours.public_key().verify(sig, b"m")
    with pytest.raises(nacre.InvalidSignature):
        ours.public_key().verify(sig, b"m", salt_length=32)
    # nacre's default salt (the digest's length) is what pyca's DIGEST_LENGTH checks.
    theirs.public_key().verify(
        ours.sign(b"m"), b"m",
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH),
        hashes.SHA256())
    # pyca's MAX_LENGTH accepts any salt when verifying (OpenSSL's rule); nacre's "max" checks
    # that the salt is the longest, as its name says, and "auto" is the lenient choice.
    short = ours.sign(b"m", salt_length=0)
    theirs.public_key().verify(short, b"m", pss, hashes.SHA256())
    with pytest.raises(nacre.InvalidSignature):
        ours.public_key().verify(short, b"m", salt_length="max")
    ours.public_key().verify(short, b"m", salt_length="auto")
    with pytest.raises(PycaInvalidSignature):
        theirs.public_key().verify(short, b"m", padding.PSS(
            mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH),
            hashes.SHA256())


# --- Wycheproof -----------------------------------------------------------------------------------


def _tally(file: str, check: Any) -> Dict[str, int]:
    doc = load_wycheproof(file)
    counts = {"valid": 0, "invalid": 0, "acceptable": 0, "accepted": 0}
    for group in doc["testGroups"]:
        for t in group["tests"]:
            try:
                check(group, t)
                ok = True
            except (nacre.VerificationFailed, nacre.InvalidKey, nacre.UnsupportedAlgorithm):
                ok = False
            counts[t["result"]] += 1
            if t["result"] == "valid":
                assert ok, (file, t["tcId"], t["comment"])
            elif t["result"] == "invalid":
                assert not ok, (file, t["tcId"], t["comment"])
            else:
                counts["accepted"] += ok
    assert sum(counts[k] for k in ("valid", "invalid", "acceptable")) == doc["numberOfTests"]
    print(f"{file}: {counts}")
    return counts


@pytest.mark.parametrize("file", ["ecdsa_secp521r1_sha512_test.json",
                                  "ecdsa_secp256r1_sha512_test.json",
                                  "ecdsa_secp384r1_sha512_test.json"])
def test_wycheproof_ecdsa(file: str) -> None:
    def check(group: Dict[str, Any], t: Dict[str, Any]) -> None:
        assert group["sha"] == "SHA-512"
        pub = ECPublicKey.from_spki_der(bytes.fromhex(group["publicKeyDer"]))
        pub.verify(bytes.fromhex(t["sig"]), bytes.fromhex(t["msg"]), hash="sha512")

    counts = _tally(file, check)
    assert counts["valid"] > 200 and counts["invalid"] > 300


def test_wycheproof_ecdh_p521() -> None:
    def check(group: Dict[str, Any], t: Dict[str, Any]) -> None:
        d = int(t["private"], 16).to_bytes(66, "big") if len(t["private"]) <= 134 else b""
        ours = ECPrivateKey.from_raw(d, "p521")
        peer = ECPublicKey.from_spki_der(bytes.fromhex(t["public"]))
        assert ours.exchange(peer) == bytes.fromhex(t["shared"])

    counts = _tally("ecdh_secp521r1_test.json", check)
    assert counts["valid"] == 632 and counts["invalid"] == 56


def test_wycheproof_rsa_pkcs1_signature_generation() -> None:
    def check(group: Dict[str, Any], t: Dict[str, Any]) -> None:
        key = RSAPrivateKey.from_pkcs8_der(bytes.fromhex(group["privateKeyPkcs8"]))
        h = WYCHEPROOF_HASHES[group["sha"]]
        sig = key.sign(bytes.fromhex(t["msg"]), "pkcs1v15", hash=h)
        assert sig == bytes.fromhex(t["sig"])
        RSAPublicKey.from_spki_der(bytes.fromhex(group["keyDer"])).verify(
            sig, bytes.fromhex(t["msg"]), "pkcs1v15", hash=h)

    counts = _tally("rsa_pkcs1_2048_sig_gen_test.json", check)
    assert counts["valid"] == 32
