//! Disclosure control: masking small counts in tables meant for publication.
//!
//! French health data are published with no cell under 11 units. With
//! [`ReportRequest::suppress_below`](super::ReportRequest::suppress_below) set to `N`
//! ([`DEFAULT_THRESHOLD`] = 11 is the usual value), the report masks cells in two passes,
//! separately for each group's table.
//!
//! **Primary suppression.** Every count `c` with `0 < c < N` is masked. **Zero is not masked**:
//! an empty cell reveals that nobody was seen, which identifies no one, and masking every zero
//! would hide most of a small partner's table. (A zero may still be masked by the second pass.)
//!
//! **Secondary suppression.** A table publishes linear relations between its cells; a masked
//! cell alone in one of them could be recomputed by subtraction. The relations of a group's
//! table are:
//! - each reported bucket: `in_person + phone + video = total`;
//! - each column (`in_person`, `phone`, `video`, `total`, `new_patients`): the reported
//!   buckets add up to the totals row;
//! - the totals row: `in_person + phone + video = total`;
//! - with the default new-patient rule, `new_patients = patients` in the totals row.
//!
//! The algorithm repeats until nothing changes (a fixed point, reached after at most as many
//! rounds as there are cells since cells are only ever added): for each relation with
//! **exactly one** masked cell, it masks a second cell of that relation: the one with the
//! smallest **non-zero** count (ties: the first in the relation, bucket cells before totals),
//! or a zero only when the relation has no other cell left. Zeros are avoided as complements
//! because masked cells of a relation whose total is known to be 0 are all known to be 0.
//! At the end every relation has zero or at least two masked cells.
//!
//! Masked cells are `null` in the report and listed in the row's `masked`; they are never
//! shown as zero. Buckets that are not reported hold no value and take no part.
//!
//! **Limits.** For a two-way table with its margins (buckets × modalities, here), "no relation
//! with exactly one masked cell" is what prevents *exact* recomputation; it does not
//! guarantee that the interval an attacker can derive for a masked cell is wide (a masked
//! 3 paired with a masked 12 is known to lie in 0..=3, which the mask already says), and a
//! zero taken as a last-resort complement can sometimes be inferred from non-negativity. It does not consider other published
//! tables: two reports over overlapping periods or groupings can be subtracted from each
//! other. The choice of complementary cells is greedy, not optimal (it may mask more than
//! needed).
//!
//! ```
//! use patient_partner::report::disclosure::mask_cells;
//! // a 2 × 2 table with margins: cells a b / c d, row sums, column sums, grand total
//! //   a=3  b=20 | 23
//! //   c=30 d=40 | 70
//! //   33   60   | 93
//! let values = [3, 20, 30, 40, 23, 70, 33, 60, 93];
//! let lines = vec![vec![0, 1, 4], vec![2, 3, 5], vec![0, 2, 6], vec![1, 3, 7],
//!                  vec![4, 5, 8], vec![6, 7, 8]];
//! let masked = mask_cells(&values, &lines, 11);
//! // a is masked (3 < 11), then b (its row), c (its column) and d to close the cycle
//! assert_eq!(masked, [true, true, true, true, false, false, false, false, false]);
//! ```

/// The threshold of the French rule: no published cell under 11 units.
pub const DEFAULT_THRESHOLD: u64 = 11;

/// Primary and secondary suppression over `values` linked by the additive relations `lines`
/// (each a list of cell indices that are bound by one equation): returns which cells are
/// masked. Indices out of range are ignored. See the module documentation.
pub fn mask_cells(values: &[u64], lines: &[Vec<usize>], threshold: u64) -> Vec<bool> {
    let mut masked: Vec<bool> = values.iter().map(|&v| v > 0 && v < threshold).collect();
    loop {
        let mut changed = false;
        for line in lines {
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
                .filter(|&i| !masked.get(i).copied().unwrap_or(true))
                .min_by_key(|&i| {
                    let v = values.get(i).copied().unwrap_or(u64::MAX);
                    (v == 0, v)
                });
            if let Some(i) = complement {
                if let Some(m) = masked.get_mut(i) {
                    *m = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return masked;
        }
    }
}
