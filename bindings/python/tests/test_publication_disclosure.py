"""Disclosure control of a whole publication against an independent attacker (issue 26).

A centre publishes several tables made from one interview log: each partner by month, each
partner by quarter, the centre (``by="all"``) by month and by quarter. Each table protected
alone is not enough: the tables add up to each other, and a reader who holds them all
subtracts one from another (the centre's January minus partner B's January is partner A's).

The attacker here shares nothing with the library's check. It reads the published report
dicts only and writes every relation any reader knows:

- within each group table, those of ``test_disclosure.Table`` (a row's modalities add up to
  its total, the buckets add up to the totals row, new patients <= patients <= interviews,
  a row with interviews has a patient...);
- across the tables of one log: the centre's cell is the sum of its partners' cells (in
  person, phone, video, total; same bucket); a quarter's cell is the sum of its months'
  (in person, phone, video, total, new patients; same group); a group's totals row is the
  same whatever the bucket (every column); the centre's patients are at most the sum of the
  partners' patients and at least each partner's, and its new patients at most the sum of
  the partners' new patients; a quarter's patients are at most the sum of its months'
  patients and at least each month's. A relation is given only when it is true of the data
  (computed from the same tables unmasked).

The masked cells of all the tables are whole numbers from 0; scipy's HiGHS integer programs
(``scipy.optimize.milp``) give the smallest and largest value of each. The criterion is the
library's promise (``core/src/report/disclosure/mod.rs``, ADR 0006), now over the whole
publication: (1) from the published cells, every masked cell's range is at least N wide;
(2) an attacker who also knows which masked cells are small counts (1..N-1) cannot pin a
masked cell exactly, unless it is pinned even with every cell of the publication masked.

To stay fast, each program is first solved as a linear program (its optimal vertex is
usually whole: the relations are mostly sums; the integer program runs only when it is
not), and every whole solution found is kept: a cell whose values over the solutions
already found (the true tables included) span N or more, or differ at all for (2), needs
no program of its own.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

import patient_partner as pp
from test_disclosure import CAP, Table

N = 11
START, END = "2023-01-01", "2023-12-31"
BYS = ["partner", "all"]
BUCKETS = ["month", "quarter"]
INTERVIEWS = ["in_person", "phone", "video", "total"]  # additive over partners
OVER_TIME = INTERVIEWS + ["new_patients"]  # additive over the months of a quarter
COLUMNS = INTERVIEWS + ["new_patients", "patients"]

Terms = List[Tuple[int, float]]  # sum(coef * cell)


# --- the publication as cells and relations --------------------------------------------------


def split(report: Dict[str, Any]) -> Dict[str, Tuple[List[Dict[str, Any]], Dict[str, Any]]]:
    """A report dict's group tables: group name -> (bucket rows, totals row)."""
    if report["group_by"] == "all":
        assert len(report["totals"]) == 1
        return {"all": (report["rows"], report["totals"][0])}
    assert report["group_by"] == "partner", report["group_by"]
    return {t["partner"]: ([r for r in report["rows"] if r["partner"] == t["partner"]], t)
            for t in report["totals"]}


def months_of(quarter: str) -> List[str]:
    year, q = quarter.split("-Q")
    return [f"{year}-{3 * (int(q) - 1) + k:02d}" for k in (1, 2, 3)]


