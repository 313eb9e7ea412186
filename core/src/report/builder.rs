//! The streaming aggregation behind every activity report.
//!
//! [`ActivityReportBuilder`] takes interviews one at a time, in any order, and keeps only:
//! one counter row per (group, bucket), and one entry per distinct (group, patient) pair
//! holding the dates of that patient's first interviews with the group and a mask of the
//! buckets the patient was seen in (distinct patients per bucket). Memory is therefore
//! bounded by the distinct pairs and the buckets, not by the number of interviews: a log of
//! millions of rows can be streamed from a file ([`crate::import::InterviewCsvReader`])
//! without ever being held whole. Groups are interned as dense integers; patient ids of up
//! to 23 bytes are held inline in the pair table (longer ones are boxed), so an interview of
//! a pair seen before costs one table lookup and no allocation.
//!
//! ```
//! use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let request = ReportRequest::new(Period::new(d(2023, 1, 1), d(2023, 3, 31))?);
//! let mut builder = ActivityReportBuilder::new(&request)?;
//! for (date, patient, modality) in [
//!     (d(2023, 1, 9), "PAT-0001", Modality::InPerson),
//!     (d(2023, 2, 6), "PAT-0001", Modality::Phone),
//!     (d(2023, 2, 7), "PAT-0002", Modality::Video),
//!     (d(2022, 12, 1), "PAT-0003", Modality::Phone), // outside the period: ignored
//! ] {
//!     builder.push(&Interview::new(date, PartnerId::new("PP-001")?, PatientId::new(patient)?, modality))?;
//! }
//! let report = builder.finish();
//! assert_eq!(report.rows.len(), 3); // January to March, March with zeros
//! assert_eq!(report.rows[1].total, Some(2));
//! assert_eq!(report.rows[1].new_patients, Some(1));
//! assert_eq!(report.totals[0].patients, Some(2));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use chrono::{Datelike, NaiveDate};

use super::bucket::BucketSpan;
use super::coverage::{CoverageIndex, GapSet};
use super::error::{ReportError, ReportErrorKind};
use super::fxhash::{IdKey, Interner};
use super::group_table::protect_tables;
use super::grouping::{GroupBy, GroupLabel};
use super::new_patients::NewPatientRule;
use super::output::{
    ActivityCells, ActivityMeasure, ActivityReport, BucketLabel, ReportRow, Reporting, TotalsRow,
};
pub(crate) use super::pairs::PairSink;
use super::pairs::{Visit, NO_BUCKET};
use super::request::ReportRequest;
use crate::activity::Activity;
use crate::interview::{Interview, Modality};
use crate::mission::ActivityCategory;

/// No date recorded (day numbers are compared with `<`).
pub(crate) const NONE: i32 = i32::MAX;

/// One group being aggregated.
#[derive(Debug)]
struct GroupState {
    label: GroupLabel,
    /// Activities per bucket and category (`bucket * categories + category`): count,
    /// minutes, participants. Empty until the group's first activity.
    activities: Vec<[u64; 3]>,
    gaps: GapSet,
}

/// Aggregates interviews one at a time into an [`ActivityReport`]; see the module docs.
#[derive(Debug)]
pub struct ActivityReportBuilder {
    request: ReportRequest,
    spans: Vec<BucketSpan>,
    first_ordinal: i64,
    start_day: i32,
    end_day: i32,
    group_index: Interner,
    groups: Vec<GroupState>,
    /// Interviews per group and bucket (`group * buckets + bucket`): in person, phone,
    /// video. Kept apart from [`GroupState`], flat, so that counting an interview touches
    /// one cell and no group record (the hot path of large logs).
    counts: Vec<[u64; 3]>,
    /// Per group: whether at least one interview or activity lies in the period.
    seen: Vec<bool>,
    /// Whether the request declares any reporting gap (else no group has one to check).
    any_gaps: bool,
    pairs: PairSink,
    /// The request's gaps, indexed once by group.
    coverage: CoverageIndex,
    /// Whether the report has activity columns ([`include_activities`](Self::include_activities)).
    with_activities: bool,
    /// The threads `finish` may check the groups' tables on: the most that any read into
    /// this builder was given (1 for a builder fed by `push`).
    finish_threads: usize,
}

