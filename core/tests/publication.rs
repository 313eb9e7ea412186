//! Publications: several tables of one log, protected together (issue 26). The independent
//! attacker (scipy's HiGHS, `bindings/python/tests/test_publication_disclosure.py`) checks
//! the guarantee itself; these tests check the API, that published cells are the true ones,
//! and that the simplest cross-table subtractions never give a masked cell back.

use chrono::NaiveDate;
use patient_partner::report::publication::{publish, Publication};
use patient_partner::report::{
    activity_report, Bucket, Column, GroupBy, Period, ReportRequest, ReportRow,
};
use patient_partner::{Interview, Modality, PartnerId, PatientId};

/// A small deterministic generator (xorshift).
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn interview(month: u32, day: u32, partner: &str, patient: &str, modality: Modality) -> Interview {
    Interview::new(
        NaiveDate::from_ymd_opt(2023, month, day).unwrap(),
        PartnerId::new(partner).unwrap(),
        PatientId::new(patient).unwrap(),
        modality,
    )
}

/// 2-3 partners over the first half of 2023, a few interviews a month.
fn random_log(random: &mut Random) -> Vec<Interview> {
    let partners = 2 + random.below(2);
    let mut log = Vec::new();
    for p in 0..partners {
        let busy = 1 + random.below(8);
        for month in 1..=6 {
            for _ in 0..random.below(busy + 1) {
                let modality = [Modality::InPerson, Modality::Phone, Modality::Video]
                    [random.below(3) as usize];
                let patient = format!("PAT-{p}-{}", random.below(2 * busy + 2));
                log.push(interview(
                    month,
                    1 + random.below(28) as u32,
                    &format!("PP-{p}"),
                    &patient,
                    modality,
                ));
            }
        }
    }
    log
}

fn half_year(suppress: Option<u64>) -> ReportRequest {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2023, 6, 30).unwrap();
    let mut request = ReportRequest::new(Period::new(start, end).unwrap());
    request.suppress_below = suppress;
    request
}

fn grid(suppress: Option<u64>) -> Publication {
    Publication::grid(
        &half_year(suppress),
        &[GroupBy::Partner, GroupBy::All],
        &[Bucket::Month, Bucket::Quarter],
    )
    .unwrap()
}

