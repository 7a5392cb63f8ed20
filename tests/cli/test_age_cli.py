"""nacre encrypt / decrypt / age / keygen: age v1 files from the command line, driven as a user
would. Every CCTV vector through the CLI; files exchanged both ways with Debian's age and
age-keygen (X25519, passphrase, armored, several recipients); the file-safety promises (nothing
left after SIGKILL, SIGINT or SIGTERM, an existing output kept); exit codes; the progress line
under a pseudo-terminal; and a 4 GiB sparse file in constant memory.
"""
import hashlib
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from peak_memory import large_file_size, rss_limit_kib, vm_hwm_kib

CLI = os.environ.get("NACRE_CLI", "")
pytestmark = pytest.mark.skipif(not CLI, reason="NACRE_CLI is not set")
AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
need_age = pytest.mark.skipif(not (AGE and AGE_KEYGEN), reason="Debian's age is not installed")
CCTV = Path(os.environ.get("NACRE_CCTV_AGE_DIR")
            or Path(__file__).resolve().parents[3] / "shared" / "vectors" / "cctv-age")
CHUNK = 64 * 1024


def run(*args, stdin=b"", cwd=None, env=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, cwd=cwd, check=False,
                          env=env)


def ok(*args, **kw):
    r = run(*args, **kw)
    assert r.returncode == 0, r.stderr.decode()
    return r


def keygen(d, name="key.txt", *extra):
    ok("keygen", "-o", name, *extra, cwd=d)
    return ok("keygen", "-y", name, cwd=d).stdout.decode().strip()


def leftovers(d, keep):
    return sorted(p.name for p in d.iterdir() if p.name not in keep)


