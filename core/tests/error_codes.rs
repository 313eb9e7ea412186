//! `ErrorCode` lists every code a module's error kind returns, and nothing else: reads the
//! body of every `fn code(&self)` of `core/src/` and compares the string literals it returns
//! with the vocabulary (the boundary codes of the bindings apart).

use std::collections::BTreeSet;
use std::path::Path;

use patient_partner::{ErrorCode, Vocabulary};

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The string literals returned by the `fn code(&self)` bodies of a source file (up to the
/// closing brace at the function's indentation).
fn codes_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(at) = line.find("fn code(&self)") else {
            continue;
        };
        let indent = &line[..at];
        let closing = format!("{indent}}}");
        for body in lines.by_ref() {
            if body == closing {
                break;
            }
            if let Some(arrow) = body.find("=> \"") {
                let rest = &body[arrow + 4..];
                let end = rest.find('"').expect("closing quote");
                found.push(rest[..end].to_owned());
            }
        }
    }
    found
}

#[test]
fn every_code_of_the_core_is_an_error_code_and_every_error_code_is_raised() {
    let mut texts = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut texts,
    );
    let raised: BTreeSet<String> = texts.iter().flat_map(|t| codes_in(t)).collect();
    assert!(
        raised.len() > 80,
        "the scan found only {} codes",
        raised.len()
    );
    for code in &raised {
        assert!(
            code.parse::<ErrorCode>().is_ok(),
            "`{code}` is raised but not in ErrorCode"
        );
    }
    for code in ErrorCode::all() {
        if ErrorCode::BOUNDARY.contains(code) {
            assert!(
                !raised.contains(code.wire_name()),
                "{code:?} is raised by the core"
            );
        } else {
            assert!(
                raised.contains(code.wire_name()),
                "{code:?} is raised nowhere in the core"
            );
        }
    }
}

#[test]
fn summaries_name_the_place_and_the_rule_in_both_languages_without_the_value() {
    let err = patient_partner::import::read_interviews_csv(
        "date,partner,patient,modality\n2023-01-09,PP-A,PAT-SECRET-1,fax\n".as_bytes(),
    )
    .unwrap_err();
    let err = patient_partner::Error::from(err);
    assert_eq!(err.error_code(), ErrorCode::InvalidModality);
    assert_eq!(
        err.summary_fr(),
        "ligne 2, colonne 4 (modality) : modalité invalide"
    );
    assert_eq!(
        err.summary(),
        "line 2, column 4 (modality): invalid modality"
    );
    assert!(err.to_string().contains("fax"), "{err}");
    let id = patient_partner::PatientId::new("  ").unwrap_err();
    let id = patient_partner::Error::from(id);
    assert!(
        id.summary_fr().ends_with(" : identifiant vide"),
        "{}",
        id.summary_fr()
    );
    assert!(!err.summary().contains("PAT-SECRET") && !err.summary_fr().contains("fax"));
    let frame = patient_partner::ErrorContext {
        row: Some(16),
        row_label: Some("PAT-SECRET-2".into()),
        column: Some(4),
        field: Some("modality".into()),
        ..Default::default()
    };
    assert_eq!(
        ErrorCode::InvalidModality.summary(&frame),
        "frame row 16, column 4 (modality): invalid modality"
    );
    assert_eq!(
        ErrorCode::InvalidModality.summary_fr(&frame),
        "ligne 16 du tableau, colonne 4 (modality) : modalité invalide"
    );
}
