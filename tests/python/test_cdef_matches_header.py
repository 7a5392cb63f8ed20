"""The compiled CFFI module matches capi/include/nacre.h: every function, every constant.

Interpreter and nacre: see conftest.py.

The header is read the way the build reads it, through the C preprocessor (build_ffi.py), and
then parsed by pycparser, a C99 parser (cffi's own dependency): no parser of nacre's. The types
the compiled module gives each function are compared with the types of its declaration, as
cffi's type parser reads them, so typedefs and spelling cannot make a difference.
"""

from __future__ import annotations

import importlib.util
import os
from typing import Dict, List, Tuple

import pytest
from pycparser import c_ast, c_generator, c_parser

from nacre._nacre import ffi, lib
from vectors import REPO_ROOT, header_path

_spec = importlib.util.spec_from_file_location(
    "build_ffi", REPO_ROOT / "bindings" / "python" / "build_ffi.py"
)
assert _spec is not None and _spec.loader is not None
build_ffi = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_ffi)

CC = os.environ.get("CC", "cc")
# cffi knows these itself; pycparser only needs to know that they name types.
_KNOWN_TYPES = "typedef int size_t, uint8_t, uint16_t, uint32_t, uint64_t, int64_t;\n"


def _declarations() -> c_ast.FileAST:
    text = build_ffi._preprocess(header_path(), CC, dump_macros=False)
    return c_parser.CParser().parse(_KNOWN_TYPES + text, filename="nacre.h")


def _without_names(node: c_ast.Node) -> c_ast.Node:
    """The declarator with its declared name (and its parameters' names) removed."""
    if isinstance(node, c_ast.TypeDecl):
        node.declname = None
    for _, child in node.children():
        _without_names(child)
    return node


def _functions(ast: c_ast.FileAST) -> Dict[str, str]:
    """name -> the function's pointer type as C text, for every function the header declares."""
    gen = c_generator.CGenerator()
    out: Dict[str, str] = {}
    for decl in ast.ext:
        if isinstance(decl, c_ast.Decl) and isinstance(decl.type, c_ast.FuncDecl):
            pointer = c_ast.PtrDecl(quals=[], type=_without_names(decl.type))
            typename = c_ast.Typename(name=None, quals=[], align=None, type=pointer)
            out[decl.name] = gen.visit(typename)
    return out


def _enumerators(ast: c_ast.FileAST) -> List[Tuple[str, int]]:
    """(name, value) of every enumerator; the header gives each an explicit value."""
    gen = c_generator.CGenerator()
    found: List[Tuple[str, int]] = []

    class Visitor(c_ast.NodeVisitor):
        def visit_Enumerator(self, node: c_ast.Enumerator) -> None:
            assert node.value is not None, f"{node.name} has no explicit value"
            found.append((node.name, int(gen.visit(node.value).replace(" ", ""), 0)))

    Visitor().visit(ast)
    return found


AST = _declarations()
FUNCTIONS = _functions(AST)
ENUMERATORS = _enumerators(AST)
MACROS = build_ffi.constant_macros(header_path(), CC)


def test_header_read() -> None:
    # Guards the reading above: nothing found would pass every test below.
    assert len(FUNCTIONS) >= 90, sorted(FUNCTIONS)
    for name in ("nacre_status_name", "nacre_hash", "nacre_hmac_ctx_verify", "nacre_random_bytes"):
        assert name in FUNCTIONS
    assert ("NACRE_OK", 0) in ENUMERATORS and ("NACRE_ERR_INVALID_ARGUMENT", -1) in ENUMERATORS
    assert len(ENUMERATORS) >= 50
    assert "NACRE_SECRETSTREAM_OVERHEAD" in MACROS and "NACRE_EXPORT" not in MACROS


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_function_exists_with_header_signature(name: str) -> None:
    assert hasattr(lib, name), f"{name} is declared in nacre.h but missing from nacre._nacre.lib"
    assert ffi.typeof(getattr(lib, name)) == ffi.typeof(FUNCTIONS[name]), name


@pytest.mark.parametrize(("name", "value"), ENUMERATORS)
def test_enumerator_value(name: str, value: int) -> None:
    assert getattr(lib, name) == value


@pytest.mark.parametrize("name", MACROS)
def test_constant_macro_exists(name: str) -> None:
    # Its value is the compiler's (the cdef says `#define NAME ...`): only its presence can drift.
    assert isinstance(getattr(lib, name), int)


def test_no_function_beyond_header() -> None:
    # The cdef is derived from the header: nothing else may be callable.
    exported = {n for n in dir(lib) if n.startswith("nacre_")}
    assert exported == set(FUNCTIONS)
