//! A FHIR R4 Bundle of the shape [`super::export`] writes (collection or transaction) back to
//! a journal document (ADR 0013). The journal is then built by the journal's own rules
//! ([`Journal::from_document`]): impossible histories are refused as for every ingest, and
//! nothing partial is returned.
//!
//! Errors name the element: `Bundle.entry[3].resource.status` (field) in the entry's resource
//! type (entity). A resource type the mapping does not have, a missing identifier, a code
//! outside our code systems, a reference to no entry: each is an error, never skipped.
//!
//! ```
//! use patient_partner::fhir::export::{journal_bundle, BundleKind};
//! use patient_partner::fhir::import::journal_from_bundle;
//! use patient_partner::{Interview, Journal, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let mut journal = Journal::new();
//! journal.add_interview(Interview::new(NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
//!     PartnerId::new("PP-A")?, PatientId::new("PAT-0001")?, Modality::Video))?;
//! let back = journal_from_bundle(&journal_bundle(&journal, BundleKind::Transaction))?;
//! assert_eq!(back, journal);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use super::canonical;
use super::export::{extension_url, id_system};
use crate::activity::{Activity, CoAnimator};
use crate::ids::{
    ActivityId, EstablishmentId, InterviewId, PartnerId, PatientId, ProfessionalId, ReferralId,
};
use crate::interview::{Interview, Modality};
use crate::journal::{Journal, JournalDocument};
use crate::located::{ErrorKind, Located};
use crate::referral::{
    Consent, ConsentStatus, Orientation, Profession, Referral, ReferralEvent, ReferralEventKind,
    ReferralSource, ReferralTransition,
};
use crate::vocabulary::Vocabulary;

/// What was wrong with a FHIR Bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FhirErrorKind {
    /// The document is not a FHIR Bundle of type collection or transaction.
    #[error("not a FHIR Bundle of type collection or transaction")]
    NotABundle,
    /// A resource type the mapping does not read.
    #[error("unsupported resource type {resource_type:?}")]
    UnsupportedResource {
        /// The `resourceType` found (cut, escaped).
        resource_type: String,
    },
    /// A required element is missing.
    #[error("missing element")]
    MissingElement,
    /// An element holds a value the mapping cannot read (a code outside our code systems, a
    /// malformed date, an invalid identifier…).
    #[error("invalid value: {message}")]
    InvalidValue {
        /// What was wrong (the value quoted short and escaped).
        message: String,
    },
    /// A reference to no entry of the Bundle, or to an entry of the wrong kind.
    #[error("unresolved reference {reference:?}")]
    UnresolvedReference {
        /// The reference (cut, escaped).
        reference: String,
    },
}

impl ErrorKind for FhirErrorKind {
    fn code(&self) -> &'static str {
        match self {
            FhirErrorKind::NotABundle => "not_a_bundle",
            FhirErrorKind::UnsupportedResource { .. } => "unsupported_resource",
            FhirErrorKind::MissingElement => "missing_element",
            FhirErrorKind::InvalidValue { .. } => "invalid_fhir_value",
            FhirErrorKind::UnresolvedReference { .. } => "unresolved_reference",
        }
    }
}

/// A Bundle could not be read: a kind, the resource type (entity) and the element path
/// (field, `Bundle.entry[3].resource.status`).
pub type FhirError = Located<FhirErrorKind>;

type R<T> = Result<T, FhirError>;

/// Where we are: an element path and the resource type of the entry.
#[derive(Clone)]
struct At {
    path: String,
    entity: &'static str,
}

impl At {
    fn child(&self, name: impl fmt::Display) -> At {
        At {
            path: format!("{}.{name}", self.path),
            entity: self.entity,
        }
    }
    fn index(&self, i: usize) -> At {
        At {
            path: format!("{}[{i}]", self.path),
            entity: self.entity,
        }
    }
    fn fail<T>(&self, kind: FhirErrorKind) -> R<T> {
        Err(FhirError::new(kind)
            .entity(self.entity)
            .field(self.path.clone()))
    }
    fn invalid<T>(&self, message: String) -> R<T> {
        self.fail(FhirErrorKind::InvalidValue {
            message: crate::text::short_message(&message),
        })
    }
}

