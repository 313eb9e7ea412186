//! The roles of engaged users and patients (BRIEF §2).

crate::bilingual_enum! {
    /// A form of user or patient engagement named by the sources (Institut Bergonié's list of
    /// the forms of user engagement, and the other roles the sources mention).
    pub enum Role {
        /// A user representative on the users' commission (*représentant des usagers*, RU, at
        /// the *Commission des usagers*, CDU); appointed by the regional health agency from
        /// approved associations; not a patient of the establishment.
        UserRepresentative => "user_representative", "user representative (CDU)", "représentant des usagers (CDU)",
        /// A member of a users' association (*association d'usagers*).
        UserAssociationMember => "user_association_member", "users' association member", "membre d'une association d'usagers",
        /// A member of a support association (*association d'accompagnement*).
        SupportAssociationMember => "support_association_member", "support association member", "membre d'une association d'accompagnement",
        /// A volunteer peer helper who is (or was) a patient (*pair aidant bénévole patient*).
        VolunteerPeerHelperPatient => "volunteer_peer_helper_patient", "volunteer peer helper (patient)", "pair aidant bénévole (patient)",
        /// A volunteer peer helper who is (or was) a caregiver (*pair aidant bénévole aidant*).
        VolunteerPeerHelperCaregiver => "volunteer_peer_helper_caregiver", "volunteer peer helper (caregiver)", "pair aidant bénévole (aidant)",
        /// A salaried, trained patient partner in a care team (*patient partenaire en cancérologie*).
        SalariedPatientPartner => "salaried_patient_partner", "salaried patient partner", "patient partenaire salarié",
        /// A parent partner in paediatric haemato-oncology (*parent partenaire*).
        ParentPartner => "parent_partner", "parent partner", "parent partenaire",
        /// A resource for other patients (*patient ressource*).
        ResourcePatient => "resource_patient", "resource patient", "patient ressource",
        /// An expert patient (*patient expert*).
        ExpertPatient => "expert_patient", "expert patient", "patient expert",
        /// A patient who audits in a pair with a professional (*patient auditeur*).
        PatientAuditor => "patient_auditor", "patient auditor", "patient auditeur",
        /// A patient who takes part in training doctors and nurses (*patient intervenant*).
        PatientTrainer => "patient_trainer", "patient trainer", "patient intervenant",
        /// A member of a patients' committee (*comité de patients*), consultative, volunteer.
        PatientCommitteeMember => "patient_committee_member", "patient committee member", "membre d'un comité de patients",
        /// A patient in the governance of a project (e.g. a digital health project).
        ProjectGovernancePatient => "project_governance_patient", "patient in project governance", "patient dans la gouvernance d'un projet",
    }
}
