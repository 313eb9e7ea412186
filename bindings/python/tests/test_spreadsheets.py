"""Every spreadsheet fixture (tests/fixtures/spreadsheets/, made by LibreOffice and openpyxl)
read from Python, checked against expected.json (computed by the fixture script, not by
this library); reports written to .xlsx read back with openpyxl and pandas."""

from __future__ import annotations

import datetime as dt
import json
import pickle
import warnings
from pathlib import Path
from typing import Any, Dict

import pytest

import patient_partner as pp

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "spreadsheets"
EXPECTED: Dict[str, Any] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
LOGS = sorted(EXPECTED["interviews_2023"]["files"]) + ["interviews_2023_variant_headers.xlsx"]
COLUMNS = ["in_person", "phone", "video", "total", "new_patients"]


def check_tables(name: str, report: pp.ActivityReport) -> None:
    want = EXPECTED["interviews_2023"]["partners"]
    totals = {t["partner"]: t for t in report.totals}
    assert set(totals) == set(want), name
    for partner, table in want.items():
        assert totals[partner]["patients"] == table["patients"], (name, partner)
        for c in COLUMNS:
            assert totals[partner][c] == table["total"][c], (name, partner, c)
    for row in report.rows:
        cell = want[row["partner"]]["months"][row["month"]]
        for c in COLUMNS + ["patients"]:
            assert row[c] == cell[c], (name, row["partner"], row["month"], c)


@pytest.mark.parametrize("name", LOGS)
def test_every_log_gives_the_expected_tables(name: str) -> None:
    with pytest.warns(pp.DataImportWarning) as caught:
        log = pp.read_interviews(FIXTURES / name)
    message = str(caught[0].message)
    assert "ignored column" in message and "blank row" in message, message
    assert len(log) == 150
    summary = log.summary
    assert summary is not None and summary["rows"] == 150
    assert [c["header"] for c in summary["ignored_columns"]] in (["Commentaire"], ["Remarques"])
    assert summary["blank_rows"] >= 1
    report = pp.activity_report(log, start="2023-01-01", end="2023-12-31")
    check_tables(name, report)


@pytest.mark.parametrize("name", ["interviews_2023_openpyxl.xlsx", "interviews_2023_cp1252_crlf.csv"])
def test_the_streamed_report_and_bytes_input(name: str) -> None:
    with pytest.warns(pp.DataImportWarning):
        report = pp.activity_report_file(FIXTURES / name, "2023-01-01", "2023-12-31")
    check_tables(name, report)
    with pytest.warns(pp.DataImportWarning):
        from_bytes = pp.read_interviews((FIXTURES / name).read_bytes())
    assert len(from_bytes) == 150


def test_csv_encoding_and_separator_are_in_the_summary() -> None:
    with pytest.warns(pp.DataImportWarning):
        log = pp.read_interviews(FIXTURES / "interviews_2023_utf16_tab.txt")
    assert log.summary is not None
    assert (log.summary["encoding"], log.summary["separator"]) == ("UTF-16LE", "\t")
    with pytest.warns(pp.DataImportWarning):
        log = pp.read_interviews(FIXTURES / "interviews_2023_cp1252_lf.csv")
    assert log.summary is not None and log.summary["encoding"] == "windows-1252"


def test_errors_name_the_line_or_the_cell() -> None:
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews(FIXTURES / "interviews_errors_cp1252_crlf.csv")
    e = info.value
    assert (e.kind, e.line, e.column, e.field, e.sheet) == ("invalid_modality", 28, 4, "modality", None)
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews(FIXTURES / "interviews_errors.xlsx")
    e = info.value
    assert (e.sheet, e.cell, e.line, e.column) == ("Entretiens 2023", "D17", 17, 4)
    assert "sheet 'Entretiens 2023', cell D17" in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert (again.sheet, again.cell) == ("Entretiens 2023", "D17")


def test_options_strict_columns_sheet_encoding() -> None:
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews(FIXTURES / "interviews_2023_openpyxl.xlsx", strict=True)
    assert info.value.kind == "unknown_column" and info.value.cell == "F1"
    text = "Jour;Intervenant;Patient;Modalité\r\n09/01/2023;PP-9;PAT-1;visio\r\n".encode("cp1252")
    log = pp.read_interviews(text, columns={"partner": "Intervenant"})
    assert log[0].partner == "PP-9"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing left aside: no warning
        pp.read_interviews(text, columns={"partner": "Intervenant"}, encoding="windows-1252")
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews(FIXTURES / "interviews_2023_openpyxl.xlsx", sheet="Feuil1")
    assert info.value.kind == "unknown_sheet"
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews(text, encoding="klingon")
    assert info.value.kind == "unknown_encoding"
    with pytest.raises(TypeError):
        pp.read_interviews(12)  # type: ignore[arg-type]


