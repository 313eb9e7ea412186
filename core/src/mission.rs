//! Missions of patient partners: the clinical and extra-clinical catalogue (BRIEF §3).
//!
//! A [`Mission`] names *what* an activity is for. Each mission belongs to a
//! [`MissionCategory`] (clinical: with patients, in the care pathway; extra-clinical: with the
//! health system), and each extra-clinical mission to an [`ExtraClinicalArea`] (with
//! professionals, governance, training, communication, research, associations). Some missions
//! are held with a group ([`MissionFormat::Group`]): their activities must state how many
//! people took part (see [`crate::activity`]).
//!
//! The list follows the sources: Institut Bergonié's clinical and extra-clinical missions, the
//! ARS Nouvelle-Aquitaine additions (support groups, meetings with patients and relatives) and
//! Centre François Baclesse's split "with professionals" / "with patients". The *purposes* of
//! a clinical interview (find one's way in the pathway, share experience…) are the
//! [`Need`](crate::referral::Need)s of a referral, not separate missions.
//!
//! ```
//! use patient_partner::mission::{Mission, MissionCategory, ExtraClinicalArea, MissionFormat};
//! assert_eq!(Mission::SupportGroup.category(), MissionCategory::Clinical);
//! assert_eq!(Mission::SupportGroup.format(), MissionFormat::Group);
//! assert_eq!(
//!     Mission::ProfessionalTraining.extra_clinical_area(),
//!     Some(ExtraClinicalArea::Training)
//! );
//! assert_eq!(Mission::IndividualInterview.extra_clinical_area(), None);
//! ```

use schemars::JsonSchema;
use serde::Serialize;

crate::bilingual_enum! {
    /// Clinical (with patients, in their care pathway) or extra-clinical (with the health system).
    pub enum MissionCategory {
        /// With patients and relatives, in the care pathway.
        Clinical => "clinical", "clinical", "clinique",
        /// With professionals, institutions and the public.
        ExtraClinical => "extra_clinical", "extra-clinical", "extra-clinique",
    }
}

crate::bilingual_enum! {
    /// The area of an extra-clinical mission.
    pub enum ExtraClinicalArea {
        /// Work with care teams and professionals (Baclesse's "with professionals").
        WithProfessionals => "with_professionals", "with professionals", "avec les professionnels",
        /// Committees, pathway reorganisation, governance, CDU, ethics.
        Governance => "governance", "governance", "gouvernance",
        /// Training of professionals.
        Training => "training", "training", "formation",
        /// Making the role known: presentations, congresses, media.
        Communication => "communication", "communication", "communication",
        /// Research focus groups and the design and testing of innovations.
        Research => "research", "research", "recherche",
        /// Work with patient associations.
        Associations => "associations", "associations", "associations",
    }
}

crate::bilingual_enum! {
    /// Whether a mission is held with one person or with a group.
    pub enum MissionFormat {
        /// One patient (possibly with a relative), or no audience at all.
        Individual => "individual", "individual", "individuel",
        /// A group: the number of participants must be recorded.
        Group => "group", "group", "collectif",
    }
}

crate::bilingual_enum! {
    /// The activity columns of the monthly table (see [`Mission::report_category`]): the
    /// clinical group sessions, each extra-clinical area, and the individual clinical
    /// activities kept in an activity log rather than the interview log.
    pub enum ActivityCategory {
        /// Support groups and meetings with patients and relatives.
        ClinicalGroups => "clinical_groups", "clinical group sessions", "séances collectives cliniques",
        /// Work with care teams and professionals.
        WithProfessionals => "with_professionals", "with professionals", "avec les professionnels",
        /// Committees, pathway reorganisation, governance, CDU, ethics.
        Governance => "governance", "governance", "gouvernance",
        /// Training of professionals.
        Training => "training", "training", "formation",
        /// Making the role known: presentations, congresses, media.
        Communication => "communication", "communication", "communication",
        /// Research focus groups and the design and testing of innovations.
        Research => "research", "research", "recherche",
        /// Work with patient associations.
        Associations => "associations", "associations", "associations",
        /// Individual interviews recorded as activities (not in the interview columns, which
        /// count the interview log).
        ClinicalIndividual => "clinical_individual", "individual clinical activities", "activités cliniques individuelles",
    }
}

