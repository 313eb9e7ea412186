"""`import patient_partner` stays cheap: it imports only the extension and three small
modules; typing, datetime, pandas, polars, pyarrow and the frame helpers come when first
used (the time itself is measured in BENCHMARKS.md, never asserted)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
before = set(sys.modules)
import patient_partner as pp
print(" ".join(sorted(set(sys.modules) - before)))
"""


def new_modules(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def test_import_loads_nothing_heavy() -> None:
    loaded = new_modules(CODE)
    assert "patient_partner._native" in loaded  # the measure measures something
    heavy = {"typing", "datetime", "html", "csv", "pandas", "polars", "pyarrow", "numpy",
             "patient_partner._frames", "patient_partner._types", "warnings"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_what_was_deferred_still_works() -> None:
    code = CODE + """
log = pp.parse_interviews_csv("date,partner,patient,modality\\n2023-01-09,PP-A,PAT-1,phone\\n")
report = pp.activity_report(log, "2023-01-01", "2023-01-31")
assert report.to_dict()["totals"][0]["phone"] == 1
assert pp.FileFormat.__args__[-1] == "frame" and pp.ImportedList[int]([1], {}) == [1]
print("ok")
"""
    assert "ok" in new_modules(code)
