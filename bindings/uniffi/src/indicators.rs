//! Indicators: the catalogue of definitions and each indicator's value, as the core's JSON
//! (counts, ratios `{"numerator", "denominator", "value"}`, delays…).

use std::sync::Arc;

use patient_partner as pp;
use patient_partner::indicators;

use crate::error::{guard, FfiResult};
use crate::journal::Journal;
use crate::values::{from_json, to_core_interviews, to_json, Interview, Period};

/// The built-in indicator catalogue (ids, English and French names, definitions, units), as
/// JSON text.
#[uniffi::export]
pub fn indicator_catalogue_json() -> FfiResult<String> {
    guard(|| Ok(to_json(indicators::IndicatorCatalogue::builtin())))
}

fn with_interviews(
    interviews: Vec<Interview>,
    period: Period,
    f: impl FnOnce(&[pp::Interview], &pp::report::Period) -> String,
) -> FfiResult<String> {
    guard(|| {
        let interviews = to_core_interviews(interviews)?;
        let period = pp::report::Period::try_from(period)?;
        Ok(f(&interviews, &period))
    })
}

fn with_journal(
    journal: Arc<Journal>,
    period: Period,
    f: impl FnOnce(&pp::Journal, &pp::report::Period) -> String,
) -> FfiResult<String> {
    guard(|| {
        let period = pp::report::Period::try_from(period)?;
        Ok(journal.with_core(|j| f(j, &period)))
    })
}

/// Interviews by modality, total and distinct patients in the period (JSON).
#[uniffi::export]
pub fn indicator_activity_counts_json(
    interviews: Vec<Interview>,
    period: Period,
) -> FfiResult<String> {
    with_interviews(interviews, period, |i, p| {
        to_json(&indicators::activity_counts(i, p))
    })
}

/// Interviews per patient in the period (a ratio, JSON).
#[uniffi::export]
pub fn indicator_interviews_per_patient_json(
    interviews: Vec<Interview>,
    period: Period,
) -> FfiResult<String> {
    with_interviews(interviews, period, |i, p| {
        to_json(&indicators::interviews_per_patient(i, p))
    })
}

/// Remote share (phone + video over total) in the period (a ratio, JSON).
#[uniffi::export]
pub fn indicator_remote_share_json(
    interviews: Vec<Interview>,
    period: Period,
) -> FfiResult<String> {
    with_interviews(interviews, period, |i, p| {
        to_json(&indicators::remote_share(i, p))
    })
}

/// Delay from referral to first interview: median and 90th percentile in days (JSON).
#[uniffi::export]
pub fn indicator_referral_delay_json(journal: Arc<Journal>, period: Period) -> FfiResult<String> {
    with_journal(journal, period, |j, p| {
        to_json(&indicators::referral_delay(j, p))
    })
}

/// Share of referrals by source (JSON).
#[uniffi::export]
pub fn indicator_referral_sources_json(journal: Arc<Journal>, period: Period) -> FfiResult<String> {
    with_journal(journal, period, |j, p| {
        to_json(&indicators::referral_sources(j, p))
    })
}

/// Orientation rate (a ratio, JSON).
#[uniffi::export]
pub fn indicator_orientation_rate_json(journal: Arc<Journal>, period: Period) -> FfiResult<String> {
    with_journal(journal, period, |j, p| {
        to_json(&indicators::orientation_rate(j, p))
    })
}

/// Decline rate (a ratio, JSON).
#[uniffi::export]
pub fn indicator_decline_rate_json(journal: Arc<Journal>, period: Period) -> FfiResult<String> {
    with_journal(journal, period, |j, p| {
        to_json(&indicators::decline_rate(j, p))
    })
}

/// Extra-clinical activities by mission category in the period, for activities given as JSON
/// text (a list of activity documents) (JSON).
#[uniffi::export]
pub fn indicator_extra_clinical_activities_json(
    activities: String,
    period: Period,
) -> FfiResult<String> {
    guard(|| {
        let activities: Vec<pp::Activity> =
            from_json("list of Activity", "activities", &activities)?;
        let period = pp::report::Period::try_from(period)?;
        Ok(to_json(&indicators::extra_clinical_activities(
            &activities,
            &period,
        )))
    })
}
