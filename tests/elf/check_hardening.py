#!/usr/bin/env python3
"""Fails unless each ELF file given has the hardening nacre builds with (cmake/Hardening.cmake):

- full RELRO: a GNU_RELRO segment and BIND_NOW (relocations resolved at load, then read-only);
- NX: a GNU_STACK segment without execute permission;
- stack protector: __stack_chk_fail is imported (-fstack-protector-strong instrumented code);
- FORTIFY: at least one glibc __*_chk function is imported (-D_FORTIFY_SOURCE=2), unless
  --no-fortify (sanitizer builds, where ASan does those checks instead);
- executables are position independent (ELF type DYN).

Reads `readelf` output (binutils). Usage: check_hardening.py [--no-fortify] FILE...
With --expect-missing it succeeds only when every check fails (the test of the checker itself,
run on a program built without any of it).
"""
import argparse
import re
import subprocess
import sys


def readelf(*args):
    return subprocess.run(["readelf", "-W", *args], check=True, capture_output=True,
                          text=True).stdout


def problems(path, fortify):
    found = []
    segments = readelf("-l", path)
    if not re.search(r"^\s*GNU_RELRO\s", segments, re.M):
        found.append("no GNU_RELRO segment (RELRO)")
    stack = re.search(r"^\s*GNU_STACK\s.*\s(R?W?E?)\s+0x[0-9a-f]+$", segments, re.M)
    if not stack:
        found.append("no GNU_STACK segment (NX unknown)")
    elif "E" in stack.group(1):
        found.append("executable stack (no NX)")
    dynamic = readelf("-d", path)
    if not re.search(r"\(FLAGS\)\s+.*BIND_NOW|\(FLAGS_1\)\s+Flags:.*\bNOW\b", dynamic):
        found.append("no BIND_NOW (partial RELRO only)")
    symbols = readelf("--dyn-syms", path)
    if not re.search(r"\bUND\s+__stack_chk_fail\b", symbols):
        found.append("__stack_chk_fail not imported (no stack protector)")
    if fortify and not re.search(r"\bUND\s+__\w+_chk\b", symbols):
        found.append("no __*_chk import (no FORTIFY)")
    header = readelf("-h", path)
    if "EXEC (Executable file)" in header:
        found.append("not position independent (ELF type EXEC)")
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--no-fortify", action="store_true")
    p.add_argument("--expect-missing", action="store_true")
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    failed = False
    for path in args.files:
        found = problems(path, not args.no_fortify)
        if args.expect_missing:
            print(f"{path}: {len(found)} of 6 checks fail: " + "; ".join(found))
            failed |= len(found) != 6
            continue
        print(f"{path}: " + ("; ".join(found) if found else
                             "full RELRO, NX, stack protector" +
                             ("" if args.no_fortify else ", FORTIFY") + ", PIE/DYN"))
        failed |= bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
