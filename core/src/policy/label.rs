//! The *Label établissement patient partenaire*: a configurable checklist of criteria,
//! evaluated on an establishment's data.
//!
//! The label's real criteria are **not public in our sources** (BRIEF §6): a
//! [`LabelChecklist`] is data, with a [`ChecklistStatus`] saying whether it is an `example`
//! or `official`. The checklist shipped with the crate ([`LabelChecklist::example`],
//! `core/data/policy_label_checklist_example.json`) is an **example**, invented to show the
//! mechanism; it must not be presented as the label's criteria.
//!
//! A criterion's [`LabelCheck`] is evaluated on [`EstablishmentData`] (the establishment,
//! an evaluation date `as_of`, its posts and its CDU mandates) with a [`Policy`]. "Active"
//! means running on `as_of` (a post from its start to its last term's end, a mandate from its
//! start to its end). The checks:
//! - `min_active_posts {count, role?}`: at least `count` active posts (of `role` if given);
//!   facts `active_posts`, `required`;
//! - `min_total_fte_permille {permille}`: the active posts' working times add up to at least
//!   `permille`; facts `total_fte_permille`, `required`;
//! - `all_partners_trained`: no active post has a `post.training_missing` or
//!   `post.training_after_start` finding (vacuously met with no active post); facts
//!   `active_posts`, `untrained` (post ids joined by `,`);
//! - `all_posts_compliant`: no active post has a violation; facts `active_posts`,
//!   `non_compliant` (post ids joined by `,`);
//! - `min_active_mandates {count}`: at least `count` active CDU mandates; facts
//!   `active_mandates`, `required`;
//! - `all_representatives_trained`: every active mandate has an accepted basic training
//!   completed on or before `as_of`; facts `active_mandates`, `untrained` (mandate ids).
//!
//! Errors: every post and mandate is validated; one of another establishment is
//! `establishment_mismatch` (entity: its id, field `establishment`). A checklist is checked on
//! load: `malformed_checklist` (shape, line and column), `empty_checklist` (field
//! `criteria`), `invalid_criterion_id` (an empty or repeated id; entity: the id, field
//! `criteria`).
//!
//! ```
//! use patient_partner::policy::{ChecklistStatus, EstablishmentData, LabelChecklist, Policy};
//! let checklist = LabelChecklist::example();
//! assert_eq!(checklist.status, ChecklistStatus::Example);
//! let data: EstablishmentData = serde_json::from_str(r#"{"establishment": "EST-01",
//!   "as_of": "2024-01-01", "posts": [], "mandates": []}"#).unwrap();
//! let result = Policy::builtin().evaluate_label(checklist, &data)?;
//! assert_eq!(result.met, 3); // the three "every …" criteria hold vacuously
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::document::Policy;
use super::error::{PolicyError, PolicyErrorKind as K};
use super::mandate::Mandate;
use super::post::{Post, PostRole};
use super::rules;
use crate::ids::EstablishmentId;
use crate::vocabulary::Vocabulary;

/// The example checklist, as shipped.
pub const EXAMPLE_CHECKLIST_JSON: &str =
    include_str!("../../data/policy_label_checklist_example.json");

crate::bilingual_enum! {
    /// Whether a checklist is an example or the official criteria.
    pub enum ChecklistStatus {
        /// An example, not the label's criteria.
        Example => "example", "example (not official)", "exemple (non officiel)",
        /// The official criteria, as published by the label's owner.
        Official => "official", "official", "officiel",
    }
}

crate::bilingual_enum! {
    /// Whether a criterion is met.
    pub enum CriterionOutcome {
        /// Met.
        Met => "met", "met", "rempli",
        /// Not met.
        NotMet => "not_met", "not met", "non rempli",
    }
}

crate::bilingual_enum! {
    /// Whether every criterion of a checklist is met.
    pub enum LabelOutcome {
        /// Every criterion is met.
        AllMet => "all_met", "all criteria met", "tous les critères remplis",
        /// At least one is not.
        NotAllMet => "not_all_met", "not all criteria met", "critères non tous remplis",
    }
}

/// What a criterion checks (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum LabelCheck {
    /// At least `count` active posts (of `role` if given).
    MinActivePosts {
        /// The minimum.
        count: u32,
        /// Only posts of this kind, if given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<PostRole>,
    },
    /// The active posts' working times add up to at least `permille`.
    MinTotalFtePermille {
        /// The minimum, in thousandths.
        permille: i64,
    },
    /// Every active post's partner was trained before taking office.
    AllPartnersTrained,
    /// No active post has a violation.
    AllPostsCompliant,
    /// At least `count` active CDU mandates.
    MinActiveMandates {
        /// The minimum.
        count: u32,
    },
    /// Every active representative completed an accepted basic training.
    AllRepresentativesTrained,
}

