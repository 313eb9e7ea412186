//! A journal as a FHIR R4 `Bundle` (ADR 0013): Patients (a pseudonym, nothing else),
//! PractitionerRoles (partners and referrers), a ServiceRequest and a Task per referral (the
//! Task's `transition` extensions carry the whole history), an Encounter per interview and per
//! activity.
//!
//! Every entry's `fullUrl` is a name-based `urn:uuid` of the entity's identifier, so the same
//! journal always gives the same Bundle, and every reference is that `urn:uuid`.
//!
//! ```
//! use patient_partner::fhir::export::{journal_bundle, BundleKind};
//! use patient_partner::{Interview, Journal, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let mut journal = Journal::new();
//! journal.add_interview(Interview::new(NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
//!     PartnerId::new("PP-A")?, PatientId::new("PAT-0001")?, Modality::Phone))?;
//! let bundle = journal_bundle(&journal, BundleKind::Collection);
//! assert_eq!(bundle["type"], "collection");
//! let types: Vec<&str> = bundle["entry"].as_array().unwrap().iter()
//!     .map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
//! assert_eq!(types, ["Patient", "PractitionerRole", "Encounter"]);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use super::conformance::coding;
use super::narrative::text;
use super::{canonical, BASE};
use crate::activity::{Activity, ActivityModality};
use crate::interview::{Interview, Modality};
use crate::journal::{Journal, ReferralRecord};
use crate::referral::{
    Consent, Orientation, Referral, ReferralEvent, ReferralSource, ReferralState,
    ReferralTransition,
};
use crate::vocabulary::Vocabulary;

crate::bilingual_enum! {
    /// The type of an exported Bundle.
    pub enum BundleKind {
        /// A set of resources to read (`Bundle.type = collection`).
        Collection => "collection", "collection", "collection",
        /// A set of resources to apply on a server, with conditional creates so that applying
        /// it twice creates nothing twice (`Bundle.type = transaction`).
        Transaction => "transaction", "transaction", "transaction",
    }
}

/// The identifier system of one kind of id: `{BASE}/sid/{kind}`.
pub fn id_system(kind: &str) -> String {
    format!("{BASE}/sid/{kind}")
}

/// The identifier system of a patient pseudonym: per establishment when known (the
/// establishment id escaped as one URL path segment).
pub fn patient_system(establishment: Option<&str>) -> String {
    match establishment {
        Some(e) => format!("{BASE}/sid/patient/{}", escaped(e, b"-._~")),
        None => format!("{BASE}/sid/patient"),
    }
}

