"""nacre.age: every CCTV vector, interoperability with pyrage both ways, the file wrappers, and
the key classes."""

from __future__ import annotations

import hashlib
import io
import pickle
import tracemalloc
from pathlib import Path
from typing import Dict, List, Type

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
from nacre import age
from nacre.age import passphrase
from vectors import load_cctv_age

CHUNK = age.CHUNK_SIZE

EXPECTED: Dict[str, Type[BaseException]] = {
    "header failure": age.HeaderError,
    "HMAC failure": age.HeaderMacError,
    "no match": age.NoIdentityError,
    "payload failure": age.PayloadError,
    "armor failure": age.ArmorError,
}


def _decryptor_for(vector: object) -> age.Decryptor:
    v = vector  # a vectors.CctvVector
    armored = True if v.get("armored") == "yes" else None  # type: ignore[attr-defined]
    pw = v.get("passphrase")  # type: ignore[attr-defined]
    if pw:
        return passphrase.decryptor(pw, armored=armored)
    ids = v.all("identity") or [age.Identity.generate()]  # type: ignore[attr-defined]
    return age.Decryptor(ids, armored=armored)


def test_every_cctv_vector() -> None:
    counts: Dict[str, int] = {}
    same = less = 0
    piece = 1
    for v in load_cctv_age():
        expect = v.get("expect")
        dec = _decryptor_for(v)
        piece = 1 if piece > 40000 else piece * 7
        out: List[bytes] = []
        error = None
        at_finish = False
        try:
            for at in range(0, len(v.file), piece):
                out.append(dec.update(v.file[at : at + piece]))
            at_finish = True
            out.append(dec.finish())
        except age.DecryptError as exc:
            error = exc
        plaintext = b"".join(out)
        if expect == "success":
            assert error is None, (v.name, error)
            assert hashlib.sha256(plaintext).hexdigest() == v.get("payload"), v.name
        else:
            assert type(error) is EXPECTED[expect], (v.name, expect, error)
            # Every class is also one of nacre's general exceptions.
            assert isinstance(error, nacre.Error)
            if expect == "payload failure":
                assert isinstance(error, nacre.InvalidTag)
                # What was released before the failure: the suite's payload, unless the failure
                # came at finish (which releases nothing), then whole chunks of it.
                if hashlib.sha256(plaintext).hexdigest() == v.get("payload"):
                    same += 1
                else:
                    assert at_finish and len(plaintext) % CHUNK == 0, v.name
                    less += 1
            else:
                assert plaintext == b"", v.name
        counts[expect] = counts.get(expect, 0) + 1
    assert sum(counts.values()) == 143
    print(f"\ncctv-age (Python): {dict(sorted(counts.items()))}; payload failures releasing "
          f"the suite's plaintext: {same}, less (at finish): {less}")


def test_one_shot_decrypt_releases_nothing_on_failure() -> None:
    for v in load_cctv_age():
        if v.get("expect") != "payload failure" or v.get("passphrase"):
            continue
        with pytest.raises(age.PayloadError):
            age.decrypt(v.file, v.all("identity"))


# --- interoperability with pyrage (rage) ---------------------------------------------------------


@pytest.fixture(scope="module")
def pyrage():  # type: ignore[no-untyped-def]
    return pytest.importorskip("pyrage", reason="pyrage has wheels for Python 3.10 and newer")


@pytest.mark.parametrize("armored", [False, True])
@pytest.mark.parametrize("size", [0, 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5])
def test_pyrage_reads_nacre_and_nacre_reads_pyrage(pyrage, armored: bool, size: int) -> None:  # type: ignore[no-untyped-def]
    data = bytes(i % 251 for i in range(size))
    alice, bob = age.Identity.generate(), age.Identity.generate()
    r_alice = pyrage.x25519.Recipient.from_str(str(alice.to_public()))
    i_bob = pyrage.x25519.Identity.from_str(bob.secret_text())
    # nacre -> pyrage, two recipients
    box = age.encrypt(data, [alice.to_public(), bob.to_public()], armored=armored)
    assert pyrage.decrypt(box, [i_bob]) == data
    # pyrage -> nacre, two recipients
    box = pyrage.encrypt(data, [r_alice, i_bob.to_public()], armored=armored)
    assert age.decrypt(box, [alice]) == data
    assert age.decrypt(box, [bob.secret_text()]) == data
    # keys made by pyrage
    theirs = pyrage.x25519.Identity.generate()
    assert str(age.Identity.from_str(str(theirs)).to_public()) == str(theirs.to_public())


