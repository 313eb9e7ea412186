//! What a published table tells about its cells besides their values: the additive relations
//! between them and the inequalities every reader knows.

/// The relations of one table, over cell indices.
///
/// - `sums`: each list is one equation, **its last cell being the sum of the others**
///   (a row and its total, a column and its totals-row cell);
/// - `at_most`: pairs `(a, b)` with `a ≤ b` known to any reader (the new patients of a month
///   were seen that month, so they are at most its patients);
/// - `sum_at_most`: `(left, right)` with `Σ left ≤ Σ right` (every patient of the period was
///   seen in some bucket: period ≤ Σ buckets; a month's patients and the patients new after
///   it are different patients of the period: month + Σ later new ≤ period);
/// - `equal_sums`: `(left, right)` with `Σ left = Σ right` (two groupings of one log: the
///   partners' interviews of a month add up to the same number as the establishments');
/// - `positive`: cells known to be at least 1 (a month with interviews had a patient).
///   Given whenever true of the data, even where a reader would need the month's masked
///   interviews to know it: the attacker checked is then never weaker than a reader (but
///   it is left out of the check of what masking the whole table could not prevent,
///   where knowing less is the safe side).
///
/// Indices out of range are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Relations {
    /// Equations: the last cell of each list is the sum of the others.
    pub sums: Vec<Vec<usize>>,
    /// Known inequalities `values[a] <= values[b]`.
    pub at_most: Vec<(usize, usize)>,
    /// Known inequalities `Σ values[left] <= Σ values[right]`.
    pub sum_at_most: Vec<(Vec<usize>, Vec<usize>)>,
    /// Known equations `Σ values[left] = Σ values[right]`.
    pub equal_sums: Vec<(Vec<usize>, Vec<usize>)>,
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

    /// Adds `Σ left ≤ Σ right` when it holds for `values` (as
    /// [`add_at_most_if_true`](Self::add_at_most_if_true)).
    pub fn add_sum_at_most_if_true(&mut self, values: &[u64], left: Vec<usize>, right: Vec<usize>) {
        let sum = |cells: &[usize]| -> Option<u64> {
            cells.iter().map(|&i| values.get(i).copied()).sum()
        };
        if let (Some(l), Some(r)) = (sum(&left), sum(&right)) {
            if l <= r {
                self.sum_at_most.push((left, right));
            }
        }
    }

    /// Adds the sum `line` (its last cell the sum of the others) when it holds for `values`.
    pub fn add_sum_if_true(&mut self, values: &[u64], line: Vec<usize>) {
        if let Some((&sum, parts)) = line.split_last() {
            let total: Option<u64> = parts.iter().map(|&i| values.get(i).copied()).sum();
            if total.is_some() && total == values.get(sum).copied() {
                self.sums.push(line);
            }
        }
    }

    /// Adds `Σ left = Σ right` when it holds for `values`.
    pub fn add_equal_sums_if_true(&mut self, values: &[u64], left: Vec<usize>, right: Vec<usize>) {
        let sum = |cells: &[usize]| -> Option<u64> {
            cells.iter().map(|&i| values.get(i).copied()).sum()
        };
        if let (Some(l), Some(r)) = (sum(&left), sum(&right)) {
            if l == r {
                self.equal_sums.push((left, right));
            }
        }
    }

    /// Adds `a ≥ 1` when it holds for `values`.
    pub fn add_positive_if_true(&mut self, values: &[u64], a: usize) {
        if values.get(a).is_some_and(|&x| x >= 1) {
            self.positive.push(a);
        }
    }

    /// The same relations without [`positive`](Self::positive): for the check of what
    /// masking the whole table could not prevent, where knowing less is the safe side (it
    /// excuses fewer exact recoveries).
    pub(super) fn without_positive(&self) -> Relations {
        Relations {
            positive: Vec::new(),
            ..self.clone()
        }
    }

    /// Every cell each relation names, one list per relation (sums, inequalities, equal
    /// sums; `positive` names one cell and links none).
    pub(super) fn links(&self) -> impl Iterator<Item = Vec<usize>> + '_ {
        self.sums
            .iter()
            .cloned()
            .chain(self.at_most.iter().map(|&(a, b)| vec![a, b]))
            .chain(
                self.sum_at_most
                    .iter()
                    .chain(&self.equal_sums)
                    .map(|(l, r)| l.iter().chain(r).copied().collect()),
            )
    }

    /// The relations over the cells of `keep` only (each relation's cells all in it),
    /// renumbered by their position in `keep`. `index` maps a cell to that position.
    pub(crate) fn restricted(&self, index: &dyn Fn(usize) -> Option<usize>) -> Relations {
        let map =
            |cells: &[usize]| -> Option<Vec<usize>> { cells.iter().map(|&i| index(i)).collect() };
        let pairs = |list: &[(Vec<usize>, Vec<usize>)]| -> Vec<(Vec<usize>, Vec<usize>)> {
            list.iter()
                .filter_map(|(l, r)| Some((map(l)?, map(r)?)))
                .collect()
        };
        Relations {
            sums: self.sums.iter().filter_map(|line| map(line)).collect(),
            at_most: self
                .at_most
                .iter()
                .filter_map(|&(a, b)| Some((index(a)?, index(b)?)))
                .collect(),
            sum_at_most: pairs(&self.sum_at_most),
            equal_sums: pairs(&self.equal_sums),
            positive: self.positive.iter().filter_map(|&a| index(a)).collect(),
        }
    }

    /// The relations that hold of `values` (a cell out of range holds nothing): what is
    /// left once some cells take values other than those the relations were found on.
    pub(crate) fn holding(&self, values: &[u64]) -> Relations {
        let sum = |cells: &[usize]| -> Option<u64> {
            cells.iter().map(|&i| values.get(i).copied()).sum()
        };
        let equal = |line: &Vec<usize>| match line.split_last() {
            Some((&whole, parts)) => {
                sum(parts).is_some_and(|p| Some(p) == values.get(whole).copied())
            }
            None => true,
        };
        let pairs = |list: &[(Vec<usize>, Vec<usize>)], holds: &dyn Fn(u64, u64) -> bool| {
            list.iter()
                .filter(|(l, r)| matches!((sum(l), sum(r)), (Some(a), Some(b)) if holds(a, b)))
                .cloned()
                .collect()
        };
        Relations {
            sums: self.sums.iter().filter(|line| equal(line)).cloned().collect(),
            at_most: self
                .at_most
                .iter()
                .copied()
                .filter(|&(a, b)| matches!((values.get(a), values.get(b)), (Some(x), Some(y)) if x <= y))
                .collect(),
            sum_at_most: pairs(&self.sum_at_most, &|a, b| a <= b),
            equal_sums: pairs(&self.equal_sums, &|a, b| a == b),
            positive: self
                .positive
                .iter()
                .copied()
                .filter(|&a| values.get(a).is_some_and(|&v| v > 0))
                .collect(),
        }
    }

    /// Adds `other`'s relations, its cells numbered from `offset`.
    pub fn append_shifted(&mut self, other: &Relations, offset: usize) {
        let shift = |cells: &[usize]| -> Vec<usize> { cells.iter().map(|&i| i + offset).collect() };
        self.sums.extend(other.sums.iter().map(|line| shift(line)));
        self.at_most
            .extend(other.at_most.iter().map(|&(a, b)| (a + offset, b + offset)));
        self.sum_at_most
            .extend(other.sum_at_most.iter().map(|(l, r)| (shift(l), shift(r))));
        self.equal_sums
            .extend(other.equal_sums.iter().map(|(l, r)| (shift(l), shift(r))));
        self.positive
            .extend(other.positive.iter().map(|&a| a + offset));
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
            || self
                .sum_at_most
                .iter()
                .chain(&self.equal_sums)
                .any(|(left, right)| {
                    let has = |i: usize| left.contains(&i) || right.contains(&i);
                    has(a) && has(b)
                })
    }
}
