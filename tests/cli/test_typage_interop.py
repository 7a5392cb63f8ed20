"""Files exchanged both ways between nacre's CLI and typage, the npm registry's age-encryption
(pinned in tests/interop/typage, installed by scripts/node-env) under the machine's Node.js:
X25519, post-quantum hybrid, passphrase, armored and multi-recipient files."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CLI = os.environ.get("NACRE_CLI", "")
TYPAGE = Path(os.environ.get("NACRE_TYPAGE_DIR")
              or Path(__file__).resolve().parents[2] / ".deps" / "typage")
NODE = shutil.which("node")


@pytest.fixture(scope="module")
def typage():
    if not CLI:
        pytest.skip("NACRE_CLI is not set")
    if not (NODE and (TYPAGE / "node_modules" / "age-encryption").is_dir()):
        message = f"typage is not installed in {TYPAGE} (scripts/node-env installs it)"
        if os.environ.get("NACRE_REQUIRE_WYCHEPROOF") == "1":
            pytest.fail(message)
        pytest.skip(message)

    def call(*args, cwd):
        r = subprocess.run([NODE, str(TYPAGE / "age.mjs"), *args], cwd=cwd, capture_output=True,
                           check=False)
        assert r.returncode == 0, r.stderr.decode()
        return r.stdout.decode().split()

    return call


def nacre(*args, cwd, env=None):
    r = subprocess.run([CLI, *args], cwd=cwd, capture_output=True, check=False, env=env)
    assert r.returncode == 0, r.stderr.decode()
    return r


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("pq", [False, True], ids=["x25519", "hybrid"])
def test_keys_both_ways(tmp_path, typage, armor, pq):
    plain = os.urandom(2 * 65536 + 33)
    (tmp_path / "plain").write_bytes(plain)
    their_id, their_recipient = typage("keygen", *(["pq"] if pq else []), cwd=tmp_path)
    nacre("keygen", "-o", "mine.txt", *(["--pq"] if pq else []), cwd=tmp_path)
    mine = nacre("keygen", "-y", "mine.txt", cwd=tmp_path).stdout.decode().strip()
    (tmp_path / "theirs.txt").write_text(their_id + "\n")
    # The same recipient from the same identity, computed by each.
    derived = nacre("keygen", "-y", "theirs.txt", cwd=tmp_path).stdout.decode().strip()
    assert derived == their_recipient
    a = ["-a"] if armor else []
    # nacre -> typage, to both recipients.
    nacre("encrypt", *a, "-r", mine, "-r", their_recipient, "-o", "n.age", "plain", cwd=tmp_path)
    typage("decrypt", "n.age", "n.out", their_id, cwd=tmp_path)
    assert (tmp_path / "n.out").read_bytes() == plain
    # typage -> nacre, to both.
    typage("encrypt", "plain", "t.age", *(["--armor"] if armor else []), mine, their_recipient,
           cwd=tmp_path)
    nacre("decrypt", "-i", "mine.txt", "-o", "t.out", "t.age", cwd=tmp_path)
    assert (tmp_path / "t.out").read_bytes() == plain


def test_passphrase_both_ways(tmp_path, typage):
    plain = os.urandom(70000)
    (tmp_path / "plain").write_bytes(plain)
    env = dict(os.environ, PW="correct horse")
    nacre("encrypt", "--passphrase-env", "PW", "--work-factor", "12", "-o", "n.age", "plain",
          cwd=tmp_path, env=env)
    typage("decrypt", "n.age", "n.out", "--passphrase", "correct horse", cwd=tmp_path)
    assert (tmp_path / "n.out").read_bytes() == plain
    typage("encrypt", "plain", "t.age", "--armor", "--passphrase", "correct horse", cwd=tmp_path)
    nacre("decrypt", "--passphrase-env", "PW", "-o", "t.out", "t.age", cwd=tmp_path, env=env)
    assert (tmp_path / "t.out").read_bytes() == plain
