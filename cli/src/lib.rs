//! The `patient-partner` command-line tool, as a library: [`run`] parses the arguments,
//! reads the files, calls the core and writes the output. It decides nothing itself: every
//! rule (formats, encodings, headers, periods, tables, masking, workbooks) is the core's.
//!
//! Exit codes: 0 done, 1 bad data (a message naming the file and the line, or the sheet and
//! the cell, on stderr; nothing on stdout, no output file), 2 bad usage.

mod fhir;
mod publication;

use std::ffi::OsString;
use std::fs::File;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use patient_partner::import::{
    read_activities, FileFormat, ImportOptions, LogSource, TextEncoding, UnknownColumns,
};
use patient_partner::indicators::published::TableIndicator;
use patient_partner::report::xlsx::{to_xlsx, ReportLanguage, XlsxOptions};
use patient_partner::report::{
    log_date_span, render, ActivityReportBuilder, Bucket, GroupBy, NewPatientRule, Parallelism,
    Period, ReportErrorKind, ReportRequest, ReportingGap, Threads,
};

const EXAMPLES: &str = "\
Examples:
  # Your Excel file -> the monthly tables of 2023, one per partner
  patient-partner report entretiens_2023.xlsx --from 2023-01-01 --to 2023-12-31

  # The same as an Excel workbook (French headers, a chart per partner), small counts masked
  patient-partner report entretiens_2023.xlsx --suppress-below 11 --output rapport_2023.xlsx

  # A CSV saved by Excel (Windows-1252, ';'), a sheet by name, an unusual header
  patient-partner report export.csv --column partner=Intervenant --format csv
  patient-partner report classeur.ods --sheet \"Entretiens 2023\" --by all --bucket quarter";

