//! The core's errors as Python exceptions, and the guard that keeps panics out of Python.
//!
//! The exception classes are defined in Python (`patient_partner/errors.py`, with their
//! docstrings); this file only maps [`ErrorCategory`] to a class name, in one place
//! ([`class_name`]), and fills the attributes `kind`, `entity`, `field`, `line`, `column`, `sheet`, `row`,
//! `row_label`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use patient_partner::{Error, ErrorCategory};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The Python module that defines the exception classes.
const ERRORS_MODULE: &str = "patient_partner.errors";

/// The exception class of each error family (the only mapping of categories to classes).
pub fn class_name(category: ErrorCategory) -> &'static str {
    match category {
        ErrorCategory::InvalidId => "InvalidIdError",
        ErrorCategory::UnknownValue => "UnknownValueError",
        ErrorCategory::Engagement => "EngagementError",
        ErrorCategory::Interview => "InterviewError",
        ErrorCategory::Referral => "ReferralError",
        ErrorCategory::Activity => "ActivityError",
        ErrorCategory::Journal => "JournalError",
        ErrorCategory::Import => "DataImportError",
        ErrorCategory::Report => "ReportError",
        ErrorCategory::Policy => "PolicyError",
        ErrorCategory::Fhir => "FhirError",
        // A family added to the core later still reaches Python as the base class.
        _ => "PatientPartnerError",
    }
}

fn build(
    py: Python<'_>,
    class: &str,
    message: String,
    kind: &str,
    context: &patient_partner::ErrorContext,
) -> PyErr {
    let result = (|| -> PyResult<PyErr> {
        let module = py.import(ERRORS_MODULE)?;
        let cls = module.getattr(class)?;
        let args = PyTuple::new(py, [message])?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("kind", kind)?;
        kwargs.set_item("entity", context.entity.as_deref())?;
        kwargs.set_item("field", context.field.as_deref())?;
        kwargs.set_item("line", context.line)?;
        kwargs.set_item("column", context.column)?;
        kwargs.set_item("sheet", context.sheet.as_deref())?;
        kwargs.set_item("row", context.row)?;
        kwargs.set_item("row_label", context.row_label.as_deref())?;
        // The log-safe messages of the core (place and rule, no value of the input).
        if let Ok(code) = kind.parse::<patient_partner::ErrorCode>() {
            kwargs.set_item("summary", code.summary(context))?;
            kwargs.set_item("summary_fr", code.summary_fr(context))?;
        }
        let exc = cls.call(args, Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    })();
    // If the errors module cannot be imported (a broken install), say so rather than hide
    // the original error.
    result.unwrap_or_else(|e| e)
}

/// A core error as the exception of its family.
pub fn to_pyerr(err: Error) -> PyErr {
    Python::attach(|py| {
        build(
            py,
            class_name(err.category()),
            err.to_string(),
            err.code(),
            err.context(),
        )
    })
}

/// Converts any module error of the core (through the crate-wide [`Error`]).
pub fn core_err<E: Into<Error>>(err: E) -> PyErr {
    to_pyerr(err.into())
}

/// Runs `f`, turning a Rust panic into `patient_partner.InternalError` (kind
/// `internal_error`) instead of pyo3's `PanicException` (a `BaseException` that
/// `except Exception` would not catch). Every entry point of the module goes through it.
pub fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(Python::attach(|py| {
                build(
                    py,
                    "InternalError",
                    format!("internal error in patient-partner (please report it): {detail}"),
                    "internal_error",
                    &patient_partner::ErrorContext::default(),
                )
            }))
        }
    }
}

/// `patient_partner.ConversionError` of `kind` (a Python value that cannot become a core
/// document: `nested_too_deep`, `integer_out_of_range`).
pub fn conversion_error(kind: &str, message: String) -> PyErr {
    Python::attach(|py| {
        build(
            py,
            "ConversionError",
            message,
            kind,
            &patient_partner::ErrorContext::default(),
        )
    })
}

/// `patient_partner.InternalError` with `message` (a bug of the library, e.g. a lock left
/// poisoned by an earlier panic).
pub fn internal(message: &str) -> PyErr {
    Python::attach(|py| {
        build(
            py,
            "InternalError",
            format!("internal error in patient-partner (please report it): {message}"),
            "internal_error",
            &patient_partner::ErrorContext::default(),
        )
    })
}

/// Extension to map core results to Python results.
pub trait CoreResult<T> {
    /// The core error as the exception of its family.
    fn py(self) -> PyResult<T>;
}

impl<T, E: Into<Error>> CoreResult<T> for Result<T, E> {
    fn py(self) -> PyResult<T> {
        self.map_err(core_err)
    }
}
