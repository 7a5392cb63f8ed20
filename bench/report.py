#!/usr/bin/env python3
"""Print one nacre_bench JSON run (--benchmark_out=FILE --benchmark_out_format=json) as a table.

Standard library only. Benchmarks are named BM_<Family>/<primitive>_<backend>_<layer>[/<size>]
(bench/bench_util.hpp); one row per family, primitive, backend and size shows the raw backend
call, nacre's C++ API and nacre's C ABI side by side, the C ABI's overhead over the raw call, and
whether that backend is nacre's default. The overhead targets are shown, never enforced.

Usage: bench/report.py [--markdown] RUN.json   (or - for standard input)
"""
import argparse
import json
import re
import sys

NAME = re.compile(
    r"^BM_(?P<family>[A-Za-z0-9]+)/(?P<primitive>.+)_(?P<backend>boringssl|sodium|default)"
    r"_(?P<layer>raw|cxx|capi)(?:/(?P<size>\d+))?(?:/.*)?$"
)
LAYERS = ("raw", "cxx", "capi")


def target_pct(size):
    """The C ABI overhead target for a message size, or None where the issue sets none."""
    if size is None:
        return None
    if size == 64:
        return 5.0
    if size >= 16384:
        return 1.0
    return None


def fmt_size(size):
    if size is None:
        return "-"
    for unit, n in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= n and size % n == 0:
            return f"{size // n} {unit}"
    return f"{size} B"


def fmt_rate(value, sized):
    if value is None:
        return "-"
    if sized:
        return f"{value / 1e6:,.1f} MB/s"
    return f"{value:,.1f} op/s"


def rate(bench):
    """Bytes per second for sized benchmarks, operations per second otherwise."""
    if "bytes_per_second" in bench:
        return float(bench["bytes_per_second"])
    if "ops" in bench:
        return float(bench["ops"])
    return None


def load(path):
    with (sys.stdin if path == "-" else open(path, encoding="utf-8")) as f:
        run = json.load(f)
    benches = run.get("benchmarks", [])
    # With --benchmark_repetitions, read the medians; otherwise the single runs.
    medians = [b for b in benches if b.get("aggregate_name") == "median"]
    chosen = medians or [b for b in benches if b.get("run_type", "iteration") == "iteration"]
    # The coefficient of variation of each median's repetitions, to flag noisy rows.
    cvs = {b.get("run_name"): float(b["real_time"]) for b in benches
           if b.get("aggregate_name") == "cv"}
    for b in chosen:
        if b.get("run_name") in cvs:
            b["nacre_cv"] = cvs[b["run_name"]]
    return run.get("context", {}), chosen


def collect(benches):
    rows = {}  # (family, primitive, backend, size) -> {"raw": rate, ..., "default": bool}
    order = []
    skipped = []
    for b in benches:
        name = b.get("run_name") or b["name"]
        m = NAME.match(name)
        if not m:
            continue
        if b.get("error_occurred"):
            skipped.append(f"{name}: {b.get('error_message', 'error')}")
            continue
        size = int(m["size"]) if m["size"] else None
        key = (m["family"], m["primitive"], m["backend"], size)
        if key not in rows:
            rows[key] = {"default": False}
            order.append(key)
        rows[key][m["layer"]] = rate(b)
        rows[key].setdefault("cv", {})[m["layer"]] = b.get("nacre_cv")
        if b.get("label") == "default":
            rows[key]["default"] = True
    # Runs with random interleaving list benchmarks in run order: sort for reading.
    order.sort(key=lambda k: (k[0], k[1], k[2], -1 if k[3] is None else k[3]))
    return rows, order, skipped


NOISY_CV = 0.10  # repetitions spread more than this: the row's overhead is not to be trusted


def noisy(row):
    """Whether the raw or C ABI median comes from repetitions with a CV above NOISY_CV."""
    cv = row.get("cv", {})
    return any((cv.get(layer) or 0.0) > NOISY_CV for layer in ("raw", "capi"))


def overhead(row):
    raw, capi = row.get("raw"), row.get("capi")
    if not raw or not capi:
        return None
    return (raw / capi - 1.0) * 100.0  # extra time per operation, in percent of the raw call


def table(rows, order, markdown=False):
    header = ("family", "primitive", "backend", "size", "raw", "C++ API", "C ABI",
              "C ABI overhead", "target", "default")
    lines = [header]
    for key in order:
        family, primitive, backend, size = key
        row = rows[key]
        sized = size is not None
        ov = overhead(row)
        tgt = target_pct(size)
        if tgt is None or ov is None:
            tgt_text = "-"
        else:
            tgt_text = f"<= {tgt:g}% " + ("met" if ov <= tgt else "over")
        lines.append((
            family, primitive, backend, fmt_size(size),
            *(fmt_rate(row.get(layer), sized) for layer in LAYERS),
            "-" if ov is None else f"{ov:+.1f}%" + (" (noisy)" if noisy(row) else ""),
            tgt_text,
            "yes" if row["default"] else "",
        ))
    if markdown:
        out = ["| " + " | ".join(lines[0]) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(c or " " for c in line) + " |" for line in lines[1:]]
        return "\n".join(out)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {3, 4, 5, 6, 7}
    out = []
    for n, line in enumerate(lines):
        cells = [c.rjust(w) if i in right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="JSON file written by nacre_bench, or - for stdin")
    parser.add_argument("--markdown", action="store_true",
                        help="print a Markdown table (for README)")
    args = parser.parse_args()
    try:
        context, benches = load(args.run)
    except (OSError, ValueError) as e:
        print(f"report.py: cannot read {args.run}: {e}", file=sys.stderr)
        return 1
    rows, order, skipped = collect(benches)
    if not order:
        print("report.py: no BM_<Family>/<primitive>_<backend>_<layer> benchmarks in this run",
              file=sys.stderr)
        return 1
    when = context.get("date", "?")
    host = context.get("host_name", "?")
    cpus = context.get("num_cpus", "?")
    print(f"nacre_bench run of {when} on {host} ({cpus} CPUs)")
    print("raw: the backend called directly; C ABI overhead: extra time per call over raw;")
    print(f"(noisy): the raw or C ABI repetitions varied by more than {NOISY_CV:.0%} (CV)")
    print()
    print(table(rows, order, args.markdown))
    if skipped:
        print()
        print("skipped:")
        for s in skipped:
            print(f"  {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
