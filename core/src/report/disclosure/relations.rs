//! What a published table tells about its cells besides their values: the additive relations
//! between them and the inequalities every reader knows.

/// The relations of one table, over cell indices.
///
/// - `sums`: each list is one equation, **its last cell being the sum of the others**
///   (a row and its total, a column and its totals-row cell);
/// - `at_most`: pairs `(a, b)` with `a ≤ b` known to any reader (the new patients of a month
///   were seen that month, so they are at most its interviews).
///
/// Indices out of range are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relations {
    /// Equations: the last cell of each list is the sum of the others.
    pub sums: Vec<Vec<usize>>,
    /// Known inequalities `values[a] <= values[b]`.
    pub at_most: Vec<(usize, usize)>,
}

impl Relations {
    /// Relations made of sums only.
    pub fn sums(sums: Vec<Vec<usize>>) -> Self {
        Relations {
            sums,
            at_most: Vec::new(),
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

    /// Whether cells `a` and `b` appear together in one relation.
    pub(super) fn related(&self, a: usize, b: usize) -> bool {
        self.sums
            .iter()
            .any(|line| line.contains(&a) && line.contains(&b))
            || self
                .at_most
                .iter()
                .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}
