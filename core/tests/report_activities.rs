//! Activities in the monthly table: properties on random logs (counted once, in their
//! category; totals are sums; interviews untouched; any order), disclosure control of the
//! activity columns, and every output (CSV, text, preview, workbook) showing them.

use chrono::NaiveDate;
use patient_partner::activity::{Activity, ActivityModality};
use patient_partner::mission::{ActivityCategory, Mission};
use patient_partner::report::disclosure::{is_protected, Relations};
use patient_partner::report::{
    activity_report, activity_report_with, journal_report, ActivityMeasure, ActivityReport, Bucket,
    GroupBy, Period, ReportRequest, ReportingGap,
};
use patient_partner::{ActivityId, Interview, Journal, Modality, PartnerId, PatientId, Vocabulary};
use proptest::prelude::*;

fn day(d: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 6, 1).unwrap() + chrono::Duration::days(d)
}

fn interview() -> impl Strategy<Value = Interview> {
    (0i64..700, 0u8..3, 0u8..20, 0usize..3).prop_map(|(d, partner, patient, modality)| {
        Interview::new(
            day(d),
            PartnerId::new(format!("PP-{partner}")).unwrap(),
            PatientId::new(format!("PAT-{patient:03}")).unwrap(),
            Modality::ALL[modality],
        )
    })
}

fn activity() -> impl Strategy<Value = (i64, u8, usize, u32, u32)> {
    (
        0i64..700,
        0u8..4,
        0usize..Mission::ALL.len(),
        1u32..1441,
        1u32..20,
    )
}

fn activities(raw: Vec<(i64, u8, usize, u32, u32)>) -> Vec<Activity> {
    raw.into_iter()
        .enumerate()
        .map(|(k, (d, partner, mission, minutes, participants))| {
            let mission = Mission::ALL[mission];
            let mut a = Activity::new(
                ActivityId::new(format!("ACT-{k}")).unwrap(),
                day(d),
                PartnerId::new(format!("PP-{partner}")).unwrap(),
                mission,
                ActivityModality::InPerson,
                minutes,
            );
            if mission.format() == patient_partner::mission::MissionFormat::Group {
                a.participants = Some(participants);
            }
            if mission == Mission::TherapeuticEducationWorkshop {
                a.co_animator = Some(patient_partner::activity::CoAnimator {
                    professional: patient_partner::ProfessionalId::new("PRO-1").unwrap(),
                    profession: patient_partner::referral::Profession::Nurse,
                });
            }
            a
        })
        .collect()
}

fn request(start: i64, len: i64, bucket: usize) -> ReportRequest {
    let mut r = ReportRequest::new(Period::new(day(start), day(start + len)).unwrap());
    r.bucket = Bucket::ALL[bucket];
    r
}

fn category_index(c: ActivityCategory) -> usize {
    ActivityCategory::ALL.iter().position(|&x| x == c).unwrap()
}

