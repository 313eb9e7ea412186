//! The main job: monthly activity tables of patient partners from an interview log.
//!
//! `cargo run --example activity_report` (no argument) prints the 2023 tables of Partner A
//! and Partner B (BRIEF §5) from the bundled pseudonymised log `examples/data/interviews_2023.csv`
//! and its coverage file `examples/data/coverage_2023.json` (Partner A's December was not
//! reported: shown "–", not 0).
//!
//! With arguments it works on your own log:
//!
//! ```text
//! cargo run --example activity_report -- --input FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
//!     [--by partner|establishment|all] [--bucket month|quarter|year]
//!     [--format table|csv|json] [--suppress-below N]
//!     [--coverage FILE] [--new-patients first_in_period|first_ever]
//! ```
//!
//! The log is CSV (`date,partner,patient,modality` + optional `referral,duration_minutes,
//! establishment,id`; `,` or `;`; ISO or DD/MM/YYYY dates) or JSON when the file name ends in
//! `.json`. Without `--from`/`--to` the period runs from the first to the last interview of
//! the file (read twice). The CSV log is streamed: memory grows with the distinct
//! (partner, patient) pairs, not with the rows. Bad input: a message naming the line on
//! stderr, exit code 1 (2 for bad arguments), nothing on stdout.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use patient_partner::import::{read_interviews_json, InterviewCsvReader};
use patient_partner::report::{
    render, ActivityReport, ActivityReportBuilder, Bucket, GroupBy, NewPatientRule, Period,
    ReportRequest, ReportingGap,
};
use patient_partner::Vocabulary;

const USAGE: &str = "usage: activity_report [--input FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] \
[--by partner|establishment|all] [--bucket month|quarter|year] [--format table|csv|json] \
[--suppress-below N] [--coverage FILE] [--new-patients first_in_period|first_ever]";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Csv,
    Json,
}

/// A failure: the message for stderr and the exit code.
struct Failure {
    message: String,
    code: u8,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: format!("{}\n{USAGE}", message.into()),
        code: 2,
    }
}

fn data_error(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 1,
    }
}

struct Options {
    input: Option<PathBuf>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    group_by: GroupBy,
    bucket: Bucket,
    format: Format,
    suppress_below: Option<u64>,
    coverage: Option<PathBuf>,
    new_patients: NewPatientRule,
}

fn parse_vocab<T: Vocabulary>(option: &str, value: &str) -> Result<T, Failure> {
    T::from_wire(value).map_err(|e| usage(format!("{option}: {e}")))
}

fn parse_args(args: &[String]) -> Result<Options, Failure> {
    let mut o = Options {
        input: None,
        from: None,
        to: None,
        group_by: GroupBy::Partner,
        bucket: Bucket::Month,
        format: Format::Table,
        suppress_below: None,
        coverage: None,
        new_patients: NewPatientRule::FirstInPeriod,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--help" || arg == "-h" {
            return Err(Failure {
                message: USAGE.to_owned(),
                code: 0,
            });
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, Failure> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| usage(format!("{name} needs a value")))
        };
        let date = |v: String| {
            NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map_err(|_| usage(format!("{name}: expected a date YYYY-MM-DD, found {v:?}")))
        };
        match name {
            "--input" => o.input = Some(PathBuf::from(value()?)),
            "--from" => o.from = Some(date(value()?)?),
            "--to" => o.to = Some(date(value()?)?),
            "--by" => o.group_by = parse_vocab(name, &value()?)?,
            "--bucket" => o.bucket = parse_vocab(name, &value()?)?,
            "--new-patients" => o.new_patients = parse_vocab(name, &value()?)?,
            "--coverage" => o.coverage = Some(PathBuf::from(value()?)),
            "--format" => {
                o.format = match value()?.as_str() {
                    "table" => Format::Table,
                    "csv" => Format::Csv,
                    "json" => Format::Json,
                    other => {
                        return Err(usage(format!(
                            "--format: expected table, csv or json, found {other:?}"
                        )))
                    }
                }
            }
            "--suppress-below" => {
                let v = value()?;
                o.suppress_below = Some(v.parse().map_err(|_| {
                    usage(format!(
                        "--suppress-below: expected a whole number, found {v:?}"
                    ))
                })?);
            }
            other => return Err(usage(format!("unknown argument {other:?}"))),
        }
    }
    Ok(o)
}

