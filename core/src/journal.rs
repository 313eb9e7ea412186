//! The journal: a consistent history of referrals, interviews and activities (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum JournalErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("duplicate id")]
    DuplicateId,
}

impl JournalErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            JournalErrorKind::DuplicateId => "duplicate_id",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct JournalError {
    kind: JournalErrorKind,
    context: ErrorContext,
}

impl JournalError {
    /// What went wrong.
    pub fn kind(&self) -> &JournalErrorKind {
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
