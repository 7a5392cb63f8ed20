"""nacre.keys: generation, every encoding both ways, load_private_key/load_public_key, equality,
hashing, repr, pickling, and the errors for bad input (sizes, malformed DER/PEM, wrong types).

Interpreter and nacre: see conftest.py.
Sizes come from capi/include/nacre.h ("Encodings") and the standards; no expected value here
was produced by nacre. Interoperability with pyca/cryptography is in test_pk_interop.py.
"""

from __future__ import annotations

import base64
import copy
import functools
import pickle
from dataclasses import dataclass
from typing import Any, Callable, List, Optional, Type

import pytest

import nacre
import nacre.keys
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
    load_private_key,
    load_public_key,
)


@functools.cache
def _rsa_key() -> RSAPrivateKey:
    """One 2048-bit key for the whole module: generation is slow."""
    return RSAPrivateKey.generate(2048)


@dataclass(frozen=True)
class Kind:
    name: str
    private: Type[Any]
    public: Type[Any]
    generate: Callable[[], Any]
    raw_private: Optional[int]  # size of the raw private form, None: no raw form
    raw_public: Optional[int]
    pkcs8: bool  # PKCS#8 / SPKI encodings exist
    bits: int


KINDS: List[Kind] = [
    Kind("x25519", X25519PrivateKey, X25519PublicKey, X25519PrivateKey.generate, 32, 32, True, 255),
    Kind(
        "ed25519", Ed25519PrivateKey, Ed25519PublicKey, Ed25519PrivateKey.generate, 32, 32, True,
        255,
    ),
    Kind("p256", ECPrivateKey, ECPublicKey, lambda: ECPrivateKey.generate("p256"), 32, 65, True,
         256),
    Kind("p384", ECPrivateKey, ECPublicKey, lambda: ECPrivateKey.generate("p384"), 48, 97, True,
         384),
    Kind("rsa", RSAPrivateKey, RSAPublicKey, _rsa_key, None, None, True, 2048),
    Kind(
        "ml-kem-768", MLKEM768PrivateKey, MLKEM768PublicKey, MLKEM768PrivateKey.generate, 64,
        1184, False, 768,
    ),
    Kind("x-wing", XWingPrivateKey, XWingPublicKey, XWingPrivateKey.generate, 32, 1216, False, 768),
]
KIND_PARAMS = [pytest.param(k, id=k.name) for k in KINDS]
RAW_KINDS = [pytest.param(k, id=k.name) for k in KINDS if k.raw_private is not None]
PKCS8_KINDS = [pytest.param(k, id=k.name) for k in KINDS if k.pkcs8]
NOT_BUFFERS = ["text", 42, 3.5, object(), [1, 2, 3]]


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


def _pem_body(pem: bytes) -> bytes:
    """The DER inside a one-block PEM (read here independently of nacre)."""
    lines = pem.strip().splitlines()
    assert lines[0].startswith(b"-----BEGIN ") and lines[-1].startswith(b"-----END ")
    return base64.b64decode(b"".join(lines[1:-1]), validate=True)


# --- generation and the shape of the classes ------------------------------------------------


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_generate(kind: Kind) -> None:
    key = kind.generate()
    assert type(key) is kind.private
    assert isinstance(key, nacre.keys.PrivateKey)
    assert key.algorithm == kind.name
    public = key.public_key()
    assert type(public) is kind.public
    assert isinstance(public, nacre.keys.PublicKey)
    assert public.algorithm == kind.name
    if kind.name != "rsa":  # one cached RSA key; fresh ones for the rest
        assert key != kind.generate()
        assert public != kind.generate().public_key()


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_constructor_is_not_public(kind: Kind) -> None:
    with pytest.raises(TypeError):
        kind.private()
    with pytest.raises(TypeError):
        kind.public(b"\x00" * 32)


