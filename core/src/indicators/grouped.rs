//! Indicators per group: the interview indicators of [`super::interviews`] for each partner
//! or establishment, as the report groups them ([`GroupBy`]).
//!
//! Each function returns one [`Grouped`] value per group with at least one interview in the
//! period, in the report's group order (by key; interviews without an establishment last);
//! for [`GroupBy::All`] exactly one, also when the period holds no interview. Its JSON is
//! flat — the group key (`partner` or `establishment`, none for `all`) beside the value's
//! fields — so that a list of them is a table:
//!
//! ```json
//! [ {"partner": "PP-A", "numerator": 120, "denominator": 146, "value": 0.82},
//!   {"partner": "PP-B", "numerator": 30, "denominator": 43, "value": 0.70} ]
//! ```
//!
//! ```
//! use patient_partner::indicators::grouped::remote_share_by;
//! use patient_partner::report::{GroupBy, Period};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let d = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap();
//! let log = [
//!     Interview::new(d, PartnerId::new("PP-B")?, PatientId::new("PAT-1")?, Modality::Video),
//!     Interview::new(d, PartnerId::new("PP-A")?, PatientId::new("PAT-2")?, Modality::InPerson),
//! ];
//! let shares = remote_share_by(&log, &Period::year(2023).unwrap(), GroupBy::Partner);
//! assert_eq!(shares[0].group.key(), Some("PP-A"));
//! assert_eq!((shares[0].value.value, shares[1].value.value), (Some(0.0), Some(1.0)));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::interviews::{counts_of, per_patient, remote, ActivityCounts};
use super::values::Ratio;
use crate::interview::Interview;
use crate::report::{GroupBy, GroupLabel, Period};

/// One group's value of an indicator: the group's key columns and the value's fields.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Grouped<T> {
    /// The group (`partner`, `establishment`, or nothing for `all`).
    #[serde(flatten)]
    pub group: GroupLabel,
    /// The indicator's value for the group.
    #[serde(flatten)]
    pub value: T,
}

/// The interviews of the period, split by group (report order), borrowed.
fn split<'a>(
    interviews: &'a [Interview],
    period: &Period,
    by: GroupBy,
) -> Vec<(GroupLabel, Vec<&'a Interview>)> {
    let mut groups: HashMap<GroupLabel, Vec<&Interview>> = HashMap::new();
    for i in interviews.iter().filter(|i| period.contains(i.date)) {
        groups.entry(GroupLabel::of(i, by)).or_default().push(i);
    }
    if by == GroupBy::All {
        groups.entry(GroupLabel::All {}).or_default();
    }
    let mut out: Vec<_> = groups.into_iter().collect();
    out.sort_by(|a, b| a.0.report_order(&b.0));
    out
}

/// [`activity_counts`](super::activity_counts) per group.
pub fn activity_counts_by(
    interviews: &[Interview],
    period: &Period,
    by: GroupBy,
) -> Vec<Grouped<ActivityCounts>> {
    split(interviews, period, by)
        .into_iter()
        .map(|(group, mine)| Grouped {
            group,
            value: counts_of(mine.into_iter()),
        })
        .collect()
}

/// [`interviews_per_patient`](super::interviews_per_patient) per group.
pub fn interviews_per_patient_by(
    interviews: &[Interview],
    period: &Period,
    by: GroupBy,
) -> Vec<Grouped<Ratio>> {
    ratios_by(interviews, period, by, per_patient)
}

/// [`remote_share`](super::remote_share) per group.
pub fn remote_share_by(
    interviews: &[Interview],
    period: &Period,
    by: GroupBy,
) -> Vec<Grouped<Ratio>> {
    ratios_by(interviews, period, by, remote)
}

fn ratios_by(
    interviews: &[Interview],
    period: &Period,
    by: GroupBy,
    ratio: fn(&ActivityCounts) -> Ratio,
) -> Vec<Grouped<Ratio>> {
    activity_counts_by(interviews, period, by)
        .into_iter()
        .map(|g| Grouped {
            group: g.group,
            value: ratio(&g.value),
        })
        .collect()
}
