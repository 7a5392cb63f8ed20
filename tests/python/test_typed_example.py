"""examples/python/typed_api.py runs, prints what it should, and uses every public API.

Interpreter: any with nacre importable (the example runs in a subprocess of the same one). The
example is also type-checked under `mypy --strict` (pyproject.toml); the last test runs mypy when
it is installed.
"""

from __future__ import annotations

import ast
import importlib
import os
import subprocess
import sys
import types
from typing import Dict, List, Set, Tuple

import pytest

import nacre
from vectors import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "python" / "typed_api.py"
PUBLIC_MODULES = [
    "nacre", "nacre.aead", "nacre.box", "nacre.hash", "nacre.hmac", "nacre.hpke", "nacre.kdf",
    "nacre.keywrap",
    "nacre.kem", "nacre.keys", "nacre.pwhash", "nacre.secretstream", "nacre.secret",
    "nacre.age", "nacre.age.passphrase", "nacre.minisign",
    "nacre.encoding", "nacre.nacl", "nacre.nacl.encoding", "nacre.nacl.exceptions",
    "nacre.nacl.utils", "nacre.nacl.secret", "nacre.nacl.public", "nacre.nacl.signing",
]


def _run_example() -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    return subprocess.run(
        [sys.executable, str(EXAMPLE)], capture_output=True, text=True, env=env, timeout=300
    )


def test_example_runs_and_prints_each_area() -> None:
    result = _run_example()
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"nacre {nacre.__version__} (C ABI {nacre.abi_version}): random_bytes, random_bytes_into, "
        "compare_digest",
        "secret memory: 8 statistics, locked and unlocked bytes",
        f"hash: {len(nacre.hash.algorithms_available)} algorithms match hashlib; sha256 on "
        "boringssl, sodium",
        "hmac: sha256/384/512 match hmac; sha384 on boringssl",
        f"aead: {len(nacre.aead.ALGORITHMS)} algorithms round-trip; chacha20-poly1305 on "
        "boringssl, sodium",
        "secretstream: tags, push/pull; truncation and trailing data",
        "age: X25519, hybrid and passphrase files, armored, streamed; 5 failure classes",
        "minisign: sign and verify in pieces, trusted comments, keys with and without a password",
        "kdf: HKDF (RFC 5869), PBKDF2 (matches hashlib), scrypt (RFC 7914), subkeys",
        "keywrap: RFC 3394 and RFC 5649 round trips; a wrong KEK raises InvalidUnwrap",
        "pwhash: argon2id, argon2i, scrypt hash, verify, rehash and derive keys",
        "keys: ed25519, x25519, p256, rsa, ml-kem-768, x-wing; sign, agree, encrypt, encapsulate, "
        "every encoding",
        "box: sealed boxes and crypto_box, random or given nonces",
        "secret: secretbox round trips under 6 encoders",
        "nacl: PyNaCl's SigningKey, VerifyKey, PrivateKey, Box, SealedBox, SecretBox, Aead",
        "hpke: 3 suites, single shot and contexts, exporters agree",
        "kem: ML-KEM-768 and X-Wing encapsulate and decapsulate",
        "errors: 13 exception classes, all nacre.Error",
    ]
    assert result.stderr == ""


# --- coverage: every public name is used --------------------------------------------------------


def _uses() -> Tuple[Set[str], Set[str]]:
    """(dotted names the example spells, with import aliases resolved; attribute names)."""
    tree = ast.parse(EXAMPLE.read_text(encoding="utf-8"))
    aliases: Dict[str, str] = {}  # local name -> what it stands for ("ss" -> "nacre.secretstream")
    dotted: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                dotted.add(f"{node.module}.{alias.name}")
    attrs: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            attrs.add(node.attr)
            text = ast.unparse(node)
            head, _, rest = text.partition(".")
            dotted.add(f"{aliases.get(head, head)}.{rest}")
    return dotted, attrs


def _public_names() -> List[Tuple[str, str, object]]:
    out = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        out.extend((module_name, name, getattr(module, name)) for name in module.__all__)
    return out


def _members(cls: type) -> List[str]:
    """Public attributes that nacre code defines on ``cls`` (methods, properties, constants)."""
    names = []
    for attr in dir(cls):
        if attr.startswith("_"):
            continue
        for klass in cls.__mro__:
            if attr in vars(klass):
                if klass.__module__.startswith("nacre"):
                    names.append(attr)
                break
    return names


def test_example_uses_every_name_in_every_all() -> None:
    dotted, _ = _uses()
    used_objects = {
        id(obj) for module_name, name, obj in _public_names() if f"{module_name}.{name}" in dotted
    }
    missing = [
        f"{module_name}.{name}"
        for module_name, name, obj in _public_names()
        # A name exported by two modules (nacre.AESGCM is nacre.aead.AESGCM) counts once, and a
        # module counts when any of its names is used through it.
        if id(obj) not in used_objects
        and not (isinstance(obj, types.ModuleType) and any(d.startswith(f"{obj.__name__}.")
                                                          for d in dotted))
    ]
    assert not missing, f"examples/python/typed_api.py does not use: {missing}"


def test_example_uses_every_public_member_of_every_class() -> None:
    _, attrs = _uses()
    missing = []
    for module_name, name, obj in _public_names():
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            missing += [f"{module_name}.{name}.{m}" for m in _members(obj) if m not in attrs]
    assert not missing, f"examples/python/typed_api.py does not use: {sorted(set(missing))}"


def test_example_passes_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed for this interpreter")
    # [tool.mypy] of pyproject.toml: strict, over the package's sources and the examples.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", os.devnull], cwd=REPO_ROOT,
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
