//! No input, however malformed, makes a reader of the crate panic: each returns a value or a
//! typed error. Arbitrary bytes, and near-miss documents built from valid pieces, are fed to
//! every public entry point that parses user input.

use patient_partner::engagement::RoleCatalogue;
use patient_partner::import::{
    read_activities_csv, read_activities_json, read_interviews_csv, read_interviews_json,
    read_referrals_csv, read_referrals_json,
};
use patient_partner::report::{activity_report, ReportRequest};
use patient_partner::{Journal, Modality};
use proptest::prelude::*;

/// Text that looks like a log: headers, separators, dates, numbers and stray quotes.
fn logish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("date,partner,patient,modality\n".to_owned()),
        Just("date;partner;patient;modality;duration_minutes\n".to_owned()),
        Just("2023-01-09,PP-A,PAT-1,phone\n".to_owned()),
        Just("31/12/2023;PP-B;PAT-2;présentiel;30\n".to_owned()),
        Just("29/02/2023,PP-A,PAT-1,visio\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\"".to_owned()),
        Just(",".to_owned()),
        Just(";".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("{\"interviews\": [".to_owned()),
        Just("]}".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999".to_owned()),
        ".{0,12}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![logish(), ".{0,200}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn csv_readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), text in any_text()) {
        let _ = read_interviews_csv(bytes.as_slice());
        let _ = read_interviews_csv(text.as_bytes());
        let _ = read_referrals_csv(text.as_bytes());
        let _ = read_activities_csv(text.as_bytes());
    }

    #[test]
    fn json_readers_never_panic(text in any_text()) {
        let _ = read_interviews_json(&text);
        let _ = read_referrals_json(&text);
        let _ = read_activities_json(&text);
        let _ = Journal::from_json(&text);
        let _ = RoleCatalogue::from_json(&text);
        let _ = patient_partner::policy::Policy::from_json(&text);
        let _ = ReportRequest::from_json_str(&text);
        let _ = Modality::parse_lenient(&text);
    }

    #[test]
    fn reports_on_whatever_parses_never_panic(text in logish(), start in 0i64..1500, len in 0i64..900) {
        if let Ok(log) = read_interviews_csv(text.as_bytes()) {
            let from = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap() + chrono::Days::new(start as u64);
            let to = from + chrono::Days::new(len as u64);
            let req = serde_json::json!({ "start": from, "end": to });
            if let Ok(req) = ReportRequest::from_json_value(&req) {
                let _ = activity_report(&log, &req);
            }
        }
    }
}
