"""How much the library's disclosure control masks against the optimal suppression (issue 26, item 5).

For random small tables (one partner over 2023, by month, threshold 11) this script compares the
cells the library masks (``pp.activity_report(..., suppress_below=11)``) with the fewest cells,
and with the smallest masked value, that give the **same guarantee**, found by an integer
program of its own:

- the table's cells and relations are those of the library's group table
  (``core/src/report/group_table.rs``, ``group_relations``; the same model as
  ``bindings/python/tests/test_disclosure.py``'s ``Table``): six cells per month and six for
  the totals row (in person, phone, video, total, new patients, patients); each row's
  modalities add up to its total, the months add up to the totals row (every column but the
  patients), new patients of the period = its patients (default rule), new ≤ patients ≤
  interviews in each row, a row with a patient is ≥ 1 (given whenever true), a row without a
  patient is zeros, a month's patients + the later months' new ≤ the period's patients, the
  period's ≤ the sum of the months'. Each relation is given only when true of the data, as in
  the library;
- **the guarantee** (``core/src/report/disclosure/mod.rs``): every count 1..N-1 is masked; for
  every masked cell (1) an attacker who sees the published cells and the relations (whole
  numbers from 0) finds a range at least N wide, and (2) an attacker who also knows which
  masked cells are small (1..N-1) cannot find it exactly, unless it is exact even with every
  cell of the table masked (that check without the "≥ 1" knowledge, as the library). **The
  optimum here includes both conditions**, so it is the optimum of exactly what the library
  promises;
- the attacker is scipy's HiGHS (``scipy.optimize.milp``, presolve off as in the tests: it
  wrongly reports some of these tiny programs infeasible), independent of the library's
  microlp attacker. The library's own pattern is audited by it too (its failures are counted:
  there should be none).

**The optimum.** Protection is monotone (masking more only widens every range), so a
logic-based Benders loop finds it: a master integer program (one binary ``y`` per cell,
primaries fixed to 1, minimise the number of masked cells, or their true value with zeros
weighted by a tiny epsilon) proposes a pattern, the attacker audits it, and every failing cell
``i`` adds a cut ``Σ_{j ∈ B} y_j ≥ y_i``: one of the cells of ``B`` must be masked if ``i`` is.
Such a cut is valid when ``i`` fails with **every cell but those of B masked** (any pattern
masking ``i`` and none of ``B`` is a subset of that one, so it fails as well). ``B`` starts
as the published cells sharing a relation with the masked component of ``i`` (the range of
``i`` depends only on them: with them published, masking anything else changes nothing for
``i``), then chunks of it are masked while ``i`` still fails, down to an irreducible set
(often two or three cells: ``totals.in_person`` and ``totals.total`` published pin the
phone + video of the year). This is much stronger than the no-good cut "one of the cells
published in this pattern must be masked" (also valid; with cuts over the whole border of
the component, the loop ran for more than ten minutes on one table). Before the loop, the cuts of
every sum (a cell masked alone in a sum is recomputed by subtraction). The loop ends when the
master's pattern passes: it is then optimal (every cut is valid, so the master's optimum is a
lower bound of every passing pattern's). Ties between optimal patterns are broken towards the
library's pattern (its cells weigh 1 − 1/(n+2) instead of 1), so the cells the library masks
and the optimum does not are a fair picture of its unnecessary complements.

Each attacker program is solved as a linear program first (its optimal vertex, when whole, is
the integer optimum; most are), as an integer program otherwise. A cell that passed with
masked component ``C`` passes in every pattern masking ``C`` (nothing else reaches its range),
which spares most of the audits of later rounds.

``--check`` audits the two optima and the library's pattern again, afresh (nothing remembered)
and with the attacker of ``bindings/python/tests/test_disclosure.py`` (its own model of the
table). ``--prune`` also measures the library's pattern after a greedy clean-up pass (each
complement released, zeros first, while the audit still passes).

Usage (from the repository root, with the Python package installed in .venv)::

    .venv/bin/python scripts/bench/disclosure_loss.py --tables 200 --seed 1
    .venv/bin/python scripts/bench/disclosure_loss.py --tables 20 --seed 3 --verbose

Not a test: it runs in no test suite. One process, one thread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

import patient_partner as pp

N = 11
START, END = "2023-01-01", "2023-12-31"
COLUMNS = ["in_person", "phone", "video", "total", "new_patients", "patients"]
IN_PERSON, PHONE, VIDEO, TOTAL, NEW, PATIENTS = range(6)
ADDITIVE = [IN_PERSON, PHONE, VIDEO, TOTAL, NEW]  # the months add up to the totals row
CAP = 10**6  # far above any count here: reaching it means "no upper bound"
SOLVER = {"presolve": False}
PROGRAMS: Counter = Counter()  # attacker programs: "relaxation" answered by the LP, "integer" not


# --- random logs -----------------------------------------------------------------------------


def random_log(rng: random.Random) -> List[Dict[str, str]]:
    """One partner over 2023: 0..m interviews a month (m drawn 1..6 per log), 1..8 patients,
    modalities in person, phone, video (weights 5, 3, 1)."""
    patients = [f"PAT-{k:04d}" for k in range(rng.randint(1, 8))]
    most = rng.randint(1, 6)
    log = []
    for month in range(1, 13):
        for _ in range(rng.randint(0, most)):
            day = dt.date(2023, month, rng.randint(1, 28))
            log.append({
                "date": day.isoformat(),
                "partner": "PP-A",
                "patient": rng.choice(patients),
                "modality": rng.choices(["in_person", "phone", "video"], weights=[5, 3, 1])[0],
            })
    return log


# --- the table: cells and relations ------------------------------------------------------------


@dataclass
class Model:
    """One group's table: true values, names, relations (as rows of `coef · cells (op) 0`)."""

    values: np.ndarray
    names: List[str]
    kinds: List[Tuple[str, str]]  # (row kind "month"/"totals", column)
    ours: np.ndarray  # the library's mask
    sums: List[List[int]]  # each: parts..., sum cell last
    rows: List[Tuple[Dict[int, float], bool]] = field(default_factory=list)  # (coef, equal)
    positive: List[int] = field(default_factory=list)
    links: List[List[int]] = field(default_factory=list)  # cells of each relation

    @property
    def n(self) -> int:
        return len(self.values)

    @property
    def primary(self) -> np.ndarray:
        return (self.values > 0) & (self.values < N)


