//! The reference tables of BRIEF §5, recomputed from the bundled pseudonymised log
//! (`examples/data/interviews_2023.csv` + `coverage_2023.json`): every figure must match.

use std::path::Path;

use patient_partner::import::read_interviews_csv;
use patient_partner::report::{
    activity_report, ActivityReport, GroupLabel, NewPatientRule, Period, ReportRequest, Reporting,
    ReportingGap,
};
use patient_partner::PartnerId;

/// One partner's 2023 table as BRIEF §5 prints it (`None`: not reported).
struct Reference {
    partner: &'static str,
    in_person: [Option<u64>; 12],
    phone: [Option<u64>; 12],
    total: [Option<u64>; 12],
    new_patients: [Option<u64>; 12],
    totals: [u64; 4], // in person, phone, total, new patients
    patients: u64,
}

fn s(v: [u64; 12]) -> [Option<u64>; 12] {
    v.map(Some)
}

fn a_with_dec_missing(v: [u64; 11]) -> [Option<u64>; 12] {
    let mut out = [None; 12];
    for (o, x) in out.iter_mut().zip(v) {
        *o = Some(x);
    }
    out
}

fn references() -> [Reference; 2] {
    [
        Reference {
            partner: "PP-A",
            in_person: a_with_dec_missing([3, 1, 4, 0, 3, 0, 0, 0, 1, 8, 6]),
            phone: a_with_dec_missing([12, 12, 9, 12, 14, 18, 10, 11, 9, 5, 8]),
            total: a_with_dec_missing([15, 13, 13, 12, 17, 18, 10, 11, 10, 13, 14]),
            new_patients: a_with_dec_missing([6, 2, 3, 3, 3, 4, 2, 2, 1, 10, 6]),
            totals: [26, 120, 146, 42],
            patients: 42,
        },
        Reference {
            partner: "PP-B",
            in_person: s([1, 1, 1, 0, 1, 1, 3, 0, 0, 3, 5, 1]),
            phone: s([1, 2, 0, 9, 1, 0, 0, 0, 3, 4, 5, 1]),
            total: s([2, 3, 1, 9, 2, 1, 3, 0, 3, 7, 10, 2]),
            new_patients: s([1, 1, 0, 8, 2, 1, 3, 0, 1, 4, 9, 0]),
            totals: [17, 26, 43, 30],
            patients: 30,
        },
    ]
}

fn bundled_report(rule: NewPatientRule) -> ActivityReport {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let log = std::fs::File::open(data.join("interviews_2023.csv")).expect("bundled log");
    let interviews = read_interviews_csv(log).expect("the bundled log is valid");
    let coverage: Vec<ReportingGap> = serde_json::from_str(
        &std::fs::read_to_string(data.join("coverage_2023.json")).expect("coverage file"),
    )
    .expect("valid coverage");
    let mut request = ReportRequest::new(Period::year(2023).expect("2023"));
    request.coverage = coverage;
    request.new_patient_rule = rule;
    activity_report(&interviews, &request).expect("report")
}

#[test]
fn bundled_log_reproduces_brief_section_5() {
    let report = bundled_report(NewPatientRule::FirstInPeriod);
    assert_eq!(report.totals.len(), 2, "exactly Partner A and Partner B");
    for reference in references() {
        let group = GroupLabel::Partner {
            partner: PartnerId::new(reference.partner).expect("id"),
        };
        let rows: Vec<_> = report.rows_of(&group).collect();
        assert_eq!(rows.len(), 12, "{}: twelve months", reference.partner);
        for (m, row) in rows.iter().enumerate() {
            let ctx = format!("{} month {}", reference.partner, m + 1);
            assert_eq!(row.bucket.key(), format!("2023-{:02}", m + 1), "{ctx}");
            assert_eq!(row.in_person, reference.in_person[m], "{ctx} in person");
            assert_eq!(row.phone, reference.phone[m], "{ctx} phone");
            assert_eq!(row.total, reference.total[m], "{ctx} total");
            assert_eq!(row.new_patients, reference.new_patients[m], "{ctx} new");
            let expect_reported = reference.total[m].is_some();
            assert_eq!(
                row.reporting == Reporting::Reported,
                expect_reported,
                "{ctx} reporting"
            );
            if expect_reported {
                assert_eq!(row.video, Some(0), "{ctx} video");
            }
        }
        let totals = report
            .totals
            .iter()
            .find(|t| t.group == group)
            .expect("totals row");
        assert_eq!(
            [
                totals.in_person,
                totals.phone,
                totals.total,
                totals.new_patients
            ],
            reference.totals.map(Some),
            "{} totals",
            reference.partner
        );
        assert_eq!(totals.patients, Some(reference.patients));
    }
}

#[test]
fn first_ever_rule_sees_the_2022_history_of_the_bundled_log() {
    // PAT-1001 and PAT-1002 were first seen by PP-A in late 2022: under the first-ever rule
    // they are patients of 2023 but not new in 2023.
    let report = bundled_report(NewPatientRule::FirstEver);
    let a = report
        .totals
        .iter()
        .find(|t| t.group.key() == Some("PP-A"))
        .expect("PP-A");
    assert_eq!(a.patients, Some(42));
    assert_eq!(a.new_patients, Some(40));
    let b = report
        .totals
        .iter()
        .find(|t| t.group.key() == Some("PP-B"))
        .expect("PP-B");
    assert_eq!(b.new_patients, Some(30), "PP-B has no history before 2023");
}
