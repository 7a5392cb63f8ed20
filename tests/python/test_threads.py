"""Threads: concurrent hashing gives correct results (correctness only, no timing).

Interpreter: Debian's /usr/bin/python3 (pytest from apt), nacre on PYTHONPATH. Python's hashlib
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
