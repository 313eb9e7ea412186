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

/// The gaps of one group as sorted, merged day-number ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct GapSet {
    ranges: Vec<(i32, i32)>,
}

impl GapSet {
    /// The gaps among `gaps` that apply to the group of key `key`, merged.
    pub(crate) fn for_group(gaps: &[ReportingGap], key: Option<&str>) -> Self {
        let mut ranges: Vec<(i32, i32)> = gaps
            .iter()
            .filter(|g| g.applies_to(key))
            .map(|g| (g.start.num_days_from_ce(), g.end.num_days_from_ce()))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(i32, i32)> = Vec::with_capacity(ranges.len());
        for (s, e) in ranges {
            match merged.last_mut() {
                Some(last) if s <= last.1.saturating_add(1) => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        GapSet { ranges: merged }
    }

    /// Whether there is no gap at all.
    #[inline]
    pub(crate) fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Whether day number `day` lies in a gap.
    pub(crate) fn contains(&self, day: i32) -> bool {
        self.ranges.iter().any(|&(s, e)| s <= day && day <= e)
    }

    /// How many days of `[start, end]` lie in gaps.
    pub(crate) fn days_within(&self, start: i32, end: i32) -> i64 {
        self.ranges
            .iter()
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