impl ActivityReportBuilder {
    /// A builder for `request` (validated: `too_many_buckets`, `invalid_gap`).
    pub fn new(request: &ReportRequest) -> Result<Self, ReportError> {
        request.validate()?;
        let spans = request.bucket.spans(&request.period)?;
        let (start_day, end_day) = request.period.day_numbers();
        Ok(ActivityReportBuilder {
            first_ordinal: request.bucket.ordinal(request.period.start()),
            request: request.clone(),
            spans,
            start_day,
            end_day,
            group_index: Interner::default(),
            groups: Vec::new(),
            counts: Vec::new(),
            seen: Vec::new(),
            any_gaps: !request.coverage.is_empty(),
            pairs: PairSink::new(start_day),
            coverage: CoverageIndex::new(&request.coverage, start_day, end_day),
            with_activities: false,
            finish_threads: 1,
        })
    }

    /// Gives the report its activity columns (one entry per [`ActivityCategory`] on every
    /// row), zeros included, even if no activity is pushed. [`push_activity`](Self::push_activity)
    /// does it too.
    pub fn include_activities(&mut self) {
        self.with_activities = true;
    }

    /// Adds one activity to the activity columns of its group and bucket (count, minutes,
    /// participants, under its mission's [`ActivityCategory`]). Activities outside the
    /// period are ignored. A group with activities in the period and no interview gets a
    /// table too. Fails with `activity_in_gap` when the activity lies in a range its group
    /// declared as not reported, and with the activity's own code when it breaks a rule of
    /// [`Activity::validate`] (the builder is then unchanged).
    ///
    /// ```
    /// use patient_partner::activity::{Activity, ActivityModality};
    /// use patient_partner::mission::{ActivityCategory, Mission};
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    /// use patient_partner::{ActivityId, PartnerId};
    /// use chrono::NaiveDate;
    /// let mut group = Activity::new(ActivityId::new("ACT-1")?, NaiveDate::from_ymd_opt(2023, 1, 12).unwrap(),
    ///     PartnerId::new("PP-007")?, Mission::SupportGroup, ActivityModality::Hybrid, 90);
    /// group.participants = Some(8);
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// builder.push_activity(&group)?;
    /// let report = builder.finish();
    /// let january = &report.rows[0].activities[0];
    /// assert_eq!(january.category, ActivityCategory::ClinicalGroups);
    /// assert_eq!((january.activities, january.minutes, january.participants), (Some(1), Some(90), Some(8)));
    /// assert_eq!(report.rows[0].total, Some(0)); // no interview
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_activity(&mut self, activity: &Activity) -> Result<(), ReportError> {
        activity
            .validate()
            .map_err(|e| e.map_kind(ReportErrorKind::Activity))?;
        self.with_activities = true;
        let date = activity.date;
        let day = date.num_days_from_ce();
        if day > self.end_day || day < self.start_day {
            return Ok(());
        }
        let group = self.group_of(
            activity.partner.as_str(),
            activity.establishment.as_ref().map(|e| e.as_str()),
        );
        let n_buckets = self.spans.len();
        let bucket = usize::try_from(self.request.bucket.ordinal(date) - self.first_ordinal).ok();
        let Some(state) = self.groups.get_mut(group as usize) else {
            return Ok(());
        };
        if !state.gaps.is_empty() && state.gaps.contains(day) {
            return Err(ReportError::new(ReportErrorKind::ActivityInGap { date })
                .entity(activity.id.as_str())
                .field("date"));
        }
        if state.activities.is_empty() {
            state.activities = vec![[0; 3]; n_buckets * ActivityCategory::ALL.len()];
        }
        let category = category_index(activity.mission.report_category());
        let cell = bucket.and_then(|b| {
            state
                .activities
                .get_mut(b * ActivityCategory::ALL.len() + category)
        });
        if let Some(cell) = cell {
            cell[0] += 1;
            cell[1] += u64::from(activity.duration_minutes);
            cell[2] += u64::from(activity.participants.unwrap_or(0));
            if let Some(seen) = self.seen.get_mut(group as usize) {
                *seen = true;
            }
        }
        Ok(())
    }

