"""Zero-copy inputs: bytes, bytearray, memoryview (slices too) and other buffers are read in
place; outputs can be written into a caller's buffer.

Interpreter: Debian's /usr/bin/python3 (pytest from apt), nacre on PYTHONPATH. Python's hashlib
and hmac compute the expected values.
"""

from __future__ import annotations

import array
import hashlib
import hmac as std_hmac
import mmap

import pytest

import nacre
import nacre.hash
import nacre.hmac
from nacre._buffers import readable

DATA = bytes(range(256)) * 33


def test_memoryview_slice() -> None:
    view = memoryview(bytearray(DATA))[100:-100]
    assert nacre.hash.sha256(view).digest() == hashlib.sha256(DATA[100:-100]).digest()
    assert nacre.hash.sha3_256(view[5:6]).digest() == hashlib.sha3_256(DATA[105:106]).digest()
    assert nacre.hmac.digest(view[:64], view, "sha512") == std_hmac.digest(
        DATA[100:164], DATA[100:-100], "sha512"
    )


def test_bytearray() -> None:
    buf = bytearray(DATA)
    h = nacre.hash.sha512(buf)
    h.update(buf)
    assert h.digest() == hashlib.sha512(DATA + DATA).digest()
    assert nacre.hmac.new(buf, buf, "sha256").digest() == std_hmac.digest(DATA, DATA, "sha256")


def test_other_buffers() -> None:
    words = array.array("I", range(1000))  # items wider than a byte: hashed as raw memory
    assert nacre.hash.sha256(words).digest() == hashlib.sha256(words.tobytes()).digest()
    with mmap.mmap(-1, len(DATA)) as mm:
        mm.write(DATA)
        assert nacre.hash.blake2b(mm).digest() == hashlib.blake2b(DATA).digest()


def test_empty_buffers() -> None:
    for empty in (b"", bytearray(), memoryview(b""), memoryview(DATA)[10:10]):
        assert nacre.hash.sha256(empty).digest() == hashlib.sha256(b"").digest()
        assert nacre.hmac.digest(empty, empty, "sha256") == std_hmac.digest(b"", b"", "sha256")


def test_input_is_not_copied() -> None:
    # The C pointer refers to the caller's memory: a change made afterwards is visible through it.
    buf = bytearray(b"abcdef")
    view = readable(memoryview(buf)[2:])
    assert len(view) == 4 and view[0] == ord("c")
    buf[2] = ord("Z")
    assert view[0] == ord("Z")


def test_non_contiguous_memoryview_is_refused() -> None:
    with pytest.raises((BufferError, TypeError)):
        nacre.hash.sha256(memoryview(DATA)[::2])


def test_outputs_into_caller_buffers() -> None:
    region = bytearray(100)
    view = memoryview(region)
    assert nacre.hash.sha256(DATA).digest_into(view[10:42]) == 32
    assert nacre.hash.digest_into("sha384", DATA, view[50:98]) == 48
    assert region[10:42] == hashlib.sha256(DATA).digest()
    assert region[50:98] == hashlib.sha384(DATA).digest()
    assert region[:10] == bytes(10) and region[42:50] == bytes(8) and region[98:] == bytes(2)

    assert nacre.random_bytes_into(view[:0]) == 0
    assert nacre.random_bytes_into(view[:8]) == 8


def test_readonly_memoryview_cannot_be_an_output() -> None:
    with pytest.raises(TypeError):
        nacre.hash.sha256(DATA).digest_into(memoryview(bytes(32)))
