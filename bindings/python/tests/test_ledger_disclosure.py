"""Releases over time through one ledger against an independent attacker (issue 26 item 7).

A monthly dashboard publishes the year's tables at the end of September, October, November
and December, each release from the log as it stands that day (no late entries: nothing
published is ever revised). Each release protected alone is not enough: December's cells are
the year's totals minus November's, and a cell masked in one release may be published, or
recomputable, in another. ``pp.publish(..., ledger=FILE)`` protects each release together
with every earlier one the ledger records.

The attacker here holds every release of one ledger and shares nothing with the library's
check. It reads the published report dicts only:

- each release's cells and relations exactly as ``test_publication_disclosure.Publication``
  models a publication (the rows' sums, totals, partner vs all, months vs quarters...);
- the same cell in two releases (same grouping, bucket, group, row span, column) is one
  cell: no revisions, so a month's cell is the same in every release that holds it whole.
  A cell masked in one release and published in another is given away exactly. Totals rows
  of different periods, and a quarter cut short by the period's end, are different cells;
- the relations between rows of different releases, by their spans (one group, one
  grouping): rows of the same span are equal (a quarter cut to October is October); a row
  is the sum of the months it covers (interviews, new patients: every period starts on
  1 January, so a month's new patients are the same in every release), its patients at
  most theirs and at least each month's; a row inside another has at most its patients,
  the other at most the first's patients plus those of the months it adds, and the first's
  patients plus the new patients of the months after it are at most the other's. A
  relation is given only when it is true of the data (computed from the same tables
  unmasked).

The programs are those of ``test_publication_disclosure`` (scipy HiGHS, whole numbers from
0): no masked cell may be recomputed exactly nor narrowed below N wide. The same releases
made without the ledger (separate ``pp.publish`` calls) leak: the attacker finds it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pytest

import patient_partner as pp
from test_publication_disclosure import (COLUMNS, N, OVER_TIME, Audit, Publication, Terms,
                                         attack, split)

START = "2023-01-01"
ENDS = ["2023-09-30", "2023-10-31", "2023-11-30", "2023-12-31"]  # the monthly dashboard
# the tables of a release: (groupings, buckets), one ledger each
TABLE_SETS = [(["partner", "all"], ["month"]), (["partner"], ["month", "quarter"])]

Key = Tuple[str, str, str, str, str, str, str]  # by, bucket, kind, group, start, end, column
Release = Tuple[str, str, List[Dict[str, Any]], List[Dict[str, Any]]]  # period, published, plain


# --- the releases as cells and relations ------------------------------------------------------


def row_spans(plain: Sequence[Dict[str, Any]], start: str,
              end: str) -> Dict[Tuple[str, str, str, str], Tuple[str, str, str]]:
    """(by, bucket, group, row label as Publication names it) -> (kind, first day, last day)."""
    out: Dict[Tuple[str, str, str, str], Tuple[str, str, str]] = {}
    for report in plain:
        by, bucket = report["group_by"], report["bucket"]
        for group, (rows, _) in split(report).items():
            for row in rows:
                if row["reporting"] != "not_reported":
                    label = str(row.get("month") or row.get("quarter"))
                    out[(by, bucket, group, label)] = ("bucket", row["start"], row["end"])
            out[(by, bucket, group, "totals")] = ("totals", start, end)
    return out


class Releases:
    """The cells of every release of one ledger, the same cell in two releases once (None
    when masked in every release that holds it), their true values and the relations a
    reader of all the releases knows. Same attributes as `Publication`, so that
    `test_publication_disclosure.attack` reads it."""

    def __init__(self, releases: Sequence[Release]) -> None:
        self.cells: List[Optional[int]] = []
        self.truth: List[int] = []
        self.masked: List[bool] = []
        self.names: List[str] = []
        self.index: Dict[Key, int] = {}
        self.equal: List[Terms] = []
        self.at_most: List[Terms] = []
        self.positive: List[int] = []
        self.not_true = 0
        self.revealed: List[str] = []  # masked in one release, published in another
        self.masked_in_releases = 0  # masked cells of the releases, counted in each release
        self.seen: set = set()  # relations already given
        self.spans: Dict[Tuple[str, str], Dict[Tuple[str, str], List[Tuple[str, str]]]] = {}
        for number, (start, end, published, plain) in enumerate(releases, 1):
            pub = Publication(published, plain)
            self.not_true += pub.not_true
            spans = row_spans(plain, start, end)
            here = {}
            for (by, bucket, group, row, col), i in pub.index.items():
                kind, first, last = spans[(by, bucket, group, row)]
                key = (by, bucket, kind, group, first, last, col)
                here[i] = self.place(key, pub, i, number)
                self.spans.setdefault((by, group), {}).setdefault((first, last), [])
                if (bucket, kind) not in self.spans[(by, group)][(first, last)]:
                    self.spans[(by, group)][(first, last)].append((bucket, kind))
            self.masked_in_releases += sum(pub.masked)
            for terms in pub.equal:
                self.relate([(here[i], c) for i, c in terms], True)
            for terms in pub.at_most:
                self.relate([(here[i], c) for i, c in terms], False)
            self.positive += [here[i] for i in pub.positive]
        self.positive = sorted(set(self.positive))
        for (by, group), group_spans in self.spans.items():
            self.relate_spans(by, group, group_spans)

    def place(self, key: Key, pub: Publication, i: int, number: int) -> int:
        by, bucket, kind, group, first, last, col = key
        k = self.index.get(key)
        if k is None:
            k = self.index[key] = len(self.cells)
            self.cells.append(pub.cells[i])
            self.truth.append(pub.truth[i])
            self.masked.append(pub.masked[i])
            self.names.append(f"{by}={group} {bucket} {kind} {first}..{last}.{col}")
            return k
        # no revisions: the same place holds the same value in every release
        assert self.truth[k] == pub.truth[i], (self.names[k], self.truth[k], pub.truth[i])
        if self.masked[k] != pub.masked[i]:
            self.revealed.append(f"{self.names[k]} = {self.truth[k]}: masked in one release, "
                                 f"published in another (release {number})")
            self.masked[k] = False
            self.cells[k] = self.truth[k]
        return k

    def cell(self, by: str, group: str, span: Tuple[str, str], col: str,
             spans: Dict[Tuple[str, str], List[Tuple[str, str]]]) -> int:
        bucket, kind = spans[span][0]
        return self.index[(by, bucket, kind, group, span[0], span[1], col)]

    def relate(self, terms: Sequence[Tuple[int, float]], equal: bool) -> None:
        """sum(coef * cell) = 0 (or <= 0), when the data satisfy it; once."""
        merged: Dict[int, float] = {}
        for i, c in terms:
            merged[i] = merged.get(i, 0.0) + c
        terms = sorted((i, c) for i, c in merged.items() if c != 0.0)
        if not terms:
            return
        signature = (equal, tuple(terms))
        if signature in self.seen:
            return
        self.seen.add(signature)
        value = sum(c * self.truth[i] for i, c in terms)
        if value != 0 if equal else value > 0:
            self.not_true += 1
            return
        (self.equal if equal else self.at_most).append(list(terms))

    def relate_spans(self, by: str, group: str,
                     spans: Dict[Tuple[str, str], List[Tuple[str, str]]]) -> None:
        """The relations between the rows of one group, whatever their release."""
        months = sorted(s for s, holders in spans.items() if ("month", "bucket") in holders)
        at = lambda span, col: self.cell(by, group, span, col, spans)  # noqa: E731

        def months_in(first: str, last: str) -> List[Tuple[str, str]]:
            inside = [m for m in months if first <= m[0] and m[1] <= last]
            # the months tile the span: each starts the day after the last one ends
            days = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in inside]
            assert inside and inside[0][0] == first and inside[-1][1] == last, (first, last)
            assert all(b + dt.timedelta(days=1) == c for (_, b), (c, _) in zip(days, days[1:]))
            return inside

        for span, holders in spans.items():
            # rows of one span (a quarter cut to October and October; the totals rows of
            # one period in each bucket's table) are the same counts
            same = [self.index[(by, b, k, group, span[0], span[1], col)]
                    for b, k in holders for col in COLUMNS]
            for col_at in range(len(COLUMNS)):
                cells = same[col_at::len(COLUMNS)]
                for a, b in zip(cells, cells[1:]):
                    self.relate([(a, 1.0), (b, -1.0)], True)
            if span in months:
                continue
            inside = months_in(*span)
            for col in OVER_TIME:
                self.relate([(at(span, col), -1.0)] + [(at(m, col), 1.0) for m in inside], True)
            self.relate([(at(span, "patients"), 1.0)]
                        + [(at(m, "patients"), -1.0) for m in inside], False)
            for m in inside:
                self.relate([(at(m, "patients"), 1.0), (at(span, "patients"), -1.0)], False)
            # a row inside this one
            for other in spans:
                if other == span or not (span[0] <= other[0] and other[1] <= span[1]):
                    continue
                self.relate([(at(other, "patients"), 1.0), (at(span, "patients"), -1.0)], False)
                outside = [m for m in inside if m[1] < other[0] or m[0] > other[1]]
                self.relate([(at(span, "patients"), 1.0), (at(other, "patients"), -1.0)]
                            + [(at(m, "patients"), -1.0) for m in outside], False)
                later = [m for m in outside if m[0] > other[1]]
                self.relate([(at(other, "patients"), 1.0), (at(span, "patients"), -1.0)]
                            + [(at(m, "new_patients"), 1.0) for m in later], False)


def audit(releases: Sequence[Release]) -> Tuple[Releases, Audit]:
    """Every masked cell of the releases against the attacker holding them all."""
    merged = Releases(releases)
    assert merged.not_true == 0  # every relation the attacker writes holds of the data
    found = attack(merged)  # type: ignore[arg-type]
    found.masked += len(merged.revealed)
    found.exact = merged.revealed + found.exact
    return merged, found


# --- the releases ------------------------------------------------------------------------------


def centre_year(rng: random.Random) -> List[Dict[str, str]]:
    """One centre's year: 2-4 partners of different sizes, a few interviews a month,
    patients mostly seen by one partner (sometimes by another)."""
    partners = [f"PP-{k}" for k in range(rng.randint(2, 4))]
    weights = [rng.choice([1, 2, 4, 8]) for _ in partners]
    patients = [(f"PAT-{k:03d}", rng.choices(partners, weights)[0])
                for k in range(rng.randint(5, 30))]
    log = []
    for month in range(1, 13):
        for _ in range(rng.randint(0 if month > 1 else 1, 6)):
            patient, partner = rng.choice(patients)
            if rng.random() < 0.15:
                partner = rng.choice(partners)
            day = dt.date(2023, month, rng.randint(1, 28))
            log.append({"date": day.isoformat(), "partner": partner, "patient": patient,
                        "modality": rng.choices(["in_person", "phone", "video"], [5, 3, 1])[0]})
    return log


def make_releases(log: List[Dict[str, str]], bys: List[str], buckets: List[str],
                  ends: Sequence[str], ledger: Optional[Path]) -> List[Release]:
    """The releases at the end of each period, each from the log up to its last day (no late
    entries), through one ledger or (ledger None) each protected alone."""
    out: List[Release] = []
    for number, end in enumerate(ends, 1):
        known = [r for r in log if r["date"] <= end]
        pub = pp.publish(known, START, end, by=bys, bucket=buckets, suppress_below=N,
                         ledger=ledger)
        tables = pub.to_dict()["tables"]
        assert [(t["group_by"], t["bucket"]) for t in tables] == \
            [(by, bucket) for by in bys for bucket in buckets]
        if ledger is not None:
            assert pub.release == number and not pub.revisions
        plain = [pp.activity_report(known, START, end, by=by, bucket=bucket).to_dict()
                 for by in bys for bucket in buckets]
        out.append((START, end, tables, plain))
    if ledger is not None:
        check_ledger(ledger, out)
    return out


def check_ledger(path: Path, releases: Sequence[Release]) -> None:
    """The ledger records each release's period and cells as published, masked as null."""
    ledger = json.loads(path.read_text())
    assert ledger["format"] == "patient-partner-ledger"
    assert len(ledger["releases"]) == len(releases)
    for entry, (start, end, published, _) in zip(ledger["releases"], releases):
        assert entry["period"] == {"start": start, "end": end}
        cells = {}
        for t, report in enumerate(published):
            for group, (rows, totals) in split(report).items():
                for kind, row in [("bucket", r) for r in rows] + [("totals", totals)]:
                    first, last = (row["start"], row["end"]) if kind == "bucket" else (start, end)
                    for col in COLUMNS:
                        masked = col in (row.get("masked") or [])
                        cells[(t, None if group == "all" else group, kind, first, last, col)] = \
                            None if masked else row[col]
        recorded = {(c["table"], c["group"], c["row"], c["start"], c["end"], c["column"]):
                    c["value"] for c in entry["cells"]}
        assert recorded == cells


