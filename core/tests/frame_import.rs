//! Interview logs from data frames (`import::frame`): the rules of the CSV import, on typed
//! cells, batch by batch.

use chrono::NaiveDate;
use patient_partner::import::{
    read_interviews, FileFormat, FrameBatch, FrameCell, ImportOptions, InterviewFrame,
    UnknownColumns,
};
use patient_partner::report::{activity_report, ActivityReportBuilder, Period, ReportRequest};

/// A frame held as owned cells, column-major like an Arrow batch.
#[derive(Clone)]
enum Owned {
    Null,
    Text(String),
    Date(NaiveDate),
    Int(i64),
    Float(f64),
    Bool(bool),
}

struct Batch {
    columns: Vec<Vec<Owned>>,
}

impl FrameBatch for Batch {
    fn num_rows(&self) -> usize {
        self.columns.first().map_or(0, Vec::len)
    }
    fn cell(&self, column: usize, row: usize) -> FrameCell<'_> {
        match &self.columns[column][row] {
            Owned::Null => FrameCell::Null,
            Owned::Text(t) => FrameCell::Text(t),
            Owned::Date(d) => FrameCell::Date(*d),
            Owned::Int(i) => FrameCell::Integer(*i),
            Owned::Float(f) => FrameCell::Float(*f),
            Owned::Bool(b) => FrameCell::Bool(*b),
        }
    }
}

fn t(s: &str) -> Owned {
    Owned::Text(s.to_owned())
}

