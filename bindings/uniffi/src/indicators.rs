//! Indicators as typed records: the catalogue of definitions (the core's own type) and each
//! indicator's value (mirrors with signed counts). The indicators over interviews take a list
//! of interviews or run on a [`Journal`] in place; those over referrals and activities run
//! on the journal.

use patient_partner as pp;
use patient_partner::indicators::{self, IndicatorDefinition, IndicatorUnit, SourceKind};
use patient_partner::mission::ExtraClinicalArea;
use patient_partner::referral::Profession;

use crate::error::{guard, FfiResult};
use crate::journal::Journal;
use crate::records::{count, to_core_activities, Activity};
use crate::values::{to_core_interviews, Interview, Period};

/// One indicator of the catalogue: its id, names, definition and unit.
#[uniffi::remote(Record)]
pub struct IndicatorDefinition {
    /// The stable id (`remote_share`…).
    pub id: String,
    /// Its English name.
    pub name_en: String,
    /// Its French name.
    pub name_fr: String,
    /// How it is computed (English).
    pub definition: String,
    /// How it is computed (French), when written.
    pub definition_fr: Option<String>,
    /// Count, ratio, days…
    pub unit: IndicatorUnit,
}

/// The built-in indicator catalogue, in catalogue order.
#[uniffi::export]
pub fn indicator_catalogue() -> FfiResult<Vec<IndicatorDefinition>> {
    guard(|| {
        Ok(indicators::IndicatorCatalogue::builtin()
            .indicators()
            .to_vec())
    })
}

/// A share `numerator / denominator`, both kept so it can be re-aggregated.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct Ratio {
    /// The items that qualify.
    pub numerator: i64,
    /// The population.
    pub denominator: i64,
    /// `numerator / denominator`; `null` when the denominator is 0.
    pub value: Option<f64>,
}

impl From<indicators::Ratio> for Ratio {
    fn from(r: indicators::Ratio) -> Self {
        Ratio {
            numerator: count(r.numerator),
            denominator: count(r.denominator),
            value: r.value,
        }
    }
}

/// Interviews by modality, their total and the distinct patients seen in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ActivityCounts {
    /// Interviews in person.
    pub interviews_in_person: i64,
    /// Interviews by phone.
    pub interviews_by_phone: i64,
    /// Interviews by video.
    pub interviews_by_video: i64,
    /// All interviews.
    pub interviews_total: i64,
    /// Distinct patients seen.
    pub patients_seen: i64,
}

impl From<indicators::ActivityCounts> for ActivityCounts {
    fn from(c: indicators::ActivityCounts) -> Self {
        ActivityCounts {
            interviews_in_person: count(c.interviews_in_person),
            interviews_by_phone: count(c.interviews_by_phone),
            interviews_by_video: count(c.interviews_by_video),
            interviews_total: count(c.interviews_total),
            patients_seen: count(c.patients_seen),
        }
    }
}

/// The delay from a referral's receipt to its first interview, over the referrals received
/// in a period (nearest-rank median and 90th percentile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ReferralDelay {
    /// Referrals received within the period.
    pub referrals: i64,
    /// Of those, referrals with at least one interview (the population of the statistics).
    pub with_interview: i64,
    /// Of those, referrals without any interview yet (left out of the statistics).
    pub without_interview: i64,
    /// Median delay in days; `null` when no referral has an interview.
    pub median_days: Option<i64>,
    /// 90th percentile of the delay in days; `null` likewise.
    pub p90_days: Option<i64>,
}

impl From<indicators::ReferralDelay> for ReferralDelay {
    fn from(d: indicators::ReferralDelay) -> Self {
        ReferralDelay {
            referrals: count(d.referrals),
            with_interview: count(d.with_interview),
            without_interview: count(d.without_interview),
            median_days: d.median_days,
            p90_days: d.p90_days,
        }
    }
}

/// One source's part of the referrals received in a period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SourceShare {
    /// Referring physician or care team.
    pub source: SourceKind,
    /// The profession, for care-team sources.
    pub profession: Option<Profession>,
    /// Referrals from this source, and their share of all referrals received.
    pub share: Ratio,
}

/// The share of each source among the referrals received in a period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ReferralSources {
    /// Referrals received within the period.
    pub referrals: i64,
    /// One entry per source seen: the referring physician first, then care-team
    /// professions in vocabulary order.
    pub sources: Vec<SourceShare>,
}

impl From<indicators::ReferralSources> for ReferralSources {
    fn from(s: indicators::ReferralSources) -> Self {
        ReferralSources {
            referrals: count(s.referrals),
            sources: s
                .sources
                .into_iter()
                .map(|x| SourceShare {
                    source: x.source,
                    profession: x.profession,
                    share: x.share.into(),
                })
                .collect(),
        }
    }
}

/// The activities of one extra-clinical area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct AreaCount {
    /// The area.
    pub area: ExtraClinicalArea,
    /// Its activities.
    pub activities: i64,
    /// Their minutes.
    pub minutes: i64,
}

