#!/usr/bin/env python3
"""Write the performance tables of one benchmark run into README.md and bench/RESULTS.md.

Standard library only. Inputs: one nacre_bench JSON run (bench/report.py reads the same file)
and the JSON reports of bench/python/bench.py, one per interpreter. README.md gets a summary
between the markers ``<!-- performance:begin -->`` and ``<!-- performance:end -->``;
bench/RESULTS.md gets every table. Nothing here measures: scripts/bench-report --readme runs the
benchmarks and then this script.

Usage: bench/readme.py --c RUN.json --py REPORT.json [--py REPORT2.json]
                       [--readme README.md] [--results bench/RESULTS.md]
"""
import argparse
import json
import os
import platform
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import report  # bench/report.py, next to this file

BEGIN, END = "<!-- performance:begin -->", "<!-- performance:end -->"
MIB = 1 << 20


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) if c not in (None, "") else " " for c in r) + " |"
            for r in rows]
    return "\n".join(out)


def fmt_time(seconds):
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


# --- C/C++ ------------------------------------------------------------------------------------


def overhead_summary(rows, order):
    """Median and largest C ABI overhead per size class, over every row that has both layers."""
    classes = {"64 B": lambda s: s == 64, "16 KiB and up": lambda s: s is not None and s >= 16384,
               "per operation (no size)": lambda s: s is None}
    out = []
    for label, want in classes.items():
        values = [(report.overhead(rows[k]), k) for k in order
                  if want(k[3]) and report.overhead(rows[k]) is not None]
        if not values:
            continue
        worst = max(values)
        target = {"64 B": "<= 5%", "16 KiB and up": "<= 1%"}.get(label, "-")
        met = sum(1 for v, k in values if report.target_pct(k[3]) is not None
                  and v <= report.target_pct(k[3]))
        steady = [(v, k) for v, k in values if not report.noisy(rows[k])]
        steady_met = sum(1 for v, k in steady if report.target_pct(k[3]) is not None
                         and v <= report.target_pct(k[3]))
        out.append((label, len(values), f"{statistics.median(v for v, _ in values):+.1f}%",
                    f"{worst[0]:+.1f}% ({worst[1][1]}, {worst[1][2]})", target,
                    f"{met} of {len(values)}" if target != "-" else "-",
                    f"{steady_met} of {len(steady)}" if target != "-" else f"{len(steady)}"))
    return md_table(("size", "rows", "median overhead", "largest", "target", "rows within",
                     f"within, rows with CV <= {report.NOISY_CV:.0%}"), out)


def default_rows(rows, order, sizes):
    keep = [k for k in order if rows[k]["default"] and (k[3] in sizes)]
    return keep


# --- Python -----------------------------------------------------------------------------------


def py_label(rep):
    v = rep["meta"]["versions"]
    peers = ", ".join(f"{name} {ver}" for name, ver in v.items() if ver and name != "nacre")
    py = rep["meta"]["python"].split()[0]
    return f"Python {py} ({rep['meta']['executable']}; {peers})"


def py_rows(rep, sizes, skip_ops=()):
    """nacre's drop-in rows next to the fastest peer of the same algorithm (AEGIS: any AEAD)."""
    out = []
    for r in rep["results"]:
        if not r["ref"] or (sizes is not None and r["size"] not in sizes | {None}):
            continue
        if r["op"] in skip_ops:
            continue
        what = r["op"] + ("" if not r["mode"] else f", key {r['mode']}")
        out.append((what, report.fmt_size(r["size"]), r["algorithm"], fmt_time(r["time_s"]),
                    r["vs"] or "-", "-" if r["ratio"] is None else f"{r['ratio']:.2f}"))
    return out


def py_threads(rep):
    return [(t["impl"], t["algorithm"], report.fmt_size(t["size"]), f"{t['mb_per_s_1']:.0f} MB/s",
             f"{t['mb_per_s_2']:.0f} MB/s", f"{t['ratio']:.2f}") for t in rep["threads"]]


