//! Indicators of referrals, computed from a consistent [`Journal`] (so that no interview
//! predates its referral and every state was reached by allowed transitions). The
//! population is always the referrals **received within the period**; what happened to them
//! afterwards counts whatever its date.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::values::{nearest_rank_percentile, Ratio};
use crate::journal::{Journal, ReferralRecord};
use crate::referral::{Profession, ReferralEvent, ReferralOutcome, ReferralSource, ReferralState};
use crate::report::Period;

fn received_in<'a>(
    journal: &'a Journal,
    period: &'a Period,
) -> impl Iterator<Item = &'a ReferralRecord> {
    journal
        .referrals()
        .filter(move |r| period.contains(r.referral().received))
}

/// Indicators `referral_to_first_interview_median_days` and `..._p90_days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReferralDelay {
    /// Referrals received within the period.
    pub referrals: u64,
    /// Of those, referrals with at least one interview (the population of the statistics).
    pub with_interview: u64,
    /// Of those, referrals without any interview yet (left out of the statistics).
    pub without_interview: u64,
    /// Median delay in days (nearest rank); `null` when no referral has an interview.
    pub median_days: Option<i64>,
    /// 90th percentile of the delay in days (nearest rank); `null` likewise.
    pub p90_days: Option<i64>,
}

/// The delay from receipt to first interview of the referrals received within `period`.
pub fn referral_delay(journal: &Journal, period: &Period) -> ReferralDelay {
    let mut delays = Vec::new();
    let mut referrals = 0;
    for record in received_in(journal, period) {
        referrals += 1;
        let referral = record.referral();
        if let Some(first) = journal.interviews_for(&referral.id).map(|i| i.date).min() {
            delays.push((first - referral.received).num_days());
        }
    }
    let with_interview = delays.len() as u64;
    ReferralDelay {
        referrals,
        with_interview,
        without_interview: referrals - with_interview,
        median_days: nearest_rank_percentile(&delays, 50),
        p90_days: nearest_rank_percentile(&delays, 90),
    }
}

crate::bilingual_enum! {
    /// The kind of source of a referral.
    pub enum SourceKind {
        /// The patient's referring physician.
        ReferringPhysician => "referring_physician", "referring physician", "médecin référent",
        /// A professional of the care team.
        CareTeam => "care_team", "care team professional", "professionnel de l'équipe de soins",
    }
}

/// One source's part of the referrals.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SourceShare {
    /// Referring physician or care team.
    pub source: SourceKind,
    /// The profession, for care-team sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profession: Option<Profession>,
    /// Referrals from this source, and their share of all referrals received.
    pub share: Ratio,
}

/// Indicator `referral_source_share`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReferralSources {
    /// Referrals received within the period.
    pub referrals: u64,
    /// One entry per source seen: the referring physician first, then care-team
    /// professions in vocabulary order.
    pub sources: Vec<SourceShare>,
}

/// The share of each source among the referrals received within `period`.
pub fn referral_sources(journal: &Journal, period: &Period) -> ReferralSources {
    let mut counts: BTreeMap<(SourceKind, Option<Profession>), u64> = BTreeMap::new();
    let mut total = 0;
    for record in received_in(journal, period) {
        total += 1;
        let key = match &record.referral().source {
            ReferralSource::ReferringPhysician { .. } => (SourceKind::ReferringPhysician, None),
            ReferralSource::CareTeam { profession, .. } => {
                (SourceKind::CareTeam, Some(*profession))
            }
        };
        *counts.entry(key).or_insert(0) += 1;
    }
    ReferralSources {
        referrals: total,
        sources: counts
            .into_iter()
            .map(|((source, profession), n)| SourceShare {
                source,
                profession,
                share: Ratio::new(n, total),
            })
            .collect(),
    }
}

/// Indicator `orientation_rate`: closed referrals (received within the period) whose
/// closing recorded an orientation or the outcome `oriented`, over closed referrals.
pub fn orientation_rate(journal: &Journal, period: &Period) -> Ratio {
    let mut closed = 0;
    let mut oriented = 0;
    for record in received_in(journal, period) {
        if record.state() != ReferralState::Closed {
            continue;
        }
        closed += 1;
        let was_oriented = record.history().iter().any(|t| match &t.event {
            ReferralEvent::Close {
                outcome,
                orientations,
            } => *outcome == ReferralOutcome::Oriented || !orientations.is_empty(),
            _ => false,
        });
        if was_oriented {
            oriented += 1;
        }
    }
    Ratio::new(oriented, closed)
}

/// Indicator `decline_rate`: referrals received within the period that are declined, over
/// all referrals received within the period.
pub fn decline_rate(journal: &Journal, period: &Period) -> Ratio {
    let mut total = 0;
    let mut declined = 0;
    for record in received_in(journal, period) {
        total += 1;
        if record.state() == ReferralState::Declined {
            declined += 1;
        }
    }
    Ratio::new(declined, total)
}
