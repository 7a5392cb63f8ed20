"""Threads: concurrent hashing gives correct results (correctness only, no timing).

Interpreter and nacre: see conftest.py. Python's hashlib
and hmac compute the expected values.
"""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, List, Tuple

import nacre.hash
import nacre.hmac

MIB = 1 << 20
JOBS: List[Tuple[str, str]] = [
    ("sha256", "boringssl"),
    ("sha256", "sodium"),
    ("sha512", "boringssl"),
    ("sha512", "sodium"),
    ("sha384", "boringssl"),
    ("sha3_256", "sodium"),
    ("blake2b", "sodium"),
    ("sha512_256", "boringssl"),
]


def _data(seed: int) -> bytes:
    return hashlib.shake_256(seed.to_bytes(4, "big")).digest(MIB)


def _run_together(tasks: List[Callable[[], bytes]]) -> List[bytes]:
    barrier = threading.Barrier(len(tasks))

    def start(task: Callable[[], bytes]) -> bytes:
        barrier.wait()  # all threads hash at the same time
        return task()

    with ThreadPoolExecutor(max_workers=len(tasks)) as pool:
        return list(pool.map(start, tasks))


def test_threads_hash_one_mib_each() -> None:
    inputs = [_data(i) for i in range(len(JOBS))]
    expected = [hashlib.new(name, data).digest() for (name, _), data in zip(JOBS, inputs)]

    def one_shot(i: int) -> Callable[[], bytes]:
        name, backend = JOBS[i]
        return lambda: nacre.hash.new(name, inputs[i], backend=backend).digest()

    def streamed(i: int) -> Callable[[], bytes]:
        name, backend = JOBS[i]

        def run() -> bytes:
            h = nacre.hash.new(name, backend=backend)
            view = memoryview(inputs[i])
            for start in range(0, MIB, 4096 + i):
                h.update(view[start : start + 4096 + i])
            return h.digest()

        return run

    for _ in range(3):
        assert _run_together([one_shot(i) for i in range(len(JOBS))]) == expected
        assert _run_together([streamed(i) for i in range(len(JOBS))]) == expected


def test_threads_hmac_one_mib_each() -> None:
    inputs = [_data(100 + i) for i in range(6)]
    algs = ["sha256", "sha512"] * 3
    backends = ["boringssl", "sodium", None] * 2
    expected = [std_hmac.digest(b"key%d" % i, d, a) for i, (a, d) in enumerate(zip(algs, inputs))]
    tasks = [
        (lambda i=i: nacre.hmac.digest(b"key%d" % i, inputs[i], algs[i], backend=backends[i]))
        for i in range(len(inputs))
    ]
    assert _run_together(tasks) == expected


def test_one_object_shared_by_threads() -> None:
    # Updates from several threads are serialised by the object's lock; the order does not
    # matter because every thread feeds the same chunks.
    chunk = _data(7)[: 64 * 1024]
    per_thread, threads = 16, 8
    for name, backend in (("sha256", "boringssl"), ("sha256", "sodium"), ("sha3_256", "sodium")):
        h = nacre.hash.new(name, backend=backend)

        def feed() -> bytes:
            for _ in range(per_thread):
                h.update(chunk)
            return b""

        _run_together([feed] * threads)
        assert h.digest() == hashlib.new(name, chunk * (per_thread * threads)).digest(), backend


def test_eight_threads_share_key_objects() -> None:
    # The C ABI stress test (tests/capi/stress_test.cpp) from Python: eight threads share AEAD,
    # signing and agreement key objects and a hash object's inputs, run seal/open, sign/verify,
    # exchange and hashing at once, and every result is checked against one made before.
    import os

    import nacre

    msg, ad = os.urandom(3000), os.urandom(11)
    nonce12, nonce16 = os.urandom(12), os.urandom(16)
    gcm = nacre.AESGCM(os.urandom(32))
    chacha = nacre.ChaCha20Poly1305(bytearray(os.urandom(32)))  # eager key set-up
    aegis = nacre.AEGIS128L(os.urandom(16))
    ed = nacre.Ed25519PrivateKey.generate()
    ed_pub = ed.public_key()
    p256 = nacre.keys.ECPrivateKey.generate("p256")
    x, peer = nacre.X25519PrivateKey.generate(), nacre.X25519PrivateKey.generate().public_key()
    boxes = {name: (k, n, k.encrypt(n, msg, ad)) for name, k, n in
             (("gcm", gcm, nonce12), ("chacha", chacha, nonce12), ("aegis", aegis, nonce16))}
    sig, secret = ed.sign(msg), x.exchange(peer)
    digest = hashlib.sha256(msg).digest()
    wrong: List[str] = []
    barrier = threading.Barrier(8)

    def work(t: int) -> None:
        barrier.wait()
        for r in range(40):
            op = (t + r) % 5
            if op < 3:
                name = ("gcm", "chacha", "aegis")[op]
                k, n, box = boxes[name]
                if k.encrypt(n, msg, ad) != box or k.decrypt(n, box, ad) != msg:
                    wrong.append(f"thread {t}: {name}")
            elif op == 3:
                if ed.sign(msg) != sig:
                    wrong.append(f"thread {t}: ed25519 sign")
                ed_pub.verify(sig, msg)  # raises on failure, which fails the test via the pool
                p256.public_key().verify(p256.sign(msg), msg)
            else:
                if x.exchange(peer) != secret or nacre.hash.sha256(msg).digest() != digest:
                    wrong.append(f"thread {t}: exchange or sha256")

    with ThreadPoolExecutor(max_workers=8) as pool:
        for f in [pool.submit(work, t) for t in range(8)]:
            f.result()  # re-raises anything a thread raised
    assert wrong == []
