//! Every fixture of `tests/fixtures/spreadsheets/` (files made by LibreOffice and openpyxl,
//! see its MANIFEST) read with the default options, checked against `expected.json`, which
//! the fixture script computed from its own data (never by this library).

use std::path::PathBuf;

use patient_partner::import::{
    read_activities, read_interviews, read_referrals, FileFormat, ImportOptions, UnknownColumns,
};
use patient_partner::report::{activity_report, Period, ReportRequest};
use patient_partner::Vocabulary;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The 2023 monthly table of every partner matches the expected counts, cell by cell.
fn check_tables(name: &str, interviews: &[patient_partner::Interview], want: &Value) {
    let report =
        activity_report(interviews, &ReportRequest::new(Period::year(2023).unwrap())).unwrap();
    let partners = want["partners"].as_object().unwrap();
    assert_eq!(report.totals.len(), partners.len(), "{name}: partners");
    for (partner, table) in partners {
        let totals = report
            .totals
            .iter()
            .find(|t| t.group.key() == Some(partner.as_str()))
            .unwrap_or_else(|| panic!("{name}: no table for {partner}"));
        assert_eq!(
            totals.patients,
            table["patients"].as_u64(),
            "{name} {partner} patients"
        );
        for column in ["in_person", "phone", "video", "total", "new_patients"] {
            let got = match column {
                "in_person" => totals.in_person,
                "phone" => totals.phone,
                "video" => totals.video,
                "total" => totals.total,
                _ => totals.new_patients,
            };
            assert_eq!(
                got,
                table["total"][column].as_u64(),
                "{name} {partner} {column}"
            );
        }
        for row in report.rows_of(&totals.group) {
            let month = &table["months"][row.bucket.key()];
            assert!(month.is_object(), "{name}: {partner} {}", row.bucket.key());
            let cells = [
                ("in_person", row.in_person),
                ("phone", row.phone),
                ("video", row.video),
                ("total", row.total),
                ("new_patients", row.new_patients),
                ("patients", row.patients),
            ];
            for (column, got) in cells {
                assert_eq!(
                    got,
                    month[column].as_u64(),
                    "{name} {partner} {} {column}",
                    row.bucket.key()
                );
            }
        }
    }
}

#[test]
fn every_interview_log_gives_the_expected_monthly_tables() {
    let expected = expected();
    let want = &expected["interviews_2023"];
    let files = want["files"].as_object().unwrap();
    assert!(files.len() >= 10, "the fixture set lists its files");
    for (name, facts) in files {
        let imported = read_interviews(&bytes(name)[..], &ImportOptions::new())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let summary = &imported.summary;
        assert_eq!(summary.rows, want["rows"].as_u64().unwrap(), "{name}: rows");
        assert_eq!(imported.records.len() as u64, summary.rows);
        let ignored: Vec<&str> = summary
            .ignored_columns
            .iter()
            .map(|c| c.header.as_str())
            .collect();
        assert_eq!(ignored, ["Commentaire"], "{name}: ignored columns");
        assert_eq!(summary.ignored_columns[0].column, 6, "{name}");
        if let Some(sheet) = facts.get("sheet").and_then(Value::as_str) {
            assert_eq!(summary.sheet.as_deref(), Some(sheet), "{name}");
            assert_ne!(summary.format, FileFormat::Csv, "{name}");
            // calamine's used range ends at the last cell with a value: the formatted rows
            // after it are not in the sheet as read (the MANIFEST says which each has).
            let listed = facts["blank_rows"].as_u64().unwrap();
            assert!(
                (1..=listed).contains(&summary.blank_rows),
                "{name}: {} blank rows, at most {listed} expected",
                summary.blank_rows
            );
        } else {
            assert_eq!(summary.format, FileFormat::Csv, "{name}");
            assert_eq!(
                summary.blank_rows,
                facts["blank_rows"].as_u64().unwrap(),
                "{name}"
            );
            let separator = facts["separator"].as_str().unwrap();
            assert_eq!(summary.separator.as_deref(), Some(separator), "{name}");
            let made_as = match facts["encoding"].as_str().unwrap() {
                "windows-1252" => "windows-1252",
                "utf-8" | "utf-8 with BOM" => "UTF-8",
                "utf-16-le with BOM" => "UTF-16LE",
                other => panic!("{name}: encoding {other} not known to this test"),
            };
            assert_eq!(summary.encoding.as_deref(), Some(made_as), "{name}");
        }
        check_tables(name, &imported.records, want);
    }
}

