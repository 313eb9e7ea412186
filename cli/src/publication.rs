//! `report` when it makes a publication: several tables (comma lists in --by or
//! --bucket), a release through a ledger (--ledger), or indicators (--indicators). Thin:
//! the rules are the core's `report::publication` and `indicators::published`.

use std::io::Write;
use std::path::Path;

use patient_partner::import::{FileFormat, ImportOptions, InterviewReader};
use patient_partner::indicators::published::{
    indicators_of, indicators_to_csv, indicators_to_table, PublishedWithIndicators,
};
use patient_partner::report::publication::{Ledger, Publication, PublishedTables, Revisions};
use patient_partner::report::xlsx::{publication_to_xlsx, to_xlsx};
use patient_partner::report::{render, Bucket, GroupBy, ReportRequest};

use super::{
    coverage_failure, data, import_failure, usage, write_output, xlsx_options, Failure, Format,
    Input, Output, ReportArgs,
};

/// Several tables (comma lists in --by or --bucket): one publication, the log read once
/// into every table, the tables protected together.
#[allow(clippy::too_many_arguments)]
pub(crate) fn publication(
    args: &ReportArgs,
    request: &ReportRequest,
    groupings: &[GroupBy],
    buckets: &[Bucket],
    source: &Input,
    shown: &str,
    options: &ImportOptions,
    format: Format,
    stderr: &mut dyn Write,
) -> Result<Output, Failure> {
    if args.activities.is_some() {
        return Err(usage(
            "--activities needs one table without --ledger: give one --by and one --bucket \
             (a publication of several tables, or a release, holds interviews only)",
        ));
    }
    let publication =
        Publication::grid(request, groupings, buckets).map_err(|e| usage(e.to_string()))?;
    let mut builder = match &args.ledger {
        Some(path) => publication
            .release_builder(open_ledger(path)?)
            .map_err(|e| data(format!("{}: {e}", path.display())))?,
        None => publication
            .builder()
            .map_err(|e| coverage_failure(args, &e))?,
    };
    if let Some(threads) = args.threads {
        builder.threads(threads);
    }
    let fail = |e: patient_partner::Error| import_failure(shown, &e, e.code());
    let mut reader = InterviewReader::open(source.open()?, options).map_err(|e| fail(e.into()))?;
    for interview in reader.by_ref() {
        let interview = interview.map_err(|e| fail(e.into()))?;
        builder.push(&interview).map_err(|e| fail(e.into()))?;
    }
    let summary = reader.summary().clone();
    let published = match &args.ledger {
        Some(path) => {
            let revisions = if args.accept_revisions {
                Revisions::Accept
            } else {
                Revisions::Refuse
            };
            let (published, ledger) = builder
                .release(revisions)
                .map_err(|e| data(format!("{}: {e}", path.display())))?;
            let output = publication_output(args, &published, format)?;
            let output = write_output(args, output)?;
            save_ledger(path, &ledger)?;
            if !args.quiet {
                let _ = writeln!(
                    stderr,
                    "patient-partner: {}: release {} recorded ({} earlier)",
                    path.display(),
                    published.release.unwrap_or(0),
                    ledger.releases.len().saturating_sub(1)
                );
                for revision in &published.revisions {
                    let _ = writeln!(
                        stderr,
                        "patient-partner: revised: {} (release {}: {} published, {} now)",
                        revision.place, revision.release, revision.published, revision.now
                    );
                }
            }
            if summary.format != FileFormat::Json && !args.quiet {
                let _ = writeln!(stderr, "patient-partner: {shown}: {summary}");
            }
            return Ok(output);
        }
        None => builder.finish(),
    };
    let output = publication_output(args, &published, format)?;
    if summary.format != FileFormat::Json && !args.quiet {
        let _ = writeln!(stderr, "patient-partner: {shown}: {summary}");
    }
    write_output(args, output)
}

/// A publication in `format`; one table keeps the shape of a single report, unless
/// indicators are asked (then `{"tables": [...], "indicators": [...]}`).
fn publication_output(
    args: &ReportArgs,
    published: &PublishedTables,
    format: Format,
) -> Result<Output, Failure> {
    let indicators = indicators_of(published, &args.indicators);
    let single = match (published.tables.as_slice(), indicators.is_empty()) {
        ([one], true) => Some(one),
        _ => None,
    };
    let with_indicators = |mut text: String, rendered: String| {
        if !indicators.is_empty() {
            text.push('\n');
            text.push_str(&rendered);
        }
        text
    };
    Ok(match (format, single) {
        (Format::Table, Some(one)) => Output::Text(render::to_table(one)),
        (Format::Table, None) => Output::Text(with_indicators(
            render::publication_to_table(published),
            indicators_to_table(&indicators),
        )),
        (Format::Csv, Some(one)) => Output::Text(render::to_csv(one)),
        (Format::Csv, None) => Output::Text(with_indicators(
            render::publication_to_csv(published),
            format!("# indicators\n{}", indicators_to_csv(&indicators)),
        )),
        (Format::Json, single) => {
            let text = match single {
                Some(one) => serde_json::to_string_pretty(one),
                None => serde_json::to_string_pretty(&PublishedWithIndicators {
                    published: published.clone(),
                    indicators: indicators.clone(),
                }),
            };
            let mut s = text.map_err(|e| data(e.to_string()))?;
            s.push('\n');
            Output::Text(s)
        }
        (Format::Xlsx, _) if !indicators.is_empty() => {
            return Err(usage(
                "--indicators is written as JSON, CSV or text; the workbook does not hold \
                 indicators yet",
            ))
        }
        (Format::Xlsx, Some(one)) => {
            Output::Bytes(to_xlsx(one, &xlsx_options(args)).map_err(|e| data(e.to_string()))?)
        }
        (Format::Xlsx, None) => Output::Bytes(
            publication_to_xlsx(published, &xlsx_options(args)).map_err(|e| data(e.to_string()))?,
        ),
    })
}

/// The ledger at `path`, a new one when the file does not exist.
fn open_ledger(path: &Path) -> Result<Ledger, Failure> {
    Ledger::open(path).map_err(|e| data(e.to_string()))
}

/// Writes the ledger (through a temporary file: a failed write leaves the old one).
fn save_ledger(path: &Path, ledger: &Ledger) -> Result<(), Failure> {
    ledger.save(path).map_err(|e| data(e.to_string()))
}
