//! The attacker the library checks each published table against: the smallest and largest
//! value a masked cell can take given everything the table publishes, computed exactly as
//! two integer linear programs (minimise, then maximise the cell) with the pure-Rust solver
//! `microlp`.
//!
//! The unknowns are the masked cells, whole numbers from 0; the published cells are
//! constants. Every sum relation and every known inequality of the table is a constraint.
//! With [`Knowledge::PrimaryCells`] the attacker also knows which masked cells were masked
//! for being small, each then from 1 to `threshold − 1`.

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use super::Relations;

/// What the attacker knows besides the published cells and the relations of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knowledge {
    /// The table as published: its relations, and that counts are whole numbers from 0.
    Published,
    /// Also which masked cells are small counts (from 1 to `threshold − 1`), the rest being
    /// complements. The library never publishes this; it is the worst case.
    PrimaryCells,
}

/// The values an attacker can derive for one masked cell, `low..=high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeasibleRange {
    /// The smallest value the cell can take.
    pub low: u64,
    /// The largest value, `None` when the cell has no upper bound the attacker can find.
    pub high: Option<u64>,
}

impl FeasibleRange {
    /// `high − low`, `None` when unbounded. `Some(0)`: the cell is known exactly.
    pub fn width(&self) -> Option<u64> {
        self.high.map(|h| h.saturating_sub(self.low))
    }

    /// Whether the range is at least `width` wide.
    pub fn at_least(&self, width: u64) -> bool {
        self.width().is_none_or(|w| w >= width)
    }
}

/// A table as an attacker sees it: values, which are masked, which masked cells are small.
#[derive(Debug, Clone, Copy)]
pub(super) struct View<'a> {
    pub values: &'a [u64],
    pub relations: &'a Relations,
    pub masked: &'a [bool],
    pub primary: &'a [bool],
    pub threshold: u64,
}

impl<'a> View<'a> {
    /// The same table with other cells masked.
    pub fn with<'b>(self, masked: &'b [bool]) -> View<'b>
    where
        'a: 'b,
    {
        View { masked, ..self }
    }
}

/// The range the attacker derives for masked cell `cell`, or `None` when the solver could
/// not answer (the caller then treats the cell as unprotected). A published cell's range is
/// its value.
pub(super) fn feasible_range(
    view: View<'_>,
    knowledge: Knowledge,
    cell: usize,
) -> Option<FeasibleRange> {
    let low = extreme(view, knowledge, cell, Extreme::Smallest)?;
    let high = extreme(view, knowledge, cell, Extreme::Largest)?;
    range_of(view, cell, &low, &high)
}

/// The range given the solutions that minimise and maximise `cell`.
pub(super) fn range_of(
    view: View<'_>,
    cell: usize,
    low: &[u64],
    high: &[u64],
) -> Option<FeasibleRange> {
    let high = *high.get(cell)?;
    Some(FeasibleRange {
        low: *low.get(cell)?,
        high: (high < cap(view)).then_some(high),
    })
}

/// Which end of a cell's range to look for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Extreme {
    Smallest,
    Largest,
}

/// A cap above which the attacker's freedom no longer matters: a cell reaching it has a
/// range wider than the threshold (its value is at most the largest of the table). Capping
/// only narrows the ranges, the safe side.
fn cap(view: View<'_>) -> u64 {
    let max = view.values.iter().copied().max().unwrap_or(0);
    max.saturating_mul(2)
        .saturating_add(view.threshold.saturating_mul(2))
        .saturating_add(1)
        .min(i32::MAX as u64)
}

/// What an integer program makes as small or as large as it can.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target<'a> {
    /// One cell.
    Cell(usize),
    /// The sum of the masked cells marked `true` (tables far apart in one solve).
    Sum(&'a [bool]),
}

/// One integer program: a whole table the attacker cannot rule out (published cells at their
/// values) in which masked cell `cell` is as small or as large as it can be. `None` when the
/// solver could not answer. A published cell gives the table itself.
pub(super) fn extreme(
    view: View<'_>,
    knowledge: Knowledge,
    cell: usize,
    extreme: Extreme,
) -> Option<Vec<u64>> {
    if !view.masked.get(cell).copied().unwrap_or(false) {
        return Some(view.values.to_vec());
    }
    extreme_of(view, knowledge, Target::Cell(cell), extreme)
}