/// One criterion of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelCriterion {
    /// Its identifier (non-empty, unique in the checklist).
    pub id: String,
    /// What it asks, in English.
    pub description_en: String,
    /// What it asks, in French.
    pub description_fr: String,
    /// How it is checked.
    pub check: LabelCheck,
}

/// A label checklist (see the [module](self) docs).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabelChecklist {
    /// Its identifier.
    pub id: String,
    /// Its name in English.
    pub name_en: String,
    /// Its name in French.
    pub name_fr: String,
    /// Example or official.
    pub status: ChecklistStatus,
    /// A notice shown with the results, in English.
    #[serde(default)]
    pub notice_en: String,
    /// A notice shown with the results, in French.
    #[serde(default)]
    pub notice_fr: String,
    /// The criteria, in order.
    pub criteria: Vec<LabelCriterion>,
}

/// An establishment's data, as a label checklist reads it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EstablishmentData {
    /// The establishment.
    pub establishment: EstablishmentId,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// Its posts.
    #[serde(default)]
    pub posts: Vec<Post>,
    /// Its CDU mandates.
    #[serde(default)]
    pub mandates: Vec<Mandate>,
}

/// The result of one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct CriterionResult {
    /// The criterion's id.
    pub id: String,
    /// Met or not.
    pub outcome: CriterionOutcome,
    /// The values used.
    pub facts: BTreeMap<String, String>,
}

/// The result of a checklist on an establishment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct LabelEvaluation {
    /// The checklist's id.
    pub checklist: String,
    /// Whether the checklist is an example or official: an example's result is no label.
    pub status: ChecklistStatus,
    /// The establishment.
    pub establishment: EstablishmentId,
    /// The evaluation date.
    pub as_of: NaiveDate,
    /// One result per criterion, in checklist order.
    pub criteria: Vec<CriterionResult>,
    /// Criteria met.
    pub met: u32,
    /// Criteria in the checklist.
    pub total: u32,
    /// All met or not.
    pub outcome: LabelOutcome,
}

impl EstablishmentData {
    /// Parses an establishment's data from JSON (`malformed_document` on a wrong shape; its
    /// posts and mandates are validated by [`Policy::evaluate_label`]).
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        serde_json::from_str(text).map_err(|e| {
            PolicyError::json(
                K::MalformedDocument {
                    message: crate::text::short_message(&e.to_string()),
                },
                &e,
            )
        })
    }
}

impl LabelChecklist {
    /// Checks the checklist (see the [module](self) docs).
    pub fn validate(&self) -> Result<(), PolicyError> {
        if self.criteria.is_empty() {
            return Err(PolicyError::new(K::EmptyChecklist)
                .entity(&self.id)
                .field("criteria"));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            if c.id.trim().is_empty() || self.criteria.iter().take(i).any(|o| o.id == c.id) {
                return Err(PolicyError::new(K::InvalidCriterionId)
                    .entity(&c.id)
                    .field("criteria"));
            }
        }
        Ok(())
    }

    /// Parses and checks a checklist written in JSON.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let checklist: LabelChecklist = serde_json::from_str(text).map_err(|e| {
            PolicyError::json(
                K::MalformedChecklist {
                    message: crate::text::short_message(&e.to_string()),
                },
                &e,
            )
        })?;
        checklist.validate()?;
        Ok(checklist)
    }

    /// The example checklist shipped with the crate: **not** the label's criteria.
    pub fn example() -> &'static LabelChecklist {
        static EXAMPLE: OnceLock<LabelChecklist> = OnceLock::new();
        EXAMPLE.get_or_init(|| {
            // The shipped file is checked by the unit tests; it is not user input.
            LabelChecklist::from_json(EXAMPLE_CHECKLIST_JSON)
                .unwrap_or_else(|e| panic!("the example checklist is invalid: {e}"))
        })
    }
}

