"""Typed use of the public API: mypy checks this file against the stub (scripts/test-python.sh),
and pytest runs it, so the stub and the runtime agree on real calls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Dict, List, Optional

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]


def test_typed_use() -> None:
    log: pp.Interviews = pp.read_interviews_csv(REPO / "examples" / "data" / "interviews_2023.csv")
    first: pp.Interview = log[0]
    day: dt.date = first.date
    duration: Optional[int] = first.duration_minutes
    report: pp.ActivityReport = pp.activity_report(log, start=day, end="2023-12-31", by="all")
    rows: List[Dict[str, Any]] = report.to_dicts()
    whole: Dict[str, Any] = report.to_dict()
    assert rows == whole["rows"]
    assert duration is None or duration > 0
    kind: str = ""
    try:
        pp.parse_id("partner", "")
    except pp.InvalidIdError as e:
        kind = e.kind
        line: Optional[int] = e.line
        assert line is None
    assert kind == "empty_id"
    state: str = pp.referral_transition("received", {"kind": "cancel"})
    assert state == "cancelled"
    journal = pp.Journal()
    summary: Dict[str, Any] = journal.summary()
    assert summary["referrals"] == 0


def test_typed_indicators() -> None:
    log = pp.read_interviews_csv(REPO / "examples" / "data" / "interviews_2023.csv")
    counts: pp.ActivityCountsDict = pp.activity_counts(log, "2023-01-01", "2023-12-31")
    shares: List[pp.GroupedRatioDict] = pp.remote_share(log, by="partner")
    modality: pp.Modality = "phone"
    by: pp.GroupBy = "establishment"
    per_site: List[pp.GroupedActivityCountsDict] = pp.activity_counts(log, by=by)
    assert counts["interviews_total"] == 189 and modality in pp.Modality.__args__  # type: ignore[attr-defined]
    assert [s["partner"] for s in shares] == ["PP-A", "PP-B"]
    assert per_site[0]["establishment"] == "EST-01"
    pp.options.display.max_groups = 5
    pp.options.display.reset()