@pytest.mark.parametrize("armored", [False, True])
def test_pyrage_passphrase_both_ways(pyrage, armored: bool) -> None:  # type: ignore[no-untyped-def]
    data = b"x" * (CHUNK + 3)
    box = passphrase.encrypt(data, "correct horse", armored, work_factor=12)
    assert pyrage.passphrase.decrypt(box, "correct horse") == data
    box = pyrage.passphrase.encrypt(data, "battery staple", armored=armored)
    assert passphrase.decrypt(box, "battery staple") == data
    with pytest.raises(age.NoIdentityError):
        passphrase.decrypt(box, "wrong")


def test_pyrage_refuses_what_nacre_refuses(pyrage) -> None:  # type: ignore[no-untyped-def]
    identity = age.Identity.generate()
    box = bytearray(age.encrypt(b"message", [identity.to_public()]))
    box[-5] ^= 1
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(bytes(box), [pyrage.x25519.Identity.from_str(identity.secret_text())])
    with pytest.raises(age.PayloadError):
        age.decrypt(bytes(box), [identity])


# --- the file wrappers ----------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    data=st.binary(max_size=3 * CHUNK + 100),
    pieces=st.lists(st.integers(1, 2 * CHUNK), min_size=1, max_size=6),
    read_size=st.integers(1, 2 * CHUNK),
    armored=st.booleans(),
)
def test_file_round_trip(data: bytes, pieces: List[int], read_size: int, armored: bool) -> None:
    identity = age.Identity.generate()
    sink = io.BytesIO()
    with age.EncryptingWriter(sink, [identity.to_public()], armored=armored) as writer:
        at, i = 0, 0
        while at < len(data):
            n = pieces[i % len(pieces)]
            assert writer.write(memoryview(data)[at : at + n]) == len(data[at : at + n])
            at, i = at + n, i + 1
    file = sink.getvalue()
    assert age.decrypt(file, [identity]) == data
    reader = age.DecryptingReader(io.BytesIO(file), [identity])
    got = []
    while True:
        piece = reader.read(read_size)
        if not piece:
            break
        got.append(piece)
    assert b"".join(got) == data
    assert reader.finished


def test_reader_supports_lines_peek_readinto_and_iteration() -> None:
    identity = age.Identity.generate()
    text = b"".join(b"line %d\n" % i for i in range(20000))
    file = age.encrypt(text, [identity.to_public()])
    with age.DecryptingReader(io.BytesIO(file), [identity]) as r:
        assert r.peek()[:7] == b"line 0\n"
        assert r.readline() == b"line 0\n"
        buf = bytearray(7)
        assert r.readinto(buf) == 7 and bytes(buf) == b"line 1\n"
        assert list(r)[-1] == b"line 19999\n"
        assert r.read() == b""
        assert r.finished


def test_writer_left_through_an_exception_leaves_a_truncated_file() -> None:
    identity = age.Identity.generate()
    sink = io.BytesIO()
    with pytest.raises(RuntimeError):
        with age.EncryptingWriter(sink, [identity.to_public()]) as writer:
            writer.write(b"a" * (2 * CHUNK + 10))
            raise RuntimeError("interrupted")
    with pytest.raises(age.PayloadError):
        age.decrypt(sink.getvalue(), [identity])
    # Dropped without close(): the same.
    sink = io.BytesIO()
    writer = age.EncryptingWriter(sink, [identity.to_public()])
    writer.write(b"b" * 100)
    del writer
    with pytest.raises(age.HeaderError if not sink.getvalue() else age.PayloadError):
        age.decrypt(sink.getvalue(), [identity])


