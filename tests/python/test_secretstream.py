"""nacre.secretstream: message streams (tags, tampering, truncation, reordering, trailing data)
and interop with PyNaCl where importable. Files are nacre.age's (test_age.py).

Interpreter and nacre: see conftest.py.
secretstream has no published known-answer vectors; PyNaCl (libsodium 1.0.18, a separate build)
is the independent implementation where it is importable, and the round trips check the rest.
"""

from __future__ import annotations

import pickle
from typing import List, Optional, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
import nacre.secretstream as ss

KEY = bytes(range(32))
MIB = 1 << 20


def _stream(
    messages: List[Tuple[bytes, int]], key: bytes = KEY, ad: Optional[bytes] = None
) -> Tuple[bytes, List[bytes]]:
    enc = ss.Encryptor(key)
    return enc.header, [enc.push(m, ad, tag) for m, tag in messages]


def _flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


MESSAGES = [
    (b"first", ss.TAG_MESSAGE),
    (b"", ss.TAG_MESSAGE),
    (b"third, after a push boundary", ss.TAG_PUSH),
    (b"rekeyed from here", ss.TAG_REKEY),
    (b"x" * 1000, ss.TAG_MESSAGE),
    (b"the end", ss.TAG_FINAL),
]


def test_constants_are_libsodiums() -> None:
    # crypto_secretstream_xchacha20poly1305_{KEYBYTES, HEADERBYTES, ABYTES, TAG_*}
    assert (ss.KEY_SIZE, ss.HEADER_SIZE, ss.OVERHEAD) == (32, 24, 17)
    assert (ss.TAG_MESSAGE, ss.TAG_PUSH, ss.TAG_REKEY, ss.TAG_FINAL) == (0, 1, 2, 3)
    assert len(ss.generate_key()) == 32 and ss.generate_key() != ss.generate_key()


def test_exception_classes() -> None:
    for cls in (nacre.TruncatedStream, nacre.TrailingData):
        assert issubclass(cls, nacre.InvalidTag) and issubclass(cls, nacre.Error)
        assert not issubclass(cls, ValueError)
        assert cls.__module__ == "nacre"


# --- messages ---------------------------------------------------------------------------------


def test_round_trip_with_tags() -> None:
    header, boxes = _stream(MESSAGES, ad=b"ad")
    assert len(header) == ss.HEADER_SIZE
    assert [len(b) for b in boxes] == [len(m) + ss.OVERHEAD for m, _ in MESSAGES]
    dec = ss.Decryptor(KEY, header)
    for (msg, tag), box in zip(MESSAGES, boxes):
        assert not dec.finished
        assert dec.pull(box, b"ad") == (msg, tag)
    assert dec.finished
    dec.finalize()


def test_two_streams_differ() -> None:
    h1, b1 = _stream(MESSAGES)
    h2, b2 = _stream(MESSAGES)
    assert h1 != h2 and b1[0] != b2[0]  # random headers: same key, same messages, new stream


def test_dropped_final_message_is_truncation() -> None:
    header, boxes = _stream(MESSAGES)
    dec = ss.Decryptor(KEY, header)
    for box in boxes[:-1]:
        dec.pull(box)
    assert not dec.finished
    with pytest.raises(nacre.TruncatedStream):
        dec.finalize()


@pytest.mark.parametrize("i,j", [(0, 1), (1, 2), (0, 5), (4, 5)])
def test_reordered_messages_fail(i: int, j: int) -> None:
    header, boxes = _stream(MESSAGES)
    boxes[i], boxes[j] = boxes[j], boxes[i]
    dec = ss.Decryptor(KEY, header)
    for box in boxes[:i]:
        dec.pull(box)
    with pytest.raises(nacre.InvalidTag):
        dec.pull(boxes[i])


def test_replayed_dropped_and_foreign_messages_fail() -> None:
    header, boxes = _stream(MESSAGES)
    other_header, other_boxes = _stream(MESSAGES)
    for bad in (
        [boxes[0], boxes[0]],  # replay
        [boxes[0], boxes[2]],  # a message dropped
        [other_boxes[0]],  # another stream's message (same key)
    ):
        dec = ss.Decryptor(KEY, header)
        with pytest.raises(nacre.InvalidTag):
            for box in bad:
                dec.pull(box)
    with pytest.raises(nacre.InvalidTag):
        ss.Decryptor(KEY, other_header).pull(boxes[0])
    with pytest.raises(nacre.InvalidTag):
        ss.Decryptor(_flip(KEY, 0), header).pull(boxes[0])


def test_every_bit_flip_fails_and_poisons() -> None:
    header, boxes = _stream([(b"0123456789", ss.TAG_MESSAGE), (b"end", ss.TAG_FINAL)], ad=b"ad")
    for bit in range(8 * len(boxes[0])):
        dec = ss.Decryptor(KEY, header)
        with pytest.raises(nacre.InvalidTag):
            dec.pull(_flip(boxes[0], bit), b"ad")
        with pytest.raises(nacre.InvalidTag):  # the stream is unusable after a failure
            dec.pull(boxes[0], b"ad")
    for bit in range(8 * len(header)):
        with pytest.raises(nacre.InvalidTag):
            ss.Decryptor(KEY, _flip(header, bit)).pull(boxes[0], b"ad")
    for wrong in (None, b"", b"ae"):
        with pytest.raises(nacre.InvalidTag):
            ss.Decryptor(KEY, header).pull(boxes[0], wrong)
    for cut in range(len(boxes[0])):
        with pytest.raises(nacre.InvalidTag):
            ss.Decryptor(KEY, header).pull(boxes[0][:cut], b"ad")


