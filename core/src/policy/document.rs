//! The policy as data: [`PolicyDocument`] (what users write, with a JSON Schema) and
//! [`Policy`] (a validated document, what the rules evaluate against).
//!
//! A policy has:
//! - `id`, `name_en`, `name_fr`, `source`: what it is and where its parameters come from;
//! - `trainings`: the trainings the policy knows ([`TrainingDefinition`]: id, [`TrainingKind`],
//!   names), referred to by id from posts, mandates and the lists of accepted trainings;
//! - `posts`: one [`PostRules`] per [`PostRole`] the programme funds (working-time limit,
//!   agency share, term length, renewals, renewal window, training rule, accepted trainings);
//! - `mandates`: the [`MandateRules`] of user representatives on the CDU.
//!
//! The built-in policy ([`Policy::builtin`], `core/data/policy_ars_nouvelle_aquitaine.json`)
//! is the ARS Nouvelle-Aquitaine programme (BRIEF §6): half-time at most, 50 % agency /
//! 50 % establishment, 3-year contracts renewable once, training before taking office (the
//! programme's own training with the Université des patients – Sorbonne, or the DU
//! "accompagnant de parcours du patient en cancérologie"), parent partners under the same
//! limits; and user representatives (BRIEF §2) appointed by the agency from approved
//! associations, for 3 years, not patients of the establishment, with a basic training due
//! within 6 months. Two parameters are **our defaults**, not the sources': the renewal window
//! (6 months before a term's end) and the accepted basic training of representatives.
//!
//! Loading ([`Policy::from_json`]) validates, first error wins: the JSON shape
//! (`malformed_policy`, line and column; unknown fields refused); then each training in order
//! (`empty_training_id`, `duplicate_training`; entity the training id, field `trainings`);
//! `empty_policy` (no post rules, field `posts`); then each post rule in order (entity: the
//! role's wire name): `duplicate_role` (field `posts`), `invalid_parameter` for
//! `max_fte_permille` outside 1..=1000, `agency_share_percent` above 100, `contract_years`
//! outside 1..=50, `renewal_window_months` above 12 × `contract_years` (field: the parameter's
//! name), `unknown_training` (field `accepted_trainings`), `no_accepted_training` (training
//! required or recommended but the list is empty, field `accepted_trainings`); then the
//! mandate rules (entity `mandates`): `invalid_parameter` for `term_years` outside 1..=50 or
//! `basic_training_within_months` above 120, `unknown_training` and `no_accepted_training`
//! (field `accepted_basic_trainings`).
//!
//! ```
//! use patient_partner::policy::{Policy, PostRole};
//! let policy = Policy::builtin();
//! assert_eq!(policy.post_rules(PostRole::PatientPartner)?.max_fte_permille, 500);
//! let mut doc = policy.document().clone();
//! doc.posts[0].agency_share_percent = 101;
//! let err = Policy::from_document(doc).unwrap_err();
//! assert_eq!(err.code(), "invalid_parameter");
//! assert_eq!(err.context().field.as_deref(), Some("agency_share_percent"));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{PolicyError, PolicyErrorKind as K};
use super::post::{PostRole, FULL_TIME_PERMILLE};
use crate::engagement::{EstablishmentPatient, TrainingRequirement};
use crate::vocabulary::Vocabulary;

/// The built-in policy, as shipped.
pub const BUILTIN_POLICY_JSON: &str = include_str!("../../data/policy_ars_nouvelle_aquitaine.json");

crate::bilingual_enum! {
    /// What kind of training a [`TrainingDefinition`] is.
    pub enum TrainingKind {
        /// A programme's own training (e.g. the ARS Nouvelle-Aquitaine training with the
        /// Université des patients – Sorbonne).
        ProgrammeTraining => "programme_training", "programme training", "formation du programme",
        /// A university diploma (*diplôme universitaire*, DU).
        UniversityDiploma => "university_diploma", "university diploma", "diplôme universitaire",
        /// A training the policy accepts as equivalent.
        Equivalent => "equivalent", "equivalent training", "formation équivalente",
        /// The basic training of user representatives (*formation de base des RU*).
        UserRepresentativeBasic => "user_representative_basic", "basic training of user representatives", "formation de base des représentants des usagers",
    }
}

