#!/usr/bin/env python3
"""Adds the distinct patients of each bucket (`patients`) to the report vectors' expected rows.

Issue 15 item 4 gave every bucket row a `patients` count. The value written here is computed
from the vector's own input by this script alone (no library code): the distinct patient ids
among the interviews of the row's group dated from the row's `start` to its `end`. A bucket
that is not reported has `null`; a cell the expected output lists as masked has `null`.

For a vector with disclosure control (`suppress_below`) the masking pattern is the library's
choice (secondary suppression), so it is given on the command line as the library's output
(`--masked FILE`, JSON: vector name -> report); the script then checks that every published
cell of that output equals its own count and that every count from 1 to N - 1 is masked,
and keeps the library's masks. Run once per change of the report's columns:

    python3 scripts/vectors_bucket_patients.py [--masked reports.json] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors" / "report"
COUNTS = ["in_person", "phone", "video", "total", "new_patients", "patients"]


def group_key(interview: Dict[str, Any], group_by: str) -> Any:
    """The interview's group, its id trimmed as the library trims ids."""
    if group_by == "partner":
        return interview["partner"].strip()
    if group_by == "establishment":
        establishment = interview.get("establishment")
        return establishment.strip() if establishment is not None else None
    return None


def row_group(row: Dict[str, Any], group_by: str) -> Any:
    if group_by == "partner":
        return row["partner"]
    if group_by == "establishment":
        return row["establishment"]
    return None


def bucket_patients(vector: Dict[str, Any], row: Dict[str, Any]) -> Optional[int]:
    if row["reporting"] == "not_reported":
        return None
    group_by = vector["input"]["request"].get("group_by", "partner")
    g = row_group(row, group_by)
    seen = {
        i["patient"].strip()
        for i in vector["input"].get("interviews", [])
        if group_key(i, group_by) == g and row["start"] <= i["date"] <= row["end"]
    }
    return len(seen)


def with_patients(row: Dict[str, Any], value: Optional[int]) -> Dict[str, Any]:
    """The row with `patients` right after `new_patients` (the crate's field order)."""
    out: Dict[str, Any] = {}
    for k, v in row.items():
        if k == "patients":
            continue
        out[k] = v
        if k == "new_patients":
            out["patients"] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--masked", type=Path, help="the library's reports of the suppressed vectors")
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args()
    library = json.loads(args.masked.read_text()) if args.masked else {}
    problems: List[str] = []
    for path in sorted(VECTORS.glob("*.json")):
        vector = json.loads(path.read_text())
        ok = vector.get("expect", {}).get("ok")
        if vector.get("op") != "activity_report" or ok is None:
            continue
        threshold = vector["input"]["request"].get("suppress_below")
        if threshold is not None:
            report = library.get(path.stem)
            if report is None:
                problems.append(f"{path.name}: suppressed; give the library's report with --masked")
                continue
            new_rows, new_totals = [], []
            if len(report["rows"]) != len(ok["rows"]) or len(report["totals"]) != len(ok["totals"]):
                problems.append(f"{path.name}: the library's report has other rows")
                continue
            for old, theirs in zip(ok["rows"] + ok["totals"], report["rows"] + report["totals"]):
                is_row = "start" in old
                name = f"{path.name} {old.get('month') or old.get('quarter') or old.get('year') or 'totals'}"
                keys = [k for k in COUNTS[:-1] + ["partner", "establishment", "month", "quarter", "year",
                                                   "start", "end", "partial", "reporting"] if k in old]
                for k in keys:
                    # what the library publishes now was published before, or is newly masked
                    if theirs.get(k) != old.get(k) and not (theirs.get(k) is None and k in theirs.get("masked", [])):
                        problems.append(f"{name}: {k} {old.get(k)} -> {theirs.get(k)}")
                for col in COUNTS:
                    got = theirs.get(col)
                    if got is not None and 0 < got < threshold:
                        problems.append(f"{name}: {col} {got} published below {threshold}")
                if is_row:
                    value = bucket_patients(vector, old)
                    got = theirs.get("patients")
                    if got is None and "patients" not in theirs.get("masked", []) and value is not None:
                        problems.append(f"{name}: patients missing")
                    if got is not None and got != value:
                        problems.append(f"{name}: patients {got} != {value}")
                # the previous key order, `patients` after `new_patients` on bucket rows
                merged = with_patients(old, theirs.get("patients")) if is_row else dict(old)
                for k in merged:
                    merged[k] = theirs.get(k)
                for k in theirs:
                    if k not in merged:
                        merged[k] = theirs[k]
                (new_rows if is_row else new_totals).append(merged)
            fresh = {**ok, "rows": new_rows, "totals": new_totals}
        else:
            fresh = {**ok, "rows": [with_patients(r, bucket_patients(vector, r)) for r in ok["rows"]]}
        if args.check:
            if fresh != ok:
                problems.append(f"{path.name}: differs from what this script computes")
            continue
        vector["expect"]["ok"] = fresh
        path.write_text(json.dumps(vector, ensure_ascii=False, indent=1) + "\n")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
