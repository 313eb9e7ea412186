//! Programme rules: a policy (an object, built in or loaded from JSON) evaluating posts,
//! contracts, mandates, co-financing, programme indicators and label checklists, on typed
//! records: the core's own `Post`, `Mandate`, `Renewal`, `TrainingRecord`,
//! `EstablishmentData`, `CofinancingSplit`, `RenewalWindow` (remote types); mirrors with
//! signed counts and `Map` facts for the results (`Evaluation`, `ContractCalendar`,
//! `ProgrammeIndicators`, `LabelEvaluation`). Label checklists are documents published by the
//! agency: a [`LabelChecklist`] object read from JSON, or the shipped example.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use patient_partner::ids::{EstablishmentId, MandateId, PartnerId, PostId};
use patient_partner::policy as core_policy;
use patient_partner::policy::{
    Appointer, AssociationMembership, ChecklistStatus, CofinancingSplit, Compliance,
    CriterionOutcome, EstablishmentData, LabelOutcome, Mandate, NextStep, PatientStatus, Post,
    PostRole, Renewal, RenewalWindow, Severity, TermStatus, TrainingRecord,
};

use crate::error::{core, guard, FfiResult};
use crate::records::count;
use crate::values::to_json;

/// A renewal of a post's contract.
#[uniffi::remote(Record)]
pub struct Renewal {
    /// The day the renewal was decided.
    pub decided_on: NaiveDate,
    /// The new end of the contract.
    pub end: NaiveDate,
}

/// A training a person completed.
#[uniffi::remote(Record)]
pub struct TrainingRecord {
    /// The training's id in the policy.
    pub training: String,
    /// The day it was completed.
    pub completed_on: NaiveDate,
}

/// A salaried post of a patient partner or a parent partner.
#[uniffi::remote(Record)]
pub struct Post {
    /// The post's id.
    pub id: PostId,
    /// The establishment employing the partner.
    pub establishment: EstablishmentId,
    /// The patient partner.
    pub partner: PartnerId,
    /// The kind of post.
    pub role: PostRole,
    /// The first day of the initial contract.
    pub start: NaiveDate,
    /// The last day of the initial contract (included).
    pub end: NaiveDate,
    /// Working time in thousandths of a full-time post (1 to 1000; half-time is 500).
    pub fte_permille: i64,
    /// Gross annual pay of the post at its working time, in euro cents (≥ 0).
    pub gross_annual_pay_cents: i64,
    /// The renewals decided, in order.
    #[uniffi(default = [])]
    pub renewals: Vec<Renewal>,
    /// The trainings completed.
    #[uniffi(default = [])]
    pub trainings: Vec<TrainingRecord>,
}

/// A user representative's mandate (in the establishment's users' committee).
#[uniffi::remote(Record)]
pub struct Mandate {
    /// The mandate's id.
    pub id: MandateId,
    /// The establishment whose users' committee (CDU) the representative sits on.
    pub establishment: EstablishmentId,
    /// The representative, by pseudonym.
    pub representative: PartnerId,
    /// Who appointed them.
    pub appointed_by: Appointer,
    /// Their membership of an approved association.
    pub association: AssociationMembership,
    /// The first day of the mandate.
    pub start: NaiveDate,
    /// The last day of the mandate.
    pub end: NaiveDate,
    /// Whether they are a patient of the establishment.
    pub patient_of_establishment: PatientStatus,
    /// The trainings completed.
    #[uniffi(default = [])]
    pub trainings: Vec<TrainingRecord>,
}

/// What a label checklist is evaluated on: an establishment's posts and mandates on a day.
#[uniffi::remote(Record)]
pub struct EstablishmentData {
    /// The establishment.
    pub establishment: EstablishmentId,
    /// The day of the evaluation.
    pub as_of: NaiveDate,
    /// Its posts.
    #[uniffi(default = [])]
    pub posts: Vec<Post>,
    /// Its mandates.
    #[uniffi(default = [])]
    pub mandates: Vec<Mandate>,
}

