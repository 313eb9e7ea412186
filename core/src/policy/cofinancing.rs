//! Co-financing: how a post's pay splits between the agency, the establishment, and what
//! lies outside the programme.
//!
//! For a role with limit `L = max_fte_permille` and agency share `s = agency_share_percent`,
//! a pay `P` (cents, at the post's working time `f` ‰):
//!
//! ```text
//! funded_fte          = min(f, L)
//! within_limit        = P                                   if f ≤ L
//!                     = round(P × L / f)                    otherwise
//! outside_programme   = P − within_limit                    (the establishment's alone)
//! agency              = round(within_limit × s / 100)
//! establishment       = within_limit − agency               (its share within the limit)
//! establishment_total = establishment + outside_programme
//! ```
//!
//! `round` is to the nearest cent, halves rounded up (all amounts are non-negative), computed
//! in 128-bit integers, so `agency + establishment + outside_programme == pay` exactly (the
//! odd cent of an odd pay split 50/50 goes to the agency's half, rounded up).
//!
//! ```
//! use patient_partner::policy::{Policy, PostRole};
//! let policy = Policy::builtin();
//! // 0.6 FTE paid 30,000.00 €: 25,000.00 € within half-time, 5,000.00 € outside.
//! let s = policy.cofinancing_split(PostRole::PatientPartner, 600, 3_000_000)?;
//! assert_eq!((s.within_limit_cents, s.outside_programme_cents), (2_500_000, 500_000));
//! assert_eq!((s.agency_cents, s.establishment_cents), (1_250_000, 1_250_000));
//! assert_eq!(s.establishment_total_cents, 1_750_000);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::document::Policy;
use super::error::PolicyError;
use super::post::{check_fte, check_pay, Post, PostRole};

/// The split of a pay (see the [module](self) docs for the formula).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct CofinancingSplit {
    /// The kind of post.
    pub role: PostRole,
    /// The pay that was split, in cents.
    pub pay_cents: i64,
    /// The post's working time, in thousandths.
    pub fte_permille: i64,
    /// The working-time limit of the programme, in thousandths.
    pub max_fte_permille: i64,
    /// The working time the programme co-finances: `min(fte, limit)`.
    pub funded_fte_permille: i64,
    /// The pay of the funded working time.
    pub within_limit_cents: i64,
    /// The agency's part.
    pub agency_cents: i64,
    /// The establishment's part within the limit.
    pub establishment_cents: i64,
    /// The pay beyond the limit, outside the programme (paid by the establishment alone).
    pub outside_programme_cents: i64,
    /// All the establishment pays: its part within the limit plus what lies outside.
    pub establishment_total_cents: i64,
}

/// `round(a × b / c)`, halves up, for non-negative `a`, `b` and positive `c`.
pub(crate) fn mul_div_round(a: i64, b: i64, c: i64) -> i64 {
    let (a, b, c) = (i128::from(a), i128::from(b), i128::from(c.max(1)));
    let q = (a * b + c / 2) / c;
    i64::try_from(q).unwrap_or(i64::MAX)
}

impl Policy {
    /// Splits `pay_cents` of a `role` post working `fte_permille`. Errors: `invalid_fte`,
    /// `negative_pay` (entity `CofinancingSplit`), `role_not_in_policy`.
    pub fn cofinancing_split(
        &self,
        role: PostRole,
        fte_permille: i64,
        pay_cents: i64,
    ) -> Result<CofinancingSplit, PolicyError> {
        check_fte(fte_permille, "CofinancingSplit")?;
        check_pay(pay_cents, "CofinancingSplit")?;
        let rules = self.post_rules(role)?;
        Ok(split(
            role,
            fte_permille,
            pay_cents,
            rules.max_fte_permille,
            rules.agency_share_percent,
        ))
    }

    /// Splits the gross annual pay of `post` (validated first).
    pub fn post_split(&self, post: &Post) -> Result<CofinancingSplit, PolicyError> {
        post.validate()?;
        let rules = self.rules_for_post(post)?;
        Ok(split(
            post.role,
            post.fte_permille,
            post.gross_annual_pay_cents,
            rules.max_fte_permille,
            rules.agency_share_percent,
        ))
    }
}

/// The formula, on checked inputs.
pub(crate) fn split(
    role: PostRole,
    fte_permille: i64,
    pay_cents: i64,
    max_fte_permille: i64,
    agency_share_percent: i64,
) -> CofinancingSplit {
    let funded = fte_permille.min(max_fte_permille);
    let within = if fte_permille <= max_fte_permille {
        pay_cents
    } else {
        mul_div_round(pay_cents, max_fte_permille, fte_permille)
    };
    let outside = pay_cents - within;
    let agency = mul_div_round(within, agency_share_percent, 100);
    let establishment = within - agency;
    CofinancingSplit {
        role,
        pay_cents,
        fte_permille,
        max_fte_permille,
        funded_fte_permille: funded,
        within_limit_cents: within,
        agency_cents: agency,
        establishment_cents: establishment,
        outside_programme_cents: outside,
        establishment_total_cents: establishment + outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn boundaries() {
        let p = Policy::builtin();
        let s = p
            .cofinancing_split(PostRole::PatientPartner, 500, 2_000_001)
            .unwrap();
        assert_eq!(s.outside_programme_cents, 0);
        assert_eq!(
            (s.agency_cents, s.establishment_cents),
            (1_000_001, 1_000_000)
        );
        let s = p
            .cofinancing_split(PostRole::PatientPartner, 501, 2_004_000)
            .unwrap();
        assert_eq!(s.within_limit_cents, 2_000_000);
        assert_eq!(s.outside_programme_cents, 4_000);
        assert_eq!(
            p.cofinancing_split(PostRole::ParentPartner, 0, 1)
                .unwrap_err()
                .code(),
            "invalid_fte"
        );
        assert_eq!(
            p.cofinancing_split(PostRole::ParentPartner, 1, -1)
                .unwrap_err()
                .code(),
            "negative_pay"
        );
    }

    proptest! {
        #[test]
        fn parts_add_up_to_the_pay(
            fte in 1i64..=1000,
            limit in 1i64..=1000,
            share in 0i64..=100,
            pay in 0i64..=i64::MAX / 2,
        ) {
            let s = split(PostRole::PatientPartner, fte, pay, limit, share);
            prop_assert_eq!(s.agency_cents + s.establishment_cents + s.outside_programme_cents, pay);
            prop_assert!(s.agency_cents >= 0 && s.establishment_cents >= 0 && s.outside_programme_cents >= 0);
            prop_assert_eq!(s.establishment_total_cents, pay - s.agency_cents);
            if fte <= limit {
                prop_assert_eq!(s.outside_programme_cents, 0);
            }
            // The agency never pays more than its share of the whole pay (+ half a cent).
            prop_assert!(i128::from(s.agency_cents) * 100 <= i128::from(pay) * i128::from(share) + 50);
        }
    }
}
