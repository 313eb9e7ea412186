//! The core's referral and activity types, exposed as they are where uniffi allows it
//! (`#[uniffi::remote(Record)]`, `#[uniffi::remote(Enum)]`: no mirror, no conversion), and the
//! one mirror record kept on purpose, [`Activity`] (its counts are signed in Kotlin and Swift,
//! as those languages expect, while the core's are unsigned; the conversion refuses a
//! negative value with `InvalidArgument` kind `integer_out_of_range`).
//!
//! Enums with data become Kotlin sealed classes and Swift enums with associated values:
//! `ReferralEvent.Assign(partner)`, `ReferralEvent.Start`, `ReferralEvent.Close(outcome,
//! orientations)`…; `Consent.Given(date)`; `ReferralSource.CareTeam(profession,
//! professional)`; `Orientation.Professional(profession)`.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::activity::CoAnimator;
use patient_partner::engagement::Participation;
use patient_partner::ids::{
    ActivityId, EstablishmentId, PartnerId, PatientId, ProfessionalId, ReferralId,
};
use patient_partner::mission::Mission;
use patient_partner::referral::{
    Consent, DeclineReason, FollowUp, Need, Orientation, PathwayStage, Profession, Referral,
    ReferralEvent, ReferralOutcome, ReferralSource, ReferralTransition, Resource, Setting,
};
use patient_partner::ActivityModality;

use crate::error::{FfiResult, PatientPartnerError};

/// A referral of a patient to a patient partner, as received.
#[uniffi::remote(Record)]
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
    pub needs: Vec<Need>,
    /// Where the patient is in the care pathway.
    pub stage: PathwayStage,
    /// The patient's consent to meet a patient partner, as known on receipt.
    pub consent: Consent,
    /// The establishment that received it, if recorded.
    #[uniffi(default = None)]
    pub establishment: Option<EstablishmentId>,
    /// Inside or outside the establishment, if stated.
    #[uniffi(default = None)]
    pub setting: Option<Setting>,
    /// One-off or long-term follow-up, if stated.
    #[uniffi(default = None)]
    pub follow_up: Option<FollowUp>,
}

/// Who sent the patient to a patient partner.
#[uniffi::remote(Enum)]
pub enum ReferralSource {
    /// The patient's referring physician (French: *médecin référent*).
    ReferringPhysician {
        /// The physician, by pseudonym, if recorded.
        professional: Option<ProfessionalId>,
    },
    /// A health professional taking part in the patient's care.
    CareTeam {
        /// Their profession.
        profession: Profession,
        /// The professional, by pseudonym, if recorded.
        professional: Option<ProfessionalId>,
    },
}

/// The patient's consent to meet a patient partner. A referral can be assigned to a partner
/// only once consent is given.
#[uniffi::remote(Enum)]
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
    NotAsked,
}

/// An orientation given to a patient at the end of a follow-up.
#[uniffi::remote(Enum)]
pub enum Orientation {
    /// Towards a kind of professional.
    Professional {
        /// The profession.
        profession: Profession,
    },
    /// Towards a patient or support association.
    Association {
        /// The association's public name, if recorded (never a person's name).
        label: Option<String>,
    },
    /// Towards a resource.
    Resource {
        /// The resource.
        resource: Resource,
    },
}

/// Something that happens to a referral.
#[uniffi::remote(Enum)]
pub enum ReferralEvent {
    /// Given (or given again) to a patient partner.
    Assign {
        /// The patient partner.
        partner: PartnerId,
    },
    /// The follow-up starts.
    Start,
    /// The follow-up ends.
    Close {
        /// How it ended.
        outcome: ReferralOutcome,
        /// Where the patient was oriented, if anywhere.
        orientations: Vec<Orientation>,
    },
    /// The referral is declined.
    Decline {
        /// Why.
        reason: DeclineReason,
    },
    /// The referral is cancelled (by the referrer, or because it is no longer relevant).
    Cancel,
    /// The patient's consent is recorded (or changes).
    RecordConsent {
        /// The new consent.
        consent: Consent,
    },
}