/// The co-financing of a pay; money in euro cents, working time in thousandths of full time.
#[uniffi::remote(Record)]
pub struct CofinancingSplit {
    /// The kind of post.
    pub role: PostRole,
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

/// When a renewal may be decided: `opens` to `closes`, both included.
#[uniffi::remote(Record)]
pub struct RenewalWindow {
    /// The first day.
    pub opens: NaiveDate,
    /// The last day (the term's last day).
    pub closes: NaiveDate,
}

fn facts(map: BTreeMap<String, String>) -> HashMap<String, String> {
    map.into_iter().collect()
}

/// One finding of an evaluation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// The stable rule id (`post.max_fte`, `mandate.term_too_long`…).
    pub rule_id: String,
    /// Violation or warning.
    pub severity: Severity,
    /// The message in English.
    pub message_en: String,
    /// The message in French.
    pub message_fr: String,
    /// The facts the rule used, as text (dates ISO, integers in decimal, enums by wire name).
    pub facts: HashMap<String, String>,
}

/// Every finding about one post or mandate.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Evaluation {
    /// The post or mandate id.
    pub subject: String,
    /// Compliant, compliant with warnings, or not compliant.
    pub compliance: Compliance,
    /// All findings, in rule order (never only the first).
    pub findings: Vec<Finding>,
}

impl From<core_policy::Evaluation> for Evaluation {
    fn from(e: core_policy::Evaluation) -> Self {
        Evaluation {
            subject: e.subject,
            compliance: e.compliance,
            findings: e
                .findings
                .into_iter()
                .map(|f| Finding {
                    rule_id: f.rule_id,
                    severity: f.severity,
                    message_en: f.message_en,
                    message_fr: f.message_fr,
                    facts: facts(f.facts),
                })
                .collect(),
        }
    }
}

/// One term of a contract.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContractTerm {
    /// 1 for the initial contract, 2 for the first renewal…
    pub number: i64,
    /// The term's first day.
    pub start: NaiveDate,
    /// The term's last day.
    pub end: NaiveDate,
    /// The latest end the contract rules allow for it.
    pub max_end: NaiveDate,
    /// For a renewal, the day it was decided.
    pub decided_on: Option<NaiveDate>,
    /// Where it stands against the programme's rules.
    pub status: TermStatus,
}

/// The terms of a post's contract and what the rules still allow.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ContractCalendar {
    /// The post.
    pub post: PostId,
    /// Its kind.
    pub role: PostRole,
    /// Every term, in order.
    pub terms: Vec<ContractTerm>,
    /// Renewals the programme allows.
    pub renewals_allowed: i64,
    /// Renewals used.
    pub renewals_used: i64,
    /// Renewals left.
    pub renewals_remaining: i64,
    /// When the next renewal may be decided, if one remains.
    pub renewal_window: Option<RenewalWindow>,
    /// The last day the contract may reach.
    pub last_possible_end: NaiveDate,
}

impl From<core_policy::ContractCalendar> for ContractCalendar {
    fn from(c: core_policy::ContractCalendar) -> Self {
        ContractCalendar {
            post: c.post,
            role: c.role,
            terms: c
                .terms
                .into_iter()
                .map(|t| ContractTerm {
                    number: count(t.number),
                    start: t.start,
                    end: t.end,
                    max_end: t.max_end,
                    decided_on: t.decided_on,
                    status: t.status,
                })
                .collect(),
            renewals_allowed: count(c.renewals_allowed),
            renewals_used: count(c.renewals_used),
            renewals_remaining: count(c.renewals_remaining),
            renewal_window: c.renewal_window,
            last_possible_end: c.last_possible_end,
        }
    }
}

/// Counts and amounts of a set of posts in a year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Totals {
    /// Active posts.
    pub posts: i64,
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

