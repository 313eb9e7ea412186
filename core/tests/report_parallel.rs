//! One log on every core (issue 15, item 2): a log cut into byte ranges read by several
//! threads gives exactly what one pass gives — the same report, the same summary, and for a
//! bad log the same first error in file order with the same line and column — for any thread
//! count and any cut (ranges as small as one byte), whatever the separators, line ends,
//! encodings (UTF-8 with or without BOM, Windows-1252), quoting (quoted cells holding
//! separators, escaped quotes and line breaks; stray quotes), blank rows and empty lines.

use patient_partner::import::{ImportOptions, InterviewReader, LogSource};
use patient_partner::report::{
    log_date_span, ActivityReport, ActivityReportBuilder, Bucket, GroupBy, NewPatientRule,
    Parallelism, Period, ReportRequest, ReportingGap, Threads,
};
use patient_partner::Error;
use proptest::prelude::*;

/// One line of a generated log.
#[derive(Debug, Clone)]
enum Line {
    /// date offset, partner, patient, modality spelling, establishment, comment kind
    Row(i64, u8, u8, usize, Option<u8>, u8),
    /// A row of empty cells (skipped and counted).
    Blank,
    /// An empty line (skipped by the CSV reader, counted in line numbers).
    Empty,
    /// A bad row: 0 bad modality, 1 bad date, 2 one field short, 3 bad patient id.
    Bad(u8),
}

const MODALITIES: &[&str] = &[
    "in_person",
    "phone",
    "video",
    "présentiel",
    "Téléphone",
    "visio",
];

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        20 => (0i64..500, 0u8..4, 0u8..30, 0usize..MODALITIES.len(), prop::option::of(0u8..2), 0u8..8)
            .prop_map(|(d, pp, pat, m, est, c)| Line::Row(d, pp, pat, m, est, c)),
        1 => Just(Line::Blank),
        1 => Just(Line::Empty),
        1 => (0u8..4).prop_map(Line::Bad),
    ]
}

#[derive(Debug, Clone)]
struct Shape {
    separator: u8,
    crlf: bool,
    windows_1252: bool,
    bom: bool,
    /// Inject at most this many bad rows (0: the log is clean).
    allow_bad: bool,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::sample::select(vec![b';', b',', b'\t']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(separator, crlf, windows_1252, bom, allow_bad)| Shape {
            separator,
            crlf,
            windows_1252,
            bom: bom && !windows_1252,
            allow_bad,
        })
}

