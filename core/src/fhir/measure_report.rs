//! An activity report as FHIR R4 `MeasureReport`s (ADR 0013): one per bucket and one for the
//! totals over the period, in a collection Bundle. Each carries every group of the
//! `partner-activity` Measure (one per metric), each group one stratum per table of the
//! report (a partner, an establishment, or all).
//!
//! A masked cell has no `count` and the data-absent-reason `masked`; a bucket not reported
//! `unknown`; a metric the report does not have (the activity metrics of a report of
//! interviews alone) `not-applicable`. `patients` is the distinct patients of the bucket, or
//! of the period in the totals report. A group's own count (over every
//! stratum) is given only when every stratum's count is (a sum beside masked cells would let
//! a reader recompute them), and never for distinct or new patients over several tables
//! (they do not add up).
//!
//! ```
//! use patient_partner::fhir::measure_report::report_bundle;
//! use patient_partner::report::{activity_report, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let log = [Interview::new(NaiveDate::from_ymd_opt(2023, 1, 9).unwrap(),
//!     PartnerId::new("PP-A")?, PatientId::new("PAT-0001")?, Modality::Phone)];
//! let report = activity_report(&log, &ReportRequest::new(Period::year(2023).unwrap()))?;
//! let bundle = report_bundle(&report);
//! assert_eq!(bundle["entry"].as_array().unwrap().len(), 13); // 12 months and the totals
//! # Ok::<(), patient_partner::Error>(())
//! ```

use serde_json::{json, Value};

use super::conformance::{coding, initial_population, measure_canonical, report_metrics};
use super::export::extension_url;
use super::narrative::text;
use crate::report::{ActivityMeasure, ActivityReport, Column, ReportRow, Reporting, TotalsRow};
use crate::vocabulary::Vocabulary;

const DATA_ABSENT: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

/// One cell of the report for a metric: a count, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Count(u64),
    Masked,
    NotReported,
    NotApplicable,
}

impl Cell {
    fn population(self) -> Value {
        let mut p = json!({"code": initial_population()});
        match self {
            Cell::Count(n) => p["count"] = json!(n),
            other => {
                let reason = match other {
                    Cell::Masked => "masked",
                    Cell::NotReported => "unknown",
                    _ => "not-applicable",
                };
                p["_count"] = json!({"extension": [{"url": DATA_ABSENT, "valueCode": reason}]});
            }
        }
        p
    }
}

/// The interview columns of a row as (metric code, value, masked).
fn interview_cells(
    value: impl Fn(Column) -> Option<u64>,
    masked: &[Column],
    reporting: Reporting,
) -> Vec<(String, Cell)> {
    Column::all()
        .iter()
        .map(|c| {
            let v = value(*c);
            let cell = if masked.contains(c) {
                Cell::Masked
            } else if reporting == Reporting::NotReported {
                Cell::NotReported
            } else {
                v.map_or(Cell::NotApplicable, Cell::Count)
            };
            (c.wire_name().to_owned(), cell)
        })
        .collect()
}

/// The cells of one report row (a bucket or the totals), by metric code.
fn cells_of(row: RowRef<'_>) -> Vec<(String, Cell)> {
    let (mut cells, activities) = match row {
        RowRef::Bucket(r) => (
            interview_cells(|c| r.get(c), &r.masked, r.reporting),
            (&r.activities, r.reporting),
        ),
        RowRef::Totals(t) => (
            interview_cells(|c| t.get(c), &t.masked, Reporting::Reported),
            (&t.activities, Reporting::Reported),
        ),
    };
    let (list, reporting) = activities;
    for (c, category) in crate::mission::ActivityCategory::ALL.iter().enumerate() {
        for &m in ActivityMeasure::ALL {
            let cell = match list.get(c) {
                None => Cell::NotApplicable,
                Some(a) if a.is_masked(m) => Cell::Masked,
                Some(_) if reporting == Reporting::NotReported => Cell::NotReported,
                Some(a) => a.get(m).map_or(Cell::NotApplicable, Cell::Count),
            };
            cells.push((m.column_name(*category), cell));
        }
    }
    cells
}