/// A dated event of one referral: the unit a journal ingests.
#[uniffi::remote(Record)]
pub struct ReferralTransition {
    /// The referral concerned.
    pub referral: ReferralId,
    /// The day it happened.
    pub date: NaiveDate,
    /// What happened.
    pub event: ReferralEvent,
}

/// The professional who co-animated an activity.
#[uniffi::remote(Record)]
pub struct CoAnimator {
    /// The professional, by pseudonym.
    pub professional: ProfessionalId,
    /// Their profession.
    pub profession: Profession,
}

/// One occurrence of an activity of a patient partner (a support group, a training session,
/// a committee meeting…).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    pub duration_minutes: i32,
    /// How many people took part besides the partner (required for group missions).
    #[uniffi(default = None)]
    pub participants: Option<i32>,
    /// The professional who co-animated it, if any (required for therapeutic education
    /// workshops).
    #[uniffi(default = None)]
    pub co_animator: Option<CoAnimator>,
    /// How the partner took part, when it differs from the mission's usual participation.
    #[uniffi(default = None)]
    pub participation: Option<Participation>,
    /// The establishment where it took place, if recorded.
    #[uniffi(default = None)]
    pub establishment: Option<EstablishmentId>,
}

/// Converts activity records to the core's type (their counts checked).
pub(crate) fn to_core_activities(list: Vec<Activity>) -> FfiResult<Vec<pp::Activity>> {
    list.into_iter().map(pp::Activity::try_from).collect()
}

/// Converts the core's activities to records.
pub(crate) fn from_core_activities(list: &[pp::Activity]) -> Vec<Activity> {
    list.iter().map(Activity::from).collect()
}

/// A signed count from Kotlin or Swift as the core's unsigned one; a negative value is
/// `InvalidArgument` (`integer_out_of_range`) naming the entity and the field.
pub(crate) fn unsigned(value: i32, entity: &str, field: &str) -> FfiResult<u32> {
    u32::try_from(value).map_err(|_| PatientPartnerError::out_of_range(entity, field, value))
}

/// A count of the core (`u64`, `u32`, `usize`) as the signed 64-bit count of the public API;
/// a value beyond `i64::MAX` (never met in practice) saturates. The one conversion of every
/// count the bindings hand out.
pub(crate) fn count<N: TryInto<i64>>(n: N) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// The core's unsigned count as a signed one (the core bounds every count it validates far
/// below `i32::MAX`; a larger value saturates).
pub(crate) fn signed(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl From<&pp::Activity> for Activity {
    fn from(a: &pp::Activity) -> Self {
        Activity {
            id: a.id.clone(),
            date: a.date,
            partner: a.partner.clone(),
            mission: a.mission,
            modality: a.modality,
            duration_minutes: signed(a.duration_minutes),
            participants: a.participants.map(signed),
            co_animator: a.co_animator.clone(),
            participation: a.participation,
            establishment: a.establishment.clone(),
        }
    }
}

impl TryFrom<Activity> for pp::Activity {
    type Error = PatientPartnerError;
    /// Converts the counts; the activity's rules (`Activity::validate`) are the core's and
    /// run where the activity is used (the journal, the validators).
    fn try_from(a: Activity) -> FfiResult<Self> {
        let entity = a.id.as_str().to_owned();
        Ok(pp::Activity {
            duration_minutes: unsigned(a.duration_minutes, &entity, "duration_minutes")?,
            participants: a
                .participants
                .map(|p| unsigned(p, &entity, "participants"))
                .transpose()?,
            id: a.id,
            date: a.date,
            partner: a.partner,
            mission: a.mission,
            modality: a.modality,
            co_animator: a.co_animator,
            participation: a.participation,
            establishment: a.establishment,
        })
    }
}
