//! The engagement continuum (Pomey et al., 2015, the "Montreal model").

crate::bilingual_enum! {
    /// A level of the engagement continuum, ordered: information < consultation <
    /// collaboration < partnership (`Ord` follows this order).
    ///
    /// ```
    /// use patient_partner::engagement::EngagementLevel as L;
    /// assert!(L::Information < L::Consultation && L::Collaboration < L::Partnership);
    /// ```
    pub enum EngagementLevel {
        /// The person receives information.
        Information => "information", "information", "information",
        /// The person is asked for an opinion.
        Consultation => "consultation", "consultation", "consultation",
        /// The person works with professionals on work they lead.
        Collaboration => "collaboration", "collaboration", "collaboration",
        /// Co-construction and shared decision.
        Partnership => "partnership", "partnership", "partenariat",
    }
}