/// The extra-clinical activities of a period, by area.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ExtraClinicalActivities {
    /// All extra-clinical activities.
    pub activities: i64,
    /// Their minutes.
    pub minutes: i64,
    /// One entry per area with activities, in vocabulary order.
    pub by_area: Vec<AreaCount>,
}

impl From<indicators::ExtraClinicalActivities> for ExtraClinicalActivities {
    fn from(e: indicators::ExtraClinicalActivities) -> Self {
        ExtraClinicalActivities {
            activities: count(e.activities),
            minutes: count(e.minutes),
            by_area: e
                .by_area
                .into_iter()
                .map(|a| AreaCount {
                    area: a.area,
                    activities: count(a.activities),
                    minutes: count(a.minutes),
                })
                .collect(),
        }
    }
}

fn with_interviews<T>(
    interviews: Vec<Interview>,
    period: Period,
    f: impl FnOnce(&[pp::Interview], &pp::report::Period) -> T,
) -> FfiResult<T> {
    guard(|| {
        let interviews = to_core_interviews(interviews)?;
        let period = pp::report::Period::try_from(period)?;
        Ok(f(&interviews, &period))
    })
}

/// Interviews by modality, total and distinct patients of `interviews` in `period`.
#[uniffi::export]
pub fn activity_counts(interviews: Vec<Interview>, period: Period) -> FfiResult<ActivityCounts> {
    with_interviews(interviews, period, |i, p| {
        indicators::activity_counts(i, p).into()
    })
}

/// Interviews per patient of `interviews` in `period` (a ratio).
#[uniffi::export]
pub fn interviews_per_patient(interviews: Vec<Interview>, period: Period) -> FfiResult<Ratio> {
    with_interviews(interviews, period, |i, p| {
        indicators::interviews_per_patient(i, p).into()
    })
}

/// The remote share (phone and video over all interviews) of `interviews` in `period`.
#[uniffi::export]
pub fn remote_share(interviews: Vec<Interview>, period: Period) -> FfiResult<Ratio> {
    with_interviews(interviews, period, |i, p| {
        indicators::remote_share(i, p).into()
    })
}

/// The extra-clinical activities of `activities` in `period`, by area.
#[uniffi::export]
pub fn extra_clinical_activities(
    activities: Vec<Activity>,
    period: Period,
) -> FfiResult<ExtraClinicalActivities> {
    guard(|| {
        let activities = to_core_activities(activities)?;
        let period = pp::report::Period::try_from(period)?;
        Ok(indicators::extra_clinical_activities(&activities, &period).into())
    })
}

/// The indicators of a journal, computed in place.
#[uniffi::export]
impl Journal {
    /// Interviews by modality, total and distinct patients in `period`.
    pub fn activity_counts(&self, period: Period) -> FfiResult<ActivityCounts> {
        self.indicator(period, |j, p| {
            indicators::activity_counts(j.interviews(), p).into()
        })
    }

    /// Interviews per patient in `period` (a ratio).
    pub fn interviews_per_patient(&self, period: Period) -> FfiResult<Ratio> {
        self.indicator(period, |j, p| {
            indicators::interviews_per_patient(j.interviews(), p).into()
        })
    }

    /// The remote share of the interviews in `period`.
    pub fn remote_share(&self, period: Period) -> FfiResult<Ratio> {
        self.indicator(period, |j, p| {
            indicators::remote_share(j.interviews(), p).into()
        })
    }

    /// The delay from receipt to first interview of the referrals received in `period`.
    pub fn referral_delay(&self, period: Period) -> FfiResult<ReferralDelay> {
        self.indicator(period, |j, p| indicators::referral_delay(j, p).into())
    }

    /// The share of each source among the referrals received in `period`.
    pub fn referral_sources(&self, period: Period) -> FfiResult<ReferralSources> {
        self.indicator(period, |j, p| indicators::referral_sources(j, p).into())
    }

    /// Of the closed referrals received in `period`, the share whose closing recorded an
    /// orientation (or the outcome `oriented`).
    pub fn orientation_rate(&self, period: Period) -> FfiResult<Ratio> {
        self.indicator(period, |j, p| indicators::orientation_rate(j, p).into())
    }

    /// Of the referrals received in `period`, the share that is declined.
    pub fn decline_rate(&self, period: Period) -> FfiResult<Ratio> {
        self.indicator(period, |j, p| indicators::decline_rate(j, p).into())
    }

    /// The journal's extra-clinical activities in `period`, by area.
    pub fn extra_clinical_activities(&self, period: Period) -> FfiResult<ExtraClinicalActivities> {
        self.indicator(period, |j, p| {
            indicators::extra_clinical_activities(j.activities(), p).into()
        })
    }
}

impl Journal {
    fn indicator<T>(
        &self,
        period: Period,
        f: impl FnOnce(&pp::Journal, &pp::report::Period) -> T,
    ) -> FfiResult<T> {
        guard(|| {
            let period = pp::report::Period::try_from(period)?;
            Ok(self.with_core(|j| f(j, &period)))
        })
    }
}
