//! Conformance vector runner: runs every `tests/vectors/**/*.json` file of the repository
//! (and of `$PP_VECTORS_DIR` when set) against the Rust API. The Python and Kotlin runners
//! read the same files; the format is documented in `tests/vectors/README.md`.
//!
//! Each op lives in the `ops_*` module of its area; `dispatch` asks each in turn.

mod harness;
mod ops_core;
mod ops_engagement;
mod ops_indicators;
mod ops_journal;
mod ops_policy;
mod ops_referral;
mod ops_report;

use harness::{Fail, Outcome};
use serde_json::Value;

/// Finds the handler of `op` and runs it. `None` when no area knows the op.
fn dispatch(op: &str, input: &Value) -> Option<Outcome> {
    let areas: &[fn(&str, &Value) -> Option<Outcome>] = &[
        ops_core::run,
        ops_engagement::run,
        ops_referral::run,
        ops_journal::run,
        ops_report::run,
        ops_indicators::run,
        ops_policy::run,
        // Areas register here, one line each.
    ];
    areas.iter().find_map(|area| area(op, input))
}

#[test]
fn conformance_vectors() {
    let report = harness::run_all(dispatch);
    println!("{}", report.summary());
    assert!(
        report.failures.is_empty(),
        "{}",
        report.failures.join("\n\n")
    );
    assert!(report.passed > 0, "no vector ran");
}

#[allow(dead_code)]
fn _uses(_: Fail) {}
