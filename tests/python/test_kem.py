"""nacre.kem: ML-KEM-768 and X-Wing round trips, sizes, implicit rejection, wrong sizes and
types, and the Wycheproof ML-KEM-768 key generation and decapsulation vectors.

Interpreter and nacre: see conftest.py.
Sizes come from FIPS 203 and the X-Wing draft; known answers from Wycheproof (FIPS 203 seeds,
AWS-LC and reenc decapsulation cases). Absent Wycheproof files skip, unless
NACRE_REQUIRE_WYCHEPROOF=1.
"""

from __future__ import annotations

from typing import Any, List, Tuple, Type

import pytest

import nacre
from nacre import kem
from nacre.keys import (
    MLKEM768PrivateKey,
    MLKEM768PublicKey,
    X25519PrivateKey,
    XWingPrivateKey,
    XWingPublicKey,
)
from vectors import load_wycheproof

# (private class, public class, ciphertext size): FIPS 203 table 3, draft-connolly-cfrg-xwing-kem.
KEMS: List[Tuple[Type[Any], Type[Any], int]] = [
    (MLKEM768PrivateKey, MLKEM768PublicKey, 1088),
    (XWingPrivateKey, XWingPublicKey, 1120),
]
KEM_PARAMS = [pytest.param(*k, id=k[0].__name__) for k in KEMS]


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


@pytest.mark.parametrize("private_cls,public_cls,ct_size", KEM_PARAMS)
def test_round_trip(private_cls: Type[Any], public_cls: Type[Any], ct_size: int) -> None:
    key = private_cls.generate()
    public = key.public_key()
    assert ct_size == public_cls.CIPHERTEXT_SIZE and public_cls.SHARED_SECRET_SIZE == 32
    ct, secret = kem.encapsulate(public)
    assert len(ct) == ct_size and len(secret) == kem.SHARED_SECRET_SIZE == 32
    assert kem.decapsulate(key, ct) == secret
    assert key.decapsulate(bytearray(ct)) == secret
    assert key.decapsulate(memoryview(ct)) == secret
    ct2, secret2 = public.encapsulate()  # the method form
    assert ct2 != ct and secret2 != secret  # fresh randomness each time
    assert key.decapsulate(ct2) == secret2
    # The public key read back from its raw form encapsulates to the same owner.
    ct3, secret3 = kem.encapsulate(public_cls.from_raw(public.to_raw()))
    assert private_cls.from_raw(key.to_raw()).decapsulate(ct3) == secret3


@pytest.mark.parametrize("private_cls,public_cls,ct_size", KEM_PARAMS)
def test_implicit_rejection(private_cls: Type[Any], public_cls: Type[Any], ct_size: int) -> None:
    key = private_cls.generate()
    ct, secret = key.public_key().encapsulate()
    # nacre.h: an altered ciphertext of the right size gives an unrelated secret, no error.
    for index in (0, ct_size // 2, ct_size - 1):
        other = key.decapsulate(_flip(ct, index))
        assert len(other) == 32 and other != secret
        assert key.decapsulate(_flip(ct, index)) == other  # deterministic
    assert private_cls.generate().decapsulate(ct) != secret  # another key
    # A ciphertext of the wrong size is NACRE_ERR_INVALID_ARGUMENT: a ValueError.
    for bad in (b"", ct[:-1], ct + b"\x00"):
        with pytest.raises(nacre.InvalidArgument):
            key.decapsulate(bad)
        with pytest.raises(ValueError):
            kem.decapsulate(key, bad)


def test_ciphertexts_of_the_other_kem() -> None:
    ml, xw = MLKEM768PrivateKey.generate(), XWingPrivateKey.generate()
    ml_ct, _ = ml.public_key().encapsulate()
    with pytest.raises(ValueError):
        xw.decapsulate(ml_ct)  # 1088 bytes where X-Wing takes 1120


def test_wrong_key_types() -> None:
    ml = MLKEM768PrivateKey.generate()
    x = X25519PrivateKey.generate()
    for bad in (ml, x.public_key(), None, ml.public_key().to_raw()):
        with pytest.raises(TypeError):
            kem.encapsulate(bad)  # type: ignore[arg-type]
    for bad in (ml.public_key(), x, None):
        with pytest.raises(TypeError):
            kem.decapsulate(bad, bytes(1088))  # type: ignore[arg-type]
    assert not hasattr(ml, "encapsulate") and not hasattr(ml.public_key(), "decapsulate")
    with pytest.raises(TypeError):
        ml.decapsulate("text")  # type: ignore[arg-type]


def test_xwing_seed() -> None:
    seed = nacre.random_bytes(32)
    key = XWingPrivateKey.from_raw(seed)
    assert key.to_raw() == seed
    public = key.public_key().to_raw()
    assert len(public) == 1216
    # draft-connolly-cfrg-xwing-kem: pk = pk_M (1184) || pk_X (32); the X25519 half is not zero.
    assert public[1184:] != bytes(32)
    assert XWingPrivateKey.from_raw(seed).public_key().to_raw() == public
    ct, secret = XWingPublicKey.from_raw(public).encapsulate()
    assert key.decapsulate(ct) == secret


def test_wycheproof_mlkem768_keygen(wycheproof_report: List[str]) -> None:
    data = load_wycheproof("mlkem_768_keygen_seed_test.json")
    assert data["algorithm"] == "ML-KEM"
    count = 0
    for group in data["testGroups"]:
        assert group["parameterSet"] == "ML-KEM-768"
        for test in group["tests"]:
            seed, ek, dk = (bytes.fromhex(test[k]) for k in ("seed", "ek", "dk"))
            assert test["result"] == "valid"
            key = MLKEM768PrivateKey.from_seed(seed)
            assert key.public_key().to_raw() == ek, test["tcId"]
            assert key.to_expanded() == dk, test["tcId"]
            assert MLKEM768PrivateKey.from_expanded(dk).public_key().to_raw() == ek
            count += 1
    assert count == data["numberOfTests"]
    wycheproof_report.append(f"mlkem_768_keygen_seed_test.json: {count} passed")


def test_wycheproof_mlkem768_decaps(wycheproof_report: List[str]) -> None:
    data = load_wycheproof("mlkem_768_semi_expanded_decaps_test.json")
    count = 0
    for group in data["testGroups"]:
        assert group["parameterSet"] == "ML-KEM-768"
        for test in group["tests"]:
            dk, c = bytes.fromhex(test["dk"]), bytes.fromhex(test["c"])
            flags, where = set(test["flags"]), f"tcId {test['tcId']}"
            if test["result"] == "valid":
                key = MLKEM768PrivateKey.from_expanded(dk)
                assert key.decapsulate(c) == bytes.fromhex(test["K"]), where
            elif flags & {"IncorrectDecapsulationKeyLength", "InvalidDecapsulationKey"}:
                with pytest.raises(nacre.InvalidKey):
                    MLKEM768PrivateKey.from_expanded(dk)
            else:
                assert flags == {"IncorrectCiphertextLength"}, where
                key = MLKEM768PrivateKey.from_expanded(dk)
                with pytest.raises(ValueError):
                    key.decapsulate(c)
            count += 1
    assert count == data["numberOfTests"]
    wycheproof_report.append(f"mlkem_768_semi_expanded_decaps_test.json: {count} passed")