def model_of(plain_rows: List[dict], plain_totals: dict, masked_rows: List[dict],
             masked_totals: dict, rule: str) -> Model:
    """The table of one group from its unmasked rows (the truth) and masked rows (the library's
    pattern), with the relations of ``group_relations`` (each given only when true)."""
    reported = [k for k, r in enumerate(plain_rows) if r["reporting"] != "not_reported"]
    rows = [plain_rows[k] for k in reported] + [plain_totals]
    published = [masked_rows[k] for k in reported] + [masked_totals]
    values, names, kinds, ours = [], [], [], []
    for row, pub in zip(rows, published):
        label = row.get("month") or "totals"
        for col in COLUMNS:
            values.append(int(row[col]))
            names.append(f"{label}.{col}")
            kinds.append(("totals" if label == "totals" else "month", col))
            ours.append(col in (pub.get("masked") or []))
            assert (pub[col] is None) == ours[-1], (label, col)
    v = np.array(values, dtype=np.int64)
    k = len(reported)
    at = lambda r, c: r * 6 + c  # noqa: E731
    base = k * 6
    m = Model(values=v, names=names, kinds=kinds, ours=np.array(ours), sums=[])
    for r in range(k + 1):
        m.sums.append([at(r, IN_PERSON), at(r, PHONE), at(r, VIDEO), at(r, TOTAL)])
    for c in ADDITIVE:
        m.sums.append([at(r, c) for r in range(k)] + [base + c])
    if rule == "first_in_period":
        m.sums.append([base + NEW, base + PATIENTS])
    for line in m.sums:
        assert v[line[:-1]].sum() == v[line[-1]], line
        m.rows.append(({**{i: 1.0 for i in line[:-1]}, line[-1]: -1.0}, True))

    def at_most(left: Sequence[int], right: Sequence[int]) -> None:
        if v[list(left)].sum() <= v[list(right)].sum():  # knowledge is true of the data
            coef: Dict[int, float] = {}
            for i in left:
                coef[i] = coef.get(i, 0.0) + 1.0
            for i in right:
                coef[i] = coef.get(i, 0.0) - 1.0
            m.rows.append((coef, False))

    for r in range(k + 1):
        at_most([at(r, NEW)], [at(r, PATIENTS)])
        at_most([at(r, PATIENTS)], [at(r, TOTAL)])
        if v[at(r, PATIENTS)] >= 1:
            m.positive.append(at(r, PATIENTS))
        if v[at(r, PATIENTS)] == 0:
            at_most([at(r, TOTAL)], [at(r, PATIENTS)])
    for r in range(k):
        at_most([at(r, PATIENTS)] + [at(c, NEW) for c in range(r + 1, k)], [base + PATIENTS])
    at_most([base + PATIENTS], [at(r, PATIENTS) for r in range(k)])
    m.links = [sorted(coef) for coef, _ in m.rows]
    return m


