"""No call crashes the interpreter when it fails while holding a view of a caller's buffer.

Each case runs in its own interpreter (a crash must fail the test, not end the run): it calls
nacre with ``memoryview`` arguments and one bad argument, keeps the exception in a reference
cycle (the exception's traceback holds the failing frames, which hold the frame's locals, which
hold the exception), and runs the garbage collector. Before nacre released its views of the
caller's buffers deterministically, CPython printed "Exception ignored in tp_clear of
<class 'memoryview'>" here and then crashed with SIGSEGV.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

# name -> (call, exception class it must raise). ``mv(n)`` is a fresh memoryview of n zero bytes;
# ``key`` a 32-byte AES key; ``k`` a secretstream key.
CASES = {
    "pbkdf2 iterations as str": (
        'nacre.kdf.pbkdf2_hmac("sha256", mv(8), b"salt", "1000")', "TypeError"),
    "hash digest with length on a fixed-size hash": (
        'nacre.hash.digest("sha256", mv(8), length=5)', "TypeError"),
    "shake digest length as str": (
        'nacre.hash.digest("shake_128", mv(8), length="5")', "TypeError"),
    "scrypt n as str": ('nacre.kdf.scrypt(mv(8), salt=mv(8), n="16", r=1, p=1)', "TypeError"),
    "derive_subkey id as str": (
        'nacre.kdf.derive_subkey(mv(32), "1", b"Messages", 32)', "TypeError"),
    "pwhash length as str": (
        'nacre.pwhash.derive_key(mv(8), mv(16), "x", preset="interactive")', "TypeError"),
    "from_sec1 with a bad curve": (
        "nacre.keys.ECPublicKey.from_sec1(mv(65), curve=123)", "TypeError"),
    "secretstream tag as str": (
        'nacre.secretstream.Encryptor(k).push(mv(8), None, tag="x")', "TypeError"),
    "AES-GCM non-contiguous data": (
        "nacre.aead.AESGCM(key).encrypt(mv(12), memoryview(bytearray(64))[::2], None)",
        "TypeError"),
    "AES-GCM released data": (
        "nacre.aead.AESGCM(key).encrypt(mv(12), released, None)", "ValueError"),
    "AES-GCM str associated data": (
        'nacre.aead.AESGCM(key).encrypt(mv(12), mv(8), "ad")', "TypeError"),
    "AES-GCM decrypt_into read-only out": (
        "nacre.aead.AESGCM(key).decrypt_into(mv(12), mv(32), None, memoryview(b'x' * 16))",
        "TypeError"),
    "hmac new with a str message": ('nacre.hmac.new(mv(32), "text", "sha256")', "TypeError"),
    "hkdf length as str": ('nacre.kdf.hkdf("sha256", "32", ikm=mv(32), salt=mv(8))', "TypeError"),
    "box with a non-contiguous nonce": (
        "nacre.box.Box(x, x.public_key()).encrypt(mv(8), memoryview(bytearray(48))[::2])",
        "TypeError"),
    "box seal to a non-key": ("nacre.box.seal(mv(32), mv(8))", "TypeError"),
}

PRELUDE = """
import gc, nacre, nacre.aead, nacre.box, nacre.hash, nacre.hmac, nacre.kdf, nacre.keys
import nacre.pwhash, nacre.secretstream
def mv(n):
    return memoryview(bytearray(n))
key = bytes(32)
x = nacre.keys.X25519PrivateKey.generate()
k = nacre.secretstream.generate_key()
released = memoryview(bytearray(16))
released.release()
def f():
    try:
        {call}
    except {cls} as e:
        err = e  # err -> e -> traceback -> this frame -> err: a cycle only gc breaks
        return err
    raise SystemExit("no exception was raised")
for _ in range(3):
    f()
    gc.collect()
print("survived")
"""


@pytest.mark.parametrize("name", sorted(CASES))
def test_failed_call_holding_views_survives_collection(name: str) -> None:
    call, cls = CASES[name]
    code = textwrap.dedent(PRELUDE).replace("{call}", call).replace("{cls}", cls)
    proc = subprocess.run(
        [sys.executable, "-X", "dev", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONFAULTHANDLER="1"),
    )
    assert proc.returncode == 0, f"{name}: exit {proc.returncode}\n{proc.stderr}"
    assert proc.stdout.strip() == "survived", proc.stdout
    assert "Exception ignored" not in proc.stderr, proc.stderr
