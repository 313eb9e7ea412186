//! Any JSON value as a report request, then a small log through it: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::report::{activity_report, ReportRequest};
use patient_partner::{Interview, Modality, PartnerId, PatientId};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(request) = ReportRequest::from_json_value(&value) else {
        return;
    };
    let day = chrono::NaiveDate::from_ymd_opt(2023, 3, 14).unwrap();
    let log = [Interview::new(
        day,
        PartnerId::new("PP-A").unwrap(),
        PatientId::new("PAT-1").unwrap(),
        Modality::Phone,
    )];
    let _ = activity_report(&log, &request);
});
