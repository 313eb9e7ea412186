//! The contract calendar of a post: its terms, their longest possible ends, the renewal
//! window and the last possible end under the programme.
//!
//! For a role with `contract_years = N`, `renewals_allowed = R` and
//! `renewal_window_months = W` (see [`super::dates`] for how days, years and months count):
//! - **terms**: the initial contract (`start`..`end`), then one per renewal, starting the day
//!   after the previous term's end. Each term has a `max_end`, the day before the anniversary
//!   of its start N years later, and a [`TermStatus`]: `within_programme`, `too_long` (its
//!   end is after `max_end`), or `beyond_renewal_limit` (a renewal numbered above R).
//! - **renewal window** of a term: from W months before its last day to that day, both
//!   included. The calendar gives the window of the current (last) term when a renewal
//!   remains, `null` otherwise.
//! - **last possible end**: if renewals remain, the current term's end followed by as many
//!   full terms as remain (each starting the day after the previous one ends); otherwise the
//!   funded end of the last term the programme accepts (term R + 1, its `end` capped at its
//!   `max_end`).
//!
//! ```
//! use patient_partner::policy::{Policy, Post};
//! let post = Post::from_json(r#"{"id": "POST-01", "establishment": "EST-01",
//!   "partner": "PP-001", "role": "patient_partner", "start": "2021-09-01",
//!   "end": "2024-08-31", "fte_permille": 500, "gross_annual_pay_cents": 2400000}"#)?;
//! let cal = Policy::builtin().contract_calendar(&post)?;
//! let window = cal.renewal_window.unwrap();
//! assert_eq!(window.opens.to_string(), "2024-02-29");
//! assert_eq!(cal.last_possible_end.to_string(), "2027-08-31");
//! # Ok::<(), patient_partner::Error>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dates::{max_end_of_term, months_before, next_day};
use super::document::{Policy, PostRules};
use super::error::{PolicyError, PolicyErrorKind as K};
use super::post::{Post, PostRole};
use crate::ids::PostId;

crate::bilingual_enum! {
    /// Where a term stands against the programme's contract rules.
    pub enum TermStatus {
        /// Within the contract length and the renewals allowed.
        WithinProgramme => "within_programme", "within the programme", "dans le cadre du programme",
        /// Longer than the contract length.
        TooLong => "too_long", "longer than allowed", "plus long que permis",
        /// A renewal beyond the number allowed.
        BeyondRenewalLimit => "beyond_renewal_limit", "beyond the renewals allowed", "au-delà des renouvellements permis",
    }
}

/// When a renewal may be decided: `opens` to `closes`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct RenewalWindow {
    /// The first day.
    pub opens: NaiveDate,
    /// The last day (the term's last day).
    pub closes: NaiveDate,
}

/// One term of a contract.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct ContractTerm {
    /// 1 for the initial contract, 2 for the first renewal…
    pub number: u32,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day.
    pub end: NaiveDate,
    /// The latest last day the contract length allows.
    pub max_end: NaiveDate,
    /// When it was decided (renewals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_on: Option<NaiveDate>,
    /// Within the programme, too long, or beyond the renewal limit.
    pub status: TermStatus,
}

/// The calendar of a post's contract (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct ContractCalendar {
    /// The post.
    pub post: PostId,
    /// Its kind.
    pub role: PostRole,
    /// The terms, in order.
    pub terms: Vec<ContractTerm>,
    /// Renewals the programme accepts.
    pub renewals_allowed: u32,
    /// Renewals recorded.
    pub renewals_used: u32,
    /// Renewals still possible (0 when as many or more were used).
    pub renewals_remaining: u32,
    /// The window of the current term's renewal, when one remains.
    pub renewal_window: Option<RenewalWindow>,
    /// The latest day the post can run under the programme.
    pub last_possible_end: NaiveDate,
}

pub(crate) fn out_of_range(post: &Post, field: &str) -> PolicyError {
    PolicyError::new(K::DateOutOfRange)
        .entity(post.id.as_str())
        .field(field)
}

/// The renewal window of a term ending on `end`.
pub(crate) fn window(rules: &PostRules, end: NaiveDate) -> Option<RenewalWindow> {
    Some(RenewalWindow {
        opens: months_before(end, rules.renewal_window_months)?,
        closes: end,
    })
}

