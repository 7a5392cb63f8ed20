"""Writes the C source of ``nacre._nacre``, the CFFI extension (out-of-line API mode).

    python build_ffi.py --header capi/include/nacre.h [--cc CC] --emit-c OUT.c
    python build_ffi.py --header capi/include/nacre.h [--cc CC] --print-cdef

The cdef is the C header as the C preprocessor leaves it (no parser of our own), made at build
time, so the Python declarations cannot drift from the C ABI. CMake
(bindings/python/CMakeLists.txt) runs this with its C compiler and compiles the result against
the limited API; it needs nothing but the standard library, cffi and that compiler, and is not
installed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import cffi

MODULE_NAME = "nacre._nacre"


def _preprocess(header_path: Path, cc: str, dump_macros: bool) -> str:
    """The header through the C preprocessor, as a C99 compiler without extensions sees it.

    ``-undef`` leaves __GNUC__ and __cplusplus undefined, so the attribute macros expand to
    nothing and the ``extern "C"`` braces go. <stddef.h> and <stdint.h> are replaced by empty
    files: cffi knows size_t, uint8_t and the other fixed-width types itself, and a system
    header's extensions would only get in its parser's way.
    """
    with tempfile.TemporaryDirectory() as stubs:
        for name in ("stddef.h", "stdint.h"):
            Path(stubs, name).write_text("/* cffi knows these types */\n", encoding="ascii")
        cmd = [*shlex.split(cc), "-E", "-P", "-undef", "-nostdinc", "-std=c99", "-I", stubs]
        cmd += ["-dM"] if dump_macros else []
        done = subprocess.run(
            [*cmd, str(header_path)], check=False, capture_output=True, text=True
        )
    if done.returncode != 0:
        raise SystemExit(f"build_ffi: {' '.join(cmd)} failed:\n{done.stderr}")
    return done.stdout


def constant_macros(header_path: Path, cc: str) -> List[str]:
    """The header's constants: object-like NACRE_* macros with a value (the attribute macros
    and the include guard are empty once preprocessed), as the preprocessor lists them."""
    names = []
    for line in _preprocess(header_path, cc, dump_macros=True).splitlines():
        words = line.split(maxsplit=2)
        is_constant = len(words) == 3 and words[0] == "#define" and "(" not in words[1]
        if is_constant and words[1].startswith("NACRE_"):
            names.append(words[1])
    return sorted(names)


def cdef_from_header(header_path: Path, cc: str) -> str:
    """The declarations cffi is given: the preprocessed header, plus each constant as
    ``#define NAME ...`` (its value comes from the compiler when the module is built)."""
    constants = "".join(f"#define {name} ...\n" for name in constant_macros(header_path, cc))
    return constants + _preprocess(header_path, cc, dump_macros=False)


def make_ffi(header_path: Path, cc: str) -> cffi.FFI:
    """Build the FFI object: cdef from the header, C source that includes it."""
    builder = cffi.FFI()
    builder.cdef(cdef_from_header(header_path, cc))
    # The build system that compiles the emitted C source adds the include path and links.
    builder.set_source(MODULE_NAME, f'#include "{header_path.name}"')
    return builder


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--header", required=True, type=Path, help="path of nacre.h")
    parser.add_argument(
        "--cc", default=os.environ.get("CC", "cc"), help="the C compiler whose preprocessor runs"
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--emit-c", metavar="OUT.c", help="write the generated C source")
    group.add_argument("--print-cdef", action="store_true", help="print the derived cdef")
    args = parser.parse_args(argv)
    if args.print_cdef:
        sys.stdout.write(cdef_from_header(args.header, args.cc))
        return 0
    out = Path(args.emit_c)
    out.parent.mkdir(parents=True, exist_ok=True)
    # cffi leaves the file (and its timestamp) alone when its content would not change, so a
    # build system does not recompile the extension needlessly.
    make_ffi(args.header, args.cc).emit_c_code(str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