crate::bilingual_enum! {
    /// Who appoints a user representative.
    pub enum Appointer {
        /// The regional health agency (*Agence régionale de santé*, ARS).
        RegionalHealthAgency => "regional_health_agency", "regional health agency", "agence régionale de santé",
        /// The establishment itself.
        Establishment => "establishment", "establishment", "établissement",
        /// Anyone else.
        Other => "other", "other", "autre",
    }
}

crate::bilingual_enum! {
    /// Whether a user representative must belong to an approved association.
    pub enum AssociationRule {
        /// Must be a member of an approved association (*association agréée*).
        ApprovedRequired => "approved_required", "member of an approved association required", "membre d'une association agréée requis",
        /// No requirement.
        NotRequired => "not_required", "no requirement", "pas d'exigence",
    }
}

/// A training the policy knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingDefinition {
    /// Its identifier, as written in training records (non-empty, unique in the policy).
    pub id: String,
    /// What kind of training it is.
    pub kind: TrainingKind,
    /// Its name in English.
    pub name_en: String,
    /// Its name in French.
    pub name_fr: String,
}

/// The rules of one kind of post.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostRules {
    /// The kind of post.
    pub role: PostRole,
    /// The largest working time the programme funds, in thousandths (1..=1000).
    pub max_fte_permille: i64,
    /// The agency's share of the pay within the working-time limit, in percent (0..=100);
    /// the establishment pays the rest.
    pub agency_share_percent: i64,
    /// The length of a term (initial contract or renewal), in years (1..=50).
    pub contract_years: u32,
    /// How many renewals the programme accepts.
    pub renewals_allowed: u32,
    /// The renewal window opens this many months before a term's last day (0..=12 ×
    /// `contract_years`) and closes on that day.
    pub renewal_window_months: u32,
    /// Whether an accepted training is required before taking office.
    pub training: TrainingRequirement,
    /// The trainings accepted (ids declared in the policy's `trainings`).
    pub accepted_trainings: Vec<String>,
}

/// The rules of user representatives' mandates on the CDU.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MandateRules {
    /// Who must appoint them.
    pub appointed_by: Appointer,
    /// Whether they must be members of an approved association.
    pub association: AssociationRule,
    /// The length of a mandate, in years (1..=50).
    pub term_years: u32,
    /// The basic training is due within this many months of the mandate's start (0..=120).
    pub basic_training_within_months: u32,
    /// The basic trainings accepted (ids declared in the policy's `trainings`).
    pub accepted_basic_trainings: Vec<String>,
    /// Whether they may be patients of the establishment.
    pub establishment_patient: EstablishmentPatient,
}

/// A policy as a document: what users write and what [`Policy`] checks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyDocument {
    /// A short identifier of the policy (`ars_nouvelle_aquitaine_2020`).
    pub id: String,
    /// Its name in English.
    pub name_en: String,
    /// Its name in French.
    pub name_fr: String,
    /// Where the parameters come from.
    #[serde(default)]
    pub source: String,
    /// The trainings the policy knows.
    #[serde(default)]
    pub trainings: Vec<TrainingDefinition>,
    /// The rules of each kind of post the programme funds.
    pub posts: Vec<PostRules>,
    /// The rules of user representatives' mandates.
    pub mandates: MandateRules,
}

/// A validated policy. Serialises as its [`PolicyDocument`]; deserialising validates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PolicyDocument", into = "PolicyDocument")]
pub struct Policy {
    doc: PolicyDocument,
}

impl JsonSchema for Policy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Policy".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        PolicyDocument::json_schema(generator)
    }
}

impl TryFrom<PolicyDocument> for Policy {
    type Error = PolicyError;
    fn try_from(doc: PolicyDocument) -> Result<Self, PolicyError> {
        Policy::from_document(doc)
    }
}

impl From<Policy> for PolicyDocument {
    fn from(policy: Policy) -> Self {
        policy.doc
    }
}

fn out_of_range(entity: &str, field: &str, message: String) -> PolicyError {
    PolicyError::new(K::InvalidParameter { message })
        .entity(entity)
        .field(field)
}

