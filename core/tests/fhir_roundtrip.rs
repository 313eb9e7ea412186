//! FHIR export → import is the identity (issue 14): on the demo journal, on every journal
//! vector that ingests, in both Bundle types; and an import that cannot be read fails with a
//! typed error naming the element, or with the journal's own rule.

use std::path::Path;

use patient_partner::fhir::export::{journal_bundle, BundleKind};
use patient_partner::fhir::import::{document_from_bundle, journal_from_bundle};
use patient_partner::{ErrorCategory, Journal, JournalDocument};
use serde_json::{json, Value};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn demo() -> Journal {
    let text = std::fs::read_to_string(root().join("examples/data/journal_2023.json")).unwrap();
    Journal::from_json(&text).expect("the demo journal follows the rules")
}

fn round_trip(journal: &Journal, what: &str) {
    for kind in [BundleKind::Collection, BundleKind::Transaction] {
        let bundle = journal_bundle(journal, kind);
        // through text, as a file would carry it
        let text = serde_json::to_string(&bundle).unwrap();
        let back = journal_from_bundle(&serde_json::from_str(&text).unwrap())
            .unwrap_or_else(|e| panic!("{what} ({kind:?}): {e}"));
        assert_eq!(&back, journal, "{what} ({kind:?})");
        assert_eq!(
            back.to_document(),
            journal.to_document(),
            "{what} ({kind:?})"
        );
        // the same journal always gives the same Bundle
        assert_eq!(journal_bundle(&back, kind), bundle, "{what} ({kind:?})");
    }
}

#[test]
fn the_demo_journal_comes_back_identical() {
    let journal = demo();
    let s = journal.summary();
    assert_eq!((s.referrals, s.interviews, s.activities), (78, 192, 17));
    round_trip(&journal, "demo journal");
}

#[test]
fn every_journal_vector_comes_back_identical() {
    let mut count = 0;
    for dir in ["tests/vectors/journal", "tests/vectors/indicators"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let vector: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let input = &vector["input"];
            let Some(doc) = input.get("document").or_else(|| input.get("journal")) else {
                continue;
            };
            let Ok(doc) = serde_json::from_value::<JournalDocument>(doc.clone()) else {
                continue;
            };
            let Ok(journal) = Journal::from_document(&doc) else {
                continue; // a vector of a refused history
            };
            round_trip(&journal, &path.display().to_string());
            count += 1;
        }
    }
    assert!(count >= 8, "only {count} journal vectors round-tripped");
}

#[test]
fn patients_are_pseudonyms_and_nothing_else() {
    let bundle = journal_bundle(&demo(), BundleKind::Collection);
    for entry in bundle["entry"].as_array().unwrap() {
        let r = &entry["resource"];
        assert!(entry["fullUrl"].as_str().unwrap().starts_with("urn:uuid:"));
        assert!(r["text"]["div"]
            .as_str()
            .unwrap()
            .starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\">"));
        if r["resourceType"] == "Patient" {
            let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["identifier", "meta", "resourceType", "text"]);
            assert_eq!(r["meta"]["security"][0]["code"], "PSEUDED");
            assert_eq!(r["identifier"][0]["type"]["coding"][0]["code"], "PI");
        }
    }
}

fn demo_bundle() -> Value {
    journal_bundle(&demo(), BundleKind::Collection)
}

fn entry_index(bundle: &Value, resource_type: &str) -> usize {
    bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["resource"]["resourceType"] == resource_type)
        .unwrap()
}

#[test]
fn bad_bundles_name_the_element() {
    let err = document_from_bundle(&json!({"resourceType": "Patient"})).unwrap_err();
    assert_eq!(err.code(), "not_a_bundle");

    let mut b = demo_bundle();
    let i = entry_index(&b, "ServiceRequest");
    b["entry"][i]["resource"]
        .as_object_mut()
        .unwrap()
        .remove("subject");
    let err = document_from_bundle(&b).unwrap_err();
    assert_eq!(err.code(), "missing_element");
    assert_eq!(
        err.context().field.as_deref(),
        Some(format!("Bundle.entry[{i}].resource.subject").as_str())
    );
    assert_eq!(err.context().entity.as_deref(), Some("ServiceRequest"));

    let mut b = demo_bundle();
    b["entry"][i]["resource"]["reasonCode"][0]["coding"][0]["code"] = json!("telepathy");
    let err = document_from_bundle(&b).unwrap_err();
    assert_eq!(err.code(), "invalid_fhir_value");
    assert_eq!(
        err.context().field.as_deref(),
        Some(format!("Bundle.entry[{i}].resource.reasonCode[0].coding[0].code").as_str())
    );

    let mut b = demo_bundle();
    b["entry"][i]["resource"]["subject"]["reference"] =
        json!("urn:uuid:00000000-0000-0000-0000-000000000000");
    assert_eq!(
        document_from_bundle(&b).unwrap_err().code(),
        "unresolved_reference"
    );

    let mut b = demo_bundle();
    b["entry"][0]["resource"] = json!({"resourceType": "Observation"});
    let err = document_from_bundle(&b).unwrap_err();
    assert_eq!(err.code(), "unsupported_resource");
    assert_eq!(
        err.context().field.as_deref(),
        Some("Bundle.entry[0].resource.resourceType")
    );
}

