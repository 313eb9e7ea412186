//! # patient-partner for Kotlin and Swift
//!
//! The uniffi 0.32 (proc-macro) face of the `patient-partner` crate. **Conversions only**: every
//! function here converts its arguments to the core's types, calls the core, and converts the
//! result back. No rule of the programme lives in this crate.
//!
//! What crosses the boundary, and how:
//! - Dates are `chrono::NaiveDate`, exposed as `java.time.LocalDate` in Kotlin (see
//!   `uniffi.toml`) and as an ISO-8601 `String` (`YYYY-MM-DD`) in Swift ([`date`]).
//! - Identifiers are strings; they are validated by the core when a function receives them.
//! - Small closed vocabularies used everywhere ([`Modality`], [`IdType`], [`GroupBy`],
//!   [`Bucket`], [`NewPatientRule`]) are enums; the larger ones (missions, roles, states…)
//!   cross as their stable snake_case wire names, parsed by the core (an unknown name is a
//!   typed `UnknownValue` error).
//! - Documents (referrals, activities, journal documents, role catalogues, report requests,
//!   policies, posts, mandates, label checklists) cross as JSON text read by the core's own
//!   serde: the `*_json` functions.
//! - Objects: [`Journal`] (thread-safe, mutable), [`engagement::RoleCatalogue`] and
//!   [`policy::Policy`] (immutable).
//! - Every error is a [`PatientPartnerError`]: one variant per core error category, carrying
//!   the stable `kind` code and the context (entity, field, line, column). A Rust panic is
//!   caught and becomes [`PatientPartnerError::Internal`], never an untyped crash.
#![deny(missing_docs)]
// The error crosses the boundary by value (serialised once per failed call): its size is not a
// cost worth boxing for.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

pub mod date;
pub mod engagement;
pub mod error;
pub mod import;
pub mod indicators;
pub mod journal;
pub mod policy;
pub mod referral;
pub mod report;
pub mod values;

pub use error::PatientPartnerError;
pub use journal::Journal;
pub use values::{Bucket, GroupBy, IdType, Interview, Modality, NewPatientRule, Period};

/// The version of the core crate these bindings were built with.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics on purpose, inside the bindings' panic guard: it exists only so that the tests of
/// every language can check that a Rust panic reaches them as a typed
/// [`PatientPartnerError::Internal`] (kind `panic`) and never as an untyped crash. It touches
/// no data.
#[uniffi::export]
pub fn diagnostics_trigger_panic(message: String) -> Result<(), PatientPartnerError> {
    error::guard(|| panic!("{message}"))
}
