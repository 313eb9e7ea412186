#!/usr/bin/env python3
"""End-to-end comparison of the monthly activity report by partner (see BENCHMARKS.md).

From one CSV interview log, on this machine, in one run, times (process start to output
file written, file read included) and measures the peak memory (max RSS of the child,
from wait4) of:

- crate:   the release build of `cargo run --example activity_report`
           (`--input LOG --from START --to END --by partner --bucket month --format csv`);
- polars:  scripts/bench/report_polars.py in a dedicated venv;
- pandas:  scripts/bench/report_pandas.py in the same venv;
- duckdb:  scripts/bench/report_duckdb.py (one SQL statement, DuckDB's own threads) in the
           same venv;
- crate_t1, crate_t2, ...: the crate with `--threads N` (`--threads-table 1,2`: the table of
           wall time by threads; `crate` alone uses every core, its default);
- binding: the Python binding `patient_partner` (a release wheel of bindings/python built
           by this script into the bench venv; `--binding venv` times the repo's `.venv`
           as it is instead): `read_interviews_csv(path)` then `activity_report(...)` (the
           log is loaded whole), output written with the report's `to_csv()`;
- binding_stream: (optional) the same binding's `activity_report_csv(path, ...)` (the log
           is streamed by the core, as the example does).

then checks that every output holds exactly the same table (every partner, every month,
every count, the distinct patients of each month and of the period) and prints a Markdown
summary,
saved with the raw numbers as JSON in bench-data/.

    python3 scripts/bench/compare.py                       # the 10M log of issue 3
    python3 scripts/bench/compare.py --rows 1000000        # a smaller log while developing
    python3 scripts/bench/compare.py --memory-check        # peak RSS: 1M rows vs the same rows x10

The log is generated (deterministically) by `core/examples/gen_interviews.rs` into
bench-data/ when missing. The venv (polars, pandas) is bench-data/venv, created when
missing. Runs are interleaved (crate, polars, pandas, crate, ...) with a warm page cache;
the median of --repeat runs is reported. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"
HERE = Path(__file__).resolve().parent
CRATE_BIN = ROOT / "target" / "release" / "examples" / "activity_report"
GEN_BIN = ROOT / "target" / "release" / "examples" / "gen_interviews"
VALUE_COLUMNS = ["in_person", "phone", "video", "total", "new_patients", "patients"]

BINDING_SCRIPT = r"""
import sys
from datetime import date
import patient_partner as pp
mode, path, start, end, out = sys.argv[1:6]
start, end = date.fromisoformat(start), date.fromisoformat(end)
if mode == "stream":
    report = pp.activity_report_csv(path, start=start, end=end, by="partner", bucket="month")
else:
    log = pp.read_interviews_csv(path)
    report = pp.activity_report(log, start=start, end=end, by="partner", bucket="month")
