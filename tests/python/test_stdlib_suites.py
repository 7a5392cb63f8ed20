"""The interpreter's own ``test.test_hashlib`` and ``test.test_hmac`` against nacre.hash and
nacre.hmac, through the import shim in stdlib_shim.py (run in a subprocess, so that the shim's
import hooks and a crash stay there). Every test must pass except those the shim lists with a
reason; interpreters that ship no ``test`` package (Debian's, without libpython3-testsuite) skip.

Interpreter: any with nacre importable (conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any, Dict

import pytest

import nacre
import nacre.hash
import stdlib_shim
from vectors import REPO_ROOT

SHIM = REPO_ROOT / "tests" / "python" / "stdlib_shim.py"


def _run(which: str, *flags: str) -> Dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    proc = subprocess.run([sys.executable, str(SHIM), which, *flags], capture_output=True,
                          text=True, env=env, timeout=900)
    if proc.returncode == 2:
        pytest.skip(f"this interpreter ships no test.test_{which}")
    assert proc.returncode == 0, proc.stderr[-4000:]
    lines = proc.stdout.strip().splitlines()
    assert lines, proc.stderr[-4000:]
    summary: Dict[str, Any] = json.loads(lines[-1])
    summary["log"] = proc.stderr
    return summary


@pytest.mark.parametrize("which", ["hashlib", "hmac"])
def test_stdlib_suite_passes_against_nacre(which: str, capsys: pytest.CaptureFixture[str]) -> None:
    got = _run(which)
    problems = got["failures"] + got["errors"] + got["unexpected_successes"]
    assert not problems, f"{problems}\n{got['log'][-6000:]}"
    # Only the listed tests were skipped by the shim, and the suite's own tests ran.
    names = {test_id.rsplit(".", 1)[-1] for test_id in got["skipped_by_shim"]}
    assert names <= set(stdlib_shim.EXCLUDED[which])
    assert got["passed"] > 0 and got["passed"] + len(got["skipped_by_shim"]) <= got["total"]
    with capsys.disabled():
        print(f"\n{got['suite']} on Python {got['python']}: {got['passed']} of {got['total']} "
              f"passed, {len(got['skipped_by_shim'])} skipped by the shim (listed with reasons), "
              f"{len(got['skipped_by_suite'])} skipped by the suite itself")


@pytest.mark.parametrize("which", ["hashlib", "hmac"])
def test_every_exclusion_is_still_needed(which: str) -> None:
    # Run unskipped, each listed test fails (or is skipped by the suite itself): an exclusion
    # that nacre has outgrown shows up here as a pass.
    got = _run(which, "--only-excluded")
    assert got["ran"] > 0
    assert not got["passed"], f"listed in stdlib_shim.EXCLUDED but passing: {got['passed']}"


def test_absent_algorithms_are_absent() -> None:
    assert set(stdlib_shim.ABSENT).isdisjoint(nacre.hash.algorithms_available)
    for name in stdlib_shim.ABSENT:
        with pytest.raises(nacre.UnsupportedAlgorithm):
            nacre.hash.new(name)
