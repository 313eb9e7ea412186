//! Reporting coverage: ranges a group declares as **not reported**.
//!
//! A month without interviews is not the same as a month that was not reported: in BRIEF §5
//! Partner A's December is "–" (no data was handed in) while Partner B's August is a real 0.
//! Interview logs cannot tell the two apart, so the request carries the gaps as data: a list
//! of [`ReportingGap`]s, each an inclusive date range for one group (or for every group when
//! `group` is absent).
//!
//! In the report:
//! - a bucket whose days in the period all lie in gaps of its group is `not_reported`: its
//!   counts are `null` (shown "–"), never 0, and it adds nothing to the totals row;
//! - a bucket with only some days in gaps is `partially_reported`: its counts are shown and
//!   should be read as a lower bound;
//! - an interview dated inside a gap of its group contradicts the declaration and is rejected
//!   with `interview_in_gap` (fix the log or the gap).
//!
//! ```
//! use patient_partner::report::ReportingGap;
//! let gap: ReportingGap = serde_json::from_str(
//!     r#"{"group": "PP-A", "start": "2023-12-01", "end": "2023-12-31"}"#).unwrap();
//! assert_eq!(gap.group.as_deref(), Some("PP-A"));
//! ```

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{ReportError, ReportErrorKind};

/// A range of days a group did not report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportingGap {
    /// The group's key: the partner id when grouping by partner, the establishment id when
    /// grouping by establishment. Absent: the gap applies to every group (and to `all`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The first day not reported (inclusive).
    pub start: NaiveDate,
    /// The last day not reported (inclusive).
    pub end: NaiveDate,
}

impl ReportingGap {
    /// Checks that the gap does not end before it starts (`invalid_gap`).
    pub fn validate(&self) -> Result<(), ReportError> {
        if self.end < self.start {
            return Err(ReportError::new(ReportErrorKind::InvalidGap {
                start: self.start,
                end: self.end,
            })
            .entity(self.group.clone().unwrap_or_else(|| "ReportingGap".into()))
            .field("end"));
        }
        Ok(())
    }

    /// Whether the gap applies to the group of key `key` (`None`: `all`, or interviews
    /// without an establishment).
    pub fn applies_to(&self, key: Option<&str>) -> bool {
        match &self.group {
            None => true,
            Some(g) => key == Some(g.as_str()),
        }
    }
}

/// Sorted, merged, non-overlapping day-number ranges.
type Ranges = std::sync::Arc<Vec<(i32, i32)>>;

/// Sorts and merges ranges (touching ranges merge too).
fn merged(mut ranges: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    ranges.sort_unstable();
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The gaps of a request indexed once by group, clipped to the period and merged, so that
/// a new group finds its gaps in O(1) and an interview is checked in O(log g) (g: the
/// group's gaps), whatever the number of gaps and groups. Gaps outside the period are
/// dropped: only interviews within the period are checked against gaps.
#[derive(Debug, Clone, Default)]
pub(crate) struct CoverageIndex {
    /// Gaps without a group (they apply to every group).
    all: Ranges,
    /// For each group named by a gap: its own gaps merged with those of every group.
    by_group: std::collections::HashMap<String, Ranges>,
}

impl CoverageIndex {
    /// Indexes `gaps` for the period of day numbers `[start_day, end_day]`.
    pub(crate) fn new(gaps: &[ReportingGap], start_day: i32, end_day: i32) -> Self {
        let clip = |g: &ReportingGap| {
            let (s, e) = (g.start.num_days_from_ce(), g.end.num_days_from_ce());
            (e >= start_day && s <= end_day).then(|| (s.max(start_day), e.min(end_day)))
        };
        let mut all = Vec::new();
        let mut own: std::collections::HashMap<String, Vec<(i32, i32)>> =
            std::collections::HashMap::new();
        for g in gaps {
            let Some(range) = clip(g) else { continue };
            match &g.group {
                None => all.push(range),
                Some(key) => own.entry(key.clone()).or_default().push(range),
            }
        }
        let all = merged(all);
        let by_group = own
            .into_iter()
            .map(|(key, mut ranges)| {
                ranges.extend_from_slice(&all);
                (key, Ranges::new(merged(ranges)))
            })
            .collect();
        CoverageIndex {
            all: Ranges::new(all),
            by_group,
        }
    }

    /// The gaps that apply to the group of key `key` (`None`: `all`, or interviews without
    /// an establishment), shared, not copied.
    pub(crate) fn for_group(&self, key: Option<&str>) -> GapSet {
        let ranges = key.and_then(|k| self.by_group.get(k)).unwrap_or(&self.all);
        GapSet {
            ranges: Ranges::clone(ranges),
        }
    }
}

/// The gaps of one group as sorted, merged day-number ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct GapSet {
    ranges: Ranges,
}

