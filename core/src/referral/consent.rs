//! The patient's consent to meet a patient partner.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

crate::bilingual_enum! {
    /// The status of a consent, without its date.
    pub enum ConsentStatus {
        /// The patient agreed to meet a patient partner.
        Given => "given", "given", "donné",
        /// The patient refused.
        Refused => "refused", "refused", "refusé",
        /// Nobody has asked yet.
        NotAsked => "not_asked", "not asked", "non recueilli",
    }
}

/// The patient's consent to be put in touch with a patient partner, with the day it was
/// collected.
///
/// On the wire: `{"status": "given", "date": "2023-01-09"}`, `{"status": "refused", "date":
/// ...}` or `{"status": "not_asked"}`. The sources do not describe consent; our rule (see
/// [`crate::referral::lifecycle`]) is that a referral can only be assigned to a partner once
/// consent is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Consent {
    /// Given on `date`.
    Given {
        /// The day consent was collected.
        date: NaiveDate,
    },
    /// Refused on `date`.
    Refused {
        /// The day the refusal was collected.
        date: NaiveDate,
    },
    /// Not asked yet.
    #[default]
    NotAsked,
}

impl Consent {
    /// The status, without the date.
    pub fn status(&self) -> ConsentStatus {
        match self {
            Consent::Given { .. } => ConsentStatus::Given,
            Consent::Refused { .. } => ConsentStatus::Refused,
            Consent::NotAsked => ConsentStatus::NotAsked,
        }
    }

    /// The day it was collected, if it was.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Consent::Given { date } | Consent::Refused { date } => Some(*date),
            Consent::NotAsked => None,
        }
    }
}
