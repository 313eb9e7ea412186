//! What a published table tells about its cells besides their values: the additive relations
//! between them and the inequalities every reader knows.

/// The relations of one table, over cell indices.
///
/// - `sums`: each list is one equation, **its last cell being the sum of the others**
///   (a row and its total, a column and its totals-row cell);
/// - `at_most`: pairs `(a, b)` with `a ≤ b` known to any reader (the new patients of a month
///   were seen that month, so they are at most its patients);
/// - `at_most_sum`: `(a, cells)` with `a ≤` the sum of `cells` (every patient of the period
///   was seen in at least one of its buckets);
/// - `positive`: cells known to be at least 1 (a month with interviews has a patient).
///
/// Indices out of range are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Relations {
    /// Equations: the last cell of each list is the sum of the others.
    pub sums: Vec<Vec<usize>>,
    /// Known inequalities `values[a] <= values[b]`.
    pub at_most: Vec<(usize, usize)>,
    /// Known inequalities `values[a] <= Σ values[cells]`.
    pub at_most_sum: Vec<(usize, Vec<usize>)>,
    /// Cells known to be at least 1.
    pub positive: Vec<usize>,
}

impl Relations {
    /// Relations made of sums only.
    pub fn sums(sums: Vec<Vec<usize>>) -> Self {
        Relations {
            sums,
            ..Relations::default()
        }
    }

    /// Adds `a ≤ b` when it holds for `values` (a reader's knowledge is true of the data;
    /// an inequality the data break is not knowledge and is left out).
    pub fn add_at_most_if_true(&mut self, values: &[u64], a: usize, b: usize) {
        if let (Some(x), Some(y)) = (values.get(a), values.get(b)) {
            if x <= y {
                self.at_most.push((a, b));
            }
        }
    }

    /// Adds `a ≤ Σ cells` when it holds for `values` (as [`add_at_most_if_true`](Self::add_at_most_if_true)).
    pub fn add_at_most_sum_if_true(&mut self, values: &[u64], a: usize, cells: Vec<usize>) {
        let sum: Option<u64> = cells.iter().map(|&i| values.get(i).copied()).sum();
        if let (Some(x), Some(sum)) = (values.get(a), sum) {
            if *x <= sum {
                self.at_most_sum.push((a, cells));
            }
        }
    }

    /// Adds `a ≥ 1` when it holds for `values`. A reader who sees that a month had
    /// interviews knows that it had a patient; given whenever true, even when the month's
    /// interviews are masked too, so that the attacker checked is never weaker than a reader.
    pub fn add_positive_if_true(&mut self, values: &[u64], a: usize) {
        if values.get(a).is_some_and(|&x| x >= 1) {
            self.positive.push(a);
        }
    }

    /// Whether cells `a` and `b` appear together in one relation.
    pub(super) fn related(&self, a: usize, b: usize) -> bool {
        self.sums
            .iter()
            .any(|line| line.contains(&a) && line.contains(&b))
            || self
                .at_most
                .iter()
                .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
            || self.at_most_sum.iter().any(|(x, cells)| {
                (*x == a && cells.contains(&b)) || (*x == b && cells.contains(&a))
            })
    }
}
