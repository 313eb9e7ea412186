"""Activities in the monthly table (issue 13, item 3): every input of activity_report takes
``activities=``, a Journal reports its own, and the columns reach dicts, pandas, polars, CSV
and the text table. Expected values are counted here from the logs themselves."""

from __future__ import annotations

import io
from typing import Any, Dict, List

import pandas as pd
import polars as pl
import pytest

import patient_partner as pp

LOG = (
    "date,partner,patient,modality\n"
    "2023-01-09,PP-1,PAT-1,in_person\n"
    "2023-02-14,PP-1,PAT-2,phone\n"
    "2023-03-01,PP-2,PAT-3,video\n"
)

ACTIVITIES: List[Dict[str, Any]] = [
    {"id": "ACT-1", "date": "2023-01-12", "partner": "PP-1", "mission": "support_group",
     "modality": "hybrid", "duration_minutes": 90, "participants": 8},
    {"id": "ACT-2", "date": "2023-01-20", "partner": "PP-1", "mission": "committee_participation",
     "modality": "video", "duration_minutes": 120},
    {"id": "ACT-3", "date": "2023-02-02", "partner": "PP-1", "mission": "patient_relative_meeting",
     "modality": "in_person", "duration_minutes": 60, "participants": 5},
    {"id": "ACT-4", "date": "2023-03-08", "partner": "PP-3", "mission": "professional_training",
     "modality": "in_person", "duration_minutes": 180, "participants": 12},
    {"id": "ACT-5", "date": "2022-12-15", "partner": "PP-1", "mission": "media",
     "modality": "video", "duration_minutes": 45},
]

ACTIVITIES_CSV = (
    "id;date;partner;mission;modality;duration_minutes;participants\r\n"
    + "".join(
        f"{a['id']};{a['date']};{a['partner']};{a['mission']};{a['modality']};"
        f"{a['duration_minutes']};{a.get('participants', '')}\r\n"
        for a in ACTIVITIES
    )
)


def cells(row: Dict[str, Any], category: str) -> Dict[str, Any]:
    [found] = [a for a in row["activities"] if a["category"] == category]
    return found


def report(**kwargs: Any) -> Any:
    log = pp.parse_interviews_csv(LOG)
    return pp.activity_report(log, "2023-01-01", "2023-03-31", **kwargs)


def test_activities_are_counted_by_category_beside_the_interviews() -> None:
    r = report(activities=ACTIVITIES)
    rows = {(x["partner"], x["month"]): x for x in r.rows}
    jan = rows[("PP-1", "2023-01")]
    assert (jan["in_person"], jan["total"]) == (1, 1)
    assert cells(jan, "clinical_groups") == {
        "category": "clinical_groups", "activities": 1, "minutes": 90, "participants": 8}
    assert cells(jan, "governance")["minutes"] == 120
    assert cells(rows[("PP-1", "2023-02")], "clinical_groups")["participants"] == 5
    totals = {t["partner"]: t for t in r.totals}
    assert cells(totals["PP-1"], "clinical_groups")["activities"] == 2
    assert cells(totals["PP-1"], "communication")["activities"] == 0  # December: outside
    # a partner with activities and no interview has a table of its own
    assert cells(totals["PP-3"], "training") == {
        "category": "training", "activities": 1, "minutes": 180, "participants": 12}
    assert totals["PP-3"]["total"] == 0
    assert [t["partner"] for t in r.totals] == ["PP-1", "PP-2", "PP-3"]
    # every category, in the vocabulary's order
    assert [a["category"] for a in jan["activities"]] == [
        w for w, _, _ in pp.vocabulary("ActivityCategory")]


def test_without_activities_the_report_is_unchanged() -> None:
    plain = report()
    assert all("activities" not in row for row in plain.rows)
    with_empty = report(activities=[])
    assert all(a["activities"] == 0 for row in with_empty.rows for a in row["activities"])
    strip = lambda rows: [{k: v for k, v in x.items() if k != "activities"} for x in rows]  # noqa: E731
    assert strip(with_empty.rows) == plain.rows


