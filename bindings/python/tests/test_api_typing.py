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
