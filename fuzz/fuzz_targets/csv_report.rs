//! Any bytes as an interview log (CSV in any encoding, a workbook or JSON: the reader sniffs
//! the format), streamed into a report, read whole, and through the options: never a panic.
//! The streamed and the whole read agree on success, and on the error code otherwise. The
//! log cut into byte ranges read by several threads (`push_log`, ranges down to 1 byte)
//! gives exactly the one-thread result: report, summary, or error with its place.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::import::{read_interviews, ImportOptions, InterviewReader, UnknownColumns};
use patient_partner::import::LogSource;
use patient_partner::report::{
    log_date_span, ActivityReportBuilder, Parallelism, Period, ReportRequest, Threads,
};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    let mut request = ReportRequest::new(Period::year(2023).unwrap());
    request.suppress_below = Some(11);
    let Ok(mut builder) = ActivityReportBuilder::new(&request) else {
        return;
    };
    let options = ImportOptions::new().max_record_bytes(4096);
    let streamed = InterviewReader::open(data, &options)
        .map_err(patient_partner::Error::from)
        .and_then(|r| Ok(r.push_into(&mut builder)?));
    let whole = read_interviews(data, &options);
    match (&streamed, &whole) {
        (Ok(s), Ok(w)) => assert_eq!(s.rows, w.records.len() as u64),
        (Err(_), Ok(_)) => {} // the report may refuse what the import accepts (gaps, none here)
        (Ok(_), Err(e)) => panic!("streamed ok, whole read failed: {e}"),
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
    }
    if streamed.is_ok() {
        let report = builder.finish();
        // Disclosure control: no published count from 1 to 10.
        for row in &report.rows {
            for v in [
                row.in_person,
                row.phone,
                row.video,
                row.total,
                row.new_patients,
            ]
            .into_iter()
            .flatten()
            {
                assert!(v == 0 || v >= 11, "published {v}");
            }
        }
    }
    // One thread against several, on the same bytes.
    let outcome = |parallel: Option<Parallelism>| {
        let mut builder = ActivityReportBuilder::new(&request).expect("valid request");
        let result = match parallel {
            None => InterviewReader::open(data, &options)
                .map_err(patient_partner::Error::from)
                .and_then(|r| Ok(r.push_into_with(&mut builder, Threads::ONE)?)),
            Some(p) => builder
                .push_log(LogSource::Bytes(data), &options, p)
                .map_err(patient_partner::Error::from),
        };
        match result {
            Ok(summary) => Ok((serde_json::to_string(&builder.finish()).unwrap(), format!("{summary:?}"))),
            Err(e) => Err((e.code(), e.to_string(), format!("{:?}", e.context()))),
        }
    };
    let one = outcome(None);
    let cut = outcome(Some(Parallelism::new(Threads::new(3).unwrap()).min_range_bytes(1)));
    assert_eq!(one, cut, "one thread vs byte ranges");
    // The default period's first pass, one thread against byte ranges.
    let span = |r: Result<_, patient_partner::Error>| {
        r.map_err(|e| (e.code(), e.to_string(), format!("{:?}", e.context())))
    };
    let one_span = span(
        InterviewReader::open(data, &options)
            .and_then(InterviewReader::date_bounds)
            .map_err(patient_partner::Error::from),
    );
    let cut_span = span(
        log_date_span(
            LogSource::Bytes(data),
            &options,
            Parallelism::new(Threads::new(3).unwrap()).min_range_bytes(1),
        )
        .map_err(patient_partner::Error::from),
    );
    assert_eq!(one_span, cut_span, "date span: one thread vs byte ranges");
    let strict = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    let _ = read_interviews(data, &strict);
});
