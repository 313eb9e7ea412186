//! The crate-wide error: it only gathers the module errors, one variant each.
//!
//! Each module has its own error, all of one generic type ([`crate::located::Located`]): a
//! `kind` enum saying *what* went wrong, with a stable snake_case code, and an
//! [`ErrorContext`] saying *where* (which entity, which field, which line and column of a
//! file). [`Error`] gathers them for callers that do not care which module failed, and is
//! the small surface the Python and Kotlin/Swift bindings map to typed exceptions: one
//! exception class per variant ([`ErrorCategory`]), carrying [`Error::code`] and
//! [`Error::context`]. This file is the top of the crate: no module uses it.
//!
//! ```
//! use patient_partner::{Error, PatientId};
//! let err: Error = PatientId::new("").unwrap_err().into();
//! assert_eq!(err.code(), "empty_id");
//! assert_eq!(err.category(), patient_partner::ErrorCategory::InvalidId);
//! ```

use crate::located::ErrorContext;

/// The family an error belongs to; each maps to one exception class in the bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// An identifier was rejected ([`crate::ids::IdError`]).
    InvalidId,
    /// A value is not in its vocabulary ([`crate::vocabulary::UnknownValue`]).
    UnknownValue,
    /// Engagement catalogue or classification ([`crate::engagement::EngagementError`]).
    Engagement,
    /// An interview ([`crate::interview::InterviewError`]).
    Interview,
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
    /// A FHIR Bundle that does not have the shape of the library's exports
    /// ([`crate::fhir::import::FhirError`]).
    Fhir,
}