# --- the attacker ------------------------------------------------------------------------------


class Attacker:
    """The integer programs of one pattern: the masked cells are the unknowns, the published
    cells constants. ``informed``: the small masked cells are known to be 1..N-1.
    ``positive``: the "≥ 1" knowledge (left out of the whole-table check, as the library)."""

    def __init__(self, m: Model, mask: np.ndarray, informed: bool, positive: bool = True) -> None:
        self.m = m
        self.unknown = np.flatnonzero(mask)
        self.col = {int(c): k for k, c in enumerate(self.unknown)}
        a, lb, ub = [], [], []
        for coef, equal in m.rows:
            row = np.zeros(len(self.unknown))
            rhs = 0.0
            for i, s in coef.items():
                if i in self.col:
                    row[self.col[i]] += s
                else:
                    rhs -= s * m.values[i]
            if row.any():
                a.append(row)
                lb.append(rhs if equal else -np.inf)
                ub.append(rhs)
        self.constraints = [LinearConstraint(np.array(a), lb, ub)] if a else []
        small = m.primary[self.unknown] & informed
        pos = np.isin(self.unknown, m.positive) & (m.values[self.unknown] >= 1) & positive
        self.bounds = Bounds(np.where(small | pos, 1.0, 0.0), np.where(small, N - 1.0, CAP))
        self.integrality = np.ones(len(self.unknown))
        self.programs = 0

    def solve(self, objective: np.ndarray) -> np.ndarray:
        """A whole table (values of the unknowns) minimising `objective`: the linear
        relaxation first (its optimal vertex, when whole, is the integer optimum: most are,
        the relations being mostly sums), else the integer program."""
        self.programs += 1
        for integrality in (None, self.integrality):
            res = milp(objective, constraints=self.constraints, integrality=integrality,
                       bounds=self.bounds, options=SOLVER)
            assert res.status == 0, res.message
            x = np.round(res.x)
            if np.abs(res.x - x).max(initial=0.0) < 1e-6:
                PROGRAMS["relaxation" if integrality is None else "integer"] += 1
                return x.astype(np.int64)
        raise AssertionError("an integer program without a whole solution")


class Seen:
    """The smallest and largest value of each unknown over the tables found (the truth first):
    a cell whose values differ enough needs no program of its own."""

    def __init__(self, truth: np.ndarray) -> None:
        self.low, self.high = truth.copy(), truth.copy()

    def add(self, x: np.ndarray) -> None:
        self.low, self.high = np.minimum(self.low, x), np.maximum(self.high, x)


