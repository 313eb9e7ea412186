//! Times the protection of a centre's publication: random small logs of 4 partners over one
//! year, published as each partner and the centre (`all`), by month and by quarter, with
//! the threshold 11 (the figure of BENCHMARKS.md, "Disclosure control of a publication").
//!
//! `cargo run --release -p patient-partner --example publish_centre -- [LOGS] [PARTNERS]`

use std::time::Instant;

use chrono::NaiveDate;
use patient_partner::report::publication::Publication;
use patient_partner::report::{Bucket, GroupBy, Period, ReportRequest};
use patient_partner::{Interview, Modality, PartnerId, PatientId};

/// A small deterministic generator (xorshift), so that every run times the same logs.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// A log like the issue's: each partner a few patients a month, some months empty.
fn random_log(random: &mut Random, partners: usize) -> Vec<Interview> {
    let mut log = Vec::new();
    for p in 0..partners {
        let partner = PartnerId::new(format!("PP-{p}")).expect("a valid id");
        let busy = 1 + random.below(6);
        for month in 1..=12u32 {
            for _ in 0..random.below(busy + 1) {
                let day = 1 + random.below(28) as u32;
                let patient = format!("PAT-{p}-{}", random.below(3 * busy + 2));
                let modality = match random.below(3) {
                    0 => Modality::InPerson,
                    1 => Modality::Phone,
                    _ => Modality::Video,
                };
                log.push(Interview::new(
                    NaiveDate::from_ymd_opt(2023, month, day).expect("a valid day"),
                    partner.clone(),
                    PatientId::new(patient).expect("a valid id"),
                    modality,
                ));
            }
        }
    }
    log
}

fn main() -> Result<(), patient_partner::Error> {
    let mut args = std::env::args().skip(1);
    let logs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let partners: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4);
    let mut request = ReportRequest::new(Period::year(2023).expect("a year"));
    request.suppress_below = Some(11);
    let publication = Publication::grid(
        &request,
        &[GroupBy::Partner, GroupBy::All],
        &[Bucket::Month, Bucket::Quarter],
    )?;
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut times = Vec::new();
    let (mut cells, mut masked, mut small) = (0usize, 0usize, 0usize);
    let mut open = request.clone();
    open.suppress_below = None;
    let plain = Publication::grid(
        &open,
        &[GroupBy::Partner, GroupBy::All],
        &[Bucket::Month, Bucket::Quarter],
    )?;
    for _ in 0..logs {
        let log = random_log(&mut random, partners);
        let truth = patient_partner::report::publish(&log, &plain)?;
        for table in &truth.tables {
            for row in &table.rows {
                small += patient_partner::report::Column::BUCKET_COUNTS
                    .iter()
                    .filter(|&&c| row.get(c).is_some_and(|v| (1..11).contains(&v)))
                    .count();
            }
            for totals in &table.totals {
                small += patient_partner::report::Column::BUCKET_COUNTS
                    .iter()
                    .filter(|&&c| totals.get(c).is_some_and(|v| (1..11).contains(&v)))
                    .count();
            }
        }
        let started = Instant::now();
        let mut builder = publication.builder()?;
        builder.extend(&log)?;
        let published = builder.finish();
        times.push(started.elapsed().as_secs_f64());
        for table in &published.tables {
            for row in &table.rows {
                cells += 6;
                masked += row.masked.len();
            }
            for totals in &table.totals {
                cells += 6;
                masked += totals.masked.len();
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let worst = times.last().copied().unwrap_or(0.0);
    println!(
        "{logs} publications of {partners} partners x 12 months x (month, quarter) x (partner, all): \
         median {:.1} ms, worst {:.1} ms; {masked} of {cells} cells masked ({:.0} %), {small} below 11",
        median * 1e3,
        worst * 1e3,
        100.0 * masked as f64 / cells.max(1) as f64
    );
    Ok(())
}
