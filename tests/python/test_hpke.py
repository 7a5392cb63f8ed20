"""nacre.hpke: single-shot and context round trips on every suite, message order, exports,
tampering, wrong keys, info and aad, and argument errors. An independent RFC 9180
implementation (over pyca/cryptography) checks the wire format in test_pk_interop.py.

Interpreter and nacre: see conftest.py.
"""

from __future__ import annotations

import pickle
import threading
from typing import List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nacre
from nacre import hpke
from nacre.hpke import ReceiverContext, SenderContext, Suite
from nacre.keys import Ed25519PrivateKey, X25519PrivateKey

SUITES = list(Suite)


def _flip(data: bytes, index: int) -> bytes:
    out = bytearray(data)
    out[index] ^= 0x01
    return bytes(out)


def test_suite_numbers() -> None:
    # nacre_hpke_suite in nacre.h.
    assert [int(s) for s in SUITES] == [1, 2, 3]
    assert [s.name for s in SUITES] == [
        "X25519_SHA256_AES128GCM",
        "X25519_SHA256_AES256GCM",
        "X25519_SHA256_CHACHA20POLY1305",
    ]
    assert (hpke.ENC_SIZE, hpke.TAG_SIZE) == (32, 16)


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_single_shot(suite: Suite) -> None:
    key = X25519PrivateKey.generate()
    public = key.public_key()
    for message in (b"", b"hello", bytes(range(256)) * 20):
        data = hpke.seal(suite, public, message, info=b"info", aad=b"aad")
        assert len(data) == 32 + len(message) + 16
        assert hpke.seal(suite, public, message, info=b"info", aad=b"aad") != data  # fresh enc
        assert hpke.open(suite, key, data, info=b"info", aad=b"aad") == message
        assert hpke.open(suite, key, bytearray(data), bytearray(b"info"), memoryview(b"aad")) == (
            message
        )
    data = hpke.seal(int(suite), public, b"m")  # type: ignore[arg-type]  # plain ints work
    assert hpke.open(suite, key, data) == b"m"


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_single_shot_failures(suite: Suite) -> None:
    key = X25519PrivateKey.generate()
    data = hpke.seal(suite, key.public_key(), b"secret", info=b"i", aad=b"a")
    for index in (0, 31, 32, len(data) - 1):
        with pytest.raises(nacre.InvalidTag):
            hpke.open(suite, key, _flip(data, index), info=b"i", aad=b"a")
    with pytest.raises(nacre.InvalidTag):
        hpke.open(suite, key, data, info=b"j", aad=b"a")
    with pytest.raises(nacre.InvalidTag):
        hpke.open(suite, key, data, info=b"i", aad=b"b")
    with pytest.raises(nacre.InvalidTag):
        hpke.open(suite, key, data, info=b"i")
    with pytest.raises(nacre.InvalidTag):
        hpke.open(suite, X25519PrivateKey.generate(), data, info=b"i", aad=b"a")
    other = next(s for s in SUITES if s != suite)
    with pytest.raises(nacre.InvalidTag):
        hpke.open(other, key, data, info=b"i", aad=b"a")
    for short in (b"", data[:47], data[:-1]):
        with pytest.raises(nacre.InvalidTag):
            hpke.open(suite, key, short, info=b"i", aad=b"a")


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_contexts(suite: Suite) -> None:
    key = X25519PrivateKey.generate()
    sender = SenderContext(suite, key.public_key(), info=b"session")
    assert type(sender.enc) is bytes and len(sender.enc) == 32
    receiver = ReceiverContext(suite, key, sender.enc, info=b"session")
    messages = [b"first", b"", b"third" * 100]
    cts = [sender.seal(m, aad=b"%d" % i) for i, m in enumerate(messages)]
    assert [len(c) for c in cts] == [len(m) + 16 for m in messages]
    # A failed open does not advance the receiver (nacre.h): out of order, then in order.
    with pytest.raises(nacre.InvalidTag):
        receiver.open(cts[1], aad=b"1")
    with pytest.raises(nacre.InvalidTag):
        receiver.open(cts[0], aad=b"wrong")
    for i, (m, c) in enumerate(zip(messages, cts)):
        assert receiver.open(c, aad=b"%d" % i) == m
    with pytest.raises(nacre.InvalidTag):
        receiver.open(cts[2], aad=b"2")  # a replay: the sequence moved on
    # The same message sealed twice gives different ciphertexts (another sequence number).
    assert sender.seal(b"first", aad=b"0") != cts[0]


@pytest.mark.parametrize("suite", SUITES, ids=lambda s: s.name)
def test_exports(suite: Suite) -> None:
    key = X25519PrivateKey.generate()
    sender = SenderContext(suite, key.public_key(), info=b"x")
    receiver = ReceiverContext(suite, key, sender.enc, info=b"x")
    for length in (1, 32, 100, 255 * 32):
        secret = sender.export(b"context", length)
        assert len(secret) == length
        assert receiver.export(b"context", length) == secret
        assert receiver.export(bytearray(b"context"), length) == secret
    assert sender.export(b"a", 32) != sender.export(b"b", 32)
    # Exports do not depend on the message sequence, and do not change it.
    before = sender.export(b"a", 32)
    receiver.open(sender.seal(b"m"))
    assert sender.export(b"a", 32) == before == receiver.export(b"a", 32)
    # A context with other info derives other secrets.
    other = SenderContext(suite, key.public_key(), info=b"y")
    assert ReceiverContext(suite, key, other.enc, info=b"y").export(b"a", 32) != before
    with pytest.raises(ValueError):
        sender.export(b"c", 255 * 32 + 1)
    with pytest.raises(ValueError):
        sender.export(b"c", -1)
    with pytest.raises(TypeError):
        sender.export(b"c", 1.5)  # type: ignore[arg-type]