@dataclass
class Audit:
    failures: List[Tuple[int, str, str]]  # (cell, which condition, range)
    cuts: List[Tuple[int, FrozenSet[int]]]  # (failing cell, cells one of which must be masked)
    programs: int


class Auditor:
    """Checks patterns of one table against both conditions, remembering what stays true for
    larger patterns: a cell that passed with component C passes in every pattern masking C
    (its range can only widen), and whether masking the whole table leaves it exact."""

    def __init__(self, m: Model) -> None:
        self.m = m
        self.passed: Dict[int, List[FrozenSet[int]]] = {}
        self.excused: Dict[int, bool] = {}
        self._everything: Optional[Attacker] = None
        self.programs = 0

    def component(self, mask: np.ndarray, cell: int) -> Tuple[FrozenSet[int], FrozenSet[int]]:
        """The masked cells linked to `cell` by relations, and the published cells sharing a
        relation with them."""
        comp, border, todo = {cell}, set(), [cell]
        while todo:
            c = todo.pop()
            for link in self.m.links:
                if c in link:
                    for j in link:
                        if mask[j] and j not in comp:
                            comp.add(j)
                            todo.append(j)
                        elif not mask[j]:
                            border.add(j)
        return frozenset(comp), frozenset(border)

    def is_excused(self, cell: int) -> bool:
        """Exact even with every cell masked, for the informed attacker without "≥ 1"."""
        if cell not in self.excused:
            if self._everything is None:
                self._everything = Attacker(self.m, np.ones(self.m.n, bool), True, positive=False)
            a = self._everything
            e = np.zeros(self.m.n)
            e[cell] = 1.0
            lo, hi = a.solve(e)[cell], a.solve(-e)[cell]
            self.programs += 2
            self.excused[cell] = lo == hi
        return self.excused[cell]

    def fails(self, mask: np.ndarray, cell: int, informed: bool, seen: List[int]) -> bool:
        """Whether masked `cell` fails condition (2) if `informed`, else (1), under `mask`.
        `seen` = [low, high] of the cell over tables possible under `mask` (found under
        smaller masks), updated."""
        need = 1 if informed else N
        if seen[1] - seen[0] >= need:
            return False
        att = Attacker(self.m, mask, informed)
        k = att.col[cell]
        e = np.zeros(len(att.unknown))
        e[k] = 1.0
        hi = int(att.solve(-e)[k])
        seen[1] = max(seen[1], hi)
        if hi >= CAP or seen[1] - seen[0] >= need:
            self.programs += 1
            return False
        lo = int(att.solve(e)[k])
        seen[0] = min(seen[0], lo)
        self.programs += 2
        return seen[1] - seen[0] < need

    def smallest_border(self, mask: np.ndarray, cell: int, informed: bool,
                        border: FrozenSet[int]) -> FrozenSet[int]:
        """An irreducible set of published cells one of which must be masked to protect
        `cell`: the cell fails with every other cell of the table masked. Starts from the
        border of its component (known to fail, everything else masked) and masks chunks of
        it while the cell still fails."""
        u = np.ones(self.m.n, bool)
        u[list(border)] = False
        seen = [int(self.m.values[cell])] * 2
        keep: List[int] = []
        stack = [sorted(border, key=lambda j: -self.m.values[j])]
        while stack:
            chunk = stack.pop()
            trial = u.copy()
            trial[chunk] = True
            trial_seen = list(seen)
            if self.fails(trial, cell, informed, trial_seen):
                # tables found under `trial` stay possible under every larger mask
                u, seen = trial, trial_seen
            elif len(chunk) == 1:
                keep.append(chunk[0])
            else:
                h = len(chunk) // 2
                stack += [chunk[h:], chunk[:h]]
        return frozenset(keep)

    def cut_for(self, mask: np.ndarray, cell: int, informed: bool, border: FrozenSet[int],
                found: List[FrozenSet[int]]) -> FrozenSet[int]:
        """The published cells of the cut for failing `cell`: a set found for another cell
        when `cell` fails with every cell but that set masked too (cells failing together
        mostly share one), else a new irreducible set."""
        for b in sorted(found, key=len):
            if cell in b:
                continue
            u = np.ones(self.m.n, bool)
            u[list(b)] = False
            if self.fails(u, cell, informed, [int(self.m.values[cell])] * 2):
                return b
        b = self.smallest_border(mask, cell, informed, border)
        found.append(b)
        return b

    def audit(self, mask: np.ndarray) -> Audit:
        """The masked cells of `mask` that fail, and a cut for each."""
        m = self.m
        failures: List[Tuple[int, str, str]] = []
        cuts: List[Tuple[int, FrozenSet[int]]] = []
        pub = [i for i in range(m.n) if not mask[i]]
        for i in pub:  # a published count is 0 or at least N
            assert m.values[i] == 0 or m.values[i] >= N, m.names[i]
        open_cells = []
        comps: Dict[int, Tuple[FrozenSet[int], FrozenSet[int]]] = {}
        for i in map(int, np.flatnonzero(mask)):
            comp, border = self.component(mask, i)
            comps[i] = (comp, border)
            if not any(c <= comp for c in self.passed.get(i, [])):
                open_cells.append(i)
        if not open_cells:
            return Audit([], [], 0)
        programs = 0
        found: List[FrozenSet[int]] = []  # the irreducible sets found in this audit
        todo = open_cells  # the informed attacker looks at the cells that pass (1)
        for informed in (False, True):
            need = 1 if informed else N
            att = Attacker(m, mask, informed)
            cols = att.col
            seen = Seen(m.values[att.unknown])
            # tables far apart first: the open cells all small, then all large
            for _ in range(3):
                still = [i for i in todo if seen.high[cols[i]] - seen.low[cols[i]] < need]
                if not still:
                    break
                obj = np.zeros(len(att.unknown))
                obj[[cols[i] for i in still]] = 1.0
                seen.add(att.solve(obj))
                seen.add(att.solve(-obj))
            passing = []
            for i in todo:
                k = cols[i]
                if seen.high[k] - seen.low[k] >= need:
                    passing.append(i)
                    continue
                e = np.zeros(len(att.unknown))
                e[k] = 1.0
                hi = att.solve(-e)
                seen.add(hi)
                lo = att.solve(e)
                seen.add(lo)
                high = None if hi[k] >= CAP else int(hi[k])
                if high is None or high - int(lo[k]) >= need or (informed and self.is_excused(i)):
                    passing.append(i)
                    continue
                what = "exact knowing the small cells" if informed else "narrow from the table"
                failures.append((i, what, f"{int(lo[k])}..{high}"))
                cuts.append((i, self.cut_for(mask, i, informed, comps[i][1], found)))
            programs += att.programs
            todo = passing
        for i in todo:
            self.passed.setdefault(i, []).append(comps[i][0])
        self.programs += programs
        return Audit(failures, cuts, programs)