fn get<'a>(v: &'a Value, at: &At, name: &str) -> R<(&'a Value, At)> {
    let at = at.child(name);
    match v.get(name) {
        Some(x) if !x.is_null() => Ok((x, at)),
        _ => at.fail(FhirErrorKind::MissingElement),
    }
}

fn opt<'a>(v: &'a Value, at: &At, name: &str) -> Option<(&'a Value, At)> {
    v.get(name)
        .filter(|x| !x.is_null())
        .map(|x| (x, at.child(name)))
}

fn string<'a>(v: &'a Value, at: &At) -> R<&'a str> {
    v.as_str()
        .map_or_else(|| at.invalid(format!("expected a string, found {v}")), Ok)
}

fn array<'a>(v: &'a Value, at: &At) -> R<&'a [Value]> {
    v.as_array().map_or_else(
        || at.invalid("expected a list".to_owned()),
        |a| Ok(a.as_slice()),
    )
}

fn day(v: &Value, at: &At) -> R<NaiveDate> {
    let s = string(v, at)?;
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
        .or_else(|_| at.invalid(format!("expected a date, found {}", crate::text::short(s))))
}

/// A code of one of our code systems, parsed into its vocabulary.
fn our_code<V: Vocabulary + std::str::FromStr>(coding: &Value, at: &At, system_id: &str) -> R<V> {
    let (system, at_system) = get(coding, at, "system")?;
    let want = canonical("CodeSystem", system_id);
    if string(system, &at_system)? != want {
        return at_system.invalid(format!("expected the system {want}"));
    }
    let (code, at_code) = get(coding, at, "code")?;
    let code = string(code, &at_code)?;
    V::from_wire(code).or_else(|e| at_code.invalid(e.to_string()))
}

/// The first coding of a CodeableConcept.
fn first_coding<'a>(concept: &'a Value, at: &At) -> R<(&'a Value, At)> {
    let (codings, at) = get(concept, at, "coding")?;
    let list = array(codings, &at)?;
    match list.first() {
        Some(c) => Ok((c, at.index(0))),
        None => at.fail(FhirErrorKind::MissingElement),
    }
}

fn concept_code<V: Vocabulary + std::str::FromStr>(
    concept: &Value,
    at: &At,
    system_id: &str,
) -> R<V> {
    let (coding, at) = first_coding(concept, at)?;
    our_code(coding, &at, system_id)
}

/// The value of the identifier of `system` in `identifier` (a list).
fn identifier_value<'a>(resource: &'a Value, at: &At, system: &str) -> R<(&'a str, At)> {
    let (list, at) = get(resource, at, "identifier")?;
    for (i, id) in array(list, &at)?.iter().enumerate() {
        if id.get("system").and_then(Value::as_str) == Some(system) {
            let (v, at) = get(id, &at.index(i), "value")?;
            return Ok((string(v, &at)?, at));
        }
    }
    at.invalid(format!("no identifier of the system {system}"))
}

fn new_id<'v, T>(
    make: impl FnOnce(&'v str) -> Result<T, crate::ids::IdError>,
    value: &'v str,
    at: &At,
) -> R<T> {
    make(value).or_else(|e| at.invalid(e.to_string()))
}

/// The value of the extension `url` among `extension` (sub-extensions: short names).
fn extension<'a>(v: &'a Value, at: &At, url: &str) -> Vec<(&'a Value, At)> {
    let Some((list, at)) = opt(v, at, "extension") else {
        return Vec::new();
    };
    list.as_array()
        .map(|l| {
            l.iter()
                .enumerate()
                .filter(|(_, e)| e.get("url").and_then(Value::as_str) == Some(url))
                .map(|(i, e)| (e, at.index(i)))
                .collect()
        })
        .unwrap_or_default()
}