/// Any error of the crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// See [`crate::ids::IdError`].
    #[error(transparent)]
    InvalidId(#[from] crate::ids::IdError),
    /// See [`crate::vocabulary::UnknownValue`].
    #[error(transparent)]
    UnknownValue(#[from] crate::vocabulary::UnknownValue),
    /// See [`crate::engagement::EngagementError`].
    #[error(transparent)]
    Engagement(#[from] crate::engagement::EngagementError),
    /// See [`crate::interview::InterviewError`].
    #[error(transparent)]
    Interview(#[from] crate::interview::InterviewError),
    /// See [`crate::referral::ReferralError`].
    #[error(transparent)]
    Referral(#[from] crate::referral::ReferralError),
    /// See [`crate::activity::ActivityError`].
    #[error(transparent)]
    Activity(#[from] crate::activity::ActivityError),
    /// See [`crate::journal::JournalError`]. A referral, activity or interview that a
    /// journal refuses for breaking that entity's own rule is gathered as
    /// [`Error::Referral`], [`Error::Activity`] or [`Error::Interview`].
    #[error(transparent)]
    Journal(crate::journal::JournalError),
    /// See [`crate::import::ImportError`]. A record of a file that breaks an activity or
    /// referral rule is gathered as [`Error::Activity`] or [`Error::Referral`] (with the
    /// row's place): the family is the rule's, wherever the value came from.
    #[error(transparent)]
    Import(crate::import::ImportError),
    /// See [`crate::report::ReportError`]. A report fed from a file that is wrong at a row
    /// ([`crate::report::ReportErrorKind::Import`]) is gathered as [`Error::Import`].
    #[error(transparent)]
    Report(crate::report::ReportError),
    /// See [`crate::policy::PolicyError`].
    #[error(transparent)]
    Policy(#[from] crate::policy::PolicyError),
    /// See [`crate::fhir::import::FhirError`].
    #[error(transparent)]
    Fhir(#[from] crate::fhir::import::FhirError),
}

impl Error {
    /// The stable snake_case code of the error kind (`empty_id`, `invalid_transition`…):
    /// the `kind` that conformance vectors expect, identical in every binding.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidId(e) => e.code(),
            Error::UnknownValue(e) => e.code(),
            Error::Engagement(e) => e.code(),
            Error::Interview(e) => e.code(),
            Error::Referral(e) => e.code(),
            Error::Activity(e) => e.code(),
            Error::Journal(e) => e.code(),
            Error::Import(e) => e.code(),
            Error::Report(e) => e.code(),
            Error::Policy(e) => e.code(),
            Error::Fhir(e) => e.code(),
        }
    }

    /// The stable code as an enum ([`ErrorCode`](crate::ErrorCode)), for the bindings that
    /// expose it typed. Every code a kind returns is listed there (checked by
    /// `core/tests/error_codes.rs`); a missing one would read as `Panic`, an internal error.
    pub fn error_code(&self) -> crate::ErrorCode {
        self.code().parse().unwrap_or(crate::ErrorCode::Panic)
    }

    /// A short English message for people and logs: where and what, quoting no value of
    /// the input — no pseudonym, no cell content (`line 3, column 4 (modality): invalid
    /// modality`; [`ErrorCode::summary`](crate::ErrorCode::summary)). The `Display` message
    /// keeps the details (the value, shortened and escaped).
    pub fn summary(&self) -> String {
        self.error_code().summary(self.context())
    }

    /// The same in French (`ligne 3, colonne 4 (modality) : modalité invalide`;
    /// [`ErrorCode::summary_fr`](crate::ErrorCode::summary_fr)).
    pub fn summary_fr(&self) -> String {
        self.error_code().summary_fr(self.context())
    }

    /// The family of the error (one exception class per family in the bindings).
    pub fn category(&self) -> ErrorCategory {
        match self {
            Error::InvalidId(_) => ErrorCategory::InvalidId,
            Error::UnknownValue(_) => ErrorCategory::UnknownValue,
            Error::Engagement(_) => ErrorCategory::Engagement,
            Error::Interview(_) => ErrorCategory::Interview,
            Error::Referral(_) => ErrorCategory::Referral,
            Error::Activity(_) => ErrorCategory::Activity,
            Error::Journal(_) => ErrorCategory::Journal,
            Error::Import(_) => ErrorCategory::Import,
            Error::Report(_) => ErrorCategory::Report,
            Error::Policy(_) => ErrorCategory::Policy,
            Error::Fhir(_) => ErrorCategory::Fhir,
        }
    }

    /// Where the error happened, as far as it is known.
    pub fn context(&self) -> &ErrorContext {
        match self {
            Error::InvalidId(e) => e.context(),
            Error::UnknownValue(e) => e.context(),
            Error::Engagement(e) => e.context(),
            Error::Interview(e) => e.context(),
            Error::Referral(e) => e.context(),
            Error::Activity(e) => e.context(),
            Error::Journal(e) => e.context(),
            Error::Import(e) => e.context(),
            Error::Report(e) => e.context(),
            Error::Policy(e) => e.context(),
            Error::Fhir(e) => e.context(),
        }
    }
}

impl From<crate::import::ImportError> for Error {
    fn from(e: crate::import::ImportError) -> Self {
        use crate::import::ImportErrorKind as K;
        use crate::located::Located;
        let (kind, context) = e.into_parts();
        match kind {
            K::Activity(kind) => Error::Activity(Located::with_context(kind, context)),
            K::Referral(kind) => Error::Referral(Located::with_context(kind, context)),
            kind => Error::Import(Located::with_context(kind, context)),
        }
    }
}

/// A journal that refuses a referral, an activity or an interview because it breaks that
/// entity's own rule gathers the error in the rule's family (`Error::Referral`…), with the
/// journal's context kept: the same rule raises the same family from every entry point.
impl From<crate::journal::JournalError> for Error {
    fn from(e: crate::journal::JournalError) -> Self {
        use crate::journal::JournalErrorKind as K;
        use crate::located::Located;
        let (kind, context) = e.into_parts();
        match kind {
            K::Referral(kind) => Error::Referral(Located::with_context(kind, context)),
            K::Activity(kind) => Error::Activity(Located::with_context(kind, context)),
            K::Interview(kind) => Error::Interview(Located::with_context(kind, context)),
            kind => Error::Journal(Located::with_context(kind, context)),
        }
    }
}

impl From<crate::report::ReportError> for Error {
    fn from(e: crate::report::ReportError) -> Self {
        use crate::located::Located;
        use crate::report::ReportErrorKind as K;
        let (kind, context) = e.into_parts();
        match kind {
            K::Import(kind) => Located::with_context(kind, context).into(),
            K::Activity(kind) => Error::Activity(Located::with_context(kind, context)),
            kind => Error::Report(Located::with_context(kind, context)),
        }
    }
}

/// Shorthand for results of the crate-wide [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