    /// Adds every activity of `activities`, stopping at the first error.
    pub fn extend_activities<'a>(
        &mut self,
        activities: impl IntoIterator<Item = &'a Activity>,
    ) -> Result<(), ReportError> {
        self.include_activities();
        activities
            .into_iter()
            .try_for_each(|a| self.push_activity(a))
    }

    /// The request this builder answers.
    pub fn request(&self) -> &ReportRequest {
        &self.request
    }

    /// Adds one interview. Interviews after the period are ignored; interviews before it are
    /// ignored too, except that under [`NewPatientRule::FirstEver`] they record the
    /// patient's history. Fails with `interview_in_gap` when the interview lies in a range
    /// its group declared as not reported (the builder is then unchanged).
    pub fn push(&mut self, interview: &Interview) -> Result<(), ReportError> {
        self.push_parts(
            interview.date,
            interview.partner.as_str(),
            interview.patient.as_str(),
            interview.modality,
            interview.establishment.as_ref().map(|e| e.as_str()),
        )
    }

    /// Adds every interview of `interviews`, stopping at the first error.
    pub fn extend<'a>(
        &mut self,
        interviews: impl IntoIterator<Item = &'a Interview>,
    ) -> Result<(), ReportError> {
        interviews.into_iter().try_for_each(|i| self.push(i))
    }

    /// [`push`](Self::push) from the fields of an interview whose ids are already
    /// validated (the streaming CSV import uses it to avoid building `Interview`s).
    pub(crate) fn push_parts(
        &mut self,
        date: NaiveDate,
        partner: &str,
        patient: &str,
        modality: Modality,
        establishment: Option<&str>,
    ) -> Result<(), ReportError> {
        if let Some(visit) = self.stage(date, partner, modality, establishment)? {
            self.pairs.record(visit, IdKey::new(patient));
        }
        Ok(())
    }

    /// Everything [`push_parts`](Self::push_parts) does but the (group, patient) pair
    /// update, for which it returns the interview's [`Visit`] (group, day number, bucket),
    /// or `None` when the interview does not count; the caller records the pair with
    /// [`PairSink::record`] (possibly on another thread: see [`take_pairs`](Self::take_pairs)).
    #[inline]
    pub(crate) fn stage(
        &mut self,
        date: NaiveDate,
        partner: &str,
        modality: Modality,
        establishment: Option<&str>,
    ) -> Result<Option<Visit>, ReportError> {
        let day = date.num_days_from_ce();
        if day > self.end_day {
            return Ok(None);
        }
        let in_period = day >= self.start_day;
        if !in_period && self.request.new_patient_rule == NewPatientRule::FirstInPeriod {
            return Ok(None);
        }
        let group = self.group_of(partner, establishment);
        let mut visit = Visit {
            group,
            day,
            bucket: NO_BUCKET,
        };
        if in_period {
            let n_buckets = self.spans.len();
            let bucket =
                usize::try_from(self.request.bucket.ordinal(date) - self.first_ordinal).ok();
            if self.any_gaps {
                if let Some(state) = self.groups.get(group as usize) {
                    if !state.gaps.is_empty() && state.gaps.contains(day) {
                        return Err(ReportError::new(ReportErrorKind::InterviewInGap { date })
                            .entity(state.label.title().to_owned())
                            .field("date"));
                    }
                }
            }
            let bucket = bucket.filter(|&b| b < n_buckets);
            // At most `MAX_BUCKETS` (1,200) buckets: always a u16.
            visit.bucket = bucket
                .and_then(|b| u16::try_from(b).ok())
                .unwrap_or(NO_BUCKET);
            let index = bucket.map(|b| group as usize * n_buckets + b);
            if let Some(cell) = index.and_then(|i| self.counts.get_mut(i)) {
                let column = match modality {
                    Modality::InPerson => 0,
                    Modality::Phone => 1,
                    Modality::Video => 2,
                };
                cell[column] += 1;
                if let Some(seen) = self.seen.get_mut(group as usize) {
                    *seen = true;
                }
            }
        }
        Ok(Some(visit))
    }

    /// Lets [`finish`](Self::finish) check the groups' tables for disclosure control on up
    /// to `threads` threads (the reads given threads call it: the threads a user allowed
    /// for reading are the threads the report is computed on).
    pub(crate) fn allow_threads(&mut self, threads: super::parallel::Threads) {
        self.finish_threads = self.finish_threads.max(threads.get());
    }

    /// Hands the pair table to a [`PairSink`] (another thread may fill it); give it back
    /// with [`restore_pairs`](Self::restore_pairs).
    pub(crate) fn take_pairs(&mut self) -> PairSink {
        std::mem::replace(&mut self.pairs, PairSink::new(self.start_day))
    }

    /// Takes back the pair table of [`take_pairs`](Self::take_pairs).
    pub(crate) fn restore_pairs(&mut self, sink: PairSink) {
        self.pairs = sink;
    }

    /// The index of the group of an interview, created on first sight.
    #[inline]
    fn group_of(&mut self, partner: &str, establishment: Option<&str>) -> u32 {
        let key = match self.request.group_by {
            GroupBy::Partner => partner,
            // "" is no valid id: it stands for "no establishment" and for "all".
            GroupBy::Establishment => establishment.unwrap_or(""),
            GroupBy::All => "",
        };
        let (index, new) = self.group_index.intern(key);
        if new {
            let label = match self.request.group_by {
                GroupBy::Partner => match crate::ids::PartnerId::new(partner) {
                    Ok(partner) => GroupLabel::Partner { partner },
                    Err(_) => GroupLabel::All {},
                },
                GroupBy::Establishment => GroupLabel::Establishment {
                    establishment: establishment
                        .and_then(|e| crate::ids::EstablishmentId::new(e).ok()),
                },
                GroupBy::All => GroupLabel::All {},
            };
            let gaps: GapSet = self.coverage.for_group(label.key());
            self.groups.push(GroupState {
                label,
                activities: Vec::new(),
                gaps,
            });
            self.counts
                .extend(std::iter::repeat_n([0; 3], self.spans.len()));
            self.seen.push(false);
        }
        index
    }

    /// Adds everything `other` aggregated to this builder, as if every interview and activity
    /// pushed into `other` had been pushed here: the counters of each group (matched by its
    /// label) added, each (group, patient) pair keeping its earliest dates. Any split of a log
    /// into parts, built separately and merged in any order, gives the report of one pass
    /// (property-tested; disclosure control applies at [`finish`](Self::finish), after the
    /// merge). Fails with `merge_mismatch` when the two builders answer different requests
    /// (this builder is then unchanged).
    ///
    /// ```
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    /// use patient_partner::{Interview, Modality, PartnerId, PatientId};
    /// use chrono::NaiveDate;
    /// let request = ReportRequest::new(Period::year(2023).unwrap());
    /// let day = |m, d| NaiveDate::from_ymd_opt(2023, m, d).unwrap();
    /// let interview = |m, d, patient: &str| Interview::new(day(m, d), PartnerId::new("PP-A").unwrap(),
    ///     PatientId::new(patient).unwrap(), Modality::Phone);
    /// let (mut first, mut second) = (ActivityReportBuilder::new(&request)?, ActivityReportBuilder::new(&request)?);
    /// first.push(&interview(3, 1, "PAT-1"))?;
    /// second.push(&interview(1, 9, "PAT-1"))?; // the patient's first interview is in the second part
    /// first.merge(second)?;
    /// let report = first.finish();
    /// assert_eq!(report.rows[0].new_patients, Some(1)); // January
    /// assert_eq!(report.rows[2].new_patients, Some(0)); // March
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn merge(&mut self, other: ActivityReportBuilder) -> Result<(), ReportError> {
        self.merge_on(other, 1)
    }

    /// [`merge`](Self::merge), the pair tables merged on up to `threads` threads.
    pub(crate) fn merge_on(
        &mut self,
        other: ActivityReportBuilder,
        threads: usize,
    ) -> Result<(), ReportError> {
        if self.request != other.request {
            return Err(ReportError::new(ReportErrorKind::MergeMismatch)
                .entity("ActivityReportBuilder")
                .field("request"));
        }
        if self.groups.is_empty() && self.pairs.is_empty() {
            // Nothing here yet: take the other builder whole.
            let (with_activities, threads) = (self.with_activities, self.finish_threads);
            *self = other;
            self.with_activities |= with_activities;
            self.finish_threads = self.finish_threads.max(threads);
            return Ok(());
        }
        self.with_activities |= other.with_activities;
        self.finish_threads = self.finish_threads.max(other.finish_threads);
        let n_buckets = self.spans.len();
        let mut remap = Vec::with_capacity(other.groups.len());
        for (theirs_index, state) in other.groups.into_iter().enumerate() {
            let index = self.group_for_label(&state.label);
            remap.push(index);
            let (mine, theirs) = (index as usize * n_buckets, theirs_index * n_buckets);
            if let (Some(mine), Some(theirs)) = (
                self.counts.get_mut(mine..mine + n_buckets),
                other.counts.get(theirs..theirs + n_buckets),
            ) {
                for (a, b) in mine.iter_mut().zip(theirs) {
                    for (a, b) in a.iter_mut().zip(b) {
                        *a += b;
                    }
                }
            }
            if other.seen.get(theirs_index).copied().unwrap_or(false) {
                if let Some(seen) = self.seen.get_mut(index as usize) {
                    *seen = true;
                }
            }
            let Some(target) = self.groups.get_mut(index as usize) else {
                continue;
            };
            if !state.activities.is_empty() {
                if target.activities.is_empty() {
                    target.activities = vec![[0; 3]; n_buckets * ActivityCategory::ALL.len()];
                }
                for (mine, theirs) in target.activities.iter_mut().zip(&state.activities) {
                    for (a, b) in mine.iter_mut().zip(theirs) {
                        *a += b;
                    }
                }
            }
        }
        self.pairs.merge(other.pairs, &remap, threads);
        Ok(())
    }

    /// The index of the group labelled `label`, created on first sight (the interned key is
    /// the one [`group_of`](Self::group_of) uses: the partner id, the establishment id, or
    /// `""` for no establishment and for `all`).
    fn group_for_label(&mut self, label: &GroupLabel) -> u32 {
        let (index, new) = self.group_index.intern(label.key().unwrap_or(""));
        if new {
            let gaps: GapSet = self.coverage.for_group(label.key());
            self.groups.push(GroupState {
                label: label.clone(),
                activities: Vec::new(),
                gaps,
            });
            self.counts
                .extend(std::iter::repeat_n([0; 3], self.spans.len()));
            self.seen.push(false);
        }
        index
    }

    /// How many distinct (group, patient) pairs are held (the memory bound).
    pub fn distinct_pairs(&self) -> usize {
        self.pairs.len()
    }

    /// How many distinct patient ids are held.
    pub fn distinct_patients(&self) -> usize {
        self.pairs.distinct_patients()
    }

    /// The report over every interview pushed. With disclosure control, the groups' tables
    /// are checked on as many threads as the reads into this builder were given
    /// ([`push_log`](Self::push_log), `push_into_with`): one for a builder fed by
    /// [`push`](Self::push). The report does not depend on it.
    pub fn finish(self) -> ActivityReport {
        let n_groups = self.groups.len();
        let n_buckets = self.spans.len();
        let mut new_patients = vec![0u64; n_groups * n_buckets];
        let mut patients = vec![0u64; n_groups];
        let mut bucket_patients = vec![0u64; n_groups * n_buckets];
        let rule = self.request.new_patient_rule;
        let mut pairs = self.pairs;
        pairs.flush();
        for (group, pair) in pairs.iter() {
            let group = group as usize;
            if pair.first_in_period == NONE {
                continue;
            }
            if let Some(p) = patients.get_mut(group) {
                *p += 1;
            }
            let mut seen = pair.seen;
            while seen != 0 {
                let b = seen.trailing_zeros() as usize;
                seen &= seen - 1;
                if let Some(n) = bucket_patients.get_mut(group * n_buckets + b) {
                    *n += 1;
                }
            }
            let new_day = match rule {
                NewPatientRule::FirstInPeriod => Some(pair.first_in_period),
                NewPatientRule::FirstEver => {
                    (pair.first_ever >= self.start_day).then_some(pair.first_ever)
                }
            };
            let bucket = new_day
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .and_then(|d| {
                    usize::try_from(self.request.bucket.ordinal(d) - self.first_ordinal).ok()
                });
            if let Some(b) = bucket {
                if let Some(n) = new_patients.get_mut(group * n_buckets + b) {
                    *n += 1;
                }
            }
        }
        for (group, b) in pairs.wide_visits() {
            if let Some(n) = bucket_patients.get_mut(group as usize * n_buckets + usize::from(b)) {
                *n += 1;
            }
        }
        // The largest structure is no longer needed: free it before the rows are built, so
        // that the peak memory is the larger of the two, not their sum.
        drop(pairs);

        let mut order: Vec<usize> = (0..n_groups)
            .filter(|&g| self.seen.get(g).copied().unwrap_or(false))
            .collect();
        order.sort_by(|&a, &b| match (self.groups.get(a), self.groups.get(b)) {
            (Some(a), Some(b)) => a.label.report_order(&b.label),
            _ => std::cmp::Ordering::Equal,
        });

        let mut rows = Vec::with_capacity(order.len() * n_buckets);
        let mut totals = Vec::with_capacity(order.len());
        for g in order {
            let Some(state) = self.groups.get(g) else {
                continue;
            };
            let new_of = |b: usize| new_patients.get(g * n_buckets + b).copied().unwrap_or(0);
            let patients_of =
                |b: usize| bucket_patients.get(g * n_buckets + b).copied().unwrap_or(0);
            let mut group_rows = Vec::with_capacity(n_buckets);
            for (b, span) in self.spans.iter().enumerate() {
                let (s, e) = (span.start.num_days_from_ce(), span.end.num_days_from_ce());
                let gap_days = state.gaps.days_within(s, e);
                let span_days = i64::from(e) - i64::from(s) + 1;
                let reporting = if gap_days >= span_days {
                    Reporting::NotReported
                } else if gap_days > 0 {
                    Reporting::PartiallyReported
                } else {
                    Reporting::Reported
                };
                let [ip, ph, vi] = self
                    .counts
                    .get(g * n_buckets + b)
                    .copied()
                    .unwrap_or([0; 3]);
                let value = |v: u64| (reporting != Reporting::NotReported).then_some(v);
                group_rows.push(ReportRow {
                    group: state.label.clone(),
                    bucket: BucketLabel::new(self.request.bucket, span.key.clone()),
                    start: span.start,
                    end: span.end,
                    partial: span.partial,
                    reporting,
                    in_person: value(ip),
                    phone: value(ph),
                    video: value(vi),
                    total: value(ip + ph + vi),
                    new_patients: value(new_of(b)),
                    patients: value(patients_of(b)),
                    masked: Vec::new(),
                    activities: if self.with_activities {
                        activity_cells(state, b, reporting)
                    } else {
                        Vec::new()
                    },
                });
            }
            let sum =
                |f: fn(&ReportRow) -> Option<u64>| -> u64 { group_rows.iter().filter_map(f).sum() };
            let total_row = TotalsRow {
                group: state.label.clone(),
                in_person: Some(sum(|r| r.in_person)),
                phone: Some(sum(|r| r.phone)),
                video: Some(sum(|r| r.video)),
                total: Some(sum(|r| r.total)),
                new_patients: Some(sum(|r| r.new_patients)),
                patients: Some(patients.get(g).copied().unwrap_or(0)),
                buckets: n_buckets as u64,
                buckets_not_reported: group_rows
                    .iter()
                    .filter(|r| r.reporting == Reporting::NotReported)
                    .count() as u64,
                masked: Vec::new(),
                activities: if self.with_activities {
                    activity_totals(&group_rows)
                } else {
                    Vec::new()
                },
            };
            rows.extend(group_rows);
            totals.push(total_row);
        }
        if let Some(threshold) = self.request.suppress_below {
            // Every group has one row per bucket: its table is one chunk of the rows.
            let tables = rows.chunks_mut(n_buckets.max(1)).zip(totals.iter_mut());
            protect_tables(
                tables,
                threshold,
                rule,
                self.with_activities,
                self.finish_threads,
            );
        }

        ActivityReport {
            period: self.request.period,
            group_by: self.request.group_by,
            bucket: self.request.bucket,
            new_patient_rule: rule,
            suppress_below: self.request.suppress_below,
            rows,
            totals,
        }
    }
}

