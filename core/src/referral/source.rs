//! Who referred the patient: the referring physician, or a professional of the care team.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::ProfessionalId;

crate::bilingual_enum! {
    /// The profession of a health professional (a referrer, a co-animator, an orientation).
    pub enum Profession {
        /// A nurse (including coordinating and advanced-practice nurses).
        Nurse => "nurse", "nurse", "infirmier·e",
        /// A medical oncologist.
        Oncologist => "oncologist", "oncologist", "oncologue",
        /// A surgeon.
        Surgeon => "surgeon", "surgeon", "chirurgien·ne",
        /// A radiotherapist (radiation oncologist).
        Radiotherapist => "radiotherapist", "radiotherapist", "radiothérapeute",
        /// A haematologist.
        Haematologist => "haematologist", "haematologist", "hématologue",
        /// A paediatrician (paediatric haemato-oncology).
        Paediatrician => "paediatrician", "paediatrician", "pédiatre",
        /// A general practitioner.
        GeneralPractitioner => "general_practitioner", "general practitioner", "médecin généraliste",
        /// A psychologist.
        Psychologist => "psychologist", "psychologist", "psychologue",
        /// A social worker.
        SocialWorker => "social_worker", "social worker", "assistant·e social·e",
        /// A dietitian.
        Dietitian => "dietitian", "dietitian", "diététicien·ne",
        /// A pharmacist.
        Pharmacist => "pharmacist", "pharmacist", "pharmacien·ne",
        /// A physiotherapist or adapted physical activity professional.
        Physiotherapist => "physiotherapist", "physiotherapist", "kinésithérapeute",
        /// A supportive or palliative care physician.
        SupportiveCarePhysician => "supportive_care_physician", "supportive care physician", "médecin de soins de support",
        /// Any other profession.
        Other => "other", "other", "autre",
    }
}

/// Who sent the patient to a patient partner (BRIEF §3–4: "referred either by the patient's
/// referring physician or by a health professional taking part in the patient's care").
///
/// On the wire: `{"kind": "referring_physician"}` or
/// `{"kind": "care_team", "profession": "nurse"}`, each with an optional `professional` id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReferralSource {
    /// The patient's referring physician (*médecin référent*).
    ReferringPhysician {
        /// The physician, by pseudonym, if recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        professional: Option<ProfessionalId>,
    },
    /// A health professional taking part in the patient's care.
    CareTeam {
        /// Their profession.
        profession: Profession,
        /// The professional, by pseudonym, if recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        professional: Option<ProfessionalId>,
    },
}

impl ReferralSource {
    /// The profession of the referrer, when it is a care-team professional.
    pub fn profession(&self) -> Option<Profession> {
        match self {
            ReferralSource::ReferringPhysician { .. } => None,
            ReferralSource::CareTeam { profession, .. } => Some(*profession),
        }
    }
}
