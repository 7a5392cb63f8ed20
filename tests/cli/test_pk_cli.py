"""nacre keygen --alg / sign / verify (PEM key pairs), driven as a user would.

Runs on Debian's /usr/bin/python3. Where pyca/cryptography is importable, it reads the PEM files
nacre writes and checks nacre's signatures (and nacre checks its), an independent implementation.
"""
import os
import stat
import subprocess

import pytest

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")

KEY_ALGS = ["ed25519", "x25519", "p256", "p384", "rsa2048", "rsa3072", "rsa4096"]
SIGN_ALGS = ["ed25519", "p256", "p384", "rsa2048", "rsa3072"]
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


# sign / verify

@pytest.fixture
def signed(tmp_path):
    (tmp_path / "doc").write_bytes(os.urandom(100_000))
    return tmp_path


def verify(keys, alg, d, sig="doc.sig", doc="doc"):
    return run("verify", "--pub", pub(keys, alg), "--sig", sig, doc, cwd=d)


def assert_bad(r):
    assert r.returncode == 1
    assert r.stdout == b""
    assert r.stderr.decode() == "FAILED: bad signature\n"


@pytest.mark.parametrize("alg", SIGN_ALGS)
def test_sign_verify_round_trip(keys, signed, alg):
    r = ok("sign", "--key", priv(keys, alg), "doc", cwd=signed)  # default output: doc.sig
    assert r.stdout == b""
    sig = (signed / "doc.sig").read_bytes()
    expected = {"ed25519": 64, "rsa2048": 256, "rsa3072": 384}
    if alg in expected:
        assert len(sig) == expected[alg]
    else:  # ECDSA, DER encoded
        assert sig[0] == 0x30 and len(sig) == sig[1] + 2
    r = verify(keys, alg, signed)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"OK\n"

    doc = (signed / "doc").read_bytes()
    (signed / "doc").write_bytes(doc[:-1] + bytes([doc[-1] ^ 1]))
    assert_bad(verify(keys, alg, signed))
    (signed / "doc").write_bytes(doc + b"\n")
    assert_bad(verify(keys, alg, signed))
    (signed / "doc").write_bytes(doc)
    for pos in (0, len(sig) // 2, len(sig) - 1):
        bad = bytearray(sig)
        bad[pos] ^= 0x01
        (signed / "bad.sig").write_bytes(bytes(bad))
        assert_bad(verify(keys, alg, signed, sig="bad.sig"))
    (signed / "bad.sig").write_bytes(sig[:-1])
    assert_bad(verify(keys, alg, signed, sig="bad.sig"))
    assert verify(keys, alg, signed).returncode == 0


@pytest.mark.parametrize("alg", SIGN_ALGS)
def test_verify_with_the_wrong_public_key(keys, signed, alg):
    ok("sign", "--key", priv(keys, alg), "doc", "--output", "doc.sig", cwd=signed)
    for other in SIGN_ALGS:
        if other != alg:
            assert_bad(verify(keys, other, signed))
    ok("sign", "--key", priv(keys, "ed25519-2"), "doc", "-o", "other.sig", cwd=signed)
    assert_bad(verify(keys, "ed25519", signed, sig="other.sig"))


@pytest.mark.parametrize(
    "content", [b"", b"\x00" * 64, os.urandom(64), os.urandom(300), b"not a signature\n"]
)
def test_verify_garbage_signature(keys, signed, content):
    (signed / "g.sig").write_bytes(content)
    for alg in SIGN_ALGS:
        assert_bad(verify(keys, alg, signed, sig="g.sig"))


def test_verify_malformed_inputs_never_pass(keys, signed):
    ok("sign", "--key", priv(keys, "ed25519"), "doc", cwd=signed)
    (signed / "junk.pem").write_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
    (signed / "empty").write_bytes(b"")
    (signed / "huge.sig").write_bytes(b"\x00" * 100_000)
    cases = [
        ("--pub", "junk.pem", "--sig", "doc.sig", "doc"),
        ("--pub", "empty", "--sig", "doc.sig", "doc"),
        ("--pub", "doc", "--sig", "doc.sig", "doc"),
        ("--pub", "missing.pem", "--sig", "doc.sig", "doc"),
        ("--pub", priv(keys, "ed25519"), "--sig", "doc.sig", "doc"),  # a private key
        ("--pub", pub(keys, "x25519"), "--sig", "doc.sig", "doc"),
        ("--pub", pub(keys, "ed25519"), "--sig", "missing.sig", "doc"),
        ("--pub", pub(keys, "ed25519"), "--sig", "huge.sig", "doc"),
        ("--pub", pub(keys, "ed25519"), "--sig", "doc.sig", "missing"),
    ]
    for args in cases:
        r = run("verify", *args, cwd=signed)
        assert r.returncode == 1, args
        assert b"OK" not in r.stdout, args
        assert r.stderr, args
    for args in (("--pub", pub(keys, "ed25519"), "--sig", "doc.sig"), ("--sig", "doc.sig", "doc")):
        r = run("verify", *args, cwd=signed)  # usage errors: CLI11's exit status
        assert r.returncode not in (0, 1), args
        assert b"OK" not in r.stdout and b"required" in r.stderr, args
    r = run("verify", "--pub", priv(keys, "ed25519"), "--sig", "doc.sig", "doc", cwd=signed)
    assert b"private key" in r.stderr
    r = run("verify", "--pub", pub(keys, "x25519"), "--sig", "doc.sig", "doc", cwd=signed)
    assert b"x25519 keys cannot sign" in r.stderr


def test_sign_errors(keys, signed):
    r = run("sign", "--key", priv(keys, "x25519"), "doc", cwd=signed)
    assert r.returncode == 1 and b"x25519 keys cannot sign" in r.stderr
    r = run("sign", "--key", pub(keys, "ed25519"), "doc", cwd=signed)
    assert r.returncode == 1 and b"public key" in r.stderr
    r = run("sign", "--key", priv(keys, "ed25519"), "missing", cwd=signed)
    assert r.returncode == 1 and b"missing" in r.stderr
    r = run("sign", "--key", priv(keys, "ed25519"), "-", stdin=b"data", cwd=signed)
    assert r.returncode == 1 and b"--output" in r.stderr
    assert not (signed / "doc.sig").exists() and no_temp_files(signed)


def test_sign_and_verify_stdin_and_stdout(keys, signed):
    r = ok("sign", "--key", priv(keys, "ed25519"), "-", "--output", "-", stdin=b"streamed",
           cwd=signed)
    assert len(r.stdout) == 64
    (signed / "s.sig").write_bytes(r.stdout)
    ed_pub = pub(keys, "ed25519")
    r = run("verify", "--pub", ed_pub, "--sig", "s.sig", "-", stdin=b"streamed", cwd=signed)
    assert r.returncode == 0 and r.stdout == b"OK\n"
    r = run("verify", "--pub", ed_pub, "--sig", "s.sig", "-", stdin=b"streamex", cwd=signed)
    assert_bad(r)


def test_sign_empty_file(keys, tmp_path):
    (tmp_path / "empty").write_bytes(b"")
    for alg in SIGN_ALGS:
        ok("sign", "--key", priv(keys, alg), "empty", cwd=tmp_path)
        assert verify(keys, alg, tmp_path, sig="empty.sig", doc="empty").stdout == b"OK\n"


# Interoperability with pyca/cryptography.

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


@pytest.mark.parametrize("alg", SIGN_ALGS)
def test_pyca_verifies_nacre_signatures(keys, signed, alg):
    ser = pyca()
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding

    ok("sign", "--key", priv(keys, alg), "doc", cwd=signed)
    sig, doc = (signed / "doc.sig").read_bytes(), (signed / "doc").read_bytes()
    key = ser.load_pem_public_key((keys / f"{alg}.pub.pem").read_bytes())
    if alg == "ed25519":
        key.verify(sig, doc)
    elif alg in ("p256", "p384"):
        key.verify(sig, doc, ec.ECDSA(hashes.SHA256() if alg == "p256" else hashes.SHA384()))
    else:
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        key.verify(sig, doc, pss, hashes.SHA256())


def test_nacre_uses_pyca_keys_and_verifies_pyca_signatures(tmp_path):
    ser = pyca()
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    doc = os.urandom(5000)
    (tmp_path / "doc").write_bytes(doc)
    for name, key, sign in [
        ("ed", ed25519.Ed25519PrivateKey.generate(), lambda k: k.sign(doc)),
        ("p256", ec.generate_private_key(ec.SECP256R1()),
         lambda k: k.sign(doc, ec.ECDSA(hashes.SHA256()))),
    ]:
        (tmp_path / f"{name}.pem").write_bytes(key.private_bytes(
            ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()))
        (tmp_path / f"{name}.pub.pem").write_bytes(key.public_key().public_bytes(
            ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo))
        (tmp_path / f"{name}.sig").write_bytes(sign(key))
        r = run("verify", "--pub", f"{name}.pub.pem", "--sig", f"{name}.sig", "doc", cwd=tmp_path)
        assert r.returncode == 0 and r.stdout == b"OK\n", r.stderr
        ok("sign", "--key", f"{name}.pem", "doc", "--output", f"{name}.nacre.sig", cwd=tmp_path)
        sig = (tmp_path / f"{name}.nacre.sig").read_bytes()
        if name == "ed":
            key.public_key().verify(sig, doc)
            with pytest.raises(InvalidSignature):
                key.public_key().verify(sig, doc + b"x")
        else:
            key.public_key().verify(sig, doc, ec.ECDSA(hashes.SHA256()))
