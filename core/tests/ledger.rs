//! Releases over time through a ledger (issue 26 item 3): what a ledger records, that a
//! new release keeps what earlier ones published and masked, revisions, settings. The
//! independent attacker over release sequences is in the Python tests
//! (`bindings/python/tests/test_ledger_disclosure.py`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use patient_partner::report::publication::{CellPlace, Ledger, LedgerRow, Publication, Revisions};
use patient_partner::report::{Bucket, Column, GroupBy, Period, ReportRequest};
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

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, month, day).unwrap()
}

fn interview(month: u32, d: u32, partner: &str, patient: &str, modality: Modality) -> Interview {
    Interview::new(
        day(month, d),
        PartnerId::new(partner).unwrap(),
        PatientId::new(patient).unwrap(),
        modality,
    )
}

/// Two partners over 2023, a few interviews a month.
fn random_log(random: &mut Random) -> Vec<Interview> {
    let mut log = Vec::new();
    for p in 0..2 {
        let busy = 2 + random.below(6);
        for month in 1..=12 {
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

/// Each partner by month from January 1st to `end`, threshold `threshold`.
fn publication(end: NaiveDate, threshold: u64) -> Publication {
    let mut request = ReportRequest::new(Period::new(day(1, 1), end).unwrap());
    request.suppress_below = Some(threshold);
    Publication::grid(&request, &[GroupBy::Partner], &[Bucket::Month]).unwrap()
}

fn release(
    log: &[Interview],
    end: NaiveDate,
    ledger: Ledger,
    revisions: Revisions,
) -> Result<
    (
        patient_partner::report::publication::PublishedTables,
        Ledger,
    ),
    String,
> {
    let mut builder = publication(end, 11)
        .release_builder(ledger)
        .map_err(|e| e.code().to_owned())?;
    builder.extend(log).map_err(|e| e.code().to_owned())?;
    builder.release(revisions).map_err(|e| e.code().to_owned())
}

/// Every cell of a release by place.
fn cells(ledger: &Ledger, release: usize) -> BTreeMap<CellPlace, Option<u64>> {
    ledger.releases[release]
        .cells
        .iter()
        .map(|c| (c.place.clone(), c.value))
        .collect()
}

#[test]
fn a_ledger_records_every_cell_of_a_release_and_reads_back() {
    let log = random_log(&mut Random(7));
    let (tables, ledger) = release(&log, day(11, 30), Ledger::new(), Revisions::Refuse).unwrap();
    assert_eq!(tables.release, Some(1));
    let settings = ledger.settings.as_ref().unwrap();
    assert_eq!(settings.suppress_below, 11);
    assert_eq!(settings.tables.len(), 1);
    let recorded = &ledger.releases[0];
    assert_eq!(recorded.release, 1);
    // 2 partners × (11 months + totals) × 6 columns
    assert_eq!(recorded.cells.len(), 2 * 12 * 6);
    // the recorded values are the published ones, masked cells none
    let table = &tables.tables[0];
    for row in &table.rows {
        let in_person = recorded
            .cells
            .iter()
            .find(|c| {
                c.place.group.as_deref() == Some(row.group.key().unwrap())
                    && c.place.row == LedgerRow::Bucket
                    && c.place.start == row.start
                    && c.place.column == Column::InPerson
            })
            .unwrap();
        assert_eq!(in_person.value, row.in_person);
    }
    let text = ledger.to_json();
    assert!(!text.contains("PAT-"), "no patient id in a ledger");
    assert_eq!(Ledger::from_json(&text).unwrap(), ledger);
}

#[test]
fn a_second_release_keeps_what_the_first_published_and_masked() {
    for seed in 1..6 {
        let log = random_log(&mut Random(seed * 7919));
        let november: Vec<Interview> = log
            .iter()
            .filter(|i| i.date <= day(11, 30))
            .cloned()
            .collect();
        let (_, ledger) =
            release(&november, day(11, 30), Ledger::new(), Revisions::Refuse).unwrap();
        let (tables, ledger) = release(&log, day(12, 31), ledger, Revisions::Refuse).unwrap();
        assert_eq!(tables.release, Some(2));
        assert!(tables.revisions.is_empty());
        let first = cells(&ledger, 0);
        let second = cells(&ledger, 1);
        let mut shared = 0;
        for (place, value) in &first {
            if place.row == LedgerRow::Totals {
                continue; // the totals rows cover different periods
            }
            let again = second.get(place).unwrap_or_else(|| panic!("{place} again"));
            assert_eq!(
                value, again,
                "seed {seed}: {place} changed between releases"
            );
            shared += 1;
        }
        assert!(shared > 0);
    }
}

#[test]
fn late_entries_that_change_a_published_cell_are_refused_unless_accepted() {
    // January: 12 phone interviews of one partner, published in release 1
    let mut log: Vec<Interview> = (1..=12)
        .map(|d| interview(1, d, "PP-A", &format!("PAT-{d}"), Modality::Phone))
        .collect();
    let (first, ledger) = release(&log, day(1, 31), Ledger::new(), Revisions::Refuse).unwrap();
    assert_eq!(first.tables[0].rows[0].phone, Some(12));
    // a late entry for January
    log.push(interview(1, 20, "PP-A", "PAT-99", Modality::Phone));
    log.push(interview(2, 3, "PP-A", "PAT-98", Modality::Phone));
    assert_eq!(
        release(&log, day(2, 28), ledger.clone(), Revisions::Refuse).unwrap_err(),
        "revised_cells"
    );
    let mut builder = publication(day(2, 28), 11)
        .release_builder(ledger.clone())
        .unwrap();
    builder.extend(&log).unwrap();
    let message = builder.release(Revisions::Refuse).unwrap_err().to_string();
    assert!(message.contains("PP-A"), "{message}");
    assert!(message.contains("12 published, 13 now"), "{message}");
    let (second, ledger) = release(&log, day(2, 28), ledger, Revisions::Accept).unwrap();
    let revised: Vec<_> = second
        .revisions
        .iter()
        .map(|r| (r.place.column, r.published, r.now))
        .collect();
    assert!(revised.contains(&(Column::Phone, 12, 13)), "{revised:?}");
    assert_eq!(ledger.releases[1].revisions, second.revisions);
}

#[test]
fn a_ledger_of_other_settings_is_refused() {
    let log = random_log(&mut Random(3));
    let (_, ledger) = release(&log, day(6, 30), Ledger::new(), Revisions::Refuse).unwrap();
    let other = publication(day(12, 31), 5).release_builder(ledger.clone());
    assert_eq!(other.unwrap_err().code(), "ledger_mismatch");
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let quarters = Publication::grid(&request, &[GroupBy::Partner], &[Bucket::Quarter]).unwrap();
    let error = quarters.release_builder(ledger).unwrap_err();
    assert_eq!(error.code(), "ledger_mismatch");
    assert!(
        error.to_string().contains("by partner and quarter"),
        "{error}"
    );
    request.suppress_below = None;
    let open = Publication::grid(&request, &[GroupBy::Partner], &[Bucket::Month]).unwrap();
    assert_eq!(
        open.release_builder(Ledger::new()).unwrap_err().code(),
        "invalid_request"
    );
}

#[test]
fn a_file_that_is_not_a_ledger_says_where() {
    let error =
        Ledger::from_json("{\"format\": \"patient-partner-ledger\",\n \"version\": }").unwrap_err();
    assert_eq!(error.code(), "ledger_mismatch");
    assert_eq!(error.context().line, Some(2));
    let error = Ledger::from_json(r#"{"format": "other", "version": 1}"#).unwrap_err();
    assert!(error.to_string().contains("\"other\""), "{error}");
    let error =
        Ledger::from_json(r#"{"format": "patient-partner-ledger", "version": 9}"#).unwrap_err();
    assert!(error.to_string().contains("version 9"), "{error}");
    let error = Ledger::open(std::path::Path::new("Cargo.toml")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Cargo.toml is not a release ledger"),
        "{error}"
    );
    let missing = Ledger::open(std::path::Path::new("no-such-ledger.json")).unwrap();
    assert!(missing.releases.is_empty() && missing.settings.is_none());
}