fn one_extension<'a>(v: &'a Value, at: &At, url: &str) -> Option<(&'a Value, At)> {
    extension(v, at, url).into_iter().next()
}

/// What each fullUrl of the Bundle stands for.
#[derive(Debug, Clone)]
enum Entity {
    Patient(PatientId),
    Partner(PartnerId),
    Referrer(ReferralSource),
    Referral(ReferralId),
    Other,
}

/// `%XX` escapes decoded (a conditional reference's query); `None` when malformed.
fn percent_decoded(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// What each entry stands for, found by its fullUrl or by a conditional reference.
#[derive(Default)]
struct Entities {
    by_url: BTreeMap<String, Entity>,
    /// Per entry: its resource type and search tokens (`identifier` → `system|value`,
    /// `role` → `system|code`).
    searchable: Vec<(&'static str, BTreeSet<Token>, Entity)>,
}

impl Entities {
    /// The entity a conditional reference `Type?param=system|value&…` names: exactly one
    /// entry of that type whose tokens hold every parameter.
    fn search(&self, reference: &str) -> Option<&Entity> {
        let (resource_type, query) = reference.split_once('?')?;
        // Split first, then decode each part: an escaped `&`, `=` or `|` is data.
        let wanted: BTreeSet<Token> = query
            .split('&')
            .map(|p| {
                let (param, token) = p.split_once('=')?;
                let (system, value) = token.split_once('|')?;
                Some((
                    param.to_owned(),
                    percent_decoded(system)?,
                    percent_decoded(value)?,
                ))
            })
            .collect::<Option<_>>()?;
        let mut found = self
            .searchable
            .iter()
            .filter(|(t, tokens, _)| *t == resource_type && wanted.is_subset(tokens));
        match (found.next(), found.next()) {
            (Some((_, _, entity)), None) => Some(entity),
            _ => None,
        }
    }
}

/// A search token: parameter, system, value (`identifier`, `https://…/sid/patient`, `PAT-1`).
type Token = (String, String, String);

/// The search tokens of a resource: its identifiers and, for a PractitionerRole, its codes.
fn tokens(resource: &Value) -> BTreeSet<Token> {
    let mut out = BTreeSet::new();
    let token = |param: &str, v: &Value, key: &str| -> Option<Token> {
        Some((
            param.to_owned(),
            v.get("system")?.as_str()?.to_owned(),
            v.get(key)?.as_str()?.to_owned(),
        ))
    };
    let list = |v: &Value, key: &str| -> Vec<Value> {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for id in list(resource, "identifier") {
        out.extend(token("identifier", &id, "value"));
    }
    for code in list(resource, "code") {
        for coding in list(&code, "coding") {
            out.extend(token("role", &coding, "code"));
        }
    }
    out
}

/// Resolves a reference: an entry's fullUrl (`urn:uuid:…`, as the library writes), or a
/// conditional reference `Type?identifier=system|value` (as other tools write in
/// transactions) naming an entry of the Bundle by its identifier.
fn reference<'a>(v: &Value, at: &At, entities: &'a Entities) -> R<&'a Entity> {
    let (r, at) = get(v, at, "reference")?;
    let r = string(r, &at)?;
    let found = entities.by_url.get(r).or_else(|| entities.search(r));
    found.map_or_else(
        || {
            at.fail(FhirErrorKind::UnresolvedReference {
                reference: crate::text::short_message(r),
            })
        },
        Ok,
    )
}

fn patient_of(v: &Value, at: &At, entities: &Entities) -> R<PatientId> {
    match reference(v, at, entities)? {
        Entity::Patient(p) => Ok(p.clone()),
        _ => at.invalid("expected a reference to a Patient".to_owned()),
    }
}

fn partner_of(v: &Value, at: &At, entities: &Entities) -> R<PartnerId> {
    match reference(v, at, entities)? {
        Entity::Partner(p) => Ok(p.clone()),
        _ => at.invalid("expected a reference to a patient partner's PractitionerRole".to_owned()),
    }
}

fn establishment_of(v: &Value, at: &At, name: &str) -> R<Option<EstablishmentId>> {
    let Some((r, at)) = opt(v, at, name) else {
        return Ok(None);
    };
    let (id, at) = get(r, &at, "identifier")?;
    let (value, at) = get(id, &at, "value")?;
    new_id(EstablishmentId::new, string(value, &at)?, &at).map(Some)
}

fn minutes_of(v: &Value, at: &At) -> R<Option<u32>> {
    let Some((length, at)) = opt(v, at, "length") else {
        return Ok(None);
    };
    let (value, at) = get(length, &at, "value")?;
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .map_or_else(
            || at.invalid(format!("expected whole minutes, found {value}")),
            |n| Ok(Some(n)),
        )
}

fn period_day(v: &Value, at: &At) -> R<NaiveDate> {
    let (period, at) = get(v, at, "period")?;
    let (start, at) = get(period, &at, "start")?;
    day(start, &at)
}

fn role_entity(r: &Value, at: &At) -> R<Entity> {
    let (codes, at_codes) = get(r, at, "code")?;
    let (concept, at_concept) = match array(codes, &at_codes)?.first() {
        Some(c) => (c, at_codes.index(0)),
        None => return at_codes.fail(FhirErrorKind::MissingElement),
    };
    let (coding, at_coding) = first_coding(concept, &at_concept)?;
    let system = coding.get("system").and_then(Value::as_str).unwrap_or("");
    let professional = match opt(r, at, "identifier") {
        Some(_) => {
            let (v, at) = identifier_value(r, at, &id_system("professional"))
                .or_else(|_| identifier_value(r, at, &id_system("partner")))?;
            Some((v, at))
        }
        None => None,
    };
    if system == canonical("CodeSystem", "role") {
        let (code, at_code) = get(coding, &at_coding, "code")?;
        return match string(code, &at_code)? {
            "patient_partner" => {
                let (v, at) = identifier_value(r, at, &id_system("partner"))?;
                Ok(Entity::Partner(new_id(PartnerId::new, v, &at)?))
            }
            "referring_physician" => Ok(Entity::Referrer(ReferralSource::ReferringPhysician {
                professional: professional
                    .map(|(v, at)| new_id(ProfessionalId::new, v, &at))
                    .transpose()?,
            })),
            other => at_code.invalid(format!("unknown role {}", crate::text::short(other))),
        };
    }
    let profession: Profession = our_code(coding, &at_coding, "profession")?;
    Ok(Entity::Referrer(ReferralSource::CareTeam {
        profession,
        professional: professional
            .map(|(v, at)| new_id(ProfessionalId::new, v, &at))
            .transpose()?,
    }))
}

fn consent_of(v: &Value, at: &At, status_name: &str, date_name: &str) -> R<Consent> {
    let sub = |name: &str| -> Option<(&Value, At)> {
        let list = v.get("extension")?.as_array()?;
        list.iter()
            .enumerate()
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(name))
            .map(|(i, e)| (e, at.child("extension").index(i)))
    };
    let (status, at_status) =
        sub(status_name).map_or_else(|| at.fail(FhirErrorKind::MissingElement), Ok)?;
    let (coding, at_coding) = get(status, &at_status, "valueCoding")?;
    let status: ConsentStatus = our_code(coding, &at_coding, "consent-status")?;
    let date = match sub(date_name) {
        Some((d, at)) => {
            let (value, at) = get(d, &at, "valueDate")?;
            Some(day(value, &at)?)
        }
        None => None,
    };
    match (status, date) {
        (ConsentStatus::Given, Some(date)) => Ok(Consent::Given { date }),
        (ConsentStatus::Refused, Some(date)) => Ok(Consent::Refused { date }),
        (ConsentStatus::NotAsked, None) => Ok(Consent::NotAsked),
        _ => at.invalid("a consent given or refused has a date, one not asked has none".to_owned()),
    }
}

