//! The role catalogue: roles, and the two tables that classify an activity, as data.
//!
//! The sources give no table mapping roles to levels and scopes (BRIEF §2): the built-in
//! catalogue (`core/data/role_catalogue.json`, [`RoleCatalogue::builtin`]) is **our
//! modelling**, to be adapted by each establishment, which can load its own with
//! [`RoleCatalogue::from_json`]. A catalogue document has three lists:
//! - `roles`: one [`RoleProfile`] per role (a catalogue may cover only some roles);
//! - `missions`: for each [`Mission`], its [`Scope`] and the usual [`Participation`] of a
//!   partner in it ([`MissionRule`]);
//! - `participations`: for each [`Participation`], its [`EngagementLevel`]
//!   ([`ParticipationRule`]).
//!
//! Loading validates (in this order, first error wins): the JSON shape
//! (`malformed_catalogue`, with line and column; unknown fields are refused), at least one
//! role (`empty_catalogue`), then for each role in order: not listed before
//! (`duplicate_role`), levels non-empty (`empty_levels`) and without repeats
//! (`duplicate_level`), scopes non-empty (`empty_scopes`) and without repeats
//! (`duplicate_scope`); then no participation listed twice (`duplicate_participation`); then
//! for each mission rule in order: not listed before (`duplicate_mission`) and its
//! participation has a level (`unmapped_participation`).
//!
//! ```
//! use patient_partner::engagement::{RoleCatalogue, Role, Remuneration};
//! let catalogue = RoleCatalogue::builtin();
//! let pp = catalogue.profile(Role::SalariedPatientPartner)?;
//! assert_eq!(pp.remuneration, Remuneration::Salaried);
//! let err = RoleCatalogue::from_json(r#"{"roles": [], "missions": [], "participations": []}"#)
//!     .unwrap_err();
//! assert_eq!(err.code(), "empty_catalogue");
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{EngagementError, EngagementErrorKind as K};
use super::{EngagementLevel, Participation, Role, RoleProfile, Scope};
use crate::mission::Mission;
use crate::vocabulary::Vocabulary;

/// The built-in catalogue, as shipped.
pub const BUILTIN_CATALOGUE_JSON: &str = include_str!("../../data/role_catalogue.json");

/// How a mission is classified: its scope, and how a partner usually takes part in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MissionRule {
    /// The mission.
    pub mission: Mission,
    /// The scope it acts at.
    pub scope: Scope,
    /// How a partner usually takes part (used when an activity does not say).
    pub participation: Participation,
}

/// The engagement level of one kind of participation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParticipationRule {
    /// The kind of participation.
    pub participation: Participation,
    /// Its level on the engagement continuum.
    pub level: EngagementLevel,
}

/// The role catalogue as a document: what users write and what [`RoleCatalogue`] checks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleCatalogueDocument {
    /// One profile per role.
    pub roles: Vec<RoleProfile>,
    /// One classification rule per mission.
    #[serde(default)]
    pub missions: Vec<MissionRule>,
    /// One level per kind of participation.
    #[serde(default)]
    pub participations: Vec<ParticipationRule>,
}

/// A validated role catalogue. Serialises as its [`RoleCatalogueDocument`]; deserialising
/// validates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RoleCatalogueDocument", into = "RoleCatalogueDocument")]
pub struct RoleCatalogue {
    doc: RoleCatalogueDocument,
}

impl JsonSchema for RoleCatalogue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RoleCatalogue".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RoleCatalogueDocument::json_schema(generator)
    }
}

impl TryFrom<RoleCatalogueDocument> for RoleCatalogue {
    type Error = EngagementError;
    fn try_from(doc: RoleCatalogueDocument) -> Result<Self, EngagementError> {
        RoleCatalogue::from_document(doc)
    }
}

impl From<RoleCatalogue> for RoleCatalogueDocument {
    fn from(catalogue: RoleCatalogue) -> Self {
        catalogue.doc
    }
}