def test_every_input_gives_the_same_report() -> None:
    expected = report(activities=ACTIVITIES).to_dict()
    objects = [pp.Activity.from_dict(a) for a in ACTIVITIES]
    assert report(activities=objects).to_dict() == expected
    assert report(activities=iter(ACTIVITIES)).to_dict() == expected  # any iterable
    read = pp.read_activities(ACTIVITIES_CSV.encode("cp1252"))
    assert report(activities=read).to_dict() == expected
    frame = pl.read_csv(io.StringIO(LOG))
    assert pp.activity_report(frame, "2023-01-01", "2023-03-31",
                              activities=ACTIVITIES).to_dict() == expected
    assert pp.activity_report_file(LOG.encode(), "2023-01-01", "2023-03-31",
                                   activities=ACTIVITIES).to_dict() == expected


def test_a_journal_reports_its_own_activities() -> None:
    journal = pp.Journal()
    for line in LOG.splitlines()[1:]:
        date, partner, patient, modality = line.split(",")
        journal.add_interview(pp.Interview.from_dict(
            {"date": date, "partner": partner, "patient": patient, "modality": modality}))
    for a in ACTIVITIES:
        journal.add_activity(pp.Activity.from_dict(a))
    mine = pp.activity_report(journal, "2023-01-01", "2023-03-31")
    assert mine.to_dict() == report(activities=ACTIVITIES).to_dict()
    # the default period is the first to the last interview, as for a log
    assert pp.activity_report(journal).start.isoformat() == "2023-01-09"
    with pytest.raises(TypeError, match="journal's own activities"):
        pp.activity_report(journal, "2023-01-01", "2023-03-31", activities=[])


def test_frames_get_flat_activity_columns() -> None:
    r = report(activities=ACTIVITIES)
    df = r.to_pandas()
    for name in ("clinical_groups", "clinical_groups_minutes", "clinical_groups_participants",
                 "governance_minutes", "clinical_individual_participants"):
        assert name in df.columns, name
    assert str(df["clinical_groups_minutes"].dtype) == "Int64"
    jan = df[(df["partner"] == "PP-1") & (df["month"] == "2023-01")].iloc[0]
    assert (jan["clinical_groups"], jan["clinical_groups_minutes"]) == (1, 90)
    totals = r.to_polars("totals")
    assert totals.filter(pl.col("partner") == "PP-3")["training_participants"].to_list() == [12]
    # the same columns as the CSV, which a spreadsheet reads
    csv = pd.read_csv(io.StringIO(r.to_csv()))
    assert list(csv.columns[-24:]) == [c for c in df.columns if c in set(csv.columns)][-24:]
    assert "clinical group sessions" in r.to_table()


def test_masked_activity_cells_are_named_in_frames() -> None:
    r = report(activities=ACTIVITIES, suppress_below=11)
    jan = [x for x in r.rows if x["partner"] == "PP-1" and x["month"] == "2023-01"][0]
    groups = cells(jan, "clinical_groups")
    assert groups["activities"] is None and "activities" in groups["masked"]
    assert "minutes" in groups["masked"]  # a masked count hides its minutes
    df = r.to_pandas()
    row = df[(df["partner"] == "PP-1") & (df["month"] == "2023-01")].iloc[0]
    assert "clinical_groups" in list(row["masked"])
    assert "clinical_groups_minutes" in list(row["masked"])
    assert pd.isna(row["clinical_groups"])
    table = r.to_table()
    assert any(line.split()[1:] and "s" in line.split()[1:] for line in table.splitlines())
    assert "s suppressed: below 11, or masked to protect another" in table


def test_activity_errors_are_typed() -> None:
    gap = [{"group": "PP-1", "start": "2023-02-01", "end": "2023-02-05"}]
    with pytest.raises(pp.ReportError) as e:
        report(activities=ACTIVITIES[2:3], coverage=gap)
    assert e.value.kind == "activity_in_gap"
    assert e.value.entity == "ACT-3"
    bad = dict(ACTIVITIES[0])
    del bad["participants"]
    with pytest.raises(pp.ActivityError) as e2:
        report(activities=[bad])
    assert e2.value.kind == "participants_required"
    with pytest.raises(pp.PatientPartnerError):
        report(activities=[{"id": "ACT-9", "date": "2023-01-01"}])
