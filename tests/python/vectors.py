"""Shared by the Python tests: where the vector files are, how to read them, and which backend
implements what (copied from the prose of capi/include/nacre.h, so it is an independent source).

Interpreter: a venv of requirements-dev.txt (conftest.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parents[2]

BOTH: FrozenSet[str] = frozenset({"boringssl", "sodium"})
BORINGSSL: FrozenSet[str] = frozenset({"boringssl"})
SODIUM: FrozenSet[str] = frozenset({"sodium"})

# "SHA-256 and SHA-512 are implemented by both backends; SHA-224, SHA-384 and SHA-512/256 by
# BoringSSL; SHA3-256, SHA3-512, BLAKE2b, SHAKE128 and SHAKE256 by libsodium. SHA-1 and MD5
# (BoringSSL) are there for interoperability only" (nacre.h)
HASH_BACKENDS: Dict[str, FrozenSet[str]] = {
    "md5": BORINGSSL,
    "sha1": BORINGSSL,
    "sha224": BORINGSSL,
    "sha256": BOTH,
    "sha384": BORINGSSL,
    "sha512": BOTH,
    "sha512_256": BORINGSSL,
    "sha3_256": SODIUM,
    "sha3_512": SODIUM,
    "blake2b": SODIUM,
    "shake_128": SODIUM,
    "shake_256": SODIUM,
}
# "HMAC over ... MD5, SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512. HMAC-SHA256 and HMAC-SHA512
# are implemented by both backends, the others by BoringSSL." (nacre.h)
HMAC_BACKENDS: Dict[str, FrozenSet[str]] = {
    "md5": BORINGSSL,
    "sha1": BORINGSSL,
    "sha224": BORINGSSL,
    "sha256": BOTH,
    "sha384": BORINGSSL,
    "sha512": BOTH,
}
# "AES-256-GCM, ChaCha20-Poly1305 and XChaCha20-Poly1305 run on both (libsodium's AES-256-GCM
# only on CPUs with AES-NI and PCLMUL); AES-GCM at its other key sizes and AES-GCM-SIV on
# BoringSSL; AEGIS-128L and AEGIS-256 on libsodium, with libsodium's 32-byte tags." (nacre.h)
# Stated per family, as nacre.h states it: an exact name wins, else the name with its key size
# taken out ("aes-192-gcm" -> "aes-gcm"), so a new key size of a family needs no new line here.
_AEAD_FAMILY_BACKENDS: Dict[str, FrozenSet[str]] = {
    "aes-256-gcm": BOTH,
    "aes-gcm": BORINGSSL,
    "aes-gcm-siv": BORINGSSL,
    "chacha20-poly1305": BOTH,
    "xchacha20-poly1305": BOTH,
    "aegis-128l": SODIUM,
    "aegis-256": SODIUM,
}
# Backends that may be missing on some CPUs (nacre.h: libsodium's AES-GCM needs AES-NI).
AEAD_CPU_DEPENDENT = {("aes-256-gcm", "sodium")}


def aead_backends_of(alg: str) -> FrozenSet[str]:
    """The backends nacre.h says implement ``alg`` (an ALG value of tests/vectors/aead.txt)."""
    family = re.sub(r"^aes-(128|192|256)-", "aes-", alg)
    found = _AEAD_FAMILY_BACKENDS.get(alg, _AEAD_FAMILY_BACKENDS.get(family))
    if found is None:
        raise KeyError(f"{alg}: tests/python/vectors.py states no backends for its family")
    return found


# "HKDF ... over SHA-1 ..., SHA-256, SHA-384 and SHA-512. HKDF-SHA256 and HKDF-SHA512 are
# implemented by both backends, the others by BoringSSL." (nacre.h)
HKDF_BACKENDS: Dict[str, FrozenSet[str]] = {
    "sha1": BORINGSSL,
    "sha256": BOTH,
    "sha384": BORINGSSL,
    "sha512": BOTH,
}
# nacre_scrypt takes a backend; both implement it (raw scrypt: BoringSSL's EVP_PBE_scrypt and
# libsodium's crypto_pwhash_scryptsalsa208sha256_ll).
SCRYPT_BACKENDS: FrozenSet[str] = BOTH
XOFS = frozenset({"shake_128", "shake_256"})
# Broken for security (RFC 6151, SHAttered): nacre.hash makes them only with usedforsecurity=False.
LEGACY_HASHES = frozenset({"md5", "sha1"})


def hash_kwargs(name: str) -> Dict[str, bool]:
    """What nacre.hash needs to make ``name``: usedforsecurity=False for the legacy hashes."""
    return {"usedforsecurity": False} if name in LEGACY_HASHES else {}
# Full digest sizes, from the standards (RFC 1321, FIPS 180-4, FIPS 202, RFC 7693).
DIGEST_SIZES = {
    "md5": 16,
    "sha1": 20,
    "sha224": 28,
    "sha256": 32,
    "sha384": 48,
    "sha512": 64,
    "sha512_256": 32,
    "sha3_256": 32,
    "sha3_512": 64,
    "blake2b": 64,
}

# ALG values of the vector files (tests/vectors/README.md) -> hashlib's names.
VECTOR_ALGS: Dict[str, str] = {
    "md5": "md5",
    "sha1": "sha1",
    "sha224": "sha224",
    "sha256": "sha256",
    "sha384": "sha384",
    "sha512": "sha512",
    "sha512-256": "sha512_256",
    "sha3-256": "sha3_256",
    "sha3-512": "sha3_512",
    "shake128": "shake_128",
    "shake256": "shake_256",
    "blake2b": "blake2b",
}


def vectors_dir() -> Path:
    """tests/vectors, or NACRE_VECTORS_DIR."""
    env = os.environ.get("NACRE_VECTORS_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "vectors"


def wycheproof_dir() -> Path:
    """NACRE_WYCHEPROOF_DIR, or ../shared/vectors/wycheproof next to the repository."""
    env = os.environ.get("NACRE_WYCHEPROOF_DIR")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "vectors" / "wycheproof"


def cctv_age_dir() -> Path:
    """NACRE_CCTV_AGE_DIR, or ../shared/vectors/cctv-age next to the repository."""
    env = os.environ.get("NACRE_CCTV_AGE_DIR")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "vectors" / "cctv-age"


@dataclass(frozen=True)
class CctvVector:
    """One test of the CCTV age suite: its header fields and the age file."""

    name: str
    fields: Tuple[Tuple[str, str], ...]
    file: bytes

    def get(self, key: str) -> str:
        return next((v for k, v in self.fields if k == key), "")

    def all(self, key: str) -> List[str]:
        return [v for k, v in self.fields if k == key]


def load_cctv_age() -> List[CctvVector]:
    """Every CCTV age vector (``key: value`` lines, an empty line, the file, zlib-compressed when
    ``compressed: zlib``), sorted by name; absent: as for Wycheproof."""
    import zlib

    import pytest

    root = cctv_age_dir()
    if not root.is_dir():
        message = f"CCTV age vectors not found: {root} (set NACRE_CCTV_AGE_DIR)"
        if os.environ.get("NACRE_REQUIRE_WYCHEPROOF") == "1":
            pytest.fail(message + "; NACRE_REQUIRE_WYCHEPROOF=1 requires them")
        pytest.skip(message)
    out = []
    for path in sorted(root.iterdir()):
        if path.name == "README.md":
            continue
        raw = path.read_bytes()
        head, _, body = raw.partition(b"\n\n")
        fields = tuple(tuple(line.split(": ", 1)) for line in head.decode().splitlines())
        vector = CctvVector(path.name, fields, body)  # type: ignore[arg-type]
        if vector.get("compressed") == "zlib":
            vector = CctvVector(path.name, vector.fields, zlib.decompress(body))
        out.append(vector)
    return out


def load_wycheproof(file: str) -> dict:
    """A Wycheproof JSON file: skipped with a message where absent, a failure when
    NACRE_REQUIRE_WYCHEPROOF=1 (as CI sets it)."""
    import json

    import pytest

    path = wycheproof_dir() / file
    if not path.is_file():
        message = f"Wycheproof vectors not found: {path} (set NACRE_WYCHEPROOF_DIR)"
        if os.environ.get("NACRE_REQUIRE_WYCHEPROOF") == "1":
            pytest.fail(message + "; NACRE_REQUIRE_WYCHEPROOF=1 requires them")
        pytest.skip(message)
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def header_path() -> Path:
    """The C header the bindings are built from (NACRE_INCLUDE_DIR overrides the repository's)."""
    env = os.environ.get("NACRE_INCLUDE_DIR")
    return (Path(env) if env else REPO_ROOT / "capi" / "include") / "nacre.h"


class Vector(Dict[str, str]):
    """One block of a vector file: KEY -> value, plus where it came from (for messages)."""

    where: str = ""

    def hex(self, key: str) -> bytes:
        return bytes.fromhex(self[key])


def read_vectors(path: Path) -> List[Vector]:
    """Blocks of ``KEY: value`` lines separated by blank lines; ``#`` lines are comments.

    A malformed line or a repeated key raises ValueError: a vector file that cannot be read must
    fail the tests, not shrink them.
    """
    blocks: List[Vector] = []
    current: Optional[Vector] = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            current = None
            continue
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            raise ValueError(f"{path.name}:{number}: not a 'KEY: value' line: {raw!r}")
        key = key.strip()
        if current is None:
            current = Vector()
            current.where = f"{path.name}:{number}"
            blocks.append(current)
        if key in current:
            raise ValueError(f"{path.name}:{number}: {key} repeated in one block")
        current[key] = value.strip()
    return blocks


def _aead_sizes(vectors: List[Vector]) -> Dict[str, Tuple[int, int, int]]:
    """Key, nonce and tag sizes of each ALG, read off the standards' own vectors (KEY, NONCE and
    TAG lengths of tests/vectors/aead.txt); an ALG whose vectors disagree is an error."""
    sizes: Dict[str, Tuple[int, int, int]] = {}
    for vec in vectors:
        got = (len(vec.hex("KEY")), len(vec.hex("NONCE")), len(vec.hex("TAG")))
        if sizes.setdefault(vec["ALG"], got) != got:
            raise ValueError(
                f"{vec.where}: {vec['ALG']} sizes {got} differ from {sizes[vec['ALG']]}"
            )
    return sizes


# Every AEAD with vectors: its (key, nonce, tag) sizes, and the backends nacre.h names for it.
AEAD_SIZES: Dict[str, Tuple[int, int, int]] = _aead_sizes(read_vectors(vectors_dir() / "aead.txt"))
AEAD_BACKENDS: Dict[str, FrozenSet[str]] = {alg: aead_backends_of(alg) for alg in AEAD_SIZES}
