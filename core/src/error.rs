//! The crate-wide error: one variant per module error, with a stable code and a context.
//!
//! Each module has its own rich error type (`ReferralError`, `JournalError`, `ImportError`…),
//! built the same way: a `kind` enum saying *what* went wrong, with a stable snake_case
//! [`code`](Error::code), separated from the *context* saying *where* (which entity, which
//! field, which line and column of a file). [`Error`] gathers them for callers that do not
//! care which module failed, and is the small surface the Python and Kotlin/Swift bindings map
//! to typed exceptions: one exception class per variant, carrying [`Error::code`] and
//! [`Error::context`].
//!
//! ```
//! use patient_partner::{Error, PatientId};
//! let err: Error = PatientId::new("").unwrap_err().into();
//! assert_eq!(err.code(), "empty_id");
//! assert_eq!(err.category(), patient_partner::ErrorCategory::InvalidId);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::IdError;
use crate::vocabulary::UnknownValue;

/// Where an error happened: every field is optional, filled when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorContext {
    /// The entity concerned (a referral id, a post id, a partner id…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The field concerned (`date`, `modality`, `fte`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For file input: the 1-based line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// For file input: the 1-based column (field position for CSV, column number for a
    /// workbook: 4 is column `D`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// For workbooks: the sheet. `line` is then the row as the spreadsheet numbers it and
    /// [`ErrorContext::cell`] gives the cell's name (`D17`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
}

impl ErrorContext {
    /// The spreadsheet name of the cell (`D17`) when the error is in a workbook and both
    /// row and column are known.
    ///
    /// ```
    /// let ctx = patient_partner::ErrorContext {
    ///     sheet: Some("Entretiens 2023".into()), line: Some(17), column: Some(4),
    ///     ..Default::default()
    /// };
    /// assert_eq!(ctx.cell().as_deref(), Some("D17"));
    /// ```
    pub fn cell(&self) -> Option<String> {
        self.cell_name()
    }

    /// Where in a file, for messages: `line 4` (CSV) or `sheet "Entretiens 2023", row 17`
    /// (workbooks); `None` when the error is not about a file.
    ///
    /// ```
    /// let ctx = patient_partner::ErrorContext { line: Some(4), ..Default::default() };
    /// assert_eq!(ctx.place().as_deref(), Some("line 4"));
    /// ```
    pub fn place(&self) -> Option<String> {
        let line = self.line?;
        Some(match &self.sheet {
            Some(sheet) => format!("sheet {sheet:?}, row {line}"),
            None => format!("line {line}"),
        })
    }

    fn cell_name(&self) -> Option<String> {
        self.sheet.as_ref()?;
        Some(format!(
            "{}{}",
            crate::text::column_letters(self.column?),
            self.line?
        ))
    }
}

/// The family an error belongs to; each maps to one exception class in the bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// An identifier was rejected ([`IdError`]).
    InvalidId,
    /// A value is not in its vocabulary ([`UnknownValue`]).
    UnknownValue,
    /// Engagement catalogue or classification ([`crate::engagement::EngagementError`]).
    Engagement,
    /// A referral or its lifecycle ([`crate::referral::ReferralError`]).
    Referral,
    /// An activity record ([`crate::activity::ActivityError`]).
    Activity,
    /// An impossible history ([`crate::journal::JournalError`]).
    Journal,
    /// A file or document could not be read ([`crate::import::ImportError`]).
    Import,
    /// A report or indicator request ([`crate::report::ReportError`]).
    Report,
    /// Programme rules: posts, contracts, mandates, policies ([`crate::policy::PolicyError`]).
    Policy,
}

/// Any error of the crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// See [`IdError`].
    #[error(transparent)]
    InvalidId(#[from] IdError),
    /// See [`UnknownValue`].
    #[error(transparent)]
    UnknownValue(#[from] UnknownValue),
    /// See [`crate::engagement::EngagementError`].
    #[error(transparent)]
    Engagement(#[from] crate::engagement::EngagementError),
    /// See [`crate::referral::ReferralError`].
    #[error(transparent)]
    Referral(#[from] crate::referral::ReferralError),
    /// See [`crate::activity::ActivityError`].
    #[error(transparent)]
    Activity(#[from] crate::activity::ActivityError),
    /// See [`crate::journal::JournalError`].
    #[error(transparent)]
    Journal(#[from] crate::journal::JournalError),
    /// See [`crate::import::ImportError`].
    #[error(transparent)]
    Import(#[from] crate::import::ImportError),
    /// See [`crate::report::ReportError`].
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    /// See [`crate::policy::PolicyError`].
    #[error(transparent)]
    Policy(#[from] crate::policy::PolicyError),
}

impl Error {
    /// The stable snake_case code of the error kind (`empty_id`, `invalid_transition`…):
    /// the `kind` that conformance vectors expect, identical in every binding.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidId(e) => e.code(),
            Error::UnknownValue(_) => "unknown_value",
            Error::Engagement(e) => e.code(),
            Error::Referral(e) => e.code(),
            Error::Activity(e) => e.code(),
            Error::Journal(e) => e.code(),
            Error::Import(e) => e.code(),
            Error::Report(e) => e.code(),
            Error::Policy(e) => e.code(),
        }
    }

    /// The family of the error (one exception class per family in the bindings).
    pub fn category(&self) -> ErrorCategory {
        match self {
            Error::InvalidId(_) => ErrorCategory::InvalidId,
            Error::UnknownValue(_) => ErrorCategory::UnknownValue,
            Error::Engagement(_) => ErrorCategory::Engagement,
            Error::Referral(_) => ErrorCategory::Referral,
            Error::Activity(_) => ErrorCategory::Activity,
            Error::Journal(_) => ErrorCategory::Journal,
            Error::Import(_) => ErrorCategory::Import,
            Error::Report(_) => ErrorCategory::Report,
            Error::Policy(_) => ErrorCategory::Policy,
        }
    }

    /// Where the error happened, as far as it is known.
    pub fn context(&self) -> ErrorContext {
        match self {
            Error::InvalidId(e) => ErrorContext {
                entity: Some(e.id_type().to_owned()),
                ..ErrorContext::default()
            },
            Error::UnknownValue(e) => ErrorContext {
                entity: Some(e.type_name.to_owned()),
                ..ErrorContext::default()
            },
            Error::Engagement(e) => e.context(),
            Error::Referral(e) => e.context(),
            Error::Activity(e) => e.context(),
            Error::Journal(e) => e.context(),
            Error::Import(e) => e.context(),
            Error::Report(e) => e.context(),
            Error::Policy(e) => e.context(),
        }
    }
}

/// Shorthand for results of the crate-wide [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
