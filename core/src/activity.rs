//! Activities: what a patient partner does besides interviews (a support group, an ETP
//! workshop, a committee, a training session…), one record per occurrence.
//!
//! An [`Activity`] has a date, a partner, a [`Mission`], an
//! [`ActivityModality`], a duration, the number of participants for group missions and the
//! professional who co-animated it, if any. [`Activity::validate`] enforces:
//! - `duration_minutes` is at least 1 (`zero_duration`) and at most 1440, one day
//!   (`duration_too_long`);
//! - a group mission ([`MissionFormat::Group`]) states its participants
//!   (`participants_required`);
//! - a participant count, when given, is at least 1 (`zero_participants`);
//! - a therapeutic patient education workshop is co-animated with a professional
//!   (`co_animator_required`): the sources describe ETP workshops as "co-animated with
//!   professionals".
//!
//! Errors carry the activity id as `entity` and the field (`duration_minutes`,
//! `participants`, `co_animator`).
//!
//! ```
//! use patient_partner::activity::{Activity, ActivityModality};
//! use patient_partner::mission::Mission;
//! use patient_partner::{ActivityId, PartnerId};
//! use chrono::NaiveDate;
//! let mut group = Activity::new(
//!     ActivityId::new("ACT-001")?,
//!     NaiveDate::from_ymd_opt(2023, 5, 4).unwrap(),
//!     PartnerId::new("PP-001")?,
//!     Mission::SupportGroup,
//!     ActivityModality::InPerson,
//!     90,
//! );
//! assert_eq!(group.validate().unwrap_err().code(), "participants_required");
//! group.participants = Some(8);
//! group.validate()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::engagement::Participation;
use crate::ids::{ActivityId, EstablishmentId, PartnerId, ProfessionalId};
use crate::located::{ErrorKind, Located};
use crate::mission::{Mission, MissionFormat};
use crate::referral::Profession;

/// The longest activity accepted, in minutes (one day).
pub const MAX_ACTIVITY_MINUTES: u32 = 24 * 60;

crate::bilingual_enum! {
    /// How an activity took place. Unlike an interview's [`Modality`](crate::Modality), a
    /// group activity may be hybrid.
    pub enum ActivityModality {
        /// Everyone in the same room.
        InPerson => "in_person", "in person", "présentiel",
        /// By video call.
        Video => "video", "video", "visio",
        /// By telephone (conference call).
        Phone => "phone", "phone", "téléphone",
        /// Some in the room, some remote.
        Hybrid => "hybrid", "hybrid", "hybride",
    }
}

/// The professional who co-animated an activity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoAnimator {
    /// The professional, by pseudonym.
    pub professional: ProfessionalId,
    /// Their profession.
    pub profession: Profession,
}

/// One occurrence of an activity of a patient partner.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The activity's identifier.
    pub id: ActivityId,
    /// The day it took place.
    pub date: NaiveDate,
    /// The patient partner (or other engaged person) who took part.
    pub partner: PartnerId,
    /// What it was for.
    pub mission: Mission,
    /// In person, remote or hybrid.
    pub modality: ActivityModality,
    /// How long it lasted, in minutes (1 to 1440).
    pub duration_minutes: u32,
    /// How many people took part besides the partner (required for group missions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    /// The professional who co-animated it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_animator: Option<CoAnimator>,
    /// How the partner took part, when it differs from the mission's usual participation
    /// (see [`crate::engagement::RoleCatalogue::classify_activity`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participation: Option<Participation>,
    /// The establishment where it took place, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment: Option<EstablishmentId>,
}

impl Activity {
    /// An activity with the required fields and no optional ones.
    pub fn new(
        id: ActivityId,
        date: NaiveDate,
        partner: PartnerId,
        mission: Mission,
        modality: ActivityModality,
        duration_minutes: u32,
    ) -> Self {
        Activity {
            id,
            date,
            partner,
            mission,
            modality,
            duration_minutes,
            participants: None,
            co_animator: None,
            participation: None,
            establishment: None,
        }
    }

