//! Activity reports: the monthly tables of patient partners (BRIEF §5), over any period.
//!
//! A [`ReportRequest`] names a [`Period`] (inclusive bounds), a [`GroupBy`] (partner,
//! establishment or all), a [`Bucket`] size (month, quarter, year), a [`NewPatientRule`],
//! optional reporting gaps ([`coverage`]) and optional [`disclosure`] control. The
//! [`ActivityReportBuilder`] streams interviews into an [`ActivityReport`]: per group and
//! bucket, interviews in person, by phone, by video, the total, the new patients and the
//! distinct patients; per group a totals row (its patients: distinct over the period). [`activity_report_with`] (and a
//! journal's report in the bindings) adds the activities of each
//! [`ActivityCategory`](crate::mission::ActivityCategory) beside them: count, minutes and
//! participants, with the same buckets, coverage and disclosure control.
//!
//! Definitions, one file each:
//! - [`period`]: inclusive bounds, `invalid_period` when the end is before the start;
//! - [`bucket`]: bucket keys (`2023-01`, `2023-Q1`, `2023`) and partial buckets;
//! - [`grouping`]: what one table is made of;
//! - [`new_patients`]: when a patient counts as new;
//! - [`coverage`]: "not reported" is not zero;
//! - [`disclosure`]: masking small counts, with secondary suppression;
//! - [`builder`]: the streaming aggregation and [`activity_report`];
//! - [`publication`]: several tables of one log protected together ([`publish`]);
//! - [`parallel`]: one log read on every core ([`ActivityReportBuilder::push_log`],
//!   [`Threads`], `PP_THREADS`);
//! - [`output`]: the report and its JSON; [`render`]: tables and CSV; [`preview`]: bounded
//!   views for notebooks and consoles; `xlsx`: Excel
//!   workbooks with charts (feature `xlsx`, on by default).
//!
//! Every bucket of the period appears for every group with at least one interview (or, in a
//! report with activities, one activity) in the period; a bucket without interviews shows
//! zeros (or `null` when not reported).
//!
//! ```
//! use patient_partner::report::{activity_report, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
//! let log = vec![
//!     Interview::new(d(1, 9), PartnerId::new("PP-A")?, PatientId::new("PAT-0001")?, Modality::InPerson),
//!     Interview::new(d(1, 20), PartnerId::new("PP-A")?, PatientId::new("PAT-0001")?, Modality::Phone),
//!     Interview::new(d(2, 3), PartnerId::new("PP-A")?, PatientId::new("PAT-0002")?, Modality::Phone),
//! ];
//! let report = activity_report(&log, &ReportRequest::new(Period::year(2023).unwrap()))?;
//! assert_eq!(report.rows.len(), 12);
//! assert_eq!(report.rows[0].total, Some(2));
//! assert_eq!(report.rows[0].new_patients, Some(1));
//! assert_eq!(report.totals[0].patients, Some(2));
//! # Ok::<(), patient_partner::Error>(())
//! ```

pub mod bucket;
pub mod builder;
pub mod coverage;
pub mod disclosure;
mod error;
mod feed;
pub(crate) mod fxhash;
mod group_table;
pub mod grouping;
pub mod new_patients;
pub mod output;
mod pairs;
pub mod parallel;
pub mod period;
pub mod preview;
pub mod publication;
pub mod render;
pub mod request;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use bucket::{Bucket, BucketSpan, MAX_BUCKETS};
pub use builder::{activity_report, activity_report_with, journal_report, ActivityReportBuilder};
pub use coverage::ReportingGap;
pub use error::{ReportError, ReportErrorKind};
pub use grouping::{GroupBy, GroupLabel};
pub use new_patients::NewPatientRule;
pub use output::{
    ActivityCells, ActivityMeasure, ActivityReport, BucketLabel, Column, ReportRow, Reporting,
    TotalsRow,
};
pub use parallel::{log_date_span, Parallelism, ReadProgress, Threads, THREADS_VARIABLE};
pub use period::Period;
pub use publication::{publish, Publication, PublicationBuilder, PublishedTables};
pub use request::ReportRequest;
