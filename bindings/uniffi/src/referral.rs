//! Referrals: validation and the lifecycle. Events, consents and transitions cross as the
//! core's JSON (`{"kind": "assign", "partner": "PP-001"}`…); states as wire names.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::referral::{Consent, ReferralEvent, ReferralLifecycle, ReferralState};
use patient_partner::Vocabulary;

use crate::error::{core, guard, FfiResult};
use crate::values::{from_json, to_json};

/// Validates a referral document (JSON text) and returns it as the core serialises it.
#[uniffi::export]
pub fn validate_referral_json(referral: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&pp::Referral::from_json(&referral)?)))
}

/// The state (wire name) a referral in state `from` reaches with `event` (JSON text of a
/// `ReferralEvent`), given the current `consent` (JSON text of a `Consent`; default
/// `{"status": "not_asked"}`). No date rule is checked.
#[uniffi::export]
pub fn referral_next_state(
    from: String,
    event: String,
    consent: Option<String>,
) -> FfiResult<String> {
    guard(|| {
        let from: ReferralState = from.parse().map_err(core)?;
        let event: ReferralEvent = from_json("ReferralEvent", "event", &event)?;
        let consent: Consent = match consent {
            Some(text) => from_json("Consent", "consent", &text)?,
            None => Consent::default(),
        };
        Ok(from
            .next(&event, &consent)
            .map_err(core)?
            .wire_name()
            .to_owned())
    })
}

/// Where a referral stands after a list of transitions.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReferralHistory {
    /// The current state (wire name).
    pub state: String,
    /// The current consent, as the core's JSON (`{"status": "given", "date": ...}`).
    pub consent_json: String,
    /// The date of the last transition (the receipt date if none).
    pub last_date: NaiveDate,
    /// How many transitions were applied.
    pub transitions: u64,
    /// The partner it was last assigned to, if ever.
    pub partner: Option<String>,
}

/// Applies `transitions` (JSON text of a list of `ReferralTransition`) in order to the
/// lifecycle of `referral` (a referral document, JSON text); stops at the first refused one
/// with its typed error.
#[uniffi::export]
pub fn referral_history(referral: String, transitions: String) -> FfiResult<ReferralHistory> {
    guard(|| {
        let referral = pp::Referral::from_json(&referral)?;
        let transitions: Vec<pp::ReferralTransition> =
            from_json("list of ReferralTransition", "transitions", &transitions)?;
        let mut lifecycle = ReferralLifecycle::new(&referral);
        for t in &transitions {
            lifecycle.apply(t).map_err(core)?;
        }
        Ok(ReferralHistory {
            state: lifecycle.state().wire_name().to_owned(),
            consent_json: to_json(&lifecycle.consent()),
            last_date: lifecycle.last_date(),
            transitions: u64::try_from(lifecycle.history().len()).unwrap_or(u64::MAX),
            partner: lifecycle.partner().map(|p| p.as_str().to_owned()),
        })
    })
}