#[test]
fn variant_headers_and_numeric_ids_give_the_same_tables() {
    let expected = expected();
    let name = "interviews_2023_variant_headers.xlsx";
    let imported = read_interviews(&bytes(name)[..], &ImportOptions::new()).unwrap();
    assert_eq!(imported.summary.rows, 150);
    let ignored: Vec<&str> = imported
        .summary
        .ignored_columns
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(ignored, ["Remarques"]);
    assert!(imported.records.iter().any(|i| i.patient.as_str() == "1"));
    assert!(imported
        .records
        .iter()
        .all(|i| i.establishment.as_ref().map(|e| e.as_str()) == Some("ETAB-1")));
    check_tables(name, &imported.records, &expected["interviews_2023"]);
}

#[test]
fn strict_mode_refuses_the_comments_column() {
    let options = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    let err = read_interviews(&bytes("interviews_2023_openpyxl.xlsx")[..], &options).unwrap_err();
    assert_eq!(err.code(), "unknown_column");
    let ctx = err.context();
    assert_eq!(ctx.sheet.as_deref(), Some("Entretiens 2023"));
    assert_eq!(ctx.cell().as_deref(), Some("F1"));
    let err = read_interviews(&bytes("interviews_2023_cp1252_crlf.csv")[..], &options).unwrap_err();
    assert_eq!(
        (err.context().line, err.context().column),
        (Some(1), Some(6))
    );
}

#[test]
fn errors_name_the_true_line_or_the_cell() {
    let expected = expected();
    for case in expected["errors"].as_array().unwrap() {
        let name = case["file"].as_str().unwrap();
        let err = read_interviews(&bytes(name)[..], &ImportOptions::new()).unwrap_err();
        assert_eq!(err.code(), "invalid_modality", "{name}");
        let ctx = err.context();
        assert_eq!(ctx.field.as_deref(), case["field"].as_str(), "{name}");
        assert_eq!(ctx.column, case["column"].as_u64(), "{name}");
        match case.get("sheet").and_then(Value::as_str) {
            Some(sheet) => {
                assert_eq!(ctx.sheet.as_deref(), Some(sheet));
                assert_eq!(ctx.line, case["row"].as_u64());
                assert_eq!(ctx.cell().as_deref(), case["cell"].as_str());
                let message = err.to_string();
                assert!(
                    message.starts_with(&format!("sheet {sheet:?}, cell D17 (modality)")),
                    "{message}"
                );
            }
            None => {
                assert_eq!(ctx.line, case["line"].as_u64(), "{name}: the physical line");
                assert!(err.to_string().contains("\"fax\""), "{err}");
            }
        }
    }
}

#[test]
fn the_sheet_can_be_named_and_an_unknown_one_lists_the_sheets() {
    let file = bytes("interviews_2023_openpyxl.xlsx");
    let options = ImportOptions::new().sheet("Entretiens 2023");
    assert_eq!(
        read_interviews(&file[..], &options).unwrap().summary.rows,
        150
    );
    let err = read_interviews(&file[..], &ImportOptions::new().sheet("Feuil1")).unwrap_err();
    assert_eq!(err.code(), "unknown_sheet");
    assert!(
        err.to_string().contains("\"Entretiens 2023\", \"Notes\""),
        "{err}"
    );
    // The notes sheet has none of the columns: the message shows what it holds.
    let err = read_interviews(&file[..], &ImportOptions::new().sheet("Notes")).unwrap_err();
    assert_eq!(err.code(), "missing_column");
    assert_eq!(err.context().sheet.as_deref(), Some("Notes"));
}