/// [`extreme`] for any [`Target`].
pub(super) fn extreme_of(
    view: View<'_>,
    knowledge: Knowledge,
    target: Target<'_>,
    extreme: Extreme,
) -> Option<Vec<u64>> {
    let cap = cap(view);
    let direction = match extreme {
        Extreme::Smallest => OptimizationDirection::Minimize,
        Extreme::Largest => OptimizationDirection::Maximize,
    };
    let mut problem = Problem::new(direction);
    let small_max = view.threshold.saturating_sub(1).min(cap);
    let vars: Vec<Option<Variable>> = (0..view.values.len())
        .map(|i| {
            if !view.masked.get(i).copied().unwrap_or(false) {
                return None;
            }
            let counted = match target {
                Target::Cell(cell) => cell == i,
                Target::Sum(cells) => cells.get(i).copied().unwrap_or(false),
            };
            let objective = if counted { 1.0 } else { 0.0 };
            let small = knowledge == Knowledge::PrimaryCells
                && view.primary.get(i).copied().unwrap_or(false);
            let (lo, hi) = if small { (1, small_max) } else { (0, cap) };
            let lo = if view.relations.positive.contains(&i) {
                lo.max(1)
            } else {
                lo
            };
            Some(problem.add_integer_var(objective, (as_i32(lo), as_i32(hi))))
        })
        .collect();
    let var = |i: usize| vars.get(i).copied().flatten();
    // Σ sign·cell (op) 0, the published cells moved to the right-hand side.
    let mut add = |cells: &mut dyn Iterator<Item = (usize, f64)>, op: ComparisonOp| {
        let mut terms = Vec::new();
        let mut rhs = 0.0;
        for (i, sign) in cells {
            match var(i) {
                Some(v) => terms.push((v, sign)),
                None => rhs -= sign * view.values.get(i).copied().unwrap_or(0) as f64,
            }
        }
        if !terms.is_empty() {
            problem.add_constraint(terms.as_slice(), op, rhs);
        }
    };
    let n = view.values.len();
    for line in &view.relations.sums {
        let line: Vec<usize> = line.iter().copied().filter(|&i| i < n).collect();
        if let Some((&sum, parts)) = line.split_last() {
            // parts − sum = 0
            add(
                &mut parts.iter().map(|&i| (i, 1.0)).chain([(sum, -1.0)]),
                ComparisonOp::Eq,
            );
        }
    }
    for &(a, b) in &view.relations.at_most {
        if a < n && b < n {
            // a − b ≤ 0
            add(&mut [(a, 1.0), (b, -1.0)].into_iter(), ComparisonOp::Le);
        }
    }
    let inequalities = view
        .relations
        .sum_at_most
        .iter()
        .map(|r| (r, ComparisonOp::Le));
    let equations = view
        .relations
        .equal_sums
        .iter()
        .map(|r| (r, ComparisonOp::Eq));
    for ((left, right), op) in inequalities.chain(equations) {
        if left.iter().chain(right).all(|&i| i < n) {
            // Σ left − Σ right ≤ 0 (or = 0)
            add(
                &mut left
                    .iter()
                    .map(|&i| (i, 1.0))
                    .chain(right.iter().map(|&i| (i, -1.0))),
                op,
            );
        }
    }
    let solution = problem.solve().ok()?.into_solution().ok()?;
    let mut table = view.values.to_vec();
    for (slot, v) in table.iter_mut().zip(&vars) {
        if let Some(v) = v {
            let x = solution.var_value(*v).round();
            if !x.is_finite() || x < 0.0 {
                return None;
            }
            *slot = x as u64;
        }
    }
    Some(table)
}

