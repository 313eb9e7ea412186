"""The public API: immutable domain values, round trips, the report and its JSON."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]
LOG = REPO / "examples" / "data" / "interviews_2023.csv"
COVERAGE = REPO / "examples" / "data" / "coverage_2023.json"


def test_interview_is_immutable_typed_and_round_trips() -> None:
    i = pp.Interview(
        dt.date(2023, 3, 14), " PP-001 ", "PAT-0042", "Téléphone", duration_minutes=30
    )
    assert i.date == dt.date(2023, 3, 14)
    assert (i.partner, i.patient, i.modality) == ("PP-001", "PAT-0042", "phone")
    assert (i.duration_minutes, i.referral, i.establishment, i.id) == (30, None, None, None)
    with pytest.raises(AttributeError):
        i.partner = "PP-002"  # type: ignore[misc]
    d = i.to_dict()
    assert d == {
        "date": "2023-03-14",
        "partner": "PP-001",
        "patient": "PAT-0042",
        "modality": "phone",
        "duration_minutes": 30,
    }
    assert pp.Interview.from_dict(d) == i
    assert pp.Interview.from_json(i.to_json()) == i
    assert pp.Interview.from_dict({**d, "date": dt.date(2023, 3, 14)}) == i
    assert hash(pp.Interview.from_dict(d)) == hash(i)
    assert len({i, pp.Interview.from_dict(d)}) == 1
    assert i != pp.Interview.from_dict({**d, "modality": "video"})
    assert repr(i).startswith("Interview(") and "PAT-0042" in repr(i)
    with pytest.raises(pp.InterviewError) as err:
        pp.Interview("2023-03-14", "PP-001", "PAT-0042", "phone", duration_minutes=0)
    assert (err.value.kind, err.value.field) == ("zero_duration", "duration_minutes")


def test_referral_lifecycle_and_journal() -> None:
    referral = pp.Referral.from_dict(
        {
            "id": "REF-1",
            "patient": "PAT-0001",
            "received": dt.date(2023, 1, 9),
            "source": {"kind": "care_team", "profession": "nurse"},
            "needs": ["pathway_navigation"],
            "stage": "treatment",
            "consent": {"status": "given", "date": "2023-01-09"},
        }
    )
    assert referral.received == dt.date(2023, 1, 9) and referral.id == "REF-1"
    lifecycle = pp.ReferralLifecycle(referral)
    assign = {"referral": "REF-1", "date": "2023-01-10", "event": {"kind": "assign", "partner": "PP-001"}}
    assert lifecycle.check(assign) == "assigned" and lifecycle.state == "received"
    assert lifecycle.apply(pp.ReferralTransition.from_dict(assign)) == "assigned"
    assert (lifecycle.partner, lifecycle.last_date) == ("PP-001", dt.date(2023, 1, 10))
    assert [t.to_dict() for t in lifecycle.history] == [assign]

    journal = pp.Journal()
    journal.add_referral(referral)
    assert journal.add_transition(assign) == "assigned"
    with pytest.raises(pp.JournalError) as info:
        journal.ingest(
            {"interviews": [{"date": "2023-01-02", "partner": "PP-001", "patient": "PAT-0001",
                             "modality": "phone", "referral": "REF-1"}]}
        )
    assert info.value.kind == "interview_before_referral"
    assert len(journal.interviews()) == 0  # all or nothing
    journal.add_interview(pp.Interview("2023-01-12", "PP-001", "PAT-0001", "video", referral="REF-1"))
    assert journal.state_of("REF-1") == "assigned"
    summary = journal.summary()
    assert (summary["referrals"], summary["transitions"], summary["interviews"]) == (1, 1, 1)
    again = pp.Journal.from_dict(journal.to_dict())
    assert again.summary() == summary
    assert pp.Journal.from_json(journal.to_json()).summary() == summary
    assert "interviews=1" in repr(journal)


def test_engagement_and_vocabularies() -> None:
    cat = pp.RoleCatalogue.builtin()
    c = cat.classify("pathway_redesign", role="salaried_patient_partner")
    assert (c["level"], c["scope"], c["role_fit"]) == ("partnership", "meso", "typical")
    assert "salaried_patient_partner" in cat.roles
    assert pp.RoleCatalogue.from_dict(cat.to_dict()).roles == cat.roles
    assert pp.mission_profile("support_group")["format"] == "group"
    modalities = pp.vocabulary("Modality")
    assert modalities == [
        ("in_person", "in person", "présentiel"),
        ("phone", "phone", "téléphone"),
        ("video", "video", "visio"),
    ]
    assert "Mission" in pp.vocabulary_names()
    for name in pp.vocabulary_names():
        entries = pp.vocabulary(name)
        assert entries, name
        for wire, en, fr in entries:
            assert wire and en and fr and wire == wire.lower()
    with pytest.raises(ValueError):
        pp.vocabulary("Colours")
    with pytest.raises(pp.UnknownValueError):
        cat.classify("juggling")


def reference_report() -> pp.ActivityReport:
    coverage = json.loads(COVERAGE.read_text(encoding="utf-8"))
    log = pp.read_interviews_csv(LOG)
    return pp.activity_report(log, start="2023-01-01", end="2023-12-31", coverage=coverage)


def test_reference_tables() -> None:
    report = reference_report()
    totals = {t["partner"]: t for t in report.totals}
    assert (totals["PP-A"]["total"], totals["PP-A"]["patients"]) == (146, 42)
    assert (totals["PP-B"]["total"], totals["PP-B"]["patients"]) == (43, 30)
    december_a = [r for r in report.rows if r["partner"] == "PP-A" and r["month"] == "2023-12"][0]
    assert december_a["total"] is None and december_a["reporting"] == "not_reported"
    assert report.to_dicts() == report.rows == report.to_dict()["rows"]
    assert (report.start, report.end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert (report.group_by, report.bucket, report.suppress_below) == ("partner", "month", None)
    assert "PP-A" in report.to_table() and report.to_csv().count("\n") >= 24
    html = report._repr_html_()
    assert "<caption>PP-B</caption>" in html and 'class="pp-na"' in html
    assert "146 interviews" not in html  # 189 over both partners
    assert "189 interviews" in html


def test_report_dict_is_the_example_json_output() -> None:
    cargo = shutil.which("cargo")
    assert cargo, "cargo is needed to compare with the Rust example"
    out = subprocess.run(
        [cargo, "run", "-q", "--example", "activity_report", "--", "--input", str(LOG),
         "--from", "2023-01-01", "--to", "2023-12-31", "--coverage", str(COVERAGE),
         "--format", "json"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout
    assert reference_report().to_dict() == json.loads(out)


def test_streamed_csv_report_equals_the_in_memory_one() -> None:
    coverage = json.loads(COVERAGE.read_text(encoding="utf-8"))
    streamed = pp.activity_report_csv(LOG, "2023-01-01", "2023-12-31", coverage=coverage)
    assert streamed == reference_report()


def test_request_object_options_and_disclosure() -> None:
    log = pp.read_interviews_csv(LOG)
    req = pp.ReportRequest.from_dict(
        {"period": {"start": "2023-01-01", "end": "2023-12-31"}, "group_by": "all",
         "bucket": "quarter", "suppress_below": 11}
    )
    by_request = pp.activity_report(log, request=req)
    by_kwargs = pp.activity_report(log, start=dt.date(2023, 1, 1), end="2023-12-31", by="all",
                                   bucket="quarter", suppress_below=11)
    assert by_request == by_kwargs
    assert [r["quarter"] for r in by_request.rows] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    masked = [r for r in by_request.rows if r.get("masked")]
    for r in masked:
        for col in r["masked"]:
            assert r[col] is None  # masked cells are null, never 0
    with pytest.raises(pp.ReportError) as info:
        pp.activity_report(log, start="2023-01-01", end="2023-12-31", by="planet")
    assert info.value.kind == "invalid_request"


def test_input_forms_give_the_same_report() -> None:
    log = pp.read_interviews_csv(LOG)
    expected = pp.activity_report(log, "2023-01-01", "2023-12-31")
    as_list = [log[k] for k in range(len(log))]
    assert pp.activity_report(as_list, "2023-01-01", "2023-12-31") == expected
    records = log.to_dicts()
    assert pp.activity_report(records, "2023-01-01", "2023-12-31") == expected
    # Dicts follow the CSV rules: French labels and dates are accepted.
    french = [{**r, "modality": {"in_person": "présentiel", "phone": "téléphone",
                                 "video": "visio"}[r["modality"]],
               "date": dt.date.fromisoformat(r["date"]).strftime("%d/%m/%Y")}
              for r in records]
    assert pp.activity_report(french, "2023-01-01", "2023-12-31") == expected
    bad = records[:3] + [{**records[3], "modality": "fax"}]
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(bad, "2023-01-01", "2023-12-31")
    assert info.value.line == 5 and info.value.field == "modality"


def test_imports_of_referrals_and_activities(tmp_path: Path) -> None:
    csv = ("id;patient;received;source;profession;stage;needs;consent;consent_date\n"
           "REF-1;PAT-1;09/01/2023;care_team;nurse;treatment;pathway_navigation;given;06/01/2023\n")
    refs = pp.parse_referrals_csv(csv)
    assert [r.id for r in refs] == ["REF-1"]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([r.to_dict() for r in refs]), encoding="utf-8")
    assert pp.read_referrals_json(path) == refs
    acts = pp.parse_activities_csv(
        "id,date,partner,mission,modality,duration_minutes,participants\n"
        "ACT-1,2023-05-04,PP-1,groupe de parole,présentiel,90,8\n"
    )
    assert acts[0].to_dict()["participants"] == 8
    assert pp.parse_activities_json(json.dumps({"activities": [a.to_dict() for a in acts]})) == acts


def test_indicators() -> None:
    log = pp.read_interviews_csv(LOG)
    counts = pp.activity_counts(log, "2023-01-01", "2023-12-31")
    assert counts["interviews_total"] == sum(
        1 for i in (log[k] for k in range(len(log))) if i.date.year == 2023
    )
    share = pp.remote_share(log, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert share["denominator"] == counts["interviews_total"]
    ids = [d["id"] for d in pp.indicator_catalogue()]
    assert "interviews_total" in ids and len(ids) == len(set(ids))


def test_interviews_collection() -> None:
    log = pp.parse_interviews_csv("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,visio\n")
    assert len(log) == 1 and log[-1].modality == "video"
    with pytest.raises(IndexError):
        log[1]
    assert list(log)[0] == log[0]
    assert pp.Interviews.from_json(log.to_json()) == log
    assert pp.parse_interviews_json(log.to_json()) == log
    assert "len=1" in repr(log)


def test_values_pickle() -> None:
    import pickle

    i = pp.Interview("2023-01-09", "PP-A", "PAT-1", "phone", referral="REF-1")
    assert pickle.loads(pickle.dumps(i)) == i
    log = pp.Interviews([i, i])
    assert pickle.loads(pickle.dumps(log)) == log