fn d(s: &str) -> Owned {
    Owned::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

/// Rows (as given) into a column-major batch.
fn batch(rows: Vec<Vec<Owned>>) -> Batch {
    let width = rows.first().map_or(0, Vec::len);
    let mut columns = vec![Vec::new(); width];
    for row in rows {
        for (c, cell) in row.into_iter().enumerate() {
            columns[c].push(cell);
        }
    }
    Batch { columns }
}

const CSV: &str = "Date;Partenaire;Patient;Modalité;Durée (min);Commentaire\n\
                   09/01/2023;PP-A;PAT-1;présentiel;45;suite RCP\n\
                   2023-01-10;PP-A;PAT-2;phone;0:30;\n\
                   2023-02-03;PP-B;PAT-1;Visio;;\n";

fn same_log_as_frame() -> Batch {
    batch(vec![
        vec![
            d("2023-01-09"),
            t("PP-A"),
            t("PAT-1"),
            t("présentiel"),
            Owned::Int(45),
            t("suite RCP"),
        ],
        vec![
            t("2023-01-10"),
            t("PP-A"),
            t("PAT-2"),
            t("phone"),
            t("0:30"),
            Owned::Null,
        ],
        vec![
            d("2023-02-03"),
            t("PP-B"),
            t("PAT-1"),
            t("Visio"),
            Owned::Float(f64::NAN),
            Owned::Null,
        ],
    ])
}

const HEADERS: [&str; 6] = [
    "Date",
    "Partenaire",
    "Patient",
    "Modalité",
    "Durée (min)",
    "Commentaire",
];

#[test]
fn a_frame_reads_as_the_same_csv_reads() {
    let from_csv = read_interviews(CSV.as_bytes(), &ImportOptions::new()).unwrap();
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    let from_frame = frame.interviews(&same_log_as_frame()).unwrap();
    assert_eq!(from_frame, from_csv.records);
    let summary = frame.summary();
    assert_eq!(summary.format, FileFormat::Frame);
    assert_eq!(summary.rows, 3);
    assert_eq!(summary.ignored_columns.len(), 1);
    assert_eq!(summary.ignored_columns[0].header, "Commentaire");
    assert_eq!(summary.ignored_columns[0].column, 6);
    assert_eq!(summary.columns, from_csv.summary.columns);
}

#[test]
fn a_report_fed_by_batches_equals_the_report_of_the_rows() {
    let request = ReportRequest::new(Period::year(2023).unwrap());
    let rows = read_interviews(CSV.as_bytes(), &ImportOptions::new())
        .unwrap()
        .records;
    let expected = activity_report(&rows, &request).unwrap();
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    let mut builder = ActivityReportBuilder::new(&request).unwrap();
    // Two batches: the second starts at row 2.
    let all = same_log_as_frame();
    let first = Batch {
        columns: all.columns.iter().map(|c| c[..2].to_vec()).collect(),
    };
    let second = Batch {
        columns: all.columns.iter().map(|c| c[2..].to_vec()).collect(),
    };
    let summary = frame
        .push_into(vec![Ok(first), Ok(second)], &mut builder)
        .unwrap();
    assert_eq!(summary.rows, 3);
    assert_eq!(builder.finish(), expected);
}

#[test]
fn errors_name_the_row_position_over_all_batches_and_the_column() {
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    frame.interviews(&same_log_as_frame()).unwrap();
    let bad = batch(vec![
        vec![
            d("2023-03-01"),
            t("PP-A"),
            t("PAT-1"),
            t("phone"),
            Owned::Null,
            Owned::Null,
        ],
        vec![
            d("2023-03-02"),
            t("PP-A"),
            t("PAT-1"),
            t("fax\0"),
            Owned::Null,
            Owned::Null,
        ],
    ]);
    let err = frame.interviews(&bad).unwrap_err();
    assert_eq!(err.code(), "invalid_modality");
    assert_eq!(err.context().row, Some(4), "3 rows before, then the second");
    assert_eq!(err.context().column, Some(4));
    assert_eq!(err.context().field.as_deref(), Some("modality"));
    assert_eq!(err.context().line, None);
    let message = err.with_row_label("2023-03-02#b").to_string();
    assert!(
        message.starts_with("frame row 4 (index \"2023-03-02#b\"), column 4 (modality):"),
        "{message}"
    );
    assert!(message.contains("\"fax\\0\""), "escaped: {message}");
}

#[test]
fn cells_of_the_wrong_type_get_the_rules_codes() {
    let cases: Vec<(usize, Owned, &str)> = vec![
        (0, Owned::Int(20230109), "invalid_date"),
        (0, t("9 janvier"), "invalid_date"),
        (0, Owned::Null, "missing_value"),
        (1, Owned::Bool(true), "invalid_id"),
        (1, t(&"x".repeat(65)), "invalid_id"),
        (2, Owned::Null, "missing_value"),
        (3, Owned::Int(1), "invalid_modality"),
        (4, Owned::Float(12.5), "invalid_number"),
        (4, Owned::Int(0), "invalid_number"),
        (4, Owned::Int(1441), "invalid_number"),
        (4, Owned::Int(-5), "invalid_number"),
        (4, t("45 min"), "invalid_number"),
    ];
    for (column, cell, code) in cases {
        let mut row = vec![
            d("2023-01-09"),
            t("PP-A"),
            t("PAT-1"),
            t("phone"),
            Owned::Null,
        ];
        row[column] = cell;
        let mut frame = InterviewFrame::open(&HEADERS[..5], &ImportOptions::new()).unwrap();
        let err = frame.interviews(&batch(vec![row])).unwrap_err();
        assert_eq!(err.code(), code, "column {column}: {err}");
        assert_eq!(err.context().column, Some(column as u64 + 1), "{err}");
        assert_eq!(err.context().row, Some(0));
    }
}

#[test]
fn numbers_are_identifiers_and_whole_floats_are_minutes() {
    let mut frame = InterviewFrame::open(
        &[
            "date",
            "partner",
            "patient",
            "modality",
            "duration_minutes",
            "establishment",
        ],
        &ImportOptions::new(),
    )
    .unwrap();
    let got = frame
        .interviews(&batch(vec![vec![
            d("2023-01-09"),
            t("PP-A"),
            Owned::Int(1234),
            t("TÉLÉPHONE"),
            Owned::Float(45.0),
            Owned::Float(75.0),
        ]]))
        .unwrap();
    assert_eq!(got[0].patient.as_str(), "1234");
    assert_eq!(got[0].duration_minutes, Some(45));
    assert_eq!(got[0].establishment.as_ref().unwrap().as_str(), "75");
}

#[test]
fn blank_rows_are_skipped_and_named_by_position() {
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    let got = frame
        .interviews(&batch(vec![
            vec![
                Owned::Null,
                t(" "),
                Owned::Null,
                Owned::Null,
                Owned::Float(f64::NAN),
                Owned::Null,
            ],
            vec![
                d("2023-01-09"),
                t("PP-A"),
                t("PAT-1"),
                t("phone"),
                Owned::Null,
                Owned::Null,
            ],
            vec![
                Owned::Null,
                Owned::Null,
                Owned::Null,
                Owned::Null,
                Owned::Null,
                t("\u{a0}"),
            ],
        ]))
        .unwrap();
    assert_eq!(got.len(), 1);
    let summary = frame.summary();
    assert_eq!((summary.rows, summary.blank_rows), (1, 2));
    assert_eq!(summary.blank_row_lines, vec![0, 2]);
    assert!(summary.to_string().contains("frame rows 0, 2"), "{summary}");
    // A note in an unused column makes the row not blank: its empty date is refused.
    let err = frame
        .interviews(&batch(vec![vec![
            Owned::Null,
            Owned::Null,
            Owned::Null,
            Owned::Null,
            Owned::Null,
            t("à rappeler"),
        ]]))
        .unwrap_err();
    assert_eq!((err.code(), err.context().row), ("missing_value", Some(3)));
}

#[test]
fn columns_follow_the_csv_header_rules() {
    let err =
        InterviewFrame::open(&["date", "partner", "patient"], &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "missing_column");
    assert_eq!(err.context().field.as_deref(), Some("modality"));
    let err = InterviewFrame::open(
        &["date", "partner", "patient", "modality", "Modalité"],
        &ImportOptions::new(),
    )
    .unwrap_err();
    assert_eq!(
        (err.code(), err.context().column),
        ("duplicate_column", Some(5))
    );
    let strict = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    let err = InterviewFrame::open(&HEADERS, &strict).unwrap_err();
    assert_eq!(
        (err.code(), err.context().column),
        ("unknown_column", Some(6))
    );
    let mapped = ImportOptions::new().column("patient", "Code patient");
    let frame =
        InterviewFrame::open(&["date", "partner", "Code patient", "modality"], &mapped).unwrap();
    let used: Vec<(usize, &str)> = frame.used_columns().collect();
    assert_eq!(
        used,
        vec![(0, "date"), (1, "partner"), (2, "patient"), (3, "modality")]
    );
    let err = frame.unsupported_column(2, "List(Int64)");
    assert_eq!(err.code(), "unsupported_column_type");
    assert_eq!(err.context().field.as_deref(), Some("patient"));
}

#[test]
fn a_producer_failure_is_an_io_error_at_the_next_row() {
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    let request = ReportRequest::new(Period::year(2023).unwrap());
    let mut builder = ActivityReportBuilder::new(&request).unwrap();
    let err = frame
        .push_into(
            vec![Ok(same_log_as_frame()), Err("stream broke\u{0}".to_owned())],
            &mut builder,
        )
        .unwrap_err();
    assert_eq!(err.code(), "io_error");
    assert_eq!(err.context().row, Some(3));
    assert!(err.to_string().contains("stream broke\\u{0}"), "{err}");
}

#[test]
fn an_empty_frame_is_an_empty_log() {
    let mut frame = InterviewFrame::open(&HEADERS, &ImportOptions::new()).unwrap();
    assert!(frame.interviews(&batch(vec![])).unwrap().is_empty());
    assert_eq!(frame.summary().rows, 0);
}