def in_pty(argv, answers=(), cwd=None, stdin_data=None, timeout=60):
    """Run ``argv`` with its terminal a pseudo-terminal (stdin too unless ``stdin_data``):
    answer each prompt that mentions "passphrase" with the next of ``answers``; returns
    (exit status, everything it wrote to the terminal)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        if cwd:
            os.chdir(cwd)
        if stdin_data is not None:
            r, w = os.pipe()
            if os.fork() == 0:
                os.close(r)
                os.write(w, stdin_data)
                os._exit(0)
            os.close(w)
            os.dup2(r, 0)
        os.execv(argv[0], argv)
    seen, out, pending = 0, b"", list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if pending and out.lower().count(b"passphrase") > seen and out.rstrip().endswith(b":"):
                seen = out.lower().count(b"passphrase")
                os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out


# --- CCTV -----------------------------------------------------------------------------------------


def cctv_vectors():
    if not CCTV.is_dir():
        if os.environ.get("NACRE_REQUIRE_WYCHEPROOF") == "1":
            pytest.fail(f"no CCTV age suite at {CCTV}")
        pytest.skip(f"no CCTV age suite at {CCTV}")
    for path in sorted(CCTV.iterdir()):
        if path.name == "README.md":
            continue
        head, _, body = path.read_bytes().partition(b"\n\n")
        fields = [line.split(": ", 1) for line in head.decode().splitlines()]
        if ["compressed", "zlib"] in fields:
            body = zlib.decompress(body)
        yield path.name, fields, body


def test_every_cctv_vector_through_the_cli(tmp_path):
    counts = {}
    for name, fields, body in cctv_vectors():
        get = dict(fields)
        (tmp_path / "file").write_bytes(body)
        ids = [v for k, v in fields if k == "identity"]
        env = dict(os.environ)
        args = ["decrypt", "--no-progress", "file"]
        if "passphrase" in get:
            env["PW"] = get["passphrase"]
            args += ["--passphrase-env", "PW"]
        else:
            (tmp_path / "ids").write_text("\n".join(ids) + "\n" if ids else "")
            if not ids:
                ok("keygen", "-o", "ids", "--force", cwd=tmp_path)
            args += ["-i", "ids"]
        # To a file: all or nothing.
        out = tmp_path / "out"
        if out.exists():
            out.unlink()
        r = run(*args, "-o", "out", cwd=tmp_path, env=env)
        # To stdout: streamed, then the verdict.
        s = run(*args, cwd=tmp_path, env=env)
        expect = get["expect"]
        if expect == "success":
            assert r.returncode == 0 and s.returncode == 0, (name, r.stderr)
            assert hashlib.sha256(out.read_bytes()).hexdigest() == get["payload"], name
            assert hashlib.sha256(s.stdout).hexdigest() == get["payload"], name
        else:
            assert r.returncode == 1 and s.returncode == 1, (name, r.returncode, r.stderr)
            assert not out.exists() and leftovers(tmp_path, {"file", "ids"}) == [], name
            assert b"nacre: " in r.stderr and b"not written" in r.stderr, (name, r.stderr)
            if expect == "payload failure" and "payload" in get and s.stdout:
                released = hashlib.sha256(s.stdout).hexdigest() == get["payload"]
                assert released or len(s.stdout) % CHUNK == 0, name
                assert b"not authentic" in s.stderr, name
            elif expect != "payload failure":
                assert s.stdout == b"", name
        counts[expect] = counts.get(expect, 0) + 1
    assert sum(counts.values()) == 143
    print(f"\ncctv-age (CLI): {dict(sorted(counts.items()))}")


# --- interoperability with Debian's age -----------------------------------------------------------


@need_age
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armored"])
def test_age_and_nacre_read_each_other(tmp_path, armor):
    plain = os.urandom(3 * CHUNK + 77)
    (tmp_path / "plain").write_bytes(plain)
    mine = keygen(tmp_path, "mine.txt")
    subprocess.run([AGE_KEYGEN, "-o", "theirs.txt"], cwd=tmp_path, check=True, capture_output=True)
    theirs = subprocess.run([AGE_KEYGEN, "-y", "theirs.txt"], cwd=tmp_path, check=True,
                            capture_output=True).stdout.decode().strip()
    # age-keygen -y and nacre keygen -y agree on each other's files.
    assert ok("keygen", "-y", "theirs.txt", cwd=tmp_path).stdout.decode().strip() == theirs
    assert subprocess.run([AGE_KEYGEN, "-y", "mine.txt"], cwd=tmp_path, check=True,
                          capture_output=True).stdout.decode().strip() == mine
    a = ["-a"] if armor else []
    # nacre -> age, to both recipients.
    ok("encrypt", *a, "-r", mine, "-r", theirs, "-o", "n.age", "plain", cwd=tmp_path)
    got = subprocess.run([AGE, "-d", "-i", "theirs.txt", "n.age"], cwd=tmp_path, check=True,
                         capture_output=True).stdout
    assert got == plain
    # age -> nacre, to both, with a recipients file.
    (tmp_path / "team").write_text(f"# team\n{mine}\n{theirs}\n")
    subprocess.run([AGE, *a, "-R", "team", "-o", "a.age", "plain"], cwd=tmp_path, check=True)
    ok("decrypt", "-i", "mine.txt", "-o", "back", "a.age", cwd=tmp_path)
    assert (tmp_path / "back").read_bytes() == plain
    # nacre's age-compatible front end, as a script written for age would call it.
    out = ok("age", "-d", "-i", "theirs.txt", "a.age", cwd=tmp_path).stdout
    assert out == plain


@need_age
def test_passphrase_files_both_ways(tmp_path):
    plain = os.urandom(CHUNK + 5)
    (tmp_path / "plain").write_bytes(plain)
    env = dict(os.environ, PW="correct horse battery staple")
    ok("encrypt", "--passphrase-env", "PW", "--work-factor", "12", "-o", "n.age", "plain",
       cwd=tmp_path, env=env)
    code, screen = in_pty([AGE, "-d", "-o", "n.out", "n.age"], ["correct horse battery staple"],
                          cwd=tmp_path)
    assert code == 0, screen
    assert (tmp_path / "n.out").read_bytes() == plain
    code, screen = in_pty([AGE, "-p", "-a", "-o", "a.age", "plain"],
                          ["battery staple", "battery staple"], cwd=tmp_path)
    assert code == 0, screen
    ok("decrypt", "--passphrase-env", "PW2", "-o", "a.out", "a.age", cwd=tmp_path,
       env=dict(os.environ, PW2="battery staple"))
    assert (tmp_path / "a.out").read_bytes() == plain
    # nacre asks on the terminal too, twice when encrypting.
    code, screen = in_pty([CLI, "encrypt", "-p", "--work-factor", "10", "-o", "t.age", "plain"],
                          ["pw one", "pw one"], cwd=tmp_path)
    assert code == 0, screen
    code, screen = in_pty([CLI, "decrypt", "-o", "t.out", "t.age"], ["pw one"], cwd=tmp_path)
    assert code == 0 and (tmp_path / "t.out").read_bytes() == plain, screen


# --- file safety ----------------------------------------------------------------------------------


@pytest.fixture
def big(tmp_path):
    """A key, and a 40 MiB file encrypted to it."""
    recipient = keygen(tmp_path)
    with open(tmp_path / "plain", "wb") as f:
        f.truncate(40 << 20)
    ok("encrypt", "-r", recipient, "-o", "big.age", "plain", cwd=tmp_path)
    return tmp_path


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_decrypt_leaves_nothing(big, sig):
    fifo = big / "in.fifo"
    os.mkfifo(fifo)
    before = set(os.listdir(big))
    p = subprocess.Popen([CLI, "decrypt", "-i", "key.txt", "-o", "out", "in.fifo"], cwd=big,
                         stderr=subprocess.PIPE)
    data = (big / "big.age").read_bytes()
    with open(fifo, "wb") as f:
        f.write(data[: len(data) // 2])  # half the file
        f.flush()
        # Plaintext is in the output by now: an anonymous file of the directory, with no name.
        assert _written_anonymously(p.pid, big) > 0
        p.send_signal(sig)
        p.wait(timeout=30)
    assert p.returncode == -sig
    assert set(os.listdir(big)) == before  # no out, no temporary file
    # Nor a visible one while it ran: the output is an anonymous file until complete.
    assert not any(n.startswith("out") for n in os.listdir(big))


def _written_anonymously(pid, directory, timeout=10.0):
    """The size of the unnamed file (O_TMPFILE) that process ``pid`` writes in ``directory``,
    once it is not empty."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                size = os.stat(f"/proc/{pid}/fd/{fd}").st_size
            except FileNotFoundError:
                continue
            if target.startswith(str(directory) + "/") and target.endswith("(deleted)") and size:
                return size
        time.sleep(0.02)
    return 0