/// Monthly activity tables of patient partners from the files teams keep (Excel,
/// LibreOffice, CSV, JSON).
#[derive(Debug, Parser)]
#[command(name = "patient-partner", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The activity report of an interview log: per group and bucket, interviews in person,
    /// by phone, by video, the total, the new patients and the distinct patients.
    #[command(after_help = EXAMPLES)]
    Report(ReportArgs),
    /// FHIR R4 exchange: a journal as a Bundle, an activity report as MeasureReports.
    #[command(subcommand)]
    Fhir(fhir::FhirCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Aligned text tables, one per group.
    Table,
    /// CSV, one line per bucket and one per totals row.
    Csv,
    /// The report's JSON.
    Json,
    /// An Excel workbook: a sheet and a chart per group, a definitions sheet.
    Xlsx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    /// French headers and legends.
    Fr,
    /// English headers and legends.
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ByArg {
    Partner,
    Establishment,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum BucketArg {
    Month,
    Quarter,
    Year,
}

impl From<ByArg> for GroupBy {
    fn from(by: ByArg) -> Self {
        match by {
            ByArg::Partner => GroupBy::Partner,
            ByArg::Establishment => GroupBy::Establishment,
            ByArg::All => GroupBy::All,
        }
    }
}

impl From<BucketArg> for Bucket {
    fn from(bucket: BucketArg) -> Self {
        match bucket {
            BucketArg::Month => Bucket::Month,
            BucketArg::Quarter => Bucket::Quarter,
            BucketArg::Year => Bucket::Year,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NewPatientsArg {
    FirstInPeriod,
    FirstEver,
}

/// The options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The interview log: .xlsx, .xlsm, .xls, .ods, CSV or JSON (the kind is read from the
    /// content); `-` for standard input.
    #[arg(value_name = "FILE", required_unless_present = "input_flag")]
    input: Option<PathBuf>,
    /// The interview log (the same as the FILE argument).
    #[arg(long = "input", value_name = "FILE", conflicts_with = "input")]
    input_flag: Option<PathBuf>,
    /// The first day of the period (YYYY-MM-DD, included) [default: the first interview].
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    from: Option<NaiveDate>,
    /// The last day of the period (YYYY-MM-DD, included) [default: the last interview].
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    to: Option<NaiveDate>,
    /// One table per partner, per establishment, or one for all. A comma list
    /// (`partner,all`) with --bucket makes every combination one publication: the tables
    /// are protected together by --suppress-below.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "partner")]
    by: Vec<ByArg>,
    /// The rows of each table; a comma list (`month,quarter`) as for --by.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "month")]
    bucket: Vec<BucketArg>,
    /// Output format [default: from the --output extension, else table].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of the workbook's headers and legends.
    #[arg(long, value_enum, default_value = "fr")]
    lang: Lang,
    /// Write the report to FILE instead of standard output (nothing is written on error).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Mask every count from 1 to N-1, and the complementary cells (11 is the French rule).
    #[arg(long, value_name = "N")]
    suppress_below: Option<u64>,
    /// A release ledger (JSON): protect this release together with every earlier release
    /// it records (their tables recomputed from this log over their periods), then record
    /// this one in it. A missing file starts a new ledger. Needs --suppress-below.
    #[arg(long, value_name = "FILE", requires = "suppress_below")]
    ledger: Option<PathBuf>,
    /// Indicators published with the tables, read from their published cells (a comma
    /// list: interviews_in_person, interviews_by_phone, interviews_by_video,
    /// interviews_total, patients_seen, new_patients, interviews_per_patient,
    /// remote_share), for each grouping of --by. A part the tables mask is masked (`s`).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_indicator)]
    indicators: Vec<TableIndicator>,
    /// With --ledger: publish even when late entries changed cells an earlier release
    /// published (the revisions are listed on stderr and recorded in the ledger).
    #[arg(long, requires = "ledger")]
    accept_revisions: bool,
    /// The activity log (support groups, committees, trainings…: .xlsx, .ods, CSV or JSON):
    /// each row also shows the activities of each category, with minutes and participants.
    #[arg(long, value_name = "FILE")]
    activities: Option<PathBuf>,
    /// A JSON list of {"group", "start", "end"} ranges that were not reported.
    #[arg(long, value_name = "FILE")]
    coverage: Option<PathBuf>,
    /// When a patient counts as new.
    #[arg(long, value_enum, default_value = "first-in-period")]
    new_patients: NewPatientsArg,
    /// The sheet of a workbook to read [default: the first].
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The encoding of a CSV file (utf-8, windows-1252, utf-16le…) [default: detected].
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Read the column headed HEADER as COLUMN (date, partner, patient, modality,
    /// duration_minutes, establishment, referral, id); repeatable.
    #[arg(long = "column", value_name = "COLUMN=HEADER", value_parser = parse_mapping)]
    columns: Vec<(String, String)>,
    /// Refuse columns the report does not use instead of ignoring them.
    #[arg(long)]
    strict: bool,
    /// The most bytes one CSV record may take (a longer one is an error, not held whole).
    #[arg(long, value_name = "BYTES", default_value_t = patient_partner::import::options::DEFAULT_MAX_RECORD_BYTES)]
    max_record_bytes: u64,
    /// Threads that read the log at once (a CSV file is cut into byte ranges) and check the
    /// groups' tables for --suppress-below; the report is the same for any number.
    /// Default: $PP_THREADS, else every core.
    #[arg(long, value_name = "N", value_parser = parse_threads)]
    threads: Option<Threads>,
    /// Do not print the import summary on stderr.
    #[arg(long, short)]
    quiet: bool,
}

fn parse_indicator(s: &str) -> Result<TableIndicator, String> {
    s.parse::<TableIndicator>().map_err(|e| e.to_string())
}

fn parse_threads(s: &str) -> Result<Threads, String> {
    Threads::parse(s).map_err(|e| e.to_string())
}

pub(crate) fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, found {s:?}"))
}

fn parse_mapping(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((c, h)) if !c.trim().is_empty() && !h.trim().is_empty() => {
            Ok((c.trim().to_owned(), h.trim().to_owned()))
        }
        _ => Err(format!("expected COLUMN=HEADER, found {s:?}")),
    }
}

/// A failure: the message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// What to print on stderr.
    pub message: String,
    /// 1 bad data, 2 bad usage.
    pub code: u8,
}

pub(crate) fn data(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 1,
    }
}

pub(crate) fn usage(message: impl Into<String>) -> Failure {
    Failure {
        message: message.into(),
        code: 2,
    }
}

/// Runs the tool on `args` (the program name first), writing to `stdout` and `stderr`;
/// returns the exit code.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let _ = if code == 0 {
                write!(stdout, "{text}")
            } else {
                write!(stderr, "{text}")
            };
            return code;
        }
    };
    let terminal = std::io::stdout().is_terminal();
    match cli.command {
        Command::Report(args) => match report(&args, terminal, stderr) {
            Ok(Output::Text(text)) => {
                let _ = stdout.write_all(text.as_bytes());
                0
            }
            Ok(Output::Bytes(bytes)) => {
                let _ = stdout.write_all(&bytes);
                0
            }
            Ok(Output::Written) => 0,
            Err(f) => {
                let _ = writeln!(stderr, "patient-partner: {}", f.message);
                f.code
            }
        },
        Command::Fhir(command) => match fhir::run(&command) {
            Ok(Some(text)) => {
                let _ = stdout.write_all(text.as_bytes());
                0
            }
            Ok(None) => 0,
            Err(f) => {
                let _ = writeln!(stderr, "patient-partner: {}", f.message);
                f.code
            }
        },
    }
}

