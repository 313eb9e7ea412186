//! How a referral is to be followed: where, and for how long (BRIEF §4: "inside or outside
//! the establishment, one-off or long-term, scheduled").

crate::bilingual_enum! {
    /// Where the follow-up takes place.
    pub enum Setting {
        /// In the establishment.
        InsideEstablishment => "inside_establishment", "inside the establishment", "dans l'établissement",
        /// Outside the establishment (at home, in an association's premises, remotely).
        OutsideEstablishment => "outside_establishment", "outside the establishment", "hors de l'établissement",
    }
}

crate::bilingual_enum! {
    /// How long the follow-up is meant to last.
    pub enum FollowUp {
        /// A single meeting.
        OneOff => "one_off", "one-off", "ponctuel",
        /// Several meetings over time.
        LongTerm => "long_term", "long-term", "au long cours",
    }
}
