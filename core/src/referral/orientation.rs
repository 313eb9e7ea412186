//! Where a patient partner oriented a patient: a kind of professional, an association, a
//! resource.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::source::Profession;

crate::bilingual_enum! {
    /// A resource a patient can be oriented to, inside or outside the establishment.
    pub enum Resource {
        /// Supportive care (*soins de support*): pain, nutrition, physical activity, socio-aesthetics…
        SupportiveCare => "supportive_care", "supportive care", "soins de support",
        /// An information and meeting space for patients and relatives (*ERI*, *espace patients*).
        InformationSpace => "information_space", "patient information space", "espace d'information des patients",
        /// A therapeutic patient education programme (*ETP*).
        TherapeuticEducation => "therapeutic_education", "therapeutic patient education", "éducation thérapeutique",
        /// A support group.
        SupportGroup => "support_group", "support group", "groupe de parole",
        /// Social services and benefits.
        SocialServices => "social_services", "social services", "services sociaux",
        /// Return-to-work support.
        ReturnToWork => "return_to_work", "return-to-work support", "accompagnement au retour à l'emploi",
        /// Reliable information online or in print.
        Documentation => "documentation", "documentation", "documentation",
        /// Any other resource.
        Other => "other", "other", "autre",
    }
}

/// An orientation given to a patient at the end of a follow-up.
///
/// On the wire: `{"kind": "professional", "profession": "psychologist"}`,
/// `{"kind": "association"}` (optionally with a `label`, the association's public name) or
/// `{"kind": "resource", "resource": "supportive_care"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Orientation {
    /// Towards a kind of professional.
    Professional {
        /// The profession.
        profession: Profession,
    },
    /// Towards a patient or support association.
    Association {
        /// The association's public name, if recorded (never a person's name).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// Towards a resource.
    Resource {
        /// The resource.
        resource: Resource,
    },
}