fn check_accepted(
    doc: &PolicyDocument,
    accepted: &[String],
    requirement: TrainingRequirement,
    entity: &str,
    field: &str,
) -> Result<(), PolicyError> {
    for id in accepted {
        if !doc.trainings.iter().any(|t| &t.id == id) {
            return Err(PolicyError::new(K::UnknownTraining {
                training: id.clone(),
            })
            .entity(entity)
            .field(field));
        }
    }
    if accepted.is_empty() && requirement != TrainingRequirement::NotRequired {
        return Err(PolicyError::new(K::NoAcceptedTraining)
            .entity(entity)
            .field(field));
    }
    Ok(())
}

impl Policy {
    /// Validates a policy document (rules in the [module](self) documentation).
    pub fn from_document(doc: PolicyDocument) -> Result<Self, PolicyError> {
        for (i, training) in doc.trainings.iter().enumerate() {
            if training.id.trim().is_empty() {
                return Err(PolicyError::new(K::EmptyTrainingId)
                    .entity(&training.id)
                    .field("trainings"));
            }
            if doc.trainings.iter().take(i).any(|t| t.id == training.id) {
                return Err(PolicyError::new(K::DuplicateTraining)
                    .entity(&training.id)
                    .field("trainings"));
            }
        }
        if doc.posts.is_empty() {
            return Err(PolicyError::new(K::EmptyPolicy)
                .entity("Policy")
                .field("posts"));
        }
        for (i, rules) in doc.posts.iter().enumerate() {
            let role = rules.role.wire_name();
            if doc.posts.iter().take(i).any(|r| r.role == rules.role) {
                return Err(PolicyError::new(K::DuplicateRole)
                    .entity(role)
                    .field("posts"));
            }
            if !(1..=FULL_TIME_PERMILLE).contains(&rules.max_fte_permille) {
                return Err(out_of_range(
                    role,
                    "max_fte_permille",
                    format!(
                        "max_fte_permille must be in 1..=1000, not {}",
                        rules.max_fte_permille
                    ),
                ));
            }
            if !(0..=100).contains(&rules.agency_share_percent) {
                return Err(out_of_range(
                    role,
                    "agency_share_percent",
                    format!(
                        "agency_share_percent must be in 0..=100, not {}",
                        rules.agency_share_percent
                    ),
                ));
            }
            if !(1..=50).contains(&rules.contract_years) {
                return Err(out_of_range(
                    role,
                    "contract_years",
                    format!(
                        "contract_years must be in 1..=50, not {}",
                        rules.contract_years
                    ),
                ));
            }
            if rules.renewal_window_months > 12 * rules.contract_years {
                return Err(out_of_range(
                    role,
                    "renewal_window_months",
                    format!(
                        "renewal_window_months must be at most 12 × contract_years = {}, not {}",
                        12 * rules.contract_years,
                        rules.renewal_window_months
                    ),
                ));
            }
            check_accepted(
                &doc,
                &rules.accepted_trainings,
                rules.training,
                role,
                "accepted_trainings",
            )?;
        }
        let m = &doc.mandates;
        if !(1..=50).contains(&m.term_years) {
            return Err(out_of_range(
                "mandates",
                "term_years",
                format!("term_years must be in 1..=50, not {}", m.term_years),
            ));
        }
        if m.basic_training_within_months > 120 {
            return Err(out_of_range(
                "mandates",
                "basic_training_within_months",
                format!(
                    "basic_training_within_months must be in 0..=120, not {}",
                    m.basic_training_within_months
                ),
            ));
        }
        check_accepted(
            &doc,
            &m.accepted_basic_trainings,
            TrainingRequirement::BeforeTakingOffice,
            "mandates",
            "accepted_basic_trainings",
        )?;
        Ok(Policy { doc })
    }