def test_an_existing_output_is_kept_unless_forced(big):
    (big / "out").write_bytes(b"precious")
    r = run("decrypt", "-i", "key.txt", "-o", "out", "big.age", cwd=big)
    assert r.returncode == 1 and b"already exists (use --force" in r.stderr
    assert (big / "out").read_bytes() == b"precious"
    r = run("encrypt", "-r", keygen(big, "k2.txt"), "-o", "out", "plain", cwd=big)
    assert r.returncode == 1 and (big / "out").read_bytes() == b"precious"
    ok("decrypt", "-i", "key.txt", "-o", "out", "--force", "big.age", cwd=big)
    assert (big / "out").stat().st_size == 40 << 20
    assert oct((big / "out").stat().st_mode & 0o777) == oct(0o600 & ~_umask())
    r = run("keygen", "-o", "key.txt", cwd=big)
    assert r.returncode == 1 and b"already exists" in r.stderr


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_failed_decrypt_to_stdout_says_the_output_is_not_authentic(big):
    data = bytearray((big / "big.age").read_bytes())
    data[-10] ^= 1
    (big / "bad.age").write_bytes(bytes(data))
    r = run("decrypt", "-i", "key.txt", "bad.age", cwd=big)
    assert r.returncode == 1
    assert len(r.stdout) == (40 << 20) - CHUNK  # every chunk before the last one
    assert b"not authentic" in r.stderr


# --- exit codes and usage -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    (), ("encrypt", "--bogus"), ("encrypt", "plain"), ("encrypt", "-p", "-r", "age1x", "plain"),
    ("decrypt", "-r", "age1x", "f"), ("encrypt", "--work-factor", "31", "-p"),
    ("age", "-e", "-d"), ("keygen", "--alg", "nope"), ("hash", "--alg", "nope"),
], ids=lambda a: " ".join(a) or "bare")
def test_usage_errors_exit_2(tmp_path, args):
    (tmp_path / "plain").write_bytes(b"x")
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2, (args, r.returncode, r.stderr)
    assert r.stderr


def test_help_and_failures(tmp_path):
    for cmd in ("encrypt", "decrypt", "age", "keygen"):
        r = ok(cmd, "--help")
        assert b"Examples:" in r.stdout, cmd
    assert b"stdout" in ok("decrypt", "--help").stdout
    assert ok("--version").stdout.strip()
    r = run("decrypt", "-i", "missing.txt", "x", cwd=tmp_path)
    assert r.returncode == 1 and b"missing.txt" in r.stderr
    (tmp_path / "ids").write_text("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA\n")
    r = run("decrypt", "-i", "ids", "x", cwd=tmp_path)
    assert r.returncode == 1 and b"SSH" in r.stderr and b"line 1" in r.stderr
    r = run("encrypt", "-r", "age1notakey", cwd=tmp_path)
    assert r.returncode == 1 and b"age1notakey" in r.stderr


