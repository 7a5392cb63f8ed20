"""Project Wycheproof AEAD vectors (AES-GCM, AES-GCM-SIV, ChaCha20-Poly1305, XChaCha20-Poly1305,
AEGIS-128L, AEGIS-256) on every backend.

Interpreter and nacre: see conftest.py.

The folder comes from NACRE_WYCHEPROOF_DIR, else ../shared/vectors/wycheproof next to the
repository. Where it is absent the tests skip, unless NACRE_REQUIRE_WYCHEPROOF=1 (CI), which
makes them fail. Counts per file and backend are printed in the "Wycheproof" summary section.

Each file's key sizes map to the library's algorithms through the class (``KEY_SIZES`` and
``algorithm``, both read from the library's table). What nacre does not offer is checked to be
refused, not skipped: key sizes outside ``KEY_SIZES`` (ValueError from the constructor) and nonces
of another size than the algorithm's (ValueError from encrypt and decrypt, for valid and invalid
cases alike). Wycheproof's AEGIS files use 128-bit tags, while
nacre's AEGIS (libsodium's) has 256-bit tags, which share nothing with them: for valid AEGIS
cases only the ciphertext is compared (it does not depend on the tag length), and the invalid
ones are not applicable.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Type

import pytest

import nacre
import nacre.aead
from nacre.aead import AEGIS128L, AEGIS256, AESGCM, AESGCMSIV, ChaCha20Poly1305, XChaCha20Poly1305
from vectors import AEAD_BACKENDS, load_wycheproof

# file -> (Wycheproof algorithm, class, tag bits nacre uses)
FILES: Dict[str, Tuple[str, Type[Any], int]] = {
    "aes_gcm_test.json": ("AES-GCM", AESGCM, 128),
    "aes_gcm_siv_test.json": ("AES-GCM-SIV", AESGCMSIV, 128),
    "chacha20_poly1305_test.json": ("CHACHA20-POLY1305", ChaCha20Poly1305, 128),
    "xchacha20_poly1305_test.json": ("XCHACHA20-POLY1305", XChaCha20Poly1305, 128),
    "aegis128L_test.json": ("AEGIS128L", AEGIS128L, 256),
    "aegis256_test.json": ("AEGIS256", AEGIS256, 256),
}


def _algorithms(cls: Type[Any]) -> Dict[int, str]:
    """{key bits: algorithm name} of the library's algorithms ``cls`` covers."""
    return {8 * n: cls(bytes(n)).algorithm for n in cls.KEY_SIZES}


def _runs(alg: str, backend: Optional[str]) -> bool:
    """Whether ``backend`` (None: the default) runs ``alg`` here."""
    available = nacre.aead.available_backends(alg)
    return bool(available) if backend is None else backend in available


@pytest.mark.parametrize("backend", ["boringssl", "sodium", None])
@pytest.mark.parametrize("file", sorted(FILES))
def test_wycheproof_aead(file: str, backend: Optional[str], wycheproof_report: List[str]) -> None:
    algorithm, cls, our_tag_bits = FILES[file]
    algs = _algorithms(cls)
    for name in algs.values():
        assert name in AEAD_BACKENDS, f"{name}: tests/python/vectors.py has no facts for it"
    if backend is not None and not any(backend in AEAD_BACKENDS[a] for a in algs.values()):
        # Not a skip: the backend must refuse the algorithm, as nacre.h documents.
        key_bits = sorted(algs)[-1]
        with pytest.raises(nacre.UnsupportedAlgorithm):
            cls(bytes(key_bits // 8), backend=backend)
        return
    data = load_wycheproof(file)
    assert data["algorithm"] == algorithm
    assert data["schema"] == "aead_test_schema_v1.json"
    aegis = our_tag_bits != 128

    failures: List[str] = []
    counts = dict.fromkeys(
        ("examined", "valid", "invalid", "bad_key", "bad_nonce", "backend_na", "not_applicable"), 0
    )
    for group in data["testGroups"]:
        assert group["type"] == "AeadTest"
        assert group["tagSize"] == 128
        alg = algs.get(group["keySize"])
        for test in group["tests"]:
            counts["examined"] += 1
            key, iv, aad, msg, ct, tag = (
                bytes.fromhex(test[k]) for k in ("key", "iv", "aad", "msg", "ct", "tag")
            )
            where = f"tcId {test['tcId']} ({test['comment']})"
            if alg is None:  # a key size the library does not offer
                try:
                    cls(key, backend=backend)
                    failures.append(f"{where}: {len(key)}-byte key accepted")
                except ValueError:
                    counts["bad_key"] += 1
                continue
            foreign = backend is not None and backend not in AEAD_BACKENDS[alg]
            if foreign or not _runs(alg, backend):
                with pytest.raises(nacre.UnsupportedAlgorithm):
                    cls(key, backend=backend)
                counts["backend_na"] += 1
                continue
            cipher = cls(key, backend=backend)
            if len(iv) != cipher.nonce_size:
                refused = 0
                for call in (
                    lambda: cipher.encrypt(iv, msg, aad),
                    lambda: cipher.decrypt(iv, ct + tag, aad),
                ):
                    try:
                        call()
                    except ValueError:
                        refused += 1
                    except nacre.InvalidTag:
                        pass
                if refused == 2:
                    counts["bad_nonce"] += 1
                else:
                    failures.append(f"{where}: a {len(iv)}-byte nonce was not refused")
                continue
            if aegis:
                if test["result"] == "valid":
                    if cipher.encrypt(iv, msg, aad)[: len(msg)] == ct:
                        counts["valid"] += 1
                    else:
                        failures.append(f"{where}: ciphertext differs")
                else:
                    counts["not_applicable"] += 1
                continue
            if test["result"] == "valid":
                try:
                    ok = cipher.decrypt(iv, ct + tag, aad) == msg
                    ok = ok and cipher.encrypt(iv, msg, aad) == ct + tag
                    ok = ok and cipher.decrypt_detached(iv, ct, tag, aad) == msg
                except nacre.Error as exc:
                    failures.append(f"{where}: valid case raised {exc!r}")
                    continue
                if ok:
                    counts["valid"] += 1
                else:
                    failures.append(f"{where}: valid case not reproduced")
            elif test["result"] == "invalid":
                try:
                    cipher.decrypt(iv, ct + tag, aad)
                    failures.append(f"{where}: invalid case accepted")
                except nacre.InvalidTag:
                    counts["invalid"] += 1
            else:
                failures.append(f"{where}: unexpected result {test['result']!r}")

    assert counts["examined"] == data["numberOfTests"]
    line = f"{file} [{backend or 'default'}]: {counts['valid']} valid passed"
    line += "" if aegis else f", {counts['invalid']} invalid rejected"
    for key, what in (
        ("bad_key", "with key sizes not offered refused (ValueError)"),
        ("bad_nonce", "with other nonce sizes refused (ValueError)"),
        ("backend_na", "refused by a backend without the algorithm"),
    ):
        if counts[key]:
            line += f", {counts[key]} {what}"
    line += f", of {counts['examined']}"
    if aegis:
        line += (
            f"; tag check not applicable (Wycheproof's tags are 128-bit, nacre's AEGIS tags are "
            f"256-bit): ciphertext compared only, {counts['not_applicable']} invalid cases "
            "not applicable"
        )
    wycheproof_report.append(line)
    print(line)
    assert not failures, "\n".join(failures[:50])
    assert counts["valid"] > 0
    assert aegis or counts["invalid"] > 0
