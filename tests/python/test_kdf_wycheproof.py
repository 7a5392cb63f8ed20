"""Project Wycheproof HKDF (hkdf_sha256/384/512_test.json) and PBKDF2
(pbkdf2_hmacsha256/512_test.json) vectors, HKDF on every backend.

Interpreter and nacre: see conftest.py.

The folder comes from NACRE_WYCHEPROOF_DIR, else ../shared/vectors/wycheproof next to the
repository. Where it is absent the tests skip, unless NACRE_REQUIRE_WYCHEPROOF=1 (CI), which
makes them fail. hkdf_sha384_test.json is not part of the shared subset: it skips whenever it is
missing (tests/vectors/hkdf.txt carries four of its cases). PBKDF2 cases with more than
MAX_ITERATIONS iterations are skipped to keep the suite fast, and counted. Counts per file and
backend are printed in the "Wycheproof" summary section.
"""

from __future__ import annotations

from typing import List, Optional

import pytest

import nacre
import nacre.kdf as kdf
from vectors import HKDF_BACKENDS, load_wycheproof, wycheproof_dir

HKDF_FILES = {
    "hkdf_sha256_test.json": ("sha256", "HKDF-SHA-256"),
    "hkdf_sha384_test.json": ("sha384", "HKDF-SHA-384"),
    "hkdf_sha512_test.json": ("sha512", "HKDF-SHA-512"),
}
OPTIONAL = {"hkdf_sha384_test.json"}  # not in the shared subset (see its README)
PBKDF2_FILES = {
    "pbkdf2_hmacsha256_test.json": ("sha256", "PBKDF2-HMACSHA256"),
    "pbkdf2_hmacsha512_test.json": ("sha512", "PBKDF2-HMACSHA512"),
}
MAX_ITERATIONS = 100_000


def _load(file: str) -> dict:
    # Some Wycheproof releases lack the optional files: skip those even where CI requires the rest.
    if file in OPTIONAL and wycheproof_dir().is_dir() and not (wycheproof_dir() / file).is_file():
        pytest.skip(f"{file} is not in this Wycheproof folder ({wycheproof_dir()})")
    return load_wycheproof(file)


@pytest.mark.parametrize("backend", ["boringssl", "sodium", None])
@pytest.mark.parametrize("file", sorted(HKDF_FILES))
def test_wycheproof_hkdf(file: str, backend: Optional[str], wycheproof_report: List[str]) -> None:
    alg, algorithm = HKDF_FILES[file]
    if backend is not None and backend not in HKDF_BACKENDS[alg]:
        # Not a skip: the backend must refuse the algorithm, as nacre.h documents.
        with pytest.raises(nacre.UnsupportedAlgorithm):
            kdf.hkdf(alg, 16, b"ikm", backend=backend)
        return
    data = _load(file)
    assert data["algorithm"] == algorithm
    assert data["schema"] == "hkdf_test_schema_v1.json"

    failures: List[str] = []
    examined = valid_ok = invalid_rejected = 0
    for group in data["testGroups"]:
        assert group["type"] == "HkdfTest"
        for test in group["tests"]:
            examined += 1
            ikm, salt, info, okm = (bytes.fromhex(test[k]) for k in ("ikm", "salt", "info", "okm"))
            where = f"tcId {test['tcId']} ({test['comment']})"
            if test["result"] == "valid":
                got = kdf.hkdf(alg, test["size"], ikm, salt, info, backend=backend)
                prk = kdf.hkdf_extract(alg, ikm, salt, backend=backend)
                again = kdf.hkdf_expand(alg, test["size"], prk, info, backend=backend)
                if got == okm == again:
                    valid_ok += 1
                else:
                    failures.append(f"{where}: valid output not reproduced")
            else:
                # The invalid cases ask for more than 255 * HashLen bytes.
                try:
                    kdf.hkdf(alg, test["size"], ikm, salt, info, backend=backend)
                    failures.append(f"{where}: invalid size {test['size']} accepted")
                except ValueError:
                    invalid_rejected += 1

    assert examined == data["numberOfTests"]
    line = (
        f"{file} [{backend or 'default'}]: {valid_ok} valid passed, "
        f"{invalid_rejected} invalid rejected (ValueError), of {examined}"
    )
    wycheproof_report.append(line)
    print(line)
    assert not failures, "\n".join(failures)
    assert valid_ok > 0 and invalid_rejected > 0


@pytest.mark.parametrize("file", sorted(PBKDF2_FILES))
def test_wycheproof_pbkdf2(file: str, wycheproof_report: List[str]) -> None:
    alg, algorithm = PBKDF2_FILES[file]
    data = _load(file)
    assert data["algorithm"] == algorithm
    assert data["schema"] == "pbkdf_test_schema.json"

    failures: List[str] = []
    examined = valid_ok = invalid_rejected = slow = 0
    for group in data["testGroups"]:
        assert group["type"] == "PbkdfTest"
        for test in group["tests"]:
            examined += 1
            where = f"tcId {test['tcId']} ({test['comment']})"
            if test["iterationCount"] > MAX_ITERATIONS:
                slow += 1
                continue
            password, salt, dk = (bytes.fromhex(test[k]) for k in ("password", "salt", "dk"))
            try:
                got = kdf.pbkdf2_hmac(alg, password, salt, test["iterationCount"], test["dkLen"])
            except ValueError:
                got = None
            if test["result"] == "valid":
                if got == dk:
                    valid_ok += 1
                else:
                    failures.append(f"{where}: valid output not reproduced")
            elif got is None or got != dk:
                invalid_rejected += 1
            else:
                failures.append(f"{where}: invalid case accepted")

    assert examined == data["numberOfTests"]
    line = (
        f"{file}: {valid_ok} valid passed, {invalid_rejected} invalid rejected, {slow} skipped "
        f"(more than {MAX_ITERATIONS} iterations), of {examined}"
    )
    wycheproof_report.append(line)
    print(line)
    assert not failures, "\n".join(failures)
    assert valid_ok > 0