with open(out, "w") as f:
    f.write(report.to_csv())  # the core's CSV rendering, as the example prints it
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list[str], **kw) -> None:
    log("$ " + " ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kw)


def measure(cmd: list[str], stdout_path: Path | None) -> dict:
    """Runs cmd; wall time from spawn to exit, max RSS and CPU of the child (wait4)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if stdout_path:
        out.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {err}")
    return {
        "wall_s": wall,
        "max_rss_mib": ru.ru_maxrss / 1024,  # Linux: KiB
        "cpu_s": ru.ru_utime + ru.ru_stime,
        "load1_before": load_before,
    }


def ensure_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
    probe = subprocess.run([str(python), "-c", "import polars, pandas, duckdb"],
                           capture_output=True)
    if probe.returncode != 0:
        run([str(python), "-m", "pip", "install", "--quiet", "polars", "pandas", "duckdb"])
    return python


def ensure_log(path: Path, rows: int, repeat: int, patients: int | None) -> None:
    if path.exists():
        return
    if not GEN_BIN.exists():
        run(["cargo", "build", "--release", "-p", "patient-partner", "--example",
             "gen_interviews"], cwd=ROOT)
    cmd = [str(GEN_BIN), "--rows", str(rows), "--repeat", str(repeat), "--out", str(path)]
    if patients:
        cmd += ["--patients", str(patients)]
    run(cmd, cwd=ROOT)


def read_table(path: Path) -> dict[tuple[str, str], tuple]:
    """A report CSV as {(partner, month|'total'): counts}; the crate's extra columns dropped."""
    table = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            key = (r["partner"], r["month"])
            if key in table:
                raise ValueError(f"{path}: duplicate row {key}")
            table[key] = tuple(int(r[c]) if r[c] not in ("", None) else None
                               for c in VALUE_COLUMNS)
    return table


def compare_tables(reference: dict, other: dict, name: str) -> list[str]:
    problems = []
    if reference.keys() != other.keys():
        missing = sorted(reference.keys() - other.keys())[:3]
        extra = sorted(other.keys() - reference.keys())[:3]
        problems.append(f"{name}: rows differ (missing {missing}, extra {extra})")
    for key in sorted(reference.keys() & other.keys()):
        if reference[key] != other[key]:
            problems.append(f"{name}: {key}: crate {reference[key]} vs {other[key]}")
            if len(problems) > 5:
                break
    return problems


def versions(python: Path) -> dict:
    info = {}
    for name, cmd in {
        "rustc": ["rustc", "--version"],
        "python": [str(python), "--version"],
        "polars": [str(python), "-c", "import polars; print(polars.__version__)"],
        "pandas": [str(python), "-c", "import pandas; print(pandas.__version__)"],
        "duckdb": [str(python), "-c", "import duckdb; print(duckdb.__version__)"],
    }.items():
        try:
            info[name] = subprocess.run(cmd, capture_output=True, text=True,
                                        check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            info[name] = "?"
    return info


def machine() -> dict:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "kernel": platform.release(), "load_at_start": os.getloadavg()}


def binding_python(bench_python: Path, source: str) -> tuple[Path | None, str]:
    """The interpreter to time the binding with, and where its build comes from.

    `source` "wheel" (default): a release wheel of bindings/python built now with maturin
    and installed in the bench venv (so that a debug build lying in `.venv` is never timed);
    "venv": whatever the repository's `.venv` holds.
    """
    probe_code = ("import patient_partner as p; "
                  "p.read_interviews_csv; p.activity_report; p.activity_report_csv")
    if source == "venv":
        python = ROOT / ".venv" / "bin" / "python"
        ok = python.exists() and subprocess.run([str(python), "-c", probe_code],
                                                 capture_output=True).returncode == 0
        return (python, ".venv (as installed)") if ok else (None, "not importable from .venv")
    if not (ROOT / "bindings" / "python" / "Cargo.toml").exists():
        return None, "bindings/python missing"
    try:
        if subprocess.run([str(bench_python), "-c", "import maturin"],
                          capture_output=True).returncode != 0:
            run([str(bench_python), "-m", "pip", "install", "--quiet", "maturin>=1.16,<1.17"])
        wheels = DATA / "wheels"
        for old in wheels.glob("patient_partner-*.whl"):
            old.unlink()
        run([str(bench_python), "-m", "maturin", "build", "--quiet", "--release", "-m",
             "bindings/python/Cargo.toml", "--out", str(wheels), "--interpreter",
             str(bench_python)], cwd=ROOT)
        wheel = next(wheels.glob("patient_partner-*.whl"))
        run([str(bench_python), "-m", "pip", "install", "--quiet", "--force-reinstall",
             "--no-deps", str(wheel)])
    except (subprocess.CalledProcessError, StopIteration) as e:
        return None, f"release wheel failed to build: {e}"
    ok = subprocess.run([str(bench_python), "-c", probe_code], capture_output=True)
    if ok.returncode != 0:
        return None, "built, but does not import: " + ok.stderr.decode(errors="replace")[-300:]
    return bench_python, "release wheel built by compare.py"


def import_time(python: Path, module: str, n: int = 5) -> float:
    """Median wall time of `python -c 'import module'` minus `python -c 'pass'`."""
    def median(code: str) -> float:
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            subprocess.run([str(python), "-c", code], check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        return statistics.median(times)
    return median(f"import {module}") - median("pass")


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def comparison(args) -> int:
    python = ensure_venv(Path(args.venv))
    path = Path(args.csv) if args.csv else DATA / f"interviews_{label(args.rows)}.csv"
    ensure_log(path, args.rows, 1, None)
    if not args.skip_build:
        run(["cargo", "build", "--release", "--example", "activity_report"], cwd=ROOT)
    tag = path.stem
    impls = {
        "crate": [str(CRATE_BIN), "--input", str(path), "--from", args.start, "--to", args.end,
                  "--by", "partner", "--bucket", "month", "--format", "csv"],
        "polars": [str(python), str(HERE / "report_polars.py"), str(path), args.start,
                   args.end],
        "pandas": [str(python), str(HERE / "report_pandas.py"), str(path), args.start,
                   args.end],
        "duckdb": [str(python), str(HERE / "report_duckdb.py"), str(path), args.start,
                   args.end],
    }
    for t in (int(x) for x in args.threads_table.split(",") if x.strip()):
        impls[f"crate_t{t}"] = impls["crate"] + ["--threads", str(t)]
    wanted_names = args.impls.split(",")
    bpython, bsource = (None, "not requested")
    if "binding" in wanted_names or "binding_stream" in wanted_names:
        bpython, bsource = binding_python(python, args.binding)
    if bpython:
        for name, mode in (("binding", "load"), ("binding_stream", "stream")):
            impls[name] = [str(bpython), "-c", BINDING_SCRIPT, mode, str(path), args.start,
                           args.end]
    else:
        log(f"binding: NOT MEASURED ({bsource})")
    wanted = [i for i in wanted_names if i in impls]
    wanted += [name for name in impls if name.startswith("crate_t") and name not in wanted]
    outputs = {name: DATA / f"out_{tag}_{name}.csv" for name in wanted}

    warm(path)
    results: dict[str, list[dict]] = {name: [] for name in wanted}
    for rep in range(args.repeat):
        for name in wanted:
            cmd = list(impls[name])
            stdout = None
            if name.startswith("crate"):
                stdout = outputs[name]
            else:
                cmd.append(str(outputs[name]))
            m = measure(cmd, stdout)
            results[name].append(m)
            log(f"run {rep + 1}/{args.repeat} {name}: {m['wall_s']:.2f} s, "
                f"{m['max_rss_mib']:.0f} MiB, cpu {m['cpu_s']:.2f} s, "
                f"load {m['load1_before']:.2f}")

    # Same table everywhere.
    problems = []
    reference = read_table(outputs["crate"]) if "crate" in outputs else None
    if reference is not None:
        for name in wanted:
            if name != "crate":
                problems += compare_tables(reference, read_table(outputs[name]), name)
    agree = not problems

    summary = {name: {
        "wall_s_median": statistics.median(r["wall_s"] for r in runs),
        "wall_s_min": min(r["wall_s"] for r in runs),
        "max_rss_mib": max(r["max_rss_mib"] for r in runs),
        "cpu_s_median": statistics.median(r["cpu_s"] for r in runs),
    } for name, runs in results.items()}
    imports = {}
    if not args.no_import_times:
        imports["polars"] = import_time(python, "polars")
        imports["pandas"] = import_time(python, "pandas")
        if bpython:
            imports["patient_partner"] = import_time(bpython, "patient_partner")
    rows_in_log = sum(1 for _ in open(path, "rb")) - 1
    report = {
        "log": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path),
        "rows": rows_in_log,
        "bytes": path.stat().st_size,
        "period": [args.start, args.end],
        "report_rows": len(reference) if reference else None,
        "distinct_partner_patient_pairs": sum(v[-1] for k, v in reference.items()
                                              if k[1] == "total") if reference else None,
        "outputs_agree": agree,
        "problems": problems,
        "machine": machine(),
        "versions": versions(python),
        "load_at_end": os.getloadavg(),
        "repeat": args.repeat,
        "summary": summary,
        "import_time_s": imports,
        "binding": bsource if bpython else f"not measured: {bsource}",
        "runs": results,
    }
    out_json = DATA / f"compare_{tag}.json"
    out_json.write_text(json.dumps(report, indent=2))
    print(markdown(report))
    log(f"raw numbers: {out_json}")
    return 0 if agree else 1


def markdown(r: dict) -> str:
    s = r["summary"]
    lines = [
        f"Log: `{r['log']}` ({r['rows']:,} rows, {r['bytes'] / 1e6:.0f} MB), period "
        f"{r['period'][0]} to {r['period'][1]}, {r['report_rows']:,} report rows, "
        f"{r['distinct_partner_patient_pairs']:,} distinct (partner, patient) pairs. "
        f"Outputs agree: **{'yes' if r['outputs_agree'] else 'NO'}**.",
        "",
        f"Machine: {r['machine']['cpu']}, {r['machine']['cores']} cores, "
        f"{r['machine']['memory']}; load average at start "
        f"{r['machine']['load_at_start'][0]:.2f}, at end {r['load_at_end'][0]:.2f}. "
        f"{r['versions']['rustc']}, Python {r['versions']['python'].split()[-1]}, "
        f"polars {r['versions']['polars']}, pandas {r['versions']['pandas']}, "
        f"duckdb {r['versions'].get('duckdb', '?')}. "
        f"Median of {r['repeat']} interleaved runs, warm page cache.",
        "",
        "| implementation | wall time (median) | min | CPU time | CPU per row | peak RSS | "
        "wall / crate's |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    base = s.get("crate", {}).get("wall_s_median")
    for name, v in s.items():
        ratio = f"{v['wall_s_median'] / base:.2f}x" if base and name != "crate" else "–"
        per_row = v["cpu_s_median"] / r["rows"] * 1e9 if r["rows"] else 0
        lines.append(f"| {name} | {v['wall_s_median']:.2f} s | {v['wall_s_min']:.2f} s | "
                     f"{v['cpu_s_median']:.2f} s | {per_row:.0f} ns | "
                     f"{v['max_rss_mib']:.0f} MiB | {ratio} |")
    for name in ("binding", "binding_stream"):
        if name not in s:
            lines.append(f"| {name} | not measured | | | | |")
    lines.append("")
    lines.append(f"Binding: {r['binding']}.")
    if r["import_time_s"]:
        lines.append("")
        lines.append("Import time (median of 5, minus bare interpreter start): " + ", ".join(
            f"`{k}` {v * 1000:.0f} ms" for k, v in r["import_time_s"].items()))
    return "\n".join(lines)


def label(rows: int) -> str:
    return f"{rows // 1_000_000}m" if rows % 1_000_000 == 0 else str(rows)


def memory_check(args) -> int:
    """Peak RSS of the crate on a log and on the same log with every row repeated R times."""
    if not args.skip_build:
        run(["cargo", "build", "--release", "--example", "activity_report"], cwd=ROOT)
    rows = args.rows
    cases = [
        (DATA / f"interviews_{label(rows)}.csv", rows, 1, None),
        (DATA / f"interviews_{label(rows)}_x10.csv", rows, 10, None),
        (DATA / "interviews_10m.csv", 10_000_000, 1, None),
    ]
    print("| log | rows | distinct (partner, patient) pairs | distinct patients | "
          "wall time | peak RSS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for path, n, repeat, patients in cases:
        ensure_log(path, n, repeat, patients)
        warm(path)
        out = DATA / f"out_{path.stem}_memory.csv"
        cmd = [str(CRATE_BIN), "--input", str(path), "--from", args.start, "--to", args.end,
               "--format", "csv"]
        runs = [measure(cmd, out) for _ in range(args.repeat)]
        table = read_table(out)
        pairs = sum(v[-1] for k, v in table.items() if k[1] == "total")
        all_cmd = cmd[:-2] + ["--by", "all", "--format", "csv"]
        all_out = DATA / f"out_{path.stem}_memory_all.csv"
        measure(all_cmd, all_out)
        with open(all_out, newline="") as f:
            patients_total = [r for r in csv.DictReader(f) if r["month"] == "total"]
        distinct = patients_total[0]["patients"] if patients_total else "?"
        lines = sum(1 for _ in open(path, "rb")) - 1
        print(f"| `{path.name}` | {lines:,} | {pairs:,} | {int(distinct):,} | "
              f"{statistics.median(r['wall_s'] for r in runs):.2f} s | "
              f"{max(r['max_rss_mib'] for r in runs):.0f} MiB |", flush=True)
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=10_000_000,
                   help="size of the generated log when --csv is not given (default 10M)")
    p.add_argument("--csv", help="an existing log instead of the generated one")
    p.add_argument("--from", dest="start", default="2021-01-01")
    p.add_argument("--to", dest="end", default="2023-12-31")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--threads-table", default="",
                   help="also time the crate with --threads N for each N of this list (1,2)")
    p.add_argument("--impls", default="crate,duckdb,polars,pandas,binding,binding_stream",
                   help="comma-separated subset of crate,polars,pandas,binding,binding_stream")
    p.add_argument("--venv", default=str(DATA / "venv"))
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--binding", choices=["wheel", "venv"], default="wheel",
                   help="time a release wheel built now (default) or the repo's .venv as is")
    p.add_argument("--no-import-times", action="store_true")
    p.add_argument("--memory-check", action="store_true",
                   help="peak RSS of the crate: --rows rows, the same rows x10, and 10M")
    args = p.parse_args()
    DATA.mkdir(exist_ok=True)
    return memory_check(args) if args.memory_check else comparison(args)


if __name__ == "__main__":
    sys.exit(main())
