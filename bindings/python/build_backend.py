"""PEP 517 build backend: setuptools', plus a wheel writer for when ``wheel`` is missing.

setuptools before 70.1 builds wheels (and even wheel metadata) through the ``wheel`` package's
bdist_wheel command. With ``pip install --no-build-isolation`` nothing installs it, so an
interpreter without it could not install nacre at all.
When ``wheel`` is importable, every hook is setuptools' own. When it is not, build_wheel runs
``setup.py egg_info build`` and zips the result with the metadata files a wheel needs (PEP 427);
pip then takes the metadata from that wheel.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from setuptools import build_meta as _setuptools

HERE = Path(__file__).resolve().parent
_HAVE_WHEEL = importlib.util.find_spec("wheel") is not None

get_requires_for_build_sdist = _setuptools.get_requires_for_build_sdist
build_sdist = _setuptools.build_sdist

if _HAVE_WHEEL:
    get_requires_for_build_wheel = _setuptools.get_requires_for_build_wheel
    prepare_metadata_for_build_wheel = _setuptools.prepare_metadata_for_build_wheel
    build_wheel = _setuptools.build_wheel
    if hasattr(_setuptools, "build_editable"):
        get_requires_for_build_editable = _setuptools.get_requires_for_build_editable
        prepare_metadata_for_build_editable = _setuptools.prepare_metadata_for_build_editable
        build_editable = _setuptools.build_editable
else:

    def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
        """setuptools' list without "wheel", which this backend does without."""
        return [
            req
            for req in _setuptools.get_requires_for_build_wheel(config_settings)
            if not req.startswith("wheel")
        ]

    # No prepare_metadata_for_build_wheel: the frontend then builds the wheel and reads the
    # metadata from it (PEP 517's fallback), and reuses that wheel.

    def build_wheel(
        wheel_directory: str,
        config_settings: Optional[Dict[str, Any]] = None,
        metadata_directory: Optional[str] = None,
    ) -> str:
        """Build the wheel without the ``wheel`` package; return its file name."""
        with tempfile.TemporaryDirectory(prefix="nacre-wheel-") as tmp:
            lib_dir = Path(tmp) / "lib"
            subprocess.run(
                [sys.executable, "setup.py", "egg_info", "--egg-base", tmp,
                 "build", "--build-lib", str(lib_dir)],
                cwd=HERE, check=True, stdout=sys.stderr,
            )
            egg_info = next(Path(tmp).glob("*.egg-info"))
            return _write_wheel(Path(wheel_directory), lib_dir, egg_info)


def _tag() -> str:
    """The interpreter-specific tag of this CPython (the extension is built for it)."""
    if sys.implementation.name != "cpython":
        raise RuntimeError("building nacre without the 'wheel' package needs CPython; install wheel")
    python = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    abi = python
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        abi += "t"
    if hasattr(sys, "gettotalrefcount"):
        abi += "d"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{python}-{abi}-{platform}"


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory: Path, lib_dir: Path, egg_info: Path) -> str:
    pkg_info = (egg_info / "PKG-INFO").read_text(encoding="utf-8")
    headers = Parser().parsestr(pkg_info, headersonly=True)
    name = headers["Name"].replace("-", "_")
    version = headers["Version"]
    tag = _tag()
    dist_info = f"{name}-{version}.dist-info"
    files: List[Tuple[str, bytes]] = []
    for path in sorted(lib_dir.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files.append((path.relative_to(lib_dir).as_posix(), path.read_bytes()))
    files.append((f"{dist_info}/METADATA", pkg_info.encode("utf-8")))
    wheel_meta = (
        "Wheel-Version: 1.0\n"
        "Generator: nacre build_backend\n"
        "Root-Is-Purelib: false\n"
        f"Tag: {tag}\n"
    )
    files.append((f"{dist_info}/WHEEL", wheel_meta.encode("utf-8")))
    top_level = egg_info / "top_level.txt"
    if top_level.is_file():
        files.append((f"{dist_info}/top_level.txt", top_level.read_bytes()))
    record = [_record_line(arcname, data) for arcname, data in files]
    record.append(f"{dist_info}/RECORD,,")
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode("utf-8")))

    wheel_name = f"{name}-{version}-{tag}.whl"
    wheel_directory.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel_directory / wheel_name, "w", zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            # Executable bits for the extension, plain read/write for the rest.
            mode = 0o755 if arcname.endswith(".so") else 0o644
            info.external_attr = (0o100000 | mode) << 16
            zf.writestr(info, data)
    print(f"nacre: wrote {wheel_name} without the 'wheel' package", file=sys.stderr)
    return wheel_name