def test_message_after_final_fails() -> None:
    enc = ss.Encryptor(KEY)
    final = enc.finalize(b"end")
    dec = ss.Decryptor(KEY, enc.header)
    assert dec.pull(final) == (b"end", ss.TAG_FINAL)
    with pytest.raises(nacre.TrailingData):
        dec.pull(final)
    with pytest.raises(ValueError):  # the writer refuses too
        enc.push(b"more")
    assert enc.finished


def test_push_into_and_pull_into() -> None:
    enc = ss.Encryptor(KEY)
    out = bytearray(100)
    n = enc.push_into(b"hello", out, b"ad", ss.TAG_PUSH)
    assert n == 5 + ss.OVERHEAD
    with pytest.raises(ValueError):
        enc.push_into(b"hello", bytearray(5 + ss.OVERHEAD - 1))
    dec = ss.Decryptor(KEY, enc.header)
    plain = bytearray(50)
    assert dec.pull_into(out[:n], plain, b"ad") == (5, ss.TAG_PUSH)
    assert plain[:5] == b"hello"
    with pytest.raises(ValueError):
        dec.pull_into(enc.push(b"abc"), bytearray(2))


def test_argument_errors() -> None:
    for n in (0, 16, 31, 33):
        with pytest.raises(ValueError) as info:
            ss.Encryptor(bytes(n))
        assert isinstance(info.value, nacre.InvalidKey)
        with pytest.raises(ValueError):
            ss.Decryptor(bytes(n), bytes(24))
    for n in (0, 23, 25):
        with pytest.raises(ValueError):
            ss.Decryptor(KEY, bytes(n))
    enc = ss.Encryptor(KEY)
    for tag in (-1, 4, 255, 2**70):
        with pytest.raises(ValueError):
            enc.push(b"x", tag=tag)
    for bad in ("text", 1.0, None):
        with pytest.raises(TypeError):
            enc.push(b"x", tag=bad)  # type: ignore[arg-type]
    for bad in ("text", 42, object()):
        with pytest.raises(TypeError):
            ss.Encryptor(bad)
        with pytest.raises(TypeError):
            enc.push(bad)
        with pytest.raises(TypeError):
            enc.push(b"x", bad)
        with pytest.raises(TypeError):
            ss.Decryptor(KEY, bad)
        with pytest.raises(TypeError):
            ss.Decryptor(KEY, enc.header).pull(bad)


def test_states_never_show_the_key() -> None:
    key = bytes(range(0xB0, 0xD0))
    enc = ss.Encryptor(key)
    dec = ss.Decryptor(key, enc.header)
    for obj in (enc, dec):
        assert key.hex() not in repr(obj).lower() and repr(key) not in repr(obj)
        with pytest.raises(TypeError):
            pickle.dumps(obj)


@settings(max_examples=25)
@given(
    messages=st.lists(st.tuples(st.binary(max_size=300), st.sampled_from([0, 1, 2])), max_size=8),
    last=st.binary(max_size=300),
    ad=st.one_of(st.none(), st.binary(max_size=40)),
)
def test_round_trip_property(
    messages: List[Tuple[bytes, int]], last: bytes, ad: Optional[bytes]
) -> None:
    all_messages = messages + [(last, ss.TAG_FINAL)]
    header, boxes = _stream(all_messages, ad=ad)
    dec = ss.Decryptor(KEY, header)
    assert [dec.pull(box, ad) for box in boxes] == all_messages
    assert dec.finished


# --- interop with PyNaCl ----------------------------------------------------------------------


def test_interop_with_pynacl() -> None:
    b = pytest.importorskip("nacl.bindings", reason="PyNaCl is not importable")
    assert b.crypto_secretstream_xchacha20poly1305_ABYTES == ss.OVERHEAD
    assert b.crypto_secretstream_xchacha20poly1305_HEADERBYTES == ss.HEADER_SIZE
    assert b.crypto_secretstream_xchacha20poly1305_TAG_FINAL == ss.TAG_FINAL
    assert b.crypto_secretstream_xchacha20poly1305_TAG_REKEY == ss.TAG_REKEY
    # nacre writes, PyNaCl reads.
    header, boxes = _stream(MESSAGES, ad=b"ad")
    state = b.crypto_secretstream_xchacha20poly1305_state()
    b.crypto_secretstream_xchacha20poly1305_init_pull(state, header, KEY)
    for (msg, tag), box in zip(MESSAGES, boxes):
        assert b.crypto_secretstream_xchacha20poly1305_pull(state, box, b"ad") == (msg, tag)
    # PyNaCl writes, nacre reads.
    state = b.crypto_secretstream_xchacha20poly1305_state()
    header = b.crypto_secretstream_xchacha20poly1305_init_push(state, KEY)
    dec = ss.Decryptor(KEY, header)
    for msg, tag in MESSAGES:
        box = b.crypto_secretstream_xchacha20poly1305_push(state, msg, b"ad", tag)
        assert dec.pull(box, b"ad") == (msg, tag)
    assert dec.finished
