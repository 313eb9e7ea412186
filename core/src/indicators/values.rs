//! The values indicators produce: ratios with their numerator and denominator, and the
//! nearest-rank percentile.

use schemars::JsonSchema;
use serde::Serialize;

/// A share: `numerator / denominator`, with both counts kept so it can be re-aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Ratio {
    /// The items that qualify.
    pub numerator: u64,
    /// The population.
    pub denominator: u64,
    /// `numerator / denominator`; `null` when the denominator is 0.
    pub value: Option<f64>,
}

impl Ratio {
    /// The ratio `numerator / denominator` (no value when the denominator is 0).
    pub fn new(numerator: u64, denominator: u64) -> Self {
        Ratio {
            numerator,
            denominator,
            value: (denominator > 0).then(|| numerator as f64 / denominator as f64),
        }
    }
}

/// The `p`-th percentile (0 < p ≤ 100) of `values` by the **nearest-rank** method: sort in
/// increasing order and take the value of rank `ceil(p / 100 × n)` (1-based). Always an
/// observed value; the median (`p = 50`) is the lower middle value when `n` is even. `None`
/// for an empty list or `p` outside (0, 100].
///
/// ```
/// use patient_partner::indicators::nearest_rank_percentile;
/// let delays = [5, 1, 3, 2, 4, 10, 7, 6, 9, 8];
/// assert_eq!(nearest_rank_percentile(&delays, 50), Some(5));
/// assert_eq!(nearest_rank_percentile(&delays, 90), Some(9));
/// assert_eq!(nearest_rank_percentile(&[12], 90), Some(12));
/// assert_eq!(nearest_rank_percentile(&[], 50), None);
/// ```
pub fn nearest_rank_percentile(values: &[i64], p: u32) -> Option<i64> {
    if values.is_empty() || p == 0 || p > 100 {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len() as u64;
    // ceil(p × n / 100) in integers, at least 1.
    let rank = (u64::from(p) * n).div_ceil(100).max(1);
    sorted.get(usize::try_from(rank - 1).ok()?).copied()
}
