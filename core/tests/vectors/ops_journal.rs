//! Ops of the journal: `ingest_journal`, `ingest_journal_steps`, `import_fhir_bundle`.

use patient_partner::journal::Journal;
use serde_json::{json, Value};

use crate::harness::{arg, core, ok, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "ingest_journal" => ingest_journal(input),
        "ingest_journal_steps" => ingest_journal_steps(input),
        "import_fhir_bundle" => import_fhir_bundle(input),
        _ => return None,
    })
}

fn ingest_journal(input: &Value) -> Outcome {
    let document: Value = arg(input, "document")?;
    let journal = Journal::from_json(&document.to_string()).map_err(core)?;
    ok(&journal.summary())
}

fn import_fhir_bundle(input: &Value) -> Outcome {
    let bundle: Value = arg(input, "bundle")?;
    let journal = patient_partner::fhir::import::journal_from_bundle(&bundle).map_err(core)?;
    ok(&journal.to_document())
}

fn ingest_journal_steps(input: &Value) -> Outcome {
    let documents: Vec<Value> = arg(input, "documents")?;
    let mut journal = Journal::new();
    let results: Vec<Value> = documents
        .iter()
        .map(|doc| match journal.ingest_json(&doc.to_string()) {
            Ok(()) => json!("ok"),
            Err(e) => json!(e.code()),
        })
        .collect();
    ok(&json!({ "results": results, "summary": journal.summary() }))
}