def test_sizes_and_curves() -> None:
    for curve, bits in (("p256", 256), ("p384", 384)):
        key = ECPrivateKey.generate(curve)
        assert key.curve == curve and key.key_size == bits
        assert key.public_key().curve == curve and key.public_key().key_size == bits
    # Aliases, and pyca-style objects with a name.
    assert ECPrivateKey.generate("P-256").curve == "p256"
    assert ECPrivateKey.generate("secp384r1").curve == "p384"
    assert ECPrivateKey.generate(type("Curve", (), {"name": "secp256r1"})()).curve == "p256"
    assert _rsa_key().key_size == 2048
    assert _rsa_key().public_key().key_size == 2048


def test_unknown_curves() -> None:
    for curve in ("p224", "secp256k1", "ed25519", ""):
        with pytest.raises(nacre.UnsupportedAlgorithm):
            ECPrivateKey.generate(curve)
        with pytest.raises(ValueError):
            ECPrivateKey.generate(curve)
    with pytest.raises(TypeError):
        ECPrivateKey.generate(256)


@pytest.mark.parametrize("bits", [0, 1024, 2047, 2056, 8192])
def test_rsa_generate_bad_sizes(bits: int) -> None:
    # nacre.h: rsa_bits is 2048, 3072 or 4096.
    with pytest.raises(ValueError):
        RSAPrivateKey.generate(bits)


def test_rsa_generate_default_is_3072() -> None:
    key = RSAPrivateKey.generate()
    assert key.key_size == 3072
    # The SPKI names a 3072-bit modulus: 384 bytes of it, after a leading zero, are in the DER.
    assert len(key.public_key().to_spki_der()) > 384


# --- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", RAW_KINDS)
def test_raw_round_trip(kind: Kind) -> None:
    key = kind.generate()
    raw = key.to_raw()
    assert type(raw) is bytes and len(raw) == kind.raw_private
    for form in (raw, bytearray(raw), memoryview(raw)):
        again = kind.private.from_raw(form)
        assert type(again) is kind.private
        assert again == key
        assert again.to_raw() == raw
        assert again.public_key() == key.public_key()
    public = key.public_key()
    raw_public = public.to_raw()
    assert len(raw_public) == kind.raw_public
    assert kind.public.from_raw(raw_public) == public
    assert kind.public.from_raw(bytearray(raw_public)).to_raw() == raw_public


@pytest.mark.parametrize("kind", PKCS8_KINDS)
def test_pkcs8_spki_round_trip(kind: Kind) -> None:
    key = kind.generate()
    der = key.to_pkcs8_der()
    pem = key.to_pkcs8_pem()
    assert type(der) is bytes and type(pem) is bytes
    assert der[0] == 0x30  # a DER SEQUENCE
    assert pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert pem.rstrip().endswith(b"-----END PRIVATE KEY-----")
    assert _pem_body(pem) == der  # the PEM is that DER
    assert kind.private.from_pkcs8_der(der) == key
    assert kind.private.from_pkcs8_der(bytearray(der)) == key
    assert kind.private.from_pkcs8_pem(pem) == key
    assert kind.private.from_pkcs8_pem(memoryview(pem)) == key
    assert kind.private.from_pkcs8_der(der).to_pkcs8_der() == der

    public = key.public_key()
    spki = public.to_spki_der()
    spki_pem = public.to_spki_pem()
    assert spki[0] == 0x30
    assert spki_pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert _pem_body(spki_pem) == spki
    assert kind.public.from_spki_der(spki) == public
    assert kind.public.from_spki_pem(spki_pem) == public
    assert kind.public.from_spki_der(spki).to_spki_der() == spki


@pytest.mark.parametrize("kind", PKCS8_KINDS)
def test_load_detects_der_and_pem(kind: Kind) -> None:
    key = kind.generate()
    public = key.public_key()
    encodings = [key.to_pkcs8_der(), key.to_pkcs8_pem(), b"\n  " + key.to_pkcs8_pem() + b"\n\n"]
    for data in encodings:
        loaded = load_private_key(data)
        assert type(loaded) is kind.private and loaded == key
        assert nacre.load_private_key(bytearray(data)) == key
    for data in (public.to_spki_der(), public.to_spki_pem(), b"\r\n" + public.to_spki_pem()):
        loaded_public = load_public_key(data)
        assert type(loaded_public) is kind.public and loaded_public == public
        assert nacre.load_public_key(memoryview(data)) == public