#[test]
fn referrals_from_a_workbook_and_its_windows_1252_export() {
    let expected = expected();
    let want = &expected["referrals_2023"];
    for name in want["files"].as_object().unwrap().keys() {
        let imported = read_referrals(&bytes(name)[..], &ImportOptions::new())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let referrals = &imported.records;
        assert_eq!(
            referrals.len() as u64,
            want["count"].as_u64().unwrap(),
            "{name}"
        );
        let ids: Vec<&str> = referrals.iter().map(|r| r.id.as_str()).collect();
        let want_ids: Vec<&str> = want["ids"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(ids, want_ids, "{name}");
        for (kind, count) in want["by_source"].as_object().unwrap() {
            let got = referrals
                .iter()
                .filter(|r| {
                    let json = serde_json::to_value(&r.source).unwrap();
                    json["kind"] == kind.as_str()
                })
                .count() as u64;
            assert_eq!(got, count.as_u64().unwrap(), "{name}: source {kind}");
        }
        for (status, count) in want["by_consent"].as_object().unwrap() {
            let got = referrals
                .iter()
                .filter(|r| serde_json::to_value(r.consent).unwrap()["status"] == status.as_str())
                .count() as u64;
            assert_eq!(got, count.as_u64().unwrap(), "{name}: consent {status}");
        }
        assert_eq!(
            imported.summary.ignored_columns[0].header, "Remarques",
            "{name}"
        );
    }
}

#[test]
fn activities_from_an_ods_workbook() {
    let expected = expected();
    let want = &expected["activities_2023"];
    let imported = read_activities(&bytes("activities_2023.ods")[..], &ImportOptions::new())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.summary.format, FileFormat::Ods);
    let activities = &imported.records;
    assert_eq!(activities.len() as u64, want["count"].as_u64().unwrap());
    for (mission, count) in want["by_mission"].as_object().unwrap() {
        let got = activities
            .iter()
            .filter(|a| a.mission.wire_name() == mission)
            .count() as u64;
        assert_eq!(got, count.as_u64().unwrap(), "{mission}");
    }
    let participants: u64 = activities
        .iter()
        .filter(|a| a.mission.wire_name() == "support_group")
        .filter_map(|a| a.participants)
        .map(u64::from)
        .sum();
    assert_eq!(
        participants,
        want["support_group_participants"].as_u64().unwrap()
    );
    let minutes: u64 = activities
        .iter()
        .map(|a| u64::from(a.duration_minutes))
        .sum();
    assert_eq!(minutes, want["duration_minutes_sum"].as_u64().unwrap());
}

#[test]
fn a_user_mapping_reads_an_unusual_header() {
    let text = "Jour;Intervenant;Patient;Modalité\r\n09/01/2023;PP-9;PAT-1;visio\r\n";
    let options = ImportOptions::new().column("partner", "Intervenant");
    let imported = read_interviews(text.as_bytes(), &options).unwrap();
    assert_eq!(imported.records[0].partner.as_str(), "PP-9");
    let err = read_interviews(text.as_bytes(), &ImportOptions::new()).unwrap_err();
    assert_eq!(err.code(), "missing_column");
    assert!(err.to_string().contains("\"Intervenant\""), "{err}");
}

#[test]
fn long_and_control_values_are_quoted_short_and_escaped() {
    let long = "x".repeat(100_000);
    let text = format!("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,{long}\u{0}\n");
    let err = read_interviews(text.as_bytes(), &ImportOptions::new()).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 400, "{} bytes", message.len());
    let text = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,f\u{0}x\n";
    let err = read_interviews(text.as_bytes(), &ImportOptions::new()).unwrap_err();
    assert!(err.to_string().contains("\"f\\0x\""), "{err}");
}

