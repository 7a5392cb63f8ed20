"""`nacre speed`: runs and prints a table; an unknown algorithm is a clear error. No timing
assertions: the numbers depend on the machine and its load. Runs on Debian's /usr/bin/python3.

The CLI binary comes from NACRE_CLI (set by CTest).
"""
import os
import re
import subprocess

import pytest

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, check=False, timeout=120)


def test_quick_sha256_prints_table():
    r = run("speed", "--quick", "sha256")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[0].split() == ["algorithm", "operation", "backend", "size", "ops/s", "MB/s"]
    rows = [line.split() for line in lines[1:]]
    # One row per size: name, operation, backend, size and unit, ops/s, MB/s.
    assert [row[3] + " " + row[4] for row in rows] == ["16 B", "64 B", "1 KiB", "16 KiB", "1 MiB"]
    for row in rows:
        assert row[:2] == ["sha256", "hash"]
        assert row[2] in ("boringssl", "sodium")
        assert re.fullmatch(r"\d+\.\d", row[5]) and re.fullmatch(r"\d+\.\d\d", row[6])


def test_unknown_algorithm_is_an_error():
    r = run("speed", "--quick", "sha256", "no-such-alg")
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode()
    assert "unknown algorithm 'no-such-alg'" in err
    assert "sha256" in err  # the message lists the known names


def test_hash_names_are_those_of_nacre_hash():
    # One spelling across commands: BLAKE2b is blake2b-512 in `speed` as in `hash`.
    names = {line.split()[0] for line in run("speed", "--quick", "blake2b-512").stdout.decode()
             .splitlines()[1:]}
    assert names == {"blake2b-512"}
    hash_help = run("hash", "--help").stdout.decode()
    assert "blake2b-512" in hash_help
    r = run("speed", "--quick", "blake2b")
    assert r.returncode != 0 and "unknown algorithm 'blake2b'" in r.stderr.decode()
