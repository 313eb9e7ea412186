"""Indicators published with disclosure control (issue 26 item 2): every number an
indicator shows is one the protected tables already publish, so it can give no masked cell
back; the raw indicators do (the regression the issue found)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, Dict, List, Optional

import pytest

import patient_partner as pp


def _log(seed: int) -> List[Dict[str, Any]]:
    rng = random.Random(seed)
    rows: List[Dict[str, Any]] = []
    for p in range(rng.randint(2, 4)):
        busy = rng.randint(1, 6)
        for month in range(1, 13):
            for _ in range(rng.randint(0, busy)):
                rows.append(
                    {
                        "date": dt.date(2023, month, rng.randint(1, 28)),
                        "partner": f"PP-{p}",
                        "patient": f"PAT-{p}-{rng.randint(0, 3 * busy + 1)}",
                        "modality": rng.choice(["in_person", "phone", "video"]),
                    }
                )
    return rows


def _totals(table: pp.ActivityReport) -> Dict[Optional[str], Dict[str, Any]]:
    out: Dict[Optional[str], Dict[str, Any]] = {}
    for row in table.to_dict()["totals"]:
        key = row.get("partner", row.get("establishment"))
        out[key] = row
    return out


def test_the_raw_share_gives_a_masked_cell_back_the_published_one_does_not() -> None:
    # PP-A: 3 video interviews (masked in the table), no phone, 27 in person
    rows = [
        {"date": dt.date(2023, 1 + k % 12, 1 + k % 28), "partner": "PP-A", "patient": f"P{k % 20}",
         "modality": "video" if k < 3 else "in_person"}
        for k in range(30)
    ]
    table = pp.publish(rows, "2023-01-01", "2023-12-31", bucket="year", suppress_below=11).tables[0]
    totals = _totals(table)["PP-A"]
    assert totals["video"] is None and totals["phone"] == 0
    raw = pp.remote_share(rows, "2023-01-01", "2023-12-31", by="partner")[0]
    assert raw["numerator"] - totals["phone"] == 3, "the raw numerator gives the masked video back"
    published = pp.remote_share(rows, "2023-01-01", "2023-12-31", by="partner", suppress_below=11)[0]
    assert published["numerator"] is None and published["value"] is None and published["masked"]
    assert published["denominator"] == 30


@pytest.mark.parametrize("seed", range(6))
def test_every_published_indicator_is_read_from_published_cells(seed: int) -> None:
    rows = _log(seed)
    publication = pp.publish(
        rows, "2023-01-01", "2023-12-31", by=["partner", "all"], bucket=["quarter"],
        suppress_below=11,
        indicators=["remote_share", "interviews_per_patient", "interviews_total", "patients_seen",
                    "interviews_by_video"],
    )
    by_grouping = {t.to_dict()["group_by"]: _totals(t) for t in publication.tables}
    checked = 0
    for indicator in publication.indicators:
        totals = by_grouping[indicator["group_by"]]
        for group in indicator["groups"]:
            row = totals[group.get("partner", group.get("establishment"))]
            name = indicator["indicator"]
            if name in ("interviews_total", "patients_seen", "interviews_by_video"):
                column = {"interviews_total": "total", "patients_seen": "patients",
                          "interviews_by_video": "video"}[name]
                assert group["count"] == row[column]
                assert group["masked"] == (row[column] is None)
            elif name == "interviews_per_patient":
                assert (group["numerator"], group["denominator"]) == (row["total"], row["patients"])
            else:
                derivable = None
                if row["phone"] is not None and row["video"] is not None:
                    derivable = row["phone"] + row["video"]
                elif row["total"] is not None and row["in_person"] is not None:
                    derivable = row["total"] - row["in_person"]
                assert group["numerator"] == derivable
                assert group["denominator"] == row["total"]
            if group.get("numerator") is not None and group.get("denominator"):
                assert group["value"] == pytest.approx(group["numerator"] / group["denominator"])
            elif "numerator" in group:
                assert group["value"] is None
            checked += 1
    assert checked >= 5 * 3
    assert "indicators" in publication.to_dict()
    csv = publication.indicators_to_csv()
    assert csv.startswith("indicator,group_by,group,numerator,denominator,value\n")


def test_protected_counts_name_what_is_masked() -> None:
    rows = _log(3)
    counts = pp.activity_counts(rows, "2023-01-01", "2023-12-31", by="partner", suppress_below=11)
    # the same protected table they are read from (one publication by partner and year)
    published = pp.publish(rows, "2023-01-01", "2023-12-31", bucket="year", suppress_below=11)
    table = _totals(published.tables[0])
    for group in counts:
        row = table[group["partner"]]
        assert group["interviews_total"] == row["total"]
        assert ("interviews_by_video" in group["masked"]) == (row["video"] is None)
    with pytest.raises(pp.PatientPartnerError):
        pp.publish(rows, "2023-01-01", "2023-12-31", suppress_below=11, indicators=["no_such"])  # type: ignore[list-item]
