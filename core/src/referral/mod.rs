//! Referrals (*adressages*): a professional sends a patient to a patient partner.
//!
//! A [`Referral`] records who referred the patient ([`ReferralSource`]: the referring
//! physician, or a care-team professional with their [`Profession`]), the [`Need`]s to
//! address, the [`PathwayStage`] the patient is at and the patient's [`Consent`]. Its
//! [`lifecycle`] (received → assigned → in progress → closed, or declined, or cancelled) is
//! validated transition by transition; a closed referral records where the patient was
//! oriented ([`Orientation`]). Patients appear by pseudonymous [`PatientId`] only.
//!
//! One purpose per file: [`source`] (who referred, professions), [`need`] (needs, pathway
//! stages), [`arrangement`] (where and how long), [`consent`], [`orientation`], [`lifecycle`] (states, events, transition rules),
//! [`error`].
//!
//! ```
//! use patient_partner::referral::{Referral, ReferralSource, Need, PathwayStage, Consent, Profession};
//! use patient_partner::{PatientId, ReferralId};
//! use chrono::NaiveDate;
//! let referral = Referral {
//!     id: ReferralId::new("REF-001")?,
//!     patient: PatientId::new("PAT-0001")?,
//!     received: NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
//!     source: ReferralSource::CareTeam { profession: Profession::Nurse, professional: None },
//!     needs: vec![Need::PathwayNavigation, Need::ExperienceSharing],
//!     stage: PathwayStage::Treatment,
//!     consent: Consent::Given { date: NaiveDate::from_ymd_opt(2023, 1, 9).unwrap() },
//!     establishment: None,
//!     setting: None,
//!     follow_up: None,
//! };
//! referral.validate()?;
//! # Ok::<(), patient_partner::Error>(())
//! ```

pub mod arrangement;
pub mod consent;
pub mod error;
pub mod lifecycle;
pub mod need;
pub mod orientation;
pub mod source;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::{EstablishmentId, PatientId, ReferralId};

pub use arrangement::{FollowUp, Setting};
pub use consent::{Consent, ConsentStatus};
pub use error::{ReferralError, ReferralErrorKind};
pub use lifecycle::{
    DeclineReason, ReferralEvent, ReferralEventKind, ReferralLifecycle, ReferralOutcome,
    ReferralState, ReferralTransition,
};
pub use need::{Need, PathwayStage};
pub use orientation::{Orientation, Resource};
pub use source::{Profession, ReferralSource};

/// A referral of a patient to a patient partner, as received.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// The referral's identifier.
    pub id: ReferralId,
    /// The patient, by pseudonym.
    pub patient: PatientId,
    /// The day it was received.
    pub received: NaiveDate,
    /// Who referred the patient.
    pub source: ReferralSource,
    /// What the patient needs (may be empty when the referrer did not say; no repeats).
    #[serde(default)]
    pub needs: Vec<Need>,
    /// Where the patient is in the care pathway.
    pub stage: PathwayStage,
    /// The patient's consent to meet a patient partner, as known on receipt (`not_asked`
    /// when absent).
    #[serde(default)]
    pub consent: Consent,
    /// The establishment that received it, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment: Option<EstablishmentId>,
    /// Inside or outside the establishment, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setting: Option<Setting>,
    /// One-off or long-term follow-up, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
}

impl Referral {
    /// Checks the referral on its own: no need listed twice (`duplicate_need`, field
    /// `needs`), and a consent not dated after the receipt (`consent_after_record`, field
    /// `consent`). The error's entity is the referral id.
    pub fn validate(&self) -> Result<(), ReferralError> {
        let entity = self.id.as_str();
        for (i, need) in self.needs.iter().enumerate() {
            if self.needs.iter().take(i).any(|earlier| earlier == need) {
                return Err(
                    ReferralError::new(ReferralErrorKind::DuplicateNeed { need: *need })
                        .field("needs")
                        .entity(entity),
                );
            }
        }
        if let Some(consent_date) = self.consent.date() {
            if consent_date > self.received {
                return Err(ReferralError::new(ReferralErrorKind::ConsentAfterRecord {
                    consent_date,
                    recorded: self.received,
                })
                .field("consent")
                .entity(entity));
            }
        }
        Ok(())
    }

    /// Parses a referral from JSON and validates it (`malformed_document`, with the line
    /// and column, when the text is not a referral).
    pub fn from_json(text: &str) -> Result<Self, ReferralError> {
        let referral: Referral = serde_json::from_str(text).map_err(|e| {
            ReferralError::new(ReferralErrorKind::MalformedDocument {
                message: crate::text::short_message(&e.to_string()),
            })
            .at_json(&e)
        })?;
        referral.validate()?;
        Ok(referral)
    }
}