impl Policy {
    /// The calendar of `post` (validated first; `role_not_in_policy` if the policy does not
    /// fund its kind; `date_out_of_range` near the end of the calendar).
    pub fn contract_calendar(&self, post: &Post) -> Result<ContractCalendar, PolicyError> {
        post.validate()?;
        let rules = self.rules_for_post(post)?;
        let mut terms = Vec::new();
        for (i, (start, end)) in post.terms().into_iter().enumerate() {
            let number = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
            let max_end = max_end_of_term(start, rules.contract_years)
                .ok_or_else(|| out_of_range(post, "end"))?;
            let status = if number > rules.renewals_allowed.saturating_add(1) {
                TermStatus::BeyondRenewalLimit
            } else if end > max_end {
                TermStatus::TooLong
            } else {
                TermStatus::WithinProgramme
            };
            terms.push(ContractTerm {
                number,
                start,
                end,
                max_end,
                decided_on: i
                    .checked_sub(1)
                    .and_then(|r| post.renewals.get(r))
                    .map(|r| r.decided_on),
                status,
            });
        }
        let used = u32::try_from(post.renewals.len()).unwrap_or(u32::MAX);
        let remaining = rules.renewals_allowed.saturating_sub(used);
        let last_end = post.last_end();
        let (renewal_window, last_possible_end) = if remaining > 0 {
            let w = window(rules, last_end).ok_or_else(|| out_of_range(post, "end"))?;
            let mut end = last_end;
            for _ in 0..remaining {
                let start = next_day(end).ok_or_else(|| out_of_range(post, "end"))?;
                end = max_end_of_term(start, rules.contract_years)
                    .ok_or_else(|| out_of_range(post, "end"))?;
            }
            (Some(w), end)
        } else {
            let last_accepted = usize::try_from(rules.renewals_allowed).unwrap_or(usize::MAX);
            let end = terms
                .get(last_accepted)
                .or(terms.last())
                .map_or(post.end, |t| t.end.min(t.max_end));
            (None, end)
        };
        Ok(ContractCalendar {
            post: post.id.clone(),
            role: post.role,
            terms,
            renewals_allowed: rules.renewals_allowed,
            renewals_used: used,
            renewals_remaining: remaining,
            renewal_window,
            last_possible_end,
        })
    }
}

/// The days the programme funds: for each accepted term (number ≤ renewals + 1), its start
/// to its end capped at its `max_end`.
pub(crate) fn funded_periods(calendar: &ContractCalendar) -> Vec<(NaiveDate, NaiveDate)> {
    calendar
        .terms
        .iter()
        .filter(|t| t.status != TermStatus::BeyondRenewalLimit)
        .map(|t| (t.start, t.end.min(t.max_end)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::post::Renewal;
    use crate::{EstablishmentId, PartnerId};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn post(start: NaiveDate, end: NaiveDate) -> Post {
        Post::new(
            PostId::new("POST-1").unwrap(),
            EstablishmentId::new("EST-1").unwrap(),
            PartnerId::new("PP-001").unwrap(),
            PostRole::PatientPartner,
            start,
            end,
            500,
            1_000_000,
        )
    }

    #[test]
    fn leap_day_start() {
        let p = post(d(2024, 2, 29), d(2027, 2, 28));
        let c = Policy::builtin().contract_calendar(&p).unwrap();
        assert_eq!(c.terms[0].max_end, d(2027, 2, 28));
        assert_eq!(c.terms[0].status, TermStatus::WithinProgramme);
        assert_eq!(c.last_possible_end, d(2030, 2, 28));
        assert_eq!(
            c.renewal_window,
            Some(RenewalWindow {
                opens: d(2026, 8, 28),
                closes: d(2027, 2, 28)
            })
        );
    }

    #[test]
    fn second_renewal_is_beyond_the_limit() {
        let mut p = post(d(2021, 9, 1), d(2024, 8, 31));
        p.renewals = vec![
            Renewal {
                decided_on: d(2024, 7, 1),
                end: d(2027, 8, 31),
            },
            Renewal {
                decided_on: d(2027, 7, 1),
                end: d(2030, 8, 31),
            },
        ];
        let c = Policy::builtin().contract_calendar(&p).unwrap();
        assert_eq!(c.renewals_remaining, 0);
        assert_eq!(c.terms[2].status, TermStatus::BeyondRenewalLimit);
        assert_eq!(c.renewal_window, None);
        assert_eq!(c.last_possible_end, d(2027, 8, 31));
        assert_eq!(funded_periods(&c).len(), 2);
    }
}
