//! Programme rules: a policy (an object, built in or loaded from JSON) evaluating posts,
//! contracts, mandates, co-financing, programme indicators and label checklists. Findings
//! and evaluations are typed; posts, mandates, checklists and the larger results cross as the
//! core's JSON (schemas in `core/schemas/`).

use std::collections::HashMap;

use chrono::NaiveDate;
use patient_partner::policy as core_policy;
use patient_partner::policy::{EstablishmentData, LabelChecklist, Mandate, Post, PostRole};
use patient_partner::Vocabulary;

use crate::error::{core, guard, FfiResult};
use crate::values::to_json;

/// One finding of an evaluation (core: `policy::Finding`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// The stable rule id (`post.max_fte`, `mandate.term_too_long`…).
    pub rule_id: String,
    /// `violation` or `warning`.
    pub severity: String,
    /// The message in English.
    pub message_en: String,
    /// The message in French.
    pub message_fr: String,
    /// The facts the rule used, as text (dates ISO, integers in decimal, enums by wire name).
    pub facts: HashMap<String, String>,
}

/// Every finding about one post or mandate (core: `policy::Evaluation`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Evaluation {
    /// The post or mandate id.
    pub subject: String,
    /// `compliant`, `compliant_with_warnings` or `non_compliant`.
    pub compliance: String,
    /// All findings, in rule order (never only the first).
    pub findings: Vec<Finding>,
}

impl From<core_policy::Evaluation> for Evaluation {
    fn from(e: core_policy::Evaluation) -> Self {
        Evaluation {
            subject: e.subject,
            compliance: e.compliance.wire_name().to_owned(),
            findings: e
                .findings
                .into_iter()
                .map(|f| Finding {
                    rule_id: f.rule_id,
                    severity: f.severity.wire_name().to_owned(),
                    message_en: f.message_en,
                    message_fr: f.message_fr,
                    facts: f.facts.into_iter().collect(),
                })
                .collect(),
        }
    }
}

/// The co-financing of a pay (core: `policy::CofinancingSplit`); money in euro cents, working
/// time in thousandths of full time.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CofinancingSplit {
    /// The kind of post (`patient_partner` or `parent_partner`).
    pub role: String,
    /// The gross annual pay.
    pub pay_cents: i64,
    /// The working time of the post.
    pub fte_permille: i64,
    /// The largest working time the programme funds.
    pub max_fte_permille: i64,
    /// The working time funded: `min(fte, max)`.
    pub funded_fte_permille: i64,
    /// The part of the pay within the limit.
    pub within_limit_cents: i64,
    /// The agency's share of it.
    pub agency_cents: i64,
    /// The establishment's share of it.
    pub establishment_cents: i64,
    /// The part beyond the limit, outside the programme (the establishment's alone).
    pub outside_programme_cents: i64,
    /// What the establishment pays in all.
    pub establishment_total_cents: i64,
}

/// A programme policy (core: `policy::Policy`). Immutable, shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct Policy {
    inner: core_policy::Policy,
}

fn post(text: &str) -> FfiResult<Post> {
    Ok(Post::from_json(text)?)
}

#[uniffi::export]
impl Policy {
    /// The built-in regional programme (BRIEF section 6).
    #[uniffi::constructor]
    pub fn builtin() -> Self {
        Policy {
            inner: core_policy::Policy::builtin().clone(),
        }
    }

    /// A policy of one's own, from JSON text (schema `core/schemas/policy.schema.json`),
    /// validated by the core.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> FfiResult<Self> {
        guard(|| {
            Ok(Policy {
                inner: core_policy::Policy::from_json(&text).map_err(core)?,
            })
        })
    }

    /// The policy's id.
    pub fn id(&self) -> String {
        self.inner.document().id.clone()
    }

    /// The kinds of post it has rules for (wire names), in policy order.
    pub fn post_roles(&self) -> Vec<String> {
        self.inner
            .document()
            .posts
            .iter()
            .map(|r| r.role.wire_name().to_owned())
            .collect()
    }

    /// The ids of the trainings it defines, in policy order.
    pub fn training_ids(&self) -> Vec<String> {
        self.inner
            .document()
            .trainings
            .iter()
            .map(|t| t.id.clone())
            .collect()
    }

    /// The policy as a document (JSON text).
    pub fn to_json(&self) -> String {
        to_json(self.inner.document())
    }

    /// Every finding about a post (a post document, JSON text).
    pub fn evaluate_post(&self, post_json: String) -> FfiResult<Evaluation> {
        guard(|| {
            let post = post(&post_json)?;
            Ok(self.inner.evaluate_post(&post).map_err(core)?.into())
        })
    }

    /// Every finding about a user representative's mandate (JSON text) on `as_of`.
    pub fn evaluate_mandate(
        &self,
        mandate_json: String,
        as_of: NaiveDate,
    ) -> FfiResult<Evaluation> {
        guard(|| {
            let mandate = Mandate::from_json(&mandate_json)?;
            Ok(self
                .inner
                .evaluate_mandate(&mandate, as_of)
                .map_err(core)?
                .into())
        })
    }

    /// How a pay is co-financed for a post of `role` (wire name) and working time.
    pub fn cofinancing_split(
        &self,
        role: String,
        fte_permille: i64,
        pay_cents: i64,
    ) -> FfiResult<CofinancingSplit> {
        guard(|| {
            let role: PostRole = role.parse().map_err(core)?;
            let s = self
                .inner
                .cofinancing_split(role, fte_permille, pay_cents)
                .map_err(core)?;
            Ok(CofinancingSplit {
                role: s.role.wire_name().to_owned(),
                pay_cents: s.pay_cents,
                fte_permille: s.fte_permille,
                max_fte_permille: s.max_fte_permille,
                funded_fte_permille: s.funded_fte_permille,
                within_limit_cents: s.within_limit_cents,
                agency_cents: s.agency_cents,
                establishment_cents: s.establishment_cents,
                outside_programme_cents: s.outside_programme_cents,
                establishment_total_cents: s.establishment_total_cents,
            })
        })
    }

    /// The contract calendar of a post (JSON text in, the core's JSON out: terms, renewal
    /// window, last possible end).
    pub fn contract_calendar_json(&self, post_json: String) -> FfiResult<String> {
        guard(|| {
            let post = post(&post_json)?;
            Ok(to_json(&self.inner.contract_calendar(&post).map_err(core)?))
        })
    }

    /// The programme indicators of a year over posts (each a post document, JSON text), as
    /// the core's JSON.
    pub fn programme_indicators_json(&self, posts: Vec<String>, year: i32) -> FfiResult<String> {
        guard(|| {
            let posts = posts
                .iter()
                .map(|p| post(p))
                .collect::<FfiResult<Vec<_>>>()?;
            Ok(to_json(
                &self
                    .inner
                    .programme_indicators(&posts, year)
                    .map_err(core)?,
            ))
        })
    }

    /// Evaluates an establishment's data (JSON text) against a label checklist (JSON text;
    /// `null`: the shipped EXAMPLE checklist, not an official one), as the core's JSON.
    pub fn evaluate_label_json(
        &self,
        data_json: String,
        checklist_json: Option<String>,
    ) -> FfiResult<String> {
        guard(|| {
            let checklist = match checklist_json {
                Some(text) => LabelChecklist::from_json(&text).map_err(core)?,
                None => LabelChecklist::example().clone(),
            };
            let data = EstablishmentData::from_json(&data_json).map_err(core)?;
            Ok(to_json(
                &self.inner.evaluate_label(&checklist, &data).map_err(core)?,
            ))
        })
    }
}
