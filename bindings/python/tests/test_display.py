"""The notebook and console display of reports: bounded, with a legend, set by options."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

import pytest

import patient_partner as pp


def big_frame(partners: int) -> "object":
    pa = pytest.importorskip("pyarrow")
    dates, who, patients, modalities = [], [], [], []
    kinds = ["in_person", "phone", "video"]
    for p in range(partners):
        for i in range(12):
            dates.append(dt.date(2023, 1, 1) + dt.timedelta(days=(i * 31 + p) % 365))
            who.append(f"PP-{p:05}")
            patients.append(f"PAT-{p:05}-{i % 4}")
            modalities.append(kinds[i % 3])
    return pa.table(
        {"date": dates, "partner": who, "patient": patients, "modality": modalities}
    )


@pytest.fixture()
def reset_options() -> Iterator[None]:
    yield
    pp.options.display.reset()


def test_a_5000_partner_report_shows_in_under_200_kb() -> None:
    report = pp.activity_report(big_frame(5_000), "2023-01-01", "2023-12-31")
    html = report._repr_html_()
    assert len(html.encode("utf-8")) < 200_000
    assert html.count("<table") == 10
    assert "10 of 5,000 partners shown" in html
    assert "5,000 partners × 12 months · by partner · 60,000 interviews" in html
    text = repr(report)
    assert text == str(report) == report.to_string()
    assert text.startswith("Activity report 2023-01-01 to 2023-12-31 · 5,000 partners")
    assert "… 10 of 5,000 partners shown" in text
    assert len(text) < 20_000


def test_options_set_what_the_preview_shows(reset_options: None) -> None:
    report = pp.activity_report(big_frame(50), "2023-01-01", "2023-12-31")
    pp.options.display.max_groups = 3
    pp.options.display.max_buckets = 4
    html = report._repr_html_()
    assert html.count("<table") == 3 and "3 of 50 partners shown" in html
    assert html.count('<tr class="pp-elided">') == 3
    assert 'title="8 buckets not shown"' in html
    # Arguments win over the options.
    assert report.to_html(max_groups=5).count("<table") == 5
    pp.options.display.max_groups = None  # as many as fit
    assert report.to_html().count("<table") == 50
    assert "partners shown" not in report.to_html()
    pp.options.display.reset()
    assert pp.options.display.max_groups == 10 and pp.options.display.max_buckets == 24


@pytest.mark.parametrize("bad", [-1, 2.5, "10", True])
def test_options_refuse_what_is_not_a_count(bad: object, reset_options: None) -> None:
    with pytest.raises(ValueError, match="max_groups must be a whole number"):
        pp.options.display.max_groups = bad  # type: ignore[assignment]
    assert pp.options.display.max_groups == 10


def test_masked_and_not_reported_cells_are_told_apart() -> None:
    log = pp.read_interviews_csv(
        pp_path("interviews_2023.csv")
    )
    report = pp.activity_report(
        log, "2023-01-01", "2023-12-31", suppress_below=11,
        coverage=[{"group": "PP-A", "start": "2023-12-01", "end": "2023-12-31"}],
    )
    html = report._repr_html_()
    legend = "suppressed: below 11, or masked to protect another"
    assert f'<td class="pp-masked" title="{legend}">s</td>' in html
    assert '<td class="pp-na" title="not reported">&ndash;</td>' in html
    assert f"<b>s</b> {legend}" in html
    assert "&lt;&nbsp;" not in html
    assert "not reported (no data handed in: not zero)" in html


def pp_path(name: str) -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parents[3] / "examples" / "data" / name)
