//! Engagement: roles, levels, scopes, the role catalogue and classification (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EngagementErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("unknown role")]
    UnknownRole,
}

impl EngagementErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            EngagementErrorKind::UnknownRole => "unknown_role",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct EngagementError {
    kind: EngagementErrorKind,
    context: ErrorContext,
}

impl EngagementError {
    /// What went wrong.
    pub fn kind(&self) -> &EngagementErrorKind {
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