proptest! {
    #[test]
    fn activities_are_counted_once_and_leave_interviews_alone(
        log in prop::collection::vec(interview(), 0..60),
        raw in prop::collection::vec(activity(), 0..60),
        start in 0i64..300, len in 0i64..400, bucket in 0usize..3,
    ) {
        let acts = activities(raw);
        let req = request(start, len, bucket);
        let with = activity_report_with(&log, &acts, &req).unwrap();
        let plain = activity_report(&log, &req).unwrap();
        // Interview columns unchanged for the groups with interviews; other groups have none.
        for (totals, rows) in with.groups() {
            prop_assert_eq!(totals.activities.len(), ActivityCategory::ALL.len());
            match plain.totals.iter().position(|t| t.group == totals.group) {
                Some(_) => {
                    let theirs: Vec<_> = plain.rows_of(&totals.group).collect();
                    for (mine, theirs) in rows.iter().zip(theirs) {
                        prop_assert_eq!((mine.in_person, mine.phone, mine.video, mine.new_patients),
                            (theirs.in_person, theirs.phone, theirs.video, theirs.new_patients));
                    }
                }
                None => prop_assert_eq!(totals.total, Some(0)),
            }
            // totals are the sums of the buckets, measure by measure
            for (c, cells) in totals.activities.iter().enumerate() {
                prop_assert_eq!(cells.category, ActivityCategory::ALL[c]);
                for &m in ActivityMeasure::ALL {
                    let sum: u64 = rows.iter().filter_map(|r| r.activities[c].get(m)).sum();
                    prop_assert_eq!(Some(sum), cells.get(m));
                }
            }
        }
        // every activity of the period counted once, in its category, with its minutes
        let mut expected = vec![[0u64; 3]; ActivityCategory::ALL.len()];
        for a in acts.iter().filter(|a| req.period.contains(a.date)) {
            let e = &mut expected[category_index(a.mission.report_category())];
            e[0] += 1;
            e[1] += u64::from(a.duration_minutes);
            e[2] += u64::from(a.participants.unwrap_or(0));
        }
        let mut got = vec![[0u64; 3]; ActivityCategory::ALL.len()];
        for t in &with.totals {
            for (c, cells) in t.activities.iter().enumerate() {
                for (m, &measure) in ActivityMeasure::ALL.iter().enumerate() {
                    got[c][m] += cells.get(measure).unwrap();
                }
            }
        }
        prop_assert_eq!(got, expected);
        // any order of the activities gives the same report
        let mut reversed = acts.clone();
        reversed.reverse();
        prop_assert_eq!(activity_report_with(&log, &reversed, &req).unwrap(), with);
    }

    #[test]
    fn masked_activity_cells_are_protected(
        raw in prop::collection::vec(activity(), 1..25),
        threshold in prop::sample::select(vec![3u64, 5, 11]),
    ) {
        let acts = activities(raw);
        let mut req = request(180, 364, 0);
        req.suppress_below = Some(threshold);
        let published = activity_report_with(&[], &acts, &req).unwrap();
        req.suppress_below = None;
        let truth = activity_report_with(&[], &acts, &req).unwrap();
        for ((pt, prows), (tt, trows)) in published.groups().zip(truth.groups()) {
            for c in 0..ActivityCategory::ALL.len() {
                // the table of one category, rebuilt here: cells, sums, what readers know
                let mut values = Vec::new();
                let mut masked = Vec::new();
                for (p, t) in prows.iter().zip(trows).map(|(p, t)| (&p.activities[c], &t.activities[c]))
                    .chain([(&pt.activities[c], &tt.activities[c])])
                {
                    for &m in ActivityMeasure::ALL {
                        values.push(t.get(m).unwrap());
                        masked.push(p.is_masked(m));
                        prop_assert_eq!(p.get(m).is_none(), p.is_masked(m));
                    }
                }
                let k = prows.len();
                let mut relations = Relations::sums(
                    (0..3).map(|m| (0..=k).map(|r| r * 3 + m).collect()).collect(),
                );
                for r in 0..=k {
                    relations.add_at_most_if_true(&values, r * 3, r * 3 + 1);
                    relations.add_at_most_if_true(&values, r * 3, r * 3 + 2);
                    if masked[r * 3] {
                        prop_assert!(masked[r * 3 + 1], "a masked count shows its minutes");
                    }
                }
                for (i, &m) in masked.iter().enumerate() {
                    if m {
                        prop_assert!(is_protected(&values, &relations, &masked, threshold, i),
                            "cell {} of category {} not protected", i, c);
                    } else {
                        prop_assert!(values[i] == 0 || values[i] >= threshold,
                            "small cell {} published", values[i]);
                    }
                }
            }
        }
    }
}

fn example() -> (Vec<Interview>, Vec<Activity>, ReportRequest) {
    let d = |m, dd| NaiveDate::from_ymd_opt(2023, m, dd).unwrap();
    let log = vec![Interview::new(
        d(1, 9),
        PartnerId::new("PP-1").unwrap(),
        PatientId::new("PAT-1").unwrap(),
        Modality::Phone,
    )];
    let mut group = Activity::new(
        ActivityId::new("ACT-1").unwrap(),
        d(1, 12),
        PartnerId::new("PP-1").unwrap(),
        Mission::SupportGroup,
        ActivityModality::Hybrid,
        90,
    );
    group.participants = Some(8);
    let committee = Activity::new(
        ActivityId::new("ACT-2").unwrap(),
        d(2, 2),
        PartnerId::new("PP-1").unwrap(),
        Mission::CommitteeParticipation,
        ActivityModality::Video,
        120,
    );
    let req = ReportRequest::new(Period::new(d(1, 1), d(2, 28)).unwrap());
    (log, vec![group, committee], req)
}

