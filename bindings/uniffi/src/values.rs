//! Records and enums mirroring the core's central value types, with their conversions.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::ids;

use crate::error::{core, guard, FfiResult};

/// How an interview took place (core: [`pp::Modality`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Modality {
    /// In person (`in_person`, *présentiel*).
    InPerson,
    /// By phone (`phone`, *téléphone*).
    Phone,
    /// By video (`video`, *visio*).
    Video,
}

impl From<pp::Modality> for Modality {
    fn from(m: pp::Modality) -> Self {
        match m {
            pp::Modality::InPerson => Modality::InPerson,
            pp::Modality::Phone => Modality::Phone,
            pp::Modality::Video => Modality::Video,
        }
    }
}

impl From<Modality> for pp::Modality {
    fn from(m: Modality) -> Self {
        match m {
            Modality::InPerson => pp::Modality::InPerson,
            Modality::Phone => pp::Modality::Phone,
            Modality::Video => pp::Modality::Video,
        }
    }
}

/// Reads a modality from its wire name or French label, any case (core:
/// `Modality::parse_lenient`); `unknown_value` otherwise.
#[uniffi::export]
pub fn parse_modality(value: String) -> FfiResult<Modality> {
    guard(|| Ok(pp::Modality::parse_lenient(&value).map_err(core)?.into()))
}

/// The stable wire name of a modality (`in_person`, `phone`, `video`).
#[uniffi::export]
pub fn modality_wire_name(modality: Modality) -> String {
    pp::Vocabulary::wire_name(&pp::Modality::from(modality)).to_owned()
}

/// The French label of a modality (`présentiel`, `téléphone`, `visio`).
#[uniffi::export]
pub fn modality_label_fr(modality: Modality) -> String {
    pp::Vocabulary::label_fr(&pp::Modality::from(modality)).to_owned()
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

/// One interview of a patient partner with a patient (core: [`pp::Interview`]).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Interview {
    /// The interview's own identifier, when the source log has one.
    #[uniffi(default = None)]
    pub id: Option<String>,
    /// The day it took place.
    pub date: NaiveDate,
    /// The patient partner who held it.
    pub partner: String,
    /// The patient, by pseudonym.
    pub patient: String,
    /// In person, by phone or by video.
    pub modality: Modality,
    /// The referral it answers, if any.
    #[uniffi(default = None)]
    pub referral: Option<String>,
    /// Its duration in minutes, if recorded (1 to 1440).
    #[uniffi(default = None)]
    pub duration_minutes: Option<u32>,
    /// The establishment where it was held, if recorded.
    #[uniffi(default = None)]
    pub establishment: Option<String>,
}

impl From<&pp::Interview> for Interview {
    fn from(i: &pp::Interview) -> Self {
        Interview {
            id: i.id.as_ref().map(|x| x.as_str().to_owned()),
            date: i.date,
            partner: i.partner.as_str().to_owned(),
            patient: i.patient.as_str().to_owned(),
            modality: i.modality.into(),
            referral: i.referral.as_ref().map(|x| x.as_str().to_owned()),
            duration_minutes: i.duration_minutes,
            establishment: i.establishment.as_ref().map(|x| x.as_str().to_owned()),
        }
    }
}

impl TryFrom<Interview> for pp::Interview {
    type Error = crate::PatientPartnerError;
    /// Validates the identifiers (the core's id rules) and the interview
    /// (`Interview::validate`: its duration).
    fn try_from(i: Interview) -> FfiResult<Self> {
        let interview = pp::Interview {
            id: i.id.map(ids::InterviewId::new).transpose().map_err(core)?,
            date: i.date,
            partner: ids::PartnerId::new(i.partner).map_err(core)?,
            patient: ids::PatientId::new(i.patient).map_err(core)?,
            modality: i.modality.into(),
            referral: i
                .referral
                .map(ids::ReferralId::new)
                .transpose()
                .map_err(core)?,
            duration_minutes: i.duration_minutes,
            establishment: i
                .establishment
                .map(ids::EstablishmentId::new)
                .transpose()
                .map_err(core)?,
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
#[uniffi::export]
pub fn interviews_to_json(interviews: Vec<Interview>) -> FfiResult<String> {
    guard(|| {
        let list = to_core_interviews(interviews)?;
        Ok(serde_json::to_string(&list).unwrap_or_default())
    })
}

/// Reads interviews from the core's JSON interview format (a JSON array of interview objects,
/// exactly as [`interviews_to_json`] writes them); any error (shape, bad id) is
/// `InvalidArgument` (`invalid_json`) with its line and column. For user files prefer
/// `read_interviews_json`, which reports the file's line and column.
#[uniffi::export]
pub fn interviews_from_json(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list: Vec<pp::Interview> = from_json("list of Interview", "text", &text)?;
        Ok(from_core_interviews(&list))
    })
}

/// An inclusive range of days (core: [`pp::report::Period`]); `invalid_period` when used with
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
            _ => Err(crate::PatientPartnerError::InvalidArgument {
                kind: "invalid_date".to_owned(),
                reason: format!("year {year} is out of range"),
                entity: Some("Period".to_owned()),
                field: Some("year".to_owned()),
                line: None,
                column: None,
                sheet: None,
            }),
        }
    })
}

/// What a report makes one table of (core: `report::GroupBy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum GroupBy {
    /// One table per patient partner.
    Partner,
    /// One table per establishment.
    Establishment,
    /// One table for every interview.
    All,
}

impl From<GroupBy> for pp::report::GroupBy {
    fn from(g: GroupBy) -> Self {
        match g {
            GroupBy::Partner => pp::report::GroupBy::Partner,
            GroupBy::Establishment => pp::report::GroupBy::Establishment,
            GroupBy::All => pp::report::GroupBy::All,
        }
    }
}

/// The size of the rows of a report (core: `report::Bucket`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Bucket {
    /// Calendar months (`YYYY-MM`).
    Month,
    /// Calendar quarters (`YYYY-Qn`).
    Quarter,
    /// Calendar years (`YYYY`).
    Year,
}

impl From<Bucket> for pp::report::Bucket {
    fn from(b: Bucket) -> Self {
        match b {
            Bucket::Month => pp::report::Bucket::Month,
            Bucket::Quarter => pp::report::Bucket::Quarter,
            Bucket::Year => pp::report::Bucket::Year,
        }
    }
}

/// When a patient counts as new (core: `report::NewPatientRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum NewPatientRule {
    /// New in the bucket of the first interview within the period (the reference tables).
    FirstInPeriod,
    /// New only at the first interview ever (needs the history before the period).
    FirstEver,
}

impl From<NewPatientRule> for pp::report::NewPatientRule {
    fn from(r: NewPatientRule) -> Self {
        match r {
            NewPatientRule::FirstInPeriod => pp::report::NewPatientRule::FirstInPeriod,
            NewPatientRule::FirstEver => pp::report::NewPatientRule::FirstEver,
        }
    }
}

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