def test_reader_errors_are_sticky_and_come_after_the_chunks_that_authenticated() -> None:
    identity = age.Identity.generate()
    data = bytes(range(256)) * 1024  # 4 chunks
    file = bytearray(age.encrypt(data, [identity.to_public()]))
    file[-3] ^= 1  # the final chunk
    r = age.DecryptingReader(io.BytesIO(bytes(file)), [identity])
    got = r.read(3 * CHUNK)
    assert got == data[: 3 * CHUNK]
    with pytest.raises(age.PayloadError) as first:
        r.read(1)
    with pytest.raises(age.PayloadError) as second:
        r.read(1)
    assert first.value is second.value


def test_real_files_with_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "secret.age"
    data = b"\x00\xff" * 50000
    with open(path, "wb") as f, age.EncryptingWriter(f, passphrase="pw", work_factor=10,
                                                     armored=True) as w:
        w.write(data)
    assert path.read_bytes().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    with open(path, "rb") as f, age.DecryptingReader(f, passphrase=b"pw") as r:
        assert r.read() == data


def test_64_mib_in_constant_memory() -> None:
    identity = age.Identity.generate()

    class Sink(io.RawIOBase):
        def __init__(self) -> None:
            self.size = 0
            self.digest = hashlib.sha256()

        def writable(self) -> bool:
            return True

        def write(self, b: object) -> int:
            view = memoryview(b)  # type: ignore[arg-type]
            self.size += len(view)
            self.digest.update(view)
            return len(view)

    block = bytes(range(256)) * 4096  # 1 MiB
    sink = Sink()
    tracemalloc.start()
    with age.EncryptingWriter(sink, [identity.to_public()]) as w:
        for _ in range(64):
            w.write(block)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    header_and_nonce = len(age.encrypt(b"", [identity.to_public()])) - 16
    assert sink.size == 64 * (1 << 20) + 64 * 16 * 16 + header_and_nonce
    assert peak < 8 << 20, f"peak {peak} bytes for 64 MiB written"


# --- keys ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("post_quantum", [False, True])
def test_identities_and_recipients(post_quantum: bool) -> None:
    i = age.Identity.generate(post_quantum=post_quantum)
    r = i.to_public()
    assert i.post_quantum is post_quantum and r.post_quantum is post_quantum
    assert str(r).startswith("age1pq1" if post_quantum else "age1")
    assert i.secret_text().startswith("AGE-SECRET-KEY-PQ-1" if post_quantum else "AGE-SECRET-KEY-1")
    assert age.Identity.from_str(i.secret_text().lower()) == i
    assert age.Recipient.from_str(str(r).upper()) == r
    assert hash(age.Recipient.from_str(str(r))) == hash(r)
    assert i.secret_text() not in repr(i) and i.secret_text() not in str(i)
    with pytest.raises(TypeError):
        pickle.dumps(i)
    with pytest.raises(AttributeError):
        r._text = "x"  # type: ignore[misc]
    assert age.decrypt(age.encrypt(b"pq" if post_quantum else b"x", [r]), [i]) == (
        b"pq" if post_quantum else b"x")


def test_key_files() -> None:
    a, b = age.Identity.generate(), age.Identity.generate(post_quantum=True)
    text = (f"# created: today\n# public key: {a.to_public()}\n{a.secret_text()}\n\n"
            f"{b.secret_text()}\r\n")
    assert age.parse_identities(text) == [a, b]
    assert age.parse_recipients(f"# team\n{a.to_public()}\n{b.to_public()}\n".encode()) == [
        a.to_public(), b.to_public()]
    with pytest.raises(age.RecipientError, match="recipient 2"):
        age.parse_recipients(f"{a.to_public()}\nssh-ed25519 AAAA\n")
