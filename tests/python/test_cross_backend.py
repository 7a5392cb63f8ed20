"""Property tests: both backends agree with each other and with Python's hashlib/hmac, however the
input is chunked, and copy() forks a state.

Interpreter and nacre: see conftest.py.
Python's hashlib and hmac are the independent oracle.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
from typing import List

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nacre.hash
import nacre.hmac
from vectors import HASH_BACKENDS, HMAC_BACKENDS, XOFS, hash_kwargs

BOTH_BACKENDS = ["sha256", "sha512"]  # hashes (and HMACs) that both backends implement
BACKENDS = ["boringssl", "sodium"]

data_st = st.binary(max_size=3000)
key_st = st.binary(max_size=300)  # longer than every block size: such keys are hashed first


def _chunks(data: bytes, cuts: List[int]) -> List[bytes]:
    points = sorted({min(c, len(data)) for c in cuts})
    pieces, start = [], 0
    for p in points + [len(data)]:
        pieces.append(data[start:p])
        start = p
    return pieces


def test_both_backends_really_exist() -> None:
    # Without this, every test below could run on one backend only and still pass.
    for name in BOTH_BACKENDS:
        assert set(nacre.hash.available_backends(name)) == set(BACKENDS)
        assert set(nacre.hmac.available_backends(name)) == set(BACKENDS)


@pytest.mark.parametrize("name", BOTH_BACKENDS)
@given(data=data_st)
def test_hash_backends_agree(name: str, data: bytes) -> None:
    expected = hashlib.new(name, data).digest()
    for backend in BACKENDS + [None]:
        assert nacre.hash.new(name, data, backend=backend).digest() == expected, backend
        assert nacre.hash.digest(name, data, backend=backend) == expected, backend


@pytest.mark.parametrize("name", BOTH_BACKENDS)
@given(key=key_st, data=data_st)
def test_hmac_backends_agree(name: str, key: bytes, data: bytes) -> None:
    expected = std_hmac.new(key, data, name).digest()
    for backend in BACKENDS + [None]:
        assert nacre.hmac.new(key, data, name, backend=backend).digest() == expected, backend
        assert nacre.hmac.digest(key, data, name, backend=backend) == expected, backend


@pytest.mark.parametrize("name", BOTH_BACKENDS)
@pytest.mark.parametrize("backend", BACKENDS)
@given(data=data_st, cuts=st.lists(st.integers(min_value=0, max_value=3000), max_size=12))
def test_incremental_equals_one_shot(name: str, backend: str, data: bytes, cuts: List[int]) -> None:
    h = nacre.hash.new(name, backend=backend)
    m = nacre.hmac.new(b"key", digestmod=name, backend=backend)
    for piece in _chunks(data, cuts):
        h.update(piece)
        m.update(piece)
    assert h.digest() == nacre.hash.digest(name, data, backend=backend)
    assert h.digest() == hashlib.new(name, data).digest()
    assert m.digest() == std_hmac.new(b"key", data, name).digest()


@pytest.mark.parametrize("name", BOTH_BACKENDS)
@pytest.mark.parametrize("backend", BACKENDS)
@given(prefix=data_st, left=data_st, right=data_st)
def test_copy_forks(name: str, backend: str, prefix: bytes, left: bytes, right: bytes) -> None:
    h = nacre.hash.new(name, prefix, backend=backend)
    m = nacre.hmac.new(b"k", prefix, name, backend=backend)
    h2, m2 = h.copy(), m.copy()
    h.update(left)
    m.update(left)
    h2.update(right)
    m2.update(right)
    assert h.digest() == hashlib.new(name, prefix + left).digest()
    assert h2.digest() == hashlib.new(name, prefix + right).digest()
    assert m.digest() == std_hmac.new(b"k", prefix + left, name).digest()
    assert m2.digest() == std_hmac.new(b"k", prefix + right, name).digest()


@pytest.mark.parametrize("name", sorted(set(HASH_BACKENDS) - XOFS - {"blake2b"}))
@given(data=data_st, cuts=st.lists(st.integers(min_value=0, max_value=3000), max_size=6))
def test_every_hash_matches_hashlib(name: str, data: bytes, cuts: List[int]) -> None:
    for backend in sorted(HASH_BACKENDS[name]):
        h = nacre.hash.new(name, backend=backend, **hash_kwargs(name))
        for piece in _chunks(data, cuts):
            h.update(piece)
        assert h.digest() == hashlib.new(name, data).digest(), backend


@pytest.mark.parametrize("name", sorted(XOFS))
@given(data=data_st, length=st.integers(min_value=0, max_value=600))
def test_xofs_match_hashlib(name: str, data: bytes, length: int) -> None:
    expected = hashlib.new(name, data).digest(length)
    assert nacre.hash.new(name, data).digest(length) == expected
    assert nacre.hash.digest(name, data, length=length) == expected


@given(
    data=data_st,
    key=st.binary(max_size=64),
    size=st.integers(min_value=16, max_value=64),
)
def test_blake2b_matches_hashlib(data: bytes, key: bytes, size: int) -> None:
    expected = hashlib.blake2b(data, digest_size=size, key=key).digest()
    assert nacre.hash.blake2b(data, digest_size=size, key=key).digest() == expected


@given(key=key_st, data=data_st)
def test_hmac_sha384_matches_stdlib(key: bytes, data: bytes) -> None:
    for backend in sorted(HMAC_BACKENDS["sha384"]) + [None]:
        assert nacre.hmac.digest(key, data, "sha384", backend=backend) == std_hmac.digest(
            key, data, "sha384"
        )


@given(
    data=data_st,
    key=st.binary(max_size=64),
    salt=st.binary(max_size=16),
    person=st.binary(max_size=16),
    size=st.integers(min_value=16, max_value=64),
)
def test_blake2b_salt_and_person_match_hashlib(
    data: bytes, key: bytes, salt: bytes, person: bytes, size: int
) -> None:
    # CPython's _blake2 (the BLAKE2 reference code) is the oracle for libsodium's salt_personal.
    expected = hashlib.blake2b(data, digest_size=size, key=key, salt=salt, person=person).digest()
    ours = nacre.hash.blake2b(data, digest_size=size, key=key, salt=salt, person=person)
    assert ours.digest() == expected
    assert nacre.hash.new("blake2b", data, digest_size=size, key=key, salt=salt,
                          person=person).digest() == expected