fn orientation_of(concept: &Value, at: &At) -> R<Orientation> {
    let (coding, at_coding) = first_coding(concept, at)?;
    let system = coding.get("system").and_then(Value::as_str).unwrap_or("");
    if system == canonical("CodeSystem", "profession") {
        Ok(Orientation::Professional {
            profession: our_code(coding, &at_coding, "profession")?,
        })
    } else if system == canonical("CodeSystem", "orientation-resource") {
        Ok(Orientation::Resource {
            resource: our_code(coding, &at_coding, "orientation-resource")?,
        })
    } else if system == canonical("CodeSystem", "orientation-kind") {
        Ok(Orientation::Association {
            label: concept
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_owned),
        })
    } else {
        at_coding.invalid("an orientation is a profession, a resource or an association".to_owned())
    }
}

fn transition_of(ext: &Value, at: &At, referral: &ReferralId) -> R<ReferralTransition> {
    let parts: Vec<(&str, &Value, At)> = match ext.get("extension").and_then(Value::as_array) {
        Some(l) => l
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    e.get("url").and_then(Value::as_str).unwrap_or(""),
                    e,
                    at.child("extension").index(i),
                )
            })
            .collect(),
        None => return at.child("extension").fail(FhirErrorKind::MissingElement),
    };
    let find = |name: &str| {
        parts
            .iter()
            .find(|(u, _, _)| *u == name)
            .map(|(_, e, a)| (*e, a.clone()))
    };
    let need = |name: &str| {
        find(name).map_or_else(
            || {
                at.child(format!("extension({name})"))
                    .fail(FhirErrorKind::MissingElement)
            },
            Ok,
        )
    };
    let (date, at_date) = need("date")?;
    let (value, at_value) = get(date, &at_date, "valueDate")?;
    let date = day(value, &at_value)?;
    let (event, at_event) = need("event")?;
    let (coding, at_coding) = get(event, &at_event, "valueCoding")?;
    let kind: ReferralEventKind = our_code(coding, &at_coding, "referral-event")?;
    let event = match kind {
        ReferralEventKind::Assign => {
            let (p, at_p) = need("partner")?;
            let (id, at_id) = get(p, &at_p, "valueIdentifier")?;
            let (v, at_v) = get(id, &at_id, "value")?;
            ReferralEvent::Assign {
                partner: new_id(PartnerId::new, string(v, &at_v)?, &at_v)?,
            }
        }
        ReferralEventKind::Start => ReferralEvent::Start,
        ReferralEventKind::Cancel => ReferralEvent::Cancel,
        ReferralEventKind::Close => {
            let (o, at_o) = need("outcome")?;
            let (coding, at_c) = get(o, &at_o, "valueCoding")?;
            let outcome = our_code(coding, &at_c, "referral-outcome")?;
            let mut orientations = Vec::new();
            for (_, e, a) in parts.iter().filter(|(u, _, _)| *u == "orientation") {
                let (c, at_c) = get(e, a, "valueCodeableConcept")?;
                orientations.push(orientation_of(c, &at_c)?);
            }
            ReferralEvent::Close {
                outcome,
                orientations,
            }
        }
        ReferralEventKind::Decline => {
            let (r, at_r) = need("reason")?;
            let (coding, at_c) = get(r, &at_r, "valueCoding")?;
            ReferralEvent::Decline {
                reason: our_code(coding, &at_c, "decline-reason")?,
            }
        }
        ReferralEventKind::RecordConsent => ReferralEvent::RecordConsent {
            consent: consent_of(ext, at, "consent", "consentDate")?,
        },
    };
    Ok(ReferralTransition {
        referral: referral.clone(),
        date,
        event,
    })
}

