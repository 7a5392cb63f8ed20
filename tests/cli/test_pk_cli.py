"""nacre keygen --alg (PEM key pairs), driven as a user would.

Runs on Debian's /usr/bin/python3. Where pyca/cryptography is importable, it reads the PEM files
nacre writes, an independent implementation. Signatures are minisign's (test_minisign_cli.py).
"""
import os
import stat
import subprocess

import pytest

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")

KEY_ALGS = ["ed25519", "x25519", "p256", "p384", "p521", "rsa2048", "rsa3072", "rsa4096"]
PARAMS = 40
ENC = 32
HEADER = PARAMS + ENC + 24  # params | HPKE enc | secretstream header
OVERHEAD = 17


def run(*args, stdin=b"", cwd=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, cwd=cwd, check=False)


def ok(*args, **kw):
    r = run(*args, **kw)
    assert r.returncode == 0, r.stderr.decode()
    return r


def no_temp_files(d):
    return not any(".nacre-tmp" in p.name for p in d.iterdir())


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """One key pair per algorithm (RSA generation is slow), shared by the module."""
    d = tmp_path_factory.mktemp("keys")
    for alg in KEY_ALGS:
        ok("keygen", "--alg", alg, "--output", f"{alg}.pem", cwd=d)
    ok("keygen", "--alg", "ed25519", "--output", "ed25519-2.pem", cwd=d)
    ok("keygen", "--alg", "x25519", "--output", "x25519-2.pem", cwd=d)
    return d


def priv(keys, alg):
    return str(keys / f"{alg}.pem")


def pub(keys, alg):
    return str(keys / f"{alg}.pub.pem")


# keygen

@pytest.mark.parametrize("alg", KEY_ALGS)
def test_keygen_files(keys, alg):
    private, public = keys / f"{alg}.pem", keys / f"{alg}.pub.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(public.stat().st_mode) & 0o077 != 0o077  # not made private by mistake
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----\n")
    assert private.read_text().endswith("-----END PRIVATE KEY-----\n")
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----\n")
    assert public.read_text().endswith("-----END PUBLIC KEY-----\n")
    assert no_temp_files(keys)


def test_keygen_prints_nothing_and_names_the_public_file(tmp_path):
    r = ok("keygen", "--alg", "ed25519", "--output", "mykey", cwd=tmp_path)
    assert r.stdout == b""
    assert (tmp_path / "mykey").exists() and (tmp_path / "mykey.pub.pem").exists()
    ok("keygen", "--alg", "p256", "-o", "k.pem", cwd=tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["k.pem", "k.pub.pem", "mykey", "mykey.pub.pem"]


def test_keygen_refuses_to_overwrite(tmp_path):
    ok("keygen", "--alg", "ed25519", "--output", "k.pem", cwd=tmp_path)
    before = (tmp_path / "k.pem").read_bytes(), (tmp_path / "k.pub.pem").read_bytes()
    r = run("keygen", "--alg", "ed25519", "--output", "k.pem", cwd=tmp_path)
    assert r.returncode != 0 and b"already exists" in r.stderr and b"--force" in r.stderr
    assert ((tmp_path / "k.pem").read_bytes(), (tmp_path / "k.pub.pem").read_bytes()) == before
    # An existing public file alone also stops it, before the private file is written.
    (tmp_path / "k.pem").unlink()
    r = run("keygen", "--alg", "ed25519", "--output", "k.pem", cwd=tmp_path)
    assert r.returncode != 0 and b"k.pub.pem already exists" in r.stderr
    assert not (tmp_path / "k.pem").exists()
    ok("keygen", "--alg", "ed25519", "--output", "k.pem", "--force", cwd=tmp_path)
    assert (tmp_path / "k.pub.pem").read_bytes() != before[1]
    assert stat.S_IMODE((tmp_path / "k.pem").stat().st_mode) == 0o600
    assert no_temp_files(tmp_path)


def test_keygen_bad_arguments(tmp_path):
    for args in (("--alg", "dsa", "--output", "k.pem"),
                 ("--pq", "--alg", "ed25519", "--output", "k.pem"), ("--alg", "ed25519"),
                 ("--alg", "rsa1024", "--output", "k.pem"), ("--alg", "ed25519", "--output", "-")):
        r = run("keygen", *args, cwd=tmp_path)
        assert r.returncode != 0, args
        assert r.stderr, args
    r = run("keygen", "--alg", "ed25519", "--output", "no/such/dir/k.pem", cwd=tmp_path)
    assert r.returncode != 0 and b"no/such/dir/k.pem" in r.stderr
    assert list(tmp_path.iterdir()) == []


def pyca():
    return pytest.importorskip("cryptography.hazmat.primitives.serialization")


@pytest.mark.parametrize("alg", KEY_ALGS)
def test_pyca_reads_the_key_files(keys, alg):
    ser = pyca()
    private = ser.load_pem_private_key((keys / f"{alg}.pem").read_bytes(), password=None)
    public = ser.load_pem_public_key((keys / f"{alg}.pub.pem").read_bytes())
    raw = dict(encoding=ser.Encoding.DER, format=ser.PublicFormat.SubjectPublicKeyInfo)
    assert private.public_key().public_bytes(**raw) == public.public_bytes(**raw)
    if alg.startswith("rsa"):
        assert public.key_size == int(alg[3:])
