//! Properties of the activity report on random logs: sums, order independence, the
//! streaming CSV path, the new-patient rules and disclosure control.

use chrono::NaiveDate;
use patient_partner::import::InterviewCsvReader;
use patient_partner::report::{
    activity_report, ActivityReport, ActivityReportBuilder, Bucket, Column, GroupBy,
    NewPatientRule, Period, ReportRequest, Reporting,
};
use patient_partner::{Interview, Modality, PartnerId, PatientId, Vocabulary};
use proptest::prelude::*;

fn interview() -> impl Strategy<Value = Interview> {
    (0i64..800, 0u8..4, 0u8..30, 0usize..3).prop_map(|(day, partner, patient, modality)| {
        let date = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap() + chrono::Duration::days(day);
        Interview::new(
            date,
            PartnerId::new(format!("PP-{partner}")).unwrap(),
            PatientId::new(format!("PAT-{patient:03}")).unwrap(),
            Modality::ALL[modality],
        )
    })
}

fn request() -> impl Strategy<Value = ReportRequest> {
    (0i64..400, 0i64..400, 0usize..3, 0usize..3, any::<bool>()).prop_map(
        |(start, len, group, bucket, first_ever)| {
            let start =
                NaiveDate::from_ymd_opt(2022, 9, 1).unwrap() + chrono::Duration::days(start);
            let mut r = ReportRequest::new(
                Period::new(start, start + chrono::Duration::days(len)).unwrap(),
            );
            r.group_by = GroupBy::ALL[group];
            r.bucket = Bucket::ALL[bucket];
            if first_ever {
                r.new_patient_rule = NewPatientRule::FirstEver;
            }
            r
        },
    )
}

fn check_sums(report: &ActivityReport) {
    for (totals, rows) in report.groups() {
        assert_eq!(rows.len() as u64, totals.buckets);
        let sum = |f: fn(&patient_partner::report::ReportRow) -> Option<u64>| {
            rows.iter().filter_map(f).sum::<u64>()
        };
        assert_eq!(Some(sum(|r| r.in_person)), totals.in_person);
        assert_eq!(Some(sum(|r| r.phone)), totals.phone);
        assert_eq!(Some(sum(|r| r.video)), totals.video);
        assert_eq!(Some(sum(|r| r.total)), totals.total);
        assert_eq!(Some(sum(|r| r.new_patients)), totals.new_patients);
        for r in rows {
            let parts: u64 = [r.in_person, r.phone, r.video].iter().flatten().sum();
            assert_eq!(r.total, Some(parts));
            assert!(r.new_patients <= r.patients);
            assert!(r.patients <= r.total);
            assert!(r.patients <= totals.patients);
            assert_eq!(r.patients > Some(0), r.total > Some(0));
        }
        // every patient of the period was seen in at least one bucket
        assert!(totals.patients <= Some(sum(|r| r.patients)));
        assert!(
            totals.total.unwrap_or(0) > 0,
            "a group appears only with interviews"
        );
        match report.new_patient_rule {
            NewPatientRule::FirstInPeriod => assert_eq!(totals.new_patients, totals.patients),
            NewPatientRule::FirstEver => assert!(totals.new_patients <= totals.patients),
        }
    }
}

