"""Build the ``nacre`` Python package (CFFI, out-of-line API mode).

    pip install --no-build-isolation ./bindings/python

By default the extension links libnacre statically: the C library is configured and built with
CMake from the repository that holds this folder (or from NACRE_SOURCE_DIR), and its merged
archive libnacre.a is linked with -Wl,--exclude-libs,ALL so that nothing from it (BoringSSL's
symbols above all) is exported from the extension, where another library could bind to it.

Environment:

- NACRE_LINK=shared: link an installed libnacre.so (-lnacre) instead; NACRE_LIB_DIR names its
  folder (also written as the extension's rpath) and NACRE_INCLUDE_DIR the folder of nacre.h.
- NACRE_SOURCE_DIR: the nacre repository, when this folder was copied out of it.
- NACRE_CMAKE_BUILD_DIR: where CMake builds libnacre.a (default: build/cmake next to this file,
  inside the build area). CMAKE_BUILD_PARALLEL_LEVEL limits the number of compile jobs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def source_dir() -> Path:
    """The nacre repository: NACRE_SOURCE_DIR, else two levels above this folder."""
    if os.environ.get("NACRE_SOURCE_DIR"):
        root = Path(os.environ["NACRE_SOURCE_DIR"]).resolve()
    else:
        root = HERE.parent.parent
    if not (root / "CMakeLists.txt").is_file():
        sys.exit(
            f"nacre: no CMakeLists.txt in {root}. Set NACRE_SOURCE_DIR to the nacre repository, "
            "or NACRE_LINK=shared (with NACRE_LIB_DIR, NACRE_INCLUDE_DIR) to use an installed "
            "libnacre."
        )
    return root


def version() -> str:
    """The project version from the top-level CMakeLists.txt (one source of truth)."""
    roots = [Path(os.environ["NACRE_SOURCE_DIR"])] if os.environ.get("NACRE_SOURCE_DIR") else []
    roots.append(HERE.parent.parent)
    for root in roots:
        cmakelists = root / "CMakeLists.txt"
        if cmakelists.is_file():
            match = re.search(
                r"project\s*\(\s*nacre\s+VERSION\s+([0-9][0-9.]*)", cmakelists.read_text("utf-8")
            )
            if match:
                return match.group(1)
    return "0.0.0"  # building against an installed libnacre without its sources


def run(cmd: List[str]) -> None:
    print("nacre: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


class BuildExt(build_ext):
    """build_ext that links libnacre (static by default) into the CFFI extension."""

    def pre_run(self, ext, ffi) -> None:  # called by cffi before it writes the C source
        mode = os.environ.get("NACRE_LINK", "static")
        if mode == "shared":
            self._link_shared(ext)
        elif mode == "static":
            self._link_static(ext)
        else:
            sys.exit(f"nacre: NACRE_LINK must be 'static' or 'shared', not {mode!r}")
        self._stamp_link_options(ext)

    def _stamp_link_options(self, ext) -> None:
        """Relink when the link options change (static <-> shared, another folder): setuptools
        only compares timestamps, so an extension linked the other way would look up to date."""
        stamp = Path(self.build_temp) / "nacre-link-options.txt"
        options = repr((ext.extra_objects, ext.libraries, ext.library_dirs,
                        ext.runtime_library_dirs, ext.extra_link_args))
        if not stamp.is_file() or stamp.read_text() != options:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(options)
        ext.depends.append(str(stamp))

    @staticmethod
    def _link_shared(ext) -> None:
        ext.libraries.append("nacre")
        lib_dir = os.environ.get("NACRE_LIB_DIR")
        if lib_dir:
            ext.library_dirs.append(lib_dir)
            ext.runtime_library_dirs.append(lib_dir)

    def _link_static(self, ext) -> None:
        root = source_dir()
        build_dir = Path(os.environ.get("NACRE_CMAKE_BUILD_DIR") or HERE / "build" / "cmake")
        cmake = shutil.which("cmake")
        if cmake is None:
            sys.exit("nacre: cmake is required to build libnacre (or set NACRE_LINK=shared)")
        configure = [cmake, "-S", str(root), "-B", str(build_dir)]
        # The generator is fixed at the first configure; name it only then.
        if not (build_dir / "CMakeCache.txt").is_file() and shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        configure += [
            "-DCMAKE_BUILD_TYPE=Release",
            "-DNACRE_BUILD_TESTS=OFF",
            "-DNACRE_BUILD_CLI=OFF",
            "-DNACRE_BUILD_BENCH=OFF",
            "-DNACRE_BUILD_PYTHON=OFF",
        ]
        run(configure)
        run([cmake, "--build", str(build_dir), "--target", "nacre_static"])
        archive = build_dir / "libnacre.a"
        if not archive.is_file():
            sys.exit(f"nacre: the CMake target nacre_static did not produce {archive}")
        # An object list, not -l: the archive must come after the extension's own object.
        ext.extra_objects.append(str(archive))
        ext.depends.append(str(archive))  # relink when the library changes
        ext.libraries.extend(["stdc++", "pthread"])
        ext.extra_link_args.append("-Wl,--exclude-libs,ALL")


setup(
    name="nacre",
    version=version(),
    description="Vetted cryptography (BoringSSL, libsodium) behind one stable C ABI",
    packages=["nacre"],
    package_data={"nacre": ["py.typed"]},
    python_requires=">=3.8",
    # cffi is needed at run time too (_cffi_backend). It is not listed in install_requires
    # because `pip install --target` would then fetch it from an index even when installed.
    cffi_modules=["nacre/_build.py:ffi"],
    cmdclass={"build_ext": BuildExt},
    zip_safe=False,
)