fn date(d: i64) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2022, 11, 1).unwrap() + chrono::Duration::days(d);
    if d % 3 == 0 {
        day.format("%d/%m/%Y").to_string()
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// The comment cell: plain, quoted with the separator, an escaped quote, a line break
/// (CR LF or LF), empty quoted, a stray quote in an unquoted cell, text after a closing
/// quote, a quoted cell left open (it runs over the next lines, up to the next quote).
fn comment(kind: u8, sep: char, eol: &str) -> String {
    match kind {
        0 | 1 => "ras".to_owned(),
        2 => "\"ouvert sans fin".to_owned(),
        3 => format!("\"suite{sep} à voir\""),
        4 => "\"dit \"\"oui\"\"\"".to_owned(),
        5 => format!("\"deux{eol}lignes\""),
        6 => "\"\"".to_owned(),
        _ => {
            if kind % 2 == 1 {
                "5\" de plus".to_owned()
            } else {
                "\"x\"y".to_owned()
            }
        }
    }
}

fn render(lines: &[Line], shape: &Shape, stray: bool) -> Vec<u8> {
    let sep = shape.separator as char;
    let eol = if shape.crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    if shape.bom {
        text.push('\u{feff}');
    }
    text.push_str(
        &[
            "Date",
            "Partenaire",
            "Patient",
            "Modalité",
            "Établissement",
            "Commentaire",
        ]
        .join(&sep.to_string()),
    );
    text.push_str(eol);
    for line in lines {
        match line {
            Line::Row(d, pp, pat, m, est, c) => {
                let c = if (*c == 7 || *c == 2) && !stray {
                    0
                } else {
                    *c
                };
                let cells = [
                    date(*d),
                    format!("PP-{pp}"),
                    if c == 1 {
                        format!("\"PAT-{pat:02}\"")
                    } else {
                        format!("PAT-{pat:02}")
                    },
                    // A row that leaves a quote open is also bad on its own: one pass
                    // reports its field count, a range that cut it would report this.
                    if c == 2 {
                        "fax".to_owned()
                    } else {
                        MODALITIES[*m].to_owned()
                    },
                    est.map_or(String::new(), |e| format!("EST-{e}")),
                    comment(c, sep, eol),
                ];
                text.push_str(&cells.join(&sep.to_string()));
            }
            Line::Blank => text.push_str(&sep.to_string().repeat(5)),
            Line::Empty => {}
            Line::Bad(kind) => {
                let row = match kind {
                    0 => ["2023-01-05", "PP-1", "PAT-01", "fax", "", ""].join(&sep.to_string()),
                    1 => ["2023-13-05", "PP-1", "PAT-01", "phone", "", ""].join(&sep.to_string()),
                    2 => ["2023-01-05", "PP-1", "PAT-01", "phone", ""].join(&sep.to_string()),
                    _ => ["2023-01-05", "PP-1", "PAT 01\u{7}", "phone", "", ""]
                        .join(&sep.to_string()),
                };
                text.push_str(&row);
            }
        }
        text.push_str(eol);
    }
    if shape.windows_1252 {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        bytes.into_owned()
    } else {
        text.into_bytes()
    }
}

fn request(shape_index: u8) -> ReportRequest {
    let mut r = ReportRequest::new(
        Period::new(
            chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        )
        .unwrap(),
    );
    r.group_by = [GroupBy::Partner, GroupBy::Establishment, GroupBy::All][shape_index as usize % 3];
    r.bucket = [Bucket::Month, Bucket::Quarter][shape_index as usize % 2];
    r.new_patient_rule =
        [NewPatientRule::FirstInPeriod, NewPatientRule::FirstEver][shape_index as usize / 3 % 2];
    r
}

type Outcome = Result<(String, String), (String, String)>;

fn outcome(
    result: Result<(ActivityReport, patient_partner::import::ImportSummary), Error>,
) -> Outcome {
    match result {
        Ok((report, summary)) => Ok((
            serde_json::to_string(&report).unwrap(),
            format!("{summary:?}"),
        )),
        Err(e) => Err((e.code().to_owned(), format!("{e} | {:?}", e.context()))),
    }
}

fn one_pass(bytes: &[u8], request: &ReportRequest) -> Outcome {
    outcome((|| {
        let mut builder = ActivityReportBuilder::new(request)?;
        let summary = InterviewReader::open(bytes, &ImportOptions::new())?
            .push_into_with(&mut builder, Threads::ONE)?;
        Ok((builder.finish(), summary))
    })())
}

fn cut(log: LogSource<'_>, request: &ReportRequest, parallel: Parallelism) -> Outcome {
    outcome((|| {
        let mut builder = ActivityReportBuilder::new(request)?;
        let summary = builder.push_log(log, &ImportOptions::new(), parallel)?;
        Ok((builder.finish(), summary))
    })())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_cut_gives_the_one_pass_result(
        lines in prop::collection::vec(line(), 0..120),
        shape in shape(),
        stray in prop::bool::weighted(0.15),
        shape_index in 0u8..6,
        threads in 2usize..6,
        min_range in prop::sample::select(vec![1u64, 7, 64, 400]),
    ) {
        let lines: Vec<Line> = if shape.allow_bad {
            lines
        } else {
            lines.into_iter().filter(|l| !matches!(l, Line::Bad(_))).collect()
        };
        let bytes = render(&lines, &shape, stray);
        let request = request(shape_index);
        let expected = one_pass(&bytes, &request);
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(min_range);
        let got = cut(LogSource::Bytes(&bytes), &request, parallel);
        prop_assert_eq!(&got, &expected);
        let one = cut(LogSource::Bytes(&bytes), &request, Parallelism::new(Threads::ONE));
        prop_assert_eq!(&one, &expected);
        // The default period's first pass: the same span, or the same error.
        let span_of = |r: Result<Option<(chrono::NaiveDate, chrono::NaiveDate)>, Error>| match r {
            Ok(span) => Ok(span),
            Err(e) => Err((e.code().to_owned(), format!("{e} | {:?}", e.context()))),
        };
        let one_span = span_of(
            InterviewReader::open(&bytes[..], &ImportOptions::new())
                .and_then(InterviewReader::date_bounds)
                .map_err(Error::from),
        );
        let cut_span = span_of(
            log_date_span(LogSource::Bytes(&bytes), &ImportOptions::new(), parallel)
                .map_err(Error::from),
        );
        prop_assert_eq!(cut_span, one_span);
    }
}

fn clean_log(rows: usize) -> Vec<u8> {
    let mut text = String::from("date;partner;patient;modality;establishment\r\n");
    for i in 0..rows {
        text.push_str(&format!(
            "2023-{:02}-{:02};PP-{};PAT-{};{};EST-{}\r\n",
            i % 12 + 1,
            i % 28 + 1,
            i % 7,
            i % 50,
            ["phone", "présentiel", "visio"][i % 3],
            i % 2
        ));
    }
    text.into_bytes()
}

#[test]
fn a_file_read_by_several_threads_gives_the_one_pass_report() {
    let bytes = clean_log(5000);
    let dir = std::env::temp_dir().join(format!("pp-parallel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("log.csv");
    std::fs::write(&path, &bytes).unwrap();
    let request = request(0);
    let expected = one_pass(&bytes, &request);
    assert!(expected.is_ok());
    for threads in 1..=4 {
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(1000);
        assert_eq!(
            cut(LogSource::File(&path), &request, parallel),
            expected,
            "{threads} threads"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_first_bad_row_in_file_order_is_reported_with_its_line() {
    // Bad rows near the start and near the end: the first one is reported, at its line.
    let mut text = String::from_utf8(clean_log(3000)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[2900] = "2023-01-05;PP-1;PAT-1;fax;EST-1".to_owned();
    lines[1500] = "2023-01-05;PP-1;PAT-1;phone".to_owned();
    lines[20] = "2023-02-30;PP-1;PAT-1;phone;EST-1".to_owned();
    text = lines.join("\r\n") + "\r\n";
    let request = request(1);
    let expected = one_pass(text.as_bytes(), &request);
    let Err((code, where_)) = &expected else {
        panic!("the log is bad")
    };
    assert_eq!(code, "invalid_date");
    assert!(where_.contains("line: Some(21)"), "{where_}");
    for threads in 2..=4 {
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(1);
        assert_eq!(
            cut(LogSource::Bytes(text.as_bytes()), &request, parallel),
            expected
        );
    }
    // Without the first two, the last one, in the last range, at its line.
    lines[20] = lines[21].clone();
    lines[1500] = lines[1501].clone();
    let text = lines.join("\r\n") + "\r\n";
    let expected = one_pass(text.as_bytes(), &request);
    let Err((code, where_)) = &expected else {
        panic!("the log is bad")
    };
    assert_eq!(code, "invalid_modality");
    assert!(where_.contains("line: Some(2901)"), "{where_}");
    let parallel = Parallelism::new(Threads::new(3).unwrap()).min_range_bytes(1);
    assert_eq!(
        cut(LogSource::Bytes(text.as_bytes()), &request, parallel),
        expected
    );
}

#[test]
fn an_interview_in_a_reporting_gap_is_reported_at_its_line_from_any_range() {
    let bytes = clean_log(2000);
    let mut request = request(0);
    request.coverage = vec![ReportingGap {
        group: None,
        start: chrono::NaiveDate::from_ymd_opt(2023, 11, 1).unwrap(),
        end: chrono::NaiveDate::from_ymd_opt(2023, 11, 30).unwrap(),
    }];
    let expected = one_pass(&bytes, &request);
    let Err((code, _)) = &expected else {
        panic!("an interview is in the gap")
    };
    assert_eq!(code, "interview_in_gap");
    let parallel = Parallelism::new(Threads::new(4).unwrap()).min_range_bytes(1);
    assert_eq!(cut(LogSource::Bytes(&bytes), &request, parallel), expected);
}

#[test]
fn threads_come_from_the_environment_or_are_refused() {
    assert_eq!(Threads::parse(" 3 ").unwrap().get(), 3);
    for bad in ["0", "-1", "two", ""] {
        let e = Threads::parse(bad).unwrap_err();
        assert_eq!(e.code(), "invalid_request", "{bad:?}");
    }
}

#[test]
fn a_log_whose_ranges_disagree_on_the_encoding_fails_as_one_pass_does() {
    // UTF-8 accents early, one Windows-1252 byte late: one pass decides UTF-8 at the first
    // accent and refuses the late byte at its line; a range holding only the late byte would
    // decide Windows-1252 on its own: the ranges disagree and the log is read in one pass.
    let mut bytes = clean_log(100);
    for i in 0..3000 {
        bytes.extend(
            format!(
                "2023-03-{:02};PP-{};PAT-{i};phone;EST-1\r\n",
                i % 28 + 1,
                i % 5
            )
            .bytes(),
        );
    }
    let at = bytes.len() - 20;
    bytes[at] = 0xC9; // 'É' in Windows-1252, invalid as UTF-8
    let request = request(0);
    let expected = one_pass(&bytes, &request);
    let Err((code, _)) = &expected else {
        panic!("the late byte is refused")
    };
    assert_eq!(code, "invalid_encoding");
    for threads in 2..=4 {
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(1);
        assert_eq!(cut(LogSource::Bytes(&bytes), &request, parallel), expected);
    }
}

#[test]
fn progress_is_told_on_the_calling_thread_and_ends_at_every_byte() {
    use patient_partner::report::ReadProgress;
    let bytes = clean_log(200_000); // ~9 MB: several progress reports at any speed
    let request = request(0);
    for threads in [1, 3] {
        let seen = std::sync::Mutex::new(Vec::<(ReadProgress, std::thread::ThreadId)>::new());
        let mut builder = ActivityReportBuilder::new(&request).unwrap();
        let parallel = Parallelism::new(Threads::new(threads).unwrap());
        builder
            .push_log_observed(
                LogSource::Bytes(&bytes),
                &ImportOptions::new(),
                parallel,
                &|p| seen.lock().unwrap().push((p, std::thread::current().id())),
            )
            .unwrap();
        let seen = seen.into_inner().unwrap();
        let total = bytes.len() as u64;
        assert_eq!(
            seen.last().unwrap().0,
            ReadProgress {
                bytes_read: total,
                bytes_total: total
            }
        );
        let me = std::thread::current().id();
        assert!(
            seen.iter().all(|(_, t)| *t == me),
            "{threads} threads: called elsewhere"
        );
        assert!(seen
            .windows(2)
            .all(|w| w[0].0.bytes_read <= w[1].0.bytes_read));
        assert!(seen
            .iter()
            .all(|(p, _)| p.bytes_total == total && p.bytes_read <= total));
    }
}

#[test]
fn a_quoted_cell_left_open_across_a_cut_gives_the_one_pass_error() {
    // Found by the csv_report fuzz target: line 10 opens a quoted cell that runs over the
    // next lines; a range ending inside it read a cut record and reported an encoding
    // error where one pass reports the row's field count.
    let data = std::fs::read(format!(
        "{}/../fuzz/regressions/csv_report_quote_cut_by_range.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let options = ImportOptions::new().max_record_bytes(4096);
    let outcome = |parallel: Option<Parallelism>| {
        let mut builder = ActivityReportBuilder::new(&request).unwrap();
        let result = match parallel {
            None => InterviewReader::open(&data[..], &options)
                .map_err(Error::from)
                .and_then(|r| Ok(r.push_into_with(&mut builder, Threads::ONE)?)),
            Some(p) => builder
                .push_log(LogSource::Bytes(&data), &options, p)
                .map_err(Error::from),
        };
        match result {
            Ok(summary) => Ok((
                serde_json::to_string(&builder.finish()).unwrap(),
                format!("{summary:?}"),
            )),
            Err(e) => Err((e.code(), e.to_string(), format!("{:?}", e.context()))),
        }
    };
    let one = outcome(None);
    assert_eq!(one.as_ref().unwrap_err().0, "wrong_field_count");
    for threads in 2..=5 {
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(1);
        assert_eq!(outcome(Some(parallel)), one, "{threads} threads");
    }
}

/// A data frame batch of text cells (date, partner, patient, modality).
struct TextBatch(Vec<[String; 4]>);

impl patient_partner::import::FrameBatch for TextBatch {
    fn num_rows(&self) -> usize {
        self.0.len()
    }
    fn cell(&self, column: usize, row: usize) -> patient_partner::import::FrameCell<'_> {
        match self.0[row][column].as_str() {
            "" => patient_partner::import::FrameCell::Null,
            t => patient_partner::import::FrameCell::Text(t),
        }
    }
}

fn frame_outcome(
    batches: &[Vec<[String; 4]>],
    request: &ReportRequest,
    threads: usize,
    failing_batch: Option<usize>,
) -> Outcome {
    use patient_partner::import::InterviewFrame;
    outcome((|| {
        let mut frame = InterviewFrame::open(
            &["date", "partner", "patient", "modality"],
            &ImportOptions::new(),
        )?;
        let mut builder = ActivityReportBuilder::new(request)?;
        let items = batches.iter().enumerate().map(|(i, rows)| {
            if Some(i) == failing_batch {
                Err("the producer failed".to_owned())
            } else {
                Ok(TextBatch(rows.clone()))
            }
        });
        let summary = frame.push_into_with(items, &mut builder, Threads::new(threads).unwrap())?;
        Ok((builder.finish(), summary))
    })())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn frame_batches_on_several_threads_give_the_one_thread_result(
        batches in prop::collection::vec(
            prop::collection::vec((0i64..500, 0u8..4, 0u8..30, 0usize..8), 0..40), 0..12),
        threads in 2usize..5,
        failing in prop::option::weighted(0.1, 0usize..12),
        shape_index in 0u8..6,
    ) {
        // Modality 6 is a bad value, 7 a blank row.
        let batches: Vec<Vec<[String; 4]>> = batches.iter().map(|rows| rows.iter().map(|&(d, pp, pat, m)| {
            if m == 7 {
                return [String::new(), String::new(), String::new(), String::new()];
            }
            let modality = if m == 6 { "fax" } else { MODALITIES[m] };
            [date(d), format!("PP-{pp}"), format!("PAT-{pat}"), modality.to_owned()]
        }).collect()).collect();
        let request = request(shape_index);
        let one = frame_outcome(&batches, &request, 1, failing);
        prop_assert_eq!(frame_outcome(&batches, &request, threads, failing), one);
    }
}

#[test]
fn disclosure_control_on_several_threads_gives_the_one_thread_report() {
    // 7 partners with small monthly counts: many masked cells in every table; the tables
    // are checked on the threads the read was given
    let bytes = clean_log(1500);
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let mut one = ActivityReportBuilder::new(&request).unwrap();
    InterviewReader::open(&bytes[..], &ImportOptions::new())
        .unwrap()
        .push_into(&mut one)
        .unwrap();
    let expected = one.finish();
    assert!(expected.rows.iter().any(|r| !r.masked.is_empty()));
    assert_eq!(expected.totals.len(), 7);
    for threads in [2, 3, 8] {
        let mut builder = ActivityReportBuilder::new(&request).unwrap();
        let parallel = Parallelism::new(Threads::new(threads).unwrap()).min_range_bytes(1000);
        builder
            .push_log(LogSource::Bytes(&bytes), &ImportOptions::new(), parallel)
            .unwrap();
        assert_eq!(builder.finish(), expected, "{threads} threads");
    }
}
