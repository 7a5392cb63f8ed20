"""nacre.hash: known answers from tests/vectors (sha2.txt, sha3.txt, blake2b.txt) on every backend
that implements each algorithm, and the hashlib-shaped API.

Interpreter and nacre: see conftest.py. Expected values
come from the vector files or from Python's hashlib, never from nacre.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import typing
from typing import List, Optional, Tuple

import pytest

import nacre
import nacre.hash
import nacre.hmac
from vectors import (
    DIGEST_SIZES,
    HASH_BACKENDS,
    LEGACY_HASHES,
    VECTOR_ALGS,
    XOFS,
    Vector,
    hash_kwargs,
    read_vectors,
    vectors_dir,
)

HASH_FILES = {
    "sha2.txt": {"sha224", "sha256", "sha384", "sha512", "sha512_256"},
    "sha3.txt": {"sha3_256", "sha3_512", "shake_128", "shake_256"},
    "blake2b.txt": {"blake2b"},
    "sha1_md5.txt": {"sha1", "md5"},
}


def _load(file: str) -> List[Vector]:
    path = vectors_dir() / file
    return read_vectors(path) if path.is_file() else []  # test_vector_files checks presence


def _cases() -> List[Tuple[str, Vector, Optional[str]]]:
    """(hash name, vector, backend) for every vector and every backend of its algorithm, plus the
    default backend (None)."""
    cases = []
    for file in HASH_FILES:
        for vec in _load(file):
            name = VECTOR_ALGS.get(vec.get("ALG", ""), vec.get("ALG", "?"))
            for backend in sorted(HASH_BACKENDS.get(name, {"?"})) + [None]:
                case_id = f"{vec.where}-{name}-{backend or 'default'}"
                cases.append(pytest.param(name, vec, backend, id=case_id))
    return cases


def _split3(data: bytes) -> List[bytes]:
    # Uneven pieces cross block boundaries in different places than one-shot hashing does.
    a, b = len(data) // 3, (2 * len(data)) // 3 + 1
    return [data[:a], data[a:b], data[b:]]


@pytest.mark.parametrize("file", sorted(HASH_FILES))
def test_vector_files(file: str) -> None:
    path = vectors_dir() / file
    assert path.is_file(), f"{path} is missing (set NACRE_VECTORS_DIR?)"
    vectors = read_vectors(path)
    seen = set()
    for vec in vectors:
        assert vec.get("ALG") in VECTOR_ALGS, f"{vec.where}: unknown ALG {vec.get('ALG')!r}"
        allowed = {"ALG", "MSG", "MD"} | ({"KEY"} if file == "blake2b.txt" else set())
        assert set(vec) - {"KEY"} == {"ALG", "MSG", "MD"} and set(vec) <= allowed, vec.where
        bytes.fromhex(vec["MSG"]), bytes.fromhex(vec["MD"])  # well-formed hex
        seen.add(VECTOR_ALGS[vec["ALG"]])
    assert seen == HASH_FILES[file], f"{file}: algorithms {sorted(seen)}"


@pytest.mark.parametrize("name", sorted(HASH_BACKENDS))
def test_available_backends_match_header(name: str) -> None:
    assert set(nacre.hash.available_backends(name)) == HASH_BACKENDS[name]


@pytest.mark.parametrize("name,vec,backend", _cases())
def test_known_answer(name: str, vec: Vector, backend: Optional[str]) -> None:
    assert name in HASH_BACKENDS, f"{vec.where}: unknown ALG {vec.get('ALG')!r}"
    msg, md = vec.hex("MSG"), vec.hex("MD")

    if name == "blake2b":
        key = vec.hex("KEY") if "KEY" in vec else b""
        h = nacre.hash.blake2b(msg, digest_size=len(md), key=key, backend=backend)
        assert h.digest() == md
        h = nacre.hash.blake2b(digest_size=len(md), key=key, backend=backend)
        for part in _split3(msg):
            h.update(part)
        assert h.digest() == md
        if not key and len(md) == 64:
            assert nacre.hash.digest("blake2b", msg, backend=backend) == md
        return

    if name in XOFS:
        assert nacre.hash.new(name, msg, backend=backend).digest(len(md)) == md
        h = nacre.hash.new(name, backend=backend)
        for part in _split3(msg):
            h.update(part)
        assert h.digest(len(md)) == md
        assert h.hexdigest(len(md)) == md.hex()
        assert nacre.hash.digest(name, msg, length=len(md), backend=backend) == md
        out = bytearray(len(md))
        assert nacre.hash.digest_into(name, msg, out, backend=backend) == len(md)
        assert out == md
        return

    assert len(md) == DIGEST_SIZES[name], vec.where
    kw = hash_kwargs(name)
    h = nacre.hash.new(name, msg, backend=backend, **kw)
    assert h.digest() == md
    assert h.hexdigest() == md.hex()
    h = nacre.hash.new(name, backend=backend, **kw)
    for part in _split3(msg):
        h.update(part)
    assert h.digest() == md
    assert nacre.hash.digest(name, msg, backend=backend, **kw) == md
    out = bytearray(len(md))
    assert nacre.hash.digest_into(name, msg, out, backend=backend, **kw) == len(md)
    assert out == md


# --- API shape, checked against hashlib -----------------------------------------------------

FIXED = sorted(DIGEST_SIZES)


@pytest.mark.parametrize("name", FIXED)
def test_attributes_match_hashlib(name: str) -> None:
    ours, theirs = nacre.hash.new(name, **hash_kwargs(name)), hashlib.new(name)
    assert ours.name == theirs.name == name
    assert ours.digest_size == theirs.digest_size == DIGEST_SIZES[name]
    assert ours.block_size == theirs.block_size


@pytest.mark.parametrize("name", sorted(XOFS))
def test_xof_attributes_match_hashlib(name: str) -> None:
    ours, theirs = nacre.hash.new(name), hashlib.new(name)
    assert ours.name == theirs.name == name
    assert ours.digest_size == theirs.digest_size == 0
    assert ours.block_size == theirs.block_size
    assert ours.digest(0) == b""
    # Reading does not finish the state: a longer read extends a shorter one.
    assert ours.digest(200)[:50] == ours.digest(50) == theirs.digest(50)


@pytest.mark.parametrize("name", sorted(HASH_BACKENDS))
def test_module_constructors(name: str) -> None:
    ctor = getattr(nacre.hash, name)
    data = b"The quick brown fox jumps over the lazy dog"
    h = ctor(data, **hash_kwargs(name))
    expected = hashlib.new(name, data)
    if name in XOFS:
        assert h.digest(64) == expected.digest(64)
    else:
        assert h.digest() == expected.digest()
    assert name in nacre.hash.algorithms_available
    assert name in nacre.hash.algorithms_guaranteed


@pytest.mark.parametrize(
    "alias,name",
    [
        ("SHA256", "sha256"),
        ("sha-256", "sha256"),
        ("sha512-256", "sha512_256"),
        ("SHA512/256", "sha512_256"),
        ("sha3-256", "sha3_256"),
        ("SHA3-512", "sha3_512"),
        ("shake128", "shake_128"),
        ("shake256", "shake_256"),
    ],
)
def test_new_accepts_common_names(alias: str, name: str) -> None:
    h = nacre.hash.new(alias, b"abc")
    assert h.name == name
    if name in XOFS:
        assert h.digest(32) == hashlib.new(name, b"abc").digest(32)
    else:
        assert h.digest() == hashlib.new(name, b"abc").digest()


def test_digest_does_not_finish_state() -> None:
    h = nacre.hash.sha256(b"ab")
    first = h.digest()
    assert h.digest() == first == hashlib.sha256(b"ab").digest()
    h.update(b"c")
    assert h.digest() == hashlib.sha256(b"abc").digest()


@pytest.mark.parametrize("backend", sorted(HASH_BACKENDS["sha256"]) + [None])
def test_copy_forks(backend: Optional[str]) -> None:
    h = nacre.hash.sha256(b"prefix-", backend=backend)
    c = h.copy()
    h.update(b"one")
    c.update(b"two")
    assert h.digest() == hashlib.sha256(b"prefix-one").digest()
    assert c.digest() == hashlib.sha256(b"prefix-two").digest()
    assert c.name == "sha256" and c.digest_size == 32


def test_copy_of_keyed_blake2b_keeps_key_and_size() -> None:
    key = bytes(range(64))
    h = nacre.hash.blake2b(b"a", digest_size=20, key=key)
    c = h.copy()
    c.update(b"b")
    assert c.digest_size == 20
    assert c.digest() == hashlib.blake2b(b"ab", digest_size=20, key=key).digest()
    assert h.digest() == hashlib.blake2b(b"a", digest_size=20, key=key).digest()


def test_copy_of_xof() -> None:
    h = nacre.hash.shake_256(b"x")
    c = h.copy()
    c.update(b"y")
    assert h.digest(40) == hashlib.shake_256(b"x").digest(40)
    assert c.digest(40) == hashlib.shake_256(b"xy").digest(40)


@pytest.mark.parametrize("size", [16, 17, 32, 63, 64])
def test_blake2b_sizes_match_hashlib(size: int) -> None:
    key = b"k" * 64
    assert (
        nacre.hash.blake2b(b"data", digest_size=size, key=key).digest()
        == hashlib.blake2b(b"data", digest_size=size, key=key).digest()
    )
    assert nacre.hash.new("blake2b", b"data", digest_size=size).digest() == hashlib.blake2b(
        b"data", digest_size=size
    ).digest()


def test_digest_into_object() -> None:
    h = nacre.hash.sha512(b"abc")
    buf = bytearray(70)
    view = memoryview(buf)[3:67]
    assert h.digest_into(view) == 64
    assert bytes(buf[3:67]) == hashlib.sha512(b"abc").digest()
    assert buf[:3] == bytes(3) and buf[67:] == bytes(3)  # nothing written outside the slice

    x = nacre.hash.shake_128(b"abc")
    out = bytearray(33)
    assert x.digest_into(out) == 33
    assert out == hashlib.shake_128(b"abc").digest(33)


def test_constructors_cannot_be_bypassed() -> None:
    with pytest.raises(TypeError):
        nacre.hash.Hash()
    with pytest.raises(TypeError):
        nacre.hash.Xof()


def test_large_input_matches_hashlib() -> None:
    data = bytes(range(256)) * 40000  # 10 MB: more than any 32-bit-length bug would survive
    for name in ("sha256", "sha512", "sha3_256", "blake2b"):
        for backend in sorted(HASH_BACKENDS[name]):
            assert nacre.hash.new(name, data, backend=backend).digest() == hashlib.new(
                name, data
            ).digest(), (name, backend)


# --- hash objects made from one bytes object (no C state until one is needed) ----------------


@pytest.mark.parametrize("backend", [None, "boringssl", "sodium"])
@pytest.mark.parametrize("size", [0, 64, 65536, 65537])
def test_objects_made_from_bytes_behave_like_hashlib(backend: Optional[str], size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    h = nacre.hash.sha256(data, backend=backend)
    ref = hashlib.sha256(data)
    assert h.digest() == ref.digest() and h.digest() == ref.digest()  # digest() twice
    assert h.hexdigest() == ref.hexdigest()
    out = bytearray(32)
    assert h.digest_into(out) == 32 and bytes(out) == ref.digest()
    c = h.copy()
    h.update(b"more")
    ref.update(b"more")
    assert h.digest() == ref.digest()
    assert c.digest() == hashlib.sha256(data).digest()  # the copy did not see the update
    c.update(b"other")
    assert c.digest() == hashlib.sha256(data + b"other").digest()
    b2 = nacre.hash.blake2b(data)
    assert b2.digest() == hashlib.blake2b(data).digest()
    b2.update(b"x")
    assert b2.digest() == hashlib.blake2b(data + b"x").digest()


def test_object_made_from_bytes_refuses_a_backend_without_the_algorithm() -> None:
    with pytest.raises(nacre.UnsupportedAlgorithm):
        nacre.hash.sha3_256(b"abc", backend="boringssl")
    with pytest.raises(nacre.UnsupportedAlgorithm):
        nacre.hash.sha384(b"abc", backend="sodium")


def test_threads_share_an_object_made_from_bytes() -> None:
    import threading

    for rnd in range(20):
        data = bytes([rnd]) * 100
        h = nacre.hash.sha256(data)
        want_before = hashlib.sha256(data).digest()
        want_after = hashlib.sha256(data + b"tail").digest()
        barrier = threading.Barrier(8)
        seen: List[bytes] = []

        def reader() -> None:
            barrier.wait()
            for _ in range(20):
                seen.append(h.digest())

        def writer() -> None:
            barrier.wait()
            h.update(b"tail")

        threads = [threading.Thread(target=reader) for _ in range(7)]
        threads.append(threading.Thread(target=writer))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # Each digest is the state before or after the one update, and after it only "after".
        assert set(seen) <= {want_before, want_after}
        assert h.digest() == want_after


def test_literal_names_for_type_checkers_are_every_name() -> None:
    # new() is overloaded on these Literal types (Hash for fixed sizes and BLAKE2b, Xof for
    # SHAKE); they must list exactly the names new() takes and say the right kind.
    fixed = typing.get_args(nacre.hash.FixedSizeName)
    blake2b = typing.get_args(nacre.hash.Blake2bName)
    xofs = typing.get_args(nacre.hash.XofName)
    names = set(fixed) | set(blake2b) | set(xofs)
    assert len(names) == len(fixed) + len(blake2b) + len(xofs)
    assert names == set(nacre.hash.algorithms_available) | set(nacre.hash._ALIASES)
    for name in fixed + blake2b:
        kw = hash_kwargs(nacre.hash.canonical_name(name))
        assert type(nacre.hash.new(name, **kw)) is nacre.hash.Hash, name
    for name in xofs:
        assert type(nacre.hash.new(name)) is nacre.hash.Xof, name
    assert {nacre.hash.canonical_name(n) for n in blake2b} == {"blake2b"}


@pytest.mark.parametrize("name", sorted(nacre.hash.algorithms_available))
def test_usedforsecurity_is_accepted_as_hashlib_accepts_it(name: str) -> None:
    for flag in (True, False):
        if flag and name in LEGACY_HASHES:
            with pytest.raises(nacre.UnsupportedAlgorithm, match="usedforsecurity=False"):
                nacre.hash.new(name, b"abc", usedforsecurity=flag)
            continue
        ours = nacre.hash.new(name, b"abc", usedforsecurity=flag)
        assert nacre.hash.new(name, usedforsecurity=flag).name == ours.name
        std = hashlib.new(name, b"abc", usedforsecurity=flag)
        got = ours.digest(16) if isinstance(ours, nacre.hash.Xof) else ours.digest()
        assert got == (std.digest(16) if name.startswith("shake") else std.digest())  # type: ignore[call-arg]


@pytest.mark.parametrize("name", sorted(nacre.hash.algorithms_available))
def test_string_keyword_as_hashlib_takes_it(name: str) -> None:
    # CPython 3.9-3.13 name the constructors' data parameter "string" (hashlib.sha256(string=b"")).
    flag = {"usedforsecurity": False}
    ours = getattr(nacre.hash, name)(string=b"abc", **flag)
    assert ours.digest(*((16,) if name in XOFS else ())) == \
        nacre.hash.new(name, b"abc", **flag).digest(*((16,) if name in XOFS else ()))
    assert nacre.hash.new(name, string=b"abc", **flag).name == ours.name
    if hasattr(hashlib, name) and name != "blake2b":  # hashlib's blake2b takes data= only
        std = getattr(hashlib, name)(string=b"abc")
        assert ours.hexdigest(*((16,) if name in XOFS else ())) == \
            std.hexdigest(*((16,) if name in XOFS else ()))
    with pytest.raises(TypeError, match="mutually exclusive"):
        getattr(nacre.hash, name)(b"a", string=b"b", **flag)


@pytest.mark.skipif(not hasattr(hashlib, "file_digest"), reason="hashlib.file_digest is 3.11+")
def test_file_digest_matches_hashlib(tmp_path: typing.Any) -> None:
    import io

    data = bytes(range(256)) * 5000  # over several 256 KiB chunks
    path = tmp_path / "data.bin"
    path.write_bytes(data)
    for digest in ("sha256", "sha3_512", "blake2b"):
        with path.open("rb") as f:
            ours = nacre.hash.file_digest(f, digest).hexdigest()
        with path.open("rb") as f:
            assert ours == hashlib.file_digest(f, digest).hexdigest()
        assert nacre.hash.file_digest(io.BytesIO(data), digest).hexdigest() == ours
    with path.open("rb") as f:
        f.seek(1000)  # from the current position on, as hashlib
        assert nacre.hash.file_digest(f, nacre.hash.sha256, _bufsize=7).digest() == \
            hashlib.sha256(data[1000:]).digest()
    with path.open("r") as text, pytest.raises((ValueError, TypeError)):
        hashlib.file_digest(text, "sha256")  # type: ignore[arg-type]
    with path.open("r") as text, pytest.raises((ValueError, TypeError)):
        nacre.hash.file_digest(text, "sha256")
    with path.open("wb") as out, pytest.raises(ValueError):
        nacre.hash.file_digest(out, "sha256")
    with pytest.raises(TypeError):
        nacre.hash.file_digest(io.BytesIO(b""), object)  # type: ignore[arg-type]
    # Any object with update() will do, as for hashlib's (an HMAC, say).
    mac = nacre.hash.file_digest(io.BytesIO(data), lambda: nacre.hmac.new(b"k", None, "sha256"))  # type: ignore[arg-type, return-value]
    assert mac.digest() == std_hmac.new(b"k", data, "sha256").digest()


def test_kdfs_in_the_hash_module_match_hashlib() -> None:
    for name in ("sha256", "sha512"):
        assert nacre.hash.pbkdf2_hmac(name, b"pw", b"salt", 1000, 40) == \
            hashlib.pbkdf2_hmac(name, b"pw", b"salt", 1000, 40)
        assert nacre.hash.pbkdf2_hmac(name, b"pw", b"salt", 10) == \
            hashlib.pbkdf2_hmac(name, b"pw", b"salt", 10)
    assert nacre.hash.scrypt(b"pw", salt=b"salt", n=16, r=8, p=1, dklen=48) == \
        hashlib.scrypt(b"pw", salt=b"salt", n=16, r=8, p=1, dklen=48)
    with pytest.raises(ValueError):
        nacre.hash.pbkdf2_hmac("sha256", b"pw", b"salt", 0)
    with pytest.raises(ValueError):
        hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 0)


def test_blake2b_parameters_as_hashlib_names_them() -> None:
    for attr in ("SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE", "MAX_DIGEST_SIZE"):
        assert getattr(nacre.hash.blake2b, attr) == getattr(hashlib.blake2b, attr), attr
    # Sequential-mode tree parameters are accepted (they change nothing) ...
    plain = hashlib.blake2b(b"x", salt=b"s").digest()
    assert nacre.hash.blake2b(b"x", salt=b"s", fanout=1, depth=1, leaf_size=0, node_offset=0,
                              node_depth=0, inner_size=0, last_node=False).digest() == plain
    # ... others need tree hashing, which libsodium lacks: refused, never ignored.
    for name, value in (("fanout", 2), ("depth", 3), ("leaf_size", 4096), ("node_offset", 1),
                        ("node_depth", 1), ("inner_size", 32), ("last_node", True)):
        with pytest.raises(nacre.UnsupportedAlgorithm, match=name):
            nacre.hash.blake2b(b"x", **{name: value})
    with pytest.raises(TypeError):
        nacre.hash.blake2b(b"x", colour=1)
    for field in ("salt", "person"):
        with pytest.raises(ValueError, match="at most 16 bytes, got 17"):
            nacre.hash.blake2b(b"x", **{field: bytes(17)})
        with pytest.raises(ValueError):
            hashlib.blake2b(b"x", **{field: bytes(17)})
        with pytest.raises(TypeError):
            nacre.hash.blake2b(b"x", **{field: "text"})


@pytest.mark.parametrize("name", ["shake_128", "shake_256"])
def test_xof_lengths_are_capped_as_cpython_caps_its_own_shake(name: str) -> None:
    # CPython's test_hashlib (test_digest_length_overflow) requires ValueError or OverflowError
    # from 2**29 bytes on, as its built-in SHAKE gives; a mistaken length must not allocate GiBs.
    for length in (nacre.hash.XOF_MAX_LENGTH, 2**32 + 10, 2**61, 2**64 + 10):
        with pytest.raises((ValueError, OverflowError)):
            nacre.hash.new(name, b"x").digest(length)
        with pytest.raises((ValueError, OverflowError)):
            nacre.hash.new(name, b"x").hexdigest(length)
        with pytest.raises((ValueError, OverflowError)):
            nacre.hash.digest(name, b"x", length=length)
    with pytest.raises(ValueError):
        nacre.hash.new(name).digest(-10)
    assert len(nacre.hash.digest(name, b"x", length=4096)) == 4096


def test_legacy_names_and_their_refusals() -> None:
    # "SHA-1" is a spelling hashlib takes; a constructor names a hash without making one, so the
    # refusal of a KDF over SHA-1 says what is unsupported, not "pass usedforsecurity=False".
    assert nacre.hash.new("SHA-1", b"abc", usedforsecurity=False).digest() == \
        hashlib.new("SHA-1", b"abc").digest()
    assert nacre.hmac.new(b"k", b"m", "SHA-1").digest() == std_hmac.new(b"k", b"m", "sha1").digest()
    assert nacre.hmac.new(b"k", b"m", nacre.hash.sha1).digest() == \
        std_hmac.new(b"k", b"m", "sha1").digest()
    # HMAC and PBKDF2 over them need no flag: collisions do not break HMAC (RFC 6151).
    assert nacre.hash.pbkdf2_hmac(nacre.hash.sha1, b"pw", b"salt", 1) == \
        hashlib.pbkdf2_hmac("sha1", b"pw", b"salt", 1)  # type: ignore[arg-type]
    assert nacre.hmac.new(b"k", b"m", nacre.hash.md5).digest() == \
        std_hmac.new(b"k", b"m", "md5").digest()
    with pytest.raises(nacre.UnsupportedAlgorithm, match="PBKDF2 with 'md5' is not supported"):
        nacre.hash.pbkdf2_hmac(nacre.hash.md5, b"pw", b"salt", 1)  # type: ignore[arg-type]
    # hashlib accepts sequential-mode tree parameters by value, whatever their type.
    assert nacre.hash.blake2b(b"x", last_node=0, fanout=True).digest() == \
        hashlib.blake2b(b"x", last_node=0, fanout=True).digest()
