"""Distinct patients per bucket (`patients` on every bucket row) in every Python output."""

from __future__ import annotations

import polars as pl

import patient_partner as pp

# PAT-1 seen in January (twice) and February; PAT-2 in January; PAT-3 in February.
LOG = [
    {"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-1", "modality": "phone"},
    {"date": "2023-01-20", "partner": "PP-A", "patient": "PAT-1", "modality": "phone"},
    {"date": "2023-01-23", "partner": "PP-A", "patient": "PAT-2", "modality": "video"},
    {"date": "2023-02-06", "partner": "PP-A", "patient": "PAT-1", "modality": "in_person"},
    {"date": "2023-02-07", "partner": "PP-A", "patient": "PAT-3", "modality": "phone"},
]


def test_rows_totals_and_frames_carry_the_bucket_patients() -> None:
    report = pp.activity_report(LOG, "2023-01-01", "2023-03-31")
    assert [(r["month"], r["total"], r["new_patients"], r["patients"]) for r in report.rows] == [
        ("2023-01", 3, 2, 2), ("2023-02", 2, 1, 2), ("2023-03", 0, 0, 0),
    ]
    assert report.totals[0]["patients"] == 3  # PAT-1 once over the period
    df = report.to_pandas()
    assert df["patients"].tolist() == [2, 2, 0]
    assert str(df["patients"].dtype) == "Int64"
    assert pl.DataFrame(report.to_arrow())["patients"].to_list() == [2, 2, 0]
    polars_rows = report.to_polars()
    assert polars_rows["patients"].to_list() == [2, 2, 0]
    csv = report.to_csv().splitlines()
    assert csv[0].endswith("new_patients,patients")
    assert csv[2].startswith("PP-A,2023-02,") and csv[2].endswith(",2,1,2")
    html = report._repr_html_()
    assert "<th>patients</th>" in html


def test_small_bucket_patients_are_masked() -> None:
    log = [{"date": f"2023-01-{d:02d}", "partner": "PP-A", "patient": f"PAT-{d % 3}",
            "modality": "phone"} for d in range(1, 31)]
    log += [{"date": f"2023-02-{d:02d}", "partner": "PP-A", "patient": f"PAT-{100 + d}",
             "modality": "phone"} for d in range(1, 28)]
    report = pp.activity_report(log, "2023-01-01", "2023-02-28", suppress_below=11)
    january = report.rows[0]
    assert january["total"] == 30  # published
    assert january["patients"] is None and "patients" in january["masked"]  # 3 patients
    assert report.rows[1]["patients"] == 27