def test_receiver_with_wrong_parameters() -> None:
    suite = Suite.X25519_SHA256_CHACHA20POLY1305
    key = X25519PrivateKey.generate()
    sender = SenderContext(suite, key.public_key(), info=b"i")
    ct = sender.seal(b"m")
    for receiver in (
        ReceiverContext(suite, key, sender.enc, info=b"other"),
        ReceiverContext(suite, X25519PrivateKey.generate(), sender.enc, info=b"i"),
        ReceiverContext(suite, key, _flip(sender.enc, 5), info=b"i"),
        ReceiverContext(Suite.X25519_SHA256_AES256GCM, key, sender.enc, info=b"i"),
    ):
        with pytest.raises(nacre.InvalidTag):
            receiver.open(ct)
    # nacre.h: "a bad enc" is NACRE_ERR_INVALID_KEY.
    for enc in (b"", sender.enc[:-1], sender.enc + b"\x00"):
        with pytest.raises(nacre.InvalidKey):
            ReceiverContext(suite, key, enc)
    with pytest.raises(nacre.InvalidTag):
        ReceiverContext(suite, key, sender.enc, info=b"i").open(b"\x00" * 15)


def test_contexts_single_shot_agree() -> None:
    # seal() is enc || the first message of a context (RFC 9180 section 6.1).
    suite = Suite.X25519_SHA256_AES128GCM
    key = X25519PrivateKey.generate()
    data = hpke.seal(suite, key.public_key(), b"one", info=b"i", aad=b"a")
    receiver = ReceiverContext(suite, key, data[:32], info=b"i")
    assert receiver.open(data[32:], aad=b"a") == b"one"
    sender = SenderContext(suite, key.public_key(), info=b"i")
    assert hpke.open(suite, key, sender.enc + sender.seal(b"two", aad=b"a"), b"i", b"a") == b"two"


@settings(max_examples=15)
@given(
    message=st.binary(max_size=300),
    info=st.binary(max_size=40),
    aad=st.binary(max_size=40),
    suite=st.sampled_from(SUITES),
)
def test_any_input(message: bytes, info: bytes, aad: bytes, suite: Suite) -> None:
    key = X25519PrivateKey.generate()
    data = hpke.seal(suite, key.public_key(), message, info, aad)
    assert hpke.open(suite, key, data, info, aad) == message


def test_argument_errors() -> None:
    key = X25519PrivateKey.generate()
    ed = Ed25519PrivateKey.generate()
    for suite in (0, 4, 99, -1):
        with pytest.raises(nacre.UnsupportedAlgorithm):
            hpke.seal(suite, key.public_key(), b"m")  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            SenderContext(suite, key.public_key())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hpke.seal("X25519_SHA256_AES128GCM", key.public_key(), b"m")  # type: ignore[arg-type]
    suite = Suite.X25519_SHA256_AES128GCM
    for bad in (ed.public_key(), key, None, key.public_key().to_raw()):
        with pytest.raises(TypeError):
            hpke.seal(suite, bad, b"m")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            SenderContext(suite, bad)  # type: ignore[arg-type]
    for bad in (ed, key.public_key(), None):
        with pytest.raises(TypeError):
            hpke.open(suite, bad, bytes(64))  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            ReceiverContext(suite, bad, bytes(32))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hpke.seal(suite, key.public_key(), "text")  # type: ignore[arg-type]


def test_context_objects() -> None:
    key = X25519PrivateKey.generate()
    sender = SenderContext(Suite.X25519_SHA256_AES128GCM, key.public_key())
    with pytest.raises(TypeError):
        pickle.dumps(sender)
    assert sender.enc.hex() not in repr(sender)


def test_context_shared_between_threads() -> None:
    # A context holds a lock: concurrent seals each take their own sequence number.
    suite = Suite.X25519_SHA256_CHACHA20POLY1305
    key = X25519PrivateKey.generate()
    sender = SenderContext(suite, key.public_key())
    results: List[bytes] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(25):
            ct = sender.seal(b"same message")
            with lock:
                results.append(ct)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 100  # no sequence number was used twice
    # The receiver needs them in sequence order; try each pending one until it opens.
    receiver = ReceiverContext(suite, key, sender.enc)
    pending = list(results)
    while pending:
        for ct in pending:
            try:
                assert receiver.open(ct) == b"same message"
            except nacre.InvalidTag:
                continue
            pending.remove(ct)
            break
        else:  # pragma: no cover - the failure case
            pytest.fail("a ciphertext opened at no sequence number")
