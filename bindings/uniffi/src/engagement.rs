//! Engagement: the role catalogue (an object), classification, role and mission profiles,
//! activities. Vocabulary values (missions, roles, levels…) cross as their wire names.

use patient_partner as pp;
use patient_partner::engagement::{Participation, Role};
use patient_partner::{Mission, Vocabulary};

use crate::error::{core, guard, FfiResult};
use crate::records::Activity;
use crate::values::to_json;

/// The result of a classification (core: `engagement::Classification`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Classification {
    /// The engagement level (wire name: `information`, `consultation`, `collaboration`,
    /// `partnership`).
    pub level: String,
    /// The scope (`micro`, `meso`, `macro`).
    pub scope: String,
    /// The participation the level was derived from (stated, or the mission's usual one).
    pub participation: String,
    /// When a role was given: `typical`, `atypical_level`, `atypical_scope` or `atypical`.
    pub role_fit: Option<String>,
}

/// One role's entry in a catalogue (core: `engagement::RoleProfile`), values as wire names.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoleProfile {
    /// The role.
    pub role: String,
    /// Salaried, paid per intervention or volunteer.
    pub remuneration: String,
    /// Whether training is required before taking office.
    pub training: String,
    /// Whether the person may be a patient of the establishment.
    pub establishment_patient: String,
    /// The typical engagement levels, in catalogue order.
    pub levels: Vec<String>,
    /// The typical scopes, in catalogue order.
    pub scopes: Vec<String>,
}

impl From<&pp::engagement::RoleProfile> for RoleProfile {
    fn from(p: &pp::engagement::RoleProfile) -> Self {
        RoleProfile {
            role: p.role.wire_name().to_owned(),
            remuneration: p.remuneration.wire_name().to_owned(),
            training: p.training.wire_name().to_owned(),
            establishment_patient: p.establishment_patient.wire_name().to_owned(),
            levels: p.levels.iter().map(|l| l.wire_name().to_owned()).collect(),
            scopes: p.scopes.iter().map(|s| s.wire_name().to_owned()).collect(),
        }
    }
}

/// What the core says about one mission (core: `mission::MissionProfile`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MissionProfile {
    /// The mission.
    pub mission: String,
    /// `clinical` or `extra_clinical`.
    pub category: String,
    /// For an extra-clinical mission, its area.
    pub area: Option<String>,
    /// `individual` or `group`.
    pub format: String,
}

/// A validated role catalogue (core: `engagement::RoleCatalogue`). Immutable, shareable.
#[derive(Debug, uniffi::Object)]
pub struct RoleCatalogue {
    inner: pp::RoleCatalogue,
}

fn parse<T: std::str::FromStr<Err = pp::vocabulary::UnknownValue>>(s: &str) -> FfiResult<T> {
    s.parse::<T>().map_err(core)
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

    /// Classifies a mission (wire name) with an optional stated participation and an optional
    /// role (wire names).
    pub fn classify(
        &self,
        mission: String,
        participation: Option<String>,
        role: Option<String>,
    ) -> FfiResult<Classification> {
        guard(|| {
            let mission: Mission = parse(&mission)?;
            let participation: Option<Participation> =
                participation.as_deref().map(parse).transpose()?;
            let role: Option<Role> = role.as_deref().map(parse).transpose()?;
            let c = self
                .inner
                .classify(mission, participation, role)
                .map_err(core)?;
            Ok(Classification {
                level: c.level.wire_name().to_owned(),
                scope: c.scope.wire_name().to_owned(),
                participation: c.participation.wire_name().to_owned(),
                role_fit: c.role_fit.map(|f| f.wire_name().to_owned()),
            })
        })
    }

    /// The profile of a role (wire name); `role_not_in_catalogue` if absent.
    pub fn profile(&self, role: String) -> FfiResult<RoleProfile> {
        guard(|| {
            let role: Role = parse(&role)?;
            Ok(self.inner.profile(role).map_err(core)?.into())
        })
    }

    /// Every role profile, in catalogue order.
    pub fn profiles(&self) -> Vec<RoleProfile> {
        self.inner
            .profiles()
            .iter()
            .map(RoleProfile::from)
            .collect()
    }

    /// The roles of the catalogue (wire names), in catalogue order.
    pub fn roles(&self) -> Vec<String> {
        let doc = self.inner.document();
        doc.roles
            .iter()
            .map(|p| p.role.wire_name().to_owned())
            .collect()
    }

    /// The number of mission rules.
    pub fn mission_rule_count(&self) -> u64 {
        u64::try_from(self.inner.document().missions.len()).unwrap_or(u64::MAX)
    }

    /// The number of participation rules.
    pub fn participation_rule_count(&self) -> u64 {
        u64::try_from(self.inner.document().participations.len()).unwrap_or(u64::MAX)
    }

    /// The catalogue as a document (JSON text).
    pub fn to_json(&self) -> String {
        to_json(&self.inner)
    }
}

/// What the core says about a mission (wire name).
#[uniffi::export]
pub fn mission_profile(mission: String) -> FfiResult<MissionProfile> {
    guard(|| {
        let p = parse::<Mission>(&mission)?.profile();
        Ok(MissionProfile {
            mission: p.mission.wire_name().to_owned(),
            category: p.category.wire_name().to_owned(),
            area: p.area.map(|a| a.wire_name().to_owned()),
            format: p.format.wire_name().to_owned(),
        })
    })
}

/// Checks an activity (core: `Activity::validate`: duration 1 to 1440 minutes, participants
/// for group missions, a co-animator for therapeutic education workshops).
#[uniffi::export]
pub fn validate_activity(activity: Activity) -> FfiResult<()> {
    guard(|| pp::Activity::try_from(activity)?.validate().map_err(core))
}

/// Reads an activity document (JSON text, schema `core/schemas/activity.schema.json`) and
/// validates it; `malformed_document` with the line and column when it is not one.
#[uniffi::export]
pub fn activity_from_json(text: String) -> FfiResult<Activity> {
    guard(|| Ok(Activity::from(&pp::Activity::from_json(&text)?)))
}

/// An activity as the core's JSON document (ids trimmed, absent optional fields left out).
#[uniffi::export]
pub fn activity_to_json(activity: Activity) -> FfiResult<String> {
    guard(|| Ok(to_json(&pp::Activity::try_from(activity)?)))
}
