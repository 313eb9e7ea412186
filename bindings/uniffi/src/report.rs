//! The activity report: typed rows and totals for apps, the core's JSON and text table for
//! everything else.

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::mission::ActivityCategory;
use patient_partner::report::{
    ActivityCells as CoreCells, ActivityMeasure, ActivityReport as CoreReport, Bucket, Column,
    GroupBy, NewPatientRule, ReportRequest as CoreRequest, Reporting, ReportingGap,
};

use crate::error::{core, guard, FfiResult, PatientPartnerError};
use crate::records::{count, to_core_activities, Activity};
#[cfg(feature = "json")]
use crate::values::{from_json, to_json};
use crate::values::{to_core_interviews, Interview, Period};

/// The activities of one category in one bucket, or over the period in a totals row (core:
/// `report::ActivityCells`). A `null` value is not reported or masked (see `masked`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActivityCells {
    /// The category: clinical group sessions, an extra-clinical area…
    pub category: ActivityCategory,
    /// How many activities.
    pub activities: Option<i64>,
    /// Their total duration in minutes.
    pub minutes: Option<i64>,
    /// The participants, added up.
    pub participants: Option<i64>,
    /// The measures masked by disclosure control.
    pub masked: Vec<ActivityMeasure>,
}

fn cells(list: &[CoreCells]) -> Vec<ActivityCells> {
    list.iter()
        .map(|a| ActivityCells {
            category: a.category,
            activities: counts(a.activities),
            minutes: counts(a.minutes),
            participants: counts(a.participants),
            masked: a.masked.clone(),
        })
        .collect()
}

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
    /// Whether the bucket was reported, partly or not at all.
    pub reporting: Reporting,
    /// Interviews in person.
    pub in_person: Option<i64>,
    /// Interviews by phone.
    pub phone: Option<i64>,
    /// Interviews by video.
    pub video: Option<i64>,
    /// All interviews.
    pub total: Option<i64>,
    /// Patients new in this bucket.
    pub new_patients: Option<i64>,
    /// Distinct patients seen in this bucket (the totals row's `patients` counts them once
    /// over the period).
    pub patients: Option<i64>,
    /// The columns masked by disclosure control.
    pub masked: Vec<Column>,
    /// The activities of each category (every category, in order), for a report asked with
    /// activities (a journal's, or `activities` given); empty otherwise.
    pub activities: Vec<ActivityCells>,
}

/// The totals of one group over the period (core: `report::TotalsRow`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TotalsRow {
    /// The group's key (see `ReportRow.group`).
    pub group: Option<String>,
    /// A human title for the group.
    pub group_title: String,
    /// Interviews in person.
    pub in_person: Option<i64>,
    /// Interviews by phone.
    pub phone: Option<i64>,
    /// Interviews by video.
    pub video: Option<i64>,
    /// All interviews.
    pub total: Option<i64>,
    /// The sum of the buckets' new patients.
    pub new_patients: Option<i64>,
    /// Distinct patients seen in the period by this group.
    pub patients: Option<i64>,
    /// How many buckets the period holds.
    pub buckets: i64,
    /// How many of them are not reported.
    pub buckets_not_reported: i64,
    /// The columns masked by disclosure control.
    pub masked: Vec<Column>,
    /// The activities of each category (every category, in order), for a report asked with
    /// activities (a journal's, or `activities` given); empty otherwise.
    pub activities: Vec<ActivityCells>,
}

/// An activity report (core: `report::ActivityReport`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActivityReport {
    /// The days reported.
    pub period: Period,
    /// What one table was made of.
    pub group_by: GroupBy,
    /// The size of the rows.
    pub bucket: Bucket,
    /// When a patient counted as new.
    pub new_patient_rule: NewPatientRule,
    /// The disclosure threshold applied, if any.
    pub suppress_below: Option<i64>,
    /// One row per group and bucket, groups in key order, buckets in time order.
    pub rows: Vec<ReportRow>,
    /// One totals row per group, in the same order.
    pub totals: Vec<TotalsRow>,
}

fn counts(n: Option<u64>) -> Option<i64> {
    n.map(count)
}

