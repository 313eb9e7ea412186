//! # patient-partner for Kotlin and Swift
//!
//! The uniffi 0.32 (proc-macro) face of the `patient-partner` crate. **Conversions only**: every
//! function here converts its arguments to the core's types, calls the core, and converts the
//! result back. No rule of the programme lives in this crate.
//!
//! What crosses the boundary, and how (ADR 0010):
//! - The core's own types where uniffi can carry them unchanged (`#[uniffi::remote(...)]`):
//!   every vocabulary ([`vocabulary`]), the referral types and the reporting gaps
//!   ([`records`], `ReportingGap`), the engagement profiles, the programme rules'
//!   posts and mandates ([`policy`]). No mirror, no conversion code.
//! - Identifiers as custom types bridged by a one-field record ([`ids`]): one type per kind
//!   of id in Kotlin and Swift, validated by the core's rules when lifted.
//! - Mirror records only where the foreign type must differ: signed counts
//!   ([`Interview`], [`Activity`], [`report::ReportRequest`], the report's rows, the
//!   journal's summary) and the period ([`Period`], validated when converted).
//! - Dates are `chrono::NaiveDate`, exposed as `java.time.LocalDate` in Kotlin (see
//!   `uniffi.toml`) and as an ISO-8601 `String` (`YYYY-MM-DD`) in Swift ([`date`]).
//! - Files and documents (CSV, workbooks, JSON documents) are read from text or bytes and
//!   written back; the `*_from_json` / `*_to_json` functions exist for documents only. No
//!   domain operation takes or returns JSON text.
//! - Objects: [`Journal`] (thread-safe, mutable: the app's workflow), [`engagement::RoleCatalogue`]
//!   and [`policy::Policy`] (immutable).
//! - Every error is a [`PatientPartnerError`]: one variant per core error category, carrying
//!   the stable `kind` code and the context (entity, field, line, column). A Rust panic is caught
//!   and becomes [`PatientPartnerError::Internal`], never an untyped crash.
#![deny(missing_docs)]
// The error crosses the boundary by value (serialised once per failed call): its size is not a
// cost worth boxing for.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

pub mod background;
pub mod date;
pub mod engagement;
pub mod error;
#[cfg(feature = "fhir")]
pub mod fhir;
pub mod ids;
pub mod import;
pub mod indicators;
pub mod journal;
pub mod policy;
pub mod publication;
pub mod records;
pub mod referral;
pub mod report;
pub mod values;
pub mod vocabulary;

pub use error::PatientPartnerError;
pub use journal::Journal;
pub use records::Activity;
pub use values::{IdType, Interview, Period};

/// The version of the core crate these bindings were built with.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics on purpose, inside the bindings' panic guard: it exists only so that the tests of
/// every language can check that a Rust panic reaches them as a typed
/// `PatientPartnerError.Internal` (kind `panic`) and never as an untyped crash. It touches
/// no data.
#[uniffi::export]
pub fn diagnostics_trigger_panic(message: String) -> Result<(), PatientPartnerError> {
    error::guard(|| panic!("{message}"))
}
