//! The activity report: typed rows and totals for apps, the core's JSON and text table for
//! everything else.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::report::{ActivityReport as CoreReport, ReportRequest};
use patient_partner::Vocabulary;

use crate::error::{core, guard, FfiResult};
use crate::values::{
    to_core_interviews, to_json, Bucket, GroupBy, Interview, NewPatientRule, Period,
};

/// One bucket of one group (core: `report::ReportRow`). A `null` count is not reported or
/// masked by disclosure control (see `masked`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportRow {
    /// The group's key (partner or establishment id); `null` for `all` and for interviews
    /// without an establishment.
    pub group: Option<String>,
    /// A human title for the group (`PP-A`, `no establishment`, `all`).
    pub group_title: String,
    /// The bucket's key (`2023-01`, `2023-Q1`, `2023`).
    pub bucket: String,
    /// The first day of the bucket inside the period.
    pub start: NaiveDate,
    /// The last day of the bucket inside the period.
    pub end: NaiveDate,
    /// Whether the period cuts the bucket.
    pub partial: bool,
    /// `reported`, `partially_reported` or `not_reported`.
    pub reporting: String,
    /// Interviews in person.
    pub in_person: Option<u64>,
    /// Interviews by phone.
    pub phone: Option<u64>,
    /// Interviews by video.
    pub video: Option<u64>,
    /// All interviews.
    pub total: Option<u64>,
    /// Patients new in this bucket.
    pub new_patients: Option<u64>,
    /// The columns masked by disclosure control (wire names).
    pub masked: Vec<String>,
}

/// The totals of one group over the period (core: `report::TotalsRow`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TotalsRow {
    /// The group's key (see [`ReportRow::group`]).
    pub group: Option<String>,
    /// A human title for the group.
    pub group_title: String,
    /// Interviews in person.
    pub in_person: Option<u64>,
    /// Interviews by phone.
    pub phone: Option<u64>,
    /// Interviews by video.
    pub video: Option<u64>,
    /// All interviews.
    pub total: Option<u64>,
    /// The sum of the buckets' new patients.
    pub new_patients: Option<u64>,
    /// Distinct patients seen in the period by this group.
    pub patients: Option<u64>,
    /// How many buckets the period holds.
    pub buckets: u64,
    /// How many of them are not reported.
    pub buckets_not_reported: u64,
    /// The columns masked by disclosure control (wire names).
    pub masked: Vec<String>,
}

/// An activity report (core: `report::ActivityReport`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActivityReport {
    /// The days reported.
    pub period: Period,
    /// `partner`, `establishment` or `all`.
    pub group_by: String,
    /// `month`, `quarter` or `year`.
    pub bucket: String,
    /// `first_in_period` or `first_ever`.
    pub new_patient_rule: String,
    /// The disclosure threshold applied, if any.
    pub suppress_below: Option<u64>,
    /// One row per group and bucket, groups in key order, buckets in time order.
    pub rows: Vec<ReportRow>,
    /// One totals row per group, in the same order.
    pub totals: Vec<TotalsRow>,
}

fn wire_names(cols: &[pp::report::Column]) -> Vec<String> {
    cols.iter().map(|c| c.wire_name().to_owned()).collect()
}

impl From<&CoreReport> for ActivityReport {
    fn from(r: &CoreReport) -> Self {
        ActivityReport {
            period: Period::from(&r.period),
            group_by: r.group_by.wire_name().to_owned(),
            bucket: r.bucket.wire_name().to_owned(),
            new_patient_rule: r.new_patient_rule.wire_name().to_owned(),
            suppress_below: r.suppress_below,
            rows: r
                .rows
                .iter()
                .map(|row| ReportRow {
                    group: row.group.key().map(str::to_owned),
                    group_title: row.group.title().to_owned(),
                    bucket: row.bucket.key().to_owned(),
                    start: row.start,
                    end: row.end,
                    partial: row.partial,
                    reporting: row.reporting.wire_name().to_owned(),
                    in_person: row.in_person,
                    phone: row.phone,
                    video: row.video,
                    total: row.total,
                    new_patients: row.new_patients,
                    masked: wire_names(&row.masked),
                })
                .collect(),
            totals: r
                .totals
                .iter()
                .map(|t| TotalsRow {
                    group: t.group.key().map(str::to_owned),
                    group_title: t.group.title().to_owned(),
                    in_person: t.in_person,
                    phone: t.phone,
                    video: t.video,
                    total: t.total,
                    new_patients: t.new_patients,
                    patients: t.patients,
                    buckets: t.buckets,
                    buckets_not_reported: t.buckets_not_reported,
                    masked: wire_names(&t.masked),
                })
                .collect(),
        }
    }
}

