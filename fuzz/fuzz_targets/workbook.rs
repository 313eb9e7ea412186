//! Bytes behind a workbook signature (ZIP or OLE): read as interviews, referrals and
//! activities, every sheet asked for by name too: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::import::{read_activities, read_interviews, read_referrals, ImportOptions};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let options = ImportOptions::new();
    let _ = read_interviews(data, &options);
    let _ = read_referrals(data, &options);
    let _ = read_activities(data, &options);
    let _ = read_interviews(data, &ImportOptions::new().sheet("Entretiens 2023"));
});