# --- the optimum -------------------------------------------------------------------------------


class Master:
    """Binary y per cell, primaries fixed to 1, the sum cuts and the audit's cuts."""

    def __init__(self, m: Model) -> None:
        self.m = m
        self.cuts: List[np.ndarray] = []  # rows `row · y ≥ 0`
        self.keys: set = set()
        for line in m.sums:
            for i in line:
                others = frozenset(j for j in line if j != i)
                self.add(i, others)

    def add(self, cell: int, border: FrozenSet[int]) -> bool:
        """Σ_{j ∈ border} y_j ≥ y_cell. False when already there."""
        if (cell, border) in self.keys:
            return False
        self.keys.add((cell, border))
        row = np.zeros(self.m.n)
        row[list(border)] = 1.0
        row[cell] -= 1.0
        self.cuts.append(row)
        return True

    def solve(self, weights: np.ndarray) -> np.ndarray:
        lo = self.m.primary.astype(float)
        res = milp(weights, integrality=np.ones(self.m.n), bounds=Bounds(lo, np.ones(self.m.n)),
                   constraints=[LinearConstraint(np.array(self.cuts), 0.0, np.inf)],
                   options={"mip_rel_gap": 0.0})
        assert res.status == 0, res.message
        return np.round(res.x).astype(bool)