fn as_i32(v: u64) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// a + b = 12 with a = 3 (small) and b = 9 (small) masked.
    fn pair(a: u64, b: u64) -> (Vec<u64>, Relations) {
        (vec![a, b, a + b], Relations::sums(vec![vec![0, 1, 2]]))
    }

    #[test]
    fn a_masked_pair_with_a_published_sum_moves_together() {
        let (values, relations) = pair(3, 9);
        let masked = [true, true, false];
        let primary = [true, true, false];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &primary,
            threshold: 11,
        };
        let published = feasible_range(view, Knowledge::Published, 0).unwrap();
        assert_eq!(
            published,
            FeasibleRange {
                low: 0,
                high: Some(12)
            }
        );
        // knowing both are 1..=10: a ∈ 2..=10
        let known = feasible_range(view, Knowledge::PrimaryCells, 0).unwrap();
        assert_eq!(
            known,
            FeasibleRange {
                low: 2,
                high: Some(10)
            }
        );
    }

    #[test]
    fn two_small_cells_at_the_top_of_their_range_are_known_exactly() {
        let (values, relations) = pair(10, 10);
        let masked = [true, true, false];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &masked,
            threshold: 11,
        };
        let known = feasible_range(view, Knowledge::PrimaryCells, 1).unwrap();
        assert_eq!(known.width(), Some(0));
        assert!(feasible_range(view, Knowledge::Published, 1)
            .unwrap()
            .at_least(11));
    }

    #[test]
    fn a_masked_sum_leaves_its_parts_unbounded() {
        let (values, relations) = pair(3, 20);
        let masked = [true, true, true];
        let primary = [true, false, false];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &primary,
            threshold: 11,
        };
        let range = feasible_range(view, Knowledge::Published, 1).unwrap();
        assert_eq!(range.low, 0);
        assert_eq!(range.high, None);
        assert_eq!(range.width(), None);
    }

    #[test]
    fn known_inequalities_bound_the_cells() {
        // new (masked, 4) ≤ total (published, 5); new + other = 12 published
        let values = [4, 8, 12, 5];
        let mut relations = Relations::sums(vec![vec![0, 1, 2]]);
        relations.add_at_most_if_true(&values, 0, 3);
        relations.add_at_most_if_true(&values, 3, 0); // false for the data: left out
        assert_eq!(relations.at_most, vec![(0, 3)]);
        let masked = [true, true, false, false];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &masked,
            threshold: 11,
        };
        let range = feasible_range(view, Knowledge::Published, 0).unwrap();
        assert_eq!(
            range,
            FeasibleRange {
                low: 0,
                high: Some(5)
            }
        );
    }

    #[test]
    fn a_positive_cell_is_at_least_one() {
        // patients (masked) of a month whose 7 interviews are published: at least 1
        let values = [7, 3];
        let mut relations = Relations::default();
        relations.add_positive_if_true(&values, 1);
        relations.add_positive_if_true(&[7, 0], 1); // false for that data: left out
        assert_eq!(relations.positive, vec![1]);
        let masked = [false, true];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &[false; 2],
            threshold: 11,
        };
        let range = feasible_range(view, Knowledge::Published, 1).unwrap();
        assert_eq!(range.low, 1);
        let plain = Relations::default();
        let range = feasible_range(
            View {
                relations: &plain,
                ..view
            },
            Knowledge::Published,
            1,
        )
        .unwrap();
        assert_eq!(range.low, 0);
    }

    #[test]
    fn sums_at_most_bound_a_sum_of_cells() {
        // patients of January (masked) + new of February (published 5) ≤ patients of the
        // period (published 35): January ≤ 30
        let values = [30, 5, 35];
        let mut relations = Relations::default();
        relations.add_sum_at_most_if_true(&values, vec![0, 1], vec![2]);
        relations.add_sum_at_most_if_true(&values, vec![2], vec![0]); // false: left out
        assert_eq!(relations.sum_at_most.len(), 1);
        let masked = [true, false, false];
        let view = View {
            values: &values,
            relations: &relations,
            masked: &masked,
            primary: &[false; 3],
            threshold: 11,
        };
        let range = feasible_range(view, Knowledge::Published, 0).unwrap();
        assert_eq!(
            range,
            FeasibleRange {
                low: 0,
                high: Some(30)
            }
        );
    }
}
