"""The peak resident memory of one command, read as it runs from /proc/PID/status (VmHWM, the
high-water mark of its own image since exec). getrusage's ru_maxrss would also count the
interpreter it was forked from, and RUSAGE_CHILDREN every earlier child."""
import os
import subprocess
import time
from pathlib import Path


def vm_hwm_kib(pid):
    """VmHWM of ``pid`` in KiB, 0 once it has exited."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def run_measured(argv, **kw):
    """Run ``argv`` to completion, sampling its VmHWM every 5 ms: (returncode, stdout, peak KiB)."""
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    peak = 0
    while p.poll() is None:
        peak = max(peak, vm_hwm_kib(p.pid))
        time.sleep(0.005)
    out, _ = p.communicate()
    return p.returncode, out, peak


def large_file_size():
    """The size of the large-file tests: 4 GiB, or 256 MiB in sanitizer builds (whose
    instrumented code would take minutes over 4 GiB; the memory bound is the same)."""
    return (256 << 20) if os.environ.get("NACRE_SANITIZED") == "1" else (4 << 30)


def rss_limit_kib():
    """The peak RSS the constant-memory tests allow: 64 MiB, or 1 GiB in sanitizer builds, where
    ASan's quarantine alone keeps up to 256 MiB of freed memory (so it measures ASan, not nacre)."""
    return (1 << 20) if os.environ.get("NACRE_SANITIZED") == "1" else (64 << 10)