fn facts(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

impl Policy {
    /// Evaluates `checklist` on `data` (see the [module](self) docs).
    pub fn evaluate_label(
        &self,
        checklist: &LabelChecklist,
        data: &EstablishmentData,
    ) -> Result<LabelEvaluation, PolicyError> {
        checklist.validate()?;
        let as_of = data.as_of;
        for post in &data.posts {
            post.validate()?;
            if post.establishment != data.establishment {
                return Err(PolicyError::new(K::EstablishmentMismatch)
                    .entity(post.id.as_str())
                    .field("establishment"));
            }
        }
        for mandate in &data.mandates {
            mandate.validate()?;
            if mandate.establishment != data.establishment {
                return Err(PolicyError::new(K::EstablishmentMismatch)
                    .entity(mandate.id.as_str())
                    .field("establishment"));
            }
        }
        let active_posts: Vec<&Post> = data
            .posts
            .iter()
            .filter(|p| p.start <= as_of && as_of <= p.last_end())
            .collect();
        let active_mandates: Vec<&Mandate> = data
            .mandates
            .iter()
            .filter(|m| m.is_active_on(as_of))
            .collect();
        let mut evaluations = Vec::new();
        for post in &active_posts {
            evaluations.push((post.id.as_str(), self.evaluate_post(post)?));
        }
        let mut criteria = Vec::new();
        for criterion in &checklist.criteria {
            let (met, facts) = match &criterion.check {
                LabelCheck::MinActivePosts { count, role } => {
                    let n = active_posts
                        .iter()
                        .filter(|p| role.is_none_or(|r| p.role == r))
                        .count();
                    let mut f = vec![
                        ("active_posts", n.to_string()),
                        ("required", count.to_string()),
                    ];
                    if let Some(r) = role {
                        f.push(("role", r.wire_name().to_owned()));
                    }
                    (n >= *count as usize, facts(&f))
                }
                LabelCheck::MinTotalFtePermille { permille } => {
                    let total: i64 = active_posts.iter().map(|p| p.fte_permille).sum();
                    (
                        total >= *permille,
                        facts(&[
                            ("total_fte_permille", total.to_string()),
                            ("required", permille.to_string()),
                        ]),
                    )
                }
                LabelCheck::AllPartnersTrained => {
                    let untrained: Vec<&str> = evaluations
                        .iter()
                        .filter(|(_, e)| {
                            e.rule_ids().iter().any(|r| {
                                *r == rules::POST_TRAINING_MISSING
                                    || *r == rules::POST_TRAINING_AFTER_START
                            })
                        })
                        .map(|(id, _)| *id)
                        .collect();
                    (
                        untrained.is_empty(),
                        facts(&[
                            ("active_posts", active_posts.len().to_string()),
                            ("untrained", untrained.join(",")),
                        ]),
                    )
                }
                LabelCheck::AllPostsCompliant => {
                    let bad: Vec<&str> = evaluations
                        .iter()
                        .filter(|(_, e)| e.has_violation())
                        .map(|(id, _)| *id)
                        .collect();
                    (
                        bad.is_empty(),
                        facts(&[
                            ("active_posts", active_posts.len().to_string()),
                            ("non_compliant", bad.join(",")),
                        ]),
                    )
                }
                LabelCheck::MinActiveMandates { count } => (
                    active_mandates.len() >= *count as usize,
                    facts(&[
                        ("active_mandates", active_mandates.len().to_string()),
                        ("required", count.to_string()),
                    ]),
                ),
                LabelCheck::AllRepresentativesTrained => {
                    let untrained: Vec<&str> = active_mandates
                        .iter()
                        .filter(|m| {
                            self.earliest_basic_training(m)
                                .is_none_or(|r| r.completed_on > as_of)
                        })
                        .map(|m| m.id.as_str())
                        .collect();
                    (
                        untrained.is_empty(),
                        facts(&[
                            ("active_mandates", active_mandates.len().to_string()),
                            ("untrained", untrained.join(",")),
                        ]),
                    )
                }
            };
            criteria.push(CriterionResult {
                id: criterion.id.clone(),
                outcome: if met {
                    CriterionOutcome::Met
                } else {
                    CriterionOutcome::NotMet
                },
                facts,
            });
        }
        let met = criteria
            .iter()
            .filter(|c| c.outcome == CriterionOutcome::Met)
            .count();
        let total = criteria.len();
        Ok(LabelEvaluation {
            checklist: checklist.id.clone(),
            status: checklist.status,
            establishment: data.establishment.clone(),
            as_of,
            criteria,
            met: u32::try_from(met).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            outcome: if met == total {
                LabelOutcome::AllMet
            } else {
                LabelOutcome::NotAllMet
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_is_marked_as_an_example() {
        let c = LabelChecklist::example();
        assert_eq!(c.status, ChecklistStatus::Example);
        assert!(c.name_en.contains("EXAMPLE"));
        assert!(c.name_fr.contains("EXEMPLE"));
        assert!(c.notice_en.contains("not"));
    }

    #[test]
    fn checklist_validation() {
        let mut c = LabelChecklist::example().clone();
        c.criteria.push(c.criteria[0].clone());
        assert_eq!(c.validate().unwrap_err().code(), "invalid_criterion_id");
        c.criteria.clear();
        assert_eq!(c.validate().unwrap_err().code(), "empty_checklist");
        assert_eq!(
            LabelChecklist::from_json("[]").unwrap_err().code(),
            "malformed_checklist"
        );
    }
}
