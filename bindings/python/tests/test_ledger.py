"""Releases through a ledger from Python (issue 26 item 3): the file, the release numbers,
revisions refused then accepted, settings checked. The attacker over release sequences is
in test_ledger_disclosure.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import patient_partner as pp

if TYPE_CHECKING:
    import pandas as pd


def _log(late: bool = False) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for k in range(14):
        rows.append(
            {"date": dt.date(2023, 1, 1 + k), "partner": "PP-A", "patient": f"PAT-A{k}", "modality": "phone"}
        )
        rows.append(
            {"date": dt.date(2023, 2, 1 + k), "partner": "PP-B", "patient": f"PAT-B{k}", "modality": "in_person"}
        )
    for k in range(3):
        rows.append(
            {"date": dt.date(2023, 3, 1 + k), "partner": "PP-A", "patient": f"PAT-C{k}", "modality": "video"}
        )
    if late:
        rows.append({"date": dt.date(2023, 1, 30), "partner": "PP-A", "patient": "PAT-L", "modality": "phone"})
    return rows


def _interviews(rows: list[dict[str, object]]) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame(rows)


def test_releases_are_recorded_and_keep_what_was_published(tmp_path: Path) -> None:
    ledger = tmp_path / "releases.json"
    log = _interviews(_log())
    first = pp.publish(log, "2023-01-01", "2023-01-31", suppress_below=11, ledger=ledger)
    assert first.release == 1 and first.revisions == []
    recorded = json.loads(ledger.read_text())
    assert recorded["format"] == "patient-partner-ledger"
    assert recorded["settings"]["tables"] == [{"group_by": "partner", "bucket": "month"}]
    assert "PAT-" not in ledger.read_text()
    second = pp.publish(log, "2023-01-01", "2023-03-31", suppress_below=11, ledger=str(ledger))
    assert second.release == 2
    january = second.tables[0].to_pandas().iloc[0]
    assert (january["partner"], january["month"], january["phone"]) == ("PP-A", "2023-01", 14)
    # March's 3 video interviews are masked, with their complements
    frame = second.tables[0].to_pandas()
    march = frame[(frame["partner"] == "PP-A") & (frame["month"] == "2023-03")].iloc[0]
    assert "video" in march["masked"]
    assert len(json.loads(ledger.read_text())["releases"]) == 2


def test_revisions_are_refused_unless_accepted(tmp_path: Path) -> None:
    ledger = tmp_path / "releases.json"
    pp.publish(_interviews(_log()), "2023-01-01", "2023-01-31", suppress_below=11, ledger=ledger)
    before = ledger.read_text()
    late = _interviews(_log(late=True))
    with pytest.raises(pp.ReportError) as info:
        pp.publish(late, "2023-01-01", "2023-02-28", suppress_below=11, ledger=ledger)
    assert info.value.kind == "revised_cells"
    assert "14 published, 15 now" in str(info.value)
    assert ledger.read_text() == before, "a refused release records nothing"
    accepted = pp.publish(
        late, "2023-01-01", "2023-02-28", suppress_below=11, ledger=ledger, revisions="accept"
    )
    assert accepted.release == 2
    phone = [r for r in accepted.revisions if r["place"]["column"] == "phone"]
    assert phone and phone[0]["published"] == 14 and phone[0]["now"] == 15
    assert phone[0]["place"]["group"] == "PP-A" and phone[0]["place"]["row"] == "bucket"


def test_a_ledger_of_other_settings_or_not_a_ledger_is_refused(tmp_path: Path) -> None:
    ledger = tmp_path / "releases.json"
    log = _interviews(_log())
    pp.publish(log, "2023-01-01", "2023-01-31", suppress_below=11, ledger=ledger)
    with pytest.raises(pp.ReportError) as info:
        pp.publish(log, "2023-01-01", "2023-02-28", suppress_below=5, ledger=ledger)
    assert info.value.kind == "ledger_mismatch"
    with pytest.raises(pp.ReportError) as info:
        pp.publish(log, "2023-01-01", "2023-02-28", by=["partner", "all"], suppress_below=11, ledger=ledger)
    assert info.value.kind == "ledger_mismatch"
    assert "by all and month" in str(info.value)
    with pytest.raises(pp.ReportError) as info:
        pp.publish(log, "2023-01-01", "2023-02-28", ledger=ledger)
    assert info.value.kind == "invalid_request"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "patient-partner-ledger",\n "version": }')
    with pytest.raises(pp.ReportError) as info:
        pp.publish(log, "2023-01-01", "2023-02-28", suppress_below=11, ledger=broken)
    assert info.value.kind == "ledger_mismatch"
    assert "broken.json" in str(info.value) and "line 2" in str(info.value)
    with pytest.raises(pp.PatientPartnerError) as bad:
        pp.publish(log, "2023-01-01", "2023-02-28", suppress_below=11, ledger=ledger, revisions="maybe")  # type: ignore[arg-type]
    assert "maybe" in str(bad.value)
