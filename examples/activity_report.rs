//! The main job: monthly activity tables of patient partners from an interview log.
//!
//! `cargo run --example activity_report` (no argument) prints the 2023 tables of Partner A
//! and Partner B (BRIEF §5) from the bundled pseudonymised log `examples/data/interviews_2023.csv`
//! and its coverage file `examples/data/coverage_2023.json` (Partner A's December was not
//! reported: shown "–", not 0).
//!
//! It is the command-line tool's `report` (crate `patient-partner-cli`, binary
//! `patient-partner`) with the bundled files as defaults; with arguments it takes the same
//! options (`--input FILE`, `--from`, `--to`, `--format table|csv|json|xlsx`, `--output`…):
//! `cargo run --example activity_report -- --help`.

use std::path::Path;
use std::process::ExitCode;

fn bundled(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
        .display()
        .to_string()
}

fn main() -> ExitCode {
    let user: Vec<String> = std::env::args().skip(1).collect();
    let mut args = vec!["activity_report".to_owned(), "report".to_owned()];
    let names_input = user
        .iter()
        .any(|a| a == "--input" || a.starts_with("--input="));
    let help = user.iter().any(|a| a == "--help" || a == "-h");
    if !names_input && !help {
        // The bundled log, its coverage and the year 2023, unless the user says otherwise.
        args.extend(["--input".to_owned(), bundled("interviews_2023.csv")]);
        if !user.iter().any(|a| a.starts_with("--coverage")) {
            args.extend(["--coverage".to_owned(), bundled("coverage_2023.json")]);
        }
        if !user.iter().any(|a| a.starts_with("--from")) {
            args.extend(["--from".to_owned(), "2023-01-01".to_owned()]);
        }
        if !user.iter().any(|a| a.starts_with("--to")) {
            args.extend(["--to".to_owned(), "2023-12-31".to_owned()]);
        }
        args.push("--quiet".to_owned());
    }
    args.extend(user);
    let code = patient_partner_cli::run(
        args,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
