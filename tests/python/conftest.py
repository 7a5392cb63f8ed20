"""pytest configuration for the nacre Python tests.

Interpreter: a venv with requirements-dev.txt installed (scripts/python-env makes one). nacre
itself is the build tree's python/ folder on PYTHONPATH, or an installed wheel:

    PYTHONPATH=<build>/python $(scripts/python-env) -m pytest tests/python -q
    scripts/test-wheel dist/nacre-*.whl      # a fresh venv per CPython, the wheel installed

Environment: NACRE_VECTORS_DIR (default tests/vectors), NACRE_WYCHEPROOF_DIR (default
../shared/vectors/wycheproof next to the repository), NACRE_REQUIRE_WYCHEPROOF=1 (a missing
Wycheproof folder fails instead of skipping), NACRE_EXPECT_INSTALLED=1 (nacre must come from
the interpreter's site-packages, not from a source or build tree).
"""

from __future__ import annotations

import importlib
import os
import sys
import sysconfig
from pathlib import Path
from typing import List

import pytest
from hypothesis import settings

try:
    importlib.import_module("nacre")  # fail loudly here rather than in every test module
except ImportError as exc:  # pragma: no cover - a broken setup is the point
    raise ImportError(
        f"cannot import nacre ({exc}); put the build tree's python/ folder (or a pip --target "
        "folder) on PYTHONPATH"
    ) from exc

if os.environ.get("NACRE_EXPECT_INSTALLED") == "1":
    _where = Path(importlib.import_module("nacre").__file__ or "").resolve()
    _site = Path(sysconfig.get_paths()["platlib"]).resolve()
    if _site not in _where.parents:
        raise ImportError(f"nacre was imported from {_where}, not from {_site} ({sys.executable})")

# No deadline: the first call into a backend may initialise it. No example database: the tests
# must not write files into the source tree.
settings.register_profile("nacre", deadline=None, database=None)
settings.load_profile("nacre")

# Filled by the Wycheproof tests, printed at the end of the run (visible without -s).
WYCHEPROOF_COUNTS: List[str] = []


@pytest.fixture(scope="session")
def wycheproof_report() -> List[str]:
    return WYCHEPROOF_COUNTS


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if WYCHEPROOF_COUNTS:
        terminalreporter.section("Wycheproof")
        for line in WYCHEPROOF_COUNTS:
            terminalreporter.write_line(line)


def pytest_report_header(config) -> str:  # type: ignore[no-untyped-def]
    import nacre as _nacre

    return f"nacre {_nacre.__version__} from {_nacre.__file__}"
