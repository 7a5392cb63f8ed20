"""nacre.keywrap: the RFCs' examples, Wycheproof's aes_wrap_test.json, pyca/cryptography both
ways, and pyca's errors for each bad input."""

from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives import keywrap as pyca

import nacre
import nacre.keywrap as kw
from vectors import load_wycheproof, read_vectors, vectors_dir

WRAP = {"rfc3394": kw.aes_key_wrap, "rfc5649": kw.aes_key_wrap_with_padding}
UNWRAP = {"rfc3394": kw.aes_key_unwrap, "rfc5649": kw.aes_key_unwrap_with_padding}
RFC_VECTORS = read_vectors(vectors_dir() / "keywrap.txt")


def test_the_rfc_examples_are_all_read() -> None:
    assert len(RFC_VECTORS) == 8


@pytest.mark.parametrize("v", RFC_VECTORS, ids=lambda v: v.where)
def test_rfc_examples(v) -> None:  # type: ignore[no-untyped-def]
    kek, key, wrapped = v.hex("KEK"), v.hex("KEY"), v.hex("WRAPPED")
    assert WRAP[v["MODE"]](kek, key) == wrapped
    assert UNWRAP[v["MODE"]](kek, wrapped) == key
    assert UNWRAP[v["MODE"]](bytearray(kek), memoryview(wrapped)) == key  # any buffer


def test_wycheproof_aes_wrap() -> None:
    doc = load_wycheproof("aes_wrap_test.json")
    counts = {"valid": 0, "invalid": 0, "acceptable": 0}
    for group in doc["testGroups"]:
        for t in group["tests"]:
            kek, msg, ct = (bytes.fromhex(t[k]) for k in ("key", "msg", "ct"))
            counts[t["result"]] += 1
            try:
                out = kw.aes_key_unwrap(kek, ct)
            except kw.InvalidUnwrap:
                assert t["result"] != "valid", t["tcId"]
                continue
            assert t["result"] != "invalid", t["tcId"]
            assert out == msg, t["tcId"]
            assert kw.aes_key_wrap(kek, msg) == ct, t["tcId"]
    assert sum(counts.values()) == doc["numberOfTests"]
    assert counts["valid"] > 30 and counts["invalid"] > 100


@pytest.mark.parametrize("kek_len", [16, 24, 32])
def test_pyca_both_ways(kek_len: int) -> None:
    kek = os.urandom(kek_len)
    for n in range(16, 80, 8):
        key = os.urandom(n)
        assert kw.aes_key_wrap(kek, key) == pyca.aes_key_wrap(kek, key)
        assert kw.aes_key_unwrap(kek, pyca.aes_key_wrap(kek, key)) == key
        assert pyca.aes_key_unwrap(kek, kw.aes_key_wrap(kek, key)) == key
    for n in range(1, 80):
        key = os.urandom(n)
        assert kw.aes_key_wrap_with_padding(kek, key) == pyca.aes_key_wrap_with_padding(kek, key)
        assert kw.aes_key_unwrap_with_padding(kek, pyca.aes_key_wrap_with_padding(kek, key)) == key
        assert pyca.aes_key_unwrap_with_padding(kek, kw.aes_key_wrap_with_padding(kek, key)) == key


PAIRS = {
    "wrap": (kw.aes_key_wrap, pyca.aes_key_wrap),
    "unwrap": (kw.aes_key_unwrap, pyca.aes_key_unwrap),
    "wrap_pad": (kw.aes_key_wrap_with_padding, pyca.aes_key_wrap_with_padding),
    "unwrap_pad": (kw.aes_key_unwrap_with_padding, pyca.aes_key_unwrap_with_padding),
}
# (function, KEK length, input length, nacre's exception, pyca's exception)
BAD_CALLS = [
    ("wrap", 15, 16, nacre.InvalidKey, ValueError),
    ("unwrap", 33, 24, nacre.InvalidKey, ValueError),
    ("unwrap_pad", 3, 16, nacre.InvalidKey, ValueError),
    ("wrap", 16, 8, nacre.InvalidArgument, ValueError),
    ("wrap", 16, 17, nacre.InvalidArgument, ValueError),
    ("wrap_pad", 16, 0, nacre.InvalidArgument, ValueError),
    ("unwrap", 16, 16, kw.InvalidUnwrap, pyca.InvalidUnwrap),
    ("unwrap", 16, 25, kw.InvalidUnwrap, pyca.InvalidUnwrap),
    ("unwrap", 16, 24, kw.InvalidUnwrap, pyca.InvalidUnwrap),
    ("unwrap_pad", 16, 8, kw.InvalidUnwrap, pyca.InvalidUnwrap),
    ("unwrap_pad", 16, 17, kw.InvalidUnwrap, pyca.InvalidUnwrap),
    ("unwrap_pad", 16, 16, kw.InvalidUnwrap, pyca.InvalidUnwrap),
]


@pytest.mark.parametrize("fn,kek_len,in_len,ours,theirs", BAD_CALLS,
                         ids=[f"{c[0]}-kek{c[1]}-in{c[2]}" for c in BAD_CALLS])
def test_bad_inputs_raise_what_pyca_raises(
    fn: str, kek_len: int, in_len: int, ours: type, theirs: type
) -> None:
    mine, peer = PAIRS[fn]
    with pytest.raises(ours) as caught:
        mine(bytes(kek_len), bytes(in_len))
    assert isinstance(caught.value, nacre.Error)
    assert "NACRE_ERR" in str(caught.value) and ":" in str(caught.value)  # a reason and a code
    with pytest.raises(theirs):
        peer(bytes(kek_len), bytes(in_len))


def test_invalid_unwrap_is_a_verification_failure() -> None:
    assert issubclass(kw.InvalidUnwrap, nacre.VerificationFailed)
    assert kw.InvalidUnwrap is nacre.InvalidUnwrap
    assert not issubclass(kw.InvalidUnwrap, ValueError)  # as pyca's: not an argument error


def test_wrong_kek_and_tampering_release_nothing() -> None:
    kek, other = os.urandom(32), os.urandom(32)
    for wrap, unwrap in ((kw.aes_key_wrap, kw.aes_key_unwrap),
                         (kw.aes_key_wrap_with_padding, kw.aes_key_unwrap_with_padding)):
        wrapped = wrap(kek, bytes(range(32)))
        with pytest.raises(kw.InvalidUnwrap):
            unwrap(other, wrapped)
        for i in range(len(wrapped)):
            bad = bytearray(wrapped)
            bad[i] ^= 0x01
            with pytest.raises(kw.InvalidUnwrap):
                unwrap(kek, bytes(bad))
        with pytest.raises(kw.InvalidUnwrap):
            unwrap(kek, wrapped[:-8])
