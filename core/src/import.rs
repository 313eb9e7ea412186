//! Import of interview logs, referrals and activities from CSV and JSON (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("invalid field")]
    InvalidField,
}

impl ImportErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            ImportErrorKind::InvalidField => "invalid_field",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct ImportError {
    kind: ImportErrorKind,
    context: ErrorContext,
}

impl ImportError {
    /// What went wrong.
    pub fn kind(&self) -> &ImportErrorKind {
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
