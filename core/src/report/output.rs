//! The report itself: one row per group and bucket, one totals row per group.
//!
//! Its serde JSON is the report's public JSON (the example's `--format json`, the Python
//! binding's `to_dict()`):
//!
//! ```json
//! { "period": {"start": "2023-01-01", "end": "2023-12-31"}, "group_by": "partner",
//!   "bucket": "month", "new_patient_rule": "first_in_period", "suppress_below": null,
//!   "rows": [ {"partner": "PP-A", "month": "2023-01", "start": "2023-01-01",
//!              "end": "2023-01-31", "partial": false, "reporting": "reported",
//!              "in_person": 3, "phone": 12, "video": 0, "total": 15, "new_patients": 6,
//!              "patients": 11} ],
//!   "totals": [ {"partner": "PP-A", "in_person": 26, "phone": 120, "video": 0, "total": 146,
//!                "new_patients": 42, "patients": 42, "buckets": 12,
//!                "buckets_not_reported": 1} ] }
//! ```
//!
//! - The group key is `partner` (by partner), `establishment` (by establishment; `null` for
//!   interviews without one) or absent (`all`). The bucket key is `month` (`YYYY-MM`),
//!   `quarter` (`YYYY-Qn`) or `year` (`YYYY`).
//! - A count is `null` when its bucket is `not_reported` or when disclosure control masked
//!   it; masked cells are listed by column name in `masked` (absent when none is masked).
//! - A report asked with activities ([`super::activity_report_with`], a journal's report)
//!   adds `activities` to every row and totals row: one entry per [`ActivityCategory`], in
//!   vocabulary order, zeros included:
//!   `{"category": "clinical_groups", "activities": 2, "minutes": 180, "participants": 14}`
//!   (`masked` lists the measures masked, when any). A report of interviews alone has no
//!   `activities` key.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::bucket::Bucket;
use super::grouping::{GroupBy, GroupLabel};
use super::new_patients::NewPatientRule;
use super::period::Period;
use crate::mission::ActivityCategory;

crate::bilingual_enum! {
    /// Whether the days of a bucket were reported (see [`super::coverage`]).
    pub enum Reporting {
        /// Every day of the bucket was reported.
        Reported => "reported", "reported", "renseigné",
        /// Some days of the bucket lie in a declared gap: the counts are a lower bound.
        PartiallyReported => "partially_reported", "partially reported", "partiellement renseigné",
        /// Every day of the bucket lies in a declared gap: counts are `null` ("–").
        NotReported => "not_reported", "not reported", "non renseigné",
    }
}

crate::bilingual_enum! {
    /// A count column of the report.
    pub enum Column {
        /// Interviews in person.
        InPerson => "in_person", "in person", "présentiel",
        /// Interviews by phone.
        Phone => "phone", "phone", "téléphone",
        /// Interviews by video.
        Video => "video", "video", "visio",
        /// All interviews.
        Total => "total", "total", "total",
        /// New patients.
        NewPatients => "new_patients", "new patients", "nouveaux patients",
        /// Distinct patients (of the bucket, or of the period in a totals row).
        Patients => "patients", "patients", "patients",
    }
}

impl Column {
    /// The count columns of a bucket row and of a totals row, in the order every output
    /// shows them.
    pub const BUCKET_COUNTS: [Column; 6] = [
        Column::InPerson,
        Column::Phone,
        Column::Video,
        Column::Total,
        Column::NewPatients,
        Column::Patients,
    ];
}

crate::bilingual_enum! {
    /// A measure of the activity columns of a report ([`ActivityCells`]).
    pub enum ActivityMeasure {
        /// How many activities.
        Activities => "activities", "activities", "activités",
        /// Their total duration in minutes.
        Minutes => "minutes", "minutes", "minutes",
        /// The people who took part, added up over the activities (an activity without a
        /// participant count adds nothing).
        Participants => "participants", "participants", "participants",
    }
}

impl ActivityMeasure {
    /// The CSV column of this measure for `category` (`clinical_groups`,
    /// `clinical_groups_minutes`, `clinical_groups_participants`).
    pub fn column_name(self, category: ActivityCategory) -> String {
        use crate::vocabulary::Vocabulary;
        match self {
            ActivityMeasure::Activities => category.wire_name().to_owned(),
            other => format!("{}_{}", category.wire_name(), other.wire_name()),
        }
    }
}