#[derive(Clone, Copy)]
enum RowRef<'a> {
    Bucket(&'a ReportRow),
    Totals(&'a TotalsRow),
}

fn settings(report: &ActivityReport, row: &str) -> Value {
    let mut parts = vec![
        json!({"url": "groupBy", "valueCoding": coding("group-by", report.group_by.wire_name())}),
        json!({"url": "bucket", "valueCoding": coding("bucket", report.bucket.wire_name())}),
        json!({"url": "newPatientRule", "valueCoding": coding("new-patient-rule", report.new_patient_rule.wire_name())}),
        json!({"url": "row", "valueString": row}),
    ];
    if let Some(k) = report.suppress_below {
        parts.push(json!({"url": "suppressBelow", "valueInteger": k}));
    }
    json!({"url": extension_url("report-settings"), "extension": parts})
}

/// One MeasureReport over `rows` (one per report group, in report order).
fn measure_report(
    report: &ActivityReport,
    label: &str,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
    rows: &[(String, RowRef<'_>)],
) -> Value {
    let per_group: Vec<Vec<(String, Cell)>> = rows.iter().map(|(_, r)| cells_of(*r)).collect();
    let groups: Vec<Value> = report_metrics()
        .iter()
        .enumerate()
        .map(|(m, metric)| {
            let strata: Vec<Cell> = per_group
                .iter()
                .map(|cells| cells.get(m).map_or(Cell::NotApplicable, |(_, c)| *c))
                .collect();
            // Distinct and new patients do not add up across tables (a patient seen by two
            // partners is one patient): no overall count for them beside several strata.
            let additive = !matches!(metric.code.as_str(), "patients" | "new_patients");
            let overall = if !additive && strata.len() > 1 {
                Cell::NotApplicable
            } else if strata.iter().all(|c| matches!(c, Cell::Count(_))) {
                Cell::Count(strata.iter().map(|c| if let Cell::Count(n) = c { *n } else { 0 }).sum())
            } else if strata.contains(&Cell::Masked) {
                Cell::Masked
            } else if strata.contains(&Cell::NotReported) {
                Cell::NotReported
            } else {
                Cell::NotApplicable
            };
            let stratum: Vec<Value> = rows
                .iter()
                .zip(&strata)
                .map(|((title, _), cell)| json!({"value": {"text": title}, "population": [cell.population()]}))
                .collect();
            json!({
                "code": {"coding": [coding("report-metric", &metric.code)]},
                "population": [overall.population()],
                "stratifier": [{"code": [{"coding": [coding("report-stratifier", "group")]}], "stratum": stratum}],
            })
        })
        .collect();
    json!({
        "resourceType": "MeasureReport",
        "text": text(&format!("Activity report {label} ({start} to {end}): {} group(s), by {}", rows.len(), report.group_by.label_en())),
        "extension": [settings(report, label)],
        "status": "complete",
        "type": "summary",
        "measure": measure_canonical(),
        "period": {"start": start.to_string(), "end": end.to_string()},
        "group": groups,
    })
}

/// The activity report as a collection Bundle of MeasureReports: one per bucket (in time
/// order), then one for the totals over the period (see the [module](self)).
pub fn report_bundle(report: &ActivityReport) -> Value {
    let groups: Vec<(&TotalsRow, &[ReportRow])> = report.groups().collect();
    let mut reports = Vec::new();
    let buckets = groups.first().map_or(0, |(_, rows)| rows.len());
    for b in 0..buckets {
        let rows: Vec<(String, RowRef<'_>)> = groups
            .iter()
            .filter_map(|(t, rows)| {
                rows.get(b)
                    .map(|r| (t.group.title().to_owned(), RowRef::Bucket(r)))
            })
            .collect();
        if let Some((_, RowRef::Bucket(first))) = rows.first() {
            reports.push(measure_report(
                report,
                first.bucket.key(),
                first.start,
                first.end,
                &rows,
            ));
        }
    }
    let totals: Vec<(String, RowRef<'_>)> = groups
        .iter()
        .map(|(t, _)| (t.group.title().to_owned(), RowRef::Totals(t)))
        .collect();
    reports.push(measure_report(
        report,
        "total",
        report.period.start(),
        report.period.end(),
        &totals,
    ));
    let entries: Vec<Value> = reports
        .into_iter()
        .enumerate()
        .map(|(n, r)| {
            let name = format!("MeasureReport|{}|{}|{n}", report.period.start(), report.period.end());
            json!({
                "fullUrl": format!("urn:uuid:{}", uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())),
                "resource": r,
            })
        })
        .collect();
    json!({"resourceType": "Bundle", "type": "collection", "entry": entries})
}
