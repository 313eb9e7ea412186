//! Any text ingested as a journal document: never a panic, and all or nothing (a failed
//! ingest leaves the journal equal to what it was).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::Journal;

const BASE: &str = r#"{"referrals": [{"id": "REF-1", "patient": "PAT-0001", "received": "2023-01-09",
  "source": {"kind": "care_team", "profession": "nurse"}, "needs": ["pathway_navigation"],
  "stage": "treatment", "consent": {"status": "given", "date": "2023-01-09"}}]}"#;

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut journal = Journal::new();
    journal
        .ingest_json(BASE)
        .expect("the base document is valid");
    let before = journal.clone();
    if journal.ingest_json(text).is_err() {
        assert_eq!(journal, before, "a failed ingest changed the journal");
    }
    let _ = Journal::from_json(text);
});