fn first_repeat<T: PartialEq + Copy>(items: &[T]) -> Option<T> {
    items
        .iter()
        .enumerate()
        .find(|(i, item)| items.iter().take(*i).any(|earlier| earlier == *item))
        .map(|(_, item)| *item)
}

impl RoleCatalogue {
    /// Validates a catalogue document (rules in the [module](self) documentation).
    pub fn from_document(doc: RoleCatalogueDocument) -> Result<Self, EngagementError> {
        if doc.roles.is_empty() {
            return Err(EngagementError::new(K::EmptyCatalogue)
                .entity("RoleCatalogue")
                .field("roles"));
        }
        for (i, profile) in doc.roles.iter().enumerate() {
            let role = profile.role;
            let name = role.wire_name();
            if doc.roles.iter().take(i).any(|p| p.role == role) {
                return Err(EngagementError::new(K::DuplicateRole { role })
                    .entity(name)
                    .field("roles"));
            }
            if profile.levels.is_empty() {
                return Err(EngagementError::new(K::EmptyLevels { role })
                    .entity(name)
                    .field("levels"));
            }
            if let Some(level) = first_repeat(&profile.levels) {
                return Err(EngagementError::new(K::DuplicateLevel { level })
                    .entity(name)
                    .field("levels"));
            }
            if profile.scopes.is_empty() {
                return Err(EngagementError::new(K::EmptyScopes { role })
                    .entity(name)
                    .field("scopes"));
            }
            if let Some(scope) = first_repeat(&profile.scopes) {
                return Err(EngagementError::new(K::DuplicateScope { scope })
                    .entity(name)
                    .field("scopes"));
            }
        }
        let kinds: Vec<Participation> =
            doc.participations.iter().map(|r| r.participation).collect();
        if let Some(participation) = first_repeat(&kinds) {
            return Err(
                EngagementError::new(K::DuplicateParticipation { participation })
                    .entity(participation.wire_name())
                    .field("participations"),
            );
        }
        for (i, rule) in doc.missions.iter().enumerate() {
            let mission = rule.mission;
            if doc.missions.iter().take(i).any(|r| r.mission == mission) {
                return Err(EngagementError::new(K::DuplicateMission { mission })
                    .entity(mission.wire_name())
                    .field("missions"));
            }
            if !kinds.contains(&rule.participation) {
                return Err(EngagementError::new(K::UnmappedParticipation {
                    participation: rule.participation,
                })
                .entity(mission.wire_name())
                .field("participation"));
            }
        }
        Ok(RoleCatalogue { doc })
    }

    /// Parses and validates a catalogue written in JSON.
    pub fn from_json(text: &str) -> Result<Self, EngagementError> {
        let doc: RoleCatalogueDocument =
            serde_json::from_str(text).map_err(|e| EngagementError::malformed(&e))?;
        Self::from_document(doc)
    }

    /// The built-in catalogue (`core/data/role_catalogue.json`): our modelling, since the
    /// sources give no table. It covers every [`Role`], every [`Mission`] and every
    /// [`Participation`] (checked by the crate's tests).
    pub fn builtin() -> &'static RoleCatalogue {
        static BUILTIN: OnceLock<RoleCatalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The shipped file is checked by the unit tests; it is not user input.
            RoleCatalogue::from_json(BUILTIN_CATALOGUE_JSON)
                .unwrap_or_else(|e| panic!("the built-in role catalogue is invalid: {e}"))
        })
    }

    /// The catalogue as a document (for editing and saving).
    pub fn document(&self) -> &RoleCatalogueDocument {
        &self.doc
    }

    /// Every role profile, in catalogue order.
    pub fn profiles(&self) -> &[RoleProfile] {
        &self.doc.roles
    }

    /// The profile of `role` (`role_not_in_catalogue` if the catalogue does not cover it).
    pub fn profile(&self, role: Role) -> Result<&RoleProfile, EngagementError> {
        self.doc
            .roles
            .iter()
            .find(|p| p.role == role)
            .ok_or_else(|| {
                EngagementError::new(K::RoleNotInCatalogue { role })
                    .entity(role.wire_name())
                    .field("role")
            })
    }

    /// The classification rule of `mission` (`unclassified_mission` if absent).
    pub fn mission_rule(&self, mission: Mission) -> Result<&MissionRule, EngagementError> {
        self.doc
            .missions
            .iter()
            .find(|r| r.mission == mission)
            .ok_or_else(|| {
                EngagementError::new(K::UnclassifiedMission { mission })
                    .entity(mission.wire_name())
                    .field("mission")
            })
    }

    /// The level of `participation` (`unmapped_participation` if absent).
    pub fn level_of(
        &self,
        participation: Participation,
    ) -> Result<EngagementLevel, EngagementError> {
        self.doc
            .participations
            .iter()
            .find(|r| r.participation == participation)
            .map(|r| r.level)
            .ok_or_else(|| {
                EngagementError::new(K::UnmappedParticipation { participation })
                    .entity(participation.wire_name())
                    .field("participation")
            })
    }
}

