#!/usr/bin/env python3
"""Generates examples/data/interviews_2023.csv: a pseudonymised interview log that reproduces
the 2023 activity tables of Partner A and Partner B (BRIEF section 5) exactly.

Deterministic (no randomness): run `python3 examples/data/generate_reference_log.py` from the
repository root and the file is rewritten byte for byte. Python 3 standard library only.

How the log is built, for each partner and each month of 2023:
- the month's interviews are spread over distinct days (day 1, 1 + step, ...);
- the earliest `new` of them are the first interview of a new patient;
- the others go, in turn, to patients the partner has already seen in 2023
  (so the yearly patient count equals the sum of the monthly new patients);
- `in person` interviews are spread evenly among the month's interviews, the rest are phone.
Partner A's December is absent: it is declared "not reported" in coverage_2023.json.
One patient of Partner A is also seen by Partner B (each partner counts her as new).
A few 2022 interviews show the period filter (some of their patients return in 2023, and
are still new in 2023 under the default rule).

The file is written the way a French centre exports it: `;` separator, DD/MM/YYYY dates,
French modality labels.
"""

import os
from typing import Any, Dict, List, Tuple

# year, month, day, partner, patient, modality, referral, duration
Row = Tuple[int, int, int, str, str, str, str, int]

# BRIEF section 5. None: not reported.
PARTNERS: Dict[str, Dict[str, Any]] = {
    "PP-A": {
        "in_person": [3, 1, 4, 0, 3, 0, 0, 0, 1, 8, 6, None],
        "phone": [12, 12, 9, 12, 14, 18, 10, 11, 9, 5, 8, None],
        "new": [6, 2, 3, 3, 3, 4, 2, 2, 1, 10, 6, None],
        "first_patient": 1001,
    },
    "PP-B": {
        "in_person": [1, 1, 1, 0, 1, 1, 3, 0, 0, 3, 5, 1],
        "phone": [1, 2, 0, 9, 1, 0, 0, 0, 3, 4, 5, 1],
        "new": [1, 1, 0, 8, 2, 1, 3, 0, 1, 4, 9, 0],
        "first_patient": 2001,
    },
}
SHARED_PATIENT = "PAT-1001"  # a Partner A patient whom Partner B also sees (April, new for B)
ESTABLISHMENT = "EST-01"
FRENCH = {"in_person": "présentiel", "phone": "téléphone"}


def month_rows(
    partner: str, spec: Dict[str, Any], rows: List[Row], counters: Dict[str, int]
) -> List[str]:
    seen = []
    next_patient = spec["first_patient"]
    returning = 0
    for m in range(12):
        ip, ph, new = spec["in_person"][m], spec["phone"][m], spec["new"][m]
        if ip is None:
            continue
        total = ip + ph
        step = max(1, 27 // max(total, 1))
        for k in range(total):
            day = 1 + k * step
            modality = "in_person" if (k + 1) * ip // total > k * ip // total else "phone"
            referral = ""
            if k < new:
                if partner == "PP-B" and m == 3 and k == 0:
                    patient = SHARED_PATIENT
                else:
                    patient = "PAT-%04d" % next_patient
                    next_patient += 1
                seen.append(patient)
                counters["referral"] += 1
                referral = "REF-%04d" % counters["referral"]
            else:
                patient = seen[returning % len(seen)]
                returning += 1
            duration = (30, 45, 60)[(k + m) % 3]
            rows.append((2023, m + 1, day, partner, patient, modality, referral, duration))
    return seen


def main() -> None:
    rows: List[Row] = []
    counters = {"referral": 0}
    for partner, spec in PARTNERS.items():
        month_rows(partner, spec, rows, counters)
    # 2022: outside the reporting period.
    for (month, day, patient, modality) in [
        (10, 3, "PAT-0901", "in_person"),
        (11, 14, "PAT-1001", "phone"),
        (12, 5, "PAT-1002", "phone"),
    ]:
        rows.append((2022, month, day, "PP-A", patient, modality, "", 45))
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3], r[4]))
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "interviews_2023.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("date;partner;patient;modality;referral;duration_minutes;establishment\n")
        for (y, m, d, partner, patient, modality, referral, duration) in rows:
            f.write("%02d/%02d/%04d;%s;%s;%s;%s;%d;%s\n" % (
                d, m, y, partner, patient, FRENCH[modality], referral, duration, ESTABLISHMENT))
    print("wrote %d interviews to %s" % (len(rows), path))


if __name__ == "__main__":
    main()
