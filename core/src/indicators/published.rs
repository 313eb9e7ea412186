//! Indicators published with disclosure control: each value is read from the **published**
//! tables of a [publication](crate::report::publication), never from the raw log.
//!
//! An indicator printed beside masked tables with its raw numerator and denominator gives
//! masked cells back (a partner's remote interviews, 123, minus their published phone
//! interviews is their masked video count). Here every interview indicator of a group is a
//! function of its totals row: interviews in person, by phone, by video, in all, new and
//! distinct patients. A count is shown only when the totals row publishes it; a ratio's
//! numerator and denominator only when the published cells give them (the remote share's
//! numerator, phone + video, also as total − in person); its value only when both are
//! shown. So an indicator never says more than the tables it comes with, and is protected
//! with them, under the same guarantee (a publication, or releases through a ledger).
//! The price: a share whose parts are masked is not published, even where the share alone
//! would have been safe.
//!
//! ```
//! use patient_partner::indicators::published::{indicators_of, PublishedValue, TableIndicator};
//! use patient_partner::report::publication::{publish, Publication};
//! use patient_partner::report::{Bucket, GroupBy, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let mut request = ReportRequest::new(Period::year(2023).unwrap());
//! request.suppress_below = Some(11);
//! let publication = Publication::grid(&request, &[GroupBy::Partner], &[Bucket::Month])?;
//! let d = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap();
//! let mut log = Vec::new();
//! for k in 0..30 {
//!     let modality = if k < 3 { Modality::Video } else { Modality::InPerson };
//!     log.push(Interview::new(d, PartnerId::new("PP-A")?,
//!         PatientId::new(format!("PAT-{k}"))?, modality));
//! }
//! let published = publish(&log, &publication)?;
//! let shares = indicators_of(&published, &[TableIndicator::RemoteShare]);
//! // 3 video interviews: masked in the table, so the share is not published
//! assert_eq!(shares[0].groups[0].value, PublishedValue::Ratio {
//!     numerator: None, denominator: Some(30), value: None, masked: true });
//! # Ok::<(), patient_partner::Error>(())
//! ```

use schemars::JsonSchema;
use serde::Serialize;

use super::grouped::Grouped;
use crate::report::publication::{publish, Publication, PublishedTables};
use crate::report::{ActivityReport, Bucket, Column, GroupBy, ReportError, ReportRequest};
use crate::Vocabulary;

crate::bilingual_enum! {
    /// An indicator read from a publication's tables (the catalogue's ids).
    pub enum TableIndicator {
        /// Interviews in person.
        InterviewsInPerson => "interviews_in_person", "interviews in person", "entretiens en présentiel",
        /// Interviews by phone.
        InterviewsByPhone => "interviews_by_phone", "interviews by phone", "entretiens par téléphone",
        /// Interviews by video.
        InterviewsByVideo => "interviews_by_video", "interviews by video", "entretiens en visioconférence",
        /// All interviews.
        InterviewsTotal => "interviews_total", "interviews in all", "entretiens au total",
        /// Distinct patients seen.
        PatientsSeen => "patients_seen", "patients seen", "patients vus",
        /// New patients of the period.
        NewPatients => "new_patients", "new patients", "nouveaux patients",
        /// Interviews over distinct patients.
        InterviewsPerPatient => "interviews_per_patient", "interviews per patient", "entretiens par patient",
        /// Interviews by phone or video over all interviews.
        RemoteShare => "remote_share", "remote share", "part à distance",
    }
}

/// A published value of an indicator for one group; `None` where the tables mask it.
/// As JSON, a count is `{"count": 49, "masked": false}`, a ratio
/// `{"numerator": 27, "denominator": 49, "value": 0.551, "masked": false}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PublishedValue {
    /// A count (interviews, patients).
    Count {
        /// The count, `None` when masked.
        count: Option<u64>,
        /// Whether it is masked.
        masked: bool,
    },
    /// A ratio.
    Ratio {
        /// The numerator, `None` when masked.
        numerator: Option<u64>,
        /// The denominator, `None` when masked.
        denominator: Option<u64>,
        /// `numerator / denominator`, `None` when a part is masked or the denominator is 0.
        value: Option<f64>,
        /// Whether a part is masked.
        masked: bool,
    },
}