proptest! {
    #[test]
    fn totals_are_sums_and_new_patients_add_up(log in prop::collection::vec(interview(), 0..120), req in request()) {
        let report = activity_report(&log, &req).unwrap();
        check_sums(&report);
        // every interview in the period is counted exactly once
        let in_period = log.iter().filter(|i| req.period.contains(i.date)).count() as u64;
        let counted: u64 = report.totals.iter().filter_map(|t| t.total).sum();
        prop_assert_eq!(in_period, counted);
    }

    #[test]
    fn order_does_not_matter(log in prop::collection::vec(interview(), 0..80), req in request()) {
        let mut reversed = log.clone();
        reversed.reverse();
        prop_assert_eq!(activity_report(&log, &req).unwrap(), activity_report(&reversed, &req).unwrap());
    }

    #[test]
    fn streaming_csv_path_gives_the_same_report(log in prop::collection::vec(interview(), 0..80), req in request()) {
        let mut csv = String::from("date;partner;patient;modality\n");
        for i in &log {
            csv.push_str(&format!("{};{};{};{}\n", i.date.format("%d/%m/%Y"), i.partner, i.patient, i.modality.label_fr()));
        }
        let mut builder = ActivityReportBuilder::new(&req).unwrap();
        let rows = InterviewCsvReader::new(csv.as_bytes()).unwrap().push_into(&mut builder).unwrap();
        prop_assert_eq!(rows.rows, log.len() as u64);
        prop_assert_eq!(builder.finish(), activity_report(&log, &req).unwrap());
    }

    #[test]
    fn suppression_leaves_no_small_cell_and_no_lonely_mask(
        log in prop::collection::vec(interview(), 0..200), req in request(), threshold in 2u64..15
    ) {
        let mut req = req;
        req.suppress_below = Some(threshold);
        let masked_report = activity_report(&log, &req).unwrap();
        req.suppress_below = None;
        let plain = activity_report(&log, &req).unwrap();
        let cols = Column::BUCKET_COUNTS;
        let get = |r: &patient_partner::report::ReportRow, c: Column| r.get(c);
        for ((mt, mrows), (_, prows)) in masked_report.groups().zip(plain.groups()) {
            for (m, p) in mrows.iter().zip(prows) {
                prop_assert_eq!(m.reporting, p.reporting);
                for c in cols {
                    let (mv, pv) = (get(m, c), get(p, c));
                    if m.masked.contains(&c) {
                        prop_assert_eq!(mv, None);
                    } else {
                        prop_assert_eq!(mv, pv);
                        if let Some(v) = pv { prop_assert!(v == 0 || v >= threshold, "small cell {} visible", v); }
                    }
                }
                if m.reporting != Reporting::NotReported {
                    let n = [Column::InPerson, Column::Phone, Column::Video, Column::Total]
                        .iter().filter(|c| m.masked.contains(c)).count();
                    prop_assert!(n != 1, "a row with one masked cell: {:?}", m);
                }
            }
            // the columns that add up to the totals row (a bucket's distinct patients do not)
            for c in cols.iter().filter(|&&c| c != Column::Patients) {
                let n = mrows.iter().filter(|r| r.masked.contains(c)).count()
                    + usize::from(mt.masked.contains(c));
                prop_assert!(n != 1, "column {} has one masked cell", c.wire_name());
            }
            let n = [Column::InPerson, Column::Phone, Column::Video, Column::Total]
                .iter().filter(|c| mt.masked.contains(c)).count();
            prop_assert!(n != 1);
        }
    }
}

/// A log over eight years (96 months: beyond the 64 buckets a pair's mask holds), with
/// patient ids longer than the 23 bytes held inline.
fn long_interview() -> impl Strategy<Value = Interview> {
    (0i64..2922, 0u8..3, 0u8..25, 0usize..3, any::<bool>()).prop_map(
        |(day, partner, patient, modality, long_id)| {
            let date = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + chrono::Duration::days(day);
            let patient = if long_id {
                format!("PATIENT-WITH-A-LONG-PSEUDONYM-{patient:03}")
            } else {
                format!("PAT-{patient:03}")
            };
            Interview::new(
                date,
                PartnerId::new(format!("PP-{partner}")).unwrap(),
                PatientId::new(patient).unwrap(),
                Modality::ALL[modality],
            )
        },
    )
}

/// The distinct patients of each (group, bucket) row, counted the plain way.
fn naive_bucket_patients(log: &[Interview], report: &ActivityReport) -> Vec<Option<u64>> {
    report
        .rows
        .iter()
        .map(|row| {
            if row.reporting == Reporting::NotReported {
                return None;
            }
            let group = row.group.key();
            let seen: std::collections::HashSet<&str> = log
                .iter()
                .filter(|i| (row.start..=row.end).contains(&i.date))
                .filter(|i| match report.group_by {
                    GroupBy::Partner => group == Some(i.partner.as_str()),
                    GroupBy::Establishment => group == i.establishment.as_ref().map(|e| e.as_str()),
                    GroupBy::All => true,
                })
                .map(|i| i.patient.as_str())
                .collect();
            Some(seen.len() as u64)
        })
        .collect()
}