def py_targets(rep):
    out = []
    for t in rep["targets"]:
        if t["met"] is None:
            continue
        out.append(("met" if t["met"] else "**missed**", t["name"], f"{t['value']:.2f}",
                    f"{t['threshold']:g}", t["detail"]))
    return out


PY_HEADER = ("operation", "size", "algorithm", "nacre", "compared with", "ratio")


def python_section(reps, sizes, with_threads, skip_ops=()):
    parts = []
    for rep in reps:
        parts.append(f"**{py_label(rep)}**, {rep['meta']['time']}: ratio = peer time / nacre "
                     "time (above 1: nacre faster).\n")
        parts.append(md_table(PY_HEADER, py_rows(rep, sizes, skip_ops)))
        if with_threads and rep["threads"]:
            parts.append("\nThroughput of 1 and 2 threads sharing one key object:\n")
            parts.append(md_table(("impl", "algorithm", "size", "1 thread", "2 threads", "2/1"),
                                  py_threads(rep)))
        parts.append("\nTargets (shown, not enforced):\n")
        parts.append(md_table(("", "target", "value", "need", "detail"), py_targets(rep)))
        parts.append("")
    return "\n".join(parts)


# --- writing ----------------------------------------------------------------------------------


def header(context):
    return (f"Measured on {cpu_model()} ({context.get('num_cpus', '?')} CPUs, a shared virtual "
            f"machine), {context.get('date', '?')[:10]}. Medians of repetitions taken in random "
            "interleaved order; on a shared machine single rows can be off by 10% either way, "
            "ratios measured side by side are steadier. \"(noisy)\": that row's repetitions "
            f"varied by more than {report.NOISY_CV:.0%}."
            + (f" {context['nacre_note']}." if context.get("nacre_note") else ""))


def readme_block(context, rows, order, reps):
    sizes = {64, MIB}
    keep = default_rows(rows, order, sizes | {None})
    parts = [BEGIN, "", header(context), "",
             "C ABI overhead over the backend called directly (every primitive, backend and "
             "size; all rows in [bench/RESULTS.md](bench/RESULTS.md)):", "",
             overhead_summary(rows, order), "",
             "Default backends at 64 B and 1 MiB, and per-operation rates:", "",
             report.table(rows, keep, markdown=True), "",
             "Python (`bench/python/bench.py`), 64 B and 1 MiB (decryption in "
             "[bench/RESULTS.md](bench/RESULTS.md)):", "",
             python_section(reps, sizes, with_threads=True, skip_ops=("aead-decrypt",)), END]
    return "\n".join(parts)


def results_file(context, rows, order, reps):
    return "\n".join([
        "# Benchmark results", "",
        "Generated by `scripts/bench-report --readme` (bench/readme.py); do not edit by hand.", "",
        header(context), "", "## C, C++ and the backends (`nacre_bench`)", "",
        report.table(rows, order, markdown=True), "",
        "## Python (`bench/python/bench.py`)", "",
        python_section(reps, None, with_threads=True), ""])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--c", required=True, help="nacre_bench JSON run")
    p.add_argument("--py", action="append", default=[], help="bench/python/bench.py --json report")
    p.add_argument("--readme", default="README.md")
    p.add_argument("--results", default="bench/RESULTS.md")
    args = p.parse_args()
    context, benches = report.load(args.c)
    rows, order, skipped = report.collect(benches)
    if not order or skipped:
        print(f"readme.py: unusable run {args.c}: {len(order)} rows, skipped {skipped}",
              file=sys.stderr)
        return 1
    reps = []
    for path in args.py:
        with open(path, encoding="utf-8") as f:
            reps.append(json.load(f))
    with open(args.readme, encoding="utf-8") as f:
        text = f.read()
    if text.count(BEGIN) != 1 or text.count(END) != 1:
        print(f"readme.py: {args.readme} needs one {BEGIN} and one {END}", file=sys.stderr)
        return 1
    block = readme_block(context, rows, order, reps)
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    with open(args.readme, "w", encoding="utf-8") as f:
        f.write(text)
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(results_file(context, rows, order, reps))
    print(f"wrote {args.readme} (between the performance markers) and {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
