//! Programme rules as configurable policy (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("invalid post")]
    InvalidPost,
}

impl PolicyErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            PolicyErrorKind::InvalidPost => "invalid_post",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct PolicyError {
    kind: PolicyErrorKind,
    context: ErrorContext,
}

impl PolicyError {
    /// What went wrong.
    pub fn kind(&self) -> &PolicyErrorKind {
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
