"""bench/python/bench.py works: every case runs and gives the same output as its peers, and the
report (and its JSON) has the expected shape. Tiny settings; no timing is asserted.

Interpreter and nacre: see conftest.py. The peers
(pyca/cryptography, PyNaCl) are used when importable; hashlib and hmac always are.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "python" / "bench.py"

RESULT_KEYS = {
    "op", "algorithm", "size", "mode", "impl", "api", "ref", "calls_per_repeat", "repeats_s",
    "time_s", "mb_per_s", "faults_per_call", "ratio", "vs",
}
THREAD_KEYS = {"impl", "algorithm", "size", "calls_per_thread", "mb_per_s_1", "mb_per_s_2", "ratio"}
TARGET_KEYS = {"name", "met", "value", "threshold", "detail"}


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("nacre_bench_python", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    no_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = no_bytecode
    try:
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def _tiny(bench: ModuleType, **kwargs: Any) -> Dict[str, Any]:
    settings: Dict[str, Any] = dict(
        repeats=1, target_seconds=1e-5, thread_size=4096, thread_calls=2, thread_repeats=1,
        aead_sizes=(64,), hash_sizes=(64,),
    )
    settings.update(kwargs)
    return bench.run(**settings)


def _check_shape(report: Dict[str, Any]) -> None:
    assert set(report) == {"meta", "results", "threads", "targets"}
    assert {"python", "executable", "cpu_count", "versions", "repeats", "malloc", "ratio"} <= set(
        report["meta"]
    )
    assert report["meta"]["versions"]["nacre"]
    for r in report["results"]:
        assert set(r) == RESULT_KEYS
        assert r["time_s"] > 0 and r["calls_per_repeat"] >= 1
    for t in report["threads"]:
        assert set(t) == THREAD_KEYS
        assert t["mb_per_s_1"] > 0 and t["mb_per_s_2"] > 0
    for t in report["targets"]:
        assert set(t) == TARGET_KEYS
        assert t["met"] in (True, False, None)


def test_every_case_agrees_with_its_peers(bench: ModuleType) -> None:
    # Each statement runs once; same algorithm and input -> same digest, tag, signature,
    # shared secret; every decryption gives back the plaintext.
    cases = bench.build_cases(aead_sizes=(64, 1024), hash_sizes=(64, 1000))
    assert {c.op for c in cases} == set(bench.OPERATIONS)
    bench.check_outputs(cases)
    refs = {(c.op, c.algorithm, c.size, c.mode) for c in cases if c.ref}
    for c in cases:  # every algorithm a peer measures either is nacre's or, for AEADs, pooled
        if not c.is_nacre and not c.op.startswith("aead-"):
            assert (c.op, c.algorithm, c.size, c.mode) in refs


def test_one_operation_tiny_run(bench: ModuleType) -> None:
    report = _tiny(bench, only=["sha256"])
    _check_shape(report)
    rows = report["results"]
    assert {r["op"] for r in rows} == {"sha256"}
    assert {r["impl"] for r in rows} >= {"nacre", "hashlib"}
    for r in rows:
        assert r["ratio"] is not None and r["ratio"] > 0  # hashlib is always a peer
        assert len(r["repeats_s"]) == 1
    assert [t["impl"] for t in report["threads"]][:2] == ["nacre", "nacre"]
    text = bench.report_text(report)
    assert "sha256, 64 B" in text and "targets" in text


def test_aead_rows_and_targets(bench: ModuleType) -> None:
    report = _tiny(bench, only=["aead-encrypt"], threads=False)
    _check_shape(report)
    rows = report["results"]
    assert {r["mode"] for r in rows} == {"reused", "per-call"}
    nacre_algs = {r["algorithm"] for r in rows if r["impl"] == "nacre"}
    assert nacre_algs == set(bench.NACRE_AEADS)
    if len({r["impl"] for r in rows}) > 1:  # a peer is installed: AEGIS is compared with it
        aegis = [r for r in rows if r["algorithm"] == "aegis-128l" and r["impl"] == "nacre"]
        assert all(r["ratio"] is not None and "fastest peer AEAD" in r["vs"] for r in aegis)
    # The bare C ABI rows: one per nacre algorithm, compared with the Python row.
    c_abi = [r for r in rows if r["impl"] == "c-abi"]
    assert {r["algorithm"] for r in c_abi} == set(bench.NACRE_AEADS)
    assert all(r["mode"] == "reused" and r["ratio"] is not None for r in c_abi)
    names = [t["name"] for t in report["targets"]]
    assert any("64 B aes-256-gcm encrypt (key reused)" in n for n in names)
    assert any("64 B aes-256-gcm encrypt (key per-call)" in n for n in names)
    assert any("2 threads" in n for n in names)


def test_command_line_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--only", "x25519,hmac-sha256", "--repeats", "1",
         "--target-ms", "0.01", "--no-threads", "--malloc", "fixed", "--json", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "x25519" in proc.stdout and "targets" in proc.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    _check_shape(report)
    assert {r["op"] for r in report["results"]} == {"x25519", "hmac-sha256"}
    assert report["meta"]["malloc"].startswith(("fixed", "default (mallopt refused)"))


def test_unknown_operation_is_refused(bench: ModuleType) -> None:
    with pytest.raises(ValueError):
        bench.build_cases(["sha1"])
    with pytest.raises(SystemExit):
        bench.main(["--only", "sha1"])
    with pytest.raises(ValueError):
        bench.run(only=["x25519"], malloc="jemalloc")


def test_readme_generator(tmp_path: Path) -> None:
    # bench/readme.py on a minimal nacre_bench-shaped run and a tiny bench.py report: the README
    # block between the markers is replaced (and only it), RESULTS.md is written, and the
    # overhead shown is the one the input's rates give.
    readme_py = BENCH.parents[1] / "readme.py"
    raw, capi = 400e6, 380e6
    run = {"context": {"date": "2026-01-01T00:00:00", "num_cpus": 2}, "benchmarks": [
        {"name": f"BM_Hash/sha256_boringssl_{layer}/64_median", "run_name":
         f"BM_Hash/sha256_boringssl_{layer}/64", "aggregate_name": "median",
         "bytes_per_second": rate, "label": "default"}
        for layer, rate in (("raw", raw), ("cxx", raw), ("capi", capi))]}
    (tmp_path / "c.json").write_text(json.dumps(run))
    py = tmp_path / "py.json"
    subprocess.run(
        [sys.executable, str(BENCH), "--only", "sha256", "--repeats", "1", "--target-ms", "0.01",
         "--no-threads", "--json", str(py)], check=True, capture_output=True)
    readme = tmp_path / "README.md"
    readme.write_text("before\n<!-- performance:begin -->\nold\n<!-- performance:end -->\nafter\n")
    results = tmp_path / "RESULTS.md"
    subprocess.run(
        [sys.executable, str(readme_py), "--c", str(tmp_path / "c.json"), "--py", str(py),
         "--readme", str(readme), "--results", str(results)], check=True, capture_output=True)
    text = readme.read_text()
    assert text.startswith("before\n<!-- performance:begin -->") and text.endswith(
        "<!-- performance:end -->\nafter\n")
    assert "old" not in text
    assert f"{(raw / capi - 1) * 100:+.1f}%" in text
    assert "hashlib" in text and "| sha256 | 64 B |" in text
    assert "BM_" not in text and "sha256" in results.read_text()
