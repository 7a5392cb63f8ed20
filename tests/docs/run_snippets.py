#!/usr/bin/env python3
"""Compiles and runs every C, C++ and Python snippet of nacre's documentation.

The documents are README.md and docs/**/*.md (or the Markdown files given). markdown-it-py
finds their fenced code blocks; those whose info string is ``c``, ``cpp`` (or ``c++``) or
``python`` are each run on their own, and must exit 0:

- C: lines starting with ``#include`` go to the top and the rest into
  ``int main(void) { ... return 0; }`` (unless the snippet defines main itself), compiled with
  ``CC -std=c99 -Wall -Wextra -Werror`` against nacre.h and libnacre.so.
- C++: the same wrapping in ``int main() { ... }``, compiled with
  ``CXX -std=c++20 -Wall -Wextra -Werror`` against include/nacre and linked with libnacre.a.
- Python: run by this interpreter with PYTHONPATH=BUILD/python, in a temporary directory.

Other blocks (sh, text, ...) are not run. Compiler messages and Python tracebacks carry the
Markdown file's own line numbers. Each snippet is reported as FILE:LINE LANG ok/failed, with
the compiler's or interpreter's output on failure, then a one-line summary. Exits 1 when a
snippet failed or none was found, 2 on bad arguments.

Usage: run_snippets.py --source-root SRC --build-dir BUILD --cc CC --cxx CXX [FILE.md...]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from markdown_it import MarkdownIt

LANGUAGES: Dict[str, str] = {"c": "c", "cpp": "c++", "c++": "c++", "python": "python"}
ORDER = ("c", "c++", "python")
TIMEOUT = 300  # seconds for one compilation or one run

_MAIN = re.compile(r"^\s*int\s+main\s*\(", re.MULTILINE)


@dataclass(frozen=True)
class Snippet:
    path: Path  # the Markdown file
    shown: str  # its name in reports: relative to the source root where it is inside it
    line: int  # 1-based line of the opening fence
    lang: str  # "c", "c++" or "python"
    code: str

    @property
    def first_code_line(self) -> int:
        return self.line + 1

    @property
    def where(self) -> str:
        return f"{self.shown}:{self.line}"


@dataclass(frozen=True)
class Config:
    source_root: Path
    build_dir: Path
    cc: str
    cxx: str


def extract(path: Path, shown: str) -> Tuple[List[Snippet], int]:
    """The runnable snippets of one Markdown file, and how many other fenced blocks it has."""
    tokens = MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8"))
    snippets: List[Snippet] = []
    others = 0
    for token in tokens:
        if token.type != "fence" or token.map is None:
            continue
        words = token.info.split()
        lang = LANGUAGES.get(words[0].lower()) if words else None
        if lang is None:
            others += 1
            continue
        snippets.append(Snippet(path, shown, token.map[0] + 1, lang, token.content))
    return snippets, others


def _quoted(path: str) -> str:
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap(snippet: Snippet, main: str) -> str:
    """The snippet as a translation unit: #include lines first, the rest in main, with #line
    directives so that diagnostics point into the Markdown file."""
    name = _quoted(snippet.shown)
    lines = snippet.code.splitlines()
    if _MAIN.search(snippet.code):
        return f"#line {snippet.first_code_line} {name}\n{snippet.code}"
    head: List[str] = []
    body: List[str] = []
    for number, text in enumerate(lines, snippet.first_code_line):
        if text.lstrip().startswith("#include"):
            head += [f"#line {number} {name}", text]
            body.append("")  # keeps the lines of the body where they are
        else:
            body.append(text)
    return "\n".join(
        head + [main + " {", f"#line {snippet.first_code_line} {name}"] + body
        + ["return 0;", "}", ""]
    )


def _run(cmd: Sequence[str], cwd: Path, env: Optional[Dict[str, str]] = None) -> Tuple[bool, str]:
    try:
        done = subprocess.run(
            list(cmd), cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, errors="replace", timeout=TIMEOUT,
        )
    except FileNotFoundError as e:
        return False, f"cannot run {cmd[0]}: {e}\n"
    except subprocess.TimeoutExpired as e:
        out = e.stdout if isinstance(e.stdout, str) else ""
        return False, f"{out}{cmd[0]}: timed out after {TIMEOUT} s\n"
    if done.returncode != 0:
        return False, f"{done.stdout}{' '.join(cmd)}: exit status {done.returncode}\n"
    return True, done.stdout


def _compile_and_run(snippet: Snippet, config: Config, work: Path) -> Tuple[bool, str]:
    binary = work / "snippet"
    if snippet.lang == "c":
        source = work / "snippet.c"
        source.write_text(wrap(snippet, "int main(void)"), encoding="utf-8")
        lib = config.build_dir / "libnacre.so"
        cmd = [
            config.cc, "-std=c99", "-Wall", "-Wextra", "-Werror",
            f"-I{config.source_root / 'capi' / 'include'}", str(source), "-o", str(binary),
            str(lib), f"-Wl,-rpath,{lib.parent}",
        ]
    else:
        source = work / "snippet.cpp"
        source.write_text(wrap(snippet, "int main()"), encoding="utf-8")
        cmd = [
            config.cxx, "-std=c++20", "-Wall", "-Wextra", "-Werror",
            f"-I{config.source_root / 'include'}", str(source), "-o", str(binary),
            str(config.build_dir / "libnacre.a"), "-lpthread",
        ]
    ok, out = _run(cmd, work)
    if not ok:
        return False, out
    return _run([str(binary)], work)


def _run_python(snippet: Snippet, config: Config, work: Path) -> Tuple[bool, str]:
    # Blank lines first, so that a traceback's line numbers are the Markdown file's.
    header = f"# {snippet.where}: line numbers are {snippet.shown}'s"
    script = work / "snippet.py"
    script.write_text(
        header + "\n" * (snippet.first_code_line - 1) + snippet.code, encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(config.build_dir / "python"))
    return _run([sys.executable, str(script)], work, env)


def run(snippet: Snippet, config: Config) -> Tuple[bool, str]:
    with tempfile.TemporaryDirectory(prefix="nacre-snippet-") as tmp:
        work = Path(tmp)
        if snippet.lang == "python":
            return _run_python(snippet, config, work)
        return _compile_and_run(snippet, config, work)


def default_documents(source_root: Path) -> List[Path]:
    return [source_root / "README.md"] + sorted((source_root / "docs").glob("**/*.md"))


def _shown(path: Path, source_root: Path) -> str:
    try:
        return str(path.resolve().relative_to(source_root.resolve()))
    except ValueError:
        return str(path)


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.rstrip("\n").splitlines())


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        description="Compiles and runs every C, C++ and Python snippet of nacre's documentation."
    )
    parser.add_argument("--source-root", type=Path, required=True, help="the nacre checkout")
    parser.add_argument(
        "--build-dir", type=Path, required=True,
        help="a build tree with libnacre.so, libnacre.a and python/ (the extension)",
    )
    parser.add_argument("--cc", required=True, help="the C compiler")
    parser.add_argument("--cxx", required=True, help="the C++ compiler")
    parser.add_argument(
        "documents", nargs="*", type=Path, metavar="FILE.md",
        help="Markdown files (default: README.md and docs/**/*.md of the source root)",
    )
    args = parser.parse_args(argv)
    config = Config(args.source_root.resolve(), args.build_dir.resolve(), args.cc, args.cxx)

    documents: List[Path] = args.documents or default_documents(config.source_root)
    snippets: List[Snippet] = []
    others = 0
    for path in documents:
        if not path.is_file():
            parser.error(f"no such Markdown file: {path}")
        found, skipped = extract(path, _shown(path, config.source_root))
        snippets += found
        others += skipped

    failed = 0
    counts = dict.fromkeys(ORDER, 0)
    for snippet in snippets:
        ok, out = run(snippet, config)
        counts[snippet.lang] += 1
        print(f"{snippet.where} {snippet.lang} {'ok' if ok else 'failed'}", flush=True)
        if not ok:
            failed += 1
            sys.stdout.write(_indent(out))
    ran = ", ".join(f"{counts[lang]} {lang}" for lang in ORDER)
    print(
        f"doc snippets: {ran} from {len(documents)} file(s) ({others} other blocks not run): "
        f"{len(snippets) - failed} ok, {failed} failed"
    )
    if not snippets:
        print("doc snippets: no C, C++ or Python snippet found", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