#[test]
fn tables_come_in_the_order_asked_and_equal_separate_reports_unmasked() {
    let log = random_log(&mut Random(7));
    let published = publish(&log, &grid(None)).unwrap();
    let order: Vec<(GroupBy, Bucket)> = published
        .tables
        .iter()
        .map(|t| (t.group_by, t.bucket))
        .collect();
    assert_eq!(
        order,
        [
            (GroupBy::Partner, Bucket::Month),
            (GroupBy::Partner, Bucket::Quarter),
            (GroupBy::All, Bucket::Month),
            (GroupBy::All, Bucket::Quarter)
        ]
    );
    for (table, request) in published.tables.iter().zip(grid(None).requests()) {
        assert_eq!(table, &activity_report(&log, request).unwrap());
    }
    let json = published.to_json_value();
    assert_eq!(json["tables"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["tables"][2]["group_by"], "all");
}

#[test]
fn a_publication_is_one_set_of_settings_and_no_table_twice() {
    let code = |requests: Vec<ReportRequest>| Publication::new(requests).unwrap_err().code();
    assert_eq!(code(Vec::new()), "invalid_request");
    assert_eq!(
        code(vec![half_year(None), half_year(None)]),
        "invalid_request"
    );
    let mut other = half_year(Some(11));
    other.bucket = Bucket::Quarter;
    assert_eq!(code(vec![half_year(None), other]), "invalid_request");
    let err = Publication::grid(
        &half_year(None),
        &[GroupBy::All, GroupBy::All],
        &[Bucket::Month],
    )
    .unwrap_err();
    assert!(err.to_string().contains("asked twice"), "{err}");
}

/// The cells of a row, in column order (`None` masked).
fn cells(row: &ReportRow) -> Vec<Option<u64>> {
    Column::BUCKET_COUNTS.iter().map(|&c| row.get(c)).collect()
}

#[test]
fn published_cells_are_true_and_no_small_count_is_shown() {
    let mut random = Random(0x2600);
    for _ in 0..4 {
        let log = random_log(&mut random);
        let truth = publish(&log, &grid(None)).unwrap();
        let published = publish(&log, &grid(Some(11))).unwrap();
        for (table, plain) in published.tables.iter().zip(&truth.tables) {
            assert_eq!(table.suppress_below, Some(11));
            assert_eq!(table.rows.len(), plain.rows.len());
            for (row, true_row) in table.rows.iter().zip(&plain.rows) {
                for (column, (shown, true_value)) in Column::BUCKET_COUNTS
                    .iter()
                    .zip(cells(row).into_iter().zip(cells(true_row)))
                {
                    match shown {
                        Some(v) => {
                            assert_eq!(Some(v), true_value);
                            assert!(v == 0 || v >= 11, "{column} = {v} published");
                        }
                        None => assert!(row.masked.contains(column), "{column} null, not listed"),
                    }
                }
            }
        }
    }
}

/// The subtraction a reader tries first: a published sum with exactly one masked part.
fn one_masked_part(parts: &[Option<u64>], whole: Option<u64>) -> bool {
    whole.is_some() && parts.iter().filter(|p| p.is_none()).count() == 1
}

#[test]
fn no_masked_cell_is_a_published_sum_minus_published_cells() {
    let mut random = Random(0xD15C);
    let columns = [
        Column::InPerson,
        Column::Phone,
        Column::Video,
        Column::Total,
    ];
    for _ in 0..4 {
        let log = random_log(&mut random);
        let published = publish(&log, &grid(Some(11))).unwrap();
        let [by_month, by_quarter, all_months, all_quarters] = &published.tables[..] else {
            panic!("four tables");
        };
        // the centre's month = the partners' months
        for (b, centre) in all_months.rows.iter().enumerate() {
            let partners: Vec<&ReportRow> = by_month
                .rows
                .iter()
                .filter(|r| r.bucket == centre.bucket)
                .collect();
            for &c in &columns {
                let parts: Vec<Option<u64>> = partners.iter().map(|r| r.get(c)).collect();
                assert!(!one_masked_part(&parts, centre.get(c)), "month {b} {c}");
            }
        }
        // a quarter = its months, for every partner and for the centre
        for (months, quarters) in [(by_month, by_quarter), (all_months, all_quarters)] {
            for quarter in &quarters.rows {
                let inside: Vec<&ReportRow> = months
                    .rows
                    .iter()
                    .filter(|m| {
                        m.group == quarter.group && m.start >= quarter.start && m.end <= quarter.end
                    })
                    .collect();
                assert_eq!(inside.len(), 3);
                for &c in &columns {
                    let parts: Vec<Option<u64>> = inside.iter().map(|r| r.get(c)).collect();
                    assert!(
                        !one_masked_part(&parts, quarter.get(c)),
                        "{:?} {c}",
                        quarter.bucket
                    );
                }
            }
        }
    }
}

#[test]
fn the_centre_minus_the_other_partner_no_longer_gives_a_partner_away() {
    // January: PP-A 3 phone interviews (masked), PP-B 20 (published alone); the centre 23.
    let mut log = Vec::new();
    for k in 0..3 {
        log.push(interview(
            1,
            2 + k,
            "PP-A",
            &format!("PAT-A{k}"),
            Modality::Phone,
        ));
    }
    for k in 0..20 {
        log.push(interview(
            1,
            1 + k % 28,
            "PP-B",
            &format!("PAT-B{k}"),
            Modality::Phone,
        ));
        log.push(interview(
            2,
            1 + k % 28,
            "PP-B",
            &format!("PAT-B{k}"),
            Modality::Phone,
        ));
    }
    for k in 0..12 {
        log.push(interview(
            2,
            1 + k,
            "PP-A",
            &format!("PAT-A{}", 10 + k),
            Modality::Phone,
        ));
    }
    let mut request = half_year(Some(11));
    let alone = activity_report(&log, &request).unwrap();
    request.group_by = GroupBy::All;
    let centre_alone = activity_report(&log, &request).unwrap();
    // Made one by one: the centre's January phone (23) minus PP-B's (20) is PP-A's 3.
    let b_january = alone
        .rows
        .iter()
        .find(|r| r.group.key() == Some("PP-B"))
        .unwrap();
    assert_eq!(
        (centre_alone.rows[0].phone, b_january.phone),
        (Some(23), Some(20)),
        "the leak this test guards against is there in separate tables"
    );
    let published = publish(
        &log,
        &Publication::grid(
            &half_year(Some(11)),
            &[GroupBy::Partner, GroupBy::All],
            &[Bucket::Month],
        )
        .unwrap(),
    )
    .unwrap();
    let a_january = published.tables[0]
        .rows
        .iter()
        .find(|r| r.group.key() == Some("PP-A"))
        .unwrap();
    let b_january = published.tables[0]
        .rows
        .iter()
        .find(|r| r.group.key() == Some("PP-B"))
        .unwrap();
    let centre_january = &published.tables[1].rows[0];
    assert_eq!(a_january.phone, None);
    assert!(
        b_january.phone.is_none() || centre_january.phone.is_none(),
        "PP-B's January ({:?}) and the centre's ({:?}) both published give PP-A's away",
        b_january.phone,
        centre_january.phone
    );
}