impl From<core_policy::Totals> for Totals {
    fn from(t: core_policy::Totals) -> Self {
        Totals {
            posts: count(t.posts),
            total_fte_permille: t.total_fte_permille,
            prorated_fte_permille: t.prorated_fte_permille,
            pay_cents: t.pay_cents,
            agency_cents: t.agency_cents,
            establishment_cents: t.establishment_cents,
            outside_programme_cents: t.outside_programme_cents,
        }
    }
}

/// The totals of one establishment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EstablishmentTotals {
    /// The establishment.
    pub establishment: EstablishmentId,
    /// Its totals.
    pub totals: Totals,
}

/// The next step of a post's contract in the renewal calendar.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CalendarEntry {
    /// The post.
    pub post: PostId,
    /// Its establishment.
    pub establishment: EstablishmentId,
    /// The current term's number.
    pub term: i64,
    /// The current term's last day.
    pub term_end: NaiveDate,
    /// What comes next.
    pub next: NextStep,
    /// When a renewal may be decided, if one may.
    pub window: Option<RenewalWindow>,
}

/// The programme's indicators for a year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgrammeIndicators {
    /// The year.
    pub year: i32,
    /// The establishments with posts, in id order.
    pub establishments: Vec<EstablishmentId>,
    /// The totals of every post.
    pub totals: Totals,
    /// The totals of each establishment.
    pub by_establishment: Vec<EstablishmentTotals>,
    /// The next step of every contract.
    pub renewal_calendar: Vec<CalendarEntry>,
}

impl From<core_policy::ProgrammeIndicators> for ProgrammeIndicators {
    fn from(p: core_policy::ProgrammeIndicators) -> Self {
        ProgrammeIndicators {
            year: p.year,
            establishments: p.establishments,
            totals: p.totals.into(),
            by_establishment: p
                .by_establishment
                .into_iter()
                .map(|e| EstablishmentTotals {
                    establishment: e.establishment,
                    totals: e.totals.into(),
                })
                .collect(),
            renewal_calendar: p
                .renewal_calendar
                .into_iter()
                .map(|c| CalendarEntry {
                    post: c.post,
                    establishment: c.establishment,
                    term: count(c.term),
                    term_end: c.term_end,
                    next: c.next,
                    window: c.window,
                })
                .collect(),
        }
    }
}

/// The outcome of one criterion of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CriterionResult {
    /// The criterion's id.
    pub id: String,
    /// Met, not met…
    pub outcome: CriterionOutcome,
    /// The facts it was decided on, as text.
    pub facts: HashMap<String, String>,
}

/// An establishment's data evaluated against a label checklist.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LabelEvaluation {
    /// The checklist's id.
    pub checklist: String,
    /// The checklist's status (an official one, or an example).
    pub status: ChecklistStatus,
    /// The establishment.
    pub establishment: EstablishmentId,
    /// The day of the evaluation.
    pub as_of: NaiveDate,
    /// Every criterion's outcome, in checklist order.
    pub criteria: Vec<CriterionResult>,
    /// How many are met.
    pub met: i64,
    /// How many there are.
    pub total: i64,
    /// The overall outcome.
    pub outcome: LabelOutcome,
}

impl From<core_policy::LabelEvaluation> for LabelEvaluation {
    fn from(l: core_policy::LabelEvaluation) -> Self {
        LabelEvaluation {
            checklist: l.checklist,
            status: l.status,
            establishment: l.establishment,
            as_of: l.as_of,
            criteria: l
                .criteria
                .into_iter()
                .map(|c| CriterionResult {
                    id: c.id,
                    outcome: c.outcome,
                    facts: facts(c.facts),
                })
                .collect(),
            met: count(l.met),
            total: count(l.total),
            outcome: l.outcome,
        }
    }
}

/// A label checklist (a document published by the agency), validated. Immutable.
#[derive(Debug, uniffi::Object)]
pub struct LabelChecklist {
    inner: core_policy::LabelChecklist,
}

