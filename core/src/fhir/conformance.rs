//! The conformance resources the library ships (ADR 0013): one `CodeSystem` and one
//! `ValueSet` per vocabulary used in exports, and the `Measure` of the activity report.
//!
//! They are generated from the core's vocabularies, so a code is always a wire name the core
//! parses and a display its English label (the French label is a `fr-FR` designation). The
//! same resources are committed under `core/fhir/<name>.json`; `core/tests/fhir_conformance.rs`
//! fails when they drift and rewrites them with `UPDATE_FHIR=1`.

use serde_json::{json, Value};

use super::narrative::text;
use super::{canonical, VERSION};
use crate::activity::ActivityModality;
use crate::engagement::Participation;
use crate::mission::{ActivityCategory, Mission};
use crate::referral::{
    ConsentStatus, DeclineReason, FollowUp, Need, PathwayStage, Profession, ReferralEventKind,
    ReferralOutcome, Resource, Setting,
};
use crate::report::{ActivityMeasure, Bucket, Column, GroupBy, NewPatientRule};
use crate::vocabulary::Vocabulary;

/// One code of a code system: code, English display, French designation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// The code (a wire name of the core).
    pub code: String,
    /// The English label.
    pub display: String,
    /// The French label.
    pub french: String,
}

/// A code system of ours: its id (the last segment of its canonical), computable name,
/// title, description and concepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSystemSpec {
    /// The id (`need`), also the last segment of `{BASE}/CodeSystem/{id}`.
    pub id: &'static str,
    /// The computable name (`Need`).
    pub name: &'static str,
    /// A human title.
    pub title: &'static str,
    /// What the codes are.
    pub description: &'static str,
    /// The codes, in the vocabulary's order.
    pub concepts: Vec<Concept>,
}

impl CodeSystemSpec {
    /// The canonical URL of the code system (the `system` of its codings).
    pub fn url(&self) -> String {
        canonical("CodeSystem", self.id)
    }
}

fn concepts_of<V: Vocabulary>() -> Vec<Concept> {
    V::all()
        .iter()
        .map(|v| Concept {
            code: v.wire_name().to_owned(),
            display: v.label_en().to_owned(),
            french: v.label_fr().to_owned(),
        })
        .collect()
}

fn spec<V: Vocabulary>(
    id: &'static str,
    title: &'static str,
    description: &'static str,
) -> CodeSystemSpec {
    CodeSystemSpec {
        id,
        name: V::TYPE_NAME,
        title,
        description,
        concepts: concepts_of::<V>(),
    }
}

fn concept(code: &str, display: &str, french: &str) -> Concept {
    Concept {
        code: code.to_owned(),
        display: display.to_owned(),
        french: french.to_owned(),
    }
}

/// The metrics of the activity report, one per group of the Measure: the interview columns
/// (`in_person`…`patients`), then for each activity category its count, minutes and
/// participants (`clinical_groups`, `clinical_groups_minutes`…), as the report's CSV names
/// its columns.
pub fn report_metrics() -> Vec<Concept> {
    let mut out: Vec<Concept> = Column::all()
        .iter()
        .map(|c| concept(c.wire_name(), c.label_en(), c.label_fr()))
        .collect();
    for category in ActivityCategory::ALL {
        for &measure in ActivityMeasure::ALL {
            out.push(concept(
                &measure.column_name(*category),
                &format!("{}: {}", category.label_en(), measure.label_en()),
                &format!("{} : {}", category.label_fr(), measure.label_fr()),
            ));
        }
    }
    out
}