crate::bilingual_enum! {
    /// A mission of a patient partner (BRIEF §3).
    pub enum Mission {
        /// An interview with a referred patient, in person, by phone or video (*entretien*).
        IndividualInterview => "individual_interview", "individual interview", "entretien individuel",
        /// A support group (*groupe de parole*).
        SupportGroup => "support_group", "support group", "groupe de parole",
        /// A meeting with patients and relatives, co-animated with professionals.
        PatientRelativeMeeting => "patient_relative_meeting", "meeting with patients and relatives", "réunion patients-proches",
        /// Taking part in the work of a care team (staff meetings, pathway huddles).
        CareTeamParticipation => "care_team_participation", "care team participation", "participation à l'équipe de soins",
        /// A therapeutic patient education workshop co-animated with professionals (*ETP*).
        TherapeuticEducationWorkshop => "therapeutic_education_workshop", "therapeutic patient education workshop", "atelier d'éducation thérapeutique (ETP)",
        /// Evaluating professional practice, e.g. a patient audit in a pair with a professional.
        PracticeEvaluation => "practice_evaluation", "evaluation of professional practice", "évaluation des pratiques professionnelles",
        /// Helping design and test innovations (tools, services).
        InnovationDesign => "innovation_design", "design and testing of innovations", "conception et test d'innovations",
        /// Contributing to the reorganisation of care pathways.
        PathwayRedesign => "pathway_redesign", "care pathway redesign", "réorganisation des parcours",
        /// Sharing experience in a committee or a project (patient committee, project group).
        CommitteeParticipation => "committee_participation", "committee participation", "participation à un comité",
        /// Work with the users' commission (*Commission des usagers*, CDU).
        UsersCommissionWork => "users_commission_work", "users' commission (CDU) work", "travail avec la commission des usagers",
        /// Work with the establishment's ethics group.
        EthicsGroup => "ethics_group", "ethics group", "groupe éthique",
        /// Taking part in the governance of the establishment or of a project.
        GovernanceParticipation => "governance_participation", "governance participation", "participation à la gouvernance",
        /// Training doctors, nurses and other professionals (*patient intervenant*).
        ProfessionalTraining => "professional_training", "training of professionals", "formation des professionnels",
        /// Making the patient partner role known to professionals, patients, associations, the public.
        RolePromotion => "role_promotion", "promotion of the role", "faire connaître le rôle",
        /// Speaking at a congress or a round table.
        CongressRoundTable => "congress_round_table", "congress or round table", "congrès ou table ronde",
        /// Media interviews and publications.
        Media => "media", "media", "médias",
        /// A research focus group.
        ResearchFocusGroup => "research_focus_group", "research focus group", "focus group de recherche",
        /// Work with patient associations.
        AssociationWork => "association_work", "work with patient associations", "travail avec les associations de patients",
    }
}

impl Mission {
    /// Clinical or extra-clinical.
    pub fn category(self) -> MissionCategory {
        match self {
            Mission::IndividualInterview
            | Mission::SupportGroup
            | Mission::PatientRelativeMeeting => MissionCategory::Clinical,
            _ => MissionCategory::ExtraClinical,
        }
    }

    /// The area of an extra-clinical mission; `None` for a clinical one.
    pub fn extra_clinical_area(self) -> Option<ExtraClinicalArea> {
        use ExtraClinicalArea as A;
        Some(match self {
            Mission::IndividualInterview
            | Mission::SupportGroup
            | Mission::PatientRelativeMeeting => return None,
            Mission::CareTeamParticipation
            | Mission::TherapeuticEducationWorkshop
            | Mission::PracticeEvaluation => A::WithProfessionals,
            Mission::PathwayRedesign
            | Mission::CommitteeParticipation
            | Mission::UsersCommissionWork
            | Mission::EthicsGroup
            | Mission::GovernanceParticipation => A::Governance,
            Mission::ProfessionalTraining => A::Training,
            Mission::RolePromotion | Mission::CongressRoundTable | Mission::Media => {
                A::Communication
            }
            Mission::InnovationDesign | Mission::ResearchFocusGroup => A::Research,
            Mission::AssociationWork => A::Associations,
        })
    }