impl Default for RoleCatalogue {
    /// A copy of [`RoleCatalogue::builtin`].
    fn default() -> Self {
        RoleCatalogue::builtin().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_covers_every_role_mission_and_participation() {
        let c = RoleCatalogue::builtin();
        for role in Role::ALL {
            let p = c.profile(*role).unwrap();
            assert!(!p.levels.is_empty() && !p.scopes.is_empty());
        }
        for mission in Mission::ALL {
            assert!(c.mission_rule(*mission).is_ok(), "{mission:?}");
        }
        for participation in Participation::ALL {
            assert!(c.level_of(*participation).is_ok(), "{participation:?}");
        }
        assert_eq!(c.profiles().len(), Role::ALL.len());
    }

    #[test]
    fn sources_facts_hold_in_the_builtin() {
        use super::super::{EstablishmentPatient, Remuneration, TrainingRequirement};
        let c = RoleCatalogue::builtin();
        let ru = c.profile(Role::UserRepresentative).unwrap();
        assert_eq!(ru.establishment_patient, EstablishmentPatient::Excluded);
        let pp = c.profile(Role::SalariedPatientPartner).unwrap();
        assert_eq!(pp.remuneration, Remuneration::Salaried);
        assert_eq!(pp.training, TrainingRequirement::BeforeTakingOffice);
        assert!(pp.scopes.contains(&Scope::Micro));
        let committee = c.profile(Role::PatientCommitteeMember).unwrap();
        assert_eq!(committee.remuneration, Remuneration::Volunteer);
        assert!(committee.levels.contains(&EngagementLevel::Consultation));
    }

    #[test]
    fn round_trips_and_validates_on_deserialise() {
        let c = RoleCatalogue::builtin();
        let text = serde_json::to_string(c).unwrap();
        let back: RoleCatalogue = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, c);
        assert!(serde_json::from_str::<RoleCatalogue>(r#"{"roles": []}"#).is_err());
    }

    #[test]
    fn validation_errors() {
        let one = |levels: &str, scopes: &str| {
            format!(
                r#"{{"roles": [{{"role": "expert_patient", "remuneration": "volunteer",
                "training": "recommended", "establishment_patient": "allowed",
                "levels": {levels}, "scopes": {scopes}}}]}}"#
            )
        };
        let code = |text: &str| RoleCatalogue::from_json(text).unwrap_err().code();
        assert_eq!(code(&one("[]", r#"["micro"]"#)), "empty_levels");
        assert_eq!(code(&one(r#"["information"]"#, "[]")), "empty_scopes");
        assert_eq!(
            code(&one(r#"["information","information"]"#, r#"["micro"]"#)),
            "duplicate_level"
        );
        assert_eq!(
            code(&one(r#"["information"]"#, r#"["micro","micro"]"#)),
            "duplicate_scope"
        );
        assert!(RoleCatalogue::from_json(&one(r#"["information"]"#, r#"["micro"]"#)).is_ok());
        let err = RoleCatalogue::from_json("{\n  \"roles\": 3\n}").unwrap_err();
        assert_eq!(err.code(), "malformed_catalogue");
        assert_eq!(err.context().line, Some(2));
    }
}