/// The position of `category` in [`ActivityCategory::ALL`].
fn category_index(category: ActivityCategory) -> usize {
    ActivityCategory::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or(0)
}

/// The activity cells of bucket `b` of a group, one per category (`None` when the bucket
/// is not reported).
fn activity_cells(state: &GroupState, b: usize, reporting: Reporting) -> Vec<ActivityCells> {
    let n = ActivityCategory::ALL.len();
    ActivityCategory::ALL
        .iter()
        .enumerate()
        .map(|(c, &category)| {
            let [count, minutes, participants] =
                state.activities.get(b * n + c).copied().unwrap_or([0; 3]);
            let value = |v: u64| (reporting != Reporting::NotReported).then_some(v);
            ActivityCells {
                category,
                activities: value(count),
                minutes: value(minutes),
                participants: value(participants),
                masked: Vec::new(),
            }
        })
        .collect()
}

/// The activity cells of a totals row: each category's reported buckets added up.
fn activity_totals(rows: &[ReportRow]) -> Vec<ActivityCells> {
    ActivityCategory::ALL
        .iter()
        .enumerate()
        .map(|(c, &category)| {
            let sum = |measure: ActivityMeasure| -> u64 {
                rows.iter()
                    .filter_map(|r| r.activities.get(c).and_then(|a| a.get(measure)))
                    .sum()
            };
            ActivityCells {
                category,
                activities: Some(sum(ActivityMeasure::Activities)),
                minutes: Some(sum(ActivityMeasure::Minutes)),
                participants: Some(sum(ActivityMeasure::Participants)),
                masked: Vec::new(),
            }
        })
        .collect()
}

