//! What the catalogue says about one role.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{EngagementLevel, Role, Scope};

crate::bilingual_enum! {
    /// How a role is paid.
    pub enum Remuneration {
        /// A salaried post (e.g. a patient partner on a half-time post).
        Salaried => "salaried", "salaried", "salarié",
        /// Paid per intervention (fees, *vacations*).
        PaidPerIntervention => "paid_per_intervention", "paid per intervention", "rémunéré à l'intervention",
        /// Volunteer (*bénévole*).
        Volunteer => "volunteer", "volunteer", "bénévole",
    }
}

crate::bilingual_enum! {
    /// Whether training is required before taking office.
    pub enum TrainingRequirement {
        /// Required before taking office (e.g. the ARS Nouvelle-Aquitaine programme).
        BeforeTakingOffice => "before_taking_office", "required before taking office", "obligatoire avant la prise de poste",
        /// Recommended, or required later, but not a condition to start.
        Recommended => "recommended", "recommended", "recommandée",
        /// Not required.
        NotRequired => "not_required", "not required", "non requise",
    }
}

crate::bilingual_enum! {
    /// Whether the person may be a patient of the establishment where they act.
    pub enum EstablishmentPatient {
        /// Must not be (user representatives on the CDU are not patients of the establishment).
        Excluded => "excluded", "must not be a patient of the establishment", "ne doit pas être patient de l'établissement",
        /// May be.
        Allowed => "allowed", "may be a patient of the establishment", "peut être patient de l'établissement",
    }
}

/// One role's entry in the [`RoleCatalogue`](super::RoleCatalogue).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleProfile {
    /// The role.
    pub role: Role,
    /// Salaried, paid per intervention or volunteer.
    pub remuneration: Remuneration,
    /// Whether training is required before taking office.
    pub training: TrainingRequirement,
    /// Whether the person may be a patient of the establishment.
    pub establishment_patient: EstablishmentPatient,
    /// The engagement levels the role typically works at (non-empty, no repeats).
    pub levels: Vec<EngagementLevel>,
    /// The scopes the role typically works at (non-empty, no repeats).
    pub scopes: Vec<Scope>,
}
