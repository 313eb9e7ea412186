//! The one error type of the bindings, and the panic guard.
//!
//! [`PatientPartnerError`] has one variant per core [`ErrorCategory`] (Kotlin:
//! `PatientPartnerException.InvalidId`, `…Referral`…, subclasses of one sealed exception class;
//! Swift: cases of `enum PatientPartnerError: Error`), plus `InvalidArgument` (a value given to
//! the bindings could not be decoded: bad JSON shape for a type the core has no typed reader
//! for, or a malformed date) and `Internal` (a Rust panic, caught). Every variant carries the
//! same fields:
//! - `kind`: the stable snake_case code, [`patient_partner::Error::code`] (what vectors compare);
//! - `reason`: the core's English message (named `reason` because Kotlin exceptions already
//!   have a `message`, which here summarises every field);
//! - `entity`, `field`, `line`, `column`, `sheet`: the [`patient_partner::ErrorContext`].
//!
//! The mapping from the core is in ONE place: `impl From<patient_partner::Error>`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use patient_partner::{Error, ErrorCategory};

/// Any error raised by patient-partner, with its stable code and its context.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum PatientPartnerError {
    /// An identifier was rejected (empty, too long, control character).
    #[error("[{kind}] {reason}")]
    InvalidId {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A value is not in its vocabulary.
    #[error("[{kind}] {reason}")]
    UnknownValue {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned (the vocabulary).
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// Engagement catalogue or classification.
    #[error("[{kind}] {reason}")]
    Engagement {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A referral or its lifecycle.
    #[error("[{kind}] {reason}")]
    Referral {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// An interview (its recorded duration).
    #[error("[{kind}] {reason}")]
    Interview {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// An activity record.
    #[error("[{kind}] {reason}")]
    Activity {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// An impossible history in a journal.
    #[error("[{kind}] {reason}")]
    Journal {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A file or document could not be read.
    #[error("[{kind}] {reason}")]
    Import {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A report or indicator request.
    #[error("[{kind}] {reason}")]
    Report {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// Programme rules: posts, contracts, mandates, policies.
    #[error("[{kind}] {reason}")]
    Policy {
        /// The stable error code.
        kind: String,
        /// The core's message.
        reason: String,
        /// The entity concerned.
        entity: Option<String>,
        /// The field concerned.
        field: Option<String>,
        /// The 1-based line, for file input.
        line: Option<u64>,
        /// The 1-based column, for file input.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A value given to the bindings could not be decoded before the core was called (JSON
    /// text of the wrong shape for a type the core has no typed reader for, a malformed date).
    #[error("[{kind}] {reason}")]
    InvalidArgument {
        /// `invalid_json` or `invalid_date`.
        kind: String,
        /// What could not be decoded.
        reason: String,
        /// The type that was expected.
        entity: Option<String>,
        /// The argument concerned.
        field: Option<String>,
        /// The 1-based line in the JSON text.
        line: Option<u64>,
        /// The 1-based column in the JSON text.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
    /// A bug: a Rust panic caught at the boundary (kind `panic`), or an error category these
    /// bindings do not know yet (kind: its code). Please report it.
    #[error("[{kind}] {reason}")]
    Internal {
        /// `panic`, or the code of an unmapped core error.
        kind: String,
        /// The panic message or the core's message.
        reason: String,
        /// The entity concerned, if known.
        entity: Option<String>,
        /// The field concerned, if known.
        field: Option<String>,
        /// Always absent for a panic.
        line: Option<u64>,
        /// Always absent for a panic.
        column: Option<u64>,
        /// The sheet, for workbooks (`line` is then the row, `column` 4 is column D).
        sheet: Option<String>,
    },
}

impl PatientPartnerError {
    /// The stable code of the error (`kind`).
    pub fn kind(&self) -> &str {
        match self {
            Self::InvalidId { kind, .. }
            | Self::UnknownValue { kind, .. }
            | Self::Engagement { kind, .. }
            | Self::Referral { kind, .. }
            | Self::Interview { kind, .. }
            | Self::Activity { kind, .. }
            | Self::Journal { kind, .. }
            | Self::Import { kind, .. }
            | Self::Report { kind, .. }
            | Self::Policy { kind, .. }
            | Self::InvalidArgument { kind, .. }
            | Self::Internal { kind, .. } => kind,
        }
    }

    /// A caught panic.
    pub(crate) fn panic(reason: String) -> Self {
        Self::Internal {
            kind: "panic".to_owned(),
            reason,
            entity: None,
            field: None,
            line: None,
            column: None,
            sheet: None,
        }
    }

    /// JSON text given as the argument `field` could not be read as a `type_name`.
    pub(crate) fn invalid_json(type_name: &str, field: &str, e: &serde_json::Error) -> Self {
        Self::InvalidArgument {
            kind: "invalid_json".to_owned(),
            reason: patient_partner::text::short_message(&format!(
                "`{field}` is not a valid {type_name}: {e}"
            )),
            entity: Some(type_name.to_owned()),
            field: Some(field.to_owned()),
            line: u64::try_from(e.line()).ok().filter(|l| *l > 0),
            column: u64::try_from(e.column()).ok().filter(|c| *c > 0),
            sheet: None,
        }
    }
}

/// The ONE mapping from the core's error to the bindings' error, by [`Error::category`].
impl From<Error> for PatientPartnerError {
    fn from(e: Error) -> Self {
        let ctx = e.context().clone();
        let kind = e.code().to_owned();
        let reason = e.to_string();
        let (entity, field, line, column, sheet) =
            (ctx.entity, ctx.field, ctx.line, ctx.column, ctx.sheet);
        macro_rules! variant {
            ($v:ident) => {
                PatientPartnerError::$v {
                    kind,
                    reason,
                    entity,
                    field,
                    line,
                    column,
                    sheet,
                }
            };
        }
        match e.category() {
            ErrorCategory::InvalidId => variant!(InvalidId),
            ErrorCategory::UnknownValue => variant!(UnknownValue),
            ErrorCategory::Engagement => variant!(Engagement),
            ErrorCategory::Referral => variant!(Referral),
            ErrorCategory::Interview => variant!(Interview),
            ErrorCategory::Activity => variant!(Activity),
            ErrorCategory::Journal => variant!(Journal),
            ErrorCategory::Import => variant!(Import),
            ErrorCategory::Report => variant!(Report),
            ErrorCategory::Policy => variant!(Policy),
            // `ErrorCategory` is non-exhaustive: a category added to the core after these
            // bindings still arrives typed, with its real code.
            _ => variant!(Internal),
        }
    }
}

/// Converts any module error of the core through [`Error`].
/// Any module error of the core (`ReferralError`, `ImportError`…), through [`Error`].
impl<K> From<patient_partner::Located<K>> for PatientPartnerError
where
    Error: From<patient_partner::Located<K>>,
{
    fn from(e: patient_partner::Located<K>) -> Self {
        PatientPartnerError::from(Error::from(e))
    }
}

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
            PatientPartnerError::InvalidId { kind, entity, .. } => {
                assert_eq!(kind, "empty_id");
                assert_eq!(entity.as_deref(), Some("PatientId"));
            }
            other => panic!("wrong variant {other:?}"),
        }
    }

    #[test]
    fn a_panic_becomes_a_typed_internal_error() {
        let e = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(e.kind(), "panic");
        assert!(matches!(e, PatientPartnerError::Internal { ref reason, .. } if reason == "boom"));
    }
}