impl GapSet {
    /// Whether there is no gap at all.
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether day number `day` lies in a gap (a binary search).
    pub(crate) fn contains(&self, day: i32) -> bool {
        let i = self.ranges.partition_point(|&(_, e)| e < day);
        self.ranges.get(i).is_some_and(|&(s, _)| s <= day)
    }

    /// How many days of `[start, end]` lie in gaps.
    pub(crate) fn days_within(&self, start: i32, end: i32) -> i64 {
        let first = self.ranges.partition_point(|&(_, e)| e < start);
        self.ranges[first..]
            .iter()
            .take_while(|&&(s, _)| s <= end)
            .map(|&(s, e)| {
                let lo = s.max(start);
                let hi = e.min(end);
                if hi >= lo {
                    i64::from(hi) - i64::from(lo) + 1
                } else {
                    0
                }
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(group: Option<&str>, start: (i32, u32, u32), end: (i32, u32, u32)) -> ReportingGap {
        let d = |(y, m, day): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        ReportingGap {
            group: group.map(str::to_owned),
            start: d(start),
            end: d(end),
        }
    }

    #[test]
    fn index_merges_clips_and_shares() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce();
        let gaps = [
            gap(Some("A"), (2023, 1, 10), (2023, 1, 20)),
            gap(Some("A"), (2023, 1, 21), (2023, 1, 25)), // touching: merged
            gap(None, (2023, 3, 1), (2023, 3, 31)),
            gap(Some("B"), (2019, 1, 1), (2019, 12, 31)), // outside the period: dropped
        ];
        let index = CoverageIndex::new(&gaps, day(2023, 1, 1), day(2023, 12, 31));
        let a = index.for_group(Some("A"));
        assert_eq!(a.ranges.len(), 2);
        assert!(a.contains(day(2023, 1, 10)) && a.contains(day(2023, 1, 25)));
        assert!(!a.contains(day(2023, 1, 26)) && !a.contains(day(2023, 1, 9)));
        assert!(
            a.contains(day(2023, 3, 15)),
            "every group's gap applies to A"
        );
        let b = index.for_group(Some("B"));
        assert!(!b.contains(day(2019, 6, 1)));
        assert!(b.contains(day(2023, 3, 1)));
        assert_eq!(b.days_within(day(2023, 2, 25), day(2023, 3, 5)), 5);
        assert_eq!(a.days_within(day(2023, 1, 1), day(2023, 12, 31)), 16 + 31);
        let c = index.for_group(Some("C"));
        assert!(
            std::sync::Arc::ptr_eq(&c.ranges, &index.all),
            "shared, not copied"
        );
    }

    #[test]
    fn binary_search_agrees_with_a_linear_scan() {
        let ranges: Vec<(i32, i32)> = (0..200).map(|i| (i * 10, i * 10 + 3)).collect();
        let set = GapSet {
            ranges: Ranges::new(ranges.clone()),
        };
        for day in -5..2100 {
            let linear = ranges.iter().any(|&(s, e)| s <= day && day <= e);
            assert_eq!(set.contains(day), linear, "day {day}");
        }
        for (start, end) in [(-10, 5), (3, 27), (100, 100), (1995, 2200)] {
            let linear: i64 = ranges
                .iter()
                .map(|&(s, e)| i64::from((e.min(end) - s.max(start) + 1).max(0)))
                .sum();
            assert_eq!(set.days_within(start, end), linear);
        }
    }
}
