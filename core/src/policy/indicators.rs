//! Programme indicators for a set of posts and a calendar year.
//!
//! Definitions (year `Y`, `D` = its number of days, 365 or 366):
//! - a post is **active** in `Y` when its contract (`start` to its last term's end) has at
//!   least one day in `Y`; `active_days` is that number of days;
//! - `funded_days`: the active days that the programme funds (days of accepted terms, each
//!   capped at its `max_end`; see [`super::calendar`]); the other active days (a refused
//!   renewal, a term running past its length) are outside the programme;
//! - **pay of the year** of a post: `round(P × active_days / D)`, `P` its gross annual pay,
//!   and of its funded days `round(P × funded_days / D)` (halves up). The funded pay is split
//!   like an annual pay ([`super::cofinancing`]): agency, establishment within the limit,
//!   outside the limit; the pay of the unfunded days adds to `outside_programme_cents`. So
//!   for each post and in total, `agency + establishment + outside_programme == pay`;
//! - `total_fte_permille`: the sum of the working times of active posts;
//!   `prorated_fte_permille`: the sum of `round(fte × active_days / D)`;
//! - `establishments`: the establishments with an active post, sorted; `by_establishment`
//!   gives the same counts and amounts per establishment, in that order;
//! - **renewal calendar**: one entry per term of any given post whose last day falls in `Y`,
//!   sorted by that day then post id: [`NextStep`] `renewed` (a later term exists),
//!   `renewal_possible` (a renewal remains: the entry has the renewal `window`) or
//!   `final_end`.
//!
//! Every post is validated first (first error wins); a kind of post the policy does not fund
//! is `role_not_in_policy`; a year outside 1900..=2200 is `invalid_year`.
//!
//! ```
//! use patient_partner::policy::{Policy, Post};
//! let post = Post::from_json(r#"{"id": "POST-01", "establishment": "EST-01",
//!   "partner": "PP-001", "role": "patient_partner", "start": "2021-09-01",
//!   "end": "2024-08-31", "fte_permille": 500, "gross_annual_pay_cents": 3650000}"#)?;
//! let ind = Policy::builtin().programme_indicators(&[post], 2021)?;
//! assert_eq!(ind.totals.pay_cents, 1_220_000); // 122 days of 365
//! assert_eq!(ind.totals.agency_cents, 610_000);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::calendar::{funded_periods, window, RenewalWindow};
use super::cofinancing::{mul_div_round, split};
use super::dates::overlap_days;
use super::document::Policy;
use super::error::{PolicyError, PolicyErrorKind as K};
use super::post::Post;
use crate::ids::{EstablishmentId, PostId};

crate::bilingual_enum! {
    /// What follows the end of a term.
    pub enum NextStep {
        /// The contract was renewed.
        Renewed => "renewed", "renewed", "renouvelé",
        /// A renewal is still possible.
        RenewalPossible => "renewal_possible", "renewal possible", "renouvellement possible",
        /// No renewal remains: the post ends.
        FinalEnd => "final_end", "final end", "fin définitive",
    }
}

/// Counts and amounts of a set of posts in a year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// Active posts.
    pub posts: u32,
    /// Sum of the working times of active posts, in thousandths.
    pub total_fte_permille: i64,
    /// Sum of the working times pro rata of the active days.
    pub prorated_fte_permille: i64,
    /// Pay of the year, in cents.
    pub pay_cents: i64,
    /// The agency's part.
    pub agency_cents: i64,
    /// The establishments' part within the programme.
    pub establishment_cents: i64,
    /// Outside the programme (beyond the working-time limit, or days it does not fund).
    pub outside_programme_cents: i64,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.posts += other.posts;
        self.total_fte_permille += other.total_fte_permille;
        self.prorated_fte_permille += other.prorated_fte_permille;
        self.pay_cents += other.pay_cents;
        self.agency_cents += other.agency_cents;
        self.establishment_cents += other.establishment_cents;
        self.outside_programme_cents += other.outside_programme_cents;
    }
}

/// The totals of one establishment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct EstablishmentTotals {
    /// The establishment.
    pub establishment: EstablishmentId,
    /// Its counts and amounts.
    #[serde(flatten)]
    pub totals: Totals,
}

/// One term ending in the year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct CalendarEntry {
    /// The post.
    pub post: PostId,
    /// Its establishment.
    pub establishment: EstablishmentId,
    /// The term (1 = initial contract).
    pub term: u32,
    /// The term's last day.
    pub term_end: NaiveDate,
    /// What follows.
    pub next: NextStep,
    /// The renewal window (`renewal_possible` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<RenewalWindow>,
}

/// The programme indicators of a year (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammeIndicators {
    /// The year.
    pub year: i32,
    /// Establishments with an active post, sorted.
    pub establishments: Vec<EstablishmentId>,
    /// Counts and amounts of all active posts.
    #[serde(flatten)]
    pub totals: Totals,
    /// The same per establishment.
    pub by_establishment: Vec<EstablishmentTotals>,
    /// Terms ending in the year.
    pub renewal_calendar: Vec<CalendarEntry>,
}

