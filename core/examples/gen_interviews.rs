//! Writes a deterministic synthetic interview log for the benchmarks (see BENCHMARKS.md).
//!
//! ```text
//! cargo run --release -p patient-partner --example gen_interviews -- \
//!     [--rows 10000000] [--partners 5000] [--patients N] [--seed 42] [--repeat 1] \
//!     [--out bench-data/interviews_10m.csv]
//! ```
//!
//! Defaults: the log of issue 3 item 7 (10 million interviews, 5,000 partners, 2 million
//! patients, 2021-01-01 to 2023-12-31, seed 42). `--patients` defaults to `rows / 5`.
//! `--repeat R` writes every row R times: R times the rows with exactly the same distinct
//! (partner, patient) pairs (the memory-bound check). The shape of the data is described in
//! `core/benches/common/synthetic.rs`. Output goes to `bench-data/` (git-ignored).

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut spec = synthetic::Spec::full();
    let mut patients: Option<u32> = None;
    let mut repeat: u32 = 1;
    let mut out: Option<PathBuf> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let value = it.next();
        let parsed = value.and_then(|v| v.parse::<u64>().ok());
        let ok = match (arg.as_str(), parsed) {
            ("--rows", Some(v)) => {
                spec.rows = v;
                true
            }
            ("--partners", Some(v)) => {
                spec.partners = v as u32;
                true
            }
            ("--patients", Some(v)) => {
                patients = Some(v as u32);
                true
            }
            ("--seed", Some(v)) => {
                spec.seed = v;
                true
            }
            ("--repeat", Some(v)) => {
                repeat = v as u32;
                true
            }
            ("--out", _) if value.is_some() => {
                out = value.map(PathBuf::from);
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!(
                "usage: gen_interviews [--rows N] [--partners N] [--patients N] [--seed N] \
                 [--repeat R] [--out FILE]"
            );
            return ExitCode::from(2);
        }
    }
    spec.patients = patients.unwrap_or_else(|| synthetic::Spec::scaled(spec.rows).patients);
    if spec.partners == 0 || spec.patients == 0 || u64::from(spec.patients) > spec.rows {
        eprintln!("gen_interviews: need 0 < patients <= rows and partners > 0");
        return ExitCode::from(2);
    }
    let out = out.unwrap_or_else(|| PathBuf::from("bench-data/interviews_10m.csv"));
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("gen_interviews: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let t = Instant::now();
    let rows = synthetic::generate(&spec);
    let generated = t.elapsed();
    let file = match std::fs::File::create(&out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("gen_interviews: {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = synthetic::write_csv(&spec, &rows, repeat, file) {
        eprintln!("gen_interviews: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "gen_interviews: {} rows x{repeat}, {} partners, {} patients, {} to {}, seed {} -> {} \
         (generated in {:.1?}, total {:.1?})",
        rows.len(),
        spec.partners,
        spec.patients,
        spec.start,
        spec.end(),
        spec.seed,
        out.display(),
        generated,
        t.elapsed()
    );
    ExitCode::SUCCESS
}