#[uniffi::export]
impl LabelChecklist {
    /// The shipped EXAMPLE checklist (not an official one: its status says so).
    #[uniffi::constructor]
    pub fn example() -> Self {
        LabelChecklist {
            inner: core_policy::LabelChecklist::example().clone(),
        }
    }

    /// A checklist from its JSON document (schema `core/schemas/label_checklist.schema.json`).
    #[uniffi::constructor]
    pub fn from_json(text: String) -> FfiResult<Self> {
        guard(|| {
            Ok(LabelChecklist {
                inner: core_policy::LabelChecklist::from_json(&text).map_err(core)?,
            })
        })
    }

    /// The checklist's id.
    pub fn id(&self) -> String {
        self.inner.id.clone()
    }

    /// The checklist's status.
    pub fn status(&self) -> ChecklistStatus {
        self.inner.status
    }
}

/// Reads a post document (JSON text) and validates it.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn post_from_json(text: String) -> FfiResult<Post> {
    guard(|| Post::from_json(&text).map_err(core))
}

/// Reads a mandate document (JSON text) and validates it.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn mandate_from_json(text: String) -> FfiResult<Mandate> {
    guard(|| Mandate::from_json(&text).map_err(core))
}

/// Reads an establishment's data (JSON text: posts and mandates on a day).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn establishment_data_from_json(text: String) -> FfiResult<EstablishmentData> {
    guard(|| EstablishmentData::from_json(&text).map_err(core))
}

/// A programme policy (core: `policy::Policy`). Immutable, shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct Policy {
    inner: core_policy::Policy,
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

    /// The kinds of post it has rules for, in policy order.
    pub fn post_roles(&self) -> Vec<PostRole> {
        self.inner.document().posts.iter().map(|r| r.role).collect()
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

    /// Every finding about a post (its rules checked first: `Post::validate`).
    pub fn evaluate_post(&self, post: Post) -> FfiResult<Evaluation> {
        guard(|| Ok(self.inner.evaluate_post(&post).map_err(core)?.into()))
    }

    /// Every finding about a user representative's mandate on `as_of`.
    pub fn evaluate_mandate(&self, mandate: Mandate, as_of: NaiveDate) -> FfiResult<Evaluation> {
        guard(|| {
            Ok(self
                .inner
                .evaluate_mandate(&mandate, as_of)
                .map_err(core)?
                .into())
        })
    }

    /// How a pay is co-financed for a post of `role` and working time.
    pub fn cofinancing_split(
        &self,
        role: PostRole,
        fte_permille: i64,
        pay_cents: i64,
    ) -> FfiResult<CofinancingSplit> {
        guard(|| {
            self.inner
                .cofinancing_split(role, fte_permille, pay_cents)
                .map_err(core)
        })
    }

    /// The contract calendar of a post: its terms, the renewal window, the last possible end.
    pub fn contract_calendar(&self, post: Post) -> FfiResult<ContractCalendar> {
        guard(|| Ok(self.inner.contract_calendar(&post).map_err(core)?.into()))
    }

    /// The programme's indicators of `year` over `posts`.
    pub fn programme_indicators(
        &self,
        posts: Vec<Post>,
        year: i32,
    ) -> FfiResult<ProgrammeIndicators> {
        guard(|| {
            Ok(self
                .inner
                .programme_indicators(&posts, year)
                .map_err(core)?
                .into())
        })
    }

    /// Evaluates an establishment's data against a label checklist.
    pub fn evaluate_label(
        &self,
        checklist: Arc<LabelChecklist>,
        data: EstablishmentData,
    ) -> FfiResult<LabelEvaluation> {
        guard(|| {
            Ok(self
                .inner
                .evaluate_label(&checklist.inner, &data)
                .map_err(core)?
                .into())
        })
    }
}