impl Policy {
    /// The indicators of `posts` in `year` (see the [module](self) docs).
    pub fn programme_indicators(
        &self,
        posts: &[Post],
        year: i32,
    ) -> Result<ProgrammeIndicators, PolicyError> {
        if !(1900..=2200).contains(&year) {
            return Err(PolicyError::new(K::InvalidYear { year })
                .entity("ProgrammeIndicators")
                .field("year"));
        }
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(PolicyError::new(K::InvalidYear { year })
                .entity("ProgrammeIndicators")
                .field("year"));
        };
        let mut seen = std::collections::BTreeSet::new();
        for post in posts {
            if !seen.insert(&post.id) {
                return Err(PolicyError::new(K::DuplicatePost {
                    post: post.id.to_string(),
                })
                .entity(post.id.as_str())
                .field("id"));
            }
        }
        let days_in_year = (last - first).num_days() + 1;
        let mut by_est: BTreeMap<EstablishmentId, Totals> = BTreeMap::new();
        let mut calendar_entries = Vec::new();
        for post in posts {
            let calendar = self.contract_calendar(post)?;
            let rules = self.rules_for_post(post)?;
            for (i, term) in calendar.terms.iter().enumerate() {
                if term.end < first || term.end > last {
                    continue;
                }
                let is_last = i + 1 == calendar.terms.len();
                let (next, w) = if !is_last {
                    (NextStep::Renewed, None)
                } else if calendar.renewals_remaining > 0 {
                    (NextStep::RenewalPossible, window(rules, term.end))
                } else {
                    (NextStep::FinalEnd, None)
                };
                calendar_entries.push(CalendarEntry {
                    post: post.id.clone(),
                    establishment: post.establishment.clone(),
                    term: term.number,
                    term_end: term.end,
                    next,
                    window: w,
                });
            }
            let active = overlap_days(post.start, post.last_end(), first, last);
            if active == 0 {
                continue;
            }
            let funded: i64 = funded_periods(&calendar)
                .iter()
                .map(|(s, e)| overlap_days(*s, *e, first, last))
                .sum();
            let pay = mul_div_round(post.gross_annual_pay_cents, active, days_in_year);
            let funded_pay = mul_div_round(post.gross_annual_pay_cents, funded, days_in_year);
            let s = split(
                post.role,
                post.fte_permille,
                funded_pay,
                rules.max_fte_permille,
                rules.agency_share_percent,
            );
            let t = Totals {
                posts: 1,
                total_fte_permille: post.fte_permille,
                prorated_fte_permille: mul_div_round(post.fte_permille, active, days_in_year),
                pay_cents: pay,
                agency_cents: s.agency_cents,
                establishment_cents: s.establishment_cents,
                outside_programme_cents: s.outside_programme_cents + (pay - funded_pay),
            };
            by_est
                .entry(post.establishment.clone())
                .or_default()
                .add(&t);
        }
        calendar_entries
            .sort_by(|a, b| (a.term_end, &a.post, a.term).cmp(&(b.term_end, &b.post, b.term)));
        let mut totals = Totals::default();
        for t in by_est.values() {
            totals.add(t);
        }
        Ok(ProgrammeIndicators {
            year,
            establishments: by_est.keys().cloned().collect(),
            totals,
            by_establishment: by_est
                .into_iter()
                .map(|(establishment, totals)| EstablishmentTotals {
                    establishment,
                    totals,
                })
                .collect(),
            renewal_calendar: calendar_entries,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::post::{PostRole, Renewal};
    use crate::PartnerId;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn post(id: &str, est: &str, start: NaiveDate, end: NaiveDate, fte: i64, pay: i64) -> Post {
        Post::new(
            PostId::new(id).unwrap(),
            EstablishmentId::new(est).unwrap(),
            PartnerId::new("PP-001").unwrap(),
            PostRole::PatientPartner,
            start,
            end,
            fte,
            pay,
        )
    }

    #[test]
    fn refused_renewal_days_are_outside() {
        let mut p = post("P1", "E1", d(2021, 9, 1), d(2024, 8, 31), 500, 3_660_000);
        p.renewals = vec![
            Renewal {
                decided_on: d(2024, 7, 1),
                end: d(2027, 8, 31),
            },
            Renewal {
                decided_on: d(2027, 7, 1),
                end: d(2028, 12, 31),
            },
        ];
        let ind = Policy::builtin().programme_indicators(&[p], 2028).unwrap();
        assert_eq!(ind.totals.pay_cents, 3_660_000);
        assert_eq!(ind.totals.agency_cents, 0);
        assert_eq!(ind.totals.outside_programme_cents, 3_660_000);
        assert!(ind.renewal_calendar.iter().all(|e| e.term == 3));
        assert_eq!(ind.renewal_calendar[0].next, NextStep::FinalEnd);
    }

    #[test]
    fn invalid_year() {
        let e = Policy::builtin()
            .programme_indicators(&[], 1899)
            .unwrap_err();
        assert_eq!(e.code(), "invalid_year");
    }

    proptest! {
        #[test]
        fn amounts_add_up(
            start_offset in 0i64..2000,
            len in 0i64..2500,
            fte in 1i64..=1000,
            pay in 0i64..10_000_000_000,
            year in 2019i32..2031,
        ) {
            let start = d(2020, 1, 1) + chrono::Days::new(start_offset as u64);
            let end = start + chrono::Days::new(len as u64);
            let p = post("P1", "E1", start, end, fte, pay);
            let ind = Policy::builtin().programme_indicators(&[p], year).unwrap();
            let t = &ind.totals;
            prop_assert_eq!(t.agency_cents + t.establishment_cents + t.outside_programme_cents, t.pay_cents);
            prop_assert!(t.pay_cents <= pay);
        }
    }
}
