//! Salaried posts of patient partners and parent partners, and their contracts.
//!
//! A [`Post`] is one salaried post: an establishment, a partner, a [`PostRole`], the initial
//! contract's first and last day (`start`, `end`, both included), the working time and the
//! gross annual pay, the [renewals](Renewal) of the contract and the partner's
//! [training records](TrainingRecord).
//!
//! **Units.** Working time is `fte_permille`, thousandths of a full-time post (half-time is
//! `500`, quarter-time `250`; valid: 1..=1000, i.e. FTE in (0, 1]); integers keep every
//! comparison and split exact in every language. Pay is `gross_annual_pay_cents`, the gross
//! annual pay **of the post at its working time** (not a full-time equivalent) in euro cents
//! (`2_400_000` is 24,000.00 €). Both are signed so that a negative value is a typed error
//! rather than a shape error.
//!
//! **Renewals.** Each [`Renewal`] extends the contract by one term: it starts the day after
//! the previous term's end and ends on its own `end`; `decided_on` is when it was signed.
//!
//! [`Post::validate`] refuses impossible input with a [`PolicyError`] (entity: the post id),
//! checked in this order: `invalid_fte` (field `fte_permille`), `negative_pay` (field
//! `gross_annual_pay_cents`), `end_before_start` (field `end`; a one-day contract, `end ==
//! start`, is valid), then for each renewal `i` in order `renewal_before_start` (field
//! `renewals[i].decided_on`) and `renewal_end_not_after_previous` (field `renewals[i].end`),
//! then for each training record `empty_training_id` (field `trainings[i].training`).
//! Breaking a programme rule (too much working time, a second renewal…) is not an error but a
//! [finding](super::Finding).
//!
//! ```
//! use patient_partner::policy::Post;
//! let post = Post::from_json(r#"{
//!   "id": "POST-01", "establishment": "EST-01", "partner": "PP-001",
//!   "role": "patient_partner", "start": "2021-09-01", "end": "2024-08-31",
//!   "fte_permille": 500, "gross_annual_pay_cents": 2400000,
//!   "renewals": [{"decided_on": "2024-07-01", "end": "2027-08-31"}],
//!   "trainings": [{"training": "ars_na_programme_training", "completed_on": "2021-06-30"}]
//! }"#)?;
//! assert_eq!(post.last_end().to_string(), "2027-08-31");
//! let bad = r#"{"id": "POST-02", "establishment": "EST-01", "partner": "PP-002",
//!   "role": "patient_partner", "start": "2021-09-01", "end": "2021-08-31",
//!   "fte_permille": 500, "gross_annual_pay_cents": 0}"#;
//! assert_eq!(Post::from_json(bad).unwrap_err().code(), "end_before_start");
//! # Ok::<(), patient_partner::Error>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{PolicyError, PolicyErrorKind as K};
use crate::ids::{EstablishmentId, PartnerId, PostId};

/// The largest valid working time: one full-time post, in thousandths.
pub const FULL_TIME_PERMILLE: i64 = 1000;

crate::bilingual_enum! {
    /// The kind of a salaried post.
    pub enum PostRole {
        /// A patient partner in an oncology care team (*patient partenaire*).
        PatientPartner => "patient_partner", "patient partner", "patient partenaire",
        /// A parent partner in paediatric haemato-oncology (*parent partenaire*).
        ParentPartner => "parent_partner", "parent partner", "parent partenaire",
    }
}

/// One renewal of a post's contract: a new term from the day after the previous term's end
/// to `end` (included).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    /// When the renewal was decided (signed).
    pub decided_on: NaiveDate,
    /// The last day of the new term.
    pub end: NaiveDate,
}

/// A training the partner completed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRecord {
    /// The training's identifier, as declared in the policy's `trainings` (a training the
    /// policy does not declare is kept but accepted by no rule).
    pub training: String,
    /// The day it was completed.
    pub completed_on: NaiveDate,
}

/// A salaried post of a patient partner or a parent partner (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// The post's identifier.
    pub id: PostId,
    /// The establishment that employs the partner.
    pub establishment: EstablishmentId,
    /// The partner holding the post.
    pub partner: PartnerId,
    /// Patient partner or parent partner.
    pub role: PostRole,
    /// The first day of the initial contract.
    pub start: NaiveDate,
    /// The last day of the initial contract (included).
    pub end: NaiveDate,
    /// Working time in thousandths of a full-time post (1..=1000; half-time is 500).
    pub fte_permille: i64,
    /// Gross annual pay of the post at its working time, in euro cents (≥ 0).
    pub gross_annual_pay_cents: i64,
    /// Renewals of the contract, in order.
    #[serde(default)]
    pub renewals: Vec<Renewal>,
    /// Trainings the partner completed.
    #[serde(default)]
    pub trainings: Vec<TrainingRecord>,
}