@pytest.mark.parametrize("kind", PKCS8_KINDS)
def test_load_refuses_the_other_half(kind: Kind) -> None:
    key = kind.generate()
    with pytest.raises(nacre.InvalidKey):
        load_private_key(key.public_key().to_spki_der())
    with pytest.raises(nacre.InvalidKey):
        load_private_key(key.public_key().to_spki_pem())
    with pytest.raises(nacre.InvalidKey):
        load_public_key(key.to_pkcs8_der())
    with pytest.raises(nacre.InvalidKey):
        load_public_key(key.to_pkcs8_pem())


@pytest.mark.parametrize("curve", ["p256", "p384"])
def test_ec_sec1(curve: str) -> None:
    size = {"p256": 32, "p384": 48}[curve]
    public = ECPrivateKey.generate(curve).public_key()
    point = public.to_sec1()
    compressed = public.to_sec1(compressed=True)
    assert point == public.to_raw()
    # SEC1: 0x04 || x || y, and 0x02/0x03 (the parity of y) || x.
    assert len(point) == 1 + 2 * size and point[0] == 0x04
    assert len(compressed) == 1 + size and compressed[0] == 0x02 + (point[-1] & 1)
    assert compressed[1:] == point[1 : 1 + size]
    for data in (point, compressed, bytearray(compressed)):
        assert ECPublicKey.from_sec1(data) == public
        assert ECPublicKey.from_sec1(data, curve) == public
        assert ECPublicKey.from_sec1(data).curve == curve
    assert ECPublicKey.from_raw(point) == public
    assert ECPublicKey.from_raw(point, curve) == public


@pytest.mark.parametrize("curve", ["p256", "p384"])
def test_ec_raw_private_infers_curve(curve: str) -> None:
    key = ECPrivateKey.generate(curve)
    raw = key.to_raw()
    assert ECPrivateKey.from_raw(raw).curve == curve
    assert ECPrivateKey.from_raw(raw, curve) == key


def test_ec_bad_points() -> None:
    public = ECPrivateKey.generate("p256").public_key()
    point = public.to_sec1()
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_sec1(_flip(point, 64))  # y changed: off the curve
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_sec1(b"\x05" + point[1:])  # no such SEC1 prefix
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_sec1(b"\x00")  # the point at infinity
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_sec1(point, "p384")  # a P-256 point is not a P-384 one
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_sec1(point[:-1])
    with pytest.raises(nacre.InvalidKey):
        ECPublicKey.from_raw(public.to_sec1(compressed=True))  # raw is uncompressed only


def test_ec_bad_scalars() -> None:
    # The scalar must be in [1, n - 1] (SEC 1): 0 and the group order are not keys.
    p256_order = bytes.fromhex(
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
    )
    for scalar in (bytes(32), p256_order, b"\xff" * 32):
        with pytest.raises(nacre.InvalidKey):
            ECPrivateKey.from_raw(scalar, "p256")
    with pytest.raises(nacre.InvalidKey):
        ECPrivateKey.from_raw(bytes(31) + b"\x01", "p384")  # a P-256 size for P-384
    with pytest.raises(nacre.InvalidKey):
        ECPrivateKey.from_raw(b"\x01" * 40)


