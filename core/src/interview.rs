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
use crate::located::{ErrorKind, Located};
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
            _ => Err(UnknownValue::unknown(
                Self::TYPE_NAME,
                s,
                vec![
                    "in_person",
                    "phone",
                    "video",
                    "présentiel",
                    "téléphone",
                    "visio",
                ],
            )),
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
    /// (see [`Interview::validate`]).
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

    /// Checks the interview's own rules, the one place they are written: a recorded
    /// duration is from 1 to [`MAX_INTERVIEW_MINUTES`] minutes. The journal, the importers
    /// and the bindings call it for every interview they accept. The error's entity is the
    /// interview's id when it has one, and its field `duration_minutes`.
    ///
    /// ```
    /// # use patient_partner::{Interview, Modality, PartnerId, PatientId};
    /// # use chrono::NaiveDate;
    /// let mut i = Interview::new(NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
    ///     PartnerId::new("PP-001").unwrap(), PatientId::new("PAT-1").unwrap(), Modality::Video);
    /// assert!(i.validate().is_ok());
    /// i.duration_minutes = Some(0);
    /// assert_eq!(i.validate().unwrap_err().code(), "zero_duration");
    /// i.duration_minutes = Some(1441);
    /// assert_eq!(i.validate().unwrap_err().code(), "duration_too_long");
    /// ```
    pub fn validate(&self) -> Result<(), InterviewError> {
        match self.duration_minutes {
            None => Ok(()),
            Some(minutes) => Self::check_duration(minutes).map_err(|e| match &self.id {
                Some(id) => e.entity(id.as_str()),
                None => e,
            }),
        }
    }

    /// Parses one interview from JSON (the serde form: `date` ISO, `partner`, `patient`,
    /// `modality` wire name, optional `id`, `referral`, `duration_minutes`,
    /// `establishment`; unknown fields refused) and validates it; `malformed_document`,
    /// with the line and column, when the text is not an interview.
    ///
    /// ```
    /// use patient_partner::Interview;
    /// let i = Interview::from_json(
    ///     r#"{"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-1", "modality": "video"}"#)?;
    /// assert_eq!(i.partner.as_str(), "PP-A");
    /// assert_eq!(Interview::from_json("{}").unwrap_err().code(), "malformed_document");
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Self, InterviewError> {
        let interview: Interview = serde_json::from_str(text).map_err(|e| {
            InterviewError::new(InterviewErrorKind::MalformedDocument {
                message: crate::text::short_message(&e.to_string()),
            })
            .at_json(&e)
        })?;
        interview.validate()?;
        Ok(interview)
    }

    /// The duration rule alone, for readers that check a row before building an
    /// [`Interview`] (the streaming CSV import): from 1 to [`MAX_INTERVIEW_MINUTES`].
    ///
    /// ```
    /// use patient_partner::Interview;
    /// assert!(Interview::check_duration(45).is_ok());
    /// assert_eq!(Interview::check_duration(0).unwrap_err().code(), "zero_duration");
    /// ```
    pub fn check_duration(minutes: u32) -> Result<(), InterviewError> {
        let kind = match minutes {
            0 => InterviewErrorKind::ZeroDuration,
            m if m > MAX_INTERVIEW_MINUTES => InterviewErrorKind::DurationTooLong { minutes },
            _ => return Ok(()),
        };
        Err(InterviewError::new(kind).field("duration_minutes"))
    }
}

/// What was wrong with an interview.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InterviewErrorKind {
    /// A recorded duration of 0 minutes.
    #[error("an interview duration must be at least one minute")]
    ZeroDuration,
    /// A recorded duration longer than [`MAX_INTERVIEW_MINUTES`].
    #[error("interview duration of {minutes} minutes: expected 1 to {max}", max = MAX_INTERVIEW_MINUTES)]
    DurationTooLong {
        /// The duration given.
        minutes: u32,
    },
    /// The text is not valid JSON or not an interview (unknown field, missing field, wrong
    /// type); the context holds the line and column.
    #[error("malformed interview: {message}")]
    MalformedDocument {
        /// The JSON reader's message (cut, escaped).
        message: String,
    },
}

impl ErrorKind for InterviewErrorKind {
    fn code(&self) -> &'static str {
        match self {
            InterviewErrorKind::ZeroDuration => "zero_duration",
            InterviewErrorKind::DurationTooLong { .. } => "duration_too_long",
            InterviewErrorKind::MalformedDocument { .. } => "malformed_document",
        }
    }
}

/// An interview was rejected: a kind, and where (entity: its id when it has one; field).
pub type InterviewError = Located<InterviewErrorKind>;