    /// Checks the rules of the [module](self).
    pub fn validate(&self) -> Result<(), ActivityError> {
        let fail = |kind, field: &str| {
            Err(ActivityError::new(kind)
                .entity(self.id.as_str())
                .field(field))
        };
        if self.duration_minutes == 0 {
            return fail(ActivityErrorKind::ZeroDuration, "duration_minutes");
        }
        if self.duration_minutes > MAX_ACTIVITY_MINUTES {
            return fail(
                ActivityErrorKind::DurationTooLong {
                    minutes: self.duration_minutes,
                },
                "duration_minutes",
            );
        }
        match (self.mission.format(), self.participants) {
            (_, Some(0)) => return fail(ActivityErrorKind::ZeroParticipants, "participants"),
            (MissionFormat::Group, None) => {
                return fail(
                    ActivityErrorKind::ParticipantsRequired {
                        mission: self.mission,
                    },
                    "participants",
                )
            }
            _ => {}
        }
        if self.mission == Mission::TherapeuticEducationWorkshop && self.co_animator.is_none() {
            return fail(
                ActivityErrorKind::CoAnimatorRequired {
                    mission: self.mission,
                },
                "co_animator",
            );
        }
        Ok(())
    }

    /// Parses an activity from JSON and validates it (`malformed_document`, with the line
    /// and column, when the text is not an activity).
    pub fn from_json(text: &str) -> Result<Self, ActivityError> {
        let activity: Activity = serde_json::from_str(text).map_err(|e| {
            ActivityError::new(ActivityErrorKind::MalformedDocument {
                message: crate::text::short_message(&e.to_string()),
            })
            .at_json(&e)
        })?;
        activity.validate()?;
        Ok(activity)
    }
}

/// What was wrong with an activity.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ActivityErrorKind {
    /// A duration of 0 minutes.
    #[error("the duration must be at least one minute")]
    ZeroDuration,
    /// Longer than [`MAX_ACTIVITY_MINUTES`].
    #[error("{minutes} minutes is more than one day")]
    DurationTooLong {
        /// The duration given.
        minutes: u32,
    },
    /// A group mission without a participant count.
    #[error("a {mission} must state its number of participants")]
    ParticipantsRequired {
        /// The group mission.
        mission: Mission,
    },
    /// A participant count of 0.
    #[error("the number of participants must be at least 1")]
    ZeroParticipants,
    /// A mission that must be co-animated with a professional, without one.
    #[error("a {mission} is co-animated with a professional: co_animator is required")]
    CoAnimatorRequired {
        /// The mission.
        mission: Mission,
    },
    /// The text is not valid JSON or not an activity (unknown field, missing field, wrong
    /// type); the context holds the line and column.
    #[error("malformed activity: {message}")]
    MalformedDocument {
        /// The JSON reader's message (cut, escaped).
        message: String,
    },
}

impl ErrorKind for ActivityErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ActivityErrorKind::ZeroDuration => "zero_duration",
            ActivityErrorKind::DurationTooLong { .. } => "duration_too_long",
            ActivityErrorKind::ParticipantsRequired { .. } => "participants_required",
            ActivityErrorKind::ZeroParticipants => "zero_participants",
            ActivityErrorKind::CoAnimatorRequired { .. } => "co_animator_required",
            ActivityErrorKind::MalformedDocument { .. } => "malformed_document",
        }
    }
}

/// An activity was rejected: a kind, and where (entity: the activity id; field; line and
/// column for malformed JSON, or the row of a file when an importer read it).
pub type ActivityError = Located<ActivityErrorKind>;

#[cfg(test)]
mod tests {
    use super::*;

    fn activity(mission: Mission) -> Activity {
        Activity::new(
            ActivityId::new("ACT-1").unwrap(),
            NaiveDate::from_ymd_opt(2023, 5, 4).unwrap(),
            PartnerId::new("PP-001").unwrap(),
            mission,
            ActivityModality::Video,
            60,
        )
    }

    #[test]
    fn rules() {
        let mut a = activity(Mission::CommitteeParticipation);
        assert!(a.validate().is_ok());
        a.duration_minutes = 0;
        assert_eq!(a.validate().unwrap_err().code(), "zero_duration");
        a.duration_minutes = MAX_ACTIVITY_MINUTES + 1;
        let err = a.validate().unwrap_err();
        assert_eq!(err.code(), "duration_too_long");
        assert_eq!(err.context().entity.as_deref(), Some("ACT-1"));
        a.duration_minutes = MAX_ACTIVITY_MINUTES;
        a.participants = Some(0);
        assert_eq!(a.validate().unwrap_err().code(), "zero_participants");

        let mut etp = activity(Mission::TherapeuticEducationWorkshop);
        etp.participants = Some(6);
        assert_eq!(etp.validate().unwrap_err().code(), "co_animator_required");
        etp.co_animator = Some(CoAnimator {
            professional: ProfessionalId::new("PRO-017").unwrap(),
            profession: Profession::Nurse,
        });
        assert!(etp.validate().is_ok());
        etp.participants = None;
        assert_eq!(etp.validate().unwrap_err().code(), "participants_required");
    }
}
