//! Referrals (adressages) and their lifecycle (being written: see the issue tracker).

use crate::error::ErrorContext;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReferralErrorKind {
    /// Placeholder kind, replaced as the module is written.
    #[error("invalid transition")]
    InvalidTransition,
}

impl ReferralErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            ReferralErrorKind::InvalidTransition => "invalid_transition",
        }
    }
}

/// An error of this module: a kind, and where it happened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{kind}")]
pub struct ReferralError {
    kind: ReferralErrorKind,
    context: ErrorContext,
}

impl ReferralError {
    /// What went wrong.
    pub fn kind(&self) -> &ReferralErrorKind {
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
