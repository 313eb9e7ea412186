//! Memory of a report with many groups: it grows with the distinct (group, patient) pairs
//! and with groups × buckets (the report's rows), not with the rows of the log. Measured
//! with a counting allocator (bytes, not time: a deterministic bound).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

use patient_partner::import::{ImportOptions, InterviewReader};
use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};

/// A log of `groups` partners, each with one interview a month in 2023, as CSV.
fn log(groups: usize) -> Vec<u8> {
    let mut out = String::from("date,partner,patient,modality\n");
    for g in 0..groups {
        for m in 1..=12 {
            out.push_str(&format!("2023-{m:02}-15,PP-{g:06},PAT-{g:06},phone\n"));
        }
    }
    out.into_bytes()
}

#[test]
fn memory_grows_with_groups_times_buckets_within_the_stated_bound() {
    let groups = 100_000;
    let text = log(groups);
    let request = ReportRequest::new(Period::year(2023).unwrap());
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let mut builder = ActivityReportBuilder::new(&request).unwrap();
    InterviewReader::open(&text[..], &ImportOptions::new())
        .unwrap()
        .push_into(&mut builder)
        .unwrap();
    let report = builder.finish();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let cells = groups * 12;
    assert_eq!(report.rows.len(), cells);
    assert_eq!(report.totals.len(), groups);
    let per_cell = peak / cells;
    eprintln!(
        "peak {peak} bytes for {groups} groups x 12 months: {per_cell} bytes per group-month"
    );
    // The bound README.md states: under 400 bytes per group and bucket, report included.
    assert!(per_cell < 400, "{per_cell} bytes per group-month");
}
