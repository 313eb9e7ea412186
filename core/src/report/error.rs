//! The error of the report module: what went wrong with a report request or its data.

use crate::activity::ActivityErrorKind;
use crate::import::ImportErrorKind;
use crate::located::{ErrorKind, Located};

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportErrorKind {
    /// The period ends before it starts.
    #[error("invalid period: end {end} is before start {start}")]
    InvalidPeriod {
        /// The first day asked for.
        start: chrono::NaiveDate,
        /// The last day asked for.
        end: chrono::NaiveDate,
    },
    /// A bound of the period was not given and the log holds no interview to take it from
    /// (see [`crate::report::Period::resolve`]).
    #[error("no period: the log holds no interview, give the start and end of the period")]
    NoPeriod,
    /// The period holds more buckets than [`crate::report::MAX_BUCKETS`].
    #[error("the period holds {buckets} buckets, at most {max} allowed")]
    TooManyBuckets {
        /// How many buckets the period would hold.
        buckets: u64,
        /// The limit.
        max: u64,
    },
    /// A reporting gap (a "not reported" range) ends before it starts.
    #[error("invalid reporting gap: end {end} is before start {start}")]
    InvalidGap {
        /// The first day of the gap.
        start: chrono::NaiveDate,
        /// The last day of the gap.
        end: chrono::NaiveDate,
    },
    /// An interview is dated inside a range its group declared as not reported.
    #[error("an interview of {date} falls in a range declared as not reported")]
    InterviewInGap {
        /// The day of the interview.
        date: chrono::NaiveDate,
    },
    /// An activity is dated inside a range its group declared as not reported.
    #[error("an activity of {date} falls in a range declared as not reported")]
    ActivityInGap {
        /// The day of the activity.
        date: chrono::NaiveDate,
    },
    /// Two report builders answering different requests cannot be merged.
    #[error("cannot merge report builders of different requests")]
    MergeMismatch,
    /// A release ledger kept under other settings than the publication's (threshold,
    /// new-patient rule, tables), or that is not a ledger.
    #[error("release ledger: {message}")]
    LedgerMismatch {
        /// What differs.
        message: String,
    },
    /// Late entries in the log changed cells that an earlier release of the ledger
    /// published; refused unless revisions are accepted.
    #[error("{count} cell(s) already published would change: {cells}")]
    RevisedCells {
        /// How many cells changed.
        count: usize,
        /// The first of them: table, group, row, column, published value and value now.
        cells: String,
    },
    /// Masked cells that earlier releases' published cells give away whatever this release
    /// masks (possible only after revisions).
    #[error("{count} masked cell(s) cannot be protected: {cells}")]
    UnprotectableCells {
        /// How many cells.
        count: usize,
        /// The first of them.
        cells: String,
    },
    /// A request or an input document could not be read.
    #[error("invalid request: {message}")]
    InvalidRequest {
        /// What was wrong.
        message: String,
    },
    /// The report could not be written (an `.xlsx` workbook…).
    #[error("cannot write the report: {message}")]
    Output {
        /// What the writer said.
        message: String,
    },
    /// An indicator id is not in the catalogue.
    #[error("unknown indicator {id:?}")]
    UnknownIndicator {
        /// The id asked for.
        id: String,
    },
    /// The file a report is fed from ([`crate::import::InterviewReader::push_into`]) is
    /// wrong at a row; the code is the import's (`invalid_date`…). Gathered as
    /// [`crate::Error::Import`].
    #[error("{0}")]
    Import(ImportErrorKind),
    /// An activity given to a report breaks a rule of [`crate::activity::Activity::validate`];
    /// the code is the activity's (`zero_duration`…). Gathered as [`crate::Error::Activity`].
    #[error("{0}")]
    Activity(ActivityErrorKind),
}

impl ErrorKind for ReportErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ReportErrorKind::InvalidPeriod { .. } => "invalid_period",
            ReportErrorKind::NoPeriod => "no_period",
            ReportErrorKind::TooManyBuckets { .. } => "too_many_buckets",
            ReportErrorKind::InvalidGap { .. } => "invalid_gap",
            ReportErrorKind::InterviewInGap { .. } => "interview_in_gap",
            ReportErrorKind::ActivityInGap { .. } => "activity_in_gap",
            ReportErrorKind::MergeMismatch => "merge_mismatch",
            ReportErrorKind::InvalidRequest { .. } => "invalid_request",
            ReportErrorKind::LedgerMismatch { .. } => "ledger_mismatch",
            ReportErrorKind::RevisedCells { .. } => "revised_cells",
            ReportErrorKind::UnprotectableCells { .. } => "unprotectable_cells",
            ReportErrorKind::UnknownIndicator { .. } => "unknown_indicator",
            ReportErrorKind::Output { .. } => "output_error",
            ReportErrorKind::Import(kind) => kind.code(),
            ReportErrorKind::Activity(kind) => kind.code(),
        }
    }
}

/// An error of this module: a kind, and where it happened (the row of a file for
/// `interview_in_gap`; the field of a request; the group as entity).
pub type ReportError = Located<ReportErrorKind>;
