"""Many live objects in one interpreter: 200,000 AESGCM keys, 1,000,000 SHA-256 objects, 200,000
Ed25519 and P-256 keys, each used and its result checked against an independent implementation
(pyca/cryptography, hashlib); the mappings stay few, and at real exhaustion the interpreter
carries on.

Interpreter and nacre: see conftest.py. NACRE_LIVE_SCALE (default 1) scales the counts: the
sanitizer run and the per-interpreter wheel runs use a fraction, the release run the full counts.
"""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
import textwrap

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM as PycaAESGCM

import nacre
from nacre.hash import sha256

SCALE = float(os.environ.get("NACRE_LIVE_SCALE", "1"))


def count(n: int) -> int:
    return max(1000, int(n * SCALE))


def mappings() -> int:
    with open("/proc/self/maps", encoding="ascii") as f:
        return sum(1 for _ in f)


def test_aesgcm_keys_live_at_once_each_used_twice() -> None:
    n = count(200_000)
    gc.collect()  # secrets of earlier tests' garbage must not be freed while this one counts
    maps_before = mappings()
    before = nacre.secret_memory_stats()
    nonce = bytes(12)
    keys = []
    tags = []
    for i in range(n):
        k = nacre.AESGCM(i.to_bytes(32, "little"))
        # Twice: the key schedule is made on the second use of a bytes key at the latest.
        k.encrypt(nonce, b"first", None)
        tags.append(k.encrypt(nonce, i.to_bytes(16, "little"), b"ad"))
        keys.append(k)
    stats = nacre.secret_memory_stats()
    assert stats.live_secrets >= before.live_secrets + n
    assert stats.locked_bytes <= (stats.lock_limit_bytes or stats.locked_bytes)
    assert mappings() < maps_before + 8 * stats.arenas + 64  # a few per 4 MiB arena
    bad = 0
    for i, (k, ct) in enumerate(zip(keys, tags)):
        msg = i.to_bytes(16, "little")
        bad += ct != PycaAESGCM(i.to_bytes(32, "little")).encrypt(nonce, msg, b"ad")
        bad += k.decrypt(nonce, ct, b"ad") != msg
    assert bad == 0
    del keys, tags, k, ct
    assert nacre.secret_memory_stats().live_secrets == before.live_secrets


def test_a_million_sha256_objects_after_one_update() -> None:
    n = count(1_000_000)
    objs = []
    for i in range(n):
        h = sha256()
        h.update(i.to_bytes(8, "little"))
        objs.append(h)
    bad = sum(
        h.digest() != hashlib.sha256(i.to_bytes(8, "little")).digest() for i, h in enumerate(objs)
    )
    assert bad == 0
    # Unkeyed hash states hold no secret: they are not spent from the secret pool.
    assert nacre.secret_memory_stats().live_secrets < n // 100


def test_ed25519_and_p256_keys_live_at_once() -> None:
    n = count(200_000)
    eds = [nacre.Ed25519PrivateKey.generate() for _ in range(n)]
    ps = [nacre.ECPrivateKey.generate("p256") for _ in range(n)]
    assert nacre.secret_memory_stats().live_secrets >= 2 * n
    bad = 0
    for k in eds:
        # pyca derives the public key from nacre's private bytes: the same key, independently.
        want = ed25519.Ed25519PrivateKey.from_private_bytes(k.to_raw()).public_key()
        bad += k.public_key().to_raw() != want.public_bytes_raw()
    for k in ps:
        scalar = int.from_bytes(k.to_raw(), "big")
        want = ec.derive_private_key(scalar, ec.SECP256R1()).public_key().public_numbers()
        got = k.public_key().to_sec1()  # uncompressed: 04 || x || y
        bad += got != b"\x04" + want.x.to_bytes(32, "big") + want.y.to_bytes(32, "big")
    assert bad == 0


def test_past_the_lock_limit_one_warning_and_the_keys_still_work() -> None:
    # In a child interpreter (fresh pool): keys for three times RLIMIT_MEMLOCK. Locked bytes stop
    # at the limit, the rest is reported unlocked, every key still works, and stderr holds
    # exactly one warning however many secrets land in unlocked memory.
    limit = nacre.secret_memory_stats().lock_limit_bytes
    if limit is None or limit > (64 << 20):
        pytest.skip("RLIMIT_MEMLOCK is unlimited or large here; the unlocked path is not reached")
    script = textwrap.dedent(
        f"""
        import nacre
        count = {3 * limit} // 768
        keys = [nacre.AESGCM(bytearray(i.to_bytes(32, "little"))) for i in range(count)]
        ok = all(k.decrypt(bytes(12), k.encrypt(bytes(12), b"m", None), None) == b"m" for k in keys)
        s = nacre.secret_memory_stats()
        print(ok, s.locked_bytes, s.unlocked_bytes, s.lock_limit_bytes)
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)),
    )
    assert r.returncode == 0, r.stderr
    ok, locked, unlocked, lim = r.stdout.split()
    assert ok == "True"
    assert int(locked) <= int(lim) and int(unlocked) > 0
    warnings = [line for line in r.stderr.splitlines() if line.startswith("nacre: warning:")]
    assert len(warnings) == 1, r.stderr
    assert "RLIMIT_MEMLOCK" in warnings[0]


@pytest.mark.skipif(
    "asan" in os.environ.get("LD_PRELOAD", ""),
    reason="ASan's shadow memory is address space RLIMIT_AS would count; "
    "the release run checks this",
)
def test_at_exhaustion_the_call_fails_and_the_interpreter_carries_on() -> None:
    # In a child interpreter limited to 512 MiB more address space than it has: keys until
    # something says no (nacre.OutOfMemory, or Python's own MemoryError), then free them and
    # check that the interpreter, /proc included, still works.
    script = textwrap.dedent(
        """
        import resource, nacre
        with open("/proc/self/statm") as f:
            size = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (size + (512 << 20), resource.RLIM_INFINITY))
        keys, why = [], None
        try:
            while True:
                keys.append(nacre.AESGCM(bytearray(32)))
        except (nacre.OutOfMemory, MemoryError) as e:
            why = type(e).__name__
        n = len(keys)
        keys.clear()
        with open("/proc/self/maps") as f:
            maps = f.read().count("\\n")
        nacre.AESGCM(bytearray(32)).encrypt(bytes(12), b"still", None)
        print(why, n, maps)
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p)),
    )
    assert r.returncode == 0, r.stderr
    why, n, maps = r.stdout.split()
    assert why in ("OutOfMemory", "MemoryError")
    assert int(n) > 100_000  # most of the 512 MiB went to keys, at about 1 KiB each
    assert int(maps) < 10_000
