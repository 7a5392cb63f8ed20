"""Writes the C source of ``nacre._nacre``, the CFFI extension (out-of-line API mode).

    python build_ffi.py --header capi/include/nacre.h --emit-c OUT.c
    python build_ffi.py --header capi/include/nacre.h --print-cdef

The cdef is derived from the C header at build time, so the Python declarations cannot drift
from the C ABI. CMake (bindings/python/CMakeLists.txt) runs this and compiles the result against
the limited API; it needs nothing but the standard library and cffi, and is not installed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import cffi

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


def make_ffi(header_path: Path) -> cffi.FFI:
    """Build the FFI object: cdef from the header, C source that includes it."""
    header = header_path.read_text(encoding="utf-8")
    builder = cffi.FFI()
    builder.cdef(cdef_from_header(header))
    # The build system that compiles the emitted C source adds the include path and links.
    builder.set_source(MODULE_NAME, f'#include "{header_path.name}"')
    return builder


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--header", required=True, type=Path, help="path of nacre.h")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--emit-c", metavar="OUT.c", help="write the generated C source")
    group.add_argument("--print-cdef", action="store_true", help="print the derived cdef")
    args = parser.parse_args(argv)
    if args.print_cdef:
        sys.stdout.write(cdef_from_header(args.header.read_text("utf-8")))
        return 0
    out = Path(args.emit_c)
    out.parent.mkdir(parents=True, exist_ok=True)
    # cffi leaves the file (and its timestamp) alone when its content would not change, so a
    # build system does not recompile the extension needlessly.
    make_ffi(args.header).emit_c_code(str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