proptest! {
    #[test]
    fn bucket_patients_are_the_distinct_patients_of_the_bucket(
        log in prop::collection::vec(interview(), 0..150), req in request()
    ) {
        let report = activity_report(&log, &req).unwrap();
        let got: Vec<Option<u64>> = report.rows.iter().map(|r| r.patients).collect();
        prop_assert_eq!(got, naive_bucket_patients(&log, &report));
    }

    #[test]
    fn bucket_patients_beyond_64_buckets_and_long_ids(
        log in prop::collection::vec(long_interview(), 0..300),
        group in 0usize..3,
        first_ever in any::<bool>(),
        split in 0usize..300,
    ) {
        let mut req = ReportRequest::new(Period::new(
            NaiveDate::from_ymd_opt(2016, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2023, 12, 31).unwrap(),
        ).unwrap());
        req.group_by = GroupBy::ALL[group];
        if first_ever {
            req.new_patient_rule = NewPatientRule::FirstEver;
        }
        let report = activity_report(&log, &req).unwrap();
        check_sums(&report);
        prop_assert!(report.totals.iter().all(|t| t.buckets == 94));
        let got: Vec<Option<u64>> = report.rows.iter().map(|r| r.patients).collect();
        prop_assert_eq!(got, naive_bucket_patients(&log, &report));
        // two parts merged: the same report
        let split = split.min(log.len());
        let mut first = ActivityReportBuilder::new(&req).unwrap();
        first.extend(&log[..split]).unwrap();
        let mut second = ActivityReportBuilder::new(&req).unwrap();
        second.extend(&log[split..]).unwrap();
        second.merge(first).unwrap();
        prop_assert_eq!(second.finish(), report);
    }
}

/// January: 30 patients, all new; February: 60 interviews with 33 patients, 5 of them new.
/// With the default rule a reader knows January's new patients equal its patients (the
/// patients of the first month are all new), so publishing January's patients beside the
/// totals row's new patients would give February's masked 5 away (35 − 30).
#[test]
fn a_month_of_patients_does_not_give_a_masked_new_patients_cell_away() {
    let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
    let interview = |date, patient: String| {
        Interview::new(
            date,
            PartnerId::new("PP-A").unwrap(),
            PatientId::new(patient).unwrap(),
            Modality::Phone,
        )
    };
    let mut log: Vec<Interview> = (0..30)
        .map(|p| interview(d(1, 1 + p % 28), format!("PAT-{p:03}")))
        .collect();
    // February: 28 of January's patients and 5 new ones, 60 interviews
    for k in 0..60u32 {
        let p = if k < 33 { k } else { k % 28 };
        let patient = if p < 28 {
            format!("PAT-{p:03}")
        } else {
            format!("PAT-{:03}", 100 + p)
        };
        log.push(interview(d(2, 1 + k % 28), patient));
    }
    let mut req = ReportRequest::new(Period::new(d(1, 1), d(2, 28)).unwrap());
    req.suppress_below = Some(11);
    let plain = activity_report(
        &log,
        &ReportRequest {
            suppress_below: None,
            ..req.clone()
        },
    )
    .unwrap();
    assert_eq!(
        plain
            .rows
            .iter()
            .map(|r| (r.total, r.new_patients, r.patients))
            .collect::<Vec<_>>(),
        [
            (Some(30), Some(30), Some(30)),
            (Some(60), Some(5), Some(33))
        ]
    );
    let report = activity_report(&log, &req).unwrap();
    let (jan, feb, totals) = (&report.rows[0], &report.rows[1], &report.totals[0]);
    assert_eq!(feb.new_patients, None, "5 is a small count");
    let recomputable = match (totals.new_patients, jan.new_patients.or(jan.patients)) {
        (Some(all), Some(january)) => Some(all - january),
        _ => None,
    };
    assert_eq!(
        recomputable, None,
        "February's new patients recomputed: {report:#?}"
    );
}