class Publication:
    """The cells of several published tables of one log (None when masked), their true values
    (from the same tables unmasked) and the relations a reader of all of them knows."""

    def __init__(self, published: Sequence[Dict[str, Any]], plain: Sequence[Dict[str, Any]]):
        assert len(published) == len(plain)
        self.cells: List[Optional[int]] = []
        self.truth: List[int] = []
        self.masked: List[bool] = []
        self.names: List[str] = []
        self.index: Dict[Tuple[str, str, str, str, str], int] = {}  # by, bucket, group, row, col
        self.equal: List[Terms] = []  # sum = 0
        self.at_most: List[Terms] = []  # sum <= 0
        self.positive: List[int] = []  # >= 1 when the true value is (a row with interviews)
        self.not_true = 0  # relations left out because the data do not satisfy them
        self.groups: Dict[str, List[str]] = {}
        self.labels: Dict[str, Dict[str, None]] = {}  # bucket -> its rows' labels, in order
        for report, truth in zip(published, plain):
            by, bucket = report["group_by"], report["bucket"]
            assert (truth["group_by"], truth["bucket"]) == (by, bucket)
            assert report["suppress_below"] in (None, N) and truth["suppress_below"] is None
            rule = report["new_patient_rule"]
            truth_groups = split(truth)
            self.groups[by] = sorted(truth_groups)
            for group, (rows, totals) in split(report).items():
                table = Table(rows, totals, rule)
                true_table = Table(*truth_groups[group], rule)
                assert table.names == true_table.names
                self.labels.setdefault(bucket, {}).update(
                    (n.rsplit(".", 1)[0], None) for n in table.names)
                at = len(self.cells)
                for k, name in enumerate(table.names):
                    row, col = name.rsplit(".", 1)
                    self.index[(by, bucket, group, row, col)] = at + k
                    self.names.append(f"{by}={group} {bucket} {name}")
                    self.cells.append(table.cells[k])
                    self.masked.append(table.masked[k])
                    true, v = true_table.cells[k], table.cells[k]
                    assert true is not None
                    self.truth.append(true)
                    if table.masked[k]:
                        assert v is None, self.names[-1]
                    else:
                        assert v == true, f"{self.names[-1]} = {v} published"
                        assert v == 0 or v >= N, f"{self.names[-1]} = {v} published"
                for parts, whole in table.sums:
                    self.relate([(at + p, 1.0) for p in parts] + [(at + whole, -1.0)], True)
                for a, b in table.at_most:
                    self.relate([(at + a, 1.0), (at + b, -1.0)], False)
                for left, right in table.sum_at_most:
                    self.relate([(at + c, 1.0) for c in left] + [(at + c, -1.0) for c in right],
                                False)
                self.positive += [at + p for p in table.positive]
        self.relate_tables()

    def cell(self, by: str, bucket: str, group: str, row: str, col: str) -> Optional[int]:
        return self.index.get((by, bucket, group, row, col))

    def relate(self, terms: Sequence[Tuple[Optional[int], float]], equal: bool) -> None:
        """Adds sum(coef * cell) = 0 (or <= 0) when every cell is published in some table
        (not a bucket not reported) and the data satisfy it."""
        if any(i is None for i, _ in terms):
            return
        value = sum(c * self.truth[i] for i, c in terms)  # type: ignore[index]
        if value != 0 if equal else value > 0:
            self.not_true += 1
            return
        (self.equal if equal else self.at_most).append(list(terms))  # type: ignore[arg-type]

    def relate_tables(self) -> None:
        partners, buckets = self.groups.get("partner", []), list(self.labels)
        groups = [("partner", p) for p in partners] + [("all", "all")] * ("all" in self.groups)
        # the centre and its partners, bucket by bucket (and in the totals rows)
        if partners and "all" in self.groups:
            for bucket in buckets:
                for row in self.labels[bucket]:
                    whole = lambda col: self.cell("all", bucket, "all", row, col)  # noqa: E731
                    part = lambda p, col: self.cell("partner", bucket, p, row, col)  # noqa: E731
                    for col in INTERVIEWS:
                        self.relate([(whole(col), -1.0)] + [(part(p, col), 1.0) for p in partners],
                                    True)
                    for col in ("patients", "new_patients"):
                        # a patient of the centre is a patient of a partner, new in the centre
                        # means new with the partner who saw them
                        self.relate([(whole(col), 1.0)] + [(part(p, col), -1.0) for p in partners],
                                    False)
                    for p in partners:
                        self.relate([(part(p, "patients"), 1.0), (whole("patients"), -1.0)], False)
        # the months of a quarter, and the totals row whatever the bucket
        for by, group in groups:
            if "quarter" in self.labels and "month" in self.labels:
                for quarter in self.labels["quarter"]:
                    if quarter == "totals":
                        continue
                    months = lambda col: [self.cell(by, "month", group, m, col)  # noqa: E731
                                          for m in months_of(quarter)]
                    q = lambda col: self.cell(by, "quarter", group, quarter, col)  # noqa: E731
                    for col in OVER_TIME:
                        self.relate([(q(col), -1.0)] + [(m, 1.0) for m in months(col)], True)
                    self.relate([(q("patients"), 1.0)] + [(m, -1.0) for m in months("patients")],
                                False)
                    for m in months("patients"):
                        self.relate([(m, 1.0), (q("patients"), -1.0)], False)
            for col in COLUMNS:
                same = [self.cell(by, b, group, "totals", col) for b in buckets]
                for a, b in zip(same, same[1:]):
                    self.relate([(a, 1.0), (b, -1.0)], True)


# --- the attacker's integer programs ----------------------------------------------------------