/// The activities of one [`ActivityCategory`] in one bucket, or over the period in a totals
/// row. A value is `null` when its bucket is not reported or disclosure control masked it
/// (then listed in `masked`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ActivityCells {
    /// The category (clinical group sessions, an extra-clinical area…).
    pub category: ActivityCategory,
    /// How many activities.
    pub activities: Option<u64>,
    /// Their total duration in minutes.
    pub minutes: Option<u64>,
    /// The participants, added up.
    pub participants: Option<u64>,
    /// The measures masked by disclosure control (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<ActivityMeasure>,
}

impl ActivityCells {
    /// The value of `measure` (`None`: not reported or masked).
    pub fn get(&self, measure: ActivityMeasure) -> Option<u64> {
        match measure {
            ActivityMeasure::Activities => self.activities,
            ActivityMeasure::Minutes => self.minutes,
            ActivityMeasure::Participants => self.participants,
        }
    }

    /// The cell of `measure`, to mask it.
    pub(crate) fn cell_mut(&mut self, measure: ActivityMeasure) -> &mut Option<u64> {
        match measure {
            ActivityMeasure::Activities => &mut self.activities,
            ActivityMeasure::Minutes => &mut self.minutes,
            ActivityMeasure::Participants => &mut self.participants,
        }
    }

    /// Whether `measure` was masked by disclosure control.
    pub fn is_masked(&self, measure: ActivityMeasure) -> bool {
        self.masked.contains(&measure)
    }
}

/// The bucket a row belongs to, as it appears in JSON (`month`, `quarter` or `year`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum BucketLabel {
    /// A month, `YYYY-MM`.
    Month {
        /// The key, `YYYY-MM`.
        month: String,
    },
    /// A quarter, `YYYY-Qn`.
    Quarter {
        /// The key, `YYYY-Qn`.
        quarter: String,
    },
    /// A year, `YYYY`.
    Year {
        /// The key, `YYYY`.
        year: String,
    },
}

impl BucketLabel {
    /// The label of a bucket of size `bucket` with key `key`.
    pub(crate) fn new(bucket: Bucket, key: String) -> Self {
        match bucket {
            Bucket::Month => BucketLabel::Month { month: key },
            Bucket::Quarter => BucketLabel::Quarter { quarter: key },
            Bucket::Year => BucketLabel::Year { year: key },
        }
    }

    /// The key (`2023-01`, `2023-Q1`, `2023`).
    pub fn key(&self) -> &str {
        match self {
            BucketLabel::Month { month } => month,
            BucketLabel::Quarter { quarter } => quarter,
            BucketLabel::Year { year } => year,
        }
    }
}

/// One bucket of one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReportRow {
    /// The group (`partner`, `establishment`, or nothing for `all`).
    #[serde(flatten)]
    pub group: GroupLabel,
    /// The bucket (`month`, `quarter` or `year`).
    #[serde(flatten)]
    pub bucket: BucketLabel,
    /// The first day of the bucket inside the period.
    pub start: NaiveDate,
    /// The last day of the bucket inside the period.
    pub end: NaiveDate,
    /// Whether the period cuts the bucket (starts or ends inside it).
    pub partial: bool,
    /// Whether the bucket was reported.
    pub reporting: Reporting,
    /// Interviews in person (`null`: not reported or masked).
    pub in_person: Option<u64>,
    /// Interviews by phone.
    pub phone: Option<u64>,
    /// Interviews by video.
    pub video: Option<u64>,
    /// All interviews.
    pub total: Option<u64>,
    /// Patients new in this bucket (see [`super::new_patients`]).
    pub new_patients: Option<u64>,
    /// Distinct patients seen in this bucket (a patient seen in three months counts once
    /// in each; the totals row's `patients` counts them once over the period).
    pub patients: Option<u64>,
    /// The columns masked by disclosure control (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<Column>,
    /// The activities of the bucket, one entry per category (absent from a report of
    /// interviews alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityCells>,
}

/// The totals of one group over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TotalsRow {
    /// The group (`partner`, `establishment`, or nothing for `all`).
    #[serde(flatten)]
    pub group: GroupLabel,
    /// Interviews in person over the reported buckets.
    pub in_person: Option<u64>,
    /// Interviews by phone.
    pub phone: Option<u64>,
    /// Interviews by video.
    pub video: Option<u64>,
    /// All interviews.
    pub total: Option<u64>,
    /// The sum of the buckets' new patients.
    pub new_patients: Option<u64>,
    /// Distinct patients seen in the period by this group.
    pub patients: Option<u64>,
    /// How many buckets the period holds.
    pub buckets: u64,
    /// How many of them are not reported.
    pub buckets_not_reported: u64,
    /// The columns masked by disclosure control (absent when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<Column>,
    /// The activities over the period, one entry per category (absent from a report of
    /// interviews alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityCells>,
}

