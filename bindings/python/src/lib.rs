//! Python bindings of patient-partner: the extension module `patient_partner._native`.
//!
//! Conversions only: every rule lives in the core crate. Values cross the boundary as the
//! core's serde JSON (so the wire names are the core's), interview logs as one batch, and
//! every entry point runs under [`errors::guard`] so that a Rust panic reaches Python as
//! `patient_partner.InternalError`, never as pyo3's `PanicException`.

mod arrow_in;
mod arrow_out;
mod convert;
mod domain;
mod errors;
mod files;
#[macro_use]
mod types;
mod policy;
mod publication;
mod report;

use pyo3::prelude::*;

/// Raises `InternalError` through a deliberate panic: lets the tests check that a panic in
/// the glue or the core never escapes as anything else. Not part of the API.
#[pyfunction]
fn _panic_for_tests() -> PyResult<()> {
    errors::guard(|| -> PyResult<()> { panic!("deliberate panic for the tests") })
}

/// The compiled core of `patient_partner` (import the package, not this module).
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<types::PyInterview>()?;
    m.add_class::<types::PyActivity>()?;
    m.add_class::<types::PyReferral>()?;
    m.add_class::<types::PyReferralTransition>()?;
    m.add_class::<types::PyReportRequest>()?;
    m.add_class::<types::PyJournalDocument>()?;
    m.add_class::<report::PyInterviews>()?;
    m.add_class::<report::PyActivityReport>()?;
    m.add_class::<publication::PyPublishedTables>()?;
    m.add_class::<domain::PyRoleCatalogue>()?;
    m.add_class::<domain::PyReferralLifecycle>()?;
    m.add_class::<domain::PyJournal>()?;
    m.add_class::<policy::PyPolicy>()?;
    m.add_class::<policy::PyPost>()?;
    m.add_class::<policy::PyMandate>()?;
    m.add_class::<policy::PyLabelChecklist>()?;
    m.add_class::<policy::PyEstablishmentData>()?;
    m.add_function(wrap_pyfunction!(policy::input_schema, m)?)?;
    m.add_function(wrap_pyfunction!(policy::input_schema_names, m)?)?;
    m.add_function(wrap_pyfunction!(files::read_interviews_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::read_referrals_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::read_activities_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::compute_activity_report_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::interviews_file_date_span, m)?)?;
    m.add_function(wrap_pyfunction!(domain::default_period, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_interviews_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_interviews_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_interviews_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_interviews_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::compute_activity_report, m)?)?;
    m.add_function(wrap_pyfunction!(publication::compute_publication, m)?)?;
    m.add_function(wrap_pyfunction!(
        publication::compute_protected_indicators,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(report::compute_activity_report_csv, m)?)?;
    m.add_function(wrap_pyfunction!(
        arrow_in::compute_activity_report_arrow,
        m
    )?)?;
    m.add_function(wrap_pyfunction!(arrow_in::read_interviews_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_referrals_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_referrals_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_referrals_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_referrals_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_activities_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_activities_csv, m)?)?;
    m.add_function(wrap_pyfunction!(report::read_activities_json, m)?)?;
    m.add_function(wrap_pyfunction!(report::parse_activities_json, m)?)?;
    m.add_function(wrap_pyfunction!(domain::parse_id, m)?)?;
    m.add_function(wrap_pyfunction!(domain::parse_modality, m)?)?;
    m.add_function(wrap_pyfunction!(domain::vocabulary, m)?)?;
    m.add_function(wrap_pyfunction!(domain::vocabulary_names, m)?)?;
    m.add_function(wrap_pyfunction!(domain::mission_profile, m)?)?;
    m.add_function(wrap_pyfunction!(domain::referral_transition, m)?)?;
    m.add_function(wrap_pyfunction!(domain::indicator_catalogue, m)?)?;
    m.add_function(wrap_pyfunction!(domain::activity_counts, m)?)?;
    m.add_function(wrap_pyfunction!(domain::interviews_per_patient, m)?)?;
    m.add_function(wrap_pyfunction!(domain::remote_share, m)?)?;
    m.add_function(wrap_pyfunction!(domain::referral_delay, m)?)?;
    m.add_function(wrap_pyfunction!(domain::referral_sources, m)?)?;
    m.add_function(wrap_pyfunction!(domain::orientation_rate, m)?)?;
    m.add_function(wrap_pyfunction!(domain::decline_rate, m)?)?;
    m.add_function(wrap_pyfunction!(domain::extra_clinical_activities, m)?)?;
    // Not in `__all__`: a test hook, not part of the API.
    m.setattr("_panic_for_tests", wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