fn referral_of(sr: &Value, at: &At, entities: &Entities) -> R<Referral> {
    let (id, at_id) = identifier_value(sr, at, &id_system("referral"))?;
    let id = new_id(ReferralId::new, id, &at_id)?;
    let (subject, at_subject) = get(sr, at, "subject")?;
    let patient = patient_of(subject, &at_subject, entities)?;
    let (authored, at_authored) = get(sr, at, "authoredOn")?;
    let received = day(authored, &at_authored)?;
    let (requester, at_requester) = get(sr, at, "requester")?;
    let source = match reference(requester, &at_requester, entities)? {
        Entity::Referrer(s) => s.clone(),
        _ => {
            return at_requester
                .invalid("expected a reference to the referrer's PractitionerRole".to_owned())
        }
    };
    let mut needs = Vec::new();
    if let Some((list, at_list)) = opt(sr, at, "reasonCode") {
        for (i, c) in array(list, &at_list)?.iter().enumerate() {
            needs.push(concept_code(c, &at_list.index(i), "need")?);
        }
    }
    let (category, at_category) = get(sr, at, "category")?;
    let stage = match array(category, &at_category)?.first() {
        Some(c) => concept_code(c, &at_category.index(0), "pathway-stage")?,
        None => return at_category.fail(FhirErrorKind::MissingElement),
    };
    let consent = match one_extension(sr, at, &extension_url("referral-consent")) {
        Some((e, at_e)) => consent_of(e, &at_e, "status", "date")?,
        None => {
            return at
                .child(format!("extension({})", extension_url("referral-consent")))
                .fail(FhirErrorKind::MissingElement)
        }
    };
    let (mut setting, mut follow_up) = (None, None);
    if let Some((list, at_list)) = opt(sr, at, "orderDetail") {
        for (i, c) in array(list, &at_list)?.iter().enumerate() {
            let at_c = at_list.index(i);
            let (coding, at_coding) = first_coding(c, &at_c)?;
            if coding.get("system").and_then(Value::as_str)
                == Some(&canonical("CodeSystem", "setting"))
            {
                setting = Some(our_code(coding, &at_coding, "setting")?);
            } else {
                follow_up = Some(our_code(coding, &at_coding, "follow-up")?);
            }
        }
    }
    let establishment = match opt(sr, at, "performer") {
        Some((list, at_list)) => match array(list, &at_list)?.first() {
            Some(p) => {
                let wrapper = serde_json::json!({"performer": p});
                establishment_of(&wrapper, &at_list.index(0), "performer")?
            }
            None => None,
        },
        None => None,
    };
    Ok(Referral {
        id,
        patient,
        received,
        source,
        needs,
        stage,
        consent,
        establishment,
        setting,
        follow_up,
    })
}

