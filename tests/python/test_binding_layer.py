"""The package's two layers: ``nacre._binding`` owns every cffi call, buffer acquisition and
output allocation; the public modules above it never touch cffi. Checked on the source, so a
shortcut taken later fails here rather than in a crash."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, List, Set

import pytest

import nacre

PACKAGE = Path(nacre.__file__).parent
BINDING = PACKAGE / "_binding"
PUBLIC = sorted(
    p for p in PACKAGE.rglob("*.py") if BINDING not in p.parents
)
# What only the binding layer may import: the extension module and its buffer and status code.
LOW_LEVEL = {"_nacre", "_binding.buffers", "_binding.status", "cffi", "_cffi_backend", "ctypes"}


def _type_only(tree: ast.AST) -> Set[ast.AST]:
    """The import nodes under ``if TYPE_CHECKING:`` (annotations only, never run)."""
    return {
        child
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        for stmt in node.body
        for child in ast.walk(stmt)
    }


def _imports(tree: ast.AST) -> Iterator[str]:
    skip = _type_only(tree)
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = (node.module or "").lstrip(".")
            yield base
            for alias in node.names:
                yield f"{base}.{alias.name}" if base else alias.name
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _module_id(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def test_the_layers_exist() -> None:
    assert len(PUBLIC) >= 20, PUBLIC
    assert (BINDING / "buffers.py").is_file()


def _violations(path: Path) -> List[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    bad: List[str] = []
    for name in _imports(tree):
        if any(name == low or name.endswith("." + low) or name.startswith(low + ".")
               for low in LOW_LEVEL):
            bad.append(f"imports {name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in ("ffi", "lib"):
            bad.append(f"line {node.lineno}: uses {node.id}")
    return bad


@pytest.mark.parametrize("path", PUBLIC, ids=_module_id)
def test_public_modules_do_not_touch_cffi(path: Path) -> None:
    assert _violations(path) == []


def test_the_layer_check_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from ._nacre import ffi, lib\nfrom ._binding.buffers import readable\n"
                   "out = ffi.new('uint8_t[]', 4)\n")
    found = _violations(bad)
    assert "imports _nacre" in found and "imports _binding.buffers" in found
    assert "line 3: uses ffi" in found


def test_buffers_are_acquired_in_one_module() -> None:
    # Every view of a caller's buffer is taken by _binding.buffers, inside a borrowing scope that
    # releases it on every path; no other module may call ffi.from_buffer.
    takers = [
        _module_id(p) for p in BINDING.rglob("*.py")
        if p.name != "buffers.py" and "from_buffer" in p.read_text(encoding="utf-8")
    ]
    assert takers == []
