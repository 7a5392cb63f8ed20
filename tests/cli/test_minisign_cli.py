"""nacre sign / verify / keygen --minisign, with minisign's options, against Debian's minisign
both ways: unencrypted (-W) and password-encrypted secret keys, trusted comments, -P and -p
public keys, tampering, legacy signatures, and a 4 GiB sparse file in constant memory."""
import os
import shutil
import subprocess

import pytest
from peak_memory import large_file_size, rss_limit_kib, run_measured

CLI = os.environ.get("NACRE_CLI", "")
MINISIGN = shutil.which("minisign")
pytestmark = [pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set"),
              pytest.mark.skipif(not MINISIGN, reason="Debian's minisign is not installed")]


def run(*args, cwd=None, env=None, stdin=b""):
    return subprocess.run([CLI, *args], cwd=cwd, env=env, input=stdin, capture_output=True,
                          check=False)


def ok(*args, **kw):
    r = run(*args, **kw)
    assert r.returncode == 0, r.stderr.decode()
    return r


def minisign(*args, cwd=None, stdin=b""):
    return subprocess.run([MINISIGN, *args], cwd=cwd, input=stdin, capture_output=True,
                          check=False)


@pytest.fixture
def d(tmp_path):
    (tmp_path / "doc").write_bytes(os.urandom(200_000))
    return tmp_path


def test_minisign_keys_and_signatures_both_ways(d):
    assert minisign("-G", "-W", "-p", "theirs.pub", "-s", "theirs.key", cwd=d).returncode == 0
    ok("keygen", "--minisign", "-W", "-p", "mine.pub", "-s", "mine.key", cwd=d)
    assert oct((d / "mine.key").stat().st_mode & 0o777) == "0o600"
    # nacre signs with minisign's key; minisign verifies, and shows the trusted comment.
    ok("sign", "-s", "theirs.key", "-m", "doc", "-t", "release 1.2 (nacre)", cwd=d)
    r = minisign("-V", "-p", "theirs.pub", "-m", "doc", cwd=d)
    assert r.returncode == 0 and b"Trusted comment: release 1.2 (nacre)" in r.stdout, r
    # minisign signs with nacre's key; nacre verifies, by file and by -P string.
    r = minisign("-S", "-s", "mine.key", "-m", "doc", "-x", "doc.sig", "-t", "from minisign",
                 cwd=d)
    assert r.returncode == 0, r
    r = ok("verify", "-p", "mine.pub", "-m", "doc", "-x", "doc.sig", cwd=d)
    assert r.stdout == b"Signature and comment signature verified\nTrusted comment: from minisign\n"
    pk = (d / "mine.pub").read_text().splitlines()[1]
    ok("verify", "-P", pk, "-m", "doc", "-x", "doc.sig", cwd=d)
    # nacre's own signatures of nacre's key, read by minisign; the default trusted comment.
    ok("sign", "-s", "mine.key", "-m", "doc", cwd=d)
    r = minisign("-V", "-p", "mine.pub", "-m", "doc", cwd=d)
    assert r.returncode == 0 and b"\tfile:doc\thashed" in r.stdout, r
    # The public key files agree on the key id.
    ids = [(d / f).read_text().splitlines()[0].split()[-1] for f in ("mine.pub", "theirs.pub")]
    assert all(len(i) == 16 for i in ids)


def test_password_protected_keys_both_ways(d):
    (d / "pw").write_text("correct horse\n")
    ok("keygen", "--minisign", "-p", "mine.pub", "-s", "mine.key", "--passphrase-file", "pw",
       cwd=d)
    r = minisign("-S", "-s", "mine.key", "-m", "doc", cwd=d, stdin=b"correct horse\n")
    assert r.returncode == 0, r
    ok("verify", "-p", "mine.pub", "-m", "doc", cwd=d)
    r = minisign("-G", "-p", "theirs.pub", "-s", "theirs.key", cwd=d,
                 stdin=b"battery staple\nbattery staple\n")
    assert r.returncode == 0, r
    env = dict(os.environ, PW="battery staple")
    ok("sign", "-s", "theirs.key", "-m", "doc", "-x", "t.sig", "--passphrase-env", "PW", cwd=d,
       env=env)
    assert minisign("-V", "-p", "theirs.pub", "-m", "doc", "-x", "t.sig", cwd=d).returncode == 0
    r = run("sign", "-s", "theirs.key", "-m", "doc", "-x", "u.sig", "--passphrase-env", "PW",
            cwd=d, env=dict(os.environ, PW="wrong"))
    assert r.returncode == 1 and b"wrong password" in r.stderr and not (d / "u.sig").exists()


