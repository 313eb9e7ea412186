//! `patient-partner fhir`: a journal as a FHIR R4 Bundle and an activity report as
//! MeasureReports (the core's `fhir` module; ADR 0013). Arguments, files, output: nothing
//! else is decided here.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use patient_partner::fhir::export::{journal_bundle, BundleKind};
use patient_partner::fhir::import::journal_from_bundle_json;
use patient_partner::fhir::measure_report::report_bundle;
use patient_partner::report::{journal_report, Bucket, GroupBy, Period, ReportRequest};
use patient_partner::Journal;

use crate::{data, usage, Failure};

const EXAMPLES: &str = "\
Examples:
  # The demo journal as a FHIR R4 collection Bundle (Patients as pseudonyms only)
  patient-partner fhir export --journal examples/data/journal_2023.json -o journal.bundle.json

  # The same as a transaction (conditional creates: applying it twice creates nothing twice)
  patient-partner fhir export --journal examples/data/journal_2023.json --transaction

  # Its 2023 activity report as MeasureReports (one per month and one for the year)
  patient-partner fhir report examples/data/journal_2023.json --from 2023-01-01 --to 2023-12-31

  # A Bundle back to a journal document (the journal's rules apply: all or nothing)
  patient-partner fhir import journal.bundle.json -o journal.json";

/// The `fhir` subcommands.
#[derive(Debug, Subcommand)]
pub enum FhirCommand {
    /// A journal document (JSON) as a FHIR R4 Bundle.
    #[command(after_help = EXAMPLES)]
    Export(ExportArgs),
    /// The activity report of a journal (interviews and activities) as a Bundle of FHIR R4
    /// MeasureReports: one per bucket, one for the totals.
    #[command(after_help = EXAMPLES)]
    Report(ReportArgs),
    /// A FHIR R4 Bundle (as `fhir export` writes it) back to a journal document, checked by
    /// the journal's rules (all or nothing).
    #[command(after_help = EXAMPLES)]
    Import(ImportArgs),
}

/// The options of `fhir import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Bundle (JSON).
    #[arg(value_name = "BUNDLE")]
    bundle: PathBuf,
    /// Write the journal document to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The options of `fhir export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The journal document: {"referrals", "transitions", "interviews", "activities"}.
    #[arg(long, value_name = "FILE")]
    journal: PathBuf,
    /// A transaction Bundle (conditional creates) instead of a collection.
    #[arg(long)]
    transaction: bool,
    /// Write the Bundle to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The options of `fhir report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The journal document.
    #[arg(value_name = "JOURNAL")]
    journal: PathBuf,
    /// The first day of the period (YYYY-MM-DD, included) [default: the first interview].
    #[arg(long, value_name = "DATE", value_parser = crate::parse_day)]
    from: Option<NaiveDate>,
    /// The last day of the period (YYYY-MM-DD, included) [default: the last interview].
    #[arg(long, value_name = "DATE", value_parser = crate::parse_day)]
    to: Option<NaiveDate>,
    /// One table per partner, per establishment, or one for all.
    #[arg(long, value_enum, default_value = "partner")]
    by: crate::ByArg,
    /// The buckets (one MeasureReport each).
    #[arg(long, value_enum, default_value = "month")]
    bucket: crate::BucketArg,
    /// Mask every count from 1 to N-1, and the complementary cells (11 is the French rule).
    #[arg(long, value_name = "N")]
    suppress_below: Option<u64>,
    /// Write the Bundle to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

fn read_journal(path: &Path) -> Result<Journal, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| data(format!("{}: {e}", path.display())))?;
    Journal::from_json(&text).map_err(|e| data(format!("{}: {e}", path.display())))
}

fn write(value: &serde_json::Value, output: Option<&Path>) -> Result<Option<String>, Failure> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| data(e.to_string()))?;
    text.push('\n');
    match output {
        None => Ok(Some(text)),
        Some(path) => {
            std::fs::write(path, text).map_err(|e| data(format!("{}: {e}", path.display())))?;
            Ok(None)
        }
    }
}

/// Runs a `fhir` subcommand: the text for stdout, or `None` when written to a file.
pub fn run(command: &FhirCommand) -> Result<Option<String>, Failure> {
    match command {
        FhirCommand::Export(args) => {
            let journal = read_journal(&args.journal)?;
            let kind = if args.transaction {
                BundleKind::Transaction
            } else {
                BundleKind::Collection
            };
            write(&journal_bundle(&journal, kind), args.output.as_deref())
        }
        FhirCommand::Report(args) => {
            let journal = read_journal(&args.journal)?;
            let period = Period::resolve_for(args.from, args.to, journal.interviews())
                .map_err(|e| usage(format!("{}: {e}", args.journal.display())))?;
            let mut request = ReportRequest::new(period);
            request.group_by = match args.by {
                crate::ByArg::Partner => GroupBy::Partner,
                crate::ByArg::Establishment => GroupBy::Establishment,
                crate::ByArg::All => GroupBy::All,
            };
            request.bucket = match args.bucket {
                crate::BucketArg::Month => Bucket::Month,
                crate::BucketArg::Quarter => Bucket::Quarter,
                crate::BucketArg::Year => Bucket::Year,
            };
            request.suppress_below = args.suppress_below;
            let report = journal_report(&journal, &request).map_err(|e| {
                data(format!(
                    "{}: {}",
                    args.journal.display(),
                    patient_partner::Error::from(e)
                ))
            })?;
            write(&report_bundle(&report), args.output.as_deref())
        }
        FhirCommand::Import(args) => {
            let shown = args.bundle.display();
            let text =
                std::fs::read_to_string(&args.bundle).map_err(|e| data(format!("{shown}: {e}")))?;
            let journal =
                journal_from_bundle_json(&text).map_err(|e| data(format!("{shown}: {e}")))?;
            let document =
                serde_json::to_value(journal.to_document()).map_err(|e| data(e.to_string()))?;
            write(&document, args.output.as_deref())
        }
    }
}
