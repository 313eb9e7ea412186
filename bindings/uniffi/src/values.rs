//! Records and enums mirroring the core's central value types, with their conversions.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::ids;
use patient_partner::ids::{EstablishmentId, InterviewId, PartnerId, PatientId, ReferralId};
use patient_partner::Modality;

use crate::records::{signed, unsigned};

use crate::error::{core, guard, FfiResult};

/// Reads a modality from its wire name or French label, any case (core:
/// `Modality::parse_lenient`); `unknown_value` otherwise.
#[uniffi::export]
pub fn parse_modality(value: String) -> FfiResult<Modality> {
    guard(|| pp::Modality::parse_lenient(&value).map_err(core))
}

/// The stable wire name of a modality (`in_person`, `phone`, `video`).
#[uniffi::export]
pub fn modality_wire_name(modality: Modality) -> String {
    pp::Vocabulary::wire_name(&modality).to_owned()
}

/// The French label of a modality (`présentiel`, `téléphone`, `visio`).
#[uniffi::export]
pub fn modality_label_fr(modality: Modality) -> String {
    pp::Vocabulary::label_fr(&modality).to_owned()
}

/// The kinds of identifier the core validates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum IdType {
    /// A patient's pseudonym.
    Patient,
    /// A patient partner.
    Partner,
    /// An establishment.
    Establishment,
    /// A referral.
    Referral,
    /// An interview.
    Interview,
    /// An activity.
    Activity,
    /// A professional.
    Professional,
    /// A post of a salaried patient partner.
    Post,
    /// A user representative's mandate.
    Mandate,
}

/// Validates an identifier of the given type and returns its canonical form (trimmed);
/// `empty_id`, `id_too_long` or `id_control_character` otherwise.
#[uniffi::export]
pub fn parse_id(id_type: IdType, value: String) -> FfiResult<String> {
    guard(|| {
        let v = value.as_str();
        match id_type {
            IdType::Patient => ids::PatientId::new(v).map(String::from),
            IdType::Partner => ids::PartnerId::new(v).map(String::from),
            IdType::Establishment => ids::EstablishmentId::new(v).map(String::from),
            IdType::Referral => ids::ReferralId::new(v).map(String::from),
            IdType::Interview => ids::InterviewId::new(v).map(String::from),
            IdType::Activity => ids::ActivityId::new(v).map(String::from),
            IdType::Professional => ids::ProfessionalId::new(v).map(String::from),
            IdType::Post => ids::PostId::new(v).map(String::from),
            IdType::Mandate => ids::MandateId::new(v).map(String::from),
        }
        .map_err(core)
    })
}

/// One interview of a patient partner with a patient (core: `Interview`; a mirror record
/// only because its duration is signed here, as Kotlin and Swift expect).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Interview {
    /// The interview's own identifier, when the source log has one.
    #[uniffi(default = None)]
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
    #[uniffi(default = None)]
    pub referral: Option<ReferralId>,
    /// Its duration in minutes, if recorded (1 to 1440).
    #[uniffi(default = None)]
    pub duration_minutes: Option<i32>,
    /// The establishment where it was held, if recorded.
    #[uniffi(default = None)]
    pub establishment: Option<EstablishmentId>,
}

impl From<&pp::Interview> for Interview {
    fn from(i: &pp::Interview) -> Self {
        Interview {
            id: i.id.clone(),
            date: i.date,
            partner: i.partner.clone(),
            patient: i.patient.clone(),
            modality: i.modality,
            referral: i.referral.clone(),
            duration_minutes: i.duration_minutes.map(signed),
            establishment: i.establishment.clone(),
        }
    }
}

impl TryFrom<Interview> for pp::Interview {
    type Error = crate::PatientPartnerError;
    /// Converts the duration and checks the interview (`Interview::validate`: its duration);
    /// the ids were validated when they were lifted.
    fn try_from(i: Interview) -> FfiResult<Self> {
        let entity =
            i.id.as_ref()
                .map_or("Interview", |id| id.as_str())
                .to_owned();
        let interview = pp::Interview {
            duration_minutes: i
                .duration_minutes
                .map(|m| unsigned(m, &entity, "duration_minutes"))
                .transpose()?,
            id: i.id,
            date: i.date,
            partner: i.partner,
            patient: i.patient,
            modality: i.modality,
            referral: i.referral,
            establishment: i.establishment,
        };
        interview.validate().map_err(core)?;
        Ok(interview)
    }
}

/// Converts a list of interview records to the core's type (validating every id and
/// every interview).
pub(crate) fn to_core_interviews(list: Vec<Interview>) -> FfiResult<Vec<pp::Interview>> {
    list.into_iter().map(pp::Interview::try_from).collect()
}

/// Converts the core's interviews to records.
pub(crate) fn from_core_interviews(list: &[pp::Interview]) -> Vec<Interview> {
    list.iter().map(Interview::from).collect()
}

/// Serialises interviews exactly as the core does (its JSON interview format).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn interviews_to_json(interviews: Vec<Interview>) -> FfiResult<String> {
    guard(|| {
        let list = to_core_interviews(interviews)?;
        Ok(serde_json::to_string(&list).unwrap_or_default())
    })
}

/// Reads interviews from the core's JSON interview format (a JSON array of interview objects,
/// exactly as `interviewsToJson` writes them); any error (shape, bad id) is
/// `InvalidArgument` (`invalid_json`) with its line and column. For user files prefer
/// `read_interviews_json`, which reports the file's line and column.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn interviews_from_json(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list: Vec<pp::Interview> = from_json("list of Interview", "text", &text)?;
        Ok(from_core_interviews(&list))
    })
}

/// An inclusive range of days (core: `report::Period`); `invalid_period` when used with
/// `end` before `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Period {
    /// The first day (inclusive).
    pub start: NaiveDate,
    /// The last day (inclusive).
    pub end: NaiveDate,
}

impl TryFrom<Period> for pp::report::Period {
    type Error = crate::PatientPartnerError;
    fn try_from(p: Period) -> FfiResult<Self> {
        pp::report::Period::new(p.start, p.end).map_err(core)
    }
}

impl From<&pp::report::Period> for Period {
    fn from(p: &pp::report::Period) -> Self {
        Period {
            start: p.start(),
            end: p.end(),
        }
    }
}

/// The calendar year `year` as a period (1 January to 31 December).
#[uniffi::export]
pub fn period_of_year(year: i32) -> FfiResult<Period> {
    guard(|| {
        let start = NaiveDate::from_ymd_opt(year, 1, 1);
        let end = NaiveDate::from_ymd_opt(year, 12, 31);
        match (start, end) {
            (Some(start), Some(end)) => Ok(Period { start, end }),
            _ => Err(crate::PatientPartnerError::argument(
                pp::ErrorCode::InvalidDate,
                pp::ErrorContext {
                    entity: Some("Period".to_owned()),
                    field: Some("year".to_owned()),
                    ..Default::default()
                },
                format!("year {year} is out of range"),
            )),
        }
    })
}

#[cfg(feature = "json")]
/// Reads JSON text as a `T` with the core's serde; `InvalidArgument` (`invalid_json`) if it
/// does not fit (used only for types the core has no typed reader for).
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    type_name: &str,
    field: &str,
    text: &str,
) -> FfiResult<T> {
    serde_json::from_str(text)
        .map_err(|e| crate::PatientPartnerError::invalid_json(type_name, field, &e))
}

/// Serialises a value of the core as the core's serde does.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The core's output types are plain data: serialising them cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}
