#!/usr/bin/env python3
"""Writes examples/data/journal_2023.json: the demo journal of the FHIR export (issue 14),
built from the bundled reference log (interviews_2023.csv, the reference tables of Partner A
and Partner B) so that its interviews give the same 2023 tables.

Pseudonymous ids only (PAT-…, PP-…, PRO-…, REF-…). Deterministic: no randomness.
For each referral id of the log: received 3 days before its first interview, consent given
that day, assigned the next day to the partner of its interviews, started on its first
interview, closed 14 days after its last interview (when that falls before 2024), with an
outcome that cycles over the vocabulary. Six referrals more that never met a partner: three
declined, two cancelled, one still received. Activities: Partner A's monthly support group
(not in December, not reported in the reference tables), Partner B's committees and a
training session.

    python3 examples/data/generate_journal.py          # rewrites the file
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODALITY = {"présentiel": "in_person", "téléphone": "phone", "visio": "video"}
NEEDS = ["pathway_navigation", "experience_sharing", "needs_identification", "resources_information",
         "daily_life_effects", "administrative_procedures"]
STAGES = ["diagnosis", "treatment_choice", "treatment", "after_treatment"]
OUTCOMES = [("needs_addressed", []),
            ("oriented", [{"kind": "professional", "profession": "psychologist"},
                          {"kind": "resource", "resource": "supportive_care"}]),
            ("oriented", [{"kind": "association", "label": "Ligue contre le cancer"}]),
            ("ended_by_patient", []),
            ("lost_contact", [])]


def day(s: str) -> dt.date:
    return dt.datetime.strptime(s, "%d/%m/%Y").date()


def main() -> None:
    with open(HERE / "interviews_2023.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    interviews = []
    by_referral: dict[str, list[dict[str, str]]] = {}
    for n, r in enumerate(rows, 1):
        i = {"id": f"INT-{n:04d}", "date": day(r["date"]).isoformat(), "partner": r["partner"],
             "patient": r["patient"], "modality": MODALITY[r["modality"]]}
        if r["referral"]:
            i["referral"] = r["referral"]
            by_referral.setdefault(r["referral"], []).append(i)
        if r["duration_minutes"]:
            i["duration_minutes"] = int(r["duration_minutes"])
        if r["establishment"]:
            i["establishment"] = r["establishment"]
        interviews.append(i)

    referrals, transitions = [], []
    for k, (rid, its) in enumerate(sorted(by_referral.items())):
        first = min(dt.date.fromisoformat(i["date"]) for i in its)
        last = max(dt.date.fromisoformat(i["date"]) for i in its)
        received = first - dt.timedelta(days=3)
        source = ({"kind": "care_team", "profession": ["nurse", "oncologist", "psychologist"][k % 3],
                   "professional": f"PRO-{k % 7 + 1:03d}"}
                  if k % 2 == 0 else {"kind": "referring_physician"})
        referrals.append({
            "id": rid, "patient": its[0]["patient"], "received": received.isoformat(),
            "source": source, "needs": [NEEDS[k % len(NEEDS)], NEEDS[(k + 2) % len(NEEDS)]],
            "stage": STAGES[k % len(STAGES)],
            "consent": {"status": "given", "date": received.isoformat()},
            "establishment": "EST-01",
        })
        transitions.append({"referral": rid, "date": (received + dt.timedelta(days=1)).isoformat(),
                            "event": {"kind": "assign", "partner": its[0]["partner"]}})
        transitions.append({"referral": rid, "date": first.isoformat(), "event": {"kind": "start"}})
        end = last + dt.timedelta(days=14)
        if end.year == 2023:
            outcome, orientations = OUTCOMES[k % len(OUTCOMES)]
            event: dict[str, object] = {"kind": "close", "outcome": outcome}
            if orientations:
                event["orientations"] = orientations
            transitions.append({"referral": rid, "date": end.isoformat(), "event": event})
    extra = [("decline", "patient_refused"), ("decline", "patient_unreachable"),
             ("decline", "out_of_scope"), ("cancel", None), ("cancel", None), (None, None)]
    for k, (kind, reason) in enumerate(extra):
        rid = f"REF-09{k + 1:02d}"
        received = dt.date(2023, 2 + 2 * k, 6)
        consent = ({"status": "not_asked"} if kind == "decline"
                   else {"status": "given", "date": received.isoformat()})
        referrals.append({"id": rid, "patient": f"PAT-30{k + 1:02d}", "received": received.isoformat(),
                          "source": {"kind": "care_team", "profession": "nurse"},
                          "needs": [NEEDS[k % len(NEEDS)]], "stage": STAGES[k % len(STAGES)],
                          "consent": consent, "establishment": "EST-01",
                          "setting": "inside_establishment", "follow_up": "one_off"})
        if kind == "decline":
            transitions.append({"referral": rid, "date": (received + dt.timedelta(days=5)).isoformat(),
                                "event": {"kind": "decline", "reason": reason}})
        elif kind == "cancel":
            transitions.append({"referral": rid, "date": (received + dt.timedelta(days=2)).isoformat(),
                                "event": {"kind": "cancel"}})

    activities = []
    for m in range(1, 12):  # Partner A's support group, January to November
        activities.append({"id": f"ACT-A{m:02d}", "date": dt.date(2023, m, 12).isoformat(),
                           "partner": "PP-A", "mission": "support_group", "modality": "in_person",
                           "duration_minutes": 90, "participants": 5 + m % 4,
                           "establishment": "EST-01"})
    for m in (2, 5, 9, 11):  # Partner B's committees
        activities.append({"id": f"ACT-B{m:02d}", "date": dt.date(2023, m, 20).isoformat(),
                           "partner": "PP-B", "mission": "committee_participation",
                           "modality": "video", "duration_minutes": 120, "establishment": "EST-01"})
    activities.append({"id": "ACT-B13", "date": "2023-06-15", "partner": "PP-B",
                       "mission": "therapeutic_education_workshop", "modality": "hybrid",
                       "duration_minutes": 150, "participants": 7,
                       "co_animator": {"professional": "PRO-003", "profession": "nurse"},
                       "participation": "co_animates", "establishment": "EST-01"})
    activities.append({"id": "ACT-B14", "date": "2023-10-05", "partner": "PP-B",
                       "mission": "professional_training", "modality": "in_person",
                       "duration_minutes": 180, "participants": 14, "establishment": "EST-01"})

    doc = {"referrals": referrals, "transitions": transitions, "interviews": interviews,
           "activities": activities}
    (HERE / "journal_2023.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
    print(f"wrote journal_2023.json: {len(referrals)} referrals, {len(transitions)} transitions, "
          f"{len(interviews)} interviews, {len(activities)} activities")


if __name__ == "__main__":
    main()