#[test]
fn a_journal_reports_its_activities() {
    let (log, acts, req) = example();
    let mut journal = Journal::new();
    for i in &log {
        journal.add_interview(i.clone()).unwrap();
    }
    for a in &acts {
        journal.add_activity(a.clone()).unwrap();
    }
    let report = journal_report(&journal, &req).unwrap();
    assert_eq!(report, activity_report_with(&log, &acts, &req).unwrap());
    assert!(report.has_activities());
    assert!(!activity_report(&log, &req).unwrap().has_activities());
}

#[test]
fn every_output_shows_the_activities() {
    let (log, acts, req) = example();
    let report: ActivityReport = activity_report_with(&log, &acts, &req).unwrap();
    let csv = patient_partner::report::render::to_csv(&report);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(
        "clinical_individual,clinical_individual_minutes,clinical_individual_participants"
    ));
    assert!(header.contains(",patients,clinical_groups,clinical_groups_minutes,"));
    let january = csv.lines().nth(1).unwrap();
    assert!(january.contains(",1,90,8,"), "{january}");
    let table = patient_partner::report::render::to_table(&report);
    assert!(table.contains("clinical group sessions"), "{table}");
    assert!(table.contains("governance"));
    assert!(table.contains("minutes") && table.contains("participants"));
    let options = patient_partner::report::preview::PreviewOptions::default();
    let html = patient_partner::report::preview::to_html(&report, &options);
    assert!(html.contains("PP-1 · activities"), "{html}");
    let json = report.to_json_value();
    assert_eq!(json["totals"][0]["activities"][2]["category"], "governance");
    assert_eq!(json["totals"][0]["activities"][2]["minutes"], 120);
    // a report of interviews alone keeps its shape
    let plain = activity_report(&log, &req).unwrap();
    assert!(plain.to_json_value()["rows"][0].get("activities").is_none());
    assert!(!patient_partner::report::render::to_csv(&plain).contains("clinical_groups"));
}

#[cfg(all(feature = "xlsx", feature = "workbooks"))]
#[test]
fn the_workbook_has_an_activity_block() {
    use calamine::{Reader, Xlsx};
    let (log, acts, req) = example();
    let report = activity_report_with(&log, &acts, &req).unwrap();
    let bytes = patient_partner::report::xlsx::to_xlsx(
        &report,
        &patient_partner::report::xlsx::XlsxOptions::default(),
    )
    .unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let text: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(text.iter().any(|t| t == "Activités (nombre)"), "{text:?}");
    assert!(text.iter().any(|t| t == "Séances collectives cliniques"));
    assert!(text.iter().any(|t| t == "Gouvernance"));
    assert!(text.iter().any(|t| t == "Participants"));
}

#[test]
fn activities_follow_coverage_and_the_rules() {
    let (log, acts, mut req) = example();
    req.group_by = GroupBy::Partner;
    // an activity in a declared gap is refused; a bucket not reported has null activity cells
    req.coverage = vec![ReportingGap {
        group: Some("PP-1".into()),
        start: NaiveDate::from_ymd_opt(2023, 2, 2).unwrap(),
        end: NaiveDate::from_ymd_opt(2023, 2, 28).unwrap(),
    }];
    let err = activity_report_with(&log, &acts, &req).unwrap_err();
    assert_eq!(err.code(), "activity_in_gap");
    req.coverage[0].start = NaiveDate::from_ymd_opt(2023, 2, 1).unwrap();
    assert_eq!(
        activity_report_with(&log, &acts[..1], &req).unwrap().rows[1].activities[0].activities,
        None
    );
    let mut bad = acts[0].clone();
    bad.participants = None;
    let err = patient_partner::Error::from(activity_report_with(&log, &[bad], &req).unwrap_err());
    assert_eq!(err.code(), "participants_required");
    assert_eq!(err.category(), patient_partner::ErrorCategory::Activity);
    assert_eq!(err.context().entity.as_deref(), Some("ACT-1"));
}

#[test]
fn category_vocabulary_is_bilingual() {
    assert_eq!(
        ActivityCategory::ClinicalGroups.wire_name(),
        "clinical_groups"
    );
    assert_eq!(
        ActivityCategory::ClinicalGroups.label_fr(),
        "séances collectives cliniques"
    );
    assert_eq!(
        ActivityMeasure::Participants.column_name(ActivityCategory::Research),
        "research_participants"
    );
}