SEQUENCES = 8  # per set of tables: 16 sequences of 4 releases through a ledger
WITHOUT = 8  # the first 8 of them made without a ledger


def sequences() -> List[Tuple[int, List[str], List[str], List[Dict[str, str]]]]:
    rng = random.Random(2607)
    return [(k, *TABLE_SETS[k % len(TABLE_SETS)], centre_year(rng))
            for k in range(SEQUENCES * len(TABLE_SETS))]


def report(title: str, audits: Sequence[Tuple[Releases, Audit]], seconds: float) -> Audit:
    total = Audit()
    for _, a in audits:
        total.add(a)
    leaking = sum(1 for _, a in audits if a.exact or a.narrowed)
    revealed = sum(len(m.revealed) for m, _ in audits)
    in_releases = sum(m.masked_in_releases for m, _ in audits)
    print(f"\n{title}: {len(audits)} sequences of {len(ENDS)} releases, {total.masked} masked "
          f"cells ({in_releases} counting each release's), {len(total.exact)} exact "
          f"({revealed} of them published in another release), {len(total.narrowed)} narrowed "
          f"below {N}, {len(total.pinned)} pinned knowing the small cells; {leaking} sequences "
          f"leak ({total.solves} programs, {total.integer} of them integer, {seconds:.1f} s)")
    return total