impl From<&CoreReport> for ActivityReport {
    fn from(r: &CoreReport) -> Self {
        ActivityReport {
            period: Period::from(&r.period),
            group_by: r.group_by,
            bucket: r.bucket,
            new_patient_rule: r.new_patient_rule,
            suppress_below: counts(r.suppress_below),
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
                    reporting: row.reporting,
                    in_person: counts(row.in_person),
                    phone: counts(row.phone),
                    video: counts(row.video),
                    total: counts(row.total),
                    new_patients: counts(row.new_patients),
                    patients: counts(row.patients),
                    masked: row.masked.clone(),
                    activities: cells(&row.activities),
                })
                .collect(),
            totals: r
                .totals
                .iter()
                .map(|t| TotalsRow {
                    group: t.group.key().map(str::to_owned),
                    group_title: t.group.title().to_owned(),
                    in_person: counts(t.in_person),
                    phone: counts(t.phone),
                    video: counts(t.video),
                    total: counts(t.total),
                    new_patients: counts(t.new_patients),
                    patients: counts(t.patients),
                    buckets: count(t.buckets),
                    buckets_not_reported: count(t.buckets_not_reported),
                    masked: t.masked.clone(),
                    activities: cells(&t.activities),
                })
                .collect(),
        }
    }
}

/// A period in which a group did not report (core: `report::ReportingGap`): its buckets are
/// marked not reported instead of showing zeros.
#[uniffi::remote(Record)]
pub struct ReportingGap {
    /// The group concerned (a partner or establishment id); `null` for every group.
    pub group: Option<String>,
    /// The first day not reported.
    pub start: NaiveDate,
    /// The last day not reported.
    pub end: NaiveDate,
}

/// What a report counts and how (core: `report::ReportRequest`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportRequest {
    /// The days reported; `null`: the first to the last interview, as in the CLI and Python
    /// (an empty log then fails with `no_period`).
    #[uniffi(default = None)]
    pub period: Option<Period>,
    /// What one table is made of.
    pub group_by: GroupBy,
    /// The size of the rows.
    pub bucket: Bucket,
    /// When a patient counts as new.
    pub new_patient_rule: NewPatientRule,
    /// Periods in which a group did not report.
    #[uniffi(default = [])]
    pub coverage: Vec<ReportingGap>,
    /// Disclosure control: counts below this threshold are masked (11 in the reference
    /// tables), with the secondary masking that keeps them from being recomputed.
    #[uniffi(default = None)]
    pub suppress_below: Option<i64>,
}

impl ReportRequest {
    /// The core's request (validated: `ReportRequest::validate`), the default period taken
    /// from `interviews` when none is given (`Period::resolve_for`).
    pub(crate) fn to_core(&self, interviews: &[pp::Interview]) -> FfiResult<CoreRequest> {
        let period = match self.period {
            Some(p) => p.try_into()?,
            None => pp::report::Period::resolve_for(None, None, interviews).map_err(core)?,
        };
        let mut request = CoreRequest::new(period);
        request.group_by = self.group_by;
        request.bucket = self.bucket;
        request.new_patient_rule = self.new_patient_rule;
        request.coverage = self.coverage.clone();
        request.suppress_below = self
            .suppress_below
            .map(|n| {
                u64::try_from(n).map_err(|_| {
                    PatientPartnerError::out_of_range("ReportRequest", "suppress_below", n)
                })
            })
            .transpose()?;
        request.validate().map_err(core)?;
        Ok(request)
    }

    /// The core's request as a record, its period replaced by `period`.
    fn from_core(request: CoreRequest, period: Option<Period>) -> Self {
        ReportRequest {
            period,
            group_by: request.group_by,
            bucket: request.bucket,
            new_patient_rule: request.new_patient_rule,
            coverage: request.coverage,
            suppress_below: counts(request.suppress_below),
        }
    }
}

