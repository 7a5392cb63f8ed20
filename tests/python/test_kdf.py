"""nacre.kdf: known answers from tests/vectors/{hkdf,pbkdf2,scrypt,kdf_blake2b}.txt on every
backend, cross-checks against Python's hashlib/hmac on generated inputs, and limits.

Interpreter and nacre: see conftest.py.
Expected values come from the vector files, hashlib (pbkdf2_hmac, scrypt, blake2b) and an HKDF
written here from RFC 5869 over Python's hmac module, never from nacre.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import struct
from typing import Any, List, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
import nacre.hash
import nacre.kdf as kdf
from vectors import HKDF_BACKENDS, SCRYPT_BACKENDS, Vector, read_vectors, vectors_dir

DIGEST_SIZES = {"sha1": 20, "sha256": 32, "sha384": 48, "sha512": 64}  # FIPS 180-4


def _load(name: str) -> List[Vector]:
    path = vectors_dir() / name
    return read_vectors(path) if path.is_file() else []  # test_vector_files checks presence


def _param(vec: Vector, backend: Optional[str], alg: str = "") -> Any:
    return pytest.param(vec, backend, id=f"{vec.where}-{alg or 'scrypt'}-{backend or 'default'}")


def rfc5869_hkdf(alg: str, ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    """HKDF from RFC 5869 section 2, over the standard hmac module: the oracle."""
    size = DIGEST_SIZES[alg]
    prk = std_hmac.digest(salt or bytes(size), ikm, alg)
    okm, block = b"", b""
    for i in range(1, -(-length // size) + 1):
        block = std_hmac.digest(prk, block + info + bytes([i]), alg)
        okm += block
    return okm[:length]


def test_vector_files() -> None:
    for name, keys in (
        ("hkdf.txt", {"ALG", "IKM", "SALT", "INFO", "OKM"}),
        ("pbkdf2.txt", {"ALG", "PASSWORD", "SALT", "ITERATIONS", "DK"}),
        ("scrypt.txt", {"PASSWORD", "SALT", "N", "R", "P", "DK"}),
        ("kdf_blake2b.txt", {"KEY", "CONTEXT", "SUBKEY_ID", "SUBKEY"}),
    ):
        path = vectors_dir() / name
        assert path.is_file(), f"{path} is missing (set NACRE_VECTORS_DIR?)"
        vectors = read_vectors(path)
        assert vectors, name
        for vec in vectors:
            assert keys <= set(vec) <= keys | {"PRK", "SLOW"}, vec.where
    assert {v["ALG"] for v in _load("hkdf.txt")} == set(HKDF_BACKENDS)
    assert {v["ALG"] for v in _load("pbkdf2.txt")} <= set(HKDF_BACKENDS)  # hashlib covers the rest


# --- HKDF -------------------------------------------------------------------------------------


def _hkdf_cases() -> list:
    return [
        _param(vec, backend, vec["ALG"])
        for vec in _load("hkdf.txt")
        for backend in sorted(HKDF_BACKENDS.get(vec["ALG"], {"?"})) + [None]
    ]


@pytest.mark.parametrize("vec,backend", _hkdf_cases())
def test_hkdf_known_answer(vec: Vector, backend: Optional[str]) -> None:
    alg = vec["ALG"]
    ikm, salt, info, okm = (vec.hex(k) for k in ("IKM", "SALT", "INFO", "OKM"))
    assert kdf.hkdf(alg, len(okm), ikm, salt, info, backend=backend) == okm
    assert kdf.hkdf(alg, len(okm), bytearray(ikm), memoryview(salt), info, backend=backend) == okm
    if not salt:
        assert kdf.hkdf(alg, len(okm), ikm, None, info, backend=backend) == okm
        assert kdf.hkdf(alg, len(okm), ikm, bytes(DIGEST_SIZES[alg]), info, backend=backend) == okm
    prk = kdf.hkdf_extract(alg, ikm, salt, backend=backend)
    assert len(prk) == DIGEST_SIZES[alg]
    if "PRK" in vec:
        assert prk == vec.hex("PRK")
    assert kdf.hkdf_expand(alg, len(okm), prk, info, backend=backend) == okm
    assert kdf.hkdf(alg, 10, ikm, salt, info, backend=backend) == okm[:10]  # a prefix


@pytest.mark.parametrize("alg", sorted(HKDF_BACKENDS))
@settings(max_examples=25)
@given(
    ikm=st.binary(max_size=200),
    salt=st.binary(max_size=200),
    info=st.binary(max_size=200),
    length=st.integers(min_value=1, max_value=700),
)
def test_hkdf_matches_rfc5869(alg: str, ikm: bytes, salt: bytes, info: bytes, length: int) -> None:
    expected = rfc5869_hkdf(alg, ikm, salt, info, length)
    for backend in sorted(HKDF_BACKENDS[alg]) + [None]:
        assert kdf.hkdf(alg, length, ikm, salt, info, backend=backend) == expected, backend
        prk = kdf.hkdf_extract(alg, ikm, salt, backend=backend)
        assert kdf.hkdf_expand(alg, length, prk, info, backend=backend) == expected, backend


@pytest.mark.parametrize("alg", sorted(HKDF_BACKENDS))
def test_hkdf_length_limits(alg: str) -> None:
    top = 255 * DIGEST_SIZES[alg]  # RFC 5869: L <= 255 * HashLen
    assert kdf.hkdf_max_length(alg) == top
    for backend in sorted(HKDF_BACKENDS[alg]):
        okm = kdf.hkdf(alg, top, b"ikm", b"salt", b"info", backend=backend)
        assert okm == rfc5869_hkdf(alg, b"ikm", b"salt", b"info", top)
        for bad in (0, top + 1, 10**6):
            with pytest.raises(ValueError) as info:
                kdf.hkdf(alg, bad, b"ikm", backend=backend)
            assert isinstance(info.value, nacre.Error)
            prk = kdf.hkdf_extract(alg, b"ikm", backend=backend)
            with pytest.raises(ValueError):
                kdf.hkdf_expand(alg, bad, prk, backend=backend)
        with pytest.raises(ValueError):
            kdf.hkdf(alg, -1, b"ikm", backend=backend)
        for prk_len in (0, DIGEST_SIZES[alg] - 1, DIGEST_SIZES[alg] + 1):
            with pytest.raises(ValueError):
                kdf.hkdf_expand(alg, 16, bytes(prk_len), backend=backend)


def test_hkdf_hash_forms() -> None:
    expected = rfc5869_hkdf("sha256", b"k", b"s", b"i", 32)
    for form in ("sha256", "SHA-256", "SHA256", hashlib.sha256, nacre.hash.sha256):
        assert kdf.hkdf(form, 32, b"k", b"s", b"i") == expected, form
    try:
        from cryptography.hazmat.primitives import hashes
    except ImportError:
        pass
    else:
        assert kdf.hkdf(hashes.SHA256(), 32, b"k", b"s", b"i") == expected
    for bad in ("sha3_256", "md5", "blake2b", "sha512_256"):
        with pytest.raises(nacre.UnsupportedAlgorithm):
            kdf.hkdf(bad, 32, b"k")
    for bad in (None, 256, b"sha256"):
        with pytest.raises(TypeError):
            kdf.hkdf(bad, 32, b"k")  # type: ignore[arg-type]
    with pytest.raises(nacre.UnsupportedAlgorithm):  # nacre.h: HKDF-SHA384 is BoringSSL's
        kdf.hkdf("sha384", 32, b"k", backend="sodium")
    for bad in ("text", 42, object()):
        with pytest.raises(TypeError):
            kdf.hkdf("sha256", 32, bad)
        with pytest.raises(TypeError):
            kdf.hkdf("sha256", 32, b"k", bad)
        with pytest.raises(TypeError):
            kdf.hkdf("sha256", 32, b"k", b"", bad)


# --- PBKDF2 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "vec", [pytest.param(v, id=f"{v.where}-{v['ALG']}") for v in _load("pbkdf2.txt")]
)
def test_pbkdf2_known_answer(vec: Vector) -> None:
    dk = vec.hex("DK")
    got = kdf.pbkdf2_hmac(
        vec["ALG"], vec.hex("PASSWORD"), vec.hex("SALT"), int(vec["ITERATIONS"]), len(dk)
    )
    assert got == dk


@pytest.mark.parametrize("alg", sorted(HKDF_BACKENDS))  # nacre.h: PBKDF2 over the same hashes
@settings(max_examples=30)
@given(
    password=st.binary(max_size=150),
    salt=st.binary(max_size=100),
    iterations=st.integers(min_value=1, max_value=40),
    dklen=st.one_of(st.none(), st.integers(min_value=1, max_value=300)),
)
def test_pbkdf2_matches_hashlib(
    alg: str, password: bytes, salt: bytes, iterations: int, dklen: Optional[int]
) -> None:
    expected = hashlib.pbkdf2_hmac(alg, password, salt, iterations, dklen)
    assert kdf.pbkdf2_hmac(alg, password, salt, iterations, dklen) == expected


def test_pbkdf2_limits() -> None:
    assert len(kdf.pbkdf2_hmac("sha256", b"p", b"s", 1)) == 32  # dklen defaults to the digest
    assert len(kdf.pbkdf2_hmac("sha512", b"p", b"s", 1)) == 64
    top = kdf.PBKDF2_MAX_SIZE
    assert top == 1 << 20
    assert kdf.pbkdf2_hmac("sha256", b"p", b"s", 1, top)[-32:] == hashlib.pbkdf2_hmac(
        "sha256", b"p", b"s", 1, top
    )[-32:]
    for bad_dklen in (0, top + 1):
        with pytest.raises(ValueError):
            kdf.pbkdf2_hmac("sha256", b"p", b"s", 1, bad_dklen)
    for bad_rounds in (0, -1, 2**32, 2**64):
        with pytest.raises(ValueError):
            kdf.pbkdf2_hmac("sha256", b"p", b"s", bad_rounds)
    with pytest.raises(TypeError):
        kdf.pbkdf2_hmac("sha256", b"p", b"s", 1.5)  # type: ignore[arg-type]
    for bad in ("sha512_256", "md5", "sha3_256"):  # nacre.h: the NACRE_HASH_FLAG_KDF hashes only
        with pytest.raises(nacre.UnsupportedAlgorithm) as info:
            kdf.pbkdf2_hmac(bad, b"p", b"s", 1)
        assert isinstance(info.value, ValueError)  # as hashlib raises
    with pytest.raises(TypeError):
        kdf.pbkdf2_hmac("sha256", "password", b"s", 1)  # type: ignore[arg-type]


# --- scrypt -----------------------------------------------------------------------------------


def _scrypt_cases() -> list:
    return [
        _param(vec, backend)
        for vec in _load("scrypt.txt")
        for backend in sorted(SCRYPT_BACKENDS) + [None]
    ]


@pytest.mark.parametrize("vec,backend", _scrypt_cases())
def test_scrypt_known_answer(vec: Vector, backend: Optional[str]) -> None:
    if vec.get("SLOW") == "1":
        pytest.skip("needs about 1 GiB and several seconds (SLOW: 1)")
    dk = vec.hex("DK")
    got = kdf.scrypt(
        vec.hex("PASSWORD"), salt=vec.hex("SALT"), n=int(vec["N"]), r=int(vec["R"]),
        p=int(vec["P"]), dklen=len(dk), backend=backend,
    )
    assert got == dk


@settings(max_examples=20)
@given(
    password=st.binary(max_size=80),
    salt=st.binary(max_size=80),
    log_n=st.integers(min_value=1, max_value=7),
    r=st.integers(min_value=1, max_value=4),
    p=st.integers(min_value=1, max_value=3),
    dklen=st.integers(min_value=1, max_value=200),
)
def test_scrypt_matches_hashlib(
    password: bytes, salt: bytes, log_n: int, r: int, p: int, dklen: int
) -> None:
    expected = hashlib.scrypt(password, salt=salt, n=2**log_n, r=r, p=p, dklen=dklen)
    for backend in sorted(SCRYPT_BACKENDS) + [None]:
        got = kdf.scrypt(password, salt=salt, n=2**log_n, r=r, p=p, dklen=dklen, backend=backend)
        assert got == expected, backend


def test_scrypt_limits() -> None:
    assert len(kdf.scrypt(b"p", salt=b"s", n=2, r=1, p=1)) == 64  # hashlib's default dklen
    for n in (0, 1, 3, 1000, 2**32 + 2, 2**33):
        with pytest.raises(ValueError):
            kdf.scrypt(b"p", salt=b"s", n=n, r=1, p=1)
    for r, p in ((0, 1), (1, 0), (-1, 1), (2**15, 2**15), (2**32, 1)):
        with pytest.raises(ValueError):
            kdf.scrypt(b"p", salt=b"s", n=16, r=r, p=p)
    for dklen in (0, kdf.SCRYPT_MAX_SIZE + 1):
        with pytest.raises(ValueError):
            kdf.scrypt(b"p", salt=b"s", n=16, r=1, p=1, dklen=dklen)
    with pytest.raises(ValueError):  # RFC 7914: N < 2^(128 r / 8)
        kdf.scrypt(b"p", salt=b"s", n=2**16, r=1, p=1)
    with pytest.raises(ValueError):  # 128 * r * (n + p) bytes above maxmem
        kdf.scrypt(b"p", salt=b"s", n=1024, r=8, p=1, maxmem=1 << 20)
    assert kdf.scrypt(b"p", salt=b"s", n=1024, r=8, p=1, maxmem=2 << 20) == hashlib.scrypt(
        b"p", salt=b"s", n=1024, r=8, p=1, maxmem=2 << 20
    )
    with pytest.raises(ValueError):  # more than nacre's 4 GiB
        kdf.scrypt(b"p", salt=b"s", n=2**22, r=8, p=1)
    with pytest.raises(TypeError):
        kdf.scrypt(b"p", b"s", 16, 1, 1)  # type: ignore[misc] - keywords, as hashlib
    with pytest.raises(TypeError):
        kdf.scrypt("p", salt=b"s", n=16, r=1, p=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        kdf.scrypt(b"p", salt=b"s", n=16, r=1, p=1, backend="openssl")


# --- derive_subkey (libsodium's crypto_kdf) -----------------------------------------------------


@pytest.mark.parametrize("vec", [pytest.param(v, id=v.where) for v in _load("kdf_blake2b.txt")])
def test_derive_subkey_known_answer(vec: Vector) -> None:
    subkey = vec.hex("SUBKEY")
    got = kdf.derive_subkey(vec.hex("KEY"), int(vec["SUBKEY_ID"]), vec.hex("CONTEXT"), len(subkey))
    assert got == subkey


def blake2b_subkey(key: bytes, subkey_id: int, context: bytes, length: int) -> bytes:
    """crypto_kdf_derive_from_key through hashlib: BLAKE2b keyed with the master key, salt
    LE64(id) || 0^8, personalisation context || 0^8, empty message."""
    return hashlib.blake2b(
        b"", digest_size=length, key=key, salt=struct.pack("<Q", subkey_id) + bytes(8),
        person=context + bytes(8),
    ).digest()


@settings(max_examples=40)
@given(
    key=st.binary(min_size=32, max_size=32),
    subkey_id=st.integers(min_value=0, max_value=2**64 - 1),
    context=st.binary(min_size=8, max_size=8),
    length=st.integers(min_value=16, max_value=64),
)
def test_derive_subkey_matches_hashlib(
    key: bytes, subkey_id: int, context: bytes, length: int
) -> None:
    assert kdf.derive_subkey(key, subkey_id, context, length) == blake2b_subkey(
        key, subkey_id, context, length
    )


def test_derive_subkey_limits() -> None:
    assert (kdf.SUBKEY_KEY_SIZE, kdf.SUBKEY_CONTEXT_SIZE) == (32, 8)  # crypto_kdf_KEYBYTES, ...
    assert (kdf.SUBKEY_MIN_SIZE, kdf.SUBKEY_MAX_SIZE) == (16, 64)  # crypto_kdf_BYTES_MIN/MAX
    key, ctx = bytes(32), b"Examples"
    for n in (0, 31, 33):
        with pytest.raises(ValueError):
            kdf.derive_subkey(bytes(n), 1, ctx, 32)
    for n in (0, 7, 9):
        with pytest.raises(ValueError):
            kdf.derive_subkey(key, 1, bytes(n), 32)
    for n in (0, 15, 65, -1):
        with pytest.raises(ValueError):
            kdf.derive_subkey(key, 1, ctx, n)
    for subkey_id in (-1, 2**64):
        with pytest.raises(ValueError):
            kdf.derive_subkey(key, subkey_id, ctx, 32)
    assert kdf.derive_subkey(key, 2**64 - 1, ctx, 32) == blake2b_subkey(key, 2**64 - 1, ctx, 32)
    with pytest.raises(TypeError):
        kdf.derive_subkey(key, 1, "Examples", 32)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kdf.derive_subkey(key, 1.0, ctx, 32)  # type: ignore[arg-type]