impl ReportRow {
    /// The value of `column` (`None`: not reported or masked).
    pub fn get(&self, column: Column) -> Option<u64> {
        match column {
            Column::InPerson => self.in_person,
            Column::Phone => self.phone,
            Column::Video => self.video,
            Column::Total => self.total,
            Column::NewPatients => self.new_patients,
            Column::Patients => self.patients,
        }
    }
}

impl ReportRow {
    /// Masks `column` for disclosure control: no value, listed in `masked`.
    pub(crate) fn mask(&mut self, column: Column) {
        *match column {
            Column::InPerson => &mut self.in_person,
            Column::Phone => &mut self.phone,
            Column::Video => &mut self.video,
            Column::Total => &mut self.total,
            Column::NewPatients => &mut self.new_patients,
            Column::Patients => &mut self.patients,
        } = None;
        self.masked.push(column);
    }
}

impl TotalsRow {
    /// Masks `column` for disclosure control: no value, listed in `masked`.
    pub(crate) fn mask(&mut self, column: Column) {
        *match column {
            Column::InPerson => &mut self.in_person,
            Column::Phone => &mut self.phone,
            Column::Video => &mut self.video,
            Column::Total => &mut self.total,
            Column::NewPatients => &mut self.new_patients,
            Column::Patients => &mut self.patients,
        } = None;
        self.masked.push(column);
    }
}

impl TotalsRow {
    /// The value of `column` (`None`: masked).
    pub fn get(&self, column: Column) -> Option<u64> {
        match column {
            Column::InPerson => self.in_person,
            Column::Phone => self.phone,
            Column::Video => self.video,
            Column::Total => self.total,
            Column::NewPatients => self.new_patients,
            Column::Patients => self.patients,
        }
    }

    /// The positions in `activities` of the categories a table shows for this group: those
    /// with an activity in the period, or a masked cell (the text table, the preview and
    /// the workbook leave the others out; JSON, CSV and data frames keep every category).
    pub fn shown_activity_categories(&self) -> Vec<usize> {
        self.activities
            .iter()
            .enumerate()
            .filter(|(_, a)| a.activities != Some(0) || !a.masked.is_empty())
            .map(|(i, _)| i)
            .collect()
    }
}

/// An activity report: the request's settings, the rows and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ActivityReport {
    /// The days reported.
    pub period: Period,
    /// What each table is made of.
    pub group_by: GroupBy,
    /// The size of the rows.
    pub bucket: Bucket,
    /// The new-patient rule applied.
    pub new_patient_rule: NewPatientRule,
    /// The disclosure threshold applied, if any.
    pub suppress_below: Option<u64>,
    /// One row per group and bucket: groups in order of their key (interviews without an
    /// establishment last), buckets in time order.
    pub rows: Vec<ReportRow>,
    /// One totals row per group, in the same group order.
    pub totals: Vec<TotalsRow>,
}

impl ActivityReport {
    /// The report as the JSON object of the crate's public format (see the module docs).
    pub fn to_json_value(&self) -> serde_json::Value {
        // Serialising plain data to a Value cannot fail (no maps with non-string keys).
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Each group's totals row with its bucket rows (in bucket order), in group order.
    pub fn groups(&self) -> impl Iterator<Item = (&TotalsRow, &[ReportRow])> {
        let mut rest: &[ReportRow] = &self.rows;
        self.totals.iter().map(move |totals| {
            let n = usize::try_from(totals.buckets).unwrap_or(0).min(rest.len());
            let (mine, others) = rest.split_at(n);
            rest = others;
            (totals, mine)
        })
    }

    /// Whether the report has activity columns (asked with activities, and at least one
    /// group).
    pub fn has_activities(&self) -> bool {
        self.totals
            .first()
            .is_some_and(|t| !t.activities.is_empty())
    }

    /// The rows of one group, in bucket order (a scan of every row: prefer
    /// [`groups`](Self::groups) to walk all of them).
    pub fn rows_of<'a>(&'a self, group: &'a GroupLabel) -> impl Iterator<Item = &'a ReportRow> {
        self.rows.iter().filter(move |r| &r.group == group)
    }
}