/// The activity report of `interviews` (in any order) for `request`.
///
/// ```
/// use patient_partner::report::{activity_report, Period, ReportRequest};
/// use chrono::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let report = activity_report(&[], &ReportRequest::new(Period::new(d(2023, 1, 1), d(2023, 12, 31))?))?;
/// assert!(report.rows.is_empty()); // no group has an interview in the period
/// # Ok::<(), patient_partner::Error>(())
/// ```
pub fn activity_report(
    interviews: &[Interview],
    request: &ReportRequest,
) -> Result<ActivityReport, ReportError> {
    let mut builder = ActivityReportBuilder::new(request)?;
    builder.extend(interviews)?;
    Ok(builder.finish())
}

/// The activity report of `interviews` and `activities` (in any order) for `request`: the
/// interview columns of [`activity_report`] and, on every row, the activities of each
/// [`ActivityCategory`] (count, minutes, participants), with the same buckets, coverage
/// and disclosure control. A group with activities and no interview has a table too.
///
/// ```
/// use patient_partner::activity::{Activity, ActivityModality};
/// use patient_partner::mission::{ActivityCategory, Mission};
/// use patient_partner::report::{activity_report_with, Period, ReportRequest};
/// use patient_partner::{ActivityId, PartnerId};
/// use chrono::NaiveDate;
/// let committee = Activity::new(ActivityId::new("ACT-2")?, NaiveDate::from_ymd_opt(2023, 3, 2).unwrap(),
///     PartnerId::new("PP-007")?, Mission::CommitteeParticipation, ActivityModality::Video, 120);
/// let report = activity_report_with(&[], &[committee], &ReportRequest::new(Period::year(2023).unwrap()))?;
/// let governance = report.totals[0].activities.iter()
///     .find(|a| a.category == ActivityCategory::Governance).unwrap();
/// assert_eq!((governance.activities, governance.minutes), (Some(1), Some(120)));
/// # Ok::<(), patient_partner::Error>(())
/// ```
pub fn activity_report_with(
    interviews: &[Interview],
    activities: &[Activity],
    request: &ReportRequest,
) -> Result<ActivityReport, ReportError> {
    let mut builder = ActivityReportBuilder::new(request)?;
    builder.extend(interviews)?;
    builder.extend_activities(activities)?;
    Ok(builder.finish())
}

/// The activity report of a journal: its interviews and its activities
/// ([`activity_report_with`]), read in place.
pub fn journal_report(
    journal: &crate::journal::Journal,
    request: &ReportRequest,
) -> Result<ActivityReport, ReportError> {
    activity_report_with(journal.interviews(), journal.activities(), request)
}
