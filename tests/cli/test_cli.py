"""The nacre command-line tool, driven as a user would. Runs on Debian's /usr/bin/python3.

The CLI binary comes from NACRE_CLI (set by CTest). Digests are checked against Python's
hashlib, an independent implementation.
"""
import base64
import hashlib
import os
import re
import subprocess

import pytest
from peak_memory import run_measured

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")

ALGS = {
    "md5": lambda d: hashlib.md5(d),  # md5sum/sha1sum compatibility, for legacy checksums
    "sha1": lambda d: hashlib.sha1(d),
    "sha224": lambda d: hashlib.sha224(d),
    "sha256": lambda d: hashlib.sha256(d),
    "sha384": lambda d: hashlib.sha384(d),
    "sha512": lambda d: hashlib.sha512(d),
    "sha512-256": lambda d: hashlib.new("sha512_256", d),
    "sha3-256": lambda d: hashlib.sha3_256(d),
    "sha3-512": lambda d: hashlib.sha3_512(d),
    "blake2b-256": lambda d: hashlib.blake2b(d, digest_size=32),
    "blake2b-512": lambda d: hashlib.blake2b(d),
}


def run(*args, stdin=b"", cwd=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, cwd=cwd, check=False)


@pytest.mark.parametrize("alg", sorted(ALGS))
def test_hash_matches_hashlib(tmp_path, alg):
    data = os.urandom(100_003)
    (tmp_path / "f.bin").write_bytes(data)
    r = run("hash", "--alg", alg, "f.bin", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == f"{ALGS[alg](data).hexdigest()}  f.bin\n"


def test_default_is_sha256_and_stdin(tmp_path):
    r = run("hash", "-", stdin=b"abc")
    assert r.returncode == 0
    assert r.stdout.decode() == f"{hashlib.sha256(b'abc').hexdigest()}  -\n"
    r = run("hash", stdin=b"abc")
    assert r.stdout.decode().split()[0] == hashlib.sha256(b"abc").hexdigest()


def test_output_is_accepted_by_sha256sum(tmp_path):
    (tmp_path / "a").write_bytes(b"one")
    (tmp_path / "b").write_bytes(b"two")
    sums = run("hash", "a", "b", cwd=tmp_path).stdout
    (tmp_path / "SUMS").write_bytes(sums)
    r = subprocess.run(["sha256sum", "-c", "SUMS"], cwd=tmp_path, capture_output=True, check=False)
    assert r.returncode == 0, r.stdout


def test_check_accepts_sha256sum_output_and_reports_tampering(tmp_path):
    (tmp_path / "a").write_bytes(b"one")
    (tmp_path / "b").write_bytes(b"two")
    sums = subprocess.run(
        ["sha256sum", "a", "-b", "b"], cwd=tmp_path, capture_output=True, check=True
    ).stdout
    (tmp_path / "SUMS").write_bytes(sums)
    r = run("hash", "--check", "SUMS", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout.decode() == "a: OK\nb: OK\n"
    (tmp_path / "b").write_bytes(b"tw0")
    r = run("hash", "--check", "SUMS", cwd=tmp_path)
    assert r.returncode == 1
    assert "b: FAILED" in r.stdout.decode()
    assert "did NOT match" in r.stderr.decode()
    (tmp_path / "a").unlink()
    r = run("hash", "-c", "SUMS", cwd=tmp_path)
    assert r.returncode == 1
    assert "a: FAILED open or read" in r.stdout.decode()


def test_check_with_other_algorithm_and_malformed_lines(tmp_path):
    (tmp_path / "x").write_bytes(b"data")
    good = f"{hashlib.sha3_512(b'data').hexdigest()}  x\n"
    (tmp_path / "SUMS").write_text(good + "not a checksum line\n")
    r = run("hash", "--alg", "sha3-512", "--check", "SUMS", cwd=tmp_path)
    assert r.returncode == 1
    assert "improperly formatted" in r.stderr.decode()
    (tmp_path / "SUMS").write_text("garbage only\n")
    r = run("hash", "--check", "SUMS", cwd=tmp_path)
    assert r.returncode == 1
    assert "no properly formatted" in r.stderr.decode()


def test_unreadable_and_missing_files(tmp_path):
    r = run("hash", "does-not-exist", cwd=tmp_path)
    assert r.returncode == 1
    assert b"does-not-exist" in r.stderr and b"No such file" in r.stderr
    r = run("hash", str(tmp_path))  # a directory cannot be read as a file
    assert r.returncode == 1
    assert r.stderr
    r = run("hash", "--check", "missing-SUMS", cwd=tmp_path)
    assert r.returncode == 1
    assert b"missing-SUMS" in r.stderr


def test_bad_flags_and_unknown_algorithm():
    r = run("hash", "--alg", "sm3", "-")
    assert r.returncode != 0
    assert b"sm3" in r.stderr
    r = run("hash", "--frobnicate")
    assert r.returncode != 0
    assert r.stderr
    r = run("nonsense")
    assert r.returncode != 0
    r = run()
    assert r.returncode != 0
    r = run("hash", "--check", "SUMS", "extra-file")
    assert r.returncode != 0
    assert b"FILE" in r.stderr


def test_random_lengths_and_encodings():
    r = run("random", "1000")
    assert r.returncode == 0 and len(r.stdout) == 1000
    assert run("random", "1000").stdout != r.stdout
    h = run("random", "33", "--hex")
    assert h.returncode == 0
    assert len(bytes.fromhex(h.stdout.decode().strip())) == 33
    b = run("random", "100000", "--base64")
    assert b.returncode == 0
    assert len(base64.b64decode(b.stdout.strip(), validate=True)) == 100000
    assert run("random", "0").stdout == b""


def test_random_rejects_bad_counts():
    for args in (
        ["random"], ["random", "-5"], ["random", "ten"], ["random", "4", "--hex", "--base64"]
    ):
        r = run(*args)
        assert r.returncode != 0, args
        assert r.stderr, args


def test_selftest_passes_on_every_backend():
    r = run("selftest")
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    results = [line for line in lines if line.startswith(("PASS", "FAIL"))]
    assert len(results) >= 16
    assert all(line.startswith("PASS") for line in results)
    assert any("boringssl" in r for r in results) and any("sodium" in r for r in results)


_SECRET_MEMORY = re.compile(
    r"secret memory: (\d+) arena\(s\), (\d+) KiB of slabs; (\d+) KiB locked, (\d+) KiB unlocked "
    r"\(RLIMIT_MEMLOCK (unlimited|\d+ KiB)\); "
    r"(\d+) live secrets in (\d+) bytes, (\d+) above 64 KiB$"
)


def _secret_memory_line(text):
    lines = [m for m in map(_SECRET_MEMORY.match, text.splitlines()) if m]
    assert len(lines) == 1, text
    return lines[0]


def test_info_reports_versions_and_secret_memory():
    r = run("info")
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert out.startswith("nacre ") and "(C ABI 1)" in out.splitlines()[0]
    assert "libsodium 1.0." in out and "BoringSSL" in out
    m = _secret_memory_line(out)
    arenas, slabs, locked, unlocked = (int(m.group(i)) for i in range(1, 5))
    assert locked + unlocked <= slabs
    assert arenas == 0 or slabs > 0
    if m.group(5) != "unlimited":
        assert locked <= int(m.group(5).split()[0])


def test_selftest_reports_secret_memory_after_using_it():
    r = run("selftest")
    assert r.returncode == 0
    m = _secret_memory_line(r.stdout.decode())
    assert int(m.group(1)) >= 1  # the known-answer tests made keys: an arena was mapped
    assert int(m.group(3)) > 0 or int(m.group(4)) > 0  # their slabs, locked or not


def test_hash_streams_in_constant_memory(tmp_path):
    big = tmp_path / "big"
    with open(big, "wb") as f:
        f.truncate(512 * 1024 * 1024)  # sparse: 512 MiB of zeros, no disk used
    code, out, peak = run_measured([CLI, "hash", "--alg", "blake2b-512", str(big)])
    assert code == 0
    h = hashlib.blake2b()
    chunk = bytes(1 << 20)
    for _ in range(512):
        h.update(chunk)
    assert out.decode().split()[0] == h.hexdigest()
    assert 0 < peak < 64 * 1024  # KiB: far below the file's size