enum Output {
    Text(String),
    Bytes(Vec<u8>),
    Written,
}

fn options(args: &ReportArgs) -> Result<ImportOptions, Failure> {
    let mut o = ImportOptions::new();
    if let Some(label) = &args.encoding {
        o = o.encoding(
            TextEncoding::from_label(label).map_err(|e| usage(format!("--encoding: {e}")))?,
        );
    }
    if let Some(sheet) = &args.sheet {
        o = o.sheet(sheet.clone());
    }
    for (column, header) in &args.columns {
        o = o.column(column.clone(), header.clone());
    }
    if args.strict {
        o = o.unknown_columns(UnknownColumns::Refuse);
    }
    Ok(o.max_record_bytes(args.max_record_bytes))
}

/// Logs from this size up get a progress bar (when stderr is a terminal).
const PROGRESS_FROM_BYTES: u64 = 32 << 20;

/// A progress bar on stderr for a large log, only when stderr is a terminal and `--quiet`
/// is not given: redirected output and pipes never see it.
fn progress_bar(source: &Input, quiet: bool) -> Option<indicatif::ProgressBar> {
    let size = source.log().len().ok()?;
    if quiet || size < PROGRESS_FROM_BYTES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(size),
        indicatif::ProgressDrawTarget::stderr(),
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} reading the log {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Some(bar)
}

/// Where the log is read from: a regular file is opened for each pass; standard input and
/// pipes are read once into memory (they cannot be read twice).
enum Input {
    File(PathBuf),
    Bytes(Vec<u8>),
}

impl Input {
    fn new(path: &Path) -> Result<Self, Failure> {
        let fail = |e: std::io::Error| data(format!("{}: {e}", path.display()));
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| data(format!("standard input: {e}")))?;
            return Ok(Input::Bytes(bytes));
        }
        if std::fs::metadata(path).map_err(fail)?.is_file() {
            Ok(Input::File(path.to_owned()))
        } else {
            Ok(Input::Bytes(std::fs::read(path).map_err(fail)?))
        }
    }

    /// The log, for reading it in byte ranges.
    fn log(&self) -> LogSource<'_> {
        match self {
            Input::File(p) => LogSource::File(p),
            Input::Bytes(b) => LogSource::Bytes(b),
        }
    }

    fn open(&self) -> Result<Box<dyn Read + '_>, Failure> {
        Ok(match self {
            Input::File(p) => {
                Box::new(File::open(p).map_err(|e| data(format!("{}: {e}", p.display())))?)
            }
            Input::Bytes(b) => Box::new(&b[..]),
        })
    }
}

/// The exit code of an import error: the user's own options (a mapping naming an unknown
/// column) are bad usage, anything in the file is bad data.
fn import_failure(shown: &str, e: &dyn std::fmt::Display, code: &str) -> Failure {
    let message = format!("{shown}: {e}");
    if code == "invalid_aliases" {
        usage(message)
    } else {
        data(message)
    }
}

fn format_of(args: &ReportArgs) -> Format {
    if let Some(f) = args.format {
        return f;
    }
    let ext = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xlsx") => Format::Xlsx,
        Some("csv") => Format::Csv,
        Some("json") => Format::Json,
        _ => Format::Table,
    }
}