def optimise(m: Model, auditor: Auditor, master: Master, weights: np.ndarray) -> Tuple[np.ndarray, int]:
    """The pattern minimising `weights · y` that passes the audit, and the master's rounds."""
    rounds = 0
    while True:
        rounds += 1
        y = master.solve(weights)
        result = auditor.audit(y)
        if not result.failures:
            return y, rounds
        added = [master.add(i, b) for i, b in result.cuts]
        assert any(added), "a failing pattern the cuts already exclude: a bug"


# --- the run -----------------------------------------------------------------------------------


def nearest_rank(xs: Sequence[float], q: float) -> float:
    s = sorted(xs)
    return s[max(0, math.ceil(q * len(s)) - 1)]


@dataclass
class Row:
    cells: int
    ours_cells: int
    opt_cells: int
    ours_value: int
    opt_value: int
    primaries: int
    primary_value: int
    ours_failures: int
    seconds_library: float
    seconds_optimum: float
    rounds: int
    programs: int
    extra: List[Tuple[str, str, str]]  # cells ours masks and the optimum does not
    missing: List[Tuple[str, str, str]]  # cells the optimum masks and ours does not
    pruned_cells: Optional[int] = None  # ours after a clean-up pass (--prune)


def cross_check(plain_rows: List[dict], plain_totals: dict, m: Model, mask: np.ndarray,
                rule: str) -> List[str]:
    """The failures that ``bindings/python/tests/test_disclosure.py``'s attacker (its own
    model of the table) finds in pattern `mask`, published as the library would."""
    import os
    tests = os.path.join(os.path.dirname(__file__), "..", "..", "bindings", "python", "tests")
    sys.path.insert(0, os.path.abspath(tests))
    import test_disclosure as td  # noqa: E402 (needs pytest)

    reported = [r for r in plain_rows if r["reporting"] != "not_reported"]
    out_rows = []
    for b, row in enumerate(reported + [plain_totals]):
        row = dict(row)
        hidden = [c for k, c in enumerate(COLUMNS) if mask[b * 6 + k]]
        for c in hidden:
            row[c] = None
        if hidden:
            row["masked"] = hidden
        out_rows.append(row)
    table = td.Table(out_rows[:-1], out_rows[-1], rule)
    failures: List[str] = []
    td.attack("PP-A", table, [int(v) for v in m.values], N, failures)
    return failures


def pruned(m: Model, auditor: Auditor) -> np.ndarray:
    """The library's pattern after releasing its complements one by one (zeros first, then
    the largest counts) while the audit still passes: what a final clean-up pass would give."""
    mask = m.ours.copy()
    for i in sorted(np.flatnonzero(mask & ~m.primary), key=lambda i: (m.values[i] != 0, -m.values[i])):
        trial = mask.copy()
        trial[i] = False
        if not auditor.audit(trial).failures:
            mask = trial
    return mask