/// `s` with every byte but ASCII letters, digits and `keep` percent-encoded.
fn escaped(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URL of one of our extensions.
pub fn extension_url(name: &str) -> String {
    canonical("StructureDefinition", name)
}

/// The stable `urn:uuid` of an entity (a v5 UUID of its type and identifier).
fn urn(kind: &str, key: &str) -> String {
    let name = format!("{kind}|{key}");
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

fn identifier(system: String, value: &str) -> Value {
    json!({"system": system, "value": value})
}

fn reference(url: &str) -> Value {
    json!({"reference": url})
}

fn codeable(system_id: &str, code: &str) -> Value {
    json!({"coding": [coding(system_id, code)]})
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Escapes what a conditional URL's value may not hold (`&`, `=`, `%`, `#`, `|`, spaces…).
fn query_value(s: &str) -> String {
    escaped(s, b"-._~/:")
}

/// The search of a conditional create or update: `(parameter, system, value)` triples,
/// written `identifier=system|value&role=system|code`, that name exactly one entity.
type Condition = Option<Vec<(&'static str, String, String)>>;

/// The query of a condition, escaped for a URL.
fn query(condition: &[(&'static str, String, String)]) -> String {
    condition
        .iter()
        .map(|(param, system, value)| {
            format!("{param}={}|{}", query_value(system), query_value(value))
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn by_identifier(system: String, value: &str) -> Condition {
    Some(vec![("identifier", system, value.to_owned())])
}

/// One entry being built: its fullUrl, resource, and the search naming it in a transaction.
struct Entry {
    full_url: String,
    resource: Value,
    condition: Condition,
}

/// Entries in order, each entity once.
#[derive(Default)]
struct Entries {
    list: Vec<Entry>,
    seen: BTreeMap<String, usize>,
}

impl Entries {
    /// Adds the entity `(kind, key)` unless present; returns its fullUrl.
    fn add(
        &mut self,
        kind: &str,
        key: &str,
        condition: Condition,
        make: impl FnOnce() -> Value,
    ) -> String {
        let full_url = urn(kind, key);
        if !self.seen.contains_key(&full_url) {
            self.seen.insert(full_url.clone(), self.list.len());
            self.list.push(Entry {
                full_url: full_url.clone(),
                resource: make(),
                condition,
            });
        }
        full_url
    }
}

fn patient(entries: &mut Entries, establishment: Option<&str>, pseudonym: &str) -> String {
    let system = patient_system(establishment);
    let key = format!("{system}|{pseudonym}");
    let condition = by_identifier(system.clone(), pseudonym);
    entries.add("Patient", &key, condition, || {
        json!({
            "resourceType": "Patient",
            "meta": {"security": [{
                "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
                "code": "PSEUDED",
            }]},
            "text": text(&format!("Patient {pseudonym} (pseudonym; no other data)")),
            "identifier": [{
                "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI"}]},
                "system": system,
                "value": pseudonym,
            }],
        })
    })
}

fn partner_role(entries: &mut Entries, partner: &str) -> String {
    let system = id_system("partner");
    let condition = by_identifier(system.clone(), partner);
    entries.add(
        "PractitionerRole",
        &format!("partner|{partner}"),
        condition,
        || {
            json!({
                "resourceType": "PractitionerRole",
                "text": text(&format!("Patient partner {partner}")),
                "identifier": [identifier(system, partner)],
                "code": [codeable("role", "patient_partner")],
            })
        },
    )
}

/// The PractitionerRole of a referrer: its role or profession, and its pseudonym if recorded.
fn referrer_role(entries: &mut Entries, source: &ReferralSource) -> String {
    let (role, professional) = match source {
        ReferralSource::ReferringPhysician { professional } => (
            codeable("role", "referring_physician"),
            professional.as_ref(),
        ),
        ReferralSource::CareTeam {
            profession,
            professional,
        } => (
            codeable("profession", profession.wire_name()),
            professional.as_ref(),
        ),
    };
    let code = &role["coding"][0]["code"];
    let key = format!(
        "referrer|{}|{}",
        code.as_str().unwrap_or_default(),
        professional.map(|p| p.as_str()).unwrap_or("")
    );
    // A professional may hold several roles: the role's code is part of its search.
    let condition = professional.map(|p| {
        vec![
            (
                "identifier",
                id_system("professional"),
                p.as_str().to_owned(),
            ),
            (
                "role",
                role["coding"][0]["system"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                code.as_str().unwrap_or_default().to_owned(),
            ),
        ]
    });
    let summary = match professional {
        Some(p) => format!("Referrer {p}"),
        None => "Referrer (not identified)".to_owned(),
    };
    entries.add("PractitionerRole", &key, condition, || {
        let mut r = json!({
            "resourceType": "PractitionerRole",
            "text": text(&summary),
            "code": [role],
        });
        if let Some(p) = professional {
            r["identifier"] = json!([identifier(id_system("professional"), p.as_str())]);
        }
        r
    })
}

fn establishment_ref(establishment: &str) -> Value {
    json!({"type": "Organization", "identifier": identifier(id_system("establishment"), establishment)})
}

fn consent_extension(consent: &Consent) -> Value {
    let mut parts = vec![
        json!({"url": "status", "valueCoding": coding("consent-status", consent.status().wire_name())}),
    ];
    if let Some(d) = consent.date() {
        parts.push(json!({"url": "date", "valueDate": date(d)}));
    }
    json!({"url": extension_url("referral-consent"), "extension": parts})
}

fn orientation_concept(o: &Orientation) -> Value {
    match o {
        Orientation::Professional { profession } => codeable("profession", profession.wire_name()),
        Orientation::Resource { resource } => {
            codeable("orientation-resource", resource.wire_name())
        }
        Orientation::Association { label } => {
            let mut c = codeable("orientation-kind", "association");
            if let Some(label) = label {
                c["text"] = json!(label);
            }
            c
        }
    }
}

fn transition_extension(t: &ReferralTransition) -> Value {
    let mut parts = vec![
        json!({"url": "date", "valueDate": date(t.date)}),
        json!({"url": "event", "valueCoding": coding("referral-event", t.event.kind().wire_name())}),
    ];
    match &t.event {
        ReferralEvent::Assign { partner } => parts.push(
            json!({"url": "partner", "valueIdentifier": identifier(id_system("partner"), partner.as_str())}),
        ),
        ReferralEvent::Close {
            outcome,
            orientations,
        } => {
            parts.push(json!({"url": "outcome", "valueCoding": coding("referral-outcome", outcome.wire_name())}));
            for o in orientations {
                parts.push(json!({"url": "orientation", "valueCodeableConcept": orientation_concept(o)}));
            }
        }
        ReferralEvent::Decline { reason } => parts.push(
            json!({"url": "reason", "valueCoding": coding("decline-reason", reason.wire_name())}),
        ),
        ReferralEvent::RecordConsent { consent } => {
            parts.push(json!({"url": "consent", "valueCoding": coding("consent-status", consent.status().wire_name())}));
            if let Some(d) = consent.date() {
                parts.push(json!({"url": "consentDate", "valueDate": date(d)}));
            }
        }
        ReferralEvent::Start | ReferralEvent::Cancel => {}
    }
    json!({"url": extension_url("referral-transition"), "extension": parts})
}

fn service_request(
    referral: &Referral,
    state: ReferralState,
    subject: &str,
    requester: &str,
) -> Value {
    let status = match state {
        ReferralState::Received | ReferralState::Assigned | ReferralState::InProgress => "active",
        ReferralState::Closed => "completed",
        ReferralState::Declined | ReferralState::Cancelled => "revoked",
    };
    let mut sr = json!({
        "resourceType": "ServiceRequest",
        "text": text(&format!("Referral {} of patient {} received on {} ({})",
            referral.id, referral.patient, referral.received, state.label_en())),
        "extension": [consent_extension(&referral.consent)],
        "identifier": [identifier(id_system("referral"), referral.id.as_str())],
        "status": status,
        "intent": "order",
        "category": [codeable("pathway-stage", referral.stage.wire_name())],
        "code": codeable("service", "patient_partner_support"),
        "subject": reference(subject),
        "authoredOn": date(referral.received),
        "requester": reference(requester),
        "reasonCode": referral.needs.iter().map(|n| codeable("need", n.wire_name())).collect::<Vec<_>>(),
    });
    let mut details = Vec::new();
    if let Some(s) = referral.setting {
        details.push(codeable("setting", s.wire_name()));
    }
    if let Some(f) = referral.follow_up {
        details.push(codeable("follow-up", f.wire_name()));
    }
    if !details.is_empty() {
        sr["orderDetail"] = json!(details);
    }
    if let Some(e) = &referral.establishment {
        sr["performer"] = json!([establishment_ref(e.as_str())]);
    }
    sr
}

fn task(
    record: &ReferralRecord,
    focus: &str,
    subject: &str,
    requester: &str,
    owner: Option<&str>,
) -> Value {
    let referral = record.referral();
    let lifecycle = record.lifecycle();
    let status = match record.state() {
        ReferralState::Received => "requested",
        ReferralState::Assigned => "accepted",
        ReferralState::InProgress => "in-progress",
        ReferralState::Closed => "completed",
        ReferralState::Declined => "rejected",
        ReferralState::Cancelled => "cancelled",
    };
    let mut t = json!({
        "resourceType": "Task",
        "text": text(&format!("Referral {}: {} since {}", referral.id, record.state().label_en(), lifecycle.last_date())),
        "identifier": [identifier(id_system("referral"), referral.id.as_str())],
        "status": status,
        "intent": "order",
        "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]},
        "focus": reference(focus),
        "for": reference(subject),
        "authoredOn": date(referral.received),
        "lastModified": date(lifecycle.last_date()),
        "requester": reference(requester),
    });
    if !record.history().is_empty() {
        t["extension"] = json!(record
            .history()
            .iter()
            .map(transition_extension)
            .collect::<Vec<_>>());
    }
    if let Some(owner) = owner {
        t["owner"] = reference(owner);
    }
    match lifecycle.final_event() {
        Some(ReferralEvent::Decline { reason }) => {
            t["statusReason"] = codeable("decline-reason", reason.wire_name());
        }
        Some(ReferralEvent::Close {
            outcome,
            orientations,
        }) => {
            let mut outputs = vec![json!({
                "type": codeable("task-output", "outcome"),
                "valueCodeableConcept": codeable("referral-outcome", outcome.wire_name()),
            })];
            outputs.extend(orientations.iter().map(|o| {
                json!({"type": codeable("task-output", "orientation"), "valueCodeableConcept": orientation_concept(o)})
            }));
            t["output"] = json!(outputs);
        }
        _ => {}
    }
    t
}

fn length(minutes: u32) -> Value {
    json!({"value": minutes, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"})
}

fn encounter_class(remote: bool) -> Value {
    json!({"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": if remote { "VR" } else { "AMB" }})
}

fn interview_encounter(
    i: &Interview,
    subject: &str,
    partner: &str,
    based_on: Option<&str>,
) -> Value {
    let mode = match i.modality {
        Modality::InPerson => "FACE",
        Modality::Phone => "PHONE",
        Modality::Video => "VIDEOCONF",
    };
    let mut e = json!({
        "resourceType": "Encounter",
        "text": text(&format!("Interview of {} with patient {} on {} ({})", i.partner, i.patient, i.date, i.modality.label_en())),
        "status": "finished",
        "class": encounter_class(i.modality != Modality::InPerson),
        "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode", "code": mode}]}],
        "subject": reference(subject),
        "participant": [{"individual": reference(partner)}],
        "period": {"start": date(i.date), "end": date(i.date)},
    });
    if let Some(id) = &i.id {
        e["identifier"] = json!([identifier(id_system("interview"), id.as_str())]);
    }
    if let Some(sr) = based_on {
        e["basedOn"] = json!([reference(sr)]);
    }
    if let Some(m) = i.duration_minutes {
        e["length"] = length(m);
    }
    if let Some(est) = &i.establishment {
        e["serviceProvider"] = establishment_ref(est.as_str());
    }
    e
}

fn activity_encounter(a: &Activity, partner: &str, co_animator: Option<&str>) -> Value {
    let mut extensions = Vec::new();
    if let Some(n) = a.participants {
        extensions.push(json!({"url": extension_url("activity-participants"), "valueInteger": n}));
    }
    if let Some(p) = a.participation {
        extensions.push(json!({"url": extension_url("activity-participation"), "valueCoding": coding("participation", p.wire_name())}));
    }
    let mut participants = vec![json!({"individual": reference(partner)})];
    if let Some(c) = co_animator {
        participants.push(json!({"individual": reference(c)}));
    }
    let mut e = json!({
        "resourceType": "Encounter",
        "text": text(&format!("Activity {} of {} on {}: {} ({})", a.id, a.partner, a.date, a.mission.label_en(), a.modality.label_en())),
        "identifier": [identifier(id_system("activity"), a.id.as_str())],
        "status": "finished",
        "class": encounter_class(matches!(a.modality, ActivityModality::Video | ActivityModality::Phone)),
        "type": [codeable("mission", a.mission.wire_name()), codeable("activity-modality", a.modality.wire_name())],
        "participant": participants,
        "period": {"start": date(a.date), "end": date(a.date)},
        "length": length(a.duration_minutes),
    });
    if !extensions.is_empty() {
        e["extension"] = json!(extensions);
    }
    if let Some(est) = &a.establishment {
        e["serviceProvider"] = establishment_ref(est.as_str());
    }
    e
}

/// The journal as a FHIR R4 Bundle of type `kind` (see the [module](self) and ADR 0013).
pub fn journal_bundle(journal: &Journal, kind: BundleKind) -> Value {
    let mut entries = Entries::default();
    let mut requests: BTreeMap<&str, String> = BTreeMap::new();
    for record in journal.referrals() {
        let referral = record.referral();
        let est = referral.establishment.as_ref().map(|e| e.as_str());
        let subject = patient(&mut entries, est, referral.patient.as_str());
        let requester = referrer_role(&mut entries, &referral.source);
        let owner = record
            .lifecycle()
            .partner()
            .map(|p| partner_role(&mut entries, p.as_str()));
        let id = referral.id.as_str();
        let condition = by_identifier(id_system("referral"), id);
        let sr = entries.add("ServiceRequest", id, condition.clone(), || {
            service_request(referral, record.state(), &subject, &requester)
        });
        entries.add("Task", id, condition, || {
            task(record, &sr, &subject, &requester, owner.as_deref())
        });
        requests.insert(id, sr);
    }
    for (n, i) in journal.interviews().iter().enumerate() {
        let est = i.establishment.as_ref().map(|e| e.as_str());
        let subject = patient(&mut entries, est, i.patient.as_str());
        let partner = partner_role(&mut entries, i.partner.as_str());
        let based_on = i
            .referral
            .as_ref()
            .and_then(|r| requests.get(r.as_str()).cloned());
        let (key, condition) = match &i.id {
            Some(id) => (
                format!("id|{id}"),
                by_identifier(id_system("interview"), id.as_str()),
            ),
            None => (format!("position|{n}"), None),
        };
        entries.add("Encounter", &format!("interview|{key}"), condition, || {
            interview_encounter(i, &subject, &partner, based_on.as_deref())
        });
    }
    for a in journal.activities() {
        let partner = partner_role(&mut entries, a.partner.as_str());
        let co = a.co_animator.as_ref().map(|c| {
            referrer_role(
                &mut entries,
                &ReferralSource::CareTeam {
                    profession: c.profession,
                    professional: Some(c.professional.clone()),
                },
            )
        });
        let condition = by_identifier(id_system("activity"), a.id.as_str());
        entries.add(
            "Encounter",
            &format!("activity|{}", a.id),
            condition,
            || activity_encounter(a, &partner, co.as_deref()),
        );
    }
    bundle(entries, kind)
}

fn bundle(entries: Entries, kind: BundleKind) -> Value {
    let list: Vec<Value> = entries
        .list
        .into_iter()
        .map(|e| {
            let mut entry = Map::new();
            entry.insert("fullUrl".into(), json!(e.full_url));
            let resource_type = e.resource["resourceType"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            entry.insert("resource".into(), e.resource);
            if kind == BundleKind::Transaction {
                let request = match (resource_type.as_str(), e.condition) {
                    ("Patient" | "PractitionerRole", Some(c)) => json!({
                        "method": "PUT",
                        "url": format!("{resource_type}?{}", query(&c)),
                    }),
                    (_, Some(c)) => json!({
                        "method": "POST",
                        "url": resource_type,
                        "ifNoneExist": query(&c),
                    }),
                    (_, None) => json!({"method": "POST", "url": resource_type}),
                };
                entry.insert("request".into(), request);
            }
            Value::Object(entry)
        })
        .collect();
    let mut bundle = json!({"resourceType": "Bundle", "type": kind.wire_name()});
    // FHIR has no empty arrays: an empty journal is a Bundle without `entry`.
    if !list.is_empty() {
        bundle["entry"] = json!(list);
    }
    bundle
}
