//! Referrals: validation and the lifecycle, on the typed records of [`crate::records`]
//! (`Referral`, `ReferralEvent`, `Consent`, `ReferralTransition`) and the `ReferralState`
//! enum. The JSON readers and writers at the end serve files and documents only.

use chrono::NaiveDate;
#[cfg(feature = "json")]
use patient_partner as pp;
use patient_partner::ids::PartnerId;
use patient_partner::referral::{
    Consent, Referral, ReferralEvent, ReferralLifecycle, ReferralState, ReferralTransition,
};

use crate::error::{core, guard, FfiResult};
use crate::records::count;
#[cfg(feature = "json")]
use crate::values::{from_json, to_json};

/// Checks a referral on its own (core: `Referral::validate`): no need listed twice
/// (`duplicate_need`), consent not dated after the receipt (`consent_after_record`).
#[uniffi::export]
pub fn validate_referral(referral: Referral) -> FfiResult<()> {
    guard(|| referral.validate().map_err(core))
}

/// The state a referral in state `from` reaches with `event`, given the current `consent`
/// (core: `ReferralState::next`). No date rule is checked: a journal or
/// `referralHistory` checks those.
#[uniffi::export]
pub fn referral_next_state(
    from: ReferralState,
    event: ReferralEvent,
    consent: Consent,
) -> FfiResult<ReferralState> {
    guard(|| from.next(&event, &consent).map_err(core))
}

/// Where a referral stands after a list of transitions.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReferralHistory {
    /// The current state.
    pub state: ReferralState,
    /// The current consent.
    pub consent: Consent,
    /// The date of the last transition (the receipt date if none).
    pub last_date: NaiveDate,
    /// How many transitions were applied.
    pub transitions: i64,
    /// The partner it was last assigned to, if ever.
    pub partner: Option<PartnerId>,
}

impl From<&ReferralLifecycle> for ReferralHistory {
    fn from(lifecycle: &ReferralLifecycle) -> Self {
        ReferralHistory {
            state: lifecycle.state(),
            consent: lifecycle.consent(),
            last_date: lifecycle.last_date(),
            transitions: count(lifecycle.history().len()),
            partner: lifecycle.partner().cloned(),
        }
    }
}

/// Applies `transitions` in order to the lifecycle of `referral` (validated first); stops at
/// the first refused one with its typed error (core: `ReferralLifecycle::apply`).
#[uniffi::export]
pub fn referral_history(
    referral: Referral,
    transitions: Vec<ReferralTransition>,
) -> FfiResult<ReferralHistory> {
    guard(|| {
        referral.validate().map_err(core)?;
        let mut lifecycle = ReferralLifecycle::new(&referral);
        for t in &transitions {
            lifecycle.apply(t).map_err(core)?;
        }
        Ok(ReferralHistory::from(&lifecycle))
    })
}

/// Reads a referral document (JSON text, schema `core/schemas/referral.schema.json`) and
/// validates it; `malformed_document` with the line and column when it is not one.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn referral_from_json(text: String) -> FfiResult<Referral> {
    guard(|| pp::Referral::from_json(&text).map_err(core))
}

/// A referral as the core's JSON document.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn referral_to_json(referral: Referral) -> String {
    to_json(&referral)
}

/// Reads one referral event (JSON text, `{"kind": "assign", "partner": "PP-001"}`…).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn referral_event_from_json(text: String) -> FfiResult<ReferralEvent> {
    guard(|| from_json("ReferralEvent", "event", &text))
}

/// Reads a consent (JSON text, `{"status": "given", "date": "2023-01-10"}`…).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn consent_from_json(text: String) -> FfiResult<Consent> {
    guard(|| from_json("Consent", "consent", &text))
}

/// Reads a list of dated transitions (JSON text, `[{"referral", "date", "event"}, …]`).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn referral_transitions_from_json(text: String) -> FfiResult<Vec<ReferralTransition>> {
    guard(|| from_json("list of ReferralTransition", "transitions", &text))
}

/// A consent as the core's JSON.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn consent_to_json(consent: Consent) -> String {
    to_json(&consent)
}
