"""The nacre package itself: version, random bytes, constant-time comparison, type hints.

Interpreter and nacre: see conftest.py.
"""

from __future__ import annotations

import hmac as std_hmac
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nacre
from vectors import REPO_ROOT


def test_version_matches_project() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", nacre.__version__)
    cmakelists = REPO_ROOT / "CMakeLists.txt"
    project = re.search(r"project\s*\(\s*nacre\s+VERSION\s+([\d.]+)", cmakelists.read_text())
    assert project, "project(nacre VERSION ...) not found in CMakeLists.txt"
    assert nacre.__version__ == project[1]
    assert nacre.abi_version >= 1


def test_py_typed_ships() -> None:
    assert (Path(nacre.__file__).parent / "py.typed").is_file()


def test_random_bytes() -> None:
    assert nacre.random_bytes(0) == b""
    for n in (1, 16, 32, 1000, 1 << 16):
        out = nacre.random_bytes(n)
        assert type(out) is bytes and len(out) == n
    # 2**-256 chance of a false failure.
    assert nacre.random_bytes(32) != nacre.random_bytes(32)
    # All-zero output would mean the buffer was never filled (2**-8192 chance otherwise).
    assert nacre.random_bytes(1024) != bytes(1024)


def test_random_bytes_into() -> None:
    buf = bytearray(64)
    assert nacre.random_bytes_into(buf) == 64
    assert buf != bytes(64)


def test_random_bytes_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError):
        nacre.random_bytes(-1)
    with pytest.raises(TypeError):
        nacre.random_bytes(1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        nacre.random_bytes("8")  # type: ignore[arg-type]


def test_compare_digest() -> None:
    assert nacre.compare_digest(b"", b"") is True
    assert nacre.compare_digest(b"abc", b"abc") is True
    assert nacre.compare_digest(b"abc", b"abd") is False
    assert nacre.compare_digest(b"abc", b"ab") is False
    assert nacre.compare_digest(b"", b"a") is False
    assert nacre.compare_digest(bytearray(b"xyz"), memoryview(b"xyz")) is True
    # str follows the standard function's rules: ASCII str with str only.
    cases = [("abc", "abc"), ("abc", "abd"), ("", ""), ("abc", "ab")]
    for a, b in cases:
        assert nacre.compare_digest(a, b) is std_hmac.compare_digest(a, b)
    for a, b in [("é", "é"), ("abc", b"abc"), (b"abc", "abc"), ("\x80", "a")]:
        with pytest.raises(TypeError):
            std_hmac.compare_digest(a, b)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            nacre.compare_digest(a, b)
    with pytest.raises(TypeError):
        nacre.compare_digest(1, b"a")  # type: ignore[arg-type]


@given(a=st.binary(max_size=80), b=st.binary(max_size=80), same=st.booleans())
def test_compare_digest_matches_stdlib(a: bytes, b: bytes, same: bool) -> None:
    if same:
        b = a
    assert nacre.compare_digest(a, b) is std_hmac.compare_digest(a, b)


def test_public_names() -> None:
    for name in nacre.__all__:
        assert hasattr(nacre, name), name