/// Every code system the exports use.
pub fn code_systems() -> Vec<CodeSystemSpec> {
    vec![
        spec::<Need>("need", "Needs of a referred patient", "Why a patient is referred to a patient partner (ServiceRequest.reasonCode)."),
        spec::<PathwayStage>("pathway-stage", "Stages of the care pathway", "Where the patient stands in the care pathway when referred (ServiceRequest.category)."),
        spec::<Profession>("profession", "Professions", "Professions of referrers, co-animators and orientations (PractitionerRole.code, Task.output)."),
        spec::<DeclineReason>("decline-reason", "Reasons to decline a referral", "Why a referral was declined (Task.statusReason)."),
        spec::<ReferralOutcome>("referral-outcome", "Outcomes of a follow-up", "How a follow-up ended (Task.output)."),
        spec::<Resource>("orientation-resource", "Resources a patient is oriented to", "Resources a patient is oriented to at the end of a follow-up (Task.output)."),
        spec::<Setting>("setting", "Settings of a referral", "Where the follow-up takes place (ServiceRequest.orderDetail)."),
        spec::<FollowUp>("follow-up", "Kinds of follow-up", "One-off or long-term follow-up (ServiceRequest.orderDetail)."),
        spec::<ConsentStatus>("consent-status", "Consent statuses", "The patient's consent to meet a patient partner (extensions referral-consent and referral-transition)."),
        spec::<ReferralEventKind>("referral-event", "Events of a referral", "The transitions of a referral's lifecycle (extension referral-transition)."),
        spec::<Mission>("mission", "Missions of patient partners", "What an activity is for (Encounter.type of an activity)."),
        spec::<ActivityModality>("activity-modality", "Modalities of an activity", "How an activity took place (Encounter.type of an activity)."),
        spec::<Participation>("participation", "Participations", "How a patient partner took part in an activity (extension activity-participation)."),
        spec::<GroupBy>("group-by", "Groupings of a report", "What one table of an activity report is made of (extension report-settings)."),
        spec::<Bucket>("bucket", "Buckets of a report", "The rows of an activity report (extension report-settings)."),
        spec::<NewPatientRule>("new-patient-rule", "New-patient rules", "When a patient counts as new (extension report-settings)."),
        CodeSystemSpec {
            id: "role",
            name: "Role",
            title: "Roles in a referral",
            description: "The role of a PractitionerRole that is not a care-team profession.",
            concepts: vec![
                concept("patient_partner", "patient partner", "patient partenaire"),
                concept("referring_physician", "referring physician", "médecin référent"),
            ],
        },
        CodeSystemSpec {
            id: "service",
            name: "Service",
            title: "Services requested",
            description: "What a referral asks for (ServiceRequest.code).",
            concepts: vec![concept(
                "patient_partner_support",
                "support by a patient partner",
                "accompagnement par un patient partenaire",
            )],
        },
        CodeSystemSpec {
            id: "task-output",
            name: "TaskOutput",
            title: "Outputs of a referral's task",
            description: "What a closed referral produced (Task.output.type).",
            concepts: vec![
                concept("outcome", "outcome", "issue"),
                concept("orientation", "orientation", "orientation"),
            ],
        },
        CodeSystemSpec {
            id: "orientation-kind",
            name: "OrientationKind",
            title: "Kinds of orientation",
            description: "An orientation towards a patient or support association (Task.output; the association's public name is the text).",
            concepts: vec![concept("association", "association", "association")],
        },
        CodeSystemSpec {
            id: "report-metric",
            name: "ReportMetric",
            title: "Metrics of the activity report",
            description: "One group of the partner-activity Measure per metric: interviews by modality, new and distinct patients, and per activity category its count, minutes and participants.",
            concepts: report_metrics(),
        },
        CodeSystemSpec {
            id: "report-stratifier",
            name: "ReportStratifier",
            title: "Stratifiers of the activity report",
            description: "The table of an activity report a stratum belongs to: a partner, an establishment, or all.",
            concepts: vec![concept("group", "report group", "groupe du rapport")],
        },
    ]
}

fn code_system(spec: &CodeSystemSpec) -> Value {
    let concepts: Vec<Value> = spec
        .concepts
        .iter()
        .map(|c| {
            json!({
                "code": c.code,
                "display": c.display,
                "designation": [{"language": "fr-FR", "value": c.french}],
            })
        })
        .collect();
    json!({
        "resourceType": "CodeSystem",
        "id": spec.id,
        "text": text(&format!("{}: {} codes ({}).", spec.title, spec.concepts.len(),
            spec.concepts.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", "))),
        "url": spec.url(),
        "version": VERSION,
        "name": spec.name,
        "title": spec.title,
        "status": "active",
        "experimental": false,
        "publisher": "patient-partner",
        "description": spec.description,
        "caseSensitive": true,
        "hierarchyMeaning": "is-a",
        "content": "complete",
        "count": spec.concepts.len(),
        "concept": concepts,
    })
}

