"""nacre.minisign: signatures and keys round-trip, and interoperate both ways with Debian's
minisign (keys unencrypted and password-protected, trusted comments, tampering, legacy)."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

import nacre
from nacre import minisign

MINISIGN = shutil.which("minisign")
CHEAP = {"opslimit": 524288, "memlimit": 16777216}  # libsodium's interactive scrypt cost


def need_minisign() -> str:
    if MINISIGN is None:
        if os.environ.get("NACRE_REQUIRE_WYCHEPROOF") == "1":
            pytest.fail("Debian's minisign is not installed (scripts/bootstrap installs it)")
        pytest.skip("Debian's minisign is not installed")
    return MINISIGN


def test_round_trips_from_bytes_and_files() -> None:
    key = minisign.SecretKey.generate()
    data = os.urandom(3 << 20)
    sig = minisign.sign(io.BytesIO(data), key, trusted_comment="release 1.2")
    assert minisign.verify(data, sig, key.public_key()) == "release 1.2"
    assert minisign.verify(io.BytesIO(data), sig.encode(), key.public_key()) == "release 1.2"
    assert minisign.sign(data, key, trusted_comment="x").splitlines()[2] == "trusted comment: x"
    assert minisign.verify(b"", minisign.sign(b"", key), key.public_key()).startswith("timestamp:")


def test_keys_save_load_and_compare() -> None:
    key = minisign.SecretKey.generate()
    pk = key.public_key()
    assert minisign.PublicKey.from_str(str(pk)) == pk == minisign.PublicKey.from_str(pk.to_file())
    assert len(pk.key_id) == 16 and pk.key_id in repr(key) and pk.key_id in pk.to_file()
    plain = minisign.SecretKey.load(key.save())
    assert plain.public_key() == pk
    locked = key.save("pw", **CHEAP)
    assert minisign.SecretKey.load(locked, "pw").public_key() == pk
    with pytest.raises(nacre.InvalidSignature):
        minisign.SecretKey.load(locked, "wrong")
    with pytest.raises(nacre.InvalidArgument):
        minisign.SecretKey.load(locked)
    with pytest.raises(TypeError):
        pickle.dumps(key)
    with pytest.raises(AttributeError):
        pk._file = b""  # type: ignore[misc]


def test_every_change_is_refused() -> None:
    key, other = minisign.SecretKey.generate(), minisign.SecretKey.generate()
    sig = minisign.sign(b"data", key, trusted_comment="good")
    with pytest.raises(nacre.InvalidSignature):
        minisign.verify(b"datA", sig, key.public_key())
    with pytest.raises(nacre.InvalidSignature, match="not by this public key"):
        minisign.verify(b"data", sig, other.public_key())
    with pytest.raises(nacre.InvalidSignature, match="trusted comment"):
        minisign.verify(b"data", sig.replace("good", "evil"), key.public_key())
    with pytest.raises(nacre.InvalidArgument):
        minisign.verify(b"data", "garbage", key.public_key())
    with pytest.raises(nacre.InvalidArgument):
        minisign.sign(b"data", key, trusted_comment="two\nlines")
    with pytest.raises(nacre.InvalidKey):
        minisign.PublicKey.from_str("RWQ")


def test_debian_minisign_both_ways(tmp_path: Path) -> None:
    exe = need_minisign()
    run = lambda *a, stdin=b"": subprocess.run(  # noqa: E731
        [exe, *a], cwd=tmp_path, input=stdin, capture_output=True, check=False)
    (tmp_path / "doc").write_bytes(os.urandom(100000))
    data = (tmp_path / "doc").read_bytes()
    # Their key (password-protected, minisign's own scrypt cost), our signature.
    assert run("-G", "-p", "t.pub", "-s", "t.key", stdin=b"pw\npw\n").returncode == 0
    theirs = minisign.SecretKey.load((tmp_path / "t.key").read_bytes(), "pw")
    (tmp_path / "doc.minisig").write_text(minisign.sign(data, theirs, trusted_comment="nacre"))
    r = run("-V", "-p", "t.pub", "-m", "doc")
    assert r.returncode == 0 and b"Trusted comment: nacre" in r.stdout, r
    # Our key (unencrypted, then cheaply encrypted), their signature.
    mine = minisign.SecretKey.generate()
    (tmp_path / "m.key").write_bytes(mine.save())
    (tmp_path / "m.pub").write_text(mine.public_key().to_file())
    assert run("-S", "-s", "m.key", "-m", "doc", "-t", "minisign").returncode == 0
    sig = (tmp_path / "doc.minisig").read_text()
    assert minisign.verify(data, sig, minisign.PublicKey.from_str(
        (tmp_path / "m.pub").read_text())) == "minisign"
    (tmp_path / "e.key").write_bytes(mine.save("secret", **CHEAP))
    assert run("-S", "-s", "e.key", "-m", "doc", "-x", "e.sig", stdin=b"secret\n").returncode == 0
    assert minisign.verify(data, (tmp_path / "e.sig").read_text(), mine.public_key())
    # Legacy signatures (minisign -l) are refused, as minisign -V refuses them.
    assert run("-S", "-l", "-s", "m.key", "-m", "doc", "-x", "l.sig").returncode == 0
    with pytest.raises(nacre.UnsupportedAlgorithm):
        minisign.verify(data, (tmp_path / "l.sig").read_text(), mine.public_key())