def one_table(rng: random.Random, rule: str, check: bool = False, prune: bool = False) -> Optional[Row]:
    log = random_log(rng)
    if not log:
        return None
    t0 = time.perf_counter()
    published = pp.activity_report(log, START, END, by="partner", bucket="month",
                                   new_patients=rule, suppress_below=N)
    t_lib = time.perf_counter() - t0
    plain = pp.activity_report(log, START, END, by="partner", bucket="month", new_patients=rule)
    (pt,), (mt,) = plain.totals, published.totals
    m = model_of(plain.rows, pt, published.rows, mt, rule)
    t0 = time.perf_counter()
    auditor = Auditor(m)
    ours_audit = auditor.audit(m.ours.copy())
    # failures of the library's own pattern: the informed pass only looks at cells that pass
    # the first condition, so count each cell once
    ours_failures = len({f[0] for f in ours_audit.failures})
    master = Master(m)
    n = m.n
    delta = 1.0 / (n + 2)
    by_count = np.where(m.ours, 1.0 - delta, 1.0)  # ties broken towards the library's cells
    opt, rounds = optimise(m, auditor, master, by_count)
    eps = 1.0 / (n + 2)
    by_value = np.where(m.values > 0, m.values.astype(float), eps) - np.where(m.ours, eps * delta, 0.0)
    opt_v, rounds_v = optimise(m, auditor, master, by_value)
    t_opt = time.perf_counter() - t0
    pruned_cells = int(pruned(m, auditor).sum()) if prune else None
    if check:
        # the optima again, by a fresh audit (no remembered passes) and by the tests' attacker
        for pattern in (opt, opt_v, m.ours):
            assert not Auditor(m).audit(pattern.copy()).failures
            assert not cross_check(plain.rows, pt, m, pattern, rule)
    def kinds(sel: np.ndarray) -> List[Tuple[str, str, str]]:
        """(row kind, column, "empty month" | "zero" | "") of the cells of `sel`."""
        out = []
        for i in np.flatnonzero(sel):
            row = m.values[i - i % 6: i - i % 6 + 6]
            zero = "" if m.values[i] else ("empty month" if not row.any() else "zero")
            out.append((*m.kinds[i], zero))
        return out

    return Row(
        cells=n, ours_cells=int(m.ours.sum()), opt_cells=int(opt.sum()),
        ours_value=int(m.values[m.ours].sum()), opt_value=int(m.values[opt_v].sum()),
        primaries=int(m.primary.sum()), primary_value=int(m.values[m.primary].sum()),
        ours_failures=ours_failures, seconds_library=t_lib, seconds_optimum=t_opt,
        rounds=rounds + rounds_v, programs=auditor.programs,
        extra=kinds(m.ours & ~opt), missing=kinds(opt & ~m.ours), pruned_cells=pruned_cells)