fn interview_of(e: &Value, at: &At, entities: &Entities) -> R<Interview> {
    let (subject, at_subject) = get(e, at, "subject")?;
    let patient = patient_of(subject, &at_subject, entities)?;
    let (participants, at_p) = get(e, at, "participant")?;
    let partner = match array(participants, &at_p)?.first() {
        Some(p) => {
            let (individual, at_i) = get(p, &at_p.index(0), "individual")?;
            partner_of(individual, &at_i, entities)?
        }
        None => return at_p.fail(FhirErrorKind::MissingElement),
    };
    let (types, at_types) = get(e, at, "type")?;
    let (coding, at_coding) = match array(types, &at_types)?.first() {
        Some(t) => first_coding(t, &at_types.index(0))?,
        None => return at_types.fail(FhirErrorKind::MissingElement),
    };
    let (code, at_code) = get(coding, &at_coding, "code")?;
    let modality = match string(code, &at_code)? {
        "FACE" => Modality::InPerson,
        "PHONE" => Modality::Phone,
        "VIDEOCONF" => Modality::Video,
        other => {
            return at_code.invalid(format!(
                "expected FACE, PHONE or VIDEOCONF, found {}",
                crate::text::short(other)
            ))
        }
    };
    let mut interview = Interview::new(period_day(e, at)?, partner, patient, modality);
    if opt(e, at, "identifier").is_some() {
        let (v, at_v) = identifier_value(e, at, &id_system("interview"))?;
        interview.id = Some(new_id(InterviewId::new, v, &at_v)?);
    }
    if let Some((list, at_list)) = opt(e, at, "basedOn") {
        if let Some(b) = array(list, &at_list)?.first() {
            match reference(b, &at_list.index(0), entities)? {
                Entity::Referral(r) => interview.referral = Some(r.clone()),
                _ => {
                    return at_list
                        .index(0)
                        .invalid("expected a reference to a ServiceRequest".to_owned())
                }
            }
        }
    }
    interview.duration_minutes = minutes_of(e, at)?;
    interview.establishment = establishment_of(e, at, "serviceProvider")?;
    Ok(interview)
}