def test_mlkem_seed_and_expanded() -> None:
    key = MLKEM768PrivateKey.generate()
    seed = key.to_seed()
    assert seed == key.to_raw() and len(seed) == 64
    assert MLKEM768PrivateKey.from_seed(seed) == key
    expanded = key.to_expanded()
    assert len(expanded) == 2400
    # FIPS 203: dk = dk_PKE (1152) || ek (1184) || H(ek) (32) || z (32); z is the seed's 2nd half.
    assert expanded[1152 : 1152 + 1184] == key.public_key().to_raw()
    assert expanded[-32:] == seed[32:]
    from_expanded = MLKEM768PrivateKey.from_expanded(expanded)
    assert from_expanded.to_expanded() == expanded
    assert from_expanded.public_key() == key.public_key()
    # nacre.h: "an ML-KEM key imported in expanded form has no seed".
    with pytest.raises(nacre.UnsupportedAlgorithm):
        from_expanded.to_seed()
    with pytest.raises(nacre.UnsupportedAlgorithm):
        from_expanded.to_raw()
    # Import checks the hash of the embedded encapsulation key.
    with pytest.raises(nacre.InvalidKey):
        MLKEM768PrivateKey.from_expanded(_flip(expanded, 2400 - 64))
    with pytest.raises(nacre.InvalidKey):
        MLKEM768PrivateKey.from_expanded(_flip(expanded, 1152 + 5))
    with pytest.raises(nacre.InvalidKey):
        MLKEM768PrivateKey.from_expanded(expanded[:-1])


def test_same_seed_same_key() -> None:
    # Seeds determine the key pair (FIPS 203 for ML-KEM, the X-Wing draft for X-Wing).
    for cls, n in ((MLKEM768PrivateKey, 64), (XWingPrivateKey, 32), (Ed25519PrivateKey, 32)):
        seed = nacre.random_bytes(n)
        a, b = cls.from_raw(seed), cls.from_raw(bytes(seed))
        assert a == b and a.public_key() == b.public_key()
        assert a.public_key() != cls.from_raw(_flip(seed, 0)).public_key()


# --- equality, hashing, repr, pickling ------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_equality_and_hash(kind: Kind) -> None:
    key = kind.generate()
    public = key.public_key()
    assert key == key and public == public
    assert key != public and public != key  # a key pair never equals a public key
    assert key != b"not a key" and public != None  # noqa: E711
    assert public == key.public_key()
    with pytest.raises(TypeError):
        hash(key)
    assert hash(public) == hash(key.public_key())
    assert len({public, key.public_key()}) == 1
    other = kind.generate() if kind.name != "rsa" else RSAPrivateKey.generate(2048)
    assert key != other
    assert public != other.public_key()
    assert len({public, other.public_key()}) == 2


def test_keys_of_different_types_differ() -> None:
    seed = nacre.random_bytes(32)
    x, ed = X25519PrivateKey.from_raw(seed), Ed25519PrivateKey.from_raw(seed)
    assert x != ed
    assert x.public_key() != ed.public_key()


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_repr_shows_no_key_material(kind: Kind) -> None:
    key = kind.generate()
    secrets = [key.to_raw()] if kind.raw_private else []
    if kind.pkcs8:
        secrets.append(key.to_pkcs8_der())
    for obj in (key, key.public_key()):
        text = repr(obj)
        assert type(obj).__name__ in text
        assert len(text) < 100
        for secret in secrets:
            for i in range(0, len(secret) - 4, 4):
                window = secret[i : i + 4]
                assert window.hex() not in text.lower()
        assert str(obj) == text


@pytest.mark.parametrize("kind", KIND_PARAMS)
def test_pickling(kind: Kind) -> None:
    key = kind.generate()
    with pytest.raises(TypeError):
        pickle.dumps(key)
    public = key.public_key()
    again = pickle.loads(pickle.dumps(public))
    assert type(again) is kind.public and again == public
    assert copy.copy(key) == key and copy.deepcopy(key) == key
    assert copy.deepcopy(public) == public


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", RAW_KINDS)
def test_raw_wrong_sizes(kind: Kind) -> None:
    assert kind.raw_private is not None and kind.raw_public is not None
    for n in (0, kind.raw_private - 1, kind.raw_private + 1):
        if kind.private is ECPrivateKey and n in (32, 48):
            continue  # the other curve's size
        with pytest.raises(nacre.InvalidKey):
            kind.private.from_raw(bytes(n))
        with pytest.raises(ValueError):
            kind.private.from_raw(bytes(n))
    for n in (0, kind.raw_public - 1, kind.raw_public + 1):
        with pytest.raises(nacre.InvalidKey):
            kind.public.from_raw(b"\x04" * n)


