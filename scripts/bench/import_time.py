#!/usr/bin/env python3
"""`import patient_partner` over the bare interpreter (issue 12, item 8; BENCHMARKS.md).

Each figure is the median wall time of 21 fresh interpreters (`python -c ...`), minus that
of `python -c pass`. Run with the interpreter whose site-packages holds the wheel:

    .venv/bin/python scripts/bench/import_time.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def median_ms(code: str, n: int = 21) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    bare = median_ms("pass")
    for module in ("patient_partner", "typing", "pyarrow", "polars", "pandas"):
        try:
            print(f"import {module}: +{median_ms(f'import {module}') - bare:.1f} ms "
                  f"(bare interpreter {bare:.1f} ms)")
        except subprocess.CalledProcessError:
            print(f"import {module}: not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
