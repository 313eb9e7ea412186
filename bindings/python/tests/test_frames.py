"""pandas and polars: logs in, tables out, round trips."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import polars as pl

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]
LOG = REPO / "examples" / "data" / "interviews_2023.csv"


def expected() -> pp.ActivityReport:
    return pp.activity_report(pp.read_interviews_csv(LOG), "2023-01-01", "2023-12-31")


def test_pandas_log_round_trip_and_report() -> None:
    log = pp.read_interviews_csv(LOG)
    df = log.to_pandas()
    assert list(df.columns[:4]) == ["date", "partner", "patient", "modality"]
    assert len(df) == len(log) and df["date"].iloc[0] == log[0].date
    assert str(df["duration_minutes"].dtype) == "Int64"
    assert pp.as_interviews(df) == log  # DataFrame -> Interviews loses nothing
    assert pp.activity_report(df, "2023-01-01", "2023-12-31") == expected()


def test_pandas_frame_read_by_pandas_itself() -> None:
    # A frame as a data scientist gets it: pandas' own reader, strings and NaN.
    df = pd.read_csv(LOG, sep=";")
    assert df["duration_minutes"].dtype.kind in "if"
    assert pp.activity_report(df, "2023-01-01", "2023-12-31") == expected()
    df["date"] = pd.to_datetime(df["date"], dayfirst=True)  # datetime64 column
    assert pp.activity_report(df, "2023-01-01", "2023-12-31") == expected()


def test_polars_log_round_trip_and_report() -> None:
    log = pp.read_interviews_csv(LOG)
    df = log.to_polars()
    assert df.schema["date"] == pl.Date and df.height == len(log)
    assert pp.as_interviews(df) == log
    assert pp.activity_report(df, "2023-01-01", "2023-12-31") == expected()
    french = pl.read_csv(LOG, separator=";")
    assert pp.activity_report(french, "2023-01-01", "2023-12-31") == expected()


def test_report_frames_hold_the_report_values() -> None:
    report = expected()
    rows = report.to_pandas()
    assert len(rows) == len(report.rows)
    first = report.rows[0]
    assert rows.iloc[0]["partner"] == first["partner"] and rows.iloc[0]["month"] == first["month"]
    assert int(rows["total"].sum()) == sum(t["total"] for t in report.totals)
    assert rows.iloc[0]["start"] == pd.Timestamp(dt.date.fromisoformat(first["start"]))
    totals = report.to_pandas(table="totals")
    assert list(totals["patients"]) == [t["patients"] for t in report.totals]

    prow = report.to_polars()
    assert prow.height == len(report.rows) and prow.schema["start"] == pl.Date
    assert prow["total"].sum() == sum(t["total"] for t in report.totals)
    ptot = report.to_polars(table="totals")
    assert ptot["partner"].to_list() == [t["partner"] for t in report.totals]


def test_masked_and_not_reported_cells_stay_missing_in_frames() -> None:
    log = pp.read_interviews_csv(LOG)
    report = pp.activity_report(
        log, "2023-01-01", "2023-12-31",
        coverage=[{"group": "PP-A", "start": "2023-12-01", "end": "2023-12-31"}],
    )
    df = report.to_pandas()
    dec = df[(df["partner"] == "PP-A") & (df["month"] == "2023-12")].iloc[0]
    assert pd.isna(dec["total"])  # not reported: missing, not 0
    pdf = report.to_polars().filter((pl.col("partner") == "PP-A") & (pl.col("month") == "2023-12"))
    assert pdf["total"].to_list() == [None]