def test_binary_output_to_a_terminal_is_refused(tmp_path):
    recipient = keygen(tmp_path)
    code, screen = in_pty([CLI, "encrypt", "-r", recipient], stdin_data=b"data", cwd=tmp_path)
    assert code == 1 and b"refusing to write binary" in screen
    code, screen = in_pty([CLI, "encrypt", "-a", "-r", recipient], stdin_data=b"data", cwd=tmp_path)
    assert code == 0 and b"-----BEGIN AGE ENCRYPTED FILE-----" in screen


# --- progress -------------------------------------------------------------------------------------


def _slow_input(seconds):
    """A pipe fed for about ``seconds``: 16 MiB in 64 pieces."""
    r, w = os.pipe()
    if os.fork() == 0:
        os.close(r)
        block = bytes(256 << 10)
        for _ in range(64):
            os.write(w, block)
            time.sleep(seconds / 64)
        os._exit(0)
    os.close(w)
    return r


@pytest.mark.parametrize("flag,shown", [(None, True), ("--no-progress", False)])
def test_progress_on_a_terminal(tmp_path, flag, shown):
    recipient = keygen(tmp_path)
    argv = [CLI, "encrypt", "-r", recipient, "-o", "out.age"] + ([flag] if flag else [])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(tmp_path)
        src = _slow_input(2.0)
        os.dup2(src, 0)
        os.execv(CLI, argv)
    screen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.waitpid(pid, 0)
    assert (b"encrypting: " in screen and b"/s" in screen) is shown, screen
    assert (tmp_path / "out.age").stat().st_size > 16 << 20


def test_no_progress_when_stderr_is_not_a_terminal_unless_asked(tmp_path):
    recipient = keygen(tmp_path)
    src = _slow_input(1.5)
    p = subprocess.run([CLI, "encrypt", "-r", recipient, "-o", "a.age"], stdin=src, cwd=tmp_path,
                       capture_output=True, check=False)
    os.close(src)
    assert p.returncode == 0 and p.stderr == b""
    src = _slow_input(1.5)
    p = subprocess.run([CLI, "encrypt", "--progress", "-r", recipient, "-o", "b.age"], stdin=src,
                       cwd=tmp_path, capture_output=True, check=False)
    os.close(src)
    assert p.returncode == 0 and b"encrypting: 16.0 MiB" in p.stderr, p.stderr


# --- large files ----------------------------------------------------------------------------------


def test_4_gib_sparse_file_in_constant_memory(tmp_path):
    size = large_file_size()
    recipient = keygen(tmp_path)
    src = tmp_path / "sparse"
    with open(src, "wb") as f:
        f.truncate(size)
        f.seek(size - 5)
        f.write(b"tail!")
    enc = subprocess.Popen([CLI, "encrypt", "--no-progress", "-r", recipient, "sparse"],
                           cwd=tmp_path, stdout=subprocess.PIPE)
    dec = subprocess.Popen([CLI, "decrypt", "--no-progress", "-i", "key.txt"], cwd=tmp_path,
                           stdin=enc.stdout, stdout=subprocess.PIPE)
    enc.stdout.close()
    digest, total = hashlib.sha256(), 0
    peaks = [0, 0]
    start = time.monotonic()
    while True:
        piece = dec.stdout.read(1 << 20)
        if not piece:
            break
        digest.update(piece)
        total += len(piece)
        if total % (64 << 20) == 0:
            # Each process's own high-water mark (VmHWM: its image since exec; ru_maxrss would
            # count the interpreter it was forked from).
            peaks = [max(old, vm_hwm_kib(p.pid)) for old, p in zip(peaks, (enc, dec))]
    seconds = time.monotonic() - start
    assert dec.wait() == 0 and enc.wait() == 0
    peak_kib = max(peaks)
    expected = hashlib.sha256()
    zeros = bytes(1 << 20)
    for _ in range((size >> 20) - 1):
        expected.update(zeros)
    expected.update(zeros[:-5] + b"tail!")
    assert total == size and digest.digest() == expected.digest()
    assert 0 < peak_kib < rss_limit_kib(), f"peak RSS {peak_kib} KiB"
    print(f"\n{size >> 20} MiB through encrypt | decrypt: {seconds:.1f} s, peak RSS encrypt "
          f"{peaks[0] / 1024:.1f} MiB, decrypt {peaks[1] / 1024:.1f} MiB", file=sys.stderr)
