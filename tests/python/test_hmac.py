"""nacre.hmac: known answers from tests/vectors/hmac.txt (RFC 4231) on every backend that
implements each hash, and the hmac-module-shaped API.

Interpreter and nacre: see conftest.py. Expected values
come from the vector file or from Python's hmac module, never from nacre.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
from typing import List, Optional

import pytest

import nacre
import nacre.hash
import nacre.hmac
from vectors import HMAC_BACKENDS, Vector, read_vectors, vectors_dir

TAG_SIZES = {"md5": 16, "sha1": 20, "sha224": 28, "sha256": 32, "sha384": 48,
             "sha512": 64}  # RFC 2202, 4231
BLOCK_SIZES = {"md5": 64, "sha1": 64, "sha224": 64, "sha256": 64, "sha384": 128,
               "sha512": 128}  # RFC 1321, FIPS 180-4


def _load() -> List[Vector]:
    path = vectors_dir() / "hmac.txt"
    return read_vectors(path) if path.is_file() else []  # test_vector_file checks presence


def _cases() -> list:
    cases = []
    for vec in _load():
        alg = vec.get("ALG", "?")
        for backend in sorted(HMAC_BACKENDS.get(alg, {"?"})) + [None]:
            case_id = f"{vec.where}-{alg}-{backend or 'default'}"
            cases.append(pytest.param(alg, vec, backend, id=case_id))
    return cases


def _flip(tag: bytes, index: int = -1) -> bytes:
    wrong = bytearray(tag)
    wrong[index] ^= 0x01
    return bytes(wrong)


def test_vector_file() -> None:
    path = vectors_dir() / "hmac.txt"
    assert path.is_file(), f"{path} is missing (set NACRE_VECTORS_DIR?)"
    vectors = read_vectors(path)
    for vec in vectors:
        assert set(vec) == {"ALG", "KEY", "MSG", "MAC"}, vec.where
        assert vec["ALG"] in HMAC_BACKENDS, vec.where
        assert 0 < len(vec.hex("MAC")) <= TAG_SIZES[vec["ALG"]], vec.where
    assert {vec["ALG"] for vec in vectors} == set(HMAC_BACKENDS)
    # RFC 4231 test case 5 (a 128-bit truncation) must be there: it exercises prefix comparison.
    assert any(len(vec.hex("MAC")) < TAG_SIZES[vec["ALG"]] for vec in vectors)


@pytest.mark.parametrize("alg", sorted(HMAC_BACKENDS))
def test_available_backends_match_header(alg: str) -> None:
    assert set(nacre.hmac.available_backends(alg)) == HMAC_BACKENDS[alg]


@pytest.mark.parametrize("alg,vec,backend", _cases())
def test_known_answer(alg: str, vec: Vector, backend: Optional[str]) -> None:
    key, msg, mac = vec.hex("KEY"), vec.hex("MSG"), vec.hex("MAC")
    full = len(mac) == TAG_SIZES[alg]

    h = nacre.hmac.new(key, msg, digestmod=alg, backend=backend)
    assert h.digest()[: len(mac)] == mac
    assert h.hexdigest()[: 2 * len(mac)] == mac.hex()
    assert nacre.hmac.digest(key, msg, alg, backend=backend)[: len(mac)] == mac

    h = nacre.hmac.new(key, digestmod=alg, backend=backend)
    for i in range(0, len(msg), 7):  # small pieces: many partial blocks
        h.update(msg[i : i + 7])
    assert h.digest()[: len(mac)] == mac

    if full:
        h.verify(mac)
        nacre.hmac.verify(key, msg, alg, mac, backend=backend)
        with pytest.raises(nacre.InvalidSignature):
            h.verify(_flip(mac))
        with pytest.raises(nacre.InvalidSignature):
            nacre.hmac.verify(key, msg, alg, _flip(mac, 0), backend=backend)
    else:
        # A truncated tag is not a full tag: verify() refuses it (nacre.h: wrong length fails).
        with pytest.raises(nacre.InvalidSignature):
            h.verify(mac)
        assert nacre.compare_digest(h.digest()[: len(mac)], mac)


# --- API shape, checked against the standard hmac module ------------------------------------


@pytest.mark.parametrize("alg", sorted(HMAC_BACKENDS))
def test_attributes_match_stdlib(alg: str) -> None:
    ours = nacre.hmac.new(b"key", b"msg", alg)
    theirs = std_hmac.new(b"key", b"msg", alg)
    assert ours.name == theirs.name == f"hmac-{alg}"
    assert ours.digest_size == theirs.digest_size == TAG_SIZES[alg]
    assert ours.block_size == theirs.block_size == BLOCK_SIZES[alg]
    assert ours.digest() == theirs.digest()


@pytest.mark.parametrize(
    "digestmod",
    ["sha256", "SHA256", "sha-256", nacre.hash.sha256, hashlib.sha256],
    ids=["name", "upper", "dashed", "nacre-ctor", "hashlib-ctor"],
)
def test_digestmod_forms(digestmod: object) -> None:
    expected = std_hmac.new(b"k", b"m", hashlib.sha256).digest()
    assert nacre.hmac.new(b"k", b"m", digestmod).digest() == expected
    assert nacre.hmac.digest(b"k", b"m", digestmod) == expected


def test_digestmod_is_required() -> None:
    with pytest.raises(TypeError):
        nacre.hmac.new(b"key")
    with pytest.raises(TypeError):
        nacre.hmac.new(b"key", b"msg", "")
    with pytest.raises(TypeError):
        nacre.hmac.new(b"key", b"msg", 42)


@pytest.mark.parametrize("digestmod", ["sha512_256", "sha3_256", "blake2b", hashlib.sha3_256])
def test_unsupported_digestmod(digestmod: object) -> None:
    with pytest.raises(nacre.UnsupportedAlgorithm) as info:
        nacre.hmac.new(b"key", b"msg", digestmod)
    assert isinstance(info.value, ValueError)  # as hmac.new raises for unknown names


def test_digest_does_not_finish_state() -> None:
    h = nacre.hmac.new(b"key", b"ab", "sha512")
    assert h.digest() == h.digest() == std_hmac.new(b"key", b"ab", "sha512").digest()
    h.update(b"c")
    assert h.digest() == std_hmac.new(b"key", b"abc", "sha512").digest()


@pytest.mark.parametrize("backend", sorted(HMAC_BACKENDS["sha256"]) + [None])
def test_copy_forks(backend: Optional[str]) -> None:
    h = nacre.hmac.new(b"key", b"prefix-", "sha256", backend=backend)
    c = h.copy()
    h.update(b"one")
    c.update(b"two")
    assert h.digest() == std_hmac.new(b"key", b"prefix-one", "sha256").digest()
    assert c.digest() == std_hmac.new(b"key", b"prefix-two", "sha256").digest()
    assert c.name == "hmac-sha256"


@pytest.mark.parametrize("alg", sorted(HMAC_BACKENDS))
def test_verify_rejects_wrong_and_short_tags(alg: str) -> None:
    h = nacre.hmac.new(b"key", b"msg", alg)
    tag = std_hmac.new(b"key", b"msg", alg).digest()
    h.verify(tag)
    h.verify(bytearray(tag))
    h.verify(memoryview(tag))
    wrongs = (_flip(tag, 0), _flip(tag), tag[:-1], tag[: len(tag) // 2], b"", tag + b"\x00",
              bytes(len(tag)))
    for wrong in wrongs:
        with pytest.raises(nacre.InvalidSignature):
            h.verify(wrong)
        with pytest.raises(nacre.InvalidSignature):
            nacre.hmac.verify(b"key", b"msg", alg, wrong)
    # A failed check leaves the state usable.
    h.verify(tag)


def test_invalid_signature_is_a_nacre_error() -> None:
    h = nacre.hmac.new(b"key", b"msg", "sha256")
    with pytest.raises(nacre.Error) as info:
        h.verify(b"\x00" * 32)
    assert isinstance(info.value, nacre.InvalidSignature)
    assert "NACRE_ERR_VERIFICATION_FAILED" in str(info.value)


@pytest.mark.parametrize("key_len", [0, 1, 63, 64, 65, 127, 128, 129, 1000])
def test_key_lengths_match_stdlib(key_len: int) -> None:
    # Around both block sizes: keys longer than a block are hashed first (RFC 2104).
    key = bytes((i * 7) & 0xFF for i in range(key_len))
    for alg, backends in HMAC_BACKENDS.items():
        for backend in sorted(backends):
            assert nacre.hmac.digest(key, b"data", alg, backend=backend) == std_hmac.digest(
                key, b"data", alg
            ), (alg, backend, key_len)


def test_digest_into() -> None:
    out = bytearray(32)
    assert nacre.hmac.digest_into(b"k", b"m", "sha256", out) == 32
    assert out == std_hmac.digest(b"k", b"m", "sha256")
    h = nacre.hmac.new(b"k", b"m", "sha512")
    out = bytearray(64)
    assert h.digest_into(memoryview(out)) == 64
    assert out == std_hmac.digest(b"k", b"m", "sha512")
    with pytest.raises(ValueError):
        h.digest_into(bytearray(63))
    with pytest.raises(ValueError):
        nacre.hmac.digest_into(b"k", b"m", "sha256", bytearray(33))


def test_compare_digest_reexported() -> None:
    assert nacre.hmac.compare_digest is nacre.compare_digest


def _hotp(key: bytes, counter: int, digits: int = 6, digestmod: str = "sha1") -> str:
    # RFC 4226 section 5.3: dynamic truncation of HMAC(key, counter as 8 bytes big-endian).
    mac = nacre.hmac.digest(key, counter.to_bytes(8, "big"), digestmod)
    offset = mac[-1] & 0x0F
    code = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def test_hotp_rfc4226_appendix_d() -> None:
    # The RFC's own table of HOTP values for the secret "12345678901234567890", counters 0 to 9.
    expected = ["755224", "287082", "359152", "969429", "338314",
                "254676", "287922", "162583", "399871", "520489"]
    assert [_hotp(b"12345678901234567890", c) for c in range(10)] == expected


def test_totp_rfc6238_appendix_b_sha1() -> None:
    # RFC 6238 Appendix B, the SHA-1 rows: 8 digits, 30-second steps from T0 = 0.
    rows = {59: "94287082", 1111111109: "07081804", 1111111111: "14050471",
            1234567890: "89005924", 2000000000: "69279037", 20000000000: "65353130"}
    for t, code in rows.items():
        assert _hotp(b"12345678901234567890", t // 30, digits=8) == code, t


def test_hmac_class_is_constructed_like_the_standard_one() -> None:
    key, msg = b"k" * 20, b"message"
    for digestmod in ("sha256", hashlib.sha512, "sha1"):
        ours = nacre.hmac.HMAC(key, msg, digestmod)
        theirs = std_hmac.HMAC(key, msg, digestmod)
        assert isinstance(ours, nacre.hmac.HMAC)
        assert (ours.name, ours.digest_size, ours.block_size) == (
            theirs.name, theirs.digest_size, theirs.block_size)
        assert ours.digest() == theirs.digest()
        assert nacre.hmac.HMAC(key, digestmod=digestmod).copy().hexdigest() == \
            std_hmac.HMAC(key, digestmod=digestmod).hexdigest()
    with pytest.raises(TypeError, match="digestmod"):
        nacre.hmac.HMAC(key)
    with pytest.raises(TypeError, match="digestmod"):
        std_hmac.HMAC(key)
