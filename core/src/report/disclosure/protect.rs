//! Choosing the masked cells of one table: primary suppression, a quick first round of
//! complements, then complements added until the [attacker](super::attacker) check holds
//! for every masked cell.

use super::attacker::{
    extreme, extreme_of, feasible_range, range_of, Extreme, FeasibleRange, Knowledge, Target, View,
};
use super::Relations;

/// Primary and secondary suppression over `values` linked by `relations`: which cells are
/// masked. Every masked cell then meets [`is_protected`]'s two conditions, or every cell of
/// the table is masked. See the [module documentation](super).
pub fn protect(values: &[u64], relations: &Relations, threshold: u64) -> Vec<bool> {
    protect_with(values, relations, threshold, &[])
}

/// [`protect`], with the cells of `forced` (`true` at their index) masked from the start as
/// well: cells a table must hide whatever their value (the minutes of a masked activity
/// count). They are checked like every masked cell, but an attacker is not told they are
/// small counts.
pub fn protect_with(
    values: &[u64],
    relations: &Relations,
    threshold: u64,
    forced: &[bool],
) -> Vec<bool> {
    protect_bounded(values, relations, threshold, forced, &Start::default()).masked
}

/// The outcome of a protection ([`protect_parts`](super::protect_parts)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Protected {
    /// Which cells are masked.
    pub masked: Vec<bool>,
    /// Masked cells that still fail the check with every cell that may be masked masked:
    /// only possible when cells are [`Fixed::published`](super::Fixed::published) (an earlier release gave them
    /// away) or when no choice of cells could protect them (see the module documentation).
    pub unprotected: Vec<usize>,
}

/// How a joint protection starts and searches (see [`protect_bounded`]).
#[derive(Debug, Clone)]
pub(super) struct Start<'a> {
    /// Cells masked from the start that may be published again: complements found
    /// table by table before the joint check.
    pub seeded: &'a [bool],
    /// Cells published whatever happens: never masked, never a complement.
    pub published: &'a [bool],
    /// Complements tried per failing cell before the one leaving the most room is taken.
    pub trials: usize,
    /// Whether a masked complement that the attacker knows exactly anyway is published
    /// (masking it hides nothing and protects no other cell).
    pub release_known: bool,
}

impl Default for Start<'_> {
    fn default() -> Self {
        Start {
            seeded: &[],
            published: &[],
            trials: usize::MAX,
            release_known: false,
        }
    }
}

/// [`protect_with`], started and searched as `start` says (fewer integer programs on large
/// publications).
pub(super) fn protect_bounded(
    values: &[u64],
    relations: &Relations,
    threshold: u64,
    forced: &[bool],
    start: &Start<'_>,
) -> Protected {
    let trials = start.trials;
    let published = |i: usize| start.published.get(i).copied().unwrap_or(false);
    let primary: Vec<bool> = values
        .iter()
        .enumerate()
        .map(|(i, &v)| v > 0 && v < threshold && !published(i))
        .collect();
    let mut masked: Vec<bool> = primary
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            !published(i)
                && (p
                    || forced.get(i).copied().unwrap_or(false)
                    || start.seeded.get(i).copied().unwrap_or(false))
        })
        .collect();
    first_round(values, &relations.sums, &mut masked, start.published);
    let mut unprotected = Vec::new();
    // Every cell that may be masked, masked: what the excused cases are judged against.
    let all: Vec<bool> = (0..values.len()).map(|i| !published(i)).collect();
    let table = View {
        values,
        relations,
        masked: &all,
        primary: &primary,
        threshold,
    };
    let mut seen = Witnesses::new(values);
    seen.spread(table.with(&masked));
    let mut released = vec![false; values.len()];
    let mut cell = 0;
    while cell < values.len() {
        // Masking more cells only widens every range, so a cell once protected stays so.
        if !masked.get(cell).copied().unwrap_or(false)
            || check(table.with(&masked), table, cell, &mut seen)
        {
            cell += 1;
            continue;
        }
        let releasable = start.release_known
            && !released.get(cell).copied().unwrap_or(true)
            && !primary.get(cell).copied().unwrap_or(true)
            && !forced.get(cell).copied().unwrap_or(false);
        if releasable
            && solve_range(table.with(&masked), Knowledge::Published, cell, &mut seen)
                .is_some_and(|r| r.width() == Some(0))
        {
            // Every table the attacker cannot rule out has this value here: publishing it
            // changes nothing they can derive (the checks made stay valid).
            if let Some(m) = masked.get_mut(cell) {
                *m = false;
            }
            if let Some(r) = released.get_mut(cell) {
                *r = true;
            }
            cell += 1;
            continue;
        }
        let all = candidates(values, relations, &masked, start.published, cell);
        // A cell published as known gave no room: a complement again only when nothing
        // else is left (then it stays masked: `released` keeps it from being released twice).
        let fresh: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| !released.get(i).copied().unwrap_or(false))
            .collect();
        let candidates = if fresh.is_empty() { all } else { fresh };
        let Some(&widest) = candidates
            .iter()
            .max_by_key(|&&i| values.get(i).copied().unwrap_or(0))
        else {
            // Every cell that may be masked is: nothing more can be done for this one.
            unprotected.push(cell);
            cell += 1;
            continue;
        };
        // The first candidate (smallest non-zero counts first) that protects the cell alone;
        // otherwise the one leaving the most room, and the cell is checked again.
        let chosen = candidates
            .iter()
            .copied()
            .take(trials)
            .find(|&i| {
                let mut trial = masked.clone();
                if let Some(m) = trial.get_mut(i) {
                    *m = true;
                }
                let mut trial_seen = seen.clone();
                let ok = check(table.with(&trial), table, cell, &mut trial_seen);
                if ok {
                    seen = trial_seen;
                }
                ok
            })
            .unwrap_or(widest);
        if let Some(m) = masked.get_mut(chosen) {
            *m = true;
        }
        // A new complement must pass the check too.
        cell = cell.min(chosen);
    }
    Protected {
        masked,
        unprotected,
    }
}