impl PublishedValue {
    /// Whether some part of the value is masked in the tables.
    pub fn masked(&self) -> bool {
        match self {
            PublishedValue::Count { masked, .. } | PublishedValue::Ratio { masked, .. } => *masked,
        }
    }
}

/// One indicator for every group of one grouping.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PublishedIndicator {
    /// The indicator.
    pub indicator: TableIndicator,
    /// The grouping of its groups.
    pub group_by: GroupBy,
    /// One value per group, in the tables' order.
    pub groups: Vec<Grouped<PublishedValue>>,
}

/// A publication with the indicators read from it, as the CLI's and the bindings' JSON:
/// `{"tables": [...], "indicators": [...]}` (and the release's `release` and `revisions`
/// with a ledger; `indicators` left out when none was asked).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublishedWithIndicators {
    /// The tables (and the release, with a ledger).
    #[serde(flatten)]
    pub published: PublishedTables,
    /// The indicators asked, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<PublishedIndicator>,
}

/// `published` with `indicators` read from it ([`indicators_of`]).
pub fn with_indicators(
    published: PublishedTables,
    indicators: &[TableIndicator],
) -> PublishedWithIndicators {
    let indicators = indicators_of(&published, indicators);
    PublishedWithIndicators {
        published,
        indicators,
    }
}

