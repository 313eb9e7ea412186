//! The `patient-partner` binary run as a user runs it, on every spreadsheet fixture
//! (`tests/fixtures/spreadsheets/`, made by LibreOffice and openpyxl; expectations computed
//! by the fixture script, not by this library).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets")
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join("expected.json")).unwrap())
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patient-partner"))
        .args(args)
        .output()
        .expect("run patient-partner")
}

fn path(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn every_fixture_gives_the_expected_tables_with_only_the_period() {
    let expected = expected();
    let want = &expected["interviews_2023"];
    let mut files: Vec<String> = want["files"].as_object().unwrap().keys().cloned().collect();
    files.push("interviews_2023_variant_headers.xlsx".to_owned());
    for name in files {
        let out = run(&[
            "report",
            &path(&name),
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
            "--format",
            "json",
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert!(stderr.contains("read 150 rows"), "{name}: {stderr}");
        assert!(stderr.contains("ignored column"), "{name}: {stderr}");
        assert!(stderr.contains("blank row"), "{name}: {stderr}");
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let totals = report["totals"].as_array().unwrap();
        assert_eq!(totals.len(), 3, "{name}");
        for t in totals {
            let partner = t["partner"].as_str().unwrap();
            let table = &want["partners"][partner];
            assert_eq!(t["patients"], table["patients"], "{name} {partner}");
            for column in ["in_person", "phone", "video", "total", "new_patients"] {
                assert_eq!(
                    t[column], table["total"][column],
                    "{name} {partner} {column}"
                );
            }
        }
        for row in report["rows"].as_array().unwrap() {
            let partner = row["partner"].as_str().unwrap();
            let month = row["month"].as_str().unwrap();
            let cell = &want["partners"][partner]["months"][month];
            for column in [
                "in_person",
                "phone",
                "video",
                "total",
                "new_patients",
                "patients",
            ] {
                assert_eq!(
                    row[column], cell[column],
                    "{name} {partner} {month} {column}"
                );
            }
        }
    }
}

#[test]
fn without_a_period_the_report_spans_the_log() {
    let out = run(&[
        "report",
        &path("interviews_2023.ods"),
        "--format",
        "json",
        "--quiet",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "--quiet prints no summary");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let start = report["period"]["start"].as_str().unwrap();
    assert!(start.starts_with("2023-01"), "{start}");
    // The CSV path streams the file twice: same period.
    let out = run(&[
        "report",
        &path("interviews_2023_cp1252_crlf.csv"),
        "--format",
        "json",
        "-q",
    ]);
    let csv: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(csv["period"], report["period"]);
    assert_eq!(csv["totals"], report["totals"]);
}

#[test]
fn errors_name_the_line_or_the_cell_and_write_nothing() {
    let output = temp("never.xlsx");
    let out = run(&[
        "report",
        &path("interviews_errors_cp1252_crlf.csv"),
        "--output",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 28, column 4 (modality)"), "{stderr}");
    assert!(stderr.contains("\"fax\""), "{stderr}");
    assert!(!output.exists(), "no output file on error");
    let out = run(&["report", &path("interviews_errors.xlsx")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("sheet \"Entretiens 2023\", cell D17 (modality)"),
        "{stderr}"
    );
}

#[test]
fn an_xlsx_report_is_written_to_the_output_file() {
    let output = temp("rapport.xlsx");
    let out = run(&[
        "report",
        &path("interviews_2023_openpyxl.xlsx"),
        "--suppress-below",
        "11",
        "--output",
        output.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&output).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "an xlsx (zip) file");
    // A table on stdout by default, with the masking shown.
    let out = run(&[
        "report",
        &path("interviews_2023_openpyxl.xlsx"),
        "--suppress-below",
        "11",
    ]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().skip(1).any(|cell| cell == "s")),
        "{table}"
    );
    assert!(
        table.contains("\ns suppressed: below 11, or masked to protect another\n"),
        "{table}"
    );
    assert!(!table.contains("(m)") && !table.contains("< 11"), "{table}");
}

#[test]
fn strict_mapping_encoding_and_sheet_options() {
    let strict = run(&["report", &path("interviews_2023_utf8.csv"), "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("unknown column \"Commentaire\""));
    let csv = temp("intervenant.csv");
    std::fs::write(
        &csv,
        "Jour;Intervenant;Patient;Mode\r\n09/01/2023;PP-9;PAT-1;visio\r\n",
    )
    .unwrap();
    let mapped = run(&[
        "report",
        csv.to_str().unwrap(),
        "--column",
        "partner=Intervenant",
        "--format",
        "csv",
    ]);
    assert!(
        mapped.status.success(),
        "{}",
        String::from_utf8_lossy(&mapped.stderr)
    );
    assert!(String::from_utf8_lossy(&mapped.stdout).contains("PP-9"));
    let bad = run(&[
        "report",
        csv.to_str().unwrap(),
        "--encoding",
        "ebcdic-klingon",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    let sheet = run(&[
        "report",
        &path("interviews_2023_openpyxl.xlsx"),
        "--sheet",
        "Feuil1",
    ]);
    assert_eq!(sheet.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&sheet.stderr).contains("\"Entretiens 2023\", \"Notes\""));
    // (Windows-1252 forced on a UTF-8 file: see a_mapping_to_an_unknown_column_is_bad_usage.)
}

#[test]
fn help_and_usage_errors() {
    let help = run(&["report", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("Examples:") && text.contains("--suppress-below"),
        "{text}"
    );
    let bad = run(&["report", &path("interviews_2023.ods"), "--bucket", "week"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty());
    let none = run(&["report"]);
    assert_eq!(none.status.code(), Some(2));
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-partner"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn standard_input_workbooks_json_and_old_mac_line_ends() {
    let xlsx = std::fs::read(fixtures().join("interviews_2023.xls")).unwrap();
    // Standard input, read twice (the period comes from a first pass).
    let out = run_with_stdin(&["report", "-", "--format", "json", "-q"], &xlsx);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["totals"].as_array().unwrap().len(), 3);
    // A JSON log, recognised by its content whatever its name.
    let json = temp("log.txt");
    std::fs::write(
        &json,
        r#"[{"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-1", "modality": "phone"}]"#,
    )
    .unwrap();
    let out = run(&["report", json.to_str().unwrap(), "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("PP-A"));
    // CR-only line ends, a bad row on line 3.
    let mac = temp("mac.csv");
    std::fs::write(&mac, "Date;Partenaire;Patient;Modalité\r09/01/2023;PP-A;PAT-1;visio\r10/01/2023;PP-A;PAT-1;fax\r").unwrap();
    let out = run(&["report", mac.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3, column 4 (modality)"), "{stderr}");
}

#[test]
fn no_break_space_rows_are_blank_and_gap_errors_name_the_cell_row() {
    let csv = temp("nbsp.csv");
    std::fs::write(
        &csv,
        b"Date;Partenaire;Patient;Modalit\xe9\r\n09/01/2023;PP-A;PAT-1;visio\r\n\xa0;;\xa0;\r\n",
    )
    .unwrap();
    let out = run(&["report", csv.to_str().unwrap(), "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped 1 blank row (line 3)"));
    // An interview inside a range declared as not reported, in a workbook.
    let coverage = temp("coverage.json");
    std::fs::write(
        &coverage,
        r#"[{"group": "PP-01", "start": "2023-01-01", "end": "2023-01-31"}]"#,
    )
    .unwrap();
    let out = run(&[
        "report",
        &path("interviews_2023_openpyxl.xlsx"),
        "--coverage",
        coverage.to_str().unwrap(),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("sheet \"Entretiens 2023\", row "),
        "{stderr}"
    );
    assert!(stderr.contains("not reported"), "{stderr}");
}

#[test]
fn a_mapping_to_an_unknown_column_is_bad_usage() {
    let out = run(&[
        "report",
        &path("interviews_2023_utf8.csv"),
        "--column",
        "partnr=Intervenant",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("partnr"));
    // Windows-1252 forced on a UTF-8 file: "Modalité" no longer matches, and the error
    // shows the header as it was read.
    let forced = run(&[
        "report",
        &path("interviews_2023_utf8.csv"),
        "--encoding",
        "windows-1252",
    ]);
    assert_eq!(forced.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&forced.stderr);
    assert!(
        stderr.contains("missing column \"modality\"") && stderr.contains("ModalitÃ©"),
        "{stderr}"
    );
}

#[test]
fn activities_join_the_monthly_table() {
    // The activity fixture (LibreOffice .ods, French headers; expectations from the fixture
    // script): its categories, minutes and participants, beside the interviews.
    let want = &expected()["activities_2023"];
    let out = run(&[
        "report",
        &path("interviews_2023.ods"),
        "--activities",
        &path("activities_2023.ods"),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "--format",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("activities_2023.ods: read 20 rows"),
        "{stderr}"
    );
    assert!(
        stderr.contains("ignored column \"Commentaire\""),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sum = |category: &str, measure: &str| -> u64 {
        report["totals"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["activities"].as_array().unwrap())
            .filter(|a| a["category"] == category)
            .map(|a| a[measure].as_u64().unwrap())
            .sum()
    };
    let by_mission = |m: &str| want["by_mission"][m].as_u64().unwrap();
    assert_eq!(
        sum("clinical_groups", "activities"),
        by_mission("support_group")
    );
    assert_eq!(
        sum("clinical_groups", "participants"),
        want["support_group_participants"].as_u64().unwrap()
    );
    assert_eq!(
        sum("training", "activities"),
        by_mission("professional_training")
    );
    assert_eq!(
        sum("training", "participants"),
        want["professional_training_participants"].as_u64().unwrap()
    );
    assert_eq!(
        sum("governance", "activities"),
        by_mission("committee_participation")
    );
    assert_eq!(
        sum("communication", "activities"),
        by_mission("role_promotion") + by_mission("congress_round_table")
    );
    let minutes: u64 = [
        "clinical_groups",
        "with_professionals",
        "governance",
        "training",
        "communication",
        "research",
        "associations",
        "clinical_individual",
    ]
    .iter()
    .map(|c| sum(c, "minutes"))
    .sum();
    assert_eq!(minutes, want["duration_minutes_sum"].as_u64().unwrap());
    // the interviews are those of the log alone
    let interviews: u64 = report["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["total"].as_u64().unwrap())
        .sum();
    assert_eq!(interviews, 150);

    // the text table and the CSV show them too; an activity in a declared gap is refused
    let table = run(&[
        "report",
        &path("interviews_2023.ods"),
        "--activities",
        &path("activities_2023.ods"),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
        "-q",
    ]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("clinical group sessions"), "{text}");
    assert!(text.contains("participants"), "{text}");
}

#[test]
fn a_bad_activity_log_names_its_file_and_row() {
    let log = temp("activities_bad.csv");
    std::fs::write(
        &log,
        "id;date;partner;mission;modality;duration_minutes\nACT-1;12/01/2023;PP-01;support_group;hybrid;90\n",
    )
    .unwrap();
    let out = run(&[
        "report",
        &path("interviews_2023.ods"),
        "--activities",
        &log.display().to_string(),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("activities_bad.csv"), "{stderr}");
    assert!(stderr.contains("participants"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn fhir_export_then_import_gives_the_journal_back() {
    let journal =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/journal_2023.json");
    let bundle = temp("journal.bundle.json");
    let back = temp("journal.back.json");
    for extra in [None, Some("--transaction")] {
        let mut args = vec![
            "fhir",
            "export",
            "--journal",
            journal.to_str().unwrap(),
            "-o",
            bundle.to_str().unwrap(),
        ];
        args.extend(extra);
        let out = run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = run(&[
            "fhir",
            "import",
            bundle.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let original: Value =
            serde_json::from_str(&std::fs::read_to_string(&journal).unwrap()).unwrap();
        let returned: Value =
            serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
        for key in ["referrals", "interviews", "activities"] {
            assert_eq!(original[key], returned[key], "{key} ({extra:?})");
        }
        assert_eq!(
            original["transitions"].as_array().unwrap().len(),
            returned["transitions"].as_array().unwrap().len()
        );
    }
    // the report: one MeasureReport per month and one for the year
    let out = run(&[
        "fhir",
        "report",
        journal.to_str().unwrap(),
        "--from",
        "2023-01-01",
        "--to",
        "2023-12-31",
    ]);
    assert!(out.status.success());
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reports["entry"].as_array().unwrap().len(), 13);
    // a Bundle that cannot be read: exit 1, the element named, nothing on stdout
    std::fs::write(
        &bundle,
        r#"{"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:1"}]}"#,
    )
    .unwrap();
    let out = run(&["fhir", "import", bundle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Bundle.entry[0].resource"));
    assert!(out.stdout.is_empty());
}

/// A small log of two partners over one quarter (a publication's protection runs in the
/// test's debug build: keep it small).
fn two_partner_log() -> PathBuf {
    let mut text = String::from("date,partner,patient,modality\n");
    for k in 0..14 {
        text.push_str(&format!("2023-01-{:02},PP-A,PAT-A{k},phone\n", 1 + k));
        text.push_str(&format!("2023-02-{:02},PP-B,PAT-B{k},in_person\n", 1 + k));
    }
    for k in 0..3 {
        text.push_str(&format!("2023-03-{:02},PP-A,PAT-C{k},video\n", 1 + k));
    }
    let file = temp("two_partners.csv");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn comma_lists_make_one_publication_in_every_format() {
    let log = two_partner_log();
    let log = log.display().to_string();
    let base = [
        "report",
        &log,
        "--from",
        "2023-01-01",
        "--to",
        "2023-03-31",
        "--by",
        "partner,all",
        "--bucket",
        "month,quarter",
        "--suppress-below",
        "11",
        "--quiet",
    ];
    let with = |extra: &[&str]| -> Output {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        run(&args)
    };
    let out = with(&["--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tables = json["tables"].as_array().expect("{\"tables\": [...]}");
    let shape: Vec<(String, String)> = tables
        .iter()
        .map(|t| {
            (
                t["group_by"].as_str().unwrap().into(),
                t["bucket"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expect = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        shape,
        [
            expect("partner", "month"),
            expect("partner", "quarter"),
            expect("all", "month"),
            expect("all", "quarter")
        ]
    );
    // PP-A's 3 video interviews of March are masked in every table that shows them alone.
    let march_a = &tables[0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["partner"] == "PP-A" && r["month"] == "2023-03")
        .unwrap()["video"];
    assert!(march_a.is_null());
    for t in tables {
        assert_eq!(t["suppress_below"], 11);
    }

    let csv = with(&["--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(csv.matches("# by partner, by month").count(), 1, "{csv}");
    assert_eq!(csv.matches("\n# all, by quarter\n").count(), 1, "{csv}");
    assert_eq!(csv.matches("partner,month,start").count(), 1, "{csv}");

    let text = with(&["--format", "table"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("== all, by month =="), "{text}");
    assert!(!text.contains("< 11"));

    let xlsx = temp("publication.xlsx");
    let out = with(&["--output", xlsx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    // The sheet names live in xl/workbook.xml, uncompressed names inside the ZIP's
    // compressed stream: read them from the file's central directory instead (one sheet
    // file per group and table, then the definitions).
    let sheets = bytes
        .windows(b"xl/worksheets/sheet".len())
        .filter(|w| w == b"xl/worksheets/sheet")
        .count();
    assert!(
        sheets >= 2 * (2 + 2 + 1 + 1),
        "{sheets} sheet entries (local + central)"
    );

    let refused = with(&["--activities", &log]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--activities needs one table"));
    let twice = run(&[
        "report",
        &log,
        "--by",
        "all,all",
        "--from",
        "2023-01-01",
        "--to",
        "2023-03-31",
    ]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("asked twice"));
}

#[test]
fn a_ledger_records_releases_and_refuses_revisions_and_other_settings() {
    let log = two_partner_log();
    let log = log.display().to_string();
    let ledger = temp("ledger.json");
    let _ = std::fs::remove_file(&ledger);
    let ledger_arg = ledger.display().to_string();
    let release = |to: &str, extra: &[&str]| -> Output {
        let mut args = vec![
            "report",
            &log,
            "--from",
            "2023-01-01",
            "--to",
            to,
            "--suppress-below",
            "11",
            "--ledger",
            &ledger_arg,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    // a missing file starts a new ledger; one table keeps the shape of a report
    let first = release("2023-01-31", &[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let json: Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(json["rows"][0]["phone"], 14);
    assert!(String::from_utf8_lossy(&first.stderr).contains("release 1 recorded"));
    let recorded: Value = serde_json::from_str(&std::fs::read_to_string(&ledger).unwrap()).unwrap();
    assert_eq!(recorded["format"], "patient-partner-ledger");
    assert_eq!(recorded["settings"]["suppress_below"], 11);
    assert_eq!(recorded["releases"].as_array().unwrap().len(), 1);
    assert!(!std::fs::read_to_string(&ledger).unwrap().contains("PAT-"));
    // the next release: January's published cells stay as they were
    let second = release("2023-03-31", &[]);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let json: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(json["rows"][0]["phone"], 14);
    assert!(String::from_utf8_lossy(&second.stderr).contains("release 2 recorded (1 earlier)"));
    // other settings: refused, the ledger untouched
    let before = std::fs::read_to_string(&ledger).unwrap();
    let other = release("2023-03-31", &["--by", "all"]);
    assert_eq!(other.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&other.stderr).contains("ledger.json"));
    assert!(String::from_utf8_lossy(&other.stderr).contains("by all and month"));
    assert_eq!(std::fs::read_to_string(&ledger).unwrap(), before);
    // a late January entry changes a published cell: refused, then accepted on demand
    let mut text = std::fs::read_to_string(&log).unwrap();
    text.push_str("2023-01-30,PP-A,PAT-LATE,phone\n");
    let late = temp("two_partners_late.csv");
    std::fs::write(&late, text).unwrap();
    let late = late.display().to_string();
    let revised = |extra: &[&str]| -> Output {
        let mut args = vec![
            "report",
            &late,
            "--from",
            "2023-01-01",
            "--to",
            "2023-03-31",
            "--suppress-below",
            "11",
            "--ledger",
            &ledger_arg,
            "--format",
            "csv",
        ];
        args.extend_from_slice(extra);
        run(&args)
    };
    let refused = revised(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("14 published, 15 now"), "{message}");
    assert_eq!(std::fs::read_to_string(&ledger).unwrap(), before);
    let accepted = revised(&["--accept-revisions"]);
    assert!(
        accepted.status.success(),
        "{}",
        String::from_utf8_lossy(&accepted.stderr)
    );
    assert!(String::from_utf8_lossy(&accepted.stderr).contains("revised: table 1 PP-A"));
    let recorded: Value = serde_json::from_str(&std::fs::read_to_string(&ledger).unwrap()).unwrap();
    assert_eq!(recorded["releases"][2]["revisions"][0]["now"], 15);
}

#[test]
fn indicators_are_published_from_the_protected_tables() {
    let log = two_partner_log();
    let log = log.display().to_string();
    let args = |format: &'static str| {
        vec![
            "report",
            log.as_str(),
            "--from",
            "2023-01-01",
            "--to",
            "2023-03-31",
            "--suppress-below",
            "11",
            "--indicators",
            "remote_share,interviews_total",
            "--format",
            format,
            "--quiet",
        ]
    };
    let out = run(&args("json"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["tables"].as_array().unwrap().len(), 1);
    let shares = &json["indicators"][0];
    assert_eq!(shares["indicator"], "remote_share");
    // PP-A: 14 phone and 3 video interviews; the 3 video are masked in the table, and so is
    // the remote numerator unless the table gives it (total − in person)
    let a = &shares["groups"][0];
    assert_eq!(a["partner"], "PP-A");
    let totals = &json["tables"][0]["totals"][0];
    let derivable = match (totals["phone"].as_u64(), totals["video"].as_u64()) {
        (Some(p), Some(v)) => Some(p + v),
        _ => match (totals["total"].as_u64(), totals["in_person"].as_u64()) {
            (Some(t), Some(i)) => Some(t - i),
            _ => None,
        },
    };
    assert_eq!(a["numerator"].as_u64(), derivable);
    assert_eq!(a["masked"], derivable.is_none());
    let csv = run(&args("csv"));
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(
        text.contains("# indicators\nindicator,group_by,group,numerator,denominator,value\n"),
        "{text}"
    );
    assert!(
        text.contains("interviews_total,partner,PP-B,,,14\n"),
        "{text}"
    );
    let xlsx = run(&[
        "report",
        &log,
        "--from",
        "2023-01-01",
        "--to",
        "2023-03-31",
        "--suppress-below",
        "11",
        "--indicators",
        "remote_share",
        "--format",
        "xlsx",
        "--output",
        "/tmp/never.xlsx",
    ]);
    assert_eq!(xlsx.status.code(), Some(2));
    let bad = run(&["report", &log, "--indicators", "no_such"]);
    assert_eq!(bad.status.code(), Some(2));
}