def test_releases_through_a_ledger_leak_nothing(tmp_path: Path) -> None:
    """Every release of one ledger held together: no masked cell of any release is given
    away (published in another release, or recomputed) nor narrowed below N."""
    started = time.perf_counter()
    audits, failures = [], []
    for k, bys, buckets, log in sequences():
        made = make_releases(log, bys, buckets, ENDS, tmp_path / f"ledger-{k}.json")
        audits.append(audit(made))
        found = audits[-1][1]
        failures += [f"sequence {k} ({bys} x {buckets}, {len(log)} interviews): {f}"
                     for f in found.exact + found.narrowed]
    total = report("through one ledger", audits, time.perf_counter() - started)
    assert not failures, (f"{len(total.exact)} exact and {len(total.narrowed)} narrowed below "
                          f"{N} of {total.masked} masked cells:\n" + "\n".join(failures[:30]))
    assert total.masked > 1000  # the attacker did look at masked cells


def test_releases_without_a_ledger_leak() -> None:
    """The regression that shows the attacker is real: the same releases, each protected
    alone by its own `pp.publish` (no ledger), give masked cells away to a reader of all of
    them: cells masked in one release and published in another, and cells recomputed."""
    started = time.perf_counter()
    audits = []
    for k, bys, buckets, log in sequences()[:WITHOUT]:
        audits.append(audit(make_releases(log, bys, buckets, ENDS, None)))
    total = report("without a ledger", audits, time.perf_counter() - started)
    recomputed = len(total.exact) - sum(len(m.revealed) for m, _ in audits)
    assert recomputed > 0 and total.narrowed  # not only cells published in another release
    assert sum(1 for _, a in audits if a.exact or a.narrowed) >= len(audits) // 2
