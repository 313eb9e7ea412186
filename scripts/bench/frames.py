#!/usr/bin/env python3
"""Data frames in and out of the Python binding (issue 12; results in BENCHMARKS.md).

In one run, on the same log (10M rows by default, generated as compare.py does), each
measurement in a fresh child process of the repository's `.venv` (the release wheel that
scripts/test-python.sh installs):

- csv:     `pp.activity_report_csv(path, ...)` (the core streams and parses the file);
- polars:  the log loaded first as a polars DataFrame (dates as `Date`), then
           `pp.activity_report(df, ...)` timed alone (Arrow, no parsing left to do);
- pyarrow: the same from a pyarrow Table (dates as `date32`);
- out:     on the report (180k rows for the 10M log over 2021-2023), `to_arrow()`, `to_pandas()`,
           `to_polars()` timed (median of 5).

Memory: the child resets its peak RSS (`/proc/self/clear_refs`, 5) once the frame is
loaded, so the peak read after the report is what the report itself added on top of the
frame; for the CSV path, what the call added on top of the interpreter.

    .venv/bin/python scripts/bench/frames.py                 # 10M rows, 3 interleaved runs
    .venv/bin/python scripts/bench/frames.py --rows 1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from compare import DATA, ensure_log, label  # noqa: E402

CHILD = r"""
import gc, json, sys, time
mode, path, start, end = sys.argv[1:5]

def rss_kib(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])

def reset_peak():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")

import patient_partner as pp
out = {"mode": mode}
if mode == "polars":
    import polars as pl
    frame = pl.read_csv(path, infer_schema_length=0).with_columns(
        pl.col("date").str.strptime(pl.Date, "%Y-%m-%d"))
    out["frame_mib"] = frame.estimated_size() / 2**20
elif mode == "pyarrow":
    import pyarrow as pa, pyarrow.csv as pacsv, pyarrow.compute as pc
    frame = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
        column_types={"date": pa.date32(), "partner": pa.string(), "patient": pa.string(),
                      "modality": pa.string()}))
    out["frame_mib"] = frame.nbytes / 2**20
gc.collect()
out["before_mib"] = rss_kib("VmRSS:") / 1024
reset_peak()
t = time.perf_counter()
if mode == "csv" or mode == "out":
    report = pp.activity_report_csv(path, start, end)
else:
    report = pp.activity_report(frame, start, end)
out["seconds"] = time.perf_counter() - t
out["peak_mib"] = rss_kib("VmHWM:") / 1024
out["added_mib"] = out["peak_mib"] - out["before_mib"]
out["report_rows"] = len(report.rows)
if mode == "out":
    for name, f in (("to_arrow", report.to_arrow), ("to_pandas", report.to_pandas),
                    ("to_polars", report.to_polars)):
        f()  # first call imports the library
        times = []
        for _ in range(5):
            t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
        out[name] = statistics.median(times)
print(json.dumps(out))
"""


def child(python: str, mode: str, path: Path, start: str, end: str) -> dict:
    code = "import statistics\n" + CHILD
    done = subprocess.run([python, "-c", code, mode, str(path), start, end],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{mode}: child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=10_000_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--start", default="2021-01-01")
    p.add_argument("--end", default="2023-12-31")
    args = p.parse_args()
    path = DATA / f"interviews_{label(args.rows)}.csv"
    ensure_log(path, args.rows, 1, None)
    python = sys.executable
    runs: dict[str, list[dict]] = {"csv": [], "polars": [], "pyarrow": []}
    for _ in range(args.repeat):
        for mode in runs:  # interleaved
            runs[mode].append(child(python, mode, path, args.start, args.end))
            print(mode, runs[mode][-1], file=sys.stderr)
    out = child(python, "out", path, args.start, args.end)
    med = {m: statistics.median(r["seconds"] for r in rs) for m, rs in runs.items()}
    summary = {
        "rows": args.rows,
        "seconds_median": med,
        "ratio_vs_csv": {m: med[m] / med["csv"] for m in ("polars", "pyarrow")},
        "added_mib": {m: max(r["added_mib"] for r in rs) for m, rs in runs.items()},
        "frame_mib": {m: runs[m][0]["frame_mib"] for m in ("polars", "pyarrow")},
        "report_rows": out["report_rows"],
        "out_seconds": {k: out[k] for k in ("to_arrow", "to_pandas", "to_polars")},
        "runs": runs,
    }
    dest = DATA / f"frames_{label(args.rows)}.json"
    dest.write_text(json.dumps(summary, indent=2))
    print(json.dumps({k: v for k, v in summary.items() if k != "runs"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
