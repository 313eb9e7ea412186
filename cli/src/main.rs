//! `patient-partner`: the command-line tool (see the crate's library, `run`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = patient_partner_cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