/// Whether masked cell `cell` of a table is protected: an attacker who sees the table
/// cannot narrow it to less than `threshold` wide, and one who also knows which masked cells
/// are small counts cannot recompute it exactly (unless no choice of masked cells could
/// prevent that: see the module documentation).
pub fn is_protected(
    values: &[u64],
    relations: &Relations,
    masked: &[bool],
    threshold: u64,
    cell: usize,
) -> bool {
    let primary: Vec<bool> = values.iter().map(|&v| v > 0 && v < threshold).collect();
    let all = vec![true; values.len()];
    let table = View {
        values,
        relations,
        masked: &all,
        primary: &primary,
        threshold,
    };
    check(table.with(masked), table, cell, &mut Witnesses::new(values))
}

/// The range an attacker derives for masked cell `cell` (its value if published), knowing
/// the table as published or also which masked cells are small counts. `None` when the
/// solver could not answer.
pub fn attacker_range(
    values: &[u64],
    relations: &Relations,
    masked: &[bool],
    threshold: u64,
    knowledge: Knowledge,
    cell: usize,
) -> Option<FeasibleRange> {
    let primary: Vec<bool> = values.iter().map(|&v| v > 0 && v < threshold).collect();
    let view = View {
        values,
        relations,
        masked,
        primary: &primary,
        threshold,
    };
    feasible_range(view, knowledge, cell)
}

/// Tables an attacker cannot rule out, found so far (the true table first): per cell, the
/// smallest and largest value seen in them. A table that fits a set of masked cells fits any
/// larger set, so what is seen stays valid as complements are added.
#[derive(Debug, Clone)]
struct Seen {
    low: Vec<u64>,
    high: Vec<u64>,
}

impl Seen {
    fn new(values: &[u64]) -> Self {
        Seen {
            low: values.to_vec(),
            high: values.to_vec(),
        }
    }

    fn add(&mut self, table: &[u64]) {
        for ((lo, hi), &v) in self.low.iter_mut().zip(self.high.iter_mut()).zip(table) {
            *lo = (*lo).min(v);
            *hi = (*hi).max(v);
        }
    }

    /// A lower bound of the width of `cell`'s range.
    fn span(&self, cell: usize) -> u64 {
        match (self.low.get(cell), self.high.get(cell)) {
            (Some(lo), Some(hi)) => hi.saturating_sub(*lo),
            _ => 0,
        }
    }
}

/// What is seen by each attacker. A table that fits what the informed attacker knows fits
/// what the table alone says, so those tables count for both.
#[derive(Debug, Clone)]
struct Witnesses {
    published: Seen,
    primary: Seen,
}

impl Witnesses {
    fn new(values: &[u64]) -> Self {
        Witnesses {
            published: Seen::new(values),
            primary: Seen::new(values),
        }
    }

