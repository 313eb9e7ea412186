//! Any text imported as a FHIR Bundle: never a panic; and a Bundle that gives a journal
//! exports back to a Bundle that gives the same journal (export → import is the identity).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::fhir::export::{journal_bundle, BundleKind};
use patient_partner::fhir::import::{journal_from_bundle, journal_from_bundle_json};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(journal) = journal_from_bundle_json(text) {
        for kind in [BundleKind::Collection, BundleKind::Transaction] {
            let again = journal_from_bundle(&journal_bundle(&journal, kind))
                .expect("an exported journal imports");
            assert_eq!(again, journal, "export -> import changed the journal");
        }
    }
});
