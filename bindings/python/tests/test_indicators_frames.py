"""Indicators take what reports take (frames included), per group with `by=`; the period
defaults as everywhere (first to last interview)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, List

import pytest

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]
LOG = REPO / "examples" / "data" / "interviews_2023.csv"


def log_dicts() -> List[dict]:
    return [
        {"date": "2023-02-01", "partner": "PP-B", "patient": "PAT-1", "modality": "video"},
        {"date": "2023-03-01", "partner": "PP-A", "patient": "PAT-2", "modality": "in_person"},
        {"date": "2023-03-05", "partner": "PP-A", "patient": "PAT-2", "modality": "phone"},
        {"date": "2023-05-09", "partner": "PP-A", "patient": "PAT-3", "modality": "phone"},
    ]


def frames() -> List[Any]:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    rows = log_dicts()
    table = pa.Table.from_pylist(rows)
    return [rows, pp.as_interviews(rows), table, pl.from_arrow(table), pd.DataFrame(rows)]


@pytest.mark.parametrize("kind", range(5))
def test_every_input_gives_the_same_indicators(kind: int) -> None:
    source = frames()[kind]
    counts = pp.activity_counts(source, "2023-01-01", "2023-12-31")
    assert counts == {
        "interviews_in_person": 1, "interviews_by_phone": 2, "interviews_by_video": 1,
        "interviews_total": 4, "patients_seen": 3,
    }
    assert pp.remote_share(source, "2023-01-01", "2023-12-31") == {
        "numerator": 3, "denominator": 4, "value": 0.75,
    }


def test_by_partner_is_a_frame_in_one_call() -> None:
    pd = pytest.importorskip("pandas")
    rows = pp.interviews_per_patient(log_dicts(), "2023-01-01", "2023-12-31", by="partner")
    assert rows == [
        {"partner": "PP-A", "numerator": 3, "denominator": 2, "value": 1.5},
        {"partner": "PP-B", "numerator": 1, "denominator": 1, "value": 1.0},
    ]
    df = pd.DataFrame(pp.activity_counts(log_dicts(), by="partner"))
    assert list(df.columns) == [
        "partner", "interviews_in_person", "interviews_by_phone", "interviews_by_video",
        "interviews_total", "patients_seen",
    ]
    assert df["interviews_total"].tolist() == [3, 1]
    everyone = pp.remote_share(log_dicts(), by="all")
    assert everyone == [{"numerator": 3, "denominator": 4, "value": 0.75}]


def test_by_establishment_keeps_the_report_order() -> None:
    rows = [dict(r) for r in log_dicts()]
    rows[0]["establishment"] = "EST-2"
    rows[1]["establishment"] = "EST-1"
    out = pp.activity_counts(rows, by="establishment")
    assert [r["establishment"] for r in out] == ["EST-1", "EST-2", None]
    report = pp.activity_report(rows, by="establishment")
    assert [t["establishment"] for t in report.totals] == ["EST-1", "EST-2", None]
    assert [t["total"] for t in report.totals] == [r["interviews_total"] for r in out]


def test_a_bad_grouping_is_a_typed_error() -> None:
    with pytest.raises(pp.PatientPartnerError) as e:
        pp.activity_counts(log_dicts(), by="month")  # type: ignore[call-overload]
    assert "month" in str(e.value)


def test_the_period_defaults_to_the_first_and_last_interview() -> None:
    counts = pp.activity_counts(log_dicts(), end="2023-03-01")
    assert counts["interviews_total"] == 2  # 2023-02-01 .. 2023-03-01
    report = pp.activity_report(log_dicts())
    assert (report.start, report.end) == (dt.date(2023, 2, 1), dt.date(2023, 5, 9))
    assert report == pp.activity_report(log_dicts(), "2023-02-01", "2023-05-09")
    table = frames()[2]
    assert pp.activity_report(table, start="2023-01-01").end == dt.date(2023, 5, 9)


def test_file_reports_default_like_the_cli() -> None:
    import shutil
    import subprocess

    report = pp.activity_report_csv(LOG, by="all")
    log = pp.read_interviews_csv(LOG)
    assert (report.start, report.end) == log.date_span()
    cargo = shutil.which("cargo")
    assert cargo
    out = subprocess.run(
        [cargo, "run", "-q", "-p", "patient-partner-cli", "--", "report", str(LOG),
         "--by", "all", "--format", "csv", "--quiet"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout
    assert out == report.to_csv()


def test_no_period_without_interviews_is_a_report_error() -> None:
    with pytest.raises(pp.ReportError) as e:
        pp.activity_report([], end="2023-12-31")
    assert e.value.kind == "no_period"
    with pytest.raises(pp.ReportError) as e:
        pp.activity_counts(pp.Interviews())
    assert e.value.kind == "no_period" and e.value.field == "start"
    # With both bounds an empty log is an empty report.
    assert pp.activity_report([], "2023-01-01", "2023-01-31").totals == []
    with pytest.raises(pp.ReportError) as e:
        pp.activity_report(log_dicts(), end="2022-12-31")  # before the first interview
    assert e.value.kind == "invalid_period"