    /// Tables far apart before any cell's own programs: for each attacker, the cells whose
    /// range is not yet proven wide enough all as small, then all as large, as they can be,
    /// while that proves more cells. Most cells then need no program of their own.
    fn spread(&mut self, view: View<'_>) {
        for knowledge in [Knowledge::Published, Knowledge::PrimaryCells] {
            let need = match knowledge {
                Knowledge::Published => view.threshold,
                Knowledge::PrimaryCells => 1,
            };
            let mut open_before = usize::MAX;
            loop {
                let seen = match knowledge {
                    Knowledge::Published => &self.published,
                    Knowledge::PrimaryCells => &self.primary,
                };
                let open: Vec<bool> = (0..view.values.len())
                    .map(|i| view.masked.get(i).copied().unwrap_or(false) && seen.span(i) < need)
                    .collect();
                let count = open.iter().filter(|&&o| o).count();
                if count == 0 || count >= open_before {
                    break;
                }
                open_before = count;
                for end in [Extreme::Largest, Extreme::Smallest] {
                    if let Some(table) = extreme_of(view, knowledge, Target::Sum(&open), end) {
                        self.published.add(&table);
                        if knowledge == Knowledge::PrimaryCells {
                            self.primary.add(&table);
                        }
                    }
                }
            }
        }
    }
}

/// The range of `cell` for `knowledge` by its two integer programs, recording the tables
/// found. `None` when the solver could not answer.
fn solve_range(
    view: View<'_>,
    knowledge: Knowledge,
    cell: usize,
    seen: &mut Witnesses,
) -> Option<FeasibleRange> {
    let high = extreme(view, knowledge, cell, Extreme::Largest)?;
    let low = extreme(view, knowledge, cell, Extreme::Smallest)?;
    for table in [&high, &low] {
        seen.published.add(table);
        if knowledge == Knowledge::PrimaryCells {
            seen.primary.add(table);
        }
    }
    range_of(view, cell, &low, &high)
}

/// [`is_protected`] for a view, the tables already seen sparing most integer programs: a
/// cell whose values in them already differ enough needs no solving.
fn check(view: View<'_>, all_masked: View<'_>, cell: usize, seen: &mut Witnesses) -> bool {
    let threshold = view.threshold;
    let wide = seen.published.span(cell) >= threshold
        || solve_range(view, Knowledge::Published, cell, seen)
            .is_some_and(|r| r.at_least(threshold));
    if !wide {
        return false;
    }
    let hidden = seen.primary.span(cell) >= 1
        || solve_range(view, Knowledge::PrimaryCells, cell, seen).is_some_and(|r| r.at_least(1));
    // Exact recovery from the small cells' range is excused only when it would survive
    // masking the whole table.
    hidden || {
        let known = all_masked.relations.without_positive();
        let all_masked = View {
            relations: &known,
            ..all_masked
        };
        !feasible_range(all_masked, Knowledge::PrimaryCells, cell).is_some_and(|r| r.at_least(1))
    }
}

/// The unmasked cells that could become complements for `cell`: those sharing a relation
/// with it, else those sharing one with any masked cell, else any; smallest non-zero
/// counts first, zeros last.
fn candidates(
    values: &[u64],
    relations: &Relations,
    masked: &[bool],
    published: &[bool],
    cell: usize,
) -> Vec<usize> {
    let open = |i: &usize| {
        !masked.get(*i).copied().unwrap_or(true) && !published.get(*i).copied().unwrap_or(false)
    };
    let mut found: Vec<usize> = (0..values.len())
        .filter(open)
        .filter(|&i| relations.related(cell, i))
        .collect();
    if found.is_empty() {
        found = (0..values.len())
            .filter(open)
            .filter(|&i| {
                (0..values.len())
                    .any(|m| masked.get(m).copied().unwrap_or(false) && relations.related(m, i))
            })
            .collect();
    }
    if found.is_empty() {
        found = (0..values.len()).filter(open).collect();
    }
    found.sort_by_key(|&i| {
        let v = values.get(i).copied().unwrap_or(0);
        (v == 0, v, i)
    });
    found
}

/// The quick round: while a sum has exactly one masked cell (recomputable by subtraction),
/// mask its smallest non-zero other cell (a zero only when nothing else is left), never a
/// cell of `published`.
fn first_round(values: &[u64], sums: &[Vec<usize>], masked: &mut [bool], published: &[bool]) {
    loop {
        let mut changed = false;
        for line in sums {
            let cells: Vec<usize> = line.iter().copied().filter(|&i| i < values.len()).collect();
            let count = cells
                .iter()
                .filter(|&&i| masked.get(i).copied().unwrap_or(false))
                .count();
            if count != 1 {
                continue;
            }
            let complement = cells
                .iter()
                .copied()
                .filter(|&i| {
                    !masked.get(i).copied().unwrap_or(true)
                        && !published.get(i).copied().unwrap_or(false)
                })
                .min_by_key(|&i| {
                    let v = values.get(i).copied().unwrap_or(u64::MAX);
                    (v == 0, v)
                });
            if let Some(m) = complement.and_then(|i| masked.get_mut(i)) {
                *m = true;
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}