#[test]
fn an_impossible_history_is_refused_by_the_journal_rules() {
    // An interview moved before its referral was received.
    let mut b = demo_bundle();
    let entries = b["entry"].as_array().unwrap().clone();
    let i = entries
        .iter()
        .position(|e| {
            e["resource"]["resourceType"] == "Encounter" && e["resource"].get("basedOn").is_some()
        })
        .unwrap();
    b["entry"][i]["resource"]["period"] = json!({"start": "2020-01-01", "end": "2020-01-01"});
    let err = journal_from_bundle(&b).unwrap_err();
    assert_eq!(err.category(), ErrorCategory::Journal, "{err}");
    assert_eq!(err.code(), "interview_before_referral");
}

#[test]
fn the_demo_journal_gives_the_reference_tables() {
    use patient_partner::report::{journal_report, Period, ReportRequest};
    let report = journal_report(&demo(), &ReportRequest::new(Period::year(2023).unwrap())).unwrap();
    let totals: Vec<(String, Option<u64>, Option<u64>)> = report
        .totals
        .iter()
        .map(|t| (t.group.title().to_owned(), t.total, t.patients))
        .collect();
    // Partner A: 146 interviews, 42 patients; Partner B: 43 and 30 (BRIEF §5)
    assert_eq!(
        totals,
        [
            ("PP-A".to_owned(), Some(146), Some(42)),
            ("PP-B".to_owned(), Some(43), Some(30))
        ]
    );
    assert!(report.has_activities());
}

#[test]
fn conditional_references_resolve_to_entries_of_the_bundle() {
    // A transaction as other tools write it: references by identifier, not by fullUrl.
    let journal = demo();
    let mut b = journal_bundle(&journal, BundleKind::Transaction);
    let entries = b["entry"].as_array().unwrap().clone();
    let conditional: std::collections::BTreeMap<String, String> = entries
        .iter()
        .filter(|e| e["request"]["method"] == "PUT")
        .map(|e| {
            (
                e["fullUrl"].as_str().unwrap().to_owned(),
                e["request"]["url"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(!conditional.is_empty());
    let mut text = serde_json::to_string(&b).unwrap();
    for (urn, url) in &conditional {
        text = text.replace(
            &format!("\"reference\":\"{urn}\""),
            &format!("\"reference\":\"{url}\""),
        );
    }
    b = serde_json::from_str(&text).unwrap();
    assert!(serde_json::to_string(&b)
        .unwrap()
        .contains("\"reference\":\"Patient?identifier="));
    assert_eq!(journal_from_bundle(&b).unwrap(), journal);
}

#[test]
fn ids_with_url_characters_are_escaped_and_come_back() {
    use chrono::NaiveDate;
    use patient_partner::{EstablishmentId, Interview, Modality, PartnerId, PatientId};
    let mut journal = Journal::new();
    let mut i = Interview::new(
        NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
        PartnerId::new("PP A&B").unwrap(),
        PatientId::new("PAT=1|x").unwrap(),
        Modality::Phone,
    );
    i.establishment = Some(EstablishmentId::new("EST 01/Nord").unwrap());
    journal.add_interview(i).unwrap();
    let bundle = journal_bundle(&journal, BundleKind::Transaction);
    let text = serde_json::to_string(&bundle).unwrap();
    assert!(text.contains("/sid/patient/EST%2001%2FNord"), "{text}");
    assert!(text.contains("Patient?identifier="));
    assert!(!text.contains("EST 01/Nord|"));
    round_trip(&journal, "escaped ids");
    // the same with references rewritten as conditional references
    let mut rewritten = text.clone();
    for e in bundle["entry"].as_array().unwrap() {
        if e["request"]["method"] == "PUT" {
            rewritten = rewritten.replace(
                &format!("\"reference\":\"{}\"", e["fullUrl"].as_str().unwrap()),
                &format!(
                    "\"reference\":\"{}\"",
                    e["request"]["url"].as_str().unwrap()
                ),
            );
        }
    }
    assert_ne!(rewritten, text);
    assert_eq!(
        journal_from_bundle(&serde_json::from_str(&rewritten).unwrap()).unwrap(),
        journal
    );
}

#[test]
fn a_bucket_measure_report_carries_the_distinct_patients_of_the_bucket() {
    use patient_partner::fhir::measure_report::report_bundle;
    use patient_partner::report::{journal_report, Period, ReportRequest};
    let report = journal_report(&demo(), &ReportRequest::new(Period::year(2023).unwrap())).unwrap();
    let bundle = report_bundle(&report);
    let entries = bundle["entry"].as_array().unwrap();
    // the February MeasureReport, the `patients` group, partner A's stratum
    let february = &entries[1]["resource"];
    assert_eq!(february["period"]["start"], "2023-02-01");
    let group = february["group"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["code"]["coding"][0]["code"] == "patients")
        .unwrap();
    let stratum = &group["stratifier"][0]["stratum"][0];
    assert_eq!(stratum["value"]["text"], "PP-A");
    let expected = report.rows[1].patients.unwrap();
    assert!(expected > 0);
    assert_eq!(stratum["population"][0]["count"], expected);
    // not additive across partners: no overall count beside two strata
    assert!(group["population"][0].get("count").is_none());
}