impl Post {
    /// A post with no renewal and no training record (not validated: see [`Post::validate`]).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: PostId,
        establishment: EstablishmentId,
        partner: PartnerId,
        role: PostRole,
        start: NaiveDate,
        end: NaiveDate,
        fte_permille: i64,
        gross_annual_pay_cents: i64,
    ) -> Self {
        Post {
            id,
            establishment,
            partner,
            role,
            start,
            end,
            fte_permille,
            gross_annual_pay_cents,
            renewals: Vec::new(),
            trainings: Vec::new(),
        }
    }

    /// Checks the input rules of the [module](self) (first error wins).
    pub fn validate(&self) -> Result<(), PolicyError> {
        let id = self.id.as_str();
        check_fte(self.fte_permille, id)?;
        check_pay(self.gross_annual_pay_cents, id)?;
        if self.end < self.start {
            return Err(PolicyError::new(K::EndBeforeStart).entity(id).field("end"));
        }
        let mut previous_end = self.end;
        for (i, renewal) in self.renewals.iter().enumerate() {
            if renewal.decided_on < self.start {
                return Err(PolicyError::new(K::RenewalBeforeStart)
                    .entity(id)
                    .field(format!("renewals[{i}].decided_on")));
            }
            if renewal.end <= previous_end {
                return Err(PolicyError::new(K::RenewalEndNotAfterPrevious)
                    .entity(id)
                    .field(format!("renewals[{i}].end")));
            }
            previous_end = renewal.end;
        }
        check_trainings(&self.trainings, id)
    }

    /// Parses a post from JSON (`malformed_document` with line and column on a wrong shape)
    /// and validates it.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let post: Post = serde_json::from_str(text).map_err(|e| {
            PolicyError::json(
                K::MalformedDocument {
                    message: crate::text::short_message(&e.to_string()),
                },
                &e,
            )
        })?;
        post.validate()?;
        Ok(post)
    }

    /// The last day of the contract: the last renewal's end, or `end` when never renewed.
    pub fn last_end(&self) -> NaiveDate {
        self.renewals.last().map_or(self.end, |r| r.end)
    }

    /// The terms of the contract in order: `(start, end)` of the initial contract, then of
    /// each renewal (starting the day after the previous end).
    pub fn terms(&self) -> Vec<(NaiveDate, NaiveDate)> {
        let mut terms = vec![(self.start, self.end)];
        let mut previous_end = self.end;
        for renewal in &self.renewals {
            let start = super::dates::next_day(previous_end).unwrap_or(previous_end);
            terms.push((start, renewal.end));
            previous_end = renewal.end;
        }
        terms
    }
}

pub(crate) fn check_fte(fte_permille: i64, entity: &str) -> Result<(), PolicyError> {
    if (1..=FULL_TIME_PERMILLE).contains(&fte_permille) {
        Ok(())
    } else {
        Err(PolicyError::new(K::InvalidFte { fte_permille })
            .entity(entity)
            .field("fte_permille"))
    }
}

pub(crate) fn check_pay(cents: i64, entity: &str) -> Result<(), PolicyError> {
    if cents < 0 {
        Err(PolicyError::new(K::NegativePay { cents })
            .entity(entity)
            .field("gross_annual_pay_cents"))
    } else {
        Ok(())
    }
}

pub(crate) fn check_trainings(records: &[TrainingRecord], entity: &str) -> Result<(), PolicyError> {
    for (i, record) in records.iter().enumerate() {
        if record.training.trim().is_empty() {
            return Err(PolicyError::new(K::EmptyTrainingId)
                .entity(entity)
                .field(format!("trainings[{i}].training")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn post() -> Post {
        Post::new(
            PostId::new("POST-1").unwrap(),
            EstablishmentId::new("EST-1").unwrap(),
            PartnerId::new("PP-001").unwrap(),
            PostRole::PatientPartner,
            d(2021, 9, 1),
            d(2024, 8, 31),
            500,
            2_400_000,
        )
    }

    #[test]
    fn valid_post_and_terms() {
        let mut p = post();
        p.validate().unwrap();
        p.renewals.push(Renewal {
            decided_on: d(2024, 7, 1),
            end: d(2027, 8, 31),
        });
        p.validate().unwrap();
        assert_eq!(
            p.terms(),
            vec![
                (d(2021, 9, 1), d(2024, 8, 31)),
                (d(2024, 9, 1), d(2027, 8, 31))
            ]
        );
        assert_eq!(p.last_end(), d(2027, 8, 31));
    }

    #[test]
    fn invalid_inputs_are_typed_errors_with_context() {
        let mut p = post();
        p.fte_permille = 0;
        assert_eq!(p.validate().unwrap_err().code(), "invalid_fte");
        p.fte_permille = 1001;
        let e = p.validate().unwrap_err();
        assert_eq!(e.context().entity.as_deref(), Some("POST-1"));
        assert_eq!(e.context().field.as_deref(), Some("fte_permille"));
        p.fte_permille = 1000;
        p.gross_annual_pay_cents = -1;
        assert_eq!(p.validate().unwrap_err().code(), "negative_pay");
        p.gross_annual_pay_cents = 0;
        p.end = d(2021, 8, 31);
        assert_eq!(p.validate().unwrap_err().code(), "end_before_start");
        p.end = p.start;
        p.validate().unwrap();
        p.renewals.push(Renewal {
            decided_on: d(2021, 8, 1),
            end: d(2022, 1, 1),
        });
        let e = p.validate().unwrap_err();
        assert_eq!(e.code(), "renewal_before_start");
        assert_eq!(e.context().field.as_deref(), Some("renewals[0].decided_on"));
        p.renewals[0].decided_on = p.start;
        p.renewals[0].end = p.start;
        assert_eq!(
            p.validate().unwrap_err().code(),
            "renewal_end_not_after_previous"
        );
        p.renewals.clear();
        p.trainings.push(TrainingRecord {
            training: " ".into(),
            completed_on: p.start,
        });
        assert_eq!(p.validate().unwrap_err().code(), "empty_training_id");
    }

    #[test]
    fn unknown_fields_are_malformed() {
        let text = r#"{"id": "P", "establishment": "E", "partner": "PP", "role": "patient_partner",
            "start": "2021-09-01", "end": "2022-09-01", "fte_permille": 500,
            "gross_annual_pay_cents": 1, "salary": 3}"#;
        assert_eq!(
            Post::from_json(text).unwrap_err().code(),
            "malformed_document"
        );
    }
}
