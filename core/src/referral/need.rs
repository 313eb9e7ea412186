//! What a referred patient needs, and where they are in their care pathway.

crate::bilingual_enum! {
    /// A need a referral asks a patient partner to address (BRIEF §3–4: Institut Bergonié's
    /// clinical missions and the ARS Nouvelle-Aquitaine additions).
    pub enum Need {
        /// Find one's way in the care pathway (*se repérer dans le parcours de soins*).
        PathwayNavigation => "pathway_navigation", "finding one's way in the care pathway", "se repérer dans le parcours de soins",
        /// Identify needs and be oriented precisely towards professionals.
        NeedsIdentification => "needs_identification", "identifying needs and orientation", "identifier les besoins et orienter",
        /// Share experience with someone who has lived it.
        ExperienceSharing => "experience_sharing", "sharing experience", "partage d'expérience",
        /// Information on resources inside and outside the establishment.
        ResourcesInformation => "resources_information", "information on resources", "information sur les ressources",
        /// The effects of care on daily, family and personal life.
        DailyLifeEffects => "daily_life_effects", "effects on daily, family and personal life", "retentissement sur la vie quotidienne, familiale et personnelle",
        /// Life topics the patient dares not raise with carers.
        SensitiveTopics => "sensitive_topics", "life topics hard to raise with carers", "sujets de vie difficiles à aborder avec les soignants",
        /// Help with administrative and social procedures.
        AdministrativeProcedures => "administrative_procedures", "administrative and social procedures", "démarches administratives et sociales",
        /// Help preparing medical appointments.
        AppointmentPreparation => "appointment_preparation", "preparing medical appointments", "préparer les consultations médicales",
        /// Joining a support group (*groupe de parole*).
        SupportGroup => "support_group", "support group", "groupe de parole",
        /// Relational support.
        RelationalSupport => "relational_support", "relational support", "soutien relationnel",
        /// Taking back power over one's life (empowerment).
        Empowerment => "empowerment", "taking back power over one's life", "reprendre du pouvoir sur sa vie",
    }
}

crate::bilingual_enum! {
    /// The stage of the care pathway a patient is at (BRIEF §3).
    pub enum PathwayStage {
        /// Around the announcement of the diagnosis.
        Diagnosis => "diagnosis", "diagnosis", "diagnostic",
        /// Choosing between treatments.
        TreatmentChoice => "treatment_choice", "treatment choice", "choix thérapeutiques",
        /// During treatment.
        Treatment => "treatment", "treatment", "traitement",
        /// After treatment.
        AfterTreatment => "after_treatment", "after treatment", "après-traitement",
    }
}
