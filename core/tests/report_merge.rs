//! Mergeable aggregation (issue 15, item 1): any split of a log into parts, each built
//! separately and merged in any order, gives the report of one pass — for every request
//! shape (groupings, buckets, new-patient rules, coverage gaps, suppression applied after the
//! merge), with activities too.

use chrono::NaiveDate;
use patient_partner::activity::{Activity, ActivityModality};
use patient_partner::mission::Mission;
use patient_partner::report::{
    activity_report_with, ActivityReport, ActivityReportBuilder, Bucket, GroupBy, NewPatientRule,
    Period, ReportRequest, ReportingGap,
};
use patient_partner::{ActivityId, EstablishmentId, Interview, Modality, PartnerId, PatientId};
use proptest::prelude::*;

fn day(d: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 1).unwrap() + chrono::Duration::days(d)
}

fn interview() -> impl Strategy<Value = Interview> {
    (
        0i64..700,
        0u8..3,
        0u8..25,
        0usize..3,
        prop::option::of(0u8..2),
    )
        .prop_map(|(d, partner, patient, modality, est)| {
            let mut i = Interview::new(
                day(d),
                PartnerId::new(format!("PP-{partner}")).unwrap(),
                PatientId::new(format!("PAT-{patient:03}")).unwrap(),
                Modality::ALL[modality],
            );
            i.establishment = est.map(|e| EstablishmentId::new(format!("EST-{e}")).unwrap());
            i
        })
}

fn activity() -> impl Strategy<Value = (i64, u8, bool)> {
    (0i64..700, 0u8..4, any::<bool>())
}

fn activities(raw: &[(i64, u8, bool)]) -> Vec<Activity> {
    raw.iter()
        .enumerate()
        .map(|(k, &(d, partner, group))| {
            let mission = if group {
                Mission::SupportGroup
            } else {
                Mission::Media
            };
            let mut a = Activity::new(
                ActivityId::new(format!("ACT-{k}")).unwrap(),
                day(d),
                PartnerId::new(format!("PP-{partner}")).unwrap(),
                mission,
                ActivityModality::Video,
                30 + k as u32,
            );
            if group {
                a.participants = Some(3 + k as u32 % 5);
            }
            a
        })
        .collect()
}

prop_compose! {
    fn request()(start in 0i64..300, len in 0i64..400, group in 0usize..3, bucket in 0usize..3,
                 first_ever in any::<bool>(), gap in prop::option::of((0i64..700, 0i64..40, 0u8..3)),
                 suppress in prop::option::of(3u64..12)) -> ReportRequest {
        let mut r = ReportRequest::new(Period::new(day(start), day(start + len)).unwrap());
        r.group_by = GroupBy::ALL[group];
        r.bucket = Bucket::ALL[bucket];
        if first_ever {
            r.new_patient_rule = NewPatientRule::FirstEver;
        }
        if let Some((s, l, partner)) = gap {
            let group = (r.group_by == GroupBy::Partner).then(|| format!("PP-{partner}"));
            r.coverage = vec![ReportingGap { group, start: day(s), end: day(s + l) }];
        }
        r.suppress_below = suppress;
        r
    }
}

/// The report of `parts` built one builder each and merged in `order`.
fn merged(
    request: &ReportRequest,
    parts: &[(Vec<Interview>, Vec<Activity>)],
    order: &[usize],
) -> Result<ActivityReport, String> {
    let mut builders = Vec::new();
    for (interviews, acts) in parts {
        let mut b = ActivityReportBuilder::new(request).map_err(|e| e.code().to_owned())?;
        b.extend(interviews).map_err(|e| e.code().to_owned())?;
        b.extend_activities(acts).map_err(|e| e.code().to_owned())?;
        builders.push(Some(b));
    }
    let mut result: Option<ActivityReportBuilder> = None;
    for &i in order {
        let b = builders[i].take().unwrap();
        match result.as_mut() {
            None => result = Some(b),
            Some(r) => r.merge(b).map_err(|e| e.code().to_owned())?,
        }
    }
    Ok(result.unwrap().finish())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn any_split_merged_in_any_order_gives_the_one_pass_report(
        log in prop::collection::vec(interview(), 0..80),
        raw in prop::collection::vec(activity(), 0..20),
        request in request(),
        parts in 1usize..5,
        assignment in prop::collection::vec(0usize..4, 100),
        rotation in 0usize..4,
    ) {
        let acts = activities(&raw);
        let one_pass = activity_report_with(&log, &acts, &request).map_err(|e| e.code().to_owned());
        let mut split: Vec<(Vec<Interview>, Vec<Activity>)> = vec![(Vec::new(), Vec::new()); parts];
        for (k, i) in log.iter().enumerate() {
            split[assignment[k % assignment.len()] % parts].0.push(i.clone());
        }
        for (k, a) in acts.iter().enumerate() {
            split[assignment[(k * 7 + 3) % assignment.len()] % parts].1.push(a.clone());
        }
        let mut order: Vec<usize> = (0..parts).collect();
        order.rotate_left(rotation % parts);
        order.reverse();
        match (one_pass, merged(&request, &split, &order)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            // the first error met may differ between the paths; both must fail
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "one pass {:?} but merged {:?}", a.map(|_| ()), b.map(|_| ())),
        }
    }
}

#[test]
fn builders_of_different_requests_do_not_merge() {
    let year = ReportRequest::new(Period::year(2023).unwrap());
    let mut quarters = year.clone();
    quarters.bucket = Bucket::Quarter;
    let mut a = ActivityReportBuilder::new(&year).unwrap();
    let before = format!("{a:?}");
    let err = a
        .merge(ActivityReportBuilder::new(&quarters).unwrap())
        .unwrap_err();
    assert_eq!(err.code(), "merge_mismatch");
    assert_eq!(format!("{a:?}"), before, "a refused merge changes nothing");
}
