"""CFFI build script for ``nacre._nacre`` (out-of-line API mode).

The cdef is derived from the C header ``capi/include/nacre.h`` at build time, so the Python
declarations cannot drift from the C ABI. The header is found through, in order:

- ``NACRE_INCLUDE_DIR`` (a folder holding ``nacre.h``, e.g. an installed copy),
- ``NACRE_SOURCE_DIR`` (the repository root, when this package was copied out of it),
- ``capi/include/nacre.h`` in the repository that holds this file.

Uses:

- ``setup.py`` names ``nacre/_build.py:ffi`` in ``cffi_modules``; it adds the link options.
- ``python3 _build.py --emit-c OUT.c`` writes the generated C source, for build systems (CMake)
  that compile and link the extension themselves.
- ``python3 _build.py --print-cdef`` shows the derived declarations.

This file runs at build time only and needs nothing but the standard library and cffi.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import cffi

HEADER_NAME = "nacre.h"
MODULE_NAME = "nacre._nacre"

# Attribute macros that mark declarations in the header but mean nothing to cffi's parser.
# Others of the same shape (an object-like macro expanding to nothing or to __attribute__)
# are found in the header itself, so a new one does not need an edit here.
_ATTRIBUTE_MACROS = ("NACRE_EXPORT", "NACRE_WARN_UNUSED_RESULT")

_COMMENT_OR_STRING = re.compile(
    r'//[^\n]*|/\*.*?\*/|("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')', re.S
)
_DEFINE = re.compile(r"#\s*define\s+([A-Za-z_]\w*)(\([^)]*\))?\s*(.*)$")
# An integer literal, bare or in <stdint.h>'s constant macros (UINT64_C(4294967296)).
_INT_LITERAL = re.compile(
    r"^(?:U?INT(?:8|16|32|64|MAX)_C\s*)?\(?\s*-?\s*(0[xX][0-9A-Fa-f]+|\d+)[uUlL]*\s*\)?$"
)


def repo_root() -> Path:
    """The repository root: bindings/python/nacre/_build.py -> three levels up."""
    return Path(__file__).resolve().parent.parent.parent.parent


def find_include_dir() -> Path:
    """The folder holding nacre.h (see the module docstring for the search order)."""
    candidates: List[Tuple[str, Path]] = []
    if os.environ.get("NACRE_INCLUDE_DIR"):
        candidates.append(("NACRE_INCLUDE_DIR", Path(os.environ["NACRE_INCLUDE_DIR"])))
    if os.environ.get("NACRE_SOURCE_DIR"):
        candidates.append(
            ("NACRE_SOURCE_DIR", Path(os.environ["NACRE_SOURCE_DIR"]) / "capi" / "include")
        )
    candidates.append(("the repository", repo_root() / "capi" / "include"))
    for _, folder in candidates:
        if (folder / HEADER_NAME).is_file():
            return folder.resolve()
    tried = ", ".join(f"{folder / HEADER_NAME} ({how})" for how, folder in candidates)
    raise FileNotFoundError(
        f"{HEADER_NAME} not found; tried {tried}. Set NACRE_INCLUDE_DIR to the folder holding "
        f"{HEADER_NAME}, or NACRE_SOURCE_DIR to the nacre repository."
    )


def _strip_comments(text: str) -> str:
    # String literals are matched (and kept) so that a "//" or "/*" inside one is not a comment.
    return _COMMENT_OR_STRING.sub(lambda m: m.group(1) or " ", text)


def _is_cplusplus_condition(directive: str, rest: str) -> Optional[bool]:
    """For a conditional on __cplusplus, whether its first branch is taken in C; else None."""
    if "__cplusplus" not in rest:
        return None
    if directive == "ifdef":
        return False
    if directive == "ifndef":
        return True
    return "!" in rest  # "#if defined(__cplusplus)" / "#if !defined(__cplusplus)"


def cdef_from_header(text: str) -> str:
    """Turn the C header into declarations cffi's parser accepts.

    Comments and preprocessor lines go; lines inside ``#ifdef __cplusplus`` (the ``extern "C"``
    braces) go; the attribute macros go; typedefs, enums and prototypes stay. Object-like macros
    that expand to an integer literal become cffi constants (``#define NAME ...``), whose values
    the compiler supplies.
    """
    text = _strip_comments(text.replace("\\\n", " "))
    attribute_macros = set(_ATTRIBUTE_MACROS)
    constants: List[str] = []
    kept: List[str] = []
    # One entry per open conditional: (is a __cplusplus conditional, lines are kept).
    stack: List[Tuple[bool, bool]] = []

    def active() -> bool:
        return all(keep for _, keep in stack)

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if active():
                kept.append(line)
            continue
        directive, _, rest = stripped[1:].strip().partition(" ")
        rest = rest.strip()
        if directive in ("if", "ifdef", "ifndef"):
            taken = _is_cplusplus_condition(directive, rest)
            stack.append((taken is not None, True if taken is None else taken))
        elif directive in ("else", "elif"):
            if stack and stack[-1][0]:
                stack[-1] = (True, not stack[-1][1])
        elif directive == "endif":
            if stack:
                stack.pop()
        elif directive == "define" and active():
            match = _DEFINE.match("#" + stripped[1:].strip())
            if match and not match.group(2):
                name, body = match.group(1), match.group(3).strip()
                if not body or body.startswith("__attribute__"):
                    attribute_macros.add(name)
                elif _INT_LITERAL.match(body) and name.startswith("NACRE_"):
                    constants.append(f"#define {name} ...")
        # #include, #pragma, #undef, #error: nothing for cffi.

    # Macros that are defined as nothing in one branch and as __attribute__ in the other are
    # both found above; the include guard (an empty macro) is harmless to strip too.
    body = "\n".join(kept)
    for name in sorted(attribute_macros):
        body = re.sub(rf"\b{re.escape(name)}\b", "", body)
    # Belt and braces: an `extern "C"` outside a __cplusplus guard would break the C parser.
    body = re.sub(r'extern\s+"C"\s*\{', "", body)
    body = re.sub(r"\s+;", ";", body)

    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in (constants + body.splitlines())]
    out: List[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip() + "\n"


def make_ffi(include_dir: Optional[Path] = None) -> cffi.FFI:
    """Build the FFI object: cdef from the header, C source that includes it."""
    include_dir = include_dir or find_include_dir()
    header = (include_dir / HEADER_NAME).read_text(encoding="utf-8")
    builder = cffi.FFI()
    builder.cdef(cdef_from_header(header))
    # Link options (static libnacre.a or shared libnacre.so) are added by setup.py, or by the
    # build system that compiles the emitted C source.
    builder.set_source(MODULE_NAME, f'#include "{HEADER_NAME}"', include_dirs=[str(include_dir)])
    return builder


ffi = make_ffi()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--emit-c", metavar="OUT.c", help="write the generated C source")
    group.add_argument("--print-cdef", action="store_true", help="print the derived cdef")
    args = parser.parse_args(argv)
    if args.print_cdef:
        sys.stdout.write(cdef_from_header((find_include_dir() / HEADER_NAME).read_text("utf-8")))
        return 0
    out = Path(args.emit_c)
    out.parent.mkdir(parents=True, exist_ok=True)
    # cffi leaves the file (and its timestamp) alone when its content would not change, so a
    # build system does not recompile the extension needlessly.
    ffi.emit_c_code(str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
