"""nacre keygen / sign / verify and public-key encrypt / decrypt, driven as a user would.

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
CHUNK = 4096


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
        ok("keygen", "--alg", alg, "--out", f"{alg}.pem", cwd=d)
    ok("keygen", "--alg", "ed25519", "--out", "ed25519-2.pem", cwd=d)
    ok("keygen", "--alg", "x25519", "--out", "x25519-2.pem", cwd=d)
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
    r = ok("keygen", "--alg", "ed25519", "--out", "mykey", cwd=tmp_path)
    assert r.stdout == b""
    assert (tmp_path / "mykey").exists() and (tmp_path / "mykey.pub.pem").exists()
    ok("keygen", "--alg", "p256", "-o", "k.pem", cwd=tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["k.pem", "k.pub.pem", "mykey", "mykey.pub.pem"]


def test_keygen_refuses_to_overwrite(tmp_path):
    ok("keygen", "--alg", "ed25519", "--out", "k.pem", cwd=tmp_path)
    before = (tmp_path / "k.pem").read_bytes(), (tmp_path / "k.pub.pem").read_bytes()
    r = run("keygen", "--alg", "ed25519", "--out", "k.pem", cwd=tmp_path)
    assert r.returncode != 0 and b"already exists" in r.stderr and b"--force" in r.stderr
    assert ((tmp_path / "k.pem").read_bytes(), (tmp_path / "k.pub.pem").read_bytes()) == before
    # An existing public file alone also stops it, before the private file is written.
    (tmp_path / "k.pem").unlink()
    r = run("keygen", "--alg", "ed25519", "--out", "k.pem", cwd=tmp_path)
    assert r.returncode != 0 and b"k.pub.pem already exists" in r.stderr
    assert not (tmp_path / "k.pem").exists()
    ok("keygen", "--alg", "ed25519", "--out", "k.pem", "--force", cwd=tmp_path)
    assert (tmp_path / "k.pub.pem").read_bytes() != before[1]
    assert stat.S_IMODE((tmp_path / "k.pem").stat().st_mode) == 0o600
    assert no_temp_files(tmp_path)


def test_keygen_bad_arguments(tmp_path):
    for args in (("--alg", "dsa", "--out", "k.pem"), ("--out", "k.pem"), ("--alg", "ed25519"),
                 ("--alg", "rsa1024", "--out", "k.pem"), ("--alg", "ed25519", "--out", "-")):
        r = run("keygen", *args, cwd=tmp_path)
        assert r.returncode != 0, args
        assert r.stderr, args
    r = run("keygen", "--alg", "ed25519", "--out", "no/such/dir/k.pem", cwd=tmp_path)
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
    ok("sign", "--key", priv(keys, alg), "doc", "--out", "doc.sig", cwd=signed)
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
    assert r.returncode == 1 and b"--out" in r.stderr
    assert not (signed / "doc.sig").exists() and no_temp_files(signed)


def test_sign_and_verify_stdin_and_stdout(keys, signed):
    r = ok("sign", "--key", priv(keys, "ed25519"), "-", "--out", "-", stdin=b"streamed", cwd=signed)
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
        ok("sign", "--key", f"{name}.pem", "doc", "--out", f"{name}.nacre.sig", cwd=tmp_path)
        sig = (tmp_path / f"{name}.nacre.sig").read_bytes()
        if name == "ed":
            key.public_key().verify(sig, doc)
            with pytest.raises(InvalidSignature):
                key.public_key().verify(sig, doc + b"x")
        else:
            key.public_key().verify(sig, doc, ec.ECDSA(hashes.SHA256()))


# Public-key encryption.

@pytest.fixture
def pk(keys, tmp_path):
    (tmp_path / "plain").write_bytes(os.urandom(3 * CHUNK + 5))
    return tmp_path


def pk_encrypt(keys, d, src="plain", dst="enc", recipient="x25519"):
    ok("encrypt", src, "-o", dst, "--recipient", pub(keys, recipient), "--chunk-size", str(CHUNK),
       cwd=d)
    return (d / dst).read_bytes()


def pk_decrypt_fails(keys, d, data, *secret, message):
    (d / "bad.enc").write_bytes(data)
    r = run("decrypt", "bad.enc", "-o", "out", *(secret or ("--key", priv(keys, "x25519"))), cwd=d)
    assert r.returncode != 0
    assert message in r.stderr.decode(), r.stderr
    assert not (d / "out").exists()
    assert no_temp_files(d)


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 5])
def test_pk_round_trip(keys, pk, size):
    plain = os.urandom(size)
    (pk / "p").write_bytes(plain)
    enc = pk_encrypt(keys, pk, src="p", dst="e")
    chunks = max(1, -(-size // CHUNK))  # a full last chunk carries the final tag itself
    assert len(enc) == HEADER + size + chunks * OVERHEAD
    assert enc[:8] == b"NACRE\x00\x01\x02"  # version 1, kdf 2 (hpke-x25519)
    assert enc[8:36] == bytes(28)  # opslimit, memlimit, salt: zero
    assert int.from_bytes(enc[36:40], "little") == CHUNK
    r = ok("decrypt", "e", "-o", "d", "--key", priv(keys, "x25519"), cwd=pk)
    assert r.stdout == b""
    assert (pk / "d").read_bytes() == plain
    assert stat.S_IMODE((pk / "d").stat().st_mode) & 0o077 == 0


def test_pk_each_encryption_differs_and_stdin_stdout(keys, pk):
    data = os.urandom(10_000)
    a = ok("encrypt", "-", "-o", "-", "--recipient", pub(keys, "x25519"), stdin=data, cwd=pk).stdout
    b = ok("encrypt", "-o", "-", "-r", pub(keys, "x25519"), stdin=data, cwd=pk).stdout
    assert a[:PARAMS] == b[:PARAMS] and a[PARAMS:PARAMS + ENC] != b[PARAMS:PARAMS + ENC]
    for enc in (a, b):
        out = ok("decrypt", "-", "-o", "-", "-k", priv(keys, "x25519"), stdin=enc, cwd=pk).stdout
        assert out == data


def test_pk_wrong_key(keys, pk):
    enc = pk_encrypt(keys, pk)
    pk_decrypt_fails(keys, pk, enc, "--key", priv(keys, "x25519-2"),
                     message="wrong passphrase or key")
    pk_decrypt_fails(keys, pk, enc, "--key", priv(keys, "ed25519"), message="X25519 private key")
    pk_decrypt_fails(keys, pk, enc, "--key", pub(keys, "x25519"), message="public key")
    pk_decrypt_fails(keys, pk, enc, "--key", "missing.pem", message="missing.pem")


def test_pk_tampering_anywhere_is_caught(keys, pk):
    enc = pk_encrypt(keys, pk)
    positions = (0, 6, 7, 8, 12, 20, 35, 36, 39, PARAMS, PARAMS + 17, PARAMS + ENC - 1,
                 PARAMS + ENC, HEADER - 1, HEADER, HEADER + 100, HEADER + CHUNK + OVERHEAD,
                 len(enc) - 1)
    for pos in positions:
        bad = bytearray(enc)
        bad[pos] ^= 0x01
        (pk / "bad.enc").write_bytes(bytes(bad))
        r = run("decrypt", "bad.enc", "-o", "out", "--key", priv(keys, "x25519"), cwd=pk)
        assert r.returncode != 0, pos
        assert r.stderr, pos
        assert not (pk / "out").exists(), pos
    # An existing output survives a failed decryption.
    (pk / "out").write_bytes(b"precious")
    r = run("decrypt", "bad.enc", "-o", "out", "--key", priv(keys, "x25519"), cwd=pk)
    assert r.returncode != 0 and (pk / "out").read_bytes() == b"precious"


def test_pk_low_order_enc(keys, pk):
    enc = pk_encrypt(keys, pk)
    for point in (bytes(32), b"\x01" + bytes(31), b"\xff" * 32):
        pk_decrypt_fails(keys, pk, enc[:PARAMS] + point + enc[PARAMS + ENC:], message="wrong")


def test_pk_truncation_and_appended_data(keys, pk):
    enc = pk_encrypt(keys, pk)
    chunk = CHUNK + OVERHEAD
    at_boundary, inside_chunk = HEADER + 2 * chunk, HEADER + 2 * chunk + 100
    pk_decrypt_fails(keys, pk, enc[:at_boundary], message="truncated")
    pk_decrypt_fails(keys, pk, enc[:inside_chunk], message="tampered")
    pk_decrypt_fails(keys, pk, enc[:HEADER], message="truncated")
    pk_decrypt_fails(keys, pk, enc[: PARAMS + ENC], message="too short")
    pk_decrypt_fails(keys, pk, enc[: PARAMS + 10], message="too short")
    pk_decrypt_fails(keys, pk, enc[:20], message="too short")
    pk_decrypt_fails(keys, pk, enc + b"x", message="tampered")
    pk_decrypt_fails(keys, pk, enc[:-1], message="tampered")


def test_pk_and_symmetric_modes_do_not_mix(keys, pk):
    enc = pk_encrypt(keys, pk)
    (pk / "key").write_bytes(os.urandom(32))
    (pk / "pass").write_text("correct horse battery staple\n")
    msg = "this file was encrypted to a public key: use --key"
    pk_decrypt_fails(keys, pk, enc, "--key-file", "key", message=msg)
    pk_decrypt_fails(keys, pk, enc, "--passphrase-file", "pass", message=msg)
    ok("encrypt", "plain", "-o", "sym", "--key-file", "key", cwd=pk)
    pk_decrypt_fails(keys, pk, (pk / "sym").read_bytes(), "--key", priv(keys, "x25519"),
                     message="encrypted with a key file, not to a public key")
    ok("encrypt", "plain", "-o", "pw", "--passphrase-file", "pass", "--preset", "interactive",
       cwd=pk)
    pk_decrypt_fails(keys, pk, (pk / "pw").read_bytes(), "--key", priv(keys, "x25519"),
                     message="encrypted with a passphrase, not to a public key")
    for extra in (("--key-file", "key"), ("--passphrase-file", "pass")):
        r = run("encrypt", "plain", "-o", "x", "--recipient", pub(keys, "x25519"), *extra, cwd=pk)
        assert r.returncode != 0 and b"excludes" in r.stderr
        r = run("decrypt", "sym", "-o", "x", "--key", priv(keys, "x25519"), *extra, cwd=pk)
        assert r.returncode != 0 and b"excludes" in r.stderr
    assert not (pk / "x").exists()


def test_pk_recipient_must_be_an_x25519_public_key(keys, pk):
    for alg in ("ed25519", "p256", "rsa2048"):
        r = run("encrypt", "plain", "-o", "x", "--recipient", pub(keys, alg), cwd=pk)
        assert r.returncode != 0
        assert b"--recipient needs an X25519 public key (nacre keygen --alg x25519)" in r.stderr
    r = run("encrypt", "plain", "-o", "x", "--recipient", priv(keys, "x25519"), cwd=pk)
    assert r.returncode != 0 and b"private key" in r.stderr
    (pk / "junk.pem").write_text("hello\n")
    r = run("encrypt", "plain", "-o", "x", "--recipient", "junk.pem", cwd=pk)
    assert r.returncode != 0 and b"junk.pem" in r.stderr
    assert not (pk / "x").exists() and no_temp_files(pk)
