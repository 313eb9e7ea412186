//! The Rust side of the call-cost comparison in BENCHMARKS.md: the same rule checks as
//! `CallCost.kt` (Kotlin, across the uniffi boundary), called here directly on the core.
//!
//! `cargo run --release -p patient-partner-uniffi --example call_cost`
//! (or `scripts/bench-kotlin-calls.sh`, which runs both sides).

use std::hint::black_box;
use std::time::Instant;

use patient_partner::engagement::Role;
use patient_partner::{Mission, PatientId, RoleCatalogue};

/// Median nanoseconds per call of `f` over 5 runs of `n` calls, after a warm-up.
fn per_call(n: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..n / 5 {
        f();
    }
    let mut runs: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_nanos() as f64 / f64::from(n)
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[2]
}

fn main() {
    let n = 1_000_000;
    let id = per_call(n, || {
        black_box(PatientId::new(black_box("PAT-0042")).map(String::from)).ok();
    });
    let catalogue = RoleCatalogue::builtin();
    let classify = per_call(n, || {
        let mission: Mission = black_box("pathway_redesign")
            .parse()
            .unwrap_or(Mission::Media);
        let role: Role = black_box("salaried_patient_partner")
            .parse()
            .unwrap_or(Role::SalariedPatientPartner);
        black_box(catalogue.classify(mission, None, Some(role))).ok();
    });
    println!("rust parse_id(patient): {id:.1} ns/call");
    println!("rust classify(pathway_redesign, salaried_patient_partner): {classify:.1} ns/call");
}