fn activity_of(e: &Value, at: &At, entities: &Entities) -> R<Activity> {
    let (id, at_id) = identifier_value(e, at, &id_system("activity"))?;
    let id = new_id(ActivityId::new, id, &at_id)?;
    let (participants, at_p) = get(e, at, "participant")?;
    let list = array(participants, &at_p)?;
    let partner = match list.first() {
        Some(p) => {
            let (individual, at_i) = get(p, &at_p.index(0), "individual")?;
            partner_of(individual, &at_i, entities)?
        }
        None => return at_p.fail(FhirErrorKind::MissingElement),
    };
    let co_animator = match list.get(1) {
        Some(p) => {
            let (individual, at_i) = get(p, &at_p.index(1), "individual")?;
            match reference(individual, &at_i, entities)? {
                Entity::Referrer(ReferralSource::CareTeam {
                    profession,
                    professional: Some(professional),
                }) => Some(CoAnimator {
                    professional: professional.clone(),
                    profession: *profession,
                }),
                _ => {
                    return at_i.invalid(
                        "expected the co-animating professional's PractitionerRole".to_owned(),
                    )
                }
            }
        }
        None => None,
    };
    let (types, at_types) = get(e, at, "type")?;
    let types = array(types, &at_types)?;
    let mission = match types.first() {
        Some(t) => concept_code(t, &at_types.index(0), "mission")?,
        None => return at_types.fail(FhirErrorKind::MissingElement),
    };
    let modality = match types.get(1) {
        Some(t) => concept_code(t, &at_types.index(1), "activity-modality")?,
        None => return at_types.index(1).fail(FhirErrorKind::MissingElement),
    };
    let minutes = minutes_of(e, at)?.map_or_else(
        || at.child("length").fail(FhirErrorKind::MissingElement),
        Ok,
    )?;
    let mut activity = Activity::new(id, period_day(e, at)?, partner, mission, modality, minutes);
    activity.co_animator = co_animator;
    if let Some((x, at_x)) = one_extension(e, at, &extension_url("activity-participants")) {
        let (n, at_n) = get(x, &at_x, "valueInteger")?;
        activity.participants = Some(
            n.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map_or_else(|| at_n.invalid(format!("expected a count, found {n}")), Ok)?,
        );
    }
    if let Some((x, at_x)) = one_extension(e, at, &extension_url("activity-participation")) {
        let (c, at_c) = get(x, &at_x, "valueCoding")?;
        activity.participation = Some(our_code(c, &at_c, "participation")?);
    }
    activity.establishment = establishment_of(e, at, "serviceProvider")?;
    Ok(activity)
}

