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
//! **Secondary suppression.** A table publishes relations between its cells; a masked cell
//! could be recomputed from them, or narrowed down. The relations of a group's table are:
//! - each reported bucket: `in_person + phone + video = total`;
//! - each column but `patients` (`in_person`, `phone`, `video`, `total`, `new_patients`):
//!   the reported buckets add up to the totals row;
//! - the totals row: `in_person + phone + video = total`;
//! - with the default new-patient rule, `new_patients = patients` in the totals row;
//! - what every reader knows (when true of the data): in each bucket and in the totals row,
//!   new patients ≤ distinct patients ≤ interviews, a row with interviews has a patient
//!   (given to the attacker whenever true, even when the row's interviews are masked) and
//!   a row without a patient is zeros; a bucket's patients plus the patients new in later buckets are at
//!   most the period's patients (they are different patients; with the default rule, a
//!   bucket's patients were all new in it or before); the period's patients are at most
//!   the sum of the buckets' (each was seen in some bucket; a patient seen in two buckets
//!   counts in both).
//!
//! Complementary cells are chosen in two steps ([`protect`]):
//! 1. a quick round: while a row or column has exactly one masked cell, its smallest non-zero
//!    other cell is masked (a zero only when nothing else is left);
//! 2. **the check**, cell by cell: an exact integer program (the [`attacker`]) computes the
//!    smallest and largest value each masked cell can take; while a cell fails, a complement
//!    is added (the first unmasked cell of its relations, smallest non-zero counts first,
//!    that makes it pass; else the largest). Masking more only widens every range, so the
//!    loop ends, at worst with the whole table masked.
//!
//! ## What is guaranteed
//!
//! For every masked cell of every table the library publishes (JSON, CSV, text, xlsx):
//! - **an attacker who sees the table** (every relation above, counts being whole numbers
//!   from 0) **cannot narrow the cell to a range less than `N` wide**: its smallest and
//!   largest possible values differ by at least `N` (a masked 3 could be anything from 0 to
//!   at least 11 with `N = 11`);
//! - **an attacker who also knows which masked cells are small counts** (from 1 to `N − 1`;
//!   the library never says which, but this is the worst case) **cannot recompute the cell
//!   exactly**, except where no masking at all could prevent it: when the small counts of a
//!   relation are forced by their number alone (ten months with one video interview each and
//!   ten in the totals row: ten small counts from 1 add up to at most 10 only if each is 1).
//!   The library checks that case too (on the table with every cell masked) and only then
//!   lets it through.
//!
//! Tested against an independent attacker (scipy's HiGHS integer programs in the Python
//! tests) over random small logs.
//!
//! ## What is not guaranteed
//!
//! - Differences between **several published tables** made separately: two reports over
//!   overlapping periods, groupings or thresholds can be subtracted from each other. Tables
//!   of one log and one period are protected together as a
//!   [publication](super::publication), and releases over time through one
//!   [ledger](super::publication::Ledger); tables outside them are not.
//! - Knowledge from outside the table (a partner who knows their own interviews, the
//!   programme's calendar).
//! - The pattern is not optimal: it may mask more cells than the fewest possible. Measured
//!   against the optimal pattern under the same guarantee (`scripts/bench/disclosure_loss.py`,
//!   BENCHMARKS.md) on 200 small tables: 1.04 times the optimal masked value, 1.26 times the
//!   optimal number of masked cells (the excess almost all zeros).
//!
//! Masked cells are `null` in the report and listed in the row's `masked`; they are never
//! shown as zero. Buckets that are not reported hold no value and take no part.
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

pub mod attacker;
mod components;
mod protect;
mod relations;

pub use attacker::{FeasibleRange, Knowledge};
pub(crate) use components::on_threads;
pub use components::{protect_parts, Fixed};
pub use protect::{attacker_range, is_protected, protect, protect_with, Protected};
pub use relations::Relations;

/// The threshold of the French rule: no published cell under 11 units.
pub const DEFAULT_THRESHOLD: u64 = 11;

/// [`protect`] over sums only: each of `lines` is one equation whose **last cell is the sum
/// of the others**. Returns which cells are masked.
pub fn mask_cells(values: &[u64], lines: &[Vec<usize>], threshold: u64) -> Vec<bool> {
    protect(values, &Relations::sums(lines.to_vec()), threshold)
}