/// The `indicators` of every grouping of `published` (the totals rows of its first table of
/// each grouping), in the order asked, grouping after grouping.
pub fn indicators_of(
    published: &PublishedTables,
    indicators: &[TableIndicator],
) -> Vec<PublishedIndicator> {
    let mut groupings: Vec<&ActivityReport> = Vec::new();
    for table in &published.tables {
        if !groupings.iter().any(|t| t.group_by == table.group_by) {
            groupings.push(table);
        }
    }
    indicators
        .iter()
        .flat_map(|&indicator| {
            groupings.iter().map(move |table| PublishedIndicator {
                indicator,
                group_by: table.group_by,
                groups: table
                    .totals
                    .iter()
                    .map(|totals| Grouped {
                        group: totals.group.clone(),
                        value: value_of(indicator, &|c| totals.get(c)),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `indicators` by `by` over `request`'s period, protected as the publication of the
/// table by `by` and year with `request`'s threshold (only the indicators are meant to be
/// shown: they are a part of that publication). `request`'s own grouping and bucket are
/// not used.
pub fn protected_indicators(
    interviews: &[crate::interview::Interview],
    request: &ReportRequest,
    by: GroupBy,
    indicators: &[TableIndicator],
) -> Result<Vec<PublishedIndicator>, ReportError> {
    let publication = Publication::grid(request, &[by], &[Bucket::Year])?;
    let published = publish(interviews, &publication)?;
    Ok(indicators_of(&published, indicators))
}

/// The indicators as one CSV table: `indicator,group_by,group,numerator,denominator,value`,
/// a masked part as `s` (the tables' mark), an empty value for a ratio of denominator 0.
pub fn indicators_to_csv(indicators: &[PublishedIndicator]) -> String {
    let mut out = String::from("indicator,group_by,group,numerator,denominator,value\n");
    for line in lines(indicators) {
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The indicators as aligned text, under the heading `== indicators ==`.
pub fn indicators_to_table(indicators: &[PublishedIndicator]) -> String {
    let header: Vec<String> = [
        "indicator",
        "by",
        "group",
        "numerator",
        "denominator",
        "value",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let rows: Vec<Vec<String>> = std::iter::once(header).chain(lines(indicators)).collect();
    let widths: Vec<usize> = (0..6)
        .map(|c| {
            rows.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::from("== indicators ==\n");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(s, &w)| format!("{s:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// One line of cells per group of every indicator.
fn lines(indicators: &[PublishedIndicator]) -> Vec<Vec<String>> {
    let mark = crate::report::render::MASKED_MARK;
    let mut out = Vec::new();
    for indicator in indicators {
        for grouped in &indicator.groups {
            let shown = |p: Option<u64>| p.map_or_else(|| mark.to_owned(), |n| n.to_string());
            let (numerator, denominator, value) = match grouped.value {
                PublishedValue::Count { count, .. } => (String::new(), String::new(), shown(count)),
                PublishedValue::Ratio {
                    numerator,
                    denominator,
                    value,
                    masked,
                } => (
                    shown(numerator),
                    shown(denominator),
                    match (value, masked) {
                        (Some(x), _) => format!("{x:.4}"),
                        (None, true) => mark.to_owned(),
                        (None, false) => String::new(),
                    },
                ),
            };
            out.push(vec![
                indicator.indicator.wire_name().to_owned(),
                indicator.group_by.wire_name().to_owned(),
                grouped.group.key().unwrap_or("").to_owned(),
                numerator,
                denominator,
                value,
            ]);
        }
    }
    out
}

/// One indicator's value from a totals row (`cell` gives a published cell, `None` when
/// masked).
fn value_of(indicator: TableIndicator, cell: &dyn Fn(Column) -> Option<u64>) -> PublishedValue {
    let count = |column: Column| {
        let count = cell(column);
        PublishedValue::Count {
            count,
            masked: count.is_none(),
        }
    };
    let ratio = |numerator: Option<u64>, denominator: Option<u64>| PublishedValue::Ratio {
        numerator,
        denominator,
        value: match (numerator, denominator) {
            (Some(n), Some(d)) if d > 0 => Some(n as f64 / d as f64),
            _ => None,
        },
        masked: numerator.is_none() || denominator.is_none(),
    };
    match indicator {
        TableIndicator::InterviewsInPerson => count(Column::InPerson),
        TableIndicator::InterviewsByPhone => count(Column::Phone),
        TableIndicator::InterviewsByVideo => count(Column::Video),
        TableIndicator::InterviewsTotal => count(Column::Total),
        TableIndicator::PatientsSeen => count(Column::Patients),
        TableIndicator::NewPatients => count(Column::NewPatients),
        TableIndicator::InterviewsPerPatient => ratio(cell(Column::Total), cell(Column::Patients)),
        TableIndicator::RemoteShare => {
            let remote = match (cell(Column::Phone), cell(Column::Video)) {
                (Some(p), Some(v)) => Some(p + v),
                _ => match (cell(Column::Total), cell(Column::InPerson)) {
                    (Some(t), Some(i)) => t.checked_sub(i),
                    _ => None,
                },
            };
            ratio(remote, cell(Column::Total))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_read_only_from_published_cells() {
        let row = |in_person, phone, video, total| {
            move |c: Column| match c {
                Column::InPerson => in_person,
                Column::Phone => phone,
                Column::Video => video,
                Column::Total => total,
                _ => None,
            }
        };
        // phone and video masked, total and in person published: remote = 40 − 25
        let v = value_of(
            TableIndicator::RemoteShare,
            &row(Some(25), None, None, Some(40)),
        );
        assert_eq!(
            v,
            PublishedValue::Ratio {
                numerator: Some(15),
                denominator: Some(40),
                value: Some(15.0 / 40.0),
                masked: false
            }
        );
        // in person masked too: no numerator, no value
        let v = value_of(
            TableIndicator::RemoteShare,
            &row(None, None, None, Some(40)),
        );
        assert_eq!(
            v,
            PublishedValue::Ratio {
                numerator: None,
                denominator: Some(40),
                value: None,
                masked: true
            }
        );
        // a masked count, a published one
        let v = value_of(
            TableIndicator::InterviewsByVideo,
            &row(None, None, None, None),
        );
        assert_eq!(
            v,
            PublishedValue::Count {
                count: None,
                masked: true
            }
        );
        let v = value_of(
            TableIndicator::InterviewsTotal,
            &row(None, None, None, Some(40)),
        );
        assert_eq!(
            v,
            PublishedValue::Count {
                count: Some(40),
                masked: false
            }
        );
        assert_eq!(
            serde_json::to_value(v).unwrap(),
            serde_json::json!({"count": 40, "masked": false})
        );
    }
}