fn report(args: &ReportArgs, terminal: bool, stderr: &mut dyn Write) -> Result<Output, Failure> {
    let input = args
        .input
        .clone()
        .or_else(|| args.input_flag.clone())
        .ok_or_else(|| usage("give the interview log: patient-partner report FILE"))?;
    let shown = input.display().to_string();
    let format = format_of(args);
    if format == Format::Xlsx && args.output.is_none() && terminal {
        return Err(usage(
            "--format xlsx writes a workbook: give --output FILE.xlsx (or redirect stdout)",
        ));
    }
    let options = options(args)?;
    let coverage = match &args.coverage {
        Some(p) => read_coverage(p)?,
        None => Vec::new(),
    };
    let source = Input::new(&input)?;
    let fail = |e: &patient_partner::Error| import_failure(&shown, e, e.code());
    // The default period is the core's (`Period::resolve`): a bound not given is the
    // first or last interview's day, found by a first pass over the file (every row checked).
    let threads = match args.threads {
        Some(t) => t,
        None => Threads::from_env().map_err(|e| usage(e.to_string()))?,
    };
    let span = match (args.from, args.to) {
        (Some(_), Some(_)) => None,
        _ => log_date_span(source.log(), &options, Parallelism::new(threads))
            .map_err(|e| fail(&e.into()))?,
    };
    let period = Period::resolve(args.from, args.to, span).map_err(|e| {
        if matches!(e.kind(), ReportErrorKind::NoPeriod) {
            data(format!(
                "{shown}: the log holds no interview (give --from and --to for an empty report)"
            ))
        } else {
            usage(e.to_string())
        }
    })?;
    let groupings: Vec<GroupBy> = args.by.iter().map(|&b| b.into()).collect();
    let buckets: Vec<Bucket> = args.bucket.iter().map(|&b| b.into()).collect();
    let request = ReportRequest {
        period,
        group_by: groupings.first().copied().unwrap_or_default(),
        bucket: buckets.first().copied().unwrap_or_default(),
        new_patient_rule: match args.new_patients {
            NewPatientsArg::FirstInPeriod => NewPatientRule::FirstInPeriod,
            NewPatientsArg::FirstEver => NewPatientRule::FirstEver,
        },
        coverage,
        suppress_below: args.suppress_below,
    };
    if groupings.len() * buckets.len() > 1 || args.ledger.is_some() || !args.indicators.is_empty() {
        return publication::publication(
            args, &request, &groupings, &buckets, &source, &shown, &options, format, stderr,
        );
    }
    // The period is valid: what the builder refuses now comes from the coverage file.
    let mut builder =
        ActivityReportBuilder::new(&request).map_err(|e| coverage_failure(args, &e))?;
    let bar = progress_bar(&source, args.quiet);
    let summary =
        builder.push_log_observed(source.log(), &options, Parallelism::new(threads), &|p| {
            if let Some(bar) = &bar {
                bar.set_length(p.bytes_total);
                bar.set_position(p.bytes_read);
            }
        });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = summary.map_err(|e| fail(&e.into()))?;
    let summary = (summary.format != FileFormat::Json).then(|| summary.to_string());
    let activity_summary = match &args.activities {
        Some(path) => Some(push_activities(path, &mut builder)?),
        None => None,
    };
    let report = builder.finish();
    let output = match format {
        Format::Table => Output::Text(render::to_table(&report)),
        Format::Csv => Output::Text(render::to_csv(&report)),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&report).map_err(|e| data(e.to_string()))?;
            s.push('\n');
            Output::Text(s)
        }
        Format::Xlsx => {
            Output::Bytes(to_xlsx(&report, &xlsx_options(args)).map_err(|e| data(e.to_string()))?)
        }
    };
    if let (Some(summary), false) = (summary, args.quiet) {
        let _ = writeln!(stderr, "patient-partner: {shown}: {summary}");
    }
    if let (Some(summary), false) = (activity_summary, args.quiet) {
        let _ = writeln!(stderr, "patient-partner: {summary}");
    }
    write_output(args, output)
}

/// A request the builder refuses once the period is valid: the coverage file is wrong.
fn coverage_failure(args: &ReportArgs, e: &dyn std::fmt::Display) -> Failure {
    let shown = args
        .coverage
        .as_ref()
        .map_or_else(String::new, |p| format!("{}: ", p.display()));
    data(format!("{shown}{e}"))
}

fn xlsx_options(args: &ReportArgs) -> XlsxOptions {
    XlsxOptions {
        language: match args.lang {
            Lang::Fr => ReportLanguage::French,
            Lang::En => ReportLanguage::English,
        },
        ..XlsxOptions::default()
    }
}

fn write_output(args: &ReportArgs, output: Output) -> Result<Output, Failure> {
    match &args.output {
        None => Ok(output),
        Some(path) => {
            let bytes = match output {
                Output::Text(t) => t.into_bytes(),
                Output::Bytes(b) => b,
                Output::Written => Vec::new(),
            };
            std::fs::write(path, bytes).map_err(|e| data(format!("{}: {e}", path.display())))?;
            Ok(Output::Written)
        }
    }
}

/// Reads the activity log at `path` (its kind from its content, unused columns ignored and
/// named) into the report; returns the import summary line.
fn push_activities(path: &Path, builder: &mut ActivityReportBuilder) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let source = Input::new(path)?;
    let imported = read_activities(source.open()?, &ImportOptions::new())
        .map_err(patient_partner::Error::from)
        .map_err(|e| import_failure(&shown, &e, e.code()))?;
    builder
        .extend_activities(&imported.records)
        .map_err(|e| data(format!("{shown}: {}", patient_partner::Error::from(e))))?;
    Ok(format!("{shown}: {}", imported.summary))
}

fn read_coverage(path: &Path) -> Result<Vec<ReportingGap>, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| data(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        data(format!(
            "{}: expected a JSON list of {{\"group\", \"start\", \"end\"}}: {e}",
            path.display()
        ))
    })
}