class Program:
    """The masked cells (`masked`) as whole numbers from 0 under the publication's relations,
    the other cells at their published value. `small`: the attacker also knows which masked
    cells are small counts (1..N-1). `positive`: cells of rows with interviews are >= 1."""

    def __init__(self, pub: Publication, masked: Sequence[bool], small: bool,
                 positive: bool) -> None:
        self.unknown = [i for i, m in enumerate(masked) if m]
        self.col = {i: k for k, i in enumerate(self.unknown)}
        n = len(self.unknown)
        data: List[float] = []
        indices: List[int] = []
        indptr = [0]
        lb: List[float] = []
        ub: List[float] = []
        for terms, equal in [(t, True) for t in pub.equal] + [(t, False) for t in pub.at_most]:
            coef: Dict[int, float] = {}
            rhs = 0.0
            for i, c in terms:
                if i in self.col:
                    coef[self.col[i]] = coef.get(self.col[i], 0.0) + c
                else:
                    rhs -= c * pub.truth[i]  # a published cell: its published value
            coef = {k: c for k, c in coef.items() if c != 0.0}
            if not coef:
                continue
            for k, c in sorted(coef.items()):
                indices.append(k)
                data.append(c)
            indptr.append(len(indices))
            lb.append(rhs if equal else -np.inf)
            ub.append(rhs)
        matrix = csr_array((data, indices, indptr), shape=(len(lb), n))
        self.constraints = [LinearConstraint(matrix, lb, ub)] if lb else []
        is_small = [0 < pub.truth[i] < N for i in self.unknown]
        one = set(pub.positive) if positive else set()
        self.lo = np.array([1.0 if (s and small) or (i in one and pub.truth[i] >= 1) else 0.0
                            for i, s in zip(self.unknown, is_small)])
        self.hi = np.array([N - 1.0 if s and small else CAP for s in is_small])
        self.names = [pub.names[i] for i in self.unknown]
        # the solutions found, the true tables first: each cell's smallest and largest value
        true = np.array([pub.truth[i] for i in self.unknown], dtype=float)
        self.seen_lo, self.seen_hi = true.copy(), true.copy()
        self.solves = 0
        self.integer_programs = 0  # solves whose relaxation was not whole

    def solve(self, k: int, sign: float) -> int:
        """The smallest (sign 1) or largest (sign -1) value of unknown k."""
        c = np.zeros(len(self.unknown))
        c[k] = sign
        return round(self.optimum(c)[k])

    def optimum(self, c: np.ndarray) -> np.ndarray:
        """An optimal whole-number solution: the linear relaxation's when its optimal vertex
        is whole (most are: the relations are mostly sums), else the integer program's."""
        self.solves += 1
        x = self.run(c, None)  # the linear relaxation
        if np.abs(x - np.round(x)).max() > 1e-6:
            self.integer_programs += 1
            x = self.run(c, np.ones(len(c)))
        x = np.round(x)
        self.seen(x)
        return x

    def run(self, c: np.ndarray, integrality: Optional[np.ndarray]) -> np.ndarray:
        # As in test_disclosure: HiGHS's presolve wrongly reports some small programs
        # infeasible (scipy 1.17.1); solve without it.
        res = milp(c, constraints=self.constraints, integrality=integrality,
                   bounds=Bounds(self.lo, self.hi), options={"presolve": False})
        assert res.status == 0, (res.message, self.names[int(np.argmax(np.abs(c)))])
        x: np.ndarray = res.x
        return x

    def seen(self, x: np.ndarray) -> None:
        np.minimum(self.seen_lo, x, out=self.seen_lo)
        np.maximum(self.seen_hi, x, out=self.seen_hi)

    def spread(self) -> None:
        """A few solutions pushed everywhere up and everywhere down first: most cells then
        need no program of their own."""
        ones = np.ones(len(self.unknown))
        for c in (ones, -ones):
            self.optimum(c)

    def range_of(self, k: int, width: int) -> Optional[Tuple[int, Optional[int]]]:
        """(low, high) of unknown k (high None: unbounded), or None once the solutions
        found show a range at least `width` wide."""
        if self.seen_hi[k] - self.seen_lo[k] >= width:
            return None
        high = self.solve(k, -1.0)
        if self.seen_hi[k] - self.seen_lo[k] >= width:
            return None
        low = self.solve(k, 1.0)
        if high - low >= width:
            return None
        return low, (None if high >= CAP else high)


