//! The one error type of the bindings, and the panic guard.
//!
//! [`PatientPartnerError`] has one variant per core [`ErrorCategory`] (Kotlin:
//! `PatientPartnerException.InvalidId`, `…Referral`…, subclasses of one sealed exception class;
//! Swift: cases of `enum PatientPartnerError: Error`), plus `InvalidArgument` (a value given to
//! the bindings could not be decoded: a document of the wrong shape, a malformed date, a
//! negative count) and `Internal` (a Rust panic, caught). Every variant carries the same
//! [`ErrorDetails`] record (the application-services `components/support/error` pattern),
//! reachable from the base type too: `e.details()` in Kotlin and Swift, whatever the family.
//!
//! The family is the rule's, whatever the entry point (the core's `Error` gathers it). The
//! mapping from the core is in ONE place: `impl From<patient_partner::Error>`.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use patient_partner::{Error, ErrorCategory, ErrorCode, ErrorContext};

use crate::records::count;

/// Everything known about an error: what (`kind`, `code`), where (`entity`, `field`, `line`,
/// `column`, `sheet`), and how to say it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Display)]
pub struct ErrorDetails {
    /// The rule that failed, as an enum of the stable codes.
    pub kind: ErrorCode,
    /// The same stable code as text (`consent_required`): what the conformance vectors and
    /// every other language report.
    pub code: String,
    /// A short English message — where and what — that quotes no value of the input (no
    /// pseudonym, no cell content): safe to log and to show (`line 3, column 4 (modality):
    /// invalid modality`). It is also the exception's `toString()` / Swift `description`.
    pub message: String,
    /// The same in French (`ligne 3, colonne 4 (modality) : modalité invalide`).
    pub message_fr: String,
    /// The core's full English message, which may quote the offending value (shortened and
    /// escaped): show it to the person who typed the value, do not log it.
    pub detail: String,
    /// The entity concerned (a record's id, an id type, a vocabulary), if known.
    pub entity: Option<String>,
    /// The field concerned, if known.
    pub field: Option<String>,
    /// The 1-based line, for file input (for a workbook, the row as the sheet numbers it).
    pub line: Option<i64>,
    /// The 1-based column, for file input (for a workbook, 4 is column D).
    pub column: Option<i64>,
    /// The sheet, for workbooks.
    pub sheet: Option<String>,
}

impl ErrorDetails {
    /// The details of an error with code `kind` at `context`, `detail` being the full message.
    pub(crate) fn new(kind: ErrorCode, context: &ErrorContext, detail: String) -> Self {
        ErrorDetails {
            kind,
            code: patient_partner::Vocabulary::wire_name(&kind).to_owned(),
            message: kind.summary(context),
            message_fr: kind.summary_fr(context),
            detail,
            entity: context.entity.clone(),
            field: context.field.clone(),
            line: context.line.map(count),
            column: context.column.map(count),
            sheet: context.sheet.clone(),
        }
    }
}

impl fmt::Display for ErrorDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message, self.code)
    }
}