def test_referrals_and_activities_from_workbooks() -> None:
    want = EXPECTED["referrals_2023"]
    for name in want["files"]:
        with pytest.warns(pp.DataImportWarning, match="Remarques"):
            referrals = pp.read_referrals(FIXTURES / name)
        assert len(referrals) == want["count"]
        assert [r.id for r in referrals] == want["ids"]
        assert referrals.summary["ignored_columns"][0]["header"] == "Remarques"
    want = EXPECTED["activities_2023"]
    with pytest.warns(pp.DataImportWarning):
        activities = pp.read_activities(FIXTURES / "activities_2023.ods")
    assert len(activities) == want["count"]
    assert activities.summary["format"] == "ods"
    by_mission: Dict[str, int] = {}
    for a in activities:
        mission = a.to_dict()["mission"]
        by_mission[mission] = by_mission.get(mission, 0) + 1
    assert by_mission == want["by_mission"]


def test_an_excel_report_reads_back_with_openpyxl_and_pandas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pd = pytest.importorskip("pandas")
    with pytest.warns(pp.DataImportWarning):
        log = pp.read_interviews(FIXTURES / "interviews_2023_openpyxl.xlsx")
    coverage = [{"group": "PP-01", "start": "2023-12-01", "end": "2023-12-31"}]
    report = pp.activity_report(
        log, "2023-01-01", "2023-12-31", suppress_below=11, coverage=coverage
    )
    path = tmp_path / "rapport.xlsx"
    report.to_excel(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Partenaire PP-01", "Partenaire PP-02", "Partenaire PP-03", "Définitions"]
    masked = 0
    for sheet_name, partner in zip(book.sheetnames, ["PP-01", "PP-02", "PP-03"]):
        ws = book[sheet_name]
        assert [c.value for c in ws[3][:7]] == [
            "Mois", "Présentiel", "Téléphone", "Visio", "Total", "Nouveaux patients", "Patients"
        ]
        rows = [r for r in report.rows if r["partner"] == partner]
        for i, row in enumerate(rows):
            for j, c in enumerate(COLUMNS + ["patients"]):
                value = ws.cell(row=4 + i, column=2 + j).value
                if c in row.get("masked", []):
                    masked += 1
                    assert value == "s", (partner, i, c)
                elif row["reporting"] == "not_reported":
                    assert value == "–", (partner, i, c)
                else:
                    assert value == row[c] and isinstance(value, (int, float)), (partner, i, c)
        assert ws._charts, "a chart on each group's sheet"
    assert masked > 0
    legend = [ws.cell(row=r, column=1).value for r in range(1, 40)]
    want = "s : secret statistique : effectif inférieur à 11 ou masqué pour protéger un autre"
    assert want in legend, legend
    frame = pd.read_excel(path, sheet_name="Partenaire PP-02", header=2, nrows=12)
    assert list(frame.columns[:2]) == ["Mois", "Présentiel"]
    assert len(frame) == 12
    # pandas reads the masked cells as the mark, never as a number.
    rows_02 = [r for r in report.rows if r["partner"] == "PP-02"]
    for i, row in enumerate(rows_02):
        for c in row.get("masked", []):
            header = ["Présentiel", "Téléphone", "Visio", "Total", "Nouveaux patients",
                      "Patients"][(COLUMNS + ["patients"]).index(c)]
            assert frame.iloc[i][header] == "s", (i, c)
    english = report.to_xlsx_bytes(lang="en")
    assert english[:2] == b"PK"
    with pytest.raises(pp.UnknownValueError):
        report.to_xlsx_bytes(lang="de")  # type: ignore[arg-type]


def test_readers_without_a_summary_refuse_unused_columns() -> None:
    text = "Date;Partenaire;Patient;Modalité;Notes\n09/01/2023;PP-1;PAT-1;visio;x\n"
    with pytest.raises(pp.DataImportError) as info:
        pp.parse_interviews_csv(text)
    assert info.value.kind == "unknown_column"
    with pytest.warns(pp.DataImportWarning, match="Notes"):
        log = pp.read_interviews(text.encode("utf-8"))
    assert log.summary is not None and log.summary["has_notes"]
    # A JSON log is recognised by its content too.
    log = pp.read_interviews(b'[{"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-1", "modality": "phone"}]')
    assert len(log) == 1 and log.summary is not None and log.summary["format"] == "json"
