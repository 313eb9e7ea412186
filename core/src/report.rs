//! Activity reports and indicators (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("invalid period")]
    InvalidPeriod,
}

impl ReportErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            ReportErrorKind::InvalidPeriod => "invalid_period",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct ReportError {
    kind: ReportErrorKind,
    context: ErrorContext,
}

impl ReportError {
    /// What went wrong.
    pub fn kind(&self) -> &ReportErrorKind {
        &self.kind
    }
    /// The stable code of the kind.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
    /// Where it happened.
    pub fn context(&self) -> ErrorContext {
        self.context.clone()
    }
}