/// Any error raised by patient-partner: its family (the variant) and its `ErrorDetails`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum PatientPartnerError {
    /// An identifier was rejected (empty, too long, control character).
    #[error("{details}")]
    InvalidId {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A value is not in its vocabulary.
    #[error("{details}")]
    UnknownValue {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// Engagement catalogue or classification.
    #[error("{details}")]
    Engagement {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A referral or its lifecycle.
    #[error("{details}")]
    Referral {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// An interview (its recorded duration).
    #[error("{details}")]
    Interview {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// An activity record.
    #[error("{details}")]
    Activity {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// An impossible history in a journal.
    #[error("{details}")]
    Journal {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A file or document could not be imported.
    #[error("{details}")]
    Import {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A report or indicator request.
    #[error("{details}")]
    Report {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// The programme rules (posts, mandates, funding, label).
    #[error("{details}")]
    Policy {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A FHIR Bundle that does not have the shape of the library's exports (the element
    /// path in `field`, the resource type in `entity`).
    #[error("{details}")]
    Fhir {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A value given to the bindings could not be decoded before calling the core (a
    /// document of the wrong shape, a malformed date, a negative count).
    #[error("{details}")]
    InvalidArgument {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
    /// A Rust panic, caught (kind `panic`): a bug of the library, please report it.
    #[error("{details}")]
    Internal {
        /// What, where, and how to say it.
        details: ErrorDetails,
    },
}

#[uniffi::export]
impl PatientPartnerError {
    /// What, where, and how to say it, whatever the family.
    pub fn details(&self) -> ErrorDetails {
        self.details_ref().clone()
    }
}

impl PatientPartnerError {
    fn details_ref(&self) -> &ErrorDetails {
        match self {
            Self::InvalidId { details }
            | Self::UnknownValue { details }
            | Self::Engagement { details }
            | Self::Referral { details }
            | Self::Interview { details }
            | Self::Activity { details }
            | Self::Journal { details }
            | Self::Import { details }
            | Self::Report { details }
            | Self::Policy { details }
            | Self::Fhir { details }
            | Self::InvalidArgument { details }
            | Self::Internal { details } => details,
        }
    }

    /// The stable code of the error.
    pub fn kind(&self) -> ErrorCode {
        self.details_ref().kind
    }

    /// A value given to the bindings that they could not decode (`InvalidArgument`).
    pub(crate) fn argument(kind: ErrorCode, context: ErrorContext, detail: String) -> Self {
        Self::InvalidArgument {
            details: ErrorDetails::new(kind, &context, detail),
        }
    }

    /// A caught panic.
    pub(crate) fn panic(reason: String) -> Self {
        Self::Internal {
            details: ErrorDetails::new(ErrorCode::Panic, &ErrorContext::default(), reason),
        }
    }

    /// A signed count given by Kotlin or Swift that the core cannot hold (a negative
    /// duration or number of participants): `InvalidArgument`, kind `integer_out_of_range`.
    pub(crate) fn out_of_range(entity: &str, field: &str, value: impl fmt::Display) -> Self {
        Self::argument(
            ErrorCode::IntegerOutOfRange,
            ErrorContext {
                entity: Some(entity.to_owned()),
                field: Some(field.to_owned()),
                ..Default::default()
            },
            format!("`{field}` must not be negative, got {value}"),
        )
    }

    /// JSON text given as the argument `field` could not be read as a `type_name`.
    #[cfg(feature = "json")]
    pub(crate) fn invalid_json(type_name: &str, field: &str, e: &serde_json::Error) -> Self {
        Self::argument(
            ErrorCode::InvalidJson,
            ErrorContext {
                entity: Some(type_name.to_owned()),
                field: Some(field.to_owned()),
                line: u64::try_from(e.line()).ok().filter(|l| *l > 0),
                column: u64::try_from(e.column()).ok().filter(|c| *c > 0),
                ..Default::default()
            },
            patient_partner::text::short_message(&format!(
                "`{field}` is not a valid {type_name}: {e}"
            )),
        )
    }
}

/// The ONE mapping from the core's error to the bindings' error, by [`Error::category`].
impl From<Error> for PatientPartnerError {
    fn from(e: Error) -> Self {
        let details = ErrorDetails::new(e.error_code(), e.context(), e.to_string());
        match e.category() {
            ErrorCategory::InvalidId => Self::InvalidId { details },
            ErrorCategory::UnknownValue => Self::UnknownValue { details },
            ErrorCategory::Engagement => Self::Engagement { details },
            ErrorCategory::Referral => Self::Referral { details },
            ErrorCategory::Interview => Self::Interview { details },
            ErrorCategory::Activity => Self::Activity { details },
            ErrorCategory::Journal => Self::Journal { details },
            ErrorCategory::Import => Self::Import { details },
            ErrorCategory::Report => Self::Report { details },
            ErrorCategory::Policy => Self::Policy { details },
            ErrorCategory::Fhir => Self::Fhir { details },
            // `ErrorCategory` is non-exhaustive: a category added to the core after these
            // bindings still arrives typed, with its real code.
            _ => Self::Internal { details },
        }
    }
}

/// Any module error of the core (`ReferralError`, `ImportError`…), through [`Error`].
impl<K> From<patient_partner::Located<K>> for PatientPartnerError
where
    Error: From<patient_partner::Located<K>>,
{
    fn from(e: patient_partner::Located<K>) -> Self {
        PatientPartnerError::from(Error::from(e))
    }
}

/// Converts any core error to the bindings' error (for `map_err`).
pub(crate) fn core<E: Into<Error>>(e: E) -> PatientPartnerError {
    PatientPartnerError::from(e.into())
}

/// Shorthand for the results of exported functions.
pub type FfiResult<T> = Result<T, PatientPartnerError>;

/// Runs `f`, turning a panic into [`PatientPartnerError::Internal`] (kind `panic`).
///
/// uniffi 0.32 itself catches panics at the boundary (`rust_call` wraps every call in
/// `catch_unwind`) but reports them as an *untyped* internal error (Kotlin
/// `InternalException`, Swift `fatalError`-level `UniffiInternalError`). Every exported
/// function of this crate runs its body through `guard` so that the foreign side always gets
/// the typed error instead. Needs `panic = "unwind"` (the workspace's release profile sets it).
pub(crate) fn guard<T>(f: impl FnOnce() -> FfiResult<T>) -> FfiResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let reason = if let Some(s) = payload.downcast_ref::<&str>() {
                (*s).to_owned()
            } else if let Some(s) = payload.downcast_ref::<String>() {
                s.clone()
            } else {
                "a Rust panic with a non-text payload".to_owned()
            };
            Err(PatientPartnerError::panic(reason))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use patient_partner::PatientId;

    #[test]
    fn core_errors_keep_code_category_and_context() {
        let e = core(PatientId::new(" ").unwrap_err());
        match e {
            PatientPartnerError::InvalidId { details } => {
                assert_eq!(details.kind, ErrorCode::EmptyId);
                assert_eq!(details.code, "empty_id");
                assert_eq!(details.entity.as_deref(), Some("PatientId"));
                assert!(
                    details.message_fr.ends_with(" : identifiant vide"),
                    "{details}"
                );
            }
            other => panic!("wrong variant {other:?}"),
        }
    }

    #[test]
    fn a_panic_becomes_a_typed_internal_error() {
        let e = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(e.kind(), ErrorCode::Panic);
        assert!(
            matches!(e, PatientPartnerError::Internal { ref details } if details.detail == "boom")
        );
        assert_eq!(e.to_string(), "Internal error [panic]");
    }
}
