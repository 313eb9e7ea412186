//! Import cases that JSON vectors cannot carry (raw bytes) and the streaming reader's
//! behaviour after an error.

use patient_partner::import::{read_interviews_csv, InterviewCsvReader};

#[test]
fn invalid_utf8_after_utf8_names_line_and_column() {
    // The file is UTF-8 (its first 64 KiB are valid, with accents), then a bad byte further
    // on: an error naming the line, with the hint about Windows-1252.
    let mut text = String::from("date,partner,patient,modality\n");
    let rows = 3000;
    for _ in 0..rows {
        text.push_str("2023-01-09,PP-A,PAT-1,téléphone\n");
    }
    assert!(text.len() > 70_000);
    let mut bytes = text.into_bytes();
    bytes.extend(b"2023-01-10,PP-A,PAT-");
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b",phone\n");
    let err = read_interviews_csv(&bytes[..]).unwrap_err();
    assert_eq!(err.code(), "invalid_encoding");
    let ctx = err.context();
    assert_eq!((ctx.line, ctx.column), (Some(rows + 2), Some(3)));
    assert!(err.to_string().contains("windows-1252"), "{err}");
}

#[test]
fn a_file_with_mixed_bytes_in_its_first_chunk_is_windows_1252() {
    let mut bytes = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n"
        .as_bytes()
        .to_vec();
    bytes.extend(b"2023-01-10,PP-\xc9\xa0,PAT-1,t\xe9l\xe9phone\n");
    let log = read_interviews_csv(&bytes[..]).unwrap();
    // É then a no-break space (trimmed away, as every value is).
    assert_eq!(log[1].partner.as_str(), "PP-É");
    assert_eq!(log[1].modality, patient_partner::Modality::Phone);
}

#[test]
fn a_windows_1252_header_is_detected_and_read() {
    let bytes = b"date;partner;patient;modalit\xe9\r\n09/01/2023;PP-A;PAT-1;t\xe9l\xe9phone\r\n";
    let log = read_interviews_csv(&bytes[..]).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].modality, patient_partner::Modality::Phone);
}

#[test]
fn bom_only_file_is_empty() {
    let err = read_interviews_csv(&b"\xef\xbb\xbf"[..]).unwrap_err();
    assert_eq!(err.code(), "empty_file");
}

#[test]
fn streaming_reader_stops_after_the_first_error() {
    let text = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\nbad,PP-A,PAT-1,phone\n2023-01-11,PP-A,PAT-1,phone\n";
    let rows: Vec<_> = InterviewCsvReader::new(text.as_bytes()).unwrap().collect();
    assert_eq!(rows.len(), 2, "one good row, then the error, then nothing");
    assert!(rows[0].is_ok());
    let err = rows[1].as_ref().unwrap_err();
    assert_eq!(err.code(), "invalid_date");
    assert_eq!(err.context().line, Some(3));
    // The message names the place first, for people.
    assert!(
        err.to_string()
            .starts_with("line 3, column 1 (date): invalid date \"bad\""),
        "{err}"
    );
}

#[test]
fn crlf_and_quoted_semicolons() {
    let text = "date;partner;patient;modality\r\n\"2023-01-09\";\"PP;A\";PAT-1;Téléphone\r\n";
    let log = read_interviews_csv(text.as_bytes()).unwrap();
    assert_eq!(log[0].partner.as_str(), "PP;A");
}

fn large_log(rows: usize) -> String {
    let mut text = String::from("date,partner,patient,modality\n");
    let modalities = ["in_person", "phone", "video"];
    for i in 0..rows {
        let day = 1 + (i * 7) % 28;
        let month = 1 + (i * 5) % 12;
        let year = 2022 + (i % 3);
        text.push_str(&format!(
            "{year}-{month:02}-{day:02},PP-{},PAT-{},{}\n",
            i % 37,
            (i * 7919) % 5003,
            modalities[i % 3]
        ));
    }
    text
}

#[test]
fn streaming_path_matches_the_in_memory_report_on_many_batches() {
    use patient_partner::report::{activity_report, ActivityReportBuilder, Period, ReportRequest};
    let text = large_log(30_000);
    for rule in [
        patient_partner::report::NewPatientRule::FirstInPeriod,
        patient_partner::report::NewPatientRule::FirstEver,
    ] {
        let mut request = ReportRequest::new(Period::year(2023).unwrap());
        request.new_patient_rule = rule;
        let mut builder = ActivityReportBuilder::new(&request).unwrap();
        let rows = InterviewCsvReader::new(text.as_bytes())
            .unwrap()
            .push_into(&mut builder)
            .unwrap();
        assert_eq!(rows.rows, 30_000);
        let streamed = builder.finish();
        let log = read_interviews_csv(text.as_bytes()).unwrap();
        assert_eq!(streamed, activity_report(&log, &request).unwrap());
        assert_eq!(streamed.totals.len(), 37);
    }
}

#[test]
fn streaming_path_reports_the_line_of_a_late_error() {
    use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    let mut text = large_log(20_000);
    text.push_str("2023-01-01,PP-1,PAT-1,fax\n");
    let mut builder =
        ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap())).unwrap();
    let err = InterviewCsvReader::new(text.as_bytes())
        .unwrap()
        .push_into(&mut builder)
        .unwrap_err();
    assert_eq!(err.code(), "invalid_modality");
    assert_eq!(err.context().line, Some(20_002));
}

#[test]
fn a_huge_record_or_header_fails_fast_with_its_line() {
    use patient_partner::import::{read_interviews, ImportOptions};
    // An unclosed quote on line 3 swallows the rest of a large file.
    let mut text = String::from("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n2023-01-10,PP-A,\"PAT-1,phone\n");
    text.push_str(&"2023-01-11,PP-A,PAT-1,phone\n".repeat(100_000));
    let options = ImportOptions::new().max_record_bytes(64 * 1024);
    let err = read_interviews(text.as_bytes(), &options).unwrap_err();
    assert_eq!(err.code(), "record_too_long");
    assert_eq!(err.context().line, Some(3));
    assert!(err.to_string().len() < 200, "{err}");
    // A 3 MB header line, with the default limit of 1 MiB.
    let header = format!("date,partner,patient,modality,{}\n", "x".repeat(3 << 20));
    let err = read_interviews(header.as_bytes(), &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "record_too_long");
    assert_eq!(err.context().line, Some(1));
    // Below the limit, a long record is fine.
    let long = format!(
        "date,partner,patient,modality,notes\n2023-01-09,PP-A,PAT-1,phone,{}\n",
        "x".repeat(500_000)
    );
    assert_eq!(
        read_interviews(long.as_bytes(), &ImportOptions::new())
            .unwrap()
            .records
            .len(),
        1
    );
}

#[test]
fn messages_quoting_a_huge_json_value_stay_short() {
    let value = "x".repeat(1_000_000);
    let text = format!(
        r#"[{{"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-1", "modality": "{value}"}}]"#
    );
    let err = patient_partner::import::read_interviews_json(&text).unwrap_err();
    assert_eq!(err.code(), "invalid_json");
    assert!(
        err.to_string().len() < 1_000,
        "{} bytes",
        err.to_string().len()
    );
    let err = patient_partner::Journal::new()
        .ingest_json(&format!(r#"{{"interviews": [{{"modality": "{value}"}}]}}"#))
        .unwrap_err();
    assert!(
        err.to_string().len() < 1_000,
        "{} bytes",
        err.to_string().len()
    );
}
