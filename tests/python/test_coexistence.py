"""nacre and OpenSSL in one process: Python's ssl/hashlib loaded first must not take over
nacre's BoringSSL (and nacre must not disturb them), and the extension exports nothing but its
module entry point.

Interpreter and nacre: see conftest.py. The import-order
test runs a fresh interpreter (the same one) in a subprocess, so the order is real.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import nacre
import nacre._nacre

# FIPS 180-4 example values ("abc"); RFC 4231 test case 2 (HMAC-SHA-256).
SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
SHA512_ABC = (
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
)
HMAC_SHA256_JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"

CHILD = textwrap.dedent(
    f"""
    import sys
    import ssl, hashlib, hmac            # OpenSSL's libcrypto is loaded first
    assert "nacre" not in sys.modules
    maps = open("/proc/self/maps").read()
    assert "libcrypto" in maps or "libssl" in maps, "OpenSSL not loaded: the test would be void"

    import nacre, nacre.hash, nacre.hmac

    assert hashlib.sha256(b"abc").hexdigest() == "{SHA256_ABC}"
    for backend in (None, "boringssl", "sodium"):
        assert nacre.hash.sha256(b"abc", backend=backend).hexdigest() == "{SHA256_ABC}", backend
        assert nacre.hash.sha512(b"abc", backend=backend).hexdigest() == "{SHA512_ABC}", backend
        tag = nacre.hmac.new(b"Jefe", b"what do ya want for nothing?", "sha256", backend=backend)
        assert tag.hexdigest() == "{HMAC_SHA256_JEFE}", backend
    assert nacre.hash.sha384(b"abc").digest() == hashlib.sha384(b"abc").digest()
    # OpenSSL still works after nacre was loaded.
    assert hashlib.sha256(b"abc").hexdigest() == "{SHA256_ABC}"
    std_tag = hmac.new(b"Jefe", b"what do ya want for nothing?", "sha256")
    assert std_tag.hexdigest() == "{HMAC_SHA256_JEFE}"
    ssl.create_default_context()
    print("coexistence ok")
    """
)


def _child_env() -> dict:
    # The child must import the same nacre as this process.
    package_parent = str(Path(nacre.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in [package_parent, env.get("PYTHONPATH", "")] if p
    )
    return env


def test_ssl_and_hashlib_imported_first() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "coexistence ok"


def test_extension_exports_only_its_entry_point() -> None:
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm (binutils) not installed")
    result = subprocess.run(
        [nm, "-D", "--defined-only", nacre._nacre.__file__],
        capture_output=True, text=True, check=True,
    )
    # Lines are "address type name"; weak/undefined references are not definitions.
    exported = sorted(
        line.split()[-1]
        for line in result.stdout.splitlines()
        if len(line.split()) == 3 and line.split()[1] in "TDBRVWiu"
    )
    assert exported == ["PyInit__nacre"], exported