fn value_set(spec: &CodeSystemSpec) -> Value {
    json!({
        "resourceType": "ValueSet",
        "id": spec.id,
        "text": text(&format!("{}: every code of the code system {}.", spec.title, spec.url())),
        "url": canonical("ValueSet", spec.id),
        "version": VERSION,
        "name": spec.name,
        "title": spec.title,
        "status": "active",
        "experimental": false,
        "publisher": "patient-partner",
        "description": spec.description,
        "compose": {"include": [{"system": spec.url(), "version": VERSION}]},
    })
}

/// The id of the report's Measure.
pub const MEASURE_ID: &str = "partner-activity";

/// The canonical of the report's Measure with its version (`MeasureReport.measure`).
pub fn measure_canonical() -> String {
    format!("{}|{VERSION}", canonical("Measure", MEASURE_ID))
}

/// The coding of a code of one of our code systems.
pub(crate) fn coding(system_id: &str, code: &str) -> Value {
    json!({"system": canonical("CodeSystem", system_id), "code": code})
}

/// `initial-population` of the HL7 measure-population code system.
pub(crate) fn initial_population() -> Value {
    json!({"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/measure-population",
        "code": "initial-population",
    }]})
}

/// The FHIRPath naming what a metric counts among the exported resources (interviews are
/// the Encounters with a subject, activities those without).
fn criteria(metric: &str) -> String {
    let interviews = "Encounter.where(subject.exists())";
    let mode =
        |code: &str| format!("{interviews}.where(type.coding.where(code = '{code}').exists())");
    match metric {
        "in_person" => mode("FACE"),
        "phone" => mode("PHONE"),
        "video" => mode("VIDEOCONF"),
        "total" => interviews.to_owned(),
        "new_patients" | "patients" => format!("{interviews}.subject"),
        _ => "Encounter.where(subject.empty())".to_owned(),
    }
}

/// The Measure of the activity report: scoring `cohort`, one group per metric, each with
/// the single population `initial-population` and the stratifier `group`.
pub fn measure() -> Value {
    let groups: Vec<Value> = report_metrics()
        .iter()
        .map(|m| {
            json!({
                "code": {"coding": [coding("report-metric", &m.code)], "text": m.display},
                "description": format!("{}, per report group and bucket.", m.display),
                "population": [{
                    "code": initial_population(),
                    "description": format!("What is counted: {}.", m.display),
                    "criteria": {
                        "language": "text/fhirpath",
                        "expression": criteria(&m.code),
                        "description": format!("Computed by the patient-partner library: the report's column {} (the expression names the resources it counts).", m.code),
                    },
                }],
                "stratifier": [{
                    "code": {"coding": [coding("report-stratifier", "group")]},
                    "description": "The report's group: a partner, an establishment, or all.",
                }],
            })
        })
        .collect();
    json!({
        "resourceType": "Measure",
        "id": MEASURE_ID,
        "text": text("Patient-partner activity report: per bucket and report group, interviews by modality, new and distinct patients, and activities by category (count, minutes, participants). Masked cells carry the data-absent-reason masked, buckets not reported unknown."),
        "url": canonical("Measure", MEASURE_ID),
        "version": VERSION,
        "name": "PartnerActivity",
        "title": "Patient-partner activity report",
        "status": "active",
        "experimental": false,
        "publisher": "patient-partner",
        "description": "The monthly (quarterly, yearly) tables of patient partners' activity, as the patient-partner library computes them.",
        "scoring": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/measure-scoring",
            "code": "cohort",
        }]},
        "group": groups,
    })
}

/// Every conformance resource, as `(file stem, resource)`: `CodeSystem-<id>`,
/// `ValueSet-<id>`, `Measure-partner-activity`.
pub fn conformance_resources() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for spec in code_systems() {
        out.push((format!("CodeSystem-{}", spec.id), code_system(&spec)));
        out.push((format!("ValueSet-{}", spec.id), value_set(&spec)));
    }
    out.push((format!("Measure-{MEASURE_ID}"), measure()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_codes_are_unique() {
        let mut ids = std::collections::BTreeSet::new();
        for spec in code_systems() {
            assert!(ids.insert(spec.id), "{}", spec.id);
            let mut codes = std::collections::BTreeSet::new();
            for c in &spec.concepts {
                assert!(codes.insert(&c.code), "{} {}", spec.id, c.code);
            }
        }
        assert_eq!(
            measure()["group"].as_array().map(Vec::len),
            Some(report_metrics().len())
        );
    }
}
