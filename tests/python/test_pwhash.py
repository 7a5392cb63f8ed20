"""nacre.pwhash: known answers from tests/vectors/argon2.txt (derive_key, and verify_password on
the encoded strings), hash/verify/needs_rehash round trips at libsodium's minimum limits,
malformed strings, and interop with argon2-cffi where it is importable.

Interpreter and nacre: see conftest.py.
Expected values come from the vector file, libsodium's documented constants and argon2-cffi
(the reference libargon2), never from nacre.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
import nacre.pwhash as pwhash
from vectors import Vector, read_vectors, vectors_dir

MIB = 1 << 20
# libsodium's crypto_pwhash_{argon2id,argon2i,scryptsalsa208sha256}_{OPSLIMIT,MEMLIMIT}_MIN.
MINIMUM: Dict[str, Tuple[int, int]] = {
    "argon2id": (1, 8192),
    "argon2i": (3, 8192),
    "scrypt": (32768, 16 * MIB),
}
# libsodium's *_OPSLIMIT_/*_MEMLIMIT_ INTERACTIVE, MODERATE and SENSITIVE (none MODERATE for
# scrypt).
PRESETS: Dict[Tuple[str, str], Tuple[int, int]] = {
    ("argon2id", "interactive"): (2, 64 * MIB),
    ("argon2id", "moderate"): (3, 256 * MIB),
    ("argon2id", "sensitive"): (4, 1024 * MIB),
    ("argon2i", "interactive"): (4, 32 * MIB),
    ("argon2i", "moderate"): (6, 128 * MIB),
    ("argon2i", "sensitive"): (8, 512 * MIB),
    ("scrypt", "interactive"): (524288, 16 * MIB),
    ("scrypt", "sensitive"): (33554432, 1024 * MIB),
}
PREFIX = {"argon2id": "$argon2id$v=19$", "argon2i": "$argon2i$v=19$", "scrypt": "$7$"}


def _load() -> List[Vector]:
    path = vectors_dir() / "argon2.txt"
    return read_vectors(path) if path.is_file() else []  # test_vector_file checks presence


def _minimum(alg: str) -> Dict[str, int]:
    ops, mem = MINIMUM[alg]
    return {"algorithm": alg, "opslimit": ops, "memlimit": mem}  # type: ignore[dict-item]


def test_vector_file() -> None:
    path = vectors_dir() / "argon2.txt"
    assert path.is_file(), f"{path} is missing (set NACRE_VECTORS_DIR?)"
    vectors = read_vectors(path)
    keys = {"ALG", "PASSWORD", "SALT", "OPSLIMIT", "MEMLIMIT", "PARALLELISM", "DK"}
    for vec in vectors:
        assert keys <= set(vec) <= keys | {"ENCODED"}, vec.where
        assert vec["PARALLELISM"] == "1" and len(vec.hex("SALT")) == 16, vec.where
    assert {v["ALG"] for v in vectors} == {"argon2id", "argon2i"}
    assert any("ENCODED" in v for v in vectors)


@pytest.mark.parametrize("vec", [pytest.param(v, id=f"{v.where}-{v['ALG']}") for v in _load()])
def test_known_answer(vec: Vector) -> None:
    alg, password, dk = vec["ALG"], vec.hex("PASSWORD"), vec.hex("DK")
    ops, mem = int(vec["OPSLIMIT"]), int(vec["MEMLIMIT"])
    got = pwhash.derive_key(
        password, vec.hex("SALT"), len(dk), algorithm=alg, opslimit=ops, memlimit=mem
    )
    assert got == dk
    if "ENCODED" in vec:
        encoded = vec["ENCODED"]
        assert pwhash.identify(encoded) == alg
        pwhash.verify_password(encoded, password)
        pwhash.verify_password(encoded.encode("ascii"), bytearray(password))
        with pytest.raises(nacre.VerificationFailed):
            pwhash.verify_password(encoded, password + b"x")
        # The string's own limits are the vector's: no rehash for them, a rehash for others.
        assert pwhash.needs_rehash(encoded, opslimit=ops, memlimit=mem) is False
        assert pwhash.needs_rehash(encoded, opslimit=ops + 1, memlimit=mem) is True
        assert pwhash.needs_rehash(encoded, opslimit=ops, memlimit=2 * mem) is True


@pytest.mark.parametrize("alg,preset", sorted(PRESETS))
def test_preset_limits_are_libsodiums(alg: str, preset: str) -> None:
    assert pwhash.preset_limits(alg, preset) == PRESETS[(alg, preset)]
    assert pwhash.preset_limits(alg.upper(), preset.upper()) == PRESETS[(alg, preset)]


def test_preset_errors() -> None:
    assert (pwhash.INTERACTIVE, pwhash.MODERATE, pwhash.SENSITIVE) == (
        "interactive", "moderate", "sensitive",
    )
    with pytest.raises(nacre.UnsupportedAlgorithm):
        pwhash.preset_limits("scrypt", pwhash.MODERATE)  # libsodium defines none
    with pytest.raises(nacre.UnsupportedAlgorithm):
        pwhash.preset_limits("argon2id", "paranoid")
    with pytest.raises(nacre.UnsupportedAlgorithm):
        pwhash.preset_limits("bcrypt", "interactive")
    with pytest.raises(TypeError):
        pwhash.preset_limits("argon2id", 2)  # type: ignore[arg-type]


def test_salt_sizes() -> None:
    # crypto_pwhash_argon2{id,i}_SALTBYTES, crypto_pwhash_scryptsalsa208sha256_SALTBYTES
    assert [pwhash.salt_size(a) for a in ("argon2id", "argon2i", "scrypt")] == [16, 16, 32]
    assert pwhash.MAX_MEMLIMIT == 4 << 30


# --- hash strings -----------------------------------------------------------------------------


@pytest.mark.parametrize("alg", sorted(MINIMUM))
def test_hash_verify_rehash_round_trip(alg: str) -> None:
    limits = _minimum(alg)
    one = pwhash.hash_password(b"correct horse", **limits)
    two = pwhash.hash_password(b"correct horse", **limits)
    assert isinstance(one, str) and one.isascii() and one.startswith(PREFIX[alg])
    assert one != two  # a random salt each time
    assert pwhash.identify(one) == alg
    pwhash.verify_password(one, b"correct horse")
    pwhash.verify_password(two.encode("ascii"), memoryview(b"correct horse"))
    for wrong in (b"", b"correct hors", b"correct horse ", b"Correct horse"):
        with pytest.raises(nacre.VerificationFailed) as info:
            pwhash.verify_password(one, wrong)
        assert not isinstance(info.value, ValueError)
    ops, mem = MINIMUM[alg]
    assert pwhash.needs_rehash(one, opslimit=ops, memlimit=mem) is False
    assert pwhash.needs_rehash(one, algorithm=alg, opslimit=ops, memlimit=mem) is False
    assert pwhash.needs_rehash(one, opslimit=ops * 2, memlimit=mem) is True
    if alg != "scrypt":
        # (libsodium compares scrypt's N, r, p, which this small opslimit bounds, not memlimit.)
        assert pwhash.needs_rehash(one, opslimit=ops, memlimit=mem * 2) is True
    assert pwhash.needs_rehash(one) is True  # the default preset is far above the minimum
    assert pwhash.needs_rehash(one, preset=pwhash.SENSITIVE) is True
    other = next(a for a in MINIMUM if a != alg)
    ops, mem = MINIMUM[other]
    assert pwhash.needs_rehash(one, algorithm=other, opslimit=ops, memlimit=mem) is True


def test_argon2id_string_records_the_limits() -> None:
    stored = pwhash.hash_password(b"pw", opslimit=3, memlimit=65536 * 1024)
    b64 = "[A-Za-z0-9+/]"  # unpadded base64: a 16-byte salt, a 32-byte hash
    assert re.fullmatch(rf"\$argon2id\$v=19\$m=65536,t=3,p=1\${b64}{{22}}\${b64}{{43}}", stored)


def test_passwords_are_bytes() -> None:
    for password in (b"", bytes(range(256)), "pässwörd".encode(), b"\x00inside"):
        stored = pwhash.hash_password(password, **_minimum("argon2id"))
        pwhash.verify_password(stored, password)
    with pytest.raises(TypeError):
        pwhash.hash_password("text", **_minimum("argon2id"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        stored = pwhash.hash_password(b"x", **_minimum("argon2id"))
        pwhash.verify_password(stored, "x")  # type: ignore[arg-type]


def test_limit_arguments() -> None:
    with pytest.raises(TypeError):
        pwhash.hash_password(b"pw", opslimit=1)
    with pytest.raises(TypeError):
        pwhash.hash_password(b"pw", memlimit=8192)
    with pytest.raises(TypeError):
        pwhash.hash_password(b"pw", preset=pwhash.INTERACTIVE, opslimit=1, memlimit=8192)
    for alg, (ops, mem) in MINIMUM.items():
        for bad in ((ops - 1, mem), (ops, mem - 1), (ops, pwhash.MAX_MEMLIMIT + 1024)):
            with pytest.raises(ValueError) as info:
                pwhash.hash_password(b"pw", algorithm=alg, opslimit=bad[0], memlimit=bad[1])
            assert isinstance(info.value, nacre.Error)
        with pytest.raises(ValueError):
            pwhash.hash_password(b"pw", algorithm=alg, opslimit=-1, memlimit=mem)
    with pytest.raises(ValueError):
        pwhash.hash_password(b"pw", opslimit=2**64, memlimit=8192)
    with pytest.raises(nacre.UnsupportedAlgorithm):
        pwhash.hash_password(b"pw", algorithm="bcrypt")
    with pytest.raises(nacre.UnsupportedAlgorithm):
        pwhash.hash_password(b"pw", algorithm="scrypt", preset=pwhash.MODERATE)


def test_scrypt_preset_round_trip() -> None:
    # scrypt's INTERACTIVE preset is its default (libsodium has no MODERATE one): 16 MiB.
    stored = pwhash.hash_password(b"pw", algorithm="scrypt")
    pwhash.verify_password(stored, b"pw")
    assert pwhash.needs_rehash(stored) is False
    assert pwhash.needs_rehash(stored, preset=pwhash.INTERACTIVE) is False
    assert pwhash.needs_rehash(stored, preset=pwhash.SENSITIVE) is True
    assert pwhash.needs_rehash(stored, algorithm="argon2id") is True


def _valid() -> str:
    return pwhash.hash_password(b"pw", **_minimum("argon2id"))


# A well-formed salt and hash field (16 and 32 bytes, unpadded base64).
SALT_AND_HASH = "$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"
MALFORMED: List[Any] = [
    "",
    "$",
    "argon2id",
    "$argon2id$",
    "$argon2id$v=19$m=8,t=1,p=1$",
    "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$",
    "$argon2d$v=19$m=8,t=1,p=1" + SALT_AND_HASH,
    "$2b$12$abcdefghijklmnopqrstuuVwTf8Hd1nVQ2a.f1jqFzS3K3c8uO0m6",
    "$7$",
    "$7$C6..../....SodiumChloride",
    "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFza\x00GhhcG",
    "$argon2id$v=19$m=8,t=1,p=1$sälz$hash",
    b"\xff\xfe",
    # Limits beyond nacre's caps, refused before any memory or time is spent: 4 TiB, 4 GiB +
    # 1 KiB (just above MAX_MEMLIMIT), 2^32 passes (above libsodium's OPSLIMIT_MAX, 2^32 - 1;
    # t = 2^32 - 1 itself is within the limits and would run for days).
    "$argon2id$v=19$m=4294967295,t=1,p=1" + SALT_AND_HASH,
    "$argon2id$v=19$m=4194305,t=1,p=1" + SALT_AND_HASH,
    "$argon2id$v=19$m=8,t=4294967296,p=1" + SALT_AND_HASH,
    "$7$z/..../....c2FsdA$aGFzaA",
]


@pytest.mark.parametrize("bad", MALFORMED + ["truncated", "extended"], ids=repr)
def test_malformed_strings_are_invalid_arguments(bad: Any) -> None:
    if bad == "truncated":
        bad = _valid()[:-10]
    elif bad == "extended":
        bad = _valid() + "$extra"
    with pytest.raises(ValueError) as info:
        pwhash.verify_password(bad, b"pw")
    assert isinstance(info.value, nacre.InvalidArgument)
    assert not isinstance(info.value, MemoryError)
    with pytest.raises(ValueError):
        pwhash.needs_rehash(bad, opslimit=1, memlimit=8192)


def test_well_formed_control_string_is_only_a_mismatch() -> None:
    # The same fields within the limits parse: the over-limit strings above fail for their limits.
    with pytest.raises(nacre.VerificationFailed) as info:
        pwhash.verify_password("$argon2id$v=19$m=8,t=1,p=1" + SALT_AND_HASH, b"pw")
    assert not isinstance(info.value, ValueError)
    control = "$argon2id$v=19$m=8,t=1,p=1" + SALT_AND_HASH
    assert pwhash.needs_rehash(control, opslimit=1, memlimit=8192) is False


def test_hash_argument_types() -> None:
    for bad in (None, 42, object()):
        with pytest.raises(TypeError):
            pwhash.verify_password(bad, b"pw")
        with pytest.raises(TypeError):
            pwhash.needs_rehash(bad)


# --- derive_key -------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", sorted(MINIMUM))
def test_derive_key(alg: str) -> None:
    limits = _minimum(alg)
    salt = bytes(range(pwhash.salt_size(alg)))
    key = pwhash.derive_key(b"pw", salt, 32, **limits)
    assert len(key) == 32
    assert pwhash.derive_key(bytearray(b"pw"), memoryview(salt), 32, **limits) == key
    assert pwhash.derive_key(b"pw", salt[::-1], 32, **limits) != key
    assert pwhash.derive_key(b"pX", salt, 32, **limits) != key
    assert len(pwhash.derive_key(b"pw", salt, 16, **limits)) == 16
    for n in (0, 15, -1):
        with pytest.raises(ValueError):
            pwhash.derive_key(b"pw", salt, n, **limits)
    for size in (0, len(salt) - 1, len(salt) + 1):
        with pytest.raises(ValueError):
            pwhash.derive_key(b"pw", bytes(size), 32, **limits)
    with pytest.raises(TypeError):
        pwhash.derive_key("pw", salt, 32, **limits)  # type: ignore[arg-type]


# --- interop with argon2-cffi (the reference libargon2) ------------------------------------


@settings(max_examples=10)
@given(
    password=st.binary(max_size=64),
    salt=st.binary(min_size=16, max_size=16),
    t=st.integers(min_value=1, max_value=3),
    m_kib=st.integers(min_value=8, max_value=256),
    length=st.integers(min_value=16, max_value=80),
    alg=st.sampled_from(["argon2id", "argon2i"]),
)
def test_derive_key_matches_libargon2(
    password: bytes, salt: bytes, t: int, m_kib: int, length: int, alg: str
) -> None:
    low_level = pytest.importorskip("argon2.low_level", reason="argon2-cffi is not importable")
    if alg == "argon2i":
        t = max(t, 3)  # libsodium's Argon2i minimum
    kind = low_level.Type.ID if alg == "argon2id" else low_level.Type.I
    expected = low_level.hash_secret_raw(password, salt, t, m_kib, 1, length, kind)
    got = pwhash.derive_key(
        password, salt, length, algorithm=alg, opslimit=t, memlimit=m_kib * 1024
    )
    assert got == expected


def test_strings_interoperate_with_argon2_cffi() -> None:
    argon2 = pytest.importorskip("argon2", reason="argon2-cffi is not importable")
    theirs = argon2.PasswordHasher(time_cost=2, memory_cost=64, parallelism=1)
    ours = pwhash.hash_password(b"secret", opslimit=2, memlimit=64 * 1024)
    assert theirs.verify(ours, b"secret")
    with pytest.raises(argon2.exceptions.VerifyMismatchError):
        theirs.verify(ours, b"other")
    stored = theirs.hash(b"secret")
    pwhash.verify_password(stored, b"secret")
    with pytest.raises(nacre.VerificationFailed):
        pwhash.verify_password(stored, b"other")
    assert pwhash.needs_rehash(stored, opslimit=2, memlimit=64 * 1024) is False