/// What a report is computed from: interviews alone, or with activities (then every row
/// has its activity columns).
pub(crate) enum Inputs<'a> {
    /// Interviews only.
    Interviews(&'a [pp::Interview]),
    /// Interviews and activities.
    WithActivities(&'a [pp::Interview], &'a [pp::Activity]),
    /// A journal's interviews and activities.
    Journal(&'a pp::Journal),
}

/// The core's report of held values for `request` (the one place a request is resolved
/// and a report computed; every entry point below goes through it). The default period is
/// the first to the last interview.
pub(crate) fn core_report(inputs: Inputs<'_>, request: &ReportRequest) -> FfiResult<CoreReport> {
    let interviews = match inputs {
        Inputs::Interviews(i) | Inputs::WithActivities(i, _) => i,
        Inputs::Journal(j) => j.interviews(),
    };
    let request = request.to_core(interviews)?;
    match inputs {
        Inputs::Interviews(i) => pp::report::activity_report(i, &request),
        Inputs::WithActivities(i, a) => pp::report::activity_report_with(i, a, &request),
        Inputs::Journal(j) => pp::report::journal_report(j, &request),
    }
    .map_err(core)
}

/// Runs `f` on the core's values of `interviews` and `activities` (converted and checked).
fn with_inputs<T>(
    interviews: Vec<Interview>,
    activities: Option<Vec<Activity>>,
    f: impl FnOnce(Inputs<'_>) -> FfiResult<T>,
) -> FfiResult<T> {
    let interviews = to_core_interviews(interviews)?;
    match activities {
        None => f(Inputs::Interviews(&interviews)),
        Some(list) => f(Inputs::WithActivities(
            &interviews,
            &to_core_activities(list)?,
        )),
    }
}

/// Reads declared reporting gaps from a coverage file (JSON text: a list of
/// `{"group", "start", "end"}`), each checked by the core (`ReportingGap::validate`).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn reporting_gaps_from_json(text: String) -> FfiResult<Vec<ReportingGap>> {
    guard(|| {
        let gaps: Vec<ReportingGap> = from_json("list of ReportingGap", "coverage", &text)?;
        for gap in &gaps {
            gap.validate().map_err(core)?;
        }
        Ok(gaps)
    })
}

/// The core's default request (one table per partner, monthly rows, a patient new in the
/// bucket of its first interview in the period, no coverage gaps, no masking) over
/// `period` (`null`: the first to the last interview). Change what differs with Kotlin's
/// `copy(...)` or Swift's `var`.
#[uniffi::export]
pub fn default_report_request(period: Option<Period>) -> FfiResult<ReportRequest> {
    guard(|| {
        // Any valid period: only the defaults of the other fields are read.
        let day = chrono::NaiveDate::MIN;
        let core_default = CoreRequest::new(pp::report::Period::new(day, day).map_err(core)?);
        Ok(ReportRequest::from_core(core_default, period))
    })
}

/// The activity report of `interviews` for `request`. With `activities` (even an empty
/// list), every row also has the activities of each category (count, minutes,
/// participants), with the same buckets, coverage and masking; a `Journal`'s report always
/// has them.
#[uniffi::export(default(activities = None))]
pub fn activity_report(
    interviews: Vec<Interview>,
    request: ReportRequest,
    activities: Option<Vec<Activity>>,
) -> FfiResult<ActivityReport> {
    guard(|| with_inputs(interviews, activities, |inputs| report_of(inputs, &request)))
}

/// `activityReport` off the caller's thread (Kotlin `suspend`, Swift `async`): for reports
/// over many interviews, so that an app's UI thread never waits on one.
#[uniffi::export(default(activities = None))]
pub async fn activity_report_async(
    interviews: Vec<Interview>,
    request: ReportRequest,
    activities: Option<Vec<Activity>>,
) -> FfiResult<ActivityReport> {
    crate::background::on_thread(move || {
        with_inputs(interviews, activities, |inputs| report_of(inputs, &request))
    })
    .await
}

/// The core's activity report of already-held values (a journal's).
pub(crate) fn report_of(inputs: Inputs<'_>, request: &ReportRequest) -> FfiResult<ActivityReport> {
    Ok(ActivityReport::from(&core_report(inputs, request)?))
}

/// Reads a report request document (JSON text, schema
/// `core/schemas/report_request.schema.json`: period, grouping, buckets, coverage gaps,
/// threshold), validated by the core.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn report_request_from_json(text: String) -> FfiResult<ReportRequest> {
    guard(|| {
        let r = CoreRequest::from_json_str(&text).map_err(core)?;
        let period = Some(Period::from(&r.period));
        Ok(ReportRequest::from_core(r, period))
    })
}

fn rendered(
    interviews: Vec<Interview>,
    activities: Option<Vec<Activity>>,
    request: ReportRequest,
    render: impl FnOnce(&CoreReport) -> String,
) -> FfiResult<String> {
    guard(|| {
        with_inputs(interviews, activities, |inputs| {
            Ok(render(&core_report(inputs, &request)?))
        })
    })
}

/// The activity report exported as the core's JSON document (`{"period", "group_by", …,
/// "rows", "totals"}`), to write a file.
#[cfg(feature = "json")]
#[uniffi::export(default(activities = None))]
pub fn activity_report_json(
    interviews: Vec<Interview>,
    request: ReportRequest,
    activities: Option<Vec<Activity>>,
) -> FfiResult<String> {
    rendered(interviews, activities, request, to_json)
}

/// The activity report as the core's plain-text tables.
#[uniffi::export(default(activities = None))]
pub fn activity_report_table(
    interviews: Vec<Interview>,
    request: ReportRequest,
    activities: Option<Vec<Activity>>,
) -> FfiResult<String> {
    rendered(
        interviews,
        activities,
        request,
        pp::report::render::to_table,
    )
}

/// The activity report as the core's CSV (one line per row, then the totals).
#[uniffi::export(default(activities = None))]
pub fn activity_report_csv(
    interviews: Vec<Interview>,
    request: ReportRequest,
    activities: Option<Vec<Activity>>,
) -> FfiResult<String> {
    rendered(interviews, activities, request, pp::report::render::to_csv)
}