def summary(name: str, ratios: List[float], ours: int, opt: int) -> str:
    return (f"| {name} | {len(ratios)} | {np.mean(ratios):.3f} | {ours / opt:.3f} | "
            f"{nearest_rank(ratios, 0.5):.3f} | {nearest_rank(ratios, 0.9):.3f} | "
            f"{max(ratios):.3f} | {ours:,} / {opt:,} |")


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tables", type=int, default=200, help="random tables (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the random logs (default 1)")
    ap.add_argument("--rule", default="first_in_period", choices=["first_in_period", "first_ever"],
                    help="new-patient rule (default first_in_period, the library's default)")
    ap.add_argument("--verbose", action="store_true", help="one line per table")
    ap.add_argument("--check", action="store_true",
                    help="audit the optima and the library's pattern again, afresh and with the "
                         "attacker of bindings/python/tests/test_disclosure.py (slower)")
    ap.add_argument("--prune", action="store_true",
                    help="also measure the library's pattern after a greedy clean-up pass "
                         "(complements released while the audit passes; slower)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    rows: List[Row] = []
    started = time.perf_counter()
    empty = 0
    while len(rows) < args.tables:
        row = one_table(rng, args.rule, args.check, args.prune)
        if row is None:
            empty += 1
            continue
        rows.append(row)
        if args.verbose:
            print(f"table {len(rows):4d}: {row.cells} cells, {row.primaries} primary; masked "
                  f"ours {row.ours_cells} / optimal {row.opt_cells}; value ours {row.ours_value} "
                  f"/ optimal {row.opt_value}; library failures {row.ours_failures}; "
                  f"{row.rounds} rounds, {row.programs} programs, {row.seconds_optimum:.2f} s",
                  flush=True)
    total = time.perf_counter() - started
    cells = [r.ours_cells / r.opt_cells for r in rows if r.opt_cells]
    value = [r.ours_value / r.opt_value for r in rows if r.opt_value]
    print(f"{len(rows)} tables (seed {args.seed}, rule {args.rule}, N = {N}; {empty} empty logs "
          f"skipped), {sum(r.cells for r in rows):,} cells, "
          f"{sum(r.primaries for r in rows):,} of them below {N} (primary)")
    print(f"patient_partner {getattr(pp, '__version__', '?')} from {pp.__file__}")
    print()
    print("| ours ÷ optimal | tables | mean of ratios | ratio of sums | median | p90 | max | "
          "ours / optimal (sums) |")
    print("|---|---|---|---|---|---|---|---|")
    print(summary("masked cells", cells, sum(r.ours_cells for r in rows),
                  sum(r.opt_cells for r in rows)))
    print(summary("masked value", value, sum(r.ours_value for r in rows),
                  sum(r.opt_value for r in rows)))
    if args.prune:
        pr = [(r.pruned_cells or 0) / r.opt_cells for r in rows if r.opt_cells]
        print(summary("masked cells, ours pruned", pr, sum(r.pruned_cells or 0 for r in rows),
                      sum(r.opt_cells for r in rows)))
    print()
    primaries = sum(r.primaries for r in rows)
    print(f"primary cells {primaries:,} (value {sum(r.primary_value for r in rows):,}); "
          f"complements: ours {sum(r.ours_cells for r in rows) - primaries:,}, optimal "
          f"{sum(r.opt_cells for r in rows) - primaries:,}")
    print(f"tables where the library masks more cells than the optimum: "
          f"{sum(r.ours_cells > r.opt_cells for r in rows)} of {len(rows)}; "
          f"fewer (impossible if both pass): {sum(r.ours_cells < r.opt_cells for r in rows)}; "
          f"a larger masked value than the smallest: "
          f"{sum(r.ours_value > r.opt_value for r in rows)}")
    fails = sum(r.ours_failures for r in rows)
    print(f"library's pattern against this attacker: {fails} failing cells in "
          f"{sum(r.ours_failures > 0 for r in rows)} tables")
    extra = Counter(e for r in rows for e in r.extra)
    missing = Counter(e for r in rows for e in r.missing)
    def show(counter: Counter) -> str:
        return ", ".join(f"{row}.{col}{f' ({zero})' if zero else ''} {k}"
                         for (row, col, zero), k in counter.most_common(14))
    by_zero = Counter(zero or "non-zero" for (_, _, zero), k in extra.items() for _ in range(k))
    print(f"cells the library masks and the closest fewest-cells optimum does not "
          f"({sum(extra.values())}): {show(extra)}")
    print(f"  of which: {', '.join(f'{k} {v}' for k, v in by_zero.most_common())}")
    print(f"cells that optimum masks and the library does not ({sum(missing.values())}): "
          f"{show(missing)}")
    print()
    times = [r.seconds_optimum for r in rows]
    print(f"time: {total:.1f} s in all; library {sum(r.seconds_library for r in rows):.2f} s "
          f"({1000 * np.median([r.seconds_library for r in rows]):.1f} ms median per table); "
          f"optimum + audits median {np.median(times):.2f} s, max {max(times):.2f} s per table; "
          f"master rounds median {np.median([r.rounds for r in rows]):.0f} "
          f"(max {max(r.rounds for r in rows)}), attacker programs "
          f"{sum(r.programs for r in rows):,} ({PROGRAMS['relaxation']:,} solves answered by "
          f"the linear relaxation, {PROGRAMS['integer']:,} integer)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