@dataclass
class Audit:
    masked: int = 0
    masked_interviews: int = 0  # of which in the interview columns (in person ... total)
    exact: List[str] = field(default_factory=list)  # known exactly from the published cells
    narrowed: List[str] = field(default_factory=list)  # narrower than N, not exact
    pinned: List[str] = field(default_factory=list)  # exact knowing the small cells only
    solves: int = 0  # programs solved
    integer: int = 0  # of which the linear relaxation was not enough

    def failures(self) -> List[str]:
        return self.exact + self.narrowed + self.pinned

    def add(self, other: "Audit") -> None:
        self.masked += other.masked
        self.masked_interviews += other.masked_interviews
        self.exact += other.exact
        self.narrowed += other.narrowed
        self.pinned += other.pinned
        self.solves += other.solves
        self.integer += other.integer


def attack(pub: Publication) -> Audit:
    """Every masked cell of the publication against the two criteria."""
    alone = Program(pub, pub.masked, small=False, positive=True)
    informed = Program(pub, pub.masked, small=True, positive=True)
    everything: Optional[Program] = None
    out = Audit(masked=len(alone.unknown),
                masked_interviews=sum(n.rsplit(".", 1)[1] in INTERVIEWS for n in alone.names))
    if not alone.unknown:
        return out
    informed.spread()
    alone.seen(informed.seen_lo)  # the informed attacker's solutions fit `alone` too
    alone.seen(informed.seen_hi)
    alone.spread()
    for k, name in enumerate(alone.names):
        found = alone.range_of(k, N)
        if found is not None:
            low, high = found
            (out.exact if low == high else out.narrowed).append(f"{name}: {low}..{high}")
            continue
        # knowing which masked cells are small: is the cell pinned?
        if informed.range_of(k, 1) is None:
            continue
        if everything is None:
            everything = Program(pub, [True] * len(pub.cells), small=True, positive=False)
        if everything.range_of(everything.col[alone.unknown[k]], 1) is None:
            out.pinned.append(f"{name} = {pub.truth[alone.unknown[k]]} knowing the small cells")
    programs = [alone, informed] + ([everything] if everything else [])
    out.solves = sum(p.solves for p in programs)
    out.integer = sum(p.integer_programs for p in programs)
    return out


# --- the publications ----------------------------------------------------------------------------


def centre_log(rng: random.Random) -> List[Dict[str, str]]:
    """One centre's year: 2-4 partners of different sizes, patients mostly seen by one
    partner (sometimes by another), small counts."""
    partners = [f"PP-{k}" for k in range(rng.randint(2, 4))]
    weights = [rng.choice([1, 2, 4, 8]) for _ in partners]
    patients = [(f"PAT-{k:03d}", rng.choices(partners, weights)[0])
                for k in range(rng.randint(5, 40))]
    log = []
    for _ in range(rng.randint(10, 150)):
        patient, partner = rng.choice(patients)
        if rng.random() < 0.15:
            partner = rng.choice(partners)
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        log.append({"date": day.isoformat(), "partner": partner, "patient": patient,
                    "modality": rng.choices(["in_person", "phone", "video"], [5, 3, 1])[0]})
    return log


def plain_tables(log: List[Dict[str, str]]) -> List[Dict[str, Any]]:
    """The publication's tables unmasked, in its order (by outer, bucket inner)."""
    return [pp.activity_report(log, START, END, by=by, bucket=bucket).to_dict()
            for by in BYS for bucket in BUCKETS]


def one_by_one(log: List[Dict[str, str]]) -> List[Dict[str, Any]]:
    """The publication the old way: each table protected alone."""
    return [pp.activity_report(log, START, END, by=by, bucket=bucket,
                               suppress_below=N).to_dict()
            for by in BYS for bucket in BUCKETS]


def published(log: List[Dict[str, str]]) -> List[Dict[str, Any]]:
    """The publication made by the library as one: `pp.publish`."""
    pub = pp.publish(log, START, END, by=["partner", "all"], bucket=["month", "quarter"],
                     suppress_below=N)
    tables = pub.to_dict()["tables"]
    assert len(pub.tables) == len(tables) == len(BYS) * len(BUCKETS)
    assert [t.to_dict() for t in pub.tables] == tables
    assert [(t["group_by"], t["bucket"]) for t in tables] == \
        [(by, bucket) for by in BYS for bucket in BUCKETS]
    return tables


def logs(seed: int, count: int) -> List[List[Dict[str, str]]]:
    rng = random.Random(2600 + seed)
    return [centre_log(rng) for _ in range(count)]


SEEDS = range(5)
PER_SEED = 4  # 20 publications in all


