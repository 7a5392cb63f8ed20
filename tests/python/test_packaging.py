"""How nacre is packaged: pins kept in step, license files, the stable-ABI extension, metadata.

Run against the build tree these check the repository's files; run against an installed wheel
(scripts/test-wheel sets NACRE_EXPECT_INSTALLED=1) they also check the installed distribution.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Dict, List

import pytest

import nacre
from vectors import REPO_ROOT

INSTALLED = os.environ.get("NACRE_EXPECT_INSTALLED") == "1"

if sys.version_info >= (3, 11):
    import tomllib

    def _pyproject() -> Dict[str, object]:
        return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))
else:
    _pyproject = None


def _requirement_lines(path: Path) -> List[str]:
    lines = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(re.sub(r"\s+", "", line).replace("'", '"'))
    return lines


@pytest.mark.skipif(_pyproject is None, reason="tomllib needs Python 3.11")
def test_build_requirements_match_the_pinned_file() -> None:
    assert _pyproject is not None
    build = _pyproject()["build-system"]
    assert isinstance(build, dict)
    declared = [re.sub(r"\s+", "", r).replace("'", '"') for r in build["requires"]]
    pinned = _requirement_lines(REPO_ROOT / "requirements-dev.txt")
    for req in declared:
        assert req in pinned, f"{req} (pyproject.toml) is not pinned in requirements-dev.txt"
    names = {re.split(r"[=<>;]", r)[0] for r in declared}
    for req in pinned:
        if re.split(r"[=<>;]", req)[0] in names:
            assert req in declared, f"{req} (requirements-dev.txt) differs from pyproject.toml"


def test_every_dev_requirement_is_pinned() -> None:
    for req in _requirement_lines(REPO_ROOT / "requirements-dev.txt"):
        assert re.match(r"^[A-Za-z0-9_.-]+==[0-9][^;]*(;.+)?$", req), f"not pinned: {req}"


def _license_sources() -> Dict[str, Path]:
    """The backends' license files, from the bundle (third_party/) or bootstrap's .deps/."""
    candidates = {
        "BoringSSL": ["third_party/boringssl/src/LICENSE",
                      ".deps/android-platform-external-boringssl/src/LICENSE"],
        "fiat-crypto": ["third_party/boringssl/src/third_party/fiat/LICENSE",
                        ".deps/android-platform-external-boringssl/src/third_party/fiat/LICENSE"],
        "libsodium": ["third_party/sodium/LICENSE", ".deps/libsodium/LICENSE"],
    }
    found = {}
    for name, paths in candidates.items():
        for p in paths:
            if (REPO_ROOT / p).is_file():
                found[name] = REPO_ROOT / p
                break
    return found


def test_third_party_notices_carry_each_backend_license() -> None:
    sources = _license_sources()
    if len(sources) < 3:
        pytest.skip("backend sources absent (run scripts/bootstrap); found: " + ", ".join(sources))
    notices = (REPO_ROOT / "THIRD_PARTY_NOTICES.md").read_text("utf-8")
    for name, path in sources.items():
        assert path.read_text("utf-8") in notices, f"{name}'s {path.name} is not in the notices"


def test_license_is_apache_2() -> None:
    text = (REPO_ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text


def test_extension_uses_the_stable_abi() -> None:
    from nacre import _nacre

    assert Path(_nacre.__file__).name == "_nacre.abi3.so"


def test_extension_exports_only_its_init_function() -> None:
    from nacre import _nacre

    out = subprocess.run(
        ["nm", "-D", "--defined-only", _nacre.__file__], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[-1] for line in out.splitlines() if line.strip()]
    assert names == ["PyInit__nacre"]


@pytest.mark.skipif(not INSTALLED, reason="checks an installed distribution (scripts/test-wheel)")
def test_installed_distribution_metadata() -> None:
    dist = metadata.distribution("nacre")
    meta = dist.metadata
    assert meta["Version"] == nacre.__version__
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta["Requires-Python"] == ">=3.9"
    assert any(r.startswith("cffi") for r in (dist.requires or []))
    files = {str(f) for f in dist.files or []}
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        lic = f"nacre-{nacre.__version__}.dist-info/licenses/{name}"
        assert lic in files, f"{lic} not in the wheel"
        assert Path(str(dist.locate_file(lic))).read_bytes() == (REPO_ROOT / name).read_bytes()
    wheel = Path(str(dist.locate_file(f"nacre-{nacre.__version__}.dist-info/WHEEL"))).read_text()
    assert re.search(r"^Tag: cp39-abi3-manylinux_2_\d+_x86_64$", wheel, re.M), wheel
    # Build-time files stay out of the wheel.
    assert not any(f.endswith(("build_ffi.py", "_build.py", ".c")) for f in files)
