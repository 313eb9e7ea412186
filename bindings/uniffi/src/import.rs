//! Import: interview logs (typed), referrals and activities (the core's JSON) from CSV or JSON
//! text. A bad row rejects the whole import with an `Import` error naming its line and column.

use patient_partner::import;

use crate::error::{core, guard, FfiResult};
use crate::values::{from_core_interviews, to_json, Interview};

/// Reads an interview log from CSV text (`date,partner,patient,modality`, optional
/// `referral,duration_minutes,establishment`; `,` or `;`; ISO or `dd/mm/yyyy` dates; modality
/// wire name or French label).
#[uniffi::export]
pub fn read_interviews_csv(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list = import::read_interviews_csv_str(&text).map_err(core)?;
        Ok(from_core_interviews(&list))
    })
}

/// Reads an interview log from JSON text (an array of interviews, or `{"interviews": [...]}`).
#[uniffi::export]
pub fn read_interviews_json(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list = import::read_interviews_json(&text).map_err(core)?;
        Ok(from_core_interviews(&list))
    })
}

/// Reads referrals from CSV text; returns them as the core's JSON (a list of referrals).
#[uniffi::export]
pub fn read_referrals_csv_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_referrals_csv(text.as_bytes())?)))
}

/// Reads referrals from JSON text; returns them as the core's JSON (a list of referrals).
#[uniffi::export]
pub fn read_referrals_json_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_referrals_json(&text)?)))
}

/// Reads activities from CSV text; returns them as the core's JSON (a list of activities).
#[uniffi::export]
pub fn read_activities_csv_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_activities_csv(text.as_bytes())?)))
}

/// Reads activities from JSON text; returns them as the core's JSON (a list of activities).
#[uniffi::export]
pub fn read_activities_json_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_activities_json(&text)?)))
}