#[cfg(feature = "xlsx")]
#[test]
fn a_written_workbook_reads_back_to_the_same_numbers_and_markings() {
    use calamine::{Data, Reader};
    use patient_partner::report::xlsx::{to_xlsx, ReportLanguage, XlsxOptions};
    let imported = read_interviews(
        &bytes("interviews_2023_cp1252_crlf.csv")[..],
        &ImportOptions::new(),
    )
    .unwrap();
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let report = activity_report(&imported.records, &request).unwrap();
    let bytes = to_xlsx(&report, &XlsxOptions::default()).unwrap();
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(
        names,
        [
            "Partenaire PP-01",
            "Partenaire PP-02",
            "Partenaire PP-03",
            "Définitions"
        ]
    );
    let mut masked_seen = 0;
    for (totals, rows) in report.groups() {
        let sheet = format!("Partenaire {}", totals.group.title());
        let range = workbook.worksheet_range(&sheet).unwrap();
        assert_eq!(
            range.get_value((2, 1)),
            Some(&Data::String("Présentiel".into()))
        );
        for (i, row) in rows.iter().enumerate() {
            let columns = patient_partner::report::Column::BUCKET_COUNTS;
            let values = columns.map(|c| row.get(c));
            for (j, (value, column)) in values.iter().zip(columns).enumerate() {
                let cell = range.get_value((3 + i as u32, 1 + j as u32)).unwrap();
                // The chart reads a hidden copy of the modalities (columns M to O).
                let chart = (j < 3).then(|| range.get_value((3 + i as u32, 12 + j as u32)));
                if row.masked.contains(&column) {
                    masked_seen += 1;
                    assert_eq!(cell, &Data::String("s".into()), "{sheet} row {i}");
                    if let Some(chart) = chart {
                        let chart = chart.expect("a chart cell");
                        assert!(
                            matches!(chart, Data::String(s) if s == "#N/A")
                                || matches!(chart, Data::Error(_)),
                            "{sheet} row {i}: a masked count is charted as {chart:?}"
                        );
                    }
                } else {
                    if let Some(chart) = chart {
                        assert_eq!(chart, Some(&Data::Float(value.unwrap() as f64)));
                    }
                    let v = value.expect("a shown count");
                    assert_eq!(cell, &Data::Float(v as f64), "{sheet} row {i} col {j}");
                }
            }
        }
    }
    assert!(masked_seen > 0, "small counts of the fixture are masked");
    // English headers on request.
    let english = XlsxOptions {
        language: ReportLanguage::English,
        ..XlsxOptions::default()
    };
    let bytes = to_xlsx(&report, &english).unwrap();
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = workbook.worksheet_range("Partner PP-01").unwrap();
    assert_eq!(
        range.get_value((2, 1)),
        Some(&Data::String("In person".into()))
    );
}

#[test]
fn a_record_rule_error_names_its_row_too() {
    // Consent given after the referral was received: the referral's own rule, at line 3.
    let csv = "Identifiant;Patient;Reçu le;Source;Profession;Étape du parcours;Consentement;Date du consentement\r\n\
               REF-1;PAT-1;09/01/2023;médecin référent;;traitement;non recueilli;\r\n\
               REF-2;PAT-2;09/01/2023;médecin référent;;traitement;donné;20/01/2023\r\n";
    let err = read_referrals(csv.as_bytes(), &ImportOptions::new()).unwrap_err();
    let ctx = err.context();
    assert_eq!(ctx.entity.as_deref(), Some("REF-2"));
    assert_eq!(ctx.line, Some(3));
    assert_eq!(err.code(), "consent_after_record");
    assert!(
        err.to_string()
            .starts_with("line 3 (consent): consent dated"),
        "{err}"
    );
}
