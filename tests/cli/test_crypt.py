"""nacre encrypt / nacre decrypt, driven as a user would. Runs on Debian's /usr/bin/python3.

Round trips, then every way a file can go wrong: wrong passphrase or key, tampering, truncation at
and between chunk boundaries, appended data, a file that is not ours. A failed decryption must
exit non-zero with a message and leave no output file behind.
"""
import os
import subprocess

import pytest

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")

HEADER = 64
OVERHEAD = 17


def run(*args, stdin=b"", cwd=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, cwd=cwd, check=False)


@pytest.fixture
def work(tmp_path):
    (tmp_path / "pass").write_text("correct horse battery staple\n")
    (tmp_path / "wrong").write_text("correct horse battery stapler\n")
    (tmp_path / "key").write_bytes(os.urandom(32))
    (tmp_path / "plain").write_bytes(os.urandom(200_000))
    return tmp_path


def encrypt(work, *secret, src="plain", dst="enc", extra=()):
    r = run("encrypt", src, "-o", dst, *secret, "--chunk-size", "4096", *extra, cwd=work)
    assert r.returncode == 0, r.stderr
    return (work / dst).read_bytes()


def decrypt_fails(work, data, *secret, message):
    (work / "bad.enc").write_bytes(data)
    r = run("decrypt", "bad.enc", "-o", "out", *secret, cwd=work)
    assert r.returncode != 0
    assert message in r.stderr.decode(), r.stderr
    assert not (work / "out").exists()
    assert not any(p.name.startswith("out.nacre-tmp") for p in work.iterdir())


PASS = ("--passphrase-file", "pass")
KEY = ("--key-file", "key")


@pytest.mark.parametrize("secret", [PASS, KEY], ids=["passphrase", "keyfile"])
def test_round_trip(work, secret):
    enc = encrypt(work, *secret, extra=("--preset", "interactive") if secret == PASS else ())
    plain = (work / "plain").read_bytes()
    assert plain not in enc
    # 200000 bytes in 4096-byte chunks: 49 chunks, each with 17 bytes of overhead.
    assert len(enc) == HEADER + len(plain) + 49 * OVERHEAD
    r = run("decrypt", "enc", "-o", "out", *secret, cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "out").read_bytes() == plain
    assert (work / "out").stat().st_mode & 0o077 == 0  # decrypted data is private


def test_stdin_stdout_and_env_passphrase(work):
    env = dict(os.environ, NACRE_TEST_PASS="s3cret")
    data = os.urandom(5000)
    enc = subprocess.run([CLI, "encrypt", "-o", "-", "--passphrase-env", "NACRE_TEST_PASS",
                          "--preset", "interactive"],
                         input=data, capture_output=True, env=env, check=True).stdout
    out = subprocess.run([CLI, "decrypt", "-", "-o", "-", "--passphrase-env", "NACRE_TEST_PASS"],
                         input=enc, capture_output=True, env=env, check=True).stdout
    assert out == data


@pytest.mark.parametrize("size", [0, 1, 4096, 8192, 4097])
def test_edge_sizes(work, size):
    (work / "p").write_bytes(os.urandom(size))
    encrypt(work, *KEY, src="p", dst="e")
    r = run("decrypt", "e", "-o", "d", *KEY, cwd=work)
    assert r.returncode == 0, r.stderr
    assert (work / "d").read_bytes() == (work / "p").read_bytes()


def test_wrong_passphrase_and_wrong_secret_kind(work):
    enc = encrypt(work, *PASS, extra=("--preset", "interactive"))
    decrypt_fails(work, enc, "--passphrase-file", "wrong", message="wrong passphrase or key")
    decrypt_fails(work, enc, *KEY, message="passphrase, not a key file")
    enc_k = encrypt(work, *KEY, dst="enck")
    other = work / "other"
    other.write_bytes(os.urandom(32))
    decrypt_fails(work, enc_k, "--key-file", "other", message="wrong passphrase or key")
    decrypt_fails(work, enc_k, *PASS, message="key file")


def test_tampering_anywhere_is_caught(work):
    enc = encrypt(work, *KEY)
    for pos in (0, 7, 10, 30, HEADER - 1, HEADER, HEADER + 5000, len(enc) // 2, len(enc) - 1):
        bad = bytearray(enc)
        bad[pos] ^= 0x01
        (work / "bad.enc").write_bytes(bytes(bad))
        r = run("decrypt", "bad.enc", "-o", "out", *KEY, cwd=work)
        assert r.returncode != 0, pos
        assert r.stderr, pos
        assert not (work / "out").exists(), pos


def test_truncation_and_appended_data(work):
    enc = encrypt(work, *KEY)
    chunk = 4096 + OVERHEAD
    decrypt_fails(work, enc[: HEADER + 3 * chunk], *KEY, message="truncated")  # at a boundary
    decrypt_fails(work, enc[: HEADER + 3 * chunk + 100], *KEY, message="tampered")  # inside a chunk
    decrypt_fails(work, enc[:HEADER], *KEY, message="truncated")
    decrypt_fails(work, enc[:20], *KEY, message="too short")
    decrypt_fails(work, enc + b"x", *KEY, message="tampered")  # merges into the last chunk
    (work / "p8k").write_bytes(os.urandom(8192))  # two full chunks: the second is final
    enc2 = encrypt(work, *KEY, src="p8k", dst="e8k")
    decrypt_fails(work, enc2 + enc2[HEADER:HEADER + chunk], *KEY, message="after the end")


def test_not_ours_and_bad_arguments(work):
    decrypt_fails(work, os.urandom(500), *KEY, message="not a nacre encrypted file")
    r = run("encrypt", "plain", *KEY, cwd=work)  # no -o
    assert r.returncode != 0 and b"output" in r.stderr
    r = run("encrypt", "plain", "-o", "x", *KEY, *PASS, cwd=work)
    assert r.returncode != 0
    (work / "short").write_bytes(b"123")
    r = run("encrypt", "plain", "-o", "x", "--key-file", "short", cwd=work)
    assert r.returncode != 0 and b"32 raw bytes" in r.stderr
    r = run("encrypt", "missing", "-o", "x", *KEY, cwd=work)
    assert r.returncode != 0 and b"missing" in r.stderr
    assert not (work / "x").exists()
    r = run("encrypt", "plain", "-o", "x", "--preset", "extreme", *PASS, cwd=work)
    assert r.returncode != 0
    (work / "empty").write_text("\n")
    r = run("encrypt", "plain", "-o", "x", "--passphrase-file", "empty", cwd=work)
    assert r.returncode != 0 and b"empty" in r.stderr
    r = run("encrypt", "plain", "-o", "x", stdin=b"", cwd=work)  # no secret, no terminal
    assert r.returncode != 0 and r.stderr


def test_existing_output_survives_a_failed_decryption(work):
    enc = encrypt(work, *KEY)
    (work / "out").write_bytes(b"precious")
    (work / "bad.enc").write_bytes(enc[:-1])
    r = run("decrypt", "bad.enc", "-o", "out", *KEY, cwd=work)
    assert r.returncode != 0
    assert (work / "out").read_bytes() == b"precious"