def test_every_change_is_refused(d):
    ok("keygen", "--minisign", "-W", "-p", "k.pub", "-s", "k.key", cwd=d)
    ok("keygen", "--minisign", "-W", "-p", "o.pub", "-s", "o.key", cwd=d)
    ok("sign", "-s", "k.key", "-m", "doc", "-t", "good", cwd=d)
    sig = (d / "doc.minisig").read_text()
    (d / "changed").write_bytes((d / "doc").read_bytes() + b"x")
    r = run("verify", "-p", "k.pub", "-m", "changed", "-x", "doc.minisig", cwd=d)
    assert r.returncode == 1 and b"signature verification failed" in r.stderr
    (d / "comment.sig").write_text(sig.replace("trusted comment: good", "trusted comment: evil"))
    r = run("verify", "-p", "k.pub", "-m", "doc", "-x", "comment.sig", cwd=d)
    assert r.returncode == 1 and b"trusted comment" in r.stderr
    assert minisign("-V", "-p", "k.pub", "-m", "doc", "-x", "comment.sig", cwd=d).returncode == 1
    r = run("verify", "-p", "o.pub", "-m", "doc", cwd=d)
    assert r.returncode == 1 and b"not by this public key" in r.stderr
    r = run("verify", "-q", "-p", "o.pub", "-m", "doc", cwd=d)
    assert r.returncode == 1 and r.stdout == b"" and r.stderr == b""
    for bad in ("", "garbage\n", sig.splitlines()[0] + "\n"):
        (d / "bad.sig").write_text(bad)
        r = run("verify", "-p", "k.pub", "-m", "doc", "-x", "bad.sig", cwd=d)
        assert r.returncode == 1 and r.stderr, bad
    # A legacy (non-prehashed) signature from minisign -l is refused, as minisign refuses it.
    legacy = minisign("-S", "-l", "-s", "k.key", "-m", "doc", "-x", "legacy.sig", cwd=d)
    assert legacy.returncode == 0
    r = run("verify", "-p", "k.pub", "-m", "doc", "-x", "legacy.sig", cwd=d)
    assert r.returncode == 1 and b"legacy" in r.stderr


def test_options_and_exit_codes(d):
    ok("keygen", "--minisign", "-W", "-p", "k.pub", "-s", "k.key", cwd=d)
    r = run("keygen", "--minisign", "-W", "-p", "k.pub", "-s", "k.key", cwd=d)
    assert r.returncode == 1 and b"already exists" in r.stderr
    ok("keygen", "--minisign", "-W", "-p", "k.pub", "-s", "k.key", "--force", cwd=d)
    ok("sign", "-s", "k.key", "-m", "doc", cwd=d)
    # -o writes the file after verification; stdin can be verified.
    r = ok("verify", "-p", "k.pub", "-m", "doc", "-o", cwd=d)
    assert r.stdout == (d / "doc").read_bytes() and b"verified" in r.stderr
    r = ok("verify", "-p", "k.pub", "-m", "-", "-x", "doc.minisig", cwd=d,
           stdin=(d / "doc").read_bytes())
    # Defaults: ./minisign.pub, and the key from MINISIGN_CONFIG_DIR.
    shutil.copy(d / "k.pub", d / "minisign.pub")
    (d / "cfg").mkdir()
    shutil.copy(d / "k.key", d / "cfg" / "minisign.key")
    ok("sign", "-m", "doc", "-x", "default.sig", cwd=d,
       env=dict(os.environ, MINISIGN_CONFIG_DIR=str(d / "cfg")))
    ok("verify", "-m", "doc", "-x", "default.sig", cwd=d)
    for args in (("sign",), ("verify",), ("verify", "-p", "k.pub", "-P", "RWQ", "-m", "doc"),
                 ("sign", "-s", "k.key", "-m", "doc", "-t", "two\nlines"),
                 ("keygen", "--minisign", "--alg", "ed25519")):
        r = run(*args, cwd=d)
        assert r.returncode == 2, (args, r.stderr)
    # The example key of minisign's documentation parses; it did not sign this file.
    r = run("verify", "-P", "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3", "-m",
            "doc", cwd=d)
    assert r.returncode == 1 and b"E7620F1842B4E81F" in r.stderr


def test_4_gib_sparse_file_in_constant_memory(d):
    ok("keygen", "--minisign", "-W", "-p", "k.pub", "-s", "k.key", cwd=d)
    with open(d / "sparse", "wb") as f:
        f.truncate(large_file_size())
    code, _, sign_peak = run_measured([CLI, "sign", "-s", "k.key", "-m", "sparse"], cwd=d)
    assert code == 0
    code, out, verify_peak = run_measured([CLI, "verify", "-p", "k.pub", "-m", "sparse"], cwd=d)
    assert code == 0 and b"verified" in out
    assert minisign("-V", "-p", "k.pub", "-m", "sparse", cwd=d).returncode == 0
    assert 0 < max(sign_peak, verify_peak) < rss_limit_kib(), (sign_peak, verify_peak)
    print(f"\n{large_file_size() >> 20} MiB: sign peak RSS {sign_peak / 1024:.1f} MiB, "
          f"verify {verify_peak / 1024:.1f} MiB")
    assert len((d / "sparse.minisig").read_text().splitlines()) == 4