fn bundled(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn open(path: &Path) -> Result<File, Failure> {
    File::open(path).map_err(|e| data_error(format!("{}: {e}", path.display())))
}

fn read_coverage(path: &Path) -> Result<Vec<ReportingGap>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| data_error(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        data_error(format!(
            "{}: expected a JSON list of {{\"group\", \"start\", \"end\"}}: {e}",
            path.display()
        ))
    })
}

/// The first and last interview dates of a CSV log (a first streaming pass).
fn csv_bounds(path: &Path) -> Result<Option<(NaiveDate, NaiveDate)>, Failure> {
    let fail =
        |e: patient_partner::import::ImportError| data_error(format!("{}: {e}", path.display()));
    let mut bounds: Option<(NaiveDate, NaiveDate)> = None;
    for row in InterviewCsvReader::new(open(path)?).map_err(fail)? {
        let d = row.map_err(fail)?.date;
        bounds = Some(match bounds {
            None => (d, d),
            Some((lo, hi)) => (lo.min(d), hi.max(d)),
        });
    }
    Ok(bounds)
}

fn run(args: &[String]) -> Result<String, Failure> {
    let o = parse_args(args)?;
    let bundled_run = o.input.is_none();
    let input = o
        .input
        .clone()
        .unwrap_or_else(|| bundled("interviews_2023.csv"));
    let coverage_path = o
        .coverage
        .clone()
        .or_else(|| bundled_run.then(|| bundled("coverage_2023.json")));
    let coverage = match &coverage_path {
        Some(p) => read_coverage(p)?,
        None => Vec::new(),
    };
    let fail =
        |e: patient_partner::import::ImportError| data_error(format!("{}: {e}", input.display()));

    // JSON logs are read whole; CSV logs are streamed.
    let json_log = if is_json(&input) {
        let text = std::fs::read_to_string(&input)
            .map_err(|e| data_error(format!("{}: {e}", input.display())))?;
        Some(read_interviews_json(&text).map_err(fail)?)
    } else {
        None
    };
    let (from, to) = match (o.from, o.to, bundled_run) {
        (Some(f), Some(t), _) => (f, t),
        (f, t, true) => (
            f.unwrap_or(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default()),
            t.unwrap_or(NaiveDate::from_ymd_opt(2023, 12, 31).unwrap_or_default()),
        ),
        (f, t, false) => {
            let bounds = match &json_log {
                Some(log) => log
                    .iter()
                    .map(|i| i.date)
                    .min()
                    .zip(log.iter().map(|i| i.date).max()),
                None => csv_bounds(&input)?,
            };
            let Some((lo, hi)) = bounds else {
                return Err(data_error(format!(
                    "{}: the log holds no interview (give --from and --to for an empty report)",
                    input.display()
                )));
            };
            (f.unwrap_or(lo), t.unwrap_or(hi))
        }
    };
    let period = Period::new(from, to).map_err(|e| usage(e.to_string()))?;
    let request = ReportRequest {
        period,
        group_by: o.group_by,
        bucket: o.bucket,
        new_patient_rule: o.new_patients,
        coverage,
        suppress_below: o.suppress_below,
    };
    let mut builder = ActivityReportBuilder::new(&request).map_err(|e| usage(e.to_string()))?;
    match json_log {
        Some(log) => builder
            .extend(&log)
            .map_err(|e| data_error(format!("{}: {e}", input.display())))?,
        None => {
            InterviewCsvReader::new(open(&input)?)
                .map_err(fail)?
                .push_into(&mut builder)
                .map_err(|e| data_error(format!("{}: {e}", input.display())))?;
        }
    }
    let report: ActivityReport = builder.finish();
    Ok(match o.format {
        Format::Table => render::to_table(&report),
        Format::Csv => render::to_csv(&report),
        Format::Json => {
            // The core's serde JSON (the same object as `report.to_json_value()`), keys in
            // declaration order.
            let mut s =
                serde_json::to_string_pretty(&report).map_err(|e| data_error(e.to_string()))?;
            s.push('\n');
            s
        }
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure { message, code: 0 }) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(Failure { message, code }) => {
            eprintln!("activity_report: {message}");
            ExitCode::from(code)
        }
    }
}
