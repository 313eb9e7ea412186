//! Bytes behind a workbook signature (ZIP or OLE): read as interviews, referrals and
//! activities, every sheet asked for by name too: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// libfuzzer-sys aborts on every panic, even one the library catches and turns into a typed
/// error (it does so for calamine's): keep only its other net, which aborts when a panic
/// escapes the library.
fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
use patient_partner::import::{read_activities, read_interviews, read_referrals, ImportOptions};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let options = ImportOptions::new();
    let _ = read_interviews(data, &options);
    let _ = read_referrals(data, &options);
    let _ = read_activities(data, &options);
    let _ = read_interviews(data, &ImportOptions::new().sheet("Entretiens 2023"));
});
