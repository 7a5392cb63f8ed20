"""The compiled CFFI module matches capi/include/nacre.h: every function, every constant.

Interpreter and nacre: see conftest.py.

The header is read here with its own small parser (not the one in nacre/_build.py), so a fault in
the build script's derivation of the cdef cannot hide itself.
"""

from __future__ import annotations

import re
from typing import Dict, List, Tuple

import pytest

from nacre._nacre import ffi, lib
from vectors import header_path

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def _header_text() -> str:
    return _COMMENT.sub(" ", header_path().read_text(encoding="utf-8"))


def _prototypes() -> Dict[str, Tuple[str, List[str]]]:
    """name -> (return type, parameter types), for every NACRE_EXPORT declaration."""
    protos: Dict[str, Tuple[str, List[str]]] = {}
    for match in re.finditer(
        r"NACRE_EXPORT\s+(?P<ret>[\w\s\*]+?)\s*\b(?P<name>nacre_\w+)\s*\((?P<params>[^)]*)\)",
        _header_text(),
    ):
        params = [p.strip() for p in match["params"].split(",")]
        types = []
        for param in params:
            if param == "void":
                continue
            # Drop the parameter name: the last identifier (types here are never bare names).
            types.append(re.sub(r"\s*\b\w+$", "", param).strip())
        protos[match["name"]] = (match["ret"].strip(), types)
    return protos


def _constants() -> Dict[str, int]:
    """NACRE_* = value, from every enum in the header."""
    consts: Dict[str, int] = {}
    enumerator = r"\b(NACRE_\w+)\s*=\s*(-?\s*(?:0[xX][0-9a-fA-F]+|\d+))"
    for body in re.findall(r"\benum\b[^{;]*\{([^}]*)\}", _header_text()):
        for name, value in re.findall(enumerator, body):
            consts[name] = int(value.replace(" ", ""), 0)
    return consts


def _typedefs() -> Dict[str, str]:
    """typedef name -> what cffi calls the type ("nacre_hash_ctx" -> "struct nacre_hash_ctx")."""
    text = _header_text()
    names = {alias: f"struct {tag}" for tag, alias in
             re.findall(r"typedef\s+struct\s+(\w+)\s+(\w+)\s*;", text)}
    names.update({alias: f"struct {tag}" for tag, alias in
                  re.findall(r"typedef\s+struct\s+(\w+)\s*\{[^}]*\}\s*(\w+)\s*;", text)})
    names.update({alias: f"enum {tag}" for tag, alias in
                  re.findall(r"typedef\s+enum\s+(\w+)\s*\{[^}]*\}\s*(\w+)\s*;", text)})
    return names


def _normalise(ctype: str) -> str:
    """C type text as cffi prints it: typedefs resolved, no const, single spaces."""
    for alias, real in TYPEDEFS.items():
        ctype = re.sub(rf"(?<!struct )(?<!enum )\b{alias}\b", real, ctype)
    ctype = re.sub(r"\bconst\b", "", ctype)
    ctype = re.sub(r"\s+", " ", ctype).strip()
    return re.sub(r"\s*\*", " *", ctype).replace("* *", "**")


TYPEDEFS = _typedefs()
PROTOTYPES = _prototypes()
CONSTANTS = _constants()


def test_header_parsed() -> None:
    # Guards the parsers above: a regex that silently matched nothing would pass every test below.
    assert len(PROTOTYPES) >= 30, sorted(PROTOTYPES)
    for name in ("nacre_status_name", "nacre_hash", "nacre_hmac_ctx_verify", "nacre_random_bytes"):
        assert name in PROTOTYPES
    assert CONSTANTS["NACRE_OK"] == 0
    assert CONSTANTS["NACRE_ERR_INVALID_ARGUMENT"] == -1
    assert len(CONSTANTS) >= 20, sorted(CONSTANTS)
    assert TYPEDEFS["nacre_hash_ctx"] == "struct nacre_hash_ctx"


@pytest.mark.parametrize("name", sorted(PROTOTYPES))
def test_function_exists_with_header_signature(name: str) -> None:
    assert hasattr(lib, name), f"{name} is declared in nacre.h but missing from nacre._nacre.lib"
    ret, params = PROTOTYPES[name]
    ftype = ffi.typeof(getattr(lib, name))
    assert _normalise(ftype.result.cname) == _normalise(ret), name
    got = [_normalise(arg.cname) for arg in ftype.args]
    assert got == [_normalise(p) for p in params], name


@pytest.mark.parametrize("name", sorted(CONSTANTS))
def test_constant_value(name: str) -> None:
    assert hasattr(lib, name), f"{name} is in nacre.h but missing from nacre._nacre.lib"
    assert getattr(lib, name) == CONSTANTS[name]


def test_no_function_beyond_header() -> None:
    # The cdef is derived from the header: nothing else may be callable.
    exported = {n for n in dir(lib) if n.startswith("nacre_")}
    assert exported == set(PROTOTYPES)
