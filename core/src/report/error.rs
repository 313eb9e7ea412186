//! The error of the report module: what went wrong with a report request or its data.

use std::fmt;

use crate::error::ErrorContext;

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
}

impl ReportErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            ReportErrorKind::InvalidPeriod { .. } => "invalid_period",
            ReportErrorKind::TooManyBuckets { .. } => "too_many_buckets",
            ReportErrorKind::InvalidGap { .. } => "invalid_gap",
            ReportErrorKind::InterviewInGap { .. } => "interview_in_gap",
            ReportErrorKind::InvalidRequest { .. } => "invalid_request",
            ReportErrorKind::UnknownIndicator { .. } => "unknown_indicator",
            ReportErrorKind::Output { .. } => "output_error",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportError {
    // Boxed: errors travel through `Result`s on hot paths, keep them one pointer wide.
    inner: Box<(ReportErrorKind, ErrorContext)>,
}

impl ReportError {
    /// An error of `kind` with an empty context.
    pub(crate) fn new(kind: ReportErrorKind) -> Self {
        ReportError {
            inner: Box::new((kind, ErrorContext::default())),
        }
    }
    /// Sets the entity of the context.
    pub(crate) fn entity(mut self, entity: impl Into<String>) -> Self {
        self.inner.1.entity = Some(entity.into());
        self
    }
    /// Sets the row of a file the error is about: its line, and its sheet for workbooks.
    pub(crate) fn at_row(mut self, line: u64, sheet: Option<&str>) -> Self {
        self.inner.1.line = Some(line);
        self.inner.1.sheet = sheet.map(str::to_owned);
        self
    }
    /// Sets the field of the context.
    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        self.inner.1.field = Some(field.into());
        self
    }
    /// What went wrong.
    pub fn kind(&self) -> &ReportErrorKind {
        &self.inner.0
    }
    /// The stable code of the kind.
    pub fn code(&self) -> &'static str {
        self.inner.0.code()
    }
    /// Where it happened.
    pub fn context(&self) -> ErrorContext {
        self.inner.1.clone()
    }
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = self.inner.1.place() {
            write!(f, "{place}: ")?;
        }
        write!(f, "{}", self.inner.0)?;
        if let Some(entity) = &self.inner.1.entity {
            write!(f, " ({entity}")?;
            if let Some(field) = &self.inner.1.field {
                write!(f, ", {field}")?;
            }
            write!(f, ")")?;
        } else if let Some(field) = &self.inner.1.field {
            write!(f, " ({field})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ReportError {}
