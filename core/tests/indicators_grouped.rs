//! Indicators per group agree with the ungrouped ones and with the report's totals.

use chrono::NaiveDate;
use patient_partner::indicators::{
    activity_counts, activity_counts_by, interviews_per_patient_by, remote_share, remote_share_by,
};
use patient_partner::report::{activity_report, GroupBy, Period, ReportRequest};
use patient_partner::{EstablishmentId, Interview, Modality, PartnerId, PatientId};
use proptest::prelude::*;

fn interview(day: u32, partner: u8, patient: u8, modality: u8, est: Option<u8>) -> Interview {
    let mut i = Interview::new(
        NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(u64::from(day)),
        PartnerId::new(format!("PP-{partner}")).unwrap(),
        PatientId::new(format!("PAT-{patient}")).unwrap(),
        [Modality::InPerson, Modality::Phone, Modality::Video][usize::from(modality % 3)],
    );
    i.establishment = est.map(|e| EstablishmentId::new(format!("EST-{e}")).unwrap());
    i
}

fn logs() -> impl Strategy<Value = Vec<Interview>> {
    prop::collection::vec(
        (0u32..500, 0u8..6, 0u8..20, 0u8..3, prop::option::of(0u8..3))
            .prop_map(|(d, p, q, m, e)| interview(d, p, q, m, e)),
        0..80,
    )
}

proptest! {
    #[test]
    fn groups_add_up_to_the_whole(log in logs()) {
        let period = Period::year(2023).unwrap();
        let whole = activity_counts(&log, &period);
        let all = activity_counts_by(&log, &period, GroupBy::All);
        prop_assert_eq!(all.len(), 1);
        prop_assert_eq!(all[0].value, whole);
        prop_assert_eq!(remote_share_by(&log, &period, GroupBy::All)[0].value, remote_share(&log, &period));
        for by in [GroupBy::Partner, GroupBy::Establishment] {
            let groups = activity_counts_by(&log, &period, by);
            let total: u64 = groups.iter().map(|g| g.value.interviews_total).sum();
            prop_assert_eq!(total, whole.interviews_total);
            prop_assert!(groups.iter().all(|g| g.value.interviews_total > 0));
            // The report's groups, in the report's order, with the same counts.
            let mut request = ReportRequest::new(period);
            request.group_by = by;
            let report = activity_report(&log, &request).unwrap();
            prop_assert_eq!(report.totals.len(), groups.len());
            for (t, g) in report.totals.iter().zip(&groups) {
                prop_assert_eq!(&t.group, &g.group);
                prop_assert_eq!(t.total, Some(g.value.interviews_total));
                prop_assert_eq!(t.video, Some(g.value.interviews_by_video));
                prop_assert_eq!(t.patients, Some(g.value.patients_seen));
            }
        }
    }
}

#[test]
fn grouped_values_serialise_as_flat_rows() {
    let log = [
        interview(3, 1, 1, 1, Some(2)),
        interview(4, 1, 2, 0, None),
        interview(5, 2, 1, 2, Some(2)),
    ];
    let period = Period::year(2023).unwrap();
    let rows = serde_json::to_value(interviews_per_patient_by(
        &log,
        &period,
        GroupBy::Establishment,
    ))
    .unwrap();
    assert_eq!(
        rows,
        serde_json::json!([
            {"establishment": "EST-2", "numerator": 2, "denominator": 1, "value": 2.0},
            {"establishment": null, "numerator": 1, "denominator": 1, "value": 1.0},
        ])
    );
    let all = serde_json::to_value(activity_counts_by(&[], &period, GroupBy::All)).unwrap();
    assert_eq!(all[0]["interviews_total"], 0);
    assert_eq!(
        all[0].as_object().unwrap().len(),
        5,
        "no group key for all: {all}"
    );
}