@pytest.mark.parametrize("kind", PKCS8_KINDS)
def test_malformed_der_and_pem(kind: Kind) -> None:
    key = kind.generate()
    der, pem = key.to_pkcs8_der(), key.to_pkcs8_pem()
    spki, spki_pem = key.public_key().to_spki_der(), key.public_key().to_spki_pem()
    bad_der = [b"", b"\x30", der[:-1], der + b"\x00", der[: len(der) // 2], b"\x31" + der[1:]]
    for data in bad_der:
        with pytest.raises(nacre.InvalidKey):
            kind.private.from_pkcs8_der(data)
        with pytest.raises(nacre.InvalidKey):
            load_private_key(data)
    bad_spki = [b"", spki[:-1], spki + b"\x00", b"\x31" + spki[1:]]
    for data in bad_spki:
        with pytest.raises(nacre.InvalidKey):
            kind.public.from_spki_der(data)
        with pytest.raises(nacre.InvalidKey):
            load_public_key(data)
    lines = pem.splitlines(keepends=True)
    bad_pem = [
        b"",
        pem.replace(b"PRIVATE KEY", b"PUBLIC KEY"),  # the wrong label
        pem.replace(b"-----END PRIVATE KEY-----", b""),  # no end line
        lines[0] + b"!!!!" + b"".join(lines[1:]),  # not base64
        pem + pem,  # two blocks
        lines[0] + b"".join(lines[2:]),  # a line missing: the DER is cut
    ]
    for data in bad_pem:
        with pytest.raises(nacre.InvalidKey):
            kind.private.from_pkcs8_pem(data)
    with pytest.raises(nacre.InvalidKey):
        kind.public.from_spki_pem(spki_pem.replace(b"PUBLIC KEY", b"PRIVATE KEY"))
    with pytest.raises(nacre.InvalidKey):
        kind.private.from_pkcs8_pem(der)  # DER where PEM is expected
    with pytest.raises(nacre.InvalidKey):
        kind.private.from_pkcs8_der(pem)  # and the reverse


def test_wrong_key_types() -> None:
    ed, x = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    ec = ECPrivateKey.generate("p256")
    # nacre.h: "A PKCS8/SPKI key of another type than a non-zero |type| is NACRE_ERR_INVALID_KEY".
    cases = [
        (X25519PrivateKey, ed.to_pkcs8_der()),
        (Ed25519PrivateKey, x.to_pkcs8_der()),
        (ECPrivateKey, ed.to_pkcs8_der()),
        (RSAPrivateKey, ec.to_pkcs8_der()),
        (Ed25519PrivateKey, _rsa_key().to_pkcs8_der()),
    ]
    for cls, der in cases:
        with pytest.raises(nacre.InvalidKey):
            cls.from_pkcs8_der(der)
    public_cases = [
        (X25519PublicKey, ed.public_key().to_spki_der()),
        (ECPublicKey, x.public_key().to_spki_der()),
        (RSAPublicKey, ec.public_key().to_spki_der()),
        (Ed25519PublicKey, _rsa_key().public_key().to_spki_der()),
    ]
    for pcls, der in public_cases:
        with pytest.raises(nacre.InvalidKey):
            pcls.from_spki_der(der)


def test_kem_keys_have_raw_forms_only() -> None:
    for cls in (MLKEM768PrivateKey, XWingPrivateKey):
        assert not hasattr(cls, "from_pkcs8_der") and not hasattr(cls, "to_pkcs8_pem")
    for pcls in (MLKEM768PublicKey, XWingPublicKey):
        assert not hasattr(pcls, "from_spki_der") and not hasattr(pcls, "to_spki_pem")
    assert not hasattr(RSAPrivateKey, "from_raw") and not hasattr(RSAPublicKey, "to_raw")


def test_ed25519_public_keys_must_be_canonical_prime_order() -> None:
    # nacre.h: "an Ed25519 public key that is not a canonical point of prime order" is refused.
    identity = b"\x01" + bytes(31)  # y = 1: the neutral element (order 1)
    order_two = b"\xec" + b"\xff" * 30 + b"\x7f"  # y = p - 1: the point of order 2
    non_canonical = b"\xed" + b"\xff" * 30 + b"\x7f"  # y = p, not reduced
    for data in (identity, order_two, non_canonical):
        with pytest.raises(nacre.InvalidKey):
            Ed25519PublicKey.from_raw(data)


@pytest.mark.parametrize("bad", NOT_BUFFERS, ids=lambda v: type(v).__name__)
def test_non_buffers_are_type_errors(bad: Any) -> None:
    with pytest.raises(TypeError):
        X25519PrivateKey.from_raw(bad)
    with pytest.raises(TypeError):
        Ed25519PublicKey.from_spki_der(bad)
    with pytest.raises(TypeError):
        load_private_key(bad)
    with pytest.raises(TypeError):
        load_public_key(bad)


def test_unsupported_key_types_in_pkcs8() -> None:
    # An X448 PKCS#8 key (RFC 8410, OID 1.3.101.111) is well formed but not offered by nacre.
    x448_pkcs8 = bytes.fromhex("3046020100300506032b656f043a0438") + bytes(range(1, 57))
    with pytest.raises(nacre.UnsupportedAlgorithm):
        load_private_key(x448_pkcs8)


def test_c_abi_checks_what_python_checks_first() -> None:
    # nacre.keys refuses wrong sizes before calling the library; the library must refuse them
    # too (nacre.h: malformed input, wrong sizes and the point at infinity are INVALID_KEY).
    from nacre._nacre import ffi, lib

    def status(key_type: int, fmt: int, data: bytes) -> int:
        cell = ffi.new("nacre_key **")
        rc = lib.nacre_key_import(cell, key_type, fmt, data, len(data))
        if rc == lib.NACRE_OK:
            lib.nacre_key_free(cell[0])
        return int(rc)

    raw_private, raw_public = lib.NACRE_KEY_FORMAT_RAW_PRIVATE, lib.NACRE_KEY_FORMAT_RAW_PUBLIC
    cases = [
        (lib.NACRE_KEY_X25519, raw_private, bytes(31)),
        (lib.NACRE_KEY_X25519, raw_public, bytes(33)),
        (lib.NACRE_KEY_ED25519, raw_private, bytes(64)),
        (lib.NACRE_KEY_P256, raw_private, b"\x01" * 48),
        (lib.NACRE_KEY_P256, lib.NACRE_KEY_FORMAT_SEC1_UNCOMPRESSED, b"\x00"),
        (lib.NACRE_KEY_P384, lib.NACRE_KEY_FORMAT_SEC1_COMPRESSED, b"\x02" + bytes(32)),
        (lib.NACRE_KEY_MLKEM768, raw_private, bytes(32)),
        (lib.NACRE_KEY_MLKEM768, lib.NACRE_KEY_FORMAT_MLKEM_EXPANDED_PRIVATE, bytes(2399)),
        (lib.NACRE_KEY_XWING, raw_public, bytes(1184)),
    ]
    for key_type, fmt, data in cases:
        assert status(key_type, fmt, data) == lib.NACRE_ERR_INVALID_KEY, (key_type, fmt, len(data))
    # The same sizes done right are accepted (so the refusals above are about the sizes).
    assert status(lib.NACRE_KEY_X25519, raw_private, bytes(32)) == lib.NACRE_OK
    assert status(lib.NACRE_KEY_XWING, raw_private, bytes(32)) == lib.NACRE_OK
    # nacre.h: type 0 is refused for the raw and SEC1 formats.
    assert status(0, raw_public, bytes(32)) == lib.NACRE_ERR_INVALID_ARGUMENT
