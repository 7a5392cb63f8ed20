"""pytest configuration for the nacre Python tests.

Interpreter: Debian's /usr/bin/python3, which has pytest and hypothesis (apt). nacre itself is
found on PYTHONPATH: the build tree's python/ folder, or a `pip install --target` folder.

    PYTHONPATH=<build>/python /usr/bin/python3 -m pytest tests/python -q

Environment: NACRE_VECTORS_DIR (default tests/vectors), NACRE_WYCHEPROOF_DIR (default
../shared/vectors/wycheproof next to the repository), NACRE_REQUIRE_WYCHEPROOF=1 (a missing
Wycheproof folder fails instead of skipping).
"""

from __future__ import annotations

import importlib
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
