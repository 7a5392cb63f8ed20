"""Project Wycheproof HMAC vectors (hmac_<hash>_test.json) for every hash nacre.h offers HMAC
with (tests/python/vectors.py), on every backend.

Interpreter and nacre: see conftest.py.

The folder comes from NACRE_WYCHEPROOF_DIR, else ../shared/vectors/wycheproof next to the
repository. Where it is absent the tests skip, unless NACRE_REQUIRE_WYCHEPROOF=1 (CI), which
makes them fail. Counts per file and backend are printed in the "Wycheproof" summary section.
"""

from __future__ import annotations

from typing import List, Optional

import pytest

import nacre
import nacre.hmac
from vectors import DIGEST_SIZES, HMAC_BACKENDS, load_wycheproof

# file -> (hashlib's name, Wycheproof's algorithm, full tag size), one per HMAC hash but MD5:
# Wycheproof publishes no HMAC-MD5 file (RFC 2202's vectors in hmac.txt cover it).
FILES = {
    f"hmac_{alg}_test.json": (alg, "HMAC" + alg.upper().replace("_", "/"), DIGEST_SIZES[alg])
    for alg in HMAC_BACKENDS
    if alg != "md5"
}


@pytest.mark.parametrize("backend", ["boringssl", "sodium", None])
@pytest.mark.parametrize("file", sorted(FILES))
def test_wycheproof_hmac(file: str, backend: Optional[str], wycheproof_report: List[str]) -> None:
    alg, algorithm, full = FILES[file]
    if backend is not None and backend not in HMAC_BACKENDS[alg]:
        # Not a skip: the backend must refuse the algorithm, as nacre.h documents.
        with pytest.raises(nacre.UnsupportedAlgorithm):
            nacre.hmac.new(b"key", b"", alg, backend=backend)
        return
    data = load_wycheproof(file)
    assert data["algorithm"] == algorithm
    assert data["schema"] == "mac_test_schema_v1.json"

    failures: List[str] = []
    examined = valid_ok = invalid_rejected = acceptable = 0
    for group in data["testGroups"]:
        assert group["type"] == "MacTest"
        tag_bytes = group["tagSize"] // 8
        assert group["tagSize"] % 8 == 0 and 0 < tag_bytes <= full
        for test in group["tests"]:
            examined += 1
            key, msg, tag = (bytes.fromhex(test[k]) for k in ("key", "msg", "tag"))
            h = nacre.hmac.new(key, msg, alg, backend=backend)
            computed = h.digest()
            assert computed == nacre.hmac.digest(key, msg, alg, backend=backend)
            # tagSize may truncate the MAC: the tag is compared with that many leading bytes.
            matches = len(tag) == tag_bytes and nacre.compare_digest(computed[:tag_bytes], tag)
            if tag_bytes == full:
                # Full-length tags also go through the library's own constant-time verify.
                try:
                    h.verify(tag)
                    verified = True
                except nacre.InvalidSignature:
                    verified = False
                if verified != matches:
                    failures.append(f"tcId {test['tcId']}: verify()={verified}, compare={matches}")
            where = f"tcId {test['tcId']} ({test['comment']})"
            if test["result"] == "valid":
                if matches:
                    valid_ok += 1
                else:
                    failures.append(f"{where}: valid tag not reproduced")
            elif test["result"] == "invalid":
                if matches:
                    failures.append(f"{where}: invalid tag accepted")
                else:
                    invalid_rejected += 1
            else:
                acceptable += 1

    assert examined == data["numberOfTests"]
    line = (
        f"{file} [{backend or 'default'}]: {valid_ok} valid passed, "
        f"{invalid_rejected} invalid rejected, {acceptable} acceptable, of {examined}"
    )
    wycheproof_report.append(line)
    print(line)
    assert not failures, "\n".join(failures)
    assert valid_ok > 0 and invalid_rejected > 0