def report(title: str, audits: Sequence[Audit], seconds: float) -> Audit:
    total = Audit()
    for a in audits:
        total.add(a)
    leaking = sum(1 for a in audits if a.exact or a.narrowed)
    interviews = lambda found: sum(  # noqa: E731
        f.split(":")[0].rsplit(".", 1)[1] in INTERVIEWS for f in found)
    print(f"\n{title}: {len(audits)} publications, {total.masked} masked cells, "
          f"{len(total.exact)} exact, {len(total.narrowed)} narrowed below {N}, "
          f"{len(total.pinned)} pinned knowing the small cells; {leaking} publications leak "
          f"(interview columns: {total.masked_interviews} masked, "
          f"{interviews(total.exact)} exact, {interviews(total.narrowed)} narrowed; "
          f"{total.solves} programs, {total.integer} of them integer, {seconds:.1f} s)")
    return total


def test_tables_made_one_by_one_leak() -> None:
    """The regression that shows the attacker is real: tables protected one by one (each by
    its own `activity_report`) give masked cells away to a reader of all of them."""
    started = time.perf_counter()
    audits = []
    for seed in SEEDS:
        for log in logs(seed, PER_SEED):
            pub = Publication(one_by_one(log), plain_tables(log))
            assert pub.not_true == 0  # every relation the attacker writes holds of the data
            audits.append(attack(pub))
    total = report("tables one by one", audits, time.perf_counter() - started)
    assert total.masked > 200
    assert total.exact and total.narrowed
    assert sum(1 for a in audits if a.exact or a.narrowed) >= len(audits) // 2


@pytest.mark.parametrize("seed", SEEDS)
def test_a_publication_leaks_nothing(seed: int) -> None:
    """The same logs published as one by `pp.publish`: no masked cell of any table is
    narrowed below N, nor pinned by a reader who knows which cells are small."""
    started = time.perf_counter()
    audits, failures = [], []
    for k, log in enumerate(logs(seed, PER_SEED)):
        pub = Publication(published(log), plain_tables(log))
        assert pub.not_true == 0
        audits.append(attack(pub))
        failures += [f"log {k}: {f}" for f in audits[-1].failures()]
    total = report(f"pp.publish, seed {seed}", audits, time.perf_counter() - started)
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:30])
    assert total.masked > 20  # the attacker did look at masked cells


def two_partners() -> List[Dict[str, str]]:
    """PP-A: 3 phone interviews in January (3 patients), 15 in February (12 patients), 12 in
    person in March (11 patients). PP-B: 20 phone interviews in January (12 patients). PP-B's
    table has no small count and neither has the centre's: both publish January's phone
    interviews (20 and 23), and 23 - 20 gives PP-A's masked 3 away."""
    log = []
    def add(month: int, partner: str, patients: List[str], n: int, modality: str) -> None:
        for k in range(n):
            log.append({"date": f"2023-{month:02d}-{1 + k % 28:02d}", "partner": partner,
                        "patient": patients[k % len(patients)], "modality": modality})
    add(1, "PP-A", [f"PAT-A{k:02d}" for k in range(3)], 3, "phone")
    add(2, "PP-A", [f"PAT-A{k:02d}" for k in range(10, 22)], 15, "phone")
    add(3, "PP-A", [f"PAT-A{k:02d}" for k in range(30, 41)], 12, "in_person")
    add(1, "PP-B", [f"PAT-B{k:02d}" for k in range(12)], 20, "phone")
    return log


def test_the_centre_minus_a_partner_gives_the_other_partner_away() -> None:
    log = two_partners()
    tables = one_by_one(log)
    pub = Publication(tables, plain_tables(log))
    assert pub.not_true == 0
    a_jan = pub.cell("partner", "month", "PP-A", "2023-01", "phone")
    b_jan = pub.cell("partner", "month", "PP-B", "2023-01", "phone")
    all_jan = pub.cell("all", "month", "all", "2023-01", "phone")
    assert a_jan is not None and b_jan is not None and all_jan is not None
    assert pub.masked[a_jan] and pub.truth[a_jan] == 3
    assert (pub.cells[b_jan], pub.cells[all_jan]) == (20, 23)  # both published
    found = attack(pub)
    assert any(f.startswith(pub.names[a_jan] + ": 3..3") for f in found.exact), found.exact
    # each table alone protects its cells: the leak is between tables
    for table, plain in zip(tables, plain_tables(log)):
        assert attack(Publication([table], [plain])).failures() == []

    pub = Publication(published(log), plain_tables(log))
    assert pub.not_true == 0
    a_jan = pub.cell("partner", "month", "PP-A", "2023-01", "phone")
    assert a_jan is not None and pub.masked[a_jan]
    found = attack(pub)
    assert found.failures() == []
