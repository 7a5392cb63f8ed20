"""Runs the interpreter's own ``test.test_hashlib`` or ``test.test_hmac`` with ``hashlib`` and
``hmac`` imported as nacre.hash and nacre.hmac, and prints a JSON summary on its last line.

Usage: python stdlib_shim.py hashlib|hmac [--only-excluded]  (test_stdlib_suites.py runs it in a
subprocess; nacre must be importable). ``--only-excluded`` runs just the tests :data:`EXCLUDED`
lists, unskipped, to show that each still needs what its reason names (none may pass). Exit
status 0 when the suite ran, whatever its results; 2 when the interpreter ships no such test
module.

The shim, all of it here:

- An import hook answers every import of ``hashlib`` and ``hmac`` (``import_fresh_module``
  ones included) with a module made of nacre.hash's or nacre.hmac's names, plus CPython's two
  private lookup hooks the suites read (``__get_builtin_constructor`` and its cache), mapped to
  nacre's constructors. ``hmac.HMAC``'s private ``_init_old``/``_init_hmac`` (CPython's two
  implementations) both run nacre's one, and 3.9's ``_openssl_md_meths`` table is empty.
- Algorithms no backend has (:data:`ABSENT`) are constructors that raise
  nacre.UnsupportedAlgorithm; the hashlib suite's table of constructors loses them, and keeps
  only nacre's constructors (the suite would also add CPython's ``_hashlib``/``_sha2`` ones,
  which test CPython, not nacre).
- The tests in :data:`EXCLUDED` are skipped, each with its reason; every other test runs.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import types
import unittest
from typing import Any, Dict, Optional, Sequence

import nacre
import nacre.hash
import nacre.hmac

#: Algorithms the stdlib suites use that neither backend has: BoringSSL and libsodium offer no
#: BLAKE2s and no SHA3-224/SHA3-384 (nacre has SHA3-256 and SHA3-512 from libsodium).
ABSENT = ("blake2s", "sha3_224", "sha3_384")

_NO_ALG = "needs {}, which no backend has"
_LEGACY = ("calls SHA-1/MD5 without usedforsecurity=False: nacre makes them only with it, by "
           "design (they are broken for security use)")
_BLAKE2_PARAMS = ("BLAKE2b digests under 16 bytes and tree parameters (fanout, depth, "
                  "leaf_size, node_offset, node_depth, inner_size, last_node): libsodium offers "
                  "16-64-byte digests and sequential hashing only")
_CPYTHON = "CPython's implementation detail: {}"

#: test method name -> why it is skipped. The names are the same on every CPython from 3.8.
EXCLUDED: Dict[str, Dict[str, str]] = {
    "hashlib": {
        "test_blake2s": _NO_ALG.format("BLAKE2s"),
        "test_case_blake2s_0": _NO_ALG.format("BLAKE2s"),
        "test_case_blake2s_1": _NO_ALG.format("BLAKE2s"),
        "test_case_blake2s_all_parameters": _NO_ALG.format("BLAKE2s"),
        "test_blocksize_name_blake2": _NO_ALG.format("BLAKE2s (with BLAKE2b)"),
        "test_no_unicode_blake2": _NO_ALG.format("BLAKE2s (with BLAKE2b)"),
        "test_case_sha3_224_0": _NO_ALG.format("SHA3-224"),
        "test_case_sha3_224_vector": _NO_ALG.format("SHA3-224"),
        "test_case_sha3_384_0": _NO_ALG.format("SHA3-384"),
        "test_case_sha3_384_vector": _NO_ALG.format("SHA3-384"),
        "test_extra_sha3": _NO_ALG.format("SHA3-224 and SHA3-384 (with the others)"),
        "test_blocksize_name_sha3": _NO_ALG.format("SHA3-224 and SHA3-384 (with the others)"),
        "test_no_unicode_sha3": _NO_ALG.format("SHA3-224 and SHA3-384 (with the others)"),
        "test_algorithms_guaranteed": _NO_ALG.format("BLAKE2s, SHA3-224 and SHA3-384 in "
                                                     "algorithms_guaranteed"),
        "test_blake2b": _BLAKE2_PARAMS,
        "test_case_blake2b_all_parameters": _BLAKE2_PARAMS,
        "test_case_sha1_0": _LEGACY,
        "test_case_sha1_1": _LEGACY,
        "test_case_sha1_2": _LEGACY,
        "test_case_sha1_3": _LEGACY,
        "test_no_unicode": _LEGACY,
        "test_threaded_hashing": _LEGACY,
        "test_usedforsecurity_true": _LEGACY,
        "test_get_builtin_constructor": _CPYTHON.format(
            "the cache of the _md5 module's constructors"),
    },
    "hmac": {
        "test_attributes_old": _CPYTHON.format("the pure-Python HMAC's _inner/_outer hashes"),
        "test_realcopy_old": _CPYTHON.format("the pure-Python HMAC's _inner/_outer hashes"),
        "test_realcopy_hmac": _CPYTHON.format("the _hmac object of the OpenSSL HMAC"),
        # Python 3.9's names for the same checks of the pure-Python HMAC's inner state.
        "test_attributes": _CPYTHON.format("the pure-Python HMAC's _inner/_outer/_digest_cons"),
        "test_properties": _CPYTHON.format("the pure-Python HMAC's inner/outer properties"),
        "test_realcopy": _CPYTHON.format("the pure-Python HMAC's _inner/_outer hashes"),
        "test_hmac_compare_digest": _CPYTHON.format(
            "hmac.compare_digest being _operator's or _hashlib's C function (nacre's is "
            "libsodium's sodium_memcmp)"),
        "test_with_fallback": _CPYTHON.format(
            "HMAC over any name put in hashlib's private constructor cache"),
        "test_legacy_block_size_warnings": (
            "HMAC over an arbitrary Python hash object: nacre computes HMAC in its backends, "
            "over their hashes only, and refuses other digestmods (TypeError)"),
    },
}


def _absent(name: str) -> Any:
    def constructor(*args: Any, **kwargs: Any) -> Any:
        raise nacre.UnsupportedAlgorithm(f"{name}: no backend has it")

    constructor.__name__ = name
    return constructor


def _hashlib_module() -> types.ModuleType:
    mod = types.ModuleType("hashlib", nacre.hash.__doc__)
    mod.__dict__.update({k: v for k, v in vars(nacre.hash).items() if not k.startswith("__")})
    mod.__all__ = list(nacre.hash.__all__)
    for name in ABSENT:
        setattr(mod, name, _absent(name))
    cache: Dict[str, Any] = {}

    def get_builtin_constructor(name: str) -> Any:
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        if name not in cache:
            known = name in mod.algorithms_available or name in ABSENT
            constructor = getattr(mod, name, None) if known else None
            if constructor is None:
                raise ValueError(f"unsupported hash type {name}")
            cache[name] = cache[name.upper()] = constructor
        return cache[name]

    mod.__dict__["__get_builtin_constructor"] = get_builtin_constructor
    mod.__dict__["__builtin_constructor_cache"] = cache
    return mod


def _hmac_module() -> types.ModuleType:
    mod = types.ModuleType("hmac", nacre.hmac.__doc__)
    mod.__dict__.update({k: v for k, v in vars(nacre.hmac).items() if not k.startswith("__")})
    mod.__all__ = list(nacre.hmac.__all__)

    class HMAC(nacre.hmac.HMAC):
        __slots__ = ()

        def _init_old(self, key: bytes, msg: Optional[bytes], digestmod: Any) -> None:
            nacre.hmac.HMAC.__init__(self, key, msg, digestmod)

        _init_hmac = _init_old

    HMAC.__name__ = HMAC.__qualname__ = "HMAC"
    mod.HMAC = HMAC
    # Python 3.9's suite patches this private table (which digests OpenSSL speeds up); nacre has
    # one implementation, so the table is empty and changes nothing.
    mod.__dict__["_openssl_md_meths"] = {}
    return mod


class _Loader(importlib.abc.Loader):
    def __init__(self, module: types.ModuleType) -> None:
        self.module = module

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, modules: Dict[str, types.ModuleType]) -> None:
        self.modules = modules

    def find_spec(self, name: str, path: Optional[Sequence[str]] = None,
                  target: Optional[types.ModuleType] = None) -> Any:
        if name in self.modules:
            return importlib.util.spec_from_loader(name, _Loader(self.modules[name]))
        return None


def _only_nacre_constructors(test_module: types.ModuleType) -> None:
    cls = test_module.HashLibTestCase
    original = cls.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        for alg in list(self.constructors_to_test):
            if alg in ABSENT:
                del self.constructors_to_test[alg]
            else:
                self.constructors_to_test[alg] = {
                    c for c in self.constructors_to_test[alg]
                    if getattr(c, "__module__", "").startswith(("nacre", test_module.__name__))
                }

    cls.__init__ = __init__


def _skip_excluded(suite: unittest.TestSuite, reasons: Dict[str, str], seen: set) -> None:
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            _skip_excluded(test, reasons, seen)
            continue
        name = getattr(test, "_testMethodName", "")
        if name in reasons:
            seen.add(name)
            setattr(test, name, unittest.skip(f"nacre shim: {reasons[name]}")(getattr(test, name)))


def _only(suite: unittest.TestSuite, names: Dict[str, str]) -> unittest.TestSuite:
    kept = unittest.TestSuite()
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            kept.addTests(_only(test, names))
        elif getattr(test, "_testMethodName", "") in names:
            kept.addTest(test)
    return kept


def main(argv: Sequence[str]) -> int:
    which = argv[1]
    only_excluded = "--only-excluded" in argv[2:]
    modules = {"hashlib": _hashlib_module(), "hmac": _hmac_module()}
    sys.meta_path.insert(0, _Finder(modules))
    sys.modules.update(modules)
    if importlib.util.find_spec(f"test.test_{which}") is None:
        return 2
    test_module = importlib.import_module(f"test.test_{which}")
    if which == "hashlib":
        _only_nacre_constructors(test_module)
    suite = unittest.defaultTestLoader.loadTestsFromModule(test_module)
    if only_excluded:
        suite = _only(suite, EXCLUDED[which])
        ids = [t.id() for t in suite]  # before running: a run drops its tests
        result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
        bad = {t.id() for t, _ in result.failures + result.errors + result.skipped}
        print(json.dumps({"ran": len(ids), "passed": sorted(i for i in ids if i not in bad)}))
        return 0
    total = suite.countTestCases()
    excluded: set = set()
    _skip_excluded(suite, EXCLUDED[which], excluded)
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2).run(suite)
    shim_skips = [t.id() for t, why in result.skipped if why.startswith("nacre shim:")]
    print(json.dumps({
        "suite": f"test_{which}",
        "python": sys.version.split()[0],
        "total": total,
        "passed": total - len(result.failures) - len(result.errors) - len(result.skipped)
        - len(result.unexpectedSuccesses) - len(result.expectedFailures),
        "failures": [t.id() for t, _ in result.failures],
        "errors": [t.id() for t, _ in result.errors],
        "unexpected_successes": [t.id() for t in result.unexpectedSuccesses],
        "skipped_by_shim": shim_skips,
        "skipped_by_suite": [t.id() for t, why in result.skipped
                             if not why.startswith("nacre shim:")],
        "exclusions_present": sorted(excluded),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