fn build(interviews: Vec<Interview>, request: &ReportRequest) -> FfiResult<CoreReport> {
    let interviews = to_core_interviews(interviews)?;
    pp::report::activity_report(&interviews, request).map_err(core)
}

/// The period asked for, or the core's default (`Period::resolve`: the first to the last
/// interview; `no_period` for an empty log).
fn period_of(
    period: Option<Period>,
    interviews: &[pp::Interview],
) -> FfiResult<pp::report::Period> {
    match period {
        Some(p) => p.try_into(),
        None => pp::report::Period::resolve_for(None, None, interviews).map_err(core),
    }
}

fn request_of(
    period: pp::report::Period,
    group_by: GroupBy,
    bucket: Bucket,
    new_patient_rule: NewPatientRule,
    suppress_below: Option<u64>,
) -> FfiResult<ReportRequest> {
    let mut request = ReportRequest::new(period);
    request.group_by = group_by.into();
    request.bucket = bucket.into();
    request.new_patient_rule = new_patient_rule.into();
    request.suppress_below = suppress_below;
    request.validate().map_err(core)?;
    Ok(request)
}

/// The activity report of `interviews` over `period` (typed settings; no coverage gaps).
/// `period` `null`: the first to the last interview, as in the CLI and Python (an empty log
/// then fails with `no_period`).
#[uniffi::export(default(suppress_below = None))]
pub fn activity_report(
    interviews: Vec<Interview>,
    period: Option<Period>,
    group_by: GroupBy,
    bucket: Bucket,
    new_patient_rule: NewPatientRule,
    suppress_below: Option<u64>,
) -> FfiResult<ActivityReport> {
    guard(|| {
        let interviews = to_core_interviews(interviews)?;
        let period = period_of(period, &interviews)?;
        let request = request_of(period, group_by, bucket, new_patient_rule, suppress_below)?;
        let report = pp::report::activity_report(&interviews, &request).map_err(core)?;
        Ok(ActivityReport::from(&report))
    })
}

/// The activity report for a report request given as JSON text (schema
/// `core/schemas/report_request.schema.json`, with coverage gaps and every option).
#[uniffi::export]
pub fn activity_report_for_request(
    interviews: Vec<Interview>,
    request: String,
) -> FfiResult<ActivityReport> {
    guard(|| {
        let request = ReportRequest::from_json_str(&request).map_err(core)?;
        Ok(ActivityReport::from(&build(interviews, &request)?))
    })
}

/// The activity report as the core's JSON (`{"period", "group_by", …, "rows", "totals"}`), for
/// a report request given as JSON text.
#[uniffi::export]
pub fn activity_report_json(interviews: Vec<Interview>, request: String) -> FfiResult<String> {
    guard(|| {
        let request = ReportRequest::from_json_str(&request).map_err(core)?;
        Ok(to_json(&build(interviews, &request)?))
    })
}

/// The activity report as the core's plain-text tables, for a report request given as JSON text.
#[uniffi::export]
pub fn activity_report_table(interviews: Vec<Interview>, request: String) -> FfiResult<String> {
    guard(|| {
        let request = ReportRequest::from_json_str(&request).map_err(core)?;
        Ok(pp::report::render::to_table(&build(interviews, &request)?))
    })
}

/// The activity report as the core's CSV (one line per row, then the totals), for a report
/// request given as JSON text.
#[uniffi::export]
pub fn activity_report_csv(interviews: Vec<Interview>, request: String) -> FfiResult<String> {
    guard(|| {
        let request = ReportRequest::from_json_str(&request).map_err(core)?;
        Ok(pp::report::render::to_csv(&build(interviews, &request)?))
    })
}
