//! Any text as a policy document, a post and a mandate, evaluated against the built-in and
//! the parsed policy: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::policy::{Mandate, Policy, Post};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let builtin = Policy::builtin();
    let parsed = Policy::from_json(text).ok();
    if let Ok(post) = Post::from_json(text) {
        for policy in std::iter::once(builtin).chain(parsed.as_ref()) {
            let _ = policy.evaluate_post(&post);
            let _ = policy.contract_calendar(&post);
            let _ = policy.post_split(&post);
        }
    }
    if let Ok(mandate) = Mandate::from_json(text) {
        let as_of = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let _ = builtin.evaluate_mandate(&mandate, as_of);
    }
});
