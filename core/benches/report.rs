//! Criterion benchmarks of the activity report and of the CSV import (see BENCHMARKS.md).
//!
//! `cargo bench -p patient-partner --bench report`
//!
//! The log is the synthetic one of `common/synthetic.rs` (the generator of the 10M-row
//! comparison log), scaled to `PP_BENCH_ROWS` interviews (default 1,000,000: 200,000 patients,
//! 5,000 partners, three years), generated in memory once. Benchmarks:
//! - `report/activity_report`: the monthly report by partner over the three years from a
//!   `Vec<Interview>` already in memory (the aggregation alone);
//! - `csv/read_interviews_csv`: parsing the CSV bytes into a `Vec<Interview>` (all or nothing);
//! - `csv/stream_into_report`: the CSV bytes streamed into the report builder and the report
//!   built (what the `activity_report` example does, minus the file system and the output).

#[path = "common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use patient_partner::import::{read_interviews_csv, InterviewCsvReader};
use patient_partner::report::{activity_report, ActivityReportBuilder, Period, ReportRequest};
use patient_partner::{Interview, Modality, PartnerId, PatientId};

fn rows() -> u64 {
    std::env::var("PP_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

struct Fixture {
    interviews: Vec<Interview>,
    csv: Vec<u8>,
    request: ReportRequest,
}

fn fixture() -> Fixture {
    let spec = synthetic::Spec::scaled(rows());
    let generated = synthetic::generate(&spec);
    let partners: Vec<PartnerId> = (0..spec.partners)
        .map(|p| PartnerId::new(synthetic::partner_id(p)).expect("valid partner id"))
        .collect();
    let interviews = generated
        .iter()
        .map(|r| {
            let modality = match r.modality {
                0 => Modality::InPerson,
                1 => Modality::Phone,
                _ => Modality::Video,
            };
            let date: NaiveDate = spec.start + Days::new(u64::from(r.day));
            Interview::new(
                date,
                partners[r.partner as usize].clone(),
                PatientId::new(synthetic::patient_id(r.patient)).expect("valid patient id"),
                modality,
            )
        })
        .collect();
    let mut csv = Vec::new();
    synthetic::write_csv(&spec, &generated, 1, &mut csv).expect("writing to memory");
    let request = ReportRequest::new(Period::new(spec.start, spec.end()).expect("a valid period"));
    Fixture {
        interviews,
        csv,
        request,
    }
}

fn benches(c: &mut Criterion) {
    let f = fixture();
    let n = f.interviews.len() as u64;

    let mut report = c.benchmark_group("report");
    report.sample_size(10);
    report.measurement_time(Duration::from_secs(10));
    report.throughput(Throughput::Elements(n));
    report.bench_function("activity_report", |b| {
        b.iter(|| activity_report(black_box(&f.interviews), &f.request).expect("report"))
    });
    report.finish();

    let mut csv = c.benchmark_group("csv");
    csv.sample_size(10);
    csv.measurement_time(Duration::from_secs(10));
    csv.throughput(Throughput::Bytes(f.csv.len() as u64));
    csv.bench_function("read_interviews_csv", |b| {
        b.iter(|| read_interviews_csv(black_box(&f.csv[..])).expect("valid log"))
    });
    csv.bench_function("stream_into_report", |b| {
        b.iter(|| {
            let mut builder = ActivityReportBuilder::new(&f.request).expect("valid request");
            InterviewCsvReader::new(black_box(&f.csv[..]))
                .expect("valid header")
                .push_into(&mut builder)
                .expect("valid log");
            builder.finish()
        })
    });
    csv.finish();
}

criterion_group!(report_benches, benches);
criterion_main!(report_benches);
