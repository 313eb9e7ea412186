"""One honest mark for every masked cell (issue 26, item 6): ``s`` (secret statistique) in
the workbook, the text table, the CSV and the notebook preview, for a small count and for a
complementary cell alike. The complementary cells here hold 15 phone interviews and 120
minutes of a committee: a mark such as ``< 11`` would be false on them. Data frames hold
null there, never 0. The true values come from the same log reported without masking."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pandas as pd
import polars as pl
import pytest

import patient_partner as pp

COUNTS = ["in_person", "phone", "video", "total", "new_patients", "patients"]
EN = "suppressed: below 11, or masked to protect another"
FR = "secret statistique : effectif inférieur à 11 ou masqué pour protéger un autre"


def log_csv() -> str:
    """One partner over 2023: every month 20 interviews in person and 15 by phone, each with
    a patient of its own; in January 3 by video too, the only small count."""
    lines = ["date,partner,patient,modality"]
    for month in range(1, 13):
        for modality, n in [("in_person", 20), ("phone", 15)] + [("video", 3)] * (month == 1):
            for i in range(n):
                lines.append(
                    f"2023-{month:02}-{1 + i % 28:02},PP-A,PAT-{month:02}-{modality}-{i:02},{modality}"
                )
    return "\n".join(lines) + "\n"


# A committee of 120 minutes in January: one governance activity, a small count whose
# minutes are masked with it.
ACTIVITIES = [
    {"id": "ACT-1", "date": "2023-01-20", "partner": "PP-A", "mission": "committee_participation",
     "modality": "video", "duration_minutes": 120},
]


def reports(threshold: int = 11) -> Tuple[Any, Any]:
    log = pp.parse_interviews_csv(log_csv())
    masked = pp.activity_report(log, "2023-01-01", "2023-12-31", suppress_below=threshold,
                                activities=ACTIVITIES)
    plain = pp.activity_report(log, "2023-01-01", "2023-12-31", activities=ACTIVITIES)
    return masked, plain


def governance(row: Dict[str, Any]) -> Dict[str, Any]:
    [cells] = [a for a in row["activities"] if a["category"] == "governance"]
    return cells


def shown(report: Any) -> List[List[str]]:
    """What each interview cell must show: the 12 months, then the totals."""
    out = []
    for row in list(report.rows) + list(report.totals):
        masked = row.get("masked", [])
        out.append(["s" if c in masked else str(row[c]) for c in COUNTS])
    return out


@pytest.fixture(scope="module")
def both() -> Tuple[Any, Any]:
    masked, plain = reports()
    # The honest test needs a masked cell that is no small count: January's 15 phone
    # interviews protect its 3 video ones, and the 120 minutes the one committee.
    jan, jan_true = masked.rows[0], plain.rows[0]
    assert "phone" in jan["masked"] and jan["phone"] is None and jan_true["phone"] == 15
    assert "video" in jan["masked"] and jan_true["video"] == 3
    assert "minutes" in governance(jan)["masked"]
    assert governance(jan_true)["minutes"] == 120
    return masked, plain


def test_the_workbook_shows_s_in_french_and_english(both: Tuple[Any, Any], tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    masked, _ = both
    want = shown(masked)
    for lang, legend in [("fr", FR), ("en", EN)]:
        path = tmp_path / f"rapport_{lang}.xlsx"
        masked.to_excel(path, lang=lang)
        ws = openpyxl.load_workbook(path).worksheets[0]
        got = [
            ["s" if v == "s" else str(int(v)) for v in
             (ws.cell(row=4 + i, column=2 + j).value for j in range(6))]
            for i in range(13)
        ]
        assert got == want, lang
        assert ws.cell(row=4, column=3).value == "s"  # January's phone: 15, masked
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert f"s : {legend}" in texts, (lang, texts)
        assert not [t for t in texts if t.startswith("<")], lang
        # the governance minutes (120) of the activity block
        [minutes_row] = [r for r in range(1, ws.max_row + 1)
                         if ws.cell(row=r, column=1).value == "Minutes"]
        assert ws.cell(row=minutes_row, column=2).value == "s"
        # The chart's copy of the modalities (columns M to O) has no number where a cell
        # is masked: January's phone and video are gaps (#N/A), never 0; its in person, 20.
        assert ws.cell(row=4, column=13).value == 20
        for col in (14, 15):
            value = ws.cell(row=4, column=col).value
            assert isinstance(value, str) and "NA" in value.upper(), (lang, col, value)


def test_text_csv_and_preview_show_s(both: Tuple[Any, Any]) -> None:
    masked, _ = both
    want = shown(masked)
    for text in (masked.to_table(), repr(masked)):
        lines = text.splitlines()
        start = next(i for i, l in enumerate(lines) if l.startswith("month")) + 1
        assert [l.split()[1:] for l in lines[start:start + 13]] == want, text
        assert f"s {EN}" in lines, text
        assert "(m)" not in text and "< 11" not in text
        [minutes] = [l.split()[1:] for l in lines if l.startswith("minutes")]
        assert minutes == ["s"]
    records = list(csv.DictReader(io.StringIO(masked.to_csv())))
    assert [[r[c] for c in COUNTS] for r in records] == want
    assert (records[0]["governance"], records[0]["governance_minutes"]) == ("s", "s")
    html = masked._repr_html_()
    january = re.search(r"<tr><th>2023-01</th>(.*?)</tr>", html)
    assert january is not None
    cells = re.findall(r"<td([^>]*)>([^<]*)</td>", january.group(1))
    assert [c for _, c in cells] == want[0]
    assert cells[1] == (f' class="pp-masked" title="{EN}"', "s")
    assert f"<b>s</b> {EN}" in html and "&lt;&nbsp;" not in html


def test_the_legend_names_the_threshold_used() -> None:
    masked, _ = reports(threshold=7)
    assert "s suppressed: below 7, or masked to protect another" in masked.to_table()
    book = masked.to_xlsx_bytes(lang="fr")
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(io.BytesIO(book)).worksheets[0]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert ("s : secret statistique : effectif inférieur à 7 ou masqué pour protéger un autre"
            in texts), texts


def test_frames_hold_null_for_every_masked_cell(both: Tuple[Any, Any]) -> None:
    masked, plain = both
    df = masked.to_pandas()
    jan = df[df["month"] == "2023-01"].iloc[0]
    assert pd.isna(jan["phone"]) and pd.isna(jan["video"])  # 15 and 3, never 0
    assert pd.isna(jan["governance_minutes"])  # 120
    for frame in (masked.to_pandas(), masked.to_pandas(table="totals")):
        for _, row in frame.iterrows():
            for column in row["masked"]:
                assert pd.isna(row[column]), column
    pl_frame = masked.to_polars()
    assert pl_frame.filter(pl.col("month") == "2023-01")["phone"].to_list() == [None]
    # the unmasked cells are the true counts
    true = plain.to_pandas()
    assert jan["in_person"] == true[true["month"] == "2023-01"].iloc[0]["in_person"] == 20
