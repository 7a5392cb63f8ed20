"""Interoperability of nacre's public-key API with pyca/cryptography and PyNaCl (each skipped when
not importable): keys both ways in PKCS#8/SPKI (DER and PEM) and raw forms, signatures both
ways (Ed25519, ECDSA, RSA-PSS with a 32-byte salt, PKCS#1 v1.5 signed by pyca), X25519 and ECDH
agreement, RSA-OAEP both ways, sealed boxes and crypto_box with PyNaCl, and HPKE against an
independent RFC 9180 implementation written here over pyca's X25519 and AEADs.

Interpreter: a venv of requirements-dev.txt (cryptography and pynacl pinned there; conftest.py).
Every expected value is computed by the other library.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from typing import Any, Callable, Dict, Tuple

import pytest

import nacre
from nacre import box, hpke
from nacre.keys import (
    ECPrivateKey,
    ECPublicKey,
    Ed25519PrivateKey,
    Ed25519PublicKey,
    RSAPrivateKey,
    RSAPublicKey,
    X25519PrivateKey,
    X25519PublicKey,
    load_private_key,
    load_public_key,
)

cryptography = pytest.importorskip("cryptography")

from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import (  # noqa: E402
    ec,
    ed448,
    ed25519,
    padding,
    rsa,
    utils,
    x448,
    x25519,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305  # noqa: E402

DER = serialization.Encoding.DER
PEM = serialization.Encoding.PEM
RAW = serialization.Encoding.Raw
PKCS8 = serialization.PrivateFormat.PKCS8
SPKI = serialization.PublicFormat.SubjectPublicKeyInfo
NO_ENCRYPTION = serialization.NoEncryption()
PSS32 = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
CURVES: Dict[str, Tuple[Any, Any]] = {
    "p256": (ec.SECP256R1(), hashes.SHA256()),
    "p384": (ec.SECP384R1(), hashes.SHA384()),
}


@functools.cache
def _pyca_rsa() -> Any:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.cache
def _nacre_rsa() -> RSAPrivateKey:
    return RSAPrivateKey.generate(2048)


def _pyca_private(name: str) -> Any:
    if name == "x25519":
        return x25519.X25519PrivateKey.generate()
    if name == "ed25519":
        return ed25519.Ed25519PrivateKey.generate()
    if name == "rsa":
        return _pyca_rsa()
    return ec.generate_private_key(CURVES[name][0])


def _nacre_private(name: str) -> Any:
    if name == "x25519":
        return X25519PrivateKey.generate()
    if name == "ed25519":
        return Ed25519PrivateKey.generate()
    if name == "rsa":
        return _nacre_rsa()
    return ECPrivateKey.generate(name)


NACRE_CLASSES: Dict[str, Tuple[type, type]] = {
    "x25519": (X25519PrivateKey, X25519PublicKey),
    "ed25519": (Ed25519PrivateKey, Ed25519PublicKey),
    "p256": (ECPrivateKey, ECPublicKey),
    "p384": (ECPrivateKey, ECPublicKey),
    "rsa": (RSAPrivateKey, RSAPublicKey),
}
NAMES = sorted(NACRE_CLASSES)


def _spki(pyca_public: Any) -> bytes:
    return pyca_public.public_bytes(DER, SPKI)


# --- keys --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_nacre_keys_load_in_pyca(name: str) -> None:
    key = _nacre_private(name)
    for data, loader in (
        (key.to_pkcs8_der(), serialization.load_der_private_key),
        (key.to_pkcs8_pem(), serialization.load_pem_private_key),
    ):
        theirs = loader(data, password=None)
        assert theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION) == key.to_pkcs8_der()
        assert _spki(theirs.public_key()) == key.public_key().to_spki_der()
    public = key.public_key()
    for data, public_loader in (
        (public.to_spki_der(), serialization.load_der_public_key),
        (public.to_spki_pem(), serialization.load_pem_public_key),
    ):
        assert _spki(public_loader(data)) == public.to_spki_der()


@pytest.mark.parametrize("name", NAMES)
def test_pyca_keys_load_in_nacre(name: str) -> None:
    private_cls, public_cls = NACRE_CLASSES[name]
    theirs = _pyca_private(name)
    der = theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION)
    pem = theirs.private_bytes(PEM, PKCS8, NO_ENCRYPTION)
    spki = _spki(theirs.public_key())
    spki_pem = theirs.public_key().public_bytes(PEM, SPKI)
    for key in (
        private_cls.from_pkcs8_der(der),
        private_cls.from_pkcs8_pem(pem),
        load_private_key(der),
        load_private_key(pem),
    ):
        assert type(key) is private_cls
        assert key.public_key().to_spki_der() == spki
        assert key.to_pkcs8_der() == der  # both write the canonical PKCS#8
    for public in (
        public_cls.from_spki_der(spki),
        public_cls.from_spki_pem(spki_pem),
        load_public_key(spki),
        load_public_key(spki_pem),
    ):
        assert type(public) is public_cls
        assert public.to_spki_der() == spki
        assert public == private_cls.from_pkcs8_der(der).public_key()


@pytest.mark.parametrize("name", ["x25519", "ed25519"])
def test_raw_forms_match_pyca(name: str) -> None:
    pyca_cls = {"x25519": x25519.X25519PrivateKey, "ed25519": ed25519.Ed25519PrivateKey}[name]
    theirs = pyca_cls.generate()
    raw_private = theirs.private_bytes(RAW, serialization.PrivateFormat.Raw, NO_ENCRYPTION)
    raw_public = theirs.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)
    private_cls, public_cls = NACRE_CLASSES[name]
    ours = private_cls.from_raw(raw_private)
    assert ours.public_key().to_raw() == raw_public
    assert public_cls.from_raw(raw_public) == ours.public_key()
    assert ours.to_pkcs8_der() == theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION)


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_ec_raw_and_sec1_match_pyca(curve: str) -> None:
    theirs = ec.generate_private_key(CURVES[curve][0])
    size = (theirs.curve.key_size + 7) // 8
    scalar = theirs.private_numbers().private_value.to_bytes(size, "big")
    ours = ECPrivateKey.from_raw(scalar)
    assert ours.curve == curve
    assert ours.to_raw() == scalar
    X962 = serialization.Encoding.X962
    uncompressed = theirs.public_key().public_bytes(
        X962, serialization.PublicFormat.UncompressedPoint
    )
    compressed = theirs.public_key().public_bytes(X962, serialization.PublicFormat.CompressedPoint)
    assert ours.public_key().to_sec1() == uncompressed
    assert ours.public_key().to_sec1(compressed=True) == compressed
    assert ECPublicKey.from_sec1(compressed).to_sec1() == uncompressed
    # And pyca reads ours.
    point = ours.public_key().to_sec1(compressed=True)
    assert ec.EllipticCurvePublicKey.from_encoded_point(CURVES[curve][0], point).public_bytes(
        X962, serialization.PublicFormat.UncompressedPoint
    ) == uncompressed


def test_unsupported_pyca_keys() -> None:
    # nacre.h: "a well-formed key of a type or curve nacre does not offer is NACRE_ERR_UNSUPPORTED".
    others = [
        ed448.Ed448PrivateKey.generate(),
        x448.X448PrivateKey.generate(),
        ec.generate_private_key(ec.SECP256K1()),
        ec.generate_private_key(ec.SECP224R1()),
    ]
    for theirs in others:
        with pytest.raises(nacre.UnsupportedAlgorithm):
            load_private_key(theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION))
        with pytest.raises(nacre.UnsupportedAlgorithm):
            load_public_key(_spki(theirs.public_key()))
        with pytest.raises(ValueError):
            load_private_key(theirs.private_bytes(PEM, PKCS8, NO_ENCRYPTION))


def test_rsa_sizes_out_of_range() -> None:
    # nacre.h: RSA keys have 2048 to 4096 bits (a multiple of 8); others are INVALID_KEY.
    for bits in (1024, 2052):
        theirs = rsa.generate_private_key(public_exponent=65537, key_size=bits)
        with pytest.raises(nacre.InvalidKey):
            RSAPrivateKey.from_pkcs8_der(theirs.private_bytes(DER, PKCS8, NO_ENCRYPTION))
        with pytest.raises(nacre.InvalidKey):
            RSAPublicKey.from_spki_der(_spki(theirs.public_key()))


def test_encrypted_pkcs8_needs_its_password() -> None:
    # nacre.h: ENCRYPTED_PKCS8 is read only through nacre_key_import_encrypted.
    theirs = ed25519.Ed25519PrivateKey.generate()
    encryption = serialization.BestAvailableEncryption(b"password")
    der = theirs.private_bytes(DER, PKCS8, encryption)
    pem = theirs.private_bytes(PEM, PKCS8, encryption)
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):
        load_private_key(pem)
    for data in (der, pem):
        assert load_private_key(data, b"password").public_key().to_raw() == \
            theirs.public_key().public_bytes_raw()
    with pytest.raises(ValueError):
        Ed25519PrivateKey.from_pkcs8_der(der)
    with pytest.raises(ValueError):
        Ed25519PrivateKey.from_pkcs8_pem(pem)


# --- signatures -----------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["boringssl", "sodium", None])
def test_ed25519_signatures_both_ways(backend: Any) -> None:
    ours = Ed25519PrivateKey.generate()
    theirs_public = serialization.load_der_public_key(ours.public_key().to_spki_der())
    signature = ours.sign(b"message", backend=backend)
    theirs_public.verify(signature, b"message")
    theirs = ed25519.Ed25519PrivateKey.generate()
    our_public = load_public_key(_spki(theirs.public_key()))
    our_public.verify(theirs.sign(b"message"), b"message", backend=backend)
    with pytest.raises(nacre.InvalidSignature):
        our_public.verify(theirs.sign(b"message"), b"massage", backend=backend)
    # Deterministic: both sign alike with the same key.
    seed = theirs.private_bytes(RAW, serialization.PrivateFormat.Raw, NO_ENCRYPTION)
    assert Ed25519PrivateKey.from_raw(seed).sign(b"m", backend=backend) == theirs.sign(b"m")


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_ecdsa_signatures_both_ways(curve: str) -> None:
    pyca_curve, hash_alg = CURVES[curve]
    half = (pyca_curve.key_size + 7) // 8
    ours = ECPrivateKey.generate(curve)
    theirs_public = serialization.load_der_public_key(ours.public_key().to_spki_der())
    theirs_public.verify(ours.sign(b"message"), b"message", ec.ECDSA(hash_alg))
    p1363 = ours.sign(b"message", "p1363")
    r, s = int.from_bytes(p1363[:half], "big"), int.from_bytes(p1363[half:], "big")
    theirs_public.verify(utils.encode_dss_signature(r, s), b"message", ec.ECDSA(hash_alg))
    digest = hashlib.new(hash_alg.name, b"message").digest()
    theirs_public.verify(
        ours.sign_digest(digest), digest, ec.ECDSA(utils.Prehashed(hash_alg))
    )

    theirs = ec.generate_private_key(pyca_curve)
    our_public = load_public_key(_spki(theirs.public_key()))
    der = theirs.sign(b"message", ec.ECDSA(hash_alg))
    our_public.verify(der, b"message")
    r, s = utils.decode_dss_signature(der)
    our_public.verify(r.to_bytes(half, "big") + s.to_bytes(half, "big"), b"message", "p1363")
    our_public.verify_digest(der, digest)
    with pytest.raises(nacre.InvalidSignature):
        our_public.verify(der, b"other message")


def test_rsa_signatures_both_ways() -> None:
    ours = _nacre_rsa()
    theirs_public = serialization.load_der_public_key(ours.public_key().to_spki_der())
    theirs_public.verify(ours.sign(b"message"), b"message", PSS32, hashes.SHA256())
    digest = hashlib.sha256(b"message").digest()
    theirs_public.verify(ours.sign_digest(digest), b"message", PSS32, hashes.SHA256())

    theirs = _pyca_rsa()
    our_public = load_public_key(_spki(theirs.public_key()))
    our_public.verify(theirs.sign(b"message", PSS32, hashes.SHA256()), b"message", "pss")
    pkcs1 = theirs.sign(b"message", padding.PKCS1v15(), hashes.SHA256())
    our_public.verify(pkcs1, b"message", "pkcs1v15")
    our_public.verify_digest(pkcs1, digest, "pkcs1v15")
    with pytest.raises(nacre.InvalidSignature):
        our_public.verify(pkcs1, b"message", "pss")
    with pytest.raises(nacre.InvalidSignature):
        our_public.verify(pkcs1, b"other", "pkcs1v15")
    # PKCS#1 v1.5 with another hash is not SHA-256's.
    with pytest.raises(nacre.InvalidSignature):
        our_public.verify(theirs.sign(b"message", padding.PKCS1v15(), hashes.SHA384()), b"message",
                          "pkcs1v15")


# --- agreement and encryption ---------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["boringssl", "sodium", None])
def test_x25519_agrees_with_pyca(backend: Any) -> None:
    ours = X25519PrivateKey.generate()
    theirs = x25519.X25519PrivateKey.generate()
    our_view_of_theirs = load_public_key(_spki(theirs.public_key()))
    their_view_of_ours = x25519.X25519PublicKey.from_public_bytes(ours.public_key().to_raw())
    assert ours.exchange(our_view_of_theirs, backend=backend) == theirs.exchange(their_view_of_ours)


@pytest.mark.parametrize("curve", sorted(CURVES))
def test_ecdh_agrees_with_pyca(curve: str) -> None:
    ours = ECPrivateKey.generate(curve)
    theirs = ec.generate_private_key(CURVES[curve][0])
    shared = theirs.exchange(ec.ECDH(), serialization.load_der_public_key(
        ours.public_key().to_spki_der()))
    assert ours.exchange(load_public_key(_spki(theirs.public_key()))) == shared


@pytest.mark.parametrize("label", [b"", b"a label"])
def test_rsa_oaep_both_ways(label: bytes) -> None:
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(),
                        label=label or None)
    ours = _nacre_rsa()
    theirs = serialization.load_der_private_key(ours.to_pkcs8_der(), password=None)
    for message in (b"", b"key material", bytes(range(256))[: 256 - 66]):
        ct = ours.public_key().encrypt(message, label)
        assert len(ct) == 256
        assert theirs.decrypt(ct, oaep) == message
        assert ours.decrypt(theirs.public_key().encrypt(message, oaep), label) == message
    with pytest.raises(nacre.InvalidTag):
        ours.decrypt(theirs.public_key().encrypt(b"m", oaep), label + b"x")
    with pytest.raises(ValueError):
        ours.public_key().encrypt(bytes(256 - 65), label)  # longer than modulus - 66


# --- PyNaCl ---------------------------------------------------------------------------------------


def test_sealed_boxes_with_pynacl() -> None:
    nacl_public = pytest.importorskip("nacl.public")
    ours = X25519PrivateKey.generate()
    theirs = nacl_public.PrivateKey.generate()
    our_view = X25519PublicKey.from_raw(bytes(theirs.public_key))
    for message in (b"", b"sealed", bytes(range(256)) * 8):
        sealed = box.seal(our_view, message)
        assert nacl_public.SealedBox(theirs).decrypt(sealed) == message
        their_box = nacl_public.SealedBox(nacl_public.PublicKey(ours.public_key().to_raw()))
        their_sealed = their_box.encrypt(message)
        assert box.seal_open(ours, their_sealed) == message


def test_box_with_pynacl() -> None:
    nacl_public = pytest.importorskip("nacl.public")
    ours = X25519PrivateKey.generate()
    theirs = nacl_public.PrivateKey.generate()
    our_box = box.Box(ours, X25519PublicKey.from_raw(bytes(theirs.public_key)))
    their_box = nacl_public.Box(theirs, nacl_public.PublicKey(ours.public_key().to_raw()))
    for message in (b"", b"boxed", bytes(range(256)) * 8):
        data = our_box.encrypt(message)  # nonce || ciphertext, as PyNaCl's
        assert their_box.decrypt(data) == message
        assert our_box.decrypt(bytes(their_box.encrypt(message))) == message
        nonce = nacre.random_bytes(box.NONCE_SIZE)
        assert our_box.encrypt(message, nonce) == their_box.encrypt(message, nonce).ciphertext


def test_ed25519_with_pynacl() -> None:
    signing = pytest.importorskip("nacl.signing")
    theirs = signing.SigningKey.generate()
    ours = Ed25519PrivateKey.from_raw(bytes(theirs))
    assert ours.public_key().to_raw() == bytes(theirs.verify_key)
    assert ours.sign(b"m") == theirs.sign(b"m").signature
    signing.VerifyKey(ours.public_key().to_raw()).verify(b"n", ours.sign(b"n"))


# --- HPKE against RFC 9180, written here ---------------------------------------------------------

# RFC 9180 section 7: KEM, KDF and AEAD identifiers; (AEAD id, key size, pyca AEAD class).
KEM_ID, KDF_ID = 0x0020, 0x0001
AEADS: Dict[hpke.Suite, Tuple[int, int, Callable[[bytes], Any]]] = {
    hpke.Suite.X25519_SHA256_AES128GCM: (0x0001, 16, AESGCM),
    hpke.Suite.X25519_SHA256_AES256GCM: (0x0002, 32, AESGCM),
    hpke.Suite.X25519_SHA256_CHACHA20POLY1305: (0x0003, 32, ChaCha20Poly1305),
}


def _extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def _expand(prk: bytes, info: bytes, length: int) -> bytes:
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def _labeled_extract(suite_id: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return _extract(salt, b"HPKE-v1" + suite_id + label + ikm)


def _labeled_expand(suite_id: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    return _expand(prk, length.to_bytes(2, "big") + b"HPKE-v1" + suite_id + label + info, length)


class _Reference:
    """An RFC 9180 base-mode context (section 5), from a shared X25519 secret."""

    def __init__(self, suite: hpke.Suite, dh: bytes, enc: bytes, pk_r: bytes, info: bytes) -> None:
        kem_suite = b"KEM" + KEM_ID.to_bytes(2, "big")
        eae_prk = _labeled_extract(kem_suite, b"", b"eae_prk", dh)
        shared = _labeled_expand(kem_suite, eae_prk, b"shared_secret", enc + pk_r, 32)
        aead_id, nk, self._aead_cls = AEADS[suite]
        sid = b"HPKE" + KEM_ID.to_bytes(2, "big") + KDF_ID.to_bytes(2, "big") + aead_id.to_bytes(
            2, "big"
        )
        context = (
            b"\x00"
            + _labeled_extract(sid, b"", b"psk_id_hash", b"")
            + _labeled_extract(sid, b"", b"info_hash", info)
        )
        secret = _labeled_extract(sid, shared, b"secret", b"")
        self._aead = self._aead_cls(_labeled_expand(sid, secret, b"key", context, nk))
        self._base_nonce = _labeled_expand(sid, secret, b"base_nonce", context, 12)
        self._exporter = _labeled_expand(sid, secret, b"exp", context, 32)
        self._sid = sid
        self._seq = 0

    def _nonce(self) -> bytes:
        seq = self._seq.to_bytes(12, "big")
        self._seq += 1
        return bytes(a ^ b for a, b in zip(self._base_nonce, seq))

    def seal(self, message: bytes, aad: bytes) -> bytes:
        return self._aead.encrypt(self._nonce(), message, aad)

    def open(self, ct: bytes, aad: bytes) -> bytes:
        return self._aead.decrypt(self._nonce(), ct, aad)

    def export(self, context: bytes, length: int) -> bytes:
        return _labeled_expand(self._sid, self._exporter, b"sec", context, length)


def _raw(public: Any) -> bytes:
    return public.public_bytes(RAW, serialization.PublicFormat.Raw)


@pytest.mark.parametrize("suite", list(hpke.Suite), ids=lambda s: s.name)
def test_hpke_nacre_to_reference(suite: hpke.Suite) -> None:
    theirs = x25519.X25519PrivateKey.generate()
    pk_r = _raw(theirs.public_key())
    recipient = X25519PublicKey.from_raw(pk_r)
    # Single shot.
    data = hpke.seal(suite, recipient, b"hello", info=b"info", aad=b"aad")
    enc = data[:32]
    ref = _Reference(suite, theirs.exchange(x25519.X25519PublicKey.from_public_bytes(enc)), enc,
                     pk_r, b"info")
    assert ref.open(data[32:], b"aad") == b"hello"
    # A context: messages in order, and exports.
    sender = hpke.SenderContext(suite, recipient, info=b"ctx info")
    ref = _Reference(suite, theirs.exchange(x25519.X25519PublicKey.from_public_bytes(sender.enc)),
                     sender.enc, pk_r, b"ctx info")
    for i in range(3):
        message = b"message %d" % i
        assert ref.open(sender.seal(message, aad=b"%d" % i), b"%d" % i) == message
    for length in (1, 32, 64, 255 * 32):
        assert sender.export(b"exporter context", length) == ref.export(b"exporter context", length)


@pytest.mark.parametrize("suite", list(hpke.Suite), ids=lambda s: s.name)
def test_hpke_reference_to_nacre(suite: hpke.Suite) -> None:
    ours = X25519PrivateKey.generate()
    pk_r = ours.public_key().to_raw()
    ephemeral = x25519.X25519PrivateKey.generate()
    enc = _raw(ephemeral.public_key())
    dh = ephemeral.exchange(x25519.X25519PublicKey.from_public_bytes(pk_r))
    ref = _Reference(suite, dh, enc, pk_r, b"info")
    first = ref.seal(b"first", b"aad")
    assert hpke.open(suite, ours, enc + first, info=b"info", aad=b"aad") == b"first"
    receiver = hpke.ReceiverContext(suite, ours, enc, info=b"info")
    assert receiver.open(first, aad=b"aad") == b"first"
    for i in range(3):
        assert receiver.open(ref.seal(b"next %d" % i, b""), aad=b"") == b"next %d" % i
    assert receiver.export(b"ctx", 48) == ref.export(b"ctx", 48)
    with pytest.raises(nacre.InvalidTag):
        receiver.open(ref.seal(b"x", b"aad"), aad=b"other aad")


def test_hpke_reference_is_rfc9180() -> None:
    # The reference above, checked against RFC 9180 appendix A.1.1 (DHKEM(X25519,
    # HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode): its key schedule and first message.
    sk_e = bytes.fromhex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736")
    sk_r = bytes.fromhex("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8")
    enc = bytes.fromhex("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
    pk_r = bytes.fromhex("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d")
    info = bytes.fromhex("4f6465206f6e2061204772656369616e2055726e")
    ct0 = bytes.fromhex(
        "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"
    )
    aad0 = bytes.fromhex("436f756e742d30")
    pt = bytes.fromhex("4265617574792069732074727574682c20747275746820626561757479")
    ct1 = bytes.fromhex(
        "af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84"
    )
    aad1 = bytes.fromhex("436f756e742d31")
    exported = bytes.fromhex("3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee")
    e = x25519.X25519PrivateKey.from_private_bytes(sk_e)
    r = x25519.X25519PrivateKey.from_private_bytes(sk_r)
    assert _raw(e.public_key()) == enc and _raw(r.public_key()) == pk_r
    suite = hpke.Suite.X25519_SHA256_AES128GCM
    ref = _Reference(suite, r.exchange(e.public_key()), enc, pk_r, info)
    assert ref.open(ct0, aad0) == pt
    assert ref.open(ct1, aad1) == pt
    assert ref.export(b"", 32) == exported
    # And nacre opens the RFC's messages with the RFC's recipient key.
    ours = X25519PrivateKey.from_raw(sk_r)
    assert hpke.open(suite, ours, enc + ct0, info, aad0) == pt
    receiver = hpke.ReceiverContext(suite, ours, enc, info)
    assert receiver.open(ct0, aad0) == pt
    assert receiver.open(ct1, aad1) == pt
    assert receiver.export(b"", 32) == exported