    /// Parses and validates a policy written in JSON.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let doc: PolicyDocument = serde_json::from_str(text).map_err(|e| {
            PolicyError::json(
                K::MalformedPolicy {
                    message: crate::text::short_message(&e.to_string()),
                },
                &e,
            )
        })?;
        Self::from_document(doc)
    }

    /// The built-in policy: the ARS Nouvelle-Aquitaine programme (see the [module](self)
    /// docs).
    pub fn builtin() -> &'static Policy {
        static BUILTIN: OnceLock<Policy> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The shipped file is checked by the unit tests; it is not user input.
            Policy::from_json(BUILTIN_POLICY_JSON)
                .unwrap_or_else(|e| panic!("the built-in policy is invalid: {e}"))
        })
    }

    /// The policy as a document (for editing and saving).
    pub fn document(&self) -> &PolicyDocument {
        &self.doc
    }

    /// The rules of `role` (`role_not_in_policy` if the policy does not fund it).
    pub fn post_rules(&self, role: PostRole) -> Result<&PostRules, PolicyError> {
        self.doc
            .posts
            .iter()
            .find(|r| r.role == role)
            .ok_or_else(|| {
                PolicyError::new(K::RoleNotInPolicy {
                    role: role.wire_name().to_owned(),
                })
                .entity(role.wire_name())
                .field("role")
            })
    }

    /// The rules of `post`'s kind; `role_not_in_policy` names the post (entity) and `role`.
    pub fn rules_for_post(&self, post: &super::post::Post) -> Result<&PostRules, PolicyError> {
        self.post_rules(post.role).map_err(|e| {
            PolicyError::new(e.kind().clone())
                .entity(post.id.as_str())
                .field("role")
        })
    }

    /// The rules of user representatives' mandates.
    pub fn mandate_rules(&self) -> &MandateRules {
        &self.doc.mandates
    }

    /// The definition of the training `id`, if the policy declares it.
    pub fn training(&self, id: &str) -> Option<&TrainingDefinition> {
        self.doc.trainings.iter().find(|t| t.id == id)
    }
}

impl Default for Policy {
    /// A copy of [`Policy::builtin`].
    fn default() -> Self {
        Policy::builtin().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_matches_the_brief() {
        let p = Policy::builtin();
        for role in PostRole::ALL {
            let r = p.post_rules(*role).unwrap();
            assert_eq!(r.max_fte_permille, 500);
            assert_eq!(r.agency_share_percent, 50);
            assert_eq!(r.contract_years, 3);
            assert_eq!(r.renewals_allowed, 1);
            assert_eq!(r.training, TrainingRequirement::BeforeTakingOffice);
            assert_eq!(r.accepted_trainings.len(), 2);
        }
        let m = p.mandate_rules();
        assert_eq!(m.appointed_by, Appointer::RegionalHealthAgency);
        assert_eq!(m.term_years, 3);
        assert_eq!(m.basic_training_within_months, 6);
        assert_eq!(m.establishment_patient, EstablishmentPatient::Excluded);
    }

    #[test]
    fn round_trips_through_serde() {
        let p = Policy::builtin();
        let text = serde_json::to_string(p).unwrap();
        assert_eq!(&Policy::from_json(&text).unwrap(), p);
    }

    #[test]
    fn validation_errors() {
        let base = Policy::builtin().document().clone();
        let code = |doc: PolicyDocument| Policy::from_document(doc).unwrap_err().code();
        let mut d = base.clone();
        d.posts.clear();
        assert_eq!(code(d), "empty_policy");
        let mut d = base.clone();
        d.posts.push(d.posts[0].clone());
        assert_eq!(code(d), "duplicate_role");
        let mut d = base.clone();
        d.posts[0].max_fte_permille = 0;
        assert_eq!(code(d), "invalid_parameter");
        let mut d = base.clone();
        d.posts[0].contract_years = 0;
        assert_eq!(code(d), "invalid_parameter");
        let mut d = base.clone();
        d.posts[0].renewal_window_months = 37;
        assert_eq!(code(d), "invalid_parameter");
        let mut d = base.clone();
        d.posts[1].accepted_trainings.push("nope".into());
        assert_eq!(code(d), "unknown_training");
        let mut d = base.clone();
        d.posts[1].accepted_trainings.clear();
        assert_eq!(code(d.clone()), "no_accepted_training");
        d.posts[1].training = TrainingRequirement::NotRequired;
        assert!(Policy::from_document(d).is_ok());
        let mut d = base.clone();
        d.trainings.push(d.trainings[0].clone());
        assert_eq!(code(d), "duplicate_training");
        let mut d = base.clone();
        d.mandates.term_years = 51;
        assert_eq!(code(d), "invalid_parameter");
        let mut d = base;
        d.mandates.accepted_basic_trainings.clear();
        assert_eq!(code(d), "no_accepted_training");
        let e = Policy::from_json("{\"id\": 1}").unwrap_err();
        assert_eq!(e.code(), "malformed_policy");
        assert_eq!(e.context().line, Some(1));
    }
}
