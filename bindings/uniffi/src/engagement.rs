//! Engagement: the role catalogue (an object), classification, role and mission profiles,
//! activities, on the core's own types.

use patient_partner as pp;
use patient_partner::engagement::{
    Classification, EngagementLevel, EstablishmentPatient, Participation, Remuneration, Role,
    RoleFit, RoleProfile, Scope, TrainingRequirement,
};
use patient_partner::mission::{ExtraClinicalArea, MissionCategory, MissionFormat, MissionProfile};
use patient_partner::Mission;

use crate::error::{core, guard, FfiResult};
use crate::records::{count, Activity};
use crate::values::to_json;

/// The result of a classification.
#[uniffi::remote(Record)]
pub struct Classification {
    /// The level on the engagement continuum.
    pub level: EngagementLevel,
    /// The scope.
    pub scope: Scope,
    /// The participation the level was derived from (stated, or the mission's usual one).
    pub participation: Participation,
    /// When a role was given: whether the result is typical of it.
    pub role_fit: Option<RoleFit>,
}

/// One role's entry in a catalogue.
#[uniffi::remote(Record)]
pub struct RoleProfile {
    /// The role.
    pub role: Role,
    /// Salaried, paid per intervention or volunteer.
    pub remuneration: Remuneration,
    /// Whether training is required before taking office.
    pub training: TrainingRequirement,
    /// Whether the person may be a patient of the establishment.
    pub establishment_patient: EstablishmentPatient,
    /// The typical engagement levels, in catalogue order.
    pub levels: Vec<EngagementLevel>,
    /// The typical scopes, in catalogue order.
    pub scopes: Vec<Scope>,
}

/// What the core says about one mission: its category, area and format.
#[uniffi::remote(Record)]
pub struct MissionProfile {
    /// The mission.
    pub mission: Mission,
    /// Clinical or extra-clinical.
    pub category: MissionCategory,
    /// For an extra-clinical mission, its area.
    pub area: Option<ExtraClinicalArea>,
    /// Individual or group.
    pub format: MissionFormat,
}

/// A validated role catalogue (core: `engagement::RoleCatalogue`). Immutable, shareable.
#[derive(Debug, uniffi::Object)]
pub struct RoleCatalogue {
    inner: pp::RoleCatalogue,
}

#[uniffi::export]
impl RoleCatalogue {
    /// The built-in catalogue (our modelling of the sources; see the README).
    #[uniffi::constructor]
    pub fn builtin() -> Self {
        RoleCatalogue {
            inner: pp::RoleCatalogue::builtin().clone(),
        }
    }

    /// A catalogue of one's own, from JSON text (schema
    /// `core/schemas/role_catalogue.schema.json`), validated by the core.
    #[uniffi::constructor]
    pub fn from_json(text: String) -> FfiResult<Self> {
        guard(|| {
            Ok(RoleCatalogue {
                inner: pp::RoleCatalogue::from_json(&text).map_err(core)?,
            })
        })
    }

    /// Classifies a mission with an optional stated participation and an optional role
    /// (core: `RoleCatalogue::classify`).
    pub fn classify(
        &self,
        mission: Mission,
        participation: Option<Participation>,
        role: Option<Role>,
    ) -> FfiResult<Classification> {
        guard(|| {
            self.inner
                .classify(mission, participation, role)
                .map_err(core)
        })
    }

    /// The profile of a role; `role_not_in_catalogue` if absent.
    pub fn profile(&self, role: Role) -> FfiResult<RoleProfile> {
        guard(|| Ok(self.inner.profile(role).map_err(core)?.clone()))
    }

    /// Every role profile, in catalogue order.
    pub fn profiles(&self) -> Vec<RoleProfile> {
        self.inner.profiles().to_vec()
    }

    /// The roles of the catalogue, in catalogue order.
    pub fn roles(&self) -> Vec<Role> {
        self.inner.document().roles.iter().map(|p| p.role).collect()
    }

    /// The number of mission rules.
    pub fn mission_rule_count(&self) -> i64 {
        count(self.inner.document().missions.len())
    }

    /// The number of participation rules.
    pub fn participation_rule_count(&self) -> i64 {
        count(self.inner.document().participations.len())
    }

    /// The catalogue as a document (JSON text).
    pub fn to_json(&self) -> String {
        to_json(&self.inner)
    }
}

/// What the core says about a mission (core: `Mission::profile`).
#[uniffi::export]
pub fn mission_profile(mission: Mission) -> FfiResult<MissionProfile> {
    guard(|| Ok(mission.profile()))
}

/// Checks an activity (core: `Activity::validate`: duration 1 to 1440 minutes, participants
/// for group missions, a co-animator for therapeutic education workshops).
#[uniffi::export]
pub fn validate_activity(activity: Activity) -> FfiResult<()> {
    guard(|| pp::Activity::try_from(activity)?.validate().map_err(core))
}

/// Reads an activity document (JSON text, schema `core/schemas/activity.schema.json`) and
/// validates it; `malformed_document` with the line and column when it is not one.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn activity_from_json(text: String) -> FfiResult<Activity> {
    guard(|| Ok(Activity::from(&pp::Activity::from_json(&text)?)))
}

/// An activity as the core's JSON document (ids trimmed, absent optional fields left out).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn activity_to_json(activity: Activity) -> FfiResult<String> {
    guard(|| Ok(to_json(&pp::Activity::try_from(activity)?)))
}