/// The journal document of a Bundle (see the [module](self)); the journal's rules are not
/// applied yet ([`journal_from_bundle`] does).
pub fn document_from_bundle(bundle: &Value) -> Result<JournalDocument, FhirError> {
    let root = At {
        path: "Bundle".to_owned(),
        entity: "Bundle",
    };
    let is_bundle = bundle.get("resourceType").and_then(Value::as_str) == Some("Bundle")
        && matches!(
            bundle.get("type").and_then(Value::as_str),
            Some("collection" | "transaction")
        );
    if !is_bundle {
        return root.fail(FhirErrorKind::NotABundle);
    }
    let (entries, at_entries) = match opt(bundle, &root, "entry") {
        Some(e) => e,
        None => return Ok(JournalDocument::default()),
    };
    let entries = array(entries, &at_entries)?;
    // First pass: what each fullUrl stands for.
    let mut entities = Entities::default();
    let mut resources = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let at_entry = at_entries.index(i);
        let (full_url, at_url) = get(entry, &at_entry, "fullUrl")?;
        let full_url = string(full_url, &at_url)?.to_owned();
        let (resource, at_res) = get(entry, &at_entry, "resource")?;
        let (kind, at_kind) = get(resource, &at_res, "resourceType")?;
        let entity: &'static str = match string(kind, &at_kind)? {
            "Patient" => "Patient",
            "PractitionerRole" => "PractitionerRole",
            "ServiceRequest" => "ServiceRequest",
            "Task" => "Task",
            "Encounter" => "Encounter",
            other => {
                return at_kind.fail(FhirErrorKind::UnsupportedResource {
                    resource_type: crate::text::short_message(other),
                })
            }
        };
        let at = At {
            path: at_res.path.clone(),
            entity,
        };
        let meaning = match entity {
            "Patient" => {
                let (ids, at_ids) = get(resource, &at, "identifier")?;
                let (v, at_v) = match array(ids, &at_ids)?.first() {
                    Some(id) => get(id, &at_ids.index(0), "value")?,
                    None => return at_ids.fail(FhirErrorKind::MissingElement),
                };
                Entity::Patient(new_id(PatientId::new, string(v, &at_v)?, &at_v)?)
            }
            "PractitionerRole" => role_entity(resource, &at)?,
            "ServiceRequest" => {
                let (v, at_v) = identifier_value(resource, &at, &id_system("referral"))?;
                Entity::Referral(new_id(ReferralId::new, v, &at_v)?)
            }
            _ => Entity::Other,
        };
        // Conditional references may name the entry by its identifiers (and role codes).
        entities
            .searchable
            .push((entity, tokens(resource), meaning.clone()));
        entities.by_url.insert(full_url, meaning);
        resources.push((resource, at));
    }
    // Second pass: the journal's records, in Bundle order.
    let mut doc = JournalDocument::default();
    for (resource, at) in resources {
        match at.entity {
            "ServiceRequest" => doc.referrals.push(referral_of(resource, &at, &entities)?),
            "Task" => {
                let (focus, at_focus) = get(resource, &at, "focus")?;
                let referral = match reference(focus, &at_focus, &entities)? {
                    Entity::Referral(r) => r.clone(),
                    _ => {
                        return at_focus
                            .invalid("expected a reference to a ServiceRequest".to_owned())
                    }
                };
                for (ext, at_ext) in extension(resource, &at, &extension_url("referral-transition"))
                {
                    doc.transitions
                        .push(transition_of(ext, &at_ext, &referral)?);
                }
            }
            "Encounter" => {
                if resource.get("subject").is_some() {
                    doc.interviews.push(interview_of(resource, &at, &entities)?);
                } else {
                    doc.activities.push(activity_of(resource, &at, &entities)?);
                }
            }
            _ => {}
        }
    }
    Ok(doc)
}

/// A journal from a FHIR Bundle: [`document_from_bundle`], then the journal's own rules
/// ([`Journal::from_document`]: every referral, transition, interview and activity checked,
/// all or nothing). Errors: the Bundle's ([`FhirError`]) or the rule broken (`Error::Referral`…).
pub fn journal_from_bundle(bundle: &Value) -> Result<Journal, crate::Error> {
    let doc = document_from_bundle(bundle)?;
    Ok(Journal::from_document(&doc)?)
}

/// [`journal_from_bundle`] from JSON text (a file's content): text that is not JSON is a
/// [`FhirError`] `invalid_fhir_value` with the JSON reader's line and column.
pub fn journal_from_bundle_json(text: &str) -> Result<Journal, crate::Error> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        FhirError::new(FhirErrorKind::InvalidValue {
            message: crate::text::short_message(&format!("not JSON: {e}")),
        })
        .entity("Bundle")
        .at_json(&e)
    })?;
    journal_from_bundle(&value)
}
