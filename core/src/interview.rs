//! Interviews (*entretiens*): a patient partner receives a patient.
//!
//! An [`Interview`] is the unit the activity tables count (BRIEF §5): one patient, one
//! partner, one date, one [`Modality`]. It may belong to a referral and may record its
//! duration and the establishment where it took place.
//!
//! ```
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let i = Interview::new(
//!     NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
//!     PartnerId::new("PP-001").unwrap(),
//!     PatientId::new("PAT-0001").unwrap(),
//!     Modality::Phone,
//! );
//! assert_eq!(i.modality.label_fr(), "téléphone");
//! assert!(i.referral.is_none());
//! # use patient_partner::Vocabulary;
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::{EstablishmentId, InterviewId, PartnerId, PatientId, ReferralId};
use crate::vocabulary::{UnknownValue, Vocabulary};

crate::bilingual_enum! {
    /// How an interview took place.
    pub enum Modality {
        /// Face to face, in the establishment or elsewhere.
        InPerson => "in_person", "in person", "présentiel",
        /// By telephone.
        Phone => "phone", "phone", "téléphone",
        /// By video call.
        Video => "video", "video", "visio",
    }
}

impl Modality {
    /// Parses a modality as people write it in logs: the wire name (`in_person`, `phone`,
    /// `video`) or the French label (`présentiel`, `téléphone`, `visio`, also without
    /// accents), ignoring case and surrounding white space.
    ///
    /// ```
    /// use patient_partner::Modality;
    /// assert_eq!(Modality::parse_lenient(" Présentiel ").unwrap(), Modality::InPerson);
    /// assert_eq!(Modality::parse_lenient("telephone").unwrap(), Modality::Phone);
    /// assert!(Modality::parse_lenient("fax").is_err());
    /// ```
    pub fn parse_lenient(s: &str) -> Result<Self, UnknownValue> {
        let folded: String = s
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'é' | 'è' | 'ê' => 'e',
                other => other,
            })
            .collect();
        match folded.as_str() {
            "in_person" | "presentiel" => Ok(Modality::InPerson),
            "phone" | "telephone" => Ok(Modality::Phone),
            "video" | "visio" => Ok(Modality::Video),
            _ => Err(UnknownValue {
                type_name: Self::TYPE_NAME,
                value: crate::text::short(s),
                expected: vec![
                    "in_person",
                    "phone",
                    "video",
                    "présentiel",
                    "téléphone",
                    "visio",
                ],
            }),
        }
    }
}

/// The longest interview duration accepted, in minutes (one day).
pub const MAX_INTERVIEW_MINUTES: u32 = 24 * 60;

/// One interview of a patient partner with a patient.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// The interview's own identifier, when the source log has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<InterviewId>,
    /// The day it took place.
    pub date: NaiveDate,
    /// The patient partner who held it.
    pub partner: PartnerId,
    /// The patient, by pseudonym.
    pub patient: PatientId,
    /// In person, by phone or by video.
    pub modality: Modality,
    /// The referral it answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<ReferralId>,
    /// Its duration in minutes, if recorded: from 1 to [`MAX_INTERVIEW_MINUTES`]
    /// (see [`Interview::has_valid_duration`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    /// The establishment where it was held, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment: Option<EstablishmentId>,
}

impl Interview {
    /// An interview with the four required fields and no optional ones.
    pub fn new(
        date: NaiveDate,
        partner: PartnerId,
        patient: PatientId,
        modality: Modality,
    ) -> Self {
        Interview {
            id: None,
            date,
            partner,
            patient,
            modality,
            referral: None,
            duration_minutes: None,
            establishment: None,
        }
    }

    /// Whether the recorded duration, if any, is plausible: absent, or from 1 to
    /// [`MAX_INTERVIEW_MINUTES`] minutes. The journal and the importers reject the others.
    ///
    /// ```
    /// # use patient_partner::{Interview, Modality, PartnerId, PatientId};
    /// # use chrono::NaiveDate;
    /// let mut i = Interview::new(NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
    ///     PartnerId::new("PP-001").unwrap(), PatientId::new("PAT-1").unwrap(), Modality::Video);
    /// assert!(i.has_valid_duration());
    /// i.duration_minutes = Some(0);
    /// assert!(!i.has_valid_duration());
    /// ```
    pub fn has_valid_duration(&self) -> bool {
        self.duration_minutes
            .is_none_or(|m| (1..=MAX_INTERVIEW_MINUTES).contains(&m))
    }
}