    /// Individual or group. Group missions: support groups, meetings with patients and
    /// relatives, ETP workshops, training sessions and research focus groups.
    pub fn format(self) -> MissionFormat {
        match self {
            Mission::SupportGroup
            | Mission::PatientRelativeMeeting
            | Mission::TherapeuticEducationWorkshop
            | Mission::ProfessionalTraining
            | Mission::ResearchFocusGroup => MissionFormat::Group,
            _ => MissionFormat::Individual,
        }
    }

    /// The activity column of the monthly table this mission is counted in: every mission
    /// has exactly one. Support groups and meetings with patients and relatives are the
    /// clinical group sessions; an extra-clinical mission is counted in its area.
    ///
    /// ```
    /// use patient_partner::mission::{ActivityCategory, Mission};
    /// assert_eq!(Mission::SupportGroup.report_category(), ActivityCategory::ClinicalGroups);
    /// assert_eq!(Mission::Media.report_category(), ActivityCategory::Communication);
    /// ```
    pub fn report_category(self) -> ActivityCategory {
        match self.extra_clinical_area() {
            Some(ExtraClinicalArea::WithProfessionals) => ActivityCategory::WithProfessionals,
            Some(ExtraClinicalArea::Governance) => ActivityCategory::Governance,
            Some(ExtraClinicalArea::Training) => ActivityCategory::Training,
            Some(ExtraClinicalArea::Communication) => ActivityCategory::Communication,
            Some(ExtraClinicalArea::Research) => ActivityCategory::Research,
            Some(ExtraClinicalArea::Associations) => ActivityCategory::Associations,
            None => match self.format() {
                MissionFormat::Group => ActivityCategory::ClinicalGroups,
                MissionFormat::Individual => ActivityCategory::ClinicalIndividual,
            },
        }
    }

    /// Everything the catalogue says about this mission, as one value.
    pub fn profile(self) -> MissionProfile {
        MissionProfile {
            mission: self,
            category: self.category(),
            area: self.extra_clinical_area(),
            format: self.format(),
        }
    }
}

/// What the catalogue says about one mission (the output of the `mission_profile` op).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MissionProfile {
    /// The mission.
    pub mission: Mission,
    /// Clinical or extra-clinical.
    pub category: MissionCategory,
    /// For an extra-clinical mission, its area.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<ExtraClinicalArea>,
    /// Individual or group.
    pub format: MissionFormat,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extra_clinical_mission_has_an_area_and_no_clinical_one_does() {
        for m in Mission::ALL {
            assert_eq!(
                m.extra_clinical_area().is_some(),
                m.category() == MissionCategory::ExtraClinical,
                "{m:?}"
            );
        }
        assert!(Mission::ALL
            .iter()
            .any(|m| m.category() == MissionCategory::Clinical));
    }

    #[test]
    fn report_categories() {
        use crate::vocabulary::Vocabulary;
        use std::collections::BTreeSet;
        let clinical_groups: Vec<Mission> = Mission::ALL
            .iter()
            .copied()
            .filter(|m| m.report_category() == ActivityCategory::ClinicalGroups)
            .collect();
        assert_eq!(
            clinical_groups,
            [Mission::SupportGroup, Mission::PatientRelativeMeeting]
        );
        assert_eq!(
            Mission::IndividualInterview.report_category(),
            ActivityCategory::ClinicalIndividual
        );
        // every category is reached, and an area's category has the area's wire name
        let reached: BTreeSet<&str> = Mission::ALL
            .iter()
            .map(|m| m.report_category().wire_name())
            .collect();
        assert_eq!(reached.len(), ActivityCategory::ALL.len());
        for m in Mission::ALL {
            if let Some(area) = m.extra_clinical_area() {
                assert_eq!(m.report_category().wire_name(), area.wire_name());
            }
        }
    }

    #[test]
    fn group_missions() {
        assert_eq!(
            Mission::IndividualInterview.format(),
            MissionFormat::Individual
        );
        assert_eq!(Mission::ResearchFocusGroup.format(), MissionFormat::Group);
        let p = Mission::Media.profile();
        assert_eq!(p.area, Some(ExtraClinicalArea::Communication));
    }
}
